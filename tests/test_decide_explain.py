"""decide() and evaluate(): two entry points over one run of the rules.

``decide`` runs the pathway rules in their deciding mode (every check and parameter read,
no reason formatted) and returns a :class:`~emrpath.PathwayDecision`; ``evaluate`` runs
the same code with its messages on and returns a :class:`~emrpath.PathwayStatus`. These
tests hold the two to one answer, check that each call runs the rules exactly once, and
that a status is an ordinary frozen attrs value.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
import sys
import threading

import attrs
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import emrpath as ep
from emrpath import pathway
from tests.strategies import candidates, dates

D = dt.date
PROGRAMS = st.sampled_from(ep.programs.available())
DECIDED = [
    "program",
    "as_of",
    "certified",
    "certified_on",
    "certification_expires_on",
    "next_attempt_on",
    "attempts_used",
    "attempts_remaining",
    "remediation_required",
    "remedial_training_due",
    "confidence",
    "edition",
]


def outcome(make: object) -> tuple[str, object]:
    """What ``make()`` gives: the result, or the refusal in full."""
    try:
        return "result", make()  # type: ignore[operator]
    except ep.EmrpathError as error:
        return "error", (type(error), error.field, error.rule, error.message)


def failed_twice() -> ep.Candidate:
    return ep.Candidate(
        course=ep.CourseCompletion(D(2025, 5, 2), verified_on=D(2025, 5, 9)),
        attempts=[
            ep.ExamAttempt(D(2025, 7, 11), passed=False, scaled_score=880),
            ep.ExamAttempt(D(2025, 8, 1), passed=False, scaled_score=910),
        ],
        skills=ep.SkillsCompetency(D(2025, 4, 28)),
    )


@given(candidate=candidates(max_attempts=7), days=st.integers(0, 2000), program=PROGRAMS)
def test_decide_and_evaluate_give_the_same_answer_or_the_same_refusal(
    candidate: ep.Candidate, days: int, program: ep.Program
) -> None:
    """docs/design.md, "Decide and explain": "one code path in two modes, not two
    implementations [...] a property test holds both to the same answer on generated
    records." Any record, valid or not, on any later date: the same decided fields, or
    the same refusal (type, field, rule, message)."""
    last = max(
        [candidate.course.completed_on, *(a.taken_on for a in candidate.attempts)]
        + [a.issued_on for a in candidate.authorizations]
        + [candidate.course.verified_on or candidate.course.completed_on]
    )
    as_of = min(last + dt.timedelta(days=days), D(2100, 12, 31))
    kind, decided = outcome(lambda: ep.decide(candidate, as_of=as_of, program=program))
    full_kind, full = outcome(lambda: ep.evaluate(candidate, as_of=as_of, program=program))
    event(kind)
    assert kind == full_kind
    if kind == "error":
        assert decided == full
        return
    assert isinstance(decided, ep.PathwayDecision)
    assert isinstance(full, ep.PathwayStatus)
    for name in DECIDED:
        assert getattr(decided, name) == getattr(full, name), name
    assert full.decision == decided
    assert type(decided) is ep.PathwayDecision  # a decision holds no explanation


@pytest.mark.parametrize(
    ("as_of", "certified"),
    [(D(2025, 3, 1), True), (D(2027, 10, 1), False)],
    ids=["met", "expired"],
)
def test_a_certification_is_decided_as_it_is_explained(as_of: dt.date, certified: bool) -> None:
    """Certified 2025-02-10, it "expires 2027-09-30" (certification term, certified
    January-June: September 30 two years on), so on 2027-10-01 it has expired with both
    dates still set, in the decision and in the status alike."""
    done = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13)),
        attempts=[ep.ExamAttempt(D(2025, 2, 6), passed=True)],
        skills=ep.SkillsCompetency(D(2025, 1, 8)),
    )
    decided = ep.decide(done, as_of=as_of, program=ep.NREMT_EMR)
    full = ep.evaluate(done, as_of=as_of, program=ep.NREMT_EMR)
    assert (decided.certified_on, decided.certification_expires_on) == (
        D(2025, 2, 10),
        D(2027, 9, 30),
    )
    assert decided.certified is certified
    assert full.decision == decided


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records the mode of every run of the pathway rules while a test runs."""
    seen: list[bool] = []
    conclude = pathway._PathwayRun.conclude

    def counted(self: pathway._PathwayRun) -> object:
        seen.append(self.explain)
        return conclude(self)

    monkeypatch.setattr(pathway._PathwayRun, "conclude", counted)
    return seen


def test_evaluate_then_reading_gates_and_reasons_runs_the_rules_once(runs: list[bool]) -> None:
    """Issue "One engine, many programs": reading ``gates`` and ``reasons`` after
    ``evaluate`` runs the rules once (the old status re-ran them on first read)."""
    status = ep.evaluate(failed_twice(), as_of=D(2025, 8, 20), program=ep.NREMT_EMR)
    assert runs == [True]
    assert len(status.gates) == 7
    assert status.reasons
    assert status.gate("cognitive").reasons
    pickle.loads(pickle.dumps(status))
    attrs.asdict(status)
    ep.dumps(status)
    assert runs == [True]


def test_decide_runs_the_rules_once_and_formats_nothing(runs: list[bool]) -> None:
    decision = ep.decide(failed_twice(), as_of=D(2025, 8, 20), program=ep.NREMT_EMR)
    assert runs == [False]
    assert not hasattr(decision, "gates")
    assert not hasattr(decision, "reasons")


def test_evaluate_many_and_decide_many_run_the_rules_once_each(runs: list[bool]) -> None:
    batch = [failed_twice()] * 3
    ep.evaluate_many(batch, as_of=D(2025, 8, 20), program=ep.NREMT_EMR)
    assert runs == [True] * 3
    runs.clear()
    ep.decide_many(batch, as_of=D(2025, 8, 20), program=ep.NREMT_EMR)
    assert runs == [False] * 3


@given(as_of=dates(D(2025, 8, 1), D(2027, 6, 1)))
def test_a_status_and_a_decision_pickle_to_equal_values(as_of: dt.date) -> None:
    """design.md, principle 4: results are "safe from many threads, picklable,
    cacheable": a status and a decision come back from a pickle equal, and a decision
    pickles to a few hundred bytes."""
    status = ep.evaluate(failed_twice(), as_of=as_of, program=ep.NREMT_EMR)
    decision = ep.decide(failed_twice(), as_of=as_of, program=ep.NREMT_EMR)
    assert pickle.loads(pickle.dumps(status)) == status
    data = pickle.dumps(decision)
    assert pickle.loads(data) == decision
    assert len(data) < 600


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_every_pickle_protocol_gives_back_the_same_value_and_kind(protocol: int) -> None:
    """A decision pickles as its values in field order (the registry's pool sends one per
    candidate); a status, and a subclass with fields of its own, keep attrs' way: each
    comes back equal and of its own class, under every protocol."""

    @attrs.frozen(slots=True, repr=False)
    class Tagged(ep.PathwayDecision):
        tag: str

    decision = ep.decide(failed_twice(), as_of=D(2025, 8, 20), program=ep.NREMT_EMR)
    status = ep.evaluate(failed_twice(), as_of=D(2025, 8, 20), program=ep.NREMT_EMR)
    tagged = Tagged(*attrs.astuple(decision, recurse=False), tag="cohort 7")
    for value in (decision, status):
        back = pickle.loads(pickle.dumps(value, protocol))
        assert back == value
        assert type(back) is type(value)
    # A class defined in a test cannot be found by name on unpickling, so Tagged is
    # checked on the reduction itself: attrs' state, which holds the subclass's field.
    reduced = tagged.__reduce_ex__(protocol)
    assert isinstance(reduced, tuple)
    assert "cohort 7" in repr(reduced)
    assert decision.__reduce_ex__(protocol) == (
        ep.PathwayDecision,
        attrs.astuple(decision, recurse=False),
    )


def test_a_status_is_an_ordinary_attrs_value() -> None:
    """Every field is an attrs field: asdict, evolve, copy, JSON and == need no special
    case, and the status's fields are exactly the decision's plus the explanation."""
    status = ep.evaluate(failed_twice(), as_of=D(2025, 8, 20), program=ep.NREMT_EMR)
    names = [field.name for field in attrs.fields(ep.PathwayStatus)]
    assert names == [*DECIDED, "gates", "reasons"]
    assert [field.name for field in attrs.fields(ep.PathwayDecision)] == DECIDED
    assert list(attrs.asdict(status)) == names
    assert copy.deepcopy(status) == status
    assert copy.copy(status) == status
    assert attrs.evolve(status, certified=True).certified is True
    assert attrs.evolve(status, certified=True) != status
    assert ep.loads(ep.dumps(status), ep.PathwayStatus) == status
    assert hash(status) == hash(copy.deepcopy(status))
    assert status.decision != status  # different kinds of value are never equal
    with pytest.raises(attrs.exceptions.FrozenInstanceError):  # attrs words it per release
        status.certified = True  # type: ignore[misc]


def test_threads_evaluating_one_candidate_all_get_the_same_status() -> None:
    """design.md, principle 4: "no global mutable state: safe from many threads"."""
    as_of = D(2025, 8, 20)
    expected = ep.evaluate(failed_twice(), as_of=as_of, program=ep.NREMT_EMR)
    candidate = failed_twice()
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        seen: list[object] = []
        barrier = threading.Barrier(8)

        def work() -> None:
            barrier.wait()
            for _ in range(20):
                seen.append(ep.evaluate(candidate, as_of=as_of, program=ep.NREMT_EMR))
                seen.append(ep.decide(candidate, as_of=as_of, program=ep.NREMT_EMR))

        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(old)
    assert len(seen) == 320
    assert [r for r in seen if isinstance(r, ep.PathwayStatus)] == [expected] * 160
    assert [r for r in seen if type(r) is ep.PathwayDecision] == [expected.decision] * 160


def test_a_far_date_is_refused_alike_by_both() -> None:
    """The explanation-only gates still do their date arithmetic when deciding, so a
    date the arithmetic cannot represent is refused by decide() as by evaluate()."""
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(9997, 1, 5), verified_on=D(9997, 1, 6)),
        skills=ep.SkillsCompetency(D(9998, 6, 1)),
    )
    with pytest.raises(ep.CalendarRangeError) as decided:
        ep.decide(candidate, as_of=D(9998, 6, 2), program=ep.NREMT_EMR)
    with pytest.raises(ep.CalendarRangeError) as full:
        ep.evaluate(candidate, as_of=D(9998, 6, 2), program=ep.NREMT_EMR)
    assert (decided.value.field, decided.value.rule, decided.value.message) == (
        full.value.field,
        full.value.rule,
        full.value.message,
    )


def test_decide_refuses_what_evaluate_refuses_under_its_own_rule_name() -> None:
    with pytest.raises(ep.InputTypeError, match=r"candidate: expected a Candidate.*rule: decide"):
        ep.decide("x", as_of=D(2025, 1, 1), program=ep.NREMT_EMR)  # type: ignore[arg-type]
    with pytest.raises(ep.InputTypeError, match=r"program: expected a Program.*rule: decide"):
        ep.decide(failed_twice(), as_of=D(2025, 8, 20), program="nremt-emr")  # type: ignore[arg-type]


def test_the_old_decisions_module_warns_and_gives_the_same_classes() -> None:
    import emrpath.decisions as old

    with pytest.warns(
        DeprecationWarning, match=r"emrpath\.decisions\.PathwayStatus.*emrpath\.status"
    ):
        assert old.PathwayStatus is ep.PathwayStatus
    with pytest.raises(AttributeError, match="has no attribute 'PathwayDecision'"):
        old.PathwayDecision  # noqa: B018
