"""Run the Dask recipe of docs/how-to/registry.md over a generated registry, check every row
against ``ep.decide()``, and print the figures the page records.

Usage (``pip install -e ".[dev]"``, which brings dask[distributed], pyarrow and pandas)::

    python scripts/dask_recipe.py [rows]     # default 100,000

tests/test_dask_recipe.py runs the same block on 2,000 candidates in CI; this script
measures it at a size where the work, not the start-up, is what is timed. The recipe is the
page's own block (the one whose ``<!-- not run: ... -->`` marker names
tests/test_dask_recipe.py; tests/recipes.py finds it), on a ``LocalCluster`` of two worker
processes with one thread each. The registry is the test's: its first 150 rows certified
candidates, then a mix of candidates on their way, candidates who used every attempt and
refused records, written once as JSON lines (8 files) and once as Parquet (8 files).

What is timed (wall seconds, the cluster already started): each recipe reading its files
and writing the result as Parquet on the workers, against the same work in this one process
in the same run (the recipe's ``decide_line`` over every line; ``ep.evaluate_table`` over
the Parquet files read with pyarrow). Peak memory, sampled every 0.1 s while a job runs:
for Dask the largest total resident memory of the worker processes (pages two processes
share count in each), for the one process how far it grew above its size before the job
(the generated registry the script holds for the comparison is not counted in either).
Then every written row is compared with ``ep.decide()`` on its candidate, and the script
fails on any difference.
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT / "src", ROOT):  # this checkout, and tests/recipes.py
    sys.path.insert(0, str(path))

import dask  # noqa: E402
import distributed  # noqa: E402
import pandas as pd  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

import emrpath as ep  # noqa: E402
from tests.recipes import (  # noqa: E402
    AS_OF,
    CERTIFIED_FIRST,
    PROGRAM,
    PeakMemory,
    cohort,
    differences,
    expected,
    load_recipe,
    mib,
    mix,
    read_back,
    write_json_lines,
    write_parquet,
)

RUNNER = "tests/test_dask_recipe.py"
FILES = 8


def imports() -> None:
    """What a worker imports to run the recipe (the baseline of its memory)."""
    for name in (
        "dask.dataframe",
        "numpy",
        "pandas",
        "pyarrow.compute",
        "pyarrow.parquet",
        "emrpath",
    ):
        importlib.import_module(name)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
        f"dask {dask.__version__}, distributed {distributed.__version__}, "
        f"pandas {pd.__version__}, pyarrow {pa.__version__}, emrpath {ep.__version__}"
    )
    pairs = cohort(rows)
    want = expected(pairs)
    assert all(want[cid]["certified"] for cid, _ in pairs[:CERTIFIED_FIRST])
    print(f"{rows:,} candidates: {mix(want)}; the first {CERTIFIED_FIRST} certified")
    recipe = load_recipe(RUNNER)
    on = {"as_of": AS_OF, "program": PROGRAM}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        write_json_lines(pairs, work / "json", files=FILES)
        write_parquet(pairs, work / "parquet", files=FILES)
        json_glob, parquet_glob = str(work / "json" / "*.jsonl"), str(work / "parquet" / "*")

        def json_here(out: Path) -> None:
            decided = []
            for name in sorted((work / "json").iterdir()):
                with name.open(encoding="utf-8") as lines:
                    decided.extend(recipe["decide_line"](line, **on) for line in lines)
            frame = pd.DataFrame(decided, columns=recipe["META"].columns)
            out.mkdir()
            frame.astype(recipe["META"].dtypes).to_parquet(out / "part-0.parquet", index=False)

        def table_here(out: Path) -> None:
            table = pq.read_table(work / "parquet")
            result = ep.evaluate_table(table, **on).table
            out.mkdir()
            pq.write_table(
                result.add_column(0, "candidate_id", table["candidate_id"]),
                out / "part-0.parquet",
            )

        def on_dask(make: Callable[[], Any]) -> Callable[[Path], None]:
            return lambda out: make().to_parquet(str(out), write_index=False)

        jobs: dict[str, Callable[[Path], None]] = {
            "JSON lines, Dask": on_dask(
                lambda: recipe["decide_json_lines"](json_glob, blocksize="4MiB", **on)
            ),
            "JSON lines, one process": json_here,
            "Parquet, Dask": on_dask(lambda: recipe["decide_parquet"](parquet_glob, **on)),
            "Parquet, one process": table_here,
        }
        started = time.perf_counter()
        with (
            distributed.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            start_up = time.perf_counter() - started
            client.run(imports)
            with PeakMemory() as idle:  # the workers before any job, with the recipe's imports
                time.sleep(0.5)
            figures = []
            for name, job in jobs.items():
                out = work / f"decided-{len(figures)}"
                with PeakMemory() as memory:
                    started = time.perf_counter()
                    job(out)
                    took = time.perf_counter() - started
                got = read_back(out)
                problems = differences(got, want)
                if problems:
                    sys.exit(
                        f"{name}: {len(problems)} rows differ from decide(), e.g. {problems[0]}"
                    )
                peak = memory.workers if "Dask" in name else memory.added
                figures.append((name, len(got), took, memory.cpu, peak))
    print(
        f"LocalCluster start (2 worker processes, 1 thread each): {start_up:.1f} s; "
        f"the workers before any job, with the recipe's imports: {mib(idle.workers)}"
    )
    print()
    print("| input | how | rows | wall | rows/s | CPU | rows/CPU s | peak memory |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name, count, took, cpu, peak in figures:
        source, how = name.split(", ")
        how = {
            "Dask": "the recipe on the two workers; memory: the workers",
            "one process": "the same in this process; memory: what it grew",
        }[how]
        print(
            f"| {source} | {how} | {count:,} | {took:.1f} s | {count / took:,.0f} "
            f"| {cpu:.1f} s | {count / cpu:,.0f} | {mib(peak)} |"
        )
    print()
    print(f"every row equals decide()'s ({rows:,} rows, every way)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
