"""When an exam result is expected to post."""

from __future__ import annotations

import datetime as dt

from emrpath._dates import out_of_range_for
from emrpath.errors import CalendarRangeError
from emrpath.program import Program, check_program

__all__ = ["expected_result_date"]

_RULE = "result posting"


def expected_result_date(exam_on: dt.date | dt.datetime, *, program: Program) -> dt.date:
    """The date an exam result is expected: the n-th business day strictly after the exam.

    The exam date never counts, whatever weekday it is. This is the date the rules lead
    one to expect ("generally"), not a guarantee, and it assumes nothing holds the result
    (see :func:`emrpath.evaluate` for the held and pending cases).

    Args:
        exam_on: The exam date (or an aware datetime, read in the program's timezone).
        program: The program whose ``result_posting`` parameter applies.

    Raises:
        InputTypeError: ``exam_on`` is not a date (a string, say), or ``program`` is not a
            Program.
        NaiveDatetimeError: ``exam_on`` is a datetime without a timezone.
        CalendarRangeError: The answer falls outside the program's business calendar.
        NoRuleInForceError: ``exam_on`` is before the program's first rule for result posting
            (NREMT: 2015-01-01).

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> expected_result_date(dt.date(2025, 12, 5), program=ep.NREMT_EMR)  # Friday -> Tuesday
        datetime.date(2025, 12, 9)
        >>> expected_result_date(dt.date(2026, 4, 2), program=ep.NREMT_EMR)  # before Good Friday
        datetime.date(2026, 4, 6)
    """
    program = check_program(program, _RULE)
    day = program.date(exam_on, field="exam_on", rule=_RULE)
    posting = program.result_posting.value_at(day)
    try:
        return program.calendar.add_business_days(day, posting.business_days)
    except CalendarRangeError as err:
        raise out_of_range_for(err, "exam_on") from None
