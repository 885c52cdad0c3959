"""The top level of emrpath: one list (emrpath._exports.EXPORTS) makes ``__all__``, the lazy
imports, the deprecated names and the JSON kinds; the static imports type checkers read
agree with it; ``import emrpath`` loads nothing else."""

from __future__ import annotations

import ast
import subprocess
import sys
import warnings
from collections import Counter
from importlib import import_module
from pathlib import Path

import attrs
import pytest

import emrpath as ep
from emrpath import jsonio
from emrpath._exports import EXPORTS, FACE, MOVED, Export

INIT = Path(ep.__file__)
# The two face names that are not rows: the registry subpackage and the version string.
NOT_ROWS = {"programs", "__version__"}


def face_rows() -> set[tuple[str, str]]:
    return {(row.home, row.name) for row in EXPORTS if row.top == FACE}


def test_the_face_has_at_most_60_names() -> None:
    """Issue 12, "A smaller face": "At most 60 names in `emrpath.__all__`"."""
    assert len(ep.__all__) <= 60
    assert len(ep.__all__) == len(set(ep.__all__))


def test_all_and_dir_are_the_face_rows() -> None:
    face = {name for _, name in face_rows()} | NOT_ROWS
    assert set(ep.__all__) == face
    assert set(dir(ep)) == face
    assert ep.__all__ == sorted(ep.__all__)


def test_each_name_is_one_row() -> None:
    repeated = [name for name, n in Counter(row.name for row in EXPORTS).items() if n > 1]
    assert not repeated
    assert {row.top for row in EXPORTS} <= {FACE, MOVED, None}
    assert not NOT_ROWS & {row.name for row in EXPORTS}


def test_every_row_is_public_in_its_home_and_the_face_gives_the_same_object() -> None:
    for row in EXPORTS:
        home = import_module(row.home)
        assert row.name in home.__all__, row  # the home lists it: its docs page shows it
        if row.top == FACE:
            assert getattr(ep, row.name) is getattr(home, row.name), row


def test_the_json_kinds_are_the_document_rows() -> None:
    """jsonio's kind registry is the rows marked ``document=True``: a class gets a JSON
    document by one mark in the list, and its kind is its name in snake case."""
    documents = {row.name: import_module(row.home) for row in EXPORTS if row.document}
    assert len(jsonio.kinds()) == len(documents)
    for name, home in documents.items():
        cls = getattr(home, name)
        assert attrs.has(cls), name
        kind = jsonio.json_schema(cls)["properties"]["kind"]["const"]
        assert kind in jsonio.kinds()
        assert kind.replace("_", "") == name.lower()


def type_checking_imports(
    source: str,
) -> tuple[set[tuple[str, str]], set[tuple[str, str]], set[str]]:
    """(re-exported imports, plain imports, annotated names) of the TYPE_CHECKING blocks.

    ``from m import X as X`` re-exports X (the face); a plain ``from m import X`` lets a type
    checker resolve X without exporting it (a moved name).
    """
    reexported: set[tuple[str, str]] = set()
    plain: set[tuple[str, str]] = set()
    annotated: set[str] = set()
    blocks = [
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    ]
    assert blocks, "no `if TYPE_CHECKING:` block in emrpath/__init__.py"
    for block in blocks:
        for node in block.body:
            if isinstance(node, ast.ImportFrom):
                assert node.module is not None
                for alias in node.names:
                    if alias.asname == alias.name:
                        reexported.add((node.module, alias.name))
                    else:
                        assert alias.asname is None, ast.unparse(node)
                        plain.add((node.module, alias.name))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                annotated.add(node.target.id)
            else:
                raise AssertionError(f"unexpected in a TYPE_CHECKING block: {ast.unparse(node)}")
    return reexported, plain, annotated


def expected_imports() -> tuple[set[tuple[str, str]], set[tuple[str, str]], set[str]]:
    moved = {(row.home, row.name) for row in EXPORTS if row.top == MOVED}
    return face_rows() | {("emrpath", "programs")}, moved, set()


def test_the_type_checking_imports_are_the_one_list() -> None:
    """Type checkers cannot run EXPORTS, so __init__ imports each name statically; the two
    must agree, name for name and home for home. ``__version__`` is imported for real, from
    ``emrpath._version``, the one place the version is written."""
    assert type_checking_imports(INIT.read_text("utf-8")) == expected_imports()
    assert "from emrpath._version import __version__ as __version__" in INIT.read_text("utf-8")


def test_the_comparison_sees_a_missing_or_misplaced_import() -> None:
    source = INIT.read_text("utf-8")
    line = "    from emrpath.records import Candidate as Candidate\n"
    assert line in source
    dropped = source.replace(line, "")
    assert type_checking_imports(dropped) != expected_imports()
    moved = source.replace(line, line.replace("records", "pathway"))
    assert type_checking_imports(moved) != expected_imports()


def test_import_emrpath_loads_only_the_list() -> None:
    """PEP 562: `import emrpath` stays cheap. It imports the one list and the one-line
    version module and nothing else, not even typing; each name's home loads on first use."""
    code = (
        "import sys; before = set(sys.modules); import emrpath; "
        "print(sorted(set(sys.modules) - before))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = set(ast.literal_eval(out))
    assert loaded <= {"emrpath", "emrpath._exports", "emrpath._version", "__future__"}


MOVED_ROWS = [row for row in EXPORTS if row.top == MOVED]


def test_every_name_that_left_the_top_level_is_a_moved_row() -> None:
    """The names of the 0.1 face that are not on the face now: each has a row saying where
    it went, so none disappears without a warning (issue 12: "Names that leave the top
    level keep working for one release with a DeprecationWarning naming their new
    home")."""
    assert {row.name: row.home for row in MOVED_ROWS} == LEFT_IN_0_2
    assert not set(LEFT_IN_0_2) & set(ep.__all__)


@pytest.mark.parametrize("row", MOVED_ROWS, ids=lambda row: row.name)
def test_a_moved_name_warns_naming_its_home_and_gives_the_object(row: Export) -> None:
    message = f"emrpath.{row.name} is deprecated: import it from {row.home}"
    with pytest.warns(DeprecationWarning, match=f"^{message.replace('.', '[.]')};") as caught:
        value = getattr(ep, row.name)
    assert value is getattr(import_module(row.home), row.name)
    assert all(w.filename == __file__ for w in caught)  # blamed on the caller's line
    assert row.name not in dir(ep)


def test_a_moved_name_warns_on_every_use_and_in_a_from_import() -> None:
    """No caching: the second use warns too (the warnings filter decides what to show)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = ep.FixedDaysWait
        second = ep.FixedDaysWait
        from emrpath import FixedDaysWait
    assert first is second is FixedDaysWait
    assert [w.category for w in caught].count(DeprecationWarning) >= 3
    assert all("import it from emrpath.policies" in str(w.message) for w in caught)
    assert "FixedDaysWait" not in vars(ep)


def test_a_face_name_does_not_warn_and_an_unknown_name_is_an_attribute_error() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ep.Candidate.__name__ == "Candidate"
        assert ep.programs.get("nremt-emr") is ep.NREMT_EMR
        assert isinstance(ep.__version__, str)
    with pytest.raises(AttributeError, match="no attribute 'FixedDaysWiat'"):
        ep.FixedDaysWiat  # noqa: B018


# Every name the 0.1 face had that 0.2 moved off it, with its home: written out here, not
# read from EXPORTS, so a row dropped from the list (a name lost without a warning) fails.
LEFT_IN_0_2 = {
    "AgencyCredential": "emrpath.authority",
    "Jurisdiction": "emrpath.authority",
    "PracticeDecision": "emrpath.authority",
    "Practitioner": "emrpath.authority",
    "StateLicense": "emrpath.authority",
    "practice_authority": "emrpath.authority",
    "CalendarSpec": "emrpath.calendar",
    "DayOverride": "emrpath.calendar",
    "NATIONAL_DAY_OF_MOURNING_2025": "emrpath.calendar",
    "INPUT_KINDS": "emrpath.jsonio",
    "SCHEMA_VERSION": "emrpath.jsonio",
    "from_json_data": "emrpath.jsonio",
    "kinds": "emrpath.jsonio",
    "to_json_data": "emrpath.jsonio",
    "ComponentProgress": "emrpath.lifecycle",
    "RecertificationState": "emrpath.lifecycle",
    "TopicProgress": "emrpath.lifecycle",
    "Param": "emrpath.params",
    "Provision": "emrpath.params",
    "weakest": "emrpath.params",
    "BUCKET_FIXES": "emrpath.planning",
    "BucketFix": "emrpath.planning",
    "ErrorLog": "emrpath.planning",
    "Miss": "emrpath.planning",
    "MissBucket": "emrpath.planning",
    "PlannedAttempt": "emrpath.planning",
    "RetakePlan": "emrpath.planning",
    "retake_plan": "emrpath.planning",
    "plot_pathway": "emrpath.plot",
    "AfterLimit": "emrpath.policies",
    "AnniversaryExpiry": "emrpath.policies",
    "AppealWindow": "emrpath.policies",
    "AttemptLimit": "emrpath.policies",
    "AttemptScope": "emrpath.policies",
    "AuthorizationWindow": "emrpath.policies",
    "CeComponent": "emrpath.policies",
    "CeRequirement": "emrpath.policies",
    "CeTopic": "emrpath.policies",
    "DeadlineRecertWindow": "emrpath.policies",
    "FixedDaysWait": "emrpath.policies",
    "MonthEndValidity": "emrpath.policies",
    "MonthsCeWindow": "emrpath.policies",
    "MonthsValidity": "emrpath.policies",
    "NextPeriodWait": "emrpath.policies",
    "NoExpiry": "emrpath.policies",
    "RecertExam": "emrpath.policies",
    "RecertificationCycle": "emrpath.policies",
    "Requirement": "emrpath.policies",
    "ResultPosting": "emrpath.policies",
    "RollingCeWindow": "emrpath.policies",
    "ScoreScale": "emrpath.policies",
    "SeasonalExpiry": "emrpath.policies",
    "SeasonalRecertWindow": "emrpath.policies",
    "describe_value": "emrpath.report",
    "parameter_markdown": "emrpath.report",
    "parameter_rows": "emrpath.report",
    "CanCannotList": "emrpath.scope",
    "ChangeKind": "emrpath.scope",
    "Level": "emrpath.scope",
    "NATIONAL_2019": "emrpath.scope",
    "SCOPE_SOURCES": "emrpath.scope",
    "ScopeChange": "emrpath.scope",
    "ScopeDecision": "emrpath.scope",
    "ScopeOutcome": "emrpath.scope",
    "ScopeProfile": "emrpath.scope",
    "SkillRow": "emrpath.scope",
    "UnverifiedPolicy": "emrpath.scope",
    "above_scope_skills": "emrpath.scope",
    "can_cannot_list": "emrpath.scope",
    "is_within_scope": "emrpath.scope",
    "Gate": "emrpath.status",
    "Reason": "emrpath.status",
}
