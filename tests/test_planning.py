"""Retake planning and attempt timelines, through the public API."""

from __future__ import annotations

import datetime as dt
import pickle
import re
from itertools import pairwise
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import emrpath as ep
from emrpath.jsonio import from_json_data, to_json_data
from emrpath.params import Param, Provision
from emrpath.planning import (
    BUCKET_FIXES,
    BucketFix,
    ErrorLog,
    Miss,
    MissBucket,
    RetakePlan,
    retake_plan,
)
from emrpath.policies import FixedDaysWait
from emrpath.programs.ascp_mls import RETEST_WAIT_90_DAYS
from emrpath.report import parameter_rows
from emrpath.retake_advice import SEED_RETAKE_ADVICE, RetakeAdvice
from tests.errors import raises_emrpath
from tests.strategies import dates

D = dt.date
DAY = dt.timedelta(days=1)

SEED_BUCKETS = (
    "Sort your misses into five buckets: domain knowledge gaps (you did not know the fact), "
    "sequence errors (you knew the facts but chose the wrong order), scope errors (you picked "
    "an action above EMR level), reading errors (you missed a key word like unresponsive or "
    "unsafe), and pacing errors (you rushed or froze)."
)
SEED_FIXES = (
    "Knowledge gaps need focused content review; sequence errors need priority-ladder drills; "
    "scope errors need the can/cannot list memorized; reading errors need slower, deliberate "
    "stem reading; pacing errors need timed practice. Use the mandatory 15-day waiting period "
    "to attack the one or two buckets that cost you the most, then retest."
)

COURSE = ep.CourseCompletion(D(2025, 5, 2), verified_on=D(2025, 5, 9))
SKILLS = ep.SkillsCompetency(D(2025, 4, 28))
PROGRAMS = st.sampled_from(
    [ep.NREMT_EMR, ep.ASCP_MLS, attrs.evolve(ep.ASCP_MLS, retest_wait=RETEST_WAIT_90_DAYS)]
)


def failed(on: dt.date, score: int | None = 880) -> ep.ExamAttempt:
    return ep.ExamAttempt(on, passed=False, scaled_score=score)


def candidate(*attempts: ep.ExamAttempt, course: ep.CourseCompletion = COURSE) -> ep.Candidate:
    return ep.Candidate(course=course, attempts=attempts, skills=SKILLS)


def log_of(*buckets: str) -> ErrorLog:
    return ErrorLog([Miss(b) for b in buckets])


# -- the buckets and their fixes ----------------------------------------------------------------


def test_the_five_buckets_are_the_seeds() -> None:
    """Seed: "Sort your misses into five buckets: domain knowledge gaps (you did not know the
    fact), sequence errors [...], and pacing errors (you rushed or froze).\""""
    assert len(MissBucket) == 5
    for bucket in MissBucket:
        assert f"{bucket.label} ({bucket.description})" in SEED_BUCKETS


def test_every_fix_is_cited_verbatim_from_the_seed() -> None:
    """Seed: "Knowledge gaps need focused content review; sequence errors need priority-ladder
    drills; [...] pacing errors need timed practice.\""""
    assert set(BUCKET_FIXES) == set(MissBucket)
    for bucket, fix in BUCKET_FIXES.items():
        assert fix.bucket is bucket
        assert bucket.fix is fix
        assert fix.citation.quote in SEED_FIXES
        assert fix.citation.quote.endswith(f"need {fix.fix}")
        assert fix.confidence is ep.Confidence.SECONDARY
    with pytest.raises(TypeError, match="'mappingproxy' object does not support item assignment"):
        BUCKET_FIXES[MissBucket.SCOPE] = BUCKET_FIXES[MissBucket.PACING]  # type: ignore[index]


def test_the_one_or_two_costliest_buckets_ties_in_seed_order() -> None:
    """Seed: "attack the one or two buckets that cost you the most"."""
    assert log_of().costliest() == ()
    assert log_of("pacing", "pacing").costliest() == (MissBucket.PACING,)
    three = log_of("pacing", "scope", "reading", "reading", "scope", "reading")
    assert three.costliest() == (MissBucket.READING, MissBucket.SCOPE)
    tie = log_of("pacing", "sequence", "domain_knowledge")
    assert tie.costliest() == (MissBucket.DOMAIN_KNOWLEDGE, MissBucket.SEQUENCE)


@given(st.lists(st.sampled_from(list(MissBucket)), max_size=30))
def test_the_focus_costs_at_least_as_much_as_any_other_bucket(picks: list[MissBucket]) -> None:
    """Seed: "attack the one or two buckets that cost you the most"."""
    log = ErrorLog([Miss(b) for b in picks])
    counts = log.counts()
    focus = log.costliest()
    assert sum(counts.values()) == len(picks)
    assert len(focus) == min(2, len(set(picks)))
    for chosen in focus:
        assert counts[chosen] > 0
        assert all(counts[chosen] >= counts[b] for b in MissBucket if b not in focus)


# -- retake_plan -----------------------------------------------------------------------------


def test_a_targeted_retake_after_the_first_failure() -> None:
    """Seed: "Use the mandatory 15-day waiting period to attack the one or two buckets that
    cost you the most, then retest.\""""
    attempt = failed(D(2025, 7, 11), 905)
    log = ErrorLog(
        [Miss("scope", "gave aspirin"), Miss("scope"), Miss("pacing")],
        attempt_on=D(2025, 7, 11),
    )
    plan = retake_plan(
        log, attempt, candidate(attempt), as_of=D(2025, 7, 14), program=ep.NREMT_EMR
    )
    assert plan.earliest_retest_on == D(2025, 7, 26) == plan.next_attempt_on
    assert plan.days_available == 12
    assert plan.fits_course_window
    assert plan.retest_possible
    assert (plan.attempts_used, plan.attempts_remaining) == (1, 2)
    assert plan.scaled_score == 905
    assert plan.points_below_passing == 45
    assert plan.course_expires_on == D(2027, 5, 31)
    assert plan.days_left_in_course_window == (D(2027, 5, 31) - D(2025, 7, 14)).days
    assert [f.bucket for f in plan.focus] == [MissBucket.SCOPE, MissBucket.PACING]
    focus = next(r for r in plan.reasons if r.code == "retake_focus")
    assert "15 calendar days" in focus.message
    # the wait is cited from NREMT's own retest_wait provision, the advice from the seed
    assert focus.parameter == "retest_wait"
    assert focus.citation == ep.NREMT_EMR.retest_wait.at(D(2025, 7, 11)).citation
    assert all(f.citation.quote in SEED_FIXES for f in plan.focus)
    assert plan.confidence is ep.Confidence.SECONDARY
    assert plan.timeline is not None
    assert [a.number for a in plan.timeline.attempts] == [2, 3]
    rows = plan.to_rows()
    assert [r["bucket"] for r in rows] == [b.value for b in MissBucket]
    assert rows[2] == {
        "bucket": "scope",
        "misses": 2,
        "focus": True,
        "fix": "the can/cannot list memorized",
    }
    text = str(plan)
    assert "scope errors" in text
    assert "2 of 2 remaining attempts fit" in text
    html = plan._repr_html_()
    assert html.count("<table ") == 2


def test_after_the_third_failure_a_new_course_is_needed() -> None:
    """Seed: "Failing candidates wait 15 days between attempts and get three attempts before a
    full EMR refresher course is required.\""""
    attempts = [failed(D(2025, 7, 11)), failed(D(2025, 7, 28)), failed(D(2025, 8, 20), 930)]
    plan = retake_plan(
        log_of("reading"),
        attempts[-1],
        candidate(*attempts),
        as_of=D(2025, 8, 25),
        program=ep.NREMT_EMR,
    )
    assert plan.next_attempt_on is None
    assert not plan.retest_possible
    assert plan.remediation_required
    assert plan.attempts_remaining == 0
    assert plan.days_available is None
    assert plan.timeline is None
    assert "attempts_used_up" in [r.code for r in plan.reasons]
    assert "next attempt              none open" in str(plan)


def _plan_past_the_course() -> RetakePlan:
    """A failure on 25 January 2026 under a course that qualifies through 31 January:
    the earliest retest, 9 February, is past the course."""
    course = ep.CourseCompletion(D(2024, 1, 5), verified_on=D(2024, 1, 8))
    attempt = failed(D(2026, 1, 25))
    return retake_plan(
        log_of("sequence"),
        attempt,
        candidate(attempt, course=course),
        as_of=D(2026, 1, 26),
        program=ep.NREMT_EMR,
    )


def test_a_retest_that_falls_after_the_course_expiry_does_not_fit() -> None:
    plan = _plan_past_the_course()
    assert plan.earliest_retest_on is None  # 2026-02-09 is after the course: none offered
    assert not plan.fits_course_window
    assert plan.next_attempt_on is None
    assert plan.remediation_required
    assert plan.timeline is None


def test_an_empty_log_plans_dates_but_no_focus() -> None:
    attempt = failed(D(2025, 7, 11), None)
    plan = retake_plan(
        ErrorLog(), attempt, candidate(attempt), as_of=D(2025, 7, 11), program=ep.NREMT_EMR
    )
    assert plan.focus == ()
    assert plan.points_below_passing is None
    assert "nothing_logged" in [r.code for r in plan.reasons]
    assert "focus: nothing logged" in plan.summary()


def test_an_unused_authorization_checks_the_retest() -> None:
    attempt = failed(D(2025, 7, 11))
    person = attrs.evolve(
        candidate(attempt), authorizations=[ep.AuthorizationToTest(D(2025, 7, 1))]
    )
    plan = retake_plan(
        log_of("scope"), attempt, person, as_of=D(2025, 7, 14), program=ep.NREMT_EMR
    )
    assert plan.timeline is not None
    assert plan.timeline.attempts[0].fits_authorization is None  # the used one is not reused
    person = attrs.evolve(
        person,
        authorizations=[
            ep.AuthorizationToTest(D(2025, 7, 1)),
            ep.AuthorizationToTest(D(2025, 7, 14)),
        ],
    )
    plan = retake_plan(
        log_of("scope"), attempt, person, as_of=D(2025, 7, 14), program=ep.NREMT_EMR
    )
    assert plan.timeline is not None
    first = plan.timeline.attempts[0]
    assert first.fits_authorization is True
    assert first.authorization_expires_on == D(2025, 10, 12)


def test_an_ascp_retake_uses_its_own_wait_and_limit() -> None:
    """ASCP: "5 attempts per category per eligibility route"; the wait is the next 3-month
    period (the default reading)."""
    course = ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 10), route="route 1")
    attempt = ep.ExamAttempt(D(2025, 3, 3), passed=False, scaled_score=350)
    person = ep.Candidate(course=course, attempts=[attempt])
    plan = retake_plan(
        log_of("domain_knowledge"), attempt, person, as_of=D(2025, 3, 10), program=ep.ASCP_MLS
    )
    assert plan.earliest_retest_on == D(2025, 6, 3)
    assert plan.points_below_passing == 50
    assert plan.attempts_remaining == 4
    assert plan.timeline is not None
    assert [a.number for a in plan.timeline.attempts] == [2, 3, 4, 5]


@pytest.mark.parametrize(
    "program", [ep.ASCP_MLS, attrs.evolve(ep.ASCP_MLS, retest_wait=RETEST_WAIT_90_DAYS)]
)
def test_an_ascp_retake_focus_cites_the_ascp_wait_not_nremts_15_days(
    program: ep.Program,
) -> None:
    """The seed's "Use the mandatory 15-day waiting period to attack the one or two
    buckets that cost you the most" is NREMT's wait: an ASCP plan's focus reason cites
    ASCP's own retest_wait provision and never speaks of 15 days."""
    course = ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 10), route="route 1")
    attempt = ep.ExamAttempt(D(2025, 3, 3), passed=False, scaled_score=350)
    person = ep.Candidate(course=course, attempts=[attempt])
    plan = retake_plan(
        log_of("reading", "reading"), attempt, person, as_of=D(2025, 3, 10), program=program
    )
    focus = next(r for r in plan.reasons if r.code == "retake_focus")
    provision = program.retest_wait.at(D(2025, 3, 3))
    assert focus.parameter == "retest_wait"
    assert focus.citation == provision.citation
    assert provision.value.describe() in focus.message
    assert "15" not in focus.message
    assert focus.citation is not None
    assert "15" not in focus.citation.quote
    for reason in plan.reasons:
        assert reason.citation is None or "15-day" not in reason.citation.quote


@given(dates(D(2025, 5, 10), D(2027, 5, 31)), st.integers(0, 40))
def test_the_days_available_run_to_the_next_allowed_attempt(taken_on: dt.date, later: int) -> None:
    """design.md: "earliest retest = last attempt date + 15 calendar days"; the plan's days
    available end on evaluate()'s next attempt date, never before as_of."""
    attempt = failed(taken_on)
    as_of = taken_on + dt.timedelta(days=later)
    plan = retake_plan(
        log_of("pacing"), attempt, candidate(attempt), as_of=as_of, program=ep.NREMT_EMR
    )
    retest_on = taken_on + dt.timedelta(days=15)
    if plan.next_attempt_on is None:
        assert plan.days_available is None
        assert plan.earliest_retest_on is None
        assert max(as_of, retest_on) > plan.course_expires_on
    else:
        assert plan.earliest_retest_on == retest_on
        assert plan.next_attempt_on == max(as_of, plan.earliest_retest_on)
        assert plan.days_available == (plan.next_attempt_on - as_of).days >= 0
        assert plan.fits_course_window


# -- plan_attempts -----------------------------------------------------------------------------


def test_three_attempts_fifteen_days_apart_through_the_course_window() -> None:
    """design.md's notebook question: "if I fail on the 3rd, when can I retest, and does my
    third attempt still fit before my course expires?\""""
    course = ep.CourseCompletion(D(2024, 1, 5))  # "valid through 2026-01-31"
    timeline = ep.plan_attempts(
        course, D(2026, 1, 3), authorization_issued_on=D(2025, 12, 1), program=ep.NREMT_EMR
    )
    assert timeline.course_expires_on == D(2026, 1, 31)
    assert [a.earliest_on for a in timeline.attempts] == [
        D(2026, 1, 3),
        D(2026, 1, 18),
        D(2026, 2, 2),
    ]
    # Saturday 3 January -> Tuesday 6th; Sunday 18th -> Wednesday 21st (MLK Day, the 19th)
    assert [a.expected_result_on for a in timeline.attempts][:2] == [D(2026, 1, 6), D(2026, 1, 21)]
    assert [a.fits_course_window for a in timeline.attempts] == [True, True, False]
    assert not timeline.all_fit
    assert timeline.latest_first_attempt_on == D(2026, 1, 1)
    lost = next(r for r in timeline.reasons if r.code == "attempt_after_course_expiry")
    assert "Attempt 3" in lost.message
    again = ep.plan_attempts(course, D(2026, 1, 1), program=ep.NREMT_EMR)
    assert again.all_fit
    assert again.attempts[-1].earliest_on == D(2026, 1, 31)


def test_rows_text_and_html() -> None:
    timeline = ep.plan_attempts(COURSE, D(2025, 7, 11), attempts_used=1, program=ep.NREMT_EMR)
    assert timeline.to_rows() == [
        {
            "attempt": 2,
            "earliest_on": D(2025, 7, 11),
            "expected_result_on": D(2025, 7, 15),
            "fits_course_window": True,
            "fits_authorization": None,
            "authorization_expires_on": None,
            "course_expires_on": D(2027, 5, 31),
        },
        {
            "attempt": 3,
            "earliest_on": D(2025, 7, 26),
            "expected_result_on": D(2025, 7, 29),
            "fits_course_window": True,
            "fits_authorization": True,
            "authorization_expires_on": D(2025, 10, 13),
            "course_expires_on": D(2027, 5, 31),
        },
    ]
    text = str(timeline)
    assert text.splitlines()[1].split() == [
        "attempt",
        "earliest",
        "on",
        "result",
        "expected",
        "in",
        "course",
        "window",
        "in",
        "authorization",
    ]
    assert (
        "      3  2025-07-26   2025-07-29       yes               yes (through 2025-10-13)" in text
    )
    assert text.splitlines()[-1] == timeline.summary()
    html = timeline._repr_html_()
    assert html.startswith("<div ")
    assert "<strong>nremt-emr</strong>" in html
    assert ">2025-07-26</td>" in html
    assert repr(timeline).startswith("<AttemptTimeline nremt-emr")


def test_an_authorization_issued_after_the_first_attempt_date_does_not_cover_it() -> None:
    timeline = ep.plan_attempts(
        COURSE, D(2025, 7, 11), authorization_issued_on=D(2025, 7, 12), program=ep.NREMT_EMR
    )
    assert timeline.attempts[0].fits_authorization is False
    assert not timeline.attempts[0].fits


def test_ascp_five_attempts_under_either_reading_of_the_wait() -> None:
    """ASCP: 5 attempts per route; the disputed wait is a parameter, so the same timeline
    code gives both readings with no program branch."""
    course = ep.CourseCompletion(D(2025, 1, 10), route="route 1")
    period = ep.plan_attempts(course, D(2025, 3, 31), program=ep.ASCP_MLS)
    assert [a.earliest_on for a in period.attempts] == [
        D(2025, 3, 31),
        D(2025, 6, 30),
        D(2025, 9, 30),
        D(2025, 12, 30),
        D(2026, 3, 30),
    ]
    assert "route is closed" in period.after_limit
    ninety = attrs.evolve(ep.ASCP_MLS, retest_wait=RETEST_WAIT_90_DAYS)
    days = ep.plan_attempts(course, D(2025, 3, 31), program=ninety)
    assert [(b.earliest_on - a.earliest_on).days for a, b in pairwise(days.attempts)] == [90] * 4
    assert days.latest_first_attempt_on == D(2030, 1, 10) - dt.timedelta(days=360)


@given(
    PROGRAMS,
    dates(D(2016, 1, 1), D(2032, 12, 31)),
    st.integers(0, 1200),
    st.integers(0, 4),
    st.one_of(st.none(), st.integers(-30, 200)),
)
def test_every_planned_attempt_keeps_the_wait_and_none_that_fits_is_after_expiry(
    program: ep.Program, completed: dt.date, offset: int, used: int, att: int | None
) -> None:
    """Issue 4: "every planned attempt is at least 15 days after the previous one and no
    planned attempt is after the course expiry" (a later attempt is marked as not fitting)."""
    course = ep.CourseCompletion(completed)
    limit = program.attempt_limit.value_at(completed).max_attempts
    assume(used < limit)
    first = completed + dt.timedelta(days=offset)
    issued = None if att is None else max(completed, first - dt.timedelta(days=att))
    timeline = ep.plan_attempts(
        course, first, program=program, authorization_issued_on=issued, attempts_used=used
    )
    attempts = timeline.attempts
    assert [a.number for a in attempts] == list(range(used + 1, limit + 1))
    assert attempts[0].earliest_on == first
    for before, after in pairwise(attempts):
        assert after.earliest_on == ep.earliest_retest_date(before.earliest_on, program=program)
        if program is ep.NREMT_EMR:
            assert after.earliest_on - before.earliest_on >= dt.timedelta(days=15)
        assert before.earliest_on < before.expected_result_on < after.earliest_on
    for attempt in attempts:
        assert attempt.fits_course_window == (attempt.earliest_on <= timeline.course_expires_on)
        if attempt.fits:
            assert attempt.earliest_on <= timeline.course_expires_on
    fitting = [a.fits_course_window for a in attempts]
    assert fitting == sorted(fitting, reverse=True)  # the ones that fit come first


@given(PROGRAMS, dates(D(2016, 1, 1), D(2032, 12, 31)), st.integers(0, 4))
def test_the_latest_first_attempt_is_the_last_day_that_leaves_room_for_all(
    program: ep.Program, completed: dt.date, used: int
) -> None:
    """Issue 4: "the latest first-attempt date that still leaves room for all three
    attempts": from it every attempt fits; from the day after, the last one does not."""
    limit = program.attempt_limit.value_at(completed).max_attempts
    assume(used < limit)
    course = ep.CourseCompletion(completed)
    probe = ep.plan_attempts(course, completed, program=program, attempts_used=used)
    latest = probe.latest_first_attempt_on
    if latest is None:
        assert not probe.attempts[-1].fits_course_window
        return
    assert (
        ep.plan_attempts(course, latest, program=program, attempts_used=used)
        .attempts[-1]
        .fits_course_window
    )
    after = ep.plan_attempts(course, latest + DAY, program=program, attempts_used=used)
    assert not after.attempts[-1].fits_course_window
    assert after.latest_first_attempt_on == latest


@given(PROGRAMS, dates(D(2016, 1, 1), D(2032, 12, 31)), st.integers(0, 900), st.integers(1, 60))
def test_a_later_first_attempt_never_moves_an_attempt_earlier(
    program: ep.Program, completed: dt.date, offset: int, delay: int
) -> None:
    """design.md: "earliest retest = last attempt date + 15 calendar days" is monotone: a
    later start never gives an earlier date for any attempt, nor more attempts that fit."""
    course = ep.CourseCompletion(completed)
    first = completed + dt.timedelta(days=offset)
    early = ep.plan_attempts(course, first, program=program)
    late = ep.plan_attempts(course, first + dt.timedelta(days=delay), program=program)
    for a, b in zip(early.attempts, late.attempts, strict=True):
        assert b.earliest_on >= a.earliest_on
    assert sum(a.fits for a in late.attempts) <= sum(a.fits for a in early.attempts)


def test_planning_values_pickle_equal() -> None:
    attempt = failed(D(2025, 7, 11))
    plan = retake_plan(
        log_of("scope", "pacing"),
        attempt,
        candidate(attempt),
        as_of=D(2025, 7, 14),
        program=ep.NREMT_EMR,
    )
    assert plan.timeline is not None
    for value in (plan, plan.timeline, plan.timeline.attempts[0], log_of("scope"), *plan.focus):
        assert pickle.loads(pickle.dumps(value)) == value


# -- bad input ---------------------------------------------------------------------------------


def test_bad_log_records_are_refused() -> None:
    with pytest.raises(ep.UnknownNameError) as info:
        Miss("knowledge")
    assert info.value.field == "Miss.bucket"
    with raises_emrpath(ep.InputTypeError, field="Miss.bucket", rule="retake planning"):
        Miss(3)  # type: ignore[arg-type]
    with pytest.raises(ep.InputTypeError) as note:
        Miss("scope", note=None)  # type: ignore[arg-type]
    assert note.value.field == "Miss.note"
    with raises_emrpath(ep.InputTypeError, field="ErrorLog.misses", rule="retake planning"):
        ErrorLog("scope")  # type: ignore[arg-type]
    with pytest.raises(ep.InputTypeError) as item:
        ErrorLog([Miss("scope"), "pacing"])  # type: ignore[list-item]
    assert item.value.field == "ErrorLog.misses[1]"
    with raises_emrpath(ep.InputTypeError, field="ErrorLog.attempt_on", rule="retake planning"):
        ErrorLog(attempt_on="2025-07-11")  # type: ignore[arg-type]


def test_bad_plan_arguments_are_refused() -> None:
    with pytest.raises(ep.InputTypeError) as course:
        ep.plan_attempts(D(2025, 5, 2), D(2025, 7, 1), program=ep.NREMT_EMR)  # type: ignore[arg-type]
    assert course.value.field == "course"
    with pytest.raises(ep.InvalidRecordError) as early:
        ep.plan_attempts(COURSE, D(2025, 5, 1), program=ep.NREMT_EMR)
    assert early.value.field == "first_attempt_on"
    with pytest.raises(ep.InvalidRecordError) as att:
        ep.plan_attempts(
            COURSE, D(2025, 7, 1), authorization_issued_on=D(2025, 4, 1), program=ep.NREMT_EMR
        )
    assert att.value.field == "authorization_issued_on"
    for used in (3, -1):
        with pytest.raises(ep.InvalidRecordError) as limit:
            ep.plan_attempts(COURSE, D(2025, 7, 1), attempts_used=used, program=ep.NREMT_EMR)
        assert limit.value.field == "attempts_used"
        assert limit.value.rule == "attempt limit"
    for used_wrong in (True, "1", 1.0):
        with raises_emrpath(ep.InputTypeError, field="attempts_used", rule="retake planning"):
            ep.plan_attempts(COURSE, D(2025, 7, 1), attempts_used=used_wrong, program=ep.NREMT_EMR)  # type: ignore[arg-type]
    with pytest.raises(ep.InputTypeError) as text:
        ep.plan_attempts(COURSE, "2025-07-01", program=ep.NREMT_EMR)  # type: ignore[arg-type]
    assert text.value.field == "first_attempt_on"
    with raises_emrpath(ep.NaiveDatetimeError, field="first_attempt_on", rule="retake planning"):
        ep.plan_attempts(COURSE, dt.datetime(2025, 7, 1, 9), program=ep.NREMT_EMR)
    with raises_emrpath(ep.InputTypeError, field="program", rule="retake planning"):
        ep.plan_attempts(COURSE, D(2025, 7, 1), program="nremt-emr")  # type: ignore[arg-type]
    with raises_emrpath(
        ep.NoRuleInForceError, field="attempt_limit", rule=ep.NREMT_EMR.attempt_limit.description
    ):
        ep.plan_attempts(ep.CourseCompletion(D(2014, 3, 1)), D(2014, 4, 1), program=ep.NREMT_EMR)


def test_bad_retake_arguments_are_refused() -> None:
    first, second = failed(D(2025, 7, 11)), failed(D(2025, 7, 28))
    person = candidate(first, second)
    with pytest.raises(ep.InvalidRecordError) as not_last:
        retake_plan(log_of("scope"), first, person, as_of=D(2025, 8, 1), program=ep.NREMT_EMR)
    assert not_last.value.field == "failed_attempt"
    passed = ep.ExamAttempt(D(2025, 7, 11), passed=True)
    with pytest.raises(ep.InvalidRecordError) as pass_:
        retake_plan(log_of(), passed, candidate(passed), as_of=D(2025, 8, 1), program=ep.NREMT_EMR)
    assert pass_.value.field == "failed_attempt.passed"
    dated = ErrorLog([Miss("scope")], attempt_on=D(2025, 7, 11))
    with pytest.raises(ep.InvalidRecordError) as other:
        retake_plan(dated, second, person, as_of=D(2025, 8, 1), program=ep.NREMT_EMR)
    assert other.value.field == "log.attempt_on"
    # evaluate() refuses the candidate: its second attempt is after as_of
    with raises_emrpath(ep.InvalidRecordError, field="attempts[1].taken_on", rule="exam attempt"):
        retake_plan(log_of(), second, person, as_of=D(2025, 7, 20), program=ep.NREMT_EMR)
    with pytest.raises(ep.InputTypeError) as kind:
        retake_plan([Miss("scope")], second, person, as_of=D(2025, 8, 1), program=ep.NREMT_EMR)  # type: ignore[arg-type]
    assert kind.value.field == "log"
    with pytest.raises(ep.InputTypeError) as who:
        retake_plan(log_of(), second, COURSE, as_of=D(2025, 8, 1), program=ep.NREMT_EMR)  # type: ignore[arg-type]
    assert who.value.field == "candidate"


def test_a_bucket_fix_is_validated() -> None:
    cite = BUCKET_FIXES[MissBucket.PACING].citation
    assert BucketFix("pacing", "timed practice", cite).bucket is MissBucket.PACING
    with pytest.raises(ep.InvalidRecordError) as empty:
        BucketFix(MissBucket.PACING, " ", cite)
    assert empty.value.field == "BucketFix.fix"
    with pytest.raises(ep.InputTypeError) as source:
        BucketFix(MissBucket.PACING, "timed practice", "seed")  # type: ignore[arg-type]
    assert source.value.field == "BucketFix.citation"
    with raises_emrpath(ep.UnknownNameError, field="BucketFix.bucket", rule="retake planning"):
        BucketFix("speed", "timed practice", cite)


def test_an_ascp_retake_counts_earlier_attempts_on_the_same_route() -> None:
    """ASCP: "5 attempts per category per eligibility route": history on the same route
    counts, so only the fifth attempt is left to plan."""
    route = "route 1"
    earlier = ep.PriorCourse(
        ep.CourseCompletion(D(2023, 1, 10), route=route),
        [ep.ExamAttempt(D(2023, 3, 1 + k), passed=False, scaled_score=300 + k) for k in range(3)],
    )
    attempt = ep.ExamAttempt(D(2025, 3, 3), passed=False, scaled_score=390)
    person = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 1, 10), route=route),
        attempts=[attempt],
        history=[earlier],
    )
    plan = retake_plan(
        log_of("reading"), attempt, person, as_of=D(2025, 3, 10), program=ep.ASCP_MLS
    )
    assert (plan.attempts_used, plan.attempts_remaining) == (4, 1)
    assert plan.timeline is not None
    assert [a.number for a in plan.timeline.attempts] == [5]
    assert plan.timeline.latest_first_attempt_on == plan.course_expires_on


def test_the_cli_plan_and_retake_plan_check_the_same_unused_authorization(
    tmp_path: Any, capsys: Any
) -> None:
    """Review finding: `emrpath plan` ignored the candidate's authorization to test while
    retake_plan() checked it; both now plan from the same unused authorization."""
    from emrpath import cli

    failed = ep.ExamAttempt(dt.date(2024, 2, 1), passed=False)
    candidate = ep.Candidate(
        course=ep.CourseCompletion(dt.date(2024, 1, 5)),
        attempts=[failed],
        authorizations=[ep.AuthorizationToTest(dt.date(2024, 2, 2))],
    )
    plan = retake_plan(
        ErrorLog(), failed, candidate, as_of=dt.date(2024, 6, 1), program=ep.NREMT_EMR
    )
    assert plan.timeline is not None
    assert plan.timeline.attempts[0].fits_authorization is False  # 90 days ended 2024-05-02
    document = tmp_path / "candidate.json"
    document.write_text(ep.dumps(candidate, program=ep.NREMT_EMR), encoding="utf-8")
    assert cli.main(["plan", str(document), "--as-of", "2024-06-01", "--json"]) == 0
    timeline = ep.loads(capsys.readouterr().out, ep.AttemptTimeline)
    assert timeline == plan.timeline


@pytest.mark.parametrize(
    ("module", "name"), [("emrpath.retake_advice", "_BUCKET_TEXT"), ("emrpath.plot", "_COLORS")]
)
def test_module_tables_are_read_only(module: str, name: str) -> None:
    """Principle 4: "no global mutable state": a module's lookup table cannot be changed
    by a caller (like BUCKET_FIXES)."""
    import importlib
    import types

    table = getattr(importlib.import_module(module), name)
    assert type(table) is types.MappingProxyType
    key = next(iter(table))
    with pytest.raises(TypeError, match="'mappingproxy' object does not support item assignment"):
        table[key] = table[key]


# -- the package: a timeline module and a retake module, one import path ---------------------

# planning.__all__ before the split into planning.timeline and planning.retake (issue 12,
# "planning.py splits into the attempt timeline and the retake advice").
NAMES_BEFORE_THE_SPLIT = (
    "BUCKET_FIXES",
    "AttemptTimeline",
    "BucketFix",
    "ErrorLog",
    "Miss",
    "MissBucket",
    "PlannedAttempt",
    "RetakePlan",
    "plan_attempts",
    "retake_plan",
)


@pytest.mark.parametrize("name", NAMES_BEFORE_THE_SPLIT)
def test_every_name_of_the_old_module_imports_from_the_package(name: str) -> None:
    import importlib

    planning = importlib.import_module("emrpath.planning")
    value = getattr(planning, name)
    assert name in planning.__all__
    if name in ep.__all__:  # the rest left the top level: they warn there (tests/test_face.py)
        assert value is getattr(ep, name)
    home = importlib.import_module(
        "emrpath.planning.timeline"
        if name in ("AttemptTimeline", "PlannedAttempt", "plan_attempts")
        else "emrpath.planning.retake"
    )
    assert getattr(home, name) is value
    assert name in home.__all__


# -- timeline_after: the remaining attempts from an evaluated status ---------------------------


def test_timeline_after_plans_from_the_next_attempt_with_the_unused_authorization() -> None:
    """design.md: "attempt k+1 is the retest wait after attempt k"; the timeline starts on
    evaluate()'s next attempt date and checks the candidate's unused authorization."""
    from emrpath.planning import timeline_after

    attempt = failed(D(2025, 7, 11))
    person = attrs.evolve(
        candidate(attempt),
        authorizations=[
            ep.AuthorizationToTest(D(2025, 7, 1)),
            ep.AuthorizationToTest(D(2025, 7, 14)),
        ],
    )
    status = ep.evaluate(person, as_of=D(2025, 7, 14), program=ep.NREMT_EMR)
    timeline = timeline_after(person, status, program=ep.NREMT_EMR)
    assert timeline == ep.plan_attempts(
        COURSE,
        D(2025, 7, 26),
        authorization_issued_on=D(2025, 7, 14),
        attempts_used=1,
        program=ep.NREMT_EMR,
    )
    decision = ep.decide(person, as_of=D(2025, 7, 14), program=ep.NREMT_EMR)
    assert timeline_after(person, decision, program=ep.NREMT_EMR) == timeline
    plan = retake_plan(ErrorLog(), attempt, person, as_of=D(2025, 7, 14), program=ep.NREMT_EMR)
    assert plan.timeline == timeline


def test_timeline_after_is_none_once_no_attempt_is_allowed() -> None:
    """Seed: "three attempts before a full EMR refresher course is required"."""
    from emrpath.planning import timeline_after

    used = [failed(D(2025, 7, 11)), failed(D(2025, 7, 28)), failed(D(2025, 8, 20))]
    person = candidate(*used)
    status = ep.evaluate(person, as_of=D(2025, 8, 25), program=ep.NREMT_EMR)
    assert status.next_attempt_on is None
    assert timeline_after(person, status, program=ep.NREMT_EMR) is None


def test_timeline_after_names_the_decisions_next_attempt_when_the_plan_leaves_the_calendar() -> (
    None
):
    """design.md: "A calendar raises `EmrpathError` (a `ValueError`) for a date outside the
    years it was built for, instead of answering wrongly." The plan steps from the
    decision's next attempt date, so the refusal names that, not a parameter of
    plan_attempts that the caller never gave."""
    from emrpath.planning import timeline_after

    late = ep.CourseCompletion(D(2100, 10, 1))
    person = candidate(failed(D(2100, 12, 20)), course=late)
    status = ep.evaluate(person, as_of=D(2100, 12, 28), program=ep.NREMT_EMR)
    assert status.next_attempt_on == D(2101, 1, 4)  # a calendar-day wait: no calendar needed
    with raises_emrpath(
        ep.CalendarRangeError, field="decision.next_attempt_on", rule="business day"
    ) as info:
        timeline_after(person, status, program=ep.NREMT_EMR)
    assert info.value.message == (
        "2101-01-04 is outside this calendar's years (1990-2100); it will not guess"
    )


# Attempts through 2100-12-28, whose results (two business days on) the calendar still
# holds: evaluating a later one is refused (test_pathway checks that refusal).
@given(taken=dates(min_value=D(2100, 10, 2), max_value=D(2100, 12, 28)), wait=st.integers(0, 40))
def test_timeline_after_either_plans_or_names_the_decisions_next_attempt(
    taken: dt.date, wait: int
) -> None:
    """design.md: "A calendar raises `EmrpathError` ... for a date outside the years it was
    built for, instead of answering wrongly": near the calendar's end, every plan from a
    decision either keeps its dates inside the calendar's years or is refused naming the
    decision's next attempt date."""
    from emrpath.planning import timeline_after

    as_of = taken + dt.timedelta(days=wait)
    assume(as_of.year <= 2100)
    person = candidate(failed(taken), course=ep.CourseCompletion(D(2100, 10, 1)))
    status = ep.evaluate(person, as_of=as_of, program=ep.NREMT_EMR)
    outcome: ep.AttemptTimeline | ep.CalendarRangeError | None
    try:
        outcome = timeline_after(person, status, program=ep.NREMT_EMR)
    except ep.CalendarRangeError as err:
        outcome = err
    if isinstance(outcome, ep.CalendarRangeError):
        assert (outcome.field, outcome.rule) == ("decision.next_attempt_on", "business day")
    else:
        assert outcome is not None  # an attempt is open: one failure of three
        assert all(a.expected_result_on.year <= 2100 for a in outcome.attempts)


def test_timeline_after_refuses_bad_arguments() -> None:
    from emrpath.planning import timeline_after

    attempt = failed(D(2025, 7, 11))
    person = candidate(attempt)
    status = ep.evaluate(person, as_of=D(2025, 7, 14), program=ep.NREMT_EMR)
    with pytest.raises(ep.InvalidRecordError) as other:
        timeline_after(person, status, program=ep.ASCP_MLS)
    assert other.value.field == "decision.program"
    assert "nremt-emr" in other.value.message
    with pytest.raises(ep.InputTypeError) as who:
        timeline_after(COURSE, status, program=ep.NREMT_EMR)  # type: ignore[arg-type]
    assert who.value.field == "candidate"
    with pytest.raises(ep.InputTypeError) as what:
        timeline_after(person, status.gates, program=ep.NREMT_EMR)  # type: ignore[arg-type]
    assert what.value.field == "decision"
    with pytest.raises(ep.InputTypeError) as rules:
        timeline_after(person, status, program="nremt-emr")  # type: ignore[arg-type]
    assert rules.value.field == "program"


# -- the study fixes are the program's data (retake_advice) ------------------------------------

ADVICE_QUOTE = (
    "Knowledge gaps need focused content review; sequence errors need priority-ladder drills; "
    "scope errors need the can/cannot list memorized; reading errors need slower, deliberate "
    "stem reading; pacing errors need timed practice."
)


def toy_advice() -> Param[RetakeAdvice]:
    """Advice written here, unlike the seed's, to show the plan reads the program's own."""
    cite = ep.Citation(url="https://example.org/guide", quote="drill it", title="A toy guide")
    return Param.single(
        "retake_advice",
        "Study advice after a failed attempt",
        RetakeAdvice([BucketFix(b, f"drill {b.value}", cite) for b in MissBucket]),
        effective_from=D(2000, 1, 1),
        citation=cite,
        confidence=ep.Confidence.PRIMARY,
    )


def test_nremt_emr_ships_the_seeds_advice_cited_to_the_seed() -> None:
    """Seed: "Knowledge gaps need focused content review; [...] pacing errors need timed
    practice." The NREMT EMR program holds it as a cited, secondary parameter."""
    param = ep.NREMT_EMR.retake_advice
    assert param is not None
    provision = param.at(D(2025, 7, 14))
    assert provision.value is SEED_RETAKE_ADVICE
    assert provision.citation.quote == ADVICE_QUOTE
    assert ADVICE_QUOTE in SEED_FIXES
    assert provision.confidence is ep.Confidence.SECONDARY
    assert dict(BUCKET_FIXES) == {f.bucket: f for f in SEED_RETAKE_ADVICE.fixes}
    assert [f.bucket for f in SEED_RETAKE_ADVICE.fixes] == list(MissBucket)
    assert ep.ASCP_MLS.retake_advice is None  # ASCP publishes no such advice


def test_a_program_without_advice_plans_the_focus_without_study_fixes() -> None:
    """The seed's fixes are NREMT EMR study advice: an ASCP plan counts the misses and
    names the costliest buckets, gives no fix, and says the program ships none."""
    course = ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 10), route="route 1")
    attempt = ep.ExamAttempt(D(2025, 3, 3), passed=False, scaled_score=350)
    person = ep.Candidate(course=course, attempts=[attempt])
    log = log_of("reading", "reading", "scope", "pacing", "pacing", "pacing")
    plan = retake_plan(log, attempt, person, as_of=D(2025, 3, 10), program=ep.ASCP_MLS)
    assert plan.focus == () == plan.fixes
    assert plan.costliest == (MissBucket.PACING, MissBucket.READING)
    assert [r["fix"] for r in plan.to_rows()] == [None] * 5
    assert [r["focus"] for r in plan.to_rows()] == [False, False, False, True, True]
    focus = next(r for r in plan.reasons if r.code == "retake_focus")
    assert focus.message.endswith(
        "then retest: pacing errors (3 missed); reading errors (2 missed). The ascp-mls "
        "program ships no retake advice: no study fix is given."
    )
    assert not any(f.fix in str(plan) for f in SEED_RETAKE_ADVICE.fixes)
    assert "focus: pacing errors, reading errors" in plan.summary()
    assert "focus=['pacing', 'reading']" in repr(plan)


def test_the_plan_reads_the_fixes_from_its_program() -> None:
    """Advice is the program's data: the same candidate under a program with other advice
    gets that advice, and under NREMT EMR with its advice removed, none."""
    attempt = failed(D(2025, 7, 11))
    person = candidate(attempt)
    log = log_of("scope", "scope", "pacing")
    toy = attrs.evolve(ep.NREMT_EMR, retake_advice=toy_advice())
    plan = retake_plan(log, attempt, person, as_of=D(2025, 7, 14), program=toy)
    assert [f.fix for f in plan.focus] == ["drill scope", "drill pacing"]
    assert [r["fix"] for r in plan.to_rows()][:2] == ["drill domain_knowledge", "drill sequence"]
    focus = next(r for r in plan.reasons if r.code == "retake_focus")
    assert "scope errors: drill scope (2 missed)" in focus.message
    bare = attrs.evolve(ep.NREMT_EMR, retake_advice=None)
    none = retake_plan(log, attempt, person, as_of=D(2025, 7, 14), program=bare)
    assert none.focus == () == none.fixes
    assert none.costliest == (MissBucket.SCOPE, MissBucket.PACING)
    with_seed = retake_plan(log, attempt, person, as_of=D(2025, 7, 14), program=ep.NREMT_EMR)
    assert with_seed.fixes == SEED_RETAKE_ADVICE.fixes
    assert with_seed.to_rows()[2]["fix"] == "the can/cannot list memorized"


def test_retake_advice_gives_one_fix_per_bucket() -> None:
    fixes = SEED_RETAKE_ADVICE.fixes
    assert RetakeAdvice(fixes[::-1]) == SEED_RETAKE_ADVICE  # kept in the buckets' order
    assert SEED_RETAKE_ADVICE.fix("pacing") is SEED_RETAKE_ADVICE.fix(MissBucket.PACING)
    with pytest.raises(ep.InvalidRecordError) as missing:
        RetakeAdvice(fixes[1:])
    assert missing.value.field == "RetakeAdvice.fixes"
    assert "no fix for domain knowledge gaps" in missing.value.message
    with pytest.raises(ep.InvalidRecordError) as twice:
        RetakeAdvice([*fixes, fixes[2]])
    assert twice.value.field == "RetakeAdvice.fixes[5]"
    assert "a second fix for scope errors (the first is fixes[2])" in twice.value.message
    with pytest.raises(ep.InputTypeError) as kind:
        RetakeAdvice([*fixes[:4], "timed practice"])  # type: ignore[list-item]
    assert kind.value.field == "RetakeAdvice.fixes[4]"
    with raises_emrpath(ep.InputTypeError, field="RetakeAdvice.fixes", rule="program parameter"):
        RetakeAdvice("timed practice")  # type: ignore[arg-type]
    with raises_emrpath(ep.UnknownNameError, field="bucket", rule="retake planning"):
        SEED_RETAKE_ADVICE.fix("speed")
    assert pickle.loads(pickle.dumps(SEED_RETAKE_ADVICE)) == SEED_RETAKE_ADVICE
    row = next(r for r in parameter_rows(ep.NREMT_EMR) if r["parameter"] == "retake_advice")
    assert row["value"] == SEED_RETAKE_ADVICE.describe()
    assert row["value"].startswith("domain knowledge gaps: focused content review; ")


def test_a_plan_document_without_fixes_still_loads() -> None:
    """A retake plan written before plans carried their program's fixes loads, with no
    fixes, and its focus rows still show the focus fixes it carries."""
    attempt = failed(D(2025, 7, 11))
    plan = retake_plan(
        log_of("scope"), attempt, candidate(attempt), as_of=D(2025, 7, 14), program=ep.NREMT_EMR
    )
    data = to_json_data(plan)
    del data["fixes"]
    old = from_json_data(data, RetakePlan)
    assert old == attrs.evolve(plan, fixes=())
    assert old.to_rows()[2]["fix"] == "the can/cannot list memorized"
    assert old.to_rows()[0]["fix"] is None
    assert ep.loads(ep.dumps(plan), RetakePlan) == plan


# -- what the timeline and the plan say, word for word (mutation testing, issue 17) ---------


def test_the_timeline_states_every_rule_it_applied_with_its_parameter() -> None:
    """Issue 4's question "if I fail on the 3rd, when can I retest, and does my third
    attempt still fit before my course expires?": the timeline answers it in words, each
    step naming the parameter it applied and that parameter's confidence. NREMT: "If you
    are unsuccessful you can retest 15 days after the last attempt"; "Authorizations to Test
    (ATT) for National EMS Certification will be valid for up to 90 days from the date of
    issuance"."""
    course = ep.CourseCompletion(D(2024, 1, 5))
    timeline = ep.plan_attempts(
        course, D(2026, 1, 10), authorization_issued_on=D(2025, 12, 1), program=ep.NREMT_EMR
    )
    assert str(timeline).splitlines()[6:] == [
        "    - 3 attempts under one course, 0 used; after the last, a new full course, which "
        "starts a fresh count. [attempt_limit; secondary]",
        "    - Course completed 2024-01-05 qualifies for testing through 2026-01-31. "
        "[course_validity; primary]",
        "    - Each result is expected 2 business days after its exam (an expectation, not a "
        "guarantee). [result_posting; secondary]",
        "    - Each retest on its earliest date: 15 calendar days after the last attempt, "
        "counted from the attempt date, not the result date. [retest_wait; secondary]",
        "    - One authorization to test per attempt (valid up to 90 days from issue, ending "
        "no later than the course expiration date); each retest's is planned as applied for "
        "on the previous result's expected date. [authorization; primary]",
        "    - Attempt 3 could not be taken before 2026-02-09, after the course stops "
        "qualifying on 2026-01-31; it needs a new full course, which starts a fresh count. "
        "[course_validity; primary]",
        "    - A first planned attempt on or before 2026-01-01 leaves room for all 3 remaining "
        "attempts before 2026-01-31. [course_validity; primary]",
        "2 of 3 remaining attempts fit | latest first attempt leaving room for all: 2026-01-01 "
        "| weakest source: secondary",
    ]
    assert repr(timeline) == (
        "<AttemptTimeline nremt-emr first_attempt_on=2026-01-10 attempts=3 all_fit=False "
        "latest_first_attempt_on=2026-01-01>"
    )
    assert timeline.confidence is ep.Confidence.SECONDARY
    html = timeline._repr_html_()
    assert "attempts, course qualifies through 2026-01-31" in html
    assert html.count("<li>") == 7
    assert "2 of 3 remaining attempts fit" in html


def test_the_last_attempt_alone_is_one_remaining_attempt_and_its_authorization_unchecked() -> None:
    """With two of NREMT's "three attempts" used, one remains: the timeline speaks of it in
    the singular, gives no retest step, and says the first attempt's authorization is not
    checked when none was given."""
    course = ep.CourseCompletion(D(2024, 1, 5))
    timeline = ep.plan_attempts(course, D(2026, 1, 28), attempts_used=2, program=ep.NREMT_EMR)
    lines = str(timeline).splitlines()
    assert lines[0].endswith("; 2 of 3 used")
    assert [r.code for r in timeline.reasons] == [
        "attempt_limit",
        "course_window",
        "result_posting",
        "authorization_per_attempt",
        "latest_first_attempt",
    ]
    assert timeline.reasons[3].message.endswith(
        "on the previous result's expected date; the first attempt's is not checked."
    )
    assert timeline.reasons[4].message == (
        "A first planned attempt on or before 2026-01-31 leaves room for the 1 remaining "
        "attempt before 2026-01-31."
    )
    assert lines[-1] == (
        "1 of 1 remaining attempt fits | latest first attempt leaving room for all: "
        "2026-01-31 | weakest source: secondary"
    )


def test_the_plan_text_gives_the_score_the_dates_the_buckets_and_the_rules() -> None:
    """NREMT: "If you are unsuccessful you can retest 15 days after the last attempt"; the
    seed: "Use the mandatory 15-day waiting period to attack the one or two buckets that
    cost you the most, then retest." The plan's text shows the failed attempt, its score
    against the passing point, both retest dates, the course window, the attempts, every
    bucket with its fix, and each rule applied with its parameter."""
    attempt = failed(D(2025, 7, 11), 905)
    plan = retake_plan(
        log_of("scope", "pacing"),
        attempt,
        candidate(attempt),
        as_of=D(2025, 7, 14),
        program=ep.NREMT_EMR,
    )
    assert str(plan).splitlines()[:18] == [
        "nremt-emr retake plan on 2025-07-14",
        "  failed attempt            2025-07-11",
        "  scaled score              905 (45 below passing)",
        "  earliest retest           2025-07-26",
        "  next attempt              2025-07-26",
        "  course qualifies through  2027-05-31",
        "  attempts                  1 used, 2 left",
        "  bucket                 misses  focus  fix",
        "  ---------------------  ------  -----  -------------------------------",
        "  domain knowledge gaps       0         focused content review",
        "  sequence errors             0         priority-ladder drills",
        "  scope errors                1  yes    the can/cannot list memorized",
        "  reading errors              0         slower, deliberate stem reading",
        "  pacing errors               1  yes    timed practice",
        "    - The result of the attempt on 2025-07-11 is expected on 2025-07-15 (2 business "
        "days after the exam; an expectation, not a guarantee). [result_posting; secondary]",
        "    - Retest allowed from 2025-07-26 (15 calendar days after the last attempt). "
        "[retest_wait; secondary]",
        "    - Attempt 2 of 3 may be taken from 2025-07-26 through 2027-05-31. "
        "[attempt_limit; secondary]",
        "    - Use the wait (15 calendar days after the last attempt) on the buckets that cost "
        "the most, then retest: scope errors: the can/cannot list memorized (1 missed); "
        "pacing errors: timed practice (1 missed). [retest_wait; secondary]",
    ]
    assert str(plan).splitlines()[18].startswith("  nremt-emr attempts: course completed")
    assert str(plan).splitlines()[-1] == plan.summary()
    assert repr(plan) == (
        "<RetakePlan nremt-emr as_of=2025-07-14 next_attempt_on=2025-07-26 "
        "attempts_remaining=2 focus=['scope', 'pacing']>"
    )
    html = plan._repr_html_()
    assert html.startswith("<div ")
    assert "<strong>nremt-emr</strong> retake plan on 2025-07-14" in html
    assert html.count("<table ") == 2  # the buckets, then the timeline
    assert html.count("<li>") == 4
    assert html.index(">timed practice</td>") < html.index(">2025-08-10</td>")
    assert f">{plan.summary()}</p>" in html


def test_after_the_last_attempt_the_plan_says_what_comes_first_and_offers_no_retest() -> None:
    """Seed: "three attempts before a full EMR refresher course is required": the plan
    names the new course first, drops the retest wait, and offers no date."""
    attempts = [failed(D(2025, 7, 11)), failed(D(2025, 7, 28)), failed(D(2025, 8, 20), 930)]
    plan = retake_plan(
        log_of("reading"),
        attempts[-1],
        candidate(*attempts),
        as_of=D(2025, 8, 25),
        program=ep.NREMT_EMR,
    )
    lines = str(plan).splitlines()
    assert lines[3:7] == [
        "  earliest retest           none",
        "  next attempt              none open",
        "  course qualifies through  2027-05-31",
        "  attempts                  3 used, 0 left",
    ]
    assert [(r.code, r.parameter) for r in plan.reasons] == [
        ("attempts_used_up", "attempt_limit"),
        ("retake_focus", "attempt_limit"),
    ]
    assert plan.reasons[1].message == (
        "No further attempt under this course: first a new full course, which starts a fresh "
        "count. Then work on the buckets that cost the most: reading errors: slower, "
        "deliberate stem reading (1 missed)."
    )
    assert plan.reasons[1].citation == ep.NREMT_EMR.attempt_limit.at(D(2025, 5, 2)).citation
    assert not plan.fits_course_window
    assert plan.earliest_retest_on is None
    assert repr(plan) == (
        "<RetakePlan nremt-emr as_of=2025-08-25 next_attempt_on=None attempts_remaining=0 "
        "focus=['reading']>"
    )
    assert plan._repr_html_().count("<table ") == 1  # the buckets; no timeline


def test_an_empty_log_says_to_classify_the_misses_citing_the_seed() -> None:
    """Seed: "attack the one or two buckets that cost you the most, then retest": with no
    misses logged there is no bucket to attack, and the reason says how to fill the log."""
    attempt = failed(D(2025, 7, 11), None)
    plan = retake_plan(
        ErrorLog(), attempt, candidate(attempt), as_of=D(2025, 7, 11), program=ep.NREMT_EMR
    )
    reason = plan.reasons[-1]
    assert (reason.code, reason.parameter) == ("nothing_logged", None)
    assert reason.message == (
        "The error log holds no misses, so no bucket can be targeted; classify the misses "
        "from the score report and your own notes."
    )
    assert reason.citation is not None
    assert reason.citation.quote == (
        "attack the one or two buckets that cost you the most, then retest."
    )
    assert reason.citation.quote in SEED_FIXES
    assert reason.confidence is ep.Confidence.SECONDARY
    assert "  scaled score" not in str(plan)  # no score reported: no line for it
    assert plan.days_available == 15


def test_a_plan_refusal_names_the_field_the_rule_and_the_limit() -> None:
    """NREMT: "candidates are initially given three attempts to pass the cognitive
    examination": a plan with all three used has nothing to plan, and the refusal says how
    many the program allows and what comes after the last."""
    with raises_emrpath(ep.InvalidRecordError, field="attempts_used", rule="attempt limit") as lim:
        ep.plan_attempts(COURSE, D(2025, 7, 1), attempts_used=3, program=ep.NREMT_EMR)
    assert lim.value.message == (
        "3 attempts used; the program allows 3 under one course, so a plan needs 0 to 2 used "
        "(after the last, a new full course, which starts a fresh count)"
    )
    with raises_emrpath(ep.InputTypeError, field="attempts_used", rule="retake planning") as kind:
        ep.plan_attempts(COURSE, D(2025, 7, 1), attempts_used=True, program=ep.NREMT_EMR)
    assert kind.value.message == "must be an int, got bool"
    for field, first, issued in (
        ("first_attempt_on", D(2025, 5, 1), None),
        ("authorization_issued_on", D(2025, 7, 1), D(2025, 5, 1)),
    ):
        with raises_emrpath(ep.InvalidRecordError, field=field, rule="course window") as early:
            ep.plan_attempts(COURSE, first, authorization_issued_on=issued, program=ep.NREMT_EMR)
        assert early.value.message == "2025-05-01 is before the course completion 2025-05-02"
    # on the completion day itself both are allowed
    same_day = ep.plan_attempts(
        COURSE, D(2025, 5, 2), authorization_issued_on=D(2025, 5, 2), program=ep.NREMT_EMR
    )
    assert same_day.attempts[0].fits_authorization is True


def test_a_plan_past_the_calendar_or_the_date_range_names_the_argument() -> None:
    """design.md: every bad input raises an EmrpathError naming the field: a course whose
    24-month window ends past year 9999 is the course's, a result date past the business
    calendar's last year is the first attempt's (every planned date steps from it)."""
    with raises_emrpath(ep.CalendarRangeError, field="course", rule="course window"):
        ep.plan_attempts(ep.CourseCompletion(D(9998, 1, 1)), D(9998, 12, 1), program=ep.NREMT_EMR)
    with raises_emrpath(
        ep.CalendarRangeError, field="first_attempt_on", rule="business day"
    ) as late:
        ep.plan_attempts(ep.CourseCompletion(D(2100, 1, 1)), D(2100, 12, 31), program=ep.NREMT_EMR)
    assert "2100-12-31" in late.value.message


def test_a_retake_refusal_says_why() -> None:
    """A retake is planned after the latest attempt, for a failed one, from its own log."""
    first, second = failed(D(2025, 7, 11)), failed(D(2025, 7, 28))
    for person in (candidate(first, second), candidate()):
        with raises_emrpath(
            ep.InvalidRecordError, field="failed_attempt", rule="retake planning"
        ) as last:
            retake_plan(log_of(), first, person, as_of=D(2025, 8, 1), program=ep.NREMT_EMR)
        assert last.value.message == (
            "must be the candidate's last attempt; a retake is planned after the latest one"
        )
    passed = ep.ExamAttempt(D(2025, 7, 11), passed=True)
    with raises_emrpath(
        ep.InvalidRecordError, field="failed_attempt.passed", rule="retake planning"
    ) as pass_:
        retake_plan(log_of(), passed, candidate(passed), as_of=D(2025, 8, 1), program=ep.NREMT_EMR)
    assert pass_.value.message == "is a passed attempt; there is nothing to retake"
    dated = ErrorLog([Miss("scope")], attempt_on=D(2025, 7, 11))
    with raises_emrpath(
        ep.InvalidRecordError, field="log.attempt_on", rule="retake planning"
    ) as other:
        retake_plan(
            dated, second, candidate(first, second), as_of=D(2025, 8, 1), program=ep.NREMT_EMR
        )
    assert other.value.message == (
        "the log is for the attempt on 2025-07-11, not the failed attempt on 2025-07-28"
    )
    # a log dated for the failed attempt itself is accepted
    own = ErrorLog([Miss("scope")], attempt_on=D(2025, 7, 28))
    plan = retake_plan(
        own, second, candidate(first, second), as_of=D(2025, 8, 1), program=ep.NREMT_EMR
    )
    assert plan.failed_on == D(2025, 7, 28)
    with raises_emrpath(ep.InputTypeError, field="Miss.note", rule="retake planning"):
        Miss("scope", note=None)  # type: ignore[arg-type]
    assert Miss("scope").note == ""


def two_day_wait(days: int = 2) -> ep.Program:
    """NREMT EMR with a toy retest wait of ``days`` (2: shorter than its 2-business-day
    results)."""
    cite = ep.Citation(url="https://example.org/wait", quote="retest after two days", title="Toy")
    wait = Param.single(
        "retest_wait",
        "Wait between a cognitive attempt and the earliest retest",
        FixedDaysWait(days=days),
        effective_from=D(2000, 1, 1),
        citation=cite,
        confidence=ep.Confidence.PRIMARY,
    )
    return attrs.evolve(ep.NREMT_EMR, retest_wait=wait)


def test_a_result_due_on_the_retest_date_is_said_not_moved() -> None:
    """Module docstring: "Should a program's result come on or after the next earliest date,
    the timeline says so in a reason rather than moving the date." A Monday attempt's
    result is due Wednesday, the day a 2-day wait allows the retest."""
    timeline = ep.plan_attempts(
        ep.CourseCompletion(D(2025, 5, 2)), D(2025, 7, 7), program=two_day_wait()
    )
    assert [a.earliest_on for a in timeline.attempts] == [
        D(2025, 7, 7),
        D(2025, 7, 9),
        D(2025, 7, 11),
    ]
    late = [r for r in timeline.reasons if r.code == "result_after_retest_date"]
    assert [(r.message, r.parameter, r.confidence) for r in late] == [
        (
            "The result of attempt 1 is expected 2025-07-09, not before attempt 2 could be "
            "taken on 2025-07-09.",
            "retest_wait",
            ep.Confidence.PRIMARY,
        ),
        (
            "The result of attempt 2 is expected 2025-07-11, not before attempt 3 could be "
            "taken on 2025-07-11.",
            "retest_wait",
            ep.Confidence.PRIMARY,
        ),
    ]
    assert late[0].citation is not None
    assert late[0].citation.quote == "retest after two days"
    # NREMT's own 15 days leave room for its 2-business-day results: nothing to say
    shipped = ep.plan_attempts(
        ep.CourseCompletion(D(2025, 5, 2)), D(2025, 7, 7), program=ep.NREMT_EMR
    )
    assert "result_after_retest_date" not in [r.code for r in shipped.reasons]


def test_an_authorization_applied_for_after_the_course_expired_does_not_fit() -> None:
    """NREMT: an ATT is "valid for up to 90 days from the date of issuance", and it ends no
    later than the course expiration date (policy-facts: "cut off at the course expiration
    date"): one applied for on the course's last day covers that day only; one applied for
    after it covers nothing, and has no last day."""
    course = ep.CourseCompletion(D(2024, 1, 5))  # qualifies through 2026-01-31
    last_day = ep.plan_attempts(
        course, D(2026, 1, 31), authorization_issued_on=D(2026, 1, 31), program=ep.NREMT_EMR
    ).attempts[0]
    assert (last_day.fits_authorization, last_day.authorization_expires_on) == (
        True,
        D(2026, 1, 31),
    )
    timeline = ep.plan_attempts(
        course, D(2026, 1, 29), authorization_issued_on=D(2026, 1, 2), program=ep.NREMT_EMR
    )
    first, second = timeline.attempts[:2]
    assert first.expected_result_on == D(2026, 2, 2)  # after the course's last day
    assert (second.fits_authorization, second.authorization_expires_on) == (False, None)
    assert timeline.text_lines()[4].split()[-2:] == ["no", "no"]


def test_after_three_emt_failures_the_plan_puts_the_remedial_training_first() -> None:
    """NREMT EMT: "if you fail three times, a remedial training program is required before
    you can retake the exam"; "EMT: 24 hours or completion of the 20 hour National
    Continued Competency Program (NCCP)." The plan names the training before attempt 4,
    cites the attempt limit, and the timeline counts six attempts with the training
    between the third and the fourth."""
    completed = D(2025, 1, 10)
    days = [completed + dt.timedelta(days=20 + 15 * i) for i in range(3)]
    attempts = [failed(day, 900) for day in days]
    person = ep.Candidate(
        course=ep.CourseCompletion(completed, verified_on=completed),
        attempts=attempts,
        skills=ep.SkillsCompetency(completed),
    )
    plan = retake_plan(
        log_of("sequence"), attempts[-1], person, as_of=D(2025, 6, 1), program=ep.NREMT_EMT
    )
    focus = plan.reasons[-1]
    assert (focus.code, focus.parameter, focus.confidence) == (
        "retake_focus",
        "attempt_limit",
        ep.Confidence.SECONDARY,
    )
    assert focus.message == (
        "Before attempt 4, first complete and document 24 hours of remedial training, or the "
        "20-hour national continuing-education component (it does not extend the course). "
        "Aim it, and the study around it, at the buckets that cost the most: sequence errors "
        "(1 missed). The nremt-emt program ships no retake advice: no study fix is given."
    )
    assert focus.citation == ep.NREMT_EMT.attempt_limit.at(completed).citation
    assert plan.timeline is not None
    assert [a.number for a in plan.timeline.attempts] == [4, 5, 6]
    assert plan.timeline.reasons[0].message == (
        "6 attempts under one course, 3 used; before attempt 4, 24 hours of remedial "
        "training, or the 20-hour national continuing-education component; after the last, "
        "a new full course, which starts a fresh count."
    )


def test_no_first_attempt_date_leaves_room_when_the_waits_outrun_the_course() -> None:
    """Module docstring: the timeline gives "the latest first-attempt date that still leaves
    room for every remaining attempt", and says so when none does: two 400-day waits do
    not fit in NREMT's 24-month course window even from the completion day (and the
    second attempt, 400 days on, is past the 90 days of its authorization: one fits)."""
    course = ep.CourseCompletion(D(2024, 1, 5))
    timeline = ep.plan_attempts(course, D(2024, 1, 5), program=two_day_wait(400))
    assert timeline.latest_first_attempt_on is None
    assert timeline.summary() == (
        "1 of 3 remaining attempts fits | latest first attempt leaving room for all: none "
        "| weakest source: secondary"
    )
    assert timeline.reasons[-1].message == (
        "No first-attempt date leaves room for all 3 remaining attempts before 2026-01-31."
    )


def test_a_program_without_advice_shows_an_empty_fix_column() -> None:
    """ASCP ships no retake advice (the seed's fixes are NREMT EMR study advice): the
    plan's bucket table leaves the fix column empty rather than inventing one, and its
    notebook view right-aligns the counts under the same four headings."""
    course = ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 10), route="route 1")
    attempt = ep.ExamAttempt(D(2025, 3, 3), passed=False, scaled_score=350)
    plan = retake_plan(
        log_of("reading"),
        attempt,
        ep.Candidate(course, [attempt]),
        as_of=D(2025, 3, 10),
        program=ep.ASCP_MLS,
    )
    assert str(plan).splitlines()[7:14] == [
        "  bucket                 misses  focus  fix",
        "  ---------------------  ------  -----  ---",
        "  domain knowledge gaps       0",
        "  sequence errors             0",
        "  scope errors                0",
        "  reading errors              1  yes",
        "  pacing errors               0",
    ]
    html = plan._repr_html_()
    heads = re.findall(r'<th style="text-align:(\w+)[^>]*>([^<]*)</th>', html)
    assert heads[:4] == [
        ("left", "bucket"),
        ("right", "misses"),
        ("left", "focus"),
        ("left", "fix"),
    ]


def test_a_plan_with_no_attempt_open_shows_no_timeline_in_the_notebook() -> None:
    """Seed: "three attempts before a full EMR refresher course is required": with none
    open the notebook view ends with the reasons and the summary, and no timeline."""
    attempts = [failed(D(2025, 7, 11)), failed(D(2025, 7, 28)), failed(D(2025, 8, 20))]
    plan = retake_plan(
        log_of("reading"),
        attempts[-1],
        candidate(*attempts),
        as_of=D(2025, 8, 25),
        program=ep.NREMT_EMR,
    )
    html = plan._repr_html_()
    assert re.search(r"</li></ul><p [^>]*>retest from: none \| ", html)


# -- survivors of the run at 6637ea8 with the examples' globals fixed (issue 17) ---------------


def test_each_retake_argument_is_refused_by_its_own_name_under_retake_planning() -> None:
    """design.md: "Every bad input raises a subclass of EmrpathError naming the field and
    the rule": each argument of retake_plan of the wrong type names itself and the rule
    "retake planning"."""
    attempt = failed(D(2025, 7, 11))
    person = candidate(attempt)
    args: dict[str, Any] = {
        "log": log_of("scope"),
        "failed_attempt": attempt,
        "candidate": person,
        "program": ep.NREMT_EMR,
    }
    for field, wrong, message in (
        ("program", "nremt-emr", "expected a Program such as emrpath.NREMT_EMR"),
        ("log", [Miss("scope")], "expected a ErrorLog, got list"),
        ("failed_attempt", "2025-07-11", "expected a ExamAttempt, got str"),
        ("candidate", COURSE, "expected a Candidate, got CourseCompletion"),
    ):
        given = {**args, field: wrong}
        with raises_emrpath(ep.InputTypeError, field=field, rule="retake planning") as info:
            retake_plan(
                given["log"],
                given["failed_attempt"],
                given["candidate"],
                as_of=D(2025, 7, 14),
                program=given["program"],
            )
        assert info.value.message.startswith(message)


def test_each_timeline_argument_is_refused_by_its_own_name_under_retake_planning() -> None:
    """design.md: "Every bad input raises a subclass of EmrpathError naming the field and
    the rule": plan_attempts' course and authorization date, and each argument of
    timeline_after, name themselves and "retake planning"; a decision under another
    program is refused saying both programs."""
    from emrpath.planning import timeline_after

    with raises_emrpath(ep.InputTypeError, field="course", rule="retake planning") as course:
        ep.plan_attempts(D(2025, 5, 2), D(2025, 7, 1), program=ep.NREMT_EMR)  # type: ignore[arg-type]
    assert course.value.message == "expected a CourseCompletion, got date"
    for issued in ("2025-06-01", dt.datetime(2025, 6, 1, 9)):
        kind = ep.InputTypeError if isinstance(issued, str) else ep.NaiveDatetimeError
        with raises_emrpath(kind, field="authorization_issued_on", rule="retake planning"):
            ep.plan_attempts(
                COURSE,
                D(2025, 7, 1),
                authorization_issued_on=issued,  # type: ignore[arg-type]
                program=ep.NREMT_EMR,
            )
    person = candidate(failed(D(2025, 7, 11)))
    status = ep.evaluate(person, as_of=D(2025, 7, 14), program=ep.NREMT_EMR)
    with raises_emrpath(ep.InputTypeError, field="program", rule="retake planning"):
        timeline_after(person, status, program="nremt-emr")  # type: ignore[arg-type]
    with raises_emrpath(ep.InputTypeError, field="candidate", rule="retake planning") as who:
        timeline_after(COURSE, status, program=ep.NREMT_EMR)  # type: ignore[arg-type]
    assert who.value.message == "expected a Candidate, got CourseCompletion"
    with raises_emrpath(ep.InputTypeError, field="decision", rule="retake planning") as what:
        timeline_after(person, status.gates, program=ep.NREMT_EMR)  # type: ignore[arg-type]
    assert what.value.message == "expected a PathwayDecision, got tuple"
    with raises_emrpath(
        ep.InvalidRecordError, field="decision.program", rule="retake planning"
    ) as other:
        timeline_after(person, status, program=ep.ASCP_MLS)
    assert other.value.message == (
        "the decision is under 'nremt-emr', not 'ascp-mls'; plan under the program that decided it"
    )


def test_with_no_attempt_left_the_focus_is_as_sure_as_the_attempt_limit() -> None:
    """Seed: "three attempts before a full EMR refresher course is required": the focus
    after the last attempt applies NREMT's attempt limit, a secondary source, so it is no
    surer than that."""
    attempts = [failed(D(2025, 7, 11)), failed(D(2025, 7, 28)), failed(D(2025, 8, 20))]
    plan = retake_plan(
        log_of("reading"),
        attempts[-1],
        candidate(*attempts),
        as_of=D(2025, 8, 25),
        program=ep.NREMT_EMR,
    )
    focus = plan.reasons[-1]
    assert (focus.code, focus.parameter) == ("retake_focus", "attempt_limit")
    assert ep.NREMT_EMR.attempt_limit.at(COURSE.completed_on).confidence is ep.Confidence.SECONDARY
    assert focus.confidence is ep.Confidence.SECONDARY


def test_a_retest_past_the_course_drops_the_wait_and_says_why() -> None:
    """design.md: "earliest retest = last attempt date + 15 calendar days"; when that falls
    after the course stops qualifying no retest is offered, so the plan gives no retest
    wait, only the course expiry that closes the count and what to do first."""
    plan = _plan_past_the_course()
    assert [(r.code, r.parameter) for r in plan.reasons] == [
        ("result_expected", "result_posting"),
        ("retest_after_course_expiry", "course_validity"),
        ("retake_focus", "attempt_limit"),
    ]


def test_a_retest_on_the_courses_last_day_fits_its_window() -> None:
    """NREMT: "valid through the last day of the completion month, 24 months later"; the
    retest is "15 days after the last attempt": a failure on 16 January 2026 under a course
    that qualifies through 31 January may be retaken on the 31st, and the plan says it
    fits; a day later it is past the window."""
    course = ep.CourseCompletion(D(2024, 1, 5), verified_on=D(2024, 1, 8))
    attempt = failed(D(2026, 1, 16))
    plan = retake_plan(
        log_of("scope"),
        attempt,
        candidate(attempt, course=course),
        as_of=D(2026, 1, 20),
        program=ep.NREMT_EMR,
    )
    assert plan.earliest_retest_on == D(2026, 1, 31) == plan.course_expires_on
    assert plan.next_attempt_on == D(2026, 1, 31)
    assert plan.fits_course_window is True
    later = failed(D(2026, 1, 17))
    past = retake_plan(
        log_of("scope"),
        later,
        candidate(later, course=course),
        as_of=D(2026, 1, 20),
        program=ep.NREMT_EMR,
    )
    assert (past.earliest_retest_on, past.fits_course_window) == (None, False)


def sure(program: ep.Program, **secondary: Param[Any]) -> ep.Program:
    """``program`` with every parameter primary, no retake advice, and ``secondary`` in."""
    primary = {
        p.name: Param(
            p.name,
            p.description,
            [attrs.evolve(x, confidence=ep.Confidence.PRIMARY) for x in p.provisions],
        )
        for p in program.parameters()
    }
    return attrs.evolve(program, **{**primary, "retake_advice": None, **secondary})


def test_the_plan_is_no_surer_than_its_timeline_or_its_status() -> None:
    """RetakePlan.confidence: "The weakest confidence among the parameters and sources
    read": a result posting re-sourced, secondarily, from a day after the plan is read only
    by the timeline, and a secondary verification rule only by evaluate(); either makes the
    plan secondary though every reason the plan gives is primary."""
    attempt = failed(D(2025, 7, 11))
    person = candidate(attempt)
    base = sure(ep.NREMT_EMR)
    posting = base.result_posting
    later = attrs.evolve(
        posting.provisions[0],
        effective_from=D(2025, 7, 20),
        confidence=ep.Confidence.SECONDARY,
        citation=ep.Citation(url="https://example.org/results", quote="two days", title="Toy"),
    )
    resourced = attrs.evolve(
        base,
        result_posting=Param(posting.name, posting.description, [*posting.provisions, later]),
    )
    verification = base.verification_required
    unsure = sure(
        ep.NREMT_EMR,
        verification_required=Param(
            verification.name,
            verification.description,
            [attrs.evolve(x, confidence=ep.Confidence.SECONDARY) for x in verification.provisions],
        ),
    )
    plans = {
        name: retake_plan(log_of("scope"), attempt, person, as_of=D(2025, 7, 14), program=program)
        for name, program in (("base", base), ("timeline", resourced), ("status", unsure))
    }
    assert plans["base"].confidence is ep.Confidence.PRIMARY
    for name in ("timeline", "status"):
        plan = plans[name]
        assert {r.confidence for r in plan.reasons} == {ep.Confidence.PRIMARY}
        assert plan.confidence is ep.Confidence.SECONDARY, name
    assert plans["timeline"].timeline is not None
    assert plans["timeline"].timeline.confidence is ep.Confidence.SECONDARY


def test_two_remaining_attempts_state_the_retest_wait() -> None:
    """NREMT: "If you are unsuccessful you can retest 15 days after the last attempt":
    with one attempt used, two remain, and the timeline states the wait between them."""
    timeline = ep.plan_attempts(COURSE, D(2025, 7, 11), attempts_used=1, program=ep.NREMT_EMR)
    assert len(timeline.attempts) == 2
    assert [r.code for r in timeline.reasons] == [
        "attempt_limit",
        "course_window",
        "result_posting",
        "retest_wait",
        "authorization_per_attempt",
        "latest_first_attempt",
    ]
    assert timeline.reasons[3].message == (
        "Each retest on its earliest date: 15 calendar days after the last attempt, counted "
        "from the attempt date, not the result date."
    )


def wait_from(program: ep.Program, *provisions: tuple[dt.date, int, ep.Confidence]) -> ep.Program:
    """``program`` with a toy retest wait of ``days`` from each date."""
    return attrs.evolve(
        program,
        retest_wait=Param(
            "retest_wait",
            "Wait between a cognitive attempt and the earliest retest",
            [
                Provision(
                    on,
                    FixedDaysWait(days=days),
                    ep.Citation(url="https://example.org/wait", quote=f"{days} days", title="Toy"),
                    confidence,
                )
                for on, days, confidence in provisions
            ],
        ),
    )


def test_the_retest_wait_is_stated_as_in_force_on_the_first_planned_attempt() -> None:
    """Module docstring: "attempt k+1 is the retest wait after attempt k", read on attempt
    k's date. The wait re-sourced from a day between the first two planned attempts did
    not set the first retest: the timeline states and cites the one in force on the first
    planned attempt's date."""
    program = wait_from(
        ep.NREMT_EMR,
        (D(2000, 1, 1), 15, ep.Confidence.SECONDARY),
        (D(2025, 7, 20), 15, ep.Confidence.PRIMARY),
    )
    timeline = ep.plan_attempts(COURSE, D(2025, 7, 11), program=program)
    assert [a.earliest_on for a in timeline.attempts] == [
        D(2025, 7, 11),
        D(2025, 7, 26),
        D(2025, 8, 10),
    ]
    wait = next(r for r in timeline.reasons if r.code == "retest_wait")
    assert wait.citation is not None
    assert (wait.citation.quote, wait.confidence) == ("15 days", ep.Confidence.SECONDARY)


def test_a_last_retest_on_the_courses_last_day_leaves_room() -> None:
    """AttemptTimeline.latest_first_attempt_on: "The latest date for the first planned
    attempt that still leaves every remaining attempt inside the course window": a course
    through 31 January 2026 and a 757-day wait: the one retest from the completion day
    (5 January 2024) falls on the 31st, inside; with 758 days no date leaves room."""
    course = ep.CourseCompletion(D(2024, 1, 5))
    fits = ep.plan_attempts(course, D(2024, 1, 5), attempts_used=1, program=two_day_wait(757))
    assert fits.attempts[-1].earliest_on == D(2026, 1, 31) == fits.course_expires_on
    assert fits.latest_first_attempt_on == D(2024, 1, 5)
    short = ep.plan_attempts(course, D(2024, 1, 5), attempts_used=1, program=two_day_wait(758))
    assert short.latest_first_attempt_on is None


def test_a_wait_that_shortens_inside_the_window_moves_the_latest_first_attempt_later() -> None:
    """AttemptTimeline.latest_first_attempt_on: "The latest date for the first planned
    attempt that still leaves every remaining attempt inside the course window". With a
    30-day wait that becomes 1 day from 30 January 2026, a first attempt on the 30th is
    retaken on the 31st, the course's last day: that is the latest, not 1 January (which
    a bisection that assumed the wait never shortens gave)."""
    course = ep.CourseCompletion(D(2024, 1, 5))  # qualifies through 2026-01-31
    program = wait_from(
        ep.NREMT_EMR,
        (D(2000, 1, 1), 30, ep.Confidence.PRIMARY),
        (D(2026, 1, 30), 1, ep.Confidence.PRIMARY),
    )
    timeline = ep.plan_attempts(course, D(2024, 1, 5), attempts_used=1, program=program)
    assert timeline.latest_first_attempt_on == D(2026, 1, 30)
    last = ep.plan_attempts(course, D(2026, 1, 30), attempts_used=1, program=program).attempts[-1]
    assert (last.earliest_on, last.fits_course_window) == (D(2026, 1, 31), True)
    # a wait re-sourced inside the window but never short enough: only the completion day
    # (757 days to the 31st) leaves room, and with 758 days none does
    for days, latest in ((757, D(2024, 1, 5)), (758, None)):
        same = wait_from(
            ep.NREMT_EMR,
            (D(2000, 1, 1), days, ep.Confidence.PRIMARY),
            (D(2025, 1, 1), days, ep.Confidence.PRIMARY),
        )
        plan = ep.plan_attempts(course, D(2024, 1, 5), attempts_used=1, program=same)
        assert plan.latest_first_attempt_on == latest


@settings(max_examples=min(settings().max_examples, 25), deadline=None)
@given(
    dates(D(2016, 1, 1), D(2030, 12, 31)),
    st.integers(1, 120),
    st.integers(1, 120),
    st.integers(1, 760),
    st.integers(0, 2),
)
def test_the_latest_first_attempt_is_the_latest_that_fits_whatever_the_wait_does(
    completed: dt.date, before: int, after: int, change: int, used: int
) -> None:
    """AttemptTimeline.latest_first_attempt_on: "The latest date for the first planned
    attempt that still leaves every remaining attempt inside the course window (None: no
    date does)", also when the wait changes inside the window: it is the last day from
    which every remaining attempt fits, tried day by day."""
    program = wait_from(
        ep.NREMT_EMR,
        (D(2000, 1, 1), before, ep.Confidence.PRIMARY),
        (completed + dt.timedelta(days=change), after, ep.Confidence.PRIMARY),
    )
    course = ep.CourseCompletion(completed)
    timeline = ep.plan_attempts(course, completed, program=program, attempts_used=used)
    end = timeline.course_expires_on
    fitting = [
        completed + dt.timedelta(days=k)
        for k in range((end - completed).days + 1)
        if ep.plan_attempts(
            course, completed + dt.timedelta(days=k), program=program, attempts_used=used
        )
        .attempts[-1]
        .fits_course_window
    ]
    assert timeline.latest_first_attempt_on == (fitting[-1] if fitting else None)
