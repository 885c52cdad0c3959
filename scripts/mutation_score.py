"""Print the mutation score from ``mutmut results --all true`` output.

Usage: ``python scripts/mutation_score.py RESULTS DOCS``. ``RESULTS`` holds lines
``<mutant name>: <status>``; ``DOCS`` (docs/testing.md) lists the mutants judged
equivalent as table rows whose first cell is the mutant name in backquotes. The score is
killed / (total - equivalent): a timeout counts as killed (the mutant changed behaviour
enough to hang), anything else that is not killed counts against the score, except a
mutant not run yet ("not checked": the run was limited to some modules, or stopped), which
is counted apart and left out of the score, so a module run in part shows it. Exits 1
when an equivalent mutant listed in DOCS was killed (the list is stale) or the score of
the mutants run is < 95%, the project's standard for every module with rules
or decisions (docs/testing.md).
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

KILLED = {"killed", "timeout", "caught by type check"}
NOT_RUN = "not checked"
GOAL = 0.95


def main(results: str, docs: str) -> int:
    status: dict[str, str] = {}
    for line in Path(results).read_text(encoding="utf-8").splitlines():
        name, sep, state = line.strip().rpartition(": ")
        if sep:
            status[name] = state
    equivalent = set(re.findall(r"^\| `([^`]+__mutmut_\d+)`", Path(docs).read_text("utf-8"), re.M))
    per_module: dict[str, Counter[str]] = defaultdict(Counter)
    for name, state in status.items():
        module = re.split(r"\.x_|\.xǁ", name)[0]
        if state == NOT_RUN:
            kind = NOT_RUN
        elif name in equivalent and state not in KILLED:
            kind = "equivalent"
        else:
            kind = state
        per_module[module][kind] += 1
    stale = sorted(n for n in equivalent if status.get(n) in KILLED)
    missing = sorted(n for n in equivalent if n not in status)
    print(
        f"{'module':32} {'mutants':>8} {'killed':>7} {'equiv.':>7} {'other':>6} "
        f"{'not run':>8} {'score':>7}"
    )
    total = Counter[str]()
    for module in sorted(per_module):
        c = per_module[module]
        total.update(c)
        print(_row(module, c))
    print(_row("all", total))
    survivors = sorted(
        n for n, s in status.items() if s not in KILLED | {NOT_RUN} and n not in equivalent
    )
    for name in survivors:
        print(f"not killed: {name} ({status[name]})")
    for name in stale:
        print(f"listed as equivalent but killed: {name}")
    for name in missing:
        print(f"listed as equivalent but not among the mutants: {name}")
    score = _score(total)
    return 0 if score >= GOAL and not stale else 1


def _score(c: Counter[str]) -> float:
    killed = sum(c[k] for k in KILLED)
    counted = sum(c.values()) - c["equivalent"] - c[NOT_RUN]
    return killed / counted if counted else 1.0


def _row(module: str, c: Counter[str]) -> str:
    killed = sum(c[k] for k in KILLED)
    other = sum(c.values()) - killed - c["equivalent"] - c[NOT_RUN]
    score = f"{_score(c):7.1%}" if c[NOT_RUN] < sum(c.values()) else f"{'-':>7}"
    return (
        f"{module:32} {sum(c.values()):8d} {killed:7d} {c['equivalent']:7d} {other:6d} "
        f"{c[NOT_RUN]:8d} {score}"
    )


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
