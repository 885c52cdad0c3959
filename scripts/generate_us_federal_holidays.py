"""Regenerate src/emrpath/_us_federal_holidays.py from the installed holidays package.

Run by hand when the holidays package's US data changes (tests/test_us_federal_table.py
fails until the table is regenerated): ``python scripts/generate_us_federal_holidays.py``.
The table is what :meth:`emrpath.BusinessCalendar.us_federal` reads, so the first
calendar of a process is built without importing the holidays package.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import holidays

FIRST_YEAR = 1990
LAST_YEAR = 2100
TARGET = Path(__file__).resolve().parents[1] / "src" / "emrpath" / "_us_federal_holidays.py"


def table() -> dict[str, list[dt.date]]:
    """Every US public holiday as observed in FIRST_YEAR..LAST_YEAR, dates by name.

    A year on each side is asked for because an observed day can fall in the
    neighbouring year (New Year's Day on a Saturday is observed the Friday before).
    """
    source = holidays.country_holidays(
        "US", years=range(FIRST_YEAR - 1, LAST_YEAR + 2), categories=("public",)
    )
    by_name: dict[str, list[dt.date]] = defaultdict(list)
    first, last = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)
    for day, name in sorted(source.items()):
        if first <= day <= last:
            by_name[str(name)].append(day)
    return dict(sorted(by_name.items()))


def render(by_name: dict[str, list[dt.date]]) -> str:
    lines = [
        '"""US federal public holidays as observed, 1990-2100: GENERATED, do not edit.',
        "",
        "Written by scripts/generate_us_federal_holidays.py from the holidays package",
        f"{holidays.__version__} (country US, category public); the calendar's "
        "``holiday_data`` names that",
        "version. tests/test_us_federal_table.py checks the table against the installed",
        "package.",
        '"""',
        "",
        f'HOLIDAYS_VERSION = "{holidays.__version__}"',
        f"FIRST_YEAR = {FIRST_YEAR}",
        f"LAST_YEAR = {LAST_YEAR}",
        "",
        "# Each holiday's name with its days (ISO dates), as the holidays package names them.",
        "# fmt: off",
        "HOLIDAYS: dict[str, tuple[str, ...]] = {",
    ]
    for name, days in by_name.items():
        lines.append(f"    {json.dumps(name)}: (")
        isos = [f'"{day.isoformat()}"' for day in days]
        for start in range(0, len(isos), 6):
            lines.append("        " + ", ".join(isos[start : start + 6]) + ",")
        lines.append("    ),")
    lines.append("}")
    lines.append("# fmt: on")
    return "\n".join(lines) + "\n"


def main() -> None:
    TARGET.write_text(render(table()), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
