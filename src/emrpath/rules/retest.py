"""The wait between cognitive attempts."""

from __future__ import annotations

import datetime as dt

from emrpath._dates import out_of_range_for
from emrpath.errors import CalendarRangeError
from emrpath.program import Program, check_program

__all__ = ["earliest_retest_date"]

_RULE = "retest wait"


def earliest_retest_date(attempt_on: dt.date | dt.datetime, *, program: Program) -> dt.date:
    """The first date a candidate may retest after an attempt on ``attempt_on``.

    Args:
        attempt_on: The date of the last attempt.
        program: The program whose ``retest_wait`` parameter applies.

    Raises:
        InputTypeError: ``attempt_on`` is not a date (a string, say), or ``program`` is not a
            Program.
        NaiveDatetimeError: ``attempt_on`` is a datetime without a timezone.
        CalendarRangeError: The answer is outside the dates Python can represent (years 1 to
            9999).
        NoRuleInForceError: ``attempt_on`` is before the program's first rule for the retest
            wait (NREMT: 2015-01-01).

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> earliest_retest_date(dt.date(2025, 12, 20), program=ep.NREMT_EMR)
        datetime.date(2026, 1, 4)
    """
    program = check_program(program, _RULE)
    day = program.date(attempt_on, field="attempt_on", rule=_RULE)
    try:
        return program.retest_wait.value_at(day).earliest_after(day)
    except CalendarRangeError as err:
        raise out_of_range_for(err, "attempt_on", _RULE) from None
