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
from typing import Any, NoReturn, cast

import attrs

from emrpath._dates import out_of_range_for
from emrpath.edition import Edition
from emrpath.errors import CalendarRangeError, InputTypeError, InvalidRecordError
from emrpath.params import Confidence, Param, ParamReader, Provision
from emrpath.policies import AttemptScope, Requirement
from emrpath.program import Program, check_program
from emrpath.records import Candidate, ExamAttempt
from emrpath.rules.scores import check_scaled_score
from emrpath.status import Gate, GateName, GateState, PathwayDecision, PathwayStatus, Reason

__all__ = ["decide", "evaluate"]

_RULE = "evaluate"

# The gates' names and states as module names. On CPython 3.11 reading an Enum member
# through its class goes through EnumType.__getattr__ (0.13 µs against 0.014 µs for a
# module name) and a run makes some thirty such reads: about 4 µs, a third of building the
# candidate's records, which the 2x and 4x goals of docs/performance.md need (3.12 made
# member reads cheap; these names can go when 3.11 does).
COURSE, VERIFICATION, CPR, AUTHORIZATION = (
    GateName.COURSE,
    GateName.VERIFICATION,
    GateName.CPR,
    GateName.AUTHORIZATION,
)
PREREQUISITE = GateName.PREREQUISITE
COGNITIVE, SKILLS, CERTIFICATION = GateName.COGNITIVE, GateName.SKILLS, GateName.CERTIFICATION
MET, PENDING, BLOCKED, EXPIRED = (
    GateState.MET,
    GateState.PENDING,
    GateState.BLOCKED,
    GateState.EXPIRED,
)
NOT_YET_APPLICABLE = GateState.NOT_YET_APPLICABLE

# Requirements in declaration order, for a stable order of what a result is held until.
_REQUIREMENT_ORDER = {item: index for index, item in enumerate(Requirement)}


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
    remedial = candidate.remedial
    if remedial is not None and remedial.completed_on > as_of:
        _refuse_after("remedial.completed_on", remedial.completed_on, as_of, "remedial training")


def _refuse_after(field: str, day: dt.date, as_of: dt.date, rule: str) -> NoReturn:
    raise InvalidRecordError(
        f"{day} is after as_of {as_of}; a record cannot hold facts from after the "
        "date it is evaluated on",
        field=field,
        rule=rule,
    )


def decide(
    candidate: Candidate, *, as_of: dt.date | dt.datetime, program: Program
) -> PathwayDecision:
    """The decided fields of ``candidate``'s pathway on ``as_of``, without the explanation.

    The same rules, checks and refusals as :func:`evaluate`, run once, with no reason
    formatted and no gate built: the call for a registry that stores the outcome of
    every candidate and explains only the ones a person asks about.

    Args:
        candidate: The course, attempts and other records of one candidate.
        as_of: The date of evaluation (or an aware datetime, read in the program's
            timezone). Nothing reads the clock.
        program: The program whose rules apply (required: there is no default).

    Returns:
        A :class:`~emrpath.status.PathwayDecision`, equal to ``evaluate(...).decision``.

    Raises:
        InputTypeError: ``candidate`` is not a Candidate, ``program`` is not a Program,
            or ``as_of`` is not a date.
        NaiveDatetimeError: ``as_of`` is a datetime without a timezone.
        CalendarRangeError: A date the rules need is outside the program's calendar
            (an attempt whose expected result falls past it is named: ``attempts[i].taken_on``).
        InvalidRecordError: As for :func:`evaluate`.
        NoRuleInForceError: As for :func:`evaluate`.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> candidate = ep.Candidate(
        ...     course=ep.CourseCompletion(dt.date(2025, 5, 2), verified_on=dt.date(2025, 5, 9)),
        ...     attempts=[ep.ExamAttempt(dt.date(2025, 7, 11), passed=False, scaled_score=880)],
        ... )
        >>> decision = ep.decide(candidate, as_of=dt.date(2025, 7, 14), program=ep.NREMT_EMR)
        >>> decision.next_attempt_on, decision.attempts_remaining, decision.certified
        (datetime.date(2025, 7, 26), 2, False)
    """
    return _PathwayRun.start(candidate, as_of, program, "decide", explain=False).decision()


def evaluate(
    candidate: Candidate, *, as_of: dt.date | dt.datetime, program: Program
) -> PathwayStatus:
    """Every gate of ``candidate``'s pathway on ``as_of``, with dates, reasons and sources.

    The decided fields of :func:`decide` and the explanation, from one run of the rules.

    Args:
        candidate: The course, attempts and other records of one candidate.
        as_of: The date of evaluation (or an aware datetime, read in the program's
            timezone). Nothing reads the clock.
        program: The program whose rules apply (required: there is no default).

    Returns:
        A :class:`~emrpath.status.PathwayStatus`.

    Raises:
        InputTypeError: ``candidate`` is not a Candidate, ``program`` is not a Program,
            or ``as_of`` is not a date.
        NaiveDatetimeError: ``as_of`` is a datetime without a timezone.
        CalendarRangeError: A date the rules need is outside the program's calendar
            (an attempt whose expected result falls past it is named: ``attempts[i].taken_on``).
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
        >>> status.gate("certification").reasons[0].parameter
        'certification_term'
    """
    return _PathwayRun.start(candidate, as_of, program, _RULE, explain=True).status()


# PathwayDecision's fields, in their order: a run concludes with one such tuple, and both
# results are built from it positionally (a third cheaper than keywords, once per call).
# mypy checks each position's type against the field it fills.
_Decided = tuple[
    str,  # program
    dt.date,  # as_of
    bool,  # certified
    "dt.date | None",  # certified_on
    "dt.date | None",  # certification_expires_on
    "dt.date | None",  # next_attempt_on
    int,  # attempts_used
    int,  # attempts_remaining
    bool,  # remediation_required
    bool,  # remedial_training_due
    Confidence,  # confidence
    Edition,  # edition
]


class _PathwayRun:
    """One run of the pathway rules over one candidate, gate by gate.

    A class only to share the run's working values. It runs in one of two modes over the
    same code. Deciding (``explain=False``, for :func:`decide`) works out every state,
    date and count and makes every check and parameter read, but formats no reason: each
    reason site passes its message as a callable that is then never called, and the gates
    that only explain stop after their reads. Explaining (``explain=True``, for
    :func:`evaluate`) also formats the messages and builds the gates.
    """

    __slots__ = (
        "as_of",
        "candidate",
        "completed",
        "course_end",
        "course_rule",
        "explain",
        "limit_rule",
        "passed",
        "portion_rule",
        "prior_attempts",
        "program",
        "reader",
        "record_reasons",
        "remedial_due",
        "requirement_rules",
    )

    @classmethod
    def start(
        cls,
        candidate: Candidate,
        as_of: dt.date | dt.datetime,
        program: Program,
        rule: str,
        *,
        explain: bool,
    ) -> _PathwayRun:
        """A run over checked arguments; a wrong argument is refused under ``rule``."""
        program = check_program(program, rule)
        if not isinstance(candidate, Candidate):
            raise InputTypeError(
                f"expected a Candidate, got {type(candidate).__name__}",
                field="candidate",
                rule=rule,
            )
        today = program.date(as_of, field="as_of", rule=rule)
        _check_not_after(candidate, today)
        return cls(candidate, today, program, explain=explain)

    def __init__(
        self, candidate: Candidate, as_of: dt.date, program: Program, *, explain: bool
    ) -> None:
        self.candidate = candidate
        self.as_of = as_of
        self.program = program
        self.explain = explain
        self.reader = ParamReader()
        self.record_reasons: list[Reason] = []
        completed = candidate.course.completed_on
        self.completed = completed
        self.course_rule = self.reader.read(program.course_validity, completed)
        self.course_end = self.course_rule.value.expires_on(completed)
        self.limit_rule = self.reader.read(program.attempt_limit, completed)
        self.portion_rule = (
            None
            if program.portion_validity is None
            else self.reader.read(program.portion_validity, completed)
        )
        self.passed: ExamAttempt | None = candidate.passed_attempt
        self.prior_attempts = self.count_prior_attempts()
        self.requirement_rules: tuple[Provision[bool], Provision[bool] | None] | None = None
        self.remedial_due = False

    # -- shared helpers -----------------------------------------------------------------

    def why(
        self,
        code: str,
        param: Param[Any],
        provision: Provision[Any],
        message: Callable[[], str],
    ) -> tuple[Reason, ...]:
        """The cited reason, when explaining; nothing when only deciding.

        It builds the Reason as :meth:`Reason.cited` does, in one call: an explained status
        makes eight or so of them, and the extra call per reason was 4% of evaluate().
        """
        if not self.explain:
            return ()
        return (Reason(code, message(), param.name, provision.citation, provision.confidence),)

    def plain(self, code: str, message: str) -> tuple[Reason, ...]:
        """A reason that applies no parameter, when explaining."""
        return (Reason(code, message),) if self.explain else ()

    def portion_why(self, code: str, message: Callable[[], str]) -> tuple[Reason, ...]:
        """A reason about a passed portion: cited when the program limits its validity."""
        if self.program.portion_validity is None or self.portion_rule is None:
            return (Reason(code, message()),) if self.explain else ()
        return self.why(code, self.program.portion_validity, self.portion_rule, message)

    def portion_end(self, passed_on: dt.date) -> dt.date | None:
        validity = None if self.portion_rule is None else self.portion_rule.value
        return None if validity is None else validity.expires_on(passed_on)

    def count_prior_attempts(self) -> int:
        """Attempts in ``history`` that count against the current limit."""
        if self.limit_rule.value.scope is not AttemptScope.PER_ROUTE or not self.candidate.history:
            return 0
        route = self.candidate.course.route
        named = [("course.route", route)] + [
            (f"history[{i}].course.route", h.course.route)
            for i, h in enumerate(self.candidate.history)
        ]
        for field, value in named:
            if value is None:
                raise InvalidRecordError(
                    "the program counts attempts per eligibility route, so with a history "
                    "every course must name its route",
                    field=field,
                    rule="attempt limit",
                )
        return sum(len(h.attempts) for h in self.candidate.history if h.course.route == route)

    def requirement_on(self, requirement: Requirement) -> dt.date | None:
        """The date ``requirement`` was completed, from the candidate's records."""
        if requirement is Requirement.COURSE_VERIFIED:
            return self.candidate.course.verified_on
        if requirement is Requirement.SKILLS_PASSED:
            return None if self.candidate.skills is None else self.candidate.skills.passed_on
        return self.candidate.transcripts_received_on

    def not_in_pathway(self, name: GateName) -> Gate:
        return Gate(
            name,
            MET,
            self.plain(f"{name.value}_not_required", "Not part of this program's pathway."),
        )

    def result_date(self, attempt: ExamAttempt) -> tuple[dt.date, Provision[Any]]:
        """The expected result date of one of the candidate's attempts, and its rule."""
        exam_on = attempt.taken_on
        rule = self.reader.read(self.program.result_posting, exam_on)
        try:
            return self.program.calendar.add_business_days(exam_on, rule.value.business_days), rule
        except CalendarRangeError as err:
            # The calendar names its own parameter; the caller's value is the attempt's date.
            index = self.candidate.attempts.index(attempt)
            raise out_of_range_for(err, f"attempts[{index}].taken_on") from None

    # -- record checks ------------------------------------------------------------------

    def check_attempts(self) -> None:
        attempts = self.candidate.attempts
        rule = self.limit_rule.value
        limit = rule.total_attempts
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
            scale = self.reader.read(self.program.score_scale, attempt.taken_on).value
            if attempt.scaled_score is not None:
                check_scaled_score(attempt, scale, self.program, field=f"attempts[{index}]")
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
                wait = self.reader.read(self.program.retest_wait, before)
                earliest = wait.value.earliest_after(before)
                if attempt.taken_on < earliest:
                    self.record_finding(
                        "retest_wait_not_kept",
                        self.program.retest_wait,
                        wait,
                        f"The attempt on {attempt.taken_on} came before the earliest "
                        f"retest date {earliest} ({wait.value.describe()}); check the "
                        "record or the rule.",
                    )
        self.check_authorizations_cover_attempts()
        self.check_cpr_covers_attempts()
        self.check_remedial_covers_attempts()

    def check_remedial_covers_attempts(self) -> None:
        """Note an attempt after the first block that the remedial record does not precede.

        An attempt on record implies the remedial training it needed was done, as it
        implies an authorization to test; a record of that training dated after the
        attempt (or one that does not satisfy the rule) is worth a look.
        """
        record = self.candidate.remedial
        rule = self.limit_rule.value
        if record is None or rule.remedial is None:
            return
        first = rule.max_attempts - self.prior_attempts
        if not 0 <= first < len(self.candidate.attempts):
            return
        attempt = self.candidate.attempts[first]
        if record.completed_on > attempt.taken_on:
            self.record_finding(
                "attempt_before_remedial_training",
                self.program.attempt_limit,
                self.limit_rule,
                f"The attempt on {attempt.taken_on} needed remedial training first, but the "
                f"remedial training on record was completed {record.completed_on}; an "
                "earlier record is not on file.",
            )

    def record_finding(
        self, code: str, param: Param[Any], provision: Provision[Any], message: str
    ) -> None:
        """Note something odd in the records (rare, so its message is formatted at once)."""
        if self.explain:
            self.record_reasons.append(Reason.cited(code, message, param, provision))

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
        """Note each attempt that no authorization on record covers.

        One pass over both lists, in date order (a record keeps both sorted): the
        authorizations issued on or before an attempt are taken in as the pass reaches
        it, and the attempt is covered when the latest end among them is on or after its
        date. Each authorization's window is read once.
        """
        authorizations = self.candidate.authorizations  # sorted by issue date
        if not authorizations:
            return
        param = self.program.authorization
        # Every authorization's window, read once: one issued after its course expired is
        # an invalid record, refused here whether or not an attempt followed it.
        ends = []
        for index, att in enumerate(authorizations):
            rule = self.reader.read(param, att.issued_on).value
            try:
                ends.append(rule.expires_on(att.issued_on, self.course_end))
            except InvalidRecordError as err:  # name the record, as every refusal here does
                field = f"authorizations[{index}].{err.field}"
                raise InvalidRecordError(err.message, field=field, rule=err.rule) from None
        if not self.candidate.attempts:
            return
        taken_in = 0
        latest_end: dt.date | None = None
        for attempt in self.candidate.attempts:
            on = attempt.taken_on
            while taken_in < len(authorizations) and authorizations[taken_in].issued_on <= on:
                end = ends[taken_in]
                latest_end = end if latest_end is None else max(latest_end, end)
                taken_in += 1
            if latest_end is None or latest_end < on:
                window = self.reader.read(param, on)
                self.record_finding(
                    "attempt_without_authorization",
                    param,
                    window,
                    f"No authorization to test on record covers the attempt on "
                    f"{on} ({window.value.describe()}).",
                )

    def check_cpr_covers_attempts(self) -> None:
        cpr = self.candidate.cpr
        param = self.program.cpr_required
        if cpr is None or param is None:
            return
        for attempt in self.candidate.attempts:
            if attempt.taken_on > cpr.expires_on:
                rule = self.reader.read(param, attempt.taken_on)
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

    def course_gate(self) -> Gate | None:
        if not self.explain:
            return None
        p = self.program.course_validity
        if self.as_of <= self.course_end:
            return Gate(
                COURSE,
                MET,
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
        return Gate(
            COURSE,
            EXPIRED,
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

    def verification_gate(self) -> Gate | None:
        p = self.program.verification_required
        rule = self.read_requirement_rules()[0]
        if not self.explain:
            return None
        verified = self.candidate.course.verified_on
        if not rule.value:
            return Gate(VERIFICATION, MET)
        if verified is not None:
            return Gate(
                VERIFICATION,
                MET,
                self.why(
                    "course_verified",
                    p,
                    rule,
                    lambda: f"Course completion verified on {verified}.",
                ),
            )
        return Gate(
            VERIFICATION,
            PENDING,
            self.why(
                "verification_missing",
                p,
                rule,
                lambda: f"Course completion is not yet verified ({p.description}).",
            ),
        )

    def prerequisite_gate(self) -> Gate | None:
        """The credential (and accredited course) the program needs before it.

        Like the CPR credential, an administrative item the candidate can complete: it
        is reported and gates the next application, but leaves the next attempt date.
        """
        p = self.program.prerequisite
        if p is None:
            return None
        rule = self.reader.read(p, self.completed)
        held = self.candidate.prerequisite
        for attempt in self.candidate.attempts:
            if held is not None and attempt.taken_on > held.expires_on:
                self.record_finding(
                    "attempt_after_prerequisite_expired",
                    p,
                    rule,
                    f"The prerequisite on record ({held.describe()}) expired before the "
                    f"attempt on {attempt.taken_on}; an earlier credential is not on record.",
                )
                break
        if not self.explain:
            return None
        need = rule.value
        if need is None:
            return Gate(PREREQUISITE, MET)
        reasons: list[Reason] = []
        state = MET
        valid_until = None if held is None else held.expires_on
        if held is None:
            state = PENDING
            reasons += self.why(
                "prerequisite_missing",
                p,
                rule,
                lambda: f"No prerequisite credential on record; needed: {need.describe()}.",
            )
        elif not need.accepts(held.level):
            state = PENDING
            reasons += self.why(
                "prerequisite_level",
                p,
                rule,
                lambda: (
                    f"The credential on record ({held.describe()}) is not at a level that "
                    f"qualifies; needed: {need.describe()}."
                ),
            )
        elif self.as_of > held.expires_on:
            state = EXPIRED
            reasons += self.why(
                "prerequisite_expired",
                p,
                rule,
                lambda: f"The prerequisite credential ({held.describe()}) has expired.",
            )
        else:
            reasons += self.why(
                "prerequisite_held",
                p,
                rule,
                lambda: f"Prerequisite held: {held.describe()}.",
            )
        if need.accredited_course:
            accreditation = self.candidate.course_accreditation
            if accreditation is None:
                state = PENDING if state is MET else state
                reasons += self.why(
                    "accreditation_missing",
                    p,
                    rule,
                    lambda: (
                        f"A course completed {self.completed} must come from an accredited "
                        "program; its accreditation is not on record."
                    ),
                )
            else:
                label = (
                    "CAAHEP accreditation"
                    if accreditation == "caahep"
                    else "a CoAEMSP Letter of Review"
                )
                reasons += self.why(
                    "accreditation_held",
                    p,
                    rule,
                    lambda: f"The course's program holds {label}.",
                )
        return Gate(PREREQUISITE, state, tuple(reasons), valid_until=valid_until)

    def cpr_gate(self, attempt_possible: bool) -> Gate | None:
        p = self.program.cpr_required
        if p is None:
            return self.not_in_pathway(CPR)
        rule = self.reader.read(p, self.as_of)
        if not self.explain:
            return None
        if not rule.value:
            return Gate(CPR, MET)
        cpr = self.candidate.cpr
        if not attempt_possible:
            return Gate(
                CPR,
                NOT_YET_APPLICABLE,
                self.plain(
                    "cpr_not_needed_now",
                    "No further attempt is open, so no application needs a CPR credential now.",
                ),
                valid_until=None if cpr is None else cpr.expires_on,
            )
        if cpr is None:
            return Gate(
                CPR,
                PENDING,
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
            return Gate(
                CPR,
                MET,
                self.why(
                    "cpr_current",
                    p,
                    rule,
                    lambda: f"CPR credential current through {cpr.expires_on}.",
                ),
                valid_until=cpr.expires_on,
            )
        return Gate(
            CPR,
            EXPIRED,
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

    def authorization_gate(self, attempt_possible: bool) -> Gate | None:
        p = self.program.authorization
        if not attempt_possible:
            return Gate(
                AUTHORIZATION,
                NOT_YET_APPLICABLE,
                self.plain("authorization_not_needed_now", "No further attempt is open."),
            )
        att = self.candidate.unused_authorization
        if att is not None:
            rule = self.reader.read(p, att.issued_on)
            end = rule.value.expires_on(att.issued_on, self.course_end)
            if not self.explain:
                return None
            if end >= self.as_of:
                return Gate(
                    AUTHORIZATION,
                    MET,
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
            return Gate(
                AUTHORIZATION,
                EXPIRED,
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
        today = self.reader.read(p, self.as_of)
        today_end = today.value.expires_on(self.as_of, self.course_end)
        if not self.explain:
            return None
        return Gate(
            AUTHORIZATION,
            PENDING,
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

    def cognitive_gate(self, issued_on: dt.date | None) -> tuple[Gate, dt.date | None, bool]:
        """The cognitive gate, the next attempt date, and whether a new course is needed.

        ``issued_on`` is the certification date when certification was issued on or before
        ``as_of``: a pass that earned a certification stays met, as the skills gate does.
        """
        attempts = self.candidate.attempts
        reasons: list[Reason] = []
        if attempts:
            last = attempts[-1]
            result_on, posting = self.result_date(last)
            if self.as_of < result_on:
                reasons += self.why(
                    "result_expected",
                    self.program.result_posting,
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
        passed_result_on, _ = self.result_date(passed)
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
            expired = attrs.evolve(gate, state=EXPIRED, valid_until=end)
            return expired, next_on, remediation
        reasons += self.portion_why(
            "cognitive_passed",
            lambda: (
                f"Cognitive exam passed on {passed.taken_on}"
                + (f"; the pass stays valid through {end}." if end else ".")
            ),
        )
        return (
            Gate(
                COGNITIVE,
                MET,
                tuple(reasons),
                valid_until=end,
                expected_on=passed_result_on,
            ),
            None,
            False,
        )

    def next_attempt_gate(self, reasons: list[Reason]) -> tuple[Gate, dt.date | None, bool]:
        """The cognitive gate with no valid pass: when the next attempt may be taken."""
        attempts = self.candidate.attempts
        limit = self.limit_rule.value
        used = self.prior_attempts + len(attempts)
        limit_param = self.program.attempt_limit
        total = limit.total_attempts
        if used >= total:
            reasons += self.why(
                "attempts_used_up",
                limit_param,
                self.limit_rule,
                lambda: (
                    f"All {total} attempts under this {limit.scope.noun} have been "
                    f"used; the next attempt needs {limit.after_limit.next_step}."
                ),
            )
            return Gate(COGNITIVE, BLOCKED, tuple(reasons)), None, True
        if self.as_of > self.course_end:
            reasons += self.why(
                "course_expired_before_pass",
                self.program.course_validity,
                self.course_rule,
                lambda: (
                    f"The course stopped qualifying after {self.course_end}; the next attempt "
                    f"needs {limit.after_limit.next_step}."
                ),
            )
            return Gate(COGNITIVE, BLOCKED, tuple(reasons)), None, True
        earliest = self.as_of
        if attempts:
            last_on = attempts[-1].taken_on
            wait = self.reader.read(self.program.retest_wait, last_on)
            retest_on = wait.value.earliest_after(last_on)
            earliest = max(earliest, retest_on)
            reasons += self.why(
                "retest_wait",
                self.program.retest_wait,
                wait,
                lambda: f"Retest allowed from {retest_on} ({wait.value.describe()}).",
            )
        if earliest > self.course_end:
            reasons += self.why(
                "retest_after_course_expiry",
                self.program.course_validity,
                self.course_rule,
                lambda: (
                    f"The earliest next attempt, {earliest}, falls after the course stops "
                    f"qualifying on {self.course_end}; the next attempt needs "
                    f"{limit.after_limit.next_step}."
                ),
            )
            return Gate(COGNITIVE, BLOCKED, tuple(reasons)), None, True
        if limit.remedial_due(used):
            reasons += self.remedial_reasons(used, earliest)
        reasons += self.why(
            "attempts_remaining",
            limit_param,
            self.limit_rule,
            lambda: (
                f"Attempt {used + 1} of {total} may be taken from {earliest} "
                f"through {self.course_end}"
                + (", once the remedial training is on record." if self.remedial_due else ".")
            ),
        )
        return (
            Gate(COGNITIVE, PENDING, tuple(reasons), expected_on=earliest),
            earliest,
            False,
        )

    def remedial_reasons(self, used: int, earliest: dt.date) -> tuple[Reason, ...]:
        """Whether the remedial training the next attempt needs is on record, and why.

        Sets :attr:`remedial_due` when it is not: an administrative item the candidate can
        still complete, so the next attempt date stands and no new course is needed.
        """
        limit = self.limit_rule.value
        rule = limit.remedial
        if rule is None:
            return ()
        record = self.candidate.remedial
        param = self.program.attempt_limit
        if record is not None and rule.satisfied_by(
            record.hours, component=record.national_component
        ):
            return self.why(
                "remedial_training_done",
                param,
                self.limit_rule,
                lambda: (
                    f"Remedial training on record ({record.describe()}) allows attempts "
                    f"{limit.max_attempts + 1} to {limit.total_attempts}; it does not extend "
                    f"the course, which qualifies through {self.course_end}."
                ),
            )
        self.remedial_due = True
        short = (
            ()
            if record is None
            else self.why(
                "remedial_training_short",
                param,
                self.limit_rule,
                lambda: (
                    f"The remedial training on record ({record.describe()}) does not meet the "
                    f"rule: {rule.what_satisfies()}."
                ),
            )
        )
        return short + self.why(
            "remedial_training_required",
            param,
            self.limit_rule,
            lambda: (
                f"After {limit.max_attempts} failed attempts, attempt {used + 1} needs "
                f"documented remedial training first: {rule.what_satisfies()}. It is due "
                f"before the next attempt (allowed from {earliest}) and does not extend the "
                f"course, which qualifies through {self.course_end}."
            ),
        )

    def skills_gate(self, certification_on: dt.date | None) -> Gate | None:
        p = self.program.skills_required
        rule = self.read_requirement_rules()[1]
        if p is None or rule is None:
            return self.not_in_pathway(SKILLS)
        if not rule.value:
            return Gate(SKILLS, MET)
        skills = self.candidate.skills
        if skills is None:
            return Gate(
                SKILLS,
                PENDING,
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
            return Gate(
                SKILLS,
                EXPIRED,
                self.portion_why(
                    "skills_expired",
                    lambda: (
                        f"Skills competency passed {skills.passed_on} stopped being valid after "
                        f"{end}; it must be passed again."
                    ),
                ),
                valid_until=end,
            )
        return Gate(
            SKILLS,
            MET,
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
            skills = self.program.skills_required
            rules = (
                self.reader.read(self.program.verification_required, self.completed),
                None if skills is None else self.reader.read(skills, self.completed),
            )
            self.requirement_rules = rules
        return rules

    def required(self) -> list[Requirement]:
        """Every requirement of certification besides the pass, in a stable order.

        The program's ``verification_required`` and ``skills_required`` parameters, and the
        requirements its result posting is held until.
        """
        verification, skills = self.read_requirement_rules()
        needed: set[Requirement] = set()
        if verification.value:
            needed.add(Requirement.COURSE_VERIFIED)
        if skills is not None and skills.value:
            needed.add(Requirement.SKILLS_PASSED)
        if self.passed is not None:
            posting = self.reader.read(self.program.result_posting, self.passed.taken_on)
            needed |= self.holds(posting.value.held_until)
        return sorted(needed, key=_REQUIREMENT_ORDER.__getitem__)

    def holds(self, held_until: frozenset[Requirement]) -> frozenset[Requirement]:
        """What a result is held until, less a skills competency the course does not need.

        A program whose skills rule changed (a national skills exam that ended) still
        holds results for skills only where the candidate's course needs them.
        """
        if Requirement.SKILLS_PASSED not in held_until:
            return held_until
        skills = self.read_requirement_rules()[1]
        if skills is not None and skills.value:
            return held_until
        return held_until - {Requirement.SKILLS_PASSED}

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
            dates.append(self.result_date(self.passed)[0])
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
        if self.candidate.skills is not None:
            end = self.portion_end(self.candidate.skills.passed_on)
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
        term_param = self.program.certification_term
        if on is None:
            posting = self.reader.read(self.program.result_posting, self.as_of)
            state = BLOCKED if remediation else PENDING
            reasons = self.why(
                "certification_pending",
                self.program.result_posting,
                posting,
                lambda: "Certification needs " + ", ".join(missing) + ".",
            )
            return (
                Gate(CERTIFICATION, state, reasons + self.held_reason()),
                False,
                None,
            )
        term = self.reader.read(term_param, on)
        expires = term.value.expires_on(on)
        if on > self.as_of:
            return (
                Gate(
                    CERTIFICATION,
                    PENDING,
                    self.why(
                        "certification_expected",
                        self.program.result_posting,
                        self.reader.read(self.program.result_posting, self.passed.taken_on)
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
                Gate(
                    CERTIFICATION,
                    EXPIRED,
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
            Gate(
                CERTIFICATION,
                MET,
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
        posting = self.reader.read(self.program.result_posting, passed.taken_on)
        held = self.holds(posting.value.held_until)
        waiting = [
            item.label
            for item in Requirement
            if item in held and self.requirement_on(item) is None
        ]
        if not waiting:
            return ()
        return self.why(
            "result_held",
            self.program.result_posting,
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

    def conclude(self) -> tuple[_Decided, tuple[Gate | None, ...]]:
        """Every check, then the decided fields and the gates (``None`` where deciding)."""
        self.check_attempts()
        cert_on, missing = self.certification_date()
        issued_on = cert_on if cert_on is not None and cert_on <= self.as_of else None
        cognitive, next_on, remediation = self.cognitive_gate(issued_on)
        attempt_possible = next_on is not None
        certification, certified, expires = self.certification_gate(cert_on, missing, remediation)
        prerequisite = () if self.program.prerequisite is None else (self.prerequisite_gate(),)
        gates = (
            self.course_gate(),
            self.verification_gate(),
            self.cpr_gate(attempt_possible),
            *prerequisite,
            self.authorization_gate(attempt_possible),
            cognitive,
            self.skills_gate(issued_on),
            certification,
        )
        limit = self.limit_rule.value.total_attempts
        used = self.prior_attempts + len(self.candidate.attempts)
        has_valid_pass = cognitive.state is MET and self.passed is not None
        remaining = 0 if (has_valid_pass or remediation) else limit - used
        decided: _Decided = (
            self.program.key,
            self.as_of,
            certified,
            cert_on,
            expires,
            next_on,
            used,
            remaining,
            remediation,
            self.remedial_due and next_on is not None,
            self.reader.weakest,
            self.program.edition,
        )
        return decided, gates

    def decision(self) -> PathwayDecision:
        """The decided fields (the run decides; nothing is formatted)."""
        decided, _ = self.conclude()
        return PathwayDecision(*decided)

    def status(self) -> PathwayStatus:
        """The decided fields with every gate and reason (the run explains)."""
        decided, outlines = self.conclude()
        reasons = list(self.record_reasons)  # findings about the records come first
        for gate in outlines:
            if gate is None:
                raise RuntimeError("emrpath bug: a gate was left unbuilt while explaining")
            reasons += gate.reasons
        gates = cast("tuple[Gate, ...]", outlines)  # none is None: checked above
        return PathwayStatus(*decided, gates=gates, reasons=tuple(reasons))
