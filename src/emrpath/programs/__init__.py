"""The programs emrpath ships and their registry.

Each program is a :class:`~emrpath.program.Program` of cited data, in a module of its own.
:data:`REGISTRY` maps each shipped program's key to the program; :func:`get` looks one up
by key (the command line and the JSON layer read keys through it) and :func:`available`
lists them. Adding a program is one module here, one row in the registry's table (its key,
its module and its name there) and one example document in ``emrpath/examples``
(``<key>-candidate.json``, naming its program); the command line, the JSON layer and the
rules page find it through the registry. A program is built when its module is first
imported, on its first use: a process that uses one program never builds the others.

Example:
    >>> import emrpath as ep
    >>> list(ep.programs.REGISTRY)
    ['nremt-emr', 'nremt-emt', 'nremt-aemt', 'nremt-paramedic', 'ascp-mls']
    >>> ep.programs.get("ascp-mls") is ep.ASCP_MLS
    True
"""

from __future__ import annotations

import types
from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, NoReturn

from emrpath._validators import shown
from emrpath.errors import InputTypeError, UnknownNameError
from emrpath.program import Program

if TYPE_CHECKING:  # at run time each loads from its module on first use, see __getattr__
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

# Each shipped program's key, the module that defines it and its name there, in the
# registry's order. A program is built when its module is imported, which happens on its
# first use: a process that evaluates under NREMT EMR never builds the other four
# (tests/test_programs.py checks each key against its program's own).
_SHIPPED = (
    ("nremt-emr", "emrpath.programs.nremt_emr", "NREMT_EMR"),
    ("nremt-emt", "emrpath.programs.nremt_emt", "NREMT_EMT"),
    ("nremt-aemt", "emrpath.programs.nremt_aemt", "NREMT_AEMT"),
    ("nremt-paramedic", "emrpath.programs.nremt_paramedic", "NREMT_PARAMEDIC"),
    ("ascp-mls", "emrpath.programs.ascp_mls", "ASCP_MLS"),
)


class _Registry(Mapping[str, Program]):
    """A read-only mapping of program keys to programs, each loaded on first use.

    Iterating lists the keys without loading anything; looking a key up imports the
    program's module (the import system's own lock and cache, ``sys.modules``, make that
    safe from many threads and a one-time cost). It holds nothing but its fixed rows, in a
    read-only view, so it is as immutable as the ``types.MappingProxyType`` it replaced.
    """

    __slots__ = ("_homes",)

    def __init__(self, rows: tuple[tuple[str, str, str], ...]) -> None:
        self._homes = types.MappingProxyType({key: (module, name) for key, module, name in rows})

    def __getitem__(self, key: str) -> Program:
        module, name = self._homes[key]
        program: Program = getattr(import_module(module), name)
        return program

    def __iter__(self) -> Iterator[str]:
        return iter(self._homes)

    def __len__(self) -> int:
        return len(self._homes)

    def __contains__(self, key: object) -> bool:
        return key in self._homes

    def __repr__(self) -> str:
        return f"<program registry: {', '.join(self._homes)}>"

    def __reduce_ex__(self, protocol: object) -> NoReturn:
        # As the read-only view it replaced: a worker imports the registry, never receives it.
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")


REGISTRY: Mapping[str, Program] = _Registry(_SHIPPED)
"""Every shipped program by its key, read-only, in the order they are declared.

Each program is built on its first look-up (importing its module), so using one program
never builds the others; iterating the keys builds none.

:meta hide-value:
"""

_PROGRAM_HOMES = types.MappingProxyType({name: module for _, module, name in _SHIPPED})
# The programs' modules and the family module they share.
_SUBMODULES = frozenset(
    {module.rpartition(".")[2] for module in _PROGRAM_HOMES.values()} | {"nremt"}
)


def __getattr__(name: str) -> object:
    """``emrpath.programs.NREMT_EMR`` and the others, from their modules on first use (PEP 562).

    Importing ``emrpath.programs`` builds no program: each is built by its own module, so a
    process pays only for the programs it uses. A submodule (``emrpath.programs.nremt``)
    answers too, as it did when this package imported every program eagerly.
    """
    module = _PROGRAM_HOMES.get(name)
    if module is not None:
        return getattr(import_module(module), name)
    if name in _SUBMODULES:
        return import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_PROGRAM_HOMES, *_SUBMODULES})


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
    if key in REGISTRY:
        return REGISTRY[key]
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
    import difflib  # only a near miss needs it

    close = difflib.get_close_matches(folded[:100], list(REGISTRY), n=1, cutoff=0.6)
    return close[0] if close else None
