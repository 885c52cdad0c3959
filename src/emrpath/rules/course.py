"""The course window and the authorization to test."""

from __future__ import annotations

import datetime as dt

from emrpath._dates import out_of_range_for
from emrpath.errors import CalendarRangeError, InvalidRecordError
from emrpath.program import Program, check_program

__all__ = ["att_expiration_date", "course_expiration_date"]


def course_expiration_date(completed_on: dt.date | dt.datetime, *, program: Program) -> dt.date:
    """The last day a course completed on ``completed_on`` qualifies its holder to test.

    For NREMT EMR: the last day of the completion month, two years later.

    Raises:
        InputTypeError: ``completed_on`` is not a date (a string, say), or ``program`` is not a
            Program.
        NaiveDatetimeError: ``completed_on`` is a datetime without a timezone.
        CalendarRangeError: The answer is outside the dates Python can represent (years 1 to
            9999).
        NoRuleInForceError: ``completed_on`` is before the program's first rule for the course
            window (NREMT: 2015-01-01).

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> course_expiration_date(dt.date(2024, 1, 5), program=ep.NREMT_EMR)
        datetime.date(2026, 1, 31)
        >>> course_expiration_date(dt.date(2024, 2, 29), program=ep.NREMT_EMR)
        datetime.date(2026, 2, 28)
    """
    program = check_program(program, "course window")
    day = program.date(completed_on, field="completed_on", rule="course window")
    try:
        return program.course_validity.value_at(day).expires_on(day)
    except CalendarRangeError as err:
        raise out_of_range_for(err, "completed_on", "course window") from None


def att_expiration_date(
    issued_on: dt.date | dt.datetime,
    course_completed_on: dt.date | dt.datetime,
    *,
    program: Program,
) -> dt.date:
    """The last valid day of an authorization to test issued on ``issued_on``.

    For NREMT EMR: issue date + 90 days, or the course expiration date if that is earlier.

    Raises:
        InvalidRecordError: The authorization is dated before the course completion, or
            (where the course caps it) after the course expired: no authorization can be
            issued then, and it would end before it was issued.
        InputTypeError: ``issued_on`` or ``course_completed_on`` is not a date, or ``program``
            is not a Program.
        NaiveDatetimeError: ``issued_on`` or ``course_completed_on`` is a datetime without a
            timezone.
        NoRuleInForceError: ``course_completed_on`` is before the program's first rule for the
            course window (NREMT: 2015-01-01).

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> att_expiration_date(dt.date(2025, 3, 1), dt.date(2024, 1, 5), program=ep.NREMT_EMR)
        datetime.date(2025, 5, 30)
        >>> att_expiration_date(dt.date(2025, 12, 1), dt.date(2024, 1, 5), program=ep.NREMT_EMR)
        datetime.date(2026, 1, 31)
        >>> import emrpath as ep
        >>> att_expiration_date(dt.date(2026, 2, 5), dt.date(2024, 1, 5), program=ep.NREMT_EMR)
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: issued_on: issued 2026-02-05, after the course \
expired on 2026-01-31; an authorization to test cannot be issued for an expired course \
(rule: authorization to test)
    """
    rule = "authorization to test"
    program = check_program(program, rule)
    issued = program.date(issued_on, field="issued_on", rule=rule)
    completed = program.date(course_completed_on, field="course_completed_on", rule=rule)
    if issued < completed:
        raise InvalidRecordError(
            f"issued {issued}, before the course completion {completed}",
            field="issued_on",
            rule=rule,
        )
    try:
        course_end = program.course_validity.value_at(completed).expires_on(completed)
    except CalendarRangeError as err:
        raise out_of_range_for(err, "course_completed_on", rule) from None
    try:
        return program.authorization.value_at(issued).expires_on(issued, course_end)
    except CalendarRangeError as err:
        raise out_of_range_for(err, "issued_on", rule) from None
