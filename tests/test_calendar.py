"""Properties and examples for emrpath.calendar.

The oracle below is deliberately naive and written without looking at the calendar's
tables: a set of holiday dates straight from the holidays package, and loops that step
one day at a time.
"""

from __future__ import annotations

import datetime as dt
import pickle
import random
import sys
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import holidays
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import emrpath as ep
from emrpath import calendar as calendar_module
from strategies import CAL_FIRST, CAL_LAST, dates
from tests.errors import raises_emrpath

ONE_DAY = dt.timedelta(days=1)
CAL = ep.BusinessCalendar.us_federal()

CITE = ep.Citation(url="https://example.org/closure", quote="closed", title="Test closure")

# -- the oracle ---------------------------------------------------------------------------

ORACLE_HOLIDAYS: frozenset[dt.date] = frozenset(
    day
    for day in holidays.country_holidays("US", years=range(1990, 2101), categories=("public",))
    if CAL_FIRST <= day <= CAL_LAST
)


def oracle_is_business_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in ORACLE_HOLIDAYS


def oracle_add(day: dt.date, n: int) -> dt.date | None:
    """Step one day at a time; None when the walk leaves 1990-2100."""
    step = ONE_DAY if n > 0 else -ONE_DAY
    remaining = abs(n)
    while remaining:
        if (step > dt.timedelta(0) and day == CAL_LAST) or (
            step < dt.timedelta(0) and day == CAL_FIRST
        ):
            return None
        day += step
        if oracle_is_business_day(day):
            remaining -= 1
    return day


def oracle_between(a: dt.date, b: dt.date) -> int:
    count = 0
    if b >= a:
        day = a + ONE_DAY
        while day <= b:  # (a, b]
            count += oracle_is_business_day(day)
            day += ONE_DAY
        return count
    day = b
    while day < a:  # [b, a)
        count += oracle_is_business_day(day)
        day += ONE_DAY
    return -count


# -- strategies ---------------------------------------------------------------------------


def _safe_steps(calendar_days: int) -> int:
    """A number of business days certainly available within ``calendar_days`` days.

    Any window of D days holds at least 5/7 D - 4 weekdays, less at most ~12 holidays a
    year, so at least 0.68 D - 16 business days; 0.6 (D - 30) stays under that.
    """
    return max(0, int((calendar_days - 30) * 0.6))


@st.composite
def day_and_step(draw: st.DrawFn, max_abs: int = 3000) -> tuple[dt.date, int]:
    """A date (edges included) and a step that cannot leave the calendar's range."""
    day = draw(dates())
    hi = min(max_abs, _safe_steps((CAL_LAST - day).days))
    lo = -min(max_abs, _safe_steps((day - CAL_FIRST).days))
    return day, draw(st.integers(lo, hi))


@st.composite
def day_and_two_steps(draw: st.DrawFn, max_abs: int = 3000) -> tuple[dt.date, int, int]:
    """A date and steps a, b with |a| + |b| within the room on *both* sides of it, so any
    chain of the two (in either order or summed) stays in range."""
    day = draw(dates())
    room = min(max_abs, _safe_steps((CAL_LAST - day).days), _safe_steps((day - CAL_FIRST).days))
    a = draw(st.integers(-room, room))
    rest = room - abs(a)
    return day, a, draw(st.integers(-rest, rest))


steps = st.integers(-1000, 1000)
near_the_ends = st.one_of(
    dates(),
    dates(CAL_FIRST, CAL_FIRST + dt.timedelta(days=70)),
    dates(CAL_LAST - dt.timedelta(days=70), CAL_LAST),
)


# -- add_business_days: the contract ---------------------------------------------------


@given(day_and_step())
def test_steps_land_strictly_on_the_right_side_on_a_business_day(case: tuple[dt.date, int]):
    """Contract: "n >= 1: n-th business day strictly after d; n <= -1: strictly before;
    n == 0: d itself"."""
    day, n = case
    result = CAL.add_business_days(day, n)
    assert type(result) is dt.date
    if n == 0:
        assert result == day
    else:
        assert CAL.is_business_day(result)
        assert (result > day) if n > 0 else (result < day)


@given(day_and_two_steps())
def test_strictly_monotone_in_n(case: tuple[dt.date, int, int]):
    """Contract: "n >= 1: n-th business day strictly after d; n <= -1: strictly before;
    n == 0: d itself" — so add_business_days(d, n) is strictly increasing in n."""
    day, n1, n2 = case
    if n1 == n2:
        assert CAL.add_business_days(day, n1) == CAL.add_business_days(day, n2)
        return
    lo, hi = sorted((n1, n2))
    assert CAL.add_business_days(day, lo) < CAL.add_business_days(day, hi)


@given(day_and_step())
def test_consecutive_steps_skip_no_business_day(case: tuple[dt.date, int]):
    """Contract: "n >= 1: n-th business day strictly after d" — the (n+1)-th is the next
    business day after the n-th (none is skipped), and likewise backwards."""
    day, n = case
    if n == 0 or abs(n) + 1 > _safe_steps(min((CAL_LAST - day).days, (day - CAL_FIRST).days)):
        return
    here = CAL.add_business_days(day, n)
    further = CAL.add_business_days(day, n + 1 if n > 0 else n - 1)
    assert CAL.add_business_days(here, 1 if n > 0 else -1) == further
    assert abs(CAL.business_days_between(here, further)) == 1


@given(day_and_step())
def test_between_inverts_add(case: tuple[dt.date, int]):
    """Contract: "business_days_between(a, b): business days in (a, b]; negative if b < a;
    so business_days_between(d, add_business_days(d, n)) == n"."""
    day, n = case
    assert CAL.business_days_between(day, CAL.add_business_days(day, n)) == n


@given(dates(), dates())
def test_between_is_antisymmetric_up_to_the_endpoints(a: dt.date, b: dt.date):
    """Contract: "business days in (a, b]; negative if b < a" (minus those in [b, a)). For
    lo <= hi, (lo, hi] and [lo, hi) differ only at the ends, so
    between(lo, hi) + between(hi, lo) = bd(hi) - bd(lo)."""
    lo, hi = sorted((a, b))
    total = CAL.business_days_between(a, b) + CAL.business_days_between(b, a)
    assert total == int(CAL.is_business_day(hi)) - int(CAL.is_business_day(lo))


@given(day_and_two_steps())
def test_same_sign_steps_add_up(case: tuple[dt.date, int, int]):
    """Contract: "n >= 1: n-th business day strictly after d; n <= -1: strictly before".
    After a first step we stand on a business day, so a further step of the same sign
    continues the count: add(add(d, a), b) == add(d, a + b) for a, b both >= 1 or both
    <= -1, whatever weekday d is."""
    day, a, b = case
    if a == 0 or b == 0:
        return
    if (a > 0) != (b > 0):
        b = -b
    assert CAL.add_business_days(CAL.add_business_days(day, a), b) == CAL.add_business_days(
        day, a + b
    )


@given(day_and_two_steps(max_abs=600))
@example((dt.date(1992, 2, 29), 1, -1))  # found by hypothesis: a Saturday, back to itself
def test_additivity_holds_exactly_when_expected(case: tuple[dt.date, int, int]):
    """Contract: "n >= 1: n-th business day strictly after d; n <= -1: strictly before;
    n == 0: d itself". Exactly when is add(add(d, a), b) == add(d, a + b)? Always when d is
    a business day (steps then move an index among business days) or a or b is 0. From a
    closed day d between business days P < d < N, a step of +1 counts N but a step of -1
    counts P, so the sum is exact iff a + b keeps the (nonzero) sign of a, and off by one
    business day otherwise (Saturday +1 then -1 is Friday, not Saturday: when a + b is 0
    the sum is the closed day itself, and the steps end on the business day next to it)."""
    day, a, b = case
    lhs = CAL.add_business_days(CAL.add_business_days(day, a), b)
    rhs = CAL.add_business_days(day, a + b)
    keeps_sign = (a > 0 and a + b > 0) or (a < 0 and a + b < 0)
    expected = CAL.is_business_day(day) or a == 0 or b == 0 or keeps_sign
    assert (lhs == rhs) is expected
    if expected:
        return
    if a + b == 0:  # rhs is the closed day itself; lhs the business day on a's side of it
        assert lhs == CAL.add_business_days(day, -1 if a > 0 else 1)
    else:  # off by exactly one business day
        assert abs(CAL.business_days_between(lhs, rhs)) == 1


# -- agreement with the day-by-day oracle -----------------------------------------------


@given(near_the_ends)
def test_is_business_day_matches_oracle(day: dt.date):
    """Design, business day: "Monday–Friday and not a US federal public holiday as
    observed (the holidays package's US calendar, public category)"."""
    assert CAL.is_business_day(day) is oracle_is_business_day(day)


@given(near_the_ends, st.integers(-40, 40))
def test_add_matches_oracle(day: dt.date, n: int):
    """Contract: "n >= 1: n-th business day strictly after d; n <= -1: strictly before;
    n == 0: d itself"; and "a calendar raises EmrpathError (a ValueError) for a date
    outside the years it was built for, instead of answering wrongly"."""
    expected = oracle_add(day, n)
    if expected is None:
        with pytest.raises(ep.CalendarRangeError) as info:
            CAL.add_business_days(day, n)
        assert isinstance(info.value, ValueError)
        assert info.value.field == "n"
    else:
        assert CAL.add_business_days(day, n) == expected


@given(near_the_ends, st.integers(-120, 120))
def test_between_matches_oracle(a: dt.date, span: int):
    """Contract: "business_days_between(a, b): business days in (a, b]; negative if b < a"
    (and then minus the business days in [b, a))."""
    b = a + dt.timedelta(days=span)
    if not CAL_FIRST <= b <= CAL_LAST:
        with raises_emrpath(ep.CalendarRangeError, field="b", rule="business day"):
            CAL.business_days_between(a, b)
        return
    assert CAL.business_days_between(a, b) == oracle_between(a, b)


@given(near_the_ends, st.integers(0, 60))
def test_business_days_in_matches_oracle(start: dt.date, span: int):
    """Design, business day: "Monday–Friday and not a US federal public holiday as
    observed" — business_days_in(start, end) lists exactly those days, both ends included.
    """
    end = min(start + dt.timedelta(days=span), CAL_LAST)
    expected = []
    day = start
    while day <= end:
        if oracle_is_business_day(day):
            expected.append(day)
        day += ONE_DAY
    assert list(CAL.business_days_in(start, end)) == expected
    if end > start:
        assert CAL.business_days_in(end, start) == ()


@given(near_the_ends)
def test_closure_reason_names_exactly_the_closed_weekdays(day: dt.date):
    """Design, business day: "Monday–Friday and not a US federal public holiday as
    observed" — a weekday that is not a business day has a holiday name; others have none.
    """
    reason = CAL.closure_reason(day)
    if day.weekday() < 5 and not oracle_is_business_day(day):
        assert reason is not None
        assert reason == holidays.country_holidays("US", years=day.year).get(day)
    else:
        assert reason is None


# -- the batch form ------------------------------------------------------------------------


@given(st.lists(dates(dt.date(1995, 1, 1), dt.date(2095, 12, 31)), max_size=40), steps)
def test_batch_equals_scalar(days: list[dt.date], n: int):
    """Contract: add_business_days(d, n) "n >= 1: n-th business day strictly after d; n <= -1:
    strictly before; n == 0: d itself" — add_business_days_many applies it element-wise."""
    assert CAL.add_business_days_many(days, n) == [CAL.add_business_days(d, n) for d in days]
    assert CAL.add_business_days_many(iter(days), n) == [CAL.add_business_days(d, n) for d in days]


@given(st.lists(near_the_ends, min_size=1, max_size=20), st.integers(-40, 40))
def test_batch_refuses_what_scalar_refuses(days: list[dt.date], n: int):
    """Contract: "a calendar raises EmrpathError (a ValueError) for a date outside the years
    it was built for, instead of answering wrongly" — in batch form too, naming the item."""
    failing = [i for i, d in enumerate(days) if oracle_add(d, n) is None]
    if not failing:
        assert CAL.add_business_days_many(days, n) == [oracle_add(d, n) for d in days]
        return
    with pytest.raises(ep.CalendarRangeError) as info:
        CAL.add_business_days_many(days, n)
    assert info.value.field == f"days[{failing[0]}]"


def test_batch_refuses_bad_items_naming_the_position():
    """Principle 6: "Strict on bad input ... with a message naming the field"."""
    good = dt.date(2025, 1, 2)
    for n in (-2, 0, 2):
        with pytest.raises(ep.InputTypeError) as info:
            CAL.add_business_days_many([good, "2025-01-03"], n)
        assert info.value.field == "days[1]"
        with pytest.raises(ep.CalendarRangeError) as range_info:
            CAL.add_business_days_many([good, good, dt.date(1989, 12, 31)], n)
        assert range_info.value.field == "days[2]"
    with pytest.raises(ep.InputTypeError) as n_info:
        CAL.add_business_days_many([good], 2.0)  # type: ignore[arg-type]
    assert n_info.value.field == "n"
    assert CAL.add_business_days_many([], 5) == []


# -- examples from design.md ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("exam_on", "expected"),
    [
        (dt.date(2025, 12, 5), dt.date(2025, 12, 9)),  # Friday -> Tuesday
        (dt.date(2025, 12, 6), dt.date(2025, 12, 9)),  # Saturday -> Tuesday
        (dt.date(2025, 12, 7), dt.date(2025, 12, 9)),  # Sunday -> Tuesday
        (dt.date(2026, 4, 2), dt.date(2026, 4, 6)),  # Thursday before Good Friday -> Monday
        (dt.date(2026, 7, 2), dt.date(2026, 7, 7)),  # Thursday before 3 July (observed)
    ],
)
def test_result_posting_examples(exam_on: dt.date, expected: dt.date):
    """Design, result posting: "expected on the 2nd business day strictly after the exam
    date; the exam date never counts, whatever weekday it is (Friday exam → Tuesday;
    Saturday → Tuesday; Thursday before Good Friday → Monday, Good Friday is not a federal
    holiday)"."""
    assert CAL.add_business_days(exam_on, 2) == expected


def test_holiday_examples():
    """Design, business day: "2026-07-03 is a holiday, Juneteenth from 2021"."""
    assert not CAL.is_business_day(dt.date(2026, 7, 3))
    assert CAL.closure_reason(dt.date(2026, 7, 3)) == "Independence Day (observed)"
    assert CAL.is_business_day(dt.date(2026, 4, 3))  # Good Friday
    assert CAL.is_business_day(dt.date(2020, 6, 19))  # Juneteenth before 2021
    assert not CAL.is_business_day(dt.date(2021, 6, 18))  # Juneteenth 2021 (observed)
    assert not CAL.is_business_day(dt.date(2021, 12, 31))  # New Year's Day 2022 (observed)
    assert CAL.closure_reason(dt.date(2021, 12, 31)) == "New Year's Day (observed)"
    assert CAL.closure_reason(dt.date(2026, 7, 4)) is None  # a Saturday: not a closed weekday


def test_observed_new_year_at_the_edges_of_a_range():
    """Design: "a calendar raises EmrpathError (a ValueError) for a date outside the years it
    was built for, instead of answering wrongly" — and an observed holiday that falls in the
    calendar's years is known even when the holiday itself is in the next year."""
    to_2021 = ep.BusinessCalendar.from_holidays("US", first_year=2019, last_year=2021)
    assert not to_2021.is_business_day(dt.date(2021, 12, 31))
    assert to_2021.add_business_days(dt.date(2021, 12, 30), -1) == dt.date(2021, 12, 29)
    with raises_emrpath(ep.CalendarRangeError, field="n", rule="business day"):
        to_2021.add_business_days(dt.date(2021, 12, 30), 1)  # 2022-01-03 is out of range
    from_2022 = ep.BusinessCalendar.from_holidays("US", first_year=2022, last_year=2023)
    assert from_2022.first_day == dt.date(2022, 1, 1)
    with pytest.raises(ep.CalendarRangeError) as info:
        from_2022.is_business_day(dt.date(2021, 12, 31))
    assert info.value.field == "day"
    assert isinstance(info.value, ValueError)
    assert from_2022.add_business_days(dt.date(2022, 1, 1), 1) == dt.date(2022, 1, 3)
    with raises_emrpath(ep.CalendarRangeError, field="n", rule="business day"):
        from_2022.add_business_days(dt.date(2022, 1, 3), -1)  # no business day left before


def test_last_covered_day_is_new_years_day_2101_observed():
    """Design, business day: "US federal public holiday as observed" — 2101-01-01 is a
    Saturday, observed on Friday 2100-12-31, the last day of the default calendar."""
    assert dt.date(2101, 1, 1).weekday() == 5
    assert CAL.last_day == dt.date(2100, 12, 31)
    assert not CAL.is_business_day(dt.date(2100, 12, 31))
    assert CAL.closure_reason(dt.date(2100, 12, 31)) == "New Year's Day (observed)"
    assert CAL.add_business_days(dt.date(2100, 12, 29), 1) == dt.date(2100, 12, 30)
    with raises_emrpath(ep.CalendarRangeError, field="n", rule="business day"):
        CAL.add_business_days(dt.date(2100, 12, 30), 1)


def test_no_calendar_past_the_holiday_data():
    """Design: a calendar answers only for years it was built for "instead of answering
    wrongly" — the holidays package has no US data after 2100, so 2101 is refused."""
    with pytest.raises(ep.CalendarRangeError) as info:
        ep.BusinessCalendar.from_holidays("US", last_year=2101)
    assert info.value.field == "CalendarSpec.last_year"
    assert isinstance(info.value, ValueError)
    with raises_emrpath(
        ep.InvalidRecordError, field="CalendarSpec.last_year", rule="business day"
    ):
        calendar_module.CalendarSpec(first_year=2000, last_year=1999)


def test_extra_closure_and_extra_working_day():
    """Design, business day: "Ad-hoc closures can be added as cited data"."""
    with_mourning = ep.BusinessCalendar.from_holidays(
        "US",
        first_year=2024,
        last_year=2026,
        closures=[calendar_module.NATIONAL_DAY_OF_MOURNING_2025],
    )
    mourning = dt.date(2025, 1, 9)
    assert CAL.is_business_day(mourning)
    assert not with_mourning.is_business_day(mourning)
    assert (
        with_mourning.closure_reason(mourning)
        == calendar_module.NATIONAL_DAY_OF_MOURNING_2025.name
    )
    assert with_mourning.add_business_days(dt.date(2025, 1, 8), 1) == dt.date(2025, 1, 10)
    assert with_mourning.business_days_between(dt.date(2025, 1, 8), dt.date(2025, 1, 10)) == 1
    assert with_mourning != CAL

    open_saturday = calendar_module.DayOverride(
        on=dt.date(2025, 1, 11), name="Saturday session", citation=CITE
    )
    with_saturday = ep.BusinessCalendar.from_holidays(
        "US", first_year=2024, last_year=2026, working_days=[open_saturday]
    )
    assert with_saturday.is_business_day(dt.date(2025, 1, 11))
    assert with_saturday.add_business_days(dt.date(2025, 1, 10), 1) == dt.date(2025, 1, 11)
    assert not with_saturday.is_business_day(dt.date(2025, 1, 12))


def test_working_day_override_on_a_holiday_has_no_closure_reason():
    """``closure_reason``: "The holiday or closure that makes a weekday day no business day,
    if any" — a holiday declared a working day is a business day, so nothing closes it."""
    july_3 = dt.date(2026, 7, 3)
    cal = ep.BusinessCalendar.from_holidays(
        "US",
        first_year=2026,
        last_year=2026,
        working_days=[calendar_module.DayOverride(on=july_3, name="open anyway", citation=CITE)],
    )
    assert cal.is_business_day(july_3)
    assert cal.closure_reason(july_3) is None
    assert cal.closure_reason(dt.date(2026, 12, 25)) == "Christmas Day"


def test_country_none_calendar_has_weekends_and_closures_only():
    """CalendarSpec: "country: ... or None for a calendar of weekends and closures only"."""
    plain = ep.BusinessCalendar.from_spec(
        calendar_module.CalendarSpec(country=None, first_year=2025, last_year=2026)
    )
    assert plain.is_business_day(dt.date(2025, 7, 4))
    assert plain.is_business_day(dt.date(2025, 12, 25))
    assert not plain.is_business_day(dt.date(2025, 7, 5))
    assert plain.add_business_days(dt.date(2025, 7, 3), 1) == dt.date(2025, 7, 4)
    assert plain.closure_reason(dt.date(2025, 7, 4)) is None
    closed = ep.BusinessCalendar.from_holidays(
        None,
        first_year=2025,
        last_year=2025,
        closures=[calendar_module.NATIONAL_DAY_OF_MOURNING_2025],
    )
    assert not closed.is_business_day(dt.date(2025, 1, 9))
    assert closed.is_business_day(dt.date(2025, 7, 4))
    # 2025 has 261 weekdays; less the closure, 260, of which (Jan 1, Dec 31] holds 259
    assert len(closed.business_days_in(dt.date(2025, 1, 1), dt.date(2025, 12, 31))) == 260
    assert closed.business_days_between(dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == 259


def test_equal_specs_share_one_calendar():
    """Design principle 4: "safe from many threads, picklable, cacheable"."""
    shared = ep.BusinessCalendar.us_federal()
    assert ep.BusinessCalendar.from_holidays("US") is shared
    assert ep.BusinessCalendar.from_spec(calendar_module.CalendarSpec()) is shared
    assert ep.BusinessCalendar.from_spec(calendar_module.CalendarSpec()) == CAL
    assert hash(ep.BusinessCalendar.from_spec(calendar_module.CalendarSpec())) == hash(CAL)


# -- threads and pickling ------------------------------------------------------------------


def _answers(cal: ep.BusinessCalendar, days: list[dt.date]) -> list[tuple[object, ...]]:
    return [
        (
            cal.is_business_day(d),
            cal.add_business_days(d, 2),
            cal.add_business_days(d, -7),
            cal.add_business_days(d, 250),
            cal.business_days_between(d, d + dt.timedelta(days=45)),
            cal.closure_reason(d),
        )
        for d in days
    ]


def test_threads_get_the_single_thread_answers():
    """Design principle 4: "rule functions with no side effects and no global mutable
    state: safe from many threads"."""
    rng = random.Random(20250109)
    start = dt.date(1991, 1, 1).toordinal()
    days = [dt.date.fromordinal(start + rng.randrange(39_000)) for _ in range(1500)]
    expected = _answers(CAL, days)
    barrier = threading.Barrier(8)

    def work() -> tuple[list[tuple[object, ...]], list[dt.date]]:
        barrier.wait()
        return _answers(CAL, days), CAL.add_business_days_many(days, 3)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = [f.result() for f in [pool.submit(work) for _ in range(8)]]
    finally:
        sys.setswitchinterval(old)
    batch = [CAL.add_business_days(d, 3) for d in days]
    for answers, many in results:
        assert answers == expected
        assert many == batch


def test_threads_racing_to_build_a_new_calendar_get_one_object():
    """Design principle 4: "safe from many threads, picklable, cacheable" — the first build
    of a spec happens once, however many threads ask for it at the same moment."""
    closure = calendar_module.DayOverride(
        on=dt.date(2030, 5, 15), name=f"test closure {uuid.uuid4()}", citation=CITE
    )
    spec = calendar_module.CalendarSpec(closures=(closure,))  # never built before: unique name
    barrier = threading.Barrier(8)

    def build() -> tuple[ep.BusinessCalendar, bool, dt.date]:
        barrier.wait()
        cal = ep.BusinessCalendar.from_spec(spec)
        return cal, cal.is_business_day(closure.on), cal.add_business_days(closure.on, -1)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = [f.result() for f in [pool.submit(build) for _ in range(8)]]
    finally:
        sys.setswitchinterval(old)
    first = results[0][0]
    assert all(cal is first for cal, _, _ in results)
    assert all((closed, before) == (False, dt.date(2030, 5, 14)) for _, closed, before in results)
    assert first.closure_reason(closure.on) == closure.name


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_returns_the_cached_calendar(protocol: int):
    """Design principle 4: "safe from many threads, picklable, cacheable"."""
    for cal in (
        ep.BusinessCalendar.us_federal(),
        ep.BusinessCalendar.from_holidays(
            "US",
            first_year=2024,
            last_year=2026,
            closures=[calendar_module.NATIONAL_DAY_OF_MOURNING_2025],
        ),
    ):
        again = pickle.loads(pickle.dumps(cal, protocol=protocol))
        assert again is cal
        assert again == cal


def test_pickle_rebuilds_in_a_process_without_the_calendar(monkeypatch: pytest.MonkeyPatch):
    """Design principle 4: "picklable" — a process that never built the calendar (a worker)
    rebuilds it from its spec and gets the same answers."""
    cal = ep.BusinessCalendar.from_holidays(
        "US",
        first_year=2024,
        last_year=2026,
        closures=[calendar_module.NATIONAL_DAY_OF_MOURNING_2025],
    )
    data = pickle.dumps(cal)
    assert len(data) < 2000  # pickled by spec, not by its tables
    monkeypatch.setattr(calendar_module, "_CACHE", {})
    again = pickle.loads(data)
    assert again is not cal
    assert again == cal
    assert hash(again) == hash(cal)
    days = [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(0, 1000, 7)]
    assert [again.add_business_days(d, 2) for d in days] == [
        cal.add_business_days(d, 2) for d in days
    ]
    assert not again.is_business_day(dt.date(2025, 1, 9))


# -- bad input -----------------------------------------------------------------------------

BAD_DAYS = [
    "2025-01-02",
    dt.datetime(2025, 1, 2, 9, 30),
    dt.datetime(2025, 1, 2, 9, 30, tzinfo=dt.timezone.utc),
    20250102,
    739253,
    2025.0,
    None,
    True,
    (2025, 1, 2),
    dt.time(9, 30),
]


@pytest.mark.parametrize("bad", BAD_DAYS, ids=repr)
def test_bad_days_are_refused_naming_the_field(bad: object):
    """Design principle 2: "Strings, timestamps and naive datetimes are rejected with a clear
    error"; principle 6: "raises a subclass of emrpath.EmrpathError that also subclasses the
    fitting builtin (... TypeError ...), with a message naming the field and the rule"."""
    good = dt.date(2025, 1, 2)
    calls = [
        ("day", lambda: CAL.is_business_day(bad)),  # type: ignore[arg-type]
        ("day", lambda: CAL.closure_reason(bad)),  # type: ignore[arg-type]
        ("day", lambda: CAL.add_business_days(bad, 2)),  # type: ignore[arg-type]
        ("a", lambda: CAL.business_days_between(bad, good)),  # type: ignore[arg-type]
        ("b", lambda: CAL.business_days_between(good, bad)),  # type: ignore[arg-type]
        ("start", lambda: CAL.business_days_in(bad, good)),  # type: ignore[arg-type]
        ("end", lambda: CAL.business_days_in(good, bad)),  # type: ignore[arg-type]
        ("days[0]", lambda: CAL.add_business_days_many([bad], 2)),  # type: ignore[list-item]
    ]
    for field, call in calls:
        with pytest.raises(ep.InputTypeError) as info:
            call()
        err = info.value
        assert isinstance(err, TypeError)
        assert isinstance(err, ep.EmrpathError)
        assert err.field == field
        assert err.rule == "business day"
        assert field in str(err)


@pytest.mark.parametrize("bad_n", [True, False, 2.0, 2.5, "2", None, -1.0], ids=repr)
def test_bad_step_counts_are_refused(bad_n: object):
    """Design principle 6: "Strict on bad input. ... Nothing is silently clamped, guessed or
    defaulted" — a bool or float is not a number of business days."""
    for call in (
        lambda: CAL.add_business_days(dt.date(2025, 1, 2), bad_n),  # type: ignore[arg-type]
        lambda: CAL.add_business_days_many([dt.date(2025, 1, 2)], bad_n),  # type: ignore[arg-type]
    ):
        with pytest.raises(ep.InputTypeError) as info:
            call()
        assert info.value.field == "n"
        assert isinstance(info.value, TypeError)


def test_numpy_and_pandas_scalars():
    """Design principle 2: a pandas `Timestamp` or numpy `datetime64` "that names a
    calendar day (midnight, no timezone) is that date"; a calendar has no timezone, so one
    with a time of day or a timezone is refused, like a datetime."""
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    for day in (np.datetime64("2025-01-02"), pd.Timestamp("2025-01-02")):
        assert CAL.add_business_days(day, 2) == dt.date(2025, 1, 6)
    bad = [np.datetime64("2025-01-02T09:30"), pd.Timestamp("2025-01-02 09:30")]
    bad += [pd.Timestamp("2025-01-02", tz="UTC")]
    for value in bad:
        with pytest.raises(ep.InputTypeError) as info:
            CAL.add_business_days(value, 2)
        assert info.value.field == "day"
    with pytest.raises(ep.InputTypeError) as n_info:
        CAL.add_business_days(dt.date(2025, 1, 2), np.int64(2))
    assert n_info.value.field == "n"


class _MyDate(dt.date):
    pass


@given(day_and_step(max_abs=100))
def test_date_subclasses_are_answered_as_plain_dates(case: tuple[dt.date, int]):
    """Design principle 2: "Inputs are datetime.date" — a date subclass that is not a
    datetime is the same day, and answers are plain dates."""
    day, n = case
    mine = _MyDate(day.year, day.month, day.day)
    result = CAL.add_business_days(mine, n)
    assert type(result) is dt.date
    assert result == CAL.add_business_days(day, n)
    assert CAL.is_business_day(mine) is CAL.is_business_day(day)


@given(
    st.one_of(
        st.dates(max_value=CAL_FIRST - ONE_DAY),
        st.dates(min_value=CAL_LAST + ONE_DAY),
    )
)
def test_dates_outside_the_years_are_refused(day: dt.date):
    """Design: "A calendar raises EmrpathError (a ValueError) for a date outside the years it
    was built for, instead of answering wrongly"."""
    inside = dt.date(2025, 1, 2)
    for call in (
        lambda: CAL.is_business_day(day),
        lambda: CAL.add_business_days(day, 0),
        lambda: CAL.add_business_days(day, 1),
        lambda: CAL.business_days_between(inside, day),
        lambda: CAL.add_business_days_many([day], 1),
    ):
        with pytest.raises(ep.CalendarRangeError) as info:
            call()
        assert isinstance(info.value, ValueError)
        assert isinstance(info.value, ep.EmrpathError)
        assert info.value.field is not None


@given(
    st.one_of(
        st.tuples(dates(dt.date(2090, 1, 1), CAL_LAST), st.integers(3000, 10**12)),
        st.tuples(dates(CAL_FIRST, dt.date(2000, 12, 31)), st.integers(-(10**12), -3000)),
    )
)
def test_stepping_past_the_ends_is_refused(case: tuple[dt.date, int]):
    """Design: "A calendar raises EmrpathError (a ValueError) for a date outside the years it
    was built for, instead of answering wrongly" — including an answer past either end
    (eleven years hold fewer than 3000 business days)."""
    day, n = case
    with pytest.raises(ep.CalendarRangeError) as info:
        CAL.add_business_days(day, n)
    assert info.value.field == "n"
    with raises_emrpath(ep.CalendarRangeError, field="days[0]", rule="business day"):
        CAL.add_business_days_many([day], n)


@pytest.mark.parametrize(
    ("kwargs", "error", "field", "message"),
    [
        (
            {"weekend": 5},
            ep.InputTypeError,
            "weekend",
            "must be a collection of weekday numbers, got int 5",
        ),
        (
            {"closures": 5},
            ep.InputTypeError,
            "closures",
            "must be a collection of DayOverride values, got int 5",
        ),
        (
            {"working_days": 5},
            ep.InputTypeError,
            "working_days",
            "must be a collection of DayOverride values, got int 5",
        ),
        (
            {"closures": [5]},
            ep.InvalidRecordError,
            "closures",
            "expected DayOverride values, got int",
        ),
        ({"country": 5}, ep.InputTypeError, "country", "must be a str code or None, got int 5"),
        (
            {"country": ""},
            ep.InvalidRecordError,
            "country",
            "must not be empty (None: no holiday source)",
        ),
        (
            {"subdiv": ""},
            ep.InvalidRecordError,
            "subdiv",
            "must not be empty (None: no holiday source)",
        ),
        (
            {"subdiv": "NY", "country": None},
            ep.InvalidRecordError,
            "subdiv",
            "a subdivision needs a country",
        ),
        (
            {"categories": 5},
            ep.InputTypeError,
            "categories",
            "must be a collection of category names, got int 5",
        ),
        (
            {"categories": [5]},
            ep.InputTypeError,
            "categories",
            "category names are str, got int 5",
        ),
        (
            {"categories": []},
            ep.InvalidRecordError,
            "categories",
            "needs at least one holidays category (such as 'public')",
        ),
    ],
)
def test_a_calendar_spec_says_what_is_wrong_with_each_field(
    kwargs: dict[str, object], error: type[ep.EmrpathError], field: str, message: str
) -> None:
    """Design principle 6: an invalid argument raises an EmrpathError "with a message naming
    the field and the rule": each field of a calendar's spec is refused with its own
    words, naming the field and the business-day rule."""
    with raises_emrpath(error, field=f"CalendarSpec.{field}", rule="business day") as raised:
        calendar_module.CalendarSpec(**kwargs)  # type: ignore[arg-type]
    assert type(raised.value) is error
    assert raised.value.message == message


def test_a_holidays_category_the_package_lacks_is_named_with_those_it_has() -> None:
    """Design principle 6: an unknown name is refused naming the field, the rule and the
    names that would be known."""
    spec = calendar_module.CalendarSpec(categories=["nope"])
    with raises_emrpath(
        ep.UnknownNameError, field="CalendarSpec.categories", rule="business day"
    ) as raised:
        ep.BusinessCalendar.from_spec(spec)
    head, _, known = raised.value.message.partition("; it has ")
    assert head == "the holidays package has no category 'nope' for 'US'"
    assert "public" in known.split(", ")  # the package's categories, as it lists them
    assert all(name.isidentifier() for name in known.split(", "))


def test_a_calendars_first_and_last_days_keep_their_holidays_overrides_and_weekends() -> None:
    """BusinessCalendar: "weekends, the holidays of its source and its overrides" apply on
    every day of its years, the first and the last included, whatever weekday its first
    year starts on (1990 starts on a Monday, 2025 on a Wednesday)."""
    cal = ep.BusinessCalendar.us_federal()
    assert not cal.is_business_day(dt.date(1990, 1, 1))  # New Year's Day, its first day
    assert not cal.is_business_day(dt.date(2100, 12, 31))  # New Year's Day 2101 observed
    notice = ep.Citation("https://example.org/notice", "closed by notice", "a notice")
    wednesday_start = ep.BusinessCalendar.from_spec(
        calendar_module.CalendarSpec(country=None, first_year=2025, last_year=2025)
    )
    week = [wednesday_start.is_business_day(dt.date(2025, 1, d)) for d in range(1, 8)]
    assert week == [True, True, True, False, False, True, True]
    ends = ep.BusinessCalendar.from_spec(
        calendar_module.CalendarSpec(
            country=None,
            first_year=2024,
            last_year=2028,
            closures=[calendar_module.DayOverride(dt.date(2024, 1, 1), "closed", notice)],
            working_days=[calendar_module.DayOverride(dt.date(2028, 12, 31), "open", notice)],
        )
    )
    assert not ends.is_business_day(dt.date(2024, 1, 1))  # a Monday closed by override
    assert ends.is_business_day(dt.date(2028, 12, 31))  # a Sunday opened by override


def test_stepping_past_the_calendar_names_the_count_and_the_years() -> None:
    """Design principle 6: a date past what the rules can compute raises an EmrpathError
    naming the field and the rule, and saying which years the calendar holds."""
    cal = ep.BusinessCalendar.us_federal()
    with raises_emrpath(ep.CalendarRangeError, field="n", rule="business day") as raised:
        cal.add_business_days(dt.date(2100, 12, 30), 5)
    assert raised.value.message == (
        "5 business days from 2100-12-30 falls outside this calendar's years (1990-2100)"
    )


# -- calendars built at run time: the first and last days of their years ------------------


def test_a_calendar_from_the_package_closes_holidays_on_its_first_and_last_days():
    """Design, business day: "US federal public holiday as observed", on every day of the
    years a calendar covers. A calendar the shipped table does not hold (a subdivision)
    is built from the holidays package: New Year's Day on its first day (2021-01-01, a
    Friday) and 2022's observed on its last (2021-12-31, a Friday) are closed."""
    ny = ep.BusinessCalendar.from_holidays("US", subdiv="NY", first_year=2021, last_year=2021)
    assert ny.first_day == dt.date(2021, 1, 1)
    assert not ny.is_business_day(dt.date(2021, 1, 1))
    assert ny.closure_reason(dt.date(2021, 1, 1)) == "New Year's Day"
    assert not ny.is_business_day(dt.date(2021, 12, 31))
    assert ny.closure_reason(dt.date(2021, 12, 31)) == "New Year's Day (observed)"
    assert ny.add_business_days(dt.date(2021, 12, 30), -1) == dt.date(2021, 12, 29)


def test_a_calendar_from_the_package_may_end_with_the_packages_last_year():
    """Design: a calendar "raises ... for a date outside the years it was built for": the
    holidays package has US data through 2100, so a calendar through 2100 is built, and its
    last day is 2100-12-31 (closed: 2101's New Year's Day observed)."""
    ny = ep.BusinessCalendar.from_holidays("US", subdiv="NY", first_year=2100, last_year=2100)
    assert ny.last_day == dt.date(2100, 12, 31)
    assert ny.closure_reason(dt.date(2100, 12, 31)) == "New Year's Day (observed)"
    assert ny.add_business_days(dt.date(2100, 12, 29), 1) == dt.date(2100, 12, 30)


@given(st.integers(1990, 2100))
@example(2017)  # 1 January a Sunday: the week's seventh day is a Saturday
@example(2022)  # 1 January a Saturday
def test_a_calendar_of_any_year_closes_exactly_its_weekends(year: int):
    """CalendarSpec: "country: ... or None for a calendar of weekends and closures only":
    a calendar built for any year, whatever weekday that year starts on, closes exactly the
    Saturdays and Sundays of its first weeks and of its last."""
    plain = ep.BusinessCalendar.from_spec(
        calendar_module.CalendarSpec(country=None, first_year=year, last_year=year)
    )
    edges = [dt.date(year, 1, 1) + dt.timedelta(days=k) for k in range(21)]
    edges += [dt.date(year, 12, 31) - dt.timedelta(days=k) for k in range(21)]
    for day in edges:
        assert plain.is_business_day(day) == (day.weekday() < 5), day


def test_an_override_on_a_calendars_first_day_applies():
    """Design, business day: "Ad-hoc closures can be added as cited data", and a cited
    working day opens a day: on the calendar's first day too (2022-01-01, a Saturday,
    opened; 2024-01-01, a Monday, closed)."""
    first = dt.date(2022, 1, 1)
    opened = ep.BusinessCalendar.from_holidays(
        None,
        first_year=2022,
        last_year=2022,
        working_days=[calendar_module.DayOverride(on=first, name="open", citation=CITE)],
    )
    assert opened.is_business_day(first)
    assert opened.add_business_days(dt.date(2022, 1, 3), -1) == first
    closed = ep.BusinessCalendar.from_holidays(
        None,
        first_year=2024,
        last_year=2024,
        closures=[calendar_module.DayOverride(on=dt.date(2024, 1, 1), name="shut", citation=CITE)],
    )
    assert not closed.is_business_day(dt.date(2024, 1, 1))
    assert closed.closure_reason(dt.date(2024, 1, 1)) == "shut"
