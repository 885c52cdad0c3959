"""Under mutmut, the docstring examples of the mutated modules run as tests too.

pytest runs every docstring example with ``--doctest-modules`` over ``src/``, but mutmut
runs ``tests/`` alone: its copy of ``src/`` holds every mutant's function beside the
original, each with the same docstring. Here the examples of the public objects of each
module in ``[tool.mutmut] only_mutate`` run once each, as one test apiece, so a mutant that
only a docstring example would notice is killed. Outside mutmut (``MUTANT_UNDER_TEST``
not set) they are not collected, as ``--doctest-modules`` already runs them. mutmut sets
the variable in every phase (to ``""`` for its clean run, where they are skipped), so the
test ids it records are the ids it later asks for.
"""

from __future__ import annotations

import copy
import doctest
import importlib
import os
from pathlib import Path

import pytest
import tomllib

from emrpath.policies.exam import FixedDaysWait

ROOT = Path(__file__).resolve().parents[1]
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS


def _module_names() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = []
    for pattern in config["tool"]["mutmut"]["only_mutate"]:
        stem = pattern.removeprefix("src/").removesuffix(".py")
        if stem.endswith("/*"):
            folder = ROOT / "src" / stem.removesuffix("/*")
            stems = sorted(
                p.relative_to(ROOT / "src").with_suffix("") for p in folder.glob("*.py")
            )
            names += [".".join(s.parts) for s in stems]
        else:
            names.append(stem.replace("/", "."))
    return [n.removesuffix(".__init__") for n in names]


def _examples() -> list[doctest.DocTest]:
    if "MUTANT_UNDER_TEST" not in os.environ:  # not under mutmut: nothing to collect
        return []
    finder = doctest.DocTestFinder()
    found = []
    for name in _module_names():
        module = importlib.import_module(name)
        for test in finder.find(module, name):
            # mutmut's copies (x_f__mutmut_N, xǁClassǁf__mutmut_N) repeat the docstring
            if test.examples and "mutmut" not in test.name and "ǁ" not in test.name:
                found.append(test)
    return sorted(found, key=lambda t: t.name)


EXAMPLES = _examples()


def test_the_modules_are_found() -> None:
    names = _module_names()
    assert {"emrpath.lifecycle", "emrpath.policies.exam", "emrpath.rules.retest"} <= set(names)
    for name in names:
        importlib.import_module(name)


def run_example(example: doctest.DocTest) -> tuple[int, str]:
    """Run ``example`` on a copy of its globals; return its failures and its report.

    ``DocTestRunner.run`` empties the globals of the test it runs. mutmut runs the suite
    once in its own process (to record which tests reach which functions) and forks every
    mutant's run from that process, so an example run there in place would reach every
    mutant's run with no names defined: each would fail with a ``NameError`` whatever the
    mutant, a kill that says nothing about it.
    """
    fresh = copy.copy(example)
    fresh.globs = example.globs.copy()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    out: list[str] = []
    runner.run(fresh, out=out.append, clear_globs=False)
    return runner.failures, "".join(out)


def test_an_example_runs_again_after_it_has_run() -> None:
    """A second run (a later mutant's) sees the module's names as the first did."""
    [example] = [
        t
        for t in doctest.DocTestFinder().find(FixedDaysWait, "FixedDaysWait")
        if t.name == "FixedDaysWait"
    ]
    example.globs.update(vars(importlib.import_module(FixedDaysWait.__module__)))
    assert run_example(example) == (0, "")
    assert run_example(example) == (0, "")
    assert "FixedDaysWait" in example.globs


@pytest.mark.parametrize("example", EXAMPLES, ids=[t.name for t in EXAMPLES])
def test_the_docstring_example_holds(example: doctest.DocTest) -> None:
    if not os.environ.get("MUTANT_UNDER_TEST"):  # read per run: mutmut sets it per mutant
        pytest.skip("--doctest-modules runs these outside mutmut")
    failures, report = run_example(example)
    assert failures == 0, report
