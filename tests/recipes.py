"""The registry recipes of docs/how-to/registry.md, as the page shows them, and a cohort to run
them on.

tests/test_dask_recipe.py and scripts/spark_recipe.py (and scripts/dask_recipe.py, which
measures the Dask recipe at scale) run the page's own code blocks, found by the runner's
file name in their ``<!-- not run: ... -->`` marker: there is no second copy of a recipe
that could drift from the page. The cohort mixes certified candidates (the first rows of the
registry, so a schema guessed from the first rows would find ``next_attempt_on`` always
null), candidates still on their way, candidates who used every attempt, and candidates
whose records are refused; the expected rows come from ``ep.decide()`` on the same
candidates, or the text of the error it raises.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import re
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import emrpath as ep

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "how-to" / "registry.md"
AS_OF = dt.date(2025, 8, 20)
PROGRAM = ep.NREMT_EMR
# The columns every recipe returns, in order: an id, then what evaluate_table gives.
DECIDED = (
    "certified",
    "certified_on",
    "certification_expires_on",
    "next_attempt_on",
    "attempts_used",
    "attempts_remaining",
    "remediation_required",
    "confidence",
    "error",
)
COLUMNS = ("candidate_id", *DECIDED)
# How many rows at the start of the registry are certified candidates (more than the 100
# rows Spark's schema inference looks at).
CERTIFIED_FIRST = 150
FENCE = re.compile(
    r"<!-- not run: (?P<why>[^>]+?) -->\n\n?```python\n(?P<body>.*?)^```", re.M | re.S
)


def recipe(runner: str, page: Path = PAGE) -> str:
    """The one ```python block of ``page`` whose not-run marker names ``runner``."""
    found = [
        m.group("body") for m in FENCE.finditer(page.read_text("utf-8")) if runner in m["why"]
    ]
    if len(found) != 1:
        raise LookupError(f"{page.name}: {len(found)} blocks name {runner}, not one")
    return found[0]


def load_recipe(runner: str) -> dict[str, Any]:
    """Run the block that names ``runner`` and return the names it defines.

    The block runs as a module of its own name that is not importable, so cloudpickle (Dask,
    Spark) ships its functions to the workers by value, as it ships a notebook's.
    """
    namespace: dict[str, Any] = {"__name__": f"registry_recipe_{Path(runner).stem}"}
    code = compile(recipe(runner), f"{PAGE.relative_to(ROOT)} (the block for {runner})", "exec")
    exec(code, namespace)
    return namespace


def _day(rng: random.Random, low: int, high: int) -> dt.timedelta:
    return dt.timedelta(days=rng.randint(low, high))


def _score(rng: random.Random, on: dt.date, passed: bool) -> int | None:
    scale_from = PROGRAM.score_scale.provisions[-1].effective_from
    scale = PROGRAM.score_scale.value_at(AS_OF)
    if on < scale_from or (passed and scale.failing_only):
        return None
    return (
        rng.randint(scale.passing, scale.maximum)
        if passed
        else rng.randint(scale.minimum, scale.passing - 1)
    )


def candidate(rng: random.Random, kind: str) -> ep.Candidate:
    """A candidate under NREMT EMR on AS_OF: ``certified``, ``on the way`` (no attempt or
    failed ones, with attempts left), ``exhausted`` (every attempt failed) or ``refused``
    (a course completed after AS_OF)."""
    if kind == "refused":
        return ep.Candidate(ep.CourseCompletion(AS_OF + _day(rng, 1, 60)))
    completed = AS_OF - _day(rng, 150, 700)
    verified = completed + _day(rng, 0, 10) if kind == "certified" or rng.random() < 0.8 else None
    skills_on = completed - _day(rng, 0, 20) if kind == "certified" or rng.random() < 0.8 else None
    failures = {"certified": rng.randint(0, 2), "on the way": rng.randint(0, 2)}.get(kind, 3)
    attempts = []
    on = completed + _day(rng, 20, 30)
    for _ in range(failures):
        attempts.append(ep.ExamAttempt(on, passed=False, scaled_score=_score(rng, on, False)))
        on += _day(rng, 20, 40)
    if kind == "certified":
        attempts.append(ep.ExamAttempt(on, passed=True, scaled_score=_score(rng, on, True)))
    return ep.Candidate(
        ep.CourseCompletion(completed, verified_on=verified),
        attempts,
        skills=None if skills_on is None else ep.SkillsCompetency(skills_on),
    )


def cohort(size: int, seed: int = 16) -> list[tuple[str, ep.Candidate]]:
    """``size`` (id, candidate) pairs: the first CERTIFIED_FIRST certified, then a mix of
    about 30% certified, 45% on the way, 20% exhausted and 5% refused."""
    rng = random.Random(seed)
    kinds = ("certified", "on the way", "exhausted", "refused")
    out = []
    for i in range(size):
        kind = "certified" if i < CERTIFIED_FIRST else rng.choices(kinds, (30, 45, 20, 5))[0]
        out.append((f"C{i:07d}", candidate(rng, kind)))
    return out


def json_line(candidate_id: str, person: ep.Candidate) -> str:
    """One line of a JSON registry: the id, a tab, the candidate's document on one line."""
    return f"{candidate_id}\t{ep.dumps(person, program=PROGRAM, indent=None)}\n"


def write_json_lines(pairs: Iterable[tuple[str, ep.Candidate]], folder: Path, files: int) -> None:
    """The registry as ``files`` text files of lines (``part-<k>.jsonl``)."""
    pairs = list(pairs)
    folder.mkdir(parents=True, exist_ok=True)
    step = -(-len(pairs) // files)
    for k in range(files):
        chunk = pairs[k * step : (k + 1) * step]
        text = "".join(json_line(cid, person) for cid, person in chunk)
        (folder / f"part-{k}.jsonl").write_text(text, "utf-8")


def table_rows(pairs: Iterable[tuple[str, ep.Candidate]]) -> Iterator[dict[str, Any]]:
    """Each candidate as one row of the columns evaluate_table reads, with its id."""
    limit = PROGRAM.attempt_limit.value_at(AS_OF).max_attempts
    for candidate_id, person in pairs:
        row: dict[str, Any] = {
            "candidate_id": candidate_id,
            "course_completed_on": person.course.completed_on,
            "course_verified_on": person.course.verified_on,
            "skills_passed_on": None if person.skills is None else person.skills.passed_on,
        }
        for k in range(limit):
            attempt = person.attempts[k] if k < len(person.attempts) else None
            row[f"attempt_{k + 1}_on"] = None if attempt is None else attempt.taken_on
            row[f"attempt_{k + 1}_passed"] = None if attempt is None else attempt.passed
            row[f"attempt_{k + 1}_score"] = None if attempt is None else attempt.scaled_score
        yield row


def arrow_table(pairs: Iterable[tuple[str, ep.Candidate]]) -> Any:
    """The registry as a pyarrow Table with a type on every column (all-null ones too)."""
    import pyarrow as pa

    rows = list(table_rows(pairs))
    kinds = {"_on": pa.date32(), "_passed": pa.bool_(), "_score": pa.int64()}
    schema = pa.schema(
        [
            (name, next((t for end, t in kinds.items() if name.endswith(end)), pa.string()))
            for name in rows[0]
        ]
    )
    return pa.Table.from_pylist(rows, schema=schema)


def write_parquet(pairs: Iterable[tuple[str, ep.Candidate]], folder: Path, files: int) -> None:
    """The registry as ``files`` Parquet files (``part-<k>.parquet``) of the table columns."""
    import pyarrow.parquet as pq

    table = arrow_table(pairs)
    folder.mkdir(parents=True, exist_ok=True)
    step = -(-table.num_rows // files)
    for k in range(files):
        pq.write_table(table.slice(k * step, step), folder / f"part-{k}.parquet")


def expected(pairs: Iterable[tuple[str, ep.Candidate]]) -> dict[str, dict[str, Any]]:
    """Per id, the row ``ep.decide()`` gives its candidate on AS_OF (or its error's text)."""
    out = {}
    for candidate_id, person in pairs:
        try:
            decision = ep.decide(person, as_of=AS_OF, program=PROGRAM)
        except ep.EmrpathError as err:
            out[candidate_id] = {**dict.fromkeys(DECIDED), "error": str(err)}
            continue
        out[candidate_id] = {
            **{name: getattr(decision, name) for name in DECIDED[:-2]},
            "confidence": decision.confidence.value,
            "error": None,
        }
    return out


def differences(got: Iterable[dict[str, Any]], want: dict[str, dict[str, Any]]) -> list[str]:
    """What differs between a recipe's rows and decide()'s, one line each (empty: none)."""
    seen: dict[str, dict[str, Any]] = {}
    problems = []
    for row in got:
        if list(row) != list(COLUMNS):
            problems.append(f"columns {list(row)}, not {list(COLUMNS)}")
            break
        if row["candidate_id"] in seen:
            problems.append(f"{row['candidate_id']}: twice")
        seen[row["candidate_id"]] = row
    for candidate_id, row in want.items():
        if candidate_id not in seen:
            problems.append(f"{candidate_id}: missing")
            continue
        decided = {name: seen[candidate_id][name] for name in DECIDED}
        if decided != row:
            problems.append(f"{candidate_id}: {decided} != decide()'s {row}")
    problems.extend(f"{cid}: not in the registry" for cid in seen.keys() - want.keys())
    return problems


def mix(want: dict[str, dict[str, Any]]) -> dict[str, int]:
    """How many expected rows are certified, on the way, exhausted and refused."""
    counts = {"certified": 0, "on the way": 0, "exhausted": 0, "refused": 0}
    for row in want.values():
        if row["error"] is not None:
            counts["refused"] += 1
        elif row["certified"]:
            counts["certified"] += 1
        elif row["attempts_remaining"] == 0:
            counts["exhausted"] += 1
        else:
            counts["on the way"] += 1
    return counts


class PeakMemory:
    """Peak resident memory while the ``with`` block runs, sampled every ``every`` seconds on a
    thread; needs psutil (installed with dask.distributed).

    ``workers`` is the largest total over every process under this one (Dask's worker
    processes; Spark's JVM and its Python workers) seen at one sample, in bytes (pages two
    processes share count in each); ``added`` is how far this process itself grew above
    its size when the block began (for work done in this process); ``tree`` is the largest
    total of this process and every process under it seen at one sample, and
    ``tree_before`` that total when the block began. ``cpu`` is the CPU
    seconds (user and system) this process and every process under it spent in the block:
    on a busy machine the wall time stretches with other work, the CPU time much less.
    """

    def __init__(self, every: float = 0.1) -> None:
        import psutil

        self._me = psutil.Process()
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._start = self._me.memory_info().rss
        self.workers = 0
        self.added = 0
        self.tree = 0
        self.tree_before = 0
        self.cpu = 0.0

    def _sample(self) -> None:
        import psutil

        total = 0
        for child in self._me.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                total += child.memory_info().rss
        own = self._me.memory_info().rss
        self.workers = max(self.workers, total)
        self.added = max(self.added, own - self._start)
        self.tree = max(self.tree, own + total)

    def _watch(self) -> None:
        while not self._stop.wait(self._every):
            self._sample()

    def _cpu(self) -> float:
        """CPU seconds of the tree so far (a process's ended children count in its own)."""
        import psutil

        total = 0.0
        for process in (self._me, *self._me.children(recursive=True)):
            with contextlib.suppress(psutil.Error):
                times = process.cpu_times()
                total += times.user + times.system + times.children_user + times.children_system
        return total

    def __enter__(self) -> PeakMemory:
        self._sample()
        self.tree_before = self.tree
        self.cpu = -self._cpu()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
        self.cpu += self._cpu()


def read_back(folder: Path) -> list[dict[str, Any]]:
    """The rows a recipe wrote to ``folder`` as Parquet, as plain values."""
    import pyarrow.parquet as pq

    return pq.read_table(folder).to_pylist()  # type: ignore[no-any-return]


def mib(size: int) -> str:
    """Bytes as MiB, for a script's table."""
    return f"{size / 2**20:,.0f} MiB"
