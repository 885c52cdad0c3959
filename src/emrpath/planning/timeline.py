"""Attempt timelines: when every remaining attempt can be, and whether it still fits.

:func:`plan_attempts` answers a what-if from a course completion and a first attempt date:
the earliest date of every remaining attempt, each expected result date, whether each fits
before the course expires and its authorization to test ends, and the latest first-attempt
date that still leaves room for every remaining attempt. :func:`timeline_after` plans the
same from where an evaluated candidate stands. Nothing here is a literal: the wait, the
attempt limit, the course window, the result posting and the authorization window are
read from the program's parameters, through the rule functions of :mod:`emrpath.rules`.

Timeline semantics, and why:

- **Every attempt is planned on its earliest date**, assuming the one before it fails:
  attempt *k+1* is the retest wait after attempt *k* (``earliest_retest_date``; for NREMT
  EMR "last attempt date + 15 calendar days"). The wait counts from the **attempt date,
  not the result date**: the expected result date of attempt *k* does not move attempt
  *k+1*. It tells the candidate when the result (and the score report to plan from) is
  expected; for both shipped programs it comes well before the next earliest date (NREMT:
  2 business days against 15 days; ASCP: 4 business days against 3 months). Should a
  program's result come on or after the next earliest date, the timeline says so in a
  reason rather than moving the date.
- **One authorization to test per attempt** (each attempt is a new application and fee,
  and :func:`emrpath.evaluate` treats an authorization as used by its attempt). The first
  attempt is checked against ``authorization_issued_on`` when given (``None``: not
  checked). Each later attempt is planned with a new authorization applied for on the
  previous attempt's expected result date, and checked against its window (for NREMT
  EMR: 90 days, cut off at the course expiration).
- **Attempts that do not fit stay in the timeline**, marked, so a notebook shows *which*
  attempt is lost; only attempts with ``fits_course_window`` are ever on or before the
  course expiration date.
- **The latest first-attempt date** is found by bisection over the course window: it
  relies on the retest wait being monotone (a later attempt never allows an earlier
  retest), which holds for both wait policies (fixed days, next period). A wait that
  changes inside the window (a provision in force from a day after the course completion)
  can shorten, so then every day is tried, from the course's end back.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> course = ep.CourseCompletion(dt.date(2025, 5, 2), verified_on=dt.date(2025, 5, 9))
    >>> timeline = ep.plan_attempts(course, dt.date(2027, 4, 20), program=ep.NREMT_EMR)
    >>> [(a.number, a.earliest_on.isoformat(), a.fits_course_window) for a in timeline.attempts]
    [(1, '2027-04-20', True), (2, '2027-05-05', True), (3, '2027-05-20', True)]
    >>> timeline.latest_first_attempt_on
    datetime.date(2027, 5, 1)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from emrpath._dates import out_of_range_for
from emrpath._table import (
    cell,
    data_frame,
    html_block,
    html_list,
    html_paragraph,
    html_table,
    reason_html,
    text_table,
)
from emrpath._validators import require, shown
from emrpath.errors import CalendarRangeError, InputTypeError, InvalidRecordError
from emrpath.params import Confidence, ParamReader
from emrpath.program import Program, check_program
from emrpath.records import Candidate, CourseCompletion
from emrpath.rules import (
    att_expiration_date,
    course_expiration_date,
    earliest_retest_date,
    expected_result_date,
)
from emrpath.status import PathwayDecision, Reason

__all__ = ["AttemptTimeline", "PlannedAttempt", "plan_attempts", "timeline_after"]

_RULE = "retake planning"


@attrs.frozen(slots=True)
class PlannedAttempt:
    """One attempt of an :class:`AttemptTimeline`, on its earliest date.

    Attributes:
        number: The attempt's number under the course (or route), from 1.
        earliest_on: The earliest date it can be taken.
        expected_result_on: When its result is expected (nothing holding it).
        fits_course_window: Whether ``earliest_on`` is on or before the course expiration.
        fits_authorization: Whether ``earliest_on`` falls in its authorization to test
            (``None``: the first attempt, when no authorization date was given).
        authorization_expires_on: The last day of that authorization, when known.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> course = ep.CourseCompletion(dt.date(2024, 1, 5))
        >>> last = ep.plan_attempts(course, dt.date(2026, 1, 10),
        ...     program=ep.NREMT_EMR).attempts[-1]
        >>> last.number, last.earliest_on, last.fits_course_window, last.fits
        (3, datetime.date(2026, 2, 9), False, False)
    """

    number: int
    earliest_on: dt.date
    expected_result_on: dt.date
    fits_course_window: bool
    fits_authorization: bool | None
    authorization_expires_on: dt.date | None

    @property
    def fits(self) -> bool:
        """Whether the attempt fits the course window and (where known) its authorization.

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2024, 1, 5))
            >>> [a.fits for a in ep.plan_attempts(course, dt.date(2026, 1, 10),
            ...     program=ep.NREMT_EMR).attempts]
            [True, True, False]
        """
        return self.fits_course_window and self.fits_authorization is not False


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


_TIMELINE_HEADER = (
    "attempt",
    "earliest on",
    "result expected",
    "in course window",
    "in authorization",
)


@attrs.frozen(slots=True, repr=False)
class AttemptTimeline:
    """A what-if timeline of the remaining attempts under one course (or route).

    Attributes:
        program: The program's key.
        course_completed_on: The course completion date.
        course_expires_on: The last day the course qualifies for testing.
        first_attempt_on: The date of the first planned attempt.
        attempts_used: Attempts used before the first planned one.
        max_attempts: Attempts the program allows under the course (or route).
        attempts: One :class:`PlannedAttempt` per remaining attempt.
        latest_first_attempt_on: The latest date for the first planned attempt that
            still leaves every remaining attempt inside the course window (``None``: no
            date does).
        after_limit: What the program requires once the attempts are used up.
        reasons: The rules applied, cited.
        confidence: The weakest confidence among the parameters read.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> course = ep.CourseCompletion(dt.date(2024, 1, 5))
        >>> for line in ep.plan_attempts(course, dt.date(2026, 1, 10),
        ...     program=ep.NREMT_EMR).text_lines()[1:6]:
        ...     print(line)
        attempt  earliest on  result expected  in course window  in authorization
        -------  -----------  ---------------  ----------------  ------------------------
              1  2026-01-10   2026-01-13       yes
              2  2026-01-25   2026-01-27       yes               yes (through 2026-01-31)
              3  2026-02-09   2026-02-11       no                no (through 2026-01-31)
        >>> ep.plan_attempts(course, dt.date(2026, 1, 10),
        ...     program=ep.NREMT_EMR).to_rows()[2]["fits_course_window"]
        False
    """

    program: str
    course_completed_on: dt.date
    course_expires_on: dt.date
    first_attempt_on: dt.date
    attempts_used: int
    max_attempts: int
    attempts: tuple[PlannedAttempt, ...]
    latest_first_attempt_on: dt.date | None
    after_limit: str
    reasons: tuple[Reason, ...]
    confidence: Confidence

    @property
    def all_fit(self) -> bool:
        """Whether every remaining attempt fits its windows.

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2024, 1, 5))
            >>> ep.plan_attempts(course, dt.date(2025, 1, 10), program=ep.NREMT_EMR).all_fit
            True
            >>> ep.plan_attempts(course, dt.date(2026, 1, 10), program=ep.NREMT_EMR).all_fit
            False
        """
        return all(a.fits for a in self.attempts)

    def to_rows(self) -> list[dict[str, Any]]:
        """One dict per planned attempt, ready for ``pandas.DataFrame(timeline.to_rows())``.

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2024, 1, 5))
            >>> row = ep.plan_attempts(course, dt.date(2026, 1, 10),
            ...     program=ep.NREMT_EMR).to_rows()[0]
            >>> row["attempt"], row["earliest_on"], row["course_expires_on"]
            (1, datetime.date(2026, 1, 10), datetime.date(2026, 1, 31))
        """
        return [
            {
                "attempt": a.number,
                "earliest_on": a.earliest_on,
                "expected_result_on": a.expected_result_on,
                "fits_course_window": a.fits_course_window,
                "fits_authorization": a.fits_authorization,
                "authorization_expires_on": a.authorization_expires_on,
                "course_expires_on": self.course_expires_on,
            }
            for a in self.attempts
        ]

    def to_frame(self) -> Any:
        """:meth:`to_rows` as a ``pandas.DataFrame``, its dates as ``datetime64`` columns.

        Raises:
            MissingExtraError: pandas is not installed (the ``notebook`` extra installs it).

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2024, 1, 5))
            >>> frame = ep.plan_attempts(course, dt.date(2026, 1, 10),
            ...     program=ep.NREMT_EMR).to_frame()
            >>> frame["earliest_on"].dt.strftime("%Y-%m-%d").tolist()
            ['2026-01-10', '2026-01-25', '2026-02-09']
            >>> str(frame.dtypes["course_expires_on"])
            'datetime64[us]'
        """
        return data_frame(
            self.to_rows(),
            (
                "attempt",
                "earliest_on",
                "expected_result_on",
                "fits_course_window",
                "fits_authorization",
                "authorization_expires_on",
                "course_expires_on",
            ),
            dates=(
                "earliest_on",
                "expected_result_on",
                "authorization_expires_on",
                "course_expires_on",
            ),
            rule=_RULE,
        )

    def _cells(self) -> list[tuple[str, ...]]:
        return [
            (
                str(a.number),
                cell(a.earliest_on),
                cell(a.expected_result_on),
                _yes_no(a.fits_course_window),
                _yes_no(a.fits_authorization)
                + (
                    f" (through {cell(a.authorization_expires_on)})"
                    if a.authorization_expires_on
                    else ""
                ),
            )
            for a in self.attempts
        ]

    def summary(self) -> str:
        """The answer on one line.

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2024, 1, 5))
            >>> print(ep.plan_attempts(course, dt.date(2026, 1, 10),
            ...     program=ep.NREMT_EMR).summary())
            2 of 3 remaining attempts fit | latest first attempt leaving room for all: \
2026-01-01 | weakest source: secondary
        """
        fit = sum(1 for a in self.attempts if a.fits)
        latest = cell(self.latest_first_attempt_on) or "none"
        total = len(self.attempts)
        return (
            f"{fit} of {total} remaining attempt{'' if total == 1 else 's'}"
            f" {'fits' if fit == 1 else 'fit'}"
            f" | latest first attempt leaving room for all: {latest}"
            f" | weakest source: {self.confidence.value}"
        )

    def text_lines(self) -> list[str]:
        """The timeline as aligned lines, without its reasons (see ``str()``).

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2024, 1, 5))
            >>> timeline = ep.plan_attempts(course, dt.date(2026, 1, 10), program=ep.NREMT_EMR)
            >>> for line in timeline.text_lines()[:6]:
            ...     print(line)
            nremt-emr attempts: course completed 2024-01-05, qualifies through 2026-01-31;
            0 of 3 used
            attempt  earliest on  result expected  in course window  in authorization
            -------  -----------  ---------------  ----------------  ------------------------
                  1  2026-01-10   2026-01-13       yes
                  2  2026-01-25   2026-01-27       yes               yes (through 2026-01-31)
                  3  2026-02-09   2026-02-11       no                no (through 2026-01-31)
        """
        head, rule, rows = text_table(_TIMELINE_HEADER, self._cells(), right={0})
        return [
            f"{self.program} attempts: course completed {cell(self.course_completed_on)}, "
            f"qualifies through {cell(self.course_expires_on)}; "
            f"{self.attempts_used} of {self.max_attempts} used",
            head,
            rule,
            *rows,
            self.summary(),
        ]

    def __str__(self) -> str:
        lines = self.text_lines()
        lines[-1:-1] = [f"    - {reason}" for reason in self.reasons]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"<AttemptTimeline {self.program} first_attempt_on={self.first_attempt_on} "
            f"attempts={len(self.attempts)} all_fit={self.all_fit} "
            f"latest_first_attempt_on={self.latest_first_attempt_on}>"
        )

    def html(self) -> str:
        """The timeline as an HTML table (what ``_repr_html_`` wraps).

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2024, 1, 5))
            >>> timeline = ep.plan_attempts(course, dt.date(2026, 1, 10), program=ep.NREMT_EMR)
            >>> html = timeline.html()
            >>> html.startswith("<table "), html.count("<tr>")
            (True, 4)
            >>> ">2026-02-09</td>" in html
            True
        """
        return html_table(_TIMELINE_HEADER, self._cells())

    def _repr_html_(self) -> str:
        return html_block(
            self.program,
            f" attempts, course qualifies through {cell(self.course_expires_on)}",
            self.html(),
            html_list([reason_html(r) for r in self.reasons]),
            html_paragraph(self.summary()),
        )


def _check_int(value: object, field: str) -> int:
    if type(value) is not int:
        raise InputTypeError(
            f"must be an int, got {type(value).__name__}", field=field, rule=_RULE
        )
    return value


def _chain_end(first: dt.date, retests: int, program: Program) -> dt.date:
    """The date of the last of ``retests`` retests after ``first``, each at its earliest."""
    day = first
    for _ in range(retests):
        day = earliest_retest_date(day, program=program)
    return day


def _latest_first(
    completed: dt.date, course_end: dt.date, retests: int, program: Program
) -> dt.date | None:
    """The latest first-attempt date whose last retest is still in the course window.

    Bisection needs a later first attempt never to end the chain earlier: true of each wait
    policy, but not of a wait that changes inside the window (a shorter wait from some day
    can let a later start end earlier). Then every day is tried, from the course's end back.
    """
    if any(completed < p.effective_from <= course_end for p in program.retest_wait.provisions):
        for ordinal in range(course_end.toordinal(), completed.toordinal() - 1, -1):
            if _chain_end(dt.date.fromordinal(ordinal), retests, program) <= course_end:
                return dt.date.fromordinal(ordinal)
        return None
    if completed > course_end or _chain_end(completed, retests, program) > course_end:
        return None
    low, high = completed.toordinal(), course_end.toordinal()  # low fits; find the last
    while low < high:
        middle = (low + high + 1) // 2
        if _chain_end(dt.date.fromordinal(middle), retests, program) <= course_end:
            low = middle
        else:
            high = middle - 1
    return dt.date.fromordinal(low)


def _all_remaining(count: int) -> str:
    """``all 3 remaining attempts``; ``the 1 remaining attempt``."""
    return "the 1 remaining attempt" if count == 1 else f"all {count} remaining attempts"


def plan_attempts(
    course: CourseCompletion,
    first_attempt_on: dt.date | dt.datetime,
    *,
    program: Program,
    authorization_issued_on: dt.date | dt.datetime | None = None,
    attempts_used: int = 0,
) -> AttemptTimeline:
    """The earliest date of every remaining attempt, if each one before it fails.

    Args:
        course: The course completion the attempts count under.
        first_attempt_on: The date of the first planned attempt. When attempts were
            already used, pass a date on or after their earliest retest date
            (:func:`~emrpath.planning.retake.retake_plan` does).
        program: The program whose rules apply.
        authorization_issued_on: The issue date of the authorization to test for the
            first planned attempt (``None``: not checked).
        attempts_used: Attempts already used under the course (or route).

    Returns:
        An :class:`AttemptTimeline`. See the module docstring for how the dates are
        chosen and what the expected result dates mean.

    Raises:
        InputTypeError: An argument of the wrong type.
        InvalidRecordError: A first attempt (or authorization) before the course
            completion, or ``attempts_used`` outside ``0`` to the limit minus one.
        NoRuleInForceError: The program has no rule for a date the plan needs.
        NaiveDatetimeError: ``first_attempt_on`` or ``authorization_issued_on`` is a datetime
            without a timezone.
        CalendarRangeError: A planned date falls outside the program's business calendar.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> course = ep.CourseCompletion(dt.date(2024, 1, 5))
        >>> timeline = ep.plan_attempts(
        ...     course, dt.date(2026, 1, 10), authorization_issued_on=dt.date(2025, 12, 1),
        ...     program=ep.NREMT_EMR
        ... )
        >>> print(timeline.text_lines()[0])
        nremt-emr attempts: course completed 2024-01-05, qualifies through 2026-01-31; 0 of 3 used
        >>> [a.fits for a in timeline.attempts]
        [True, True, False]
        >>> timeline.attempts[0].authorization_expires_on
        datetime.date(2026, 1, 31)
    """
    program = check_program(program, _RULE)
    require(course, CourseCompletion, field="course", rule=_RULE)
    first = program.date(first_attempt_on, field="first_attempt_on", rule=_RULE)
    issued = (
        None
        if authorization_issued_on is None
        else program.date(authorization_issued_on, field="authorization_issued_on", rule=_RULE)
    )
    used = _check_int(attempts_used, "attempts_used")
    completed = course.completed_on
    reader = ParamReader()
    limit_rule = reader.read(program.attempt_limit, completed)
    limit = limit_rule.value
    total = limit.total_attempts
    if not 0 <= used < total:
        raise InvalidRecordError(
            f"{shown(used)} attempts used; the program allows {total} under one "
            f"{limit.scope.noun}, so a plan needs 0 to {total - 1} used "
            f"(after the last, {limit.after_limit.next_step})",
            field="attempts_used",
            rule="attempt limit",
        )
    for field, day in (("first_attempt_on", first), ("authorization_issued_on", issued)):
        if day is not None and day < completed:
            raise InvalidRecordError(
                f"{day} is before the course completion {completed}",
                field=field,
                rule="course window",
            )
    course_rule = reader.read(program.course_validity, completed)
    try:
        course_end = course_expiration_date(completed, program=program)
    except CalendarRangeError as err:
        raise out_of_range_for(err, "course") from None
    reasons = [
        Reason.cited(
            "attempt_limit",
            f"{total} attempts under one {limit.scope.noun}, {used} used; "
            + (
                ""
                if limit.remedial is None
                else f"before attempt {limit.max_attempts + 1}, "
                f"{limit.remedial.what_satisfies()}; "
            )
            + f"after the last, {limit.after_limit.next_step}.",
            program.attempt_limit,
            limit_rule,
        ),
        Reason.cited(
            "course_window",
            f"Course completed {completed} qualifies for testing through {course_end}.",
            program.course_validity,
            course_rule,
        ),
    ]
    attempts: list[PlannedAttempt] = []
    day = first
    previous_result: dt.date | None = None
    for number in range(used + 1, total + 1):
        if previous_result is not None:
            wait = reader.read(program.retest_wait, day)
            retest = earliest_retest_date(day, program=program)
            if previous_result >= retest:
                reasons.append(
                    Reason.cited(
                        "result_after_retest_date",
                        f"The result of attempt {number - 1} is expected {previous_result}, "
                        f"not before attempt {number} could be taken on {retest}.",
                        program.retest_wait,
                        wait,
                    )
                )
            day = retest
        posting = reader.read(program.result_posting, day)
        try:
            result_on = expected_result_date(day, program=program)
        except CalendarRangeError as err:  # every attempt's date steps from the first
            raise out_of_range_for(err, "first_attempt_on") from None
        fits_course = day <= course_end
        att_issued = issued if previous_result is None else previous_result
        att_end: dt.date | None = None
        fits_att: bool | None = None
        if att_issued is not None and att_issued <= course_end:
            reader.read(program.authorization, att_issued)
            att_end = att_expiration_date(att_issued, completed, program=program)
            fits_att = att_issued <= day <= att_end
        elif att_issued is not None:
            fits_att = False  # an authorization applied for after the course expired
        attempts.append(PlannedAttempt(number, day, result_on, fits_course, fits_att, att_end))
        if number == used + 1:
            reasons.append(
                Reason.cited(
                    "result_posting",
                    f"Each result is expected {posting.value.business_days} business days "
                    "after its exam (an expectation, not a guarantee).",
                    program.result_posting,
                    posting,
                )
            )
        previous_result = result_on
    if len(attempts) > 1:
        wait = reader.read(program.retest_wait, attempts[0].earliest_on)
        reasons.append(
            Reason.cited(
                "retest_wait",
                f"Each retest on its earliest date: {wait.value.describe()}, counted from the "
                "attempt date, not the result date.",
                program.retest_wait,
                wait,
            )
        )
    authorization = reader.read(program.authorization, issued or first)
    reasons.append(
        Reason.cited(
            "authorization_per_attempt",
            "One authorization to test per attempt "
            f"({authorization.value.describe()}); each retest's is planned as applied for "
            "on the previous result's expected date"
            + ("." if issued is not None else "; the first attempt's is not checked."),
            program.authorization,
            authorization,
        )
    )
    for attempt in attempts:
        if not attempt.fits_course_window:
            reasons.append(
                Reason.cited(
                    "attempt_after_course_expiry",
                    f"Attempt {attempt.number} could not be taken before {attempt.earliest_on}, "
                    f"after the course stops qualifying on {course_end}; it needs "
                    f"{limit.after_limit.next_step}.",
                    program.course_validity,
                    course_rule,
                )
            )
    latest = _latest_first(completed, course_end, len(attempts) - 1, program)
    reasons.append(
        Reason.cited(
            "latest_first_attempt",
            (
                f"A first planned attempt on or before {latest} leaves room for "
                f"{_all_remaining(len(attempts))} before {course_end}."
                if latest is not None
                else f"No first-attempt date leaves room for {_all_remaining(len(attempts))} "
                f"before {course_end}."
            ),
            program.course_validity,
            course_rule,
        )
    )
    return AttemptTimeline(
        program=program.key,
        course_completed_on=completed,
        course_expires_on=course_end,
        first_attempt_on=first,
        attempts_used=used,
        max_attempts=total,
        attempts=tuple(attempts),
        latest_first_attempt_on=latest,
        after_limit=limit.after_limit.next_step,
        reasons=tuple(reasons),
        confidence=reader.weakest,
    )


def timeline_after(
    candidate: Candidate, decision: PathwayDecision, *, program: Program
) -> AttemptTimeline | None:
    """The remaining attempts from where ``decision`` leaves ``candidate``, if any is open.

    The timeline starts on the decision's next attempt date and counts the attempts it
    says are used; the first planned attempt is checked against the candidate's unused
    authorization to test (the one not yet used by an attempt), so the CLI's ``plan``,
    :func:`~emrpath.planning.retake.retake_plan` and a notebook all give the same timeline.

    Args:
        candidate: The candidate the decision is about.
        decision: :func:`emrpath.evaluate`'s (or :func:`emrpath.decide`'s) answer for
            ``candidate`` under ``program``.
        program: The program whose rules apply; the decision must be under it.

    Returns:
        An :class:`AttemptTimeline`, or ``None`` when no attempt is allowed without a new
        course (or route): the decision's ``next_attempt_on`` is ``None``.

    Raises:
        InputTypeError: An argument of the wrong type.
        InvalidRecordError: The decision is under another program; anything
            :func:`plan_attempts` refuses.
        CalendarRangeError: A planned date falls outside the program's business calendar;
            when the plan steps past it from the decision's next attempt date, the error
            names ``decision.next_attempt_on``.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> failed = ep.ExamAttempt(dt.date(2025, 7, 11), passed=False)
        >>> person = ep.Candidate(ep.CourseCompletion(dt.date(2025, 5, 2)), [failed])
        >>> status = ep.evaluate(person, as_of=dt.date(2025, 7, 14), program=ep.NREMT_EMR)
        >>> timeline = timeline_after(person, status, program=ep.NREMT_EMR)
        >>> [(a.number, a.earliest_on.isoformat()) for a in timeline.attempts]
        [(2, '2025-07-26'), (3, '2025-08-10')]
    """
    program = check_program(program, _RULE)
    require(candidate, Candidate, field="candidate", rule=_RULE)
    require(decision, PathwayDecision, field="decision", rule=_RULE)
    if decision.program != program.key:
        raise InvalidRecordError(
            f"the decision is under {shown(decision.program)}, not {shown(program.key)}; "
            "plan under the program that decided it",
            field="decision.program",
            rule=_RULE,
        )
    if decision.next_attempt_on is None:
        return None
    unused = candidate.unused_authorization
    try:
        return plan_attempts(
            candidate.course,
            decision.next_attempt_on,
            program=program,
            authorization_issued_on=None if unused is None else unused.issued_on,
            attempts_used=decision.attempts_used,
        )
    except CalendarRangeError as err:
        # plan_attempts names its own parameter, first_attempt_on: every planned date steps
        # from it, and the caller gave it as the decision's next attempt date. (Its other
        # range error, the course window's, cannot come: the course was completed on or
        # before that date, which is inside the calendar, and the window is dated by
        # calendar months.)
        raise out_of_range_for(err, "decision.next_attempt_on") from None
