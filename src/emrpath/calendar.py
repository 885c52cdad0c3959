"""Business days: an immutable, O(1) calendar built once from holiday dates.

The holidays package is the *source* of holiday dates, not the engine: a
:class:`BusinessCalendar` asks it once for every year in its range, then answers every
question by indexing two precomputed tables (a prefix count of business days and the
list of business days), so ``add_business_days(d, 500)`` costs the same as
``add_business_days(d, 2)``. The tables never change after construction, so one calendar
is safe to share between threads (a lazily populating ``holidays`` object is not).

Example:
    >>> import datetime as dt
    >>> cal = BusinessCalendar.us_federal()
    >>> cal.is_business_day(dt.date(2026, 7, 3))  # Independence Day (observed)
    False
    >>> cal.add_business_days(dt.date(2026, 7, 2), 1)
    datetime.date(2026, 7, 6)
    >>> cal.business_days_between(dt.date(2026, 7, 2), dt.date(2026, 7, 6))
    1
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from emrpath._dates import as_date
from emrpath._validators import instance_of, iterable, shown
from emrpath.errors import CalendarRangeError, InputTypeError, InvalidRecordError, UnknownNameError
from emrpath.params import Citation

__all__ = [
    "NATIONAL_DAY_OF_MOURNING_2025",
    "BusinessCalendar",
    "CalendarSpec",
    "DayOverride",
    "holiday_data_of",
]

_RULE = "business day"
_DEFAULT_FIRST_YEAR = 1990
_DEFAULT_LAST_YEAR = 2100
# The years of src/emrpath/_us_federal_holidays.py (a test checks they agree).
_TABLE_FIRST_YEAR, _TABLE_LAST_YEAR = 1990, 2100


@attrs.frozen(slots=True)
class DayOverride:
    """One cited exception to the holiday source: an extra closure or an extra working day.

    Example:
        >>> NATIONAL_DAY_OF_MOURNING_2025.on
        datetime.date(2025, 1, 9)
    """

    on: dt.date = attrs.field()
    name: str = attrs.field(validator=instance_of(str, "calendar closure"))
    citation: Citation = attrs.field(validator=instance_of(Citation, "calendar closure"))

    @on.validator
    def _check_on(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not dt.date:
            raise InputTypeError(
                f"must be a datetime.date, got {type(value).__name__}",
                field="DayOverride.on",
                rule=_RULE,
            )


NATIONAL_DAY_OF_MOURNING_2025 = DayOverride(
    on=dt.date(2025, 1, 9),
    name="National Day of Mourning for President Jimmy Carter",
    citation=Citation(
        url="https://federalnewsnetwork.com/management/2024/12/"
        "biden-to-close-federal-agencies-on-jan-9-to-honor-carters-legacy/",
        quote="All executive departments and agencies of the federal government shall be "
        "closed on January 9, 2025",
        title="Executive order closing federal agencies on January 9, 2025 (Federal News Network)",
    ),
)
"""The federal closure of 2025-01-09 (not in the holidays package's public category).

It is not part of :meth:`BusinessCalendar.us_federal`, whose definition is the holidays
package's public US calendar; add it with ``closures=(NATIONAL_DAY_OF_MOURNING_2025,)``.

:meta hide-value:
"""


def _check_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not 1 <= value <= 9998:
        raise InvalidRecordError(
            f"must be a year as an int between 1 and 9998, got {shown(value)}",
            field=f"CalendarSpec.{attribute.name}",
            rule=_RULE,
        )


def _items(value: object, field: str, what: str) -> tuple[object, ...]:
    """``value``'s items, if it is a collection of them (not a string or a mapping)."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InputTypeError(
            f"must be a collection of {what}, got {type(value).__name__} {shown(value)}",
            field=f"CalendarSpec.{field}",
            rule=_RULE,
        )
    return tuple(value)


def _overrides(value: object, field: str) -> tuple[DayOverride, ...]:
    """``closures`` or ``working_days`` as DayOverrides, in date order."""
    overrides: list[DayOverride] = []
    for item in _items(value, field, "DayOverride values"):
        if not isinstance(item, DayOverride):
            raise InvalidRecordError(
                f"expected DayOverride values, got {type(item).__name__}",
                field=f"CalendarSpec.{field}",
                rule=_RULE,
            )
        overrides.append(item)
    return tuple(sorted(overrides, key=lambda o: o.on))


def _closures(value: Iterable[DayOverride]) -> tuple[DayOverride, ...]:
    return _overrides(value, "closures")


def _working_days(value: Iterable[DayOverride]) -> tuple[DayOverride, ...]:
    return _overrides(value, "working_days")


def _weekend(value: Iterable[int]) -> frozenset[int]:
    days: set[int] = set()
    for day in _items(value, "weekend", "weekday numbers"):
        if type(day) is not int or not 0 <= day <= 6:
            raise InvalidRecordError(
                "weekend days are ints 0 (Monday) to 6 (Sunday)",
                field="CalendarSpec.weekend",
                rule=_RULE,
            )
        days.add(day)
    return frozenset(days)


def _categories(value: Iterable[str]) -> tuple[str, ...]:
    names = (value,) if isinstance(value, str) else _items(value, "categories", "category names")
    for name in names:
        if not isinstance(name, str):
            raise InputTypeError(
                f"category names are str, got {type(name).__name__} {shown(name)}",
                field="CalendarSpec.categories",
                rule=_RULE,
            )
    if not names:
        raise InvalidRecordError(
            "needs at least one holidays category (such as 'public')",
            field="CalendarSpec.categories",
            rule=_RULE,
        )
    return tuple(sorted({str(name) for name in names}))


def _optional_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A validator: ``None`` or a non-empty ``str`` (a country or subdivision code)."""
    if value is None:
        return
    if not isinstance(value, str):
        raise InputTypeError(
            f"must be a str code or None, got {type(value).__name__} {shown(value)}",
            field=f"CalendarSpec.{attribute.name}",
            rule=_RULE,
        )
    if not value.strip():
        raise InvalidRecordError(
            "must not be empty (None: no holiday source)",
            field=f"CalendarSpec.{attribute.name}",
            rule=_RULE,
        )


# cache_hash: every business-day step of a program looks its calendar up by spec, and
# hashing the closures and their citations each time cost more than the step itself.
@attrs.frozen(slots=True, cache_hash=True)
class CalendarSpec:
    """Everything that defines a business calendar; hashable, so built calendars are cached.

    Args:
        country: ISO code for the holidays package (``"US"``), or ``None`` for a calendar of
            weekends and ``closures`` only.
        subdiv: A subdivision code of that country (``"NY"``), or ``None``.
        categories: holidays categories to close on (``("public",)``).
        first_year: First calendar year covered.
        last_year: Last calendar year covered; never past the holidays package's data.
        closures: Extra cited closures.
        working_days: Cited days that are business days whatever the holiday source says.
        weekend: Weekday numbers (Monday is 0) that are never business days.
    """

    country: str | None = attrs.field(default="US", validator=_optional_name)
    subdiv: str | None = attrs.field(default=None, validator=_optional_name)
    categories: tuple[str, ...] = attrs.field(default=("public",), converter=_categories)
    first_year: int = attrs.field(default=_DEFAULT_FIRST_YEAR, validator=_check_year)
    last_year: int = attrs.field(default=_DEFAULT_LAST_YEAR, validator=_check_year)
    closures: tuple[DayOverride, ...] = attrs.field(default=(), converter=_closures)
    working_days: tuple[DayOverride, ...] = attrs.field(default=(), converter=_working_days)
    weekend: frozenset[int] = attrs.field(default=frozenset({5, 6}), converter=_weekend)

    def __attrs_post_init__(self) -> None:
        if self.country is None and self.subdiv is not None:
            raise InvalidRecordError(
                "a subdivision needs a country",
                field="CalendarSpec.subdiv",
                rule=_RULE,
            )
        if self.last_year < self.first_year:
            raise InvalidRecordError(
                f"last_year {self.last_year} is before first_year {self.first_year}",
                field="CalendarSpec.last_year",
                rule=_RULE,
            )


def _holiday_source(spec: CalendarSpec) -> dict[dt.date, str]:
    """Holiday dates and names in the spec's years.

    US public holidays within 1990-2100 come from the table shipped with emrpath
    (generated from the holidays package, see :attr:`BusinessCalendar.holiday_data`), so
    the NREMT programs' first calendar does not import the holidays package; every other
    calendar asks the package.
    """
    if _from_shipped_table(spec):
        from emrpath._us_federal_holidays import HOLIDAYS

        first = dt.date(spec.first_year, 1, 1)
        last = dt.date(spec.last_year, 12, 31)
        return {
            day: name
            for name, isos in HOLIDAYS.items()
            for day in map(dt.date.fromisoformat, isos)
            if first <= day <= last
        }
    if spec.country is None:
        return {}
    import holidays  # deferred: importing emrpath should not pay for it

    # Look the code up in the package's own list: country_holidays() would also take a
    # name of the package's internals ("HolidayBase": no holidays at all; "utils": a
    # TypeError).
    if spec.country not in holidays.list_supported_countries(include_aliases=True):
        raise UnknownNameError(
            f"the holidays package has no calendar for {shown(spec.country)}",
            field="CalendarSpec.country",
            rule=_RULE,
        )
    try:
        entity = holidays.country_holidays(spec.country, subdiv=spec.subdiv)
    except NotImplementedError as exc:  # the country is known: its subdivision is not
        raise UnknownNameError(
            f"the holidays package has no subdivision {shown(spec.subdiv)} of "
            f"{shown(spec.country)}",
            field="CalendarSpec.subdiv",
            rule=_RULE,
        ) from exc
    supported = tuple(getattr(entity, "supported_categories", ()))
    unknown = [name for name in spec.categories if name not in supported]
    if unknown:
        raise UnknownNameError(
            f"the holidays package has no category {shown(unknown[0])} for "
            f"{shown(spec.country)}; it has {', '.join(supported)}",
            field="CalendarSpec.categories",
            rule=_RULE,
        )
    end_year = getattr(entity, "end_year", None)
    if end_year is not None and spec.last_year > end_year:
        raise CalendarRangeError(
            f"the holidays package has {spec.country} data only through {end_year}; "
            f"a calendar to {spec.last_year} would answer wrongly for the missing years",
            field="CalendarSpec.last_year",
            rule=_RULE,
        )
    start_year = getattr(entity, "start_year", None)
    if start_year is not None and spec.first_year < start_year:
        raise CalendarRangeError(
            f"the holidays package has {spec.country} data only from {start_year}",
            field="CalendarSpec.first_year",
            rule=_RULE,
        )
    # Ask for a year on each side: an observed holiday can fall in the neighbouring year
    # (New Year's Day on a Saturday is observed on the Friday, 31 December before).
    years = range(
        max(spec.first_year - 1, start_year or 1), min(spec.last_year + 1, end_year or 9999) + 1
    )
    source = holidays.country_holidays(
        spec.country, subdiv=spec.subdiv, years=years, categories=spec.categories
    )
    first = dt.date(spec.first_year, 1, 1)
    last = dt.date(spec.last_year, 12, 31)
    return {day: str(name) for day, name in source.items() if first <= day <= last}


def _from_shipped_table(spec: CalendarSpec) -> bool:
    """Whether ``spec``'s holidays are the US public ones the shipped table holds."""
    return (
        spec.country == "US"
        and spec.subdiv is None
        and spec.categories == ("public",)
        and spec.first_year >= _TABLE_FIRST_YEAR
        and spec.last_year <= _TABLE_LAST_YEAR
    )


def holiday_data_of(spec: CalendarSpec) -> str:
    """Where a calendar of ``spec`` takes its holidays from, and the data's version.

    Example:
        >>> holiday_data_of(CalendarSpec(subdiv="NY")).startswith("holidays ")
        True
    """
    if spec.country is None:
        return "none (weekends and closures only)"
    if _from_shipped_table(spec):
        from emrpath._us_federal_holidays import HOLIDAYS_VERSION

        return f"holidays {HOLIDAYS_VERSION} (US public holidays, table shipped with emrpath)"
    from importlib.metadata import version  # the package's own __version__ is untyped

    return f"holidays {version('holidays')} (installed package)"


@attrs.frozen(slots=True, eq=False, repr=False)
class BusinessCalendar:
    """Business days of one :class:`CalendarSpec`, answered in O(1) from prebuilt tables.

    Build one with :meth:`us_federal`, :meth:`from_holidays` or :meth:`from_spec`; each
    returns a shared, cached instance, so building is paid once per spec and process.
    Every method takes plain ``datetime.date`` values (a ``datetime``, string or number is
    refused, as is a date outside the covered years).
    """

    spec: CalendarSpec
    _base: int  # ordinal of the first covered day
    _size: int  # number of covered days
    _flags: bytes  # _flags[i] == 1 when day _base + i is a business day
    _prefix: tuple[int, ...]  # _prefix[i]: business days among the first i covered days
    _days: tuple[dt.date, ...]  # every business day in the range, ascending
    _names: dict[dt.date, str]  # why each closed weekday is closed

    # -- construction -------------------------------------------------------------------

    @classmethod
    def from_spec(cls, spec: CalendarSpec) -> BusinessCalendar:
        """The calendar for ``spec``, built on first use and then shared.

        Example:
            >>> import datetime as dt
            >>> cal = BusinessCalendar.from_spec(CalendarSpec(country=None, first_year=2025,
            ...                                               last_year=2025))
            >>> cal.is_business_day(dt.date(2025, 7, 4))
            True
        """
        if not isinstance(spec, CalendarSpec):
            raise InputTypeError(
                f"expected a CalendarSpec, got {type(spec).__name__}", field="spec", rule=_RULE
            )
        cached = _CACHE.get(spec)
        if cached is not None:
            return cached
        with _BUILD_LOCK:
            cached = _CACHE.get(spec)
            if cached is None:
                cached = cls._build(spec)
                _CACHE[spec] = cached
        return cached

    @classmethod
    def us_federal(cls) -> BusinessCalendar:
        """Monday–Friday less US federal public holidays as observed, 1990 through 2100.

        Example:
            >>> import datetime as dt
            >>> BusinessCalendar.us_federal().is_business_day(dt.date(2021, 12, 31))
            False
        """
        return cls.from_spec(_US_FEDERAL)

    @classmethod
    def from_holidays(
        cls,
        country: str | None,
        *,
        subdiv: str | None = None,
        categories: Iterable[str] = ("public",),
        first_year: int = _DEFAULT_FIRST_YEAR,
        last_year: int = _DEFAULT_LAST_YEAR,
        closures: Iterable[DayOverride] = (),
        working_days: Iterable[DayOverride] = (),
        weekend: Iterable[int] = (5, 6),
    ) -> BusinessCalendar:
        """A calendar from a holidays country/subdivision plus cited closures.

        Example:
            >>> import datetime as dt
            >>> cal = BusinessCalendar.from_holidays(
            ...     "US", first_year=2024, last_year=2026,
            ...     closures=[NATIONAL_DAY_OF_MOURNING_2025])
            >>> cal.add_business_days(dt.date(2025, 1, 8), 1)
            datetime.date(2025, 1, 10)
            >>> cal.closure_reason(dt.date(2025, 1, 9))
            'National Day of Mourning for President Jimmy Carter'
        """
        return cls.from_spec(
            CalendarSpec(
                country=country,
                subdiv=subdiv,
                categories=categories,
                first_year=first_year,
                last_year=last_year,
                closures=closures,
                working_days=working_days,
                weekend=weekend,
            )
        )

    @classmethod
    def _build(cls, spec: CalendarSpec) -> BusinessCalendar:
        names = _holiday_source(spec)
        first = dt.date(spec.first_year, 1, 1)
        last = dt.date(spec.last_year, 12, 31)
        for closure in spec.closures:
            if first <= closure.on <= last:
                names[closure.on] = closure.name
        base = first.toordinal()
        size = last.toordinal() - base + 1
        weekend = spec.weekend
        # A week of flags from the first day's weekday, repeated over the range, then
        # the holidays and closures shut and the cited working days opened: whole-table
        # operations, not a Python step per day (the table spans 40,000 days).
        week = bytes(0 if (first.weekday() + k) % 7 in weekend else 1 for k in range(7))
        flags = bytearray((week * (size // 7 + 1))[:size])
        for day in names:
            flags[day.toordinal() - base] = 0
        for override in spec.working_days:
            if first <= override.on <= last:
                flags[override.on.toordinal() - base] = 1
        prefix = tuple(itertools.accumulate(flags, initial=0))
        ordinals = itertools.compress(range(base, base + size), flags)
        days = tuple(map(dt.date.fromordinal, ordinals))
        # A reason only for days that end up closed: a cited working day overrides it.
        weekday_names = {
            d: n
            for d, n in names.items()
            if d.weekday() not in weekend and not flags[d.toordinal() - base]
        }
        return cls(spec, base, size, bytes(flags), prefix, days, weekday_names)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle by spec: a worker process rebuilds (or reuses) its own tables instead of
        # receiving ~40,000 dates per calendar.
        return (BusinessCalendar.from_spec, (self.spec,))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BusinessCalendar):
            return NotImplemented
        return self.spec == other.spec

    def __hash__(self) -> int:
        return hash(self.spec)

    def __repr__(self) -> str:
        where = self.spec.country or "no holiday source"
        if self.spec.subdiv:
            where += f"-{self.spec.subdiv}"
        return (
            f"<BusinessCalendar {where} {'/'.join(self.spec.categories)} "
            f"{self.spec.first_year}-{self.spec.last_year}, "
            f"{len(self.spec.closures)} extra closure(s)>"
        )

    # -- range --------------------------------------------------------------------------

    @property
    def first_day(self) -> dt.date:
        """The first date the calendar answers for.

        Example:
            >>> import emrpath as ep
            >>> cal = ep.NREMT_EMR.calendar
            >>> cal.first_day
            datetime.date(1990, 1, 1)
            >>> cal.is_business_day(dt.date(1989, 12, 29))
            Traceback (most recent call last):
            ...
            emrpath.errors.CalendarRangeError: day: 1989-12-29 is outside this calendar's years \
            (1990-2100); it will not guess (rule: business day)
        """
        return dt.date.fromordinal(self._base)

    @property
    def last_day(self) -> dt.date:
        """The last date the calendar answers for.

        Example:
            >>> import emrpath as ep
            >>> cal = ep.ASCP_MLS.calendar
            >>> cal.last_day, cal.is_business_day(cal.last_day)  # New Year's Day 2101, observed
            (datetime.date(2100, 12, 31), False)
        """
        return dt.date.fromordinal(self._base + self._size - 1)

    @property
    def holiday_data(self) -> str:
        """Where the calendar's holidays came from, with the data's version.

        The US public calendar within 1990-2100 reads the table shipped with emrpath,
        generated from a named release of the holidays package; any other calendar asks
        the installed holidays package. A program's edition includes it.

        Example:
            >>> BusinessCalendar.us_federal().holiday_data
            'holidays 0.109 (US public holidays, table shipped with emrpath)'
            >>> BusinessCalendar.from_spec(CalendarSpec(country=None)).holiday_data
            'none (weekends and closures only)'
        """
        return holiday_data_of(self.spec)

    @property
    def business_day_flags(self) -> bytes:
        """One byte per covered day from :attr:`first_day`: 1 for a business day, else 0.

        The calendar's own table, for whole-array arithmetic (``numpy.frombuffer`` and a
        cumulative sum give every business-day step at once); immutable, like the calendar.

        Example:
            >>> import datetime as dt, emrpath as ep
            >>> cal = ep.NREMT_EMR.calendar
            >>> flags = cal.business_day_flags
            >>> len(flags) == (cal.last_day - cal.first_day).days + 1
            True
            >>> i = (dt.date(2026, 7, 3) - cal.first_day).days  # Independence Day, observed
            >>> list(flags[i - 1 : i + 4])  # Thursday to Monday
            [1, 0, 0, 0, 1]
        """
        return self._flags

    def _index(self, day: object, field: str) -> int:
        if type(day) is not dt.date:
            day = as_date(day, field=field, rule=_RULE)
        index = day.toordinal() - self._base
        if 0 <= index < self._size:
            return index
        raise self._out_of_range(day, field)

    def _out_of_range(self, day: object, field: str) -> CalendarRangeError:
        return CalendarRangeError(
            f"{day} is outside this calendar's years "
            f"({self.spec.first_year}-{self.spec.last_year}); it will not guess",
            field=field,
            rule=_RULE,
        )

    # -- queries ------------------------------------------------------------------------

    def is_business_day(self, day: dt.date) -> bool:
        """Whether ``day`` is a business day.

        Raises:
            InputTypeError: ``day`` is not a ``datetime.date`` (a datetime too: a calendar has
                no timezone to read it in).
            CalendarRangeError: ``day`` is outside the years the calendar covers.

        Example:
            >>> import datetime as dt
            >>> BusinessCalendar.us_federal().is_business_day(dt.date(2026, 4, 3))  # Good Friday
            True
        """
        return self._flags[self._index(day, "day")] == 1

    def closure_reason(self, day: dt.date) -> str | None:
        """The holiday or closure that makes a weekday ``day`` no business day, if any.

        Raises:
            InputTypeError: ``day`` is not a ``datetime.date`` (a datetime too: a calendar has
                no timezone to read it in).
            CalendarRangeError: ``day`` is outside the years the calendar covers.

        Example:
            >>> import datetime as dt
            >>> BusinessCalendar.us_federal().closure_reason(dt.date(2026, 7, 3))
            'Independence Day (observed)'
        """
        index = self._index(day, "day")
        return self._names.get(dt.date.fromordinal(self._base + index))

    def add_business_days(self, day: dt.date, n: int) -> dt.date:
        """Step ``n`` business days from ``day``.

        The result is the ``n``-th business day strictly after ``day`` for ``n >= 1``, the
        ``n``-th strictly before it for ``n <= -1``, and ``day`` itself for ``n == 0``.

        Args:
            day: The starting date; it need not be a business day.
            n: How many business days to step.

        Raises:
            CalendarRangeError: ``day`` or the answer is outside the covered years.
            InputTypeError: ``day`` is not a date or ``n`` is not an int.

        Example:
            >>> import datetime as dt
            >>> cal = BusinessCalendar.us_federal()
            >>> cal.add_business_days(dt.date(2025, 12, 5), 2)  # Friday -> Tuesday
            datetime.date(2025, 12, 9)
            >>> cal.add_business_days(dt.date(2025, 12, 6), -1)  # Saturday -> Friday
            datetime.date(2025, 12, 5)
        """
        if type(n) is not int:
            raise InputTypeError(
                f"expected an int number of business days, got {type(n).__name__} {shown(n)}",
                field="n",
                rule=_RULE,
            )
        index = self._index(day, "day")
        if n > 0:
            k = self._prefix[index + 1] + n - 1
            if k < len(self._days):
                return self._days[k]
        elif n < 0:
            k = self._prefix[index] + n
            if k >= 0:
                return self._days[k]
        else:
            return dt.date.fromordinal(self._base + index)
        raise CalendarRangeError(
            f"{shown(n)} business days from {day} falls outside this calendar's years "
            f"({self.spec.first_year}-{self.spec.last_year})",
            field="n",
            rule=_RULE,
        )

    def add_business_days_many(self, days: Iterable[dt.date], n: int) -> list[dt.date]:
        """:meth:`add_business_days` over many dates, for a registry-sized batch.

        Example:
            >>> import datetime as dt
            >>> cal = BusinessCalendar.us_federal()
            >>> cal.add_business_days_many([dt.date(2026, 7, 2), dt.date(2026, 7, 3)], 2)
            [datetime.date(2026, 7, 7), datetime.date(2026, 7, 7)]
        """
        if type(n) is not int:
            raise InputTypeError(
                f"expected an int number of business days, got {type(n).__name__} {shown(n)}",
                field="n",
                rule=_RULE,
            )
        days = iterable(days, field="days", rule=_RULE, of=dt.date)
        if n == 0:
            return [
                dt.date.fromordinal(self._base + self._index(d, f"days[{i}]"))
                for i, d in enumerate(days)
            ]
        prefix = self._prefix
        found = self._days
        base = self._base
        size = self._size
        limit = len(found)
        # Forward: the k-th business day after d sits at prefix[i + 1] + n - 1;
        # backward: at prefix[i] + n (n negative). Fold the constant into one offset.
        shift, offset = (1, n - 1) if n > 0 else (0, n)
        out: list[dt.date] = []
        append = out.append
        date_type = dt.date
        for position, day in enumerate(days):
            if type(day) is date_type:
                index = day.toordinal() - base
                if not 0 <= index < size:
                    raise self._out_of_range(day, f"days[{position}]")
            else:
                index = self._index(day, f"days[{position}]")
            k = prefix[index + shift] + offset
            if not 0 <= k < limit:
                raise CalendarRangeError(
                    f"{shown(n)} business days from {day} falls outside this calendar's years",
                    field=f"days[{position}]",
                    rule=_RULE,
                )
            append(found[k])
        return out

    def business_days_between(self, a: dt.date, b: dt.date) -> int:
        """Business days in ``(a, b]``; for ``b < a``, minus those in ``[b, a)``.

        The two half-open choices make this the exact inverse of
        :meth:`add_business_days` in both directions:
        ``business_days_between(d, add_business_days(d, n)) == n`` for every ``n``.

        Raises:
            InputTypeError: ``a`` or ``b`` is not a ``datetime.date`` (a datetime too: a
                calendar has no timezone to read it in).
            CalendarRangeError: ``a`` or ``b`` is outside the years the calendar covers.

        Example:
            >>> import datetime as dt
            >>> cal = BusinessCalendar.us_federal()
            >>> cal.business_days_between(dt.date(2025, 12, 5), dt.date(2025, 12, 9))
            2
            >>> cal.business_days_between(dt.date(2025, 12, 6), dt.date(2025, 12, 5))
            -1
        """
        ia = self._index(a, "a")
        ib = self._index(b, "b")
        if ib >= ia:
            return self._prefix[ib + 1] - self._prefix[ia + 1]
        return self._prefix[ib] - self._prefix[ia]

    def business_days_in(self, start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
        """Every business day from ``start`` to ``end``, both included.

        Raises:
            InputTypeError: ``start`` or ``end`` is not a ``datetime.date`` (a datetime too: a
                calendar has no timezone to read it in).
            CalendarRangeError: ``start`` or ``end`` is outside the years the calendar covers.

        Example:
            >>> import datetime as dt
            >>> cal = BusinessCalendar.us_federal()
            >>> len(cal.business_days_in(dt.date(2026, 6, 29), dt.date(2026, 7, 5)))
            4
        """
        i = self._index(start, "start")
        j = self._index(end, "end")
        if j < i:
            return ()
        return self._days[self._prefix[i] : self._prefix[j + 1]]


_US_FEDERAL = CalendarSpec()
# The one piece of module state: a memo from an immutable spec to its immutable calendar.
# The lock makes the first build happen once even when many threads ask at the same time.
_CACHE: dict[CalendarSpec, BusinessCalendar] = {}
_BUILD_LOCK = threading.Lock()
