"""Benchmark: one registry of candidates decided every way the docs offer, side by side.

Run by hand (never in CI)::

    pip install -e ".[dev,bench]" pyspark psutil     # and Java 17 or newer for Spark
    python bench/bench_registry.py [ROWS] [CASE ...]  # default 1,000,000 rows, every case

The registry is generated once (``SEED``), written to a temporary folder as JSON lines
(``"<candidate_id>\\t<document>"``, 8 files, the documents as ``ep.dumps`` writes them) and as
Parquet in ``evaluate_table``'s columns (8 files), and every case then reads those files in
a fresh interpreter of its own (``python bench/bench_registry.py --child CASE ...``), so
that nothing one case built or imported helps or burdens the next. The candidates are
tests/recipes.py's (the registry the Dask test and scripts/spark_recipe.py use: its first
150 certified, then about 30% certified, 45% on their way and 20% who used every attempt,
under NREMT EMR on 2025-08-20), without the refused records that cohort mixes in: every
record is valid, so every case does the same work and ``decide_many`` does not stop at the
first refused record. The cases (``CASES``):

- ``read``: the JSON lines, each document through ``ep.loads`` to a ``Candidate``;
- ``decide_many``: ``ep.decide_many`` over those records (read first, not timed);
- ``read+decide``: the two end to end, from the files to decisions, in one process, with
  the pool recipe's own ``decide_documents`` (below);
- ``evaluate_table``: ``ep.evaluate_table`` over the registry as a pyarrow Table (read from
  the Parquet files first, not timed), and ``parquet+evaluate_table``: reading the files
  and deciding them, timed together;
- ``pool``: the process-pool recipe of docs/how-to/registry.md ("Send the documents, not
  the records"): its ``registry_jobs.py`` block, run as the page shows it (only its
  ``AS_OF`` set to the registry's date), on a ``ProcessPoolExecutor`` of 2 workers forked
  after this process decided one document, chunks of 2,000 documents;
- ``dask-json`` and ``dask-parquet``: the Dask recipe of the same page (``decide_json_lines``:
  the text read and decided on the workers; ``decide_parquet``: ``evaluate_table`` per
  partition), on a ``LocalCluster`` of 2 worker processes with one thread each, writing the
  result as Parquet on the workers; the cluster is started and the workers import the
  recipe's modules first (not timed);
- ``spark``: the Spark recipe (``decide_registry``: ``mapInArrow`` with an explicit schema)
  on a ``local[2]`` session, reading the Parquet files and writing the result as Parquet;
  the session is started and a first small job starts Spark's Python workers first (not
  timed).

The recipes are the page's own code blocks (tests/recipes.py finds each by the file its
``<!-- not run: ... -->`` marker names), not copies.

What is measured, around the timed step of each case: wall seconds; CPU seconds (user +
system) of the case's process and every process under it (pool workers, Dask's nannies and
workers, Spark's JVM and its Python workers; ended ones through their parent's children
times), read with psutil, so "candidates per CPU second" is candidates per second per core
whatever else the machine runs; and peak memory, the larger of the process's own peak
(``ru_maxrss``, exact, over its whole life) and the largest total resident memory of the
process and every process under it, sampled every 0.1 s during the step (pages that forked
processes share count in each). The 1-minute load average is printed before, after, and at
the start of each case.

Every case that decides writes its decisions' fields (``evaluate_table``'s columns) with the
candidate ids, and the script stops unless each equals ``read+decide``'s, which is
``ep.decide`` on every record. The output is the markdown docs/performance.md records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
for path in (SRC, ROOT):  # this checkout (installed or not), and tests/recipes.py
    if path.is_dir():
        sys.path.insert(0, str(path))
# Spark starts its Python workers with this interpreter, the one that has emrpath.
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

import emrpath as ep  # noqa: E402
from tests import recipes  # noqa: E402

SEED = 16
ROWS = 1_000_000
FILES = 8
WARM_ROWS = 2_000  # Spark's warm-up job (starts its Python workers)
CHUNK = 2_000  # the pool recipe's chunk of documents
WORKERS = 2
AS_OF = recipes.AS_OF
PROGRAM = recipes.PROGRAM
POOL_RUNNER = "bench/bench_registry.py"
DASK_RUNNER = "tests/test_dask_recipe.py"
SPARK_RUNNER = "scripts/spark_recipe.py"
CASES = {
    "read": "JSON lines → `ep.loads` → `Candidate` records (one process)",
    "decide_many": "`decide_many` over the records (one process)",
    "read+decide": "JSON lines → `loads` → `decide`, end to end (one process)",
    "evaluate_table": "`evaluate_table` over a pyarrow Table (one process)",
    "parquet+evaluate_table": "Parquet files → `evaluate_table` (one process)",
    "pool": "the pool recipe, documents in, decisions out (2 workers)",
    "dask-json": "Dask recipe: JSON lines read and decided on the workers (2 workers)",
    "dask-parquet": "Dask recipe: Parquet, `evaluate_table` per partition (2 workers)",
    "spark": "Spark recipe: Parquet, `mapInArrow` + explicit schema (`local[2]`)",
}
REFERENCE = "read+decide"


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def registry(rows: int) -> list[tuple[str, ep.Candidate]]:
    """``rows`` (id, candidate) pairs: tests/recipes.py's cohort without refused records."""
    rng = random.Random(SEED)
    kinds = ("certified", "on the way", "exhausted")
    out = []
    for i in range(rows):
        kind = "certified" if i < recipes.CERTIFIED_FIRST else rng.choices(kinds, (30, 45, 20))[0]
        out.append((f"C{i:07d}", recipes.candidate(rng, kind)))
    return out


def prepare(work: Path, rows: int) -> dict[str, Any]:
    """Write the registry's files; return what the table of results says about them."""
    pairs = registry(rows)
    recipes.write_json_lines(pairs, work / "json", files=FILES)
    recipes.write_parquet(pairs, work / "parquet", files=FILES)
    recipes.write_parquet(pairs[:WARM_ROWS], work / "warm", files=2)
    counts = recipes.mix(recipes.expected(pairs[:20_000]))
    json_mb = sum(f.stat().st_size for f in (work / "json").iterdir()) / 1e6
    parquet_mb = sum(f.stat().st_size for f in (work / "parquet").iterdir()) / 1e6
    return {"mix_of_first_20000": counts, "json_mb": json_mb, "parquet_mb": parquet_mb}


def lines(work: Path) -> Iterator[str]:
    """The registry's JSON lines, file by file, in order."""
    for name in sorted((work / "json").glob("*.jsonl")):
        with name.open(encoding="utf-8") as text:
            yield from text


def documents(work: Path) -> tuple[list[str], list[str]]:
    """The candidate ids and their documents, in order."""
    ids, docs = [], []
    for line in lines(work):
        candidate_id, _, document = line.rstrip("\n").partition("\t")
        ids.append(candidate_id)
        docs.append(document)
    return ids, docs


def registry_jobs() -> types.ModuleType:
    """The page's ``registry_jobs.py`` block as an importable module of that name.

    The pool pickles ``decide_documents`` by its module's name; the workers, forked after
    this, find the module in ``sys.modules``. Only ``AS_OF`` is set to the registry's date.
    """
    module = types.ModuleType("registry_jobs")
    source = recipes.recipe(POOL_RUNNER)
    exec(compile(source, "docs/how-to/registry.md (registry_jobs.py)", "exec"), module.__dict__)
    module.AS_OF = AS_OF
    sys.modules[module.__name__] = module
    return module


def digest_rows(rows: Iterator[tuple[Any, ...]]) -> str:
    """A digest of decided rows (id first), in id order, to compare the cases."""
    hasher = hashlib.sha256()
    for row in rows:
        hasher.update(repr(row).encode())
    return hasher.hexdigest()[:16]


def digest_decisions(ids: list[str], decisions: list[ep.PathwayDecision]) -> str:
    """The digest of decisions, as the rows evaluate_table gives (tests/recipes.expected)."""

    def row(candidate_id: str, decision: ep.PathwayDecision) -> tuple[Any, ...]:
        fields = [getattr(decision, name) for name in recipes.DECIDED[:-2]]
        return (candidate_id, *fields, decision.confidence.value, None)

    pairs = sorted(zip(ids, decisions, strict=True), key=lambda pair: pair[0])
    return digest_rows(row(cid, decision) for cid, decision in pairs)


def digest_table(table: Any) -> str:
    """The digest of a table of candidate_id and evaluate_table's columns."""
    table = table.sort_by("candidate_id")
    columns = [table[name].to_pylist() for name in recipes.COLUMNS]
    return digest_rows(zip(*columns, strict=True))


def ignore(_: object) -> None:
    """Nothing to check or compare after the step."""


def nothing() -> None:
    """Nothing to close."""


def child(case: str, work: Path, rows: int) -> None:
    """One case in this fresh process; prints one JSON line of figures."""
    got: dict[str, Any] = {"load": os.getloadavg()[0]}
    started = time.perf_counter()
    step: Callable[[], Any]
    after: Callable[[Any], None] = ignore
    cleanup: Callable[[], None] = nothing
    out = work / f"decided-{case}"

    if case == "read":
        first = next(lines(work)).rstrip("\n").partition("\t")[2]
        ep.loads(first, ep.Candidate, program=PROGRAM)  # modules imported (not timed)

        def step() -> Any:
            return [
                ep.loads(line.rstrip("\n").partition("\t")[2], ep.Candidate, program=PROGRAM)
                for line in lines(work)
            ]

        def after(people: Any) -> None:
            assert len(people) == rows

    elif case in ("decide_many", "read+decide", "pool"):
        jobs = registry_jobs()
        ids, docs = documents(work)
        jobs.decide_documents(docs[:1])  # modules imported, calendar built (not timed)
        if case == "decide_many":
            people = [ep.loads(doc, ep.Candidate, program=PROGRAM) for doc in docs]
            del docs

            def step() -> Any:
                return ep.decide_many(people, as_of=AS_OF, program=PROGRAM)

        elif case == "read+decide":
            del ids, docs

            def step() -> Any:
                ids, docs = documents(work)
                return ids, jobs.decide_documents(docs)

        else:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            def step() -> Any:
                parts = [docs[i : i + CHUNK] for i in range(0, len(docs), CHUNK)]
                fork = multiprocessing.get_context("fork")
                with ProcessPoolExecutor(max_workers=WORKERS, mp_context=fork) as pool:
                    return [d for part in pool.map(jobs.decide_documents, parts) for d in part]

        def after(result: Any) -> None:
            if case == "read+decide":
                got["digest"] = digest_decisions(*result)
            else:
                got["digest"] = digest_decisions(ids, result)

    elif case in ("evaluate_table", "parquet+evaluate_table"):
        import pyarrow.parquet as pq

        def decide(table: Any) -> Any:
            result = ep.evaluate_table(table, as_of=AS_OF, program=PROGRAM)
            return table, result

        warm = pq.read_table(work / "warm")
        decide(warm)  # modules imported, calendar built (not timed)
        del warm
        if case == "evaluate_table":
            table = pq.read_table(work / "parquet")

            def step() -> Any:
                return decide(table)

        else:

            def step() -> Any:
                return decide(pq.read_table(work / "parquet"))

        def after(result: Any) -> None:
            table, decided = result
            got["fallback_rows"] = decided.fallback_rows
            with_ids = decided.table.add_column(0, "candidate_id", table["candidate_id"])
            got["digest"] = digest_table(with_ids)

    elif case in ("dask-json", "dask-parquet"):
        import distributed
        import pyarrow.parquet as pq

        recipe = recipes.load_recipe(DASK_RUNNER)
        cluster = distributed.LocalCluster(
            n_workers=WORKERS, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = distributed.Client(cluster)

        def imports() -> None:
            import dask.dataframe  # noqa: F401
            import pyarrow.parquet  # noqa: F401

            import emrpath  # noqa: F401

        client.run(imports)
        on = {"as_of": AS_OF, "program": PROGRAM}

        def step() -> Any:
            if case == "dask-json":
                decided = recipe["decide_json_lines"](str(work / "json" / "*.jsonl"), **on)
            else:
                decided = recipe["decide_parquet"](str(work / "parquet" / "*.parquet"), **on)
            decided.to_parquet(str(out), write_index=False)

        def after(_: Any) -> None:
            got["digest"] = digest_table(pq.read_table(out))

        def cleanup() -> None:
            client.close()
            cluster.close()

    elif case == "spark":
        import pyarrow.parquet as pq
        from pyspark.sql import SparkSession

        recipe = recipes.load_recipe(SPARK_RUNNER)
        spark = (
            SparkSession.builder.master(f"local[{WORKERS}]")
            .appName("emrpath bench_registry")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")

        def job(source: Path, target: Path) -> None:
            registry = spark.read.parquet(str(source))
            decided = recipe["decide_registry"](registry, as_of=AS_OF, program=PROGRAM)
            decided.write.parquet(str(target))

        job(work / "warm", work / "decided-warm")  # starts Spark's Python workers

        def step() -> Any:
            job(work / "parquet", out)

        def after(_: Any) -> None:
            got["digest"] = digest_table(pq.read_table(out))

        def cleanup() -> None:
            spark.stop()

    else:
        raise SystemExit(f"unknown case {case!r}; the cases: {', '.join(CASES)}")

    got["untimed"] = time.perf_counter() - started
    with recipes.PeakMemory() as memory:
        wall = time.perf_counter()
        result = step()
        got["wall"] = time.perf_counter() - wall
    got["cpu"] = memory.cpu
    got["before_mb"] = memory.tree_before / 2**20
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux
    got["peak_mb"] = max(memory.tree, own_peak) / 2**20
    after(result)
    cleanup()
    print(json.dumps(got))


def versions() -> str:
    """The interpreter, the platform and the libraries the cases use."""
    import importlib.metadata

    found = []
    for name in ("numpy", "pandas", "pyarrow", "dask", "distributed", "pyspark", "psutil"):
        try:
            found.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    try:
        java = subprocess.run(["java", "-version"], capture_output=True, text=True, check=False)
        found.append(java.stderr.splitlines()[0] if java.stderr else "java: no output")
    except OSError:
        found.append("java (not found)")
    return (
        f"python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.platform()}, {os.cpu_count()} CPUs; emrpath {ep.__version__}; "
        + ", ".join(found)
    )


def run(args: list[str]) -> dict[str, Any]:
    """Run this script's ``--child`` with ``args`` in a fresh interpreter; its JSON line."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-6_000:])
        raise SystemExit(f"{args[0]} failed (exit {done.returncode})")
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def main(rows: int, cases: list[str]) -> None:
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"{now}; load average before: {load()}")
    print(versions())
    print(f"{rows:,} candidates (seed {SEED}), NREMT EMR, as_of {AS_OF}")
    with tempfile.TemporaryDirectory(prefix="bench_registry-") as folder:
        started = time.perf_counter()
        about = run(["prepare", folder, str(rows)])
        print(
            f"registry written in {time.perf_counter() - started:.0f} s: JSON lines "
            f"{about['json_mb']:,.1f} MB, Parquet {about['parquet_mb']:,.1f} MB ({FILES} files "
            f"each); the first 20,000: {about['mix_of_first_20000']}"
        )
        print()
        print(
            "| case | load | wall | CPU (all processes) | candidates/s | candidates per CPU s "
            "| peak memory | memory before the step | not timed |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        digests: dict[str, str] = {}
        for case in cases:
            got = run([case, folder, str(rows)])
            if "digest" in got:
                digests[case] = got["digest"]
            name = CASES[case]
            if "fallback_rows" in got:
                name += f" (fallback rows: {got['fallback_rows']:,})"
            print(
                f"| {name} | {got['load']:.1f} | {got['wall']:.2f} s | {got['cpu']:.2f} s "
                f"| {rows / got['wall']:,.0f} | {rows / got['cpu']:,.0f} "
                f"| {got['peak_mb']:,.0f} MB | {got['before_mb']:,.0f} MB "
                f"| {got['untimed']:.1f} s |",
                flush=True,
            )
    print()
    reference = digests.get(REFERENCE)
    if reference is None:
        print(f"(no {REFERENCE} case run: the decisions were not compared)")
    else:
        differ = [case for case, digest in digests.items() if digest != reference]
        if differ:
            raise SystemExit(f"decisions differ from {REFERENCE}'s (ep.decide): {differ}")
        print(f"every case's decisions equal {REFERENCE}'s (ep.decide): {', '.join(digests)}")
    print(f"load average after: {load()}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        case, folder, count = sys.argv[2:5]
        if case == "prepare":
            print(json.dumps(prepare(Path(folder), int(count))))
        else:
            child(case, Path(folder), int(count))
    else:
        arguments = sys.argv[1:]
        count = int(arguments.pop(0)) if arguments and arguments[0].isdigit() else ROWS
        unknown = [case for case in arguments if case not in CASES]
        if unknown:
            raise SystemExit(f"unknown cases {unknown}; the cases: {', '.join(CASES)}")
        main(count, arguments or list(CASES))
