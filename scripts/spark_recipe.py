"""Run the Spark recipe of docs/how-to/registry.md over a generated registry, check every row
against ``ep.decide()``, and print the figures the page records.

Usage (needs Java 17 or newer, and ``pip install -e ".[columnar]" pyspark psutil``)::

    python scripts/spark_recipe.py [rows]     # default 100,000

Not part of CI: installing pyspark takes about two minutes on its own (a 300 MB download)
and a local session about 45 seconds to start, on the machine the page records. The recipe
run is the page's own block, the one whose ``<!-- not run: ... -->`` marker names this file
(tests/recipes.py finds it), on a ``local[2]`` session. The registry is the one
tests/test_dask_recipe.py uses, at a larger size: its first 150 rows are all certified
candidates (whose ``next_attempt_on`` is null: a schema guessed from them fails), then a mix
of candidates on their way, candidates who used every attempt and refused records, written
as Parquet in the columns of ``evaluate_table``.

What is timed: the Spark job that reads the Parquet files, decides them with ``mapInArrow``
and writes the result as Parquet (wall seconds, the session already started), twice (the
first job also starts Spark's Python workers, which import emrpath, pyarrow and pandas; the
second reuses them), against
``ep.evaluate_table`` over the same files in this one process (read with pyarrow, decided,
written) in the same run. Peak memory, sampled every 0.1 s while a job runs: for Spark the
largest total resident memory of the processes under this one (the JVM and Spark's Python
workers; pages two processes share count in each), for the one process how far it grew
above its size before the job (the generated registry the script holds for the comparison
is not counted in either). Then every written row
is compared with ``ep.decide()`` on its candidate, and the script fails on any difference.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT / "src", ROOT):  # this checkout, and tests/recipes.py
    sys.path.insert(0, str(path))
# Spark starts its Python workers with this interpreter, the one that has emrpath.
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402
import pyspark  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

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
    write_parquet,
)

RUNNER = "scripts/spark_recipe.py"


def one_process(source: Path, out: Path) -> None:
    """The same work in this process: read the files, evaluate_table, write the result."""
    table = pq.read_table(source)
    result = ep.evaluate_table(table, as_of=AS_OF, program=PROGRAM).table
    result = result.add_column(0, "candidate_id", table["candidate_id"])
    out.mkdir()
    pq.write_table(result, out / "part-0.parquet")


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
        f"pyspark {pyspark.__version__}, pyarrow {pa.__version__}, emrpath {ep.__version__}"
    )
    pairs = cohort(rows)
    want = expected(pairs)
    assert all(want[cid]["certified"] for cid, _ in pairs[:CERTIFIED_FIRST])
    print(f"{rows:,} candidates: {mix(want)}; the first {CERTIFIED_FIRST} certified")
    recipe = load_recipe(RUNNER)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        write_parquet(pairs, work / "registry", files=8)

        started = time.perf_counter()
        spark = (
            SparkSession.builder.master("local[2]")
            .appName("emrpath spark recipe")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        start_up = time.perf_counter() - started
        try:
            figures = []
            for number, name in enumerate(("Spark, first", "Spark, again", "one process")):
                out = work / f"decided-{number}"
                with PeakMemory() as memory:
                    started = time.perf_counter()
                    if name.startswith("Spark"):
                        registry = spark.read.parquet(str(work / "registry"))
                        decided = recipe["decide_registry"](registry, as_of=AS_OF, program=PROGRAM)
                        decided.write.parquet(str(out))
                    else:
                        one_process(work / "registry", out)
                    took = time.perf_counter() - started
                got = read_back(out)
                problems = differences(got, want)
                if problems:
                    sys.exit(
                        f"{name}: {len(problems)} rows differ from decide(), e.g. {problems[0]}"
                    )
                peak = memory.workers if name.startswith("Spark") else memory.added
                figures.append((name, len(got), took, memory.cpu, peak))
        finally:
            spark.stop()
    print(f"Spark session start (local[2]): {start_up:.1f} s")
    print()
    print("| how | rows | wall | rows/s | CPU | rows/CPU s | peak memory |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, count, took, cpu, peak in figures:
        how = {
            "Spark, first": "`decide_registry` (`mapInArrow`) on `local[2]`, the first job "
            "(Spark starts its Python workers); memory: the JVM and the Python workers",
            "Spark, again": "the same job again (the workers are reused)",
            "one process": "`evaluate_table` in one process; memory: what the process grew",
        }[name]
        print(
            f"| {how} | {count:,} | {took:.1f} s | {count / took:,.0f} "
            f"| {cpu:.1f} s | {count / cpu:,.0f} | {mib(peak)} |"
        )
    print()
    print(f"every row equals decide()'s ({rows:,} rows, both ways)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
