"""The business calendar against a holiday table that does not come from the code under test.

``tests/data/us_federal_holidays.csv`` lists US federal holidays as observed, 1990-2035,
written by ``scripts/us_federal_holidays.py`` from 5 U.S.C. 6103 and OPM's observance
rules alone (standard library only: no emrpath, no holidays package). The calendar is
built from the holidays package; these tests check it against the law.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import emrpath as ep

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "us_federal_holidays.csv"
SCRIPT = ROOT / "scripts" / "us_federal_holidays.py"
D = dt.date


def _read() -> dict[dt.date, str]:
    with FIXTURE.open(encoding="utf-8", newline="") as table:
        rows = list(csv.DictReader(table))
    return {dt.date.fromisoformat(row["date"]): row["name"] for row in rows}


HOLIDAYS = _read()
FIRST = min(HOLIDAYS).year
LAST = max(HOLIDAYS).year


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("us_federal_holidays", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_table_covers_1997_to_2030_with_every_holiday_each_year() -> None:
    """5 U.S.C. 6103(a): eleven legal public holidays from 2021 (Juneteenth added), ten
    before; OPM publishes its schedules from 1997."""
    assert FIRST <= 1997
    assert LAST >= 2030
    for year in range(FIRST, LAST + 1):
        # observed dates: New Year's Day can move into the year before
        names = {n.removesuffix(" (observed)") for d, n in HOLIDAYS.items() if d.year == year}
        expected = 11 if year >= 2021 else 10
        assert len(names | {"New Year's Day"}) == expected, year


def test_the_table_holds_the_observances_the_sources_name() -> None:
    """OPM: "January 1, 2022 (the legal public holiday for New Year's Day), falls on a
    Saturday. For most Federal employees, Friday, December 31, 2021, will be treated as a
    holiday"; July 4, 2026 is a Saturday, observed Friday July 3; Juneteenth is a holiday
    from 2021 (first observed Friday June 18, 2021)."""
    assert HOLIDAYS[D(2021, 12, 31)] == "New Year's Day (observed)"
    assert HOLIDAYS[D(2026, 7, 3)] == "Independence Day (observed)"
    assert HOLIDAYS[D(2021, 6, 18)] == "Juneteenth National Independence Day (observed)"
    assert HOLIDAYS[D(2023, 1, 2)] == "New Year's Day (observed)"
    assert D(2020, 6, 19) not in HOLIDAYS
    assert D(2026, 4, 3) not in HOLIDAYS  # Good Friday is no federal holiday
    assert all(day.weekday() < 5 for day in HOLIDAYS)  # observed days are weekdays


def test_us_federal_is_the_statute_on_every_day_of_the_table() -> None:
    """design.md: a business day is "Monday–Friday and not a US federal public holiday as
    observed": on every day the table covers, the calendar closes exactly its holidays."""
    cal = ep.BusinessCalendar.us_federal()
    day, last = D(FIRST, 1, 1), D(LAST, 12, 31)
    wrong = []
    while day <= last:
        expected = day.weekday() < 5 and day not in HOLIDAYS
        if cal.is_business_day(day) is not expected:
            wrong.append(day)
        if day.weekday() < 5 and (cal.closure_reason(day) is not None) is (day not in HOLIDAYS):
            wrong.append(day)
        day += dt.timedelta(days=1)
    assert wrong == []


@pytest.mark.parametrize(
    ("day", "after"),
    [
        (D(2021, 12, 30), D(2022, 1, 3)),  # over the observed New Year's Day of 2022
        (D(2026, 7, 2), D(2026, 7, 6)),  # over the observed Independence Day of 2026
        (D(1999, 12, 30), D(2000, 1, 3)),
    ],
)
def test_stepping_over_an_observed_holiday(day: dt.date, after: dt.date) -> None:
    """design.md: the next business day skips a holiday observed on a Friday."""
    assert ep.BusinessCalendar.us_federal().add_business_days(day, 1) == after


def test_the_table_is_what_the_script_writes() -> None:
    """The checked-in table is the script's output, not hand-edited."""
    rows = _script().table(FIRST, LAST)
    assert dict(rows) == HOLIDAYS
    assert len(rows) == len(HOLIDAYS)


def test_the_script_is_independent_of_the_code_under_test() -> None:
    """The fixture's generator imports only the standard library: never emrpath, never the
    holidays package the calendar is built from."""
    tree = ast.parse(SCRIPT.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= {"__future__", "argparse", "csv", "datetime", "pathlib"}
