"""Benchmark: reading candidate documents with ``loads`` against ``json.loads`` plus
building the same records by hand.

Run by hand (never in CI): ``python bench/bench_loads.py [COUNT]`` (default 100,000).
The goal (issue "Registry scale", item 1): ``loads`` within 1.5x of ``json.loads`` and
the records built directly (``Candidate(...)``, ``ExamAttempt(...)`` …, dates by
``date.fromisoformat``), with every check of ``loads`` kept. The documents are generated
from a fixed seed, valid by construction and written by ``dumps`` (as the bundled examples
are): a course verified or not, zero to four attempts with their scores, skills, zero to
three authorizations, a CPR credential, sometimes an earlier course with its attempts,
remedial training, a prerequisite credential and an accreditation.

Before timing, the script checks that both ways build equal records from every document,
and stops if one does not. The two ways then take turns block by block (500 documents)
over the whole set, five rounds, and the best round of each counts (CPU time of this
process, so time spent waiting for a core on a shared machine is not counted against
either).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import platform
import random
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
if SRC.is_dir():  # measure this checkout, whether or not it is installed
    sys.path.insert(0, str(SRC))

import emrpath as ep  # noqa: E402

D = dt.date
DAY = dt.timedelta(days=1)
P = ep.NREMT_EMR
COUNT = 100_000
ROUNDS = 5
BLOCK = 500  # documents a way reads before the other takes its turn
SEED = 20261202


def generated(rng: random.Random) -> ep.Candidate:
    """One valid candidate, its fields drawn in proportions a registry might hold (its
    courses from 2023-06 to 2024-05, evaluable under NREMT EMR on any later day)."""
    start = D(2023, 6, 1) + rng.randrange(365) * DAY  # scaled scores from 2023-06-01
    verified = start + rng.randrange(1, 15) * DAY if rng.random() < 0.9 else None
    course = ep.CourseCompletion(start, verified_on=verified)
    days = sorted(rng.sample(range(20, 700), rng.choice((0, 1, 1, 2, 2, 3))))
    passed_last = rng.random() < 0.4
    attempts = [
        ep.ExamAttempt(
            start + day * DAY,
            passed=passed_last and k == len(days) - 1,
            scaled_score=None if passed_last and k == len(days) - 1 else rng.randrange(300, 950),
        )
        for k, day in enumerate(days)
    ]
    history: list[ep.PriorCourse] = []
    if rng.random() < 0.1:
        before = start - rng.randrange(800, 1_500) * DAY
        history.append(
            ep.PriorCourse(
                ep.CourseCompletion(before, verified_on=before + 3 * DAY),
                attempts=[
                    ep.ExamAttempt(before + day * DAY, passed=False) for day in (30, 60, 90)
                ],
            )
        )
    return ep.Candidate(
        course=course,
        attempts=attempts,
        skills=ep.SkillsCompetency(start - rng.randrange(30) * DAY)
        if rng.random() < 0.8
        else None,
        authorizations=[
            ep.AuthorizationToTest(start + rng.randrange(1, 600) * DAY)
            for _ in range(rng.choice((0, 1, 1, 2, 3)))
        ],
        cpr=(
            ep.CprCredential(start + 700 * DAY, issued_on=start - 30 * DAY)
            if rng.random() < 0.7
            else None
        ),
        history=history,
        transcripts_received_on=None,
        remedial=(
            ep.RemedialTraining(start + 400 * DAY, hours=24) if rng.random() < 0.05 else None
        ),
        prerequisite=(
            ep.PrerequisiteCredential("emr", start + 900 * DAY) if rng.random() < 0.2 else None
        ),
        course_accreditation="caahep" if rng.random() < 0.2 else None,
    )


# ---------------------------------------------------------------------------------------
# by hand: what a caller who trusts the documents would write


def _day(text: str | None) -> dt.date | None:
    return None if text is None else D.fromisoformat(text)


def _course(c: dict[str, Any]) -> ep.CourseCompletion:
    return ep.CourseCompletion(
        D.fromisoformat(c["completed_on"]), _day(c["verified_on"]), route=c["route"]
    )


def _attempts(items: list[dict[str, Any]]) -> list[ep.ExamAttempt]:
    return [
        ep.ExamAttempt(D.fromisoformat(a["taken_on"]), a["passed"], a["scaled_score"])
        for a in items
    ]


def by_hand(text: str) -> ep.Candidate:
    """``json.loads`` and the records built directly from the dict."""
    d = json.loads(text)
    skills, cpr, remedial, prerequisite = d["skills"], d["cpr"], d["remedial"], d["prerequisite"]
    return ep.Candidate(
        course=_course(d["course"]),
        attempts=_attempts(d["attempts"]),
        skills=None
        if skills is None
        else ep.SkillsCompetency(D.fromisoformat(skills["passed_on"])),
        authorizations=[
            ep.AuthorizationToTest(D.fromisoformat(a["issued_on"])) for a in d["authorizations"]
        ],
        cpr=None
        if cpr is None
        else ep.CprCredential(D.fromisoformat(cpr["expires_on"]), _day(cpr["issued_on"])),
        history=[
            ep.PriorCourse(_course(h["course"]), _attempts(h["attempts"])) for h in d["history"]
        ],
        transcripts_received_on=_day(d["transcripts_received_on"]),
        remedial=None
        if remedial is None
        else ep.RemedialTraining(
            D.fromisoformat(remedial["completed_on"]),
            None if remedial["hours"] is None else Decimal(remedial["hours"]),
            national_component=remedial["national_component"],
        ),
        prerequisite=None
        if prerequisite is None
        else ep.PrerequisiteCredential(
            prerequisite["level"],
            D.fromisoformat(prerequisite["expires_on"]),
            kind=prerequisite["kind"],
        ),
        course_accreditation=d["course_accreditation"],
    )


def with_loads(text: str) -> ep.Candidate:
    return ep.loads(text, ep.Candidate, program=P)


def best_rounds(ways: list[Callable[[str], object]], texts: list[str]) -> list[float]:
    """The best CPU time per document of each way over ROUNDS rounds of the whole set.

    Within a round the ways take turns block by block (BLOCK documents, the order
    swapped every block), so a change in the machine's load during a round weighs on
    every way alike: on a shared machine the load moves within seconds, and whole passes
    of one way after the other gave ratios 20% apart from one run to the next.
    """
    best = [float("inf")] * len(ways)
    order = list(range(len(ways)))
    for _ in range(ROUNDS):
        spent = [0.0] * len(ways)
        gc.collect()
        for first in range(0, len(texts), BLOCK):
            block = texts[first : first + BLOCK]
            for k in order:
                way = ways[k]
                start = time.process_time()
                for text in block:
                    way(text)
                spent[k] += time.process_time() - start
            order.reverse()
        best = [min(b, s / len(texts)) for b, s in zip(best, spent, strict=True)]
    return best


def main() -> None:
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.system()}, "
        f"{os.cpu_count()} CPUs"
    )
    count = int(sys.argv[1]) if len(sys.argv) > 1 else COUNT
    rng = random.Random(SEED)
    texts = [ep.dumps(generated(rng), program=P, indent=None) for _ in range(count)]
    size = sum(len(t) for t in texts) / len(texts)
    for text in texts:
        if with_loads(text) != by_hand(text):
            sys.exit(f"loads and the hand-built records differ for {text}")
    print(f"{count:,} candidate documents, {size:.0f} characters each on average; equal both ways")
    print()
    t_hand, t_loads = best_rounds([by_hand, with_loads], texts)
    ratio = t_loads / t_hand
    print(f"| read one candidate document (best of {ROUNDS} rounds, CPU time) | time | ratio |")
    print("|---|---:|---:|")
    print(f"| `json.loads` and the records built by hand | {t_hand * 1e6:.2f} µs | 1.00 |")
    print(
        f"| `ep.loads(text, ep.Candidate, program=...)` | {t_loads * 1e6:.2f} µs | {ratio:.2f} |"
    )
    print()
    verdict = "PASS" if ratio <= 1.5 else "FAIL"
    print(f"goal loads <= 1.5x json.loads and the records by hand: {verdict} ({ratio:.2f}x)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
