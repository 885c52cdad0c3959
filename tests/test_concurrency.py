"""Threads, processes and pickling: the library runs unchanged in any worker."""

from __future__ import annotations

import datetime as dt
import pickle
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from functools import partial

import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from tests.strategies import dates

D = dt.date


def registry(size: int) -> list[ep.Candidate]:
    """A deterministic registry of varied candidates (no randomness: answers must match)."""
    out = []
    for i in range(size):
        completed = D(2023, 1, 1) + dt.timedelta(days=(i * 37) % 900)
        attempts = []
        day = completed + dt.timedelta(days=10 + i % 40)
        for k in range(i % 4):
            score = 700 + (i * k) % 240 if day >= D(2023, 6, 1) else None
            attempts.append(ep.ExamAttempt(day, passed=False, scaled_score=score))
            day += dt.timedelta(days=15 + (i * 7 + k) % 50)
        if len(attempts) < 3 and i % 5 == 0:
            attempts.append(ep.ExamAttempt(day, passed=True))
        verified = completed + dt.timedelta(days=i % 20) if i % 3 else None
        skills = ep.SkillsCompetency(completed + dt.timedelta(days=i % 60)) if i % 2 else None
        out.append(
            ep.Candidate(
                course=ep.CourseCompletion(completed, verified_on=verified),
                attempts=attempts,
                skills=skills,
            )
        )
    return out


AS_OF = D(2026, 6, 1)


def test_eight_threads_get_the_single_thread_answers() -> None:
    """Principle 4: "rule functions with no side effects and no global mutable state: safe
    from many threads"."""
    people = registry(300)
    expected = [ep.evaluate(c, as_of=AS_OF) for c in people]
    cal = ep.BusinessCalendar.us_federal()
    days = [D(2020, 1, 1) + dt.timedelta(days=i) for i in range(2000)]
    expected_days = [cal.add_business_days(d, 7) for d in days]
    results: dict[int, tuple[list[ep.PathwayStatus], list[dt.date]]] = {}
    barrier = threading.Barrier(8)

    def work(k: int) -> None:
        barrier.wait()
        results[k] = (
            [ep.evaluate(c, as_of=AS_OF) for c in people],
            [cal.add_business_days(d, 7) for d in days],
        )

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(old)
    assert len(results) == 8
    for statuses, stepped in results.values():
        assert statuses == expected
        assert stepped == expected_days


def test_a_process_pool_gets_the_single_process_answers() -> None:
    """evaluate_many over chunks in a process pool equals one evaluate_many in-process."""
    people = registry(200)
    expected = ep.evaluate_many(people, as_of=AS_OF)
    chunks = [people[i : i + 50] for i in range(0, len(people), 50)]
    work = partial(ep.evaluate_many, as_of=AS_OF, program=ep.NREMT_EMR)
    with ProcessPoolExecutor(max_workers=2) as pool:
        got = [s for part in pool.map(work, chunks) for s in part]
    assert got == expected


def test_evaluate_many_names_the_position_of_a_bad_record() -> None:
    people = registry(5)
    bad = ep.Candidate(course=ep.CourseCompletion(D(2027, 1, 1)))
    with pytest.raises(ep.InvalidRecordError) as info:
        ep.evaluate_many([*people, bad], as_of=AS_OF)
    assert info.value.field == "[5].course.completed_on"


@given(st.integers(0, 199), dates(D(2024, 1, 1), D(2030, 1, 1)))
def test_every_value_pickles_equal(index: int, as_of: dt.date) -> None:
    """Statuses, records, programs, calendars and errors survive pickling unchanged."""
    candidate = registry(200)[index]
    try:
        status = ep.evaluate(candidate, as_of=as_of)
    except ep.EmrpathError as err:
        error: ep.EmrpathError = err
    else:
        for value in (candidate, status, ep.NREMT_EMR, ep.NREMT_EMR.calendar, *status.reasons):
            assert pickle.loads(pickle.dumps(value)) == value
        return
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert (again.field, again.rule, str(again)) == (error.field, error.rule, str(error))


def test_authority_and_planning_values_pickle_equal() -> None:
    """The practice-authority and planning types cross process boundaries unchanged."""
    licence = ep.StateLicense("MT", "emt", D(2025, 7, 1), D(2027, 6, 30))
    credential = ep.AgencyCredential("Valley Fire", "Dr. Ada Reyes", D(2025, 8, 1))
    person = ep.Practitioner([licence], ep.Certification(D(2025, 6, 2)), [credential])
    place = ep.Jurisdiction("MT", "Montana")
    decision = ep.practice_authority(person, place, on=D(2026, 3, 1))
    attempt = ep.ExamAttempt(D(2025, 7, 11), passed=False, scaled_score=880)
    candidate = ep.Candidate(course=ep.CourseCompletion(D(2025, 5, 2)), attempts=[attempt])
    log = ep.ErrorLog([ep.Miss("scope", "gave aspirin"), ep.Miss(ep.MissBucket.PACING)])
    plan = ep.retake_plan(log, attempt, candidate, as_of=D(2025, 7, 14))
    timeline = ep.plan_attempts(candidate.course, D(2025, 7, 26), attempts_used=1)
    values = (licence, credential, person, place, decision, *decision.reasons, log, plan)
    for value in (*values, timeline, *timeline.attempts, *ep.BUCKET_FIXES.values()):
        assert pickle.loads(pickle.dumps(value)) == value
    assert pickle.loads(pickle.dumps(ep.MissBucket.SCOPE)) is ep.MissBucket.SCOPE
