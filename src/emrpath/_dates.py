"""Strict conversion of caller input to ``datetime.date``, and month arithmetic.

Every public function funnels its date arguments through :func:`as_date`, so the rules
about what counts as a date live in one place: a ``date`` is taken as it is; a
timezone-aware ``datetime`` is converted to the program's timezone before its date is
taken; anything else (strings, numbers, naive datetimes, numpy or pandas scalars that are
not ``datetime`` subclasses) is refused.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import lru_cache
from zoneinfo import TZPATH, ZoneInfo, ZoneInfoNotFoundError, available_timezones

from emrpath._validators import shown, shown_json
from emrpath.errors import (
    CalendarRangeError,
    InputTypeError,
    InvalidRecordError,
    NaiveDatetimeError,
    UnknownNameError,
)

__all__ = [
    "ISO_DATE_PATTERN",
    "add_days",
    "add_months",
    "as_date",
    "days_in_month",
    "end_of_month",
    "end_of_month_after",
    "is_zone_name",
    "iso_date",
    "make_date",
    "out_of_range_for",
    "timezone",
]


# Files a tz database directory may hold that are not IANA zone names: the host's own zone
# (a link to /etc/localtime on Debian) and zic's default rules. "posix/" and "right/" are
# whole copies of the database under other roots (the second counts leap seconds).
_NOT_ZONE_NAMES = frozenset({"localtime", "posixrules"})
_NOT_ZONE_ROOTS = ("posix/", "right/")


@lru_cache(maxsize=1)
def _system_zone_names() -> frozenset[str]:
    """Every zone and link name of this machine's tz database.

    Read from the database's own index where the system has one (``tzdata.zi``, the input
    zic compiled the zone files from), else from what ``zoneinfo`` lists (the ``tzdata``
    package, or the zone files found), less the names that are not zones.
    """
    for root in TZPATH:
        try:
            with open(os.path.join(root, "tzdata.zi"), encoding="utf-8") as index:
                names = {
                    parts[1] if parts[0] == "Z" else parts[2]
                    for parts in (line.split() for line in index)
                    if len(parts) > 2 and parts[0] in ("Z", "L")  # a zone or a link
                }
        except OSError:
            continue
        return frozenset(names) - _NOT_ZONE_NAMES
    return frozenset(available_timezones()) - _NOT_ZONE_NAMES


@lru_cache(maxsize=1)
def _bundled_zone_names() -> frozenset[str]:
    """Every zone name in python-dateutil's bundled copy of the tz database."""
    from dateutil.zoneinfo import get_zonefile_instance

    return frozenset(get_zonefile_instance().zones) - _NOT_ZONE_NAMES


def is_zone_name(name: str) -> bool:
    """Whether ``name`` is a zone or link name of the IANA tz database.

    Not the host's own zone (``"localtime"``), zic's ``"posixrules"``, a copy of the
    database under another root (``"right/UTC"``, ``"posix/..."``), a path, a POSIX rule
    string or a name in another case: those give dates that depend on the machine.

    Example:
        >>> is_zone_name("America/New_York"), is_zone_name("US/Eastern")
        (True, True)
        >>> is_zone_name("localtime"), is_zone_name("right/UTC"), is_zone_name("EST+5")
        (False, False, False)
    """
    if name in _NOT_ZONE_NAMES or name.startswith(_NOT_ZONE_ROOTS):
        return False
    return name in _system_zone_names() or name in _bundled_zone_names()


@lru_cache(maxsize=32)
def timezone(name: str) -> dt.tzinfo:
    """The tzinfo for an IANA name, from the system database or dateutil's bundled copy.

    Only names of the tz database are accepted (see :func:`is_zone_name`): not ``""`` or
    a file path (which ``dateutil.tz.gettz`` would turn into the machine's local zone),
    ``"localtime"``, ``"posixrules"``, ``"right/..."`` or ``"posix/..."``, nor a POSIX
    rule string such as ``"EST+5"``. Cached because tzinfo objects are immutable and
    lookups read files.
    """
    found: dt.tzinfo | None = None
    if not is_zone_name(name):
        raise UnknownNameError(
            f"{shown(name)} is not a zone of the IANA tz database",
            field="timezone",
            rule="program timezone",
        )
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:
        # A machine without a system tz database (slim containers, Windows) still has
        # the copy python-dateutil ships; look the key up in that copy only.
        from dateutil.zoneinfo import get_zonefile_instance

        found = get_zonefile_instance().get(name)
    except ValueError:  # not a relative key at all: "", "/etc/localtime", "../x"
        found = None
    if found is None:
        raise UnknownNameError(
            f"unknown IANA timezone {shown(name)}", field="timezone", rule="program timezone"
        )
    return found


def as_date(value: object, *, field: str, rule: str, tz: str | None = None) -> dt.date:
    """Return ``value`` as a ``date``, or raise a clear emrpath error.

    Args:
        value: A ``datetime.date``, or (when ``tz`` is given) a timezone-aware ``datetime``.
        field: The caller-facing name of the argument, for the error message.
        rule: The rule that reads the value, for the error message.
        tz: The program's IANA timezone. ``None`` means datetimes are refused outright
            (a business calendar has no timezone of its own).

    Raises:
        NaiveDatetimeError: ``value`` is a datetime without a timezone.
        InputTypeError: ``value`` is neither a date nor an aware datetime.

    Example:
        >>> import datetime as dt
        >>> as_date(dt.date(2025, 3, 1), field="exam_on", rule="result posting")
        datetime.date(2025, 3, 1)
        >>> late = dt.datetime(2025, 3, 2, 3, 30, tzinfo=dt.timezone.utc)
        >>> as_date(late, field="exam_on", rule="result posting", tz="America/New_York")
        datetime.date(2025, 3, 1)
    """
    kind = type(value)
    if kind is dt.date:
        return value  # type: ignore[return-value]  # the fast path; type() checked it
    if isinstance(value, dt.datetime):
        if tz is None:
            raise InputTypeError(
                f"expected a datetime.date, got a datetime ({shown(value)}); "
                "pass value.date() in the timezone you mean",
                field=field,
                rule=rule,
            )
        if _utc_offset(value, field=field, rule=rule) is None:
            raise NaiveDatetimeError(
                f"naive datetime {shown(value)} has no timezone; emrpath will not guess one "
                f"(pass an aware datetime, converted to {tz}, or a date)",
                field=field,
                rule=rule,
            )
        zone = timezone(tz)
        try:
            local = value.astimezone(zone)
        except OverflowError:
            raise CalendarRangeError(
                f"{shown(value)} in {tz} is outside the dates that can be represented "
                f"({dt.date.min.isoformat()} to {dt.date.max.isoformat()})",
                field=field,
                rule=rule,
            ) from None
        except Exception:  # a tzinfo that answers differently the second time it is asked
            raise _bad_offset(value, field, rule) from None
        return dt.date(local.year, local.month, local.day)
    if isinstance(value, dt.date):
        # A subclass of date that is not a datetime: normalise to a plain date so
        # results and equality never depend on the caller's subclass.
        return dt.date(value.year, value.month, value.day)
    raise InputTypeError(
        f"expected a datetime.date, got {kind.__name__} {shown(value)}",
        field=field,
        rule=rule,
    )


ISO_DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""An ISO calendar date as text, ``YYYY-MM-DD``, nothing else (the JSON schema's pattern)."""


def iso_date(value: object, *, field: str | None, rule: str) -> dt.date:
    """``value`` as a date if it is exactly an ISO ``YYYY-MM-DD`` string on the calendar.

    Shared by the JSON loader and the command line, so both refuse the same things:
    numbers, datetimes, week dates, ``"2025-02-30"``.

    Raises:
        InputTypeError: ``value`` is not a string.
        InvalidRecordError: A string that is not ``YYYY-MM-DD``, or no day on the calendar.

    Example:
        >>> iso_date("2025-03-01", field="--as-of", rule="command-line date")
        datetime.date(2025, 3, 1)
        >>> iso_date("2025-02-30", field="--as-of", rule="command-line date")
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: --as-of: '2025-02-30' is not a date on the \
calendar (rule: command-line date)
    """
    if not isinstance(value, str):
        raise InputTypeError(
            f"must be an ISO date string YYYY-MM-DD, got {shown_json(value)}",
            field=field,
            rule=rule,
        )
    if not ISO_DATE_PATTERN.fullmatch(value):
        raise InvalidRecordError(
            f"must be an ISO date YYYY-MM-DD (no time, no timezone), got {shown_json(value)}",
            field=field,
            rule=rule,
        )
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidRecordError(
            f"{shown(value)} is not a date on the calendar", field=field, rule=rule
        ) from None


def _utc_offset(value: dt.datetime, *, field: str, rule: str) -> dt.timedelta | None:
    """``value``'s UTC offset (``None``: naive), or an error naming ``field``.

    The tzinfo is the caller's object: its ``utcoffset`` may raise, return something that
    is not a ``timedelta``, or return a day or more, which ``datetime`` refuses.
    """
    try:
        return value.utcoffset()
    except TypeError:
        raise InputTypeError(
            f"the tzinfo {type(value.tzinfo).__name__} of {shown(value)} gives a UTC offset "
            "that is not a datetime.timedelta",
            field=field,
            rule=rule,
        ) from None
    except Exception:
        raise _bad_offset(value, field, rule) from None


def _bad_offset(value: dt.datetime, field: str, rule: str) -> InvalidRecordError:
    return InvalidRecordError(
        f"the tzinfo {type(value.tzinfo).__name__} of {shown(value)} gives no valid UTC "
        "offset (a timedelta strictly between -24 and 24 hours)",
        field=field,
        rule=rule,
    )


def _out_of_range(what: str) -> CalendarRangeError:
    return CalendarRangeError(
        f"{what} is outside the dates that can be represented "
        f"({dt.date.min.isoformat()} to {dt.date.max.isoformat()})",
        field="date",
        rule="date arithmetic",
    )


def out_of_range_for(err: CalendarRangeError, field: str) -> CalendarRangeError:
    """``err``, re-addressed to ``field``: the caller's argument whose date ran out of range.

    The calendar names its own parameter (``day``) and the date arithmetic names none
    (``date``); a rule function that steps from a caller's date passes the error on as
    naming that argument, so the caller learns which of its values to look at.

    Example:
        >>> err = CalendarRangeError("2200-01-01 is outside", field="day", rule="business day")
        >>> print(out_of_range_for(err, "exam_on"))
        exam_on: 2200-01-01 is outside (rule: business day)
    """
    return CalendarRangeError(err.message, field=field, rule=err.rule)


def make_date(year: int, month: int, day: int) -> dt.date:
    """``dt.date(year, month, day)``, with an emrpath error for a year past 9999 or before 1.

    Example:
        >>> make_date(2027, 9, 30)
        datetime.date(2027, 9, 30)
        >>> make_date(10001, 9, 30)
        Traceback (most recent call last):
        ...
        emrpath.errors.CalendarRangeError: date: year 10001 is outside the dates that can be \
represented (0001-01-01 to 9999-12-31) (rule: date arithmetic)
    """
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise _out_of_range(f"year {year}")
    return dt.date(year, month, day)


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days`` calendar days, with an emrpath error past the representable range.

    Example:
        >>> add_days(dt.date(2024, 2, 20), 15)
        datetime.date(2024, 3, 6)
        >>> add_days(dt.date(9999, 12, 20), 15)
        Traceback (most recent call last):
        ...
        emrpath.errors.CalendarRangeError: date: 9999-12-20 + 15 days is outside the dates \
that can be represented (0001-01-01 to 9999-12-31) (rule: date arithmetic)
    """
    try:
        return day + dt.timedelta(days)  # positional: no keyword parsing per call
    except OverflowError:
        sign = "-" if days < 0 else "+"
        raise _out_of_range(f"{day.isoformat()} {sign} {shown(abs(days))} days") from None


# Days in each month of a common year. ``calendar.monthrange`` would also work out the
# weekday the month starts on, in Python, which made it the costliest step of evaluate().
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """How many days ``month`` (1-12, not checked: callers compute it) of ``year`` has.

    Example:
        >>> days_in_month(2024, 2), days_in_month(2100, 2), days_in_month(2000, 2)
        (29, 28, 29)
    """
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def end_of_month(year: int, month: int) -> dt.date:
    """The last day of a month.

    Example:
        >>> end_of_month(2024, 2)
        datetime.date(2024, 2, 29)
        >>> end_of_month(2024, 13)
        Traceback (most recent call last):
        ...
        ValueError: month must be in 1..12, got 13
    """
    if not 1 <= month <= 12:  # days_in_month trusts its caller; this one takes any int
        raise ValueError(f"month must be in 1..12, got {month}")
    return dt.date(year, month, days_in_month(year, month))


def _shift_month(day: dt.date, months: int) -> tuple[int, int]:
    """The year and month ``months`` after the month of ``day``, or an emrpath error."""
    year, month0 = divmod(day.year * 12 + (day.month - 1) + months, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise _out_of_range(
            f"{day.isoformat()} {'-' if months < 0 else '+'} {shown(abs(months))} months"
        )
    return year, month0 + 1


def end_of_month_after(day: dt.date, months: int) -> dt.date:
    """The last day of the month ``months`` after the month of ``day``.

    Example:
        >>> end_of_month_after(dt.date(2024, 2, 29), 24)
        datetime.date(2026, 2, 28)
        >>> end_of_month_after(dt.date(2024, 1, 5), 1)
        datetime.date(2024, 2, 29)
    """
    year, month = _shift_month(day, months)
    return dt.date(year, month, days_in_month(year, month))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day number ``months`` later, clamped to the end of a shorter month.

    Example:
        >>> add_months(dt.date(2024, 2, 29), 24)
        datetime.date(2026, 2, 28)
        >>> add_months(dt.date(2025, 1, 31), 1)
        datetime.date(2025, 2, 28)
    """
    year, month = _shift_month(day, months)
    if day.day <= 28:  # every month has these days: no clamping to work out
        return dt.date(year, month, day.day)
    return dt.date(year, month, min(day.day, days_in_month(year, month)))
