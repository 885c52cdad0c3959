"""Benchmark: how evaluate() and decide() grow with the size of one candidate's record.

Run by hand (never in CI): ``python bench/bench_growth.py``. Issue "Correctness and
robustness" found evaluate() quadratic in attempts x authorizations (10,000 attempts with
an authorization each took 55 s). Every check is now one pass; this prints the time per
call for n attempts, each with its own authorization to test, under a what-if NREMT EMR
program that allows n attempts within a course valid long enough to hold them. Time per
attempt staying flat as n grows is the linear curve docs/performance.md records.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import timeit
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
if SRC.is_dir():  # measure this checkout, whether or not it is installed
    sys.path.insert(0, str(SRC))

import attrs  # noqa: E402

import emrpath as ep  # noqa: E402
from emrpath.policies import MonthEndValidity  # noqa: E402

START = dt.date(2015, 1, 5)


def program(n: int) -> ep.Program:
    """NREMT EMR with room for ``n`` attempts: n allowed, a course valid 100 years."""
    base = ep.NREMT_EMR
    limit = base.attempt_limit.provisions[-1]
    validity = base.course_validity.provisions[-1]
    return attrs.evolve(
        base,
        attempt_limit=attrs.evolve(
            base.attempt_limit,
            provisions=(attrs.evolve(limit, value=attrs.evolve(limit.value, max_attempts=n)),),
        ),
        course_validity=attrs.evolve(
            base.course_validity,
            provisions=(attrs.evolve(validity, value=MonthEndValidity(months=1200)),),
        ),
    )


def candidate(n: int) -> ep.Candidate:
    """``n`` failed attempts a day apart, each with an authorization issued that day."""
    days = [START + dt.timedelta(days=i) for i in range(n)]
    return ep.Candidate(
        course=ep.CourseCompletion(START, verified_on=START),
        attempts=[ep.ExamAttempt(day, passed=False) for day in days],
        authorizations=[ep.AuthorizationToTest(day) for day in days],
    )


def main() -> None:
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print("| attempts and authorizations | decide() | evaluate() | evaluate() per attempt |")
    print("|---:|---:|---:|---:|")
    for n in (10, 100, 1_000, 10_000):
        p, c = program(n), candidate(n)
        as_of = c.attempts[-1].taken_on + dt.timedelta(days=1)
        ep.evaluate(c, as_of=as_of, program=p)  # warm the calendar
        runs = max(1, 2_000 // n)
        took = {
            f.__name__: min(timeit.repeat(partial(f, c, as_of=as_of, program=p), number=runs))
            / runs
            for f in (ep.decide, ep.evaluate)
        }
        print(
            f"| {n:,} | {took['decide'] * 1e3:.2f} ms | {took['evaluate'] * 1e3:.2f} ms | "
            f"{took['evaluate'] / n * 1e6:.1f} µs |"
        )
    print()
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
