"""The business-day arithmetic against numpy and pandas, over the calendar's whole range.

Both are given the calendar's own closed weekdays as their holidays, so what is compared is
the arithmetic, not the holiday data (``test_holiday_fixture.py`` checks that against the
statute). Conventions mapped onto numpy's:

- ``add_business_days(d, n)``, ``n >= 1``: ``np.busday_offset(d, n, roll="backward")``
  (a non-business start rolls back first, so the first step lands on the next business
  day); ``n <= -1``: ``roll="forward"``.
- ``business_days_between(a, b)``, ``b >= a``: business days in ``(a, b]`` =
  ``np.busday_count(a + 1, b + 1)`` (numpy counts ``[begin, end)``); ``b < a``: minus those
  in ``[b, a)`` = ``-np.busday_count(b, a)``.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from tests.strategies import CAL_FIRST, CAL_LAST, dates

CAL = ep.BusinessCalendar.us_federal()
DAY = np.timedelta64(1, "D")
ALL_DAYS = np.arange(
    np.datetime64(CAL_FIRST), np.datetime64(CAL_LAST) + DAY, dtype="datetime64[D]"
)
CLOSED = [
    day for day in ALL_DAYS.astype(dt.date) if day.weekday() < 5 and not CAL.is_business_day(day)
]
NUMPY = np.busdaycalendar(weekmask="1111100", holidays=np.array(CLOSED, dtype="datetime64[D]"))
PANDAS_DAY = pd.offsets.CustomBusinessDay(holidays=CLOSED)


def test_every_day_is_a_business_day_exactly_when_numpy_says_so() -> None:
    """design.md: a business day is "Monday–Friday and not a US federal public holiday as
    observed": 1990-2100, every day."""
    ours = np.array([CAL.is_business_day(day) for day in ALL_DAYS.astype(dt.date)])
    assert np.array_equal(ours, np.is_busday(ALL_DAYS, busdaycal=NUMPY))
    assert len(CLOSED) > 10 * (CAL_LAST.year - CAL_FIRST.year)  # holidays, not only weekends


def test_add_business_days_matches_numpy_from_every_day_of_the_range() -> None:
    """design.md: "n >= 1: n-th business day strictly after d; n <= -1: strictly before",
    from every day of 1990-2100 (business days and not), for short and long steps."""
    days = ALL_DAYS.astype(dt.date).tolist()
    for n in (1, 2, 3, 5, 10, 21, 250, 2_000, -1, -2, -5, -21, -250, -2_000):
        expected = np.busday_offset(
            ALL_DAYS, n, roll="backward" if n > 0 else "forward", busdaycal=NUMPY
        )
        inside = (expected >= ALL_DAYS[0]) & (expected <= ALL_DAYS[-1])
        starts = [day for day, ok in zip(days, inside, strict=True) if ok]
        ours = CAL.add_business_days_many(starts, n)
        assert ours == expected[inside].astype(dt.date).tolist(), n


def _numpy_between(a: dt.date, b: dt.date) -> int:
    if b >= a:
        return int(
            np.busday_count(np.datetime64(a) + DAY, np.datetime64(b) + DAY, busdaycal=NUMPY)
        )
    return -int(np.busday_count(np.datetime64(b), np.datetime64(a), busdaycal=NUMPY))


@given(dates(), dates())
def test_business_days_between_matches_numpy(a: dt.date, b: dt.date) -> None:
    """design.md: "business_days_between(a, b) -> int: business days in (a, b]; negative if
    b < a"."""
    assert CAL.business_days_between(a, b) == _numpy_between(a, b)


def test_business_days_between_matches_numpy_for_every_start_and_some_gaps() -> None:
    """design.md: "business days in (a, b]; negative if b < a", from every day of the
    range to a day some gap away."""
    for gap in (0, 1, 2, 3, 6, 7, 30, 365, 4_000, -1, -2, -7, -30, -365, -4_000):
        starts = ALL_DAYS[max(0, -gap) : len(ALL_DAYS) - max(0, gap)]
        ends = starts + gap * DAY
        if gap >= 0:
            expected = np.busday_count(starts + DAY, ends + DAY, busdaycal=NUMPY)
        else:
            expected = -np.busday_count(ends, starts, busdaycal=NUMPY)
        pairs = zip(starts.astype(dt.date), ends.astype(dt.date), strict=True)
        ours = [CAL.business_days_between(a, b) for a, b in pairs]
        assert ours == expected.tolist(), gap


@given(dates(), st.integers(-600, 600).filter(bool))
def test_add_business_days_matches_pandas(day: dt.date, n: int) -> None:
    """design.md: "n >= 1: n-th business day strictly after d; n <= -1: strictly before";
    pandas' CustomBusinessDay steps the same way from a business day or not."""
    expected = (pd.Timestamp(day) + n * PANDAS_DAY).date()
    if CAL_FIRST <= expected <= CAL_LAST:
        assert CAL.add_business_days(day, n) == expected


@given(dates(), dates())
def test_business_days_between_matches_pandas(a: dt.date, b: dt.date) -> None:
    """design.md: "business days in (a, b]; negative if b < a"; pandas counts the business
    days of a range with both ends included."""
    if b >= a:
        inside = pd.date_range(a + dt.timedelta(days=1), b, freq=PANDAS_DAY)
        assert CAL.business_days_between(a, b) == len(inside)
    else:
        inside = pd.date_range(b, a - dt.timedelta(days=1), freq=PANDAS_DAY)
        assert CAL.business_days_between(a, b) == -len(inside)
