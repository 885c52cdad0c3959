"""When an initial certification expires."""

from __future__ import annotations

import datetime as dt

from emrpath._dates import out_of_range_for
from emrpath.errors import CalendarRangeError
from emrpath.program import Program, check_program

__all__ = ["initial_expiration_date"]

_RULE = "certification expiry"


def initial_expiration_date(
    certified_on: dt.date | dt.datetime, *, program: Program
) -> dt.date | None:
    """The expiration date of a certification issued on ``certified_on``.

    For NREMT EMR: September 30 of the certification year + 2 (certified January–June)
    or + 3 (July–December). ``None`` for a certification that does not expire.

    Raises:
        InputTypeError: ``certified_on`` is not a date (a string, say), or ``program`` is not a
            Program.
        NaiveDatetimeError: ``certified_on`` is a datetime without a timezone.
        CalendarRangeError: The answer is outside the dates Python can represent (years 1 to
            9999).
        NoRuleInForceError: ``certified_on`` is before the program's first rule for the
            certification term (NREMT: 2015-01-01).

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> initial_expiration_date(dt.date(2025, 6, 30), program=ep.NREMT_EMR)
        datetime.date(2027, 9, 30)
        >>> initial_expiration_date(dt.date(2025, 7, 1), program=ep.NREMT_EMR)
        datetime.date(2028, 9, 30)
    """
    program = check_program(program, _RULE)
    day = program.date(certified_on, field="certified_on", rule=_RULE)
    try:
        return program.certification_term.value_at(day).expires_on(day)
    except CalendarRangeError as err:
        raise out_of_range_for(err, "certified_on", _RULE) from None
