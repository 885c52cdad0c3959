"""The generated JSON readers (``emrpath._json_reader``) and the one-pass path of ``loads``.

A generated reader builds a record from valid JSON data in one pass and refuses anything
else without saying why; ``loads`` and ``from_json_data`` then read the document strictly,
and that reading names the problem. So the readers must take exactly the valid documents,
build exactly the records the strict reading builds, and never change an error: these
tests check each, on classes made for the purpose (the shapes no document class has yet)
and on the documents of every kind.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import json
import traceback
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import emrpath as ep
from emrpath import jsonio
from emrpath._json_reader import Refused, generated_readers, snake_case
from tests.errors import raises_emrpath
from tests.public_values import strategy_for

P = ep.NREMT_EMR


class Shade(enum.Enum):
    """An enum for the classes below."""

    LIGHT = "light"
    DARK = "dark"


@attrs.frozen
class SlotNote:
    """A nested record whose class name begins with its container's (``Slot``)."""

    text: str
    shade: Shade


@attrs.frozen
class Slot:
    """A record of every field shape the generator knows."""

    day: dt.date
    count: int
    flag: bool
    shade: Shade
    other_shade: Shade
    amount: Decimal
    note: SlotNote
    notes: tuple[SlotNote, ...]
    days: tuple[dt.date, ...]
    pair: tuple[int, str]
    maybe_day: dt.date | None
    maybe_note: SlotNote | None = None
    third_shade: Shade = Shade.DARK
    size: int = 3
    label: str = "none"
    open: bool = False


@attrs.frozen
class Node:
    """A record that nests itself."""

    name: str
    children: tuple[Node, ...] = ()
    parent: Node | None = None


def _halved(value: Any) -> Decimal:
    """A reader of the ``calls`` kind: it must be called with the JSON value as it is."""
    return Decimal(value) / 2


_SLOT = {
    "day": "2025-06-03",
    "count": 2,
    "flag": True,
    "shade": "light",
    "other_shade": "dark",
    "amount": "5",
    "note": {"text": "a", "shade": "dark"},
    "notes": [{"text": "b", "shade": "light"}, {"text": "c", "shade": "dark"}],
    "days": ["2025-06-04", "2025-06-05"],
    "pair": [7, "seven"],
    "maybe_day": None,
}
_SLOT_VALUE = Slot(
    day=dt.date(2025, 6, 3),
    count=2,
    flag=True,
    shade=Shade.LIGHT,
    other_shade=Shade.DARK,
    amount=Decimal("2.5"),
    note=SlotNote("a", Shade.DARK),
    notes=(SlotNote("b", Shade.LIGHT), SlotNote("c", Shade.DARK)),
    days=(dt.date(2025, 6, 4), dt.date(2025, 6, 5)),
    pair=(7, "seven"),
    maybe_day=None,
)


def _slot_reader(objects: Any = "dicts") -> Any:
    return generated_readers([Slot], objects=objects, calls={Decimal: _halved})[Slot]


def _as_pairs(node: Any) -> Any:
    """Python data as ``json.loads(text, object_pairs_hook=tuple)`` gives it."""
    if isinstance(node, dict):
        return tuple((key, _as_pairs(value)) for key, value in node.items())
    if isinstance(node, list):
        return [_as_pairs(value) for value in node]
    return node


def test_a_reader_builds_every_field_shape_from_dicts_and_from_pairs() -> None:
    """Dates, integers, booleans, enums (one enum in several fields), a call's type,
    a nested record, arrays of records and of dates, a fixed-length pair, ``X | None``
    and defaults: each read into the value the record holds."""
    assert _slot_reader("dicts")(_SLOT) == _SLOT_VALUE
    assert _slot_reader("pairs")(dict(_as_pairs(_SLOT))) == _SLOT_VALUE
    given_all = {
        **_SLOT,
        "maybe_day": "2025-06-06",
        "maybe_note": {"text": "d", "shade": "light"},
        "third_shade": "light",
        "size": 4,
        "label": "some",
        "open": True,
    }
    expected = attrs.evolve(
        _SLOT_VALUE,
        maybe_day=dt.date(2025, 6, 6),
        maybe_note=SlotNote("d", Shade.LIGHT),
        third_shade=Shade.LIGHT,
        size=4,
        label="some",
        open=True,
    )
    assert _slot_reader("dicts")(given_all) == expected
    assert _slot_reader("pairs")(dict(_as_pairs(given_all))) == expected
    assert _slot_reader("dicts")({**_SLOT, "maybe_note": None}) == _SLOT_VALUE


def test_a_field_left_out_takes_its_default_and_a_required_one_is_refused() -> None:
    """A field with a default may be left out (``None``, an enum member, a number, a
    string, ``False``); a required field left out raises, and the strict reading says
    which."""
    read = _slot_reader()
    value = read(_SLOT)
    assert (value.maybe_note, value.third_shade, value.size, value.label, value.open) == (
        None,
        Shade.DARK,
        3,
        "none",
        False,
    )
    for key in _SLOT:
        if key != "maybe_day":
            with pytest.raises(KeyError):
                read({k: v for k, v in _SLOT.items() if k != key})
    # ``X | None`` with no default is required too: left out, it is refused
    with pytest.raises(KeyError):
        read({k: v for k, v in _SLOT.items() if k != "maybe_day"})


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("day", "2025-6-03"),
        ("day", 20250603),
        ("day", "2025/06/03"),
        ("day", "2025-06-0"),
        ("count", True),
        ("count", 2.0),
        ("count", "2"),
        ("flag", 1),
        ("flag", "true"),
        ("shade", 1),
        ("shade", None),
        ("note", [["text", "a"], ["shade", "dark"]]),
        ("note", "a"),
        ("notes", {"text": "b", "shade": "light"}),
        ("notes", "b"),
        ("days", "2025-06-04"),
        ("days", ["2025-06-04", 1]),
        ("pair", [7]),
        ("pair", [7, "seven", 8]),
        ("pair", (7, "seven")),
        ("pair", ["7", "seven"]),
        ("maybe_day", 1),
        ("size", None),
        ("label", None),
        ("open", 0),
        ("third_shade", None),
        ("maybe_note", "d"),
    ],
)
def test_a_value_of_another_json_type_is_refused(key: str, value: object) -> None:
    """A reader takes a value only of its field's exact JSON type (a boolean is not an
    integer, a date is a ``YYYY-MM-DD`` string, an array is a list, an object a dict);
    anything else is refused without saying why."""
    with pytest.raises(Refused):
        _slot_reader()({**_SLOT, key: value})


def test_an_unknown_value_or_field_is_refused() -> None:
    """An enum value the enum lacks raises (a ``KeyError``: the strict reading says why);
    a field the class lacks is refused, at the top and in a nested object; an object that
    is not a dict (or, read from pairs, not a tuple of pairs) is refused."""
    read = _slot_reader()
    with pytest.raises(KeyError):
        read({**_SLOT, "shade": "grey"})
    with pytest.raises(Refused):
        read({**_SLOT, "colour": "light"})
    with pytest.raises(Refused):
        read({**_SLOT, "note": {"text": "a", "shade": "dark", "by": "x"}})
    with pytest.raises(Refused):
        read({**_SLOT, "notes": [{"text": "a", "shade": "dark"}, ["text", "b"]]})
    with pytest.raises(Refused):  # pairs where Python data has a dict
        read({**_SLOT, "note": _as_pairs(_SLOT["note"])})
    with pytest.raises(Refused):  # a dict where the parser gives pairs
        _slot_reader("pairs")({**dict(_as_pairs(_SLOT)), "note": _SLOT["note"]})


def test_read_from_pairs_a_key_given_twice_in_a_nested_object_is_refused() -> None:
    """Read from the parser's pairs, a nested object that gives a key twice is refused,
    not read as "the last one wins" (at every depth, in arrays too)."""
    read = _slot_reader("pairs")
    body = dict(_as_pairs(_SLOT))
    twice = (("text", "a"), ("shade", "dark"), ("text", "b"))
    with pytest.raises(Refused):
        read({**body, "note": twice})
    with pytest.raises(Refused):
        read({**body, "notes": [body["note"], twice]})
    with pytest.raises(Refused):
        read({**body, "maybe_note": twice})
    assert read({**body, "note": (("shade", "dark"), ("text", "a"))}) == _SLOT_VALUE


def test_a_record_s_own_validation_error_is_let_through() -> None:
    """The reader calls the class: a record that refuses its values raises its own error
    (the strict reading then names the path)."""

    @attrs.frozen
    class Positive:
        """A record that refuses a number below one."""

        n: int = attrs.field(validator=attrs.validators.ge(1))

    read = generated_readers([Positive], objects="dicts", calls={})[Positive]
    assert read({"n": 1}) == Positive(1)
    with pytest.raises(ValueError, match="'n' must be >= 1: 0"):
        read({"n": 0})


def test_classes_whose_names_begin_alike_each_build_their_own() -> None:
    """Each class, enum and default gets a global name of its own in the generated module,
    however the names begin: ``Slot`` holds a ``SlotNote``, read first."""
    readers = generated_readers([Slot, SlotNote], objects="dicts", calls={Decimal: _halved})
    assert type(readers[Slot](_SLOT)) is Slot
    assert readers[SlotNote]({"text": "a", "shade": "dark"}) == SlotNote("a", Shade.DARK)


def test_a_class_that_nests_itself_has_one_reader() -> None:
    """A class may hold values of its own class, at any depth: its reader is generated
    once and calls itself."""
    read = generated_readers([Node], objects="pairs", calls={})[Node]
    tree = {
        "name": "a",
        "children": [(("name", "b"), ("children", [(("name", "c"),)]))],
        "parent": (("name", "z"),),
    }
    assert read(tree) == Node("a", (Node("b", (Node("c"),)),), Node("z"))
    with pytest.raises(Refused):
        read({**tree, "children": [(("name", "b"), ("children", [(("name", 1),)]))]})


def test_each_generated_reader_shows_its_own_source() -> None:
    """The source is kept in linecache under a name of its own, so tracebacks and
    ``inspect.getsource`` show it, line by line, for every reader generated (not the
    last one's text)."""
    dicts = generated_readers([SlotNote], objects="dicts", calls={})[SlotNote]
    for _ in range(5):  # modules of readers made and dropped in between
        generated_readers([ep.SkillsCompetency], objects="dicts", calls={})
    later = generated_readers([ep.SkillsCompetency], objects="dicts", calls={})[
        ep.SkillsCompetency
    ]
    pairs = generated_readers([ep.SkillsCompetency], objects="pairs", calls={})[
        ep.SkillsCompetency
    ]
    assert inspect.getsource(dicts) == (
        "def build_slot_note(obj):\n"
        "    if not obj.keys() <= FIELDS_slot_note:\n"
        "        raise Refused  # a field SlotNote does not have\n"
        "    item = obj['text']\n"
        "    if type(item) is not str:\n"
        "        raise Refused\n"
        "    text = item\n"
        "    item = obj['shade']\n"
        "    if type(item) is not str:\n"
        "        raise Refused\n"
        "    shade = MEMBERS_Shade[item]  # an unknown value: KeyError\n"
        "    return SlotNote(text=text, shade=shade)\n"
    )
    assert inspect.getsource(later).startswith("def build_skills_competency(obj):\n")
    assert inspect.getsource(pairs) == inspect.getsource(later)
    try:
        dicts({"text": 1, "shade": "dark"})
    except Refused as refused:
        shown = traceback.format_exception(refused)
    assert "generated JSON readers of dicts" in shown[-2]
    assert shown[-2].rstrip().endswith("raise Refused")


@pytest.mark.parametrize(
    ("field", "message"),
    [
        (attrs.field(type=int, init=False, default=1), "field 'x'"),
        (attrs.field(type=int, alias="y"), "field 'x'"),
        (attrs.field(type=tuple[int, ...], factory=tuple), "field 'x'"),
    ],
)
def test_a_field_the_generator_cannot_read_is_refused_when_generating(
    field: Any, message: str
) -> None:
    """A field not given to ``__init__`` by its own name, or with a factory default, has
    no generated reader: generating one raises ``TypeError`` naming the class and field."""
    cls = attrs.make_class("Odd", {"x": field, "z": attrs.field(type=int, default=0)})
    with pytest.raises(TypeError) as raised:
        generated_readers([cls], objects="dicts", calls={})
    assert str(raised.value) == f"no JSON reader for {cls!r}: {message}"


@pytest.mark.parametrize(
    ("tp", "message"),
    [
        (int | str, "only X | None unions have JSON readers, not int | str"),
        (int | str | None, "only X | None unions have JSON readers, not int | str | None"),
        (float, "no JSON reader for <class 'float'>"),
        (list[int], "no JSON reader for list[int]"),
        (dict[str, int], "no JSON reader for dict[str, int]"),
    ],
)
def test_a_field_type_the_generator_does_not_know_is_refused(tp: Any, message: str) -> None:
    """Only ``X | None`` unions and the types the generator knows have readers; any other
    field type raises ``TypeError`` saying so (a new field type must extend it)."""
    cls = attrs.make_class("Odd", {"x": attrs.field(type=tp)})
    with pytest.raises(TypeError) as raised:
        generated_readers([cls], objects="dicts", calls={})
    assert str(raised.value) == message


def test_snake_case_is_the_kind_name_of_a_class_name() -> None:
    """A class name in snake case names its JSON kind and its generated reader."""
    assert snake_case("CourseCompletion") == "course_completion"
    assert snake_case("Gate") == "gate"
    assert snake_case("CPR") == "c_p_r"
    assert snake_case("already_snake") == "already_snake"


# --- the one-pass path of loads and from_json_data ---------------------------------------


def _without_defaults(value: Any, data: Any) -> Any:
    """``data`` (the JSON data of ``value``) with every field that holds its default left
    out, at every depth."""
    if attrs.has(type(value)) and isinstance(data, dict):  # an edition is one string
        kept = dict(data)  # a status's program is a field of its own
        for field in attrs.fields(type(value)):
            own = getattr(value, field.name)
            if field.default is not attrs.NOTHING and own == field.default:
                del kept[field.name]
            else:
                kept[field.name] = _without_defaults(own, data[field.name])
        return kept
    if isinstance(value, tuple) and isinstance(data, list):
        return [_without_defaults(v, d) for v, d in zip(value, data, strict=True)]
    return data


@pytest.mark.parametrize("kind", jsonio.kinds())
@settings(max_examples=min(settings().max_examples, 10))
@given(data=st.data())
def test_a_document_that_leaves_out_its_defaults_is_read_in_one_pass(
    kind: str, data: st.DataObject
) -> None:
    """Issue 6: "every record, status and decision round-trips through JSON": a document
    that leaves out every field holding its default, at every depth, is read to the same
    value, by the generated readers alone (from text and from Python data) and by
    ``loads``."""
    cls = jsonio._registry()[kind]
    value = data.draw(strategy_for(cls), label="value")  # type: ignore[arg-type]
    program = P if kind in jsonio.PROGRAM_KINDS else None
    document = jsonio.to_json_data(value, program=program)
    envelope = {k: document.pop(k) for k in ("schema_version", "kind")}
    if program is not None:
        envelope["program"] = document.pop("program")
    body = _without_defaults(value, document)
    assert jsonio._reader(cls, "dicts")(body) == value
    text = json.dumps({**envelope, **body})
    assert jsonio._read_valid(text, cls, program) == value
    assert ep.loads(text, cls, program=program) == value


def test_a_valid_document_is_read_without_the_strict_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 16: "``loads`` within 1.5x of ``json.loads`` plus building the same records by
    hand": a valid document is read by the generated readers alone; the strict reading
    (the duplicate-refusing parse, the detailed converter) is asked only when they
    refuse."""
    candidate = ep.Candidate(
        course=ep.CourseCompletion(dt.date(2025, 1, 10)),
        attempts=(ep.ExamAttempt(dt.date(2025, 2, 1), passed=True),),
    )
    status = ep.evaluate(candidate, as_of=dt.date(2025, 3, 1), program=P)

    def not_asked(*args: object, **kwargs: object) -> object:
        raise AssertionError("the strict reading was asked for a valid document")

    candidate_text = ep.dumps(candidate, program=P)
    status_text = ep.dumps(status)
    status_data = jsonio.to_json_data(status)
    monkeypatch.setattr(jsonio, "read_json", not_asked)
    monkeypatch.setattr(jsonio, "_converted", not_asked)
    assert ep.loads(candidate_text, ep.Candidate, program=P) == candidate
    assert ep.loads(candidate_text.encode(), "candidate", program=P) == candidate
    assert ep.loads(status_text) == status
    assert jsonio.from_json_data(status_data) == status
    assert jsonio.from_json_data(status_data, ep.PathwayStatus) == status


_CANDIDATE = (
    '{"schema_version": 2, "kind": "candidate", "program": "nremt-emr", '
    '"course": {"completed_on": "2025-01-10"}, "attempts": []}'
)
_TOPIC = (
    '{"schema_version": 2, "kind": "topic_progress", "name": "trauma", "required": "0.5",'
    ' "earned": %s}'
)
_STATUS = ep.dumps(
    ep.evaluate(
        ep.Candidate(ep.CourseCompletion(dt.date(2025, 1, 10))),
        as_of=dt.date(2025, 3, 1),
        program=P,
    ),
    indent=None,
)


@pytest.mark.parametrize(
    ("text", "kind", "program"),
    [
        (_CANDIDATE.replace('"schema_version": 2', '"schema_version": 2.0'), None, P),
        (_CANDIDATE.replace('"schema_version": 2', '"schema_version": true'), None, P),
        (_CANDIDATE.replace('"schema_version": 2', '"schema_version": "2"'), None, P),
        (_CANDIDATE.replace('"schema_version": 2', '"schema_version": 3'), None, P),
        (_CANDIDATE.replace('"schema_version": 2', '"schema_version": 1'), None, P),
        (
            _CANDIDATE.replace('"schema_version": 2', '"schema_version": 2, "schema_version": 2'),
            None,
            P,
        ),
        (
            _CANDIDATE.replace('"kind": "candidate"', '"kind": "candidate", "kind": "candidate"'),
            None,
            P,
        ),
        (_CANDIDATE.replace('"attempts": []', '"attempts": [], "attempts": []'), None, P),
        (
            _CANDIDATE.replace('"completed_on"', '"completed_on": "2025-01-10", "completed_on"'),
            None,
            P,
        ),
        (_CANDIDATE.replace('"nremt-emr"', '"ascp-mls"'), None, P),
        (_CANDIDATE, None, None),
        (_CANDIDATE, None, "nremt-emr"),
        (_CANDIDATE, ep.Certification, P),
        (_CANDIDATE, "certification", P),
        (_CANDIDATE, "no_such_kind", P),
        (_CANDIDATE.replace('"candidate"', '"no_such_kind"'), None, P),
        (_CANDIDATE.replace('"attempts": []', '"attempts": [], "notes": 1'), None, P),
        (_CANDIDATE.replace('"attempts": []', '"attempts": [NaN]'), None, P),
        (_CANDIDATE.replace('"attempts": []', '"attempts": {}'), None, P),
        (_CANDIDATE.replace(', "course": {"completed_on": "2025-01-10"}', ""), None, P),
        (_CANDIDATE.replace('"2025-01-10"', '"2025-02-30"'), None, P),
        (_STATUS, None, ep.ASCP_MLS),
        (_TOPIC % "NaN", None, None),
        (_TOPIC % "Infinity", None, None),
        (_TOPIC % "-Infinity", "topic_progress", None),
        (_STATUS, ep.RecertificationStatus, None),
        (_STATUS.replace('"schema_version": 2', '"schema_version": 2.0'), None, None),
        ("[" + _CANDIDATE + "]", None, P),
        ('"candidate"', None, P),
        ("{", None, P),
        ("", None, P),
        (b"\xff" + _CANDIDATE.encode(), None, P),
    ],
)
def test_loads_refuses_what_the_strict_reading_refuses_with_the_same_error(
    text: str | bytes, kind: Any, program: Any
) -> None:
    """Issue 6: "a value of the wrong JSON type ... raises one EmrpathError whose field is
    the JSON path of the problem": ``loads`` raises, for each document the one-pass path
    must not take (the envelope, the kind and program asked for, keys given twice, at the
    top and nested), exactly the error of the strict reading: same type, message, field
    and rule."""
    with pytest.raises(ep.EmrpathError) as fast:
        ep.loads(text, kind, program=program)
    with pytest.raises(ep.EmrpathError) as strict:
        jsonio.from_json_data(jsonio.read_json(text), kind, program=program)
    assert type(fast.value) is type(strict.value)
    assert (fast.value.message, fast.value.field, fast.value.rule) == (
        strict.value.message,
        strict.value.field,
        strict.value.rule,
    )


def test_a_version_1_document_of_a_kind_without_a_program_reads_as_version_2() -> None:
    """A version-1 document of a kind that names no program reads as before."""
    text = '{"schema_version": 1, "kind": "skills_competency", "passed_on": "2025-06-03"}'
    assert ep.loads(text) == ep.SkillsCompetency(dt.date(2025, 6, 3))


def test_a_json_number_is_read_exactly_so_one_too_precise_is_refused() -> None:
    """``loads``: "JSON numbers with a fraction or exponent are read as exact decimals":
    on the one-pass path too, so an amount with more decimal places than allowed is
    refused, not rounded to a float that would pass."""
    text = (
        '{"schema_version": 2, "kind": "continuing_education", "completed_on": "2025-06-03",'
        ' "component": "national", "amount": %s}'
    )
    record = ep.loads(text % "2.25e0")
    assert record.amount == Decimal("2.25")
    assert jsonio._read_valid(text % "2.25e0", None, None) == record
    with raises_emrpath(ep.InvalidRecordError, field="$.amount", rule="continuing education") as e:
        ep.loads(text % "0.1000000000000000000001")
    assert "got Decimal('0.1000000000000000000001')" in e.value.message


@pytest.mark.parametrize(
    ("text", "error", "field", "message"),
    [
        (42, ep.InputTypeError, "text", "expected JSON text (str or bytes), got int"),
        (None, ep.InputTypeError, "text", "expected JSON text (str or bytes), got NoneType"),
        (
            b"\xff\xfe{}",
            ep.InvalidRecordError,
            "$",
            "not UTF-8 text: invalid start byte at byte 0",
        ),
        (
            b'{"a": "\xc3"}',
            ep.InvalidRecordError,
            "$",
            "not UTF-8 text: invalid continuation byte at byte 7",
        ),
    ],
)
def test_text_that_is_not_json_text_is_refused_naming_the_argument_and_rule(
    text: object, error: type[ep.EmrpathError], field: str, message: str
) -> None:
    """Design principle 6: an invalid argument raises an EmrpathError "with a message naming
    the field and the rule": ``loads`` given no text names its argument ``text``, and bytes
    that are not UTF-8 name the document (``$``), each under the JSON document rule."""
    with raises_emrpath(error, field=field, rule="JSON document") as raised:
        ep.loads(text)  # type: ignore[call-overload]
    assert type(raised.value) is error
    assert raised.value.message == message
    with raises_emrpath(error, field=field, rule="JSON document") as strictly:
        jsonio.read_json(text)
    assert strictly.value.message == message


_TWICE = '{"a": {"b": 1, "b": 2}, "c": %s}'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not valid JSON: Expecting value at line 1 column 1"),
        (
            "{",
            "not valid JSON: Expecting property name enclosed in double quotes at line 1 column 2",
        ),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply to read"),
        ('{"a": ' + "9" * 5000 + "}", "a number has more digits than can be read"),
        ('{"a": NaN}', "NaN is not a number JSON allows"),
        # a problem of the text itself is reported before a key given twice, wherever
        # each is: the text is read again to find the key, and refused the same way
        (_TWICE % "NaN", "NaN is not a number JSON allows"),
        (_TWICE % "-Infinity", "-Infinity is not a number JSON allows"),
        (_TWICE % ("9" * 5000), "a number has more digits than can be read"),
        (_TWICE % "]", "not valid JSON: Expecting value at line 1 column 30"),
    ],
)
def test_text_json_does_not_allow_is_refused_for_the_document(text: str, message: str) -> None:
    """Issue 6: "a value of the wrong JSON type ... raises one EmrpathError whose field is
    the JSON path of the problem": text that is not a JSON document the library reads is
    refused as the document (``$``) under the JSON document rule, with a message saying
    what is wrong with the text, the same whether a key is also given twice."""
    with raises_emrpath(ep.InvalidRecordError, field="$", rule="JSON document") as raised:
        ep.loads(text)
    assert type(raised.value) is ep.InvalidRecordError
    assert raised.value.message == message


@pytest.mark.parametrize(
    ("text", "field", "key"),
    [
        ('{"a": 1, "a": 2}', "$.a", '"a"'),
        ('{"a": [{"été": 1, "été": 2}]}', '$.a[0]["\\u00e9t\\u00e9"]', '"été"'),
        (
            '{"schema_version": 2, "kind": "topic_progress", "kind": "topic_progress"}',
            "$.kind",
            '"kind"',
        ),
    ],
)
def test_a_key_given_twice_is_refused_naming_its_path_and_the_rule(
    text: str, field: str, key: str
) -> None:
    """A JSON object that gives a key twice is refused, not read as "the last one wins":
    the error names the key's path and the JSON document rule, and shows the key as the
    text gives it (not escaped to ASCII)."""
    with raises_emrpath(ep.InvalidRecordError, field=field, rule="JSON document") as raised:
        ep.loads(text)
    assert raised.value.message == f"duplicate key {key} in a JSON object"
