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
    >>> status = ep.evaluate(candidate, as_of=dt.date(2025, 7, 14), program=ep.NREMT_EMR)
    >>> status.next_attempt_on, status.attempts_remaining, status.certified
    (datetime.date(2025, 7, 26), 2, False)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any, NoReturn, TypeVar

from emrpath.decisions import Gate, GateName, GateState, PathwayStatus, Reason
from emrpath.errors import InputTypeError, InvalidRecordError
from emrpath.params import Confidence, Param, Provision
from emrpath.policies import AttemptScope, Requirement
from emrpath.program import Program
from emrpath.records import Candidate, ExamAttempt
from emrpath.rules._program_arg import check_program
from emrpath.rules.scores import _check_scaled_score

__all__ = ["evaluate"]

T = TypeVar("T")

_RULE = "evaluate"

# Requirement's members in declaration order, listed once: iterating an Enum class builds
# its member list anew on every pass.
_REQUIREMENTS: tuple[Requirement, ...] = tuple(Requirement)
# Enum members used on every call, as module constants: on CPython 3.11 reading a member
# through its class (``GateState.MET``) goes through EnumType.__getattr__ and costs about
# ten times a module constant, and an evaluation made some forty such reads.
_PRIMARY, _SECONDARY = Confidence.PRIMARY, Confidence.SECONDARY
_COURSE_VERIFIED = Requirement.COURSE_VERIFIED
_SKILLS_PASSED = Requirement.SKILLS_PASSED
_PER_ROUTE = AttemptScope.PER_ROUTE
_COURSE = GateName.COURSE
_VERIFICATION = GateName.VERIFICATION
_CPR = GateName.CPR
_AUTHORIZATION = GateName.AUTHORIZATION
_COGNITIVE = GateName.COGNITIVE
_SKILLS = GateName.SKILLS
_CERTIFICATION = GateName.CERTIFICATION
_MET = GateState.MET
_PENDING = GateState.PENDING
_BLOCKED = GateState.BLOCKED
_EXPIRED = GateState.EXPIRED
_NOT_YET_APPLICABLE = GateState.NOT_YET_APPLICABLE


class _Reader:
    """Reads parameters for one evaluation and keeps the weakest confidence it met."""

    __slots__ = ("weakest",)

    def __init__(self) -> None:
        self.weakest = _PRIMARY

    def read(self, param: Param[T], on: dt.date) -> Provision[T]:
        # Param.at's own first test, inlined (an evaluation makes some fifteen reads, and
        # nearly all are of the newest provision); ``on`` is always a plain date here.
        provision = param.provisions[-1] if on >= param._starts[-1] else param.at(on)
        if provision.confidence is _SECONDARY:
            self.weakest = _SECONDARY
        return provision

    def reason(
        self, code: str, message: str, param: Param[Any], provision: Provision[Any]
    ) -> Reason:
        """A reason citing ``provision`` of ``param``."""
        return Reason(code, message, param.name, provision.citation, provision.confidence)


# A gate as the evaluation works it out: name, state, reasons, valid until, expected on;
# the arguments of a Gate once it is explained. A plain tuple because deciding builds seven
# of them per call and throws six away (a NamedTuple's keyword __new__ cost more than a
# gate's own logic).
_Outline = tuple[GateName, GateState, tuple[Reason, ...], dt.date | None, dt.date | None]


def _outline(
    name: GateName,
    state: GateState,
    reasons: tuple[Reason, ...] = (),
    valid_until: dt.date | None = None,
    expected_on: dt.date | None = None,
) -> _Outline:
    return (name, state, reasons, valid_until, expected_on)


def _check_not_after(candidate: Candidate, as_of: dt.date) -> None:
    """Facts dated after ``as_of`` cannot be known on ``as_of``: refuse them.

    The dates are compared first and a field's name is spelled out only for the one
    refused: this runs on every evaluation.
    """
    course = candidate.course
    if course.completed_on > as_of:
        _refuse_after("course.completed_on", course.completed_on, as_of, "course window")
    if course.verified_on is not None and course.verified_on > as_of:
        _refuse_after("course.verified_on", course.verified_on, as_of, "course verification")
    for i, attempt in enumerate(candidate.attempts):
        if attempt.taken_on > as_of:
            _refuse_after(f"attempts[{i}].taken_on", attempt.taken_on, as_of, "exam attempt")
    for i, att in enumerate(candidate.authorizations):
        if att.issued_on > as_of:
            _refuse_after(
                f"authorizations[{i}].issued_on", att.issued_on, as_of, "authorization to test"
            )
    skills, cpr = candidate.skills, candidate.cpr
    if skills is not None and skills.passed_on > as_of:
        _refuse_after("skills.passed_on", skills.passed_on, as_of, "skills competency")
    if cpr is not None and cpr.issued_on is not None and cpr.issued_on > as_of:
        _refuse_after("cpr.issued_on", cpr.issued_on, as_of, "CPR credential")
    received = candidate.transcripts_received_on
    if received is not None and received > as_of:
        _refuse_after("transcripts_received_on", received, as_of, "result posting")


def _refuse_after(field: str, day: dt.date, as_of: dt.date, rule: str) -> NoReturn:
    raise InvalidRecordError(
        f"{day} is after as_of {as_of}; a record cannot hold facts from after the "
        "date it is evaluated on",
        field=field,
        rule=rule,
    )


def evaluate(
    candidate: Candidate, *, as_of: dt.date | dt.datetime, program: Program
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
        >>> status = ep.evaluate(done, as_of=dt.date(2025, 3, 1), program=ep.NREMT_EMR)
        >>> status.certified, status.certified_on, status.certification_expires_on
        (True, datetime.date(2025, 2, 10), datetime.date(2027, 9, 30))
    """
    program = check_program(program, _RULE)
    if not isinstance(candidate, Candidate):
        raise InputTypeError(
            f"expected a Candidate, got {type(candidate).__name__}", field="candidate", rule=_RULE
        )
    # A plain date is the common case and needs no conversion (what Program.date would
    # also return at once); a datetime or a wrong type goes through it for its checks.
    today = as_of if type(as_of) is dt.date else program.date(as_of, field="as_of", rule=_RULE)
    _check_not_after(candidate, today)
    return _Evaluation(candidate, today, program, explain=False).run()


class _Evaluation:
    """One evaluation, gate by gate; a class only to share its working values.

    It runs in one of two modes over the same code. Deciding (``explain=False``) works
    out every state, date and count and makes every check and parameter read, but builds
    no reason: each reason site passes its message as a callable that is never called.
    Explaining (``explain=True``) also formats the messages and builds the gates.
    :func:`evaluate` decides; the status it returns explains itself when its ``gates``
    or ``reasons`` are first read (see :class:`~emrpath.decisions.PathwayStatus`).
    """

    __slots__ = (
        "as_of",
        "c",
        "completed",
        "course_end",
        "course_rule",
        "explain",
        "limit_rule",
        "p",
        "passed",
        "portion_rule",
        "prior_attempts",
        "r",
        "record_reasons",
        "requirement_rules",
    )

    def __init__(
        self, candidate: Candidate, as_of: dt.date, program: Program, *, explain: bool
    ) -> None:
        self.c = candidate
        self.as_of = as_of
        self.p = program
        self.explain = explain
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
        self.requirement_rules: tuple[Provision[bool], Provision[bool] | None] | None = None

    # -- shared helpers -----------------------------------------------------------------

    def why(
        self,
        code: str,
        param: Param[Any],
        provision: Provision[Any],
        message: Callable[[], str],
    ) -> tuple[Reason, ...]:
        """The cited reason, when explaining; nothing when only deciding."""
        return (self.r.reason(code, message(), param, provision),) if self.explain else ()

    def plain(self, code: str, message: str) -> tuple[Reason, ...]:
        """A reason that applies no parameter, when explaining."""
        return (Reason(code, message),) if self.explain else ()

    def portion_why(self, code: str, message: Callable[[], str]) -> tuple[Reason, ...]:
        """A reason about a passed portion: cited when the program limits its validity."""
        if self.p.portion_validity is None or self.portion_rule is None:
            return (Reason(code, message()),) if self.explain else ()
        return self.why(code, self.p.portion_validity, self.portion_rule, message)

    def portion_end(self, passed_on: dt.date) -> dt.date | None:
        validity = None if self.portion_rule is None else self.portion_rule.value
        return None if validity is None else validity.expires_on(passed_on)

    def count_prior_attempts(self) -> int:
        """Attempts in ``history`` that count against the current limit."""
        if self.limit_rule.value.scope is not _PER_ROUTE or not self.c.history:
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
        if requirement is _COURSE_VERIFIED:
            return self.c.course.verified_on
        if requirement is _SKILLS_PASSED:
            return None if self.c.skills is None else self.c.skills.passed_on
        return self.c.transcripts_received_on

    def not_in_pathway(self, name: GateName) -> _Outline:
        return _outline(
            name,
            _MET,
            self.plain(f"{name.value}_not_required", "Not part of this program's pathway."),
        )

    def result_date(self, exam_on: dt.date) -> tuple[dt.date, Provision[Any]]:
        rule = self.r.read(self.p.result_posting, exam_on)
        return self.p.calendar.add_business_days(exam_on, rule.value.business_days), rule

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
            scale = self.r.read(self.p.score_scale, attempt.taken_on).value
            if attempt.scaled_score is not None:
                _check_scaled_score(attempt, scale, self.p, field=f"attempts[{index}]")
            if attempt.taken_on > self.course_end:
                raise InvalidRecordError(
                    f"attempt on {attempt.taken_on} is after the course expired on "
                    f"{self.course_end}; it cannot count under this course",
                    field=f"attempts[{index}].taken_on",
                    rule="course window",
                )
            if index:
                before = attempts[index - 1].taken_on
                if attempts[index - 1].passed:
                    self.check_pass_lapsed(before, attempt.taken_on, f"attempts[{index}].taken_on")
                wait = self.r.read(self.p.retest_wait, before)
                earliest = wait.value.earliest_after(before)
                if attempt.taken_on < earliest:
                    self.record_finding(
                        "retest_wait_not_kept",
                        self.p.retest_wait,
                        wait,
                        f"The attempt on {attempt.taken_on} came before the earliest "
                        f"retest date {earliest} ({wait.value.describe()}); check the "
                        "record or the rule.",
                    )
        self.check_authorizations_cover_attempts()
        self.check_cpr_covers_attempts()

    def record_finding(
        self, code: str, param: Param[Any], provision: Provision[Any], message: str
    ) -> None:
        """Note something odd in the records (rare, so its message is formatted at once)."""
        if self.explain:
            self.record_reasons.append(self.r.reason(code, message, param, provision))

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
                self.record_finding(
                    "attempt_without_authorization",
                    self.p.authorization,
                    window,
                    f"No authorization to test on record covers the attempt on "
                    f"{attempt.taken_on} ({window.value.describe()}).",
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
                    self.record_finding(
                        "attempt_after_cpr_expired",
                        param,
                        rule,
                        f"The CPR credential on record expired {cpr.expires_on}, before "
                        f"the attempt on {attempt.taken_on}; an earlier card is not on "
                        "record.",
                    )

    # -- gates --------------------------------------------------------------------------

    # The five gates below explain; nothing the status decides depends on them. Each
    # still makes its parameter reads and date arithmetic when only deciding (they set
    # the status's confidence and can refuse a date out of range), then returns None.

    def course_gate(self) -> _Outline | None:
        if not self.explain:
            return None
        p = self.p.course_validity
        if self.as_of <= self.course_end:
            return _outline(
                _COURSE,
                _MET,
                self.why(
                    "course_valid",
                    p,
                    self.course_rule,
                    lambda: (
                        f"Course completed {self.completed}; it qualifies for testing through "
                        f"{self.course_end}."
                    ),
                ),
                valid_until=self.course_end,
            )
        return _outline(
            _COURSE,
            _EXPIRED,
            self.why(
                "course_expired",
                p,
                self.course_rule,
                lambda: (
                    f"Course completed {self.completed} stopped qualifying for testing after "
                    f"{self.course_end}."
                ),
            ),
            valid_until=self.course_end,
        )

    def verification_gate(self) -> _Outline | None:
        p = self.p.verification_required
        rule = self.read_requirement_rules()[0]
        if not self.explain:
            return None
        verified = self.c.course.verified_on
        if not rule.value:
            return _outline(_VERIFICATION, _MET)
        if verified is not None:
            return _outline(
                _VERIFICATION,
                _MET,
                self.why(
                    "course_verified",
                    p,
                    rule,
                    lambda: f"Course completion verified on {verified}.",
                ),
            )
        return _outline(
            _VERIFICATION,
            _PENDING,
            self.why(
                "verification_missing",
                p,
                rule,
                lambda: f"Course completion is not yet verified ({p.description}).",
            ),
        )

    def cpr_gate(self, attempt_possible: bool) -> _Outline | None:
        p = self.p.cpr_required
        if p is None:
            return self.not_in_pathway(_CPR)
        rule = self.r.read(p, self.as_of)
        if not self.explain:
            return None
        if not rule.value:
            return _outline(_CPR, _MET)
        cpr = self.c.cpr
        if not attempt_possible:
            return _outline(
                _CPR,
                _NOT_YET_APPLICABLE,
                self.plain(
                    "cpr_not_needed_now",
                    "No further attempt is open, so no application needs a CPR credential now.",
                ),
                valid_until=None if cpr is None else cpr.expires_on,
            )
        if cpr is None:
            return _outline(
                _CPR,
                _PENDING,
                self.why(
                    "cpr_missing",
                    p,
                    rule,
                    lambda: (
                        "No CPR-BLS credential on record; a current one is needed to apply "
                        "for the next attempt."
                    ),
                ),
            )
        if cpr.expires_on >= self.as_of:
            return _outline(
                _CPR,
                _MET,
                self.why(
                    "cpr_current",
                    p,
                    rule,
                    lambda: f"CPR credential current through {cpr.expires_on}.",
                ),
                valid_until=cpr.expires_on,
            )
        return _outline(
            _CPR,
            _EXPIRED,
            self.why(
                "cpr_expired",
                p,
                rule,
                lambda: (
                    f"CPR credential expired {cpr.expires_on}; renew it before applying for "
                    "the next attempt."
                ),
            ),
            valid_until=cpr.expires_on,
        )

    def authorization_gate(self, attempt_possible: bool) -> _Outline | None:
        p = self.p.authorization
        if not attempt_possible:
            return _outline(
                _AUTHORIZATION,
                _NOT_YET_APPLICABLE,
                self.plain("authorization_not_needed_now", "No further attempt is open."),
            )
        att = self.c.unused_authorization
        if att is not None:
            rule = self.r.read(p, att.issued_on)
            end = rule.value.expires_on(att.issued_on, self.course_end)
            if not self.explain:
                return None
            if end >= self.as_of:
                return _outline(
                    _AUTHORIZATION,
                    _MET,
                    self.why(
                        "authorization_current",
                        p,
                        rule,
                        lambda: (
                            f"Authorization to test issued {att.issued_on} is valid through "
                            f"{end} ({rule.value.describe()})."
                        ),
                    ),
                    valid_until=end,
                )
            return _outline(
                _AUTHORIZATION,
                _EXPIRED,
                self.why(
                    "authorization_expired",
                    p,
                    rule,
                    lambda: (
                        f"Authorization to test issued {att.issued_on} expired after {end}; "
                        "a new application and fee are needed."
                    ),
                ),
                valid_until=end,
            )
        today = self.r.read(p, self.as_of)
        today_end = today.value.expires_on(self.as_of, self.course_end)
        if not self.explain:
            return None
        return _outline(
            _AUTHORIZATION,
            _PENDING,
            self.why(
                "authorization_missing",
                p,
                today,
                lambda: (
                    "No unused authorization to test on record; one issued today would be "
                    f"valid through {today_end} ({today.value.describe()})."
                ),
            ),
        )

    def cognitive_gate(self, issued_on: dt.date | None) -> tuple[_Outline, dt.date | None, bool]:
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
                reasons += self.why(
                    "result_expected",
                    self.p.result_posting,
                    posting,
                    lambda: (
                        f"The result of the attempt on {last.taken_on} is expected on "
                        f"{result_on} ({posting.value.business_days} business days after the "
                        "exam; an expectation, not a guarantee)."
                    ),
                )
        passed = self.passed
        if passed is None:
            return self.next_attempt_gate(reasons)
        end = self.portion_end(passed.taken_on)
        passed_result_on, _ = self.result_date(passed.taken_on)
        checked_on = issued_on if issued_on is not None else self.as_of
        if end is not None and checked_on > end:
            # A pass that lapsed before it earned certification counts for nothing but
            # an attempt used: the next attempt is worked out as after a failure.
            reasons += self.portion_why(
                "cognitive_expired",
                lambda: (
                    f"Cognitive exam passed on {passed.taken_on} stopped being "
                    f"valid after {end}, before it earned certification; it must be "
                    "passed again."
                ),
            )
            gate, next_on, remediation = self.next_attempt_gate(reasons)
            name, _, why, _, expected_on = gate
            return (name, _EXPIRED, why, end, expected_on), next_on, remediation
        reasons += self.portion_why(
            "cognitive_passed",
            lambda: (
                f"Cognitive exam passed on {passed.taken_on}"
                + (f"; the pass stays valid through {end}." if end else ".")
            ),
        )
        return (
            _outline(
                _COGNITIVE,
                _MET,
                tuple(reasons),
                valid_until=end,
                expected_on=passed_result_on,
            ),
            None,
            False,
        )

    def next_attempt_gate(self, reasons: list[Reason]) -> tuple[_Outline, dt.date | None, bool]:
        """The cognitive gate with no valid pass: when the next attempt may be taken."""
        attempts = self.c.attempts
        limit = self.limit_rule.value
        used = self.prior_attempts + len(attempts)
        limit_param = self.p.attempt_limit
        if used >= limit.max_attempts:
            reasons += self.why(
                "attempts_used_up",
                limit_param,
                self.limit_rule,
                lambda: (
                    f"All {limit.max_attempts} attempts under this {limit.scope.noun} have been "
                    f"used; the next attempt needs {limit.after_limit.next_step}."
                ),
            )
            return _outline(_COGNITIVE, _BLOCKED, tuple(reasons)), None, True
        if self.as_of > self.course_end:
            reasons += self.why(
                "course_expired_before_pass",
                self.p.course_validity,
                self.course_rule,
                lambda: (
                    f"The course stopped qualifying after {self.course_end}; the next attempt "
                    f"needs {limit.after_limit.next_step}."
                ),
            )
            return _outline(_COGNITIVE, _BLOCKED, tuple(reasons)), None, True
        earliest = self.as_of
        if attempts:
            last_on = attempts[-1].taken_on
            wait = self.r.read(self.p.retest_wait, last_on)
            retest_on = wait.value.earliest_after(last_on)
            earliest = max(earliest, retest_on)
            reasons += self.why(
                "retest_wait",
                self.p.retest_wait,
                wait,
                lambda: f"Retest allowed from {retest_on} ({wait.value.describe()}).",
            )
        if earliest > self.course_end:
            reasons += self.why(
                "retest_after_course_expiry",
                self.p.course_validity,
                self.course_rule,
                lambda: (
                    f"The earliest next attempt, {earliest}, falls after the course stops "
                    f"qualifying on {self.course_end}; the next attempt needs "
                    f"{limit.after_limit.next_step}."
                ),
            )
            return _outline(_COGNITIVE, _BLOCKED, tuple(reasons)), None, True
        reasons += self.why(
            "attempts_remaining",
            limit_param,
            self.limit_rule,
            lambda: (
                f"Attempt {used + 1} of {limit.max_attempts} may be taken from {earliest} "
                f"through {self.course_end}."
            ),
        )
        return (
            _outline(_COGNITIVE, _PENDING, tuple(reasons), expected_on=earliest),
            earliest,
            False,
        )

    def skills_gate(self, certification_on: dt.date | None) -> _Outline | None:
        p = self.p.skills_required
        rule = self.read_requirement_rules()[1]
        if p is None or rule is None:
            return self.not_in_pathway(_SKILLS)
        if not rule.value:
            return _outline(_SKILLS, _MET)
        skills = self.c.skills
        if skills is None:
            return _outline(
                _SKILLS,
                _PENDING,
                self.why(
                    "skills_missing",
                    p,
                    rule,
                    lambda: f"No skills competency on record ({p.description}).",
                ),
            )
        end = self.portion_end(skills.passed_on)
        if not self.explain:
            return None
        # A certification already issued keeps the portions that earned it; only an open
        # pathway needs the pass to be valid today.
        checked_on = certification_on if certification_on is not None else self.as_of
        if end is not None and checked_on > end:
            return _outline(
                _SKILLS,
                _EXPIRED,
                self.portion_why(
                    "skills_expired",
                    lambda: (
                        f"Skills competency passed {skills.passed_on} stopped being valid after "
                        f"{end}; it must be passed again."
                    ),
                ),
                valid_until=end,
            )
        return _outline(
            _SKILLS,
            _MET,
            self.portion_why(
                "skills_passed",
                lambda: (
                    f"Skills competency passed {skills.passed_on}"
                    + (f"; valid through {end}." if end else ".")
                ),
            ),
            valid_until=end,
        )

    def read_requirement_rules(self) -> tuple[Provision[bool], Provision[bool] | None]:
        """The ``verification_required`` and ``skills_required`` provisions for the course.

        Read once, on first need (so a refusal they raise comes where it always came), and
        shared by the requirements of certification and the two gates that explain them.
        """
        rules = self.requirement_rules
        if rules is None:
            skills = self.p.skills_required
            rules = (
                self.r.read(self.p.verification_required, self.completed),
                None if skills is None else self.r.read(skills, self.completed),
            )
            self.requirement_rules = rules
        return rules

    def required(self) -> list[Requirement]:
        """Every requirement of certification besides the pass, in a stable order.

        The program's ``verification_required`` and ``skills_required`` parameters, and the
        requirements its result posting is held until.
        """
        verification, skills = self.read_requirement_rules()
        verified = verification.value
        skills_needed = skills is not None and skills.value
        held: frozenset[Requirement] = frozenset()
        if self.passed is not None:
            held = self.r.read(self.p.result_posting, self.passed.taken_on).value.held_until
        return [
            item
            for item in _REQUIREMENTS
            if (item is _COURSE_VERIFIED and verified)
            or (item is _SKILLS_PASSED and skills_needed)
            or (held and item in held)
        ]

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
    ) -> tuple[_Outline, bool, dt.date | None]:
        term_param = self.p.certification_term
        if on is None:
            posting = self.r.read(self.p.result_posting, self.as_of)
            state = _BLOCKED if remediation else _PENDING
            reasons = self.why(
                "certification_pending",
                self.p.result_posting,
                posting,
                lambda: "Certification needs " + ", ".join(missing) + ".",
            )
            return (
                _outline(_CERTIFICATION, state, reasons + self.held_reason()),
                False,
                None,
            )
        term = self.r.read(term_param, on)
        expires = term.value.expires_on(on)
        if on > self.as_of:
            return (
                _outline(
                    _CERTIFICATION,
                    _PENDING,
                    self.why(
                        "certification_expected",
                        self.p.result_posting,
                        self.r.read(self.p.result_posting, self.passed.taken_on)
                        if self.passed
                        else term,
                        lambda: (
                            f"Every requirement is on file; certification is expected on {on} "
                            "when the result posts."
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
                _outline(
                    _CERTIFICATION,
                    _EXPIRED,
                    self.why(
                        "certification_expired",
                        term_param,
                        term,
                        lambda: (
                            f"Certified {on}; the certification expired {expires} "
                            "(recertification is a separate process)."
                        ),
                    ),
                    valid_until=expires,
                    expected_on=on,
                ),
                False,
                expires,
            )
        return (
            _outline(
                _CERTIFICATION,
                _MET,
                self.why(
                    "certified",
                    term_param,
                    term,
                    lambda: (
                        f"Certified {on}"
                        + (f"; expires {expires} ({term.value.describe()})." if expires else ".")
                    ),
                ),
                valid_until=expires,
                expected_on=on,
            ),
            True,
            expires,
        )

    def held_reason(self) -> tuple[Reason, ...]:
        """Why a passing result has not posted: the requirements it is held until."""
        passed = self.passed
        if passed is None:
            return ()
        posting = self.r.read(self.p.result_posting, passed.taken_on)
        waiting = [
            item.label
            for item in _REQUIREMENTS
            if item in posting.value.held_until and self.requirement_on(item) is None
        ]
        if not waiting:
            return ()
        return self.why(
            "result_held",
            self.p.result_posting,
            posting,
            lambda: (
                f"The result of the passing attempt on {passed.taken_on} is held until "
                + ("this is" if len(waiting) == 1 else "these are")
                + " on record: "
                + ", ".join(waiting)
                + " (the hold has no time limit of its own); it posts "
                f"{posting.value.business_days} business days after the exam or when the last "
                "of them is on record, whichever is later."
            ),
        )

    def run(self) -> PathwayStatus:
        """The status: explained in full, or decided with its explanation deferred."""
        self.check_attempts()
        cert_on, missing = self.certification_date()
        issued_on = cert_on if cert_on is not None and cert_on <= self.as_of else None
        cognitive, next_on, remediation = self.cognitive_gate(issued_on)
        attempt_possible = next_on is not None
        certification, certified, expires = self.certification_gate(cert_on, missing, remediation)
        outlines = (
            self.course_gate(),
            self.verification_gate(),
            self.cpr_gate(attempt_possible),
            self.authorization_gate(attempt_possible),
            cognitive,
            self.skills_gate(issued_on),
            certification,
        )
        limit = self.limit_rule.value.max_attempts
        used = self.prior_attempts + len(self.c.attempts)
        has_valid_pass = cognitive[1] is _MET and self.passed is not None
        remaining = 0 if (has_valid_pass or remediation) else limit - used
        status = PathwayStatus._decided(
            None if self.explain else partial(_explanation, self.c, self.as_of, self.p),
            program=self.p.key,
            as_of=self.as_of,
            certified=certified,
            certified_on=cert_on,
            certification_expires_on=expires,
            next_attempt_on=next_on,
            attempts_used=used,
            attempts_remaining=remaining,
            remediation_required=remediation,
            confidence=self.r.weakest,
        )
        if self.explain:
            gates = tuple(_gate(outline) for outline in outlines)
            reasons = tuple(self.record_reasons) + tuple(r for g in gates for r in g.reasons)
            status._store_explanation(gates, reasons)
        return status


def _gate(outline: _Outline | None) -> Gate:
    """The gate of an outline; a gate method returns None only when deciding."""
    if outline is None:
        raise RuntimeError("emrpath bug: a gate built no outline while explaining")
    return Gate(*outline)


def _explanation(
    candidate: Candidate, as_of: dt.date, program: Program
) -> tuple[tuple[Gate, ...], tuple[Reason, ...]]:
    """The gates and reasons of a status :func:`evaluate` decided: the same evaluation, explained.

    A module-level function of immutable values, so a status whose explanation is still
    pending pickles, and two threads that read it at once compute the same answer. It
    relies on that immutability: records, programs and their policy values are frozen,
    so the explanation built later is the one the decided fields came from.
    """
    status = _Evaluation(candidate, as_of, program, explain=True).run()
    return status.gates, status.reasons
