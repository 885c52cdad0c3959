"""The programs emrpath ships, each a :class:`~emrpath.program.Program` of cited data."""

from __future__ import annotations

from emrpath.programs.ascp_mls import ASCP_MLS
from emrpath.programs.nremt_emr import NREMT_EMR

__all__ = ["ASCP_MLS", "NREMT_EMR"]
