"""Retake planning: an error log sorted into the seed's five buckets, and attempt timelines.

Two questions a candidate asks after a failed attempt, answered from the program's rules
(never from literals here: the wait, the attempt limit, the course window, the result
posting and the authorization window are all read from the program's parameters, through
the rule functions of :mod:`emrpath.rules` and :func:`emrpath.evaluate`):

- :func:`retake_plan`: what to repair, and when. The misses of an :class:`ErrorLog` are
  counted per :class:`MissBucket`; the one or two buckets that cost the most are the
  focus, each with its fix from :data:`BUCKET_FIXES`; the plan gives the earliest retest
  date, the days available before it, and whether the retest still fits the course window
  and the attempts left.
- :func:`plan_attempts`: a what-if timeline from a course completion and a first attempt
  date: the earliest date of every remaining attempt, each expected result date, whether
  each fits before the course expires and its authorization to test ends, and the latest
  first-attempt date that still leaves room for every remaining attempt.

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
  retest), which holds for both wait policies (fixed days, next period).

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
import enum
import types
from collections.abc import Mapping
from typing import Any

import attrs

from emrpath._seed import seed_citation
from emrpath._table import cell, html_table, key_values, text_table
from emrpath._validators import (
    instance_of,
    non_empty_text,
    parse_enum,
    require,
    sequence_of,
    shown,
)
from emrpath.errors import InputTypeError, InvalidRecordError
from emrpath.params import Citation, Confidence, ParamReader, weakest
from emrpath.pathway import evaluate
from emrpath.program import Program, check_program
from emrpath.records import Candidate, CourseCompletion, ExamAttempt, _date
from emrpath.rules import (
    att_expiration_date,
    course_expiration_date,
    earliest_retest_date,
    expected_result_date,
)
from emrpath.status import GateName, PathwayStatus, Reason

__all__ = [
    "BUCKET_FIXES",
    "AttemptTimeline",
    "BucketFix",
    "ErrorLog",
    "Miss",
    "MissBucket",
    "PlannedAttempt",
    "RetakePlan",
    "plan_attempts",
    "retake_plan",
]

_RULE = "retake planning"

# The seed's advice, without its "mandatory 15-day waiting period" (NREMT's wait): the
# wait itself is cited from the program's own retest_wait provision.
_FOCUS = seed_citation("attack the one or two buckets that cost you the most, then retest.")


class MissBucket(enum.Enum):
    """The seed's five kinds of missed item, in the seed's order.

    "Sort your misses into five buckets: domain knowledge gaps (you did not know the fact),
    sequence errors (you knew the facts but chose the wrong order), scope errors (you picked
    an action above EMR level), reading errors (you missed a key word like unresponsive or
    unsafe), and pacing errors (you rushed or froze)."

    Example:
        >>> MissBucket("scope").description
        'you picked an action above EMR level'
        >>> MissBucket.SCOPE.fix.fix
        'the can/cannot list memorized'
    """

    DOMAIN_KNOWLEDGE = "domain_knowledge"
    SEQUENCE = "sequence"
    SCOPE = "scope"
    READING = "reading"
    PACING = "pacing"

    @property
    def label(self) -> str:
        """The bucket as the seed names it (``"domain knowledge gaps"`` …).

        Example:
            >>> [bucket.label for bucket in MissBucket]
            ['domain knowledge gaps', 'sequence errors', 'scope errors', 'reading errors',
             'pacing errors']
        """
        return _BUCKET_TEXT[self][0]

    @property
    def description(self) -> str:
        """The seed's words for what a miss in this bucket is.

        Example:
            >>> MissBucket.SEQUENCE.description
            'you knew the facts but chose the wrong order'
        """
        return _BUCKET_TEXT[self][1]

    @property
    def fix(self) -> BucketFix:
        """The seed's fix for this bucket (from :data:`BUCKET_FIXES`).

        Example:
            >>> MissBucket.PACING.fix.fix, MissBucket.PACING.fix.confidence
            ('timed practice', <Confidence.SECONDARY: 'secondary'>)
        """
        return BUCKET_FIXES[self]

    @classmethod
    def parse(cls, value: object, *, field: str = "bucket") -> MissBucket:
        """``value`` as a bucket: a member or exactly one of the values.

        Raises:
            InputTypeError: ``value`` is neither a member nor a ``str``.
            UnknownNameError: ``value`` is a string that is not exactly a value.

        Example:
            >>> MissBucket.parse("pacing")
            <MissBucket.PACING: 'pacing'>
        """
        return parse_enum(cls, value, field=field, rule=_RULE, noun="bucket")


_BUCKET_TEXT: Mapping[MissBucket, tuple[str, str]] = types.MappingProxyType(
    {
        MissBucket.DOMAIN_KNOWLEDGE: ("domain knowledge gaps", "you did not know the fact"),
        MissBucket.SEQUENCE: (
            "sequence errors",
            "you knew the facts but chose the wrong order",
        ),
        MissBucket.SCOPE: ("scope errors", "you picked an action above EMR level"),
        MissBucket.READING: (
            "reading errors",
            "you missed a key word like unresponsive or unsafe",
        ),
        MissBucket.PACING: ("pacing errors", "you rushed or froze"),
    }
)


def _fix_bucket(value: object) -> MissBucket:
    return MissBucket.parse(value, field="BucketFix.bucket")


@attrs.frozen(slots=True)
class BucketFix:
    """The repair the seed prescribes for one bucket, with its source.

    Args:
        bucket: The bucket it repairs.
        fix: The seed's words for the repair.
        citation: The seed sentence it is read from.
        confidence: ``SECONDARY``: study advice from a third-party guide, not a rule.

    Example:
        >>> print(BUCKET_FIXES[MissBucket.PACING])
        pacing errors: timed practice
    """

    bucket: MissBucket = attrs.field(converter=_fix_bucket)
    fix: str = attrs.field(validator=non_empty_text(_RULE))
    citation: Citation = attrs.field(validator=instance_of(Citation, _RULE))
    confidence: Confidence = attrs.field(
        default=Confidence.SECONDARY, validator=instance_of(Confidence, _RULE)
    )

    def __str__(self) -> str:
        return f"{self.bucket.label}: {self.fix}"


def _fix(bucket: MissBucket, fix: str, quote: str) -> BucketFix:
    return BucketFix(bucket, fix, seed_citation(quote))


BUCKET_FIXES: Mapping[MissBucket, BucketFix] = types.MappingProxyType(
    {
        MissBucket.DOMAIN_KNOWLEDGE: _fix(
            MissBucket.DOMAIN_KNOWLEDGE,
            "focused content review",
            "Knowledge gaps need focused content review",
        ),
        MissBucket.SEQUENCE: _fix(
            MissBucket.SEQUENCE,
            "priority-ladder drills",
            "sequence errors need priority-ladder drills",
        ),
        MissBucket.SCOPE: _fix(
            MissBucket.SCOPE,
            "the can/cannot list memorized",
            "scope errors need the can/cannot list memorized",
        ),
        MissBucket.READING: _fix(
            MissBucket.READING,
            "slower, deliberate stem reading",
            "reading errors need slower, deliberate stem reading",
        ),
        MissBucket.PACING: _fix(
            MissBucket.PACING,
            "timed practice",
            "pacing errors need timed practice",
        ),
    }
)
"""The seed's fix for each bucket, cited (secondary: a study guide's advice).

For scope errors, :func:`emrpath.can_cannot_list` gives the list to memorise.
"""


# ---------------------------------------------------------------------------------------
# the error log


def _bucket(value: object) -> MissBucket:
    return MissBucket.parse(value, field="Miss.bucket")


def _note(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    require(value, str, field="Miss.note", rule=_RULE)


@attrs.frozen(slots=True)
class Miss:
    """One missed item of an attempt, classified into a bucket.

    Args:
        bucket: A :class:`MissBucket` or its value (``"sequence"``).
        note: What was missed, in the candidate's words (optional).

    Example:
        >>> Miss("reading", "missed 'unresponsive' in the stem").bucket
        <MissBucket.READING: 'reading'>
    """

    bucket: MissBucket = attrs.field(converter=_bucket)
    note: str = attrs.field(default="", validator=_note)


def _misses(value: object) -> tuple[Miss, ...]:
    return sequence_of(value, Miss, field="ErrorLog.misses", rule=_RULE)


@attrs.frozen(slots=True)
class ErrorLog:
    """The classified misses of one attempt.

    Args:
        misses: The missed items (an empty log is allowed: nothing to focus on).
        attempt_on: The date of the attempt the log is for (``None``: not recorded);
            :func:`retake_plan` checks it against the failed attempt.

    Example:
        >>> log = ErrorLog([Miss("scope"), Miss("scope"), Miss("pacing"), Miss("sequence")])
        >>> log.counts()[MissBucket.SCOPE], [b.value for b in log.costliest()]
        (2, ['scope', 'sequence'])
    """

    misses: tuple[Miss, ...] = attrs.field(default=(), converter=_misses)
    attempt_on: dt.date | None = attrs.field(
        default=None, kw_only=True, validator=_date(_RULE, optional=True)
    )

    def counts(self) -> dict[MissBucket, int]:
        """Misses per bucket, every bucket present, in the seed's order.

        Example:
            >>> log = ErrorLog([Miss("scope"), Miss("pacing"), Miss("pacing")])
            >>> {bucket.value: n for bucket, n in log.counts().items()}
            {'domain_knowledge': 0, 'sequence': 0, 'scope': 1, 'reading': 0, 'pacing': 2}
        """
        counts = dict.fromkeys(MissBucket, 0)
        for miss in self.misses:
            counts[miss.bucket] += 1
        return counts

    def costliest(self) -> tuple[MissBucket, ...]:
        """The one or two buckets that cost the most misses.

        Buckets with misses, most misses first; a tie keeps the seed's order (domain
        knowledge, sequence, scope, reading, pacing). Two when two or more buckets have
        misses, one when only one has, none for an empty log.

        Example:
            >>> log = ErrorLog([Miss("reading"), Miss("pacing"), Miss("pacing"), Miss("scope")])
            >>> [bucket.value for bucket in log.costliest()]
            ['pacing', 'scope']
            >>> ErrorLog([Miss("reading")]).costliest(), ErrorLog().costliest()
            ((<MissBucket.READING: 'reading'>,), ())
        """
        order = list(MissBucket)
        ranked = sorted(
            (bucket for bucket, n in self.counts().items() if n),
            key=lambda b: (-self.counts()[b], order.index(b)),
        )
        return tuple(ranked[:2])


# ---------------------------------------------------------------------------------------
# the timeline


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
        return (
            f"{fit} of {len(self.attempts)} remaining attempts fit"
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
            >>> html.startswith("<table><thead><tr><th>attempt</th>"), html.count("<tr>")
            (True, 4)
            >>> "<td>2026-02-09</td>" in html
            True
        """
        return html_table(_TIMELINE_HEADER, self._cells())

    def _repr_html_(self) -> str:
        import html  # only notebooks need it; keep it off import time

        items = "".join(f"<li>{html.escape(str(r))}</li>" for r in self.reasons)
        return (
            f"<div><strong>{html.escape(self.program)}</strong> attempts, course qualifies "
            f"through {cell(self.course_expires_on)}{self.html()}<ul>{items}</ul>"
            f"<p>{html.escape(self.summary())}</p></div>"
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
    """The latest first-attempt date whose last retest is still in the course window."""
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
            (:func:`retake_plan` does).
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
    course_end = course_expiration_date(completed, program=program)
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
        result_on = expected_result_date(day, program=program)
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
                f"A first planned attempt on or before {latest} leaves room for all "
                f"{len(attempts)} remaining attempts before {course_end}."
                if latest is not None
                else f"No first-attempt date leaves room for all {len(attempts)} remaining "
                f"attempts before {course_end}."
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


# ---------------------------------------------------------------------------------------
# the retake plan


@attrs.frozen(slots=True, repr=False)
class RetakePlan:
    """What to repair after a failed attempt, and when the retest can be.

    Attributes:
        program: The program's key.
        as_of: The date of the plan.
        failed_on: The date of the failed attempt.
        scaled_score: Its scaled score, when the report gave one.
        points_below_passing: How far below the passing point that score is.
        earliest_retest_on: The earliest retest date after the failed attempt; ``None``
            when no attempt is allowed without a new course (or route): the plan then
            offers no retest date and says what must come first.
        next_attempt_on: The earliest date on or after ``as_of`` the next attempt is
            allowed (``None``: none is, without a new course or route).
        course_expires_on: The last day the course qualifies for testing.
        fits_course_window: Whether the earliest retest is inside the course window
            (``False`` when there is none).
        attempts_used: Attempts used under the course (or route), the failed one included.
        attempts_remaining: Attempts left.
        remediation_required: Whether a new course (or route) is needed first.
        days_available: Days from ``as_of`` to ``next_attempt_on``: the repair time before
            the earliest retest (``None`` when no attempt is open).
        days_left_in_course_window: Days from ``as_of`` to the course expiration
            (negative once it has passed).
        counts: Misses per bucket, every bucket, in the seed's order.
        focus: The fixes for the one or two buckets that cost the most.
        timeline: The remaining attempts from ``next_attempt_on`` (``None`` when no
            attempt is open).
        reasons: The rules applied, cited.
        confidence: The weakest confidence among the parameters and sources read.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> attempt = ep.ExamAttempt(dt.date(2025, 7, 11), passed=False, scaled_score=905)
        >>> person = ep.Candidate(course=ep.CourseCompletion(dt.date(2025, 5, 2)), attempts=[attempt])
        >>> log = ep.ErrorLog([ep.Miss("scope"), ep.Miss("scope"), ep.Miss("pacing")])
        >>> plan = ep.retake_plan(log, attempt, person, as_of=dt.date(2025, 7, 14),
        ...     program=ep.NREMT_EMR)
        >>> print(plan.summary())
        retest from: 2025-07-26 | days available: 12 | attempts remaining: 2 | focus: scope errors, pacing errors | weakest source: secondary
        >>> plan.to_rows()[2]
        {'bucket': 'scope', 'misses': 2, 'focus': True, 'fix': 'the can/cannot list memorized'}
    """  # noqa: E501

    program: str
    as_of: dt.date
    failed_on: dt.date
    scaled_score: int | None
    points_below_passing: int | None
    earliest_retest_on: dt.date | None
    next_attempt_on: dt.date | None
    course_expires_on: dt.date
    fits_course_window: bool
    attempts_used: int
    attempts_remaining: int
    remediation_required: bool
    days_available: int | None
    days_left_in_course_window: int
    counts: tuple[tuple[MissBucket, int], ...]
    focus: tuple[BucketFix, ...]
    timeline: AttemptTimeline | None
    reasons: tuple[Reason, ...]
    confidence: Confidence

    @property
    def retest_possible(self) -> bool:
        """Whether a retest is allowed under the current course (or route).

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2025, 5, 2))
            >>> first = ep.ExamAttempt(dt.date(2025, 7, 11), passed=False)
            >>> plan = ep.retake_plan(ep.ErrorLog(), first, ep.Candidate(course, [first]),
            ...                       as_of=dt.date(2025, 7, 14), program=ep.NREMT_EMR)
            >>> plan.retest_possible
            True
            >>> third = [ep.ExamAttempt(dt.date(2025, 6 + m, 2), passed=False) for m in range(3)]
            >>> ep.retake_plan(ep.ErrorLog(), third[-1], ep.Candidate(course, third),
            ...                as_of=dt.date(2025, 8, 14), program=ep.NREMT_EMR).retest_possible
            False
        """
        return self.next_attempt_on is not None

    def to_rows(self) -> list[dict[str, Any]]:
        """One dict per bucket: misses, whether it is a focus, and its fix.

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2025, 5, 2))
            >>> failed = ep.ExamAttempt(dt.date(2025, 7, 11), passed=False)
            >>> log = ep.ErrorLog([ep.Miss("pacing")])
            >>> plan = ep.retake_plan(log, failed, ep.Candidate(course, [failed]),
            ...                       as_of=dt.date(2025, 7, 14), program=ep.NREMT_EMR)
            >>> plan.to_rows()[-1]
            {'bucket': 'pacing', 'misses': 1, 'focus': True, 'fix': 'timed practice'}
        """
        focus = {f.bucket for f in self.focus}
        return [
            {
                "bucket": bucket.value,
                "misses": n,
                "focus": bucket in focus,
                "fix": BUCKET_FIXES[bucket].fix,
            }
            for bucket, n in self.counts
        ]

    def _cells(self) -> list[tuple[str, ...]]:
        focus = {f.bucket for f in self.focus}
        return [
            (bucket.label, str(n), "yes" if bucket in focus else "", BUCKET_FIXES[bucket].fix)
            for bucket, n in self.counts
        ]

    def summary(self) -> str:
        """The answer on one line.

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> used = [ep.ExamAttempt(dt.date(2025, 6 + m, 2), passed=False) for m in range(3)]
            >>> person = ep.Candidate(ep.CourseCompletion(dt.date(2025, 5, 2)), used)
            >>> log = ep.ErrorLog([ep.Miss("scope")])
            >>> print(ep.retake_plan(log, used[-1], person, as_of=dt.date(2025, 8, 14),
            ...     program=ep.NREMT_EMR).summary())
            retest from: none | days available: none | attempts remaining: 0 | \
focus: scope errors | weakest source: secondary
        """
        focus = ", ".join(f.bucket.label for f in self.focus) or "nothing logged"
        return (
            f"retest from: {cell(self.next_attempt_on) or 'none'}"
            f" | days available: {cell(self.days_available) or 'none'}"
            f" | attempts remaining: {self.attempts_remaining}"
            f" | focus: {focus}"
            f" | weakest source: {self.confidence.value}"
        )

    def __str__(self) -> str:
        lines = [f"{self.program} retake plan on {cell(self.as_of)}"]
        score = (
            f"{self.scaled_score} ({self.points_below_passing} below passing)"
            if self.scaled_score is not None
            else ""
        )
        lines += key_values(
            [
                pair
                for pair in (
                    ("failed attempt", self.failed_on),
                    ("scaled score", score),
                    ("earliest retest", self.earliest_retest_on or "none"),
                    ("next attempt", self.next_attempt_on or "none open"),
                    ("course qualifies through", self.course_expires_on),
                    ("attempts", f"{self.attempts_used} used, {self.attempts_remaining} left"),
                )
                if pair[1] != ""
            ]
        )
        head, rule, rows = text_table(
            ("bucket", "misses", "focus", "fix"), self._cells(), right={1}
        )
        lines += ["  " + line for line in (head, rule, *rows)]
        lines += [f"    - {reason}" for reason in self.reasons]
        if self.timeline is not None:
            lines += ["  " + line for line in self.timeline.text_lines()]
        lines.append(self.summary())
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"<RetakePlan {self.program} as_of={self.as_of.isoformat()} "
            f"next_attempt_on={self.next_attempt_on} attempts_remaining="
            f"{self.attempts_remaining} focus={[f.bucket.value for f in self.focus]}>"
        )

    def _repr_html_(self) -> str:
        import html  # only notebooks need it; keep it off import time

        buckets = html_table(("bucket", "misses", "focus", "fix"), self._cells())
        items = "".join(f"<li>{html.escape(str(r))}</li>" for r in self.reasons)
        timeline = "" if self.timeline is None else self.timeline.html()
        return (
            f"<div><strong>{html.escape(self.program)}</strong> retake plan on "
            f"{cell(self.as_of)}{buckets}<ul>{items}</ul>{timeline}"
            f"<p>{html.escape(self.summary())}</p></div>"
        )


def _timeline_after(
    candidate: Candidate, status: PathwayStatus, program: Program
) -> AttemptTimeline | None:
    """The remaining attempts from ``status``'s next attempt, or ``None`` if none is open.

    The first is checked against the candidate's unused authorization to test, so the CLI's
    ``plan`` and :func:`retake_plan` give the same timeline.
    """
    if status.next_attempt_on is None:
        return None
    unused = candidate.unused_authorization
    return plan_attempts(
        candidate.course,
        status.next_attempt_on,
        program=program,
        authorization_issued_on=None if unused is None else unused.issued_on,
        attempts_used=status.attempts_used,
    )


def retake_plan(
    log: ErrorLog,
    failed_attempt: ExamAttempt,
    candidate: Candidate,
    *,
    as_of: dt.date | dt.datetime,
    program: Program,
) -> RetakePlan:
    """Plan the retake after ``failed_attempt``: what to repair, and by when.

    Reuses :func:`emrpath.evaluate` for the attempt count, the next attempt date and
    whether a new course is needed, and the rule functions for the retest and course
    dates; the focus is the log's one or two costliest buckets, each with the seed's fix.

    Args:
        log: The classified misses of the failed attempt.
        failed_attempt: The failed attempt: the candidate's last attempt.
        candidate: The candidate's course and attempts (and other records).
        as_of: The date of the plan (no clock is read).
        program: The program whose rules apply.

    Returns:
        A :class:`RetakePlan`.

    Raises:
        InputTypeError: An argument of the wrong type.
        InvalidRecordError: ``failed_attempt`` is not the candidate's last attempt, or it
            passed, or the log is dated for another attempt; anything
            :func:`emrpath.evaluate` refuses.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> failed = ep.ExamAttempt(dt.date(2025, 7, 11), passed=False, scaled_score=905)
        >>> candidate = ep.Candidate(
        ...     course=ep.CourseCompletion(dt.date(2025, 5, 2), verified_on=dt.date(2025, 5, 9)),
        ...     attempts=[failed],
        ...     skills=ep.SkillsCompetency(dt.date(2025, 4, 28)),
        ... )
        >>> log = ep.ErrorLog([ep.Miss("sequence"), ep.Miss("sequence"), ep.Miss("reading")])
        >>> plan = ep.retake_plan(log, failed, candidate, as_of=dt.date(2025, 7, 14),
        ...     program=ep.NREMT_EMR)
        >>> plan.next_attempt_on, plan.days_available, plan.attempts_remaining
        (datetime.date(2025, 7, 26), 12, 2)
        >>> [str(f) for f in plan.focus]
        ['sequence errors: priority-ladder drills', 'reading errors: slower, deliberate stem reading']
    """  # noqa: E501
    program = check_program(program, _RULE)
    require(log, ErrorLog, field="log", rule=_RULE)
    require(failed_attempt, ExamAttempt, field="failed_attempt", rule=_RULE)
    require(candidate, Candidate, field="candidate", rule=_RULE)
    if not candidate.attempts or candidate.attempts[-1] != failed_attempt:
        raise InvalidRecordError(
            "must be the candidate's last attempt; a retake is planned after the latest one",
            field="failed_attempt",
            rule=_RULE,
        )
    if failed_attempt.passed:
        raise InvalidRecordError(
            "is a passed attempt; there is nothing to retake",
            field="failed_attempt.passed",
            rule=_RULE,
        )
    failed_on = failed_attempt.taken_on
    if log.attempt_on is not None and log.attempt_on != failed_on:
        raise InvalidRecordError(
            f"the log is for the attempt on {log.attempt_on}, not the failed attempt on "
            f"{failed_on}",
            field="log.attempt_on",
            rule=_RULE,
        )
    status = evaluate(candidate, as_of=as_of, program=program)
    today = status.as_of
    reader = ParamReader()
    # No retest date is offered when no attempt is allowed without a new course or route.
    retest_possible = status.next_attempt_on is not None
    retest_on = earliest_retest_date(failed_on, program=program) if retest_possible else None
    course_end = course_expiration_date(candidate.course.completed_on, program=program)
    scale = reader.read(program.score_scale, failed_on).value
    score = failed_attempt.scaled_score
    below = None if score is None or scale is None else scale.passing - score
    reasons = [
        reason
        for reason in status.gate(GateName.COGNITIVE).reasons
        if retest_possible or reason.code != "retest_wait"
    ]
    focus = tuple(BUCKET_FIXES[b] for b in log.costliest())
    wait = reader.read(program.retest_wait, failed_on)
    if focus and not retest_possible:
        completed = candidate.course.completed_on
        limit = reader.read(program.attempt_limit, completed)
        reasons.append(
            Reason(
                "retake_focus",
                f"No further attempt under this {limit.value.scope.noun}: first "
                f"{limit.value.after_limit.next_step}. Then work on the buckets that cost "
                "the most: "
                + "; ".join(f"{f} ({log.counts()[f.bucket]} missed)" for f in focus)
                + ".",
                "attempt_limit",
                limit.citation,
                weakest([limit.confidence, *(f.confidence for f in focus)]),
            )
        )
    elif focus and status.remedial_training_due:
        limit = reader.read(program.attempt_limit, candidate.course.completed_on)
        remedial = limit.value.remedial
        needed = "documented remedial training" if remedial is None else remedial.what_satisfies()
        reasons.append(
            Reason(
                "retake_focus",
                f"Before attempt {status.attempts_used + 1}, first complete and document "
                f"{needed} (it does not extend the course). Aim it, and the study around it, "
                "at the buckets that cost the most: "
                + "; ".join(f"{f} ({log.counts()[f.bucket]} missed)" for f in focus)
                + ".",
                "attempt_limit",
                limit.citation,
                weakest([limit.confidence, *(f.confidence for f in focus)]),
            )
        )
    elif focus:
        reasons.append(
            Reason(
                "retake_focus",
                f"Use the wait ({wait.value.describe()}) on the buckets that cost the most, "
                "then retest: "
                + "; ".join(f"{f} ({log.counts()[f.bucket]} missed)" for f in focus)
                + ".",
                "retest_wait",
                wait.citation,
                # the wait is the program's rule; what to do with it is the seed's advice
                weakest([wait.confidence, *(f.confidence for f in focus)]),
            )
        )
    else:
        reasons.append(
            Reason(
                "nothing_logged",
                "The error log holds no misses, so no bucket can be targeted; classify the "
                "misses from the score report and your own notes.",
                None,
                _FOCUS,
                Confidence.SECONDARY,
            )
        )
    timeline = _timeline_after(candidate, status, program)
    levels = [status.confidence, timeline.confidence if timeline else Confidence.PRIMARY]
    levels += [reader.weakest] + [r.confidence for r in reasons]
    return RetakePlan(
        program=program.key,
        as_of=today,
        failed_on=failed_on,
        scaled_score=score,
        points_below_passing=below,
        earliest_retest_on=retest_on,
        next_attempt_on=status.next_attempt_on,
        course_expires_on=course_end,
        fits_course_window=retest_on is not None and retest_on <= course_end,
        attempts_used=status.attempts_used,
        attempts_remaining=status.attempts_remaining,
        remediation_required=status.remediation_required,
        days_available=(
            None if status.next_attempt_on is None else (status.next_attempt_on - today).days
        ),
        days_left_in_course_window=(course_end - today).days,
        counts=tuple(log.counts().items()),
        focus=focus,
        timeline=timeline,
        reasons=tuple(reasons),
        confidence=weakest(levels),
    )
