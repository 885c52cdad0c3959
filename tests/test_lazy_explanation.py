"""evaluate() decides at once and explains on first read: both must give one answer.

``evaluate`` runs the evaluation in its deciding mode (every check and parameter read, no
reason built) and the status it returns runs the same evaluation with its messages on
when ``gates`` or ``reasons`` is first read. These tests hold the two modes to one answer:
the same fields, the same refusals, the same confidence, and a status that compares,
hashes, pickles, evolves and serialises as if every field had been given.
"""

from __future__ import annotations

import copy
import datetime as dt
import inspect
import pickle
import sys
import threading

import attrs
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import emrpath as ep
from emrpath.decisions import _EAGER_SLOTS
from emrpath.pathway import _check_not_after, _Evaluation
from tests.strategies import candidates, dates

D = dt.date
PROGRAMS = st.sampled_from([ep.NREMT_EMR, ep.ASCP_MLS])
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
    "confidence",
]


def explained(candidate: ep.Candidate, as_of: dt.date, program: ep.Program) -> ep.PathwayStatus:
    """The status built with every message on, as evaluate() built it before."""
    _check_not_after(candidate, as_of)
    return _Evaluation(candidate, as_of, program, explain=True).run()


def outcome(make: object) -> tuple[str, object]:
    """What ``make()`` gives: the status, or the refusal in full."""
    try:
        return "status", make()  # type: ignore[operator]
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


@given(candidate=candidates(), days=st.integers(0, 2000), program=PROGRAMS)
def test_deciding_and_explaining_give_the_same_answer_or_the_same_refusal(
    candidate: ep.Candidate, days: int, program: ep.Program
) -> None:
    """docs/design.md, "Decide now, explain on first read": "It is one code path in two
    modes, not two implementations [...] and a property test holds both modes to the same
    answer on generated records." Any record, valid or not, on any later date: the same
    fields, or the same refusal (type, field, rule, message)."""
    last = max(
        [candidate.course.completed_on, *(a.taken_on for a in candidate.attempts)]
        + [a.issued_on for a in candidate.authorizations]
        + [candidate.course.verified_on or candidate.course.completed_on]
    )
    as_of = min(last + dt.timedelta(days=days), D(2100, 12, 31))
    kind, decided = outcome(lambda: ep.evaluate(candidate, as_of=as_of, program=program))
    full_kind, full = outcome(lambda: explained(candidate, as_of, program))
    event(kind)
    assert kind == full_kind
    if kind == "error":
        assert decided == full
        return
    assert isinstance(decided, ep.PathwayStatus)
    assert isinstance(full, ep.PathwayStatus)
    for name in DECIDED:  # read before gates: these were decided without the messages
        assert getattr(decided, name) == getattr(full, name), name
    assert decided._explain is not None
    assert decided.gates == full.gates
    assert decided.reasons == full.reasons
    assert decided._explain is None  # built once; the candidate is no longer held
    assert decided == full
    assert hash(decided) == hash(full)


@pytest.mark.parametrize(
    ("as_of", "certified"),
    [(D(2025, 3, 1), True), (D(2027, 10, 1), False)],
    ids=["met", "expired"],
)
def test_a_certification_is_decided_as_explaining_decides_it(
    as_of: dt.date, certified: bool
) -> None:
    """One answer from both modes, for a certification as well: certified 2025-02-10, it
    "expires 2027-09-30" (certification term), so on 2027-10-01 it has expired with both
    dates still set."""
    done = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13)),
        attempts=[ep.ExamAttempt(D(2025, 2, 6), passed=True)],
        skills=ep.SkillsCompetency(D(2025, 1, 8)),
    )
    decided = ep.evaluate(done, as_of=as_of, program=ep.NREMT_EMR)
    full = explained(done, as_of, ep.NREMT_EMR)
    assert (decided.certified_on, decided.certification_expires_on) == (
        D(2025, 2, 10),
        D(2027, 9, 30),
    )
    assert decided.certified is certified
    for name in DECIDED:
        assert getattr(decided, name) == getattr(full, name), name


@given(as_of=dates(D(2025, 8, 1), D(2027, 6, 1)))
def test_a_status_pickles_equal_before_its_explanation_is_read(as_of: dt.date) -> None:
    """design.md, principle 4: statuses are "safe from many threads, picklable,
    cacheable"; a status whose explanation is still pending pickles as the explained one."""
    status = ep.evaluate(failed_twice(), as_of=as_of, program=ep.NREMT_EMR)
    data = pickle.dumps(status)
    assert b"_explanation" not in data  # the pickle holds the gates, not a pending call
    again = pickle.loads(data)
    assert again == status
    assert again.gates == explained(failed_twice(), as_of, ep.NREMT_EMR).gates


def test_evolve_json_and_asdict_read_the_explanation() -> None:
    as_of = D(2025, 8, 20)
    full = explained(failed_twice(), as_of, ep.NREMT_EMR)
    assert attrs.evolve(
        ep.evaluate(failed_twice(), as_of=as_of, program=ep.NREMT_EMR), certified=True
    ) == (attrs.evolve(full, certified=True))
    assert ep.dumps(ep.evaluate(failed_twice(), as_of=as_of, program=ep.NREMT_EMR)) == ep.dumps(
        full
    )
    assert attrs.asdict(
        ep.evaluate(failed_twice(), as_of=as_of, program=ep.NREMT_EMR)
    ) == attrs.asdict(full)


def test_threads_reading_one_unread_status_all_see_the_same_gates() -> None:
    """The explanation is a pure function of immutable values: a race builds it twice,
    and both builds are equal."""
    as_of = D(2025, 8, 20)
    expected = explained(failed_twice(), as_of, ep.NREMT_EMR).gates
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for _ in range(20):
            status = ep.evaluate(failed_twice(), as_of=as_of, program=ep.NREMT_EMR)
            seen: list[object] = []
            barrier = threading.Barrier(8)

            def read(
                status: ep.PathwayStatus, seen: list[object], barrier: threading.Barrier
            ) -> None:
                barrier.wait()
                seen.append(status.gates)

            threads = [
                threading.Thread(target=read, args=(status, seen, barrier)) for _ in range(8)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert seen == [expected] * 8
    finally:
        sys.setswitchinterval(old)


def test_an_unknown_attribute_is_still_an_attribute_error() -> None:
    status = ep.evaluate(failed_twice(), as_of=D(2025, 8, 20), program=ep.NREMT_EMR)
    with pytest.raises(AttributeError, match="'PathwayStatus' object has no attribute 'gate_s'"):
        status.gate_s  # type: ignore[attr-defined]  # noqa: B018
    assert not hasattr(status, "explanation")
    assert status._explain is not None  # a failed lookup does not build the explanation


def test_a_status_built_with_every_field_has_nothing_pending() -> None:
    full = explained(failed_twice(), D(2025, 8, 20), ep.NREMT_EMR)
    assert full._explain is None
    assert ep.loads(ep.dumps(full), ep.PathwayStatus) == full


def test_the_slot_writers_follow_the_parameters_of_decided() -> None:
    """_decided writes its parameters through _EAGER_SLOTS in order; a field
    added to PathwayStatus must appear in both, in the same place."""
    params = list(inspect.signature(ep.PathwayStatus._decided).parameters)
    names = [field.name for field in attrs.fields(ep.PathwayStatus)]
    eager = [name for name in names if name not in ("gates", "reasons")]
    assert params[1:] == eager == DECIDED
    assert len(_EAGER_SLOTS) == len(eager) + 1  # and the pending explanation's slot


def test_the_pending_explanation_is_no_field_of_the_status() -> None:
    """Not compared, listed, converted or copied: the status's fields are its contract."""
    status = ep.evaluate(failed_twice(), as_of=D(2025, 8, 20), program=ep.NREMT_EMR)
    names = [field.name for field in attrs.fields(ep.PathwayStatus)]
    assert "_explain" not in names
    assert list(attrs.asdict(status)) == names
    assert copy.deepcopy(status) == status
    assert copy.copy(status)._explain is None


def test_a_far_date_is_refused_by_evaluate_not_by_the_first_read() -> None:
    """The explanation-only gates still do their date arithmetic when deciding, so a
    date the arithmetic cannot represent is refused when evaluate() is called."""
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(9997, 1, 5), verified_on=D(9997, 1, 6)),
        skills=ep.SkillsCompetency(D(9998, 6, 1)),
    )
    with pytest.raises(ep.CalendarRangeError) as decided:
        ep.evaluate(candidate, as_of=D(9998, 6, 2), program=ep.NREMT_EMR)
    with pytest.raises(ep.CalendarRangeError) as full:
        explained(candidate, D(9998, 6, 2), ep.NREMT_EMR)
    assert (decided.value.field, decided.value.rule, decided.value.message) == (
        full.value.field,
        full.value.rule,
        full.value.message,
    )


def test_a_status_pickled_before_the_pending_slot_existed_still_copies_and_pickles() -> None:
    """Found in review: a pickle from the previous version carries no pending slot; once
    loaded, copying, pickling again and attrs.asdict must still work."""
    full = explained(failed_twice(), D(2025, 8, 20), ep.NREMT_EMR)
    state = {field.name: getattr(full, field.name) for field in attrs.fields(ep.PathwayStatus)}
    old = ep.PathwayStatus.__new__(ep.PathwayStatus)
    old.__setstate__(state)  # what unpickling an old status does
    assert old._explain is None
    assert pickle.loads(pickle.dumps(old)) == full
    assert copy.deepcopy(old) == full
    assert attrs.asdict(old) == attrs.asdict(full)
