"""The ``emrpath`` command's exact words: every line it prints, every refusal's field and rule.

``tests/test_cli.py`` checks what each command does; this file pins what it *says*, in
process (``emrpath.cli.main`` with captured output), so that a change to a message, a
column, an option's name or default, or the rule a refusal cites is seen. The design's
promise: "Every bad input raises a subclass of emrpath.errors.EmrpathError naming the field
and the rule", and on the command line an invalid input is one line
``emrpath: error: FIELD: MESSAGE (rule: RULE)`` (exit 1), a usage error argparse's usage
and one line ``emrpath COMMAND: error: ...`` (exit 2).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import emrpath as ep
from emrpath.cli import main
from emrpath.jsonio import SCHEMA_VERSION
from emrpath.planning import timeline_after
from emrpath.report import parameter_rows

EXAMPLES = Path(str(resources.files("emrpath") / "examples"))
CANDIDATE = str(EXAMPLES / "nremt-emr-candidate.json")
RECERTIFICATION = str(EXAMPLES / "nremt-emr-recertification.json")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def invalid(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one stderr line of an invalid input (exit 1, nothing on stdout)."""
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, ""), err
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


def usage(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The last stderr line of a usage error (exit 2), after the command's usage."""
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, ""), err
    command = argv[0] if argv and not argv[0].startswith("-") else ""
    assert err.startswith(f"usage: emrpath {command}".rstrip()), err
    assert "Traceback" not in err
    return err.splitlines()[-1]


def as_json(data: object) -> str:
    """``data`` as the command prints it: indented by 2, characters as they are."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------------------
# dates: every answer, its parameter and source; text and JSON


NREMT_DATES = """\
nremt-emr quick dates
answer                 date        parameter           source
---------------------  ----------  ------------------  ---------
exam on                2025-06-02
result expected        2025-06-04  result_posting      secondary
earliest retest        2025-06-17  retest_wait         secondary
course completed       2025-01-10
course valid through   2027-01-31  course_validity     primary
ATT valid through      2025-05-02  authorization       primary
portion valid through  2027-03-01  portion_validity    primary
certification expires  2028-09-30  certification_term  primary
appeal by              2025-07-02  appeal_window       primary
"""

ALL_DATES = (
    "--exam",
    "2025-06-02",
    "--course",
    "2025-01-10",
    "--att",
    "2025-02-01",
    "--passed",
    "2025-03-01",
    "--certified",
    "2025-08-01",
    "--notified",
    "2025-06-02",
)


def test_dates_prints_every_answer_with_its_parameter_and_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Design: "Friday exam -> Tuesday" style answers, each naming its parameter and source:
    a result 2 business days after the exam, a retest 15 calendar days after it, a course
    valid to the end of the 24th month, an ATT valid 90 days, a certification to
    September 30 three years on (certified July-December), an appeal within 30 days."""
    code, out, err = run(capsys, "dates", *ALL_DATES)
    assert (code, out, err) == (0, NREMT_DATES, "")


def test_dates_of_a_rule_with_no_limit_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    """ASCP: a passed portion does not lapse (no ``portion_validity``): "no limit", and no
    source, since there is no provision to cite."""
    code, out, _ = run(capsys, "dates", "--program", "ascp-mls", *ALL_DATES)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "ascp-mls quick dates"
    assert lines[9] == "portion valid through  no limit    portion_validity"
    assert lines[5] == "earliest retest        2025-09-02  retest_wait         secondary"
    code, out, _ = run(capsys, "dates", "--program", "ascp-mls", *ALL_DATES, "--json")
    answers = json.loads(out)["answers"]
    assert answers[6] == {
        "answer": "portion_valid_through",
        "date": None,
        "parameter": "portion_validity",
        "confidence": None,
    }


def test_dates_json_is_every_answer_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    """Every --json output is a versioned document; the answers are the text's rows in
    order, each named in snake_case, a given date with no parameter and no source."""
    code, out, _ = run(capsys, "dates", *ALL_DATES, "--json")
    assert code == 0

    def answer(name: str, date: str, parameter: str | None, source: str | None) -> Any:
        return {"answer": name, "date": date, "parameter": parameter, "confidence": source}

    expected = {
        "schema_version": SCHEMA_VERSION,
        "kind": "quick_dates",
        "program": "nremt-emr",
        "answers": [
            answer("exam_on", "2025-06-02", None, None),
            answer("result_expected", "2025-06-04", "result_posting", "secondary"),
            answer("earliest_retest", "2025-06-17", "retest_wait", "secondary"),
            answer("course_completed", "2025-01-10", None, None),
            answer("course_valid_through", "2027-01-31", "course_validity", "primary"),
            answer("att_valid_through", "2025-05-02", "authorization", "primary"),
            answer("portion_valid_through", "2027-03-01", "portion_validity", "primary"),
            answer("certification_expires", "2028-09-30", "certification_term", "primary"),
            answer("appeal_by", "2025-07-02", "appeal_window", "primary"),
        ],
    }
    assert out == as_json(expected)


@pytest.mark.parametrize(
    ("argv", "labels"),
    [
        (("--course", "2025-01-10"), ["course completed", "course valid through"]),
        (
            ("--course", "2025-01-10", "--att", "2025-02-01"),
            ["course completed", "course valid through", "ATT valid through"],
        ),
        (
            ("--course", "2025-01-10", "--passed", "2025-03-01"),
            ["course completed", "course valid through", "portion valid through"],
        ),
        (("--certified", "2025-08-01"), ["certification expires"]),
        (("--notified", "2025-06-02"), ["appeal by"]),
        (("--exam", "2025-06-02"), ["exam on", "result expected", "earliest retest"]),
    ],
)
def test_dates_answers_only_what_its_dates_ask(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], labels: list[str]
) -> None:
    """Each option adds its own answers and no other's."""
    code, out, _ = run(capsys, "dates", *argv)
    assert code == 0
    rows = out.splitlines()[3:]
    assert [row.split("  ")[0] for row in rows] == labels


def test_dates_refusals_name_the_option_and_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert usage(capsys, "dates") == (
        "emrpath dates: error: give at least one of --exam, --course, --att, --passed, "
        "--certified, --notified"
    )
    for option in ("--att", "--passed"):
        assert usage(capsys, "dates", option, "2025-01-01") == (
            "emrpath dates: error: --att and --passed need --course (the course completion date)"
        )
    for option in ("--exam", "--course", "--att", "--passed", "--certified", "--notified"):
        argv = ["--course", "2025-01-10"] if option in ("--att", "--passed") else []
        assert usage(capsys, "dates", *argv, option, "07/02/2026") == (
            f"emrpath dates: error: {option}: must be an ISO date YYYY-MM-DD (no time, no "
            'timezone), got string "07/02/2026" (rule: command-line date)'
        )
    assert invalid(capsys, "dates", "--exam", "9999-12-30") == (
        "emrpath: error: --exam: 9999-12-30 is outside this calendar's years (1990-2100); "
        "it will not guess (rule: business day)"
    )
    assert invalid(capsys, "dates", "--course", "2025-01-01", "--att", "2024-12-30") == (
        "emrpath: error: --att: issued 2024-12-30, before the course completion 2025-01-01 "
        "(rule: authorization to test)"
    )


def test_an_unknown_program_is_a_usage_error_citing_the_registry(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 15: an unknown --program is a usage error (exit 2) naming the flag as typed."""
    known = "'nremt-emr', 'nremt-emt', 'nremt-aemt', 'nremt-paramedic', 'ascp-mls'"
    for command in (
        ("dates", "--exam", "2025-06-02"),
        ("status", "--example", "--as-of", "2025-08-20"),
    ):
        assert usage(capsys, *command, "--program", "emt") == (
            f"emrpath {command[0]}: error: --program: unknown program 'emt'; expected one of "
            f"{known} (did you mean 'nremt-emt'?) (rule: program registry)"
        )
    assert usage(capsys, "programs", "emt") == (
        f"emrpath programs: error: NAME: unknown program 'emt'; expected one of {known} "
        "(did you mean 'nremt-emt'?) (rule: program registry)"
    )


# ---------------------------------------------------------------------------------------
# status: the document, its program and its refusals


def test_status_refusals_name_the_field_and_rule(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert usage(capsys, "status", CANDIDATE, "--example", "--as-of", "2025-08-20") == (
        f"emrpath status: error: give FILE ({CANDIDATE}) or --example, not both"
    )
    assert usage(capsys, "status", "--as-of", "2025-08-20") == (
        "emrpath status: error: give FILE (or - for stdin) or --example"
    )
    assert usage(capsys, "status", "--example", "--as-of", "2025-02-30") == (
        "emrpath status: error: --as-of: '2025-02-30' is not a date on the calendar "
        "(rule: command-line date)"
    )
    missing = str(tmp_path / "missing.json")
    assert invalid(capsys, "status", missing, "--as-of", "2025-08-20") == (
        f"emrpath: error: {missing}: cannot read the file: No such file or directory "
        "(rule: command line)"
    )
    certification = tmp_path / "certification.json"
    certification.write_text(
        ep.dumps(ep.Certification(dt.date.fromisoformat("2025-06-02")), program=ep.NREMT_EMR),
        encoding="utf-8",
    )
    assert invalid(capsys, "plan", str(certification), "--as-of", "2025-08-20") == (
        "emrpath: error: $.kind: plan reads a candidate document, not 'certification' "
        "(rule: command line)"
    )
    assert invalid(capsys, "status", str(certification), "--as-of", "2025-01-01") == (
        "emrpath: error: $.certified_on: 2025-06-02 is after as_of 2025-01-01; a record "
        "cannot hold facts from after the date it is evaluated on (rule: certification)"
    )


def test_a_recertification_record_names_its_fields_from_the_record(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A whole recertification record's fields keep their ``certification.`` prefix."""
    path = tmp_path / "record.json"
    path.write_text(
        json.dumps(
            {
                "schema_version": 2,
                "kind": "recertification_record",
                "program": "nremt-emr",
                "certification": {"certified_on": "2025-06-02"},
            }
        ),
        encoding="utf-8",
    )
    assert invalid(capsys, "status", str(path), "--as-of", "2025-01-01") == (
        "emrpath: error: $.certification.certified_on: 2025-06-02 is after as_of 2025-01-01; "
        "a record cannot hold facts from after the date it is evaluated on (rule: certification)"
    )


def test_status_of_a_bare_certification_is_its_recertification_status(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A certification document is evaluated as a record with no education and no exam
    attempts; its text and its JSON are the library's."""
    certification = ep.Certification(dt.date.fromisoformat("2023-08-10"))
    path = tmp_path / "certification.json"
    path.write_text(ep.dumps(certification, program=ep.NREMT_EMR), encoding="utf-8")
    expected = ep.recertification_status(
        certification, (), as_of=dt.date.fromisoformat("2026-10-15"), program=ep.NREMT_EMR
    )
    code, out, _ = run(capsys, "status", str(path), "--as-of", "2026-10-15")
    assert (code, out) == (0, f"{expected}\n")
    code, out, _ = run(capsys, "status", str(path), "--as-of", "2026-10-15", "--json")
    assert (code, out) == (0, f"{ep.dumps(expected)}\n")


def test_status_of_a_recertification_record_is_its_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The record's education and exam attempts count (the example's CE hours show)."""
    record = ep.loads(
        Path(RECERTIFICATION).read_bytes(), ep.RecertificationRecord, program=ep.NREMT_EMR
    )
    as_of = dt.date.fromisoformat("2026-05-01")
    expected = ep.recertification_status(
        record.certification,
        record.education,
        as_of=as_of,
        program=ep.NREMT_EMR,
        exam_attempts=record.exam_attempts,
    )
    code, out, _ = run(capsys, "status", RECERTIFICATION, "--as-of", "2026-05-01")
    assert (code, out) == (0, f"{expected}\n")
    code, out, _ = run(capsys, "status", RECERTIFICATION, "--as-of", "2026-05-01", "--json")
    assert (code, out) == (0, f"{ep.dumps(expected)}\n")


def test_status_of_a_candidate_is_its_pathway_status(capsys: pytest.CaptureFixture[str]) -> None:
    candidate = ep.loads(Path(CANDIDATE).read_bytes(), ep.Candidate, program=ep.NREMT_EMR)
    expected = ep.evaluate(
        candidate, as_of=dt.date.fromisoformat("2025-08-20"), program=ep.NREMT_EMR
    )
    code, out, _ = run(capsys, "status", CANDIDATE, "--as-of", "2025-08-20")
    assert (code, out) == (0, f"{expected}\n")


def test_a_version_1_document_names_every_program_and_the_rule(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads(Path(CANDIDATE).read_text(encoding="utf-8"))
    data["schema_version"] = 1
    del data["program"]
    path = tmp_path / "version-1.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert invalid(capsys, "status", str(path), "--as-of", "2025-08-20") == (
        "emrpath: error: --program: this candidate document names no program (schema_version "
        "1): pass --program KEY, one of nremt-emr, nremt-emt, nremt-aemt, nremt-paramedic, "
        "ascp-mls (rule: command line)"
    )
    code, out, _ = run(
        capsys, "status", str(path), "--as-of", "2025-08-20", "--program", "nremt-emr"
    )
    assert code == 0
    assert out.startswith("nremt-emr pathway on 2025-08-20\n")


def test_text_that_is_not_a_json_object_is_refused_as_loads_refuses_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for text in ("[1]", '"candidate"'):
        monkeypatch.setattr(sys, "stdin", io.StringIO(text))
        line = invalid(capsys, "status", "-", "--as-of", "2025-08-20")
        with pytest.raises(ep.EmrpathError) as refused:
            ep.loads(text)
        assert line == f"emrpath: error: {refused.value}"


def test_stdin_is_read_as_bytes_where_it_has_them(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real standard input is read through its byte buffer, so text that is not UTF-8 is
    the document's one clear error; a text stream (a notebook's, a test's) as its text."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"kind": "caf\xe9"}')))
    line = invalid(capsys, "status", "-", "--as-of", "2025-08-20")
    assert line.startswith("emrpath: error: $: not UTF-8 text"), line
    document = Path(CANDIDATE).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(document)))
    code, from_bytes, _ = run(capsys, "status", "-", "--as-of", "2025-08-20")
    assert code == 0
    assert from_bytes.startswith("nremt-emr pathway on 2025-08-20\n")
    # a lone surrogate in a text stream is not UTF-8 either, not a crash
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"kind": "\ud800"}'))
    line = invalid(capsys, "status", "-", "--as-of", "2025-08-20")
    assert line.startswith("emrpath: error: $: not UTF-8 text"), line


def test_an_example_a_program_lacks_is_refused_naming_the_option_and_rule(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import attrs

    toy = attrs.evolve(ep.NREMT_EMR, key="toy-emr")
    monkeypatch.setattr(ep.programs, "REGISTRY", {**ep.programs.REGISTRY, "toy-emr": toy})
    argv = ("status", "--example", "recertification", "--program", "toy-emr")
    assert invalid(capsys, *argv, "--as-of", "2026-05-01") == (
        "emrpath: error: --example: toy-emr ships no recertification example (rule: command line)"
    )


# ---------------------------------------------------------------------------------------
# plan


def test_plan_refusals_name_the_option_and_rule(capsys: pytest.CaptureFixture[str]) -> None:
    what_if = ("plan", "--course", "2024-01-05", "--first", "2026-01-10")
    for extra in ((CANDIDATE,), ("--example",), ("--as-of", "2026-01-01")):
        assert usage(capsys, *what_if, *extra) == (
            "emrpath plan: error: give --course and --first, or a candidate (FILE or --example)"
        )
    for half in (("--course", "2024-01-05"), ("--first", "2026-01-10")):
        assert usage(capsys, "plan", *half) == (
            "emrpath plan: error: a what-if plan needs both --course and --first"
        )
    for extra in (("--att", "2025-01-01"), ("--used", "1")):
        assert usage(capsys, "plan", "--example", "--as-of", "2025-08-20", *extra) == (
            "emrpath plan: error: --att and --used go with --course and --first"
        )
    assert usage(capsys, "plan", "--example") == (
        "emrpath plan: error: planning from a candidate needs --as-of DATE"
    )
    assert usage(capsys, *what_if, "--att", "2026-13-01") == (
        "emrpath plan: error: --att: '2026-13-01' is not a date on the calendar "
        "(rule: command-line date)"
    )
    for option in ("--course", "--first"):
        argv = list(what_if)
        argv[argv.index(option) + 1] = "2026-02-30"
        assert usage(capsys, *argv) == (
            f"emrpath plan: error: {option}: '2026-02-30' is not a date on the calendar "
            "(rule: command-line date)"
        )
    assert usage(capsys, "plan", "--example", "--as-of", "2026-02-30") == (
        "emrpath plan: error: --as-of: '2026-02-30' is not a date on the calendar "
        "(rule: command-line date)"
    )
    assert invalid(capsys, *what_if, "--used", "3") == (
        "emrpath: error: --used: 3 attempts used; the program allows 3 under one course, so a "
        "plan needs 0 to 2 used (after the last, a new full course, which starts a fresh "
        "count) (rule: attempt limit)"
    )


@pytest.mark.parametrize("text", ["two", "-1", "1.0", "0000000001", "\u0661", "", "9" * 5000])
def test_used_must_be_a_whole_number_of_at_most_nine_digits(
    capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """--used is a count of attempts in ASCII digits (an Arabic-Indic one is a digit to
    Python, not to the user's shell script); more than nine digits is no count of attempts."""
    what_if = ("plan", "--course", "2024-01-05", "--first", "2026-01-10")
    assert usage(capsys, *what_if, "--used", text) == (
        f"emrpath plan: error: --used: must be a whole number of attempts such as 1, got "
        f"{json.dumps(text)} (rule: command line)"
    )


def test_used_defaults_to_none_used_and_reads_leading_zeros(
    capsys: pytest.CaptureFixture[str],
) -> None:
    what_if = ("plan", "--course", "2024-01-05", "--first", "2026-01-10")
    code, out, _ = run(capsys, *what_if)
    assert code == 0
    assert out.splitlines()[0] == (
        "nremt-emr attempts: course completed 2024-01-05, qualifies through 2026-01-31; "
        "0 of 3 used"
    )
    code, out, _ = run(capsys, *what_if, "--used", "000000001")  # nine digits: a count
    assert code == 0
    assert out.splitlines()[0].endswith("; 1 of 3 used")


def test_a_what_if_plan_is_the_librarys_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    """The options are the arguments of ``plan_attempts``: --course the completion,
    --first the first attempt, --att its authorization, --used the attempts used, for
    --program."""
    expected = ep.plan_attempts(
        ep.CourseCompletion(dt.date.fromisoformat("2024-06-03")),
        dt.date.fromisoformat("2025-01-06"),
        program=ep.ASCP_MLS,
        authorization_issued_on=dt.date.fromisoformat("2024-12-02"),
        attempts_used=1,
    )
    argv = (
        "plan",
        "--program",
        "ascp-mls",
        "--course",
        "2024-06-03",
        "--first",
        "2025-01-06",
        "--att",
        "2024-12-02",
        "--used",
        "1",
    )
    code, out, _ = run(capsys, *argv)
    assert (code, out) == (0, f"{expected}\n")
    code, out, _ = run(capsys, *argv, "--json")
    assert (code, out) == (0, f"{ep.dumps(expected)}\n")


def test_a_plan_from_a_candidate_is_the_librarys_timeline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    candidate = ep.loads(Path(CANDIDATE).read_bytes(), ep.Candidate, program=ep.NREMT_EMR)
    as_of = dt.date.fromisoformat("2025-08-20")
    status = ep.evaluate(candidate, as_of=as_of, program=ep.NREMT_EMR)
    expected = timeline_after(candidate, status, program=ep.NREMT_EMR)
    code, out, _ = run(capsys, "plan", CANDIDATE, "--as-of", "2025-08-20")
    assert (code, out) == (0, f"{expected}\n")


def test_no_attempt_left_to_plan_says_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Design: "after the 3rd failure no further attempt is allowed until a new full EMR
    course is completed"; the refusal gives the cognitive gate's reasons."""
    candidate = ep.Candidate(
        course=ep.CourseCompletion(
            dt.date.fromisoformat("2025-01-10"), verified_on=dt.date.fromisoformat("2025-01-13")
        ),
        attempts=[
            ep.ExamAttempt(dt.date.fromisoformat(day), passed=False)
            for day in ("2025-02-01", "2025-03-01", "2025-04-01")
        ],
    )
    path = tmp_path / "candidate.json"
    path.write_text(ep.dumps(candidate, program=ep.NREMT_EMR), encoding="utf-8")
    status = ep.evaluate(
        candidate, as_of=dt.date.fromisoformat("2025-04-02"), program=ep.NREMT_EMR
    )
    reasons = status.gate("cognitive").reasons
    assert len(reasons) == 2  # the pending result, and the limit: joined by "; "
    assert invalid(capsys, "plan", str(path), "--as-of", "2025-04-02") == (
        "emrpath: error: $: no further attempt can be planned under this course: "
        + "; ".join(str(r) for r in reasons)
        + " (rule: attempt limit)"
    )


# ---------------------------------------------------------------------------------------
# programs and schema


def test_programs_lists_every_program_in_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "programs")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["program", "name", "body", "timezone", "edition"]
    assert set(lines[1]) == {"-", " "}
    programs = ep.programs.available()
    for line, program in zip(lines[2:], programs, strict=False):
        cells = [c.strip() for c in line.split("  ") if c.strip()]
        assert cells == [
            program.key,
            program.name,
            program.body,
            program.timezone,
            str(program.edition),
        ]
    assert lines[2 + len(programs) :] == [
        "",
        "emrpath programs NAME lists every parameter with its dates and sources.",
    ]


@pytest.mark.parametrize("program", ep.programs.available(), ids=lambda p: p.key)
def test_programs_name_prints_each_provision_with_its_source_quote_and_note(
    capsys: pytest.CaptureFixture[str], program: ep.Program
) -> None:
    """Issue 6: "every parameter of a program with effective dates, citation and
    confidence": a heading per parameter, then per provision its date, confidence and
    value, its source and quote, and its note where it has one."""
    code, out, _ = run(capsys, "programs", program.key)
    assert code == 0
    expected = [
        f"{program.key}: {program.name} ({program.body}); dates read in {program.timezone}",
        f"edition {program.edition}; holidays from {program.calendar.holiday_data}",
    ]
    for param in program.parameters():
        expected += ["", f"{param.name}: {param.description}"]
        for provision, row in zip(
            param.provisions,
            [r for r in parameter_rows(program) if r["parameter"] == param.name],
            strict=True,
        ):
            citation = provision.citation
            expected.append(
                f"  from {provision.effective_from.isoformat()} "
                f"[{provision.confidence.value}]: {row['value']}"
            )
            expected.append(f"    source: {citation.title} <{citation.url}>")
            expected.append(f'    quote:  "{citation.quote}"')
            if provision.note:
                expected.append(f"    note:   {provision.note}")
    assert out == "\n".join(expected) + "\n"


def test_programs_name_text_shows_a_value_and_a_provision_without_a_note(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "programs", "nremt-emr")
    assert code == 0
    lines = out.splitlines()
    at = lines.index("retest_wait: Wait between a cognitive attempt and the earliest retest")
    assert (
        lines[at + 1] == "  from 2015-01-01 [secondary]: 15 calendar days after the last attempt"
    )
    assert lines[at + 2] == (
        "    source: EMTprep: the NREMT cognitive exam policies "
        "<https://emtprep.com/extra/nremt-exams/the-nremt-cognitive-exam-policies>"
    )
    assert lines[at + 3] == (
        '    quote:  "If you are unsuccessful you can retest 15 days after the last attempt."'
    )
    assert lines[at + 4].startswith("    note:   Primary wording not found.")
    noteless = [
        (param.name, p)
        for param in ep.NREMT_EMR.parameters()
        for p in param.provisions
        if not p.note
    ]
    for name, provision in noteless:
        at = lines.index(f'    quote:  "{provision.citation.quote}"')
        assert not lines[at + 1].startswith("    note:"), name


def test_programs_name_json_spells_out_every_value(capsys: pytest.CaptureFixture[str]) -> None:
    """A value is JSON data: attrs classes as their fields with a ``type`` and the
    description the text shows, enums as their values, sets sorted, decimals as strings,
    tuples as lists, ``None`` as null."""
    code, out, _ = run(capsys, "programs", "nremt-emr", "--json")
    assert code == 0
    assert out == as_json(json.loads(out))  # indented by 2, characters as they are
    data = json.loads(out)
    program = ep.NREMT_EMR
    assert {k: v for k, v in data.items() if k != "parameters"} == {
        "schema_version": SCHEMA_VERSION,
        "kind": "program",
        "key": "nremt-emr",
        "name": program.name,
        "body": program.body,
        "timezone": "America/New_York",
        "edition": str(program.edition),
        "holiday_data": program.calendar.holiday_data,
    }
    parameters = {p["name"]: p for p in data["parameters"]}
    posting = parameters["result_posting"]
    assert posting["description"] == program.result_posting.description
    (provision,) = posting["provisions"]
    (source,) = program.result_posting.provisions
    assert provision == {
        "effective_from": "2015-01-01",
        "value": {
            "type": "ResultPosting",
            "business_days": 2,
            "held_until": ["course_verified", "skills_passed"],
            "description": source.value.describe(),
        },
        "confidence": "secondary",
        "citation": {
            "url": source.citation.url,
            "title": source.citation.title,
            "quote": source.citation.quote,
        },
        "note": source.note,
    }
    scale = parameters["score_scale"]["provisions"]
    assert scale[0]["value"] is None
    assert scale[1]["value"] == {
        "type": "ScoreScale",
        "minimum": 100,
        "maximum": 1500,
        "passing": 950,
        "failing_only": True,
        "description": "integer scaled score 100-1500, passing at 950, reported to failing "
        "candidates only",
    }
    assert parameters["attempt_limit"]["provisions"][0]["value"]["after_limit"] == "new_course"
    ce = parameters["ce_requirement"]["provisions"][-1]["value"]
    ce_source = program.ce_requirement.provisions[-1]
    assert ce["type"] == "CeRequirement"
    assert ce["total"] == str(ce_source.value.total)
    assert isinstance(ce["components"], list)
    assert [c["name"] for c in ce["components"]] == [c.name for c in ce_source.value.components]
    assert [c["minimum"] for c in ce["components"]] == [
        str(c.minimum) for c in ce_source.value.components
    ]


def test_schema_prints_the_schema_itself_and_the_document_with_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "schema", "certification")
    assert (code, out) == (0, as_json(ep.json_schema("certification")))
    code, out, _ = run(capsys, "schema")  # KIND defaults to candidate
    assert (code, out) == (0, as_json(ep.json_schema("candidate")))
    code, out, _ = run(capsys, "schema", "--json")
    assert (code, out) == (
        0,
        as_json(
            {
                "schema_version": SCHEMA_VERSION,
                "kind": "json_schema",
                "document_kind": "candidate",
                "schema": ep.json_schema("candidate"),
            }
        ),
    )
    line = usage(capsys, "schema", "nonsense")
    assert line.startswith("emrpath schema: error: KIND: unknown document kind 'nonsense'; ")
    assert line.endswith(" (rule: JSON document)")


# ---------------------------------------------------------------------------------------
# the parser: commands, options, their defaults and what --help says of them


def help_text(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(capsys, *argv, "--help")
    assert (code, err) == (0, "")
    return " ".join(out.split())


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """argparse wraps --help to the terminal: no wrapping, so sentences read whole."""
    monkeypatch.setenv("COLUMNS", "1000")


KEYS = "nremt-emr, nremt-emt, nremt-aemt, nremt-paramedic, ascp-mls"
DOCUMENT_PROGRAM = (
    f"--program KEY the program: one of {KEYS}. A document is read under the program it "
    "names: --program names the program of a version-1 document (which names none), is "
    "an error if it contradicts the document, and picks the --example (without it: the "
    "nremt-emr example, which names nremt-emr)"
)


@pytest.mark.usefixtures("wide")
def test_help_says_what_every_command_is_for(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_text(capsys)
    assert f"Certification pathway rules as exact, cited dates; programs: {KEYS}." in text
    assert "--version print the version and exit" in text
    assert (
        "Dates are ISO YYYY-MM-DD. Exit codes: 0 ok, 1 invalid input, 2 usage, 130 interrupted."
    ) in text
    for command, summary in (
        ("status", "where a candidate or a certification stands on a date"),
        ("plan", "the what-if timeline of the remaining attempts"),
        ("dates", "quick answers for single dates"),
        ("programs", "the programs, or every parameter of one"),
        ("schema", "the JSON Schema of an input document"),
    ):
        assert f"{command} {summary}" in text


@pytest.mark.usefixtures("wide")
def test_help_of_status_and_plan(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_text(capsys, "status")
    for fragment in (
        "Evaluate a candidate (gates, dates, reasons) or a certification's recertification "
        "cycle on --as-of, under the program the document names.",
        "FILE a JSON document; - for stdin",
        "--example [{candidate,recertification}] read a bundled example document (candidate, "
        "the default, or recertification) of --program, or of nremt-emr without it",
        "--as-of DATE the date asked about",
        DOCUMENT_PROGRAM + " --json",
        "--json print the status as JSON",
    ):
        assert fragment in text
    text = help_text(capsys, "plan")
    for fragment in (
        "Every remaining attempt on its earliest date, assuming the one before it fails: "
        "from a candidate on --as-of, or from --course and --first.",
        "FILE a JSON document; - for stdin",
        "--example [{candidate}] plan for the bundled example candidate of --program, or of "
        "nremt-emr",
        "--as-of DATE the date of the plan (with a candidate)",
        "--course DATE what-if: the course completion date",
        "--first DATE what-if: the first planned attempt",
        "--att DATE what-if: the first attempt's ATT issue date",
        "--used N what-if: attempts already used (default 0)",
        DOCUMENT_PROGRAM + "; a what-if plan is for --program (default nremt-emr) --json",
        "--json print the timeline as JSON",
    ):
        assert fragment in text


@pytest.mark.usefixtures("wide")
def test_help_of_dates_programs_and_schema(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_text(capsys, "dates")
    for fragment in (
        "Result date, retest date, course and authorization expiry, portion validity, "
        "certification expiry and appeal deadline, each with its parameter.",
        "--exam DATE an exam date",
        "--course DATE a course completion date",
        "--att DATE an authorization to test's issue date",
        "--passed DATE the pass date of an exam or skills portion",
        "--certified DATE a certification's issue date",
        "--notified DATE the date a decision was notified",
        f"--program KEY the program: one of {KEYS} (default nremt-emr) --json",
        "--json print the answers as JSON",
    ):
        assert fragment in text
    text = help_text(capsys, "programs")
    for fragment in (
        "Every parameter of a program with its effective dates, value, citation and confidence.",
        "NAME a program key",
        "--json print as JSON",
    ):
        assert fragment in text
    text = help_text(capsys, "schema")
    kinds = ", ".join(ep.jsonio.INPUT_KINDS)
    for fragment in (
        f"The JSON Schema of a document kind: {kinds} (the input documents) or any other kind.",
        "--json the schema inside a versioned JSON document",
    ):
        assert fragment in text


def test_the_options_and_their_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    """--example alone is the candidate; --json is off by default; KIND is candidate."""
    code, alone, _ = run(capsys, "status", "--example", "--as-of", "2025-08-20")
    code2, named, _ = run(capsys, "status", "--example", "candidate", "--as-of", "2025-08-20")
    assert (code, code2, alone) == (0, 0, named)
    assert alone.startswith("nremt-emr pathway on 2025-08-20\n")
    code, out, _ = run(capsys, "plan", "--example", "--as-of", "2025-08-20")
    assert code == 0
    assert out.startswith("nremt-emr attempts: ")
    code, out, _ = run(capsys, "status", "--example", "recertification", "--as-of", "2026-05-01")
    assert code == 0
    assert out.startswith("nremt-emr recertification on 2026-05-01: ")
    code, last, _ = run(capsys, "status", "--as-of", "2026-05-01", "--example", "recertification")
    assert (code, last) == (0, out)  # an example name as the last word is still the example
    # after --, a word is FILE even if it names an example
    assert usage(capsys, "status", "--as-of", "2025-08-20", "--example", "--", "candidate") == (
        "emrpath status: error: give FILE (candidate) or --example, not both"
    )


def test_no_command_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "usage: emrpath [-h] [--version] COMMAND ...",
        "emrpath: error: a COMMAND is required (status, plan, dates, programs, schema)",
    ]
    code, out, err = run(capsys, "--version")
    assert (code, out, err) == (0, f"emrpath {ep.__version__}\n", "")


def test_help_is_exit_0_and_an_argparse_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "dates", "--help")
    assert code == 0
    assert out.startswith("usage: emrpath dates ")
    assert usage(capsys, "dates", "--exam") == (
        "emrpath dates: error: argument --exam: expected one argument"
    )


# ---------------------------------------------------------------------------------------
# output: the encoding of the stream written to


class _Stream(io.StringIO):
    """A text stream with a given encoding, as a console or a pipe may have."""

    def __init__(self, encoding: str | None) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str | None:  # type: ignore[override]
        return self._encoding


TOY_NAME = "Toy \u2013 \u2265 \u2192 \u2026 \u2603 \U0001f600 \xe9 \uffff \U00010000"


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> ep.Program:
    """A program whose name holds characters a narrow encoding cannot show."""
    import attrs

    program = attrs.evolve(ep.NREMT_EMR, key="toy-emr", name=TOY_NAME)
    monkeypatch.setattr(ep.programs, "REGISTRY", {**ep.programs.REGISTRY, "toy-emr": program})
    return program


def printed(monkeypatch: pytest.MonkeyPatch, encoding: str | None, *argv: str) -> str:
    """What ``emrpath ARGV`` writes to a standard output of ``encoding``."""
    stream = _Stream(encoding)
    monkeypatch.setattr(sys, "stdout", stream)
    assert main(list(argv)) == 0
    return stream.getvalue()


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("ascii", "Toy - >= -> ... \\u2603 \\U0001f600 \\xe9 \\uffff \\U00010000"),
        ("latin-1", "Toy - >= -> ... \\u2603 \\U0001f600 \xe9 \\uffff \\U00010000"),
        ("utf-8", TOY_NAME),
        (None, TOY_NAME),
        ("no-such-codec", "Toy - >= -> ... \\u2603 \\U0001f600 \\xe9 \\uffff \\U00010000"),
    ],
)
def test_text_shows_what_the_encoding_cannot_as_ascii(
    monkeypatch: pytest.MonkeyPatch, toy: ep.Program, encoding: str | None, expected: str
) -> None:
    """Issue 15: where the output encoding cannot show a character, text shows its ASCII
    equivalent, or its backslash escape where it has none; an encoding Python does not
    know is read as ASCII, and a stream that names none as UTF-8."""
    out = printed(monkeypatch, encoding, "programs", "toy-emr")
    assert out.splitlines()[0] == f"toy-emr: {expected} ({toy.body}); dates read in {toy.timezone}"


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        (
            "ascii",
            "Toy \\u2013 \\u2265 \\u2192 \\u2026 \\u2603 \\ud83d\\ude00 \\u00e9 \\uffff "
            "\\ud800\\udc00",
        ),
        (
            "latin-1",
            "Toy \\u2013 \\u2265 \\u2192 \\u2026 \\u2603 \\ud83d\\ude00 \xe9 \\uffff "
            "\\ud800\\udc00",
        ),
        ("utf-8", TOY_NAME),
    ],
)
def test_json_escapes_what_the_encoding_cannot_and_reads_back_the_same(
    monkeypatch: pytest.MonkeyPatch, toy: ep.Program, encoding: str, expected: str
) -> None:
    """Issue 15: JSON where the encoding cannot show a character escapes it (a character
    beyond the Basic Multilingual Plane as its surrogate pair, as JSON spells it), so the
    document reads back as the same data."""
    out = printed(monkeypatch, encoding, "programs", "toy-emr", "--json")
    assert f'  "name": "{expected}",\n' in out
    assert json.loads(out)["name"] == TOY_NAME


def test_every_ascii_equivalent(monkeypatch: pytest.MonkeyPatch) -> None:
    import attrs

    name = "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2192\u2264\u2265\xa0\xa7\xb1\xd7"
    program = attrs.evolve(ep.NREMT_EMR, key="toy-emr", name=name)
    monkeypatch.setattr(ep.programs, "REGISTRY", {**ep.programs.REGISTRY, "toy-emr": program})
    out = printed(monkeypatch, "ascii", "programs", "toy-emr")
    assert out.splitlines()[0].startswith("toy-emr: ---''\"\"...-><=>= S+/-x (")


def test_an_error_line_is_shown_in_the_encoding_of_stderr(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = _Stream("ascii")
    monkeypatch.setattr(sys, "stderr", stream)
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"schema_version": 2, "kind": "x\u2013y"}'))
    assert main(["status", "-", "--as-of", "2025-08-20"]) == 1
    line = stream.getvalue()
    assert line.startswith("emrpath: error: $.kind: unknown document kind 'x-y'; known: ")
    assert line.endswith(" (rule: JSON document)\n")


# ---------------------------------------------------------------------------------------
# the end of the output: an interrupt, a closed pipe, a full disk (in process)


class _Failing(io.StringIO):
    """A stream whose reads and writes raise ``error``; ``fileno`` is a real descriptor.

    Put in place of the process's own stream (``sys.__stdout__``), it must stop failing
    once ``main`` has returned (``disarm``): a test runner may write there too.
    """

    def __init__(self, error: BaseException, descriptor: int = -1) -> None:
        super().__init__()
        self.error: BaseException | None = error
        self.descriptor = descriptor

    def disarm(self) -> None:
        self.error = None

    def read(self, size: int | None = -1) -> str:
        if self.error is not None:
            raise self.error
        return super().read(size)

    def write(self, text: str) -> int:
        if self.error is not None:
            raise self.error
        return super().write(text)

    def fileno(self) -> int:
        return self.descriptor


def run_disarmed(stream: _Failing, argv: list[str]) -> int:
    """``main(argv)`` with ``stream`` failing, then no longer failing."""
    try:
        return main(argv)
    finally:
        stream.disarm()


def _is_null_device(descriptor: int) -> bool:
    import os

    return os.path.samestat(os.fstat(descriptor), os.stat(os.devnull))


@pytest.fixture
def descriptor(tmp_path: Path) -> Any:
    """A file descriptor of the test's own (a file, not the null device), closed after."""
    import os

    fd = os.open(tmp_path / "out.txt", os.O_WRONLY | os.O_CREAT)
    assert not _is_null_device(fd)
    yield fd
    os.close(fd)


def test_an_interrupt_is_exit_130_and_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: Ctrl-C while reading stdin is exit code 130, ``emrpath: interrupted``."""
    monkeypatch.setattr(sys, "stdin", _Failing(KeyboardInterrupt()))
    code, out, err = run(capsys, "status", "-", "--as-of", "2025-08-20")
    assert (code, out, err) == (130, "", "emrpath: interrupted\n")


def test_output_that_cannot_be_written_is_exit_1_and_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: "emrpath programs > /dev/full -> OSError traceback": one line, exit 1."""
    import errno

    full = OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(sys, "stdout", _Failing(full))
    code = main(["programs"])
    assert code == 1
    assert capsys.readouterr().err == (
        "emrpath: error: cannot write the output: No space left on device\n"
    )
    monkeypatch.setattr(sys, "stdout", _Failing(OSError("no errno")))
    assert main(["programs"]) == 1
    assert capsys.readouterr().err == "emrpath: error: cannot write the output: no errno\n"
    # stderr unwritable too: the exit code is all that is left
    monkeypatch.setattr(sys, "stderr", _Failing(full))
    assert main(["programs"]) == 1


def test_a_closed_pipe_is_exit_0_and_silent(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: broken pipes (``emrpath programs nremt-emr | head``) end quietly, and an
    error line to a closed stderr keeps its exit code."""
    monkeypatch.setattr(sys, "stdout", _Failing(BrokenPipeError()))
    assert main(["programs"]) == 0
    monkeypatch.setattr(sys, "stdin", _Failing(BrokenPipeError()))
    assert main(["status", "-", "--as-of", "2025-08-20"]) == 0
    monkeypatch.setattr(sys, "stderr", _Failing(BrokenPipeError()))
    assert main(["dates", "--exam", "9999-12-30"]) == 1
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("name", ["stdout", "stderr"])
def test_a_closed_pipe_points_the_process_stream_at_the_null_device(
    monkeypatch: pytest.MonkeyPatch, descriptor: int, name: str
) -> None:
    """Python flushes standard output once more as it exits: after a broken pipe the
    process's own stream is pointed at the null device, so that flush cannot fail."""
    stream = _Failing(BrokenPipeError(), descriptor)
    monkeypatch.setattr(sys, name, stream)
    monkeypatch.setattr(sys, f"__{name}__", stream)
    argv = ["programs"] if name == "stdout" else ["dates", "--exam", "9999-12-30"]
    assert run_disarmed(stream, argv) == (0 if name == "stdout" else 1)
    assert _is_null_device(descriptor)


def test_a_read_that_fails_with_a_broken_pipe_silences_the_process_stdout(
    monkeypatch: pytest.MonkeyPatch, descriptor: int
) -> None:
    stream = _Failing(BrokenPipeError(), descriptor)
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setattr(sys, "__stdout__", stream)
    monkeypatch.setattr(sys, "stdin", _Failing(BrokenPipeError()))
    assert run_disarmed(stream, ["status", "-", "--as-of", "2025-08-20"]) == 0
    assert _is_null_device(descriptor)


def test_a_full_disk_points_the_process_stdout_at_the_null_device(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, descriptor: int
) -> None:
    import errno

    stream = _Failing(OSError(errno.ENOSPC, "No space left on device"), descriptor)
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setattr(sys, "__stdout__", stream)
    assert run_disarmed(stream, ["programs"]) == 1
    assert _is_null_device(descriptor)
    assert capsys.readouterr().err.startswith("emrpath: error: cannot write the output: ")


def test_a_stream_a_caller_put_in_place_is_left_alone(
    monkeypatch: pytest.MonkeyPatch, descriptor: int
) -> None:
    """Only the process's own standard streams are touched: a caller's buffer is theirs."""
    monkeypatch.setattr(sys, "stdout", _Failing(BrokenPipeError(), descriptor))
    assert main(["programs"]) == 0
    assert not _is_null_device(descriptor)


@pytest.mark.parametrize("fileno", [ValueError("closed"), OSError("no descriptor")])
def test_a_process_stream_without_a_descriptor_is_left_as_it_is(
    monkeypatch: pytest.MonkeyPatch, fileno: Exception
) -> None:
    class NoDescriptor(_Failing):
        def fileno(self) -> int:
            raise fileno

    stream = NoDescriptor(BrokenPipeError())
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setattr(sys, "__stdout__", stream)
    assert run_disarmed(stream, ["programs"]) == 0


def test_a_schema_is_json_with_or_without_json(monkeypatch: pytest.MonkeyPatch) -> None:
    """``schema`` prints JSON either way, so a character the encoding cannot show is its
    ``\\u`` escape (the schema reads back the same), never an ASCII look-alike."""
    schema = ep.json_schema("candidate")
    assert "\u2026" in json.dumps(schema, ensure_ascii=False)
    out = printed(monkeypatch, "ascii", "schema", "candidate")
    assert "\\u2026" in out
    assert json.loads(out) == schema


def test_without_arguments_main_reads_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["emrpath", "--version"])
    assert main() == 0
    assert capsys.readouterr().out == f"emrpath {ep.__version__}\n"
    monkeypatch.setattr(sys, "argv", ["emrpath", "dates", "--notified", "2025-06-02", "--json"])
    assert main() == 0
    assert json.loads(capsys.readouterr().out)["answers"][0]["date"] == "2025-07-02"


def test_a_usage_error_shows_printable_characters_as_they_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Only control characters are escaped in a usage error; a printable one (a letter
    beyond ASCII, a backslash) is the argument as typed."""
    code, out, err = run(capsys, "dates", "--exam", "2025-06-02", "caf\xe9\\x")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == "emrpath: error: unrecognized arguments: caf\xe9\\x"


def test_a_value_of_a_type_the_json_does_not_know_is_its_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A program built outside emrpath may hold its own rule types: a field no edition
    compares (``eq=False``) may hold any value, shown as its text in ``programs --json``."""
    import attrs

    from emrpath.params import Param

    @attrs.frozen
    class Spelled:
        days: int
        spelled: object = attrs.field(eq=False)

        def describe(self) -> str:
            return "30 days, spelled out"

    source = ep.NREMT_EMR.appeal_window.provisions[0]
    param = Param.single(
        "appeal_window",
        "a rule of the program's own type",
        Spelled(30, dt.timedelta(days=30)),
        effective_from=dt.date(2015, 1, 1),
        citation=source.citation,
        confidence=source.confidence,
    )
    toy = attrs.evolve(ep.NREMT_EMR, key="toy-emr", appeal_window=param)
    monkeypatch.setattr(ep.programs, "REGISTRY", {**ep.programs.REGISTRY, "toy-emr": toy})
    code, out, _ = run(capsys, "programs", "toy-emr", "--json")
    assert code == 0
    (appeal,) = [p for p in json.loads(out)["parameters"] if p["name"] == "appeal_window"]
    assert appeal["provisions"][0]["value"] == {
        "type": "Spelled",
        "days": 30,
        "spelled": "30 days, 0:00:00",
        "description": "30 days, spelled out",
    }


def test_as_of_is_required_by_status_and_example_names_are_choices(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Nothing reads the clock: ``status`` requires --as-of, as argparse says. An example
    is one of the names each command ships (status: candidate or recertification; plan:
    candidate); an unambiguous abbreviation of --example alone is the candidate."""
    assert usage(capsys, "status", "--example") == (
        "emrpath status: error: the following arguments are required: --as-of"
    )
    for argv in (
        ("status", "--example=other", "--as-of", "2025-08-20"),
        ("plan", "--example=recertification", "--as-of", "2025-08-20"),
    ):
        line = usage(capsys, *argv)
        assert line.startswith(f"emrpath {argv[0]}: error: argument --example: invalid choice: ")
    code, abbreviated, _ = run(capsys, "status", "--exa", "--as-of", "2025-08-20")
    code2, example, _ = run(capsys, "status", "--example", "candidate", "--as-of", "2025-08-20")
    assert (code, code2, abbreviated) == (0, 0, example)


def test_a_rule_not_in_force_on_the_first_attempt_names_first(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error about a rule read on the first attempt's date (here: no result-posting
    provision in force yet) is the --first the user typed, not the rule's parameter."""
    import attrs

    from emrpath.params import Param

    posting = ep.NREMT_EMR.result_posting
    source = posting.provisions[0]
    later = Param.single(
        "result_posting",
        posting.description,
        source.value,
        effective_from=dt.date(2026, 1, 1),
        citation=source.citation,
        confidence=source.confidence,
    )
    toy = attrs.evolve(ep.NREMT_EMR, key="toy-emr", result_posting=later)
    monkeypatch.setattr(ep.programs, "REGISTRY", {**ep.programs.REGISTRY, "toy-emr": toy})
    argv = ("plan", "--program", "toy-emr", "--course", "2025-01-10", "--first")
    assert invalid(capsys, *argv, "2025-02-06") == (
        "emrpath: error: --first: no provision in force on 2025-02-06; the first takes effect "
        f"2026-01-01 (rule: {posting.description})"
    )
    code, out, _ = run(capsys, *argv, "2026-02-06")
    assert code == 0
    assert out.startswith("toy-emr attempts: course completed 2025-01-10")


def test_a_plan_past_the_calendar_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A candidate whose next attempt would fall after the calendar's last year: the
    planner refuses to guess, in one line, as evaluating does, naming the option that set
    the plan's start (--as-of), not a parameter of the library's planner."""
    path = tmp_path / "late.json"
    path.write_text(
        json.dumps(
            {
                "schema_version": 2,
                "kind": "candidate",
                "program": "nremt-emr",
                "course": {"completed_on": "2099-06-01", "verified_on": "2099-06-02"},
                "attempts": [{"taken_on": "2100-12-20", "passed": False}],
            }
        ),
        encoding="utf-8",
    )
    for as_of in ("2100-12-28", "2100-12-31"):
        assert invalid(capsys, "plan", str(path), "--as-of", as_of) == (
            "emrpath: error: --as-of: 2101-01-04 is outside this calendar's years "
            "(1990-2100); it will not guess (rule: business day)"
        )


def test_a_contradicting_program_is_refused_in_full(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 12: "A `--program` that contradicts the document is an error (exit 1), never an
    override": the line says why and what to do."""
    path = str(EXAMPLES / "ascp-mls-candidate.json")
    assert invalid(capsys, "status", path, "--as-of", "2025-08-20", "--program", "nremt-emr") == (
        "emrpath: error: --program: 'nremt-emr' contradicts the document, which names "
        "'ascp-mls'; a document is read under its own program's rules (leave --program out) "
        "(rule: command line)"
    )


@pytest.mark.usefixtures("wide")
def test_the_usage_of_schema_names_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema", "--help")
    assert code == 0
    assert out.splitlines()[0] == "usage: emrpath schema [-h] [--json] [KIND]"


def test_a_what_if_plan_missing_an_option_is_refused_before_its_dates_are_read(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The missing option is the error, whatever the other holds."""
    for half in (("--course", "2025-02-30"), ("--first", "2025-02-30")):
        assert usage(capsys, "plan", *half) == (
            "emrpath plan: error: a what-if plan needs both --course and --first"
        )


def test_a_stream_without_an_encoding_is_written_as_utf_8(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A caller's stream that names no encoding (a bare writer) gets UTF-8 text."""

    class Writer:
        def __init__(self) -> None:
            self.parts: list[str] = []

        def write(self, text: str) -> int:
            self.parts.append(text)
            return len(text)

        def flush(self) -> None:
            pass

    writer = Writer()
    monkeypatch.setattr(sys, "stdout", writer)
    assert main(["programs", "nremt-emr"]) == 0
    assert "\u2013" in "".join(writer.parts)


def test_after_a_double_dash_example_is_a_file_name(capsys: pytest.CaptureFixture[str]) -> None:
    """``--`` ends the options: a FILE named ``--example`` is read as a file."""
    assert invalid(capsys, "status", "--as-of", "2025-08-20", "--", "--example") == (
        "emrpath: error: --example: cannot read the file: No such file or directory "
        "(rule: command line)"
    )
