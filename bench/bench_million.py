"""Benchmark: a registry of 1,000,000 candidates through evaluate_table and decide_many.

Run by hand (never in CI): ``python bench/bench_million.py [rows]`` (default 1,000,000).
For NREMT EMR and ASCP MLS, each measurement runs in a fresh interpreter of its own so that
its peak memory (``resource.getrusage(...).ru_maxrss``) is its own:

- **evaluate_table** over a pyarrow Table of the rows (the columnar path, one call);
- **Candidates from the rows**, then **decide_many** over them: what a caller without the
  columnar entry point writes (rows read 50,000 at a time, each made into the six
  validated records, then one decide_many over the whole list), timed separately.

The rows are bench_columnar.py's generated registry (valid candidates of every outcome,
every row on the vectorised path), the same seed for both measurements of a program. Each
child prints its wall and CPU seconds (CPU time of the process: "per core", and what other
work on a shared machine disturbs least) and two memory figures: the peak after generating
its input (the interpreter, numpy, pyarrow and the table, plus the records for
decide_many) and the peak at the end. The load average is printed before and after; the
output is the markdown docs/performance.md records.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
AS_OF_ISO = "2025-08-20"
BATCH = 50_000
PROGRAMS = ("NREMT_EMR", "ASCP_MLS")
CASES = ("evaluate_table", "decide_many")


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(case: str, program_name: str, rows: int) -> None:
    """One measurement in this (fresh) process; prints one JSON line."""
    sys.path.insert(0, str(HERE))  # bench_columnar: the generated registry and its records
    import datetime as dt

    import bench_columnar

    import emrpath as ep

    program = getattr(ep, program_name)
    as_of = dt.date.fromisoformat(AS_OF_ISO)
    table = bench_columnar.registry(rows, program)
    ep.BusinessCalendar.from_spec(program.calendar_spec)  # built once per process, not timed
    result: dict[str, float] = {}
    if case == "evaluate_table":
        result["input_mb"] = peak_mb()
        cpu, wall = time.process_time(), time.perf_counter()
        got = ep.evaluate_table(table, as_of=as_of, program=program)
        result["cpu"], result["wall"] = time.process_time() - cpu, time.perf_counter() - wall
        assert got.table.num_rows == rows
        result["fallback_rows"] = got.fallback_rows
    else:
        cpu, wall = time.process_time(), time.perf_counter()
        people = []
        for batch in table.to_batches(max_chunksize=BATCH):
            people.extend(bench_columnar.candidates(batch))
        result["build_cpu"] = time.process_time() - cpu
        result["build_wall"] = time.perf_counter() - wall
        del table
        result["input_mb"] = peak_mb()
        cpu, wall = time.process_time(), time.perf_counter()
        decisions = ep.decide_many(people, as_of=as_of, program=program)
        result["cpu"], result["wall"] = time.process_time() - cpu, time.perf_counter() - wall
        assert len(decisions) == rows
    result["peak_mb"] = peak_mb()
    print(json.dumps(result))


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    env = dict(os.environ)
    src = HERE.parent / "src"
    if src.is_dir():  # measure this checkout, whether or not it is installed
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.system()}, "
        f"{os.cpu_count()} CPUs; {rows:,} candidates, as_of {AS_OF_ISO}, one core each"
    )
    print()
    print(
        "| program | step | wall | CPU | candidates/s (wall) | candidates/s per core (CPU) "
        "| peak memory after input | peak memory |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for program in PROGRAMS:
        for case in CASES:
            done = subprocess.run(
                [sys.executable, __file__, "--child", case, program, str(rows)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            got = json.loads(done.stdout.splitlines()[-1])
            memory = f"{got['input_mb']:,.0f} MB | {got['peak_mb']:,.0f} MB"
            if case == "decide_many":
                print(
                    f"| {program} | Candidates from the rows | {got['build_wall']:.1f} s "
                    f"| {got['build_cpu']:.1f} s | {rows / got['build_wall']:,.0f} "
                    f"| {rows / got['build_cpu']:,.0f} | | |"
                )
                name = "decide_many over them"
            else:
                name = f"evaluate_table (fallback rows: {got['fallback_rows']:,.0f})"
            print(
                f"| {program} | {name} | {got['wall']:.2f} s | {got['cpu']:.2f} s "
                f"| {rows / got['wall']:,.0f} | {rows / got['cpu']:,.0f} | {memory} |"
            )
            sys.stdout.flush()
    print()
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        main()
