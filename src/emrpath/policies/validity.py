"""Policies of validity: how long a course, a passed portion and a certification last.

Example:
    >>> import datetime as dt
    >>> MonthEndValidity(months=24).expires_on(dt.date(2024, 1, 5))
    datetime.date(2026, 1, 31)
    >>> MonthsValidity(months=24).expires_on(dt.date(2024, 2, 29))
    datetime.date(2026, 2, 28)
"""

from __future__ import annotations

import datetime as dt

import attrs

from emrpath._dates import (
    add_days,
    add_months,
    as_date,
    end_of_month,
    end_of_month_after,
    make_date,
    out_of_range_for,
)
from emrpath._validators import boolean
from emrpath.errors import CalendarRangeError
from emrpath.policies._fields import DayOf, month_number, positive

__all__ = [
    "AnniversaryExpiry",
    "CertificationTerm",
    "CourseValidity",
    "MonthEndValidity",
    "MonthsValidity",
    "NoExpiry",
    "PortionValidity",
    "SeasonalExpiry",
]

# The rules the policies' date arguments are checked for (a bad argument's error names one).
_VALIDITY = "validity period"
_EXPIRY = "certification expiry"


@attrs.frozen(slots=True)
class MonthEndValidity:
    """Valid through the last day of the completion month, ``months`` months later.

    Example:
        >>> MonthEndValidity(months=24).expires_on(dt.date(2024, 2, 29))
        datetime.date(2026, 2, 28)
    """

    months: int = attrs.field(validator=positive)

    def expires_on(self, start: dt.date) -> dt.date:
        """The last valid day.

        Raises:
            InputTypeError: ``start`` is not a ``datetime.date`` (a string, or a datetime: a
                policy has no timezone to take its date in).
            CalendarRangeError: The answer is outside the dates Python can represent (years 1
                to 9999).

        Example:
            >>> import emrpath as ep
            >>> validity = ep.NREMT_EMR.course_validity.value_at(dt.date(2024, 1, 5))
            >>> validity.expires_on(dt.date(2024, 1, 5)), validity.expires_on(dt.date(2024, 1, 31))
            (datetime.date(2026, 1, 31), datetime.date(2026, 1, 31))
            >>> validity.expires_on(dt.datetime(2024, 1, 5, 9, 30))
            Traceback (most recent call last):
            ...
            emrpath.errors.InputTypeError: start: expected a datetime.date, got a datetime \
(datetime.datetime(2024, 1, 5, 9, 30)); pass value.date() in the timezone you mean \
(rule: validity period)
        """
        if type(start) is not dt.date:
            start = as_date(start, field="start", rule=_VALIDITY)
        try:
            return end_of_month_after(start, self.months)
        except CalendarRangeError as err:
            raise out_of_range_for(err, "start", _VALIDITY) from None

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

    months: int = attrs.field(validator=positive)

    def expires_on(self, start: dt.date) -> dt.date:
        """The last valid day.

        Raises:
            InputTypeError: ``start`` is not a ``datetime.date`` (a string, or a datetime: a
                policy has no timezone to take its date in).
            CalendarRangeError: The answer is outside the dates Python can represent (years 1
                to 9999).

        Example:
            >>> import emrpath as ep
            >>> portion = ep.NREMT_EMR.portion_validity
            >>> portion.value_at(dt.date(2018, 10, 31)).expires_on(dt.date(2019, 3, 12))
            datetime.date(2020, 3, 12)
            >>> portion.value_at(dt.date(2018, 11, 1)).expires_on(dt.date(2019, 3, 12))
            datetime.date(2021, 3, 12)
        """
        if type(start) is not dt.date:
            start = as_date(start, field="start", rule=_VALIDITY)
        try:
            return add_months(start, self.months)
        except CalendarRangeError as err:
            raise out_of_range_for(err, "start", _VALIDITY) from None

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> import emrpath as ep
            >>> ep.NREMT_EMR.portion_validity.value_at(dt.date(2024, 1, 5)).describe()
            'valid through the same day 24 months later (clamped to month end)'
        """
        return f"valid through the same day {self.months} months later (clamped to month end)"


CourseValidity = MonthEndValidity | MonthsValidity
"""A course's validity: :class:`MonthEndValidity` or :class:`MonthsValidity`.

:meta hide-value:
"""

PortionValidity = MonthsValidity


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

    month: int = attrs.field(validator=month_number)
    day: int = attrs.field(validator=(positive, DayOf("month")))
    split_month: int = attrs.field(validator=month_number)
    years_before_split: int = attrs.field(validator=positive)
    years_from_split: int = attrs.field(validator=positive)

    def expires_on(self, certified_on: dt.date) -> dt.date | None:
        """The expiration date of a certification issued on ``certified_on``.

        Raises:
            InputTypeError: ``certified_on`` is not a ``datetime.date`` (a string, or a
                datetime: a policy has no timezone to take its date in).
            CalendarRangeError: The answer is outside the dates Python can represent (years 1
                to 9999).

        Example:
            >>> import emrpath as ep
            >>> term = ep.NREMT_EMR.certification_term.value_at(dt.date(2025, 6, 30))
            >>> term.expires_on(dt.date(2025, 6, 30)), term.expires_on(dt.date(2025, 7, 1))
            (datetime.date(2027, 9, 30), datetime.date(2028, 9, 30))
        """
        if type(certified_on) is not dt.date:
            certified_on = as_date(certified_on, field="certified_on", rule=_EXPIRY)
        years = (
            self.years_before_split
            if certified_on.month < self.split_month
            else self.years_from_split
        )
        try:
            return make_date(certified_on.year + years, self.month, self.day)
        except CalendarRangeError as err:
            raise out_of_range_for(err, "certified_on", _EXPIRY) from None

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

    years: int = attrs.field(validator=positive)
    month_end: bool = attrs.field(default=False, validator=boolean("program parameter"))

    def expires_on(self, certified_on: dt.date) -> dt.date | None:
        """The last valid day of a certification issued on ``certified_on``.

        Raises:
            InputTypeError: ``certified_on`` is not a ``datetime.date`` (a string, or a
                datetime: a policy has no timezone to take its date in).
            CalendarRangeError: The answer is outside the dates Python can represent (years 1
                to 9999).

        Example:
            >>> import emrpath as ep
            >>> term = ep.ASCP_MLS.certification_term.value_at(dt.date(2025, 6, 10))
            >>> term.expires_on(dt.date(2025, 6, 10))
            datetime.date(2028, 6, 30)
        """
        if type(certified_on) is not dt.date:
            certified_on = as_date(certified_on, field="certified_on", rule=_EXPIRY)
        try:
            later = add_months(certified_on, 12 * self.years)
            if self.month_end:
                return end_of_month(later.year, later.month)
            return add_days(later, -1)
        except CalendarRangeError as err:
            raise out_of_range_for(err, "certified_on", _EXPIRY) from None

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

        Raises:
            InputTypeError: ``certified_on`` is not a ``datetime.date`` (a string, or a
                datetime: a policy has no timezone to take its date in).

        Example:
            >>> import emrpath as ep
            >>> term = ep.ASCP_MLS.certification_term.value_at(dt.date(2003, 12, 31))
            >>> term.expires_on(dt.date(2003, 12, 31)) is None
            True
        """
        if type(certified_on) is not dt.date:
            as_date(certified_on, field="certified_on", rule=_EXPIRY)
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
"""A certification's term: :class:`SeasonalExpiry`, :class:`AnniversaryExpiry` or
:class:`NoExpiry`.

:meta hide-value:
"""
