"""``evaluate()``: every gate of a candidate's pathway on one date, explained and cited.

The gates run in the order a candidate meets them: course window, program director
verification, CPR credential, authorization to test, cognitive exam, skills competency,
certification. Each reads its numbers from the program's parameters; every reason
carries the citation of the parameter it applied, and the status carries the weakest
confidence among all the parameters read.

Nothing here names a program: where two programs differ (what holds a result, what the
attempt limit counts over, what follows the last attempt, whether CPR or skills are part
of the pathway) the difference is a parameter or a small policy value the program holds.
A gate the program does not have (its parameter is ``None``) is met, with a reason
saying it is not part of the pathway.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> candidate = ep.Candidate(
    ...     course=ep.CourseCompletion(dt.date(2025, 5, 2), verified_on=dt.date(2025, 5, 9)),
    ...     attempts=[ep.ExamAttempt(dt.date(2025, 7, 11), passed=False, scaled_score=880)],
    ...     skills=ep.SkillsCompetency(dt.date(2025, 4, 28)),
    ... )
    >>> status = ep.evaluate(candidate, as_of=dt.date(2025, 7, 14))
    >>> status.next_attempt_on, status.attempts_remaining, status.certified
    (datetime.date(2025, 7, 26), 2, False)
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

import attrs

from emrpath.decisions import Gate, GateName, GateState, PathwayStatus, Reason
from emrpath.errors import InputTypeError, InvalidRecordError
from emrpath.params import Param, Provision, weakest
from emrpath.policies import AttemptScope, Requirement
from emrpath.program import Program
from emrpath.programs import NREMT_EMR
from emrpath.records import Candidate, ExamAttempt
from emrpath.rules._program_arg import check_program
from emrpath.rules.scores import check_score

__all__ = ["evaluate"]

T = TypeVar("T")

_RULE = "evaluate"


class _Reader:
    """Reads parameters for one evaluation and remembers every provision it used."""

    __slots__ = ("used",)

    def __init__(self) -> None:
        self.used: list[Provision[Any]] = []

    def read(self, param: Param[T], on: dt.date) -> Provision[T]:
        provision = param.at(on)
        self.used.append(provision)
        return provision

    def reason(
        self, code: str, message: str, param: Param[Any], provision: Provision[Any]
    ) -> Reason:
        return Reason(code, message, param.name, provision.citation, provision.confidence)


def _check_not_after(candidate: Candidate, as_of: dt.date) -> None:
    """Facts dated after ``as_of`` cannot be known on ``as_of``: refuse them."""
    checks: list[tuple[str, dt.date | None, str]] = [
        ("course.completed_on", candidate.course.completed_on, "course window"),
        ("course.verified_on", candidate.course.verified_on, "course verification"),
    ]
    checks += [
        (f"attempts[{i}].taken_on", a.taken_on, "exam attempt")
        for i, a in enumerate(candidate.attempts)
    ]
    checks += [
        (f"authorizations[{i}].issued_on", a.issued_on, "authorization to test")
        for i, a in enumerate(candidate.authorizations)
    ]
    if candidate.skills is not None:
        checks.append(("skills.passed_on", candidate.skills.passed_on, "skills competency"))
    if candidate.cpr is not None:
        checks.append(("cpr.issued_on", candidate.cpr.issued_on, "CPR credential"))
    checks.append(("transcripts_received_on", candidate.transcripts_received_on, "result posting"))
    for field, day, rule in checks:
        if day is not None and day > as_of:
            raise InvalidRecordError(
                f"{day} is after as_of {as_of}; a record cannot hold facts from after the "
                "date it is evaluated on",
                field=field,
                rule=rule,
            )


def evaluate(
    candidate: Candidate, *, as_of: dt.date | dt.datetime, program: Program = NREMT_EMR
) -> PathwayStatus:
    """Every gate of ``candidate``'s pathway on ``as_of``, with dates, reasons and sources.

    Args:
        candidate: The course, attempts and other records of one candidate.
        as_of: The date of evaluation (or an aware datetime, read in the program's
            timezone). Nothing reads the clock.
        program: The program whose rules apply.

    Returns:
        A :class:`~emrpath.decisions.PathwayStatus`.

    Raises:
        InputTypeError: ``candidate`` is not a Candidate, or ``as_of`` is not a date.
        InvalidRecordError: A record dated after ``as_of``, a score that contradicts the
            score report, more attempts than the program allows (counted per course or
            per eligibility route, as the program says), or an attempt after the course
            expired.
        NoRuleInForceError: The program has no rule for a date the candidate's records
            need (for NREMT EMR, anything before 2015-01-01).

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> done = ep.Candidate(
        ...     course=ep.CourseCompletion(dt.date(2025, 1, 10), verified_on=dt.date(2025, 1, 13)),
        ...     attempts=[ep.ExamAttempt(dt.date(2025, 2, 6), passed=True)],
        ...     skills=ep.SkillsCompetency(dt.date(2025, 1, 8)),
        ... )
        >>> status = ep.evaluate(done, as_of=dt.date(2025, 3, 1))
        >>> status.certified, status.certified_on, status.certification_expires_on
        (True, datetime.date(2025, 2, 10), datetime.date(2027, 9, 30))
    """
    program = check_program(program, _RULE)
    if not isinstance(candidate, Candidate):
        raise InputTypeError(
            f"expected a Candidate, got {type(candidate).__name__}", field="candidate", rule=_RULE
        )
    today = program.date(as_of, field="as_of", rule=_RULE)
    _check_not_after(candidate, today)
    return _Evaluation(candidate, today, program).run()


class _Evaluation:
    """One evaluation, gate by gate; a class only to share its working values."""

    def __init__(self, candidate: Candidate, as_of: dt.date, program: Program) -> None:
        self.c = candidate
        self.as_of = as_of
        self.p = program
        self.r = _Reader()
        self.record_reasons: list[Reason] = []
        completed = candidate.course.completed_on
        self.completed = completed
        self.course_rule = self.r.read(program.course_validity, completed)
        self.course_end = self.course_rule.value.expires_on(completed)
        self.limit_rule = self.r.read(program.attempt_limit, completed)
        self.portion_rule = (
            None
            if program.portion_validity is None
            else self.r.read(program.portion_validity, completed)
        )
        self.passed: ExamAttempt | None = candidate.passed_attempt
        self.prior_attempts = self.count_prior_attempts()

    # -- shared helpers -----------------------------------------------------------------

    def portion_end(self, passed_on: dt.date) -> dt.date | None:
        validity = None if self.portion_rule is None else self.portion_rule.value
        return None if validity is None else validity.expires_on(passed_on)

    def portion_reason(self, code: str, message: str) -> Reason:
        if self.p.portion_validity is None or self.portion_rule is None:
            return Reason(code, message)
        return self.reason(code, message, self.p.portion_validity, self.portion_rule)

    def count_prior_attempts(self) -> int:
        """Attempts in ``history`` that count against the current limit."""
        if self.limit_rule.value.scope is not AttemptScope.PER_ROUTE or not self.c.history:
            return 0
        route = self.c.course.route
        named = [("course.route", route)] + [
            (f"history[{i}].course.route", h.course.route) for i, h in enumerate(self.c.history)
        ]
        for field, value in named:
            if value is None:
                raise InvalidRecordError(
                    "the program counts attempts per eligibility route, so with a history "
                    "every course must name its route",
                    field=field,
                    rule="attempt limit",
                )
        return sum(len(h.attempts) for h in self.c.history if h.course.route == route)

    def requirement_on(self, requirement: Requirement) -> dt.date | None:
        """The date ``requirement`` was completed, from the candidate's records."""
        if requirement is Requirement.COURSE_VERIFIED:
            return self.c.course.verified_on
        if requirement is Requirement.SKILLS_PASSED:
            return None if self.c.skills is None else self.c.skills.passed_on
        return self.c.transcripts_received_on

    def not_in_pathway(self, name: GateName) -> Gate:
        return Gate(
            name,
            GateState.MET,
            (Reason(f"{name.value}_not_required", "Not part of this program's pathway."),),
        )

    def result_date(self, exam_on: dt.date) -> tuple[dt.date, Provision[Any]]:
        rule = self.r.read(self.p.result_posting, exam_on)
        return self.p.calendar.add_business_days(exam_on, rule.value.business_days), rule

    def reason(
        self, code: str, message: str, param: Param[Any], provision: Provision[Any]
    ) -> Reason:
        return self.r.reason(code, message, param, provision)

    # -- record checks ------------------------------------------------------------------

    def check_attempts(self) -> None:
        attempts = self.c.attempts
        rule = self.limit_rule.value
        limit = rule.max_attempts
        if self.prior_attempts + len(attempts) > limit:
            first_over = limit - self.prior_attempts
            where = "history" if first_over < 0 else f"attempts[{first_over}]"
            earlier = (
                f" ({self.prior_attempts} of them in history on the same route)"
                if self.prior_attempts
                else ""
            )
            raise InvalidRecordError(
                f"{self.prior_attempts + len(attempts)} attempts under one "
                f"{rule.scope.noun}{earlier}; the program allows {limit}, then "
                f"{rule.after_limit.next_step}",
                field=where,
                rule="attempt limit",
            )
        for index, attempt in enumerate(attempts):
            where = f"attempts[{index}]"
            self.r.read(self.p.score_scale, attempt.taken_on)
            check_score(attempt, self.p, field=where)
            if attempt.taken_on > self.course_end:
                raise InvalidRecordError(
                    f"attempt on {attempt.taken_on} is after the course expired on "
                    f"{self.course_end}; it cannot count under this course",
                    field=f"{where}.taken_on",
                    rule="course window",
                )
            if index:
                before = attempts[index - 1].taken_on
                if attempts[index - 1].passed:
                    self.check_pass_lapsed(before, attempt.taken_on, f"{where}.taken_on")
                wait = self.r.read(self.p.retest_wait, before)
                earliest = wait.value.earliest_after(before)
                if attempt.taken_on < earliest:
                    self.record_reasons.append(
                        self.reason(
                            "retest_wait_not_kept",
                            f"The attempt on {attempt.taken_on} came before the earliest "
                            f"retest date {earliest} ({wait.value.describe()}); check the "
                            "record or the rule.",
                            self.p.retest_wait,
                            wait,
                        )
                    )
        self.check_authorizations_cover_attempts()
        self.check_cpr_covers_attempts()

    def check_pass_lapsed(self, passed_on: dt.date, next_on: dt.date, field: str) -> None:
        """An attempt may follow a pass only after that pass stopped being valid."""
        end = self.portion_end(passed_on)
        if end is None or next_on <= end:
            valid = "has no time limit" if end is None else f"is valid through {end}"
            raise InvalidRecordError(
                f"attempt on {next_on} follows a passed attempt on {passed_on}, which {valid}",
                field=field,
                rule="exam attempt",
            )

    def check_authorizations_cover_attempts(self) -> None:
        if not self.c.authorizations:
            return
        for attempt in self.c.attempts:
            covered = False
            for att in self.c.authorizations:
                window = self.r.read(self.p.authorization, att.issued_on)
                end = window.value.expires_on(att.issued_on, self.course_end)
                if att.issued_on <= attempt.taken_on <= end:
                    covered = True
                    break
            if not covered:
                window = self.r.read(self.p.authorization, attempt.taken_on)
                self.record_reasons.append(
                    self.reason(
                        "attempt_without_authorization",
                        f"No authorization to test on record covers the attempt on "
                        f"{attempt.taken_on} ({window.value.describe()}).",
                        self.p.authorization,
                        window,
                    )
                )

    def check_cpr_covers_attempts(self) -> None:
        cpr = self.c.cpr
        param = self.p.cpr_required
        if cpr is None or param is None:
            return
        for attempt in self.c.attempts:
            if attempt.taken_on > cpr.expires_on:
                rule = self.r.read(param, attempt.taken_on)
                if rule.value:
                    self.record_reasons.append(
                        self.reason(
                            "attempt_after_cpr_expired",
                            f"The CPR credential on record expired {cpr.expires_on}, before "
                            f"the attempt on {attempt.taken_on}; an earlier card is not on "
                            "record.",
                            param,
                            rule,
                        )
                    )

    # -- gates --------------------------------------------------------------------------

    def course_gate(self) -> Gate:
        p = self.p.course_validity
        if self.as_of <= self.course_end:
            return Gate(
                GateName.COURSE,
                GateState.MET,
                (
                    self.reason(
                        "course_valid",
                        f"Course completed {self.completed}; it qualifies for testing through "
                        f"{self.course_end}.",
                        p,
                        self.course_rule,
                    ),
                ),
                valid_until=self.course_end,
            )
        return Gate(
            GateName.COURSE,
            GateState.EXPIRED,
            (
                self.reason(
                    "course_expired",
                    f"Course completed {self.completed} stopped qualifying for testing after "
                    f"{self.course_end}.",
                    p,
                    self.course_rule,
                ),
            ),
            valid_until=self.course_end,
        )

    def verification_gate(self) -> Gate:
        p = self.p.verification_required
        rule = self.r.read(p, self.completed)
        verified = self.c.course.verified_on
        if not rule.value:
            return Gate(GateName.VERIFICATION, GateState.MET, ())
        if verified is not None:
            return Gate(
                GateName.VERIFICATION,
                GateState.MET,
                (
                    self.reason(
                        "course_verified",
                        f"Course completion verified on {verified}.",
                        p,
                        rule,
                    ),
                ),
            )
        return Gate(
            GateName.VERIFICATION,
            GateState.PENDING,
            (
                self.reason(
                    "verification_missing",
                    f"Course completion is not yet verified ({p.description}).",
                    p,
                    rule,
                ),
            ),
        )

    def cpr_gate(self, attempt_possible: bool) -> Gate:
        p = self.p.cpr_required
        if p is None:
            return self.not_in_pathway(GateName.CPR)
        rule = self.r.read(p, self.as_of)
        if not rule.value:
            return Gate(GateName.CPR, GateState.MET, ())
        cpr = self.c.cpr
        if not attempt_possible:
            return Gate(
                GateName.CPR,
                GateState.NOT_YET_APPLICABLE,
                (
                    Reason(
                        "cpr_not_needed_now",
                        "No further attempt is open, so no application needs a CPR credential "
                        "now.",
                    ),
                ),
                valid_until=None if cpr is None else cpr.expires_on,
            )
        if cpr is None:
            return Gate(
                GateName.CPR,
                GateState.PENDING,
                (
                    self.reason(
                        "cpr_missing",
                        "No CPR-BLS credential on record; a current one is needed to apply "
                        "for the next attempt.",
                        p,
                        rule,
                    ),
                ),
            )
        if cpr.expires_on >= self.as_of:
            return Gate(
                GateName.CPR,
                GateState.MET,
                (
                    self.reason(
                        "cpr_current", f"CPR credential current through {cpr.expires_on}.", p, rule
                    ),
                ),
                valid_until=cpr.expires_on,
            )
        return Gate(
            GateName.CPR,
            GateState.EXPIRED,
            (
                self.reason(
                    "cpr_expired",
                    f"CPR credential expired {cpr.expires_on}; renew it before applying for "
                    "the next attempt.",
                    p,
                    rule,
                ),
            ),
            valid_until=cpr.expires_on,
        )

    def authorization_gate(self, attempt_possible: bool) -> Gate:
        p = self.p.authorization
        if not attempt_possible:
            return Gate(
                GateName.AUTHORIZATION,
                GateState.NOT_YET_APPLICABLE,
                (Reason("authorization_not_needed_now", "No further attempt is open."),),
            )
        att = self.c.unused_authorization
        if att is not None:
            rule = self.r.read(p, att.issued_on)
            end = rule.value.expires_on(att.issued_on, self.course_end)
            if end >= self.as_of:
                return Gate(
                    GateName.AUTHORIZATION,
                    GateState.MET,
                    (
                        self.reason(
                            "authorization_current",
                            f"Authorization to test issued {att.issued_on} is valid through "
                            f"{end} ({rule.value.describe()}).",
                            p,
                            rule,
                        ),
                    ),
                    valid_until=end,
                )
            return Gate(
                GateName.AUTHORIZATION,
                GateState.EXPIRED,
                (
                    self.reason(
                        "authorization_expired",
                        f"Authorization to test issued {att.issued_on} expired after {end}; "
                        "a new application and fee are needed.",
                        p,
                        rule,
                    ),
                ),
                valid_until=end,
            )
        rule = self.r.read(p, self.as_of)
        end = rule.value.expires_on(self.as_of, self.course_end)
        return Gate(
            GateName.AUTHORIZATION,
            GateState.PENDING,
            (
                self.reason(
                    "authorization_missing",
                    "No unused authorization to test on record; one issued today would be "
                    f"valid through {end} ({rule.value.describe()}).",
                    p,
                    rule,
                ),
            ),
        )

    def cognitive_gate(self, issued_on: dt.date | None) -> tuple[Gate, dt.date | None, bool]:
        """The cognitive gate, the next attempt date, and whether a new course is needed.

        ``issued_on`` is the certification date when certification was issued on or before
        ``as_of``: a pass that earned a certification stays met, as the skills gate does.
        """
        attempts = self.c.attempts
        reasons: list[Reason] = []
        if attempts:
            last = attempts[-1]
            result_on, posting = self.result_date(last.taken_on)
            if self.as_of < result_on:
                reasons.append(
                    self.reason(
                        "result_expected",
                        f"The result of the attempt on {last.taken_on} is expected on "
                        f"{result_on} ({posting.value.business_days} business days after the "
                        "exam; an expectation, not a guarantee).",
                        self.p.result_posting,
                        posting,
                    )
                )
        if self.passed is not None:
            end = self.portion_end(self.passed.taken_on)
            result_on, posting = self.result_date(self.passed.taken_on)
            checked_on = issued_on if issued_on is not None else self.as_of
            if end is not None and checked_on > end:
                # A pass that lapsed before it earned certification counts for nothing but
                # an attempt used: the next attempt is worked out as after a failure.
                reasons.append(
                    self.portion_reason(
                        "cognitive_expired",
                        f"Cognitive exam passed on {self.passed.taken_on} stopped being "
                        f"valid after {end}, before it earned certification; it must be "
                        "passed again.",
                    )
                )
                gate, next_on, remediation = self.next_attempt_gate(reasons)
                lapsed = attrs.evolve(gate, state=GateState.EXPIRED, valid_until=end)
                return lapsed, next_on, remediation
            reasons.append(
                self.portion_reason(
                    "cognitive_passed",
                    f"Cognitive exam passed on {self.passed.taken_on}"
                    + (f"; the pass stays valid through {end}." if end else "."),
                )
            )
            return (
                Gate(
                    GateName.COGNITIVE,
                    GateState.MET,
                    tuple(reasons),
                    valid_until=end,
                    expected_on=result_on,
                ),
                None,
                False,
            )
        return self.next_attempt_gate(reasons)

    def next_attempt_gate(self, reasons: list[Reason]) -> tuple[Gate, dt.date | None, bool]:
        """The cognitive gate with no valid pass: when the next attempt may be taken."""
        attempts = self.c.attempts
        limit = self.limit_rule.value
        used = self.prior_attempts + len(attempts)
        limit_param = self.p.attempt_limit
        after = limit.after_limit.next_step
        if used >= limit.max_attempts:
            reasons.append(
                self.reason(
                    "attempts_used_up",
                    f"All {limit.max_attempts} attempts under this {limit.scope.noun} have been "
                    f"used; the next attempt needs {after}.",
                    limit_param,
                    self.limit_rule,
                )
            )
            return Gate(GateName.COGNITIVE, GateState.BLOCKED, tuple(reasons)), None, True
        if self.as_of > self.course_end:
            reasons.append(
                self.reason(
                    "course_expired_before_pass",
                    f"The course stopped qualifying after {self.course_end}; the next attempt "
                    f"needs {after}.",
                    self.p.course_validity,
                    self.course_rule,
                )
            )
            return Gate(GateName.COGNITIVE, GateState.BLOCKED, tuple(reasons)), None, True
        earliest = self.as_of
        if attempts:
            wait = self.r.read(self.p.retest_wait, attempts[-1].taken_on)
            retest_on = wait.value.earliest_after(attempts[-1].taken_on)
            earliest = max(earliest, retest_on)
            reasons.append(
                self.reason(
                    "retest_wait",
                    f"Retest allowed from {retest_on} ({wait.value.describe()}).",
                    self.p.retest_wait,
                    wait,
                )
            )
        if earliest > self.course_end:
            reasons.append(
                self.reason(
                    "retest_after_course_expiry",
                    f"The earliest next attempt, {earliest}, falls after the course stops "
                    f"qualifying on {self.course_end}; the next attempt needs {after}.",
                    self.p.course_validity,
                    self.course_rule,
                )
            )
            return Gate(GateName.COGNITIVE, GateState.BLOCKED, tuple(reasons)), None, True
        reasons.append(
            self.reason(
                "attempts_remaining",
                f"Attempt {used + 1} of {limit.max_attempts} may be taken from {earliest} "
                f"through {self.course_end}.",
                limit_param,
                self.limit_rule,
            )
        )
        return (
            Gate(GateName.COGNITIVE, GateState.PENDING, tuple(reasons), expected_on=earliest),
            earliest,
            False,
        )

    def skills_gate(self, certification_on: dt.date | None) -> Gate:
        p = self.p.skills_required
        if p is None:
            return self.not_in_pathway(GateName.SKILLS)
        rule = self.r.read(p, self.completed)
        if not rule.value:
            return Gate(GateName.SKILLS, GateState.MET, ())
        skills = self.c.skills
        if skills is None:
            return Gate(
                GateName.SKILLS,
                GateState.PENDING,
                (
                    self.reason(
                        "skills_missing",
                        f"No skills competency on record ({p.description}).",
                        p,
                        rule,
                    ),
                ),
            )
        end = self.portion_end(skills.passed_on)
        # A certification already issued keeps the portions that earned it; only an open
        # pathway needs the pass to be valid today.
        checked_on = certification_on if certification_on is not None else self.as_of
        if end is not None and checked_on > end:
            return Gate(
                GateName.SKILLS,
                GateState.EXPIRED,
                (
                    self.portion_reason(
                        "skills_expired",
                        f"Skills competency passed {skills.passed_on} stopped being valid after "
                        f"{end}; it must be passed again.",
                    ),
                ),
                valid_until=end,
            )
        return Gate(
            GateName.SKILLS,
            GateState.MET,
            (
                self.portion_reason(
                    "skills_passed",
                    f"Skills competency passed {skills.passed_on}"
                    + (f"; valid through {end}." if end else "."),
                ),
            ),
            valid_until=end,
        )

    def required(self) -> list[Requirement]:
        """Every requirement of certification besides the pass, in a stable order.

        The program's ``verification_required`` and ``skills_required`` parameters, and the
        requirements its result posting is held until.
        """
        items = set()
        if self.r.read(self.p.verification_required, self.completed).value:
            items.add(Requirement.COURSE_VERIFIED)
        skills = self.p.skills_required
        if skills is not None and self.r.read(skills, self.completed).value:
            items.add(Requirement.SKILLS_PASSED)
        if self.passed is not None:
            items |= self.r.read(self.p.result_posting, self.passed.taken_on).value.held_until
        return [item for item in Requirement if item in items]

    def certification_date(self) -> tuple[dt.date | None, list[str]]:
        """The expected certification date, or the items still missing.

        The result posts on the later of the exam date plus the posting delay and the
        dates of the requirements it is held until; certification is the later of that
        and every other requirement's date.
        """
        missing: list[str] = []
        dates: list[dt.date] = []
        if self.passed is None:
            missing.append("a passed cognitive exam")
        else:
            dates.append(self.result_date(self.passed.taken_on)[0])
        for requirement in self.required():
            on = self.requirement_on(requirement)
            if on is None:
                missing.append(requirement.label)
            else:
                dates.append(on)
        if missing:
            if self.passed is not None:
                end = self.portion_end(self.passed.taken_on)
                if end is not None and self.as_of > end:
                    missing.insert(
                        0, f"a new cognitive pass (the one on record was valid through {end})"
                    )
            return None, missing
        on = max(dates)
        expired: list[tuple[str, dt.date]] = []
        if self.passed is not None:
            end = self.portion_end(self.passed.taken_on)
            if end is not None and on > end:
                expired.append(("cognitive pass", end))
        if self.c.skills is not None:
            end = self.portion_end(self.c.skills.passed_on)
            if end is not None and on > end:
                expired.append(("skills competency", end))
        if expired:
            return None, [
                f"a new {what} (the one on record was valid through {end} and lapsed before "
                "the other requirements were complete)"
                for what, end in expired
            ]
        return on, []

    def certification_gate(
        self, on: dt.date | None, missing: list[str], remediation: bool
    ) -> tuple[Gate, bool, dt.date | None]:
        term_param = self.p.certification_term
        if on is None:
            posting = self.r.read(self.p.result_posting, self.as_of)
            state = GateState.BLOCKED if remediation else GateState.PENDING
            reasons = [
                self.reason(
                    "certification_pending",
                    "Certification needs " + ", ".join(missing) + ".",
                    self.p.result_posting,
                    posting,
                )
            ]
            held = self.held_reason()
            if held is not None:
                reasons.append(held)
            return (Gate(GateName.CERTIFICATION, state, tuple(reasons)), False, None)
        term = self.r.read(term_param, on)
        expires = term.value.expires_on(on)
        if on > self.as_of:
            return (
                Gate(
                    GateName.CERTIFICATION,
                    GateState.PENDING,
                    (
                        self.reason(
                            "certification_expected",
                            f"Every requirement is on file; certification is expected on {on} "
                            "when the result posts.",
                            self.p.result_posting,
                            self.r.read(self.p.result_posting, self.passed.taken_on)
                            if self.passed
                            else term,
                        ),
                    ),
                    expected_on=on,
                    valid_until=expires,
                ),
                False,
                expires,
            )
        if expires is not None and self.as_of > expires:
            return (
                Gate(
                    GateName.CERTIFICATION,
                    GateState.EXPIRED,
                    (
                        self.reason(
                            "certification_expired",
                            f"Certified {on}; the certification expired {expires} "
                            "(recertification is a separate process).",
                            term_param,
                            term,
                        ),
                    ),
                    valid_until=expires,
                    expected_on=on,
                ),
                False,
                expires,
            )
        return (
            Gate(
                GateName.CERTIFICATION,
                GateState.MET,
                (
                    self.reason(
                        "certified",
                        f"Certified {on}"
                        + (f"; expires {expires} ({term.value.describe()})." if expires else "."),
                        term_param,
                        term,
                    ),
                ),
                valid_until=expires,
                expected_on=on,
            ),
            True,
            expires,
        )

    def held_reason(self) -> Reason | None:
        """Why a passing result has not posted: the requirements it is held until."""
        if self.passed is None:
            return None
        posting = self.r.read(self.p.result_posting, self.passed.taken_on)
        waiting = [
            item.label
            for item in Requirement
            if item in posting.value.held_until and self.requirement_on(item) is None
        ]
        if not waiting:
            return None
        return self.reason(
            "result_held",
            f"The result of the passing attempt on {self.passed.taken_on} is held until "
            + ("this is" if len(waiting) == 1 else "these are")
            + " on record: "
            + ", ".join(waiting)
            + " (the hold has no time limit of its own); it posts "
            f"{posting.value.business_days} business days after the exam or when the last of "
            "them is on record, whichever is later.",
            self.p.result_posting,
            posting,
        )

    def run(self) -> PathwayStatus:
        self.check_attempts()
        cert_on, missing = self.certification_date()
        issued_on = cert_on if cert_on is not None and cert_on <= self.as_of else None
        cognitive, next_on, remediation = self.cognitive_gate(issued_on)
        attempt_possible = next_on is not None
        certification, certified, expires = self.certification_gate(cert_on, missing, remediation)
        gates = (
            self.course_gate(),
            self.verification_gate(),
            self.cpr_gate(attempt_possible),
            self.authorization_gate(attempt_possible),
            cognitive,
            self.skills_gate(issued_on),
            certification,
        )
        reasons = tuple(self.record_reasons) + tuple(r for g in gates for r in g.reasons)
        limit = self.limit_rule.value.max_attempts
        used = self.prior_attempts + len(self.c.attempts)
        has_valid_pass = cognitive.state is GateState.MET and self.passed is not None
        remaining = 0 if (has_valid_pass or remediation) else limit - used
        return PathwayStatus(
            program=self.p.key,
            as_of=self.as_of,
            gates=gates,
            certified=certified,
            certified_on=cert_on,
            certification_expires_on=expires,
            next_attempt_on=next_on,
            attempts_used=used,
            attempts_remaining=remaining,
            remediation_required=remediation,
            reasons=reasons,
            confidence=weakest(p.confidence for p in self.r.used),
        )
