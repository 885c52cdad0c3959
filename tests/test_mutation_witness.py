"""The mutation run's witness log: a kill counts only with the failing test behind it.

A full mutation run of ``emrpath.pathway`` reported killed mutants that no input can tell
from the original; ``scripts/mutation_witness.py`` writes down the failing test under
each mutant and ``scripts/mutation_witnessed.py`` lists the kills without one.
"""

from __future__ import annotations

import doctest
import importlib.util
import sys
import types
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def script(name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Report:
    def __init__(self, failed: bool, when: str = "call") -> None:
        self.failed = failed
        self.when = when
        self.nodeid = "tests/test_x.py::test_y"
        self.longrepr = "AssertionError: 3 != 4"


def test_a_failure_under_a_mutant_is_written_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mutant = "emrpath.a.x_f__mutmut_3"
    log = tmp_path / "witnesses.log"
    monkeypatch.setenv("MUTATION_WITNESS_LOG", str(log))
    monkeypatch.setenv("MUTANT_UNDER_TEST", mutant)
    plugin = script("mutation_witness")
    plugin.pytest_runtest_logreport(Report(failed=True))
    plugin.pytest_runtest_logreport(Report(failed=False))
    plugin.pytest_collectreport(Report(failed=True))
    text = log.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"== {mutant} | call tests/test_x.py::test_y"
    assert text.count("AssertionError: 3 != 4") == 2
    assert f"== {mutant} | collect tests/test_x.py::test_y" in text


@pytest.mark.parametrize("mutant", ["", "stats", "fail"])
def test_nothing_is_written_outside_a_mutant(
    mutant: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mutmut's stats and forced-failure runs, and plain pytest, are not a mutant's run."""
    log = tmp_path / "witnesses.log"
    monkeypatch.setenv("MUTATION_WITNESS_LOG", str(log))
    monkeypatch.setenv("MUTANT_UNDER_TEST", mutant)
    script("mutation_witness").pytest_runtest_logreport(Report(failed=True))
    assert not log.exists()


def test_a_kill_without_a_witness_is_listed_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "results.txt"
    results.write_text(
        "    m.x_f__mutmut_1: killed\n"
        "    m.x_f__mutmut_2: killed\n"
        "    m.x_f__mutmut_3: timeout\n"
        "    m.x_f__mutmut_4: survived\n",
        encoding="utf-8",
    )
    witnesses = tmp_path / "witnesses.log"
    witnesses.write_text("== m.x_f__mutmut_1 | call t::a\nboom\n", encoding="utf-8")
    checker = script("mutation_witnessed")
    monkeypatch.setattr(sys, "argv", ["x", str(results), str(witnesses)])
    assert checker.main() == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "killed, no failing test written down: m.x_f__mutmut_2",
        "1 killed mutant(s) without a witness",
    ]
    witnesses.write_text(witnesses.read_text() + "== m.x_f__mutmut_2 | setup t::b\n")
    assert checker.main() == 0


def test_the_checker_s_example_runs() -> None:
    checker = script("mutation_witnessed")
    assert doctest.testmod(checker).failed == 0
