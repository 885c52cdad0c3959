"""Deprecated: the pathway's result types now live in :mod:`emrpath.status`.

Reading a name from this module warns (``DeprecationWarning``) and gives the class from
:mod:`emrpath.status`; the module will be removed in the release after 0.2.
"""

from __future__ import annotations

import warnings
from typing import Any

# Nothing new is exported from here; the names below warn and resolve to emrpath.status.
__all__: list[str] = []
_MOVED = frozenset({"Gate", "GateName", "GateState", "PathwayStatus", "Reason"})


def __getattr__(name: str) -> Any:
    if name not in _MOVED:
        raise AttributeError(f"module 'emrpath.decisions' has no attribute {name!r}")
    warnings.warn(
        f"emrpath.decisions.{name} is deprecated: import it from emrpath.status instead",
        DeprecationWarning,
        stacklevel=2,
    )
    from emrpath import status

    return getattr(status, name)
