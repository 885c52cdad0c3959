"""Properties and examples for emrpath.errors: one hierarchy, builtin bases, pickling."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath import errors
from emrpath.calendar import DayOverride
from emrpath.params import Provision
from emrpath.policies import (
    AfterLimit,
    AnniversaryExpiry,
    AttemptLimit,
    AuthorizationWindow,
    MonthsCeWindow,
    SeasonalExpiry,
    SeasonalRecertWindow,
)
from tests.errors import raises_emrpath

# Every error class and the builtin it must also be. A new class in errors.__all__ fails
# test_every_error_class_is_listed until it is added here with its builtin.
BUILTIN_OF: dict[type[ep.EmrpathError], type[Exception]] = {
    ep.InvalidRecordError: ValueError,
    ep.InputTypeError: TypeError,
    ep.NaiveDatetimeError: TypeError,
    ep.CalendarRangeError: ValueError,
    ep.NoRuleInForceError: LookupError,
    ep.UnknownNameError: LookupError,
    ep.MissingExtraError: ImportError,
}


def test_every_error_class_is_listed():
    """Design principle 6: "Every invalid record or argument raises a subclass of
    emrpath.EmrpathError that also subclasses the fitting builtin"."""
    exported = {getattr(errors, name) for name in errors.__all__}
    assert exported == {ep.EmrpathError, *BUILTIN_OF}
    for name in errors.__all__:
        assert getattr(ep, name) is getattr(errors, name)  # importable from emrpath
        assert name in ep.__all__


@pytest.mark.parametrize("cls", list(BUILTIN_OF), ids=lambda c: c.__name__)
def test_each_error_is_an_emrpath_error_and_its_builtin(cls: type[ep.EmrpathError]):
    """Design principle 6: "raises a subclass of emrpath.EmrpathError that also subclasses
    the fitting builtin (ValueError, TypeError, LookupError)"."""
    assert issubclass(cls, ep.EmrpathError)
    assert issubclass(cls, BUILTIN_OF[cls])
    others = {ValueError, TypeError, LookupError, ImportError} - {BUILTIN_OF[cls]}
    assert not any(issubclass(cls, other) for other in others)
    with pytest.raises(BUILTIN_OF[cls], match=r"^f: bad \(rule: r\)$"):
        raise cls("bad", field="f", rule="r")
    with raises_emrpath(ep.EmrpathError, field="f", rule="r"):
        raise cls("bad", field="f", rule="r")


def _raise(error: Exception | None) -> None:
    if error is not None:
        raise error


@pytest.mark.parametrize(
    ("raised", "failure", "says"),
    [
        (TypeError("f: bad (rule: r)"), TypeError, r"^f: bad"),  # a bare builtin passes by
        (ep.InputTypeError("bad", field="g", rule="r"), AssertionError, "names 'g' / 'r'"),
        (ep.InputTypeError("bad", field="f", rule="s"), AssertionError, "names 'f' / 's'"),
        (ep.InvalidRecordError("bad", field="f", rule="r"), ep.InvalidRecordError, "^f: bad"),
        (None, pytest.fail.Exception, "DID NOT RAISE"),
    ],
    ids=["builtin", "field", "rule", "kind", "nothing"],
)
def test_raises_emrpath_fails_unless_kind_field_and_rule_all_fit(
    raised: Exception | None, failure: type[BaseException], says: str
) -> None:
    """The tests' check for an emrpath error passes only on the error naming "the field
    and the rule" it is given; a bare builtin with the same text does not pass it."""
    with raises_emrpath(ep.InputTypeError, field="f", rule="r") as info:
        _raise(ep.InputTypeError("bad", field="f", rule="r"))
    assert info.value.message == "bad"
    with (
        pytest.raises(failure, match=says),
        raises_emrpath(ep.InputTypeError, field="f", rule="r"),
    ):
        _raise(raised)


def test_naive_datetime_error_is_an_input_type_error():
    """NaiveDatetimeError: "A datetime without a timezone was given where a date belongs" —
    a kind of wrong-type input, so catching InputTypeError catches it."""
    assert issubclass(ep.NaiveDatetimeError, ep.InputTypeError)
    assert issubclass(ep.EmrpathError, Exception)
    assert not issubclass(ep.EmrpathError, (ValueError, TypeError, LookupError, ImportError))


texts = st.text(max_size=40)
optional_texts = st.none() | st.text(max_size=40)
error_classes = st.sampled_from([ep.EmrpathError, *BUILTIN_OF])


@given(error_classes, texts, optional_texts, optional_texts)
def test_message_names_the_field_and_the_rule(
    cls: type[ep.EmrpathError], message: str, field: str | None, rule: str | None
):
    """errors: "Each carries the offending field and the rule it broke, and its message
    names both"."""
    err = cls(message, field=field, rule=rule)
    assert (err.message, err.field, err.rule) == (message, field, rule)
    text = str(err)
    assert message in text
    if field:
        assert text.startswith(f"{field}: ")
    if rule:
        assert text.endswith(f" (rule: {rule})")


@given(
    error_classes,
    texts,
    optional_texts,
    optional_texts,
    st.integers(0, pickle.HIGHEST_PROTOCOL),
)
def test_errors_pickle_and_copy_intact(
    cls: type[ep.EmrpathError], message: str, field: str | None, rule: str | None, protocol: int
):
    """EmrpathError: "errors must cross process boundaries intact (process pools, Dask,
    Spark)" — same class, message, field, rule and text after pickling or copying."""
    err = cls(message, field=field, rule=rule)
    for again in (pickle.loads(pickle.dumps(err, protocol=protocol)), copy.deepcopy(err)):
        assert type(again) is cls
        assert (again.message, again.field, again.rule) == (message, field, rule)
        assert str(again) == str(err)
        assert again.args == err.args


def test_errors_raised_by_the_library_pickle_intact():
    """EmrpathError: "errors must cross process boundaries intact"."""
    cal = ep.BusinessCalendar.us_federal()
    raised: list[ep.EmrpathError] = []
    for field, call in (
        ("day", lambda: cal.is_business_day("2025-01-02")),  # type: ignore[arg-type]
        ("day", lambda: cal.is_business_day(dt.date(1980, 1, 1))),
        ("n", lambda: cal.add_business_days(dt.date(2025, 1, 2), 1.5)),  # type: ignore[arg-type]
    ):
        with raises_emrpath(ep.EmrpathError, field=field, rule="business day") as info:
            call()
        raised.append(info.value)
    for err in raised:
        again = pickle.loads(pickle.dumps(err))
        assert type(again) is type(err)
        assert (again.field, again.rule, str(again)) == (err.field, err.rule, str(err))


def test_errors_module_doctest_example():
    """errors: "callers can catch either emrpath.EmrpathError or ValueError/TypeError/
    LookupError"."""
    cal = ep.BusinessCalendar.us_federal()
    with pytest.raises(TypeError, match=r"^day: .* \(rule: business day\)$"):
        cal.is_business_day("2025-01-02")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="outside this calendar's years"):
        cal.is_business_day(dt.date(2101, 1, 1))


_CITE = ep.Citation("https://example.org/rule", "a quote", "a title")
_COURSE = ep.CourseCompletion(dt.date(2025, 5, 2))
_WRONG_TYPES = [
    ("Candidate.course", lambda: ep.Candidate(course="2025-05-02")),
    ("Candidate.skills", lambda: ep.Candidate(course=_COURSE, skills="yes")),
    ("Candidate.cpr", lambda: ep.Candidate(course=_COURSE, cpr=dt.date(2027, 1, 1))),
    ("PriorCourse.course", lambda: ep.PriorCourse(course=None)),
    ("RecertificationRecord.certification", lambda: ep.RecertificationRecord("x")),
    ("DayOverride.name", lambda: DayOverride(dt.date(2025, 1, 9), 1, _CITE)),
    ("DayOverride.citation", lambda: DayOverride(dt.date(2025, 1, 9), "x", None)),
    ("Provision.citation", lambda: Provision(dt.date(2020, 1, 1), 1, None, "primary")),
    (
        "Provision.confidence",
        lambda: Provision(dt.date(2020, 1, 1), 1, _CITE, "primary"),
    ),
    (
        "Provision.note",
        lambda: Provision(dt.date(2020, 1, 1), 1, _CITE, ep.Confidence.PRIMARY, note=1),
    ),
    ("AttemptLimit.after_limit", lambda: AttemptLimit(3, "new_course")),
    (
        "AttemptLimit.scope",
        lambda: AttemptLimit(3, AfterLimit.NEW_COURSE, scope="per_route"),
    ),
    ("AuthorizationWindow.capped_by_course", lambda: AuthorizationWindow(90, None, 1)),
    ("AnniversaryExpiry.month_end", lambda: AnniversaryExpiry(3, month_end="yes")),
    ("MonthsCeWindow.lookback_after_expiry", lambda: MonthsCeWindow(36, 0)),
]


@pytest.mark.parametrize(("field", "build"), _WRONG_TYPES, ids=[f for f, _ in _WRONG_TYPES])
def test_a_wrongly_typed_field_is_an_input_type_error_naming_it(field: str, build: Any) -> None:
    """Design principle 6: every invalid argument raises an EmrpathError (here also a
    TypeError) whose message names the field and the rule; never attrs' bare TypeError."""
    with pytest.raises(ep.InputTypeError) as caught:
        build()
    assert caught.value.field == field
    assert caught.value.rule
    assert str(caught.value).startswith(f"{field}: must be ")


@pytest.mark.parametrize(
    ("name", "error", "message"),
    [
        ("written", ep.UnknownNameError, "unknown gate 'written'; expected one of 'course'"),
        (5, ep.InputTypeError, "must be a GateName or its string value, got int"),
        (None, ep.InputTypeError, "must be a GateName or its string value, got NoneType"),
    ],
)
def test_asking_a_status_for_a_gate_it_cannot_have_is_an_emrpath_error(
    name: object, error: type[ep.EmrpathError], message: str
) -> None:
    """Found writing docstring examples: ``gate("written")`` raised a bare ValueError."""
    status = ep.evaluate(
        ep.Candidate(course=ep.CourseCompletion(dt.date(2025, 5, 2))),
        as_of=dt.date(2025, 6, 1),
        program=ep.NREMT_EMR,
    )
    with pytest.raises(error) as caught:
        status.gate(name)  # type: ignore[arg-type]
    assert type(caught.value) is error
    assert (caught.value.field, caught.value.rule) == ("name", "pathway gate")
    assert caught.value.message.startswith(message)


def test_a_status_built_without_a_gate_says_which_one_it_lacks() -> None:
    """evaluate() always gives all seven gates; a status built by hand may not."""
    status = ep.evaluate(
        ep.Candidate(course=ep.CourseCompletion(dt.date(2025, 5, 2))),
        as_of=dt.date(2025, 6, 1),
        program=ep.NREMT_EMR,
    )
    partial = attrs.evolve(status, gates=status.gates[:-1])
    with raises_emrpath(ep.UnknownNameError, field="name", rule="pathway gate") as caught:
        partial.gate("certification")
    assert caught.value.message == "this status has no 'certification' gate"


@pytest.mark.parametrize(
    ("build", "field", "message"),
    [
        (
            lambda: SeasonalExpiry(
                month=2, day=30, split_month=7, years_before_split=2, years_from_split=3
            ),
            "SeasonalExpiry.day",
            "month 2 has no day 30 every year (it has 28 in a common year)",
        ),
        (
            lambda: SeasonalExpiry(
                month=2, day=29, split_month=7, years_before_split=2, years_from_split=3
            ),
            "SeasonalExpiry.day",
            "month 2 has no day 29 every year (it has 28 in a common year)",
        ),
        (
            lambda: SeasonalRecertWindow(opens_month=4, opens_day=31, late_month=10, late_day=31),
            "SeasonalRecertWindow.opens_day",
            "month 4 has no day 31 every year (it has 30 in a common year)",
        ),
        (
            lambda: SeasonalRecertWindow(opens_month=4, opens_day=1, late_month=11, late_day=31),
            "SeasonalRecertWindow.late_day",
            "month 11 has no day 31 every year (it has 30 in a common year)",
        ),
    ],
)
def test_a_seasonal_rule_on_a_day_its_month_lacks_is_refused_when_built(
    build: Any, field: str, message: str
) -> None:
    """A fixed yearly date must exist every year. Found writing docstring examples: 30
    February was accepted and every method then raised a bare ValueError."""
    with raises_emrpath(ep.InvalidRecordError, field=field, rule="program parameter") as caught:
        build()
    assert caught.value.message == message


def test_a_seasonal_rule_on_the_last_day_of_its_month_is_accepted() -> None:
    """The last day a month has in a common year exists every year."""
    term = SeasonalExpiry(month=2, day=28, split_month=7, years_before_split=2, years_from_split=3)
    assert term.day == 28
    window = SeasonalRecertWindow(opens_month=4, opens_day=30, late_month=12, late_day=31)
    assert (window.opens_day, window.late_day) == (30, 31)
