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

import attrs
import pytest

import emrpath as ep
from emrpath._dates import add_days, add_months
from emrpath.authority import AgencyCredential, StateLicense
from emrpath.params import Param
from emrpath.policies import (
    AnniversaryExpiry,
    AppealWindow,
    AuthorizationWindow,
    DeadlineRecertWindow,
    FixedDaysWait,
    MonthEndValidity,
    MonthsCeWindow,
    MonthsValidity,
    NextPeriodWait,
    NoExpiry,
    RecertExam,
    RecertificationCycle,
    RollingCeWindow,
    SeasonalExpiry,
    SeasonalRecertWindow,
)
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


# The policy values' own methods take dates too (the engine calls them with dates it has
# checked; callers may call them directly). A policy has no timezone, so it takes a date
# only, like a business calendar: a string or any datetime is refused, naming the argument
# as the caller typed it and the rule. (policy method, its valid date arguments, the rule)
POLICY_METHODS: list[tuple[Callable[..., Any], dict[str, dt.date | None], str]] = [
    (FixedDaysWait(days=15).earliest_after, {"last_attempt_on": D(2025, 3, 6)}, "retest wait"),
    (NextPeriodWait(months=3).earliest_after, {"last_attempt_on": D(2025, 3, 6)}, "retest wait"),
    (AppealWindow(days=30).last_day, {"notified_on": D(2025, 3, 6)}, "appeal"),
    (
        AuthorizationWindow(days=90, capped_by_course=True).expires_on,
        {"issued_on": D(2025, 3, 6), "course_expires_on": D(2026, 1, 31)},
        "authorization to test",
    ),
    (MonthEndValidity(months=24).expires_on, {"start": D(2024, 1, 5)}, "validity period"),
    (MonthsValidity(months=24).expires_on, {"start": D(2024, 1, 5)}, "validity period"),
    (
        SeasonalExpiry(9, 30, split_month=7, years_before_split=2, years_from_split=3).expires_on,
        {"certified_on": D(2025, 6, 2)},
        "certification expiry",
    ),
    (
        AnniversaryExpiry(years=3).expires_on,
        {"certified_on": D(2025, 6, 2)},
        "certification expiry",
    ),
    (NoExpiry().expires_on, {"certified_on": D(2025, 6, 2)}, "certification expiry"),
    (
        RecertificationCycle(months=24).nominal_start,
        {"expires_on": D(2027, 9, 30)},
        "recertification cycle",
    ),
    (
        RecertificationCycle(months=24).next_expiration,
        {"expires_on": D(2027, 9, 30)},
        "recertification cycle",
    ),
    (
        RollingCeWindow().window,
        {"cycle_start": D(2025, 6, 10), "expires_on": D(2027, 9, 30), "as_of": D(2027, 1, 5)},
        "continuing education",
    ),
    (
        MonthsCeWindow(months=36, lookback_after_expiry=True).window,
        {"cycle_start": D(2015, 6, 10), "expires_on": D(2018, 6, 30), "as_of": D(2018, 9, 1)},
        "continuing education",
    ),
    *[
        (method, {"expires_on": D(2027, 3, 31)}, "recertification window")
        for window in (
            SeasonalRecertWindow(10, 1, 4, 30, opens_years_before=1),
            DeadlineRecertWindow(due_months_before=1, reinstatement_limit_days=365),
        )
        for method in (window.opens_on, window.due_on, window.late_until)
    ],
    (
        RecertExam(attempts=1, opens_month=10, opens_day=1).opens_on,
        {"expires_on": D(2027, 9, 30)},
        "recertification by exam",
    ),
    (
        StateLicense("WY", "emr", D(2025, 1, 2), D(2027, 1, 1)).in_force,
        {"on": D(2025, 6, 2)},
        "practice authority",
    ),
    (
        AgencyCredential("Valley Fire", "Dr. Ada Reyes", D(2025, 1, 2)).in_force,
        {"on": D(2025, 6, 2)},
        "practice authority",
    ),
]
POLICY_CASES = [
    pytest.param(
        method,
        args,
        field,
        rule,
        id=f"{method.__self__.__class__.__name__}.{method.__name__}-{field}",
    )
    for method, args, rule in POLICY_METHODS
    for field in args
]


class _Day(dt.date):
    """A date subclass (pandas' and other libraries' dates are not plain dates)."""


def _bad_values(day: dt.date) -> dict[str, object]:
    noon = dt.datetime.combine(day, dt.time(12))
    return {
        "ISO string": day.isoformat(),
        "naive datetime": noon,
        "aware datetime": noon.replace(tzinfo=UTC),
        "ordinal": day.toordinal(),
    }


@pytest.mark.parametrize("bad", ["ISO string", "naive datetime", "aware datetime", "ordinal"])
@pytest.mark.parametrize(("method", "args", "field", "rule"), POLICY_CASES)
def test_a_policy_method_refuses_what_is_not_a_date_naming_the_argument_and_rule(
    method: Callable[..., Any], args: dict[str, dt.date], field: str, rule: str, bad: str
) -> None:
    """Design principle 6: "Every invalid record or argument raises a subclass of
    `emrpath.EmrpathError` [...] with a message naming the field and the rule"; a policy
    method, given a string or a datetime, once failed inside its arithmetic with a bare
    TypeError or AttributeError, or returned a datetime."""
    value = _bad_values(args[field])[bad]
    with raises_emrpath(ep.InputTypeError, field=field, rule=rule) as info:
        method(**{**args, field: value})
    assert info.value.message.startswith("expected a datetime.date, got ")


@pytest.mark.parametrize(("method", "args", "field", "rule"), POLICY_CASES)
def test_a_policy_method_reads_a_date_subclass_as_its_plain_date(
    method: Callable[..., Any], args: dict[str, dt.date], field: str, rule: str
) -> None:
    """A date of a subclass is the same day: same answer, and plain dates back."""
    day = args[field]
    assert day is not None
    answer = method(**{**args, field: _Day(day.year, day.month, day.day)})
    assert answer == method(**args)
    returned = answer if isinstance(answer, tuple) else (answer,)
    assert all(type(item) in (dt.date, bool, type(None)) for item in returned)


def test_an_authorization_without_a_course_expiry_is_still_read() -> None:
    """``course_expires_on=None`` (no course cap known) is not a bad date."""
    window = AuthorizationWindow(months=3)
    assert window.expires_on(D(2025, 11, 30), course_expires_on=None) == D(2026, 2, 28)


def test_a_retest_wait_names_the_argument_the_caller_typed() -> None:
    """The field is the method's own argument, not the rule function's."""
    with raises_emrpath(ep.InputTypeError, field="last_attempt_on", rule="retest wait") as info:
        ep.NREMT_EMR.retest_wait.value_at(D(2025, 12, 20)).earliest_after("2025-12-20")
    assert info.value.message == "expected a datetime.date, got str '2025-12-20'"


def test_a_seasonal_window_opening_before_year_1_is_a_range_error() -> None:
    """A window opening the year before an expiry in year 1 would open in year 0: the
    library's range error, not datetime's bare ValueError, naming the method's argument and
    the window's rule."""
    window = SeasonalRecertWindow(10, 1, 4, 30, opens_years_before=1)
    with raises_emrpath(ep.CalendarRangeError, field="expires_on", rule="recertification window"):
        window.opens_on(D(1, 3, 31))
    assert window.opens_on(D(2, 3, 31)) == D(1, 10, 1)


# A date past what the rules can compute: the business calendar's last year (2100) for
# the result posting, the last representable date (9999-12-31) for the date arithmetic,
# which the error then gives the rule of the function whose date ran out.
FAR: list[tuple[Callable[..., Any], dict[str, Any], str, str]] = [
    (ep.expected_result_date, {"exam_on": D(2100, 12, 30)}, "exam_on", "business day"),
    (ep.earliest_retest_date, {"attempt_on": D(9999, 12, 20)}, "attempt_on", "retest wait"),
    (
        ep.course_expiration_date,
        {"completed_on": D(9998, 3, 1)},
        "completed_on",
        "course window",
    ),
    (
        ep.att_expiration_date,
        {"issued_on": D(9999, 12, 1), "course_completed_on": D(9997, 12, 1)},
        "issued_on",
        "authorization to test",
    ),
    (
        ep.att_expiration_date,
        {"issued_on": D(9999, 12, 1), "course_completed_on": D(9999, 1, 1)},
        "course_completed_on",
        "authorization to test",
    ),
    (
        ep.portion_expiration_date,
        {"passed_on": D(9998, 2, 1), "course_completed_on": D(9998, 1, 1)},
        "passed_on",
        "passed portion validity",
    ),
    (
        ep.initial_expiration_date,
        {"certified_on": D(9998, 7, 1)},
        "certified_on",
        "certification expiry",
    ),
    (ep.appeal_deadline, {"notified_on": D(9999, 12, 20)}, "notified_on", "appeal"),
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
        "course window",
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


# Each policy method that steps from a date, given one whose answer falls outside years 1 to
# 9999: (policy, method, arguments, the argument it must name, the policy's rule).
POLICY_FAR: list[tuple[object, str, tuple[Any, ...], dict[str, Any], str, str]] = [
    (MonthEndValidity(24), "expires_on", (D(9998, 1, 31),), {}, "start", "validity period"),
    (MonthsValidity(24), "expires_on", (D(9998, 1, 1),), {}, "start", "validity period"),
    (
        FixedDaysWait(15),
        "earliest_after",
        (D(9999, 12, 20),),
        {},
        "last_attempt_on",
        "retest wait",
    ),
    (NextPeriodWait(3), "earliest_after", (D(9999, 11, 1),), {}, "last_attempt_on", "retest wait"),
    (
        AuthorizationWindow(days=90),
        "expires_on",
        (D(9999, 12, 1), None),
        {},
        "issued_on",
        "authorization to test",
    ),
    (
        AuthorizationWindow(days=None, months=3, capped_by_course=False),
        "expires_on",
        (D(9999, 11, 1), None),
        {},
        "issued_on",
        "authorization to test",
    ),
    (AppealWindow(30), "last_day", (D(9999, 12, 20),), {}, "notified_on", "appeal"),
    (
        SeasonalExpiry(9, 30, 7, 2, 3),
        "expires_on",
        (D(9998, 7, 1),),
        {},
        "certified_on",
        "certification expiry",
    ),
    (
        AnniversaryExpiry(3, month_end=True),
        "expires_on",
        (D(9998, 1, 1),),
        {},
        "certified_on",
        "certification expiry",
    ),
    (
        RecertificationCycle(24),
        "next_expiration",
        (D(9998, 3, 31),),
        {},
        "expires_on",
        "recertification cycle",
    ),
    (
        RecertificationCycle(24),
        "nominal_start",
        (D(1, 3, 31),),
        {},
        "expires_on",
        "recertification cycle",
    ),
    (
        MonthsCeWindow(36, lookback_after_expiry=True),
        "window",
        (D(1, 1, 1), D(1, 2, 28)),
        {"as_of": D(1, 3, 1)},
        "as_of",
        "continuing education",
    ),
    (
        MonthsCeWindow(36, lookback_after_expiry=True),
        "window",
        (D(1, 1, 1), D(1, 2, 28)),
        {"as_of": D(1, 2, 1)},
        "expires_on",
        "continuing education",
    ),
    (
        SeasonalRecertWindow(10, 1, 4, 30, opens_years_before=1),
        "opens_on",
        (D(1, 3, 31),),
        {},
        "expires_on",
        "recertification window",
    ),
    (
        DeadlineRecertWindow(due_months_before=1),
        "due_on",
        (D(1, 1, 5),),
        {},
        "expires_on",
        "recertification window",
    ),
    (
        DeadlineRecertWindow(due_months_before=1, reinstatement_limit_days=365),
        "late_until",
        (D(9999, 6, 30),),
        {},
        "expires_on",
        "recertification window",
    ),
    (
        RecertExam(attempts=1, opens_month=10, opens_day=1, opens_years_before=1),
        "opens_on",
        (D(1, 9, 30),),
        {},
        "expires_on",
        "recertification by exam",
    ),
]


@pytest.mark.parametrize(
    ("policy", "method", "args", "kwargs", "field", "rule"),
    [
        pytest.param(*case, id=f"{type(case[0]).__name__}.{case[1]}-{case[4]}")
        for case in POLICY_FAR
    ],
)
def test_a_policy_date_past_the_range_names_the_argument_and_the_policy(
    policy: object,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    field: str,
    rule: str,
) -> None:
    """Design principle 6: an invalid argument raises an EmrpathError "with a message naming
    the field and the rule". A policy method whose answer would fall outside years 1 to
    9999 names the method's own argument and the policy's rule, not the date arithmetic's
    ``date``."""
    with raises_emrpath(ep.CalendarRangeError, field=field, rule=rule) as info:
        getattr(policy, method)(*args, **kwargs)
    assert "outside the dates that can be represented" in info.value.message


@attrs.frozen
class _RawAnniversary(AnniversaryExpiry):
    """A certification term whose own far-date error names only the date arithmetic."""

    def expires_on(self, certified_on: dt.date) -> dt.date | None:
        return add_months(certified_on, 12 * self.years)


@attrs.frozen
class _RawAppeal(AppealWindow):
    """An appeal window whose own far-date error names only the date arithmetic."""

    def last_day(self, notified_on: dt.date) -> dt.date:
        return add_days(notified_on, self.days)


@attrs.frozen
class _RawWait(FixedDaysWait):
    """A retest wait whose own far-date error names only the date arithmetic."""

    def earliest_after(self, last_attempt_on: dt.date) -> dt.date:
        return add_days(last_attempt_on, self.days)


@attrs.frozen
class _RawAuthorization(AuthorizationWindow):
    """An authorization window whose own far-date error names only the date arithmetic."""

    def expires_on(self, issued_on: dt.date, course_expires_on: dt.date | None) -> dt.date:
        return add_days(issued_on, self.days or 0)


def _with_value(param: Param[Any], value: object) -> Param[Any]:
    """``param`` with every provision's value replaced by ``value``."""
    provisions = tuple(attrs.evolve(p, value=value) for p in param.provisions)
    return attrs.evolve(param, provisions=provisions)


@pytest.mark.parametrize(
    ("function", "args", "field", "rule"),
    [
        (
            ep.initial_expiration_date,
            {"certified_on": D(9998, 7, 1)},
            "certified_on",
            "certification expiry",
        ),
        (ep.appeal_deadline, {"notified_on": D(9999, 12, 20)}, "notified_on", "appeal"),
        (ep.earliest_retest_date, {"attempt_on": D(9999, 12, 20)}, "attempt_on", "retest wait"),
        (
            ep.att_expiration_date,
            {"issued_on": D(9999, 12, 1), "course_completed_on": D(9997, 12, 1)},
            "issued_on",
            "authorization to test",
        ),
    ],
)
def test_a_rule_function_names_its_own_rule_whatever_its_policy_says(
    function: Callable[..., Any], args: dict[str, Any], field: str, rule: str
) -> None:
    """Design principle 6: an invalid argument raises an EmrpathError "with a message naming
    the field and the rule". A rule function whose date runs out of range names the
    caller's argument and its own rule, even under a program whose policy (a subclass of
    the library's) lets the date arithmetic's own error (``date``, ``date arithmetic``)
    through."""
    program = attrs.evolve(
        ep.NREMT_EMR,
        certification_term=_with_value(ep.NREMT_EMR.certification_term, _RawAnniversary(2)),
        appeal_window=_with_value(ep.NREMT_EMR.appeal_window, _RawAppeal(30)),  # type: ignore[arg-type]
        retest_wait=_with_value(ep.NREMT_EMR.retest_wait, _RawWait(15)),
        authorization=_with_value(ep.NREMT_EMR.authorization, _RawAuthorization(days=90)),
    )
    with raises_emrpath(ep.CalendarRangeError, field=field, rule=rule) as info:
        function(**args, program=program)
    assert "outside" in info.value.message


def test_a_ce_window_after_lookback_starts_on_the_expiry_day_itself_as_before_it() -> None:
    """``MonthsCeWindow``: education counts "between June 2015 and June 2018" for a
    certification ending June 2018, and "after expiry" the window is the months ending on
    the day asked about: on the expiration date itself the certification has not expired,
    so the window is still the one from the first of the month, ``months`` before."""
    window = MonthsCeWindow(36, lookback_after_expiry=True)
    assert window.window(D(2022, 4, 1), D(2025, 3, 31), as_of=D(2025, 3, 31)) == (
        D(2022, 3, 1),
        D(2025, 3, 31),
    )
    assert window.window(D(2022, 4, 1), D(2025, 3, 31), as_of=D(2025, 4, 1)) == (
        D(2022, 4, 1),
        D(2025, 4, 1),
    )


def test_an_authorization_is_valid_through_the_course_expiry_when_issued_on_it() -> None:
    """NREMT: an ATT is "valid for up to 90 days from the date of issuance", ending no later
    than the course expiration date: one issued on the course's last day is valid that
    day; a day later it is refused."""
    window = AuthorizationWindow(days=90, capped_by_course=True)
    assert window.expires_on(D(2026, 1, 31), D(2026, 1, 31)) == D(2026, 1, 31)
    with raises_emrpath(ep.InvalidRecordError, field="issued_on", rule="authorization to test"):
        window.expires_on(D(2026, 2, 1), D(2026, 1, 31))


def test_an_authorization_not_capped_by_the_course_ignores_its_expiry() -> None:
    """A window with ``capped_by_course=False`` lasts its whole length whatever the course's
    expiration date, and is not refused after it."""
    window = AuthorizationWindow(days=90, capped_by_course=False)
    assert window.expires_on(D(2026, 1, 1), D(2026, 1, 31)) == D(2026, 4, 1)
    assert window.expires_on(D(2026, 2, 5), D(2026, 1, 31)) == D(2026, 5, 6)
