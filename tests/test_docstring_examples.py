"""Every public method and property of every public class shows its own runnable example.

The standard: "Google-style docstrings with a runnable doctest example on every public
function/class". A class's example does not stand in for its methods: each public method and
property defined in emrpath carries a ``>>>`` example of its own (the doctest run over src/
checks that its output is right).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator

from tests.public_names import public_objects


def _function(member: object) -> Callable[..., object] | None:
    """The function behind a class attribute, or None if it is not a method or property."""
    if isinstance(member, property):
        return member.fget
    if isinstance(member, functools.cached_property):
        return member.func
    if isinstance(member, staticmethod | classmethod):
        return member.__func__
    if inspect.isfunction(member):
        return member
    return None


def _public_members() -> Iterator[tuple[str, Callable[..., object]]]:
    """("Class.name", function) for each public method/property defined in emrpath.

    The classes are those of every public module's ``__all__`` (tests/public_names.py), not
    only the top-level face: ``FixedDaysWait.describe`` is walked from emrpath.policies.
    Each method is listed once, under the public class that defines it (an emrpath base
    class that is not public lends its methods to every public class built on it).
    """
    seen: set[int] = set()
    for qualified, cls in public_objects().items():
        if not inspect.isclass(cls):
            continue
        cls_name = qualified.rsplit(".", 1)[1]
        for owner in cls.__mro__:
            if not owner.__module__.startswith("emrpath"):
                continue
            for name, member in vars(owner).items():
                function = _function(member)
                if name.startswith("_") or function is None:
                    continue
                if not getattr(function, "__module__", "").startswith("emrpath"):
                    continue
                if id(function) in seen:
                    continue
                seen.add(id(function))
                yield f"{cls_name}.{name}", function


MEMBERS = dict(_public_members())


def test_the_walk_finds_the_methods_it_must() -> None:
    """The walk itself can fail: these are public methods and properties it must list."""
    for name in (
        "PathwayDecision.summary",
        "PathwayStatus.gate",
        "Param.at",
        "Level.parse",
        "FixedDaysWait.describe",
        "ErrorLog.counts",
    ):
        assert name in MEMBERS, name
    assert not any(name.split(".")[1].startswith("_") for name in MEMBERS)


def test_every_public_method_and_property_has_its_own_example() -> None:
    """Standards: "a runnable doctest example on every public function/class"."""
    missing = sorted(
        name for name, function in MEMBERS.items() if ">>>" not in (function.__doc__ or "")
    )
    assert not missing, f"{len(missing)} without an example:\n" + "\n".join(missing)
