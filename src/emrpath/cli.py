"""The ``emrpath`` command: the library's answers on the command line.

Subcommands:

- ``emrpath status FILE --as-of DATE``: where a candidate (or a certification in its
  recertification cycle) stands: gates, dates and reasons as a table, or ``--json``.
  ``--example`` reads a bundled example instead of FILE; ``FILE`` ``-`` reads stdin.
- ``emrpath plan FILE --as-of DATE`` (or ``--example``), or ``emrpath plan --course DATE
  --first DATE``: the what-if timeline of the remaining attempts, each on its earliest
  date, and whether each still fits the course window and its authorization to test.
- ``emrpath dates --exam DATE`` (and ``--course``, ``--att``, ``--passed``,
  ``--certified``, ``--notified``): the quick answers for single dates.
- ``emrpath programs [NAME]``: the programs, or every parameter of one with its effective
  dates, value, citation and confidence.
- ``emrpath schema [KIND]``: the JSON Schema of an input document.

A document is read under the program it names (its ``"program"``): ``--program`` names
the program of a version-1 document, which names none, and one that contradicts the
document is an error, never an override. ``--example`` is the example document of
``--program``, or without it the nremt-emr example (which names nremt-emr). Commands that
read no document answer for ``--program``, nremt-emr when it is not given, and name it on
their first line.

Exit codes: 0 success; 1 invalid input (one line ``emrpath: error: ...`` on stderr, no
traceback); 2 usage (argparse's message; also a command-line value that cannot be read,
such as a date that is not ISO or an unknown program key, named as the flag was typed);
130 interrupted. No traceback ever: see :func:`main`. Every ``--json`` output is a
versioned document with ``schema_version`` and ``kind``. Dates are ISO ``YYYY-MM-DD``;
nothing reads the clock, so ``status`` needs ``--as-of``.

Example:
    >>> main(["dates", "--exam", "2026-07-02"])
    nremt-emr quick dates
    answer           date        parameter       source
    ---------------  ----------  --------------  ---------
    exam on          2026-07-02
    result expected  2026-07-07  result_posting  secondary
    earliest retest  2026-07-17  retest_wait     secondary
    0
    >>> main(["dates", "--exam", "07/02/2026"])  # stderr: emrpath dates: error: --exam: ...
    2
    >>> main(["dates", "--exam", "9999-12-30"])  # stderr: emrpath: error: --exam: ... calendar
    1
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import enum
import json
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, TypeVar, cast

import attrs

from emrpath.errors import EmrpathError, InvalidRecordError

if TYPE_CHECKING:
    from emrpath.program import Program

__all__ = ["main"]

_RULE = "command line"
_EXAMPLES = ("candidate", "recertification")
_STATUS_KINDS = ("candidate", "certification", "recertification_record")
_COMMANDS = "status, plan, dates, programs, schema"
# The program a command that reads no document answers for when --program is not given.
# Every output names its program on its first line; a document's own program always wins.
_DEFAULT_PROGRAM = "nremt-emr"
_V = TypeVar("_V")


class _UsageError(Exception):
    """A usage error found after parsing (exit 2, like argparse's own).

    Also a command-line value that cannot be read (a date that is not ISO, an unknown
    program key, a count that is not a number): the message names the option as typed.
    """


def _usage(err: EmrpathError, field: str) -> _UsageError:
    """``err``, about the command-line value of ``field``, as a usage error naming it."""
    return _UsageError(str(type(err)(err.message, field=field, rule=err.rule)))


def _program(key: str | None, field: str = "--program") -> Program:
    """The registered program ``key`` names (``None``: the command line's default)."""
    from emrpath.programs import get

    try:
        return get(_DEFAULT_PROGRAM if key is None else key)
    except EmrpathError as err:
        raise _usage(err, field) from None


def _date(text: str | None, option: str) -> dt.date | None:
    from emrpath._dates import iso_date

    if text is None:
        return None
    try:
        return iso_date(text, field=option, rule="command-line date")
    except EmrpathError as err:
        raise _usage(err, option) from None


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    """Rows as aligned columns under a header and a rule (the library's table renderer)."""
    from emrpath._table import cell, text_table

    head, rule, lines = text_table(header, [[cell(v) for v in row] for row in rows])
    return [head, rule, *lines]


def _envelope(kind: str) -> dict[str, Any]:
    """The envelope of a ``--json`` output the command line writes itself.

    Every ``--json`` output is a versioned document: ``status`` and ``plan`` write the
    library's documents (:func:`emrpath.dumps`); ``dates``, ``programs`` and ``schema``
    write these, with the same ``schema_version`` and their own ``kind``.
    """
    from emrpath.jsonio import SCHEMA_VERSION

    return {"schema_version": SCHEMA_VERSION, "kind": kind}


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


# ---------------------------------------------------------------------------------------
# status


def _read_document(args: argparse.Namespace) -> bytes:
    """The document's bytes: a bundled example, stdin (``-``) or a file.

    Bytes, not text, so that :func:`emrpath.loads` reports text that is not UTF-8 as one
    clear error, wherever it comes from. ``--example`` is the example document of
    ``--program`` (of the default program without it); the example names its program.
    """
    if args.example is not None:
        if args.file is not None:
            raise _UsageError(f"give FILE ({args.file}) or --example, not both")
        program = _program(args.program)
        found = resources.files("emrpath") / "examples" / f"{program.key}-{args.example}.json"
        if not found.is_file():  # a program ships at least its example candidate
            raise InvalidRecordError(
                f"{program.key} ships no {args.example} example",
                field="--example",
                rule=_RULE,
            )
        return found.read_bytes()
    if args.file is None:
        raise _UsageError("give FILE (or - for stdin) or --example")
    if args.file == "-":
        stdin = sys.stdin
        buffer = getattr(stdin, "buffer", None)
        if buffer is not None:
            return bytes(buffer.read())
        return stdin.read().encode("utf-8", "surrogatepass")  # a text stream (tests)
    try:
        with open(args.file, "rb") as handle:
            return handle.read()
    except OSError as err:
        raise InvalidRecordError(
            f"cannot read the file: {err.strerror or err}", field=args.file, rule=_RULE
        ) from None


def _either(names: Sequence[str]) -> str:
    """``a, b or c``."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _document(args: argparse.Namespace, kinds: Sequence[str]) -> tuple[bytes, Any, Program]:
    """FILE (or ``--example``): its bytes, the record they hold and the program it is read under.

    A document is read under the program it names; ``--program`` names the program of a
    version-1 document, which names none, and one that contradicts the document is an
    error, never an override. Only ``kinds`` of document are read.
    """
    from emrpath.jsonio import document_program, from_json_data, read_json
    from emrpath.programs import REGISTRY

    raw = _read_document(args)
    data = read_json(raw)  # read once, strictly: every check of loads()
    # The envelope is checked here (text that is no JSON object: refused as loads() does).
    named = document_program(data if isinstance(data, dict) else raw)
    kind = cast(dict[str, Any], data)["kind"]
    if kind not in kinds:
        raise InvalidRecordError(
            f"{args.command} reads a {_either(kinds)} document, not {kind!r}",
            field="$.kind",
            rule=_RULE,
        )
    given = None if args.program is None else _program(args.program)
    if named is None:
        if given is None:
            raise InvalidRecordError(
                f"this {kind} document names no program (schema_version 1): pass "
                f"--program KEY, one of {', '.join(REGISTRY)}",
                field="--program",
                rule=_RULE,
            )
        program = given
    elif given is not None and given.key != named.key:
        raise InvalidRecordError(
            f"{given.key!r} contradicts the document, which names {named.key!r}; a "
            "document is read under its own program's rules (leave --program out)",
            field="--program",
            rule=_RULE,
        )
    else:
        program = named
    return raw, from_json_data(data, kind, program=program), program


def _in_document(raw: bytes, evaluate: Callable[[], _V], *, root: str = "") -> _V:
    """``evaluate()``, with an error about the record pointed at the document ``raw``.

    A record keeps its attempts (and authorizations, history) in date order, so an error
    raised while evaluating it counts them in that order; the user's document may list
    them in another, so the error is re-raised with the JSON path of the element in the
    document (:func:`emrpath.jsonio.document_error`), in the style ``loads`` uses.
    ``root`` is the field that the evaluation knows the whole document as (a bare
    certification document is the ``certification`` of the record evaluated).
    """
    from emrpath.jsonio import document_error

    try:
        return evaluate()
    except EmrpathError as err:
        found = err
        if root and err.field is not None and err.field.startswith(f"{root}."):
            inner = err.field.removeprefix(f"{root}.")
            found = type(err)(err.message, field=inner, rule=err.rule)
        raise document_error(found, raw) from None


def _status(args: argparse.Namespace) -> str:
    from emrpath.jsonio import dumps
    from emrpath.lifecycle import recertification_status
    from emrpath.pathway import evaluate
    from emrpath.records import Candidate, RecertificationRecord

    as_of = _date(args.as_of, "--as-of")
    if as_of is None:  # argparse requires --as-of; this keeps the type honest
        raise _UsageError("--as-of DATE is required")
    raw, document, program = _document(args, _STATUS_KINDS)
    result: object
    if isinstance(document, Candidate):
        candidate = document
        result = _in_document(raw, lambda: evaluate(candidate, as_of=as_of, program=program))
    else:  # a certification or a recertification record: _STATUS_KINDS holds no other
        whole = isinstance(document, RecertificationRecord)
        record = document if whole else RecertificationRecord(document)
        result = _in_document(
            raw,
            lambda: recertification_status(
                record.certification,
                record.education,
                as_of=as_of,
                program=program,
                exam_attempts=record.exam_attempts,
            ),
            root="" if whole else "certification",
        )
    return dumps(result) if args.json else str(result)


# ---------------------------------------------------------------------------------------
# plan


def _count(text: str | None, option: str) -> int:
    if text is None:
        return 0
    if not text.isascii() or not text.isdigit() or len(text) > 9:
        raise _UsageError(
            f"{option}: must be a whole number of attempts such as 1, got {json.dumps(text)}"
            f" (rule: {_RULE})"
        )
    return int(text)


def _plan(args: argparse.Namespace) -> str:
    from emrpath.jsonio import dumps
    from emrpath.pathway import evaluate
    from emrpath.planning import plan_attempts, timeline_after
    from emrpath.records import CourseCompletion
    from emrpath.rules import course_expiration_date

    what_if = args.course is not None or args.first is not None
    if what_if:
        program = _program(args.program)
        if args.file is not None or args.example is not None or args.as_of is not None:
            raise _UsageError("give --course and --first, or a candidate (FILE or --example)")
        if args.course is None or args.first is None:
            raise _UsageError("a what-if plan needs both --course and --first")
        completed = _date(args.course, "--course")
        first = _date(args.first, "--first")
        if completed is None or first is None:  # both given: keeps the types honest
            raise _UsageError("a what-if plan needs both --course and --first")
        att = _date(args.att, "--att")
        used = _count(args.used, "--used")
        # The course's own window first, so that a course date no rule covers names --course.
        _as_option("--course", lambda: course_expiration_date(completed, program=program))
        timeline = _as_option(
            "--first",
            lambda: plan_attempts(
                CourseCompletion(completed),
                first,
                program=program,
                authorization_issued_on=att,
                attempts_used=used,
            ),
            first_attempt_on="--first",
            authorization_issued_on="--att",
            attempts_used="--used",
        )
    else:
        if args.att is not None or args.used is not None:
            raise _UsageError("--att and --used go with --course and --first")
        if args.as_of is None:
            raise _UsageError("planning from a candidate needs --as-of DATE")
        as_of = _date(args.as_of, "--as-of")
        if as_of is None:  # given: keeps the types honest
            raise _UsageError("planning from a candidate needs --as-of DATE")
        raw, document, program = _document(args, ("candidate",))
        status = _in_document(raw, lambda: evaluate(document, as_of=as_of, program=program))
        # The record was read and evaluated above; what the timeline can still refuse is a
        # plan stepping past the calendar from the next attempt date, which --as-of set.
        planned = _as_option("--as-of", lambda: timeline_after(document, status, program=program))
        if planned is None:
            raise InvalidRecordError(
                "no further attempt can be planned under this course: "
                + "; ".join(str(r) for r in status.gate("cognitive").reasons),
                field="$",
                rule="attempt limit",
            )
        timeline = planned
    return dumps(timeline) if args.json else str(timeline)


# ---------------------------------------------------------------------------------------
# dates


def _as_option(option: str, compute: Callable[[], _V], **options: str) -> _V:
    """``compute()``, with an error re-raised naming the command-line option.

    The rule functions name their own parameters (``issued_on``) or inner steps
    (``day``); on the command line the field is the option that was given: ``options``
    maps a parameter name to its option, anything else is ``option``.
    """
    try:
        return compute()
    except EmrpathError as err:
        field = options.get(err.field or "", option)
        raise type(err)(err.message, field=field, rule=err.rule) from None


def _dates(args: argparse.Namespace) -> str:
    from emrpath import rules

    program = _program(args.program)
    given = {
        name: _date(getattr(args, name), f"--{name}")
        for name in ("exam", "course", "att", "passed", "certified", "notified")
    }
    if all(value is None for value in given.values()):
        raise _UsageError(
            "give at least one of --exam, --course, --att, --passed, --certified, --notified"
        )
    course = given["course"]
    if course is None and (given["att"] is not None or given["passed"] is not None):
        raise _UsageError("--att and --passed need --course (the course completion date)")

    rows: list[tuple[str, dt.date | None, str, str]] = []

    def answer(label: str, value: dt.date | None, param: str, on: dt.date) -> None:
        parameter = getattr(program, param)
        source = parameter.at(on).confidence.value if parameter is not None else ""
        rows.append((label, value, param, source))

    exam = given["exam"]
    if exam is not None:
        rows.append(("exam on", exam, "", ""))
        result = _as_option("--exam", lambda: rules.expected_result_date(exam, program=program))
        answer("result expected", result, "result_posting", exam)
        retest = _as_option("--exam", lambda: rules.earliest_retest_date(exam, program=program))
        answer("earliest retest", retest, "retest_wait", exam)
    if course is not None:
        rows.append(("course completed", course, "", ""))
        expiry = _as_option(
            "--course", lambda: rules.course_expiration_date(course, program=program)
        )
        answer("course valid through", expiry, "course_validity", course)
    att = given["att"]
    if att is not None and course is not None:
        att_until = _as_option(
            "--att",
            lambda: rules.att_expiration_date(att, course, program=program),
            course_completed_on="--course",
        )
        answer("ATT valid through", att_until, "authorization", att)
    passed = given["passed"]
    if passed is not None and course is not None:
        until = _as_option(
            "--passed",
            lambda: rules.portion_expiration_date(passed, course, program=program),
            course_completed_on="--course",
        )
        answer("portion valid through", until, "portion_validity", course)
    certified = given["certified"]
    if certified is not None:
        expires = _as_option(
            "--certified", lambda: rules.initial_expiration_date(certified, program=program)
        )
        answer("certification expires", expires, "certification_term", certified)
    notified = given["notified"]
    if notified is not None:
        appeal = _as_option("--notified", lambda: rules.appeal_deadline(notified, program=program))
        answer("appeal by", appeal, "appeal_window", notified)

    if args.json:
        data = {
            **_envelope("quick_dates"),
            "program": program.key,
            "answers": [
                {
                    "answer": label.lower().replace(" ", "_"),
                    "date": None if value is None else value.isoformat(),
                    "parameter": param or None,
                    "confidence": source or None,
                }
                for label, value, param, source in rows
            ],
        }
        return _json(data)
    shown = [(label, "no limit" if value is None else value, p, c) for label, value, p, c in rows]
    lines = [f"{program.key} quick dates"]
    lines += _table(("answer", "date", "parameter", "source"), shown)
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# programs


def _fields(value: object) -> tuple[attrs.Attribute[Any], ...]:
    kind: Any = type(value)
    return tuple(attrs.fields(kind))


def _value_data(value: object) -> Any:
    """A parameter value as JSON data, with its description where it has one."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [_value_data(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_value_data(v) for v in value)
    if attrs.has(type(value)):
        data: dict[str, Any] = {"type": type(value).__name__}
        data.update({f.name: _value_data(getattr(value, f.name)) for f in _fields(value)})
        describe = getattr(value, "describe", None)
        if callable(describe):
            data["description"] = describe()
        return data
    return str(value)


def _program_data(program: Program) -> dict[str, Any]:
    return {
        "key": program.key,
        "name": program.name,
        "body": program.body,
        "timezone": program.timezone,
        "edition": str(program.edition),
        "holiday_data": program.calendar.holiday_data,
        "parameters": [
            {
                "name": param.name,
                "description": param.description,
                "provisions": [
                    {
                        "effective_from": p.effective_from.isoformat(),
                        "value": _value_data(p.value),
                        "confidence": p.confidence.value,
                        "citation": {
                            "url": p.citation.url,
                            "title": p.citation.title,
                            "quote": p.citation.quote,
                        },
                        "note": p.note,
                    }
                    for p in param.provisions
                ],
            }
            for param in program.parameters()
        ],
    }


def _program_text(program: Program) -> str:
    # The rows are emrpath.report.parameter_rows, which the documentation's rules page also shows.
    from emrpath.report import parameter_rows

    lines = [
        f"{program.key}: {program.name} ({program.body}); dates read in {program.timezone}",
        f"edition {program.edition}; holidays from {program.calendar.holiday_data}",
    ]
    current = None
    for row in parameter_rows(program):
        if row["parameter"] != current:
            current = row["parameter"]
            lines += ["", f"{current}: {row['description']}"]
        lines.append(
            f"  from {row['effective_from'].isoformat()} [{row['confidence']}]: {row['value']}"
        )
        lines.append(f"    source: {row['citation_title']} <{row['citation_url']}>")
        lines.append(f'    quote:  "{row["citation_quote"]}"')
        if row["note"]:
            lines.append(f"    note:   {row['note']}")
    return "\n".join(lines)


def _programs_command(args: argparse.Namespace) -> str:
    if args.name is not None:
        program = _program(args.name, "NAME")
        if args.json:
            return _json({**_envelope("program"), **_program_data(program)})
        return _program_text(program)
    from emrpath.programs import available

    programs = available()
    if args.json:
        return _json(
            {**_envelope("program_list"), "programs": [_program_data(p) for p in programs]}
        )
    rows = [(p.key, p.name, p.body, p.timezone, str(p.edition)) for p in programs]
    lines = _table(("program", "name", "body", "timezone", "edition"), rows)
    lines.append("")
    lines.append("emrpath programs NAME lists every parameter with its dates and sources.")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# schema


def _schema(args: argparse.Namespace) -> str:
    from emrpath.jsonio import json_schema

    try:
        schema = json_schema(args.kind)
    except EmrpathError as err:
        raise _usage(err, "KIND") from None
    if args.json:  # the schema inside a versioned document, like every --json output
        return _json({**_envelope("json_schema"), "document_kind": args.kind, "schema": schema})
    return _json(schema)  # the schema itself, as a validator reads it


# ---------------------------------------------------------------------------------------
# the parser and main


class _Parser(argparse.ArgumentParser):
    """argparse, whose usage errors stay on one line whatever the arguments hold."""

    def error(self, message: str) -> NoReturn:
        # argparse echoes an argument as typed: a newline or form feed in it would break the
        # one-line error into several. Control characters are shown escaped instead.
        shown = "".join(
            char if char.isprintable() or char == " " else char.encode("unicode_escape").decode()
            for char in message
        )
        super().error(shown)


def _parser() -> argparse.ArgumentParser:
    from emrpath.jsonio import INPUT_KINDS
    from emrpath.programs import REGISTRY

    keys = ", ".join(REGISTRY)
    parser = _Parser(
        prog="emrpath",
        description=f"Certification pathway rules as exact, cited dates; programs: {keys}.",
        epilog="Dates are ISO YYYY-MM-DD. Exit codes: 0 ok, 1 invalid input, 2 usage, "
        "130 interrupted.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def program_option(
        p: argparse.ArgumentParser, *, documents: bool = False, what_if: bool = False
    ) -> None:
        text = f"the program: one of {keys}"
        if documents:
            text += (
                ". A document is read under the program it names: --program names the "
                "program of a version-1 document (which names none), is an error if it "
                "contradicts the document, and picks the --example (without it: the "
                f"{_DEFAULT_PROGRAM} example, which names {_DEFAULT_PROGRAM})"
            )
            if what_if:
                text += f"; a what-if plan is for --program (default {_DEFAULT_PROGRAM})"
        else:
            text += f" (default {_DEFAULT_PROGRAM})"
        p.add_argument("--program", metavar="KEY", help=text)

    def document_options(
        p: argparse.ArgumentParser, examples: Sequence[str], example_help: str
    ) -> None:
        p.add_argument("file", nargs="?", metavar="FILE", help="a JSON document; - for stdin")
        p.add_argument(
            "--example", nargs="?", const="candidate", choices=examples, help=example_help
        )

    status = sub.add_parser(
        "status",
        help="where a candidate or a certification stands on a date",
        description="Evaluate a candidate (gates, dates, reasons) or a certification's "
        "recertification cycle on --as-of, under the program the document names.",
    )
    document_options(
        status,
        _EXAMPLES,
        "read a bundled example document (candidate, the default, or recertification) of "
        f"--program, or of {_DEFAULT_PROGRAM} without it",
    )
    status.add_argument("--as-of", required=True, metavar="DATE", help="the date asked about")
    program_option(status, documents=True)
    status.add_argument("--json", action="store_true", help="print the status as JSON")
    status.set_defaults(parser=status, run=_status)

    plan = sub.add_parser(
        "plan",
        help="the what-if timeline of the remaining attempts",
        description="Every remaining attempt on its earliest date, assuming the one before "
        "it fails: from a candidate on --as-of, or from --course and --first.",
    )
    document_options(
        plan,
        ("candidate",),
        f"plan for the bundled example candidate of --program, or of {_DEFAULT_PROGRAM}",
    )
    plan.add_argument("--as-of", metavar="DATE", help="the date of the plan (with a candidate)")
    plan.add_argument("--course", metavar="DATE", help="what-if: the course completion date")
    plan.add_argument("--first", metavar="DATE", help="what-if: the first planned attempt")
    plan.add_argument("--att", metavar="DATE", help="what-if: the first attempt's ATT issue date")
    plan.add_argument("--used", metavar="N", help="what-if: attempts already used (default 0)")
    program_option(plan, documents=True, what_if=True)
    plan.add_argument("--json", action="store_true", help="print the timeline as JSON")
    plan.set_defaults(parser=plan, run=_plan)

    dates = sub.add_parser(
        "dates",
        help="quick answers for single dates",
        description="Result date, retest date, course and authorization expiry, portion "
        "validity, certification expiry and appeal deadline, each with its parameter.",
    )
    dates.add_argument("--exam", metavar="DATE", help="an exam date")
    dates.add_argument("--course", metavar="DATE", help="a course completion date")
    dates.add_argument("--att", metavar="DATE", help="an authorization to test's issue date")
    dates.add_argument(
        "--passed", metavar="DATE", help="the pass date of an exam or skills portion"
    )
    dates.add_argument("--certified", metavar="DATE", help="a certification's issue date")
    dates.add_argument("--notified", metavar="DATE", help="the date a decision was notified")
    program_option(dates)
    dates.add_argument("--json", action="store_true", help="print the answers as JSON")
    dates.set_defaults(parser=dates, run=_dates)

    programs = sub.add_parser(
        "programs",
        help="the programs, or every parameter of one",
        description="Every parameter of a program with its effective dates, value, "
        "citation and confidence.",
    )
    programs.add_argument("name", nargs="?", metavar="NAME", help="a program key")
    programs.add_argument("--json", action="store_true", help="print as JSON")
    programs.set_defaults(parser=programs, run=_programs_command)

    schema = sub.add_parser(
        "schema",
        help="the JSON Schema of an input document",
        description=f"The JSON Schema of a document kind: {', '.join(INPUT_KINDS)} "
        "(the input documents) or any other kind.",
    )
    schema.add_argument("kind", nargs="?", default="candidate", metavar="KIND")
    schema.add_argument(
        "--json", action="store_true", help="the schema inside a versioned JSON document"
    )
    schema.set_defaults(parser=schema, run=_schema, prints_json=True)  # with --json or not
    return parser


def _one_line(text: str) -> str:
    return " ".join(text.split())


def main(argv: Sequence[str] | None = None) -> int:
    r"""Run the ``emrpath`` command; return its exit code (0 ok, 1 invalid input, 2 usage).

    It never raises and never shows a traceback: an interrupt (Ctrl-C) is exit code 130, a
    closed pipe (``emrpath programs nremt-emr | head``) ends quietly, and an output that
    cannot be written (a full disk) is one line on stderr and exit code 1. Where the output
    encoding cannot show a character (``PYTHONIOENCODING=ascii``), text output shows its
    ASCII equivalent ('-' for an en dash, '>=' for '≥') and JSON output its ``\u`` escape.

    Args:
        argv: The arguments after the program name (``None``: ``sys.argv[1:]``).

    Example:
        >>> main(["dates", "--certified", "2025-08-01", "--json"])
        {
          "schema_version": 2,
          "kind": "quick_dates",
          "program": "nremt-emr",
          "answers": [
            {
              "answer": "certification_expires",
              "date": "2028-09-30",
              "parameter": "certification_term",
              "confidence": "primary"
            }
          ]
        }
        0
        >>> main(["status", "--example"])  # stderr: the following arguments are required: --as-of
        2
    """
    try:
        return _main(argv)
    except KeyboardInterrupt:
        _print(sys.stderr, "emrpath: interrupted")
        return 130
    except BrokenPipeError:  # `emrpath programs nremt-emr | head`: the reader is done
        _silence(sys.stdout)
        return 0
    except OSError as err:  # the output cannot be written (a full disk, a closed stream)
        _silence(sys.stdout)
        with contextlib.suppress(OSError):  # stderr too: the exit code is all that is left
            _print(sys.stderr, f"emrpath: error: cannot write the output: {err.strerror or err}")
        return 1


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(_example_default(sys.argv[1:] if argv is None else argv))
    except SystemExit as stop:  # argparse: --help (0) or a usage error (2)
        return stop.code if isinstance(stop.code, int) else 2
    if args.version:
        from emrpath import __version__

        return _print(sys.stdout, f"emrpath {__version__}")
    if args.command is None:
        parser.print_usage(sys.stderr)
        return _print(sys.stderr, f"emrpath: error: a COMMAND is required ({_COMMANDS})", 2)
    run: Callable[[argparse.Namespace], str] = args.run
    try:
        text = run(args)
    except _UsageError as err:
        args.parser.print_usage(sys.stderr)
        return _print(sys.stderr, f"emrpath {args.command}: error: {_one_line(str(err))}", 2)
    except EmrpathError as err:
        return _print(sys.stderr, f"emrpath: error: {_one_line(str(err))}", 1)
    json_text = bool(getattr(args, "prints_json", False) or getattr(args, "json", False))
    return _print(sys.stdout, text, json_text=json_text)


def _example_default(argv: Sequence[str]) -> list[str]:
    """``argv`` with a bare ``--example`` that names no example spelled ``--example=candidate``.

    ``--example`` takes an optional example name; argparse would read any word after it as
    that name, so ``status --example cand.json`` would look for an example called
    ``cand.json``. A word that names no example is left for FILE instead (and FILE with
    ``--example`` is then the usage error it is).
    """
    out = list(argv)
    for index, token in enumerate(out):
        if token == "--":
            break
        following = out[index + 1] if index + 1 < len(out) else None
        if token == "--example" and following not in _EXAMPLES:
            out[index] = "--example=candidate"
    return out


# What emrpath prints beyond ASCII, for an output encoding that cannot show it.
_ASCII = {
    "\u2013": "-",  # en dash
    "\u2014": "--",  # em dash
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2026": "...",
    "\u2192": "->",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u00a0": " ",
    "\u00a7": "S",  # section sign
    "\u00b1": "+/-",
    "\u00d7": "x",
}


def _shown_in(text: str, encoding: str, *, json_text: bool) -> str:
    r"""``text`` as ``encoding`` can show it: unchanged when it can.

    Otherwise each character it cannot show becomes its ASCII equivalent (``_ASCII``, or
    its backslash escape for one not listed); in JSON text, its ``\u`` escape, which
    reads back as the same character.
    """
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        pass
    except LookupError:  # an encoding Python does not know: ASCII is safe everywhere
        encoding = "ascii"

    def shown(char: str) -> str:
        try:
            char.encode(encoding)
            return char
        except UnicodeEncodeError:
            pass
        if json_text:  # non-ASCII appears only inside JSON strings: escape it there
            code = ord(char)
            if code > 0xFFFF:  # a surrogate pair, as JSON spells it
                code -= 0x10000
                return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
            return f"\\u{code:04x}"
        return _ASCII.get(char) or char.encode("ascii", "backslashreplace").decode("ascii")

    return "".join(shown(char) for char in text)


def _silence(stream: TextIO) -> None:
    """Point ``stream``'s file descriptor at the null device, so nothing fails at exit.

    Python flushes standard output once more as it exits; after a broken pipe or a write
    error that flush would fail again and print "Exception ignored". Only the process's
    own standard streams are touched: a stream a caller of :func:`main` put in their place
    (a test's buffer, a notebook's) is theirs.
    """
    import os

    if stream is not sys.__stdout__ and stream is not sys.__stderr__:
        return

    try:
        descriptor = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError, AttributeError):
        return
    try:
        os.dup2(null, descriptor)
    except OSError:
        pass
    finally:
        os.close(null)


def _print(stream: TextIO, text: str, code: int = 0, *, json_text: bool = False) -> int:
    """Write ``text`` and a newline to ``stream`` as its encoding can show it; return ``code``."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        stream.write(_shown_in(text, encoding, json_text=json_text) + "\n")
        stream.flush()
    except BrokenPipeError:  # the reader is gone (`| head`): the exit code still stands
        _silence(stream)
    return code
