"""attrs validators that raise emrpath errors naming the field and the rule.

``attrs.validators.instance_of`` raises a bare ``TypeError``; these raise
:class:`~emrpath.errors.InputTypeError` / :class:`~emrpath.errors.InvalidRecordError`
with ``Class.field`` and the rule, like every other check in the library.

Example:
    >>> import attrs
    >>> @attrs.frozen
    ... class Note:
    ...     text: str = attrs.field(validator=non_empty_text("example rule"))
    >>> Note("  ")
    Traceback (most recent call last):
    ...
    emrpath.errors.InvalidRecordError: Note.text: must not be empty (rule: example rule)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from emrpath.errors import InputTypeError, InvalidRecordError

__all__ = ["instance_of", "non_empty_text"]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def instance_of(kind: type, rule: str, *, optional: bool = False) -> Validator:
    """A validator: the value is a ``kind`` (or ``None`` when ``optional``)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            raise InputTypeError(
                f"must be a {kind.__name__}{' or None' if optional else ''}, got "
                f"{type(value).__name__}",
                field=_where(instance, attribute),
                rule=rule,
            )

    return check


def non_empty_text(rule: str) -> Validator:
    """A validator: the value is a ``str`` with something besides whitespace."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            raise InputTypeError(
                f"must be a str, got {type(value).__name__}",
                field=_where(instance, attribute),
                rule=rule,
            )
        if not value.strip():
            raise InvalidRecordError(
                "must not be empty", field=_where(instance, attribute), rule=rule
            )

    return check
