"""Benchmark: what a fresh process pays for ``import emrpath`` and a first ``evaluate()``.

Run by hand (never in CI): ``python bench/bench_coldstart.py [runs] [--before SRC]``
(default 30 rounds; ``--before`` also times the same two emrpath commands against another
checkout's ``src`` directory, for a before/after in one run). The goal
(issue "Registry scale", item 5): the first ``evaluate()`` in a fresh process costs at most
about 40 ms over bare Python.

Four commands run in fresh interpreters, interleaved round by round so that a change in
the machine's load falls on all of them alike:

- bare ``python -c pass``;
- ``python -c "import attrs"`` (emrpath's one required import that it cannot avoid);
- ``python -c "import emrpath"``;
- a first ``ep.evaluate(...)`` under NREMT EMR (a candidate with a verified course, skills
  and two failed attempts), which loads the pathway and builds the program's calendar.

For each it prints the wall time and the CPU time (user + system, of the child process
alone, from ``os.wait4``), minimum and median, and what each adds over bare Python. CPU
time is what other work on a shared machine disturbs least; the minimum is the figure to
compare between runs, the median shows the spread. Bytecode is cached as an installed
package has it (``PYTHONDONTWRITEBYTECODE`` is dropped and every command runs once to warm
the caches before the rounds). The load average is printed before and after.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

FIRST_EVALUATE = """\
import datetime as dt
import emrpath as ep
D = dt.date
ep.evaluate(
    ep.Candidate(
        course=ep.CourseCompletion(D(2025, 5, 2), verified_on=D(2025, 5, 9)),
        attempts=(
            ep.ExamAttempt(D(2025, 7, 11), passed=False, scaled_score=880),
            ep.ExamAttempt(D(2025, 8, 1), passed=False, scaled_score=910),
        ),
        skills=ep.SkillsCompetency(D(2025, 4, 28)),
    ),
    as_of=D(2025, 8, 20),
    program=ep.NREMT_EMR,
)
"""

COMMANDS = (
    ("bare `python -c pass`", "pass"),
    ("`import attrs`", "import attrs"),
    ("`import emrpath`", "import emrpath"),
    ("a first `ep.evaluate(...)` (NREMT EMR)", FIRST_EVALUATE),
)


def environment(src: Path) -> dict[str, str]:
    env = dict(os.environ)
    if src.is_dir():  # measure this checkout, whether or not it is installed
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as an installed package runs: cached
    return env


def run(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the child alone) of one fresh interpreter."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
    if child.returncode != 0:
        raise SystemExit(f"command failed ({child.returncode}): {code!r}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    args = sys.argv[1:]
    before = None
    if "--before" in args:
        at = args.index("--before")
        before = Path(args[at + 1]).resolve()
        del args[at : at + 2]
    runs = int(args[0]) if args else 30
    env = environment(SRC)
    commands = [(label, code, env) for label, code in COMMANDS]
    if before is not None:
        old = environment(before)
        commands += [(f"{label}, before ({before})", code, old) for label, code in COMMANDS[2:]]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.system()}, "
        f"{os.cpu_count()} CPUs; {runs} rounds"
    )
    for _, code, where in commands:
        run(code, where)  # warm the file system caches and write the .pyc files
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for k, (_, code, where) in enumerate(commands):
            wall, cpu = run(code, where)
            walls[k].append(wall)
            cpus[k].append(cpu)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print(
        "| fresh interpreter | wall min | wall median | CPU min | CPU median | CPU added (min) |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    base_cpu = min(cpus[0])
    for k, (label, _, _) in enumerate(commands):
        added = "" if k == 0 else f"{(min(cpus[k]) - base_cpu) * 1e3:.1f} ms"
        figures = (min(walls[k]), statistics.median(walls[k]), min(cpus[k]))
        figures += (statistics.median(cpus[k]),)
        print(f"| {label} | " + " | ".join(f"{x * 1e3:.1f} ms" for x in figures) + f" | {added} |")
    first = len(COMMANDS) - 1  # this checkout's first evaluate
    over_wall = min(walls[first]) - min(walls[0])
    over_cpu = min(cpus[first]) - min(cpus[0])
    verdict = "PASS" if over_cpu <= 0.040 else "FAIL"
    print()
    print(
        f"{verdict}: a first evaluate() costs {over_cpu * 1e3:.1f} ms of CPU over bare Python "
        f"({over_wall * 1e3:.1f} ms wall, minimum of {runs}); goal: at most about 40 ms"
    )


if __name__ == "__main__":
    main()
