"""The programs emrpath ships, each a :class:`~emrpath.program.Program` of cited data."""

from __future__ import annotations

from emrpath.programs.nremt_emr import NREMT_EMR

__all__ = ["NREMT_EMR"]
