"""The audit's bare errors and silent acceptances (issue 17, items 5-10).

design.md: "Every invalid record or argument raises a subclass of ``emrpath.EmrpathError``
that also subclasses the fitting builtin (``ValueError``, ``TypeError``, ``LookupError``),
with a message naming the field and the rule." Every reproducer of the audit is here; each
raised a bare builtin error (or was silently accepted) before its fix.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath.cli import main
from emrpath.jsonio import from_json_data
from emrpath.report import describe_value
from tests.strategies import amounts

D = dt.date
EMR = ep.NREMT_EMR
CANDIDATE = ep.Candidate(ep.CourseCompletion(D(2024, 1, 5)))
MESSAGE_LIMIT = 400  # a message quotes a value cut to 60 characters, never the value whole


def refused(
    call: Callable[[], object], error: type[ep.EmrpathError], field: str
) -> ep.EmrpathError:
    """The error ``call`` raises: ``error``, naming ``field`` and a rule, short enough to read."""
    with pytest.raises(error) as info:
        call()
    assert info.value.field == field
    assert info.value.rule
    assert len(str(info.value)) < MESSAGE_LIMIT
    return info.value


class BadRepr:
    """A value whose ``repr()`` raises: a message must not call it unguarded."""

    def __repr__(self) -> str:
        raise RuntimeError("repr() of a caller's object")


def deep_list(depth: int = 200_000) -> list[object]:
    outer: list[object] = []
    inner = outer
    for _ in range(depth):
        item: list[object] = []
        inner.append(item)
        inner = item
    return outer


HUGE = 10**5000  # str() of it raises ValueError (Python's int digit limit)
DEEP = deep_list()
ODD_VALUES = [HUGE, DEEP, BadRepr()]


# -- 5. aware datetimes at the ends of the range, and tzinfos that misbehave ---------------


class FixedTz(dt.tzinfo):
    def __init__(self, offset: object) -> None:
        self.offset = offset

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        return self.offset  # type: ignore[return-value]

    def dst(self, when: dt.datetime | None) -> dt.timedelta | None:
        return None


class RaisingTz(dt.tzinfo):
    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        raise KeyError("a caller's tzinfo")


@pytest.mark.parametrize(
    "as_of",
    [
        dt.datetime.min.replace(tzinfo=dt.timezone.utc),
        dt.datetime.max.replace(tzinfo=dt.timezone(dt.timedelta(hours=-5))),
    ],
    ids=["min-utc", "max-minus-5h"],
)
def test_aware_datetimes_past_the_date_range_name_the_field(as_of: dt.datetime) -> None:
    """design.md: "a datetime is accepted only if it is timezone-aware and is converted to
    the program's own timezone before its date is taken": the conversion overflowed."""
    err = refused(lambda: ep.evaluate(CANDIDATE, as_of=as_of, program=EMR), ep.EmrpathError, "as_of")
    assert isinstance(err, ep.CalendarRangeError)
    assert isinstance(err, ValueError)
    refused(
        lambda: ep.expected_result_date(as_of, program=EMR), ep.CalendarRangeError, "exam_on"
    )


@pytest.mark.parametrize(
    ("tz", "error"),
    [
        (FixedTz(dt.timedelta(hours=24)), ep.InvalidRecordError),
        (FixedTz(dt.timedelta(hours=-30)), ep.InvalidRecordError),
        (FixedTz("05:00"), ep.InputTypeError),
        (RaisingTz(), ep.InvalidRecordError),
    ],
    ids=["24h", "minus-30h", "not-a-timedelta", "raises"],
)
def test_a_tzinfo_without_a_valid_offset_names_the_field(
    tz: dt.tzinfo, error: type[ep.EmrpathError]
) -> None:
    when = dt.datetime(2025, 3, 1, 12, tzinfo=tz)
    refused(lambda: ep.evaluate(CANDIDATE, as_of=when, program=EMR), error, "as_of")


@given(
    st.datetimes(
        min_value=dt.datetime.min,
        max_value=dt.datetime.max,
        timezones=st.sampled_from(
            [
                dt.timezone.utc,
                dt.timezone(dt.timedelta(hours=-5)),
                dt.timezone(dt.timedelta(hours=23, minutes=59)),
                dt.timezone(dt.timedelta(hours=-23, minutes=-59)),
                zoneinfo.ZoneInfo("Pacific/Kiritimati"),
                zoneinfo.ZoneInfo("America/Chicago"),
            ]
        ),
    )
)
def test_an_aware_datetime_is_its_date_in_the_program_zone_or_a_range_error(
    when: dt.datetime,
) -> None:
    """design.md: "a datetime is accepted only if it is timezone-aware and is converted to
    the program's own timezone before its date is taken"; a conversion past year 1 or 9999
    is a CalendarRangeError naming the field."""
    try:
        local = when.astimezone(zoneinfo.ZoneInfo(EMR.timezone))
    except OverflowError:
        refused(
            lambda: EMR.date(when, field="as_of", rule="example rule"),
            ep.CalendarRangeError,
            "as_of",
        )
    else:
        assert EMR.date(when, field="as_of", rule="example rule") == local.date()
