"""Policies of the certification lifecycle: education, cycle, windows, recertification by exam.

Example:
    >>> import emrpath as ep
    >>> ep.NREMT_EMR.ce_requirement.value_at(dt.date(2025, 10, 1)).component_names
    ('national', 'local', 'individual')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from emrpath._dates import (
    add_days,
    add_months,
    as_date,
    days_in_month,
    end_of_month,
    make_date,
    out_of_range_for,
)
from emrpath._validators import amount, amount_text, boolean, exact_decimal, shown
from emrpath.errors import (
    CalendarRangeError,
    EmrpathError,
    InputTypeError,
    InvalidRecordError,
    UnknownNameError,
)
from emrpath.policies._fields import DayOf, month_number, non_negative, positive

__all__ = [
    "CeComponent",
    "CeRequirement",
    "CeTopic",
    "CeWindow",
    "DeadlineRecertWindow",
    "MonthsCeWindow",
    "RecertExam",
    "RecertWindow",
    "RecertificationCycle",
    "RollingCeWindow",
    "SeasonalRecertWindow",
]

# The rules the policies' date arguments are checked for (a bad argument's error names one).
_CYCLE = "recertification cycle"
_CE_WINDOW = "continuing education"
_RECERT_WINDOW = "recertification window"
_RECERT_EXAM = "recertification by exam"


def _ce_window_dates(
    cycle_start: dt.date, expires_on: dt.date, as_of: dt.date
) -> tuple[dt.date, dt.date, dt.date]:
    """A continuing-education window's three arguments as dates, or the error naming one."""
    if type(cycle_start) is not dt.date:
        cycle_start = as_date(cycle_start, field="cycle_start", rule=_CE_WINDOW)
    if type(expires_on) is not dt.date:
        expires_on = as_date(expires_on, field="expires_on", rule=_CE_WINDOW)
    if type(as_of) is not dt.date:
        as_of = as_date(as_of, field="as_of", rule=_CE_WINDOW)
    return cycle_start, expires_on, as_of


def _minimum(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    amount(
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


def _unique(items: tuple[Any, ...], kind: type[CeTopic | CeComponent], field: str) -> None:
    # Each item's type is checked before its name is read: a number has no name, and a
    # topic given as a component would pass as one until a rule asked for its topics.
    for item in items:
        if not isinstance(item, kind):
            raise InvalidRecordError(
                f"expected {kind.__name__} values, got {type(item).__name__}",
                field=field,
                rule="program parameter",
            )
    names = [item.name for item in items]
    if len(set(names)) != len(names):
        raise InvalidRecordError(
            f"two {kind.__name__} values share a name: {names}",
            field=field,
            rule="program parameter",
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
        _unique(self.topics, CeTopic, f"CeComponent({self.name}).topics")
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
        _unique(self.components, CeComponent, "CeRequirement.components")
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
            topics = ", ".join(f"{t.name} {amount_text(t.minimum)}" for t in comp.topics)
            parts.append(
                f"{comp.name} {amount_text(comp.minimum)}" + (f" ({topics})" if topics else "")
            )
        return f"{amount_text(self.total)} {self.unit}: {', '.join(parts)}"

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

    months: int = attrs.field(validator=positive)

    def nominal_start(self, expires_on: dt.date) -> dt.date:
        """The first day of the cycle that ends on ``expires_on``.

        Raises:
            InputTypeError: ``expires_on`` is not a ``datetime.date`` (a string, or a
                datetime: a policy has no timezone to take its date in).
            CalendarRangeError: The answer is outside the dates Python can represent (years 1
                to 9999).

        Example:
            >>> import emrpath as ep
            >>> cycle = ep.NREMT_EMR.recert_cycle.value_at(dt.date(2026, 9, 30))
            >>> cycle.nominal_start(dt.date(2026, 9, 30))
            datetime.date(2024, 10, 1)
            >>> cycle.nominal_start("2026-09-30")
            Traceback (most recent call last):
            ...
            emrpath.errors.InputTypeError: expires_on: expected a datetime.date, got str \
'2026-09-30' (rule: recertification cycle)
        """
        if type(expires_on) is not dt.date:
            expires_on = as_date(expires_on, field="expires_on", rule=_CYCLE)
        try:
            return add_days(_shift_expiry(expires_on, -self.months), 1)
        except CalendarRangeError as err:
            raise out_of_range_for(err, "expires_on", _CYCLE) from None

    def next_expiration(self, expires_on: dt.date) -> dt.date:
        """The expiration date after a recertification of the cycle ending ``expires_on``.

        Raises:
            InputTypeError: ``expires_on`` is not a ``datetime.date`` (a string, or a
                datetime: a policy has no timezone to take its date in).
            CalendarRangeError: The answer is outside the dates Python can represent (years 1
                to 9999).

        Example:
            >>> import emrpath as ep
            >>> cycle = ep.ASCP_MLS.recert_cycle.value_at(dt.date(2028, 6, 30))
            >>> cycle.next_expiration(dt.date(2028, 6, 30))
            datetime.date(2031, 6, 30)
        """
        if type(expires_on) is not dt.date:
            expires_on = as_date(expires_on, field="expires_on", rule=_CYCLE)
        try:
            return _shift_expiry(expires_on, self.months)
        except CalendarRangeError as err:
            raise out_of_range_for(err, "expires_on", _CYCLE) from None

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

        Raises:
            InputTypeError: ``cycle_start``, ``expires_on`` or ``as_of`` is not a
                ``datetime.date`` (a string, or a datetime: a policy has no timezone to take
                its date in).

        Example:
            >>> import emrpath as ep
            >>> rolling = ep.NREMT_EMR.ce_window.value_at(dt.date(2024, 10, 1))
            >>> cycle = dt.date(2023, 8, 10), dt.date(2026, 9, 30)  # certified, expires
            >>> rolling.window(*cycle, as_of=dt.date(2026, 10, 15))  # late: it does not move
            (datetime.date(2023, 8, 10), datetime.date(2026, 9, 30))
        """
        cycle_start, expires_on, as_of = _ce_window_dates(cycle_start, expires_on, as_of)
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

    months: int = attrs.field(validator=positive)
    lookback_after_expiry: bool = attrs.field(
        default=False, validator=boolean("program parameter")
    )

    def window(
        self, cycle_start: dt.date, expires_on: dt.date, *, as_of: dt.date
    ) -> tuple[dt.date, dt.date]:
        """First and last day on which education counts.

        Raises:
            InputTypeError: ``cycle_start``, ``expires_on`` or ``as_of`` is not a
                ``datetime.date`` (a string, or a datetime: a policy has no timezone to take
                its date in).
            CalendarRangeError: The answer is outside the dates Python can represent (years 1
                to 9999).

        Example:
            >>> import emrpath as ep
            >>> months = ep.ASCP_MLS.ce_window.value_at(dt.date(2025, 7, 1))
            >>> start, expires = dt.date(2025, 6, 10), dt.date(2028, 6, 30)
            >>> months.window(start, expires, as_of=dt.date(2028, 1, 1))
            (datetime.date(2025, 6, 1), datetime.date(2028, 6, 30))
            >>> months.window(start, expires, as_of=dt.date(2028, 9, 15))
            (datetime.date(2025, 9, 15), datetime.date(2028, 9, 15))
        """
        cycle_start, expires_on, as_of = _ce_window_dates(cycle_start, expires_on, as_of)
        if self.lookback_after_expiry and as_of > expires_on:
            try:
                return add_months(as_of, -self.months), as_of
            except CalendarRangeError as err:
                raise out_of_range_for(err, "as_of", _CE_WINDOW) from None
        try:
            return add_months(expires_on.replace(day=1), -self.months), expires_on
        except CalendarRangeError as err:
            raise out_of_range_for(err, "expires_on", _CE_WINDOW) from None

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
"""A continuing-education window: :class:`RollingCeWindow` or :class:`MonthsCeWindow`.

:meta hide-value:
"""


@attrs.frozen(slots=True)
class SeasonalRecertWindow:
    """Applications on fixed days of the expiration year, then a late period, then lapse.

    Opens on ``opens_month``/``opens_day`` of the expiration year (or of the year
    ``opens_years_before`` years earlier) and closes on the expiration date; late
    (reinstatement) applications until ``late_month``/``late_day`` of the expiration year;
    the certification has lapsed from the next day.

    Example:
        >>> w = SeasonalRecertWindow(opens_month=4, opens_day=1, late_month=10, late_day=31)
        >>> w.opens_on(dt.date(2027, 9, 30)), w.late_until(dt.date(2027, 9, 30))
        (datetime.date(2027, 4, 1), datetime.date(2027, 10, 31))
        >>> march = SeasonalRecertWindow(10, 1, 4, 30, opens_years_before=1)
        >>> march.opens_on(dt.date(2027, 3, 31)), march.late_until(dt.date(2027, 3, 31))
        (datetime.date(2026, 10, 1), datetime.date(2027, 4, 30))
    """

    opens_month: int = attrs.field(validator=month_number)
    opens_day: int = attrs.field(validator=(positive, DayOf("opens_month")))
    late_month: int = attrs.field(validator=month_number)
    late_day: int = attrs.field(validator=(positive, DayOf("late_month")))
    opens_years_before: int = attrs.field(default=0, kw_only=True, validator=non_negative)

    def opens_on(self, expires_on: dt.date) -> dt.date | None:
        """The first day applications are accepted (``None``: at any time in the cycle).

        Raises:
            InputTypeError: ``expires_on`` is not a ``datetime.date`` (a string, or a
                datetime: a policy has no timezone to take its date in).
            CalendarRangeError: The answer is outside the dates Python can represent (years 1
                to 9999).

        Example:
            >>> import emrpath as ep
            >>> window = ep.NREMT_EMR.recert_window.value_at(dt.date(2024, 10, 1))
            >>> window.opens_on(dt.date(2026, 9, 30))
            datetime.date(2026, 4, 1)
        """
        if type(expires_on) is not dt.date:
            expires_on = as_date(expires_on, field="expires_on", rule=_RECERT_WINDOW)
        try:
            return make_date(
                expires_on.year - self.opens_years_before, self.opens_month, self.opens_day
            )
        except CalendarRangeError as err:
            raise out_of_range_for(err, "expires_on", _RECERT_WINDOW) from None

    def due_on(self, expires_on: dt.date) -> dt.date:
        """The last day of the regular window.

        Raises:
            InputTypeError: ``expires_on`` is not a ``datetime.date`` (a string, or a
                datetime: a policy has no timezone to take its date in).

        Example:
            >>> import emrpath as ep
            >>> window = ep.NREMT_EMR.recert_window.value_at(dt.date(2024, 10, 1))
            >>> window.due_on(dt.date(2026, 9, 30))
            datetime.date(2026, 9, 30)
        """
        if type(expires_on) is not dt.date:
            expires_on = as_date(expires_on, field="expires_on", rule=_RECERT_WINDOW)
        return expires_on

    def late_until(self, expires_on: dt.date) -> dt.date | None:
        """The last day of the late (reinstatement) period (``None``: no limit found).

        Raises:
            InputTypeError: ``expires_on`` is not a ``datetime.date`` (a string, or a
                datetime: a policy has no timezone to take its date in).

        Example:
            >>> import emrpath as ep
            >>> window = ep.NREMT_EMR.recert_window.value_at(dt.date(2024, 10, 1))
            >>> window.late_until(dt.date(2026, 9, 30))
            datetime.date(2026, 10, 31)
        """
        if type(expires_on) is not dt.date:
            expires_on = as_date(expires_on, field="expires_on", rule=_RECERT_WINDOW)
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
        year = {0: "the expiration year", 1: "the year before the expiration year"}.get(
            self.opens_years_before, f"{self.opens_years_before} years before the expiration year"
        )
        return (
            f"applications from {opens:%B} {opens.day} of {year} to the "
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

    due_months_before: int = attrs.field(validator=non_negative)
    reinstatement_limit_days: int | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(positive),
    )

    def opens_on(self, expires_on: dt.date) -> dt.date | None:
        """``None``: the declaration may be made at any time in the cycle.

        Raises:
            InputTypeError: ``expires_on`` is not a ``datetime.date`` (a string, or a
                datetime: a policy has no timezone to take its date in).

        Example:
            >>> import emrpath as ep
            >>> window = ep.ASCP_MLS.recert_window.value_at(dt.date(2025, 7, 1))
            >>> window.opens_on(dt.date(2028, 6, 30)) is None
            True
        """
        if type(expires_on) is not dt.date:
            as_date(expires_on, field="expires_on", rule=_RECERT_WINDOW)
        return None

    def due_on(self, expires_on: dt.date) -> dt.date:
        """The last day to submit before the credential expires.

        Raises:
            InputTypeError: ``expires_on`` is not a ``datetime.date`` (a string, or a
                datetime: a policy has no timezone to take its date in).
            CalendarRangeError: The answer is outside the dates Python can represent (years 1
                to 9999).

        Example:
            >>> import emrpath as ep
            >>> window = ep.ASCP_MLS.recert_window.value_at(dt.date(2025, 7, 1))
            >>> window.due_on(dt.date(2028, 6, 30))
            datetime.date(2028, 5, 30)
        """
        if type(expires_on) is not dt.date:
            expires_on = as_date(expires_on, field="expires_on", rule=_RECERT_WINDOW)
        try:
            return add_months(expires_on, -self.due_months_before)
        except CalendarRangeError as err:
            raise out_of_range_for(err, "expires_on", _RECERT_WINDOW) from None

    def late_until(self, expires_on: dt.date) -> dt.date | None:
        """The last day of reinstatement (``None``: no limit).

        Raises:
            InputTypeError: ``expires_on`` is not a ``datetime.date`` (a string, or a
                datetime: a policy has no timezone to take its date in).
            CalendarRangeError: The answer is outside the dates Python can represent (years 1
                to 9999).

        Example:
            >>> import emrpath as ep
            >>> window = ep.ASCP_MLS.recert_window.value_at(dt.date(2025, 7, 1))
            >>> window.late_until(dt.date(2028, 6, 30)) is None
            True
            >>> limited = DeadlineRecertWindow(due_months_before=1, reinstatement_limit_days=365)
            >>> limited.late_until(dt.date(2028, 6, 30))
            datetime.date(2029, 6, 30)
        """
        if type(expires_on) is not dt.date:
            expires_on = as_date(expires_on, field="expires_on", rule=_RECERT_WINDOW)
        if self.reinstatement_limit_days is None:
            return None
        try:
            return add_days(expires_on, self.reinstatement_limit_days)
        except CalendarRangeError as err:
            raise out_of_range_for(err, "expires_on", _RECERT_WINDOW) from None

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
"""A recertification window: :class:`SeasonalRecertWindow` or
:class:`DeadlineRecertWindow`.

:meta hide-value:
"""


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

    attempts: int = attrs.field(validator=positive)
    opens_month: int | None = attrs.field(
        default=None, kw_only=True, validator=attrs.validators.optional(month_number)
    )
    opens_day: int | None = attrs.field(
        default=None, kw_only=True, validator=attrs.validators.optional(positive)
    )
    opens_years_before: int = attrs.field(default=1, kw_only=True, validator=non_negative)

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

        Raises:
            InputTypeError: ``expires_on`` is not a ``datetime.date`` (a string, or a
                datetime: a policy has no timezone to take its date in).
            CalendarRangeError: The answer is outside the dates Python can represent (years 1
                to 9999).

        Example:
            >>> import emrpath as ep
            >>> exam = ep.NREMT_EMR.recert_exam.value_at(dt.date(2025, 10, 1))
            >>> exam.opens_on(dt.date(2027, 9, 30))
            datetime.date(2026, 10, 1)
        """
        if type(expires_on) is not dt.date:
            expires_on = as_date(expires_on, field="expires_on", rule=_RECERT_EXAM)
        if self.opens_month is None or self.opens_day is None:
            return None
        try:
            return make_date(
                expires_on.year - self.opens_years_before, self.opens_month, self.opens_day
            )
        except CalendarRangeError as err:
            raise out_of_range_for(err, "expires_on", _RECERT_EXAM) from None

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
