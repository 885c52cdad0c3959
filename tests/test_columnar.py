"""evaluate_table: every row equal to decide() on the candidate the row describes.

The oracle is decide() itself: each test builds the Candidate a row describes (here, by
hand, a second reading of the documented columns), runs decide() and compares every
decided field, or the error text when decide() (or the record) refuses the row.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import emrpath as ep
from emrpath import _columnar as engine
from emrpath.columnar import TableEvaluation
from emrpath.policies import (
    AnniversaryExpiry,
    FixedDaysWait,
    MonthsValidity,
    NextPeriodWait,
    Requirement,
    ResultPosting,
)
from tests.strategies import CAL_LAST, EDGE_DATES, candidates, dates

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

D = dt.date
DAY = dt.timedelta(days=1)
SLOTS = 6
FIELDS = (
    "certified",
    "certified_on",
    "certification_expires_on",
    "next_attempt_on",
    "attempts_used",
    "attempts_remaining",
    "remediation_required",
)
PROGRAMS = (ep.NREMT_EMR, ep.ASCP_MLS)

# -- rows and the candidates they describe --------------------------------------------------

SCHEMA: dict[str, Any] = {
    "course_completed_on": pa.date32(),
    "course_verified_on": pa.date32(),
    "course_route": pa.string(),
    "skills_passed_on": pa.date32(),
    "transcripts_received_on": pa.date32(),
    "cpr_expires_on": pa.date32(),
    "cpr_issued_on": pa.date32(),
    **{f"authorization_{k}_issued_on": pa.date32() for k in (1, 2, 3)},
    **{
        f"attempt_{k}_{part}": kind
        for k in range(1, SLOTS + 1)
        for part, kind in (("on", pa.date32()), ("passed", pa.bool_()), ("score", pa.int64()))
    },
}


# Each example is a cohort of up to 12 rows built into a table: 150 cohorts (up to 1,800
# rows, the edge dates mixed in) per property, where CI's profile would run 500 and spend
# 100 s here; a quicker profile runs its own smaller number.
_EXAMPLES = settings(max_examples=min(settings().max_examples, 150))


def row_of(candidate: ep.Candidate, order: list[int] | None = None) -> dict[str, Any]:
    """The row that describes ``candidate`` (attempt slots in ``order``, if given)."""
    row: dict[str, Any] = dict.fromkeys(SCHEMA)
    row["course_completed_on"] = candidate.course.completed_on
    row["course_verified_on"] = candidate.course.verified_on
    row["course_route"] = candidate.course.route
    row["skills_passed_on"] = candidate.skills and candidate.skills.passed_on
    row["transcripts_received_on"] = candidate.transcripts_received_on
    if candidate.cpr is not None:
        row["cpr_expires_on"] = candidate.cpr.expires_on
        row["cpr_issued_on"] = candidate.cpr.issued_on
    for k, att in enumerate(candidate.authorizations, 1):
        row[f"authorization_{k}_issued_on"] = att.issued_on
    attempts = list(candidate.attempts)
    slots = order or list(range(1, len(attempts) + 1))
    for slot, attempt in zip(slots, attempts, strict=False):
        row[f"attempt_{slot}_on"] = attempt.taken_on
        row[f"attempt_{slot}_passed"] = attempt.passed
        row[f"attempt_{slot}_score"] = attempt.scaled_score
    return row


def described(row: dict[str, Any]) -> ep.Candidate:
    """The Candidate a row describes, read from the documented columns."""
    attempts = [
        ep.ExamAttempt(
            row[f"attempt_{k}_on"], row[f"attempt_{k}_passed"], row[f"attempt_{k}_score"]
        )
        for k in range(1, SLOTS + 1)
        if row.get(f"attempt_{k}_on") is not None
    ]
    skills = row.get("skills_passed_on")
    cpr = row.get("cpr_expires_on")
    return ep.Candidate(
        course=ep.CourseCompletion(
            row["course_completed_on"],
            row.get("course_verified_on"),
            route=row.get("course_route"),
        ),
        attempts=attempts,
        skills=None if skills is None else ep.SkillsCompetency(skills),
        authorizations=[
            ep.AuthorizationToTest(row[f"authorization_{k}_issued_on"])
            for k in (1, 2, 3)
            if row.get(f"authorization_{k}_issued_on") is not None
        ],
        cpr=None if cpr is None else ep.CprCredential(cpr, row.get("cpr_issued_on")),
        transcripts_received_on=row.get("transcripts_received_on"),
    )


def expected(row: dict[str, Any], as_of: dt.date, program: ep.Program) -> dict[str, Any]:
    """decide() on the row's candidate, as the output row it should give."""
    try:
        decision = ep.decide(described(row), as_of=as_of, program=program)
    except ep.EmrpathError as error:
        return {**dict.fromkeys(FIELDS), "confidence": None, "error": str(error)}
    return {
        **{name: getattr(decision, name) for name in FIELDS},
        "confidence": decision.confidence.value,
        "error": None,
    }


def arrow(rows: list[dict[str, Any]]) -> Any:
    schema = pa.schema(list(SCHEMA.items()))
    return pa.Table.from_pylist(rows, schema=schema)


def frame(rows: list[dict[str, Any]]) -> Any:
    """A DataFrame of the rows as a pandas user holds them: dates and outcomes as objects,
    scores as the nullable ``Int64``."""
    data = {name: pd.Series([row[name] for row in rows], dtype=object) for name in SCHEMA}
    for k in range(1, SLOTS + 1):
        data[f"attempt_{k}_score"] = pd.array(
            [row[f"attempt_{k}_score"] for row in rows], dtype="Int64"
        )
    return pd.DataFrame(data).set_axis(pd.RangeIndex(len(rows)) * 10)


def got_rows(result: TableEvaluation) -> list[dict[str, Any]]:
    table = result.table
    if isinstance(table, pd.DataFrame):
        return [
            {k: (None if v is pd.NA else v) for k, v in record.items()}
            for record in table.to_dict("records")
        ]
    return table.to_pylist()


def assert_equal_to_decide(
    rows: list[dict[str, Any]], as_of: dt.date, program: ep.Program, result: TableEvaluation
) -> None:
    got = got_rows(result)
    assert len(got) == len(rows) == result.rows
    for index, (row, out) in enumerate(zip(rows, got, strict=True)):
        assert out == expected(row, as_of, program), (index, row)
    errors = sum(out["error"] is not None for out in got)
    assert result.error_rows == errors
    assert result.vectorised_rows + result.fallback_rows <= result.rows
    assert sum(dict(result.fallback_reasons).values()) == result.fallback_rows


# -- strategies -------------------------------------------------------------------------


def scores(program: ep.Program, on: dt.date, passed: bool) -> st.SearchStrategy[int | None]:
    """Mostly no score or one the report allows for the outcome; now and then any integer."""
    first = program.score_scale.first_effective
    scale = program.score_scale.value_at(on) if on >= first else None
    if scale is None:
        return rare(st.integers(-5, 2_000), st.none())
    low, high = (scale.passing, scale.maximum) if passed else (scale.minimum, scale.passing - 1)
    allowed = st.integers(low, high) | st.sampled_from([low, high])
    return rare(st.integers(-5, 2_000), st.none() | allowed)


def rare(odd: st.SearchStrategy[Any], usual: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``usual``, and ``odd`` about one time in ten (a middle roll: hypothesis favours the
    ends of a range)."""
    return st.integers(0, 9).flatmap(lambda roll: odd if roll == 5 else usual)


@st.composite
def pathway_row(draw: st.DrawFn, as_of: dt.date, program: ep.Program) -> dict[str, Any]:
    """A row as a registry holds one: mostly valid (so the vectorised path decides it), now
    and then with one flaw of each kind a record can have, dated around ``as_of`` with the
    edge dates mixed in (some courses before the rules' first day, some facts after as_of)."""
    back = draw(rare(st.integers(-20, 2_400), st.integers(0, 1_000)))
    late = draw(rare(st.just(20), st.just(0))) * DAY  # now and then, facts after as_of
    today = min(as_of + late, CAL_LAST)
    completed = draw(dates(min(max(as_of - back * DAY, D(1990, 1, 1)), today), today))
    verified = draw(
        st.none()
        | rare(dates(completed - 3 * DAY, completed), dates(completed, max(completed, today)))
    )
    count = draw(rare(st.integers(0, SLOTS), st.integers(0, 3)))
    gaps = [
        draw(
            rare(
                st.sampled_from([0, 1, 14]),
                st.sampled_from([15, 16, 90, 91]) | st.integers(15, 250),
            )
        )
        for _ in range(count)
    ]
    days, on = [], completed + draw(rare(st.just(-1), st.sampled_from([0, 3, 30, 60]))) * DAY
    for gap in gaps:
        on += gap * DAY
        if on <= today:
            days.append(on)
    last_passes = draw(st.booleans())
    early_pass = draw(rare(st.sampled_from([None, *range(len(days))]), st.none()))
    attempts = []
    for i, day in enumerate(days):
        passed = (last_passes and i == len(days) - 1) or i == early_pass
        attempts.append((day, passed, draw(scores(program, day, passed))))
    row: dict[str, Any] = dict.fromkeys(SCHEMA)
    row["course_completed_on"] = completed
    row["course_verified_on"] = verified
    row["course_route"] = draw(rare(st.just(" "), st.sampled_from([None, None, "route 1"])))
    row["skills_passed_on"] = draw(st.none() | dates(completed - 800 * DAY, today))
    row["transcripts_received_on"] = draw(st.none() | dates(completed, max(completed, today)))
    for k, (day, passed, score) in enumerate(attempts, 1):
        row[f"attempt_{k}_on"] = day
        row[f"attempt_{k}_passed"] = passed
        row[f"attempt_{k}_score"] = score
    return row


@st.composite
def any_row(draw: st.DrawFn) -> dict[str, Any]:
    """A row from any candidate the records accept (CPR, authorizations, any score), its
    attempts in any slots."""
    candidate = draw(candidates(history=False))
    order = draw(st.permutations(range(1, SLOTS + 1)))
    return row_of(candidate, list(order))


@st.composite
def cohorts(draw: st.DrawFn) -> tuple[list[dict[str, Any]], dt.date, ep.Program]:
    program = draw(st.sampled_from(PROGRAMS))
    as_of = draw(dates(D(2014, 6, 1), CAL_LAST))
    rows = draw(st.lists(rare(any_row(), pathway_row(as_of, program)), min_size=1, max_size=12))
    return rows, as_of, program


# -- equality with decide() ---------------------------------------------------------------


@_EXAMPLES
@given(cohorts())
def test_every_arrow_row_is_what_decide_gives(cohort):
    """evaluate_table: "the decided fields of each row are those decide() gives the candidate
    the row describes" (decide: "The same rules, checks and refusals as evaluate"), and a
    row decide() refuses carries that error's text, for both programs."""
    rows, as_of, program = cohort
    result = ep.evaluate_table(arrow(rows), as_of=as_of, program=program)
    assert isinstance(result.table, pa.Table)
    assert_equal_to_decide(rows, as_of, program, result)


@_EXAMPLES
@given(cohorts())
def test_every_dataframe_row_is_what_decide_gives(cohort):
    """The same, from a pandas DataFrame: "DataFrame in, DataFrame out", same index."""
    rows, as_of, program = cohort
    data = frame(rows)
    result = ep.evaluate_table(data, as_of=as_of, program=program)
    assert isinstance(result.table, pd.DataFrame)
    assert list(result.table.index) == list(data.index)
    assert_equal_to_decide(rows, as_of, program, result)


@_EXAMPLES
@given(cohorts())
def test_blocks_of_rows_change_nothing(cohort):
    """The vectorised pass runs over blocks of rows (CHUNK_ROWS at a time); with blocks of
    three rows every row still gets decide()'s fields, and the result is the one-block one."""
    rows, as_of, program = cohort
    whole = ep.evaluate_table(arrow(rows), as_of=as_of, program=program)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "CHUNK_ROWS", 3)
        blocks = ep.evaluate_table(arrow(rows), as_of=as_of, program=program)
    assert blocks == whole
    assert_equal_to_decide(rows, as_of, program, blocks)


def _two_shapes() -> ep.Program:
    """NREMT EMR with effective-dated provisions of two shapes where it has one."""
    base = ep.NREMT_EMR
    first = base.retest_wait.provisions[0]
    later = attrs.evolve(first, effective_from=D(2024, 3, 1), value=NextPeriodWait(1))
    course = base.course_validity.provisions[0]
    months = attrs.evolve(course, effective_from=D(2022, 7, 1), value=MonthsValidity(30))
    posting = base.result_posting.provisions[0]
    slower = attrs.evolve(
        posting,
        effective_from=D(2025, 1, 1),
        value=ResultPosting(4, frozenset({Requirement.TRANSCRIPTS_RECEIVED})),
        confidence=ep.Confidence.PRIMARY,
    )
    term = base.certification_term.provisions[0]
    anniversary = attrs.evolve(
        term,
        effective_from=D(2023, 1, 1),
        value=AnniversaryExpiry(2),
        confidence=first.confidence,
    )
    return attrs.evolve(
        base,
        retest_wait=attrs.evolve(base.retest_wait, provisions=(first, later)),
        course_validity=attrs.evolve(base.course_validity, provisions=(course, months)),
        result_posting=attrs.evolve(base.result_posting, provisions=(posting, slower)),
        certification_term=attrs.evolve(base.certification_term, provisions=(term, anniversary)),
    )


TWO_SHAPES = _two_shapes()


@_EXAMPLES
@given(
    dates(D(2014, 6, 1), D(2099, 1, 1)).flatmap(
        lambda as_of: st.tuples(
            st.lists(pathway_row(as_of, TWO_SHAPES), min_size=1, max_size=12), st.just(as_of)
        )
    )
)
def test_effective_dated_provisions_of_several_shapes(cohort):
    """Params: "one Provision per effective date"; each row reads the provision in force on
    the date the rule reads, whatever its shape (here: a 15-day wait, then a one-month
    period; a month-end course window, then a 30-month one; two postings; two terms)."""
    rows, as_of = cohort
    result = ep.evaluate_table(arrow(rows), as_of=as_of, program=TWO_SHAPES)
    assert_equal_to_decide(rows, as_of, TWO_SHAPES, result)


# -- the vectorised path does the work ----------------------------------------------------


def registry(count: int, as_of: dt.date) -> list[dict[str, Any]]:
    """Valid NREMT rows of every outcome, with no CPR or authorization records."""
    rows = []
    for i in range(count):
        start = as_of - (40 + (i * 37) % 900) * DAY
        attempts = [
            ep.ExamAttempt(start + (30 + 16 * k) * DAY, passed=False, scaled_score=None)
            for k in range(i % 4)
        ]
        attempts = [  # a score where the report gives one
            attrs.evolve(a, scaled_score=800 + i % 150) if a.taken_on >= D(2023, 6, 1) else a
            for a in attempts
        ]
        if i % 5 == 0 and len(attempts) < 3:
            attempts.append(ep.ExamAttempt(start + 90 * DAY, passed=True))
        attempts = [a for a in attempts if a.taken_on <= as_of]
        candidate = ep.Candidate(
            course=ep.CourseCompletion(start, verified_on=start + (i % 3) * 4 * DAY or None),
            attempts=attempts,
            skills=None if i % 7 == 0 else ep.SkillsCompetency(start - 3 * DAY),
        )
        rows.append(row_of(candidate))
    return rows


def test_a_registry_of_valid_rows_is_decided_without_decide():
    as_of = D(2025, 8, 20)
    rows = registry(400, as_of)
    result = ep.evaluate_table(arrow(rows), as_of=as_of, program=ep.NREMT_EMR)
    assert (result.fallback_rows, result.error_rows, result.vectorised_rows) == (0, 0, 400)
    assert_equal_to_decide(rows, as_of, ep.NREMT_EMR, result)
    outcomes = {(r["certified"], r["remediation_required"]) for r in got_rows(result)}
    assert outcomes == {(True, False), (False, False), (False, True)}


def test_fallback_rows_are_counted_by_reason():
    as_of = D(2100, 12, 31)
    rows = registry(6, as_of)
    rows[1]["cpr_expires_on"] = D(2101, 1, 1)
    rows[2]["course_completed_on"] = D(2101, 1, 1)  # after as_of: refused
    rows[3] = row_of(  # its result would post in 2101, past the calendar: refused
        ep.Candidate(ep.CourseCompletion(D(2100, 12, 1)), [ep.ExamAttempt(D(2100, 12, 30), False)])
    )
    result = ep.evaluate_table(arrow(rows), as_of=as_of, program=ep.NREMT_EMR)
    assert result.fallback_rows == 3
    assert dict(result.fallback_reasons) == {
        "authorization or CPR records": 1,
        "a date outside the calendar or the dates that can be represented": 1,
        "a record check refuses the row or may refuse it": 1,
    }
    assert result.error_rows == 2
    assert_equal_to_decide(rows, as_of, ep.NREMT_EMR, result)


def test_a_provision_of_an_unknown_shape_goes_to_decide():
    """Vectorise only the shapes proven equal: a subclass of a policy is another shape."""

    @attrs.frozen(slots=True)
    class Wait(FixedDaysWait):
        pass

    wait = ep.NREMT_EMR.retest_wait
    program = attrs.evolve(
        ep.NREMT_EMR,
        retest_wait=attrs.evolve(
            wait, provisions=(attrs.evolve(wait.provisions[0], value=Wait(20)),)
        ),
    )
    as_of = D(2025, 8, 20)
    rows = registry(20, as_of)
    result = ep.evaluate_table(arrow(rows), as_of=as_of, program=program)
    retested = sum(r["attempt_1_on"] is not None for r in rows)
    assert result.fallback_rows == retested > 0
    assert_equal_to_decide(rows, as_of, program, result)


def test_datetime64_columns_are_dates_at_midnight():
    """Design: "a pandas Timestamp or numpy datetime64 that names a calendar day (midnight,
    no timezone) is that date"; any other time of day refuses the row."""
    as_of = D(2025, 8, 20)
    rows = registry(30, as_of)
    data = frame(rows)
    for name in ("course_completed_on", "course_verified_on", "skills_passed_on", "attempt_1_on"):
        data[name] = pd.to_datetime(data[name]).astype("datetime64[s]")
    result = ep.evaluate_table(data, as_of=as_of, program=ep.NREMT_EMR)
    assert result.fallback_rows == 0
    assert_equal_to_decide(rows, as_of, ep.NREMT_EMR, result)
    data.loc[0, "course_completed_on"] = pd.Timestamp("2025-01-02 09:30")
    out = ep.evaluate_table(data, as_of=as_of, program=ep.NREMT_EMR).table
    assert out.loc[0, "error"].startswith("course_completed_on: 2025-01-02 09:30:00 is a time")
    assert out.loc[0, ["certified", "attempts_used"]].isna().all()


# -- what the table itself refuses --------------------------------------------------------


def test_a_column_of_the_wrong_type_is_refused_by_name():
    table = pa.table({"course_completed_on": ["2025-01-02"]})
    with pytest.raises(ep.InputTypeError, match="course_completed_on: must be a date column"):
        ep.evaluate_table(table, as_of=D(2025, 3, 1), program=ep.NREMT_EMR)
    scores = pd.DataFrame(
        {
            "course_completed_on": [D(2025, 1, 2)],
            "attempt_1_on": [D(2025, 2, 2)],
            "attempt_1_passed": [False],
            "attempt_1_score": [880.0],
        }
    )
    with pytest.raises(ep.InputTypeError, match="a percentage is not a scaled score"):
        ep.evaluate_table(scores, as_of=D(2025, 3, 1), program=ep.NREMT_EMR)
    aware = pd.DataFrame(
        {"course_completed_on": pd.to_datetime(["2025-01-02"]).tz_localize("UTC")}
    )
    with pytest.raises(ep.InputTypeError, match="America/New_York"):
        ep.evaluate_table(aware, as_of=D(2025, 3, 1), program=ep.NREMT_EMR)


def test_misspelt_and_missing_columns_are_refused():
    with pytest.raises(ep.UnknownNameError, match="course_verifed_on: is not a column"):
        ep.evaluate_table(
            pa.table({"course_completed_on": [D(2025, 1, 2)], "course_verifed_on": [None]}),
            as_of=D(2025, 3, 1),
            program=ep.NREMT_EMR,
        )
    with pytest.raises(ep.InputTypeError, match="course_completed_on: is a required column"):
        ep.evaluate_table(pa.table({"id": [1]}), as_of=D(2025, 3, 1), program=ep.NREMT_EMR)
    with pytest.raises(ep.InputTypeError, match="attempt_2_passed: is missing"):
        ep.evaluate_table(
            pa.table({"course_completed_on": [D(2025, 1, 2)], "attempt_2_on": [D(2025, 2, 1)]}),
            as_of=D(2025, 3, 1),
            program=ep.NREMT_EMR,
        )
    with pytest.raises(ep.InputTypeError, match="table: expected a pandas DataFrame"):
        ep.evaluate_table(
            [{"course_completed_on": D(2025, 1, 2)}], as_of=D(2025, 3, 1), program=ep.NREMT_EMR
        )


def test_other_columns_are_ignored_and_an_empty_table_is_fine():
    table = pa.table({"candidate_id": ["a"], "course_completed_on": [D(2025, 1, 2)]})
    result = ep.evaluate_table(table, as_of=D(2025, 3, 1), program=ep.NREMT_EMR)
    assert (
        result.table.column_names
        == [*FIELDS[:2], "certification_expires_on", *FIELDS[3:], "confidence", "error"][
            : len(result.table.column_names)
        ]
    )
    empty = ep.evaluate_table(table.slice(0, 0), as_of=D(2025, 3, 1), program=ep.NREMT_EMR)
    assert (empty.rows, empty.table.num_rows) == (0, 0)


def test_an_outcome_without_its_date_refuses_the_row():
    table = pa.table(
        {
            "course_completed_on": [D(2025, 1, 2), D(2025, 1, 2)],
            "attempt_1_on": pa.array([None, D(2025, 2, 2)], pa.date32()),
            "attempt_1_passed": [False, False],
        }
    )
    result = ep.evaluate_table(table, as_of=D(2025, 3, 1), program=ep.NREMT_EMR)
    errors = result.table.column("error").to_pylist()
    assert errors[0] == (
        "attempt_1_on: is empty while attempt_1_passed or attempt_1_score holds a value; an "
        "attempt needs its date (rule: columnar table)"
    )
    assert errors[1] is None
    assert (result.error_rows, result.fallback_rows, result.vectorised_rows) == (1, 0, 1)


def test_arguments_are_checked_like_decide():
    table = pa.table({"course_completed_on": [D(2025, 1, 2)]})
    with pytest.raises(TypeError):
        ep.evaluate_table(table, as_of=D(2025, 3, 1))  # type: ignore[call-arg]
    with pytest.raises(ep.InputTypeError, match="program"):
        ep.evaluate_table(table, as_of=D(2025, 3, 1), program="nremt-emr")
    with pytest.raises(ep.NaiveDatetimeError, match="as_of"):
        ep.evaluate_table(table, as_of=dt.datetime(2025, 3, 1), program=ep.NREMT_EMR)


# -- the extra stays optional ----------------------------------------------------------------


def test_importing_emrpath_loads_no_extra():
    code = (
        "import sys, emrpath as ep, emrpath.columnar; ep.evaluate_table; "
        "print(sorted(m for m in ('numpy', 'pandas', 'pyarrow') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("missing", ["numpy", "pyarrow"])
def test_a_missing_extra_is_named(monkeypatch, missing):
    monkeypatch.setitem(sys.modules, missing, None)
    with pytest.raises(
        ep.MissingExtraError, match=r'pip install -e "\.\[columnar\]"; .*\.whl\[columnar\]"'
    ) as info:
        ep.evaluate_table(object(), as_of=D(2025, 3, 1), program=ep.NREMT_EMR)
    assert isinstance(info.value, ImportError)
    assert info.value.field == missing


@_EXAMPLES
@given(cohorts(), st.integers(0, 12), st.integers(0, 12))
def test_sliced_and_chunked_tables_read_from_their_offsets(cohort, cut, length):
    """An Arrow slice starts inside its buffers (values and validity bits at an offset) and
    a concatenated table holds several chunks: each row is still its own."""
    rows, as_of, program = cohort
    table = pa.concat_tables([arrow(rows), arrow(rows)])
    part = table.slice(cut, length)
    result = ep.evaluate_table(part, as_of=as_of, program=program)
    assert_equal_to_decide((rows + rows)[cut : cut + length], as_of, program, result)


def test_no_expiry_then_an_anniversary_across_a_result_posting():
    """A term keyed by issue date: not time-limited (NoExpiry) before 2010-01-01 in this
    variant of ASCP MLS (ASCP's own change is 2004-01-01, before any course its table
    answers for), ending with the issue month three years on from then. A pass late in
    December 2009 posts in January 2010, four business days on, and takes the later rule."""
    term = ep.ASCP_MLS.certification_term
    unlimited, limited = term.provisions
    program = attrs.evolve(
        ep.ASCP_MLS,
        certification_term=attrs.evolve(
            term,
            provisions=(unlimited, attrs.evolve(limited, effective_from=D(2010, 1, 1))),
        ),
    )
    rows = []
    for passed_on in (D(2009, 6, 2), D(2009, 12, 23), D(2009, 12, 29), D(2010, 1, 4)):
        completed = passed_on - 200 * DAY
        candidate = ep.Candidate(
            ep.CourseCompletion(completed, verified_on=completed + DAY, route="route 1"),
            [ep.ExamAttempt(passed_on, passed=True, scaled_score=612)],
            transcripts_received_on=completed + 10 * DAY,
        )
        rows.append(row_of(candidate))
    for as_of in (D(2010, 2, 1), D(2013, 2, 1)):
        result = ep.evaluate_table(arrow(rows), as_of=as_of, program=program)
        assert result.vectorised_rows == len(rows)
        assert_equal_to_decide(rows, as_of, program, result)
    expiries = result.table.column("certification_expires_on").to_pylist()
    assert expiries[:2] == [None, None]
    assert expiries[2:] == [D(2013, 1, 31), D(2013, 1, 31)]
    assert result.table.column("certified").to_pylist() == [True, True, False, False]


def test_an_evaluation_pickles_equal():
    """Principle 4: values are "picklable"; a result crosses a process pool unchanged."""
    import pickle

    as_of = D(2025, 8, 20)
    rows = registry(20, as_of)
    rows[3]["cpr_expires_on"] = D(2026, 1, 1)
    for table in (arrow(rows), frame(rows)):
        result = ep.evaluate_table(table, as_of=as_of, program=ep.NREMT_EMR)
        again = pickle.loads(pickle.dumps(result))
        assert again == result
        assert again != attrs.evolve(result, fallback_rows=0)
        assert dict(again.fallback_reasons) == {"authorization or CPR records": 1}
    with pytest.raises(TypeError):
        hash(result)


def test_edge_dates_reach_the_vectorised_path():
    """The edge dates (leap days, observed holidays, the calendar's ends) are decided by
    the vectorised path when their rows are valid, not only by decide()."""
    as_of = D(2100, 12, 31)
    rows = []
    for day in EDGE_DATES:
        if day < D(2015, 1, 1):
            continue
        candidate = ep.Candidate(
            course=ep.CourseCompletion(day, verified_on=day),
            attempts=[ep.ExamAttempt(day, passed=True)] if day < D(2100, 12, 28) else [],
            skills=ep.SkillsCompetency(day),
        )
        rows.append(row_of(candidate))
    for on in (D(2026, 7, 2), D(2025, 12, 5), D(2024, 2, 28)):
        rows.append(row_of(ep.Candidate(ep.CourseCompletion(on), [ep.ExamAttempt(on, False)])))
    for as_of_each in (as_of, D(2026, 7, 6), D(2027, 3, 1)):
        kept = [r for r in rows if r["course_completed_on"] <= as_of_each]
        result = ep.evaluate_table(arrow(kept), as_of=as_of_each, program=ep.NREMT_EMR)
        assert_equal_to_decide(kept, as_of_each, ep.NREMT_EMR, result)
        assert result.vectorised_rows >= len(kept) - 3
