"""Instruction counts of the process-pool recipe against one process, under callgrind.

Run by hand (never in CI)::

    python bench/instructions_pool.py [COUNT]     # runs valgrind itself, prints a table
    python bench/instructions_pool.py WAY COUNT   # one run (WAY: none, one, pool)

The work is bench/bench_pool.py's: COUNT generated candidate documents (default 8,000), read
and decided (``decide(loads(text))``), in one process or by the docs' pool recipe (chunks of
2,000 documents to 2 forked workers, decisions back). Three runs, each generating the same
documents and deciding one first (modules, readers, calendar):

- ``none`` decides nothing more: start-up, imports and generating the documents;
- ``one`` decides them all in the process;
- ``pool`` decides them on the pool.

callgrind follows a forked worker and writes its count apart; a worker's count starts from
its parent's at the fork, which is the ``none`` run's (the parent has generated the
documents and decided one, nothing else), so each worker's own work is its count less
that. The pool's work is then the parent's count less ``none`` (sending the chunks,
receiving and unpickling the decisions, the executor's threads) plus the workers' own;
one process's is ``one`` less ``none``.

Instruction counts do not move with the load of a shared machine, where the CPU time of
two workers running at once also pays for the caches and cores they share with everything
else (bench/bench_pool.py times the same recipe); they do not see cache misses, so the two
measures are reported side by side.
"""

from __future__ import annotations

import platform
import random
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_pool  # noqa: E402  (bench_loads' documents, the pool's task and chunks)
from bench_loads import SEED, generated  # noqa: E402

import emrpath as ep  # noqa: E402

COUNT = 8_000
WORKERS = 2
WAYS = ("none", "one", "pool")


def run(way: str, count: int) -> None:
    """Generate ``count`` documents, decide one, then decide them all the given way."""
    rng = random.Random(SEED)
    texts = [ep.dumps(generated(rng), program=bench_pool.P, indent=None) for _ in range(count)]
    bench_pool.decide_documents(texts[:1])  # first use, as the recipe forks a warm parent
    if way == "one":
        bench_pool.decide_documents(texts)
    elif way == "pool":
        with ProcessPoolExecutor(max_workers=WORKERS) as pool:
            chunks = bench_pool.chunks(texts, bench_pool.CHUNK)  # type: ignore[arg-type]
            decided = [d for part in pool.map(bench_pool.decide_documents, chunks) for d in part]
        assert len(decided) == count


def counts(way: str, count: int) -> list[int]:
    """The instructions of each process of one run: the parent's first, then its workers'."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={tmp}/callgrind.out.%p",
                sys.executable,
                __file__,
                way,
                str(count),
            ],
            check=True,
            capture_output=True,
        )
        found = []
        for out in Path(tmp).glob("callgrind.out.*"):
            summary = re.search(r"^summary: (\d+)", out.read_text(), re.MULTILINE)
            assert summary is not None
            found.append((int(out.name.rsplit(".", 1)[1]), int(summary.group(1))))
    return [n for _, n in sorted(found)]  # the parent has the lowest process id


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else COUNT
    print(f"python {platform.python_version()}: {count:,} documents, {WORKERS} workers, callgrind")
    (none,) = counts("none", count)
    (one,) = counts("one", count)
    parent, *workers = counts("pool", count)
    one_work = one - none
    parent_work = parent - none
    worker_work = [w - none for w in workers]
    pool_work = parent_work + sum(worker_work)
    print()
    print("| decide COUNT documents | instructions | per document | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| one process | {one_work / 1e6:,.1f} M | {one_work / count / 1e3:,.1f}k | 1.00 |")
    for k, work in enumerate(worker_work, 1):
        print(f"| pool: worker {k} | {work / 1e6:,.1f} M | | |")
    print(f"| pool: the parent | {parent_work / 1e6:,.1f} M | | |")
    print(
        f"| pool, in all | {pool_work / 1e6:,.1f} M | {pool_work / count / 1e3:,.1f}k "
        f"| {pool_work / one_work:.3f} |"
    )


if __name__ == "__main__":
    if len(sys.argv) == 3:
        run(sys.argv[1], int(sys.argv[2]))
    else:
        main()
