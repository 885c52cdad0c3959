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

import doctest
import importlib
import os
from pathlib import Path

import pytest
import tomllib

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


@pytest.mark.parametrize("example", EXAMPLES, ids=[t.name for t in EXAMPLES])
def test_the_docstring_example_holds(example: doctest.DocTest) -> None:
    if not os.environ.get("MUTANT_UNDER_TEST"):  # read per run: mutmut sets it per mutant
        pytest.skip("--doctest-modules runs these outside mutmut")
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    out: list[str] = []
    # A fresh copy of the globals each time: DocTestRunner.run clears the ones it is given,
    # and mutmut forks every mutant's run from a process that has already run each example
    # once, so running ``example`` itself would fail with NameError from the second run on
    # (a "kill" of any mutant, by a test that never reached it).
    fresh = doctest.DocTest(
        example.examples,
        dict(example.globs),
        example.name,
        example.filename,
        example.lineno,
        example.docstring,
    )
    runner.run(fresh, out=out.append)
    assert runner.failures == 0, "".join(out)


def test_an_example_runs_again_in_the_same_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """mutmut runs each example once while it maps tests to functions, then forks every
    mutant's run from that process: a second run of an example must see the module's names
    as the first did, or every mutant would be "killed" by a NameError."""
    if "MUTANT_UNDER_TEST" in os.environ:
        pytest.skip("checks the runner itself; under mutmut the examples run above")
    module = importlib.import_module("emrpath.records")
    (example,) = [
        t
        for t in doctest.DocTestFinder().find(module, "emrpath.records")
        if t.name == "emrpath.records.PrerequisiteCredential"
    ]
    monkeypatch.setenv("MUTANT_UNDER_TEST", "none")
    for _ in range(2):
        test_the_docstring_example_holds(example)
