"""Benchmark: evaluate() throughput, its cost relative to building the records, memory per
record, and what the first use of the pathway adds to ``import emrpath``.

Run by hand (never in CI): ``python bench/bench_evaluate.py``. The goal from the NREMT
pathway issue: evaluate() on a candidate with a verified course, skills and two failed
attempts costs at most 2x building that candidate's records. The output is the markdown
that docs/performance.md records.

evaluate() decides every field and builds the cited explanation (gates and reasons) when
it is first read, so the script also times a read of the explanation and measures the
memory of statuses whose explanation was read.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import platform
import statistics
import subprocess
import sys
import time
import timeit
import tracemalloc
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


def _read(status: ep.PathwayStatus) -> ep.PathwayStatus:
    status.gates  # noqa: B018  # builds gates and reasons, which the status then keeps
    return status


def first_use_times() -> tuple[float, float, float]:
    """Fresh-interpreter medians: the dependencies alone, plus ``import emrpath``, plus the
    first use of evaluate() and NREMT_EMR (which loads the pathway modules lazily)."""
    env = dict(os.environ, PYTHONPATH=str(SRC))
    deps = "import attrs, dateutil, holidays"
    commands = [
        [sys.executable, "-c", deps],
        [sys.executable, "-c", f"{deps}, emrpath"],
        [sys.executable, "-c", f"{deps}, emrpath as ep; ep.evaluate, ep.NREMT_EMR"],
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
    ep.evaluate(candidate, as_of=AS_OF, program=ep.NREMT_EMR)  # warm the calendar
    t_build, t_eval, t_read = interleaved(
        [
            (build, 2_000),
            (lambda: ep.evaluate(candidate, as_of=AS_OF, program=ep.NREMT_EMR), 2_000),
            (lambda: ep.evaluate(candidate, as_of=AS_OF, program=ep.NREMT_EMR).gates, 500),
        ]
    )
    batch = [varied(i) for i in range(10_000)]
    as_of = D(2026, 1, 1)
    t_many = min(
        timeit.repeat(
            lambda: ep.evaluate_many(batch, as_of=as_of, program=ep.NREMT_EMR), number=1, repeat=5
        )
    )
    print("| measure | time | ratio |")
    print("|---|---:|---:|")
    print(f"| build the candidate's records | {t_build * 1e6:.2f} µs | 1.00 |")
    print(f"| evaluate(candidate, as_of) | {t_eval * 1e6:.2f} µs | {t_eval / t_build:.2f} |")
    print(
        f"| ... and read its explanation (`.gates`) | {t_read * 1e6:.2f} µs | "
        f"{t_read / t_build:.2f} |"
    )
    print(
        f"| evaluate_many over 10,000 candidates, one core | {t_many * 1e3:.1f} ms | "
        f"{len(batch) / t_many:,.0f} candidates/s |"
    )
    print()
    per_candidate = bytes_per(varied, MEMORY_RECORDS)
    statuses = ep.evaluate_many(batch[:1000], as_of=as_of, program=ep.NREMT_EMR)
    per_status = bytes_per(
        lambda i: ep.evaluate(batch[i % 1000], as_of=as_of, program=ep.NREMT_EMR), 20_000
    )
    per_read = bytes_per(
        lambda i: _read(ep.evaluate(batch[i % 1000], as_of=as_of, program=ep.NREMT_EMR)), 20_000
    )
    del statuses
    print(f"| memory (tracemalloc, {MEMORY_RECORDS:,} candidates) | bytes per item |")
    print("|---|---:|")
    print(f"| Candidate: course, 2 attempts, skills, own dates | {per_candidate:,.0f} |")
    print(f"| PathwayStatus from evaluate() (20,000 kept) | {per_status:,.0f} |")
    print(f"| ... the same once its explanation was read | {per_read:,.0f} |")
    print()
    base, imported, used = first_use_times()
    print(f"| fresh interpreter, median of {IMPORT_RUNS} | time | added |")
    print("|---|---:|---:|")
    print(f"| `import attrs, dateutil, holidays` | {base * 1e3:.1f} ms | |")
    added = (imported - base) * 1e3
    print(f"| ... and `import emrpath` | {imported * 1e3:.1f} ms | {added:.1f} ms |")
    print(
        f"| ... and first use of `ep.evaluate`, `ep.NREMT_EMR` | {used * 1e3:.1f} ms | "
        f"{(used - base) * 1e3:.1f} ms |"
    )
    print()
    goal = t_eval <= 2 * t_build
    print(f"goal evaluate <= 2x build: {'PASS' if goal else 'FAIL'} ({t_eval / t_build:.2f}x)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
