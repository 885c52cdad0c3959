"""Strict conversion of caller input to ``datetime.date``, and month arithmetic.

Every public function funnels its date arguments through :func:`as_date`, so the rules
about what counts as a date live in one place: a ``date`` is taken as it is; a
timezone-aware ``datetime`` is converted to the program's timezone before its date is
taken; a pandas ``Timestamp`` or numpy ``datetime64`` that names a calendar day (midnight,
no timezone: what ``pd.date_range`` gives) is that day; anything else (strings, numbers,
naive datetimes, timestamps with a time of day) is refused. pandas and numpy are never
imported here: a value is recognised by the module its type comes from, and numpy is
imported only to read a ``datetime64`` the caller already holds.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import lru_cache
from typing import Any
from zoneinfo import TZPATH, ZoneInfo, ZoneInfoNotFoundError, available_timezones

from emrpath._validators import shown, shown_json
from emrpath.errors import (
    CalendarRangeError,
    EmrpathError,
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
    "calendar_day",
    "days_in_month",
    "end_of_month",
    "end_of_month_after",
    "is_zone_name",
    "iso_date",
    "make_date",
    "notebook_day",
    "optional_notebook_day",
    "out_of_range_for",
    "timezone",
]


# Files a tz database directory may hold that are not IANA zone names: the host's own zone
# (a link to /etc/localtime on Debian) and zic's default rules. "posix/" and "right/" are
# whole copies of the database under other roots (the second counts leap seconds).
_NOT_ZONE_NAMES = frozenset({"localtime", "posixrules"})
_NOT_ZONE_ROOTS = ("posix/", "right/")


@lru_cache(maxsize=1)
def _system_zone_index() -> str | None:
    """The text of this machine's tz database index, or ``None`` where it has none.

    The index (``tzdata.zi``) is the input zic compiled the zone files from: a line
    ``Z <zone> ...`` per zone and ``L <target> <link>`` per link. Read once per process
    (cached: the file is the system's, not the caller's), and searched for one name at a
    time, which is much cheaper on a program's first use than splitting its 4,600 lines.
    Returned with a newline before its first line and after its last, so that every line
    of it stands between two newlines (tabs read as spaces).
    """
    for root in TZPATH:
        try:
            with open(os.path.join(root, "tzdata.zi"), encoding="utf-8") as index:
                return "\n" + index.read().replace("\t", " ") + "\n"
        except OSError:
            continue
    return None


@lru_cache(maxsize=1)
def _listed_zone_names() -> frozenset[str]:
    """What ``zoneinfo`` lists (the ``tzdata`` package, or the zone files found)."""
    return frozenset(available_timezones()) - _NOT_ZONE_NAMES


def _in_system_database(name: str) -> bool:
    """Whether ``name`` is a zone or link of this machine's tz database.

    Looked up in the database's own index where the system has one, else in what
    ``zoneinfo`` lists. ``name`` has no whitespace (the caller checks): a line's fields
    are separated by it.
    """
    index = _system_zone_index()
    if index is None:
        return name in _listed_zone_names()
    if f"\nZ {name} " in index:  # a zone: "Z <name> <offset> ..."
        return True
    link = f" {name}\n"  # a link: "L <target> <name>", the name last on its line
    end = index.find(link)
    while end >= 0:
        start = index.rfind("\n", 0, end) + 1
        if index[start:end].split()[:1] == ["L"] and len(index[start:end].split()) == 2:
            return True
        end = index.find(link, end + 1)
    return False


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
    if name in _NOT_ZONE_NAMES or name.startswith(_NOT_ZONE_ROOTS) or name.split() != [name]:
        return False
    return _in_system_database(name) or name in _bundled_zone_names()


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

    A pandas ``Timestamp`` or numpy ``datetime64`` that names a calendar day (midnight,
    no timezone) is that day, with or without ``tz`` (see :func:`calendar_day`); one with
    a time of day or a timezone is a datetime and follows the rules above.

    Raises:
        NaiveDatetimeError: ``value`` is a datetime (or timestamp) without a timezone and
            with a time of day.
        InputTypeError: ``value`` is neither a date nor an aware datetime.
        InvalidRecordError: ``value`` is pandas' ``NaT`` or numpy's ``NaT`` (no date).
        CalendarRangeError: ``value`` falls outside 0001-01-01 to 9999-12-31 once read in
            ``tz``, or is a ``datetime64`` past those years.

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
    if kind.__module__ != "datetime":  # pandas and numpy values; nothing else is read here
        day = calendar_day(value, field=field, rule=rule)
        if day is not None:
            return day
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
    if kind.__name__ == "datetime64" and kind.__module__ == "numpy":  # with a time of day
        if tz is None:
            raise InputTypeError(
                f"expected a datetime.date, got a datetime64 with a time of day "
                f"({shown(value)}); pass the day it falls on",
                field=field,
                rule=rule,
            )
        raise NaiveDatetimeError(
            f"datetime64 {shown(value)} has a time of day and no timezone; emrpath will not "
            f"guess one (pass the day it falls on in {tz}, or an aware datetime)",
            field=field,
            rule=rule,
        )
    raise InputTypeError(
        f"expected a datetime.date, got {kind.__name__} {shown(value)}",
        field=field,
        rule=rule,
    )


# Ticks of each numpy datetime64 unit in one day (a week is 7 days: ``per_day`` below).
_TICKS_PER_DAY = {
    "D": 1,
    "h": 24,
    "m": 24 * 60,
    "s": 86_400,
    "ms": 86_400 * 10**3,
    "us": 86_400 * 10**6,
    "ns": 86_400 * 10**9,
    "ps": 86_400 * 10**12,
    "fs": 86_400 * 10**15,
    "as": 86_400 * 10**18,
}
# 1970-01-01, numpy's epoch, as a proleptic Gregorian ordinal.
_EPOCH_ORDINAL = 719_163


def calendar_day(value: object, *, field: str, rule: str) -> dt.date | None:
    """The calendar day a pandas ``Timestamp`` or numpy ``datetime64`` names, if it names one.

    A timestamp names a calendar day when it is midnight and has no timezone, which is
    what ``pd.date_range("2025-07-01", periods=3)``, ``pd.Timestamp("2025-07-01")`` and
    ``np.datetime64("2025-07-01")`` give. Anything else returns ``None``, for the caller's
    own rules (a time of day or a timezone makes it a datetime); so does every value that
    is not from pandas or numpy. Neither package is imported unless the value's type
    comes from it.

    Args:
        value: Any value.
        field: The caller-facing name of the argument, for the error message.
        rule: The rule that reads the value, for the error message.

    Raises:
        InvalidRecordError: ``value`` is ``NaT`` (pandas' or numpy's "no date").
        CalendarRangeError: A ``datetime64`` outside 0001-01-01 to 9999-12-31.
        InputTypeError: A ``datetime64`` in years or months, which names no day.

    Example:
        >>> import numpy as np
        >>> import pandas as pd
        >>> calendar_day(pd.Timestamp("2025-07-01"), field="as_of", rule="pathway status")
        datetime.date(2025, 7, 1)
        >>> calendar_day(np.datetime64("2025-07-01"), field="as_of", rule="pathway status")
        datetime.date(2025, 7, 1)
        >>> print(calendar_day(pd.Timestamp("2025-07-01 09:30"), field="as_of", rule="x"))
        None
        >>> calendar_day(pd.NaT, field="as_of", rule="pathway status")
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: as_of: is NaT (no date); give the day it stands \
for (rule: pathway status)
    """
    kind = type(value)
    root = kind.__module__.partition(".")[0]
    if root == "pandas" and isinstance(value, dt.datetime):
        if value != value:  # NaT, pandas' missing timestamp, is a datetime unequal to itself
            raise _not_a_time(field, rule)
        if value.tzinfo is not None or (
            value.hour,
            value.minute,
            value.second,
            value.microsecond,
            getattr(value, "nanosecond", 0),
        ) != (0, 0, 0, 0, 0):
            return None
        return dt.date(value.year, value.month, value.day)
    if root == "numpy" and kind.__name__ == "datetime64":
        return _datetime64_day(value, field=field, rule=rule)
    return None


def _datetime64_day(value: Any, *, field: str, rule: str) -> dt.date | None:
    """The day a numpy ``datetime64`` scalar names at midnight, else ``None``."""
    import numpy as np  # the caller holds a numpy value: numpy is imported already

    if np.isnat(value):
        raise _not_a_time(field, rule)
    unit, count = np.datetime_data(value.dtype)
    if unit == "W":
        unit, count = "D", count * 7
    per_day = _TICKS_PER_DAY.get(unit)
    if per_day is None:  # "Y" and "M": a year or a month names no day
        raise InputTypeError(
            f"{shown(value)} is a numpy datetime64 in units of {unit!r}, which names no "
            "calendar day; give a date (or a datetime64 in days)",
            field=field,
            rule=rule,
        )
    days, rest = divmod(int(value.astype(np.int64)) * count, per_day)
    if rest:
        return None  # a time of day: a naive datetime, for the caller's datetime rules
    ordinal = _EPOCH_ORDINAL + days
    if not dt.date.min.toordinal() <= ordinal <= dt.date.max.toordinal():
        raise CalendarRangeError(
            f"{shown(value)} is outside the dates that can be represented "
            f"({dt.date.min.isoformat()} to {dt.date.max.isoformat()})",
            field=field,
            rule=rule,
        )
    return dt.date.fromordinal(ordinal)


def _not_a_time(field: str, rule: str) -> InvalidRecordError:
    return InvalidRecordError(
        "is NaT (no date); give the day it stands for", field=field, rule=rule
    )


def notebook_day(value: dt.date) -> dt.date:
    """An attrs converter: a notebook timestamp naming a day becomes that ``datetime.date``.

    Every other value is returned as it is, for the field's validator
    (:func:`emrpath._validators.plain_date`) to accept or refuse with the field's name:
    ``NaT``, a timestamp with a time of day or a timezone, a string. Typed for dates, as
    the records' fields are; it takes any value.

    Example:
        >>> import attrs
        >>> import pandas as pd
        >>> @attrs.frozen
        ... class Exam:
        ...     taken_on: dt.date = attrs.field(converter=notebook_day)
        >>> Exam(pd.Timestamp("2025-03-01"))
        Exam(taken_on=datetime.date(2025, 3, 1))
        >>> Exam("2025-03-01")
        Exam(taken_on='2025-03-01')
    """
    if type(value) is dt.date:
        return value
    try:
        day = calendar_day(value, field="", rule="")
    except EmrpathError:  # the validator says what is wrong, naming the field
        return value
    return value if day is None else day


def optional_notebook_day(value: dt.date | None) -> dt.date | None:
    """:func:`notebook_day` for a field that may be ``None``.

    Example:
        >>> import numpy as np
        >>> optional_notebook_day(np.datetime64("2025-03-01")), optional_notebook_day(None)
        (datetime.date(2025, 3, 1), None)
    """
    return None if value is None else notebook_day(value)


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


def out_of_range_for(
    err: CalendarRangeError, field: str, rule: str | None = None
) -> CalendarRangeError:
    """``err``, re-addressed to ``field``: the caller's argument whose date ran out of range.

    The calendar names its own parameter (``day``) and the date arithmetic names none
    (``date``); a rule function or a policy that steps from a caller's date passes the
    error on as naming that argument, so the caller learns which of its values to look at,
    and a policy names its own rule (``rule``; otherwise the error keeps its own).

    Example:
        >>> err = CalendarRangeError("2200-01-01 is outside", field="day", rule="business day")
        >>> print(out_of_range_for(err, "exam_on"))
        exam_on: 2200-01-01 is outside (rule: business day)
        >>> print(out_of_range_for(err, "last_attempt_on", "retest wait"))
        last_attempt_on: 2200-01-01 is outside (rule: retest wait)
    """
    return CalendarRangeError(err.message, field=field, rule=err.rule if rule is None else rule)


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
