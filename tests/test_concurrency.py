"""Threads, processes and pickling: the library runs unchanged in any worker."""

from __future__ import annotations

import datetime as dt
import inspect
import multiprocessing
import pickle
import sys
import threading
import types
from concurrent.futures import ProcessPoolExecutor
from functools import partial

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import emrpath as ep
from emrpath.authority import (
    AgencyCredential,
    Jurisdiction,
    Practitioner,
    StateLicense,
    practice_authority,
)
from emrpath.calendar import CalendarSpec
from emrpath.planning import BUCKET_FIXES, ErrorLog, Miss, MissBucket, retake_plan
from emrpath.scope import SCOPE_SOURCES
from tests.public_names import public_objects
from tests.public_values import strategy_for
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
REGISTRY = registry(200)
# The same people for ASCP MLS, whose 100-999 scale would refuse NREMT scaled scores.
REGISTRY_ASCP = [
    attrs.evolve(c, attempts=[attrs.evolve(a, scaled_score=None) for a in c.attempts])
    for c in REGISTRY
]
DAYS = [D(2020, 1, 1) + dt.timedelta(days=i) for i in range(2000)]


def answers(
    cal: ep.BusinessCalendar, spec: CalendarSpec
) -> tuple[
    list[ep.PathwayStatus], list[ep.PathwayStatus], list[dt.date], list[int], list[dt.date]
]:
    """Everything the concurrent runs must reproduce: both programs, the default calendar
    and a calendar built from ``spec`` on first use (inside the worker, for the threads)."""
    fresh = ep.BusinessCalendar.from_spec(spec)
    return (
        [ep.evaluate(c, as_of=AS_OF, program=ep.NREMT_EMR) for c in REGISTRY],
        [ep.evaluate(c, as_of=AS_OF, program=ep.ASCP_MLS) for c in REGISTRY_ASCP],
        [cal.add_business_days(d, 7) for d in DAYS],
        [cal.business_days_between(d, D(2025, 1, 9)) for d in DAYS],
        [fresh.add_business_days(D(2031, 1, 1) + dt.timedelta(days=i), 3) for i in range(300)],
    )


def test_eight_threads_get_the_single_thread_answers() -> None:
    """Principle 4: "rule functions with no side effects and no global mutable state: safe
    from many threads". Eight threads, switching every microsecond, each evaluating the
    same registry under both programs and stepping the same dates, and all building the
    same new calendar at once, give the single-thread answers."""
    cal = ep.BusinessCalendar.us_federal()
    expected = answers(cal, CalendarSpec(first_year=2030, last_year=2031))
    spec = CalendarSpec(first_year=2031, last_year=2032)  # never built before: a race
    results: dict[int, object] = {}
    barrier = threading.Barrier(8)

    def work(k: int) -> None:
        barrier.wait()
        results[k] = answers(cal, spec)

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
    assert sorted(results) == list(range(8))
    for got in results.values():
        assert got == expected


def test_a_process_pool_gets_the_single_process_answers() -> None:
    """evaluate_many over chunks, and a pickled calendar's bound methods, in a pool of fresh
    interpreters ("spawn", as on macOS, Windows and most cluster workers) give the answers
    of one process."""
    cal = ep.BusinessCalendar.us_federal()
    day_chunks = [DAYS[i : i + 500] for i in range(0, len(DAYS), 500)]
    with ProcessPoolExecutor(
        max_workers=2, mp_context=multiprocessing.get_context("spawn")
    ) as pool:
        for program, people in ((ep.NREMT_EMR, REGISTRY), (ep.ASCP_MLS, REGISTRY_ASCP)):
            work = partial(ep.evaluate_many, as_of=AS_OF, program=program)
            chunks = [people[i : i + 50] for i in range(0, len(people), 50)]
            got = [s for part in pool.map(work, chunks) for s in part]
            assert got == ep.evaluate_many(people, as_of=AS_OF, program=program)
        stepped = [
            d
            for part in pool.map(partial(cal.add_business_days_many, n=7), day_chunks)
            for d in part
        ]
        assert stepped == cal.add_business_days_many(DAYS, 7)


def test_evaluate_many_names_the_position_of_a_bad_record() -> None:
    people = registry(5)
    bad = ep.Candidate(course=ep.CourseCompletion(D(2027, 1, 1)))
    with pytest.raises(ep.InvalidRecordError) as info:
        ep.evaluate_many([*people, bad], as_of=AS_OF, program=ep.NREMT_EMR)
    assert info.value.field == "[5].course.completed_on"


# Public names that are not values to pickle, with why. A read-only view
# (types.MappingProxyType, and the program registry, which loads each program on first use)
# never pickles; its items do, and a worker imports the module constant rather than
# receiving it.
NOT_PICKLED = {
    "emrpath.planning.retake.BUCKET_FIXES": types.MappingProxyType,
    "emrpath.programs.REGISTRY": type(ep.programs.REGISTRY),
    "emrpath.scope.SCOPE_SOURCES": types.MappingProxyType,
}
# Public classes whose instances are not values: state for one call, never sent to a worker.
NOT_VALUES = {
    "emrpath.params.ParamReader": "reads parameters for one evaluation, keeping the weakest "
    "confidence it has read (mutable, compared by identity)",
}
PUBLIC = public_objects()  # every public module's __all__, each object once
FUNCTIONS = sorted(n for n, value in PUBLIC.items() if inspect.isfunction(value))
VALUES = sorted(set(PUBLIC) - set(FUNCTIONS) - set(NOT_PICKLED) - set(NOT_VALUES))


def round_trip(value: object) -> None:
    """Pickle with every protocol from 2 up: the same type, equal, and equally hashed."""
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(value, protocol=protocol))
        assert type(again) is type(value)
        if isinstance(value, ep.EmrpathError):  # exceptions compare by identity
            assert isinstance(again, ep.EmrpathError)
            assert (again.message, again.field, again.rule, again.args, str(again)) == (
                value.message,
                value.field,
                value.rule,
                value.args,
                str(value),
            )
            continue
        assert again == value
        if getattr(type(value), "__hash__", None) is not None:
            assert hash(again) == hash(value)


@pytest.mark.parametrize("name", VALUES)
def test_every_public_type_pickles_equal(name: str) -> None:
    """Principle 4: "Frozen, slotted attrs classes [...] safe from many threads, picklable,
    cacheable": every public class (instances drawn from tests/public_values.py) and every
    public constant unpickles equal to what was pickled. A public class with no strategy
    fails here: add one to STRATEGIES in tests/public_values.py."""
    public = PUBLIC[name]
    strategy = strategy_for(public)
    if strategy is None:
        pytest.fail(
            f"{name} is public but has no strategy: add one to STRATEGIES in "
            "tests/public_values.py (see its docstring)"
        )

    # Pickling is structural: 50 instances of each type are plenty, and keep the ~80 names
    # of this test from dominating CI's 500-example profile.
    @settings(max_examples=min(settings().max_examples, 50))
    @given(strategy)
    def check(value: object) -> None:
        if inspect.isclass(public):
            assert isinstance(value, public)
        round_trip(value)

    check()


def test_every_public_function_pickles_by_reference() -> None:
    """A worker receives a function as its qualified name and gets the same function."""
    for name in FUNCTIONS:
        function = PUBLIC[name]
        assert pickle.loads(pickle.dumps(function)) is function, name


def test_the_names_left_out_of_pickling_are_what_the_list_says() -> None:
    for name, kind in NOT_PICKLED.items():
        assert type(PUBLIC[name]) is kind, name
        with pytest.raises(TypeError, match=f"cannot pickle '{kind.__name__}' object"):
            pickle.dumps(PUBLIC[name])
    round_trip(dict(SCOPE_SOURCES))
    round_trip(dict(BUCKET_FIXES))
    round_trip(dict(ep.programs.REGISTRY))
    for name in NOT_VALUES:
        cls = PUBLIC[name]
        assert inspect.isclass(cls), name
        assert not attrs.has(cls), name  # every attrs class of emrpath is a value


@given(st.integers(0, 199), dates(D(2024, 1, 1), D(2030, 1, 1)))
def test_statuses_and_their_errors_pickle_equal(index: int, as_of: dt.date) -> None:
    """Statuses, records, programs, calendars and errors survive pickling unchanged."""
    candidate = REGISTRY[index]
    try:
        status = ep.evaluate(candidate, as_of=as_of, program=ep.NREMT_EMR)
    except ep.EmrpathError as err:
        round_trip(err)
    else:
        for value in (candidate, status, ep.NREMT_EMR, ep.NREMT_EMR.calendar, *status.reasons):
            round_trip(value)


def test_authority_and_planning_values_pickle_equal() -> None:
    """The practice-authority and planning types cross process boundaries unchanged."""
    licence = StateLicense("MT", "emt", D(2025, 7, 1), D(2027, 6, 30))
    credential = AgencyCredential("Valley Fire", "Dr. Ada Reyes", D(2025, 8, 1))
    person = Practitioner([licence], ep.Certification(D(2025, 6, 2)), [credential])
    place = Jurisdiction("MT", "Montana")
    decision = practice_authority(person, place, on=D(2026, 3, 1), program=ep.NREMT_EMR)
    attempt = ep.ExamAttempt(D(2025, 7, 11), passed=False, scaled_score=880)
    candidate = ep.Candidate(course=ep.CourseCompletion(D(2025, 5, 2)), attempts=[attempt])
    log = ErrorLog([Miss("scope", "gave aspirin"), Miss(MissBucket.PACING)])
    plan = retake_plan(log, attempt, candidate, as_of=D(2025, 7, 14), program=ep.NREMT_EMR)
    timeline = ep.plan_attempts(
        candidate.course, D(2025, 7, 26), attempts_used=1, program=ep.NREMT_EMR
    )
    values = (licence, credential, person, place, decision, *decision.reasons, log, plan)
    for value in (*values, timeline, *timeline.attempts, *BUCKET_FIXES.values()):
        assert pickle.loads(pickle.dumps(value)) == value
    assert pickle.loads(pickle.dumps(MissBucket.SCOPE)) is MissBucket.SCOPE
