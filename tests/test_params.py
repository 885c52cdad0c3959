"""Properties and examples for emrpath.params: citations, confidence, effective-dated params."""

from __future__ import annotations

import datetime as dt
import pickle
import random

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath.params import Citation, Confidence, Param, Provision, weakest
from strategies import dates
from tests.errors import raises_emrpath

CITE = Citation(url="https://example.org/handbook", quote="15 days", title="Handbook")


def provision(on: dt.date, value: object = 0, confidence: Confidence = Confidence.PRIMARY):
    return Provision(on, value, CITE, confidence)


# -- Citation -------------------------------------------------------------------------------


@pytest.mark.parametrize("attribute", ["url", "quote", "title"])
@pytest.mark.parametrize("bad", ["", " ", "\n\t", None, 3, b"x"], ids=repr)
def test_citation_refuses_empty_or_non_text(attribute: str, bad: object):
    """Design principle 1: "Every number ... with ... a citation (URL and a short quote)";
    Citation: "must not be empty: every rule needs its source"."""
    values = {"url": "https://x.org", "quote": "q", "title": "t", attribute: bad}
    with pytest.raises(ep.InvalidRecordError) as info:
        Citation(**values)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert info.value.field == f"Citation.{attribute}"
    assert info.value.rule == "citation"
    if isinstance(bad, str):
        assert info.value.message == "must not be empty: every rule needs its source"
    else:
        assert info.value.message == f"must be a str, got {type(bad).__name__}"


def test_citation_str_and_immutability():
    """Design principle 4: "Frozen, slotted attrs classes, validated at construction"."""
    assert str(CITE) == 'Handbook <https://example.org/handbook>: "15 days"'
    with pytest.raises(attrs.exceptions.FrozenInstanceError):  # attrs words it per release
        CITE.url = "https://elsewhere.org"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(CITE)) == CITE
    assert hash(attrs.evolve(CITE)) == hash(CITE)


# -- Provision ------------------------------------------------------------------------------


def test_provision_validates_its_fields():
    """Design principle 4: "validated at construction"; principle 1: each value has "an
    effective date, a citation ... and a confidence level"."""
    with pytest.raises(ep.InvalidRecordError) as info:
        Provision(dt.datetime(2025, 1, 1), 1, CITE, Confidence.PRIMARY)
    assert info.value.field == "Provision.effective_from"
    with raises_emrpath(
        ep.InvalidRecordError, field="Provision.effective_from", rule="effective date"
    ):
        Provision("2025-01-01", 1, CITE, Confidence.PRIMARY)  # type: ignore[arg-type]
    with raises_emrpath(ep.InputTypeError, field="Provision.citation", rule="rule data"):
        Provision(dt.date(2025, 1, 1), 1, "cite", Confidence.PRIMARY)  # type: ignore[arg-type]
    with raises_emrpath(ep.InputTypeError, field="Provision.confidence", rule="rule data"):
        Provision(dt.date(2025, 1, 1), 1, CITE, "primary")  # type: ignore[arg-type]
    assert Provision(dt.date(2025, 1, 1), 1, CITE, Confidence.PRIMARY).note == ""


# -- Param ----------------------------------------------------------------------------------

effective_dates = st.lists(dates(), min_size=1, max_size=8, unique=True)


@given(effective_dates, st.randoms(use_true_random=False), dates())
def test_param_at_is_the_latest_provision_in_force(
    starts: list[dt.date], rng: random.Random, on: dt.date
):
    """params: "one Provision per effective date ... in force from effective_from until the
    next provision"; "Asking for a value on a date before the first provision raises
    NoRuleInForceError; there is no silent default"."""
    ordered = sorted(starts)
    provisions = [provision(day, value=i) for i, day in enumerate(ordered)]
    shuffled = list(provisions)
    rng.shuffle(shuffled)
    param = Param("p", "A parameter.", tuple(shuffled))
    assert param.provisions == tuple(provisions)  # kept sorted by effective date
    assert param.first_effective == ordered[0]
    in_force = [p for p in provisions if p.effective_from <= on]  # the naive oracle
    if not in_force:
        with pytest.raises(ep.NoRuleInForceError) as info:
            param.at(on)
        assert isinstance(info.value, LookupError)
        assert info.value.field == "p"
        assert ordered[0].isoformat() in str(info.value)
        return
    assert param.at(on) is in_force[-1]
    assert param.value_at(on) == in_force[-1].value


def test_param_at_on_the_boundaries():
    """Provision: "in force from effective_from until the next provision"."""
    old = provision(dt.date(2015, 1, 1), 12)
    new = provision(dt.date(2018, 11, 1), 24)
    param = Param("months", "Validity in months.", (new, old))
    assert param.at(dt.date(2015, 1, 1)) is old
    assert param.at(dt.date(2018, 10, 31)) is old
    assert param.at(dt.date(2018, 11, 1)) is new
    assert param.value_at(dt.date(9999, 12, 31)) == 24
    with raises_emrpath(ep.NoRuleInForceError, field="months", rule="Validity in months."):
        param.at(dt.date(2014, 12, 31))


@given(effective_dates)
def test_duplicate_effective_dates_are_refused(starts: list[dt.date]):
    """Param: "Raises: InvalidRecordError: No provisions, or two with the same effective
    date"."""
    provisions = [provision(day, value=i) for i, day in enumerate(starts)]
    provisions.append(provision(starts[-1], value="another"))
    with pytest.raises(ep.InvalidRecordError) as info:
        Param("p", "A parameter.", tuple(provisions))
    assert info.value.field == "p"


def test_a_param_needs_provisions_a_name_and_a_description():
    """Param: "Raises: InvalidRecordError: No provisions ..."."""
    with pytest.raises(ep.InvalidRecordError) as info:
        Param("p", "A parameter.", ())
    assert info.value.field == "p"
    # The name and description are the parameter's own: an empty one breaks the
    # parameter rule (not the citation rule, which the check named until issue 17).
    with raises_emrpath(ep.InvalidRecordError, field="Param.name", rule="parameter") as info:
        Param("", "A parameter.", (provision(dt.date(2020, 1, 1)),))
    assert info.value.message == "must not be empty"  # the citation's "why" is not its own
    with raises_emrpath(ep.InvalidRecordError, field="Param.description", rule="parameter"):
        Param("p", "  ", (provision(dt.date(2020, 1, 1)),))
    with raises_emrpath(ep.InvalidRecordError, field="Param.name", rule="parameter") as info:
        Param(7, "A parameter.", (provision(dt.date(2020, 1, 1)),))  # type: ignore[arg-type]
    assert info.value.message == "must be a str, got int"


def test_provisions_come_from_any_iterable():
    """Param: "provisions: One or more provisions; they are kept sorted by effective date"."""
    a, b = provision(dt.date(2020, 1, 1)), provision(dt.date(2019, 1, 1))
    param = Param("p", "A parameter.", iter([a, b]))  # type: ignore[arg-type]
    assert param.provisions == (b, a)


def test_param_is_frozen_comparable_and_picklable():
    """Design principle 4: "Immutable and pure ... picklable, cacheable. What-if is
    attrs.evolve on a record or a program"."""
    param = Param("p", "A parameter.", (provision(dt.date(2020, 1, 1), 15),))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):  # attrs words it per release
        param.name = "q"  # type: ignore[misc]
    again = pickle.loads(pickle.dumps(param))
    assert again == param
    assert again.value_at(dt.date(2021, 1, 1)) == 15
    changed = attrs.evolve(param, provisions=(provision(dt.date(2020, 1, 1), 30),))
    assert changed.value_at(dt.date(2021, 1, 1)) == 30
    assert param.value_at(dt.date(2021, 1, 1)) == 15


# -- Param.single ---------------------------------------------------------------------------

levels = st.sampled_from(Confidence)


@given(
    dates(),
    dates(),
    st.one_of(st.integers(), st.text(), st.none(), st.booleans()),
    levels,
    st.text(),
)
def test_single_is_a_param_of_one_provision(
    start: dt.date, on: dt.date, value: object, confidence: Confidence, note: str
):
    """Param.single: "A parameter with one provision: ``value``, in force from
    ``effective_from`` on"; params: "Asking for a value on a date before the first provision
    raises NoRuleInForceError; there is no silent default"."""
    param = Param.single(
        "p",
        "A parameter.",
        value,
        effective_from=start,
        citation=CITE,
        confidence=confidence,
        note=note,
    )
    assert param == Param("p", "A parameter.", (Provision(start, value, CITE, confidence, note),))
    assert param.first_effective == start
    if on < start:
        with raises_emrpath(ep.NoRuleInForceError, field="p", rule="A parameter."):
            param.at(on)
    else:
        provision = param.at(on)
        assert provision.value is value
        assert (provision.citation, provision.confidence, provision.note) == (
            CITE,
            confidence,
            note,
        )


def test_single_has_the_provisions_default_note_and_grows_like_any_param():
    """Param.single: "The keywords are the provision's fields, by the same names"; design
    principle 4: "What-if is attrs.evolve on a record or a program"."""
    param = Param.single(
        "p",
        "A parameter.",
        15,
        effective_from=dt.date(2015, 1, 1),
        citation=CITE,
        confidence=Confidence.SECONDARY,
    )
    assert (
        param.provisions[0].note
        == Provision(dt.date(2015, 1, 1), 15, CITE, Confidence.PRIMARY).note
        == ""
    )
    later = provision(dt.date(2026, 1, 1), 16)
    grown = attrs.evolve(param, provisions=(*param.provisions, later))
    assert grown.value_at(dt.date(2025, 12, 31)) == 15
    assert grown.at(dt.date(2026, 1, 1)) is later


def test_single_takes_the_provision_fields_by_keyword_only():
    """Param.single: the date, source and confidence are named at the call site."""
    with pytest.raises(TypeError, match="takes 4 positional arguments but 7 were given"):
        Param.single(  # type: ignore[misc]
            "p", "A parameter.", 15, dt.date(2015, 1, 1), CITE, Confidence.PRIMARY
        )


@pytest.mark.parametrize(
    ("change", "error", "field"),
    [
        ({"name": " "}, ep.InvalidRecordError, "Param.name"),
        ({"description": ""}, ep.InvalidRecordError, "Param.description"),
        (
            {"effective_from": dt.datetime(2015, 1, 1)},
            ep.InvalidRecordError,
            "Provision.effective_from",
        ),
        ({"effective_from": "2015-01-01"}, ep.InvalidRecordError, "Provision.effective_from"),
        ({"citation": "https://example.org"}, ep.InputTypeError, "Provision.citation"),
        ({"confidence": "primary"}, ep.InputTypeError, "Provision.confidence"),
        ({"note": None}, ep.InputTypeError, "Provision.note"),
    ],
    ids=["name", "description", "datetime", "string date", "citation", "confidence", "note"],
)
def test_single_refuses_bad_fields_naming_them(
    change: dict[str, object], error: type[ep.EmrpathError], field: str
):
    """Design principle 6: "Every invalid record or argument raises a subclass of
    emrpath.EmrpathError ... with a message naming the field and the rule"."""
    arguments: dict[str, object] = {
        "name": "p",
        "description": "A parameter.",
        "value": 15,
        "effective_from": dt.date(2015, 1, 1),
        "citation": CITE,
        "confidence": Confidence.PRIMARY,
        **change,
    }
    with pytest.raises(error) as info:
        Param.single(**arguments)  # type: ignore[arg-type]
    assert info.value.field == field


# -- Confidence -----------------------------------------------------------------------------


def test_confidence_order():
    """Confidence: "Members order by strength, so min() gives the weakest"."""
    assert Confidence.SECONDARY < Confidence.PRIMARY
    assert Confidence.PRIMARY > Confidence.SECONDARY
    assert Confidence.SECONDARY <= Confidence.SECONDARY
    assert Confidence.PRIMARY >= Confidence.PRIMARY
    assert not Confidence.PRIMARY < Confidence.PRIMARY
    assert sorted([Confidence.PRIMARY, Confidence.SECONDARY]) == [
        Confidence.SECONDARY,
        Confidence.PRIMARY,
    ]
    assert [c.rank for c in Confidence] == sorted(c.rank for c in Confidence)
    assert Confidence("primary") is Confidence.PRIMARY


@pytest.mark.parametrize("other", ["primary", 1, None, 0.5])
def test_confidence_does_not_compare_with_other_types(other: object):
    """Confidence orders only against Confidence: a string or number is not a level."""
    with pytest.raises(TypeError, match="'>' not supported between instances of"):
        _ = other > Confidence.PRIMARY  # type: ignore[operator]
    with pytest.raises(TypeError, match="'<=' not supported between instances of"):
        _ = other <= Confidence.PRIMARY  # type: ignore[operator]
    assert other != Confidence.PRIMARY


@given(st.lists(levels))
def test_weakest_is_the_minimum(found: list[Confidence]):
    """Design principle 3: a decision carries "the weakest confidence among the parameters
    it read"; weakest: "PRIMARY for none at all"."""
    result = weakest(found)
    assert all(result <= level for level in found)
    assert result == (min(found, key=lambda c: c.rank) if found else Confidence.PRIMARY)
    assert weakest(iter(found)) is result
    if Confidence.SECONDARY in found:
        assert result is Confidence.SECONDARY


@pytest.mark.parametrize(
    "bad",
    [
        ("not a provision",),
        (provision(dt.date(2020, 1, 1)), {"effective_from": dt.date(2021, 1, 1)}),
        (provision(dt.date(2020, 1, 1)), None),
    ],
    ids=["str item", "dict item", "None item"],
)
def test_items_that_are_not_provisions_are_refused(bad: tuple[object, ...]):
    """Design principle 6: "Every invalid record or argument raises a subclass of
    emrpath.EmrpathError ... with a message naming the field and the rule" — not the
    AttributeError of sorting by a missing effective_from."""
    with pytest.raises(ep.InvalidRecordError) as info:
        Param("p", "A parameter.", bad)  # type: ignore[arg-type]
    assert info.value.field == "p"
    assert "Provision" in str(info.value)


@pytest.mark.parametrize("bad", [provision(dt.date(2020, 1, 1)), 5, None])
def test_provisions_that_are_not_a_collection_are_refused(bad: object):
    """Design principle 6: "Every invalid record or argument raises a subclass of
    emrpath.EmrpathError" — a single Provision passed without a tuple included."""
    with pytest.raises(ep.InvalidRecordError) as info:
        Param("p", "A parameter.", bad)  # type: ignore[arg-type]
    assert info.value.field == "Param.provisions"


class _MyDate(dt.date):
    pass


@pytest.mark.parametrize(
    "bad",
    ["2025-01-01", dt.datetime(2025, 1, 1), dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc), 0],
    ids=repr,
)
def test_param_at_refuses_what_is_not_a_date(bad: object):
    """Design principle 6: "Every invalid record or argument raises a subclass of
    emrpath.EmrpathError that also subclasses the fitting builtin" — a datetime cannot even
    be compared with the effective dates, which raised a bare TypeError."""
    param = Param("p", "A parameter.", (provision(dt.date(2020, 1, 1), 15),))
    with pytest.raises(ep.InputTypeError) as info:
        param.at(bad)  # type: ignore[arg-type]
    assert info.value.field == "on"
    assert info.value.rule == "p"
    assert param.value_at(_MyDate(2021, 1, 1)) == 15


@pytest.mark.parametrize(
    ("levels", "message"),
    [
        (5, "must be a sequence of Confidence, got int"),
        (None, "must be a sequence of Confidence, got NoneType"),
        ([1], "expected Confidence values, got 1"),
    ],
)
def test_weakest_refuses_what_is_not_confidences_naming_field_and_rule(
    levels: object, message: str
) -> None:
    """Design principle 6: an invalid argument raises an EmrpathError "with a message naming
    the field and the rule": ``weakest`` given no sequence of confidences names its
    argument and the confidence rule."""
    with raises_emrpath(ep.InputTypeError, field="levels", rule="confidence") as raised:
        weakest(levels)  # type: ignore[arg-type]
    assert raised.value.message == message
