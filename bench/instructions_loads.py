"""Instruction counts of reading one candidate document, under valgrind's callgrind.

Run by hand (never in CI); each figure is the difference of two runs, both generating COUNT
documents, one reading them and one reading none (so start-up, imports and generating the
documents cancel out), divided by COUNT::

    python bench/instructions_loads.py            # runs valgrind itself, prints a table
    python bench/instructions_loads.py WAY COUNT READ  # one run: what valgrind is given

Instruction counts do not move with the load of a shared machine, unlike times (see
bench/bench_loads.py, which times the same ways); they do not see cache misses either,
so the two measures are reported side by side.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_loads as b

COUNT = 2_000
WAYS = {
    "json.loads": lambda text: json.loads(text),
    "json.loads, duplicate keys refused": lambda text: json.loads(
        text, parse_float=Decimal, object_pairs_hook=_refuse_duplicates
    ),
    "json.loads, objects as pairs": lambda text: json.loads(
        text, parse_float=Decimal, object_pairs_hook=tuple
    ),
    "json.loads and the records built by hand": b.by_hand,
    "ep.loads": b.with_loads,
}


def _refuse_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found = dict(pairs)
    if len(found) < len(pairs):
        raise ValueError("duplicate key")
    return found


def run(way: str, count: int, read_them: bool) -> None:
    """Generate ``count`` documents and read them the given way if ``read_them``."""
    import random

    rng = random.Random(b.SEED)
    texts = [b.ep.dumps(b.generated(rng), program=b.P, indent=None) for _ in range(count)]
    read = WAYS[way]
    read(b.ep.dumps(b.generated(rng), program=b.P, indent=None))  # first use: readers built
    for text in texts if read_them else ():
        read(text)


def instructions(way: str, count: int, read_them: bool) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                sys.executable,
                __file__,
                way,
                str(count),
                str(int(read_them)),
            ],
            check=True,
            capture_output=True,
        )
        summary = re.search(r"^summary: (\d+)", out.read_text(), re.MULTILINE)
        assert summary is not None
        return int(summary.group(1))


def main() -> None:
    count = COUNT
    print(
        f"| read one candidate document ({count:,} documents, callgrind) | instructions | ratio |"
    )
    print("|---|---:|---:|")
    base: float | None = None
    hand: float | None = None
    for way in WAYS:
        per = (instructions(way, count, True) - instructions(way, count, False)) / count
        hand = per if way.endswith("by hand") else hand
        base = per if base is None else base
        ratio = "" if hand is None else f"{per / hand:.2f}"
        print(f"| {way} | {per / 1000:,.1f}k | {ratio} |")


if __name__ == "__main__":
    if len(sys.argv) == 4:
        run(sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1")
    else:
        main()
