"""Benchmark: decide() and evaluate() against building the records, throughput, memory
per result, and what the first use of the pathway adds to ``import emrpath``.

Run by hand (never in CI): ``python bench/bench_evaluate.py``. The goals (issue "One
engine, many programs"), for a candidate with a verified course, skills and two failed
attempts: decide() costs at most 2x building that candidate's records, and the full
explained status (evaluate() and a read of every gate and reason) at most 4x. The output
is the markdown that docs/performance.md records.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import pickle
import platform
import statistics
import subprocess
import sys
import time
import timeit
import tracemalloc
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
if SRC.is_dir():  # measure this checkout, whether or not it is installed
    sys.path.insert(0, str(SRC))

import emrpath as ep  # noqa: E402

D = dt.date
AS_OF = D(2025, 8, 20)
MEMORY_RECORDS = 100_000
IMPORT_RUNS = 15


def build() -> ep.Candidate:
    return ep.Candidate(
        course=ep.CourseCompletion(D(2025, 5, 2), verified_on=D(2025, 5, 9)),
        attempts=(
            ep.ExamAttempt(D(2025, 7, 11), passed=False, scaled_score=880),
            ep.ExamAttempt(D(2025, 8, 1), passed=False, scaled_score=910),
        ),
        skills=ep.SkillsCompetency(D(2025, 4, 28)),
    )


def varied(i: int) -> ep.Candidate:
    """The same shape with dates of its own (no date object shared between records)."""
    start = D(2025, 1, 1) + dt.timedelta(days=i % 200)
    return ep.Candidate(
        course=ep.CourseCompletion(start, verified_on=start + dt.timedelta(days=7)),
        attempts=(
            ep.ExamAttempt(start + dt.timedelta(days=70), passed=False, scaled_score=880),
            ep.ExamAttempt(start + dt.timedelta(days=91), passed=False, scaled_score=910),
        ),
        skills=ep.SkillsCompetency(start - dt.timedelta(days=4)),
    )


def interleaved(cases: list[tuple[object, int]], rounds: int = 25) -> list[float]:
    """The best time per call of each ``(function, calls per round)``, the cases taking
    turns round by round: on a shared machine a burst of other work then slows every case
    alike, instead of whichever happened to run during it. The ratio of two cases is the
    ratio of their best rounds."""
    best = [float("inf")] * len(cases)
    for _ in range(rounds):
        for k, (fn, number) in enumerate(cases):
            elapsed = timeit.timeit(fn, number=number)  # type: ignore[arg-type]
            best[k] = min(best[k], elapsed / number)
    return best


def bytes_per(make: object, count: int) -> float:
    """Traced bytes still allocated per item after building ``count`` of them."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = [make(i) for i in range(count)]  # type: ignore[operator]
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    list_overhead = sys.getsizeof(kept)
    return (after - before - list_overhead) / count


P = ep.NREMT_EMR


def explained(candidate: ep.Candidate, as_of: dt.date) -> int:
    """evaluate() and a read of every gate and reason, as a caller who shows them does."""
    status = ep.evaluate(candidate, as_of=as_of, program=P)
    return len(status.gates) + sum(len(gate.reasons) for gate in status.gates)


FIRST_EVALUATE = (
    "import datetime as dt, emrpath as ep; "
    "ep.evaluate(ep.Candidate(ep.CourseCompletion(dt.date(2025, 5, 2))), "
    "as_of=dt.date(2025, 6, 1), program=ep.NREMT_EMR)"
)


def first_use_times() -> tuple[float, float, float]:
    """Fresh-interpreter medians: bare Python, ``import emrpath``, and a first evaluate()
    (which loads the pathway modules and builds the program's calendar)."""
    env = dict(os.environ, PYTHONPATH=str(SRC))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as an installed package runs: cached
    commands = [
        [sys.executable, "-c", "pass"],
        [sys.executable, "-c", "import emrpath"],
        [sys.executable, "-c", FIRST_EVALUATE],
    ]

    def wall(command: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True)
        return time.perf_counter() - start

    for command in commands:
        wall(command)  # warm the file system caches and .pyc files
    runs: list[list[float]] = [[], [], []]
    for _ in range(IMPORT_RUNS):
        for k, command in enumerate(commands):
            runs[k].append(wall(command))
    a, b, c = (statistics.median(r) for r in runs)
    return a, b, c


def main() -> None:
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.system()}, "
        f"{os.cpu_count()} CPUs"
    )
    print()
    candidate = build()
    explained(candidate, AS_OF)  # warm the calendar
    t_build, t_decide, t_explain = interleaved(
        [
            (build, 2_000),
            (lambda: ep.decide(candidate, as_of=AS_OF, program=P), 2_000),
            (lambda: explained(candidate, AS_OF), 1_000),
        ]
    )
    batch = [varied(i) for i in range(10_000)]
    as_of = D(2026, 1, 1)
    t_decide_many, t_evaluate_many = (
        min(timeit.repeat(partial(many, batch, as_of=as_of, program=P), number=1, repeat=5))
        for many in (ep.decide_many, ep.evaluate_many)
    )
    print("| measure | time | ratio |")
    print("|---|---:|---:|")
    print(f"| build the candidate's records | {t_build * 1e6:.2f} µs | 1.00 |")
    print(f"| decide() | {t_decide * 1e6:.2f} µs | {t_decide / t_build:.2f} |")
    print(
        f"| evaluate(...) and read every gate and reason | {t_explain * 1e6:.2f} µs | "
        f"{t_explain / t_build:.2f} |"
    )
    for name, took in (("decide_many", t_decide_many), ("evaluate_many", t_evaluate_many)):
        print(
            f"| {name} over 10,000 candidates, one core | {took * 1e3:.1f} ms | "
            f"{len(batch) / took:,.0f} candidates/s |"
        )
    print()
    per_candidate = bytes_per(varied, MEMORY_RECORDS)
    per_decision = bytes_per(lambda i: ep.decide(batch[i % 1000], as_of=as_of, program=P), 20_000)
    per_status = bytes_per(lambda i: ep.evaluate(batch[i % 1000], as_of=as_of, program=P), 20_000)
    pickled = len(pickle.dumps(ep.decide(batch[0], as_of=as_of, program=P)))
    print("| memory (tracemalloc) | bytes per item |")
    print("|---|---:|")
    print(f"| Candidate: course, 2 attempts, skills | {per_candidate:,.0f} |")
    print(f"| PathwayDecision from decide() (20,000 kept) | {per_decision:,.0f} |")
    print(f"| PathwayStatus from evaluate() (20,000 kept) | {per_status:,.0f} |")
    print(f"| a pickled PathwayDecision | {pickled:,} |")
    print()
    base, imported, used = first_use_times()
    print(f"| fresh interpreter, median of {IMPORT_RUNS} | time | added |")
    print("|---|---:|---:|")
    print(f"| bare `python -c pass` | {base * 1e3:.1f} ms | |")
    added = (imported - base) * 1e3
    print(f"| `import emrpath` | {imported * 1e3:.1f} ms | {added:.1f} ms |")
    print(
        f"| a first `ep.evaluate(...)` (NREMT EMR) | {used * 1e3:.1f} ms | "
        f"{(used - base) * 1e3:.1f} ms |"
    )
    print()
    for name, took, limit in (("decide", t_decide, 2), ("explained status", t_explain, 4)):
        verdict = "PASS" if took <= limit * t_build else "FAIL"
        print(f"goal {name} <= {limit}x build: {verdict} ({took / t_build:.2f}x)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
