"""Properties and examples for emrpath.errors: one hierarchy, builtin bases, pickling."""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath import errors

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
    with pytest.raises(BUILTIN_OF[cls]):
        raise cls("bad", field="f", rule="r")
    with pytest.raises(ep.EmrpathError):
        raise cls("bad", field="f", rule="r")


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
    for call in (
        lambda: cal.is_business_day("2025-01-02"),  # type: ignore[arg-type]
        lambda: cal.is_business_day(dt.date(1980, 1, 1)),
        lambda: cal.add_business_days(dt.date(2025, 1, 2), 1.5),  # type: ignore[arg-type]
    ):
        with pytest.raises(ep.EmrpathError) as info:
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
    with pytest.raises(TypeError):
        cal.is_business_day("2025-01-02")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="outside this calendar's years"):
        cal.is_business_day(dt.date(2101, 1, 1))
