"""A pytest plugin for mutation runs: the failing test behind every kill, written down.

mutmut records a mutant as killed when the test run under it exits non-zero, and keeps
no output. A run of `emrpath.pathway` reported killed, within a second, mutants that no
input can tell from the original (a ``typing.cast`` argument) and one whose loop never
ends; run again on their own they survived. So a kill counts only with a witness: under a
mutant, this plugin appends each failing test (or collection error) and the end of its
traceback to the file named by ``MUTATION_WITNESS_LOG``. ``scripts/mutation.sh`` loads it
and writes ``mutants/witnesses.log``; ``scripts/mutation_witnessed.py`` then lists the
mutants recorded killed without one.

Outside a mutant's run (mutmut's ``stats`` and forced-``fail`` runs, or plain pytest)
it writes nothing.
"""

from __future__ import annotations

import os
from typing import Any

_QUIET = frozenset({"", "stats", "fail"})  # not a mutant: mutmut's own runs, or no mutmut


def _witness(what: str, report: Any) -> None:
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    log = os.environ.get("MUTATION_WITNESS_LOG", "")
    if not report.failed or mutant in _QUIET or not log:
        return
    with open(log, "a", encoding="utf-8") as out:
        out.write(f"== {mutant} | {what} {report.nodeid}\n{str(report.longrepr)[-3000:]}\n")


def pytest_runtest_logreport(report: Any) -> None:
    """A test that failed under a mutant (in its set-up, call or tear-down)."""
    _witness(report.when, report)


def pytest_collectreport(report: Any) -> None:
    """A test file that failed to collect under a mutant (the mutant broke an import)."""
    _witness("collect", report)
