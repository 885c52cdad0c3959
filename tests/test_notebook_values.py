"""Notebook values: pandas Timestamps and numpy datetime64 that name a calendar day are dates.

Design principle 2: "For notebooks, a pandas `Timestamp` or numpy `datetime64` that names a
calendar day (midnight, no timezone) is that date." Anything with a time of day or a
timezone is a datetime and follows the datetime rules; NaT and values past the calendar
are errors that name the field.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath._dates import as_date, calendar_day
from strategies import candidates, dates
from tests.errors import raises_emrpath

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

FIELD = "exam_on"
RULE = "result posting"
NY = "America/New_York"
# Timestamps in nanoseconds (pandas' default unit) cover 1677-09-22 to 2262-04-11.
NS_FIRST, NS_LAST = dt.date(1678, 1, 1), dt.date(2261, 12, 31)
UNITS = ("D", "h", "m", "s", "ms", "us", "ns")
times = st.times(min_value=dt.time(0, 0, 0, 1)) | st.times(min_value=dt.time(0, 1))


def day_values(day: dt.date) -> list[object]:
    """Every notebook spelling of ``day`` at midnight."""
    values: list[object] = [pd.Timestamp(day), pd.Timestamp(day).as_unit("s")]
    values += [np.datetime64(day).astype(f"datetime64[{unit}]") for unit in UNITS]
    values.append(pd.date_range(day, periods=1)[0])
    return values


@given(day=dates(NS_FIRST, NS_LAST), tz=st.sampled_from([None, NY, "America/Chicago"]))
def test_a_timestamp_at_midnight_is_its_day(day: dt.date, tz: str | None):
    """Principle 2: "a pandas `Timestamp` or numpy `datetime64` that names a calendar day
    (midnight, no timezone) is that date", with or without a program timezone, as a plain
    date."""
    for value in day_values(day):
        got = as_date(value, field=FIELD, rule=RULE, tz=tz)
        assert got == day
        assert type(got) is dt.date


@given(day=dates(NS_FIRST, NS_LAST), time=times)
def test_a_time_of_day_follows_the_datetime_rules(day: dt.date, time: dt.time):
    """Principle 2: "anything with a time of day" follows the datetime rules: without a
    timezone it is a naive datetime, refused (NaiveDatetimeError under a program's timezone,
    InputTypeError where datetimes are refused outright)."""
    moment = dt.datetime.combine(day, time)
    for value in (pd.Timestamp(moment), np.datetime64(moment, "us")):
        with raises_emrpath(ep.NaiveDatetimeError, field=FIELD, rule=RULE):
            as_date(value, field=FIELD, rule=RULE, tz=NY)
        with raises_emrpath(ep.InputTypeError, field=FIELD, rule=RULE) as info:
            as_date(value, field=FIELD, rule=RULE)
        assert not isinstance(info.value, ep.NaiveDatetimeError)


@given(day=dates(NS_FIRST, NS_LAST), time=st.times(), offset=st.integers(-14 * 60, 14 * 60))
def test_a_timestamp_with_a_timezone_is_an_aware_datetime(
    day: dt.date, time: dt.time, offset: int
):
    """Principle 2: a timestamp with "a timezone follows the existing datetime rules": its
    date is taken in the program's timezone, exactly as for the aware datetime, midnight
    or not."""
    zone = dt.timezone(dt.timedelta(minutes=offset))
    moment = dt.datetime.combine(day, time, tzinfo=zone)
    expected = as_date(moment, field=FIELD, rule=RULE, tz=NY)
    assert as_date(pd.Timestamp(moment), field=FIELD, rule=RULE, tz=NY) == expected
    with raises_emrpath(ep.InputTypeError, field=FIELD, rule=RULE):
        as_date(pd.Timestamp(moment), field=FIELD, rule=RULE)  # a calendar takes no datetime


@pytest.mark.parametrize(
    "value",
    [pd.NaT, np.datetime64("NaT"), np.datetime64("NaT", "ns"), np.datetime64("NaT", "D")],
    ids=["pandas", "numpy-generic", "numpy-ns", "numpy-D"],
)
def test_nat_is_an_error_naming_the_field(value: object):
    """NaT is "no date": an InvalidRecordError naming the field, never a date."""
    for tz in (None, NY):
        with raises_emrpath(ep.InvalidRecordError, field=FIELD, rule=RULE) as info:
            as_date(value, field=FIELD, rule=RULE, tz=tz)
        assert "NaT" in info.value.message
    with raises_emrpath(ep.InvalidRecordError, field="ExamAttempt.taken_on", rule="exam attempt"):
        ep.ExamAttempt(value, passed=False)  # type: ignore[arg-type]


@given(
    days=st.integers(dt.date.max.toordinal() - 719_162, 2**40) | st.integers(-(2**40), -719_163)
)
def test_datetime64_past_the_calendar_is_a_range_error(days: int):
    """A datetime64 outside 0001-01-01 to 9999-12-31 is a CalendarRangeError naming the
    field, not an overflow or a wrong date."""
    value = np.datetime64(days, "D")
    with raises_emrpath(ep.CalendarRangeError, field=FIELD, rule=RULE):
        as_date(value, field=FIELD, rule=RULE, tz=NY)


def test_datetime64_at_the_ends_of_the_calendar():
    """The first and last days datetime.date can hold are read exactly."""
    for day in (dt.date.min, dt.date.max, dt.date(1970, 1, 1), dt.date(1969, 12, 31)):
        assert as_date(np.datetime64(day, "D"), field=FIELD, rule=RULE) == day
        assert as_date(np.datetime64(day, "s"), field=FIELD, rule=RULE) == day
    # Weeks count from numpy's epoch, a Thursday: a week names the Thursday it starts on.
    assert as_date(np.datetime64("2025-07-04", "W"), field=FIELD, rule=RULE) == dt.date(2025, 7, 3)


@pytest.mark.parametrize("unit", ["Y", "M"])
def test_a_year_or_month_names_no_day(unit: str):
    """A datetime64 in years or months names no calendar day: InputTypeError naming the
    field."""
    with raises_emrpath(ep.InputTypeError, field=FIELD, rule=RULE) as info:
        as_date(np.datetime64("2025-03", unit), field=FIELD, rule=RULE, tz=NY)
    assert "names no" in info.value.message


def test_other_numpy_and_pandas_values_are_refused():
    """Only timestamps name days: a numpy integer, a pandas Period or Timedelta is refused
    with an InputTypeError naming the field."""
    for value in (np.int64(3), pd.Period("2025-03-01", "D"), pd.Timedelta(days=1)):
        assert calendar_day(value, field=FIELD, rule=RULE) is None
        with raises_emrpath(ep.InputTypeError, field=FIELD, rule=RULE):
            as_date(value, field=FIELD, rule=RULE, tz=NY)


@given(candidate=candidates(history=False))
def test_records_and_evaluate_read_timestamps_as_their_days(candidate: ep.Candidate):
    """ "accepted wherever a date is": a candidate built from Timestamps equals the one
    built from dates, and evaluate() on a Timestamp as_of gives the same status."""
    as_timestamps = ep.Candidate(
        ep.CourseCompletion(
            pd.Timestamp(candidate.course.completed_on),
            None
            if candidate.course.verified_on is None
            else np.datetime64(candidate.course.verified_on, "ns"),
            route=candidate.course.route,
        ),
        attempts=[
            ep.ExamAttempt(pd.Timestamp(a.taken_on), a.passed, a.scaled_score)
            for a in candidate.attempts
        ],
        skills=candidate.skills,
        authorizations=candidate.authorizations,
        cpr=candidate.cpr,
        transcripts_received_on=candidate.transcripts_received_on,
        remedial=candidate.remedial,
        prerequisite=candidate.prerequisite,
        course_accreditation=candidate.course_accreditation,
    )
    assert as_timestamps == candidate
    as_of = (
        candidate.attempts[-1].taken_on if candidate.attempts else candidate.course.completed_on
    )
    for program in (ep.NREMT_EMR, ep.ASCP_MLS):
        try:
            expected = ep.evaluate(candidate, as_of=as_of, program=program)
        except ep.EmrpathError as err:
            with pytest.raises(type(err)):
                ep.evaluate(candidate, as_of=pd.Timestamp(as_of), program=program)
            continue
        assert ep.evaluate(candidate, as_of=pd.Timestamp(as_of), program=program) == expected


def test_a_date_range_drives_what_ifs():
    """The notebook pattern of issue 15: `pd.date_range(...)` values go straight in."""
    course = ep.CourseCompletion(dt.date(2025, 5, 2), dt.date(2025, 5, 6))
    days = pd.date_range("2025-06-01", periods=4, freq="7D")
    timelines = [ep.plan_attempts(course, day, program=ep.NREMT_EMR) for day in days]
    assert [t.first_attempt_on for t in timelines] == [d.date() for d in days]
    calendar = ep.BusinessCalendar.us_federal()
    assert calendar.add_business_days(np.datetime64("2025-07-03"), 1) == dt.date(2025, 7, 7)


def test_an_aware_timestamp_in_a_record_is_still_refused():
    """Records hold dates: a Timestamp with a timezone is a moment, refused as a datetime
    ("records hold dates: pass value.date() in the program's timezone")."""
    with raises_emrpath(ep.InputTypeError, field="ExamAttempt.taken_on", rule="exam attempt"):
        ep.ExamAttempt(pd.Timestamp("2025-07-01", tz="UTC"), passed=False)


def test_reading_a_date_imports_neither_pandas_nor_numpy():
    """pandas and numpy stay optional: evaluating with plain dates imports neither."""
    code = (
        "import sys, datetime as dt, emrpath as ep; "
        "c = ep.Candidate(ep.CourseCompletion(dt.date(2025, 5, 2))); "
        "ep.evaluate(c, as_of=dt.date(2025, 6, 1), program=ep.NREMT_EMR); "
        "print(sorted(m for m in ('numpy', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
