"""JSON in and out: round trips, strict loading with JSON paths, the JSON Schema."""

from __future__ import annotations

import datetime as dt
import functools
import json
import threading
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import emrpath as ep
from emrpath import jsonio
from emrpath._json_reader import snake_case
from emrpath.authority import AgencyCredential, Practitioner, StateLicense, practice_authority
from emrpath.planning import ErrorLog, Miss, MissBucket, retake_plan
from emrpath.scope import NATIONAL_2019, Level, ScopeDecision, UnverifiedPolicy, is_within_scope
from tests.errors import raises_emrpath
from tests.io_records import BASE
from tests.strategies import (
    CAL_LAST,
    candidates,
    certifications,
    continuing_education,
    course_completions,
    dates,
    recertification_records,
)

D = dt.date
KNOWN_KINDS = ", ".join(sorted(jsonio.kinds()))

EXAMPLES = sorted(
    p.name for p in (resources.files("emrpath") / "examples").iterdir() if p.name.endswith(".json")
)


def _program(value: object) -> ep.Program | None:
    """The program a record of the kinds that name one is written under here (else None)."""
    named = (ep.Candidate, ep.Certification, ep.RecertificationRecord)
    return ep.NREMT_EMR if isinstance(value, named) else None


def _round_trip(value: object) -> object:
    program = _program(value)
    return ep.loads(ep.dumps(value, program=program), type(value), program=program)


def _document(value: object) -> dict[str, Any]:
    return json.loads(ep.dumps(value, program=_program(value)))


@functools.cache
def _validator(kind: str) -> jsonschema.Draft202012Validator:
    """A checked validator per kind (jsonschema.validate would re-check the schema per call)."""
    schema = ep.json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _validate(doc: dict[str, Any]) -> None:
    _validator(doc["kind"]).validate(doc)


def _error(
    data: object,
    kind: type | str | None = None,
    program: ep.Program | None = ep.NREMT_EMR,
    *,
    error: type[ep.EmrpathError],
    field: str,
    rule: str,
) -> ep.EmrpathError:
    """Load ``data``, expecting exactly ``error`` naming ``field`` and ``rule``."""
    with raises_emrpath(error, field=field, rule=rule) as caught:
        jsonio.from_json_data(data, kind, program=program)
    assert type(caught.value) is error
    return caught.value


# ---------------------------------------------------------------------------------------
# round trips


@given(candidates())
def test_candidates_round_trip(candidate: ep.Candidate) -> None:
    """Issue 6: "every public record ... serialises to JSON and back": load(dump(x)) == x."""
    assert _round_trip(candidate) == candidate


@given(st.one_of(certifications(), continuing_education(), recertification_records()))
def test_lifecycle_records_round_trip(record: object) -> None:
    """Issue 6: load(dump(x)) == x for certifications, education and recertification records;
    "Decimals ... round-trip exactly" (trailing zeros and exponents too)."""
    back = _round_trip(record)
    assert back == record
    if isinstance(record, ep.ContinuingEducation):
        assert isinstance(back, ep.ContinuingEducation)
        assert str(back.amount) == str(record.amount)


@given(course_completions())
def test_documents_validate_against_their_schema(course: ep.CourseCompletion) -> None:
    """Issue 6: "Export the JSON Schema of the input documents": every dumped input
    document is valid under json_schema() of its kind."""
    candidate = ep.Candidate(course=course)
    _validate(_document(candidate))
    _validate(_document(course))
    assert ep.json_schema(ep.CourseCompletion) == ep.json_schema("course_completion")


@given(candidates())
def test_generated_candidates_validate_against_the_schema(candidate: ep.Candidate) -> None:
    """Issue 6: the schema describes what dump() writes, for any candidate."""
    _validate(_document(candidate))


@given(recertification_records())
def test_generated_recertification_records_validate(record: ep.RecertificationRecord) -> None:
    """Issue 6: the recertification input document matches its schema."""
    _validate(_document(record))


def _evaluable(candidate: ep.Candidate) -> ep.Candidate:
    """The candidate without what evaluate() refuses by program: scores, routes, history."""
    return attrs.evolve(
        candidate,
        course=attrs.evolve(candidate.course, route=None),
        attempts=[attrs.evolve(a, scaled_score=None) for a in candidate.attempts[:3]],
        history=(),
        transcripts_received_on=None,
    )


@given(candidates(history=False), st.integers(0, 800), st.sampled_from(["nremt-emr", "ascp-mls"]))
def test_pathway_statuses_round_trip(candidate: ep.Candidate, extra: int, key: str) -> None:
    """Issue 6: "every ... status and decision serialises to JSON and back"."""
    program = ep.NREMT_EMR if key == "nremt-emr" else ep.ASCP_MLS
    candidate = _evaluable(candidate)
    days = [candidate.course.completed_on, candidate.course.verified_on]
    days += [a.taken_on for a in candidate.attempts]
    days += [a.issued_on for a in candidate.authorizations]
    days += [candidate.skills.passed_on if candidate.skills else None]
    days += [candidate.cpr.issued_on if candidate.cpr else None]
    as_of = min(max(d for d in days if d is not None) + dt.timedelta(days=extra), CAL_LAST)
    try:
        status = ep.evaluate(candidate, as_of=as_of, program=program)
    except ep.EmrpathError:
        assume(False)
        raise
    assert _round_trip(status) == status
    assert ep.loads(ep.dumps(status)) == status  # the document names its own kind


@st.composite
def recertification_statuses(draw: st.DrawFn) -> ep.RecertificationStatus:
    certified = draw(dates(D(2017, 1, 1), D(2095, 1, 1)))
    as_of = draw(dates(certified, D(2099, 1, 1)))
    education = draw(
        st.lists(
            st.builds(
                ep.ContinuingEducation,
                dates(certified, as_of),
                st.decimals(min_value=Decimal("0.25"), max_value=20, places=2),
                st.sampled_from(["national", "local", "individual"]),
            ),
            max_size=6,
        )
    )
    return ep.recertification_status(
        ep.Certification(certified), education, as_of=as_of, program=ep.NREMT_EMR
    )


@given(recertification_statuses())
def test_recertification_statuses_round_trip(status: ep.RecertificationStatus) -> None:
    """Issue 6: RecertificationStatus (with Decimal progress) serialises to JSON and back."""
    back = _round_trip(status)
    assert back == status
    assert isinstance(back, ep.RecertificationStatus)
    assert [str(c.earned) for c in back.components] == [str(c.earned) for c in status.components]


@given(
    st.sampled_from(NATIONAL_2019.keys) | st.text(max_size=20),
    st.sampled_from(list(Level)),
    st.sampled_from(list(UnverifiedPolicy)),
)
def test_scope_decisions_round_trip(skill: str, level: Level, policy: UnverifiedPolicy) -> None:
    """Issue 6: ScopeDecision (with its SkillRow and Citation) round-trips."""
    decision = is_within_scope(skill, level, unverified=policy)
    assert _round_trip(decision) == decision


def test_reason_gate_and_citation_round_trip() -> None:
    status = ep.evaluate(BASE, as_of=D(2025, 8, 20), program=ep.NREMT_EMR)
    for value in (status.gates[0], status.reasons[0], status.reasons[0].citation):
        assert _round_trip(value) == value


def test_dates_are_iso_strings_enums_values_tuples_lists() -> None:
    status = ep.evaluate(BASE, as_of=D(2025, 8, 20), program=ep.NREMT_EMR)
    doc = jsonio.to_json_data(status)
    assert doc["schema_version"] == jsonio.SCHEMA_VERSION
    assert doc["kind"] == "pathway_status"
    assert doc["as_of"] == "2025-08-20"
    assert doc["gates"][0]["name"] == "course"
    assert doc["gates"][0]["state"] == "met"
    assert doc["confidence"] == "secondary"
    assert isinstance(doc["reasons"], list)
    assert json.loads(json.dumps(doc)) == doc  # nothing but JSON types


def test_decimal_amounts_are_exact_as_strings_and_numbers() -> None:
    doc = _document(ep.ContinuingEducation(D(2025, 1, 1), Decimal("2.50"), "national"))
    assert doc["amount"] == "2.50"
    text = json.dumps({**doc, "amount": 0.1})
    assert ep.loads(text, ep.ContinuingEducation).amount == Decimal("0.1")  # not 0.1000…0555
    assert ep.loads(json.dumps({**doc, "amount": 3}), "continuing_education").amount == 3


def test_to_json_data_refuses_values_without_a_document() -> None:
    with pytest.raises(ep.InputTypeError, match="no JSON document"):
        jsonio.to_json_data(ep.NREMT_EMR)
    with raises_emrpath(ep.InputTypeError, field="kind", rule="JSON document") as info:
        jsonio.to_json_data({"course": None})
    assert info.value.message == f"no JSON document for {dict!r}; known kinds: {KNOWN_KINDS}"


def test_every_kind_has_a_schema_and_no_field_clashes_with_the_envelope() -> None:
    for kind in jsonio.kinds():
        cls = jsonio._registry()[kind]
        assert not {"schema_version", "kind"} & set(attrs.fields_dict(cls))
        if kind in jsonio.PROGRAM_KINDS:  # their envelope names the program
            assert "program" not in attrs.fields_dict(cls)
        schema = ep.json_schema(kind)
        jsonschema.Draft202012Validator.check_schema(schema)
    assert set(jsonio.INPUT_KINDS) <= set(jsonio.kinds())


@pytest.mark.parametrize("name", EXAMPLES)
def test_bundled_examples_validate_and_load(name: str) -> None:
    text = (resources.files("emrpath") / "examples" / name).read_text("utf-8")
    data = json.loads(text)
    _validate(data)
    program = ep.programs.get(name.rsplit("-", 1)[0])
    assert data["schema_version"] == jsonio.SCHEMA_VERSION
    assert jsonio.document_program(text) is program  # each example names its own program
    value = ep.loads(text, program=program)
    # the files are exactly what dumps() writes
    assert ep.dumps(value, program=program) + "\n" == text


def test_examples_cover_both_programs_and_the_nremt_candidate_failed_twice() -> None:
    assert {"nremt-emr-candidate.json", "ascp-mls-candidate.json"} <= set(EXAMPLES)
    text = (resources.files("emrpath") / "examples" / "nremt-emr-candidate.json").read_text()
    candidate = ep.loads(text, ep.Candidate, program=ep.NREMT_EMR)
    assert [a.passed for a in candidate.attempts] == [False, False]


def test_converter_is_built_once_and_safe_from_many_threads() -> None:
    jsonio._converter.cache_clear()
    text = ep.dumps(BASE, program=ep.NREMT_EMR)
    results: list[object] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(20):
                results.append(ep.loads(text, ep.Candidate, program=ep.NREMT_EMR))
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(results) == 160
    assert all(r == BASE for r in results)


# ---------------------------------------------------------------------------------------
# strict loading: one EmrpathError whose field is the JSON path


def _base() -> dict[str, Any]:
    return _document(BASE)


def test_impossible_date_names_its_json_path() -> None:
    """Issue 6: "impossible dates raise an EmrpathError whose message gives the JSON path
    of the problem (e.g. attempts[1].taken_on)"."""
    data = _base()
    data["attempts"][1]["taken_on"] = "2025-02-30"
    err = _error(
        data, error=ep.InvalidRecordError, field="$.attempts[1].taken_on", rule="JSON date"
    )
    assert str(err).startswith("$.attempts[1].taken_on: '2025-02-30' is not a date")


@pytest.mark.parametrize(
    ("value", "error", "text"),
    [
        (20250610, ep.InputTypeError, "got number 20250610"),
        ("2025-06-10T09:00:00", ep.InvalidRecordError, "no time"),
        ("2025-06-10T09:00:00+00:00", ep.InvalidRecordError, "no time"),
        ("20250610", ep.InvalidRecordError, "YYYY-MM-DD"),
        ("2025-W24-2", ep.InvalidRecordError, "YYYY-MM-DD"),
        (" 2025-06-10", ep.InvalidRecordError, "YYYY-MM-DD"),
        ("0000-01-01", ep.InvalidRecordError, "not a date on the calendar"),
        (None, ep.InputTypeError, "got null"),
        ({"y": 2025}, ep.InputTypeError, "got object"),
    ],
)
def test_dates_are_strict_iso(value: object, error: type, text: str) -> None:
    data = _base()
    data["attempts"][0]["taken_on"] = value
    err = _error(data, error=error, field="$.attempts[0].taken_on", rule="JSON date")
    assert text in err.message


@pytest.mark.parametrize(
    ("change", "error", "field", "rule", "text"),
    [
        (
            lambda d: d.update(nickname="x"),
            ep.InvalidRecordError,
            "$.nickname",
            "JSON document",
            "unknown field",
        ),
        (
            lambda d: d["course"].update(verfied_on="2025-05-06"),
            ep.InvalidRecordError,
            "$.course.verfied_on",
            "JSON document",
            "CourseCompletion has completed_on, verified_on, route",
        ),
        (
            lambda d: d.pop("course"),
            ep.InvalidRecordError,
            "$.course",
            "JSON document",
            "required field missing",
        ),
        (
            lambda d: d["attempts"][1].pop("passed"),
            ep.InvalidRecordError,
            "$.attempts[1].passed",
            "JSON document",
            "required field missing",
        ),
        (
            lambda d: d["attempts"][1].update(passed="no"),
            ep.InputTypeError,
            "$.attempts[1].passed",
            "JSON document",
            'must be true or false, got string "no"',
        ),
        (
            lambda d: d["attempts"][0].update(scaled_score="880"),
            ep.InputTypeError,
            "$.attempts[0].scaled_score",
            "JSON document",
            "must be an integer",
        ),
        (
            lambda d: d["attempts"][0].update(scaled_score=True),
            ep.InputTypeError,
            "$.attempts[0].scaled_score",
            "JSON document",
            "got boolean true",
        ),
        (
            lambda d: d["attempts"][0].update(scaled_score=88.5),
            ep.InputTypeError,
            "$.attempts[0].scaled_score",
            "JSON document",
            "must be an integer",
        ),
        (
            lambda d: d.update(attempts={}),
            ep.InputTypeError,
            "$.attempts",
            "JSON document",
            "must be an array",
        ),
        (
            lambda d: d.update(attempts="a"),
            ep.InputTypeError,
            "$.attempts",
            "JSON document",
            "must be an array",
        ),
        (
            lambda d: d.update(course=[]),
            ep.InputTypeError,
            "$.course",
            "JSON document",
            "must be an object",
        ),
        (
            lambda d: d["course"].update(route=7),
            ep.InputTypeError,
            "$.course.route",
            "JSON document",
            "string",
        ),
        (
            lambda d: d["course"].update(verified_on="2025-05-01"),
            ep.InvalidRecordError,
            "$.course.verified_on",
            "course verification",
            "before the course completion",
        ),
        (
            lambda d: d["attempts"][1].update(taken_on="2025-04-01"),
            ep.InvalidRecordError,
            "$.attempts[1].taken_on",
            "attempt limit",
            "before the course completion",
        ),
        (
            lambda d: d.update(cpr={"expires_on": "2025-01-01", "issued_on": "2025-02-01"}),
            ep.InvalidRecordError,
            "$.cpr.issued_on",
            "CPR credential",
            "after it expires",
        ),
        (
            lambda d: d.update(history=[{"course": {"completed_on": "2026-01-01"}}]),
            ep.InvalidRecordError,
            "$.history[0].course.completed_on",
            "attempt limit",
            "is not before the current course",
        ),
        (
            lambda d: d.update(
                history=[
                    {
                        "course": {"completed_on": "2024-01-02"},
                        "attempts": [{"taken_on": "2024-01-01", "passed": False}],
                    }
                ]
            ),
            ep.InvalidRecordError,
            "$.history[0].attempts[0].taken_on",
            "attempt limit",
            "before the course completion",
        ),
        (
            lambda d: d.update(authorizations=[{"issued_on": "2025-01-01"}]),
            ep.InvalidRecordError,
            "$.authorizations[0].issued_on",
            "authorization to test",
            "before the course completion",
        ),
    ],
)
def test_bad_documents_raise_one_error_with_the_json_path(
    change: Any, error: type[ep.EmrpathError], field: str, rule: str, text: str
) -> None:
    """Issue 6: "unknown fields, missing fields, wrong types and impossible dates raise an
    EmrpathError whose message gives the JSON path of the problem"; record validators come
    out "as one clear EmrpathError with the path prefixed"."""
    data = _base()
    change(data)
    err = _error(data, ep.Candidate, error=error, field=field, rule=rule)
    assert text in err.message
    assert "\n" not in str(err)


def test_record_errors_point_at_the_json_element_even_out_of_date_order() -> None:
    """A Candidate keeps attempts in date order; the path names the caller's element."""
    data = _base()
    data["attempts"] = [
        {"taken_on": "2025-09-01", "passed": False},
        {"taken_on": "2025-06-01", "passed": False},
        {"taken_on": "2025-06-01", "passed": False},
    ]
    err = _error(
        data,
        ep.Candidate,
        error=ep.InvalidRecordError,
        field="$.attempts[2].taken_on",
        rule="retest wait",
    )
    assert "two attempts on 2025-06-01" in err.message
    data["attempts"] = [
        {"taken_on": "2025-09-01", "passed": False},
        {"taken_on": "2025-03-01", "passed": False},
    ]
    _error(data, error=ep.InvalidRecordError, field="$.attempts[1].taken_on", rule="attempt limit")


def test_several_problems_are_counted_in_one_error() -> None:
    data = _base()
    data["attempts"][0]["passed"] = 1
    data["attempts"][1]["taken_on"] = "x"
    data["extra"] = 1
    err = _error(data, error=ep.InputTypeError, field="$.attempts[0].passed", rule="JSON document")
    assert "(and 2 more problems)" in err.message


@pytest.mark.parametrize(
    ("change", "error", "field", "rule", "text"),
    [
        (
            lambda d: d.pop("schema_version"),
            ep.InvalidRecordError,
            "$.schema_version",
            "JSON document",
            "required field missing",
        ),
        (
            lambda d: d.update(schema_version=3),
            ep.InvalidRecordError,
            "$.schema_version",
            "JSON document",
            "unsupported",
        ),
        (
            lambda d: d.update(schema_version=0),
            ep.InvalidRecordError,
            "$.schema_version",
            "JSON document",
            "reads 1 and 2",
        ),
        (
            lambda d: d.update(schema_version=True),
            ep.InvalidRecordError,
            "$.schema_version",
            "JSON document",
            "unsupported",
        ),
        (
            lambda d: d.update(schema_version="1"),
            ep.InvalidRecordError,
            "$.schema_version",
            "JSON document",
            "unsupported",
        ),
        (
            lambda d: d.pop("kind"),
            ep.InvalidRecordError,
            "$.kind",
            "JSON document",
            "required field missing",
        ),
        (
            lambda d: d.update(kind="gate"),
            ep.InvalidRecordError,
            "$.kind",
            "JSON document",
            "expected a 'candidate' document",
        ),
        (
            lambda d: d.update(kind=3),
            ep.InputTypeError,
            "$.kind",
            "JSON document",
            "must be a string",
        ),
        (
            lambda d: d.pop("program"),
            ep.InvalidRecordError,
            "$.program",
            "JSON document",
            "required field missing",
        ),
        (
            lambda d: d.update(program=None),
            ep.InputTypeError,
            "$.program",
            "JSON document",
            "must be a program key",
        ),
        (
            lambda d: d.update(program="ascp-mls"),
            ep.InvalidRecordError,
            "$.program",
            "document program",
            "not 'nremt-emr'",
        ),
        (
            lambda d: d.update(schema_version=1),
            ep.InvalidRecordError,
            "$.program",
            "JSON document",
            'unknown field "program"; Candidate has course',
        ),
    ],
)
def test_the_envelope_is_checked(
    change: Any, error: type[ep.EmrpathError], field: str, rule: str, text: str
) -> None:
    """Issue 6: documents carry "a schema_version field"; a wrong one is refused."""
    data = _base()
    change(data)
    err = _error(data, ep.Candidate, error=error, field=field, rule=rule)
    assert text in err.message


def test_unknown_kinds_are_refused() -> None:
    err = _error(
        {"schema_version": 1, "kind": "program"},
        error=ep.UnknownNameError,
        field="$.kind",
        rule="JSON document",
    )
    assert err.message.startswith(f"unknown document kind 'program'; known: {KNOWN_KINDS}")
    with raises_emrpath(ep.UnknownNameError, field="kind", rule="JSON document") as info:
        ep.json_schema("program")
    assert info.value.message == f"unknown document kind 'program'; known: {KNOWN_KINDS}"
    with raises_emrpath(ep.InputTypeError, field="kind", rule="JSON document") as info:
        ep.json_schema(ep.Program)
    assert info.value.message == (
        f"no JSON document for {ep.Program!r}; known kinds: {KNOWN_KINDS}"
    )


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ("", ep.InvalidRecordError, "not valid JSON"),
        ("{", ep.InvalidRecordError, "not valid JSON"),
        ("[1, 2]", ep.InputTypeError, "must be a JSON object"),
        ('"candidate"', ep.InputTypeError, "must be a JSON object"),
        ('{"schema_version": NaN}', ep.InvalidRecordError, "NaN is not a number JSON allows"),
        ('{"a": Infinity}', ep.InvalidRecordError, "Infinity"),
        ("[" * 100_000 + "]" * 100_000, ep.InvalidRecordError, "nested too deeply"),
        ('{"a": ' + "9" * 5000 + "}", ep.InvalidRecordError, "more digits"),
        (b"\xff\xfe{}", ep.InvalidRecordError, "not UTF-8"),
    ],
)
def test_text_that_is_not_a_document_is_refused(
    text: str | bytes, error: type, message: str
) -> None:
    with pytest.raises(error, match=message) as caught:
        ep.loads(text)
    assert caught.value.field == "$"


@pytest.mark.parametrize(
    ("text", "key", "field"),
    [
        (
            '{"schema_version": 1, "kind": "skills_competency", "passed_on": "2025-06-03",'
            ' "passed_on": "2025-06-04"}',
            '"passed_on"',
            "$.passed_on",
        ),
        (
            '{"schema_version": 1, "schema_version": 1, "kind": "skills_competency",'
            ' "passed_on": "2025-06-03"}',
            '"schema_version"',
            "$.schema_version",
        ),
        ('{"a": [{"b": 1, "b": 2}]}', '"b"', "$.a[0].b"),
        (
            '{"a": [{"c": 1}, {"x y": 1, "x y": 2}], "d": {"e": 1, "e": 1}}',
            '"x y"',
            '$.a[1]["x y"]',
        ),
    ],
)
def test_loads_refuses_a_key_given_twice(text: str, key: str, field: str) -> None:
    """A JSON object with a key given twice is refused, not read as "the last one wins";
    the error's field is the path of the key (the first such object in the text)."""
    with pytest.raises(ep.InvalidRecordError) as caught:
        ep.loads(text)
    assert type(caught.value) is ep.InvalidRecordError
    assert caught.value.field == field
    assert f"duplicate key {key}" in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("indent", "error"),
    [
        ([], ep.InputTypeError),
        ("xx", ep.InputTypeError),
        (True, ep.InputTypeError),
        (False, ep.InputTypeError),
        (2.0, ep.InputTypeError),
        (10**100, ep.InvalidRecordError),
        (17, ep.InvalidRecordError),
        (-1, ep.InvalidRecordError),
    ],
)
def test_dumps_refuses_a_bad_indent(indent: object, error: type) -> None:
    """``indent`` is None or an int from 0 to 16: nothing else is passed on to json."""
    with pytest.raises(ep.EmrpathError) as caught:
        ep.dumps(ep.SkillsCompetency(D(2025, 6, 3)), indent=indent)  # type: ignore[arg-type]
    assert type(caught.value) is error
    assert caught.value.field == "indent"
    assert len(str(caught.value)) < 200


@pytest.mark.parametrize("indent", [None, 0, 1, 16])
def test_dumps_accepts_none_and_small_indents(indent: int | None) -> None:
    record = ep.SkillsCompetency(D(2025, 6, 3))
    text = ep.dumps(record, indent=indent)
    assert text == json.dumps(jsonio.to_json_data(record), indent=indent)
    assert ep.loads(text) == record


def test_loads_refuses_non_text() -> None:
    with pytest.raises(ep.InputTypeError, match="str or bytes"):
        ep.loads(42)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("amount", "error", "rule", "text"),
    [
        ("NaN", ep.InvalidRecordError, "JSON document", "decimal number"),
        ("Infinity", ep.InvalidRecordError, "JSON document", "decimal number"),
        ("2,5", ep.InvalidRecordError, "JSON document", "decimal number"),
        (" 2", ep.InvalidRecordError, "JSON document", "decimal number"),
        ("0", ep.InvalidRecordError, "continuing education", "more than 0"),
        ("-1", ep.InvalidRecordError, "continuing education", "more than 0"),
        (True, ep.InputTypeError, "JSON document", "decimal number"),
        ([2], ep.InputTypeError, "JSON document", "decimal number"),
    ],
)
def test_education_amounts_are_strict(
    amount: object, error: type[ep.EmrpathError], rule: str, text: str
) -> None:
    doc = _document(ep.ContinuingEducation(D(2025, 1, 1), 2, "national"))
    doc["amount"] = amount
    err = _error(doc, ep.ContinuingEducation, error=error, field="$.amount", rule=rule)
    assert text in err.message


def test_recertification_record_paths() -> None:
    record = ep.RecertificationRecord(
        ep.Certification(D(2023, 8, 10)),
        education=[ep.ContinuingEducation(D(2025, 1, 1), 2, "national")],
    )
    doc = _document(record)
    doc["education"][0]["component"] = " "
    _error(
        doc,
        error=ep.InputTypeError,
        field="$.education[0].component",
        rule="continuing education",
    )
    doc = _document(record)
    doc["certification"]["cycle_started_on"] = "2024-01-01"
    err = _error(
        doc,
        error=ep.InvalidRecordError,
        field="$.certification.expires_on",
        rule="recertification",
    )
    assert "recertified cycle needs its expiration date" in err.message


def test_scope_decision_values_are_checked_on_load() -> None:
    doc = _document(is_within_scope("cpap", "emr"))
    doc["level"] = "EMR"
    err = _error(
        doc, ScopeDecision, error=ep.InvalidRecordError, field="$.level", rule="JSON document"
    )
    assert "must be one of 'emr', 'emt', 'aemt', 'paramedic'" in err.message
    doc = _document(is_within_scope("cpap", "emr"))
    doc["row"]["citation"]["url"] = ""
    _error(doc, error=ep.InvalidRecordError, field="$.row.citation.url", rule="citation")


# ---------------------------------------------------------------------------------------
# planning and practice authority documents


@given(
    course_completions(D(2015, 1, 1), D(2090, 1, 1)),
    st.integers(0, 800),
    st.integers(0, 2),
    st.booleans(),
)
def test_attempt_timelines_round_trip(
    course: ep.CourseCompletion, offset: int, used: int, with_att: bool
) -> None:
    """Issue 6: the what-if timeline (a status of the planning rules) round-trips."""
    first = course.completed_on + dt.timedelta(days=offset)
    timeline = ep.plan_attempts(
        course,
        first,
        attempts_used=used,
        authorization_issued_on=first if with_att else None,
        program=ep.NREMT_EMR,
    )
    assert _round_trip(timeline) == timeline


@given(st.lists(st.sampled_from(list(MissBucket)), max_size=8), st.integers(0, 30))
def test_retake_plans_round_trip(buckets: list[MissBucket], days: int) -> None:
    """Issue 6: RetakePlan, with its (bucket, count) pairs and fixes, round-trips."""
    failed = ep.ExamAttempt(D(2025, 7, 11), passed=False, scaled_score=905)
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 5, 2), verified_on=D(2025, 5, 9)),
        attempts=[failed],
        skills=ep.SkillsCompetency(D(2025, 4, 28)),
    )
    log = ErrorLog([Miss(b) for b in buckets], attempt_on=failed.taken_on)
    plan = retake_plan(
        log,
        failed,
        candidate,
        as_of=D(2025, 7, 11) + dt.timedelta(days=days),
        program=ep.NREMT_EMR,
    )
    assert _round_trip(log) == log
    assert _round_trip(plan) == plan
    doc = _document(plan)
    assert all(len(pair) == 2 for pair in doc["counts"])


@given(
    st.sampled_from(["MT", "WY", "CA", "TX", "ZZ"]),
    dates(D(2024, 1, 1), D(2030, 12, 31)),
    st.booleans(),
)
def test_practice_decisions_round_trip(code: str, on: dt.date, agency: bool) -> None:
    """Issue 6: PracticeDecision and the Practitioner input document round-trip."""
    person = Practitioner(
        licenses=[StateLicense("MT", "emr", D(2025, 7, 1), D(2027, 6, 30))],
        certification=ep.Certification(D(2025, 6, 2)),
        agency_credentials=[AgencyCredential("Valley Fire", "Dr. Ada Reyes", D(2025, 8, 1))],
    )
    decision = practice_authority(
        person, code, on=on, require_agency_credential=agency, program=ep.NREMT_EMR
    )
    assert _round_trip(person) == person
    assert _round_trip(decision) == decision
    _validate(_document(person))


def test_fixed_length_pairs_are_checked() -> None:
    log = ErrorLog([Miss("sequence")])
    failed = ep.ExamAttempt(D(2025, 7, 11), passed=False)
    candidate = ep.Candidate(course=ep.CourseCompletion(D(2025, 5, 2)), attempts=[failed])
    doc = _document(
        retake_plan(log, failed, candidate, as_of=D(2025, 7, 14), program=ep.NREMT_EMR)
    )
    doc["counts"][0] = ["sequence"]
    err = _error(doc, error=ep.InvalidRecordError, field="$.counts[0]", rule="JSON document")
    assert "array of 2 items" in err.message
    doc["counts"][0] = ["sequence", "1"]
    _error(doc, error=ep.InputTypeError, field="$.counts[0][1]", rule="JSON document")


@given(st.dates())
def test_iso_dates_read_back_exactly(day: dt.date) -> None:
    """Issue 6: "Dates ISO YYYY-MM-DD strictly": every date, year 1 to 9999, is written as
    its ISO string and read back as the same date (the inverse of date.isoformat)."""
    course = ep.CourseCompletion(day)
    doc = jsonio.to_json_data(course)
    assert doc["completed_on"] == day.isoformat()
    assert jsonio.from_json_data(doc, ep.CourseCompletion) == course


# ---------------------------------------------------------------------------------------
# documents name their program (issue 12, item 3)

PROGRAMS = st.sampled_from(ep.programs.available())
V1_CANDIDATE = (
    '{"schema_version": 1, "kind": "candidate", "course": {"completed_on": "2025-05-02"}}'
)


@given(candidates(), PROGRAMS, PROGRAMS)
def test_a_document_is_read_only_under_the_program_it_names(
    candidate: ep.Candidate, written: ep.Program, read: ep.Program
) -> None:
    """design.md: "JSON documents of candidates and certifications name their program
    (`"program": key`); a document is never evaluated under another program's rules"."""
    text = ep.dumps(candidate, program=written)
    assert json.loads(text)["program"] == written.key
    assert jsonio.document_program(text) is written
    if read is written:
        assert ep.loads(text, ep.Candidate, program=read) == candidate
    else:
        with pytest.raises(ep.InvalidRecordError) as caught:
            ep.loads(text, ep.Candidate, program=read)
        assert (caught.value.field, caught.value.rule) == ("$.program", "document program")
        assert caught.value.message == (
            f"the document names program {written.key!r}, not {read.key!r}; a document is "
            "never read under another program's rules"
        )


@pytest.mark.parametrize(
    "record",
    [
        BASE,
        ep.Certification(D(2023, 8, 10)),
        ep.RecertificationRecord(ep.Certification(D(2023, 8, 10))),
    ],
    ids=lambda r: type(r).__name__,
)
def test_the_kinds_that_name_a_program_need_one_to_be_written(record: object) -> None:
    kind = snake_case(type(record).__name__)
    assert kind in jsonio.PROGRAM_KINDS
    with pytest.raises(ep.InvalidRecordError) as caught:
        ep.dumps(record)
    assert (caught.value.field, caught.value.rule) == ("program", "document program")
    assert caught.value.message == (
        f"a {kind} document names the program whose rules apply to it: pass program= "
        "(emrpath never chooses one)"
    )
    data = jsonio.to_json_data(record, program=ep.ASCP_MLS)
    assert list(data)[:3] == ["schema_version", "kind", "program"]
    assert (data["schema_version"], data["program"]) == (2, "ascp-mls")


@pytest.mark.parametrize(
    "record",
    [BASE, ep.Certification(D(2023, 8, 10))],
    ids=lambda r: type(r).__name__,
)
def test_the_kinds_that_name_a_program_need_one_to_be_read(record: object) -> None:
    text = ep.dumps(record, program=ep.NREMT_EMR)
    with pytest.raises(ep.InvalidRecordError) as caught:
        ep.loads(text)
    assert (caught.value.field, caught.value.rule) == ("program", "document program")
    assert "pass program= (this document names 'nremt-emr')" in caught.value.message


def test_a_version_1_document_is_read_under_the_program_its_reader_names() -> None:
    """Issue 12: "keep reading version-1 documents; a version-1 document then needs the
    caller to name the program"."""
    assert jsonio.document_program(V1_CANDIDATE) is None
    with pytest.raises(ep.InvalidRecordError) as caught:
        ep.loads(V1_CANDIDATE, ep.Candidate)
    assert (caught.value.field, caught.value.rule) == ("program", "document program")
    assert caught.value.message == (
        "a version-1 candidate document names no program: pass program=, the program whose "
        "rules apply to it"
    )
    for program in ep.programs.available():
        candidate = ep.loads(V1_CANDIDATE, ep.Candidate, program=program)
        assert candidate == ep.Candidate(course=ep.CourseCompletion(D(2025, 5, 2)))
        again = json.loads(ep.dumps(candidate, program=program))  # written as version 2
        assert (again["schema_version"], again["program"]) == (2, program.key)


def test_version_1_documents_of_other_kinds_read_as_before() -> None:
    text = '{"schema_version": 1, "kind": "skills_competency", "passed_on": "2025-06-03"}'
    assert ep.loads(text) == ep.SkillsCompetency(D(2025, 6, 3))
    assert ep.loads(text, program=ep.ASCP_MLS) == ep.SkillsCompetency(D(2025, 6, 3))
    assert jsonio.document_program(text) is None


@pytest.mark.parametrize("bad", ["nremt-emr", ep.NREMT_EMR.calendar, 1])
def test_program_must_be_a_program(bad: object) -> None:
    for call in (
        lambda: ep.dumps(BASE, program=bad),  # type: ignore[arg-type]
        lambda: ep.loads(ep.dumps(BASE, program=ep.NREMT_EMR), program=bad),  # type: ignore[arg-type]
    ):
        with pytest.raises(ep.InputTypeError) as caught:
            call()
        assert (caught.value.field, caught.value.rule) == ("program", "document program")


def test_a_status_is_read_and_written_only_under_its_own_program() -> None:
    status = ep.evaluate(BASE, as_of=D(2025, 8, 20), program=ep.NREMT_EMR)
    text = ep.dumps(status, program=ep.NREMT_EMR)
    assert json.loads(text)["program"] == "nremt-emr"
    assert jsonio.document_program(text) is ep.NREMT_EMR
    assert ep.loads(text) == status
    assert ep.loads(text, ep.PathwayStatus, program=ep.NREMT_EMR) == status
    with pytest.raises(ep.InvalidRecordError) as caught:
        ep.loads(text, program=ep.ASCP_MLS)
    assert caught.value.field == "$.program"
    with pytest.raises(ep.InvalidRecordError) as written:
        ep.dumps(status, program=ep.ASCP_MLS)
    assert (written.value.field, written.value.rule) == ("program", "document program")


def test_document_program_reads_text_bytes_and_data() -> None:
    text = ep.dumps(ep.Certification(D(2022, 6, 10)), program=ep.ASCP_MLS)
    assert jsonio.document_program(text) is ep.ASCP_MLS
    assert jsonio.document_program(text.encode()) is ep.ASCP_MLS
    assert jsonio.document_program(json.loads(text)) is ep.ASCP_MLS


@pytest.mark.parametrize(
    ("document", "error", "field", "text"),
    [
        ('{"schema_version": 2, "kind": "candidate"}', ep.InvalidRecordError, "$.program", ""),
        (
            {"schema_version": 2, "kind": "candidate", "program": 7},
            ep.InputTypeError,
            "$.program",
            "got number 7",
        ),
        (
            {"schema_version": 2, "kind": "candidate", "program": "NREMT_EMR"},
            ep.UnknownNameError,
            "$.program",
            "(did you mean 'nremt-emr'?)",
        ),
        (
            {"schema_version": 2, "kind": "pathway_status", "program": "toy"},
            ep.UnknownNameError,
            "$.program",
            "unknown program 'toy'",
        ),
        (
            {"schema_version": 3, "kind": "candidate"},
            ep.InvalidRecordError,
            "$.schema_version",
            "",
        ),
        ({"schema_version": 2, "kind": "nope"}, ep.UnknownNameError, "$.kind", ""),
        ("{", ep.InvalidRecordError, "$", "not valid JSON"),
        ('{"kind": 1, "kind": 2}', ep.InvalidRecordError, "$.kind", "duplicate key"),
        ("[]", ep.InputTypeError, "$", "must be a JSON object"),
        (42, ep.InputTypeError, "document", "got int"),
    ],
)
def test_document_program_refuses_what_names_no_program_clearly(
    document: object, error: type, field: str, text: str
) -> None:
    with pytest.raises(ep.EmrpathError) as caught:
        jsonio.document_program(document)  # type: ignore[arg-type]
    assert type(caught.value) is error
    assert caught.value.field == field
    assert text in str(caught.value)


def test_the_schema_requires_the_program_of_the_kinds_that_name_one() -> None:
    for kind in jsonio.kinds():
        schema = ep.json_schema(kind)
        assert schema["properties"]["schema_version"] == {"const": 2}
        named = kind in jsonio.PROGRAM_KINDS
        assert ("program" in schema["required"]) is named or "program" in attrs.fields_dict(
            jsonio._registry()[kind]
        )
        if named:
            assert schema["properties"]["program"]["examples"] == list(ep.programs.REGISTRY)
    doc = _document(BASE)
    _validate(doc)
    del doc["program"]
    with pytest.raises(jsonschema.ValidationError, match="'program' is a required property"):
        _validate(doc)


_THREE_ATTEMPTS = (
    {"taken_on": "2025-06-10", "passed": False, "scaled_score": 880},
    {"taken_on": "2025-07-15", "passed": False, "scaled_score": 910},
    {"taken_on": "2025-08-05", "passed": False, "scaled_score": 900},
)


@given(st.permutations(range(3)), st.integers(0, 2))
def test_an_evaluation_error_is_pointed_at_the_documents_element(
    order: list[int], bad: int
) -> None:
    """Issue 15: "JSON paths in one style ($.attempts[0].scaled_score), in the caller's own
    order, from loading and from evaluation alike": whatever order the document lists the
    attempts in, the error names the element that holds the bad score."""
    data = json.loads(
        (resources.files("emrpath") / "examples" / "nremt-emr-candidate.json").read_text("utf-8")
    )
    data["attempts"] = [dict(_THREE_ATTEMPTS[k]) for k in order]
    data["attempts"][bad]["scaled_score"] = 50
    text = json.dumps(data)
    candidate = ep.loads(text, ep.Candidate, program=ep.NREMT_EMR)
    with pytest.raises(ep.EmrpathError) as raised:
        ep.evaluate(candidate, as_of=dt.date(2025, 8, 20), program=ep.NREMT_EMR)
    pointed = jsonio.document_error(raised.value, text)
    assert pointed.field == f"$.attempts[{bad}].scaled_score"
    assert (type(pointed), pointed.message, pointed.rule) == (
        type(raised.value),
        raised.value.message,
        raised.value.rule,
    )


def test_document_error_leaves_an_error_about_no_field_of_the_record_alone() -> None:
    """document_error re-points only a path into the record; an argument's error stays."""
    error = ep.InvalidRecordError("not a date", field="as_of", rule="dates")
    text = (resources.files("emrpath") / "examples" / "nremt-emr-candidate.json").read_text(
        "utf-8"
    )
    assert jsonio.document_error(error, text) is error


def test_a_document_of_an_unknown_kind_names_the_path_of_its_kind() -> None:
    """Issue 15: paths appear in three styles (... ``kind:``); the document's own kind is
    ``$.kind``, like every other path in a document."""
    with pytest.raises(ep.UnknownNameError) as raised:
        ep.loads('{"schema_version": 2, "kind": "candidat"}')
    assert raised.value.field == "$.kind"
