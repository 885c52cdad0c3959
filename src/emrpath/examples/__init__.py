"""The example documents emrpath ships: one candidate and one recertification per program.

Each is a JSON document (``<program>-candidate`` or ``<program>-recertification``) that
names its program, read from the installed package with ``importlib.resources``, so it
works from a wheel, a checkout or a zip. They are what ``emrpath status --example`` reads,
and a quick start for a notebook: load one, change a date, evaluate.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> from emrpath import examples
    >>> candidate = examples.load("nremt-emr-candidate")
    >>> status = ep.evaluate(
    ...     candidate, as_of=dt.date(2025, 8, 20), program=examples.program("nremt-emr-candidate")
    ... )
    >>> status.attempts_used, status.next_attempt_on
    (2, datetime.date(2025, 8, 20))
"""

from __future__ import annotations

import difflib
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from emrpath._validators import shown
from emrpath.errors import InputTypeError, UnknownNameError

if TYPE_CHECKING:
    from emrpath.program import Program
    from emrpath.records import Candidate, RecertificationRecord

__all__ = ["load", "names", "program", "text"]

_RULE = "example documents"
_SUFFIX = ".json"


@cache
def names() -> tuple[str, ...]:
    """The name of every bundled example document, sorted.

    Example:
        >>> from emrpath import examples
        >>> examples.names()[:3]
        ('ascp-mls-candidate', 'ascp-mls-recertification', 'nremt-aemt-candidate')
        >>> len(examples.names())
        10
    """
    return tuple(
        sorted(
            entry.name[: -len(_SUFFIX)]
            for entry in resources.files(__name__).iterdir()
            if entry.name.endswith(_SUFFIX) and entry.is_file()
        )
    )


def text(name: str) -> str:
    """The JSON document of the example called ``name``, as text.

    Args:
        name: One of :func:`names` (``"nremt-emr-candidate"``).

    Raises:
        InputTypeError: ``name`` is not a ``str``.
        UnknownNameError: No example has that name (with the name it probably means).

    Example:
        >>> from emrpath import examples
        >>> print(examples.text("nremt-emr-candidate")[:73])
        {
          "schema_version": 2,
          "kind": "candidate",
          "program": "nremt-emr",
        >>> examples.text("nremt-emr")
        Traceback (most recent call last):
        ...
        emrpath.errors.UnknownNameError: name: no example document 'nremt-emr' (did you \
mean 'nremt-emr-candidate'?); examples.names() lists them (rule: example documents)
    """
    return (resources.files(__name__) / f"{_known(name)}{_SUFFIX}").read_text(encoding="utf-8")


def program(name: str) -> Program:
    """The shipped program the example called ``name`` is for (its document names it).

    Raises:
        InputTypeError: ``name`` is not a ``str``.
        UnknownNameError: No example has that name.

    Example:
        >>> from emrpath import examples
        >>> examples.program("ascp-mls-recertification").key
        'ascp-mls'
    """
    from emrpath.jsonio import document_program

    found = document_program(text(name))
    if found is None:  # every shipped example names its program; tests/test_examples.py
        raise UnknownNameError(f"example {shown(name)} names no program", field="name", rule=_RULE)
    return found


def load(name: str) -> Candidate | RecertificationRecord:
    """The record in the example called ``name``: a candidate or a recertification record.

    Read with :func:`emrpath.loads` under the program the document names
    (:func:`program`). Each call returns a new value; records are immutable, so a what-if
    (``candidate.with_attempt(...)``) never changes the example.

    Args:
        name: One of :func:`names`.

    Raises:
        InputTypeError: ``name`` is not a ``str``.
        UnknownNameError: No example has that name (with the name it probably means).

    Example:
        >>> from emrpath import examples
        >>> candidate = examples.load("nremt-emr-candidate")
        >>> [attempt.taken_on.isoformat() for attempt in candidate.attempts]
        ['2025-06-10', '2025-07-15']
        >>> type(examples.load("nremt-emr-recertification")).__name__
        'RecertificationRecord'
    """
    from emrpath.jsonio import loads

    loaded: Candidate | RecertificationRecord = loads(text(name), program=program(name))
    return loaded


def _known(name: object) -> str:
    """``name`` if an example has it, else an error naming the one it probably means."""
    if not isinstance(name, str):
        raise InputTypeError(
            f"must be an example name (a str), got {type(name).__name__}",
            field="name",
            rule=_RULE,
        )
    known = names()
    if name in known:
        return name
    folded = "-".join(name.strip().casefold().replace("_", "-").split())
    if folded.endswith(_SUFFIX):
        folded = folded[: -len(_SUFFIX)]
    meant = next(
        (k for k in (folded, f"{folded}-candidate", f"nremt-{folded}-candidate") if k in known),
        None,
    )
    if meant is None:
        close = difflib.get_close_matches(folded[:100], known, n=1, cutoff=0.6)
        meant = close[0] if close else None
    hint = "" if meant is None else f" (did you mean {meant!r}?)"
    raise UnknownNameError(
        f"no example document {shown(name)}{hint}; examples.names() lists them",
        field="name",
        rule=_RULE,
    )
