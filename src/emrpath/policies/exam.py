"""Policies of the exam: posting, scores, retest waits, attempts, authorizations, appeals.

Example:
    >>> import datetime as dt
    >>> FixedDaysWait(days=15).earliest_after(dt.date(2025, 3, 3))
    datetime.date(2025, 3, 18)
    >>> AttemptLimit(3, AfterLimit.NEW_COURSE).describe()
    '3 attempts per course; then a new full course, which starts a fresh count'
"""

from __future__ import annotations

import datetime as dt
import enum
import types
from decimal import Decimal
from typing import Any

import attrs

from emrpath._dates import (
    add_days,
    add_months,
    as_date,
    out_of_range_for,
)
from emrpath._validators import boolean, instance_of, shown
from emrpath.errors import CalendarRangeError, InvalidRecordError
from emrpath.policies._fields import non_negative, positive

__all__ = [
    "AfterLimit",
    "AppealWindow",
    "AttemptLimit",
    "AttemptScope",
    "AuthorizationWindow",
    "FixedDaysWait",
    "NextPeriodWait",
    "Prerequisite",
    "RemedialRequirement",
    "Requirement",
    "ResultPosting",
    "RetestWait",
    "ScoreScale",
]

# The rules the policies' date arguments are checked for (a bad argument's error names one).
_RETEST = "retest wait"
_AUTHORIZATION = "authorization to test"
_APPEAL = "appeal"


class Requirement(enum.Enum):
    """Items a program may hold an exam result for until they are complete.

    Each names, in neutral words, the record that completes it (see :attr:`label`).

    Example:
        >>> Requirement.TRANSCRIPTS_RECEIVED.label
        'the official transcripts'
    """

    COURSE_VERIFIED = "course_verified"
    SKILLS_PASSED = "skills_passed"
    TRANSCRIPTS_RECEIVED = "transcripts_received"

    @property
    def label(self) -> str:
        """What completes the requirement, in words for a reason message.

        Example:
            >>> import emrpath as ep
            >>> held = ep.NREMT_EMR.result_posting.value_at(dt.date(2025, 6, 2)).held_until
            >>> for item in sorted(held, key=lambda r: r.value):
            ...     print(item.label)
            the program director's verification of course completion
            a passed skills competency
        """
        return _REQUIREMENT_LABELS[self]


_REQUIREMENT_LABELS = types.MappingProxyType(
    {
        Requirement.COURSE_VERIFIED: "the program director's verification of course completion",
        Requirement.SKILLS_PASSED: "a passed skills competency",
        Requirement.TRANSCRIPTS_RECEIVED: "the official transcripts",
    }
)


def _requirements(value: object) -> frozenset[Requirement]:
    items: frozenset[Requirement] = frozenset(value)  # type: ignore[call-overload]
    for item in items:
        if not isinstance(item, Requirement):
            raise InvalidRecordError(
                f"expected Requirement values, got {shown(item)}",
                field="ResultPosting.held_until",
                rule="result posting",
            )
    return items


@attrs.frozen(slots=True)
class ResultPosting:
    """An exam result is expected ``business_days`` after the exam, once nothing holds it.

    Args:
        business_days: Business days strictly after the exam date (the exam day never
            counts, whatever weekday it is).
        held_until: Requirements that must be complete before the result posts.
    """

    business_days: int = attrs.field(validator=positive)
    held_until: frozenset[Requirement] = attrs.field(default=frozenset(), converter=_requirements)

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> ResultPosting(2, {Requirement.TRANSCRIPTS_RECEIVED}).describe()
            'expected on business day 2 strictly after the exam date; held until the official
            transcripts'
        """
        text = f"expected on business day {self.business_days} strictly after the exam date"
        if not self.held_until:
            return text
        held = sorted(item.label for item in self.held_until)
        return f"{text}; held until {' and '.join(held)}"


@attrs.frozen(slots=True)
class ScoreScale:
    """A scaled-score report: integer scores on ``[minimum, maximum]``, pass at ``passing``.

    With ``failing_only`` the report is given to failing candidates only, so a passed
    attempt carries no score.

    Example:
        >>> ScoreScale(100, 1500, 950).passes(949)
        False
    """

    minimum: int = attrs.field(validator=non_negative)
    maximum: int = attrs.field(validator=positive)
    passing: int = attrs.field(validator=positive)
    failing_only: bool = attrs.field(
        default=False, kw_only=True, validator=boolean("program parameter")
    )

    def __attrs_post_init__(self) -> None:
        if not self.minimum <= self.passing <= self.maximum:
            raise InvalidRecordError(
                f"passing point {self.passing} is not on the scale {self.minimum}-{self.maximum}",
                field="ScoreScale.passing",
                rule="score report",
            )

    def passes(self, score: int) -> bool:
        """Whether ``score`` is at or above the passing point.

        Example:
            >>> import emrpath as ep
            >>> scale = ep.NREMT_EMR.score_scale.value_at(dt.date(2025, 6, 2))
            >>> scale.passes(950), scale.passes(949)
            (True, False)
        """
        return score >= self.passing

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> ep.ASCP_MLS.score_scale.value_at(dt.date(2025, 6, 2)).describe()
            'integer scaled score 100-999, passing at 400'
            >>> print(ep.NREMT_EMR.score_scale.value_at(dt.date(2025, 6, 2)).describe())
            integer scaled score 100-1500, passing at 950, reported to failing candidates only
        """
        text = f"integer scaled score {self.minimum}-{self.maximum}, passing at {self.passing}"
        return text + (", reported to failing candidates only" if self.failing_only else "")


@attrs.frozen(slots=True)
class FixedDaysWait:
    """The earliest retest is the last attempt date plus ``days`` calendar days.

    Example:
        >>> FixedDaysWait(days=15).earliest_after(dt.date(2024, 2, 20))
        datetime.date(2024, 3, 6)
    """

    days: int = attrs.field(validator=positive)

    def earliest_after(self, last_attempt_on: dt.date) -> dt.date:
        """The first date a retest is allowed.

        Raises:
            InputTypeError: ``last_attempt_on`` is not a ``datetime.date`` (a string, or a
                datetime: a policy has no timezone to take its date in).
            CalendarRangeError: The answer is outside the dates Python can represent (years 1
                to 9999).

        Example:
            >>> import emrpath as ep
            >>> wait = ep.NREMT_EMR.retest_wait.value_at(dt.date(2025, 12, 20))
            >>> wait.earliest_after(dt.date(2025, 12, 20))
            datetime.date(2026, 1, 4)
            >>> wait.earliest_after("2025-12-20")
            Traceback (most recent call last):
            ...
            emrpath.errors.InputTypeError: last_attempt_on: expected a datetime.date, got str \
'2025-12-20' (rule: retest wait)
        """
        if type(last_attempt_on) is not dt.date:
            last_attempt_on = as_date(last_attempt_on, field="last_attempt_on", rule=_RETEST)
        try:
            return add_days(last_attempt_on, self.days)
        except CalendarRangeError as err:
            raise out_of_range_for(err, "last_attempt_on", _RETEST) from None

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> ep.NREMT_EMR.retest_wait.value_at(dt.date(2025, 6, 2)).describe()
            '15 calendar days after the last attempt'
        """
        return f"{self.days} calendar days after the last attempt"


@attrs.frozen(slots=True)
class NextPeriodWait:
    """The next attempt must fall in a later period of ``months`` months.

    Periods start on the date of the attempt they follow: an attempt on 10 March with
    3-month periods allows the next attempt from 10 June (clamped to month end).

    Example:
        >>> NextPeriodWait(months=3).earliest_after(dt.date(2025, 11, 30))
        datetime.date(2026, 2, 28)
    """

    months: int = attrs.field(validator=positive)

    def earliest_after(self, last_attempt_on: dt.date) -> dt.date:
        """The first date a retest is allowed.

        Raises:
            InputTypeError: ``last_attempt_on`` is not a ``datetime.date`` (a string, or a
                datetime: a policy has no timezone to take its date in).
            CalendarRangeError: The answer is outside the dates Python can represent (years 1
                to 9999).

        Example:
            >>> import emrpath as ep
            >>> wait = ep.ASCP_MLS.retest_wait.value_at(dt.date(2025, 3, 10))
            >>> wait.earliest_after(dt.date(2025, 3, 10))
            datetime.date(2025, 6, 10)
        """
        if type(last_attempt_on) is not dt.date:
            last_attempt_on = as_date(last_attempt_on, field="last_attempt_on", rule=_RETEST)
        try:
            return add_months(last_attempt_on, self.months)
        except CalendarRangeError as err:
            raise out_of_range_for(err, "last_attempt_on", _RETEST) from None

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> ep.ASCP_MLS.retest_wait.value_at(dt.date(2025, 6, 2)).describe()
            'not within the same 3-month period as the last attempt'
        """
        return f"not within the same {self.months}-month period as the last attempt"


RetestWait = FixedDaysWait | NextPeriodWait
"""A retest wait: :class:`FixedDaysWait` or :class:`NextPeriodWait` (a program's
``retest_wait`` parameter holds one)."""


class AfterLimit(enum.Enum):
    """What the rules require once the attempts are used up.

    Example:
        >>> print(AfterLimit.ROUTE_CLOSED.next_step)
        a different eligibility route: this route is closed, and no refresher or
        remediation reopens it
    """

    NEW_COURSE = "new_course"
    """Complete a new full course; it starts a fresh count of attempts."""
    ROUTE_CLOSED = "route_closed"
    """The eligibility route is closed; only a different route remains."""

    @property
    def next_step(self) -> str:
        """What the next attempt needs once the attempts are used up, in words.

        Example:
            >>> import emrpath as ep
            >>> ep.NREMT_EMR.attempt_limit.value_at(dt.date(2025, 6, 2)).after_limit.next_step
            'a new full course, which starts a fresh count'
        """
        return _NEXT_STEP[self]


_NEXT_STEP = types.MappingProxyType(
    {
        AfterLimit.NEW_COURSE: "a new full course, which starts a fresh count",
        AfterLimit.ROUTE_CLOSED: "a different eligibility route: this route is closed, and no "
        "refresher or remediation reopens it",
    }
)


class AttemptScope(enum.Enum):
    """What the attempt limit counts over.

    ``PER_COURSE``: the attempts under the candidate's current course; earlier courses in
    ``Candidate.history`` do not count. ``PER_ROUTE``: every attempt under the current
    eligibility route (``CourseCompletion.route``), including history entries on the same
    route; the program itself is the category.

    Example:
        >>> AttemptScope.PER_ROUTE.noun
        'eligibility route'
    """

    PER_COURSE = "per_course"
    PER_ROUTE = "per_route"

    @property
    def noun(self) -> str:
        """What one count of attempts runs under, in words.

        Example:
            >>> import emrpath as ep
            >>> ep.NREMT_EMR.attempt_limit.value_at(dt.date(2025, 6, 2)).scope.noun
            'course'
        """
        return "course" if self is AttemptScope.PER_COURSE else "eligibility route"


@attrs.frozen(slots=True)
class RemedialRequirement:
    """Documented remedial training that unlocks ``extra_attempts`` more attempts.

    Satisfied by a record of at least ``hours`` hours of remedial training, or, where
    ``component_hours`` is given, by completing the national component of the continuing
    education model (that many hours) instead. It is an administrative item the candidate
    can still complete: it comes due once the first block of attempts is used and gates
    the next attempt, but it never needs a new course, and it never extends the course.

    Example:
        >>> rule = RemedialRequirement(hours=24, component_hours=20, extra_attempts=3)
        >>> print(rule.describe())
        documented remedial training (24 hours, or the 20-hour national continuing-education
        component) allows 3 more attempts
        >>> rule.satisfied_by(hours=20, component=False), rule.satisfied_by(None, component=True)
        (False, True)
    """

    hours: int = attrs.field(validator=positive)
    component_hours: int | None = attrs.field(default=None)
    extra_attempts: int = attrs.field(default=3, kw_only=True, validator=positive)

    @component_hours.validator
    def _check_component(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            positive(self, attribute, value)

    def satisfied_by(self, hours: Decimal | int | float | None, *, component: bool) -> bool:
        """Whether training of ``hours`` hours (or the national component) satisfies it.

        Example:
            >>> RemedialRequirement(hours=48, component_hours=30).satisfied_by(48, component=False)
            True
        """
        if component:
            return self.component_hours is not None
        return hours is not None and hours >= self.hours

    def what_satisfies(self) -> str:
        """What satisfies the requirement, in words.

        Example:
            >>> RemedialRequirement(hours=36, component_hours=25).what_satisfies()
            '36 hours of remedial training, or the 25-hour national continuing-education component'
            >>> RemedialRequirement(hours=8).what_satisfies()
            '8 hours of remedial training'
        """
        text = f"{self.hours} hours of remedial training"
        if self.component_hours is None:
            return text
        return (
            f"{text}, or the {self.component_hours}-hour national continuing-education component"
        )

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> RemedialRequirement(hours=8, extra_attempts=1).describe()
            'documented remedial training (8 hours) allows 1 more attempt'
        """
        alt = (
            ""
            if self.component_hours is None
            else f", or the {self.component_hours}-hour national continuing-education component"
        )
        plural = "" if self.extra_attempts == 1 else "s"
        return (
            f"documented remedial training ({self.hours} hours{alt}) allows "
            f"{self.extra_attempts} more attempt{plural}"
        )


@attrs.frozen(slots=True)
class AttemptLimit:
    """``max_attempts`` per course (or route, see ``scope``), then what ``after_limit`` says.

    With ``remedial``, the first ``max_attempts`` are followed by documented remedial
    training, which allows ``remedial.extra_attempts`` more under the same course; only
    after those does ``after_limit`` apply. :attr:`total_attempts` counts both blocks.

    Example:
        >>> AttemptLimit(5, AfterLimit.ROUTE_CLOSED, scope=AttemptScope.PER_ROUTE).scope.noun
        'eligibility route'
        >>> shape = AttemptLimit(3, AfterLimit.NEW_COURSE,
        ...                      remedial=RemedialRequirement(hours=24, component_hours=20))
        >>> shape.total_attempts, [shape.remedial_due(used) for used in range(7)]
        (6, [False, False, False, True, False, False, False])
    """

    max_attempts: int = attrs.field(validator=positive)
    after_limit: AfterLimit = attrs.field(validator=instance_of(AfterLimit, "program parameter"))
    scope: AttemptScope = attrs.field(
        default=AttemptScope.PER_COURSE, validator=instance_of(AttemptScope, "program parameter")
    )
    remedial: RemedialRequirement | None = attrs.field(
        default=None,
        kw_only=True,
        validator=attrs.validators.optional(instance_of(RemedialRequirement, "program parameter")),
    )

    @property
    def total_attempts(self) -> int:
        """Every attempt allowed before ``after_limit`` applies.

        Example:
            >>> AttemptLimit(3, AfterLimit.NEW_COURSE).total_attempts
            3
        """
        extra = 0 if self.remedial is None else self.remedial.extra_attempts
        return self.max_attempts + extra

    def remedial_due(self, used: int) -> bool:
        """Whether the next attempt, after ``used`` attempts, needs remedial training.

        True exactly between the last attempt of the first block and the first of the
        next: an attempt after the training implies the training was done.

        Example:
            >>> AttemptLimit(3, AfterLimit.NEW_COURSE).remedial_due(3)
            False
        """
        return self.remedial is not None and used == self.max_attempts

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> AttemptLimit(3, AfterLimit.NEW_COURSE).describe()
            '3 attempts per course; then a new full course, which starts a fresh count'
        """
        plural = "" if self.max_attempts == 1 else "s"
        middle = "" if self.remedial is None else f"; then {self.remedial.describe()}"
        return (
            f"{self.max_attempts} attempt{plural} per {self.scope.noun}{middle}; "
            f"then {self.after_limit.next_step}"
        )


@attrs.frozen(slots=True)
class AuthorizationWindow:
    """An authorization to test (or exam window) valid from its issue date.

    Exactly one of ``days`` and ``months`` gives its length; the last valid day is the
    issue date plus that length. With ``capped_by_course`` it also ends no later than the
    day the course expires.

    Example:
        >>> window = AuthorizationWindow(days=90, capped_by_course=True)
        >>> window.expires_on(dt.date(2025, 1, 10), course_expires_on=dt.date(2025, 2, 28))
        datetime.date(2025, 2, 28)
    """

    days: int | None = None
    months: int | None = None
    capped_by_course: bool = attrs.field(default=False, validator=boolean("program parameter"))

    def __attrs_post_init__(self) -> None:
        if (self.days is None) == (self.months is None):
            raise InvalidRecordError(
                "give exactly one of days and months",
                field="AuthorizationWindow",
                rule=_AUTHORIZATION,
            )
        for name in ("days", "months"):
            value = getattr(self, name)
            if value is not None and (type(value) is not int or value < 1):
                raise InvalidRecordError(
                    f"must be a positive int, got {shown(value)}",
                    field=f"AuthorizationWindow.{name}",
                    rule=_AUTHORIZATION,
                )

    def expires_on(self, issued_on: dt.date, course_expires_on: dt.date | None) -> dt.date:
        """The last valid day.

        Raises:
            InputTypeError: ``issued_on`` is not a ``datetime.date``, or ``course_expires_on``
                is neither a ``datetime.date`` nor ``None`` (a string, or a datetime: a policy
                has no timezone to take its date in).
            InvalidRecordError: The window is capped by the course and was issued after the
                course expired: no such authorization can be issued, and its last valid day
                would come before its issue date.
            CalendarRangeError: The answer is outside the dates Python can represent (years 1
                to 9999).

        Example:
            >>> import emrpath as ep
            >>> att = ep.NREMT_EMR.authorization.value_at(dt.date(2025, 3, 3))
            >>> att.expires_on(dt.date(2025, 3, 3), course_expires_on=dt.date(2026, 1, 31))
            datetime.date(2025, 6, 1)
            >>> att.expires_on(dt.date(2025, 12, 15), course_expires_on=dt.date(2026, 1, 31))
            datetime.date(2026, 1, 31)
            >>> window = ep.ASCP_MLS.authorization.value_at(dt.date(2025, 11, 30))
            >>> window.expires_on(dt.date(2025, 11, 30), course_expires_on=None)
            datetime.date(2026, 2, 28)
            >>> att.expires_on(dt.date(2026, 2, 5), course_expires_on=dt.date(2026, 1, 31))
            Traceback (most recent call last):
            ...
            emrpath.errors.InvalidRecordError: issued_on: issued 2026-02-05, after the course \
expired on 2026-01-31; an authorization to test cannot be issued for an expired course \
(rule: authorization to test)
        """
        if type(issued_on) is not dt.date:
            issued_on = as_date(issued_on, field="issued_on", rule=_AUTHORIZATION)
        if course_expires_on is not None and type(course_expires_on) is not dt.date:
            course_expires_on = as_date(
                course_expires_on, field="course_expires_on", rule=_AUTHORIZATION
            )
        cap = course_expires_on if self.capped_by_course else None
        if cap is not None and issued_on > cap:
            raise InvalidRecordError(
                f"issued {issued_on}, after the course expired on {cap}; an "
                "authorization to test cannot be issued for an expired course",
                field="issued_on",
                rule=_AUTHORIZATION,
            )
        try:
            if self.days is not None:
                end = add_days(issued_on, self.days)
            else:
                end = add_months(issued_on, self.months or 0)
        except CalendarRangeError as err:
            raise out_of_range_for(err, "issued_on", _AUTHORIZATION) from None
        if cap is not None:
            return min(end, cap)
        return end

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> print(ep.NREMT_EMR.authorization.value_at(dt.date(2025, 3, 3)).describe())
            valid up to 90 days from issue, ending no later than the course expiration date
            >>> print(ep.ASCP_MLS.authorization.value_at(dt.date(2025, 3, 3)).describe())
            valid up to 3 months from issue
        """
        length = f"{self.days} days" if self.days is not None else f"{self.months} months"
        cap = ", ending no later than the course expiration date" if self.capped_by_course else ""
        return f"valid up to {length} from issue{cap}"


@attrs.frozen(slots=True)
class AppealWindow:
    """A written appeal must be received within ``days`` days of the decision notice.

    Example:
        >>> AppealWindow(days=30).last_day(dt.date(2025, 1, 31))
        datetime.date(2025, 3, 2)
    """

    days: int = attrs.field(validator=positive)

    def last_day(self, notified_on: dt.date) -> dt.date:
        """The last day an appeal may be received.

        Raises:
            InputTypeError: ``notified_on`` is not a ``datetime.date`` (a string, or a
                datetime: a policy has no timezone to take its date in).
            CalendarRangeError: The answer is outside the dates Python can represent (years 1
                to 9999).

        Example:
            >>> import emrpath as ep
            >>> appeal = ep.ASCP_MLS.appeal_window.value_at(dt.date(2025, 12, 15))
            >>> appeal.last_day(dt.date(2025, 12, 15))
            datetime.date(2026, 1, 14)
        """
        if type(notified_on) is not dt.date:
            notified_on = as_date(notified_on, field="notified_on", rule=_APPEAL)
        try:
            return add_days(notified_on, self.days)
        except CalendarRangeError as err:
            raise out_of_range_for(err, "notified_on", _APPEAL) from None

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> ep.NREMT_EMR.appeal_window.value_at(dt.date(2025, 12, 15)).describe()
            'in writing, received within 30 days of the decision notice'
        """
        return f"in writing, received within {self.days} days of the decision notice"


def _levels(value: object) -> frozenset[str]:
    items: frozenset[str] = frozenset(value)  # type: ignore[call-overload]
    if not items or not all(isinstance(item, str) and item for item in items):
        raise InvalidRecordError(
            f"expected a non-empty set of level names, got {shown(value)}",
            field="Prerequisite.levels",
            rule="prerequisite",
        )
    return items


@attrs.frozen(slots=True)
class Prerequisite:
    """What a candidate must hold before this program: a credential, an accredited course.

    Args:
        levels: The levels of a current national certification or state licence that
            qualify (``{"emt", "aemt", "paramedic"}``: "EMT level, or higher").
        accredited_course: Whether the course must come from an accredited program (for
            NREMT Paramedic: CAAHEP, or a CoAEMSP Letter of Review).

    Example:
        >>> rule = Prerequisite({"emt", "aemt", "paramedic"}, accredited_course=True)
        >>> rule.accepts("aemt"), rule.accepts("emr")
        (True, False)
        >>> print(rule.describe())
        a current national certification or state licence at one of: aemt, emt, paramedic;
        a course from an accredited program
    """

    levels: frozenset[str] = attrs.field(converter=_levels)
    accredited_course: bool = attrs.field(
        default=False, kw_only=True, validator=boolean("program parameter")
    )

    def accepts(self, level: str) -> bool:
        """Whether a credential at ``level`` qualifies.

        Example:
            >>> Prerequisite({"emt"}).accepts("emt")
            True
        """
        return level in self.levels

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> Prerequisite({"emt"}).describe()
            'a current national certification or state licence at one of: emt'
        """
        text = "a current national certification or state licence at one of: " + ", ".join(
            sorted(self.levels)
        )
        return text + ("; a course from an accredited program" if self.accredited_course else "")
