"""The emrpath command: every subcommand, exit codes 0/1/2, one-line errors, JSON output."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest

import emrpath as ep
from emrpath.cli import _parser, main
from emrpath.jsonio import SCHEMA_VERSION

D = dt.date


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def example(name: str) -> str:
    return (resources.files("emrpath") / "examples" / name).read_text("utf-8")


def write(tmp_path: Path, value: object, program: ep.Program | None = ep.NREMT_EMR) -> str:
    """``value``'s JSON document (naming ``program`` if its kind names one) in a file."""
    named = isinstance(value, (ep.Candidate, ep.Certification, ep.RecertificationRecord))
    path = tmp_path / "document.json"
    path.write_text(ep.dumps(value, program=program if named else None), encoding="utf-8")
    return str(path)


def assert_one_line_error(err: str, *fragments: str) -> None:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("emrpath: error: ")
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0]


def assert_usage_error(err: str, command: str, *fragments: str) -> None:
    """argparse's usage, then one line ``emrpath COMMAND: error: ...`` naming ``fragments``."""
    assert err.startswith(f"usage: emrpath {command}"), err
    assert "Traceback" not in err
    last = err.splitlines()[-1]
    assert last.startswith(f"emrpath {command}: error: "), err
    for fragment in fragments:
        assert fragment in last


# ---------------------------------------------------------------------------------------
# status


def test_status_of_the_bundled_example_is_a_readable_table(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The README's main job: `emrpath status --example --as-of 2025-08-20`."""
    code, out, err = run(capsys, "status", "--example", "--as-of", "2025-08-20")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "nremt-emr pathway on 2025-08-20"
    assert lines[1].split() == ["gate", "state", "valid", "until", "expected", "on"]
    assert set(lines[2]) == {"-", " "}
    # the state column starts at the same offset in every gate row
    offset = lines[1].index("state")
    for name in ("course ", "cognitive ", "certification "):
        row = next(line for line in lines if line.startswith(name))
        assert row[offset - 1] == " "
        assert row[offset] != " "
    assert "attempts used: 2, remaining: 1" in lines[-1]
    assert "Retest allowed from 2025-07-30" in out


def test_status_json_is_the_pathway_status_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status", "--example", "--as-of", "2025-08-20", "--json")
    assert code == 0
    status = ep.loads(out, ep.PathwayStatus)
    candidate = ep.loads(example("nremt-emr-candidate.json"), ep.Candidate, program=ep.NREMT_EMR)
    assert status == ep.evaluate(candidate, as_of=D(2025, 8, 20), program=ep.NREMT_EMR)
    assert json.loads(out)["kind"] == "pathway_status"


def test_status_example_for_ascp(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "status", "--example", "--program", "ascp-mls", "--as-of", "2025-08-20"
    )
    assert code == 0
    assert out.startswith("ascp-mls pathway on 2025-08-20")
    assert "remaining: 4" in out


@pytest.mark.parametrize(
    ("program", "as_of", "first"),
    [
        ("nremt-emr", "2026-05-01", "nremt-emr recertification on 2026-05-01: open"),
        ("ascp-mls", "2025-03-01", "ascp-mls recertification on 2025-03-01: open"),
    ],
)
def test_status_of_a_recertification_example(
    capsys: pytest.CaptureFixture[str], program: str, as_of: str, first: str
) -> None:
    code, out, _ = run(
        capsys, "status", "--example", "recertification", "--program", program, "--as-of", as_of
    )
    assert code == 0
    assert out.splitlines()[0] == first
    code, out, _ = run(
        capsys,
        "status",
        "--example",
        "recertification",
        "--program",
        program,
        "--as-of",
        as_of,
        "--json",
    )
    assert code == 0
    assert isinstance(ep.loads(out), ep.RecertificationStatus)


def test_status_reads_a_file_and_stdin(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "candidate.json"
    path.write_text(example("nremt-emr-candidate.json"), encoding="utf-8")
    code, from_file, _ = run(capsys, "status", str(path), "--as-of", "2025-08-20")
    assert code == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(example("nremt-emr-candidate.json")))
    code, from_stdin, _ = run(capsys, "status", "-", "--as-of", "2025-08-20")
    assert code == 0
    assert from_file == from_stdin


def test_status_of_a_bare_certification(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, ep.Certification(D(2023, 8, 10)))
    code, out, _ = run(capsys, "status", path, "--as-of", "2026-10-15")
    assert code == 0
    assert out.startswith("nremt-emr recertification on 2026-10-15: reinstatement")


@pytest.mark.parametrize(
    "argv",
    [
        ("status", "--example"),  # --as-of is required: nothing reads the clock
        ("status", "x.json", "--example", "--as-of", "2025-08-20"),
        ("status", "--as-of", "2025-08-20"),
        ("status", "--example", "other", "--as-of", "2025-08-20"),
        ("status", "--as-of", "2025-08-20", "--example", "--bogus"),
        (),
        ("frobnicate",),
        ("dates",),
        ("dates", "--att", "2025-01-01"),
        ("dates", "--passed", "2025-01-01"),
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert "usage: emrpath" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "as_of",
    ["2025/08/20", "08/20/2025", "20250820", "2025-08-20T00:00", "2025-02-30", "today", ""],
)
def test_dates_on_the_command_line_are_iso_only(
    capsys: pytest.CaptureFixture[str], as_of: str
) -> None:
    """Issue 6: "Dates on the command line are ISO dates; anything else is refused"; issue
    15: a command-line value that cannot be read is a usage error (exit 2) naming the flag."""
    code, out, err = run(capsys, "status", "--example", "--as-of", as_of)
    assert (code, out) == (2, "")
    assert_usage_error(err, "status", "--as-of: ")


def test_unknown_program_is_a_usage_error_naming_the_choices(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 15: "an unknown --program ... exits 1, not 2 (usage)"."""
    code, _, err = run(capsys, "status", "--example", "--as-of", "2025-08-20", "--program", "emt")
    assert code == 2
    assert_usage_error(err, "status", "--program: ", "'emt'", "nremt-emr", "ascp-mls")


def test_bad_files_exit_1_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.json"
    code, _, err = run(capsys, "status", str(missing), "--as-of", "2025-08-20")
    assert code == 1
    assert_one_line_error(err, "missing.json", "cannot read")

    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "status", str(broken), "--as-of", "2025-08-20")
    assert code == 1
    assert_one_line_error(err, "not valid JSON")

    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"kind": "caf\xe9"}')
    code, _, err = run(capsys, "status", str(latin), "--as-of", "2025-08-20")
    assert code == 1
    assert_one_line_error(err, "not UTF-8")

    code, _, err = run(capsys, "status", str(tmp_path), "--as-of", "2025-08-20")
    assert code == 1
    assert_one_line_error(err, "cannot read")


def test_invalid_documents_exit_1_with_the_json_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads(example("nremt-emr-candidate.json"))
    data["attempts"][1]["taken_on"] = "2025-02-30"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "status", str(path), "--as-of", "2025-08-20")
    assert code == 1
    assert_one_line_error(err, "$.attempts[1].taken_on", "2025-02-30")


def test_rule_errors_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    """An attempt after --as-of is an invalid record (design: attempts after as_of)."""
    code, _, err = run(capsys, "status", "--example", "--as-of", "2025-07-01")
    assert code == 1
    assert_one_line_error(err, "attempts")


def test_status_refuses_documents_it_does_not_evaluate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, ep.SkillsCompetency(D(2025, 1, 1)))
    code, _, err = run(capsys, "status", path, "--as-of", "2025-08-20")
    assert code == 1
    assert_one_line_error(
        err,
        "$.kind",
        "status reads a candidate, certification or recertification_record document, "
        "not 'skills_competency'",
    )


# ---------------------------------------------------------------------------------------
# documents name their program (issue 12, item 3)

EXAMPLES_DIR = Path(str(resources.files("emrpath") / "examples"))


def test_the_bundled_ascp_example_is_judged_under_ascp_rules(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 12, done when: "`emrpath status src/emrpath/examples/ascp-mls-candidate.json
    --as-of 2025-08-20` shows the ascp-mls pathway" (it showed nremt-emr's)."""
    path = str(EXAMPLES_DIR / "ascp-mls-candidate.json")
    code, out, err = run(capsys, "status", path, "--as-of", "2025-08-20")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "ascp-mls pathway on 2025-08-20"
    assert "attempts used: 1, remaining: 4" in out
    code, out, _ = run(capsys, "status", path, "--as-of", "2025-08-20", "--json")
    assert json.loads(out)["program"] == "ascp-mls"


@pytest.mark.parametrize("program", ep.programs.available(), ids=lambda p: p.key)
@pytest.mark.parametrize("name", ["candidate", "recertification"])
def test_every_example_document_is_read_under_the_program_it_names(
    capsys: pytest.CaptureFixture[str], program: ep.Program, name: str
) -> None:
    path = str(EXAMPLES_DIR / f"{program.key}-{name}.json")
    as_of = "2026-05-01" if name == "recertification" else "2025-08-20"
    code, by_file, err = run(capsys, "status", path, "--as-of", as_of)
    assert (code, err) == (0, "")
    assert by_file.split()[0] == program.key
    code, agreeing, _ = run(capsys, "status", path, "--as-of", as_of, "--program", program.key)
    assert (code, agreeing) == (0, by_file)
    code, by_example, _ = run(
        capsys, "status", "--example", name, "--program", program.key, "--as-of", as_of
    )
    assert (code, by_example) == (0, by_file)  # --example picks the program's own example


@pytest.mark.parametrize("command", ["status", "plan"])
def test_a_program_that_contradicts_the_document_is_an_error_not_an_override(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """Issue 12: "A `--program` that contradicts the document is an error (exit 1), never an
    override"."""
    path = str(EXAMPLES_DIR / "ascp-mls-candidate.json")
    code, out, err = run(capsys, command, path, "--as-of", "2025-08-20", "--program", "nremt-emr")
    assert (code, out) == (1, "")
    assert_one_line_error(
        err,
        "--program: 'nremt-emr' contradicts the document, which names 'ascp-mls'",
        "(rule: command line)",
    )


def _version_1(tmp_path: Path, name: str) -> str:
    data = json.loads(example(name))
    data["schema_version"] = 1
    del data["program"]
    path = tmp_path / "version-1.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("command", ["status", "plan"])
def test_a_version_1_document_needs_the_program_named_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    """Issue 12: "a version-1 document then needs the caller to name the program, and the
    CLI says so in one line"."""
    path = _version_1(tmp_path, "ascp-mls-candidate.json")
    code, out, err = run(capsys, command, path, "--as-of", "2025-08-20")
    assert (code, out) == (1, "")
    assert_one_line_error(
        err,
        "--program: this candidate document names no program (schema_version 1): pass "
        "--program KEY, one of nremt-emr, nremt-emt, nremt-aemt, nremt-paramedic, ascp-mls",
    )
    code, named, err = run(capsys, command, path, "--as-of", "2025-08-20", "--program", "ascp-mls")
    assert (code, err) == (0, "")
    code, current, _ = run(
        capsys, command, str(EXAMPLES_DIR / "ascp-mls-candidate.json"), "--as-of", "2025-08-20"
    )
    assert named == current


def test_a_version_1_recertification_record_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _version_1(tmp_path, "nremt-emr-recertification.json")
    code, _, err = run(capsys, "status", path, "--as-of", "2026-05-01")
    assert code == 1
    assert_one_line_error(err, "recertification_record document names no program")
    code, out, _ = run(capsys, "status", path, "--as-of", "2026-05-01", "--program", "nremt-emr")
    assert code == 0
    assert out.startswith("nremt-emr recertification on 2026-05-01")


def test_example_without_program_is_the_nremt_example_which_names_its_program(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The README's main command names no program: `--example` alone is the NREMT EMR
    example document, and that document names nremt-emr, so no rulebook is chosen
    silently; --help says so."""
    data = json.loads(example("nremt-emr-candidate.json"))
    assert data["program"] == "nremt-emr"
    code, out, _ = run(capsys, "status", "--example", "--as-of", "2025-08-20", "--json")
    assert (code, json.loads(out)["program"]) == (0, "nremt-emr")
    code, out, _ = run(capsys, "status", "--help")
    help_text = " ".join(out.split()).replace("nremt- ", "nremt-")  # argparse wraps at "-"
    assert "the nremt-emr example, which names nremt-emr" in help_text
    assert "is an error if it contradicts the document" in help_text


def test_a_document_naming_an_unknown_program_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads(example("nremt-emr-candidate.json"))
    data["program"] = "nremt-emtt"
    path = tmp_path / "emt.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "status", str(path), "--as-of", "2025-08-20")
    assert code == 1
    assert_one_line_error(err, "$.program: unknown program 'nremt-emtt'", "did you mean")


# ---------------------------------------------------------------------------------------
# dates


def test_dates_for_an_exam(capsys: pytest.CaptureFixture[str]) -> None:
    """Design: "Friday exam → Tuesday"; "earliest retest = last attempt date + 15 calendar
    days"."""
    code, out, _ = run(capsys, "dates", "--exam", "2025-12-05")
    assert code == 0
    rows = {line[:17].strip(): line.split() for line in out.splitlines()[3:]}
    assert rows["result expected"][2:] == ["2025-12-09", "result_posting", "secondary"]
    assert rows["earliest retest"][2:] == ["2025-12-20", "retest_wait", "secondary"]


def test_dates_for_every_option_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    """Design: "completed 2024-02-29 → 2026-02-28"; ATT "cut off at the course expiration
    date if that is earlier"; certified July–December → September 30 of year + 3."""
    code, out, _ = run(
        capsys,
        "dates",
        "--exam",
        "2026-04-02",
        "--course",
        "2024-02-29",
        "--att",
        "2025-12-15",
        "--passed",
        "2024-03-01",
        "--certified",
        "2025-08-01",
        "--notified",
        "2025-06-02",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    answers = {a["answer"]: a for a in data["answers"]}
    assert (data["schema_version"], data["kind"]) == (SCHEMA_VERSION, "quick_dates")
    assert data["program"] == "nremt-emr"
    assert all(re.fullmatch(r"[a-z_]+", key) for key in answers)  # one spelling: snake_case
    assert answers["result_expected"]["date"] == "2026-04-06"  # Good Friday is a business day
    assert answers["course_valid_through"]["date"] == "2026-02-28"
    assert answers["att_valid_through"]["date"] == "2026-02-28"
    assert answers["portion_valid_through"]["date"] == "2026-03-01"
    assert answers["certification_expires"]["date"] == "2028-09-30"
    assert answers["appeal_by"]["date"] == "2025-07-02"
    assert answers["appeal_by"]["confidence"] == "primary"


def test_dates_for_ascp(capsys: pytest.CaptureFixture[str]) -> None:
    """ASCP: "official result within 4 business days"; "appeals in writing within 30 days"."""
    code, out, _ = run(capsys, "dates", "--program", "ascp-mls", "--exam", "2025-06-02", "--json")
    assert code == 0
    answers = {a["answer"]: a["date"] for a in json.loads(out)["answers"]}
    assert (
        answers["result_expected"]
        == ep.expected_result_date(D(2025, 6, 2), program=ep.ASCP_MLS).isoformat()
    )


def test_dates_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "dates", "--exam", "2025-13-01")
    assert code == 2
    assert_usage_error(err, "dates", "--exam: ")
    code, _, err = run(capsys, "dates", "--course", "2025-05-01", "--passed", "2025-04-01")
    assert code == 1
    assert_one_line_error(err, "before the course completion")
    code, _, err = run(capsys, "dates", "--exam", "1970-01-05")  # before any rule
    assert code == 1
    assert_one_line_error(err)


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (("--exam", "9999-12-31"), "--exam"),
        (("--course", "9999-12-31"), "--course"),
        (("--course", "2025-01-01", "--att", "9999-12-30"), "--att"),
        (("--course", "2025-01-01", "--att", "2024-12-30"), "--att"),
        (("--course", "2025-01-01", "--passed", "9999-12-30"), "--passed"),
        (("--certified", "9999-12-30"), "--certified"),
        (("--notified", "9999-12-30"), "--notified"),
    ],
)
def test_dates_errors_name_the_option(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], option: str
) -> None:
    """A date the rules cannot compute from is reported as the option it came in, not as
    the rule function's inner argument (``day``, ``date``)."""
    code, out, err = run(capsys, "dates", *argv)
    assert (code, out) == (1, "")
    assert_one_line_error(err)
    assert err.startswith(f"emrpath: error: {option}: "), err


def test_no_command_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    """The usage error names every command the parser has (it once left out ``plan``)."""
    (commands,) = (
        action.choices
        for action in _parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    code, _, err = run(capsys)
    assert code == 2
    listed = err.splitlines()[-1].split("(", 1)[1].rstrip(")").split(", ")
    assert listed == list(commands)


def test_a_command_without_a_document_answers_for_the_default_program_it_names(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Commands that read no document (dates, a what-if plan) answer for nremt-emr without
    --program, as --help says, and name it on their first line; the library itself has no
    default program."""
    code, out, _ = run(capsys, "dates", "--certified", "2025-08-01", "--json")
    assert code == 0
    assert json.loads(out)["program"] == ep.NREMT_EMR.key


# ---------------------------------------------------------------------------------------
# programs and schema


def test_programs_lists_both(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "programs")
    assert code == 0
    assert out.splitlines()[0].split()[:2] == ["program", "name"]
    assert "nremt-emr" in out
    assert "ascp-mls" in out


@pytest.mark.parametrize("program", [ep.NREMT_EMR, ep.ASCP_MLS], ids=lambda p: p.key)
def test_programs_name_prints_every_parameter_with_its_sources(
    capsys: pytest.CaptureFixture[str], program: ep.Program
) -> None:
    """Issue 6: "every parameter of a program with effective dates, citation and confidence"."""
    code, out, _ = run(capsys, "programs", program.key)
    assert code == 0
    for param in program.parameters():
        assert f"\n{param.name}: {param.description}\n" in out
        for provision in param.provisions:
            assert (
                f"from {provision.effective_from.isoformat()} [{provision.confidence.value}]"
                in out
            )
            assert f"<{provision.citation.url}>" in out
    code, out, _ = run(capsys, "programs", program.key, "--json")
    data = json.loads(out)
    assert [p["name"] for p in data["parameters"]] == [p.name for p in program.parameters()]
    provisions = [pr for p in data["parameters"] for pr in p["provisions"]]
    assert all(pr["citation"]["url"] and pr["confidence"] for pr in provisions)


def test_programs_json_and_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 15: "dates --json and programs --json have no schema_version/kind envelope"."""
    code, out, _ = run(capsys, "programs", "--json")
    assert code == 0
    listed = json.loads(out)
    assert (listed["schema_version"], listed["kind"]) == (SCHEMA_VERSION, "program_list")
    assert [p["key"] for p in listed["programs"]] == [
        "nremt-emr",
        "nremt-emt",
        "nremt-aemt",
        "nremt-paramedic",
        "ascp-mls",
    ]
    code, out, _ = run(capsys, "programs", "ascp-mls", "--json")
    one = json.loads(out)
    assert (one["schema_version"], one["kind"], one["key"]) == (2, "program", "ascp-mls")
    code, _, err = run(capsys, "programs", "emt")
    assert code == 2
    assert_usage_error(err, "programs", "NAME: ", "nremt-emr")


def test_schema_prints_the_input_schemas(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out) == ep.json_schema("candidate")
    code, out, _ = run(capsys, "schema", "recertification_record")
    assert json.loads(out)["properties"]["kind"] == {"const": "recertification_record"}
    code, _, err = run(capsys, "schema", "nonsense")
    assert code == 2
    assert_usage_error(err, "schema", "KIND: ", "nonsense")


def test_schema_takes_json_like_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 15: "schema --json is refused though the CLI how-to says every command takes
    --json"; every --json output is a versioned document with schema_version and kind."""
    code, out, _ = run(capsys, "schema", "certification", "--json")
    assert code == 0
    document = json.loads(out)
    assert (document["schema_version"], document["kind"]) == (SCHEMA_VERSION, "json_schema")
    assert document["document_kind"] == "certification"
    assert document["schema"] == ep.json_schema("certification")


def test_every_command_that_prints_takes_json(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 15: "Every --json output is a versioned document with schema_version and kind"."""
    for argv in (
        ("status", "--example", "--as-of", "2025-08-20"),
        ("plan", "--example", "--as-of", "2025-08-20"),
        ("dates", "--exam", "2026-07-02"),
        ("programs",),
        ("programs", "nremt-emr"),
        ("schema",),
    ):
        code, out, err = run(capsys, *argv, "--json")
        assert (code, err) == (0, ""), argv
        document = json.loads(out)
        assert document["schema_version"] == SCHEMA_VERSION, argv
        assert isinstance(document["kind"], str), argv


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "status" in out
    assert "Exit codes" in out
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.startswith("emrpath ")


def test_python_dash_m_runs_the_cli() -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "emrpath", "dates", "--exam", "2026-07-02"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0
    assert "2026-07-07" in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "emrpath", "dates", "--exam", "July 2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stderr.splitlines()[-1].startswith("emrpath dates: error: --exam: ")
    assert "Traceback" not in bad.stderr
    latin = subprocess.run(
        [sys.executable, "-m", "emrpath", "status", "-", "--as-of", "2025-08-20"],
        input=b'{"kind": "caf\xe9"}',
        capture_output=True,
        check=False,
    )
    assert latin.returncode == 1
    assert latin.stderr.startswith(b"emrpath: error: $: not UTF-8 text")
    assert latin.stderr.count(b"\n") == 1


# ---------------------------------------------------------------------------------------
# plan


def test_plan_for_the_example_candidate(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 6: `emrpath plan`: "the what-if timeline of remaining attempts"; the example
    has used 2 of 3, so one attempt remains, from the earliest allowed date."""
    code, out, _ = run(capsys, "plan", "--example", "--as-of", "2025-08-20")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith("2 of 3 used")
    assert lines[1].split()[:3] == ["attempt", "earliest", "on"]
    assert lines[3].split()[:3] == ["3", "2025-08-20", "2025-08-22"]
    code, out, _ = run(capsys, "plan", "--example", "--as-of", "2025-08-20", "--json")
    timeline = ep.loads(out, ep.AttemptTimeline)
    assert timeline.attempts_used == 2
    assert [a.number for a in timeline.attempts] == [3]


def test_plan_what_if(capsys: pytest.CaptureFixture[str]) -> None:
    """Design: "if I fail on the 3rd, when can I retest, and does my third attempt still fit
    before my course expires?" (planning's own example: course 2024-01-05, first attempt
    2026-01-10: the third falls after 2026-01-31)."""
    code, out, _ = run(capsys, "plan", "--course", "2024-01-05", "--first", "2026-01-10", "--json")
    assert code == 0
    timeline = ep.loads(out, ep.AttemptTimeline)
    assert timeline == ep.plan_attempts(
        ep.CourseCompletion(D(2024, 1, 5)), D(2026, 1, 10), program=ep.NREMT_EMR
    )
    assert [a.fits_course_window for a in timeline.attempts] == [True, True, False]
    code, out, _ = run(
        capsys,
        "plan",
        "--course",
        "2024-01-05",
        "--first",
        "2026-01-10",
        "--att",
        "2025-12-01",
        "--used",
        "1",
    )
    assert code == 0
    assert "1 of 3 used" in out.splitlines()[0]


@pytest.mark.parametrize(
    "argv",
    [
        ("plan", "--example"),
        ("plan", "--course", "2024-01-05"),
        ("plan", "--first", "2026-01-10"),
        ("plan", "--course", "2024-01-05", "--first", "2026-01-10", "--example"),
        ("plan", "--course", "2024-01-05", "--first", "2026-01-10", "--as-of", "2026-01-01"),
        ("plan", "--example", "--as-of", "2025-08-20", "--used", "1"),
        ("plan", "--example", "recertification", "--as-of", "2025-08-20"),
    ],
)
def test_plan_usage_errors(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "usage: emrpath plan" in err


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (("--used", "two"), "--used: "),
        (("--used", "-1"), "--used: "),
        (("--used", "9" * 5000), "--used: "),
        (("--att", "2026-13-01"), "--att: "),
    ],
)
def test_plan_unreadable_values_are_usage_errors(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], fragment: str
) -> None:
    """Issue 15: "--used abc exits 1, not 2 (usage)"."""
    code, _, err = run(capsys, "plan", "--course", "2024-01-05", "--first", "2026-01-10", *argv)
    assert code == 2
    assert_usage_error(err, "plan", fragment)


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (("--course", "2024-01-05", "--first", "2026-01-10", "--used", "3"), "--used"),
        (("--course", "2025-01-10", "--first", "2025-01-06"), "--first"),
        (("--course", "2025-01-10", "--first", "2025-02-06", "--att", "2025-01-01"), "--att"),
        (("--course", "9999-12-20", "--first", "9999-12-30"), "--course"),
        (("--course", "1900-01-10", "--first", "1900-02-06"), "--course"),
        (("--course", "2025-01-10", "--first", "9999-12-25"), "--first"),
    ],
)
def test_plan_errors_name_the_flag_as_typed(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], option: str
) -> None:
    """Issue 15: "errors name API arguments (first_attempt_on:, attempts_used:, date:)
    instead of the flags the user typed"."""
    code, out, err = run(capsys, "plan", *argv)
    assert (code, out) == (1, "")
    assert_one_line_error(err)
    assert err.startswith(f"emrpath: error: {option}: "), err


def test_plan_when_no_attempt_is_left(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Design: "after the 3rd failure no further attempt is allowed until a new full EMR
    course is completed"."""
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13)),
        attempts=[
            ep.ExamAttempt(D(2025, 2, 1), passed=False),
            ep.ExamAttempt(D(2025, 3, 1), passed=False),
            ep.ExamAttempt(D(2025, 4, 1), passed=False),
        ],
    )
    code, _, err = run(capsys, "plan", write(tmp_path, candidate), "--as-of", "2025-05-01")
    assert code == 1
    assert_one_line_error(err, "no further attempt can be planned")


def test_an_example_a_program_does_not_ship_is_one_line_exit_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A program added with only its example candidate: asking for its recertification
    example is an invalid-input error, not a traceback."""
    toy = attrs.evolve(ep.NREMT_EMR, key="toy-emr")
    monkeypatch.setattr(ep.programs, "REGISTRY", {**ep.programs.REGISTRY, "toy-emr": toy})
    code, out, err = run(
        capsys,
        "status",
        "--example",
        "recertification",
        "--program",
        "toy-emr",
        "--as-of",
        "2026-05-01",
    )
    assert (code, out) == (1, "")
    assert_one_line_error(err, "--example: toy-emr ships no recertification example")


# ---------------------------------------------------------------------------------------
# the real entry point, as a shell runs it: never a traceback


def emrpath(
    *argv: str, env: dict[str, str] | None = None, **options: Any
) -> subprocess.CompletedProcess[bytes]:
    """``python -m emrpath ARGV`` in a fresh process, its output as bytes."""
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "emrpath", *argv],
        capture_output=True,
        env=environment,
        check=False,
        timeout=60,
        **options,
    )


def assert_no_traceback(stderr: bytes) -> None:
    assert b"Traceback" not in stderr, stderr
    assert b"Exception ignored" not in stderr, stderr


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_an_output_encoding_that_cannot_show_a_character_gets_ascii_equivalents(
    encoding: str,
) -> None:
    """Issue 15: "PYTHONIOENCODING=ascii emrpath programs nremt-emr (and latin-1, schema
    candidate) -> UnicodeEncodeError traceback"; text falls back to ASCII equivalents."""
    utf8 = emrpath("programs", "nremt-emr", env={"PYTHONIOENCODING": "utf-8"})
    assert "\u2013" in utf8.stdout.decode("utf-8")  # the en dash the fallback must show
    shown = emrpath("programs", "nremt-emr", env={"PYTHONIOENCODING": encoding})
    assert (shown.returncode, shown.stderr) == (0, b"")
    text = shown.stdout.decode(encoding)
    assert "\u2013" not in text
    expected = utf8.stdout.decode("utf-8").replace("\u2013", "-").replace("\u2019", "'")
    assert text.replace("\r\n", "\n") == expected.replace("\r\n", "\n").replace("\u2265", ">=")


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "argv", [("schema", "candidate"), ("programs", "nremt-emr", "--json"), ("programs", "--json")]
)
def test_json_in_a_narrow_encoding_reads_back_as_the_same_data(
    encoding: str, argv: tuple[str, ...]
) -> None:
    """Issue 15: JSON output where the encoding cannot show a character escapes it, so the
    document reads back exactly (no character is lost or transliterated in data)."""
    utf8 = emrpath(*argv, env={"PYTHONIOENCODING": "utf-8"})
    narrow = emrpath(*argv, env={"PYTHONIOENCODING": encoding})
    assert (narrow.returncode, narrow.stderr) == (0, b"")
    assert json.loads(narrow.stdout.decode(encoding)) == json.loads(utf8.stdout)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_one_line_exit_1() -> None:
    """Issue 15: "emrpath programs > /dev/full -> OSError traceback"."""
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "emrpath", "programs"],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
            timeout=60,
        )
    assert done.returncode == 1
    assert_no_traceback(done.stderr)
    assert done.stderr == b"emrpath: error: cannot write the output: No space left on device\n"


def test_a_closed_pipe_ends_quietly() -> None:
    """Issue 15: broken pipes (``emrpath programs nremt-emr | head``) show no traceback."""
    with subprocess.Popen(
        [sys.executable, "-m", "emrpath", "programs", "nremt-emr"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()  # the reader is gone before the first write
        stderr = process.stderr.read()
        assert process.wait(timeout=60) == 0
    assert_no_traceback(stderr)
    assert stderr == b""


def _sigint_not_delivered(pid: int) -> bool:
    """Whether process ``pid`` ignores or blocks SIGINT (Linux /proc; inherited from us)."""
    bit = 1 << (signal.SIGINT - 1)
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("SigIgn", "SigBlk") and int(value.strip(), 16) & bit:
            return True
    return False


def _reading_stdin(pid: int) -> bool:
    """Whether process ``pid`` is blocked in read(0, ...) (Linux /proc)."""
    try:
        return Path(f"/proc/{pid}/syscall").read_text().startswith("0 0x0 ")
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/syscall").exists(), reason="needs Linux /proc")
def test_an_interrupt_exits_130_without_a_traceback() -> None:
    """Issue 15: "Ctrl-C while reading stdin (sleep 3 | timeout -s INT 1 emrpath status -
    --as-of 2025-08-20) -> KeyboardInterrupt"; an interrupt is exit code 130."""
    with subprocess.Popen(
        [sys.executable, "-m", "emrpath", "status", "-", "--as-of", "2025-08-20"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        deadline = time.monotonic() + 30
        while not _reading_stdin(process.pid) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert _reading_stdin(process.pid), "the command never read standard input"
        if _sigint_not_delivered(process.pid):
            process.kill()
            pytest.skip(
                "this test's process passes SIGINT on ignored or blocked (inherited by the "
                "command, which then never sees Ctrl-C): nothing emrpath can handle"
            )
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert_no_traceback(err)
    assert (out, err) == (b"", b"emrpath: interrupted\n")


# ---------------------------------------------------------------------------------------
# --example never swallows FILE; plurals


@pytest.mark.parametrize(
    "argv",
    [
        ("status", "--example", "FILE", "--as-of", "2025-08-20"),
        ("status", "FILE", "--example", "--as-of", "2025-08-20"),
        ("plan", "--example", "FILE", "--as-of", "2025-08-20"),
    ],
)
def test_example_cannot_swallow_a_file_argument(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: tuple[str, ...]
) -> None:
    """Issue 15: "status --example cand.json reads cand.json as an example name"; FILE
    stays FILE, and FILE with --example is the usage error it is."""
    path = tmp_path / "cand.json"
    path.write_text(example("nremt-emr-candidate.json"), encoding="utf-8")
    code, out, err = run(capsys, *[str(path) if a == "FILE" else a for a in argv])
    assert (code, out) == (2, "")
    assert_usage_error(err, argv[0], "FILE", str(path), "--example")
    assert "invalid choice" not in err


def test_an_example_name_after_example_is_still_the_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "status", "--example", "recertification", "--as-of", "2026-05-01")
    assert code == 0
    assert "recertification" in out


def test_one_remaining_attempt_is_singular(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 15: plurals right ("all 1 remaining attempts")."""
    code, out, _ = run(
        capsys, "plan", "--course", "2025-01-10", "--first", "2025-02-06", "--used", "2"
    )
    assert code == 0
    assert "all 1 remaining" not in out
    assert "1 remaining attempts" not in out
    assert "leaves room for the 1 remaining attempt before 2027-01-31." in out
    assert out.rstrip().splitlines()[-1].startswith("1 of 1 remaining attempt fits | ")


# ---------------------------------------------------------------------------------------
# JSON paths: one style, the document's own order


def _reversed_example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(example("nremt-emr-candidate.json"))
    data["attempts"].reverse()
    return data


def test_an_evaluation_error_names_the_element_in_the_documents_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Issue 15: "Reverse the example's attempts, set the first element's scaled_score to
    50: the CLI says attempts[1].scaled_score"; it names $.attempts[0].scaled_score."""
    data = _reversed_example()
    data["attempts"][0]["scaled_score"] = 50
    path = tmp_path / "reversed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    for command in ("status", "plan"):
        code, out, err = run(capsys, command, str(path), "--as-of", "2025-08-20")
        assert (code, out) == (1, "")
        assert_one_line_error(err, "50 is below the scale")
        assert err.startswith("emrpath: error: $.attempts[0].scaled_score: "), err


def test_an_attempt_after_as_of_is_named_in_the_documents_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Design: attempts after as_of are invalid; the path counts the document's elements
    (the later attempt is the first element here), in the style loads uses."""
    path = tmp_path / "reversed.json"
    path.write_text(json.dumps(_reversed_example()), encoding="utf-8")
    code, _, err = run(capsys, "status", str(path), "--as-of", "2025-07-01")
    assert code == 1
    assert_one_line_error(err)
    assert err.startswith("emrpath: error: $.attempts[0].taken_on: "), err


def test_loading_and_evaluation_name_paths_in_one_style(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Issue 15: "Paths appear in three styles ($.attempts[0]... from loads, attempts[1]...
    from evaluation, kind:)"; every document path starts at $."""
    broken = _reversed_example()
    broken["attempts"][0]["taken_on"] = "2025-02-30"
    scored = _reversed_example()
    scored["attempts"][0]["scaled_score"] = 50
    for data in (broken, scored):
        path = tmp_path / "document.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        code, _, err = run(capsys, "status", str(path), "--as-of", "2025-08-20")
        assert code == 1
        assert err.startswith("emrpath: error: $.attempts[0]."), err


def test_a_recertification_attempt_is_named_in_the_documents_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Issue 15: paths in the caller's own order from evaluation too: the recertification
    rules take the exam attempts in date order, the error names the document's element."""
    data = json.loads(example("nremt-emr-recertification.json"))
    data["exam_attempts"] = [
        {"taken_on": "2026-02-10", "passed": False, "scaled_score": 900},
        {"taken_on": "2026-01-10", "passed": False, "scaled_score": 900},
    ]
    path = tmp_path / "recertification.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "status", str(path), "--as-of", "2026-01-20")
    assert code == 1
    assert_one_line_error(err, "2026-02-10")
    assert err.startswith("emrpath: error: $.exam_attempts[0].taken_on: "), err


def test_a_document_of_an_unknown_kind_is_named_at_dollar_kind(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: no ``kind:`` path style; a document's kind is ``$.kind``."""
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"schema_version": 2, "kind": "candidat"}'))
    code, _, err = run(capsys, "status", "-", "--as-of", "2025-08-20")
    assert code == 1
    assert_one_line_error(err, "'candidat'")
    assert err.startswith("emrpath: error: $.kind: "), err


@pytest.mark.parametrize(
    ("document", "path"),
    [
        ({"kind": "certification", "certified_on": "2025-06-02"}, "$.certified_on"),
        (
            {"kind": "recertification_record", "certification": {"certified_on": "2025-06-02"}},
            "$.certification.certified_on",
        ),
    ],
)
def test_a_certification_error_is_a_path_in_the_document_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, document: dict[str, Any], path: str
) -> None:
    """Issue 15: every document path starts at $ and names the document as given: a bare
    certification is the document's root, not a ``certification.`` field of it."""
    file = tmp_path / "certification.json"
    file.write_text(
        json.dumps({"schema_version": 2, "program": "nremt-emr", **document}), encoding="utf-8"
    )
    code, _, err = run(capsys, "status", str(file), "--as-of", "2025-01-01")
    assert code == 1
    assert_one_line_error(err, "2025-06-02 is after as_of 2025-01-01")
    assert err.startswith(f"emrpath: error: {path}: "), err


@pytest.mark.parametrize("odd", ["\n0", "\x0c", "a\tb"])
def test_a_usage_error_stays_one_line_whatever_the_argument_holds(
    capsys: pytest.CaptureFixture[str], odd: str
) -> None:
    """Found by the fuzz test: argparse echoed a newline or form feed in an argument, which
    broke the one-line error; control characters are shown escaped."""
    code = main(["plan", "status", odd])
    err = capsys.readouterr().err
    assert code == 2
    last = err.splitlines()[-1]
    assert last.startswith("emrpath: error: unrecognized arguments: ")
    assert odd.encode("unicode_escape").decode() in last
