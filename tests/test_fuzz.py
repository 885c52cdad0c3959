"""Fuzzing the JSON loader and the CLI (issue 7).

The only outcomes allowed are a valid result, or an EmrpathError (CLI: exit 1) with one
clear line; never another exception or a traceback. Each test uses the active hypothesis
profile: ``dev`` (100) by default, ``ci`` (500) in CI. The long run, by hand::

    HYPOTHESIS_PROFILE=long nice -n 10 .venv/bin/python -m pytest -q tests/test_fuzz.py

(100,000 examples per test; see CHANGELOG for the last reported run.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import sys
from decimal import Decimal
from importlib import resources
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath.cli import main
from emrpath.jsonio import document_program, from_json_data, to_json_data
from tests.errors import raises_emrpath
from tests.strategies import candidates, recertification_records

FIELD_NAMES = (
    "schema_version",
    "kind",
    "course",
    "completed_on",
    "verified_on",
    "route",
    "attempts",
    "taken_on",
    "passed",
    "scaled_score",
    "skills",
    "passed_on",
    "authorizations",
    "issued_on",
    "cpr",
    "expires_on",
    "history",
    "transcripts_received_on",
    "certification",
    "certified_on",
    "cycle_started_on",
    "education",
    "amount",
    "component",
    "topic",
    "exam_attempts",
)
TRICKY_TEXT = (
    "2025-02-30",
    "2024-02-29",
    "0001-01-01",
    "9999-12-31",
    "1989-12-31",
    "2101-01-01",
    "2025-06-10T09:00:00",
    "2025-06-10Z",
    "+2025-06-10",
    "1E+999999999",
    "1E-999999999",
    "-0",
    "0.000",
    "NaN",
    "Infinity",
    "candidate",
    "recertification_record",
    "pathway_status",
    "national",
    "airway",
    "route 1",
    "",
    " ",
    "\u0000",
    "\ud7ff",
)

json_leaves = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(TRICKY_TEXT)
    | st.dates().map(lambda d: d.isoformat())
    | st.decimals(allow_nan=False).map(str)
)
json_values = st.recursive(
    json_leaves,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=25,
)

EXAMPLE_TEXTS = tuple(
    (resources.files("emrpath") / "examples" / name).read_text("utf-8")
    for name in (
        "nremt-emr-candidate.json",
        "ascp-mls-candidate.json",
        "nremt-emr-recertification.json",
        "ascp-mls-recertification.json",
    )
)

seed_documents = (
    st.sampled_from(EXAMPLE_TEXTS).map(json.loads)
    | st.builds(to_json_data, candidates(), program=st.sampled_from(ep.programs.available()))
    | st.builds(
        to_json_data,
        recertification_records(),
        program=st.sampled_from(ep.programs.available()),
    )
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """A valid document with one to three nodes replaced, deleted or added."""
    doc = draw(seed_documents)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        if not path:
            doc = draw(json_values)
            continue
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(FIELD_NAMES) | st.text(max_size=8))] = draw(json_values)
        elif action == "add":
            parent.append(draw(json_values))
        else:
            parent[path[-1]] = draw(json_values)
    return doc


def _check_error(err: ep.EmrpathError) -> None:
    text = str(err)
    assert text
    assert "\n" not in text


def _program_named(source: Any) -> ep.Program:
    """The program ``source`` names, to read it under; NREMT EMR when it names none."""
    try:
        named = document_program(source)
    except ep.EmrpathError as err:
        _check_error(err)
        return ep.NREMT_EMR
    return ep.NREMT_EMR if named is None else named


def _check_load(load: Any, source: Any) -> None:
    """``load(source)`` under the program the document names: a value or one error."""
    program = _program_named(source) if isinstance(source, (str, bytes, dict)) else None
    try:
        value = load(source, program=program)
    except ep.EmrpathError as err:
        _check_error(err)
        return
    named = (ep.Candidate, ep.Certification, ep.RecertificationRecord)
    under = program if isinstance(value, named) else None
    assert ep.loads(ep.dumps(value, program=under), program=under) == value


@given(json_values)
def test_loader_on_arbitrary_json_values(data: Any) -> None:
    """Issue 7: "fuzz of the JSON loader ... with arbitrary JSON values": a valid result or
    an emrpath error with one clear line."""
    _check_load(from_json_data, data)
    try:
        text = json.dumps(data)
    except (ValueError, TypeError):  # pragma: no cover - every json_values value dumps
        return
    _check_load(ep.loads, text)


@given(mutated_documents())
def test_loader_on_mutated_documents(data: Any) -> None:
    """Issue 7: "wrong types, huge and negative numbers, far dates" inside otherwise valid
    documents: a valid result or one emrpath error."""
    _check_load(from_json_data, data)
    _check_load(ep.loads, json.dumps(data))


@given(st.binary(max_size=200) | st.sampled_from(EXAMPLE_TEXTS).map(str.encode))
def test_loader_on_random_bytes(raw: bytes) -> None:
    """Issue 7: "random bytes": a valid result or one emrpath error."""
    _check_load(ep.loads, raw)


@given(mutated_documents() | json_values | st.binary(max_size=50))
def test_document_program_on_fuzzed_documents(data: Any) -> None:
    """Issue 12: "Documents name their program": asked which, any document gives a shipped
    program, None (it names none) or one emrpath error on one line."""
    for source in (data, json.dumps(data)) if not isinstance(data, bytes) else (data,):
        try:
            found = document_program(source)
        except ep.EmrpathError as err:
            _check_error(err)
        else:
            assert found is None or found in ep.programs.available()


def _cli(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with (
        mock.patch.object(sys, "stdin", io.StringIO(stdin)),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def _check_cli(code: int, out: str, err: str) -> None:
    """Exit 0 with output; 1 with one error line; or 2, a usage error (a command-line value
    that cannot be read, such as a date that is not ISO) under argparse's usage line."""
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err
    if code == 0:
        assert out
    elif code == 1:
        assert out == ""
        assert err.count("\n") == 1
        assert err.startswith("emrpath: error: ")
    else:
        assert out == ""
        assert err.startswith("usage: emrpath")
        assert re.match(r"emrpath( [a-z]+)?: error: ", err.splitlines()[-1]), err


as_of_texts = st.dates().map(lambda d: d.isoformat()) | st.sampled_from(TRICKY_TEXT)
programs = st.sampled_from(["nremt-emr", "ascp-mls"])


def _program_option(key: str | None) -> list[str]:
    return [] if key is None else ["--program", key]


@given(mutated_documents() | json_values, as_of_texts, st.none() | programs, st.booleans())
def test_cli_status_on_fuzzed_documents(
    document: Any, as_of: str, key: str | None, as_json: bool
) -> None:
    """Issue 7: the CLI given any document and date: exit 0, or exit 1 with one line."""
    argv = ["status", "-", "--as-of", as_of, *_program_option(key)]
    argv += ["--json"] if as_json else []
    _check_cli(*_cli(argv, json.dumps(document)))


@given(mutated_documents() | json_values, as_of_texts, st.none() | programs)
def test_cli_plan_on_fuzzed_documents(document: Any, as_of: str, key: str | None) -> None:
    """Issue 7: `emrpath plan` given any document and date: exit 0, or exit 1 (one line)."""
    argv = ["plan", "-", "--as-of", as_of, *_program_option(key)]
    _check_cli(*_cli(argv, json.dumps(document)))


@given(
    as_of_texts, as_of_texts, st.none() | as_of_texts, st.none() | st.text(max_size=4), programs
)
def test_cli_plan_what_if_on_any_dates(
    course: str, first: str, att: str | None, used: str | None, key: str
) -> None:
    """Issue 7: the what-if timeline for any dates and counts: exit 0, or exit 1 (one line)."""
    # Values go in the --option=VALUE form: a separate value that starts with "-" is an
    # option to argparse, a usage error (exit 2) rather than an invalid value.
    argv = ["plan", f"--course={course}", f"--first={first}", "--program", key]
    argv += [] if att is None else [f"--att={att}"]
    argv += [] if used is None else [f"--used={used}"]
    _check_cli(*_cli(argv))


@given(st.text(max_size=300), as_of_texts)
def test_cli_status_on_arbitrary_text(text: str, as_of: str) -> None:
    """Issue 7: the CLI given text that is not JSON at all."""
    _check_cli(*_cli(["status", "-", "--as-of", as_of], text))


OPTIONS = (
    "status",
    "plan",
    "--first",
    "--used",
    "dates",
    "programs",
    "schema",
    "--example",
    "recertification",
    "--as-of",
    "--program",
    "--json",
    "--exam",
    "--course",
    "--att",
    "--passed",
    "--certified",
    "--notified",
    "nremt-emr",
    "ascp-mls",
    "candidate",
    "-",
    "--",
)


@given(st.lists(st.sampled_from(OPTIONS) | as_of_texts | st.text(max_size=10), max_size=8))
def test_cli_on_arbitrary_arguments(argv: list[str]) -> None:
    """Issue 7: any command line: exit 0, 1 (one line) or 2 (usage); never a traceback."""
    _check_cli(*_cli(argv))


@given(
    st.lists(
        st.sampled_from(["--exam", "--course", "--att", "--passed", "--certified", "--notified"]),
        min_size=1,
        max_size=4,
        unique=True,
    ),
    st.lists(as_of_texts, min_size=4, max_size=4),
    programs,
)
def test_cli_dates_on_any_dates(options: list[str], days: list[str], key: str) -> None:
    """Issue 7: the quick answers for any date, far or impossible: exit 0, 1 or 2."""
    argv = ["dates", "--program", key]
    for option, day in zip(options, days, strict=False):
        argv += [option, day]
    _check_cli(*_cli(argv))


# ---------------------------------------------------------------------------------------
# what the fuzzing found, kept as examples


def test_far_dates_raise_an_emrpath_error_not_overflow() -> None:
    """Found by fuzzing `emrpath dates --course 9999-12-31`: date arithmetic past year
    9999 raised ValueError/OverflowError; it is a CalendarRangeError now, naming the
    argument and the function's rule."""
    far = dt.date(9999, 12, 31)
    nremt, ascp = ep.NREMT_EMR, ep.ASCP_MLS
    for field, rule, call in (
        ("completed_on", "course window", lambda: ep.course_expiration_date(far, program=nremt)),
        ("attempt_on", "retest wait", lambda: ep.earliest_retest_date(far, program=nremt)),
        (
            "certified_on",
            "certification expiry",
            lambda: ep.initial_expiration_date(far, program=nremt),
        ),
        ("notified_on", "appeal", lambda: ep.appeal_deadline(far, program=nremt)),
        (
            "course_completed_on",
            "authorization to test",
            lambda: ep.att_expiration_date(far, far, program=nremt),
        ),
        ("attempt_on", "retest wait", lambda: ep.earliest_retest_date(far, program=ascp)),
    ):
        with raises_emrpath(ep.CalendarRangeError, field=field, rule=rule):
            call()
    code, _, err = _cli(["dates", "--course", "9999-12-31"])
    assert code == 1
    assert err.startswith("emrpath: error: ")


@pytest.mark.parametrize("amount", ["1E+999999999", "1E+30", "1E-999999999", "0.0000001"])
def test_amounts_that_cannot_be_summed_exactly_are_refused(amount: str) -> None:
    """Found by fuzzing a recertification document: an amount of 1E+999999999 hours made
    recertification_status raise decimal.Overflow, and 1E+30 was rounded in the total."""
    with pytest.raises(ep.InvalidRecordError, match="totals stay exact"):
        ep.ContinuingEducation(dt.date(2025, 1, 1), Decimal(amount), "national")
    doc = json.loads(EXAMPLE_TEXTS[2])
    doc["education"][0]["amount"] = amount
    code, _, err = _cli(["status", "-", "--as-of", "2026-05-01"], json.dumps(doc))
    assert code == 1
    assert "$.education[0].amount" in err


def test_keys_that_are_not_names_keep_the_error_on_one_line() -> None:
    """Found by fuzzing: an unknown key "\\n" put a line break in the JSON path."""
    doc = json.loads(EXAMPLE_TEXTS[0])
    doc["course"]["\n"] = None
    with pytest.raises(ep.InvalidRecordError) as caught:
        from_json_data(doc, program=ep.NREMT_EMR)
    assert caught.value.field == '$.course["\\n"]'
    assert "\n" not in str(caught.value)


python_values = st.recursive(
    json_leaves | st.binary(max_size=4) | st.dates() | st.decimals(),
    lambda children: (
        st.lists(children, max_size=3)
        | st.tuples(children, children)
        | st.frozensets(st.integers(), max_size=2)
        | st.dictionaries(
            st.sampled_from(FIELD_NAMES) | st.integers() | st.none() | st.text(max_size=4),
            children,
            max_size=4,
        )
    ),
    max_leaves=15,
)


@given(seed_documents, st.sampled_from(FIELD_NAMES) | st.integers() | st.none(), python_values)
def test_from_json_data_on_python_values(doc: Any, key: Any, value: Any) -> None:
    """Issue 7: from_json_data given Python data that is not JSON (tuples, bytes, sets,
    dates, non-string keys): a valid result or one emrpath error."""
    _check_load(from_json_data, value)
    _check_load(from_json_data, {**doc, key: value})
