"""What a fresh process loads for ``import emrpath`` and a first ``evaluate()``.

Issue "Registry scale", item 5: "the first evaluate in a fresh process costs at most about
40 ms over bare Python". bench/bench_coldstart.py measures the time; no timing is asserted
here. These tests pin the shape the figure rests on, so that it cannot regress silently:
a first evaluation under one program loads that program and the engine, never the other
programs, the edges (JSON, the command line, reports, plots), the other workflows, or an
optional dependency, and the default US calendar comes from the table shipped with emrpath,
not from the holidays package.
"""

from __future__ import annotations

import subprocess
import sys

FIRST_EVALUATE = """\
import datetime as dt
import sys

import emrpath as ep

D = dt.date
status = ep.evaluate(
    ep.Candidate(
        course=ep.CourseCompletion(D(2025, 5, 2), verified_on=D(2025, 5, 9)),
        attempts=(ep.ExamAttempt(D(2025, 7, 11), passed=False),),
        skills=ep.SkillsCompetency(D(2025, 4, 28)),
    ),
    as_of=D(2025, 8, 20),
    program=ep.{program},
)
print(status.attempts_used)
print(" ".join(sorted(sys.modules)))
"""

# Not needed by a first evaluation: optional or heavy dependencies, the edges, the other
# workflows, and what only an error message or a listing needs.
NOT_LOADED = {
    # the holidays package builds the calendars other than the shipped US table; cattrs and
    # dateutil serve the JSON layer and the zones a machine lacks; the rest are extras
    "holidays",
    "cattrs",
    "dateutil",
    "numpy",
    "pandas",
    "pyarrow",
    "matplotlib",
    # the edges and the other workflows of emrpath
    "emrpath.jsonio",
    "emrpath.cli",
    "emrpath.report",
    "emrpath.plot",
    "emrpath.batch",
    "emrpath.columnar",
    "emrpath._columnar",
    "emrpath.lifecycle",
    "emrpath.planning",
    "emrpath.authority",
    "emrpath.scope",
    "emrpath._scope_table",
    # a "did you mean" hint, a package version, the command line, notebooks
    "difflib",
    "importlib.metadata",
    "argparse",
    "html",
}

PROGRAM_MODULES = {
    "NREMT_EMR": "emrpath.programs.nremt_emr",
    "NREMT_EMT": "emrpath.programs.nremt_emt",
    "NREMT_AEMT": "emrpath.programs.nremt_aemt",
    "NREMT_PARAMEDIC": "emrpath.programs.nremt_paramedic",
    "ASCP_MLS": "emrpath.programs.ascp_mls",
}


def first_evaluate(program: str) -> tuple[str, set[str]]:
    """A first evaluate() under ``program`` in a fresh interpreter: the attempts it counted
    and the modules loaded."""
    done = subprocess.run(
        [sys.executable, "-c", FIRST_EVALUATE.format(program=program)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    used, modules = done.stdout.splitlines()
    return used, set(modules.split())


def test_a_first_evaluate_loads_neither_the_edges_nor_the_extras() -> None:
    """A first NREMT EMR evaluation (with an attempt, so the calendar is built) loads the
    engine and NREMT EMR only: none of NOT_LOADED and none of the other programs."""
    used, modules = first_evaluate("NREMT_EMR")
    assert used == "1"  # it did evaluate the attempt
    assert {"emrpath.pathway", "emrpath.calendar", "emrpath._us_federal_holidays"} <= modules
    others = set(PROGRAM_MODULES.values()) - {PROGRAM_MODULES["NREMT_EMR"]}
    assert sorted(modules & (NOT_LOADED | others)) == []


def test_each_program_loads_only_its_own_module() -> None:
    """Each shipped program is built on its first use: evaluating under one never builds
    another (the Paramedic program reuses the AEMT module's ALS skills)."""
    for program, module in PROGRAM_MODULES.items():
        used, modules = first_evaluate(program)
        assert used == "1", program
        expected = {module}
        if program == "NREMT_PARAMEDIC":
            expected.add(PROGRAM_MODULES["NREMT_AEMT"])
        assert modules & set(PROGRAM_MODULES.values()) == expected, program
        assert sorted(modules & NOT_LOADED) == [], program
