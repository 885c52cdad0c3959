"""Benchmark: deciding a registry on a process pool against one process, in CPU time.

Run by hand (never in CI): ``python bench/bench_pool.py [COUNT] [WORKERS]`` (defaults
200,000 candidates, 2 workers). The goal (issue "Registry scale", item 2): the pool spends
at most 1.1x the CPU time of one process for the same work (user + system time of this
process and its children, ``resource.getrusage``), so spreading a registry over cores
costs next to nothing. The work is the registry's: from each candidate's JSON document to
its decision. Compared, each measured around its own run:

- one process: ``decide(loads(text))`` for every document;
- the pool recipe of docs/how-to/registry.md: chunks of documents (plain strings, cheap
  to pickle) to the workers, which read and decide them and send back the decisions;
- the recipe before it, for the record: the parent's ``Candidate`` objects sent to the
  workers and ``evaluate_many``'s statuses sent back, against ``evaluate_many`` in one
  process.

The pool forks a parent that has already read and decided one document, so a worker
starts with the modules imported and the calendar built.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import random
import resource
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
if SRC.is_dir():  # measure this checkout, whether or not it is installed
    sys.path.insert(0, str(SRC))

from bench_loads import SEED, generated  # noqa: E402

import emrpath as ep  # noqa: E402

P = ep.NREMT_EMR
AS_OF = dt.date(2026, 12, 31)
COUNT = 200_000
CHUNK = 2_000


def decide_documents(texts: list[str]) -> list[ep.PathwayDecision]:
    """The pool's task: read each document and decide it (importable by name)."""
    return [
        ep.decide(ep.loads(text, ep.Candidate, program=P), as_of=AS_OF, program=P)
        for text in texts
    ]


def chunks(items: list[object], size: int) -> list[list[object]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measured(run: Callable[[], list[object]]) -> tuple[list[object], float, float]:
    """The result, CPU seconds (this process and every child it waited for) and wall."""
    cpu_before, wall_before = cpu(), time.perf_counter()
    result = run()
    return result, cpu() - cpu_before, time.perf_counter() - wall_before


def on_pool(work: Callable[[list[object]], list[object]], items: list[object], workers: int):
    def run() -> list[object]:
        with ProcessPoolExecutor(max_workers=workers) as pool:  # shut down: children reaped
            return [r for part in pool.map(work, chunks(items, CHUNK)) for r in part]

    return run


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else COUNT
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.system()}, "
        f"{os.cpu_count()} CPUs; {count:,} candidate documents, {workers} workers, "
        f"chunks of {CHUNK:,}"
    )
    rng = random.Random(SEED)
    texts: list[object] = [ep.dumps(generated(rng), program=P, indent=None) for _ in range(count)]
    decide_documents([texts[0]])  # type: ignore[list-item]  # warm: modules, calendar
    rows = []
    one, one_cpu, one_wall = measured(lambda: decide_documents(texts))  # type: ignore[arg-type]
    pool, pool_cpu, pool_wall = measured(on_pool(decide_documents, texts, workers))  # type: ignore[arg-type]
    if pool != one:
        sys.exit("the pool's decisions differ from one process's")
    rows.append(("documents in, decisions out", one_cpu, one_wall, pool_cpu, pool_wall))
    candidates = [ep.loads(t, ep.Candidate, program=P) for t in texts]  # type: ignore[arg-type]
    work = partial(ep.evaluate_many, as_of=AS_OF, program=P)
    old_one, old_cpu, old_wall = measured(lambda: work(candidates))
    old_pool, old_pool_cpu, old_pool_wall = measured(on_pool(work, candidates, workers))  # type: ignore[arg-type]
    if old_pool != old_one:
        sys.exit("the pool's statuses differ from one process's")
    rows.append(
        (
            "Candidate objects in, statuses out (before)",
            old_cpu,
            old_wall,
            old_pool_cpu,
            old_pool_wall,
        )
    )
    print()
    print(
        "| pool recipe | one process CPU | pool CPU | CPU ratio "
        "| one process wall | pool wall | wall ratio |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, c1, w1, c2, w2 in rows:
        print(
            f"| {name} | {c1:.2f} s | {c2:.2f} s | {c2 / c1:.2f} "
            f"| {w1:.2f} s | {w2:.2f} s | {w2 / w1:.2f} |"
        )
    print()
    print(
        f"peak memory (max RSS): parent {peak_mb(resource.RUSAGE_SELF):,.0f} MB, "
        f"largest worker {peak_mb(resource.RUSAGE_CHILDREN):,.0f} MB"
    )
    ratio = pool_cpu / one_cpu
    print(
        f"goal pool CPU <= 1.1x one process: {'PASS' if ratio <= 1.1 else 'FAIL'} ({ratio:.2f}x)"
    )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
