"""What-ifs of a candidate in one call: with_attempt, replace_attempt and replace.

Issue 15: "a short way to make a what-if of a candidate (add an attempt, move a date)
without nested evolve calls". Each is the nested ``attrs.evolve`` it replaces: the same
candidate, or the same error, and the original is never changed.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
import re
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import emrpath as ep
from strategies import candidates, dates
from tests.errors import raises_emrpath

RULE = "what-if"


# A what-if builds and validates whole candidates twice per example; 100 examples of each
# (the rules' own properties run 500 in CI) keep these four at about 7 s, not 36 s.
_EXAMPLES = settings(max_examples=min(settings().max_examples, 100))


def same_outcome(ours: Callable[[], Any], evolved: Callable[[], Any]) -> None:
    """Both give equal values, or both raise the same emrpath error type and message."""
    try:
        expected = evolved()
    except ep.EmrpathError as err:
        with pytest.raises(type(err), match=f"^{re.escape(str(err))}$"):
            ours()
        return
    assert ours() == expected


@_EXAMPLES
@given(
    candidate=candidates(),
    day=dates(),
    passed=st.booleans(),
    score=st.none() | st.integers(0, 2000),
)
def test_with_attempt_is_one_more_attempt(
    candidate: ep.Candidate, day: dt.date, passed: bool, score: int | None
):
    """`with_attempt` is `attrs.evolve(candidate, attempts=[*attempts, ExamAttempt(...)])`:
    "keep records immutable and validated" (same value or same error; the original is
    unchanged)."""
    before = copy.deepcopy(candidate)
    same_outcome(
        lambda: candidate.with_attempt(day, passed, score),
        lambda: attrs.evolve(
            candidate, attempts=[*candidate.attempts, ep.ExamAttempt(day, passed, score)]
        ),
    )
    assert candidate == before


@_EXAMPLES
@given(candidate=candidates(), day=dates(), data=st.data())
def test_replace_attempt_moves_one_attempt(candidate: ep.Candidate, day: dt.date, data):
    """`replace_attempt(i, taken_on=d)` is the two nested evolve calls it replaces, for
    any index in range, negative ones included."""
    if not candidate.attempts:
        with raises_emrpath(ep.InvalidRecordError, field="index", rule=RULE):
            candidate.replace_attempt(0, taken_on=day)
        return
    n = len(candidate.attempts)
    index = data.draw(st.integers(-n, n - 1))

    def evolved() -> ep.Candidate:
        attempts = list(candidate.attempts)
        attempts[index] = attrs.evolve(attempts[index], taken_on=day)
        return attrs.evolve(candidate, attempts=attempts)

    same_outcome(lambda: candidate.replace_attempt(index, taken_on=day), evolved)
    with raises_emrpath(ep.InvalidRecordError, field="index", rule=RULE):
        candidate.replace_attempt(n, passed=True)


NESTED = {
    "course": ("completed_on", "verified_on"),
    "skills": ("passed_on",),
    "cpr": ("expires_on", "issued_on"),
    "remedial": ("completed_on",),
    "prerequisite": ("expires_on",),
}


@_EXAMPLES
@given(
    candidate=candidates(),
    day=dates(),
    where=st.sampled_from([(record, f) for record, fs in NESTED.items() for f in fs]),
)
def test_replace_moves_a_nested_date(
    candidate: ep.Candidate, day: dt.date, where: tuple[str, str]
):
    """`replace(record__field=value)` is `evolve(c, record=evolve(c.record, field=value))`
    "without nested attrs.evolve calls"; a record the candidate lacks is an error naming
    the key."""
    record, field = where
    key = f"{record}__{field}"
    if getattr(candidate, record) is None:
        with raises_emrpath(ep.InvalidRecordError, field=key, rule=RULE):
            candidate.replace(**{key: day})
        return
    same_outcome(
        lambda: candidate.replace(**{key: day}),
        lambda: attrs.evolve(
            candidate, **{record: attrs.evolve(getattr(candidate, record), **{field: day})}
        ),
    )


@_EXAMPLES
@given(candidate=candidates(), day=dates())
def test_replace_top_level_fields(candidate: ep.Candidate, day: dt.date):
    """A top-level key is `attrs.evolve` itself: the result is checked like a new record."""
    same_outcome(
        lambda: candidate.replace(transcripts_received_on=day, skills=None),
        lambda: attrs.evolve(candidate, transcripts_received_on=day, skills=None),
    )
    assert candidate.replace() == candidate


@given(key=st.text(min_size=1, max_size=20).filter(lambda k: k.isidentifier()))
def test_an_unknown_key_names_itself(key: str):
    """A key that names no field is an UnknownNameError naming that key (what-if)."""
    candidate = ep.Candidate(ep.CourseCompletion(dt.date(2025, 5, 2)))
    fields = {f.name for f in attrs.fields(ep.Candidate)}
    if key.partition("__")[0] in fields:
        return  # a field, or a nested key: the tests above and below
    with raises_emrpath(ep.UnknownNameError, field=key, rule=RULE):
        candidate.replace(**{key: 1})


def test_unknown_nested_and_attempt_fields_are_named():
    candidate = ep.Candidate(
        ep.CourseCompletion(dt.date(2025, 5, 2)),
        [ep.ExamAttempt(dt.date(2025, 7, 1), passed=False)],
    )
    with raises_emrpath(ep.UnknownNameError, field="course__completed", rule=RULE) as info:
        candidate.replace(course__completed=dt.date(2025, 5, 3))
    assert "did you mean 'completed_on'?" in info.value.message
    with raises_emrpath(ep.UnknownNameError, field="taken", rule=RULE):
        candidate.replace_attempt(0, taken=dt.date(2025, 7, 2))
    with raises_emrpath(ep.InvalidRecordError, field="course", rule=RULE):
        candidate.replace(course=candidate.course, course__verified_on=dt.date(2025, 5, 9))
    with raises_emrpath(ep.InvalidRecordError, field="attempts__taken_on", rule=RULE):
        candidate.replace(attempts__taken_on=dt.date(2025, 7, 2))
    with raises_emrpath(ep.InputTypeError, field="index", rule=RULE):
        candidate.replace_attempt(True, passed=True)


def test_a_what_if_is_an_ordinary_record():
    """The result is a plain Candidate: pickles, compares, and takes notebook dates."""
    pd = pytest.importorskip("pandas")
    candidate = ep.Candidate(ep.CourseCompletion(dt.date(2025, 5, 2), dt.date(2025, 5, 6)))
    what_if = candidate.with_attempt(pd.Timestamp("2025-07-01"), passed=False, scaled_score=880)
    assert what_if.attempts[0].taken_on == dt.date(2025, 7, 1)
    assert pickle.loads(pickle.dumps(what_if)) == what_if
    assert candidate.attempts == ()


def test_a_nested_key_for_a_record_the_candidate_lacks_says_what_it_has():
    """A `record__field` key needs a record: for `None` or a tuple the error says which,
    and to give the field whole."""
    candidate = ep.Candidate(ep.CourseCompletion(dt.date(2025, 5, 2)))
    with raises_emrpath(ep.InvalidRecordError, field="skills__passed_on", rule=RULE) as info:
        candidate.replace(skills__passed_on=dt.date(2025, 6, 1))
    assert info.value.message == (
        "the candidate's skills is None, not a record with fields to change; give skills=... whole"
    )
    with raises_emrpath(ep.InvalidRecordError, field="attempts__taken_on", rule=RULE) as info:
        candidate.replace(attempts__taken_on=dt.date(2025, 6, 1))
    assert info.value.message == (
        "the candidate's attempts is a tuple, not a record with fields to change; "
        "give attempts=... whole"
    )


def test_an_unknown_name_inside_several_fields_suggests_none_of_them():
    """The error names "the field it probably means": a name inside exactly one field
    (`score`) means that one; inside several (`on`, in `completed_on` and `verified_on`)
    it means none of them more than another, so only a close spelling is suggested."""
    candidate = ep.Candidate(
        ep.CourseCompletion(dt.date(2025, 5, 2)),
        [ep.ExamAttempt(dt.date(2025, 7, 1), passed=False)],
    )
    with raises_emrpath(ep.UnknownNameError, field="course__on", rule=RULE) as info:
        candidate.replace(course__on=dt.date(2025, 5, 9))
    assert info.value.message == (
        "CourseCompletion has no field 'on'; its fields are completed_on, verified_on, route"
    )
    with raises_emrpath(ep.UnknownNameError, field="course__ed_on", rule=RULE) as info:
        candidate.replace(course__ed_on=dt.date(2025, 5, 9))
    assert info.value.message.endswith("route (did you mean 'verified_on'?)")
    with raises_emrpath(ep.UnknownNameError, field="score", rule=RULE) as info:
        candidate.replace_attempt(0, score=900)
    assert info.value.message.endswith("scaled_score (did you mean 'scaled_score'?)")


@pytest.mark.parametrize(
    ("index", "shown"), [(True, "bool True"), ("0", "str '0'"), (0.0, "float 0.0")]
)
def test_an_attempt_index_is_an_int(index: object, shown: str):
    candidate = ep.Candidate(
        ep.CourseCompletion(dt.date(2025, 5, 2)),
        [ep.ExamAttempt(dt.date(2025, 7, 1), passed=False)],
    )
    with raises_emrpath(ep.InputTypeError, field="index", rule=RULE) as info:
        candidate.replace_attempt(index, passed=True)  # type: ignore[arg-type]
    assert info.value.message == f"must be an int, got {shown}"


def test_an_attempt_index_out_of_range_is_refused_at_each_end():
    """`index` counts as in `candidate.attempts[index]`: from -len to len - 1; one past
    either end is no attempt, and the error says how many there are."""
    first = ep.ExamAttempt(dt.date(2025, 7, 1), passed=False)
    second = ep.ExamAttempt(dt.date(2025, 7, 20), passed=False)
    candidate = ep.Candidate(ep.CourseCompletion(dt.date(2025, 5, 2)), [first, second])
    for index in (2, -3):
        with raises_emrpath(ep.InvalidRecordError, field="index", rule=RULE) as info:
            candidate.replace_attempt(index, passed=True)
        assert info.value.message == f"no attempt at {index}: the candidate has 2"
    assert candidate.replace_attempt(-2, passed=True).attempts == (
        attrs.evolve(first, passed=True),
        second,
    )
    assert candidate.replace_attempt(1, passed=True).attempts[1].passed
