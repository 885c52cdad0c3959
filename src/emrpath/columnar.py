"""``evaluate_table``: :func:`emrpath.decide` over a whole table of candidates at once.

One row per candidate, one column per record field; the decided fields come back as
columns of the same kind of table (a pandas DataFrame for a DataFrame, a pyarrow Table for
a Table), with an ``error`` column where a row's records are refused. The rules run as
whole-array operations over the columns wherever the program's provisions have shapes
this module computes, and row by row through :func:`emrpath.decide` wherever they do not;
either way each row gets exactly what ``decide()`` gives the :class:`~emrpath.Candidate`
the row describes. Needs the ``columnar`` extra (numpy, pyarrow and pandas; from a clone,
``pip install -e ".[columnar]"``), loaded only when :func:`evaluate_table` is called.

The input columns (every column but ``course_completed_on`` may be left out; a row leaves a
field empty with a null):

======================================  ========  =====================================
column                                  type      record field
======================================  ========  =====================================
``course_completed_on``                 date      ``course.completed_on``
``course_verified_on``                  date      ``course.verified_on``
``course_route``                        string    ``course.route``
``attempt_<k>_on`` (k = 1, 2, ...)      date      ``attempts[...].taken_on``
``attempt_<k>_passed``                  bool      ``attempts[...].passed``
``attempt_<k>_score`` (optional)        integer   ``attempts[...].scaled_score``
``skills_passed_on``                    date      ``skills.passed_on``
``transcripts_received_on``             date      ``transcripts_received_on``
``authorization_<k>_issued_on``         date      ``authorizations[...].issued_on``
``cpr_expires_on``, ``cpr_issued_on``   date      ``cpr.expires_on``, ``cpr.issued_on``
======================================  ========  =====================================

Attempts are numbered slots, not list columns: each slot is three plain columns, which
pandas, Arrow, CSV and SQL all hold natively (a list column is a Python object per row in
pandas), and a program bounds the number of attempts under one course (NREMT EMR: 3), so a
few slots cover every valid record. A row's attempts are its slots with a date, in any
order (the record keeps them in date order, as :class:`~emrpath.Candidate` does).

Dates are Arrow ``date32``/``date64`` (pandas: ``datetime.date`` objects or an Arrow
``date32`` dtype), or timestamps without a timezone at midnight (pandas ``datetime64``):
a timestamp at another time of day is refused for its row, and a column of timestamps with
a timezone is refused whole (read it in the program's timezone and give dates). A column
of the wrong type is refused as one error naming it; a bad value refuses its row only.
Other columns (a candidate id ...) are ignored, unless their name starts like one of the
above (``course_``, ``attempt_`` ...), which is refused as a likely misspelling. A
candidate's ``history`` (earlier courses) has no columns: evaluate such candidates with
:func:`emrpath.decide`.

Example:
    >>> import datetime as dt
    >>> import pandas as pd
    >>> import emrpath as ep
    >>> frame = pd.DataFrame({
    ...     "course_completed_on": [dt.date(2025, 5, 2), dt.date(2025, 1, 10)],
    ...     "course_verified_on": [dt.date(2025, 5, 9), dt.date(2025, 1, 13)],
    ...     "attempt_1_on": [dt.date(2025, 7, 11), dt.date(2025, 2, 6)],
    ...     "attempt_1_passed": [False, True],
    ...     "attempt_1_score": pd.array([880, None], dtype="Int64"),
    ...     "skills_passed_on": [None, dt.date(2025, 1, 8)],
    ... })
    >>> result = ep.evaluate_table(frame, as_of=dt.date(2025, 7, 14), program=ep.NREMT_EMR)
    >>> result.table[["certified", "next_attempt_on", "attempts_remaining"]]
       certified next_attempt_on  attempts_remaining
    0      False      2025-07-26                   2
    1       True            <NA>                   0
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from typing import Any

import attrs

from emrpath.errors import InputTypeError, MissingExtraError
from emrpath.program import Program, check_program

__all__ = ["TableEvaluation", "evaluate_table"]

_RULE = "evaluate_table"


@attrs.frozen(slots=True, eq=False, repr=False)
class TableEvaluation:
    """What :func:`evaluate_table` returns: the decided columns and how they were decided.

    Args:
        table: One row per input row, in the same order (a DataFrame keeps the input's
            index): ``certified`` (bool), ``certified_on``, ``certification_expires_on``
            and ``next_attempt_on`` (dates), ``attempts_used`` and ``attempts_remaining``
            (integers), ``remediation_required`` (bool), ``confidence`` (``"primary"`` or
            ``"secondary"``: the weakest source the row's decision read) and ``error``
            (the refusal's text, ``"field: message (rule: ...)"``, or null). A row with an
            error has nulls in every other column. A DataFrame's columns are Arrow-backed
            (``pd.ArrowDtype``), so dates stay ``datetime.date`` and missing values are
            ``<NA>``.
        rows: How many rows the table has.
        vectorised_rows: Rows decided by whole-array operations.
        fallback_rows: Rows decided one by one by :func:`emrpath.decide` (including the
            rows it refused).
        error_rows: Rows with an error (refused by their records, by ``decide()`` or by
            the table's own checks).
        fallback_reasons: ``(reason, rows)`` pairs: how many rows went to ``decide()`` for
            each reason (a row counts under the first that applies); ``dict()`` of it reads
            well.

    Two evaluations are equal when their tables hold the same values (``.equals``) and
    their counts agree; like its table, an evaluation pickles and is not hashable.

    Example:
        >>> import datetime as dt, pickle
        >>> import pyarrow as pa
        >>> import emrpath as ep
        >>> table = pa.table({
        ...     "course_completed_on": [dt.date(2025, 5, 2), dt.date(2025, 5, 2)],
        ...     "cpr_expires_on": pa.array([None, dt.date(2026, 3, 1)], pa.date32()),
        ... })
        >>> result = ep.evaluate_table(table, as_of=dt.date(2025, 6, 2), program=ep.NREMT_EMR)
        >>> result.rows, result.vectorised_rows, result.fallback_rows, result.error_rows
        (2, 1, 1, 0)
        >>> dict(result.fallback_reasons)
        {'authorization or CPR records': 1}
        >>> pickle.loads(pickle.dumps(result)) == result
        True
    """

    table: Any
    rows: int
    vectorised_rows: int
    fallback_rows: int
    error_rows: int
    fallback_reasons: tuple[tuple[str, int], ...]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TableEvaluation):
            return NotImplemented
        return (
            type(self.table) is type(other.table)
            and bool(self.table.equals(other.table))
            and self._counts() == other._counts()
        )

    __hash__ = None  # type: ignore[assignment]  # a table is not hashable

    def _counts(self) -> tuple[object, ...]:
        return (
            self.rows,
            self.vectorised_rows,
            self.fallback_rows,
            self.error_rows,
            self.fallback_reasons,
        )

    def __repr__(self) -> str:
        return (
            f"<TableEvaluation {self.rows} rows: {self.vectorised_rows} vectorised, "
            f"{self.fallback_rows} by decide(), {self.error_rows} with an error>"
        )


def _extra() -> None:
    """Load numpy and pyarrow, or say which extra installs them."""
    try:  # each by name first, so a missing one fails whatever else is cached
        for name in ("numpy", "pyarrow"):
            importlib.import_module(name)
    except ImportError as exc:
        raise MissingExtraError(
            'evaluate_table needs numpy and pyarrow, which the "columnar" extra installs '
            "(emrpath is not on a package index): from a clone of emrpath, "
            'pip install -e ".[columnar]"; from a wheel, '
            'pip install "emrpath-VERSION-py3-none-any.whl[columnar]"',
            field=exc.name or "pyarrow",
            rule=_RULE,
        ) from exc


def evaluate_table(
    table: Any, *, as_of: dt.date | dt.datetime, program: Program
) -> TableEvaluation:
    """Decide every candidate of ``table`` on ``as_of``: one row per candidate.

    Each row gets the fields :func:`emrpath.decide` gives the candidate the row describes
    (see :mod:`emrpath.columnar` for the columns), or the text of the error it raises. Rows
    whose rules this module computes as whole-array operations are decided that way: the
    program's parameters read through their effective-dated provisions, for the shapes
    that are computed here (fixed-day and period retest waits, month and month-end
    validity, seasonal, anniversary and no expiry, result posting in business days on the
    program's calendar); the other rows (authorization or CPR records, a provision of
    another shape, a date outside the calendar, a record that may be refused) go to
    ``decide()`` one by one, and ``TableEvaluation.fallback_rows`` counts them.

    Args:
        table: A pandas DataFrame or a pyarrow Table.
        as_of: The date of evaluation for every row (or an aware datetime, read in the
            program's timezone).
        program: The program whose rules apply (required: there is no default).

    Returns:
        A :class:`TableEvaluation`; its ``table`` is of the same kind as ``table``.

    Raises:
        MissingExtraError: numpy or pyarrow is not installed.
        InputTypeError: ``table`` is neither a DataFrame nor an Arrow Table, a column has
            the wrong type, ``course_completed_on`` is missing, or ``as_of`` or
            ``program`` is not what it must be.
        UnknownNameError: A column looks like one of the table's (``attempt_...``) but
            is not.
        NaiveDatetimeError: ``as_of`` is a datetime without a timezone.

    Example:
        >>> import datetime as dt
        >>> import pyarrow as pa
        >>> import emrpath as ep
        >>> table = pa.table({
        ...     "course_completed_on": [dt.date(2025, 5, 2), dt.date(2026, 1, 5)],
        ...     "attempt_1_on": [dt.date(2025, 7, 11), None],
        ...     "attempt_1_passed": [False, None],
        ... })
        >>> result = ep.evaluate_table(table, as_of=dt.date(2025, 7, 14), program=ep.NREMT_EMR)
        >>> result.table.column("next_attempt_on").to_pylist()
        [datetime.date(2025, 7, 26), None]
        >>> print(result.table.column("error")[1])
        course.completed_on: 2026-01-05 is after as_of 2025-07-14; a record cannot hold \
facts from after the date it is evaluated on (rule: course window)
        >>> result
        <TableEvaluation 2 rows: 1 vectorised, 1 by decide(), 1 with an error>
    """
    program = check_program(program, _RULE)
    day = program.date(as_of, field="as_of", rule=_RULE)
    _extra()
    from emrpath import _columnar as engine

    pandas = sys.modules.get("pandas")  # a DataFrame can only come from a loaded pandas
    if pandas is not None and isinstance(table, pandas.DataFrame):
        columns = engine.read_pandas(table, timezone=program.timezone)
        outcome = engine.evaluate_columns(columns, as_of=day, program=program)
        frame = engine.to_arrow(outcome, columns.rows).to_pandas(types_mapper=pandas.ArrowDtype)
        frame.index = table.index
        return _result(frame, columns.rows, len(columns.refused), outcome)
    if isinstance(table, engine.pa.Table):
        columns = engine.read_arrow(table, timezone=program.timezone)
        outcome = engine.evaluate_columns(columns, as_of=day, program=program)
        arrow = engine.to_arrow(outcome, columns.rows)
        return _result(arrow, columns.rows, len(columns.refused), outcome)
    raise InputTypeError(
        f"expected a pandas DataFrame or a pyarrow Table, got {type(table).__name__}",
        field="table",
        rule=_RULE,
    )


def _result(table: Any, rows: int, refused: int, outcome: Any) -> TableEvaluation:
    return TableEvaluation(
        table=table,
        rows=rows,
        vectorised_rows=rows - outcome.fallback_rows - refused,
        fallback_rows=outcome.fallback_rows,
        error_rows=len(outcome.errors),
        fallback_reasons=tuple(outcome.reasons.items()),
    )
