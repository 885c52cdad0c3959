"""Deprecated: the pathway's result types now live in :mod:`emrpath.status`.

Reading a name from this module warns (``DeprecationWarning``) and gives the class from
:mod:`emrpath.status`; the module will be removed in the release after 0.2.
"""

from __future__ import annotations

import warnings
from typing import Any

__all__ = ["Gate", "GateName", "GateState", "PathwayStatus", "Reason"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'emrpath.decisions' has no attribute {name!r}")
    warnings.warn(
        f"emrpath.decisions.{name} is deprecated: import it from emrpath.status "
        "(or emrpath) instead",
        DeprecationWarning,
        stacklevel=2,
    )
    from emrpath import status

    return getattr(status, name)
