"""Field validators the policy values share (each names the field and the rule)."""

from __future__ import annotations

from typing import Any

import attrs

from emrpath._dates import days_in_month
from emrpath._validators import shown
from emrpath.errors import InvalidRecordError

__all__ = ["DayOf", "month_number", "non_negative", "positive"]


def positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or value < 1:
        raise InvalidRecordError(
            f"must be a positive int, got {shown(value)}",
            field=f"{type(instance).__name__}.{attribute.name}",
            rule="program parameter",
        )


def non_negative(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or value < 0:
        raise InvalidRecordError(
            f"must be a non-negative int, got {shown(value)}",
            field=f"{type(instance).__name__}.{attribute.name}",
            rule="program parameter",
        )


def month_number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not 1 <= value <= 12:
        raise InvalidRecordError(
            f"must be a month number 1-12, got {shown(value)}",
            field=f"{type(instance).__name__}.{attribute.name}",
            rule="program parameter",
        )


@attrs.frozen(slots=True)
class DayOf:
    """A validator: the day is one that the month in ``month_field`` has in every year.

    Runs after ``positive`` and after the month field's own check (attrs validates fields
    in order), so the fixed date a seasonal rule names exists every year: no 30 February,
    and no 29 February, which most years lack. A class rather than a closure, so its check
    is code that runs when a value is validated, not only when the policy class is defined.
    """

    month_field: str

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        month = getattr(instance, self.month_field)
        last = days_in_month(2001, month)  # a common year
        if type(value) is int and value > last:
            raise InvalidRecordError(
                f"month {month} has no day {value} every year (it has {last} in a common year)",
                field=f"{type(instance).__name__}.{attribute.name}",
                rule="program parameter",
            )
