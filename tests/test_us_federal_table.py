"""The shipped US federal holiday table against the holidays package it was generated from.

``BusinessCalendar.us_federal()`` reads src/emrpath/_us_federal_holidays.py instead of the
holidays package, so a process's first calendar is cheap; these tests keep the table
equal to what the package says, and fail (asking for the table to be regenerated with
scripts/generate_us_federal_holidays.py) when the package's data changes.
"""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from hypothesis import given

import emrpath as ep
from emrpath import _us_federal_holidays as table
from emrpath.calendar import BusinessCalendar, CalendarSpec
from tests.strategies import dates

D = dt.date


def package_days(first_year: int, last_year: int) -> dict[dt.date, str]:
    source = holidays.country_holidays(
        "US", years=range(first_year - 1, last_year + 2), categories=("public",)
    )
    first, last = D(first_year, 1, 1), D(last_year, 12, 31)
    return {day: str(name) for day, name in source.items() if first <= day <= last}


def table_days() -> dict[dt.date, str]:
    return {D.fromisoformat(iso): name for name, isos in table.HOLIDAYS.items() for iso in isos}


def test_the_table_is_the_holidays_package_over_its_years() -> None:
    """Regenerate with scripts/generate_us_federal_holidays.py when this fails: the
    installed package's US public holidays are not the shipped table's."""
    assert (table.FIRST_YEAR, table.LAST_YEAR) == (1990, 2100)
    shipped, package = table_days(), package_days(table.FIRST_YEAR, table.LAST_YEAR)
    assert sorted(shipped) == sorted(package)
    if holidays.__version__ == table.HOLIDAYS_VERSION:  # names can be reworded between releases
        assert shipped == package


def test_a_table_day_is_listed_once() -> None:
    days = [iso for isos in table.HOLIDAYS.values() for iso in isos]
    assert len(days) == len(set(days))
    assert all(isos == tuple(sorted(isos)) for isos in table.HOLIDAYS.values())


PACKAGE = package_days(1990, 2100)


@given(day=dates())
def test_the_shipped_calendar_answers_as_the_package_says(day: dt.date) -> None:
    """design.md, "business day": "Monday-Friday and not a US federal public holiday as
    observed (the holidays package's US calendar, public category)". The calendar read
    from the table answers every date as the package's own data does."""
    shipped = BusinessCalendar.us_federal()
    open_by_package = day.weekday() < 5 and day not in PACKAGE
    assert shipped.is_business_day(day) is open_by_package
    assert (shipped.closure_reason(day) is not None) is (day.weekday() < 5 and day in PACKAGE)


def test_only_the_us_public_calendar_reads_the_table() -> None:
    assert "table shipped with emrpath" in ep.NREMT_EMR.calendar.holiday_data
    assert "table shipped with emrpath" in ep.ASCP_MLS.calendar.holiday_data
    state = BusinessCalendar.from_holidays("US", subdiv="NY", first_year=2024, last_year=2026)
    assert state.holiday_data == f"holidays {holidays.__version__} (installed package)"
    assert not state.is_business_day(D(2025, 2, 12))  # Lincoln's Birthday, New York only


@pytest.mark.parametrize(
    ("first_year", "last_year"), [(1990, 1990), (2021, 2022), (2099, 2100), (1990, 2100)]
)
def test_a_calendar_of_some_of_the_years_reads_the_same_days(
    first_year: int, last_year: int
) -> None:
    spec = CalendarSpec(first_year=first_year, last_year=last_year)
    cal = BusinessCalendar.from_spec(spec)
    expected = package_days(first_year, last_year)
    closed = {day for day in expected if day.weekday() < 5}
    assert {day for day in closed if not cal.is_business_day(day)} == closed
    assert cal.holiday_data.endswith("table shipped with emrpath)")
