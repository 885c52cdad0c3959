"""Benchmark: evaluate() throughput and its cost relative to building the records.

Run by hand (never in CI): ``python bench/bench_evaluate.py``. The goal from the NREMT
pathway issue: evaluate() on a candidate with a verified course, skills and two failed
attempts costs at most 2x building that candidate's records.
"""

from __future__ import annotations

import datetime as dt
import platform
import sys
import timeit

import emrpath as ep

D = dt.date
AS_OF = D(2025, 8, 20)


def build() -> ep.Candidate:
    return ep.Candidate(
        course=ep.CourseCompletion(D(2025, 5, 2), verified_on=D(2025, 5, 9)),
        attempts=(
            ep.ExamAttempt(D(2025, 7, 11), passed=False, scaled_score=880),
            ep.ExamAttempt(D(2025, 8, 1), passed=False, scaled_score=910),
        ),
        skills=ep.SkillsCompetency(D(2025, 4, 28)),
    )


def per_call(fn: object, number: int, repeat: int = 7) -> float:
    times = timeit.repeat(fn, number=number, repeat=repeat)  # type: ignore[arg-type]
    return min(times) / number


def main() -> None:
    candidate = build()
    ep.evaluate(candidate, as_of=AS_OF)  # warm the calendar
    n = 20_000
    t_build = per_call(build, n)
    t_eval = per_call(lambda: ep.evaluate(candidate, as_of=AS_OF), n)
    batch = [build() for _ in range(10_000)]
    t_many = min(
        timeit.repeat(lambda: [ep.evaluate(c, as_of=AS_OF) for c in batch], number=1, repeat=5)
    )
    print(f"python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print()
    print("| measure | time | ratio |")
    print("|---|---:|---:|")
    print(f"| build the candidate's records | {t_build * 1e6:.2f} µs | 1.00 |")
    print(f"| evaluate(candidate, as_of) | {t_eval * 1e6:.2f} µs | {t_eval / t_build:.2f} |")
    print(
        f"| 10,000 candidates, one core | {t_many * 1e3:.1f} ms | "
        f"{len(batch) / t_many:,.0f} candidates/s |"
    )
    print()
    goal = t_eval <= 2 * t_build
    print(f"goal evaluate <= 2x build: {'PASS' if goal else 'FAIL'} ({t_eval / t_build:.2f}x)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
