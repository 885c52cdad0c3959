"""Properties and examples for emrpath._dates: strict date input and month arithmetic."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath import _dates
from emrpath._dates import add_months, as_date, end_of_month, timezone
from strategies import CAL_FIRST, CAL_LAST, dates
from tests.errors import raises_emrpath

UTC = dt.timezone.utc
FIELD = "exam_on"
RULE = "result posting"

# -- an independent oracle for the programs' timezones -----------------------------------


def _nth_sunday(year: int, month: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    first_sunday = first + dt.timedelta(days=(6 - first.weekday()) % 7)
    return first_sunday + dt.timedelta(weeks=nth - 1)


def _last_sunday(year: int, month: int) -> dt.date:
    last = end_of_month(year, month)
    return last - dt.timedelta(days=(last.weekday() + 1) % 7)


def us_local_date(instant: dt.datetime, standard_hours: int) -> dt.date:
    """The local date in a US zone from the DST rules as written in law, 1987 onwards.

    From 2007: second Sunday of March 02:00 standard time to first Sunday of November
    02:00 daylight time; 1987-2006: first Sunday of April to last Sunday of October.
    """
    utc = instant.astimezone(UTC).replace(tzinfo=None)
    year = utc.year
    if year >= 2007:
        start, end = _nth_sunday(year, 3, 2), _nth_sunday(year, 11, 1)
    else:
        start, end = _nth_sunday(year, 4, 1), _last_sunday(year, 10)
    std = dt.timedelta(hours=standard_hours)
    two_am = dt.time(2)
    dst_start_utc = dt.datetime.combine(start, two_am) - std
    dst_end_utc = dt.datetime.combine(end, two_am) - std - dt.timedelta(hours=1)
    offset = std + dt.timedelta(hours=1) if dst_start_utc <= utc < dst_end_utc else std
    return (utc + offset).date()


PROGRAM_ZONES = {"America/New_York": -5, "America/Chicago": -6}

instants = st.datetimes(
    min_value=dt.datetime(1990, 1, 2), max_value=dt.datetime(2100, 12, 30), timezones=st.just(UTC)
)
# Instants near the DST changes and midnights, where a wrong offset changes the date.
near_changes = st.builds(
    lambda day, minutes: (
        dt.datetime.combine(day, dt.time(), tzinfo=UTC) + dt.timedelta(minutes=minutes)
    ),
    dates(dt.date(1990, 1, 2), dt.date(2100, 12, 30)),
    st.integers(0, 24 * 60 - 1),
)
input_zones = st.one_of(
    st.sampled_from(
        [
            UTC,
            ZoneInfo("America/New_York"),
            ZoneInfo("America/Los_Angeles"),
            ZoneInfo("Pacific/Kiritimati"),
            ZoneInfo("Asia/Kolkata"),
            ZoneInfo("Europe/London"),
        ]
    ),
    st.builds(
        lambda minutes: dt.timezone(dt.timedelta(minutes=minutes)),
        st.integers(-(24 * 60 - 1), 24 * 60 - 1),
    ),
)


# -- as_date --------------------------------------------------------------------------------


@given(dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
def test_plain_dates_pass_through(day: dt.date):
    """Design principle 2: "Inputs are datetime.date"."""
    assert as_date(day, field=FIELD, rule=RULE) is day
    assert as_date(day, field=FIELD, rule=RULE, tz="America/New_York") is day


@given(st.one_of(instants, near_changes), input_zones, st.sampled_from(sorted(PROGRAM_ZONES)))
def test_aware_datetimes_take_the_date_in_the_programs_timezone(
    instant: dt.datetime, shown_in: dt.tzinfo, zone: str
):
    """Design principle 2: "a datetime is accepted only if it is timezone-aware and is
    converted to the program's own timezone before its date is taken (NREMT:
    America/New_York; ASCP: America/Chicago)" — whatever zone the caller's datetime is in.
    """
    value = instant.astimezone(shown_in)
    result = as_date(value, field=FIELD, rule=RULE, tz=zone)
    assert type(result) is dt.date
    assert result == us_local_date(instant, PROGRAM_ZONES[zone])


@pytest.mark.parametrize(
    ("instant", "zone", "expected"),
    [
        # the design's example: late evening in New York is already tomorrow in UTC
        (dt.datetime(2025, 3, 2, 3, 30, tzinfo=UTC), "America/New_York", dt.date(2025, 3, 1)),
        (dt.datetime(2025, 3, 2, 5, 30, tzinfo=UTC), "America/New_York", dt.date(2025, 3, 2)),
        (dt.datetime(2025, 3, 2, 5, 30, tzinfo=UTC), "America/Chicago", dt.date(2025, 3, 1)),
        # DST starts 2025-03-09: midnight is still EST (UTC-5)
        (dt.datetime(2025, 3, 9, 4, 59, tzinfo=UTC), "America/New_York", dt.date(2025, 3, 8)),
        (dt.datetime(2025, 3, 9, 5, 0, tzinfo=UTC), "America/New_York", dt.date(2025, 3, 9)),
        # DST ends 2025-11-02: midnight is still EDT (UTC-4)
        (dt.datetime(2025, 11, 2, 3, 59, tzinfo=UTC), "America/New_York", dt.date(2025, 11, 1)),
        (dt.datetime(2025, 11, 2, 4, 0, tzinfo=UTC), "America/New_York", dt.date(2025, 11, 2)),
        # the end of the day after DST ends is UTC-5 again
        (dt.datetime(2025, 11, 3, 4, 30, tzinfo=UTC), "America/New_York", dt.date(2025, 11, 2)),
        (
            dt.datetime(2026, 1, 1, 0, 30, tzinfo=ZoneInfo("Asia/Kolkata")),
            "America/Chicago",
            dt.date(2025, 12, 31),
        ),
    ],
)
def test_aware_datetime_examples(instant: dt.datetime, zone: str, expected: dt.date):
    """Design principle 2, with the example of the task: 2025-03-02 03:30 UTC is
    2025-03-01 in America/New_York."""
    assert as_date(instant, field=FIELD, rule=RULE, tz=zone) == expected


@given(st.datetimes(timezones=st.none()))
def test_naive_datetimes_are_refused(value: dt.datetime):
    """Design principle 2: "Strings, timestamps and naive datetimes are rejected with a
    clear error" — emrpath never guesses a timezone."""
    with pytest.raises(ep.NaiveDatetimeError) as info:
        as_date(value, field=FIELD, rule=RULE, tz="America/New_York")
    err = info.value
    assert isinstance(err, ep.InputTypeError)
    assert isinstance(err, TypeError)
    assert (err.field, err.rule) == (FIELD, RULE)
    assert "America/New_York" in str(err)


class _NoOffset(dt.tzinfo):
    def utcoffset(self, value: dt.datetime | None) -> dt.timedelta | None:
        return None

    def dst(self, value: dt.datetime | None) -> dt.timedelta | None:
        return None

    def tzname(self, value: dt.datetime | None) -> str | None:
        return None


def test_a_tzinfo_without_an_offset_is_naive():
    """Python's rule, followed by emrpath: a datetime whose tzinfo gives no UTC offset is
    naive, and "naive datetimes are rejected"."""
    with raises_emrpath(ep.NaiveDatetimeError, field=FIELD, rule=RULE):
        as_date(
            dt.datetime(2025, 1, 2, tzinfo=_NoOffset()),
            field=FIELD,
            rule=RULE,
            tz="America/New_York",
        )


@given(st.datetimes(timezones=st.one_of(st.none(), st.just(UTC))))
def test_datetimes_are_refused_where_there_is_no_timezone(value: dt.datetime):
    """as_date: "tz: None means datetimes are refused outright (a business calendar has no
    timezone of its own)"."""
    with pytest.raises(ep.InputTypeError) as info:
        as_date(value, field=FIELD, rule=RULE)
    assert info.value.field == FIELD
    assert "date()" in str(info.value)  # it says how to fix the call


class _MyDate(dt.date):
    pass


@given(dates())
def test_date_subclasses_become_plain_dates(day: dt.date):
    """as_date: a subclass of date that is not a datetime is normalised "so results and
    equality never depend on the caller's subclass"."""
    result = as_date(_MyDate(day.year, day.month, day.day), field=FIELD, rule=RULE)
    assert type(result) is dt.date
    assert result == day


@pytest.mark.parametrize(
    "bad",
    ["2025-01-02", 20250102, 1735776000.0, None, True, (2025, 1, 2), dt.time(9), [], b"x"],
    ids=repr,
)
@pytest.mark.parametrize("tz", [None, "America/New_York"])
def test_non_dates_are_refused(bad: object, tz: str | None):
    """Design principle 2: "Strings, timestamps and naive datetimes are rejected with a
    clear error"; principle 6: the error names "the field and the rule"."""
    with pytest.raises(ep.InputTypeError) as info:
        as_date(bad, field=FIELD, rule=RULE, tz=tz)
    err = info.value
    assert isinstance(err, ep.EmrpathError)
    assert not isinstance(err, ep.NaiveDatetimeError)
    assert (err.field, err.rule) == (FIELD, RULE)
    assert FIELD in str(err)
    assert RULE in str(err)


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("2025-01-02", "D", dt.date(2025, 1, 2)),
        ("2025-01-02T00:00:00.000000000", "ns", dt.date(2025, 1, 2)),
        ("0001-01-01", "D", dt.date(1, 1, 1)),
        ("9999-12-31", "D", dt.date(9999, 12, 31)),
        (1, "W", dt.date(1970, 1, 8)),
        (3, "2W", dt.date(1970, 2, 12)),
        (-1, "W", dt.date(1969, 12, 25)),
    ],
)
def test_a_numpy_datetime64_names_the_day_in_its_units(
    text: object, unit: str, expected: dt.date
) -> None:
    """as_date: a numpy datetime64 "that names a calendar day (midnight, no timezone)" is
    that day, in any unit that counts days or parts of one (weeks are seven days each), to
    the first and last days a date can be."""
    np = pytest.importorskip("numpy")
    assert as_date(np.datetime64(text, unit), field=FIELD, rule=RULE) == expected


@pytest.mark.parametrize(
    ("text", "unit", "error", "message"),
    [
        ("NaT", "D", ep.InvalidRecordError, "is NaT (no date); give the day it stands for"),
        (
            "2025-01",
            "M",
            ep.InputTypeError,
            "np.datetime64('2025-01') is a numpy datetime64 in units of 'M', which names no "
            "calendar day; give a date (or a datetime64 in days)",
        ),
        (
            "2025",
            "Y",
            ep.InputTypeError,
            "np.datetime64('2025') is a numpy datetime64 in units of 'Y', which names no "
            "calendar day; give a date (or a datetime64 in days)",
        ),
        (
            "10000-01-01",
            "D",
            ep.CalendarRangeError,
            "np.datetime64('10000-01-01') is outside the dates that can be represented "
            "(0001-01-01 to 9999-12-31)",
        ),
        (
            "0000-12-31",
            "D",
            ep.CalendarRangeError,
            "np.datetime64('0000-12-31') is outside the dates that can be represented "
            "(0001-01-01 to 9999-12-31)",
        ),
        (
            "2025-01-02T00:00:00.000000001",
            "ns",
            ep.InputTypeError,
            "expected a datetime.date, got a datetime64 with a time of day "
            "(np.datetime64('2025-01-02T00:00:00.000000001')); pass the day it falls on",
        ),
    ],
)
def test_a_numpy_datetime64_that_names_no_day_is_refused_naming_field_and_rule(
    text: str, unit: str, error: type[ep.EmrpathError], message: str
) -> None:
    """Design principle 6: an invalid argument raises an EmrpathError "with a message naming
    the field and the rule": a datetime64 that is NaT, counts months or years, falls
    outside years 1 to 9999, or has a time of day (one nanosecond past midnight) names no
    calendar day, and is refused saying which."""
    np = pytest.importorskip("numpy")
    with raises_emrpath(error, field=FIELD, rule=RULE) as raised:
        as_date(np.datetime64(text, unit), field=FIELD, rule=RULE)
    assert type(raised.value) is error
    assert raised.value.message == message


def test_numpy_and_pandas_scalars():
    """as_date: a pandas Timestamp or numpy datetime64 "that names a calendar day (midnight,
    no timezone)" is that day; with a time of day it is a naive datetime; other numpy
    scalars are refused (tests/test_notebook_values.py has the properties)."""
    np = pytest.importorskip("numpy")
    assert as_date(np.datetime64("2025-01-02"), field=FIELD, rule=RULE) == dt.date(2025, 1, 2)
    with raises_emrpath(ep.NaiveDatetimeError, field=FIELD, rule=RULE):
        as_date(np.datetime64("2025-01-02T03:30"), field=FIELD, rule=RULE, tz="America/New_York")
    with raises_emrpath(ep.InputTypeError, field=FIELD, rule=RULE):
        as_date(np.int64(3), field=FIELD, rule=RULE, tz="America/New_York")
    pd = pytest.importorskip("pandas")
    with raises_emrpath(ep.NaiveDatetimeError, field=FIELD, rule=RULE):
        as_date(pd.Timestamp("2025-03-02 03:30"), field=FIELD, rule=RULE, tz="America/New_York")
    aware = pd.Timestamp("2025-03-02 03:30", tz="UTC")
    assert as_date(aware, field=FIELD, rule=RULE, tz="America/New_York") == dt.date(2025, 3, 1)


# -- timezone -------------------------------------------------------------------------------


def test_timezone_names():
    """Design principle 2: dates are taken in "the program's own timezone" — named by IANA
    key; a name that is not one is an error, not a guess."""
    assert timezone("America/New_York") is timezone("America/New_York")
    assert str(timezone("America/Chicago")) == "America/Chicago"
    with pytest.raises(ep.UnknownNameError) as info:
        timezone("Not/AZone")
    assert isinstance(info.value, LookupError)
    assert info.value.field == "timezone"
    with raises_emrpath(ep.UnknownNameError, field="timezone", rule="program timezone"):
        as_date(dt.datetime(2025, 1, 2, tzinfo=UTC), field=FIELD, rule=RULE, tz="America/Nowhere")


# -- month arithmetic -----------------------------------------------------------------------

# Years 1..9999 are all a date can hold; keep the results inside.
month_steps = st.integers(-12 * 150, 12 * 150)
month_dates = dates(dt.date(200, 1, 1), dt.date(9800, 12, 31))


@given(month_dates, month_steps)
def test_add_months_matches_relativedelta(day: dt.date, months: int):
    """add_months: "The same day number months later, clamped to the end of a shorter
    month" — dateutil's relativedelta(months=n) is the oracle."""
    result = add_months(day, months)
    assert type(result) is dt.date
    assert result == day + relativedelta(months=months)


@given(month_dates, month_steps)
def test_add_months_keeps_or_clamps_the_day(day: dt.date, months: int):
    """add_months: "The same day number months later, clamped to the end of a shorter
    month"."""
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    last = end_of_month(result.year, result.month).day
    assert result.day == min(day.day, last)


@given(month_dates, month_steps)
def test_add_months_round_trips_for_days_every_month_has(day: dt.date, months: int):
    """add_months: "The same day number months later" — for a day number every month has
    (1-28) nothing is clamped, so stepping back returns the start."""
    day = day.replace(day=min(day.day, 28))
    assert add_months(add_months(day, months), -months) == day
    assert add_months(day, 0) == day


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2024, 2, 29), 24, dt.date(2026, 2, 28)),
        (dt.date(2024, 2, 29), 48, dt.date(2028, 2, 29)),
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2025, 3, 31), -1, dt.date(2025, 2, 28)),
        (dt.date(2025, 8, 31), 1, dt.date(2025, 9, 30)),
        (dt.date(2025, 12, 15), 1, dt.date(2026, 1, 15)),
        (dt.date(2026, 1, 15), -1, dt.date(2025, 12, 15)),
        (dt.date(2099, 12, 31), 2, dt.date(2100, 2, 28)),  # 2100 is no leap year
        (dt.date(1999, 12, 31), 2, dt.date(2000, 2, 29)),  # 2000 is one
    ],
)
def test_add_months_examples(day: dt.date, months: int, expected: dt.date):
    """Design, passed portions: "same day number 24 months later, clamped to month end"."""
    assert add_months(day, months) == expected


@given(st.integers(1, 9999), st.integers(1, 12))
def test_end_of_month(year: int, month: int):
    """end_of_month: "The last day of a month" — the next day is the first of another
    month, and relativedelta agrees."""
    last = end_of_month(year, month)
    assert (last.year, last.month) == (year, month)
    assert last == dt.date(year, month, 1) + relativedelta(day=31)
    if last < dt.date.max:
        assert (last + dt.timedelta(days=1)).day == 1


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [(2024, 2, 29), (2025, 2, 28), (2100, 2, 28), (2000, 2, 29), (2025, 4, 30), (2025, 12, 31)],
)
def test_end_of_month_examples(year: int, month: int, day: int):
    """end_of_month: "The last day of a month"."""
    assert end_of_month(year, month) == dt.date(year, month, day)


@pytest.mark.parametrize("month", [0, 13])
def test_end_of_month_refuses_a_month_outside_1_to_12(month: int):
    """end_of_month checks its month (days_in_month trusts its caller): just outside 1..12
    is a ValueError naming the month, not an IndexError or a wrong month end."""
    with pytest.raises(ValueError, match=rf"^month must be in 1\.\.12, got {month}$"):
        end_of_month(2024, month)


def test_the_calendar_range_constants_are_the_default_calendar():
    """strategies.CAL_FIRST/CAL_LAST are the default calendar's "first and last years"."""
    cal = ep.BusinessCalendar.us_federal()
    assert (cal.first_day, cal.last_day) == (CAL_FIRST, CAL_LAST)


def test_fallback_zone_source_is_used_only_when_the_system_has_none(
    monkeypatch: pytest.MonkeyPatch,
):
    """_dates.timezone: "from the system database or dateutil's bundled copy" — on a machine
    without a system database the bundled copy still answers for the programs' zones."""

    def no_system_db(name: str) -> ZoneInfo:
        raise ZoneInfoNotFoundError(name)

    timezone.cache_clear()
    monkeypatch.setattr(_dates, "ZoneInfo", no_system_db)
    try:
        late = dt.datetime(2025, 3, 2, 3, 30, tzinfo=UTC)
        assert as_date(late, field=FIELD, rule=RULE, tz="America/New_York") == dt.date(2025, 3, 1)
        with raises_emrpath(ep.UnknownNameError, field="timezone", rule="program timezone"):
            timezone("Not/AZone")
    finally:
        monkeypatch.undo()
        timezone.cache_clear()


@pytest.mark.parametrize(
    "name", ["", "/etc/localtime", "../zoneinfo/UTC", "ABC3", "EST+5", "America/Nowhere"]
)
def test_timezone_refuses_what_is_not_an_iana_key(name: str):
    """as_date: emrpath "will not guess" a timezone — an empty name or a file path must not
    become the machine's local zone, nor a POSIX rule string an invented zone."""
    timezone.cache_clear()
    try:
        with pytest.raises(ep.UnknownNameError) as info:
            timezone(name)
        assert info.value.field == "timezone"
    finally:
        timezone.cache_clear()


_RANGE = "is outside the dates that can be represented (0001-01-01 to 9999-12-31)"


@pytest.mark.parametrize(
    ("call", "what"),
    [
        (lambda: _dates.add_days(dt.date(9999, 12, 20), 15), "9999-12-20 + 15 days"),
        (lambda: _dates.add_days(dt.date(1, 1, 10), -15), "0001-01-10 - 15 days"),
        (lambda: _dates.add_months(dt.date(9999, 12, 1), 1), "9999-12-01 + 1 months"),
        (lambda: _dates.add_months(dt.date(1, 1, 31), -1), "0001-01-31 - 1 months"),
        (lambda: _dates.end_of_month_after(dt.date(9999, 12, 1), 1), "9999-12-01 + 1 months"),
        (lambda: _dates.end_of_month_after(dt.date(1, 1, 31), -1), "0001-01-31 - 1 months"),
        (lambda: _dates.make_date(10000, 1, 1), "year 10000"),
        (lambda: _dates.make_date(0, 12, 31), "year 0"),
    ],
)
def test_date_arithmetic_past_the_representable_range_names_what_and_why(
    call: Any, what: str
) -> None:
    """Fuzzing found raw ValueError/OverflowError past year 9999: every step outside
    0001-01-01..9999-12-31 is a CalendarRangeError saying which step, on the field "date"."""
    with pytest.raises(ep.CalendarRangeError) as caught:
        call()
    assert (caught.value.field, caught.value.rule) == ("date", "date arithmetic")
    assert caught.value.message == f"{what} {_RANGE}"


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: _dates.add_days(dt.date(9999, 12, 16), 15), dt.date(9999, 12, 31)),
        (lambda: _dates.add_days(dt.date(1, 1, 16), -15), dt.date(1, 1, 1)),
        (lambda: _dates.add_months(dt.date(9999, 11, 30), 1), dt.date(9999, 12, 30)),
        (lambda: _dates.add_months(dt.date(1, 2, 28), -1), dt.date(1, 1, 28)),
        (lambda: _dates.make_date(9999, 12, 31), dt.date(9999, 12, 31)),
        (lambda: _dates.make_date(1, 1, 1), dt.date(1, 1, 1)),
        (lambda: _dates.end_of_month_after(dt.date(9999, 11, 30), 1), dt.date(9999, 12, 31)),
        (lambda: _dates.end_of_month_after(dt.date(1, 2, 28), -1), dt.date(1, 1, 31)),
    ],
)
def test_date_arithmetic_reaches_both_ends_of_the_range(call: Any, expected: dt.date) -> None:
    """The first and last representable days are reachable, not refused."""
    assert call() == expected


def test_zone_names_are_the_system_indexs_zones_and_links_and_nothing_else_in_it():
    """_dates.is_zone_name: "Whether ``name`` is a zone or link name of the IANA tz
    database". Oracle: the index split line by line (``Z <zone> ...``, ``L <target>
    <link>``); every other word of the index (offsets, rule names, years) is no zone."""
    from zoneinfo import TZPATH

    index = next(
        (Path(root, "tzdata.zi") for root in TZPATH if Path(root, "tzdata.zi").is_file()), None
    )
    if index is None:
        pytest.skip("this machine's tz database has no index (tzdata.zi)")
    lines = [line.split() for line in index.read_text(encoding="utf-8").splitlines()]
    names = {p[1] if p[0] == "Z" else p[2] for p in lines if len(p) > 2 and p[0] in ("Z", "L")}
    names -= {"localtime", "posixrules"}
    assert {"America/New_York", "America/Chicago", "US/Eastern"} <= names
    assert all(_dates.is_zone_name(name) for name in names)
    others = {word for parts in lines for word in parts} - names
    others |= {f"{name} x" for name in sorted(names)[:50]} | {name.lower() for name in names}
    # A name dateutil's bundled copy knows passes without being in the system's index.
    bundled = _dates._bundled_zone_names()
    assert not [word for word in sorted(others - bundled) if _dates.is_zone_name(word)]


def test_the_system_index_alone_knows_its_zones_and_links_and_nothing_else():
    """_dates.is_zone_name: "Whether ``name`` is a zone or link name of the IANA tz
    database", looked up in "the database's own index where the system has one": the index
    alone (without dateutil's bundled copy) takes each of its zones (``Z <zone> ...``) and
    links (``L <target> <link>``, the link last on its line), and no other word of it (a
    link's target where it is not itself a name, offsets, rule names, years); without an
    index, what ``zoneinfo`` lists answers."""
    from zoneinfo import TZPATH

    index = next(
        (Path(root, "tzdata.zi") for root in TZPATH if Path(root, "tzdata.zi").is_file()), None
    )
    if index is None:
        pytest.skip("this machine's tz database has no index (tzdata.zi)")
    lines = [line.split() for line in index.read_text(encoding="utf-8").splitlines()]
    zones = {p[1] for p in lines if len(p) > 2 and p[0] == "Z"}
    links = {p[2] for p in lines if len(p) == 3 and p[0] == "L"}
    assert {"America/New_York", "America/Chicago"} <= zones
    assert "US/Eastern" in links
    assert all(_dates._in_system_database(name) for name in sorted(zones | links))
    others = {word for parts in lines for word in parts} - zones - links
    assert others
    assert not [word for word in sorted(others) if _dates._in_system_database(word)]


def test_without_a_system_index_the_listed_zones_answer(monkeypatch: pytest.MonkeyPatch):
    """_dates._in_system_database: "Looked up in the database's own index where the system
    has one, else in what ``zoneinfo`` lists"."""
    monkeypatch.setattr(_dates, "_system_zone_index", lambda: None)
    assert _dates._in_system_database("America/New_York")
    assert not _dates._in_system_database("America/Nowhere")
    assert not _dates._in_system_database("localtime")


def test_an_index_line_is_read_by_its_kind_and_place(monkeypatch: pytest.MonkeyPatch):
    """_dates._in_system_database reads the system's own index: a zone is the second field
    of a ``Z`` line, a link the last field of an ``L`` line, wherever else the name also
    stands (here ``GMT`` is also the last field of a zone's continuation line after its
    link, ``Mid/Link`` before and after its link, and ``Rule/Only`` the last field of a
    rule line)."""
    index = (
        "\nZ Test/Zone -5 - EST\nL Test/Zone Test/Link\nL Etc/GMT GMT\n"
        "Z Etc/GMT 0 - GMT\n0 - GMT\nR X 1970 o - Ap lastSu 2 1 Rule/Only\n"
        "0 - Mid/Link\nL Etc/GMT Mid/Link\n0 - Mid/Link\n"
    )
    monkeypatch.setattr(_dates, "_system_zone_index", lambda: index)
    assert _dates._in_system_database("Test/Zone")
    assert _dates._in_system_database("Test/Link")
    assert _dates._in_system_database("GMT")
    assert _dates._in_system_database("Mid/Link")
    assert not _dates._in_system_database("Rule/Only")
    assert not _dates._in_system_database("EST")
    assert not _dates._in_system_database("America/New_York")


def test_only_a_notebook_timestamp_at_midnight_is_read_as_a_calendar_day():
    """_dates.calendar_day: a pandas Timestamp "that names a calendar day (midnight, no
    timezone)" is that day; one nanosecond past midnight it names none; a plain
    ``datetime`` is not a notebook value at all, so a record still refuses it."""
    pd = pytest.importorskip("pandas")
    assert _dates.calendar_day(pd.Timestamp("2025-01-02"), field=FIELD, rule=RULE) == dt.date(
        2025, 1, 2
    )
    late = pd.Timestamp("2025-01-02 00:00:00.000000001")
    assert _dates.calendar_day(late, field=FIELD, rule=RULE) is None
    assert _dates.calendar_day(dt.datetime(2025, 1, 2), field=FIELD, rule=RULE) is None
    with raises_emrpath(ep.InputTypeError, field="ExamAttempt.taken_on", rule="exam attempt"):
        ep.ExamAttempt(dt.datetime(2025, 1, 2), passed=True)  # type: ignore[arg-type]
    np = pytest.importorskip("numpy")
    with raises_emrpath(ep.InvalidRecordError, field=FIELD, rule=RULE):
        _dates.calendar_day(np.datetime64("NaT"), field=FIELD, rule=RULE)


def test_names_that_give_host_dependent_dates_are_no_zone_even_when_indexed(
    monkeypatch: pytest.MonkeyPatch,
):
    """_dates.is_zone_name: "Not the host's own zone (``"localtime"``), zic's
    ``"posixrules"``, a copy of the database under another root (``"right/UTC"``,
    ``"posix/..."``)": refused even where the system's index names them."""
    index = (
        "\nZ Etc/UTC 0 - UTC\nL Etc/UTC localtime\nL Etc/UTC posixrules\n"
        "Z right/UTC 0 - UTC\nZ posix/Etc/UTC 0 - UTC\n"
    )
    monkeypatch.setattr(_dates, "_system_zone_index", lambda: index)
    assert _dates.is_zone_name("Etc/UTC")
    for name in ("localtime", "posixrules", "right/UTC", "posix/Etc/UTC"):
        assert _dates._in_system_database(name)
        assert not _dates.is_zone_name(name)


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (
            20250301,
            ep.InputTypeError,
            "must be an ISO date string YYYY-MM-DD, got number 20250301",
        ),
        (
            "2025-3-1",
            ep.InvalidRecordError,
            'must be an ISO date YYYY-MM-DD (no time, no timezone), got string "2025-3-1"',
        ),
        ("2025-02-30", ep.InvalidRecordError, "'2025-02-30' is not a date on the calendar"),
    ],
)
def test_an_iso_date_that_is_not_one_is_refused_naming_field_and_rule(
    value: object, error: type[ep.EmrpathError], message: str
) -> None:
    """_dates.iso_date: "exactly an ISO ``YYYY-MM-DD`` string on the calendar"; anything
    else is refused naming the caller's field and rule."""
    with raises_emrpath(error, field="--as-of", rule="command-line date") as raised:
        _dates.iso_date(value, field="--as-of", rule="command-line date")
    assert type(raised.value) is error
    assert raised.value.message == message


class _FickleTz(dt.tzinfo):
    """A tzinfo that gives a valid offset when first asked and fails when asked again."""

    def __init__(self) -> None:
        self.calls = 0

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        self.calls += 1
        if self.calls > 1:
            raise KeyError("asked twice")
        return dt.timedelta(hours=-5)

    def dst(self, when: dt.datetime | None) -> dt.timedelta | None:
        return None


def _as_date_refusals() -> list[tuple[Any, type[ep.EmrpathError], str]]:
    np = pytest.importorskip("numpy")
    late = dt.datetime.max.replace(tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    return [
        (
            dt.datetime(2025, 3, 1, 12),
            ep.NaiveDatetimeError,
            "naive datetime datetime.datetime(2025, 3, 1, 12, 0) has no timezone; emrpath will "
            "not guess one (pass an aware datetime, converted to America/New_York, or a date)",
        ),
        (
            late,
            ep.CalendarRangeError,
            "datetime.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinf... in America/New_York "
            "is outside the dates that can be represented (0001-01-01 to 9999-12-31)",
        ),
        (
            dt.datetime(2025, 3, 1, 12, tzinfo=_FickleTz()),
            ep.InvalidRecordError,
            "the tzinfo _FickleTz of datetime.datetime(2025, 3, 1, 12, 0, tzinfo=<*... gives no "
            "valid UTC offset (a timedelta strictly between -24 and 24 hours)",
        ),
        (np.int64(3), ep.InputTypeError, "expected a datetime.date, got int64 np.int64(3)"),
        (
            np.datetime64("2025-01-02T03:30"),
            ep.NaiveDatetimeError,
            "datetime64 np.datetime64('2025-01-02T03:30') has a time of day and no timezone; "
            "emrpath will not guess one (pass the day it falls on in America/New_York, or an "
            "aware datetime)",
        ),
    ]


def test_as_date_says_why_it_takes_no_day_naming_field_and_rule():
    """as_date: "a datetime is accepted only if it is timezone-aware and is converted to
    the program's own timezone before its date is taken": a naive one, one past the range
    in that timezone, one whose tzinfo fails when asked again, a numpy value that is no
    date and a datetime64 with a time of day are refused, each saying why, with the
    caller's field and rule."""
    for value, error, message in _as_date_refusals():
        with raises_emrpath(error, field=FIELD, rule=RULE) as raised:
            as_date(value, field=FIELD, rule=RULE, tz="America/New_York")
        assert type(raised.value) is error
        head, star, tail = message.partition("<*")  # the tzinfo's repr names its module
        if star:
            assert raised.value.message.startswith(head + "<")
            assert raised.value.message.endswith(tail)
        else:
            assert raised.value.message == message
