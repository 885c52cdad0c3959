"""Many candidates at once: ``evaluate_many`` and the pattern for a process pool.

Every public type is immutable and pickles, and no function keeps state between calls,
so a registry can be split into chunks and evaluated anywhere: threads, a
``ProcessPoolExecutor``, Dask or Spark workers. Each worker builds the program's calendar
once (a pickled calendar travels as its spec and is rebuilt, or reused, on arrival).

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> course = ep.CourseCompletion(dt.date(2025, 5, 2))
    >>> statuses = ep.evaluate_many([ep.Candidate(course=course)] * 3, as_of=dt.date(2025, 6, 1),
    ...     program=ep.NREMT_EMR)
    >>> [s.attempts_remaining for s in statuses]
    [3, 3, 3]

Over a process pool, chunks of candidates in and decisions (a few hundred bytes each)
out; docs/how-to/registry.md has the recipe that sends documents instead::

    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    def chunks(items, size):
        return [items[i : i + size] for i in range(0, len(items), size)]

    work = partial(ep.decide_many, as_of=dt.date(2025, 6, 1), program=ep.NREMT_EMR)
    with ProcessPoolExecutor() as pool:
        decisions = [d for part in pool.map(work, chunks(registry, 2_000)) for d in part]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TypeVar

from emrpath._validators import iterable
from emrpath.errors import EmrpathError
from emrpath.pathway import decide, evaluate
from emrpath.program import Program, check_program
from emrpath.records import Candidate
from emrpath.status import PathwayDecision, PathwayStatus

__all__ = ["decide_many", "evaluate_many"]

R = TypeVar("R")


def evaluate_many(
    candidates: Iterable[Candidate],
    *,
    as_of: dt.date | dt.datetime,
    program: Program,
) -> list[PathwayStatus]:
    """:func:`~emrpath.evaluate` for each candidate, in order, on one ``as_of``.

    Errors name the candidate's position: an invalid record in the third candidate raises
    the same error as :func:`~emrpath.evaluate` with ``field`` prefixed by ``[2].``.

    Args:
        candidates: Any iterable of :class:`~emrpath.Candidate`.
        as_of: The date of evaluation for every candidate.
        program: The program whose rules apply.

    Raises:
        InputTypeError: ``as_of`` is not a date, or a candidate or ``program`` has the wrong
            type.
        NaiveDatetimeError: ``as_of`` is a datetime without a timezone.
        CalendarRangeError: A date the rules need is outside the program's calendar.
        InvalidRecordError: A candidate :func:`~emrpath.pathway.evaluate` refuses (a record
            dated after ``as_of``, a score that contradicts the score report, too many
            attempts).
        NoRuleInForceError: The program has no rule for a date a candidate's records need.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> bad = ep.Candidate(course=ep.CourseCompletion(dt.date(2026, 1, 1)))
        >>> ep.evaluate_many([bad], as_of=dt.date(2025, 6, 1), program=ep.NREMT_EMR)
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: [0].course.completed_on: 2026-01-01 is after as_of \
2025-06-01; a record cannot hold facts from after the date it is evaluated on \
(rule: course window)
    """
    return _each(evaluate, candidates, as_of, program, "evaluate_many")


def decide_many(
    candidates: Iterable[Candidate],
    *,
    as_of: dt.date | dt.datetime,
    program: Program,
) -> list[PathwayDecision]:
    """:func:`~emrpath.decide` for each candidate, in order, on one ``as_of``.

    The registry's call: decisions are small, pickle to a few hundred bytes, and cross a
    process pool cheaply. Errors name the candidate's position, as in
    :func:`evaluate_many`.

    Args:
        candidates: Any iterable of :class:`~emrpath.Candidate`.
        as_of: The date of evaluation for every candidate.
        program: The program whose rules apply.

    Raises:
        InputTypeError: ``as_of`` is not a date, or a candidate or ``program`` has the wrong
            type.
        NaiveDatetimeError: ``as_of`` is a datetime without a timezone.
        CalendarRangeError: A date the rules need is outside the program's calendar.
        InvalidRecordError: A candidate :func:`~emrpath.pathway.decide` refuses (a record dated
            after ``as_of``, a score that contradicts the score report, too many attempts).
        NoRuleInForceError: The program has no rule for a date a candidate's records need.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> course = ep.CourseCompletion(dt.date(2025, 5, 2))
        >>> decisions = ep.decide_many(
        ...     [ep.Candidate(course=course)] * 2, as_of=dt.date(2025, 6, 1), program=ep.NREMT_EMR
        ... )
        >>> [d.next_attempt_on for d in decisions]
        [datetime.date(2025, 6, 1), datetime.date(2025, 6, 1)]
    """
    return _each(decide, candidates, as_of, program, "decide_many")


def _each(
    function: Callable[..., R],
    candidates: Iterable[Candidate],
    as_of: dt.date | dt.datetime,
    program: Program,
    rule: str,
) -> list[R]:
    """``function`` over ``candidates``; a refusal's field is prefixed by the position."""
    program = check_program(program, rule)
    day = program.date(as_of, field="as_of", rule=rule)
    items = iterable(candidates, field="candidates", rule=rule, of=Candidate)
    out: list[R] = []
    for index, candidate in enumerate(items):
        try:
            out.append(function(candidate, as_of=day, program=program))
        except EmrpathError as err:
            field = f"[{index}].{err.field}" if err.field else f"[{index}]"
            raise type(err)(err.message, field=field, rule=err.rule) from err
    return out
