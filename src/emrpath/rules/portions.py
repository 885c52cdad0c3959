"""How long a passed exam or skills portion stays valid."""

from __future__ import annotations

import datetime as dt

from emrpath._dates import out_of_range_for
from emrpath.errors import CalendarRangeError, InvalidRecordError
from emrpath.program import Program, check_program

__all__ = ["portion_expiration_date"]

_RULE = "passed portion validity"


def portion_expiration_date(
    passed_on: dt.date | dt.datetime,
    course_completed_on: dt.date | dt.datetime,
    *,
    program: Program,
) -> dt.date | None:
    """The last day a portion passed on ``passed_on`` stays valid (``None``: no limit).

    For NREMT EMR: the same day number 24 months later (clamped to the month's end), or
    12 months when the course was completed before 2018-11-01.

    Raises:
        InputTypeError: ``passed_on`` or ``course_completed_on`` is not a date, or ``program``
            is not a Program.
        NaiveDatetimeError: ``passed_on`` or ``course_completed_on`` is a datetime without a
            timezone.
        InvalidRecordError: ``passed_on`` is before ``course_completed_on``.
        CalendarRangeError: The answer is outside the dates Python can represent (years 1 to
            9999).
        NoRuleInForceError: A date is before the program's first rule for it (NREMT:
            2015-01-01).

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> emr = ep.NREMT_EMR
        >>> portion_expiration_date(dt.date(2024, 2, 29), dt.date(2023, 12, 1), program=emr)
        datetime.date(2026, 2, 28)
        >>> portion_expiration_date(dt.date(2018, 12, 3), dt.date(2018, 10, 15), program=emr)
        datetime.date(2019, 12, 3)
    """
    program = check_program(program, _RULE)
    passed = program.date(passed_on, field="passed_on", rule=_RULE)
    completed = program.date(course_completed_on, field="course_completed_on", rule=_RULE)
    if passed < completed:
        raise InvalidRecordError(
            f"passed {passed}, before the course completion {completed}",
            field="passed_on",
            rule=_RULE,
        )
    if program.portion_validity is None:
        return None
    validity = program.portion_validity.value_at(completed)
    if validity is None:
        return None
    try:
        return validity.expires_on(passed)
    except CalendarRangeError as err:
        raise out_of_range_for(err, "passed_on", _RULE) from None
