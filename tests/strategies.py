"""Shared hypothesis strategies: generated dates mixed with hand-picked edge dates.

Every date property in the suite draws from :func:`dates`, so each one meets leap days,
year ends, observed-holiday Fridays and Mondays, Juneteenth before and after 2021, DST
change days and the calendar's first and last years, not only random days.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

CAL_FIRST = dt.date(1990, 1, 1)
CAL_LAST = dt.date(2100, 12, 31)

EDGE_DATES: tuple[dt.date, ...] = (
    # leap days and the days around them
    dt.date(1992, 2, 29),
    dt.date(2000, 2, 29),
    dt.date(2024, 2, 28),
    dt.date(2024, 2, 29),
    dt.date(2024, 3, 1),
    dt.date(2028, 2, 29),
    dt.date(2096, 2, 29),
    dt.date(2100, 2, 28),
    # year ends; observed New Year's Day on Friday 31 December
    dt.date(2010, 12, 31),
    dt.date(2011, 1, 1),
    dt.date(2021, 12, 31),
    dt.date(2022, 1, 1),
    dt.date(2022, 1, 3),
    dt.date(2025, 12, 31),
    dt.date(2026, 1, 1),
    # observed-holiday Fridays and Mondays
    dt.date(2026, 7, 3),
    dt.date(2020, 7, 3),
    dt.date(2022, 12, 26),
    dt.date(2023, 1, 2),
    dt.date(2021, 12, 24),
    dt.date(2023, 11, 10),
    dt.date(2021, 7, 5),
    # Juneteenth: not a holiday before 2021, observed from 2021
    dt.date(2020, 6, 19),
    dt.date(2021, 6, 18),
    dt.date(2022, 6, 20),
    dt.date(2023, 6, 19),
    # Good Friday (a business day) and the Thursday before it
    dt.date(2026, 4, 2),
    dt.date(2026, 4, 3),
    dt.date(2025, 4, 18),
    # an ad-hoc federal closure (National Day of Mourning) and a Friday exam
    dt.date(2025, 1, 9),
    dt.date(2025, 12, 5),
    # DST change days (America/New_York, America/Chicago)
    dt.date(2025, 3, 9),
    dt.date(2025, 11, 2),
    dt.date(2026, 3, 8),
    dt.date(2026, 11, 1),
    # month ends of every length
    dt.date(2025, 1, 31),
    dt.date(2025, 4, 30),
    dt.date(2025, 2, 28),
    dt.date(2023, 9, 30),
    # policy effective dates
    dt.date(2015, 1, 1),
    dt.date(2018, 10, 31),
    dt.date(2018, 11, 1),
    dt.date(2023, 5, 31),
    dt.date(2023, 6, 1),
    dt.date(2025, 4, 7),
    dt.date(2025, 9, 30),
    dt.date(2025, 10, 1),
    # the calendar's first and last years
    CAL_FIRST,
    dt.date(1990, 1, 2),
    dt.date(1990, 12, 31),
    dt.date(2100, 1, 1),
    dt.date(2100, 12, 30),
    CAL_LAST,  # also New Year's Day (observed) of 2101
)


def dates(
    min_value: dt.date = CAL_FIRST, max_value: dt.date = CAL_LAST
) -> st.SearchStrategy[dt.date]:
    """Dates in ``[min_value, max_value]``: edge dates in range, mixed with generated ones."""
    edges = [d for d in EDGE_DATES if min_value <= d <= max_value]
    generated = st.dates(min_value=min_value, max_value=max_value)
    if not edges:
        return generated
    return st.one_of(st.sampled_from(edges), generated)
