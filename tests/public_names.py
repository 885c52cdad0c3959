"""Every public name of emrpath: each public module's ``__all__``, walked.

The top level (``emrpath.__all__``) is a small face; the policy shapes, scope types,
authority inputs and the rest are public in the module that owns them. A test that must see
every public class or function (pickling, an example on every method, ``program=`` on every
function) walks :func:`public_objects`, not ``emrpath.__all__``.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

import emrpath


@cache
def public_modules() -> tuple[str, ...]:
    """Every public module: no part of its dotted name starts with ``_`` (as docs/conf.py)."""
    names = ["emrpath"]
    for info in pkgutil.walk_packages(emrpath.__path__, prefix="emrpath."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    return tuple(sorted(names))


@cache
def public_objects() -> dict[str, object]:
    """``"module.name"`` -> object for every name in a public module's ``__all__``.

    Each object is listed once, under the deepest module whose ``__all__`` names it (the one
    that defines it, where a package re-exports it): ``emrpath.records.Candidate``, not
    ``emrpath.Candidate``; ``emrpath.rules.course.course_expiration_date``. Modules
    themselves (``emrpath.programs`` in ``emrpath.__all__``) are left out.
    """
    found: dict[int, tuple[str, object]] = {}
    for module_name in sorted(public_modules(), key=lambda m: (-m.count("."), m)):
        module = importlib.import_module(module_name)
        for name in module.__all__:
            value = getattr(module, name)
            if not isinstance(value, type(emrpath)):
                found.setdefault(id(value), (f"{module_name}.{name}", value))
    return dict(sorted(found.values(), key=lambda item: item[0]))
