"""The vectorised engine behind :func:`emrpath.evaluate_table` (numpy and pyarrow).

Private: imported only by :mod:`emrpath.columnar`, after it has checked that the
``columnar`` extra is installed, so ``import emrpath`` never loads numpy or pyarrow.

Dates are whole-array ``int64`` day numbers counted from 1970-01-01 (Arrow's ``date32``).
Every number comes from the program's parameters, read through their effective-dated
provisions; a provision is computed here only when its value has one of the shapes below,
with exactly the fields listed (a policy that grows a field is no longer a shape this
module knows, so the rows that read it go to :func:`emrpath.decide`). Each rule below
mirrors one step of ``emrpath.pathway``'s deciding run, in the same order, and names it.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs
import numpy as np
from numpy.typing import NDArray

from emrpath.calendar import BusinessCalendar
from emrpath.errors import (
    CalendarRangeError,
    EmrpathError,
    InputTypeError,
    InvalidRecordError,
    NaiveDatetimeError,
    UnknownNameError,
)
from emrpath.params import Confidence, Param
from emrpath.pathway import decide
from emrpath.policies import (
    AnniversaryExpiry,
    AttemptLimit,
    FixedDaysWait,
    MonthEndValidity,
    MonthsValidity,
    NextPeriodWait,
    NoExpiry,
    Requirement,
    ResultPosting,
    ScoreScale,
    SeasonalExpiry,
)
from emrpath.program import Program
from emrpath.records import (
    AuthorizationToTest,
    Candidate,
    CourseCompletion,
    CprCredential,
    ExamAttempt,
    SkillsCompetency,
)
from emrpath.status import PathwayDecision

__all__ = [
    "DATE_COLUMNS",
    "OUTPUT_COLUMNS",
    "RULE",
    "Outcome",
    "evaluate_columns",
    "read_arrow",
    "read_pandas",
    "to_arrow",
]

# pyarrow ships no type information: typed as Any, loaded like any other module.
pa: Any = importlib.import_module("pyarrow")
pc: Any = importlib.import_module("pyarrow.compute")

Arr = NDArray[Any]

RULE = "columnar table"

EPOCH = dt.date(1970, 1, 1).toordinal()
MIN_DAY = dt.date.min.toordinal() - EPOCH
MAX_DAY = dt.date.max.toordinal() - EPOCH
# Months counted from January 1970, for the first and last month a date can be in.
MIN_MONTH = (dt.MINYEAR - 1970) * 12
MAX_MONTH = (dt.MAXYEAR - 1970) * 12 + 11

# -- the table's columns ------------------------------------------------------------------

DATE_COLUMNS = (
    "course_completed_on",
    "course_verified_on",
    "skills_passed_on",
    "transcripts_received_on",
    "cpr_expires_on",
    "cpr_issued_on",
)
_ATTEMPT = re.compile(r"attempt_([1-9][0-9]*)_(on|passed|score)")
_AUTHORIZATION = re.compile(r"authorization_([1-9][0-9]*)_issued_on")
_OURS = ("course_", "skills_", "transcripts_", "cpr_", "attempt_", "authorization_", "history")

OUTPUT_COLUMNS = (
    "certified",
    "certified_on",
    "certification_expires_on",
    "next_attempt_on",
    "attempts_used",
    "attempts_remaining",
    "remediation_required",
    "confidence",
    "error",
)

# -- the shapes of provision values computed here -----------------------------------------

_NONE = type(None)
Shapes = Mapping[type, tuple[str, ...]]
RESULT_POSTING: Shapes = MappingProxyType({ResultPosting: ("business_days", "held_until")})
# A scale may also say it is reported to failing candidates only (``failing_only``): a score
# on a passed attempt is then refused, and such rows go to decide() (see run()).
SCORE_SCALE: Shapes = MappingProxyType(
    {ScoreScale: ("minimum", "maximum", "passing", "?failing_only"), _NONE: ()}
)
RETEST_WAIT: Shapes = MappingProxyType({FixedDaysWait: ("days",), NextPeriodWait: ("months",)})
# Remedial training (attempts after a first block) changes the count: only limits without it
# are vectorised; a program with it is decided row by row.
ATTEMPT_LIMIT: Shapes = MappingProxyType(
    {AttemptLimit: ("max_attempts", "after_limit", "scope", "?remedial=None")}
)
COURSE_VALIDITY: Shapes = MappingProxyType(
    {MonthEndValidity: ("months",), MonthsValidity: ("months",)}
)
PORTION_VALIDITY: Shapes = MappingProxyType({MonthsValidity: ("months",), _NONE: ()})
CERTIFICATION_TERM: Shapes = MappingProxyType(
    {
        SeasonalExpiry: ("month", "day", "split_month", "years_before_split", "years_from_split"),
        AnniversaryExpiry: ("years", "month_end"),
        NoExpiry: (),
    }
)
FLAG: Shapes = MappingProxyType({bool: ()})

# The parameters decide() reads, and those it never reads (the recertification lifecycle and
# appeals). A program with any other parameter is decided row by row: what that parameter
# changes is not known here.
_DECIDING = frozenset(
    {
        "result_posting",
        "score_scale",
        "retest_wait",
        "attempt_limit",
        "course_validity",
        "authorization",
        "portion_validity",
        "certification_term",
        "cpr_required",
        "verification_required",
        "skills_required",
    }
)
_NOT_READ = frozenset(
    {
        "retake_advice",  # study advice after a failure, for the retake plan
        "recert_cycle",
        "ce_requirement",
        "ce_window",
        "recert_window",
        "recert_exam",
        "appeal_window",
    }
)

# Why a row went to decide(), in the order they are told apart (a row counts under the first).
UNKNOWN_PARAMETER = "the program has a parameter the vectorised path does not know"
RECORDS = "authorization or CPR records"
OUT_OF_RANGE = "a date outside the calendar or the dates that can be represented"
PROVISION = "a provision not vectorised, or none in force"
ORDER = "attempt slots not in date order, or with gaps"
CHECK = "a record check refuses the row or may refuse it"
REASONS = (UNKNOWN_PARAMETER, RECORDS, OUT_OF_RANGE, PROVISION, ORDER, CHECK)


# -- whole-array date arithmetic (the same results as emrpath._dates) ---------------------


def month_and_day(days: Arr) -> tuple[Arr, Arr]:
    """Months since January 1970 and the day of the month of each day number.

    numpy's calendar conversion runs once per distinct day in the array's range (a table
    indexed by day), not once per row: a registry's dates span some thousands of days.
    Days outside the dates that can be represented are clamped (their rows go to decide()).
    """
    days = np.clip(days, MIN_DAY, MAX_DAY)
    low = int(days.min()) if len(days) else 0
    high = int(days.max()) if len(days) else 0
    span = np.arange(low, high + 1, dtype=np.int64)
    months = span.astype("datetime64[D]").astype("datetime64[M]")
    first = months.astype("datetime64[D]").astype(np.int64)
    index = days - low
    return months.astype(np.int64)[index], (span - first + 1)[index]


def month_start(months: Arr) -> Arr:
    """The day number of the first day of each month (months since January 1970)."""
    months = np.clip(np.asarray(months, np.int64), MIN_MONTH, MAX_MONTH + 1)
    low = int(months.min()) if months.size else 0
    high = int(months.max()) if months.size else 0
    span = np.arange(low, high + 1, dtype=np.int64).astype("datetime64[M]")
    starts: Arr = span.astype("datetime64[D]").astype(np.int64)
    found: Arr = starts[months - low]
    return found


def add_months(days: Arr, count: Arr | int) -> tuple[Arr, Arr]:
    """``add_months``: the same day number later, clamped to month end; and where it exists."""
    months, day = month_and_day(days)
    target = months + count
    ok = (target >= MIN_MONTH) & (target <= MAX_MONTH)
    target = np.clip(target, MIN_MONTH, MAX_MONTH)
    start = month_start(target)
    length = month_start(target + 1) - start
    return start + np.minimum(day, length) - 1, ok


def end_of_month_after(days: Arr, count: Arr | int) -> tuple[Arr, Arr]:
    """``end_of_month_after``: the last day of the month ``count`` months on; where it exists."""
    months, _ = month_and_day(days)
    target = months + count
    ok = (target >= MIN_MONTH) & (target <= MAX_MONTH)
    return month_start(np.clip(target, MIN_MONTH, MAX_MONTH) + 1) - 1, ok


def add_days(days: Arr, count: Arr | int) -> tuple[Arr, Arr]:
    """``add_days``, and where the result can be represented."""
    out = days + count
    return out, (out >= MIN_DAY) & (out <= MAX_DAY)


class CalendarArrays:
    """A business calendar's tables as arrays, from its public flags."""

    def __init__(self, calendar: BusinessCalendar) -> None:
        flags = np.frombuffer(calendar.business_day_flags, dtype=np.uint8)
        self.base = calendar.first_day.toordinal() - EPOCH
        self.size = len(flags)
        self.prefix = np.concatenate(([0], np.cumsum(flags, dtype=np.int64)))
        self.days = np.flatnonzero(flags).astype(np.int64) + self.base

    def add(self, days: Arr, count: Arr | int) -> tuple[Arr, Arr]:
        """``add_business_days`` for ``count >= 1``, and where both days are in the calendar.

        The n-th business day strictly after each day, as the calendar's own method gives it.
        """
        index = days - self.base
        inside = (index >= 0) & (index < self.size)
        k = self.prefix[np.clip(index, 0, self.size - 1) + 1] + count - 1
        found = len(self.days)
        ok = inside & (k < found)
        return self.days[np.clip(k, 0, max(found - 1, 0))], ok


# -- parameters as arrays ------------------------------------------------------------------


def known_shape(value: object, shapes: Shapes) -> bool:
    """Whether ``value`` is one of ``shapes`` with exactly the fields listed for it.

    A field listed as ``"?name"`` may be absent; ``"?name=None"`` may be absent or hold
    ``None`` (a feature the vectorised path does not compute, unused); every field the
    value has must be listed.
    """
    kind = type(value)
    listed = shapes.get(kind)
    if listed is None:
        return False
    if not attrs.has(kind):
        return True  # bool, None
    has = tuple(field.name for field in attrs.fields(kind))
    required = tuple(name for name in listed if not name.startswith("?"))
    allowed = tuple(name.lstrip("?").removesuffix("=None") for name in listed)
    unused = [name[1:-5] for name in listed if name.endswith("=None")]
    if any(getattr(value, name, None) is not None for name in unused):
        return False
    return has in (required, allowed)


class ParamTable:
    """One parameter's provisions as small arrays, looked up per row by effective date."""

    def __init__(self, param: Param[Any] | None, shapes: Shapes) -> None:
        provisions = () if param is None else param.provisions
        self.present = param is not None
        self.values = tuple(p.value for p in provisions)
        self.starts = [p.effective_from.toordinal() - EPOCH for p in provisions]
        self.weak_table = np.array(
            [p.confidence is Confidence.SECONDARY for p in provisions], dtype=bool
        )
        self.usable_table = np.array([known_shape(v, shapes) for v in self.values], dtype=bool)

    def index(self, days: Arr) -> Arr:
        """The provision in force on each day: its position, or -1 before the first."""
        small = len(self.starts) < 127  # a position fits a byte: a quarter of the memory
        index: Arr = (days >= self.starts[0]).astype(np.int8 if small else np.int64) - 1
        for start in self.starts[1:]:
            index += days >= start
        return index

    def pick(self, table: Arr, index: Arr) -> Any:
        """``table[index]`` per row; the one value itself when there is one provision."""
        if len(table) == 1:
            return table[0]
        if len(table) == 2:  # the common change of rule: a choice costs less than a lookup
            return np.where(index > 0, table[1], table[0])
        return table[np.maximum(index, 0)]

    def number(self, get: Callable[[Any], object], index: Arr) -> Any:
        """A number of each row's provision (0 where the value has no such number)."""
        return self.pick(np.array([_int(get(v)) for v in self.values], dtype=np.int64), index)

    def flag(self, test: Callable[[Any], bool], index: Arr) -> Any:
        """A property of each row's provision value, as booleans."""
        return self.pick(np.array([test(v) for v in self.values], dtype=bool), index)

    def unusable(self, index: Arr) -> Arr:
        """No provision in force (a refusal), or one of a shape not computed here."""
        usable: Arr = np.asarray(self.pick(self.usable_table, index))
        return (index < 0) | ~usable

    def weak(self, index: Arr) -> Any:
        """Whether each row's provision rests on a secondary source."""
        return self.pick(self.weak_table, index)

    def kinds(self) -> set[type]:
        """The types of value among the usable provisions."""
        return {type(v) for v, ok in zip(self.values, self.usable_table, strict=True) if ok}


# The position of the one provision of a parameter that has one (pick() never indexes it).
_ONLY: Arr = np.zeros((), np.int8)


def _int(value: object) -> int:
    return value if type(value) is int else 0


def _attr(name: str) -> Callable[[Any], object]:
    return lambda value: getattr(value, name, 0)


def _is(kind: type) -> Callable[[Any], bool]:
    return lambda value: type(value) is kind


def _failing_only(value: object) -> bool:
    return getattr(value, "failing_only", False) is True


def _holds(item: Requirement) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, ResultPosting) and item in value.held_until


# -- the table, read ------------------------------------------------------------------------


@attrs.frozen(slots=True)
class DateColumn:
    """A date column as day numbers, where each row has a value, and its Arrow array."""

    name: str
    days: Arr
    present: Arr


@attrs.frozen(slots=True)
class Slot:
    """One numbered attempt slot: its date, outcome and score columns."""

    number: int
    on: DateColumn
    passed: Arr
    passed_present: Arr
    score: Arr
    score_present: Arr


@attrs.frozen(slots=True)
class Columns:
    """Every column evaluate_table reads, as arrays, and the rows the table layer refused."""

    rows: int
    dates: Mapping[str, DateColumn]
    slots: tuple[Slot, ...]
    authorizations: tuple[DateColumn, ...]
    route: Any  # an Arrow string array, or None
    route_refused: Arr  # a route that is not a non-empty string: the record refuses it
    refused: dict[int, EmrpathError]  # table-level errors, by row

    def rows_from(self, start: int, stop: int) -> Columns:
        """Rows ``start`` to ``stop`` (views of the same arrays; errors renumbered)."""

        def cut(column: DateColumn) -> DateColumn:
            return DateColumn(column.name, column.days[start:stop], column.present[start:stop])

        return Columns(
            stop - start,
            {name: cut(column) for name, column in self.dates.items()},
            tuple(
                Slot(
                    slot.number,
                    cut(slot.on),
                    slot.passed[start:stop],
                    slot.passed_present[start:stop],
                    slot.score[start:stop],
                    slot.score_present[start:stop],
                )
                for slot in self.slots
            ),
            tuple(cut(column) for column in self.authorizations),
            None if self.route is None else self.route.slice(start, stop - start),
            self.route_refused[start:stop],
            {row - start: error for row, error in self.refused.items() if start <= row < stop},
        )


def read_pandas(frame: Any, *, timezone: str) -> Columns:
    """The columns of a pandas DataFrame, each converted to Arrow on its own."""
    arrays: dict[str, Any] = {}
    for name in frame.columns:
        if not isinstance(name, str) or not _is_ours(name):
            continue
        try:
            arrays[name] = pa.array(frame[name], from_pandas=True)
        except (pa.lib.ArrowException, TypeError, ValueError) as exc:
            raise InputTypeError(
                f"cannot be read as one Arrow type ({exc}); give one type per column",
                field=name,
                rule=RULE,
            ) from None
    return _read(arrays, len(frame), timezone)


def read_arrow(table: Any, *, timezone: str) -> Columns:
    """The columns of a pyarrow Table."""
    arrays = {name: table.column(name) for name in table.column_names if _is_ours(name)}
    return _read(arrays, table.num_rows, timezone)


def _is_ours(name: str) -> bool:
    return name.startswith(_OURS)


def _read(arrays: dict[str, Any], rows: int, timezone: str) -> Columns:
    refused: dict[int, EmrpathError] = {}
    slots: dict[int, dict[str, Any]] = {}
    authorizations: dict[int, Any] = {}
    for name, array in arrays.items():
        if isinstance(array, pa.ChunkedArray):
            arrays[name] = array.combine_chunks()
        attempt = _ATTEMPT.fullmatch(name)
        authorization = _AUTHORIZATION.fullmatch(name)
        if attempt:
            slots.setdefault(int(attempt.group(1)), {})[attempt.group(2)] = arrays[name]
        elif authorization:
            authorizations[int(authorization.group(1))] = arrays[name]
        elif name not in (*DATE_COLUMNS, "course_route"):
            raise UnknownNameError(
                "is not a column evaluate_table reads; its columns are "
                f"{', '.join(DATE_COLUMNS)}, course_route, attempt_<k>_on, "
                "attempt_<k>_passed, attempt_<k>_score and authorization_<k>_issued_on "
                "(k = 1, 2, ...); other names may not start with "
                f"{', '.join(_OURS)}",
                field=name,
                rule=RULE,
            )
    if "course_completed_on" not in arrays:
        raise InputTypeError(
            "is a required column (each row is one candidate's course completion)",
            field="course_completed_on",
            rule=RULE,
        )
    dates = {
        name: _date_column(name, arrays.get(name), rows, timezone, refused)
        for name in DATE_COLUMNS
    }
    out_slots = []
    for number in sorted(slots):
        parts = slots[number]
        for part in ("on", "passed"):
            if part not in parts:
                raise InputTypeError(
                    f"is missing: attempt slot {number} has "
                    f"{', '.join(f'attempt_{number}_{p}' for p in sorted(parts))}; every "
                    "slot needs its date and outcome columns",
                    field=f"attempt_{number}_{part}",
                    rule=RULE,
                )
        on = _date_column(f"attempt_{number}_on", parts["on"], rows, timezone, refused)
        passed, passed_present = _bool_column(f"attempt_{number}_passed", parts["passed"], rows)
        score, score_present = _int_column(f"attempt_{number}_score", parts.get("score"), rows)
        orphan = (passed_present | score_present) & ~on.present
        for row in np.flatnonzero(orphan).tolist():
            refused.setdefault(
                row,
                InvalidRecordError(
                    f"is empty while attempt_{number}_passed or attempt_{number}_score holds "
                    "a value; an attempt needs its date",
                    field=f"attempt_{number}_on",
                    rule=RULE,
                ),
            )
        out_slots.append(Slot(number, on, passed, passed_present, score, score_present))
    issued_alone = dates["cpr_issued_on"].present & ~dates["cpr_expires_on"].present
    for row in np.flatnonzero(issued_alone).tolist():
        refused.setdefault(
            row,
            InvalidRecordError(
                "is empty while cpr_issued_on holds a date; a CPR credential needs its expiry",
                field="cpr_expires_on",
                rule=RULE,
            ),
        )
    route = arrays.get("course_route")
    route_refused = np.zeros(rows, dtype=bool)
    if route is not None:
        if pa.types.is_null(route.type):
            route = None
        elif not (pa.types.is_string(route.type) or pa.types.is_large_string(route.type)):
            raise InputTypeError(
                f"must be a string column, got Arrow type {route.type}",
                field="course_route",
                rule=RULE,
            )
        else:
            # Blank routes are refused by the record: find them among the distinct values
            # with Python's own str.strip, the test the record applies.
            blank = [v for v in pc.unique(route).to_pylist() if v is not None and not v.strip()]
            if blank:
                route_refused = pc.is_in(route, pa.array(blank, route.type)).to_numpy(
                    zero_copy_only=False
                )
    authorization_columns = tuple(
        _date_column(f"authorization_{k}_issued_on", authorizations[k], rows, timezone, refused)
        for k in sorted(authorizations)
    )
    return Columns(
        rows,
        dates,
        tuple(out_slots),
        authorization_columns,
        route,
        route_refused,
        refused,
    )


def _fixed(array: Any, dtype: Any) -> Arr:
    """The values buffer of a fixed-width Arrow array, read in place (nulls hold anything)."""
    buffer = array.buffers()[1]
    if buffer is None:  # no values at all
        return np.zeros(len(array), dtype)
    values: Arr = np.frombuffer(buffer, dtype=dtype, count=array.offset + len(array))
    return values[array.offset :]


def _validity(array: Any, rows: int) -> Arr:
    if array.null_count == 0:
        return np.ones(rows, dtype=bool)
    valid: Arr = np.asarray(array.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
    return valid


def _date_column(
    name: str, array: Any, rows: int, timezone: str, refused: dict[int, EmrpathError]
) -> DateColumn:
    if array is None or pa.types.is_null(array.type):
        return DateColumn(name, np.zeros(rows, np.int64), np.zeros(rows, dtype=bool))
    kind = array.type
    present = _validity(array, rows)
    if pa.types.is_date32(kind) or pa.types.is_date64(kind):
        values = _fixed(array.cast(pa.date32()), np.int32).astype(np.int64)
    elif pa.types.is_timestamp(kind):
        if kind.tz is not None:
            raise InputTypeError(
                f"holds timestamps with a timezone ({kind.tz}); give dates, read in the "
                f"program's timezone {timezone} (pandas: "
                f"column.dt.tz_convert('{timezone}').dt.date)",
                field=name,
                rule=RULE,
            )
        per_day = {"s": 86_400, "ms": 86_400_000, "us": 86_400_000_000}.get(
            kind.unit, 86_400_000_000_000
        )
        ticks = _fixed(array.cast(pa.int64()), np.int64)
        values, rest = np.divmod(ticks, per_day)
        for row in np.flatnonzero(present & (rest != 0)).tolist():
            refused.setdefault(
                row,
                NaiveDatetimeError(
                    f"{array[row].as_py()} is a time of day without a timezone; a timestamp "
                    "names a calendar day only at midnight (emrpath will not guess a "
                    f"timezone: give dates, read in {timezone})",
                    field=name,
                    rule=RULE,
                ),
            )
    else:
        raise InputTypeError(
            f"must be a date column, got Arrow type {kind}", field=name, rule=RULE
        )
    return DateColumn(name, np.where(present, values, 0), present)


def _bool_column(name: str, array: Any, rows: int) -> tuple[Arr, Arr]:
    if pa.types.is_null(array.type):
        return np.zeros(rows, dtype=bool), np.zeros(rows, dtype=bool)
    if not pa.types.is_boolean(array.type):
        raise InputTypeError(
            f"must be a boolean column, got Arrow type {array.type}", field=name, rule=RULE
        )
    buffer = array.buffers()[1]
    if buffer is None:
        return np.zeros(rows, dtype=bool), np.zeros(rows, dtype=bool)
    bits = np.frombuffer(buffer, dtype=np.uint8)
    values = np.unpackbits(bits, bitorder="little")[array.offset : array.offset + rows]
    valid = _validity(array, rows)
    return values.view(bool) & valid, valid


def _int_column(name: str, array: Any, rows: int) -> tuple[Arr, Arr]:
    if array is None or pa.types.is_null(array.type):
        return np.zeros(rows, np.int64), np.zeros(rows, dtype=bool)
    if not pa.types.is_integer(array.type):
        hint = (
            "; a scaled score is an integer, and a percentage is not a scaled score "
            "(pandas: the 'Int64' dtype keeps missing values)"
            if pa.types.is_floating(array.type)
            else ""
        )
        raise InputTypeError(
            f"must be an integer column, got Arrow type {array.type}{hint}", field=name, rule=RULE
        )
    try:
        values = _fixed(array.cast(pa.int64()), np.int64)
    except pa.lib.ArrowInvalid:
        raise InputTypeError(
            "holds a value past the 64-bit integer range", field=name, rule=RULE
        ) from None
    valid = _validity(array, rows)
    return np.where(valid, values, 0), valid


# -- the rows as records, for decide() ------------------------------------------------------


def _date(column: DateColumn, row: int) -> dt.date | None:
    if not column.present[row]:
        return None
    days = int(column.days[row])
    if not MIN_DAY <= days <= MAX_DAY:
        raise CalendarRangeError(
            f"{days} days from 1970-01-01 is outside the dates that can be represented "
            f"({dt.date.min.isoformat()} to {dt.date.max.isoformat()})",
            field=column.name,
            rule=RULE,
        )
    return dt.date.fromordinal(days + EPOCH)


def candidate(columns: Columns, row: int) -> Candidate:
    """The :class:`~emrpath.Candidate` one row describes (its records check it)."""
    dates = columns.dates
    route = None if columns.route is None else columns.route[row].as_py()
    attempts = [
        ExamAttempt(
            _date(slot.on, row),  # type: ignore[arg-type]  # a date; the record checks
            bool(slot.passed[row]) if slot.passed_present[row] else None,  # type: ignore[arg-type]
            int(slot.score[row]) if slot.score_present[row] else None,
        )
        for slot in columns.slots
        if slot.on.present[row]
    ]
    skills_on = _date(dates["skills_passed_on"], row)
    cpr_expires = _date(dates["cpr_expires_on"], row)
    return Candidate(
        course=CourseCompletion(
            _date(dates["course_completed_on"], row),  # type: ignore[arg-type]
            _date(dates["course_verified_on"], row),
            route=route,
        ),
        attempts=attempts,
        skills=None if skills_on is None else SkillsCompetency(skills_on),
        authorizations=[
            AuthorizationToTest(day)
            for day in (_date(column, row) for column in columns.authorizations)
            if day is not None
        ],
        cpr=(
            None
            if cpr_expires is None
            else CprCredential(cpr_expires, _date(dates["cpr_issued_on"], row))
        ),
        transcripts_received_on=_date(dates["transcripts_received_on"], row),
    )


# -- the decision, vectorised ---------------------------------------------------------------


@attrs.frozen(slots=True)
class Outcome:
    """The decided columns of every row, as arrays, and how each row was decided."""

    certified: Arr
    certified_on: Arr
    has_certified_on: Arr
    expires_on: Arr
    has_expires_on: Arr
    next_on: Arr
    has_next_on: Arr
    used: Arr
    remaining: Arr
    remediation: Arr
    weak: Arr
    errors: dict[int, str]
    fallback_rows: int
    reasons: dict[str, int]


class Tables:
    """A program's parameters as :class:`ParamTable` values, and its calendar's arrays."""

    def __init__(self, program: Program) -> None:
        self.unknown = [
            field.name
            for field in attrs.fields(type(program))
            if isinstance(getattr(program, field.name), Param)
            and field.name not in _DECIDING | _NOT_READ
        ]
        self.result_posting = ParamTable(program.result_posting, RESULT_POSTING)
        self.score_scale = ParamTable(program.score_scale, SCORE_SCALE)
        self.retest_wait = ParamTable(program.retest_wait, RETEST_WAIT)
        self.attempt_limit = ParamTable(program.attempt_limit, ATTEMPT_LIMIT)
        self.course_validity = ParamTable(program.course_validity, COURSE_VALIDITY)
        self.portion_validity = ParamTable(program.portion_validity, PORTION_VALIDITY)
        self.certification_term = ParamTable(program.certification_term, CERTIFICATION_TERM)
        self.verification_required = ParamTable(program.verification_required, FLAG)
        self.skills_required = ParamTable(program.skills_required, FLAG)
        self.calendar = CalendarArrays(program.calendar)


class _Run:
    """One vectorised pass over every row: the masks of rows it cannot decide, and the rest.

    ``fall[reason]`` collects the rows that go to decide() for each reason; ``weak`` the rows
    where some parameter read rests on a secondary source. Each step reads the parameters
    that step of the deciding run reads, on the same dates, for the same rows.
    """

    def __init__(self, columns: Columns, as_of: dt.date, program: Program, tables: Tables) -> None:
        self.columns = columns
        self.program = program
        self.as_of = as_of
        self.t = as_of.toordinal() - EPOCH
        self.tables = tables
        rows = columns.rows
        self.fall = {reason: np.zeros(rows, dtype=bool) for reason in REASONS}
        self.weak = np.zeros(rows, dtype=bool)

    def read(self, table: ParamTable, days: Arr, where: Arr) -> Arr:
        """Read ``table`` on ``days`` for the rows in ``where``: confidence, and refusal."""
        if len(table.starts) == 1:  # one provision: in force from its date, or refused
            refused = days < table.starts[0]
            self.fall[PROVISION] |= where & (refused if table.usable_table[0] else True)
            if table.weak_table[0]:
                self.weak |= where
            return _ONLY
        index = table.index(days)
        self.weak |= where & table.weak(index)
        self.fall[PROVISION] |= where & table.unusable(index)
        return index

    def read_on_as_of(
        self, param: Param[Any] | None, where: Arr, use: Callable[[Any], object]
    ) -> None:
        """Read ``param`` on ``as_of`` (one provision for every row) for the rows in ``where``.

        ``use`` runs on its value as the deciding run does; a refusal sends the rows away.
        """
        if param is None:
            return
        try:
            provision = param.at(self.as_of)
            use(provision.value)
        except EmrpathError:
            self.fall[PROVISION] |= where
            return
        if provision.confidence is Confidence.SECONDARY:
            self.weak |= where

    def run(self) -> Outcome:
        columns, tables, t = self.columns, self.tables, self.t
        rows = columns.rows
        fall, check = self.fall, self.fall[CHECK]
        every = np.ones(rows, dtype=bool)
        if tables.unknown:
            fall[UNKNOWN_PARAMETER] |= every
        dates = columns.dates
        completed, verified = dates["course_completed_on"], dates["course_verified_on"]
        skills, transcripts = dates["skills_passed_on"], dates["transcripts_received_on"]
        c, v, s, tr = completed.days, verified.days, skills.days, transcripts.days
        v_ok, s_ok, tr_ok = verified.present, skills.present, transcripts.present

        # Not vectorised: authorization and CPR records; dates a record cannot hold.
        fall[RECORDS] |= dates["cpr_expires_on"].present | dates["cpr_issued_on"].present
        for column in columns.authorizations:
            fall[RECORDS] |= column.present
        for column in (*dates.values(), *(slot.on for slot in columns.slots)):
            fall[OUT_OF_RANGE] |= column.present & (
                (column.days < MIN_DAY) | (column.days > MAX_DAY)
            )

        # The records' own checks and _check_not_after.
        check |= ~completed.present | (c > t) | columns.route_refused
        check |= v_ok & ((v < c) | (v > t))
        check |= (s_ok & (s > t)) | (tr_ok & (tr > t))

        # PathwayRun.__init__: the course window, the attempt limit, the portions' validity.
        cv = self.read(tables.course_validity, c, every)
        course_end = np.zeros(rows, np.int64)
        for kind, rule in ((MonthEndValidity, end_of_month_after), (MonthsValidity, add_months)):
            if kind in tables.course_validity.kinds():
                is_kind = tables.course_validity.flag(_is(kind), cv)
                end, ok = rule(c, tables.course_validity.number(_attr("months"), cv))
                course_end = np.where(is_kind, end, course_end)
                fall[OUT_OF_RANGE] |= is_kind & ~ok
        limit = self.read(tables.attempt_limit, c, every)
        max_attempts = tables.attempt_limit.number(_attr("max_attempts"), limit)
        portion = tables.portion_validity
        if portion.present:
            pv = self.read(portion, c, every)
            has_portion = portion.flag(_is(MonthsValidity), pv)
            portion_months = portion.number(_attr("months"), pv)
        else:
            has_portion, portion_months = np.zeros(rows, dtype=bool), 0

        # Attempts in slot order: a prefix of slots, strictly later each time (the record's
        # date order); anything else is left to the record, which sorts or refuses.
        used = np.zeros(rows, np.int64)
        last = np.zeros(rows, np.int64)
        last_passed = np.zeros(rows, dtype=bool)
        before_present = every
        before_on = np.zeros(rows, np.int64)
        before_passed = np.zeros(rows, dtype=bool)
        scale = tables.score_scale
        for k, slot in enumerate(columns.slots):
            on, here = slot.on.days, slot.on.present
            passed = slot.passed & slot.passed_present
            fall[ORDER] |= here & (~before_present | ((before_on >= on) & (k > 0)))
            check |= here & (~slot.passed_present | (on < c) | (on > t))
            # check_attempts: every attempt reads the score scale in force on its date.
            sc = self.read(scale, on, here)
            scored = here & slot.score_present
            if scored.any():
                score = slot.score
                has_scale = scale.flag(_is(ScoreScale), sc)
                low = scale.number(_attr("minimum"), sc)
                high = scale.number(_attr("maximum"), sc)
                passing = scale.number(_attr("passing"), sc)
                failing_only = scale.flag(_failing_only, sc)
                check |= scored & (
                    ~has_scale
                    | (score < low)
                    | (score > high)
                    | (passed & ((score < passing) | failing_only))
                    | (~passed & (score >= passing))
                )
            check |= here & (on > course_end)
            if k > 0:
                # An attempt after a pass (allowed only once the pass lapsed): to the record.
                check |= here & before_passed
                wait = self.read(tables.retest_wait, before_on, here)
                _, ok = self.retest(before_on, wait)
                fall[OUT_OF_RANGE] |= here & ~ok
            used += here
            last = np.where(here, on, last)
            last_passed = np.where(here, passed, last_passed)
            before_present, before_on, before_passed = here, on, here & passed
        check |= used > max_attempts
        has_attempts = used > 0
        passed = has_attempts & last_passed

        # certification_date(): the posting of the pass, the requirements, the portions.
        posting = tables.result_posting
        rp = self.read(posting, last, has_attempts)  # also cognitive_gate's result_date(last)
        result_on, ok = tables.calendar.add(last, posting.number(_attr("business_days"), rp))
        fall[OUT_OF_RANGE] |= has_attempts & ~ok
        need_v = self.flag_at_completion(tables.verification_required, c)
        need_s = self.flag_at_completion(tables.skills_required, c)
        held = {item: posting.flag(_holds(item), rp) for item in Requirement}
        need_v = need_v | (passed & held[Requirement.COURSE_VERIFIED])
        need_s = need_s | (passed & held[Requirement.SKILLS_PASSED])
        need_tr = passed & held[Requirement.TRANSCRIPTS_RECEIVED]
        missing = ~passed | (need_v & ~v_ok) | (need_s & ~s_ok) | (need_tr & ~tr_ok)
        on = result_on
        for need, day in ((need_v, v), (need_s, s), (need_tr, tr)):
            on = np.where(need, np.maximum(on, day), on)
        pass_end, ok = add_months(last, portion_months)
        fall[OUT_OF_RANGE] |= passed & has_portion & ~ok
        skills_end, ok = add_months(s, portion_months)
        fall[OUT_OF_RANGE] |= s_ok & has_portion & ~ok
        lapsed = has_portion & ((passed & (on > pass_end)) | (s_ok & (on > skills_end)))
        no_certification = missing | lapsed
        issued = ~no_certification & (on <= t)

        # cognitive_gate(): a valid pass, or when the next attempt may be taken.
        checked = np.where(issued, on, t)
        valid_pass = passed & ~(has_portion & (checked > pass_end))
        looking = ~valid_pass
        used_up = used >= max_attempts
        course_over = t > course_end
        waiting = looking & ~used_up & ~course_over
        retest = self.read(tables.retest_wait, last, waiting & has_attempts)
        retest_on, ok = self.retest(last, retest)
        fall[OUT_OF_RANGE] |= waiting & has_attempts & ~ok
        earliest = np.where(has_attempts, np.maximum(t, retest_on), t)
        remediation = looking & (used_up | course_over | (earliest > course_end))
        has_next = looking & ~remediation

        # certification_gate(): the term of an issued certification; posting read on as_of.
        self.read_on_as_of(self.program.result_posting, no_certification, lambda value: value)
        term = tables.certification_term
        ct = self.read(term, on, ~no_certification)
        expires = np.zeros(rows, np.int64)
        has_expiry = np.zeros(rows, dtype=bool)
        if SeasonalExpiry in term.kinds():
            is_kind = term.flag(_is(SeasonalExpiry), ct)
            end, ok = self.seasonal(on, ct)
            expires = np.where(is_kind, end, expires)
            has_expiry |= is_kind
            fall[OUT_OF_RANGE] |= ~no_certification & is_kind & ~ok
        if AnniversaryExpiry in term.kinds():
            is_kind = term.flag(_is(AnniversaryExpiry), ct)
            end, ok = self.anniversary(on, ct)
            expires = np.where(is_kind, end, expires)
            has_expiry |= is_kind
            fall[OUT_OF_RANGE] |= ~no_certification & is_kind & ~ok
        has_expiry &= ~no_certification
        certified = issued & ~(has_expiry & (t > expires))

        # The gates that only explain still read: CPR on as_of, the authorization on as_of
        # when an attempt is open (no authorization on record: those rows went above).
        self.read_on_as_of(self.program.cpr_required, every, lambda value: value)
        self.read_on_as_of(
            self.program.authorization,
            has_next,
            lambda value: value.expires_on(self.as_of, None),
        )
        remaining = np.where(valid_pass | remediation, 0, max_attempts - used)
        return self.finish(
            certified=certified,
            certified_on=np.where(no_certification, 0, on),
            has_certified_on=~no_certification,
            expires_on=np.where(has_expiry, expires, 0),
            has_expires_on=has_expiry,
            next_on=np.where(has_next, earliest, 0),
            has_next_on=has_next,
            used=used,
            remaining=np.broadcast_to(remaining, (rows,)).astype(np.int64),
            remediation=remediation,
        )

    def flag_at_completion(self, table: ParamTable, c: Arr) -> Arr:
        """A yes/no parameter read on the course completion date (False when absent)."""
        rows = len(c)
        if not table.present:
            return np.zeros(rows, dtype=bool)
        index = self.read(table, c, np.ones(rows, dtype=bool))
        return np.broadcast_to(table.flag(lambda value: value is True, index), (rows,))

    def retest(self, last: Arr, index: Arr) -> tuple[Arr, Arr]:
        """``RetestWait.earliest_after`` of each row's provision."""
        wait = self.tables.retest_wait
        out = np.zeros(len(last), np.int64)
        ok = np.ones(len(last), dtype=bool)
        for kind, rule, field in (
            (FixedDaysWait, add_days, "days"),
            (NextPeriodWait, add_months, "months"),
        ):
            if kind in wait.kinds():
                is_kind = wait.flag(_is(kind), index)
                day, fits = rule(last, wait.number(_attr(field), index))
                out = np.where(is_kind, day, out)
                ok &= ~is_kind | fits
        return out, ok

    def seasonal(self, on: Arr, index: Arr) -> tuple[Arr, Arr]:
        """``SeasonalExpiry.expires_on``: a fixed month and day, some years on."""
        term = self.tables.certification_term
        months, _ = month_and_day(on)
        year, month = months // 12 + 1970, months % 12 + 1
        split = term.number(_attr("split_month"), index)
        years = np.where(
            month < split,
            term.number(_attr("years_before_split"), index),
            term.number(_attr("years_from_split"), index),
        )
        target = year + years
        ok = (target >= dt.MINYEAR) & (target <= dt.MAXYEAR)
        target = np.clip(target, dt.MINYEAR, dt.MAXYEAR)
        expiry_month = term.number(_attr("month"), index)
        expiry_day = term.number(_attr("day"), index)
        return month_start((target - 1970) * 12 + expiry_month - 1) + expiry_day - 1, ok

    def anniversary(self, on: Arr, index: Arr) -> tuple[Arr, Arr]:
        """``AnniversaryExpiry.expires_on``: ``years`` on, to month end or the day before."""
        term = self.tables.certification_term
        later, ok = add_months(on, 12 * term.number(_attr("years"), index))
        months, _ = month_and_day(later)
        day_before, fits = add_days(later, -1)
        month_end = term.flag(lambda value: getattr(value, "month_end", False) is True, index)
        end = np.where(month_end, month_start(months + 1) - 1, day_before)
        return end, ok & (month_end | fits)

    def finish(self, **arrays: Arr) -> Outcome:
        """Send the rows the pass cannot decide to decide(), one by one, and merge."""
        columns = self.columns
        rows = columns.rows
        refused = np.zeros(rows, dtype=bool)
        if columns.refused:
            refused[list(columns.refused)] = True
        taken = refused.copy()
        reasons: dict[str, int] = {}
        for reason in REASONS:
            mask = self.fall[reason] & ~taken
            count = int(mask.sum())
            if count:
                reasons[reason] = count
            taken |= mask
        errors = {row: str(error) for row, error in columns.refused.items()}
        out = {name: np.array(values) for name, values in arrays.items()}
        weak = self.weak.copy()
        fallback = np.flatnonzero(taken & ~refused).tolist()
        for row in fallback:
            try:
                decision = decide(candidate(columns, row), as_of=self.as_of, program=self.program)
            except EmrpathError as error:
                errors[row] = str(error)
                continue
            _put(out, weak, row, decision)
        return Outcome(
            **out,
            weak=weak,
            errors=errors,
            fallback_rows=len(fallback),
            reasons=reasons,
        )


def _put(out: dict[str, Arr], weak: Arr, row: int, decision: PathwayDecision) -> None:
    """One decision's fields into the output arrays."""
    for name, has, day in (
        ("certified_on", "has_certified_on", decision.certified_on),
        ("expires_on", "has_expires_on", decision.certification_expires_on),
        ("next_on", "has_next_on", decision.next_attempt_on),
    ):
        out[has][row] = day is not None
        out[name][row] = 0 if day is None else day.toordinal() - EPOCH
    out["certified"][row] = decision.certified
    out["used"][row] = decision.attempts_used
    out["remaining"][row] = decision.attempts_remaining
    out["remediation"][row] = decision.remediation_required
    weak[row] = decision.confidence is Confidence.SECONDARY


# Rows per vectorised pass. The pass makes some two hundred whole-array steps over a few
# dozen arrays; in blocks of this size they stay in the processor's caches (over 1,000,000
# ASCP rows at once, 1.05 million rows a second per core; in blocks, 1.48 million).
CHUNK_ROWS = 65_536


def evaluate_columns(columns: Columns, *, as_of: dt.date, program: Program) -> Outcome:
    """Every row's decision: vectorised where it can be proven equal, else by decide()."""
    tables = Tables(program)
    starts = range(0, max(columns.rows, 1), CHUNK_ROWS)
    parts = [
        _Run(
            columns.rows_from(start, min(start + CHUNK_ROWS, columns.rows)), as_of, program, tables
        ).run()
        for start in starts
    ]
    if len(parts) == 1:
        return parts[0]
    reasons: dict[str, int] = {}
    for part in parts:
        for reason, count in part.reasons.items():
            reasons[reason] = reasons.get(reason, 0) + count
    arrays = {
        field.name: np.concatenate([getattr(part, field.name) for part in parts])
        for field in attrs.fields(Outcome)
        if field.name not in ("errors", "fallback_rows", "reasons")
    }
    return Outcome(
        **arrays,
        errors={
            start + row: text
            for start, part in zip(starts, parts, strict=True)
            for row, text in part.errors.items()
        },
        fallback_rows=sum(part.fallback_rows for part in parts),
        reasons={reason: reasons[reason] for reason in REASONS if reason in reasons},
    )


def to_arrow(outcome: Outcome, rows: int) -> Any:
    """The decided columns as a pyarrow Table (nulls in every decided column of an error)."""
    ok = np.ones(rows, dtype=bool)
    if outcome.errors:
        ok[list(outcome.errors)] = False
    error_rows = sorted(outcome.errors)
    # The error texts: a small array and, for every row, its text's place (or a null).
    places = np.full(rows, len(error_rows), np.int64)
    places[error_rows] = np.arange(len(error_rows))
    texts = pa.array([outcome.errors[row] for row in error_rows] + [None], pa.string())
    confidence = pc.take(
        pa.array([Confidence.PRIMARY.value, Confidence.SECONDARY.value, None], pa.string()),
        pa.array(np.where(ok, outcome.weak.astype(np.int64), 2)),
    )

    def dates(values: Arr, has: Arr) -> Any:
        return pa.array(values.astype(np.int32), pa.int32(), mask=~(has & ok)).cast(pa.date32())

    def plain(values: Arr, kind: Any) -> Any:
        return pa.array(values, kind, mask=~ok)

    arrays: Sequence[Any] = (
        plain(outcome.certified.astype(bool), pa.bool_()),
        dates(outcome.certified_on, outcome.has_certified_on),
        dates(outcome.expires_on, outcome.has_expires_on),
        dates(outcome.next_on, outcome.has_next_on),
        plain(outcome.used.astype(np.int64), pa.int64()),
        plain(outcome.remaining.astype(np.int64), pa.int64()),
        plain(outcome.remediation.astype(bool), pa.bool_()),
        confidence,
        pc.take(texts, pa.array(places)),
    )
    return pa.Table.from_arrays(list(arrays), names=list(OUTPUT_COLUMNS))
