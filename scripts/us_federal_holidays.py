"""Write tests/data/us_federal_holidays.csv: US federal holidays as observed, from the statute.

This script is independent of the code under test: it imports neither emrpath nor the
holidays package (nor anything but the standard library's ``datetime``, ``csv`` and
``argparse``). It applies only the rules of the law and of OPM's published schedules:

- 5 U.S.C. 6103(a) names the legal public holidays: New Year's Day (January 1); Birthday
  of Martin Luther King, Jr. (the third Monday in January; first observed in 1986);
  Washington's Birthday (the third Monday in February); Memorial Day (the last Monday in
  May); Juneteenth National Independence Day (June 19; added by Pub. L. 117-17 on
  2021-06-17, first observed on Friday 2021-06-18); Independence Day (July 4); Labor Day
  (the first Monday in September); Columbus Day (the second Monday in October); Veterans
  Day (November 11); Thanksgiving Day (the fourth Thursday in November); Christmas Day
  (December 25).
- 5 U.S.C. 6103(b) and Executive Order 11582: a holiday on a Saturday is observed on the
  Friday before, one on a Sunday on the Monday after. New Year's Day on a Saturday is
  therefore observed on 31 December of the year before (OPM: "January 1, 2022 (the
  legal public holiday for New Year's Day), falls on a Saturday. For most Federal
  employees, Friday, December 31, 2021, will be treated as a holiday").

Inauguration Day (5 U.S.C. 6103(c)) is a holiday only in the Washington, DC, area, and
the one-off closures of an executive order (Christmas Eve 2019, a National Day of
Mourning) are not holidays: neither is in the table.

Run from the repository root::

    python scripts/us_federal_holidays.py            # 1990-2035
    python scripts/us_federal_holidays.py 1997 2030

Each row is ``date,name``: the day the holiday is observed (the day off), and its name as
the statute spells it, followed by ``(observed)`` when it moved off its own date.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "us_federal_holidays.csv"

MONDAY, THURSDAY, SATURDAY, SUNDAY = 0, 3, 5, 6


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (Monday is 0) of a month."""
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def last_weekday(year: int, month: int, weekday: int) -> dt.date:
    """The last ``weekday`` of a month."""
    after = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = after - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def legal_holidays(year: int) -> list[tuple[dt.date, str]]:
    """5 U.S.C. 6103(a): the legal public holidays of ``year``, on their own dates."""
    days = [
        (dt.date(year, 1, 1), "New Year's Day"),
        (nth_weekday(year, 1, MONDAY, 3), "Birthday of Martin Luther King, Jr."),
        (nth_weekday(year, 2, MONDAY, 3), "Washington's Birthday"),
        (last_weekday(year, 5, MONDAY), "Memorial Day"),
        (dt.date(year, 7, 4), "Independence Day"),
        (nth_weekday(year, 9, MONDAY, 1), "Labor Day"),
        (nth_weekday(year, 10, MONDAY, 2), "Columbus Day"),
        (dt.date(year, 11, 11), "Veterans Day"),
        (nth_weekday(year, 11, THURSDAY, 4), "Thanksgiving Day"),
        (dt.date(year, 12, 25), "Christmas Day"),
    ]
    if year < 1986:  # the King holiday was first observed in 1986
        days = [d for d in days if not d[1].startswith("Birthday of Martin")]
    if year >= 2021:
        days.append((dt.date(year, 6, 19), "Juneteenth National Independence Day"))
    return sorted(days)


def observed(day: dt.date) -> dt.date:
    """5 U.S.C. 6103(b): Saturday -> the Friday before; Sunday -> the Monday after."""
    if day.weekday() == SATURDAY:
        return day - dt.timedelta(days=1)
    if day.weekday() == SUNDAY:
        return day + dt.timedelta(days=1)
    return day


def table(first: int, last: int) -> list[tuple[dt.date, str]]:
    """Observed holidays dated in ``first``..``last`` (a year's New Year's Day on a Saturday
    is observed in the year before, so the year after ``last`` is asked too)."""
    rows = []
    for year in range(first - 1, last + 2):
        for day, name in legal_holidays(year):
            off = observed(day)
            if first <= off.year <= last:
                rows.append((off, name if off == day else f"{name} (observed)"))
    return sorted(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=int, nargs="?", default=1990)
    parser.add_argument("last", type=int, nargs="?", default=2035)
    args = parser.parse_args()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["date", "name"])
        for day, name in table(args.first, args.last):
            writer.writerow([day.isoformat(), name])


if __name__ == "__main__":
    main()
