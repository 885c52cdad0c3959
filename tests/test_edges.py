"""Edges of the foundation layer that the rule tests do not reach: the full order of
Confidence, every argument of ``BusinessCalendar.from_holidays``, calendar reprs, and the
field and rule named by parameter and calendar errors.

Found by mutation testing (scripts/mutation.sh); each test states the rule it checks.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Callable

import attrs
import pytest

import emrpath as ep
from emrpath.calendar import NATIONAL_DAY_OF_MOURNING_2025, CalendarSpec, DayOverride
from emrpath.params import Citation, Confidence, Param, Provision, weakest
from emrpath.policies import MonthsValidity, NoExpiry, ResultPosting
from emrpath.status import Gate
from tests.errors import raises_emrpath

D = dt.date
CITE = Citation("https://example.org/rule", "quote", "A rule")

# -- Confidence: a total order of two levels --------------------------------------------

ORDERS: list[tuple[Callable[[object, object], bool], str]] = [
    (operator.lt, "<"),
    (operator.le, "<="),
    (operator.gt, ">"),
    (operator.ge, ">="),
]


@pytest.mark.parametrize(("compare", "symbol"), ORDERS, ids=[s for _, s in ORDERS])
def test_confidence_orders_exactly_by_rank(
    compare: Callable[[object, object], bool], symbol: str
) -> None:
    """Confidence: "Members order by strength, so min() gives the weakest": every pair of
    levels compares as their ranks do (SECONDARY 0, PRIMARY 1), with each operator."""
    for a, b in itertools.product(Confidence, repeat=2):
        assert compare(a, b) is compare(a.rank, b.rank), f"{a} {symbol} {b}"


@pytest.mark.parametrize(("compare", "symbol"), ORDERS, ids=[s for _, s in ORDERS])
@pytest.mark.parametrize("other", ["primary", 1, None])
def test_confidence_on_the_left_refuses_other_types(
    compare: Callable[[object, object], bool], symbol: str, other: object
) -> None:
    """A level orders only against a level, whichever side of the operator it is on."""
    for level in Confidence:
        with pytest.raises(TypeError, match=f"'{symbol}' not supported between instances of"):
            compare(level, other)


# -- parameter errors name the field and the rule -----------------------------------------


def test_a_provision_dated_with_a_string_names_its_field_and_rule() -> None:
    with pytest.raises(ep.InvalidRecordError) as info:
        Provision("2025-01-01", 15, CITE, Confidence.PRIMARY)  # type: ignore[arg-type]
    err = info.value
    assert (err.field, err.rule) == ("Provision.effective_from", "effective date")
    assert err.message == "must be a datetime.date, got str"


def test_provisions_that_are_not_a_collection_name_the_field_and_rule() -> None:
    with pytest.raises(ep.InvalidRecordError) as info:
        Param("retest_wait", "Days to wait.", 15)  # type: ignore[arg-type]
    err = info.value
    assert (err.field, err.rule) == ("Param.provisions", "parameter")
    assert err.message == "provisions must be a tuple of Provision values, got int"


# -- calendars ---------------------------------------------------------------------------


def test_from_holidays_keeps_every_argument() -> None:
    """CalendarSpec: "Everything that defines a business calendar": from_holidays builds
    the spec from every argument it is given, and the calendar answers by it."""
    cal = ep.BusinessCalendar.from_holidays(
        "US",
        subdiv="NY",
        categories=["public", "unofficial"],
        first_year=2025,
        last_year=2025,
        closures=[NATIONAL_DAY_OF_MOURNING_2025],
        weekend=[4, 5],  # Friday and Saturday
    )
    assert cal.spec == CalendarSpec(
        country="US",
        subdiv="NY",
        categories=("public", "unofficial"),
        first_year=2025,
        last_year=2025,
        closures=(NATIONAL_DAY_OF_MOURNING_2025,),
        weekend=frozenset({4, 5}),
    )
    assert cal.closure_reason(D(2025, 2, 12)) == "Lincoln's Birthday"  # NY: a Wednesday
    assert cal.closure_reason(D(2025, 3, 17)) == "Saint Patrick's Day"  # unofficial: a Monday
    assert not cal.is_business_day(D(2025, 3, 7))  # a Friday: weekend here
    assert cal.is_business_day(D(2025, 3, 9))  # a Sunday: a working day here
    plain = ep.BusinessCalendar.from_holidays("US", first_year=2025, last_year=2025)
    assert plain.is_business_day(D(2025, 2, 12))


@pytest.mark.parametrize(
    ("cal", "text"),
    [
        (
            ep.BusinessCalendar.us_federal(),
            "<BusinessCalendar US public 1990-2100, 0 extra closure(s)>",
        ),
        (
            ep.BusinessCalendar.from_holidays(
                "US",
                subdiv="NY",
                categories=("public", "government"),
                first_year=2024,
                last_year=2026,
                closures=[NATIONAL_DAY_OF_MOURNING_2025],
            ),
            "<BusinessCalendar US-NY government/public 2024-2026, 1 extra closure(s)>",
        ),
        (
            ep.BusinessCalendar.from_holidays(None, first_year=2025, last_year=2025),
            "<BusinessCalendar no holiday source public 2025-2025, 0 extra closure(s)>",
        ),
    ],
    ids=["federal", "subdivision", "no-source"],
)
def test_a_calendar_repr_says_what_it_covers(cal: ep.BusinessCalendar, text: str) -> None:
    """A notebook shows which calendar answered: source, categories, years, closures."""
    assert repr(cal) == text


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda cal: cal.is_business_day(D(1989, 12, 31)), "day"),
        (lambda cal: cal.add_business_days(D(2101, 1, 1), 1), "day"),
        (lambda cal: cal.closure_reason(D(1989, 12, 31)), "day"),
        (lambda cal: cal.business_days_between(D(1989, 12, 31), D(2000, 1, 1)), "a"),
        (lambda cal: cal.business_days_between(D(2000, 1, 1), D(2101, 1, 1)), "b"),
        (lambda cal: cal.add_business_days(D(2100, 12, 30), 5), "n"),
    ],
    ids=["is_business_day", "add", "closure_reason", "between-a", "between-b", "add-n"],
)
def test_a_date_outside_the_calendar_names_the_field_and_the_rule(
    call: Callable[[ep.BusinessCalendar], object], field: str
) -> None:
    """Contract: "A calendar raises EmrpathError (a ValueError) for a date outside the years
    it was built for, instead of answering wrongly"; the error names the argument."""
    with pytest.raises(ep.CalendarRangeError) as info:
        call(ep.BusinessCalendar.us_federal())
    assert (info.value.field, info.value.rule) == (field, "business day")
    assert "(1990-2100)" in info.value.message


# -- calendar specs: every refused value names its field and the rule --------------------


YEAR = "must be a year as an int between 1 and 9998, got "
WEEKEND = "weekend days are ints 0 (Monday) to 6 (Sunday)"


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"first_year": 0}, "CalendarSpec.first_year", YEAR + "0"),
        ({"first_year": 9999, "last_year": 9999}, "CalendarSpec.first_year", YEAR + "9999"),
        ({"first_year": "2025"}, "CalendarSpec.first_year", YEAR + "'2025'"),
        ({"last_year": True}, "CalendarSpec.last_year", YEAR + "True"),
        ({"weekend": [-1]}, "CalendarSpec.weekend", WEEKEND),
        ({"weekend": [7]}, "CalendarSpec.weekend", WEEKEND),
        ({"weekend": ["5"]}, "CalendarSpec.weekend", WEEKEND),
        ({"weekend": [5.0]}, "CalendarSpec.weekend", WEEKEND),
        (
            {"first_year": 2025, "last_year": 2024},
            "CalendarSpec.last_year",
            "last_year 2024 is before first_year 2025",
        ),
        (
            {"closures": ["2025-01-09"]},
            "CalendarSpec.closures",
            "expected DayOverride values, got str",
        ),
        (
            {"working_days": [D(2025, 1, 4)]},
            "CalendarSpec.working_days",
            "expected DayOverride values, got date",
        ),
    ],
)
def test_a_bad_calendar_spec_names_its_field_and_the_rule(
    kwargs: dict[str, object], field: str, message: str
) -> None:
    """Principle 6: nothing silently clamped or defaulted: a year outside 1-9998 (or not an
    int), a weekday outside 0-6, years out of order or a closure that is not a cited
    DayOverride is refused, naming the field."""
    with pytest.raises(ep.InvalidRecordError) as info:
        CalendarSpec(**kwargs)  # type: ignore[arg-type]
    err = info.value
    assert (err.field, err.rule, err.message) == (field, "business day", message)


def test_calendar_spec_bounds_and_normal_forms_are_kept() -> None:
    """The edges that are accepted: years 1 and 9998, one-year ranges, weekdays 0 and 6;
    categories and closures are kept in one normal form, so equal calendars share a spec."""
    assert CalendarSpec(country=None, first_year=1, last_year=1).first_year == 1
    assert CalendarSpec(country=None, first_year=9998, last_year=9998).last_year == 9998
    assert CalendarSpec(weekend=[0, 6]).weekend == frozenset({0, 6})
    assert CalendarSpec(categories="public").categories == ("public",)
    assert CalendarSpec(categories=["unofficial", "public", "public"]).categories == (
        "public",
        "unofficial",
    )
    early = DayOverride(D(2025, 1, 2), "early", CITE)
    late = DayOverride(D(2025, 3, 4), "late", CITE)
    assert CalendarSpec(closures=[late, early]).closures == (early, late)
    assert CalendarSpec(closures=[late, early]) == CalendarSpec(closures=[early, late])


@pytest.mark.parametrize(
    ("kwargs", "error", "field", "message"),
    [
        (
            {"country": "ZZ"},
            ep.UnknownNameError,
            "CalendarSpec.country",
            "the holidays package has no calendar for 'ZZ'",
        ),
        (
            {"country": "US", "subdiv": "ZZ"},
            ep.UnknownNameError,
            "CalendarSpec.subdiv",
            "the holidays package has no subdivision 'ZZ' of 'US'",
        ),
        (
            {"first_year": 2100, "last_year": 2101},
            ep.CalendarRangeError,
            "CalendarSpec.last_year",
            "the holidays package has US data only through 2100; a calendar to 2101 would "
            "answer wrongly for the missing years",
        ),
        (
            {"first_year": 1776, "last_year": 1776},
            ep.CalendarRangeError,
            "CalendarSpec.first_year",
            "the holidays package has US data only from 1777",
        ),
    ],
    ids=["country", "subdivision", "after-data", "before-data"],
)
def test_a_calendar_the_holiday_source_cannot_back_is_refused(
    kwargs: dict[str, object], error: type[ep.EmrpathError], field: str, message: str
) -> None:
    """A calendar raises "instead of answering wrongly": no holiday data, no calendar."""
    with pytest.raises(error) as info:
        ep.BusinessCalendar.from_spec(CalendarSpec(**kwargs))  # type: ignore[arg-type]
    assert (info.value.field, info.value.rule, info.value.message) == (
        field,
        "business day",
        message,
    )


def test_the_first_and_last_years_of_the_holiday_data_are_usable() -> None:
    first = ep.BusinessCalendar.from_holidays("US", first_year=1777, last_year=1777)
    assert (first.first_day, first.last_day) == (D(1777, 1, 1), D(1777, 12, 31))
    last = ep.BusinessCalendar.from_holidays("US", first_year=2100, last_year=2100)
    assert not last.is_business_day(D(2100, 12, 24))  # Christmas observed, a Friday


def test_closures_on_the_first_and_last_covered_day_count_and_others_are_ignored() -> None:
    """Cited closures close the covered days they name, including the first and last."""
    first = DayOverride(D(2025, 1, 1), "first day", CITE)
    last = DayOverride(D(2025, 12, 31), "last day", CITE)
    outside = DayOverride(D(2026, 1, 2), "outside", CITE)
    cal = ep.BusinessCalendar.from_spec(
        CalendarSpec(
            country=None, first_year=2025, last_year=2025, closures=[first, last, outside]
        )
    )
    assert cal.closure_reason(D(2025, 1, 1)) == "first day"
    assert cal.closure_reason(D(2025, 12, 31)) == "last day"
    assert (cal.first_day, cal.last_day) == (D(2025, 1, 1), D(2025, 12, 31))
    # 261 weekdays in 2025, less the two closures
    assert len(cal.business_days_in(D(2025, 1, 1), D(2025, 12, 31))) == 259
    with raises_emrpath(ep.CalendarRangeError, field="day", rule="business day"):
        cal.is_business_day(D(2026, 1, 1))


def test_a_cited_working_day_opens_that_day_only() -> None:
    """working_days: "Cited days that are business days whatever the holiday source
    says": one opened Saturday leaves every other day as it was."""
    saturday = DayOverride(D(2025, 3, 8), "open Saturday", CITE)
    cal = ep.BusinessCalendar.from_spec(
        CalendarSpec(country=None, first_year=2025, last_year=2025, working_days=[saturday])
    )
    assert cal.is_business_day(D(2025, 3, 8))
    assert not cal.is_business_day(D(2025, 3, 15))  # the next Saturday
    assert cal.is_business_day(D(2025, 3, 7))  # a Friday stays open
    assert len(cal.business_days_in(D(2025, 1, 1), D(2025, 12, 31))) == 262


# -- programs without a rule -------------------------------------------------------------


def test_a_program_without_an_appeal_rule_says_so_naming_program() -> None:
    bare = attrs.evolve(ep.NREMT_EMR, appeal_window=None)
    with pytest.raises(ep.NoRuleInForceError) as info:
        ep.appeal_deadline(D(2025, 3, 1), program=bare)
    assert (info.value.field, info.value.rule, info.value.message) == (
        "program",
        "appeal",
        "program 'nremt-emr' defines no appeal rule",
    )


def test_a_gate_the_program_does_not_have_is_met_and_says_so() -> None:
    """pathway: "A gate the program does not have (its parameter is None) is met, with a
    reason saying it is not part of the pathway." ASCP MLS has no CPR or skills gate."""
    status = ep.evaluate(
        ep.Candidate(course=ep.CourseCompletion(D(2025, 5, 2))),
        as_of=D(2025, 6, 1),
        program=ep.ASCP_MLS,
    )
    for name in (ep.GateName.CPR, ep.GateName.SKILLS):
        gate = status.gate(name)
        assert gate.state is ep.GateState.MET
        assert [(r.code, r.message) for r in gate.reasons] == [
            (f"{name.value}_not_required", "Not part of this program's pathway.")
        ]


def test_portions_without_a_limit_never_expire() -> None:
    """portion_expiration_date: "``None``: no limit": for a program with no portion rule,
    and for one whose rule in force says there is none."""
    assert ep.portion_expiration_date(D(2025, 3, 1), D(2025, 1, 5), program=ep.ASCP_MLS) is None
    unlimited = attrs.evolve(
        ep.NREMT_EMR,
        portion_validity=Param(
            "portion_validity",
            "No limit.",
            (Provision(D(2015, 1, 1), None, CITE, Confidence.PRIMARY),),
        ),
    )
    assert ep.portion_expiration_date(D(2025, 3, 1), D(2025, 1, 5), program=unlimited) is None


# -- add_business_days_many: the batch is the scalar, edges and errors included ----------


def test_the_batch_is_the_scalar_on_every_day_of_awkward_weeks() -> None:
    """add_business_days_many(days, n) == [add_business_days(d, n) for d in days], here
    on every day (weekends and holidays as starts) of three weeks around holidays, for
    small n of both signs, where an off-by-one in the folded offset would show."""
    cal = ep.BusinessCalendar.us_federal()
    days = [
        start + dt.timedelta(days=i)
        for start in (D(2025, 6, 14), D(2026, 6, 27), D(2025, 12, 20))
        for i in range(21)
    ]
    for n in (-3, -2, -1, 0, 1, 2, 3):
        assert cal.add_business_days_many(days, n) == [cal.add_business_days(d, n) for d in days]


def test_the_batch_reaches_the_first_and_last_business_days_and_no_further() -> None:
    """Contract: a calendar raises "for a date outside the years it was built for,
    instead of answering wrongly"; the first and last business days are still answers."""
    cal = ep.BusinessCalendar.us_federal()
    first, last = cal.business_days_in(D(1990, 1, 1), D(1990, 1, 31))[0], D(2100, 12, 30)
    assert first == D(1990, 1, 2)  # 1990-01-01 is New Year's Day
    assert cal.add_business_days_many([D(1990, 1, 3)], -1) == [first]
    assert cal.add_business_days_many([D(2100, 12, 29)], 1) == [last]
    for days, n in (([D(2000, 1, 3), first], -1), ([D(2000, 1, 3), last], 1)):
        with pytest.raises(ep.CalendarRangeError) as info:
            cal.add_business_days_many(days, n)
        assert (info.value.field, info.value.rule) == ("days[1]", "business day")
        assert f"{n} business days from {days[1]} falls outside" in info.value.message


def test_batch_errors_name_the_position_and_the_rule() -> None:
    cal = ep.BusinessCalendar.us_federal()
    with pytest.raises(ep.InputTypeError) as info:
        cal.add_business_days_many([D(2025, 1, 2)], 1.5)  # type: ignore[arg-type]
    assert (info.value.field, info.value.rule) == ("n", "business day")
    assert info.value.message == "expected an int number of business days, got float 1.5"
    with pytest.raises(ep.CalendarRangeError) as range_info:
        cal.add_business_days_many([D(2025, 1, 2), D(2101, 1, 3)], 1)
    assert range_info.value.field == "days[1]"
    assert range_info.value.message.startswith("2101-01-03 is outside")
    noon = dt.datetime(2025, 1, 2, 12, tzinfo=dt.timezone.utc)
    with pytest.raises(ep.InputTypeError) as type_info:
        cal.add_business_days_many([D(2025, 1, 2), noon], 1)  # type: ignore[list-item]
    assert type_info.value.field == "days[1]"
    assert type_info.value.message.startswith(  # the value cut to 60 characters
        "expected a datetime.date, got a datetime (datetime.datetime(2025, 1, 2, 12, 0, "
    )


# -- gates a program switches off with a False parameter ---------------------------------


def _switched_off(name: str) -> Param[bool]:
    return Param(
        name, "Not required.", (Provision(D(2015, 1, 1), False, CITE, Confidence.PRIMARY),)
    )


def test_a_requirement_switched_off_by_its_parameter_is_met_without_reasons() -> None:
    """A program parameter, not code, says whether verification and CPR are required: set
    to False, the gate is met and says nothing."""
    program = attrs.evolve(
        ep.NREMT_EMR,
        verification_required=_switched_off("verification_required"),
        cpr_required=_switched_off("cpr_required"),
        skills_required=_switched_off("skills_required"),
    )
    status = ep.evaluate(
        ep.Candidate(course=ep.CourseCompletion(D(2025, 5, 2))),
        as_of=D(2025, 6, 1),
        program=program,
    )
    for name in (ep.GateName.VERIFICATION, ep.GateName.CPR, ep.GateName.SKILLS):
        assert status.gate(name) == Gate(name, ep.GateState.MET, ())


# -- more names and messages -------------------------------------------------------------


def test_weakest_refuses_what_is_not_a_level() -> None:
    with pytest.raises(ep.InputTypeError) as info:
        weakest([Confidence.PRIMARY, "primary"])  # type: ignore[list-item]
    assert (info.value.field, info.value.rule, info.value.message) == (
        "levels",
        "confidence",
        "expected Confidence values, got 'primary'",
    )


def test_a_date_before_every_provision_names_the_parameter_and_its_rule() -> None:
    """Param.at: "NoRuleInForceError: ``on`` is before the first effective date"."""
    wait = ep.NREMT_EMR.retest_wait
    with pytest.raises(ep.NoRuleInForceError) as info:
        wait.at(D(2000, 1, 1))
    assert (info.value.field, info.value.rule, info.value.message) == (
        "retest_wait",
        wait.description,
        "no provision in force on 2000-01-01; the first takes effect 2015-01-01",
    )


def test_calendar_arguments_name_the_field_and_the_rule() -> None:
    cal = ep.BusinessCalendar.us_federal()
    with pytest.raises(ep.InputTypeError) as info:
        ep.BusinessCalendar.from_spec("US")  # type: ignore[arg-type]
    assert (info.value.field, info.value.rule, info.value.message) == (
        "spec",
        "business day",
        "expected a CalendarSpec, got str",
    )
    with pytest.raises(ep.InputTypeError) as info:
        cal.add_business_days(D(2025, 1, 2), 1.5)  # type: ignore[arg-type]
    assert (info.value.field, info.value.rule, info.value.message) == (
        "n",
        "business day",
        "expected an int number of business days, got float 1.5",
    )
    noon = dt.datetime(2025, 1, 2, 12, tzinfo=dt.timezone.utc)
    with pytest.raises(ep.InputTypeError) as info:
        cal.is_business_day(noon)  # type: ignore[arg-type]
    assert info.value.message == (  # the datetime's repr cut to 60 characters
        "expected a datetime.date, got a datetime (datetime.datetime(2025, 1, 2, 12, 0, "
        "tzinfo=datetime.time...); pass value.date() in the timezone you mean"
    )
    with pytest.raises(ep.CalendarRangeError) as range_info:
        cal.is_business_day(D(1989, 12, 31))
    assert range_info.value.message.startswith("1989-12-31 is outside this calendar's years")


def test_a_calendar_includes_the_holidays_of_its_first_and_last_days() -> None:
    """The first covered day of a calendar is a day like any other: New Year's Day closes
    it; and stepping back to the first business day is an answer, not an error."""
    cal = ep.BusinessCalendar.from_holidays("US", first_year=2025, last_year=2025)
    assert cal.closure_reason(D(2025, 1, 1)) == "New Year's Day"
    assert cal.closure_reason(D(2025, 12, 25)) == "Christmas Day"
    federal = ep.BusinessCalendar.us_federal()
    assert federal.closure_reason(D(1990, 1, 1)) == "New Year's Day"
    assert federal.add_business_days(D(1990, 1, 3), -1) == D(1990, 1, 2)
    with raises_emrpath(ep.CalendarRangeError, field="n", rule="business day"):
        federal.add_business_days(D(1990, 1, 2), -1)


def _only(name: str, value: object) -> Param[object]:
    return Param(name, "Test rule.", (Provision(D(2015, 1, 1), value, CITE, Confidence.PRIMARY),))


def test_without_a_portion_limit_or_an_expiry_the_messages_name_no_date() -> None:
    """A program whose passes never lapse and whose certification never expires says so
    by naming no end date, rather than "valid through None"."""
    program = attrs.evolve(
        ep.NREMT_EMR,
        portion_validity=_only("portion_validity", None),
        certification_term=_only("certification_term", NoExpiry()),
    )
    done = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13)),
        attempts=[ep.ExamAttempt(D(2025, 2, 6), passed=True)],
        skills=ep.SkillsCompetency(D(2025, 1, 8)),
    )
    status = ep.evaluate(done, as_of=D(2030, 1, 1), program=program)
    assert status.certified
    messages = {r.code: r.message for r in status.reasons}
    assert messages["skills_passed"] == "Skills competency passed 2025-01-08."
    assert messages["cognitive_passed"] == "Cognitive exam passed on 2025-02-06."
    assert messages["certified"] == "Certified 2025-02-10."


def test_a_pass_that_lapses_before_its_result_posts_explains_both() -> None:
    """A program's parameters, not code, set how long a pass stays valid and when its
    result posts: with a one-month pass and a 30-business-day posting, the pass lapses
    before its result posts, and the cognitive gate says both, in order, before the next
    attempt."""
    program = attrs.evolve(
        ep.NREMT_EMR,
        portion_validity=_only("portion_validity", MonthsValidity(months=1)),
        result_posting=_only("result_posting", ResultPosting(business_days=30)),
    )
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13)),
        attempts=[ep.ExamAttempt(D(2025, 2, 6), passed=True)],
    )
    status = ep.evaluate(candidate, as_of=D(2025, 3, 10), program=program)
    cognitive = status.gate(ep.GateName.COGNITIVE)
    assert (cognitive.state, cognitive.valid_until) == (ep.GateState.EXPIRED, D(2025, 3, 6))
    assert [r.code for r in cognitive.reasons] == [
        "result_expected",
        "cognitive_expired",
        "retest_wait",
        "attempts_remaining",
    ]
    assert cognitive.reasons[0].message == (
        "The result of the attempt on 2025-02-06 is expected on 2025-03-21 (30 business days "
        "after the exam; an expectation, not a guarantee)."
    )
    assert (status.next_attempt_on, status.attempts_remaining) == (D(2025, 3, 10), 2)


def test_a_score_where_the_program_never_reports_scores_is_refused() -> None:
    """Score report: a scaled score on an attempt from a period with no scaled report is an
    invalid record, also for a program that has never had one."""
    program = attrs.evolve(ep.NREMT_EMR, score_scale=_only("score_scale", None))
    attempt = ep.ExamAttempt(D(2025, 2, 6), passed=False, scaled_score=800)
    with pytest.raises(ep.InvalidRecordError) as info:
        ep.check_score(attempt, program=program)
    assert info.value.message == "the attempt on 2025-02-06 has no scaled score report"
