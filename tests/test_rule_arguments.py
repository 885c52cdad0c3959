"""Every public rule function's arguments: bad input names the field and the rule; aware
datetimes are read in the program's timezone.

Design principle 6: "Every invalid record or argument raises a subclass of
`emrpath.EmrpathError` [...] with a message naming the field and the rule." Principle 2:
"a `datetime` is accepted only if it is timezone-aware and is converted to the program's
own timezone before its date is taken (NREMT: America/New_York; ASCP: America/Chicago)."
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import emrpath as ep
from tests.errors import raises_emrpath

D = dt.date
UTC = dt.timezone.utc

# (function, its date arguments with a valid value each, the rule its errors name)
RULES: list[tuple[Callable[..., Any], dict[str, dt.date], str]] = [
    (ep.expected_result_date, {"exam_on": D(2025, 3, 6)}, "result posting"),
    (ep.earliest_retest_date, {"attempt_on": D(2025, 3, 6)}, "retest wait"),
    (ep.course_expiration_date, {"completed_on": D(2024, 1, 5)}, "course window"),
    (
        ep.att_expiration_date,
        {"issued_on": D(2025, 3, 1), "course_completed_on": D(2024, 1, 5)},
        "authorization to test",
    ),
    (
        ep.portion_expiration_date,
        {"passed_on": D(2024, 2, 29), "course_completed_on": D(2023, 12, 1)},
        "passed portion validity",
    ),
    (ep.initial_expiration_date, {"certified_on": D(2025, 2, 10)}, "certification expiry"),
    (ep.appeal_deadline, {"notified_on": D(2025, 3, 6)}, "appeal"),
]
CASES = [
    pytest.param(function, args, field, rule, id=f"{function.__name__}-{field}")
    for function, args, rule in RULES
    for field in args
]
IDS = [function.__name__ for function, _, _ in RULES]


@pytest.mark.parametrize(("function", "args", "field", "rule"), CASES)
def test_a_naive_datetime_names_the_field_and_the_rule(
    function: Callable[..., Any], args: dict[str, dt.date], field: str, rule: str
) -> None:
    naive = dt.datetime.combine(args[field], dt.time(12))
    with pytest.raises(ep.NaiveDatetimeError) as info:
        function(**{**args, field: naive}, program=ep.NREMT_EMR)
    assert (info.value.field, info.value.rule) == (field, rule)


@pytest.mark.parametrize(("function", "args", "field", "rule"), CASES)
def test_a_string_names_the_field_and_the_rule(
    function: Callable[..., Any], args: dict[str, dt.date], field: str, rule: str
) -> None:
    with pytest.raises(ep.InputTypeError) as info:
        function(**{**args, field: args[field].isoformat()}, program=ep.NREMT_EMR)
    assert (info.value.field, info.value.rule) == (field, rule)


@pytest.mark.parametrize(("function", "args", "rule"), RULES, ids=IDS)
def test_a_program_that_is_not_a_program_names_program_and_the_rule(
    function: Callable[..., Any], args: dict[str, dt.date], rule: str
) -> None:
    with pytest.raises(ep.InputTypeError) as info:
        function(**args, program="NREMT_EMR")
    assert (info.value.field, info.value.rule) == ("program", rule)
    assert info.value.message == (
        "expected a Program such as emrpath.NREMT_EMR (emrpath.programs.get(key) looks one up "
        "by its key), got str"
    )


@pytest.mark.parametrize(("function", "args", "field", "rule"), CASES)
@pytest.mark.parametrize("program", [ep.NREMT_EMR, ep.ASCP_MLS], ids=["nremt", "ascp"])
def test_an_aware_datetime_is_read_in_the_programs_timezone(
    function: Callable[..., Any],
    args: dict[str, dt.date],
    field: str,
    rule: str,
    program: ep.Program,
) -> None:
    """03:30 UTC is still the evening before in New York (UTC-5) and Chicago (UTC-6)."""
    day = args[field]
    utc = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(3, 30), tzinfo=UTC)
    try:
        expected = function(**args, program=program)
    except ep.EmrpathError as err:  # the rule itself refuses these dates for this program
        with raises_emrpath(type(err), field=err.field, rule=err.rule):
            function(**{**args, field: utc}, program=program)
        return
    assert function(**{**args, field: utc}, program=program) == expected
    after = dt.datetime.combine(day, dt.time(12), tzinfo=UTC)  # noon UTC: the same day
    assert function(**{**args, field: after}, program=program) == expected


@pytest.mark.parametrize(
    ("function", "rule", "later", "earlier"),
    [
        (ep.att_expiration_date, "authorization to test", "issued_on", "course_completed_on"),
        (
            ep.portion_expiration_date,
            "passed portion validity",
            "passed_on",
            "course_completed_on",
        ),
    ],
    ids=["att", "portion"],
)
def test_a_record_dated_before_its_course_is_refused_naming_the_later_field(
    function: Callable[..., Any], rule: str, later: str, earlier: str
) -> None:
    """An authorization to test, or a passed portion, cannot predate the course it is
    under; the error names the field that is out of order."""
    with pytest.raises(ep.InvalidRecordError) as info:
        function(**{later: D(2024, 1, 4), earlier: D(2024, 1, 5)}, program=ep.NREMT_EMR)
    assert (info.value.field, info.value.rule) == (later, rule)
    assert "before the course completion 2024-01-05" in info.value.message
    assert (
        function(**{later: D(2024, 1, 5), earlier: D(2024, 1, 5)}, program=ep.NREMT_EMR)
        is not None
    )


# A date past what the rules can compute: the business calendar's last year (2100) for
# the result posting, the last representable date (9999-12-31) for the date arithmetic.
FAR: list[tuple[Callable[..., Any], dict[str, Any], str, str]] = [
    (ep.expected_result_date, {"exam_on": D(2100, 12, 30)}, "exam_on", "business day"),
    (ep.earliest_retest_date, {"attempt_on": D(9999, 12, 20)}, "attempt_on", "date arithmetic"),
    (
        ep.course_expiration_date,
        {"completed_on": D(9998, 3, 1)},
        "completed_on",
        "date arithmetic",
    ),
    (
        ep.att_expiration_date,
        {"issued_on": D(9999, 12, 1), "course_completed_on": D(9997, 12, 1)},
        "issued_on",
        "date arithmetic",
    ),
    (
        ep.att_expiration_date,
        {"issued_on": D(9999, 12, 1), "course_completed_on": D(9999, 1, 1)},
        "course_completed_on",
        "date arithmetic",
    ),
    (
        ep.portion_expiration_date,
        {"passed_on": D(9998, 2, 1), "course_completed_on": D(9998, 1, 1)},
        "passed_on",
        "date arithmetic",
    ),
    (
        ep.initial_expiration_date,
        {"certified_on": D(9998, 7, 1)},
        "certified_on",
        "date arithmetic",
    ),
    (ep.appeal_deadline, {"notified_on": D(9999, 12, 20)}, "notified_on", "date arithmetic"),
    (
        ep.plan_attempts,
        {"course": ep.CourseCompletion(D(2100, 6, 1)), "first_attempt_on": D(2100, 12, 30)},
        "first_attempt_on",
        "business day",
    ),
    (
        ep.plan_attempts,
        {"course": ep.CourseCompletion(D(2100, 6, 1)), "first_attempt_on": D(2100, 12, 1)},
        "first_attempt_on",
        "business day",
    ),
    (
        ep.plan_attempts,
        {"course": ep.CourseCompletion(D(9999, 6, 1)), "first_attempt_on": D(9999, 6, 2)},
        "course",
        "date arithmetic",
    ),
]


@pytest.mark.parametrize(
    ("function", "args", "field", "rule"),
    [pytest.param(*case, id=f"{case[0].__name__}-{case[2]}") for case in FAR],
)
def test_a_date_past_the_range_names_the_callers_argument(
    function: Callable[..., Any], args: dict[str, Any], field: str, rule: str
) -> None:
    """Design principle 6: every invalid argument raises an EmrpathError "with a message
    naming the field and the rule". A date whose answer falls past the business calendar's
    years, or past 9999-12-31, is the caller's argument: the error names it, not the
    calendar's ``day`` or the date arithmetic's ``date``."""
    with raises_emrpath(ep.CalendarRangeError, field=field, rule=rule) as info:
        function(**args, program=ep.NREMT_EMR)
    assert "outside" in info.value.message
