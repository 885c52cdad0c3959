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
import types
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import attrs

from emrpath._dates import (
    add_days,
    add_months,
    days_in_month,
    end_of_month,
    end_of_month_after,
    make_date,
)
from emrpath._validators import boolean, exact_decimal, instance_of, shown
from emrpath.errors import EmrpathError, InputTypeError, InvalidRecordError, UnknownNameError

__all__ = [
    "AfterLimit",
    "AnniversaryExpiry",
    "AppealWindow",
    "AttemptLimit",
    "AttemptScope",
    "AuthorizationWindow",
    "CeComponent",
    "CeRequirement",
    "CeTopic",
    "CeWindow",
    "CertificationTerm",
    "CourseValidity",
    "DeadlineRecertWindow",
    "FixedDaysWait",
    "MonthEndValidity",
    "MonthsCeWindow",
    "MonthsValidity",
    "NextPeriodWait",
    "NoExpiry",
    "PortionValidity",
    "RecertExam",
    "RecertWindow",
    "RecertificationCycle",
    "Requirement",
    "ResultPosting",
    "RetestWait",
    "RollingCeWindow",
    "ScoreScale",
    "SeasonalExpiry",
    "SeasonalRecertWindow",
]


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or value < 1:
        raise InvalidRecordError(
            f"must be a positive int, got {shown(value)}",
            field=f"{type(instance).__name__}.{attribute.name}",
            rule="program parameter",
        )


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or value < 0:
        raise InvalidRecordError(
            f"must be a non-negative int, got {shown(value)}",
            field=f"{type(instance).__name__}.{attribute.name}",
            rule="program parameter",
        )


def _month(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not 1 <= value <= 12:
        raise InvalidRecordError(
            f"must be a month number 1-12, got {shown(value)}",
            field=f"{type(instance).__name__}.{attribute.name}",
            rule="program parameter",
        )


def _day_of(month_field: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """A validator: the day is one that the month in ``month_field`` has in every year.

    Runs after ``_positive`` and after the month field's own check (attrs validates fields
    in order), so the fixed date a seasonal rule names exists every year: no 30 February,
    and no 29 February, which most years lack.
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        month = getattr(instance, month_field)
        last = days_in_month(2001, month)  # a common year
        if type(value) is int and value > last:
            raise InvalidRecordError(
                f"month {month} has no day {value} every year (it has {last} in a common year)",
                field=f"{type(instance).__name__}.{attribute.name}",
                rule="program parameter",
            )

    return check


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

    business_days: int = attrs.field(validator=_positive)
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

    minimum: int = attrs.field(validator=_non_negative)
    maximum: int = attrs.field(validator=_positive)
    passing: int = attrs.field(validator=_positive)
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

    days: int = attrs.field(validator=_positive)

    def earliest_after(self, last_attempt_on: dt.date) -> dt.date:
        """The first date a retest is allowed.

        Example:
            >>> import emrpath as ep
            >>> wait = ep.NREMT_EMR.retest_wait.value_at(dt.date(2025, 12, 20))
            >>> wait.earliest_after(dt.date(2025, 12, 20))
            datetime.date(2026, 1, 4)
        """
        return add_days(last_attempt_on, self.days)

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

    months: int = attrs.field(validator=_positive)

    def earliest_after(self, last_attempt_on: dt.date) -> dt.date:
        """The first date a retest is allowed.

        Example:
            >>> import emrpath as ep
            >>> wait = ep.ASCP_MLS.retest_wait.value_at(dt.date(2025, 3, 10))
            >>> wait.earliest_after(dt.date(2025, 3, 10))
            datetime.date(2025, 6, 10)
        """
        return add_months(last_attempt_on, self.months)

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> ep.ASCP_MLS.retest_wait.value_at(dt.date(2025, 6, 2)).describe()
            'not within the same 3-month period as the last attempt'
        """
        return f"not within the same {self.months}-month period as the last attempt"


RetestWait = FixedDaysWait | NextPeriodWait


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
class AttemptLimit:
    """``max_attempts`` per course (or route, see ``scope``), then what ``after_limit`` says.

    Example:
        >>> AttemptLimit(5, AfterLimit.ROUTE_CLOSED, scope=AttemptScope.PER_ROUTE).scope.noun
        'eligibility route'
    """

    max_attempts: int = attrs.field(validator=_positive)
    after_limit: AfterLimit = attrs.field(validator=instance_of(AfterLimit, "program parameter"))
    scope: AttemptScope = attrs.field(
        default=AttemptScope.PER_COURSE, validator=instance_of(AttemptScope, "program parameter")
    )

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> AttemptLimit(3, AfterLimit.NEW_COURSE).describe()
            '3 attempts per course; then a new full course, which starts a fresh count'
        """
        plural = "" if self.max_attempts == 1 else "s"
        return (
            f"{self.max_attempts} attempt{plural} per {self.scope.noun}; "
            f"then {self.after_limit.next_step}"
        )


@attrs.frozen(slots=True)
class MonthEndValidity:
    """Valid through the last day of the completion month, ``months`` months later.

    Example:
        >>> MonthEndValidity(months=24).expires_on(dt.date(2024, 2, 29))
        datetime.date(2026, 2, 28)
    """

    months: int = attrs.field(validator=_positive)

    def expires_on(self, start: dt.date) -> dt.date:
        """The last valid day.

        Example:
            >>> import emrpath as ep
            >>> validity = ep.NREMT_EMR.course_validity.value_at(dt.date(2024, 1, 5))
            >>> validity.expires_on(dt.date(2024, 1, 5)), validity.expires_on(dt.date(2024, 1, 31))
            (datetime.date(2026, 1, 31), datetime.date(2026, 1, 31))
        """
        return end_of_month_after(start, self.months)

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> ep.NREMT_EMR.course_validity.value_at(dt.date(2024, 1, 5)).describe()
            'valid through the last day of the completion month, 24 months later'
        """
        return f"valid through the last day of the completion month, {self.months} months later"


@attrs.frozen(slots=True)
class MonthsValidity:
    """Valid through the same day number ``months`` months later (clamped to month end).

    Example:
        >>> MonthsValidity(months=24).expires_on(dt.date(2024, 2, 29))
        datetime.date(2026, 2, 28)
    """

    months: int = attrs.field(validator=_positive)

    def expires_on(self, start: dt.date) -> dt.date:
        """The last valid day.

        Example:
            >>> import emrpath as ep
            >>> portion = ep.NREMT_EMR.portion_validity
            >>> portion.value_at(dt.date(2018, 10, 31)).expires_on(dt.date(2019, 3, 12))
            datetime.date(2020, 3, 12)
            >>> portion.value_at(dt.date(2018, 11, 1)).expires_on(dt.date(2019, 3, 12))
            datetime.date(2021, 3, 12)
        """
        return add_months(start, self.months)

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> ep.NREMT_EMR.portion_validity.value_at(dt.date(2024, 1, 5)).describe()
            'valid through the same day 24 months later (clamped to month end)'
        """
        return f"valid through the same day {self.months} months later (clamped to month end)"


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
    capped_by_course: bool = attrs.field(default=False, validator=boolean("program parameter"))

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
                    f"must be a positive int, got {shown(value)}",
                    field=f"AuthorizationWindow.{name}",
                    rule="authorization to test",
                )

    def expires_on(self, issued_on: dt.date, course_expires_on: dt.date | None) -> dt.date:
        """The last valid day.

        Raises:
            InvalidRecordError: The window is capped by the course and was issued after the
                course expired: no such authorization can be issued, and its last valid day
                would come before its issue date.

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
        cap = course_expires_on if self.capped_by_course else None
        if cap is not None and issued_on > cap:
            raise InvalidRecordError(
                f"issued {issued_on}, after the course expired on {cap}; an "
                "authorization to test cannot be issued for an expired course",
                field="issued_on",
                rule="authorization to test",
            )
        if self.days is not None:
            end = add_days(issued_on, self.days)
        else:
            end = add_months(issued_on, self.months or 0)
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
    day: int = attrs.field(validator=[_positive, _day_of("month")])
    split_month: int = attrs.field(validator=_month)
    years_before_split: int = attrs.field(validator=_positive)
    years_from_split: int = attrs.field(validator=_positive)

    def expires_on(self, certified_on: dt.date) -> dt.date | None:
        """The expiration date of a certification issued on ``certified_on``.

        Example:
            >>> import emrpath as ep
            >>> term = ep.NREMT_EMR.certification_term.value_at(dt.date(2025, 6, 30))
            >>> term.expires_on(dt.date(2025, 6, 30)), term.expires_on(dt.date(2025, 7, 1))
            (datetime.date(2027, 9, 30), datetime.date(2028, 9, 30))
        """
        years = (
            self.years_before_split
            if certified_on.month < self.split_month
            else self.years_from_split
        )
        return make_date(certified_on.year + years, self.month, self.day)

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> print(ep.NREMT_EMR.certification_term.value_at(dt.date(2025, 6, 30)).describe())
            expires September 30 of the certification year + 2 (certified before month 7)
            or + 3 (from month 7)
        """
        return (
            f"expires {dt.date(2000, self.month, self.day):%B} {self.day} of the certification "
            f"year + {self.years_before_split} (certified before month {self.split_month}) "
            f"or + {self.years_from_split} (from month {self.split_month})"
        )


@attrs.frozen(slots=True)
class AnniversaryExpiry:
    """Expiry ``years`` after the issue date.

    By default the last valid day is the day before the anniversary. With
    ``month_end=True`` the credential ends with the anniversary *month*: issued in
    June 2015, it ends 30 June 2018 (for sources that give cycles in months, "If your
    certification ends June 2018 ...").

    Example:
        >>> AnniversaryExpiry(years=3).expires_on(dt.date(2024, 2, 29))
        datetime.date(2027, 2, 27)
        >>> AnniversaryExpiry(years=3, month_end=True).expires_on(dt.date(2015, 6, 10))
        datetime.date(2018, 6, 30)
    """

    years: int = attrs.field(validator=_positive)
    month_end: bool = attrs.field(default=False, validator=boolean("program parameter"))

    def expires_on(self, certified_on: dt.date) -> dt.date | None:
        """The last valid day of a certification issued on ``certified_on``.

        Example:
            >>> import emrpath as ep
            >>> term = ep.ASCP_MLS.certification_term.value_at(dt.date(2025, 6, 10))
            >>> term.expires_on(dt.date(2025, 6, 10))
            datetime.date(2028, 6, 30)
        """
        later = add_months(certified_on, 12 * self.years)
        if self.month_end:
            return end_of_month(later.year, later.month)
        return add_days(later, -1)

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> ep.ASCP_MLS.certification_term.value_at(dt.date(2025, 6, 10)).describe()
            'valid through the end of the issue month, 3 years later'
            >>> AnniversaryExpiry(years=3).describe()
            'valid 3 years from issue'
        """
        if self.month_end:
            return f"valid through the end of the issue month, {self.years} years later"
        return f"valid {self.years} years from issue"


@attrs.frozen(slots=True)
class NoExpiry:
    """A certification that is not time-limited.

    Example:
        >>> NoExpiry().expires_on(dt.date(2001, 5, 1)) is None
        True
    """

    def expires_on(self, certified_on: dt.date) -> dt.date | None:
        """Always ``None``: it does not expire.

        Example:
            >>> import emrpath as ep
            >>> term = ep.ASCP_MLS.certification_term.value_at(dt.date(2003, 12, 31))
            >>> term.expires_on(dt.date(2003, 12, 31)) is None
            True
        """
        return None

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> ep.ASCP_MLS.certification_term.value_at(dt.date(2003, 12, 31)).describe()
            'not time-limited'
        """
        return "not time-limited"


CertificationTerm = SeasonalExpiry | AnniversaryExpiry | NoExpiry


# -- certification lifecycle: recertification, lapse, reinstatement ---------------------


def _amount(value: object, *, field: str, rule: str, positive: bool) -> Decimal:
    """``value`` (any real number, see ``exact_decimal``) as an exact, finite ``Decimal``."""
    amount = exact_decimal(value, field=field, rule=rule, what="a number of hours or points")
    if not amount.is_finite():
        raise InvalidRecordError(f"must be finite, got {shown(value)}", field=field, rule=rule)
    if amount < 0 or (positive and amount == 0):
        raise InvalidRecordError(
            f"must be {'more than' if positive else 'at least'} 0, got {shown(value)}",
            field=field,
            rule=rule,
        )
    if amount >= _AMOUNT_LIMIT or _decimal_places(amount) > _AMOUNT_PLACES:
        raise InvalidRecordError(
            f"must be less than {_AMOUNT_LIMIT:,} with at most {_AMOUNT_PLACES} decimal "
            f"places, so that totals stay exact; got {shown(value)}",
            field=field,
            rule=rule,
        )
    return amount


def _num(value: Decimal) -> str:
    """A Decimal for people: ``8``, ``2.5``, never ``8.0`` or ``1E+1``."""
    return format(value.normalize(), "f")


# Not rule numbers but the range in which amounts add up exactly: totals are computed in
# the default decimal context (28 significant digits), and amounts below 10**12 with at
# most 6 decimal places sum exactly however many there are in practice. Outside it a
# total would be rounded (1E+30 + 2.5) or overflow (1E+999999999).
_AMOUNT_LIMIT = Decimal(10) ** 12
_AMOUNT_PLACES = 6


def _decimal_places(amount: Decimal) -> int:
    """Digits after the point once trailing zeros are dropped (exact: no context rounding)."""
    _, digits, exponent = amount.as_tuple()
    if not isinstance(exponent, int):  # NaN or infinity: refused before this is asked
        return 0
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -(exponent + trailing)) if any(digits) else 0


def _minimum(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _amount(
        value,
        field=f"{type(instance).__name__}.{attribute.name}",
        rule="program parameter",
        positive=False,
    )


def _to_decimal(value: object) -> object:
    # Converter: numbers become Decimal; anything else is left for the validator to refuse
    # (a converter does not know the field's name).
    try:
        return exact_decimal(value, field=None, rule="program parameter", what="a number")
    except EmrpathError:
        return value


def _as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InputTypeError(
            f"must be a sequence, got {type(value).__name__}",
            field="components/topics",
            rule="program parameter",
        )
    return tuple(value)


def _name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidRecordError(
            f"must be a non-empty str, got {shown(value)}",
            field=f"{type(instance).__name__}.{attribute.name}",
            rule="program parameter",
        )


def _unique(items: tuple[Any, ...], kind: str, field: str) -> None:
    names = [item.name for item in items]
    for item in items:
        if not isinstance(item, (CeTopic, CeComponent)):
            raise InvalidRecordError(
                f"expected {kind} values, got {type(item).__name__}",
                field=field,
                rule="program parameter",
            )
    if len(set(names)) != len(names):
        raise InvalidRecordError(
            f"two {kind} values share a name: {names}", field=field, rule="program parameter"
        )


@attrs.frozen(slots=True)
class CeTopic:
    """A topic inside a continuing-education component, with its minimum hours (or points).

    Example:
        >>> CeTopic("medical", 3).minimum
        Decimal('3')
    """

    name: str = attrs.field(validator=_name)
    minimum: Decimal = attrs.field(converter=_to_decimal, validator=_minimum)


@attrs.frozen(slots=True)
class CeComponent:
    """A component of a continuing-education requirement (national, local/state, …).

    Args:
        name: The name education records use to allocate hours to it.
        minimum: Hours (or points) the component needs; at least the sum of its topics.
        topics: Topics whose own minimums must be met inside the component. A record may
            name a topic only where the component in force defines topics.

    Example:
        >>> national = CeComponent("national", 8, (CeTopic("trauma", 0.5),))
        >>> national.topic_names
        ('trauma',)
    """

    name: str = attrs.field(validator=_name)
    minimum: Decimal = attrs.field(converter=_to_decimal, validator=_minimum)
    topics: tuple[CeTopic, ...] = attrs.field(default=(), converter=_as_tuple)

    def __attrs_post_init__(self) -> None:
        _unique(self.topics, "CeTopic", f"CeComponent({self.name}).topics")
        if sum((t.minimum for t in self.topics), Decimal(0)) > self.minimum:
            raise InvalidRecordError(
                f"its topics need more than the component's {self.minimum}",
                field=f"CeComponent({self.name}).topics",
                rule="program parameter",
            )

    @property
    def topic_names(self) -> tuple[str, ...]:
        """The names of the component's topics.

        Example:
            >>> import emrpath as ep
            >>> ce = ep.NREMT_EMR.ce_requirement
            >>> ce.value_at(dt.date(2025, 9, 30)).component("national").topic_names
            ('airway', 'cardiovascular', 'trauma', 'medical', 'operations')
            >>> ce.value_at(dt.date(2025, 10, 1)).component("national").topic_names
            ()
        """
        return tuple(t.name for t in self.topics)


@attrs.frozen(slots=True)
class CeRequirement:
    """How much continuing education one recertification cycle needs.

    Education records are allocated to components by name; each component must reach its
    minimum (and each of its topics theirs), and everything earned in the window must
    reach ``total``. With ``total`` above the sum of the component minimums the rest may
    come from any component.

    Args:
        unit: What is counted (``"hours"``, ``"points"``).
        total: The total required.
        components: The components, in the order reports list them.

    Example:
        >>> req = CeRequirement("points", 36, (CeComponent("chemistry", 2),))
        >>> req.component("chemistry").minimum, req.total
        (Decimal('2'), Decimal('36'))
    """

    unit: str = attrs.field(validator=_name)
    total: Decimal = attrs.field(converter=_to_decimal, validator=_minimum)
    components: tuple[CeComponent, ...] = attrs.field(converter=_as_tuple)

    def __attrs_post_init__(self) -> None:
        _unique(self.components, "CeComponent", "CeRequirement.components")
        if not self.components:
            raise InvalidRecordError(
                "needs at least one component",
                field="CeRequirement.components",
                rule="program parameter",
            )
        if sum((c.minimum for c in self.components), Decimal(0)) > self.total:
            raise InvalidRecordError(
                f"its components need more than the total {self.total}",
                field="CeRequirement.components",
                rule="program parameter",
            )

    @property
    def component_names(self) -> tuple[str, ...]:
        """The names of the components, in order.

        Example:
            >>> import emrpath as ep
            >>> ep.NREMT_EMR.ce_requirement.value_at(dt.date(2025, 10, 1)).component_names
            ('national', 'local', 'individual')
        """
        return tuple(c.name for c in self.components)

    def describe(self) -> str:
        """The requirement in words.

        Example:
            >>> national = CeComponent("national", 8, (CeTopic("trauma", 1.5),))
            >>> CeRequirement("hours", 16, (national, CeComponent("local", 4))).describe()
            '16 hours: national 8 (trauma 1.5), local 4'
        """
        parts = []
        for comp in self.components:
            topics = ", ".join(f"{t.name} {_num(t.minimum)}" for t in comp.topics)
            parts.append(f"{comp.name} {_num(comp.minimum)}" + (f" ({topics})" if topics else ""))
        return f"{_num(self.total)} {self.unit}: {', '.join(parts)}"

    def component(self, name: str) -> CeComponent:
        """The component called ``name``.

        Raises:
            UnknownNameError: No component has that name.

        Example:
            >>> import emrpath as ep
            >>> cmp = ep.ASCP_MLS.ce_requirement.value_at(dt.date(2025, 7, 1))
            >>> cmp.component("safety")
            CeComponent(name='safety', minimum=Decimal('1'), topics=())
            >>> cmp.component("Safety")
            Traceback (most recent call last):
            ...
            emrpath.errors.UnknownNameError: component: unknown component 'Safety'; ...
        """
        for item in self.components:
            if item.name == name:
                return item
        raise UnknownNameError(
            f"unknown component {shown(name)}; this requirement has {list(self.component_names)}",
            field="component",
            rule="continuing education",
        )


@attrs.frozen(slots=True)
class RecertificationCycle:
    """A recertification cycle of ``months`` months, ending on the expiration date.

    The cycle's nominal start (the day after the previous expiration) is the date on which
    the recertification parameters are read, so a model "beginning October 1, 2025"
    governs the cycle that starts then. Recertifying moves the expiration ``months`` on,
    keeping a month-end expiration on the month's end.

    Example:
        >>> cycle = RecertificationCycle(months=24)
        >>> cycle.nominal_start(dt.date(2027, 9, 30)), cycle.next_expiration(dt.date(2027, 9, 30))
        (datetime.date(2025, 10, 1), datetime.date(2029, 9, 30))
        >>> RecertificationCycle(months=36).next_expiration(dt.date(2021, 2, 28))
        datetime.date(2024, 2, 29)
    """

    months: int = attrs.field(validator=_positive)

    def nominal_start(self, expires_on: dt.date) -> dt.date:
        """The first day of the cycle that ends on ``expires_on``.

        Example:
            >>> import emrpath as ep
            >>> cycle = ep.NREMT_EMR.recert_cycle.value_at(dt.date(2026, 9, 30))
            >>> cycle.nominal_start(dt.date(2026, 9, 30))
            datetime.date(2024, 10, 1)
        """
        return add_days(_shift_expiry(expires_on, -self.months), 1)

    def next_expiration(self, expires_on: dt.date) -> dt.date:
        """The expiration date after a recertification of the cycle ending ``expires_on``.

        Example:
            >>> import emrpath as ep
            >>> cycle = ep.ASCP_MLS.recert_cycle.value_at(dt.date(2028, 6, 30))
            >>> cycle.next_expiration(dt.date(2028, 6, 30))
            datetime.date(2031, 6, 30)
        """
        return _shift_expiry(expires_on, self.months)

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> ep.NREMT_EMR.recert_cycle.value_at(dt.date(2026, 9, 30)).describe()
            '24-month cycles'
        """
        return f"{self.months}-month cycles"


def _shift_expiry(expires_on: dt.date, months: int) -> dt.date:
    later = add_months(expires_on, months)
    if expires_on == end_of_month(expires_on.year, expires_on.month):
        return end_of_month(later.year, later.month)
    return later


@attrs.frozen(slots=True)
class RollingCeWindow:
    """Education counts from the start of the current cycle through the expiration date.

    The cycle starts when the certification is issued or when the last recertification
    was completed, whichever is later ("rolling" recertification). After expiry the
    window does not move: late applications still need education done by the expiration.

    Example:
        >>> RollingCeWindow().window(dt.date(2023, 5, 10), dt.date(2025, 9, 30),
        ...                          as_of=dt.date(2025, 10, 15))
        (datetime.date(2023, 5, 10), datetime.date(2025, 9, 30))
    """

    def window(
        self, cycle_start: dt.date, expires_on: dt.date, *, as_of: dt.date
    ) -> tuple[dt.date, dt.date]:
        """First and last day on which education counts.

        Example:
            >>> import emrpath as ep
            >>> rolling = ep.NREMT_EMR.ce_window.value_at(dt.date(2024, 10, 1))
            >>> cycle = dt.date(2023, 8, 10), dt.date(2026, 9, 30)  # certified, expires
            >>> rolling.window(*cycle, as_of=dt.date(2026, 10, 15))  # late: it does not move
            (datetime.date(2023, 8, 10), datetime.date(2026, 9, 30))
        """
        return cycle_start, expires_on

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> ep.NREMT_EMR.ce_window.value_at(dt.date(2024, 10, 1)).describe()
            'education counts from the start of the current cycle to the expiration date'
        """
        return "education counts from the start of the current cycle to the expiration date"


@attrs.frozen(slots=True)
class MonthsCeWindow:
    """Education counts in the ``months`` months ending with the expiration month.

    In force: from the first day of the month ``months`` months before the expiration
    month, through the expiration date (month granularity: "If your certification ends
    June 2018, only CE credits completed between June 2015 and June 2018"). After expiry
    the window becomes the ``months`` months ending on the day asked about, when
    ``lookback_after_expiry`` is set.

    Example:
        >>> w = MonthsCeWindow(months=36, lookback_after_expiry=True)
        >>> w.window(dt.date(2015, 6, 10), dt.date(2018, 6, 30), as_of=dt.date(2018, 5, 1))
        (datetime.date(2015, 6, 1), datetime.date(2018, 6, 30))
        >>> w.window(dt.date(2015, 6, 10), dt.date(2018, 6, 30), as_of=dt.date(2020, 3, 3))
        (datetime.date(2017, 3, 3), datetime.date(2020, 3, 3))
    """

    months: int = attrs.field(validator=_positive)
    lookback_after_expiry: bool = attrs.field(
        default=False, validator=boolean("program parameter")
    )

    def window(
        self, cycle_start: dt.date, expires_on: dt.date, *, as_of: dt.date
    ) -> tuple[dt.date, dt.date]:
        """First and last day on which education counts.

        Example:
            >>> import emrpath as ep
            >>> months = ep.ASCP_MLS.ce_window.value_at(dt.date(2025, 7, 1))
            >>> start, expires = dt.date(2025, 6, 10), dt.date(2028, 6, 30)
            >>> months.window(start, expires, as_of=dt.date(2028, 1, 1))
            (datetime.date(2025, 6, 1), datetime.date(2028, 6, 30))
            >>> months.window(start, expires, as_of=dt.date(2028, 9, 15))
            (datetime.date(2025, 9, 15), datetime.date(2028, 9, 15))
        """
        if self.lookback_after_expiry and as_of > expires_on:
            return add_months(as_of, -self.months), as_of
        return add_months(expires_on.replace(day=1), -self.months), expires_on

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> print(ep.ASCP_MLS.ce_window.value_at(dt.date(2025, 7, 1)).describe())
            education counts in the 36 months ending with the expiration month; once expired,
            the last 36 months
        """
        after = (
            f"; once expired, the last {self.months} months" if self.lookback_after_expiry else ""
        )
        return (
            f"education counts in the {self.months} months ending with the expiration month{after}"
        )


CeWindow = RollingCeWindow | MonthsCeWindow


@attrs.frozen(slots=True)
class SeasonalRecertWindow:
    """Applications on fixed days of the expiration year, then a late period, then lapse.

    Opens on ``opens_month``/``opens_day`` of the expiration year and closes on the
    expiration date; late (reinstatement) applications until ``late_month``/``late_day``
    of that year; the certification has lapsed from the next day.

    Example:
        >>> w = SeasonalRecertWindow(opens_month=4, opens_day=1, late_month=10, late_day=31)
        >>> w.opens_on(dt.date(2027, 9, 30)), w.late_until(dt.date(2027, 9, 30))
        (datetime.date(2027, 4, 1), datetime.date(2027, 10, 31))
    """

    opens_month: int = attrs.field(validator=_month)
    opens_day: int = attrs.field(validator=[_positive, _day_of("opens_month")])
    late_month: int = attrs.field(validator=_month)
    late_day: int = attrs.field(validator=[_positive, _day_of("late_month")])

    def opens_on(self, expires_on: dt.date) -> dt.date | None:
        """The first day applications are accepted (``None``: at any time in the cycle).

        Example:
            >>> import emrpath as ep
            >>> window = ep.NREMT_EMR.recert_window.value_at(dt.date(2024, 10, 1))
            >>> window.opens_on(dt.date(2026, 9, 30))
            datetime.date(2026, 4, 1)
        """
        return dt.date(expires_on.year, self.opens_month, self.opens_day)

    def due_on(self, expires_on: dt.date) -> dt.date:
        """The last day of the regular window.

        Example:
            >>> import emrpath as ep
            >>> window = ep.NREMT_EMR.recert_window.value_at(dt.date(2024, 10, 1))
            >>> window.due_on(dt.date(2026, 9, 30))
            datetime.date(2026, 9, 30)
        """
        return expires_on

    def late_until(self, expires_on: dt.date) -> dt.date | None:
        """The last day of the late (reinstatement) period (``None``: no limit found).

        Example:
            >>> import emrpath as ep
            >>> window = ep.NREMT_EMR.recert_window.value_at(dt.date(2024, 10, 1))
            >>> window.late_until(dt.date(2026, 9, 30))
            datetime.date(2026, 10, 31)
        """
        return dt.date(expires_on.year, self.late_month, self.late_day)

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> print(ep.NREMT_EMR.recert_window.value_at(dt.date(2024, 10, 1)).describe())
            applications from April 1 of the expiration year to the expiration date;
            late (reinstatement) until October 31; lapsed after
        """
        opens = dt.date(2000, self.opens_month, self.opens_day)
        late = dt.date(2000, self.late_month, self.late_day)
        return (
            f"applications from {opens:%B} {opens.day} of the expiration year to the "
            f"expiration date; late (reinstatement) until {late:%B} {late.day}; lapsed after"
        )


@attrs.frozen(slots=True)
class DeadlineRecertWindow:
    """Submit at any time in the cycle, at least ``due_months_before`` months before expiry.

    After the expiration date the credential has expired; with ``reinstatement_limit_days``
    ``None`` it may be reinstated without a time limit, otherwise until that many days
    after expiry.

    Example:
        >>> w = DeadlineRecertWindow(due_months_before=1)
        >>> w.due_on(dt.date(2018, 6, 30)), w.late_until(dt.date(2018, 6, 30)) is None
        (datetime.date(2018, 5, 30), True)
    """

    due_months_before: int = attrs.field(validator=_non_negative)
    reinstatement_limit_days: int | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(_positive),
    )

    def opens_on(self, expires_on: dt.date) -> dt.date | None:
        """``None``: the declaration may be made at any time in the cycle.

        Example:
            >>> import emrpath as ep
            >>> window = ep.ASCP_MLS.recert_window.value_at(dt.date(2025, 7, 1))
            >>> window.opens_on(dt.date(2028, 6, 30)) is None
            True
        """
        return None

    def due_on(self, expires_on: dt.date) -> dt.date:
        """The last day to submit before the credential expires.

        Example:
            >>> import emrpath as ep
            >>> window = ep.ASCP_MLS.recert_window.value_at(dt.date(2025, 7, 1))
            >>> window.due_on(dt.date(2028, 6, 30))
            datetime.date(2028, 5, 30)
        """
        return add_months(expires_on, -self.due_months_before)

    def late_until(self, expires_on: dt.date) -> dt.date | None:
        """The last day of reinstatement (``None``: no limit).

        Example:
            >>> import emrpath as ep
            >>> window = ep.ASCP_MLS.recert_window.value_at(dt.date(2025, 7, 1))
            >>> window.late_until(dt.date(2028, 6, 30)) is None
            True
            >>> limited = DeadlineRecertWindow(due_months_before=1, reinstatement_limit_days=365)
            >>> limited.late_until(dt.date(2028, 6, 30))
            datetime.date(2029, 6, 30)
        """
        if self.reinstatement_limit_days is None:
            return None
        return add_days(expires_on, self.reinstatement_limit_days)

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> print(ep.ASCP_MLS.recert_window.value_at(dt.date(2025, 7, 1)).describe())
            submit at least 1 month before the expiration date; once expired, reinstatement is
            possible without a time limit
        """
        limit = (
            "without a time limit"
            if self.reinstatement_limit_days is None
            else f"for {self.reinstatement_limit_days} days"
        )
        return (
            f"submit at least {self.due_months_before} month"
            f"{'' if self.due_months_before == 1 else 's'} before the expiration date; "
            f"once expired, reinstatement is possible {limit}"
        )


RecertWindow = SeasonalRecertWindow | DeadlineRecertWindow


@attrs.frozen(slots=True)
class RecertExam:
    """Recertification by exam: ``attempts`` attempts per cycle, with no retest after them.

    An attempt counts only inside the exam's window: from ``opens_month``/``opens_day`` of
    the year ``opens_years_before`` years before the expiration year, through the expiration
    date. Without ``opens_month`` and ``opens_day`` (both ``None``) no window is known and
    an attempt anywhere in the cycle counts.

    Example:
        >>> RecertExam(attempts=1).describe()
        'recertification by exam: 1 attempt per cycle, no retest'
        >>> RecertExam(attempts=1, opens_month=10, opens_day=1).opens_on(dt.date(2027, 9, 30))
        datetime.date(2026, 10, 1)
    """

    attempts: int = attrs.field(validator=_positive)
    opens_month: int | None = attrs.field(
        default=None, kw_only=True, validator=attrs.validators.optional(_month)
    )
    opens_day: int | None = attrs.field(
        default=None, kw_only=True, validator=attrs.validators.optional(_positive)
    )
    opens_years_before: int = attrs.field(default=1, kw_only=True, validator=_non_negative)

    def __attrs_post_init__(self) -> None:
        if (self.opens_month is None) != (self.opens_day is None):
            raise InvalidRecordError(
                "give both opens_month and opens_day, or neither",
                field="RecertExam.opens_day",
                rule="program parameter",
            )
        if self.opens_month is not None and self.opens_day is not None:
            last = days_in_month(2001, self.opens_month)  # a common year: no 29 February
            if self.opens_day > last:
                raise InvalidRecordError(
                    f"month {self.opens_month} has no day {self.opens_day} every year "
                    f"(it has {last} in a common year)",
                    field="RecertExam.opens_day",
                    rule="program parameter",
                )

    def opens_on(self, expires_on: dt.date) -> dt.date | None:
        """The first day an attempt counts toward the cycle ending ``expires_on``.

        ``None``: no window is known; an attempt anywhere in the cycle counts. The window
        closes on the expiration date.

        Example:
            >>> import emrpath as ep
            >>> exam = ep.NREMT_EMR.recert_exam.value_at(dt.date(2025, 10, 1))
            >>> exam.opens_on(dt.date(2027, 9, 30))
            datetime.date(2026, 10, 1)
        """
        if self.opens_month is None or self.opens_day is None:
            return None
        return make_date(
            expires_on.year - self.opens_years_before, self.opens_month, self.opens_day
        )

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> print(ep.NREMT_EMR.recert_exam.value_at(dt.date(2024, 10, 1)).describe())
            recertification by exam: 1 attempt per cycle, no retest, from October 1 of the
            year before the expiration year through the expiration date
        """
        plural = "" if self.attempts == 1 else "s"
        text = f"recertification by exam: {self.attempts} attempt{plural} per cycle, no retest"
        if self.opens_month is None or self.opens_day is None:
            return text
        opens = dt.date(2001, self.opens_month, self.opens_day)
        years = self.opens_years_before
        year = (
            "the expiration year"
            if years == 0
            else "the year before the expiration year"
            if years == 1
            else f"{years} years before the expiration year"
        )
        return f"{text}, from {opens:%B} {opens.day} of {year} through the expiration date"


@attrs.frozen(slots=True)
class AppealWindow:
    """A written appeal must be received within ``days`` days of the decision notice.

    Example:
        >>> AppealWindow(days=30).last_day(dt.date(2025, 1, 31))
        datetime.date(2025, 3, 2)
    """

    days: int = attrs.field(validator=_positive)

    def last_day(self, notified_on: dt.date) -> dt.date:
        """The last day an appeal may be received.

        Example:
            >>> import emrpath as ep
            >>> appeal = ep.ASCP_MLS.appeal_window.value_at(dt.date(2025, 12, 15))
            >>> appeal.last_day(dt.date(2025, 12, 15))
            datetime.date(2026, 1, 14)
        """
        return add_days(notified_on, self.days)

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> ep.NREMT_EMR.appeal_window.value_at(dt.date(2025, 12, 15)).describe()
            'in writing, received within 30 days of the decision notice'
        """
        return f"in writing, received within {self.days} days of the decision notice"
