"""Many candidates at once: ``evaluate_many`` and the pattern for a process pool.

Every public type is immutable and pickles, and no function keeps state between calls,
so a registry can be split into chunks and evaluated anywhere: threads, a
``ProcessPoolExecutor``, Dask or Spark workers. Each worker builds the program's calendar
once (a pickled calendar travels as its spec and is rebuilt, or reused, on arrival).

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> course = ep.CourseCompletion(dt.date(2025, 5, 2))
    >>> statuses = ep.evaluate_many([ep.Candidate(course=course)] * 3, as_of=dt.date(2025, 6, 1))
    >>> [s.attempts_remaining for s in statuses]
    [3, 3, 3]

Over a process pool (the chunk size keeps the per-task overhead small)::

    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    def chunks(items, size):
        return [items[i : i + size] for i in range(0, len(items), size)]

    work = partial(ep.evaluate_many, as_of=dt.date(2025, 6, 1), program=ep.NREMT_EMR)
    with ProcessPoolExecutor() as pool:
        statuses = [s for part in pool.map(work, chunks(registry, 2_000)) for s in part]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from emrpath._validators import iterable
from emrpath.decisions import PathwayStatus
from emrpath.errors import EmrpathError
from emrpath.pathway import evaluate
from emrpath.program import Program
from emrpath.programs import NREMT_EMR
from emrpath.records import Candidate
from emrpath.rules._program_arg import check_program

__all__ = ["evaluate_many"]


def evaluate_many(
    candidates: Iterable[Candidate],
    *,
    as_of: dt.date | dt.datetime,
    program: Program = NREMT_EMR,
) -> list[PathwayStatus]:
    """:func:`~emrpath.evaluate` for each candidate, in order, on one ``as_of``.

    Errors name the candidate's position: an invalid record in the third candidate raises
    the same error as :func:`~emrpath.evaluate` with ``field`` prefixed by ``[2].``.

    Args:
        candidates: Any iterable of :class:`~emrpath.Candidate`.
        as_of: The date of evaluation for every candidate.
        program: The program whose rules apply.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> bad = ep.Candidate(course=ep.CourseCompletion(dt.date(2026, 1, 1)))
        >>> ep.evaluate_many([bad], as_of=dt.date(2025, 6, 1))
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: [0].course.completed_on: 2026-01-01 is after as_of \
2025-06-01; a record cannot hold facts from after the date it is evaluated on \
(rule: course window)
    """
    program = check_program(program, "evaluate_many")
    day = program.date(as_of, field="as_of", rule="evaluate_many")
    items = iterable(candidates, field="candidates", rule="evaluate_many", of=Candidate)
    out: list[PathwayStatus] = []
    for index, candidate in enumerate(items):
        try:
            out.append(evaluate(candidate, as_of=day, program=program))
        except EmrpathError as err:
            field = f"[{index}].{err.field}" if err.field else f"[{index}]"
            raise type(err)(err.message, field=field, rule=err.rule) from err
    return out
