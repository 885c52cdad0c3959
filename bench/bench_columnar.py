"""Benchmark: evaluate_table against decide_many and evaluate_many on the same rows.

Run by hand (never in CI): ``python bench/bench_columnar.py [rows]`` (default 1,000,000).
The goal (issue "Registry scale", item 3): at least 1,000,000 candidates a second per core
for the NREMT programs on the vectorised path. The script generates a registry of valid
candidates (every row on the vectorised path: no CPR or authorization records), checks
that evaluate_table gives decide()'s fields on every row of a sample before it times
anything, then times, in interleaved rounds keeping each case's best round:

- evaluate_table over the whole registry, from an Arrow Table and from a pandas
  DataFrame (``datetime64`` date columns);
- evaluate_table, decide_many and evaluate_many over the same sample of rows, and
  building that sample's Candidate records from the rows plus decide_many (what a caller
  without a columnar entry point writes).

Times are CPU seconds of this process (``time.process_time``: "per core", and what other
work on a shared machine disturbs least) with the wall time beside them; the load average
is printed before and after. The output is the markdown docs/how-to/columnar.md records.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
if SRC.is_dir():  # measure this checkout, whether or not it is installed
    sys.path.insert(0, str(SRC))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pyarrow as pa  # noqa: E402

import emrpath as ep  # noqa: E402
from emrpath.policies import NextPeriodWait  # noqa: E402

D = dt.date
AS_OF = D(2025, 8, 20)
SAMPLE = 50_000
ROUNDS = 5
EPOCH = D(1970, 1, 1)


def registry(rows: int, program: ep.Program, seed: int = 1) -> Any:
    """A pyarrow Table of ``rows`` valid candidates of every outcome under ``program``."""
    rng = np.random.default_rng(seed)
    today = (AS_OF - EPOCH).days
    start = today - rng.integers(20, 1_100, rows)
    limit = program.attempt_limit.value_at(AS_OF).max_attempts
    scale = program.score_scale.value_at(AS_OF)
    scaled_from = (program.score_scale.provisions[-1].effective_from - EPOCH).days
    wait = 120 if isinstance(program.retest_wait.value_at(AS_OF), NextPeriodWait) else 21
    count = rng.integers(0, limit + 1, rows)

    def dates(days: Any, present: Any) -> Any:
        return pa.array(days.astype(np.int32), pa.int32(), mask=~present).cast(pa.date32())

    columns = {
        "course_completed_on": dates(start, np.ones(rows, bool)),
        "course_verified_on": dates(start + rng.integers(0, 20, rows), rng.random(rows) < 0.9),
        "skills_passed_on": dates(start - rng.integers(0, 30, rows), rng.random(rows) < 0.85),
        "transcripts_received_on": dates(start + 10, rng.random(rows) < 0.8),
    }
    passes = rng.random(rows) < 0.5
    for k in range(limit):
        on = start + 25 + wait * k + rng.integers(0, 10, rows)
        here = (count > k) & (on <= today)
        passed = here & (count == k + 1) & passes
        score = rng.integers(scale.minimum, scale.passing, rows)
        columns[f"attempt_{k + 1}_on"] = dates(on, here)
        columns[f"attempt_{k + 1}_passed"] = pa.array(passed, mask=~here)
        columns[f"attempt_{k + 1}_score"] = pa.array(
            score, mask=~here | passed | (on < scaled_from)
        )
    return pa.table(columns)


def as_frame(table: Any) -> Any:
    """The table as a pandas user holds it: datetime64 dates, nullable booleans and ints."""
    frame = table.to_pandas()
    for name in table.column_names:
        kind = table.schema.field(name).type
        if pa.types.is_date32(kind):
            frame[name] = pd.to_datetime(frame[name]).astype("datetime64[s]")
        elif pa.types.is_boolean(kind):
            frame[name] = frame[name].astype("boolean")
        elif pa.types.is_integer(kind):
            frame[name] = pd.array(table.column(name).to_pylist(), dtype="Int64")
    return frame


def candidates(table: Any) -> list[ep.Candidate]:
    """The Candidate records the rows describe (the columns read in Python)."""
    out = []
    for row in table.to_pylist():
        attempts = [
            ep.ExamAttempt(
                row[f"attempt_{k}_on"], row[f"attempt_{k}_passed"], row[f"attempt_{k}_score"]
            )
            for k in range(1, 10)
            if row.get(f"attempt_{k}_on") is not None
        ]
        skills = row["skills_passed_on"]
        out.append(
            ep.Candidate(
                ep.CourseCompletion(row["course_completed_on"], row["course_verified_on"]),
                attempts,
                skills=None if skills is None else ep.SkillsCompetency(skills),
                transcripts_received_on=row["transcripts_received_on"],
            )
        )
    return out


def check(table: Any, people: list[ep.Candidate], program: ep.Program) -> None:
    """Stop unless evaluate_table gives decide()'s fields on every row of the sample."""
    got = ep.evaluate_table(table, as_of=AS_OF, program=program)
    assert got.fallback_rows == 0, got
    for row, decision in zip(
        got.table.to_pylist(), ep.decide_many(people, as_of=AS_OF, program=program), strict=True
    ):
        want = {
            name: getattr(decision, name) for name in row if name not in ("confidence", "error")
        }
        assert {k: row[k] for k in want} == want, (row, decision)
        assert row["confidence"] == decision.confidence.value


def interleaved(
    cases: dict[str, Callable[[], object]], rounds: int
) -> dict[str, tuple[float, float]]:
    """Each case's best (CPU, wall) seconds, the cases taking turns round by round: on a
    shared machine a burst of other work then slows every case alike."""
    best = {name: (float("inf"), float("inf")) for name in cases}
    for _ in range(rounds):
        for name, run in cases.items():
            cpu, wall = time.process_time(), time.perf_counter()
            run()
            took = (time.process_time() - cpu, time.perf_counter() - wall)
            best[name] = (min(best[name][0], took[0]), min(best[name][1], took[1]))
    return best


def cases_for(
    program: ep.Program, table: Any, frame: Any, sample: Any, people: list[ep.Candidate]
) -> dict[str, Callable[[], object]]:
    """What is timed, for one program: the same as_of and program throughout."""
    on = {"as_of": AS_OF, "program": program}
    return {
        "evaluate_table, Arrow Table": partial(ep.evaluate_table, table, **on),
        "evaluate_table, pandas DataFrame": partial(ep.evaluate_table, frame, **on),
        "evaluate_table, Arrow, sample": partial(ep.evaluate_table, sample, **on),
        "decide_many, sample": partial(ep.decide_many, people, **on),
        "evaluate_many, sample": partial(ep.evaluate_many, people, **on),
        "Candidates from the rows + decide_many, sample": lambda: ep.decide_many(
            candidates(sample), **on
        ),
    }


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.system()}, "
        f"{os.cpu_count()} CPUs; numpy {np.__version__}, pyarrow {pa.__version__}, "
        f"pandas {pd.__version__}"
    )
    print()
    print(
        "| program | case | rows | CPU | wall | candidates/s per core (CPU) "
        "| vs decide_many | vs evaluate_many |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    goal = []
    for program in (ep.NREMT_EMR, ep.ASCP_MLS):
        table = registry(rows, program)
        frame = as_frame(table)
        sample = table.slice(0, min(SAMPLE, rows))
        people = candidates(sample)
        check(sample, people, program)
        ep.evaluate_many(people[:100], as_of=AS_OF, program=program)  # warm the calendar

        cases = cases_for(program, table, frame, sample, people)
        best = interleaved(cases, ROUNDS)
        per_row = {
            name: cpu / (sample.num_rows if "sample" in name else rows)
            for name, (cpu, _) in best.items()
        }
        for name, (cpu, wall) in best.items():
            count = sample.num_rows if "sample" in name else rows
            rate = 1 / per_row[name]
            vs_decide = per_row["decide_many, sample"] / per_row[name]
            vs_evaluate = per_row["evaluate_many, sample"] / per_row[name]
            print(
                f"| {program.key} | {name} | {count:,} | {cpu:.3f} s | {wall:.3f} s | "
                f"{rate:,.0f} | {vs_decide:.1f}x | {vs_evaluate:.1f}x |"
            )
        if program.key.startswith("nremt"):
            goal.append((program.key, 1 / per_row["evaluate_table, Arrow Table"]))
        sys.stdout.flush()
    print()
    for key, rate in goal:
        verdict = "PASS" if rate >= 1_000_000 else "FAIL"
        print(f"goal {key}: >= 1,000,000 candidates/s per core: {verdict} ({rate:,.0f})")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
