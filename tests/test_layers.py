"""Programs sit on top of the engine: no engine module imports one, and none has a default.

design.md, "Layers": "no engine module imports a concrete program, and nothing in the
engine names one. Every function that applies a program's rules takes the program
explicitly (a required keyword, like `as_of`); a rulebook is never chosen silently."
Issue 12: "`ep.evaluate(c, as_of=d)` without `program=` is a `TypeError`"; "A test fails if
any engine module imports `emrpath.programs`".
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import emrpath as ep
from emrpath.authority import Practitioner, practice_authority
from emrpath.planning import ErrorLog, Miss, retake_plan
from emrpath.plot import plot_pathway
from tests.public_names import public_objects

D = dt.date
SRC = Path(ep.__file__).resolve().parent
PROGRAMS = "emrpath.programs"

# The edges, which may look programs up by key, and the programs themselves.
EDGES = frozenset({"emrpath", "emrpath.__main__", "emrpath.cli", "emrpath.jsonio"})


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_engine(name: str) -> bool:
    return name not in EDGES and name != PROGRAMS and not name.startswith(PROGRAMS + ".")


def absolute(module: str | None, level: int, importer: str, is_package: bool) -> str:
    """The absolute name a (possibly relative) ``from`` import names."""
    if level == 0:
        return module or ""
    base = importer.split(".")
    if not is_package:
        base.pop()
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def names_programs(name: str) -> bool:
    return name == PROGRAMS or name.startswith(PROGRAMS + ".")


def program_imports(source: str, importer: str, *, is_package: bool = False) -> list[int]:
    """The line of every import of ``emrpath.programs`` in ``source``, in any form.

    ``import emrpath.programs``, ``from emrpath.programs[.x] import ...``, ``from emrpath
    import programs``, their relative spellings, and ``importlib.import_module`` or
    ``__import__`` with a literal name; at module level or inside a function.
    """
    found: list[int] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            if any(names_programs(alias.name) for alias in node.names):
                found.append(node.lineno)
        elif isinstance(node, ast.ImportFrom):
            module = absolute(node.module, node.level, importer, is_package)
            if names_programs(module) or any(
                names_programs(f"{module}.{alias.name}") for alias in node.names
            ):
                found.append(node.lineno)
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__") and node.args:
                first = node.args[0]
                literal = first.value if isinstance(first, ast.Constant) else None
                if isinstance(literal, str) and names_programs(literal):
                    found.append(node.lineno)
    return found


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(SRC.rglob("*.py")):
        yield module_name(path), path


ENGINE = [(name, path) for name, path in modules() if is_engine(name)]


def test_the_engine_is_most_of_the_package() -> None:
    names = {name for name, _ in ENGINE}
    assert {"emrpath.pathway", "emrpath.rules.results", "emrpath.report", "emrpath.plot"} <= names
    assert not names & EDGES
    assert not any(names_programs(name) for name in names)


@pytest.mark.parametrize(("name", "path"), ENGINE, ids=[name for name, _ in ENGINE])
def test_no_engine_module_imports_a_program(name: str, path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    lines = program_imports(source, name, is_package=path.name == "__init__.py")
    assert not lines, f"{name} imports emrpath.programs at line(s) {lines}"


@pytest.mark.parametrize(
    "source",
    [
        "import emrpath.programs",
        "import emrpath.programs.nremt_emr as emr",
        "from emrpath.programs import NREMT_EMR",
        "from emrpath.programs.ascp_mls import ASCP_MLS",
        "from emrpath import programs",
        "from emrpath import records, programs as p",
        "from .programs import NREMT_EMR",
        "from . import programs",
        "def f():\n    from emrpath.programs import NREMT_EMR\n    return NREMT_EMR",
        "class C:\n    def m(self):\n        import emrpath.programs",
        "import importlib\nimportlib.import_module('emrpath.programs')",
        "__import__('emrpath.programs.nremt_emr')",
    ],
)
def test_the_check_finds_every_form_of_import(source: str) -> None:
    assert program_imports(source, "emrpath.pathway")


def test_the_check_resolves_relative_imports_from_a_subpackage() -> None:
    assert program_imports("from ..programs import NREMT_EMR", "emrpath.rules.results")
    assert program_imports("from .. import programs", "emrpath.rules.results")
    assert not program_imports("from ..program import Program", "emrpath.rules.results")
    assert not program_imports("from . import scores", "emrpath.rules", is_package=True)


@pytest.mark.parametrize(
    "source",
    [
        "from emrpath.program import Program",
        "import emrpath.program",
        "from emrpath import program, records",
        "x = 'emrpath.programs'",
        "import importlib\nimportlib.import_module('emrpath.pathway')",
    ],
)
def test_the_check_leaves_other_imports_alone(source: str) -> None:
    assert not program_imports(source, "emrpath.pathway")


@pytest.mark.parametrize(("name", "path"), ENGINE, ids=[name for name, _ in ENGINE])
def test_no_engine_function_has_a_default_program(name: str, path: Path) -> None:
    """No default program anywhere in the engine: a parameter named ``program`` never has
    a default value, public or private."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        args = node.args
        positional = [*args.posonlyargs, *args.args]
        defaulted = positional[len(positional) - len(args.defaults) :]
        with_default = [a.arg for a in defaulted]
        with_default += [
            a.arg for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None
        ]
        assert "program" not in with_default, f"{name}:{node.lineno} defaults program"


# -- program= is a required keyword of every public function that applies the rules -----

COURSE = ep.CourseCompletion(D(2025, 1, 10))
CANDIDATE = ep.Candidate(course=COURSE)
AS_OF = D(2025, 3, 1)
CERT = ep.Certification(D(2023, 8, 10))
ATTEMPT = ep.ExamAttempt(D(2025, 2, 6), passed=False, scaled_score=900)


def _retake(**kw: Any) -> object:
    person = ep.Candidate(course=COURSE, attempts=[ATTEMPT])
    log = ErrorLog([Miss("scope"), Miss("pacing")])
    return retake_plan(log, ATTEMPT, person, as_of=AS_OF, **kw)


# (name, a call with every argument but program)
CALLS: list[tuple[str, Callable[..., object]]] = [
    ("expected_result_date", lambda **kw: ep.expected_result_date(D(2025, 3, 6), **kw)),
    ("earliest_retest_date", lambda **kw: ep.earliest_retest_date(D(2025, 3, 6), **kw)),
    ("course_expiration_date", lambda **kw: ep.course_expiration_date(D(2024, 1, 5), **kw)),
    (
        "att_expiration_date",
        lambda **kw: ep.att_expiration_date(D(2025, 3, 1), D(2024, 1, 5), **kw),
    ),
    ("initial_expiration_date", lambda **kw: ep.initial_expiration_date(D(2025, 2, 10), **kw)),
    (
        "portion_expiration_date",
        lambda **kw: ep.portion_expiration_date(D(2024, 2, 29), D(2023, 12, 1), **kw),
    ),
    ("appeal_deadline", lambda **kw: ep.appeal_deadline(D(2025, 3, 6), **kw)),
    ("check_score", lambda **kw: ep.check_score(ATTEMPT, **kw)),
    ("evaluate", lambda **kw: ep.evaluate(CANDIDATE, as_of=AS_OF, **kw)),
    ("evaluate_many", lambda **kw: ep.evaluate_many([CANDIDATE], as_of=AS_OF, **kw)),
    (
        "recertification_status",
        lambda **kw: ep.recertification_status(CERT, as_of=D(2026, 5, 1), **kw),
    ),
    ("plan_attempts", lambda **kw: ep.plan_attempts(COURSE, D(2025, 2, 6), **kw)),
    ("retake_plan", _retake),
    (
        "practice_authority",
        lambda **kw: practice_authority(Practitioner(), "MT", on=AS_OF, **kw),
    ),
]
CALL_IDS = [name for name, _ in CALLS]


@pytest.mark.parametrize(("name", "call"), CALLS, ids=CALL_IDS)
def test_a_call_without_program_is_a_type_error(name: str, call: Callable[..., object]) -> None:
    call(program=ep.NREMT_EMR)  # the same call with the program is fine
    with pytest.raises(TypeError, match="program") as info:
        call()
    assert not isinstance(info.value, ep.EmrpathError)  # Python's own: a missing keyword


@pytest.mark.parametrize(("name", "call"), CALLS, ids=CALL_IDS)
def test_the_program_cannot_be_passed_by_position(name: str, call: Callable[..., object]) -> None:
    (function,) = [f for qualified, f in public_functions() if qualified.endswith(f".{name}")]
    parameter = inspect.signature(function).parameters["program"]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
    assert parameter.default is inspect.Parameter.empty


def test_evaluate_without_program_is_a_type_error() -> None:
    """The issue's own words: "`ep.evaluate(c, as_of=d)` without `program=` is a
    `TypeError`"; before, it silently applied the NREMT EMR rules."""
    with pytest.raises(TypeError, match="missing 1 required keyword-only argument: 'program'"):
        ep.evaluate(CANDIDATE, as_of=AS_OF)  # type: ignore[call-arg]


def test_plot_pathway_takes_program_as_a_required_keyword() -> None:
    parameter = inspect.signature(plot_pathway).parameters["program"]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
    assert parameter.default is inspect.Parameter.empty


def public_functions() -> Iterator[tuple[str, Callable[..., object]]]:
    """(qualified name, function) for every function in a public module's ``__all__``."""
    for name, value in public_objects().items():
        if inspect.isfunction(value):
            yield name, value


def test_every_exported_function_with_a_program_requires_it_by_keyword() -> None:
    """Where the program is the subject (``parameter_rows(program)`` lists its table) it
    is the first argument; everywhere else it names the rules applied to another value.
    The JSON functions (an edge, not the engine) take ``program=None`` for the documents
    that name no program; never a program as a default."""
    taking = []
    for name, function in public_functions():
        parameters = inspect.signature(function).parameters
        parameter = parameters.get("program")
        if parameter is None or next(iter(parameters)) == "program":
            continue
        if function.__module__ == "emrpath.jsonio":
            assert parameter.kind is inspect.Parameter.KEYWORD_ONLY, name
            assert parameter.default is None, name
            continue
        taking.append(name)
        assert parameter.kind is inspect.Parameter.KEYWORD_ONLY, name
        assert parameter.default is inspect.Parameter.empty, name
    assert {*CALL_IDS, "plot_pathway"} <= {name.rsplit(".", 1)[1] for name in taking}


def test_the_programs_stay_importable_from_the_top_level() -> None:
    assert ep.NREMT_EMR.key == "nremt-emr"
    assert ep.ASCP_MLS.key == "ascp-mls"
    assert {"NREMT_EMR", "ASCP_MLS"} <= set(ep.__all__)


# -- no private name crosses a module boundary ---------------------------------------------


def is_module(name: str) -> bool:
    """Whether ``name`` is a module of the package (``emrpath._dates``), not a value in one."""
    parts = name.split(".")[1:]
    base = SRC.joinpath(*parts)
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def private_imports(
    source: str, importer: str, *, is_package: bool = False
) -> list[tuple[str, str]]:
    """``(module, name)`` for each ``from emrpath.X import _name`` in ``source``.

    A leading-underscore *name* imported from another emrpath module, in any spelling
    (absolute or relative, at module level or inside a function, aliased or not). A private
    *module* (``from emrpath import _dates``, ``from emrpath._dates import as_date``) is
    not a private name: it is the package's shared home for helpers.
    """
    found: list[tuple[str, str]] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ImportFrom):
            continue
        module = absolute(node.module, node.level, importer, is_package)
        if module != "emrpath" and not module.startswith("emrpath."):
            continue
        for alias in node.names:
            name = alias.name
            if (
                name.startswith("_")
                and not name.startswith("__")
                and not is_module(f"{module}.{name}")
            ):
                found.append((module, name))
    return found


def test_no_module_imports_a_private_name_of_another() -> None:
    """Issue 12: "Zero private names imported across modules." A helper two modules need
    gets a shared home with a public-in-package name (``_validators``, ``_dates``)."""
    found = set()
    for name, path in modules():
        source = path.read_text(encoding="utf-8")
        for module, private in private_imports(
            source, name, is_package=path.name == "__init__.py"
        ):
            if module != name:
                found.add((name, module, private))
    assert not found, sorted(found)


@pytest.mark.parametrize(
    ("source", "importer", "expected"),
    [
        ("from emrpath.records import Candidate, _date", "emrpath.pathway", "emrpath.records"),
        ("from emrpath.jsonio import _iso_date as parse", "emrpath.cli", "emrpath.jsonio"),
        ("def f():\n    from emrpath.planning import _x", "emrpath.cli", "emrpath.planning"),
        ("from .records import _date", "emrpath.pathway", "emrpath.records"),
        ("from ..params import _Reader", "emrpath.rules.results", "emrpath.params"),
        ("from emrpath import _private_value", "emrpath.cli", "emrpath"),
    ],
)
def test_the_check_finds_a_private_name_in_any_spelling(
    source: str, importer: str, expected: str
) -> None:
    [(module, name)] = private_imports(source, importer)
    assert module == expected
    assert name.startswith("_")


@pytest.mark.parametrize(
    "source",
    [
        "from emrpath._dates import as_date, iso_date",
        "from emrpath import _dates",
        "from emrpath import _validators as v",
        "from emrpath.planning import timeline_after",
        "from emrpath.records import __all__",
        "from attrs import _make",
        "import emrpath._dates",
    ],
)
def test_the_check_leaves_private_modules_and_public_names_alone(source: str) -> None:
    assert private_imports(source, "emrpath.pathway") == []
