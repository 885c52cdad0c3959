"""The one-pass reader behind ``loads``: it gives what the detailed converter gives.

``loads`` builds a valid document with a reader per class that builds no path, and asks
the detailed converter only when the reader refuses something; a duplicate key stops
the parse, and only then is the text read again to find where. These properties check
that the fast way changes no answer and loosens no check.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import emrpath as ep
from emrpath import jsonio
from tests.public_values import strategy_for
from tests.strategies import candidates, recertification_records

P = ep.NREMT_EMR
ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


# Each example writes and reads whole documents; 100 per property (the rules' own run 500
# in CI) keep this file's cost a fifth of what it was.
_EXAMPLES = settings(max_examples=min(settings().max_examples, 100))


@_EXAMPLES
@given(candidates())
def test_loads_of_dumps_is_the_candidate(candidate: ep.Candidate) -> None:
    """Issue 6: "every record, status and decision round-trips through JSON": what
    ``dumps`` writes, ``loads`` reads back equal, on the one-pass reader's path."""
    text = ep.dumps(candidate, program=P, indent=None)
    assert ep.loads(text, ep.Candidate, program=P) == candidate
    data = jsonio.to_json_data(candidate, program=P)
    for key in ("schema_version", "kind", "program"):
        del data[key]
    assert jsonio._reader(ep.Candidate, "dicts")(data) == candidate  # no fallback needed


@given(recertification_records())
def test_loads_of_dumps_is_the_recertification_record(
    record: ep.RecertificationRecord,
) -> None:
    """Issue 6: "every record, status and decision round-trips through JSON"."""
    text = ep.dumps(record, program=P)
    assert ep.loads(text, ep.RecertificationRecord, program=P) == record


def _objects(node: Any, path: str) -> list[tuple[str, dict[str, Any]]]:
    """Every JSON object in ``node`` with its path, in document order."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        found.append((path, node))
        for key, value in node.items():
            found.extend(_objects(value, f"{path}.{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_objects(value, f"{path}[{index}]"))
    return found


def _text_with_duplicate(node: Any, target: int, counter: list[int]) -> str:
    """``node`` as JSON text; the ``target``-th object (document order) repeats its last
    key, with another value, after its last member."""
    if isinstance(node, dict):
        mine = counter[0]
        counter[0] += 1
        members = [
            f"{json.dumps(k)}: {_text_with_duplicate(v, target, counter)}" for k, v in node.items()
        ]
        if mine == target:
            members.append(f"{json.dumps(list(node)[-1])}: 0")
        return "{" + ", ".join(members) + "}"
    if isinstance(node, list):
        return "[" + ", ".join(_text_with_duplicate(v, target, counter) for v in node) + "]"
    return json.dumps(node)


@_EXAMPLES
@given(candidates(), st.data())
def test_a_duplicated_key_anywhere_is_reported_at_its_path(
    candidate: ep.Candidate, data: st.DataObject
) -> None:
    """Issue 16: "duplicate keys found only when one was actually seen, then reported
    with its path": whichever object of a document repeats a key, the error names that
    key's JSON path."""
    document = jsonio.to_json_data(candidate, program=P)
    every = _objects(document, "$")
    index = data.draw(st.sampled_from([k for k, (_, node) in enumerate(every) if node]))
    path, node = every[index]
    text = _text_with_duplicate(document, index, [0])
    with pytest.raises(ep.InvalidRecordError) as raised:
        ep.loads(text, ep.Candidate, program=P)
    key = list(node)[-1]
    assert raised.value.field == f"{path}.{key}"
    assert f"duplicate key {json.dumps(key)}" in raised.value.message


_DATE_CHARS = "0123456789-W T:Z+."


@given(
    st.text(_DATE_CHARS, min_size=8, max_size=12)
    | st.dates().map(dt.date.isoformat)
    | st.builds(
        lambda day, at, char: day.isoformat()[:at] + char + day.isoformat()[at + 1 :],
        st.dates(),
        st.integers(0, 9),
        st.sampled_from([*_DATE_CHARS, "٣", "\ud800", "a"]),
    )
)
def test_a_date_is_read_only_from_exactly_yyyy_mm_dd(text: str) -> None:
    """Issue 6: "impossible dates raise an EmrpathError"; JSON dates are ``YYYY-MM-DD``
    on the calendar and nothing else: the one-pass reader reads a date exactly when the
    pattern and the calendar both accept it."""
    try:
        expected: dt.date | None = dt.date.fromisoformat(text) if ISO.fullmatch(text) else None
    except ValueError:
        expected = None
    document = {"schema_version": 2, "kind": "skills_competency", "passed_on": text}
    if expected is None:
        with pytest.raises(ep.EmrpathError) as raised:
            jsonio.from_json_data(document)
        assert raised.value.field == "$.passed_on"
    else:
        assert jsonio.from_json_data(document) == ep.SkillsCompetency(expected)


@_EXAMPLES
@given(candidates())
def test_the_generated_reader_reads_what_dumps_writes_in_one_pass(
    candidate: ep.Candidate,
) -> None:
    """Issue 16: "``loads`` within 1.5x of ``json.loads`` plus building the same records by
    hand": a document ``dumps`` wrote is read by the generated readers over the parser's
    pairs, with no second reading."""
    text = ep.dumps(candidate, program=P, indent=None)
    assert jsonio._read_valid(text, ep.Candidate, P) == candidate
    assert jsonio._read_valid(text.encode(), "candidate", P) == candidate


def _leaves(node: Any, path: str) -> list[tuple[str, Any, Any]]:
    """Every JSON value that is not an object or array: its path, container and key."""
    found: list[tuple[str, Any, Any]] = []
    members = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in members:
        where = f"{path}.{key}" if isinstance(node, dict) else f"{path}[{key}]"
        if isinstance(value, (dict, list)):
            found.extend(_leaves(value, where))
        else:
            found.append((where, node, key))
    return found


def _wrong_json_type(value: Any) -> Any:
    """A value of another JSON type than ``value`` (never null: null may be allowed)."""
    if isinstance(value, bool):
        return 1  # a boolean is not an integer, nor an integer a boolean
    if isinstance(value, int):
        return True
    if isinstance(value, str):  # a decimal amount's string: a number would be read exactly
        return True if re.fullmatch(r"-?[0-9.]+", value) else 20250601
    return "2025-06-01"  # null: a string where no string belongs, or one that is invalid


@_EXAMPLES
@given(candidates(), st.data())
def test_each_wrong_json_type_is_refused_at_its_path(
    candidate: ep.Candidate, data: st.DataObject
) -> None:
    """Issue 6: "a value of the wrong JSON type ... raises one EmrpathError whose field is
    the JSON path of the problem": the generated reader takes no value of another JSON
    type than its field's, and ``loads`` names the path, as the strict reading does."""
    document = jsonio.to_json_data(candidate, program=P)
    body = {k: v for k, v in document.items() if k not in ("schema_version", "kind", "program")}
    leaves = [leaf for leaf in _leaves(body, "$") if leaf[1][leaf[2]] is not None]
    path, container, key = data.draw(st.sampled_from(leaves))
    container[key] = _wrong_json_type(container[key])
    text = json.dumps({**document, **body})
    with pytest.raises(Exception):  # noqa: B017, PT011 - the reader never says why
        jsonio._read_valid(text, ep.Candidate, P)
    with pytest.raises(ep.EmrpathError) as raised:
        ep.loads(text, ep.Candidate, program=P)
    assert raised.value.field == path
    with pytest.raises(ep.EmrpathError) as strictly:
        jsonio.from_json_data(jsonio.read_json(text), ep.Candidate, program=P)
    assert (raised.value.message, raised.value.field) == (strictly.value.message, path)


@_EXAMPLES
@given(candidates(), st.data())
def test_a_duplicated_key_where_no_field_is_read_is_still_reported(
    candidate: ep.Candidate, data: st.DataObject
) -> None:
    """Issue 16: "duplicate keys found only when one was actually seen, then reported with
    its path": also in an object under a member no reader looks into (an unknown field),
    the key given twice is reported before the unknown field."""
    document = jsonio.to_json_data(candidate, program=P)
    every = _objects(document, "$")
    path, node = data.draw(st.sampled_from(every))
    node["notes"] = [{"by": "registrar"}]
    text = json.dumps(document).replace('"by": "registrar"', '"by": "registrar", "by": "office"')
    assert text.count('"by"') == 2
    with pytest.raises(ep.InvalidRecordError) as raised:
        ep.loads(text, ep.Candidate, program=P)
    assert raised.value.field == f"{path}.notes[0].by"
    assert 'duplicate key "by"' in raised.value.message


@pytest.mark.parametrize("kind", jsonio.kinds())
@settings(max_examples=min(settings().max_examples, 10))
@given(data=st.data())
def test_every_kind_is_read_in_one_pass_as_the_strict_reading_reads_it(
    kind: str, data: st.DataObject
) -> None:
    """Issue 16: "``loads`` within 1.5x of ``json.loads`` plus building the same records by
    hand": a valid document of every kind, as ``dumps`` writes it, is read by the
    generated readers alone (text, bytes, the class or its kind name; Python data for
    ``from_json_data``), to the value the strict reading gives."""
    cls = jsonio._registry()[kind]
    value = data.draw(strategy_for(cls), label="value")  # type: ignore[arg-type]
    program = P if kind in jsonio.PROGRAM_KINDS else None
    text = ep.dumps(value, program=program)
    assert jsonio._read_valid(text, cls, program) == value
    assert jsonio._read_valid(text.encode(), kind, program) == value
    assert jsonio._read_valid(text, None, program) == value
    strict = jsonio.from_json_data(jsonio.read_json(text), cls, program=program)
    assert strict == value
    body = jsonio.to_json_data(value, program=program)
    del body["schema_version"], body["kind"]
    if program is not None:  # a status's program is one of its fields
        del body["program"]
    assert jsonio._reader(cls, "dicts")(body) == value
