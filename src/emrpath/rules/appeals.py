"""The time limit for a written appeal (or exam review request)."""

from __future__ import annotations

import datetime as dt

from emrpath._dates import out_of_range_for
from emrpath._validators import shown
from emrpath.errors import CalendarRangeError, NoRuleInForceError
from emrpath.program import Program, check_program

__all__ = ["appeal_deadline"]

_RULE = "appeal"


def appeal_deadline(notified_on: dt.date | dt.datetime, *, program: Program) -> dt.date:
    """The last day a written appeal of a decision notified on ``notified_on`` may arrive.

    For ASCP MLS: received within 30 days following notification of the decision. For
    NREMT EMR: an exam review requested in writing within 30 days of the result notice.

    Raises:
        NoRuleInForceError: The program has no appeal rule (or none on that date).
        InputTypeError: ``notified_on`` is not a date (a string, say), or ``program`` is not a
            Program.
        NaiveDatetimeError: ``notified_on`` is a datetime without a timezone.
        CalendarRangeError: The answer is outside the dates Python can represent (years 1 to
            9999).

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> appeal_deadline(dt.date(2025, 6, 2), program=ep.ASCP_MLS)
        datetime.date(2025, 7, 2)
    """
    program = check_program(program, _RULE)
    day = program.date(notified_on, field="notified_on", rule=_RULE)
    if program.appeal_window is None:
        raise NoRuleInForceError(
            f"program {shown(program.key)} defines no appeal rule", field="program", rule=_RULE
        )
    try:
        return program.appeal_window.value_at(day).last_day(day)
    except CalendarRangeError as err:
        raise out_of_range_for(err, "notified_on", _RULE) from None
