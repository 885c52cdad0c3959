"""JSON in and out, refusal by refusal: the field, the rule and the words of each.

``test_io.py`` checks that bad documents are refused with the right JSON path; this file
pins what each refusal says (module docstring of :mod:`emrpath.jsonio`: "raises one
EmrpathError whose ``field`` is the JSON path of the problem"), what each JSON type check
accepts and refuses, the envelope (``schema_version``, ``kind``, ``program``), the
documents ``to_json_data``/``dumps`` write and the JSON Schema each kind is described by.
Everything goes through the public API (``loads``, ``from_json_data``, ``to_json_data``,
``dumps``, ``document_program``, ``document_error``, ``json_schema``).
"""

from __future__ import annotations

import datetime as dt
import json
import numbers
import os
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

import emrpath as ep
from emrpath import jsonio
from emrpath.authority import AgencyCredential, Practitioner
from emrpath.params import Confidence
from emrpath.planning import ErrorLog, Miss, retake_plan
from emrpath.scope import is_within_scope
from emrpath.status import Gate, GateName, GateState
from tests.errors import raises_emrpath
from tests.io_records import BASE

D = dt.date
P = ep.NREMT_EMR
DOC = "JSON document"
KINDS = ", ".join(jsonio.kinds())

STATUS = ep.evaluate(BASE, as_of=D(2025, 8, 20), program=P)
_FAILED = ep.ExamAttempt(D(2025, 7, 11), passed=False)
PLAN = retake_plan(
    ErrorLog([Miss("sequence")]),
    _FAILED,
    ep.Candidate(course=ep.CourseCompletion(D(2025, 5, 2)), attempts=[_FAILED]),
    as_of=D(2025, 7, 14),
    program=P,
)


def _data(value: object) -> dict[str, Any]:
    """A fresh copy of ``value``'s document, as ``json.loads`` would give it."""
    named = (ep.Candidate, ep.Certification, ep.RecertificationRecord)
    program = P if isinstance(value, named) else None
    return json.loads(json.dumps(jsonio.to_json_data(value, program=program)))


def _refused(
    data: object,
    error: type[ep.EmrpathError],
    field: str,
    rule: str,
    message: str,
    kind: type | str | None = None,
    program: ep.Program | None = P,
) -> None:
    """``from_json_data(data)`` raises exactly ``error`` with this field, rule and message."""
    with raises_emrpath(error, field=field, rule=rule) as caught:
        jsonio.from_json_data(data, kind, program=program)
    assert type(caught.value) is error
    assert caught.value.message == message


# ---------------------------------------------------------------------------------------
# each JSON type check: what it refuses, and the words it uses


def _set(path: list[Any], value: object) -> Any:
    def change(data: dict[str, Any]) -> None:
        node: Any = data
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value

    return change


@pytest.mark.parametrize(
    ("value", "path", "change", "error", "field", "message"),
    [
        # integers: an int and nothing else (not a string of digits, a bool, a fraction)
        (
            BASE,
            "int",
            _set(["attempts", 0, "scaled_score"], "880"),
            ep.InputTypeError,
            "$.attempts[0].scaled_score",
            'must be an integer, got string "880"',
        ),
        (
            BASE,
            "int",
            _set(["attempts", 1, "scaled_score"], False),
            ep.InputTypeError,
            "$.attempts[1].scaled_score",
            "must be an integer, got boolean false",
        ),
        # booleans: true or false, not 0 or 1 or "no"
        (
            BASE,
            "bool",
            _set(["attempts", 0, "passed"], "no"),
            ep.InputTypeError,
            "$.attempts[0].passed",
            'must be true or false, got string "no"',
        ),
        (
            BASE,
            "bool",
            _set(["attempts", 1, "passed"], 0),
            ep.InputTypeError,
            "$.attempts[1].passed",
            "must be true or false, got number 0",
        ),
        # strings
        (
            BASE,
            "str",
            _set(["course", "route"], 7),
            ep.InputTypeError,
            "$.course.route",
            "must be a string, got number 7",
        ),
        # objects and arrays
        (
            BASE,
            "object",
            _set(["course"], [1]),
            ep.InputTypeError,
            "$.course",
            "must be an object (CourseCompletion), got array [1]",
        ),
        (
            BASE,
            "object",
            _set(["attempts", 1], "x"),
            ep.InputTypeError,
            "$.attempts[1]",
            'must be an object (ExamAttempt), got string "x"',
        ),
        (
            BASE,
            "array",
            _set(["attempts"], {"a": 1}),
            ep.InputTypeError,
            "$.attempts",
            'must be an array, got object {"a": 1}',
        ),
        # an optional object: null is none, anything else is checked as the object
        (
            BASE,
            "optional",
            _set(["skills"], "2025-04-26"),
            ep.InputTypeError,
            "$.skills",
            'must be an object (SkillsCompetency), got string "2025-04-26"',
        ),
        (
            BASE,
            "optional",
            _set(["skills"], {"passed_on": "2025-04-31"}),
            ep.InvalidRecordError,
            "$.skills.passed_on",
            "'2025-04-31' is not a date on the calendar",
        ),
        # enums: one of the values, as a string
        (
            is_within_scope("cpap", "emr"),
            "enum",
            _set(["level"], "EMR"),
            ep.InvalidRecordError,
            "$.level",
            "must be one of 'emr', 'emt', 'aemt', 'paramedic', got string \"EMR\"",
        ),
        (
            is_within_scope("cpap", "emr"),
            "enum",
            _set(["level"], 5),
            ep.InvalidRecordError,
            "$.level",
            "must be one of 'emr', 'emt', 'aemt', 'paramedic', got number 5",
        ),
        (
            is_within_scope("cpap", "emr"),
            "enum",
            _set(["level"], ["emr"]),
            ep.InvalidRecordError,
            "$.level",
            "must be one of 'emr', 'emt', 'aemt', 'paramedic', got array [\"emr\"]",
        ),
        # fixed-length arrays: the length, then each item by its own type
        (
            PLAN,
            "pair",
            _set(["counts", 0], ["sequence"]),
            ep.InvalidRecordError,
            "$.counts[0]",
            "must be an array of 2 items, got 1",
        ),
        (
            PLAN,
            "pair",
            _set(["counts", 2], ["sequence", 1, 2]),
            ep.InvalidRecordError,
            "$.counts[2]",
            "must be an array of 2 items, got 3",
        ),
        (
            PLAN,
            "pair",
            _set(["counts", 3], ["nope", 1]),
            ep.InvalidRecordError,
            "$.counts[3][0]",
            "must be one of 'domain_knowledge', 'sequence', 'scope', 'reading', 'pacing', "
            'got string "nope"',
        ),
        (
            PLAN,
            "pair",
            _set(["counts", 1], ["sequence", "1"]),
            ep.InputTypeError,
            "$.counts[1][1]",
            'must be an integer, got string "1"',
        ),
        (
            PLAN,
            "pair",
            _set(["counts", 0], {"sequence": 1}),
            ep.InputTypeError,
            "$.counts[0]",
            'must be an array, got object {"sequence": 1}',
        ),
        # the rule edition a status was decided under
        (
            STATUS,
            "edition",
            _set(["edition"], 5),
            ep.InputTypeError,
            "$.edition",
            'must be an edition string such as "nremt-emr@0.2.0#0123456789abcdef", got number 5',
        ),
        (
            STATUS,
            "edition",
            _set(["edition"], "nope"),
            ep.InvalidRecordError,
            "$.edition",
            "'nope' is not an edition (\"program@version#digest\", 16 hex digits)",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) and " " not in v and not v.startswith("$") else None,
)
def test_each_json_type_is_checked_and_named(
    value: object,
    path: str,
    change: Any,
    error: type[ep.EmrpathError],
    field: str,
    message: str,
) -> None:
    """jsonio: "a value of the wrong JSON type ... raises one EmrpathError whose field is
    the JSON path of the problem"; the message says what was expected and what was given."""
    data = _data(value)
    change(data)
    _refused(data, error, field, DOC if "date" not in message else "JSON date", message)


def test_an_optional_value_may_be_null() -> None:
    data = _data(BASE)
    data["course"]["verified_on"] = None
    data["skills"] = None
    data["attempts"][0]["scaled_score"] = None
    loaded = jsonio.from_json_data(data, ep.Candidate, program=P)
    assert loaded.course.verified_on is None
    assert loaded.skills is None
    assert loaded.attempts[0].scaled_score is None


def test_a_document_with_a_broken_pair_still_reads_its_good_pairs() -> None:
    """The fixed-length arrays of a retake plan read each item by its own type."""
    data = _data(PLAN)
    assert jsonio.from_json_data(data) == PLAN
    assert [tuple(pair) for pair in data["counts"]] == [
        (bucket.value, count) for bucket, count in PLAN.counts
    ]


# ---------------------------------------------------------------------------------------
# decimal amounts: a decimal string or a JSON number, read exactly


@pytest.mark.parametrize(
    ("amount", "error", "rule", "message"),
    [
        (
            "2,5",
            ep.InvalidRecordError,
            DOC,
            'must be a decimal number such as "2.5", got string "2,5"',
        ),
        (
            "1e",
            ep.InvalidRecordError,
            DOC,
            'must be a decimal number such as "2.5", got string "1e"',
        ),
        (
            True,
            ep.InputTypeError,
            DOC,
            'must be a decimal number (a string such as "2.5" or a number), got boolean true',
        ),
        (
            [2],
            ep.InputTypeError,
            DOC,
            'must be a decimal number (a string such as "2.5" or a number), got array [2]',
        ),
        (
            None,
            ep.InputTypeError,
            DOC,
            'must be a decimal number (a string such as "2.5" or a number), got null',
        ),
        (Fraction(1, 3), ep.InvalidRecordError, DOC, "Fraction(1, 3) has no exact decimal value"),
        (
            float("nan"),
            ep.InvalidRecordError,
            "continuing education",
            "must be finite, got Decimal('NaN')",
        ),
    ],
)
def test_a_decimal_amount_is_read_exactly_or_refused(
    amount: object, error: type[ep.EmrpathError], rule: str, message: str
) -> None:
    """jsonio: "decimal amounts ... are strings, so they round-trip exactly (a JSON number
    is accepted on input and read exactly too)"; anything else is refused at its path."""
    data = _data(ep.ContinuingEducation(D(2025, 1, 1), 2, "national"))
    data["amount"] = amount
    _refused(data, error, "$.amount", rule, message)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("2.50", "2.50"),
        ("1e1", "1E+1"),
        (".5", "0.5"),
        (2.5, "2.5"),
        (0.1, "0.1"),
        (3, "3"),
        (Decimal("2.50"), "2.50"),
        (Fraction(5, 2), "2.5"),
    ],
)
def test_a_decimal_amount_is_the_number_written(amount: object, expected: str) -> None:
    """jsonio: decimal amounts "round-trip exactly (a JSON number is accepted on input and
    read exactly too)": Python data (from_json_data) is read as a record reads it."""
    data = _data(ep.ContinuingEducation(D(2025, 1, 1), 2, "national"))
    data["amount"] = amount
    loaded = jsonio.from_json_data(data, ep.ContinuingEducation)
    assert isinstance(loaded.amount, Decimal)
    assert str(loaded.amount) == expected


def test_a_number_type_without_decimal_text_is_refused_as_a_decimal_number() -> None:
    """A real number whose text is not a number is named as what was expected."""

    class Odd(numbers.Real):  # a Real with no arithmetic: only its type matters here
        def __str__(self) -> str:
            return "odd"

    Odd.__abstractmethods__ = frozenset()  # type: ignore[misc]
    data = _data(ep.ContinuingEducation(D(2025, 1, 1), 2, "national"))
    data["amount"] = Odd()
    with raises_emrpath(ep.InputTypeError, field="$.amount", rule=DOC) as caught:
        jsonio.from_json_data(data, ep.ContinuingEducation)
    assert caught.value.message.startswith("must be a decimal number; Odd ")
    assert caught.value.message.endswith(" has no decimal text")


# ---------------------------------------------------------------------------------------
# fields: unknown, missing, keys that are not names; several problems in one error


def test_unknown_fields_are_listed_sorted_and_the_first_is_pointed_at() -> None:
    data = _data(BASE)
    data.update(zeta=1, alpha=2)
    _refused(
        data,
        ep.InvalidRecordError,
        "$.alpha",
        DOC,
        'unknown fields "alpha", "zeta"; Candidate has course, attempts, skills, '
        "authorizations, cpr, history, transcripts_received_on, remedial, prerequisite, "
        "course_accreditation",
    )


def test_an_unknown_key_that_is_not_a_name_is_quoted_in_its_path() -> None:
    data = _data(BASE)
    data["attempts"][1]["x y"] = 1
    _refused(
        data,
        ep.InvalidRecordError,
        '$.attempts[1]["x y"]',
        DOC,
        'unknown field "x y"; ExamAttempt has taken_on, passed, scaled_score',
    )


def test_keys_that_are_not_strings_are_refused() -> None:
    """Python data handed to from_json_data: JSON object keys are always strings."""
    data = _data(BASE)
    data["course"][1] = 2
    _refused(data, ep.InputTypeError, "$.course", DOC, "object keys must be strings, got number 1")


def test_a_missing_field_is_named_by_its_path() -> None:
    data = _data(BASE)
    del data["attempts"][1]["taken_on"]
    _refused(data, ep.InvalidRecordError, "$.attempts[1].taken_on", DOC, "required field missing")


def test_the_first_problem_is_reported_and_the_others_counted() -> None:
    data = _data(BASE)
    data["attempts"][0]["passed"] = 1
    data["extra"] = 1
    _refused(
        data,
        ep.InputTypeError,
        "$.attempts[0].passed",
        DOC,
        "must be true or false, got number 1 (and 1 more problem)",
    )
    data["attempts"][1]["scaled_score"] = "9"
    _refused(
        data,
        ep.InputTypeError,
        "$.attempts[0].passed",
        DOC,
        "must be true or false, got number 1 (and 2 more problems)",
    )


def test_a_record_rule_inside_an_optional_object_names_its_path_and_rule() -> None:
    data = _data(BASE)
    data["cpr"] = {"expires_on": "2025-01-01", "issued_on": "2025-02-01"}
    data["history"] = [
        {
            "course": {"completed_on": "2024-01-02"},
            "attempts": [
                {"taken_on": "2024-03-01", "passed": False},
                {"taken_on": "2024-01-01", "passed": False},
            ],
        }
    ]
    with raises_emrpath(ep.InvalidRecordError, field="$.cpr.issued_on", rule="CPR credential"):
        jsonio.from_json_data(data, ep.Candidate, program=P)
    del data["cpr"]
    with raises_emrpath(
        ep.InvalidRecordError, field="$.history[0].attempts[1].taken_on", rule="attempt limit"
    ) as caught:
        jsonio.from_json_data(data, ep.Candidate, program=P)
    assert caught.value.message.startswith("attempt on 2024-01-01 is before the course")


# ---------------------------------------------------------------------------------------
# the envelope


@pytest.mark.parametrize(
    ("data", "error", "field", "message"),
    [
        ([1, 2], ep.InputTypeError, "$", "a document must be a JSON object, got array [1, 2]"),
        (
            {"kind": "candidate"},
            ep.InvalidRecordError,
            "$.schema_version",
            "required field missing; this library reads schema_version 1 and 2",
        ),
        (
            {"schema_version": 3, "kind": "candidate"},
            ep.InvalidRecordError,
            "$.schema_version",
            "unsupported schema_version number 3; this library reads 1 and 2",
        ),
        (
            {"schema_version": "2", "kind": "candidate"},
            ep.InvalidRecordError,
            "$.schema_version",
            'unsupported schema_version string "2"; this library reads 1 and 2',
        ),
        ({"schema_version": 2}, ep.InvalidRecordError, "$.kind", "required field missing"),
        (
            {"schema_version": 2, "kind": 3},
            ep.InputTypeError,
            "$.kind",
            "must be a string, got number 3",
        ),
        (
            {"schema_version": 2, "kind": "candidat"},
            ep.UnknownNameError,
            "$.kind",
            f"unknown document kind 'candidat'; known: {KINDS}",
        ),
    ],
)
def test_the_envelope_is_checked_word_for_word(
    data: object, error: type[ep.EmrpathError], field: str, message: str
) -> None:
    """jsonio: a document holds "two envelope fields: schema_version ... and kind"."""
    _refused(data, error, field, DOC, message)
    if isinstance(data, dict):  # the question asked before loading checks them alike
        with raises_emrpath(error, field=field, rule=DOC):
            jsonio.document_program(data)


def test_both_schema_versions_are_read() -> None:
    text = '"kind": "skills_competency", "passed_on": "2025-06-03"}'
    for version in (1, 2):
        loaded = ep.loads(f'{{"schema_version": {version}, {text}')
        assert loaded == ep.SkillsCompetency(D(2025, 6, 3))


def test_a_document_of_another_kind_than_expected_is_refused() -> None:
    data = {"schema_version": 2, "kind": "gate", "name": "course", "state": "met"}
    _refused(
        data,
        ep.InvalidRecordError,
        "$.kind",
        DOC,
        "expected a 'candidate' document, got kind string \"gate\"",
        kind=ep.Candidate,
    )
    gate = jsonio.from_json_data(data, "gate")
    assert gate == jsonio.from_json_data(data) == Gate(GateName("course"), GateState("met"))


def test_loads_refuses_a_document_of_another_kind_than_asked_for() -> None:
    text = json.dumps({"schema_version": 2, "kind": "gate", "name": "course", "state": "met"})
    with raises_emrpath(ep.InvalidRecordError, field="$.kind", rule=DOC) as caught:
        jsonio.loads(text, ep.Candidate, program=P)
    assert caught.value.message == "expected a 'candidate' document, got kind string \"gate\""
    assert jsonio.loads(text, Gate) == Gate(GateName("course"), GateState("met"))


def test_a_kind_named_by_the_caller_must_be_a_document_kind() -> None:
    data = _data(ep.SkillsCompetency(D(2025, 6, 3)))
    with raises_emrpath(ep.InputTypeError, field="kind", rule=DOC) as caught:
        jsonio.from_json_data(data, ep.Program)
    assert caught.value.message == f"no JSON document for {ep.Program!r}; known kinds: {KINDS}"
    with raises_emrpath(ep.UnknownNameError, field="kind", rule=DOC) as caught:
        jsonio.from_json_data(data, "skills")
    assert caught.value.message == f"unknown document kind 'skills'; known: {KINDS}"


# ---------------------------------------------------------------------------------------
# the program a document names


def test_a_version_2_record_must_name_a_program_and_be_read_under_one() -> None:
    """jsonio: "loads refuses a document that names another program than the one it is
    read under"; the kinds that name one need ``program=`` to be read."""
    data = _data(BASE)
    _refused(
        data,
        ep.InvalidRecordError,
        "program",
        "document program",
        "a candidate document is read under the program whose rules apply to it: pass "
        "program= (this document names 'nremt-emr')",
        program=None,
    )
    _refused(
        data,
        ep.InvalidRecordError,
        "$.program",
        "document program",
        "the document names program 'nremt-emr', not 'ascp-mls'; a document is never read "
        "under another program's rules",
        program=ep.ASCP_MLS,
    )
    del data["program"]
    _refused(
        data,
        ep.InvalidRecordError,
        "$.program",
        DOC,
        "required field missing; a version-2 candidate document names its program",
    )
    data["program"] = ["nremt-emr"]
    _refused(
        data,
        ep.InputTypeError,
        "$.program",
        DOC,
        'must be a program key (a string), got array ["nremt-emr"]',
    )


def test_a_version_1_record_names_no_program_and_is_read_under_the_callers() -> None:
    data = _data(ep.Certification(D(2023, 8, 10)))
    del data["program"]
    data["schema_version"] = 1
    _refused(
        data,
        ep.InvalidRecordError,
        "program",
        "document program",
        "a version-1 certification document names no program: pass program=, the program "
        "whose rules apply to it",
        program=None,
    )
    assert jsonio.from_json_data(data, program=ep.ASCP_MLS) == ep.Certification(D(2023, 8, 10))
    assert jsonio.document_program(data) is None


def test_a_status_is_refused_under_another_program_and_its_program_type_checked() -> None:
    """A status names its program among its fields; read under another it is refused, and
    a program key of the wrong type is reported as the field's type, not as a program."""
    data = _data(STATUS)
    assert jsonio.from_json_data(data, program=P) == STATUS
    _refused(
        data,
        ep.InvalidRecordError,
        "$.program",
        "document program",
        "the document names program 'nremt-emr', not 'ascp-mls'; a document is never read "
        "under another program's rules",
        program=ep.ASCP_MLS,
    )
    data["program"] = 5
    _refused(
        data,
        ep.InputTypeError,
        "$.program",
        DOC,
        "must be a string, got number 5",
        program=ep.ASCP_MLS,
    )


def test_a_kind_of_no_program_is_read_under_any() -> None:
    data = _data(ep.ExamAttempt(D(2025, 7, 1), passed=True))
    for program in (None, P, ep.ASCP_MLS):
        assert jsonio.from_json_data(data, program=program) == ep.ExamAttempt(
            D(2025, 7, 1), passed=True
        )


@pytest.mark.parametrize("bad", ["nremt-emr", 1, None.__class__])
def test_program_must_be_a_program_word_for_word(bad: object) -> None:
    data = _data(ep.SkillsCompetency(D(2025, 6, 3)))
    expected = f"expected a Program (or None), got {type(bad).__name__}"
    with raises_emrpath(ep.InputTypeError, field="program", rule="document program") as caught:
        jsonio.from_json_data(data, program=bad)  # type: ignore[arg-type]
    assert caught.value.message == expected
    with raises_emrpath(ep.InputTypeError, field="program", rule="document program") as caught:
        jsonio.to_json_data(ep.SkillsCompetency(D(2025, 6, 3)), program=bad)  # type: ignore[arg-type]
    assert caught.value.message == expected


def test_document_program_names_the_program_of_each_kind_of_document() -> None:
    """jsonio: "document_program says which program a document names"."""
    assert jsonio.document_program(_data(BASE)) is P
    assert jsonio.document_program(ep.dumps(BASE, program=ep.ASCP_MLS)) is ep.ASCP_MLS
    assert jsonio.document_program(_data(STATUS)) is P  # among the status's fields
    assert jsonio.document_program(_data(PLAN)) is P
    assert jsonio.document_program(_data(ep.ExamAttempt(D(2025, 7, 1), True))) is None
    status = _data(STATUS)
    del status["program"]
    with raises_emrpath(ep.InvalidRecordError, field="$.program", rule=DOC) as caught:
        jsonio.document_program(status)
    assert caught.value.message == (
        "required field missing; a version-2 pathway_status document names its program"
    )


def test_document_program_names_the_kind_of_a_record_that_names_no_program() -> None:
    data = _data(BASE)
    del data["program"]
    with raises_emrpath(ep.InvalidRecordError, field="$.program", rule=DOC) as caught:
        jsonio.document_program(data)
    assert caught.value.message == (
        "required field missing; a version-2 candidate document names its program"
    )


def test_document_program_refuses_what_is_not_a_document_word_for_word() -> None:
    with raises_emrpath(ep.InputTypeError, field="document", rule="document program") as caught:
        jsonio.document_program(3.5)  # type: ignore[arg-type]
    assert caught.value.message == "expected a JSON document (str, bytes or dict), got float"
    data = {"schema_version": 2, "kind": "candidate", "program": "emr"}
    with raises_emrpath(ep.UnknownNameError, field="$.program", rule="program registry") as caught:
        jsonio.document_program(data)
    assert caught.value.message == (
        "unknown program 'emr'; expected one of 'nremt-emr', 'nremt-emt', 'nremt-aemt', "
        "'nremt-paramedic', 'ascp-mls' (did you mean 'nremt-emr'?)"
    )


# ---------------------------------------------------------------------------------------
# document_error: an evaluation's error pointed at the document


def _evaluation_error(text: str) -> ep.EmrpathError:
    candidate = ep.loads(text, ep.Candidate, program=P)
    with pytest.raises(ep.EmrpathError) as raised:
        ep.evaluate(candidate, as_of=D(2025, 8, 20), program=P)
    return raised.value


def test_document_error_points_at_the_documents_own_element() -> None:
    data = _data(BASE)
    data["attempts"] = [
        {"taken_on": "2025-07-15", "passed": False, "scaled_score": 50},
        {"taken_on": "2025-06-10", "passed": False, "scaled_score": 880},
    ]
    text = json.dumps(data)
    error = _evaluation_error(text)
    assert error.field == "attempts[1].scaled_score"
    for document in (text, text.encode(), data):
        pointed = jsonio.document_error(error, document)
        assert type(pointed) is type(error)
        assert (pointed.field, pointed.rule, pointed.message) == (
            "$.attempts[0].scaled_score",
            error.rule,
            error.message,
        )


def test_document_error_keeps_an_error_that_names_no_field_of_the_record() -> None:
    text = ep.dumps(BASE, program=P)
    for field in (None, "", "as_of", "$.attempts[0]", "Candidate"):
        error = ep.InvalidRecordError("a problem", field=field, rule="a rule")
        assert jsonio.document_error(error, text) is error


def test_document_error_names_a_field_given_with_its_class() -> None:
    """A record's own validators name ``Class.field``: the path drops the class name."""
    text = ep.dumps(ep.Certification(D(2023, 8, 10)), program=P)
    error = ep.InvalidRecordError("x", field="Certification.expires_on", rule="recertification")
    pointed = jsonio.document_error(error, text)
    assert (pointed.field, pointed.message, pointed.rule) == (
        "$.expires_on",
        "x",
        "recertification",
    )


def test_document_error_keeps_the_index_when_the_items_cannot_be_read() -> None:
    data = _data(BASE)
    data["attempts"] = [{"taken_on": "2025-07-15"}, {"taken_on": "2025-06-10", "passed": 1}]
    error = ep.InvalidRecordError("x", field="attempts[1].passed", rule="r")
    assert jsonio.document_error(error, data).field == "$.attempts[1].passed"


def test_document_error_points_into_fields_kept_in_the_given_order() -> None:
    """Only the sorted tuples are re-indexed: a course's field is named as it is."""
    data = _data(BASE)
    error = ep.InvalidRecordError("x", field="course.verified_on", rule="r")
    assert jsonio.document_error(error, data).field == "$.course.verified_on"


# ---------------------------------------------------------------------------------------
# writing: to_json_data and dumps


def test_to_json_data_writes_the_envelope_first() -> None:
    """jsonio: documents hold "the record's fields plus two envelope fields"; the kinds
    that name a program carry "a third envelope field, program"."""
    attempt = ep.ExamAttempt(D(2025, 7, 1), passed=False, scaled_score=880)
    expected = {
        "schema_version": 2,
        "kind": "exam_attempt",
        "taken_on": "2025-07-01",
        "passed": False,
        "scaled_score": 880,
    }
    for program in (None, P, ep.ASCP_MLS):  # a kind of no program: program= changes nothing
        data = jsonio.to_json_data(attempt, program=program)
        assert data == expected
        assert list(data) == list(expected)
    data = jsonio.to_json_data(ep.Certification(D(2025, 6, 2)), program=ep.ASCP_MLS)
    assert list(data) == [
        "schema_version",
        "kind",
        "program",
        "certified_on",
        "expires_on",
        "cycle_started_on",
    ]
    assert data["program"] == "ascp-mls"
    status = jsonio.to_json_data(STATUS, program=P)
    assert list(status)[:3] == ["schema_version", "kind", "program"]
    assert (status["schema_version"], status["kind"]) == (2, "pathway_status")
    assert status == jsonio.to_json_data(STATUS)


def test_to_json_data_writes_pairs_and_lists_as_arrays() -> None:
    """jsonio: "tuples are arrays", a pair too; nested records are objects without an
    envelope of their own."""
    data = jsonio.to_json_data(PLAN)
    assert data["counts"] == [[bucket.value, count] for bucket, count in PLAN.counts]
    assert data["counts"][1] == ["sequence", 1]
    assert isinstance(data["fixes"], list)
    assert data["fixes"]
    assert all("kind" not in fix and "bucket" in fix for fix in data["fixes"])
    assert json.loads(json.dumps(data)) == data  # JSON types only


def test_a_status_is_written_only_under_its_own_program_word_for_word() -> None:
    with raises_emrpath(ep.InvalidRecordError, field="program", rule="document program") as caught:
        jsonio.to_json_data(STATUS, program=ep.ASCP_MLS)
    assert (
        caught.value.message == "this pathway_status is under program 'nremt-emr', not 'ascp-mls'"
    )


def test_a_pair_that_is_not_a_pair_is_never_written_cut_short() -> None:
    """A hand-built plan whose count is not a (bucket, count) pair is not written as one."""
    bucket = PLAN.counts[0][0]
    for bad in ((bucket, 1, 2), (bucket,)):
        plan = attrs.evolve(PLAN, counts=(bad,))
        with pytest.raises(ValueError, match="zip"):
            jsonio.to_json_data(plan)


@pytest.mark.parametrize(
    ("indent", "error", "message"),
    [
        (True, ep.InputTypeError, "must be None or an int, got boolean true"),
        ("2", ep.InputTypeError, 'must be None or an int, got string "2"'),
        (17, ep.InvalidRecordError, "must be from 0 to 16, got number 17"),
        (-1, ep.InvalidRecordError, "must be from 0 to 16, got number -1"),
    ],
)
def test_dumps_refuses_a_bad_indent_word_for_word(
    indent: object, error: type[ep.EmrpathError], message: str
) -> None:
    with raises_emrpath(error, field="indent", rule=DOC) as caught:
        ep.dumps(ep.SkillsCompetency(D(2025, 6, 3)), indent=indent)  # type: ignore[arg-type]
    assert caught.value.message == message


def test_dumps_indents_as_asked_and_keeps_text_as_it_is() -> None:
    """dumps: "indent: Spaces per level (an int from 0 to 16); None for one line"; text is
    written as it is, not as \\u escapes."""
    person = Practitioner(
        agency_credentials=[AgencyCredential("Équipe de secours", "Dr. Zoë Ruiz", D(2025, 8, 1))]
    )
    text = ep.dumps(person)
    assert "Dr. Zoë Ruiz" in text
    assert "Équipe de secours" in text
    assert "\\u" not in text
    assert ep.loads(text) == person
    assert ep.dumps(person, indent=None).startswith('{"schema_version": 2, "kind": "practitioner"')
    assert '\n  "kind": "practitioner",' in ep.dumps(person)
    assert '\n    "kind": "practitioner",' in ep.dumps(person, indent=4)
    assert '\n"kind": "practitioner",' in ep.dumps(person, indent=0)
    assert ep.dumps(BASE, program=ep.ASCP_MLS, indent=None).startswith(
        '{"schema_version": 2, "kind": "candidate", "program": "ascp-mls", "course": '
    )


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_the_numbers_json_does_not_allow_are_refused(constant: str) -> None:
    with raises_emrpath(ep.InvalidRecordError, field="$", rule=DOC) as caught:
        ep.loads(f'{{"schema_version": 2, "kind": "candidate", "a": {constant}}}')
    assert caught.value.message == f"{constant} is not a number JSON allows"


# ---------------------------------------------------------------------------------------
# the JSON Schema


FIRST_SCHEMA = """\
import json
from emrpath import jsonio
print(json.dumps(jsonio.json_schema("candidate"), sort_keys=True))
"""


def test_a_schema_asked_for_first_in_a_fresh_process_is_the_whole_schema() -> None:
    """json_schema resolves the records' annotations itself: asked for before any document
    is read or written, in a fresh interpreter (importing this very emrpath), it is the
    same schema."""
    here = str(Path(ep.__file__).parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([here, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_SCHEMA], capture_output=True, text=True, check=False, env=env
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout) == jsonio.json_schema("candidate")


def test_the_schema_of_an_exam_attempt() -> None:
    """json_schema: "The JSON Schema (draft 2020-12) of a document kind": the envelope,
    each field's JSON type and its description from the class's docstring."""
    assert ep.json_schema("exam_attempt") == {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "emrpath exam_attempt document, schema version 2",
        "type": "object",
        "description": "One cognitive exam attempt.",
        "properties": {
            "schema_version": {"const": 2},
            "kind": {"const": "exam_attempt"},
            "taken_on": {
                "type": "string",
                "format": "date",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                "description": "The exam date.",
            },
            "passed": {"type": "boolean", "description": "The outcome."},
            "scaled_score": {
                "anyOf": [{"type": "integer"}, {"type": "null"}],
                "description": "The scaled score on the failing-candidate report, if one was "
                "given. It is checked against the program's scale in emrpath.evaluate.",
            },
        },
        "required": ["schema_version", "kind", "taken_on", "passed"],
        "additionalProperties": False,
        "$defs": {},
    }


def test_the_schema_of_a_kind_that_names_its_program() -> None:
    schema = ep.json_schema(ep.Certification)
    assert schema["title"] == "emrpath certification document, schema version 2"
    assert list(schema["properties"])[:4] == [
        "schema_version",
        "kind",
        "program",
        "certified_on",
    ]
    assert schema["properties"]["program"] == {
        "type": "string",
        "minLength": 1,
        "description": "The key of the program whose rules apply to the record "
        "(emrpath.programs.REGISTRY lists the shipped ones); a document is never read "
        "under another program's rules.",
        "examples": ["nremt-emr", "nremt-emt", "nremt-aemt", "nremt-paramedic", "ascp-mls"],
    }
    assert schema["required"] == ["schema_version", "kind", "program", "certified_on"]
    assert schema["properties"]["expires_on"] == {
        "anyOf": [
            {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            {"type": "null"},
        ],
        "description": "The current expiration date. None: the initial one, from the "
        "program's certification_term; give it after a recertification.",
    }
    assert "program" not in ep.json_schema("skills_competency")["properties"]


def test_the_schema_of_amounts_editions_enums_pairs_and_nested_records() -> None:
    amount = ep.json_schema("continuing_education")["properties"]["amount"]
    assert amount["type"] == ["string", "number"]
    assert amount["pattern"] == r"^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"
    component = ep.json_schema("continuing_education")["properties"]["component"]
    assert component == {
        "type": "string",
        "description": 'The component it is allocated to ("national", "local", "individual"; '
        '"chemistry" …), checked against the program in emrpath.recertification_status.',
    }
    status = ep.json_schema("pathway_status")
    assert status["properties"]["edition"] == {
        "type": "string",
        "pattern": r"^[^@#\s]+@[^@#\s]+#[0-9a-f]{16}$",
        "description": "The rule edition: program@emrpath-version#rules-digest.",
    }
    assert status["properties"]["gates"] == {"type": "array", "items": {"$ref": "#/$defs/Gate"}}
    assert status["properties"]["confidence"] == {
        "type": "string",
        "enum": [c.value for c in Confidence],
    }
    gate = status["$defs"]["Gate"]
    assert gate["type"] == "object"
    assert gate["required"] == ["name", "state"]
    assert gate["additionalProperties"] is False
    assert gate["properties"]["reasons"] == {"type": "array", "items": {"$ref": "#/$defs/Reason"}}
    assert set(status["$defs"]) == {"Gate", "Reason", "Citation"}
    counts = ep.json_schema("retake_plan")["properties"]["counts"]
    assert counts["items"] == {
        "type": "array",
        "prefixItems": [
            {"type": "string", "enum": [b.value for b in type(PLAN.counts[0][0])]},
            {"type": "integer"},
        ],
        "items": False,
        "minItems": 2,
    }


def test_field_descriptions_come_from_the_args_or_attributes_section_only() -> None:
    """Each documented field is described by its docstring entry, continuation lines
    joined and markup dropped; the Raises and Example sections describe no field."""
    schema = ep.json_schema("certification")["properties"]
    assert schema["certified_on"]["description"] == "The date the certification was first issued."
    assert schema["cycle_started_on"]["description"] == (
        "The day the current cycle began: when the last recertification was completed "
        "(rolling recertification). None: certified_on."
    )
    timeline = ep.json_schema("attempt_timeline")  # an Attributes: section
    described = {name: prop.get("description") for name, prop in timeline["properties"].items()}
    assert described["schema_version"] is None
    assert all(described[name] for name in list(described)[2:])
    skills = ep.json_schema("skills_competency")["properties"]["passed_on"]
    assert "description" not in skills  # its class documents no field


def test_the_schema_agrees_with_loading_on_what_each_field_holds() -> None:
    """json_schema: "The schema checks the shape (fields, JSON types, ISO dates)": what
    loads refuses for its shape, the schema refuses too, and what dumps writes it accepts."""
    for value in (BASE, STATUS, PLAN, is_within_scope("cpap", "emr")):
        data = _data(value)
        validator = jsonschema.Draft202012Validator(ep.json_schema(data["kind"]))
        validator.validate(data)
    candidate = jsonschema.Draft202012Validator(ep.json_schema("candidate"))
    bad: list[Any] = [
        _set(["attempts", 0, "scaled_score"], "880"),
        _set(["attempts", 0, "passed"], 1),
        _set(["course", "route"], 7),
        _set(["course", "completed_on"], "2025-5-2"),
        _set(["course", "extra"], 1),
        _set(["schema_version"], 1),
        _set(["kind"], "gate"),
        _set(["program"], ""),
        _set(["attempts"], {}),
        _set(["skills"], []),
    ]
    for change in bad:
        data = _data(BASE)
        change(data)
        assert not candidate.is_valid(data)
    plan = jsonschema.Draft202012Validator(ep.json_schema("retake_plan"))
    for pair in (["sequence"], ["sequence", 1, 2], ["nope", 1], ["sequence", "1"]):
        data = _data(PLAN)
        data["counts"][0] = pair
        assert not plan.is_valid(data)
    status = jsonschema.Draft202012Validator(ep.json_schema("pathway_status"))
    for edition in ("nope", "nremt-emr@0.2.0#0123456789ABCDEF", 5):
        data = _data(STATUS)
        data["edition"] = edition
        assert not status.is_valid(data)
    education = jsonschema.Draft202012Validator(ep.json_schema("continuing_education"))
    for amount, valid in (("2.5", True), (2.5, True), ("2,5", False), (True, False)):
        data = _data(ep.ContinuingEducation(D(2025, 1, 1), 2, "national"))
        data["amount"] = amount
        assert education.is_valid(data) is valid


class _Documented:
    """A summary line
        early: at eight spaces, before any section: not a field.

    Args:
        first: One line.
        second: Two
            lines.

        third: After a blank line, and ending with a colon:
            then more.

    Raises:
        lower_case: a Raises entry, not a field.

    Example:
        name: an example's line, not a field.
    """


def test_field_descriptions_are_read_from_the_entries_of_args_and_attributes() -> None:
    """The schema describes a field with its ``Args:``/``Attributes:`` entry: continuation
    lines joined, blank lines between entries allowed, a colon at a line's end kept; no
    line before those sections or in ``Raises:``/``Example:`` describes a field."""
    assert jsonio._field_docs(_Documented) == {
        "first": "One line.",
        "second": "Two lines.",
        "third": "After a blank line, and ending with a colon: then more.",
    }
