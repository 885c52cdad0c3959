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

import pytest

import emrpath as ep
from emrpath.params import Citation, Confidence, Param, Provision

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
        with pytest.raises(TypeError):
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
        closures=[ep.NATIONAL_DAY_OF_MOURNING_2025],
        weekend=[4, 5],  # Friday and Saturday
    )
    assert cal.spec == ep.CalendarSpec(
        country="US",
        subdiv="NY",
        categories=("public", "unofficial"),
        first_year=2025,
        last_year=2025,
        closures=(ep.NATIONAL_DAY_OF_MOURNING_2025,),
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
                closures=[ep.NATIONAL_DAY_OF_MOURNING_2025],
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
