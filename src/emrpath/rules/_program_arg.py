"""Shared argument check for rule functions."""

from __future__ import annotations

from emrpath.errors import InputTypeError
from emrpath.program import Program


def check_program(program: object, rule: str) -> Program:
    """``program`` if it is a :class:`Program`, else a clear error."""
    if not isinstance(program, Program):
        raise InputTypeError(
            "expected a Program such as emrpath.NREMT_EMR (emrpath.programs.get(key) looks "
            f"one up by its key), got {type(program).__name__}",
            field="program",
            rule=rule,
        )
    return program
