"""Small frozen rule values that a program's parameters hold.

A program differs from another by data, not by branches in rule code: where NREMT fixes
certification expiry on September 30 and ASCP counts three years from issue, each program
holds a different *policy value* here, and the rule function calls its method. Every
policy is immutable, hashable and picklable.

Example:
    >>> import datetime as dt
    >>> FixedDaysWait(days=15).earliest_after(dt.date(2025, 3, 3))
    datetime.date(2025, 3, 18)
    >>> MonthEndValidity(months=24).expires_on(dt.date(2024, 1, 5))
    datetime.date(2026, 1, 31)
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from emrpath._dates import add_months, end_of_month
from emrpath.errors import InvalidRecordError

__all__ = [
    "AfterLimit",
    "AnniversaryExpiry",
    "AttemptLimit",
    "AuthorizationWindow",
    "CertificationTerm",
    "CourseValidity",
    "FixedDaysWait",
    "MonthEndValidity",
    "MonthsValidity",
    "NextPeriodWait",
    "NoExpiry",
    "PortionValidity",
    "Requirement",
    "ResultPosting",
    "RetestWait",
    "ScoreScale",
    "SeasonalExpiry",
]


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or value < 1:
        raise InvalidRecordError(
            f"must be a positive int, got {value!r}",
            field=f"{type(instance).__name__}.{attribute.name}",
            rule="program parameter",
        )


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or value < 0:
        raise InvalidRecordError(
            f"must be a non-negative int, got {value!r}",
            field=f"{type(instance).__name__}.{attribute.name}",
            rule="program parameter",
        )


def _month(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not 1 <= value <= 12:
        raise InvalidRecordError(
            f"must be a month number 1-12, got {value!r}",
            field=f"{type(instance).__name__}.{attribute.name}",
            rule="program parameter",
        )


class Requirement(enum.Enum):
    """Items a program may hold an exam result for until they are complete."""

    COURSE_VERIFIED = "course_verified"
    SKILLS_PASSED = "skills_passed"
    TRANSCRIPTS_RECEIVED = "transcripts_received"


def _requirements(value: object) -> frozenset[Requirement]:
    items: frozenset[Requirement] = frozenset(value)  # type: ignore[call-overload]
    for item in items:
        if not isinstance(item, Requirement):
            raise InvalidRecordError(
                f"expected Requirement values, got {item!r}",
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

    business_days: int = attrs.field(validator=_positive)
    held_until: frozenset[Requirement] = attrs.field(default=frozenset(), converter=_requirements)


@attrs.frozen(slots=True)
class ScoreScale:
    """A scaled-score report: integer scores on ``[minimum, maximum]``, pass at ``passing``.

    Example:
        >>> ScoreScale(100, 1500, 950).passes(949)
        False
    """

    minimum: int = attrs.field(validator=_non_negative)
    maximum: int = attrs.field(validator=_positive)
    passing: int = attrs.field(validator=_positive)

    def __attrs_post_init__(self) -> None:
        if not self.minimum <= self.passing <= self.maximum:
            raise InvalidRecordError(
                f"passing point {self.passing} is not on the scale {self.minimum}-{self.maximum}",
                field="ScoreScale.passing",
                rule="score report",
            )

    def passes(self, score: int) -> bool:
        """Whether ``score`` is at or above the passing point."""
        return score >= self.passing


@attrs.frozen(slots=True)
class FixedDaysWait:
    """The earliest retest is the last attempt date plus ``days`` calendar days.

    Example:
        >>> FixedDaysWait(days=15).earliest_after(dt.date(2024, 2, 20))
        datetime.date(2024, 3, 6)
    """

    days: int = attrs.field(validator=_positive)

    def earliest_after(self, last_attempt_on: dt.date) -> dt.date:
        """The first date a retest is allowed."""
        return last_attempt_on + dt.timedelta(days=self.days)

    def describe(self) -> str:
        """The rule in words."""
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

    months: int = attrs.field(validator=_positive)

    def earliest_after(self, last_attempt_on: dt.date) -> dt.date:
        """The first date a retest is allowed."""
        return add_months(last_attempt_on, self.months)

    def describe(self) -> str:
        """The rule in words."""
        return f"not within the same {self.months}-month period as the last attempt"


RetestWait = FixedDaysWait | NextPeriodWait


class AfterLimit(enum.Enum):
    """What the rules require once the attempts are used up."""

    NEW_COURSE = "new_course"
    """Complete a new full course; it starts a fresh count of attempts."""
    ROUTE_CLOSED = "route_closed"
    """The eligibility route is closed; only a different route remains."""


@attrs.frozen(slots=True)
class AttemptLimit:
    """``max_attempts`` per course (or route), then what ``after_limit`` says."""

    max_attempts: int = attrs.field(validator=_positive)
    after_limit: AfterLimit = attrs.field(validator=attrs.validators.instance_of(AfterLimit))


@attrs.frozen(slots=True)
class MonthEndValidity:
    """Valid through the last day of the completion month, ``months`` months later.

    Example:
        >>> MonthEndValidity(months=24).expires_on(dt.date(2024, 2, 29))
        datetime.date(2026, 2, 28)
    """

    months: int = attrs.field(validator=_positive)

    def expires_on(self, start: dt.date) -> dt.date:
        """The last valid day."""
        later = add_months(start.replace(day=1), self.months)
        return end_of_month(later.year, later.month)


@attrs.frozen(slots=True)
class MonthsValidity:
    """Valid through the same day number ``months`` months later (clamped to month end).

    Example:
        >>> MonthsValidity(months=24).expires_on(dt.date(2024, 2, 29))
        datetime.date(2026, 2, 28)
    """

    months: int = attrs.field(validator=_positive)

    def expires_on(self, start: dt.date) -> dt.date:
        """The last valid day."""
        return add_months(start, self.months)


CourseValidity = MonthEndValidity | MonthsValidity
PortionValidity = MonthsValidity


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
    capped_by_course: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool)
    )

    def __attrs_post_init__(self) -> None:
        if (self.days is None) == (self.months is None):
            raise InvalidRecordError(
                "give exactly one of days and months",
                field="AuthorizationWindow",
                rule="authorization to test",
            )
        for name in ("days", "months"):
            value = getattr(self, name)
            if value is not None and (type(value) is not int or value < 1):
                raise InvalidRecordError(
                    f"must be a positive int, got {value!r}",
                    field=f"AuthorizationWindow.{name}",
                    rule="authorization to test",
                )

    def expires_on(self, issued_on: dt.date, course_expires_on: dt.date | None) -> dt.date:
        """The last valid day."""
        if self.days is not None:
            end = issued_on + dt.timedelta(days=self.days)
        else:
            end = add_months(issued_on, self.months or 0)
        if self.capped_by_course and course_expires_on is not None:
            return min(end, course_expires_on)
        return end

    def describe(self) -> str:
        """The rule in words."""
        length = f"{self.days} days" if self.days is not None else f"{self.months} months"
        cap = ", ending no later than the course expiration date" if self.capped_by_course else ""
        return f"valid up to {length} from issue{cap}"


@attrs.frozen(slots=True)
class SeasonalExpiry:
    """Expiry on a fixed month and day, some years after the certification year.

    Certified before ``split_month``: ``years_before_split`` years on; from
    ``split_month``: ``years_from_split`` years on.

    Example:
        >>> rule = SeasonalExpiry(month=9, day=30, split_month=7, years_before_split=2,
        ...                       years_from_split=3)
        >>> rule.expires_on(dt.date(2025, 8, 10))
        datetime.date(2028, 9, 30)
    """

    month: int = attrs.field(validator=_month)
    day: int = attrs.field(validator=_positive)
    split_month: int = attrs.field(validator=_month)
    years_before_split: int = attrs.field(validator=_positive)
    years_from_split: int = attrs.field(validator=_positive)

    def expires_on(self, certified_on: dt.date) -> dt.date | None:
        """The expiration date of a certification issued on ``certified_on``."""
        years = (
            self.years_before_split
            if certified_on.month < self.split_month
            else self.years_from_split
        )
        return dt.date(certified_on.year + years, self.month, self.day)

    def describe(self) -> str:
        """The rule in words."""
        return (
            f"expires {dt.date(2000, self.month, self.day):%B} {self.day} of the certification "
            f"year + {self.years_before_split} (certified before month {self.split_month}) "
            f"or + {self.years_from_split} (from month {self.split_month})"
        )


@attrs.frozen(slots=True)
class AnniversaryExpiry:
    """Expiry ``years`` after the issue date, on the day before the anniversary.

    Example:
        >>> AnniversaryExpiry(years=3).expires_on(dt.date(2024, 2, 29))
        datetime.date(2027, 2, 27)
    """

    years: int = attrs.field(validator=_positive)

    def expires_on(self, certified_on: dt.date) -> dt.date | None:
        """The last valid day of a certification issued on ``certified_on``."""
        return add_months(certified_on, 12 * self.years) - dt.timedelta(days=1)

    def describe(self) -> str:
        """The rule in words."""
        return f"valid {self.years} years from issue"


@attrs.frozen(slots=True)
class NoExpiry:
    """A certification that is not time-limited.

    Example:
        >>> NoExpiry().expires_on(dt.date(2001, 5, 1)) is None
        True
    """

    def expires_on(self, certified_on: dt.date) -> dt.date | None:
        """Always ``None``: it does not expire."""
        return None

    def describe(self) -> str:
        """The rule in words."""
        return "not time-limited"


CertificationTerm = SeasonalExpiry | AnniversaryExpiry | NoExpiry
