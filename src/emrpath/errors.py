"""The exceptions emrpath raises.

Every error is an :class:`EmrpathError` and also the builtin that fits it, so callers can
catch either ``emrpath.EmrpathError`` or ``ValueError``/``TypeError``/``LookupError``.
Each carries the offending ``field`` and the ``rule`` it broke, and its message names both.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> try:
    ...     ep.BusinessCalendar.us_federal().is_business_day("2025-01-02")
    ... except ep.InputTypeError as err:
    ...     print(err.field, "|", err.rule)
    day | business day
"""

from __future__ import annotations

__all__ = [
    "CalendarRangeError",
    "EmrpathError",
    "InputTypeError",
    "InvalidRecordError",
    "MissingExtraError",
    "NaiveDatetimeError",
    "NoRuleInForceError",
    "UnknownNameError",
]


class EmrpathError(Exception):
    """Base of every error emrpath raises.

    Args:
        message: What is wrong, in words a caller can act on.
        field: The argument or record field that holds the bad value.
        rule: The rule (or parameter) whose check failed.
    """

    def __init__(self, message: str, *, field: str | None = None, rule: str | None = None):
        self.message = message
        self.field = field
        self.rule = rule
        parts = []
        if field:
            parts.append(f"{field}: ")
        parts.append(message)
        if rule:
            parts.append(f" (rule: {rule})")
        super().__init__("".join(parts))

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments do not survive the default exception pickling;
        # errors must cross process boundaries intact (process pools, Dask, Spark).
        return (_rebuild_error, (type(self), self.message, self.field, self.rule))


def _rebuild_error(
    cls: type[EmrpathError], message: str, field: str | None, rule: str | None
) -> EmrpathError:
    return cls(message, field=field, rule=rule)


class InvalidRecordError(EmrpathError, ValueError):
    """A record, or an argument, holds a value the rules do not allow."""


class InputTypeError(EmrpathError, TypeError):
    """An argument has the wrong type (a string or a number where a date belongs)."""


class NaiveDatetimeError(InputTypeError):
    """A ``datetime`` without a timezone was given where a date belongs.

    A naive datetime cannot be placed on the program's calendar without guessing a
    timezone, and emrpath never guesses.
    """


class CalendarRangeError(EmrpathError, ValueError):
    """A date lies outside the years a business calendar was built for."""


class NoRuleInForceError(EmrpathError, LookupError):
    """A parameter was asked for its value on a date before its first effective date."""


class UnknownNameError(EmrpathError, LookupError):
    """A program, skill or other name is not known."""


class MissingExtraError(EmrpathError, ImportError):
    """An optional feature needs a package that is not installed.

    The message names the extra that installs it and how to install that from a clone or a
    wheel (``pip install -e ".[plot]"``): emrpath is not on a package index, so
    ``pip install "emrpath[plot]"`` would not find it.
    """
