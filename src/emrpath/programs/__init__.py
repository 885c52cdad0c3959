"""The programs emrpath ships and their registry.

Each program is a :class:`~emrpath.program.Program` of cited data, in a module of its own.
:data:`REGISTRY` maps each shipped program's key to the program; :func:`get` looks one up
by key (the command line and the JSON layer read keys through it) and :func:`available`
lists them. Adding a program is one module here, one entry in :data:`REGISTRY` and one
example document in ``emrpath/examples`` (``<key>-candidate.json``, naming its program);
the command line, the JSON layer and the rules page find it through the registry.

Example:
    >>> import emrpath as ep
    >>> list(ep.programs.REGISTRY)
    ['nremt-emr', 'nremt-emt', 'nremt-aemt', 'nremt-paramedic', 'ascp-mls']
    >>> ep.programs.get("ascp-mls") is ep.ASCP_MLS
    True
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Mapping

from emrpath._validators import shown
from emrpath.errors import InputTypeError, UnknownNameError
from emrpath.program import Program
from emrpath.programs.ascp_mls import ASCP_MLS
from emrpath.programs.nremt_aemt import NREMT_AEMT
from emrpath.programs.nremt_emr import NREMT_EMR
from emrpath.programs.nremt_emt import NREMT_EMT
from emrpath.programs.nremt_paramedic import NREMT_PARAMEDIC

__all__ = [
    "ASCP_MLS",
    "NREMT_AEMT",
    "NREMT_EMR",
    "NREMT_EMT",
    "NREMT_PARAMEDIC",
    "REGISTRY",
    "available",
    "get",
]

_RULE = "program registry"

REGISTRY: Mapping[str, Program] = types.MappingProxyType(
    {
        program.key: program
        for program in (NREMT_EMR, NREMT_EMT, NREMT_AEMT, NREMT_PARAMEDIC, ASCP_MLS)
    }
)
"""Every shipped program by its key, read-only, in the order they are declared.

:meta hide-value:
"""


def available() -> tuple[Program, ...]:
    """The shipped programs, in the registry's order.

    Example:
        >>> [program.key for program in available()]
        ['nremt-emr', 'nremt-emt', 'nremt-aemt', 'nremt-paramedic', 'ascp-mls']
    """
    return tuple(REGISTRY.values())


def get(key: str) -> Program:
    """The shipped program whose key is ``key``.

    Only an exact key is accepted; a near miss (another case, ``_`` for ``-``, a
    typo, the level alone) is refused with a hint naming the key it probably means.

    Args:
        key: A program key such as ``"nremt-emr"`` (see :data:`REGISTRY`).

    Raises:
        InputTypeError: ``key`` is not a ``str``.
        UnknownNameError: No shipped program has that key (a ``LookupError``).

    Example:
        >>> get("nremt-emr")
        <Program nremt-emr: Nationally Registered Emergency Medical Responder (NREMR) \
(National Registry of Emergency Medical Technicians (NREMT))>
        >>> get("NREMT_EMR")
        Traceback (most recent call last):
        ...
        emrpath.errors.UnknownNameError: program: unknown program 'NREMT_EMR'; expected one \
of 'nremt-emr', 'nremt-emt', 'nremt-aemt', 'nremt-paramedic', 'ascp-mls' (did you mean \
'nremt-emr'?) (rule: program registry)
    """
    if not isinstance(key, str):
        raise InputTypeError(
            f"must be a program key (a str), got {type(key).__name__}",
            field="program",
            rule=_RULE,
        )
    found = REGISTRY.get(key)
    if found is not None:
        return found
    expected = ", ".join(repr(k) for k in REGISTRY)
    meant = _meant(key)
    hint = "" if meant is None else f" (did you mean {meant!r}?)"
    raise UnknownNameError(
        f"unknown program {shown(key)}; expected one of {expected}{hint}",
        field="program",
        rule=_RULE,
    )


def _meant(key: str) -> str | None:
    """The registered key a near miss probably means, or ``None``.

    Tried in order: the same key in another case or with ``_``/spaces for ``-``; a key
    whose last part is the one given (``"emr"``); none when the body alone is given and it
    has several programs (``"nremt"``); the closest spelling.
    """
    folded = "-".join(key.strip().casefold().replace("_", "-").split())
    if folded in REGISTRY:
        return folded
    by_level = [k for k in REGISTRY if k.rsplit("-", 1)[-1] == folded]
    if len(by_level) == 1:
        return by_level[0]
    if sum(k.startswith(f"{folded}-") for k in REGISTRY) > 1:
        return None  # the body alone ("nremt"): several levels, none more likely
    close = difflib.get_close_matches(folded[:100], list(REGISTRY), n=1, cutoff=0.6)
    return close[0] if close else None
