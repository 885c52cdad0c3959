"""The audit's bare errors and silent acceptances (issue 17, items 5-10).

design.md: "Every invalid record or argument raises a subclass of ``emrpath.EmrpathError``
that also subclasses the fitting builtin (``ValueError``, ``TypeError``, ``LookupError``),
with a message naming the field and the rule." Every reproducer of the audit is here; each
raised a bare builtin error (or was silently accepted) before its fix.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath.calendar import NATIONAL_DAY_OF_MOURNING_2025, CalendarSpec
from emrpath.cli import main
from emrpath.jsonio import from_json_data
from emrpath.params import weakest
from emrpath.planning import MissBucket
from emrpath.policies import CeTopic, FixedDaysWait, MonthsValidity
from emrpath.report import describe_value
from tests.strategies import amounts

D = dt.date
EMR = ep.NREMT_EMR
CANDIDATE = ep.Candidate(ep.CourseCompletion(D(2024, 1, 5)))
MESSAGE_LIMIT = 400  # a message quotes a value cut to 60 characters, never the value whole


def refused(
    call: Callable[[], object], error: type[ep.EmrpathError], field: str
) -> ep.EmrpathError:
    """The error ``call`` raises: ``error``, naming ``field`` and a rule, short enough to read."""
    with pytest.raises(error) as info:
        call()
    assert info.value.field == field
    assert info.value.rule
    assert len(str(info.value)) < MESSAGE_LIMIT
    return info.value


class BadRepr:
    """A value whose ``repr()`` raises: a message must not call it unguarded."""

    def __repr__(self) -> str:
        raise RuntimeError("repr() of a caller's object")


def deep_list(depth: int = 200_000) -> list[object]:
    outer: list[object] = []
    inner = outer
    for _ in range(depth):
        item: list[object] = []
        inner.append(item)
        inner = item
    return outer


HUGE = 10**5000  # str() of it raises ValueError (Python's int digit limit)
DEEP = deep_list()
ODD_VALUES = [HUGE, DEEP, BadRepr()]


# -- 5. aware datetimes at the ends of the range, and tzinfos that misbehave ---------------


class FixedTz(dt.tzinfo):
    def __init__(self, offset: object) -> None:
        self.offset = offset

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        return self.offset  # type: ignore[return-value]

    def dst(self, when: dt.datetime | None) -> dt.timedelta | None:
        return None


class RaisingTz(dt.tzinfo):
    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        raise KeyError("a caller's tzinfo")


@pytest.mark.parametrize(
    "as_of",
    [
        dt.datetime.min.replace(tzinfo=dt.timezone.utc),
        dt.datetime.max.replace(tzinfo=dt.timezone(dt.timedelta(hours=-5))),
    ],
    ids=["min-utc", "max-minus-5h"],
)
def test_aware_datetimes_past_the_date_range_name_the_field(as_of: dt.datetime) -> None:
    """design.md: "a datetime is accepted only if it is timezone-aware and is converted to
    the program's own timezone before its date is taken": the conversion overflowed."""
    err = refused(
        lambda: ep.evaluate(CANDIDATE, as_of=as_of, program=EMR), ep.EmrpathError, "as_of"
    )
    assert isinstance(err, ep.CalendarRangeError)
    assert isinstance(err, ValueError)
    refused(lambda: ep.expected_result_date(as_of, program=EMR), ep.CalendarRangeError, "exam_on")


NO_VALID_OFFSET = "gives no valid UTC offset (a timedelta strictly between -24 and 24 hours)"


@pytest.mark.parametrize(
    ("tz", "error", "why"),
    [
        (FixedTz(dt.timedelta(hours=24)), ep.InvalidRecordError, NO_VALID_OFFSET),
        (FixedTz(dt.timedelta(hours=-30)), ep.InvalidRecordError, NO_VALID_OFFSET),
        (
            FixedTz("05:00"),
            ep.InputTypeError,
            "gives a UTC offset that is not a datetime.timedelta",
        ),
        (RaisingTz(), ep.InvalidRecordError, NO_VALID_OFFSET),
    ],
    ids=["24h", "minus-30h", "not-a-timedelta", "raises"],
)
def test_a_tzinfo_without_a_valid_offset_names_the_field(
    tz: dt.tzinfo, error: type[ep.EmrpathError], why: str
) -> None:
    """design.md: "a datetime is accepted only if it is timezone-aware": an offset the
    caller's tzinfo cannot give is refused naming the argument, the tzinfo's class, the
    value (cut by ``shown()``) and what a valid offset is."""
    when = dt.datetime(2025, 3, 1, 12, tzinfo=tz)
    err = refused(lambda: ep.evaluate(CANDIDATE, as_of=when, program=EMR), error, "as_of")
    assert err.rule == "evaluate"
    assert err.message.startswith(
        f"the tzinfo {type(tz).__name__} of datetime.datetime(2025, 3, 1, 12, 0, tzinfo="
    )
    assert err.message.endswith(why)


@given(
    st.datetimes(
        min_value=dt.datetime.min,
        max_value=dt.datetime.max,
        timezones=st.sampled_from(
            [
                dt.timezone.utc,
                dt.timezone(dt.timedelta(hours=-5)),
                dt.timezone(dt.timedelta(hours=23, minutes=59)),
                dt.timezone(dt.timedelta(hours=-23, minutes=-59)),
                zoneinfo.ZoneInfo("Pacific/Kiritimati"),
                zoneinfo.ZoneInfo("America/Chicago"),
            ]
        ),
    )
)
def test_an_aware_datetime_is_its_date_in_the_program_zone_or_a_range_error(
    when: dt.datetime,
) -> None:
    """design.md: "a datetime is accepted only if it is timezone-aware and is converted to
    the program's own timezone before its date is taken"; a conversion past year 1 or 9999
    is a CalendarRangeError naming the field."""
    try:
        local = when.astimezone(zoneinfo.ZoneInfo(EMR.timezone))
    except OverflowError:
        refused(
            lambda: EMR.date(when, field="as_of", rule="example rule"),
            ep.CalendarRangeError,
            "as_of",
        )
    else:
        assert EMR.date(when, field="as_of", rule="example rule") == local.date()


# -- 6. messages show values through shown(): cut, and never crashing ----------------------


@pytest.mark.parametrize("value", ODD_VALUES, ids=["huge-int", "deep-list", "bad-repr"])
def test_a_bad_value_in_any_record_field_is_named_not_crashed_on(value: object) -> None:
    day = D(2025, 1, 6)
    refused(lambda: ep.ExamAttempt(value, passed=True), ep.InputTypeError, "ExamAttempt.taken_on")  # type: ignore[arg-type]
    refused(lambda: ep.ExamAttempt(day, passed=value), ep.InputTypeError, "ExamAttempt.passed")  # type: ignore[arg-type]
    refused(
        lambda: ep.CourseCompletion(day, route=value),  # type: ignore[arg-type]
        ep.InputTypeError,
        "CourseCompletion.route",
    )
    refused(
        lambda: ep.ContinuingEducation(day, 1, value),  # type: ignore[arg-type]
        ep.InputTypeError,
        "ContinuingEducation.component",
    )
    refused(
        lambda: ep.ContinuingEducation(day, 1, "national", topic=value),  # type: ignore[arg-type]
        ep.InputTypeError,
        "ContinuingEducation.topic",
    )
    # an int of 5001 digits is an int: too large an amount or step, not the wrong type
    wrong: type[ep.EmrpathError] = (
        ep.InvalidRecordError if isinstance(value, int) else ep.InputTypeError
    )
    refused(
        lambda: ep.ContinuingEducation(day, value, "national"),  # type: ignore[arg-type]
        wrong,
        "ContinuingEducation.amount",
    )
    refused(
        lambda: EMR.date(value, field="as_of", rule="example rule"), ep.InputTypeError, "as_of"
    )
    cal = ep.BusinessCalendar.us_federal()
    step = ep.CalendarRangeError if isinstance(value, int) else ep.InputTypeError
    refused(lambda: cal.add_business_days(day, value), step, "n")  # type: ignore[arg-type]
    refused(
        lambda: cal.add_business_days_many([day], value),
        step,
        "days[0]" if isinstance(value, int) else "n",
    )  # type: ignore[arg-type]
    if isinstance(value, int):  # a valid wait, too long for any date
        wait = FixedDaysWait(days=value)
        refused(lambda: wait.earliest_after(day), ep.CalendarRangeError, "last_attempt_on")
        refused(lambda: MonthsValidity(value).expires_on(day), ep.CalendarRangeError, "start")
    else:
        refused(lambda: FixedDaysWait(days=value), ep.InvalidRecordError, "FixedDaysWait.days")  # type: ignore[arg-type]
    refused(lambda: weakest([value]), ep.InputTypeError, "levels")  # type: ignore[list-item]


def test_a_huge_attempt_count_is_named_not_crashed_on() -> None:
    err = refused(
        lambda: ep.plan_attempts(
            ep.CourseCompletion(D(2025, 1, 6)), D(2025, 2, 3), program=EMR, attempts_used=HUGE
        ),
        ep.InvalidRecordError,
        "attempts_used",
    )
    assert "an int of 5001 digits" in err.message


def test_describe_value_never_crashes_on_a_value() -> None:
    """The rules page prints every parameter value; an odd value prints as a short text."""
    assert describe_value(HUGE) == "an int of 5001 digits"
    assert describe_value(DEEP) == "<list nested too deeply to show>"
    assert describe_value(BadRepr()) == "<unprintable BadRepr>"
    assert describe_value(3) == "3"
    assert describe_value("as written") == "as written"


def test_shown_cuts_long_values_and_survives_odd_ones() -> None:
    from emrpath._validators import shown

    assert shown("x" * 100_000) == "'" + "x" * 56 + "..."
    assert shown(HUGE) == "an int of 5001 digits"
    assert shown(DEEP) == "<list nested too deeply to show>"
    assert shown(BadRepr()) == "<unprintable BadRepr>"


def test_an_unknown_program_name_is_echoed_cut(capsys: pytest.CaptureFixture[str]) -> None:
    name = "x" * 100_000
    code = main(["dates", "--program", name, "--exam", "2025-03-03"])
    err = capsys.readouterr().err
    assert code == 2  # a usage error: the command line names no program emrpath ships
    assert "--program" in err
    assert "x" * 61 not in err  # the name is cut to what shown() quotes
    assert len(err.splitlines()[-1]) < MESSAGE_LIMIT  # the error line, under the usage text


def test_an_unknown_enum_name_is_echoed_cut() -> None:
    err = refused(lambda: MissBucket.parse("y" * 100_000), ep.UnknownNameError, "bucket")
    assert "y" * 61 not in err.message


# -- 7. calendar specs -------------------------------------------------------------------


def _calendar(**kw: object) -> Callable[[], object]:
    def build() -> object:
        args: dict[str, object] = {"first_year": 2020, "last_year": 2021}
        args.update(kw)
        country = args.pop("country", "US")
        return ep.BusinessCalendar.from_holidays(country, **args)  # type: ignore[arg-type]

    return build


@pytest.mark.parametrize(
    ("kw", "error", "field"),
    [
        ({"categories": ("nope",)}, ep.UnknownNameError, "CalendarSpec.categories"),
        ({"categories": 5}, ep.InputTypeError, "CalendarSpec.categories"),
        ({"categories": [5]}, ep.InputTypeError, "CalendarSpec.categories"),
        ({"categories": ()}, ep.InvalidRecordError, "CalendarSpec.categories"),
        ({"country": 5}, ep.InputTypeError, "CalendarSpec.country"),
        ({"country": ""}, ep.InvalidRecordError, "CalendarSpec.country"),
        ({"country": "utils"}, ep.UnknownNameError, "CalendarSpec.country"),
        ({"country": "HolidayBase"}, ep.UnknownNameError, "CalendarSpec.country"),
        ({"country": "ZZ"}, ep.UnknownNameError, "CalendarSpec.country"),
        ({"subdiv": "ZZ"}, ep.UnknownNameError, "CalendarSpec.subdiv"),
        ({"subdiv": 5}, ep.InputTypeError, "CalendarSpec.subdiv"),
        ({"country": None, "subdiv": "NY"}, ep.InvalidRecordError, "CalendarSpec.subdiv"),
        ({"weekend": 5}, ep.InputTypeError, "CalendarSpec.weekend"),
        ({"weekend": "56"}, ep.InputTypeError, "CalendarSpec.weekend"),
        ({"weekend": [7]}, ep.InvalidRecordError, "CalendarSpec.weekend"),
        ({"closures": None}, ep.InputTypeError, "CalendarSpec.closures"),
        ({"closures": [5]}, ep.InvalidRecordError, "CalendarSpec.closures"),
        ({"working_days": None}, ep.InputTypeError, "CalendarSpec.working_days"),
        (
            {"working_days": {NATIONAL_DAY_OF_MOURNING_2025: 1}},
            ep.InputTypeError,
            "CalendarSpec.working_days",
        ),
    ],
)
def test_a_bad_calendar_spec_names_its_field(
    kw: dict[str, object], error: type[ep.EmrpathError], field: str
) -> None:
    refused(_calendar(**kw), error, field)


def test_a_spec_refuses_bad_fields_when_built_directly() -> None:
    refused(lambda: CalendarSpec(closures=None), ep.InputTypeError, "CalendarSpec.closures")  # type: ignore[arg-type]
    refused(lambda: CalendarSpec(country=5), ep.InputTypeError, "CalendarSpec.country")  # type: ignore[arg-type]
    refused(lambda: CalendarSpec(weekend=None), ep.InputTypeError, "CalendarSpec.weekend")  # type: ignore[arg-type]


def test_valid_calendar_specs_still_build() -> None:
    """A subdivision, a category given as one string, an alias the holidays package lists,
    and no holiday source at all are all calendars."""
    ny = _calendar(subdiv="NY", categories="public")()
    assert isinstance(ny, ep.BusinessCalendar)
    import holidays

    # The alias: newer holidays releases list it, the floor (0.72) does not.
    if "USA" in holidays.list_supported_countries(include_aliases=True):
        usa = _calendar(country="USA")()
        assert isinstance(usa, ep.BusinessCalendar)
        assert not usa.is_business_day(D(2020, 12, 25))  # type: ignore[attr-defined]
    plain = _calendar(country=None, weekend=(6,))()
    assert plain.is_business_day(D(2020, 12, 26))  # type: ignore[attr-defined]


# -- 8. only real IANA zone names ----------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "localtime",
        "posixrules",
        "right/UTC",
        "posix/America/New_York",
        "",
        "/etc/localtime",
        "../zoneinfo/UTC",
        "America/../localtime",
        "EST+5",
        "america/new_york",
        "America/New_York ",
        "z" * 10_000,
    ],
)
def test_a_program_timezone_must_be_an_iana_zone(name: str) -> None:
    """design.md: datetimes are "converted to the program's own timezone (NREMT:
    America/New_York; ASCP: America/Chicago)": a name for the host's own zone, or a copy
    of the database under another root, is not one and would give host-dependent dates."""
    refused(lambda: attrs.evolve(EMR, timezone=name), ep.UnknownNameError, "Program.timezone")


@pytest.mark.parametrize(
    "name", ["America/New_York", "America/Chicago", "UTC", "Etc/GMT+5", "US/Eastern"]
)
def test_iana_zone_names_and_links_are_accepted(name: str) -> None:
    assert attrs.evolve(EMR, timezone=name).timezone == name


@given(st.sampled_from(sorted(zoneinfo.available_timezones() - {"localtime"})))
def test_every_zone_of_the_database_is_accepted(name: str) -> None:
    """Every name the tz database lists (less the host's "localtime" link) is a zone."""
    assert attrs.evolve(EMR, timezone=name).timezone == name


def test_a_timezone_that_is_not_a_string_names_the_field() -> None:
    refused(lambda: attrs.evolve(EMR, timezone=5), ep.InputTypeError, "Program.timezone")


# -- 9. sequences: non-iterables, strings and mappings ------------------------------------


def test_non_sequences_where_sequences_belong_name_the_field() -> None:
    cal = ep.BusinessCalendar.us_federal()
    attempt = ep.ExamAttempt(D(2025, 1, 6), passed=False)
    course = ep.CourseCompletion(D(2024, 1, 5))
    refused(lambda: cal.add_business_days_many(None, 2), ep.InputTypeError, "days")  # type: ignore[arg-type]
    refused(lambda: cal.add_business_days_many("2025-01-01", 2), ep.InputTypeError, "days")  # type: ignore[arg-type]
    refused(lambda: cal.add_business_days_many("2025-01-01", 0), ep.InputTypeError, "days")  # type: ignore[arg-type]
    refused(lambda: cal.add_business_days_many({D(2025, 1, 6): 1}, 2), ep.InputTypeError, "days")
    refused(
        lambda: ep.evaluate_many(None, as_of=D(2025, 1, 1), program=EMR),  # type: ignore[arg-type]
        ep.InputTypeError,
        "candidates",
    )
    refused(
        lambda: ep.evaluate_many("abc", as_of=D(2025, 1, 1), program=EMR),  # type: ignore[arg-type]
        ep.InputTypeError,
        "candidates",
    )
    refused(lambda: weakest(None), ep.InputTypeError, "levels")  # type: ignore[arg-type]
    refused(lambda: weakest("primary"), ep.InputTypeError, "levels")  # type: ignore[arg-type]
    refused(
        lambda: ep.Candidate(course, attempts={attempt: 1}),  # type: ignore[arg-type]
        ep.InputTypeError,
        "Candidate.attempts",
    )
    refused(
        lambda: ep.Candidate(course, authorizations={ep.AuthorizationToTest(D(2025, 1, 2)): 1}),  # type: ignore[arg-type]
        ep.InputTypeError,
        "Candidate.authorizations",
    )


def test_iterables_that_are_sequences_are_still_accepted() -> None:
    cal = ep.BusinessCalendar.us_federal()
    days = (D(2026, 7, 2) + dt.timedelta(days=k) for k in range(2))
    assert cal.add_business_days_many(days, 1) == [D(2026, 7, 6), D(2026, 7, 6)]
    assert weakest(iter([ep.Confidence.PRIMARY])) is ep.Confidence.PRIMARY
    statuses = ep.evaluate_many(iter([CANDIDATE]), as_of=D(2025, 1, 1), program=EMR)
    assert len(statuses) == 1


# -- 10. amounts: every real number exactly, NaN, infinities and bools refused -------------


@pytest.mark.parametrize(
    ("value", "amount"),
    [
        (np.float64(2.5), Decimal("2.5")),
        (np.float64(0.1), Decimal("0.1")),
        (np.float32(0.1), Decimal("0.1")),
        (np.float16(0.5), Decimal("0.5")),
        (np.int64(2), Decimal(2)),
        (np.uint8(4), Decimal(4)),
        (Fraction(5, 2), Decimal("2.5")),
        (Fraction(1, 8), Decimal("0.125")),
        (0.1, Decimal("0.1")),
        (3, Decimal(3)),
        (Decimal("1.50"), Decimal("1.50")),
    ],
)
def test_real_numbers_are_read_exactly(value: object, amount: Decimal) -> None:
    """ContinuingEducation: "An int, a float (read by its shortest repr) or a Decimal":
    numpy numbers and fractions are real numbers too, read the same way."""
    record = ep.ContinuingEducation(D(2025, 1, 6), value, "national")  # type: ignore[arg-type]
    assert record.amount == amount
    assert type(record.amount) is Decimal
    assert CeTopic("airway", value).minimum == amount  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "error", "words"),
    [
        (np.float64("nan"), ep.InvalidRecordError, "finite"),
        (np.float32("inf"), ep.InvalidRecordError, "finite"),
        (float("-inf"), ep.InvalidRecordError, "finite"),
        (Decimal("NaN"), ep.InvalidRecordError, "finite"),
        (Decimal("sNaN"), ep.InvalidRecordError, "finite"),
        (True, ep.InputTypeError, "True or False is not an amount"),
        (np.True_, ep.InputTypeError, "got bool np.True_"),  # numpy's bool is no Real
        (Fraction(1, 3), ep.InvalidRecordError, "no exact decimal value"),
        (np.complex128(1), ep.InputTypeError, "number of hours or points"),
        ("2.5", ep.InputTypeError, "number of hours or points"),
    ],
)
def test_amounts_that_are_no_exact_finite_number_are_refused(
    value: object, error: type[ep.EmrpathError], words: str
) -> None:
    err = refused(
        lambda: ep.ContinuingEducation(D(2025, 1, 6), value, "national"),  # type: ignore[arg-type]
        error,
        "ContinuingEducation.amount",
    )
    assert words in err.message


def test_amounts_read_from_a_dataframe_are_accepted() -> None:
    """design.md: rows "drop into a DataFrame"; amounts come back out of one as numpy."""
    frame = pd.DataFrame({"day": [D(2025, 1, 6), D(2025, 2, 3)], "hours": [2.5, 4.0]})
    records = [
        ep.ContinuingEducation(day, hours, "national")
        for day, hours in zip(frame["day"], frame["hours"], strict=True)
    ]
    assert [r.amount for r in records] == [Decimal("2.5"), Decimal(4)]


def test_python_data_with_numpy_amounts_loads() -> None:
    data = {
        "schema_version": 1,
        "kind": "continuing_education",
        "completed_on": "2025-01-06",
        "amount": np.float64(2.5),
        "component": "national",
        "topic": None,
    }
    assert from_json_data(data, ep.ContinuingEducation).amount == Decimal("2.5")


@given(amounts())
def test_every_kind_of_real_number_gives_the_same_amount(amount: Decimal) -> None:
    """ContinuingEducation: hours or points "as exact Decimals": the same number as a
    Fraction, and (where its shortest repr is the same decimal) as a float or numpy float,
    is the same amount."""
    day = D(2025, 1, 6)
    assert ep.ContinuingEducation(day, Fraction(amount), "local").amount == amount
    as_float = float(amount)
    if Decimal(repr(as_float)) == amount:
        for value in (as_float, np.float64(as_float)):
            assert ep.ContinuingEducation(day, value, "local").amount == amount
    if amount == amount.to_integral_value() and amount < 2**63:
        assert ep.ContinuingEducation(day, np.int64(int(amount)), "local").amount == amount
