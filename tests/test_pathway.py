"""evaluate(): the gates, the contract fields and their meaning, over generated candidates."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import emrpath as ep
from emrpath import programs
from emrpath.params import Param, Provision
from emrpath.policies import AuthorizationWindow, FixedDaysWait
from emrpath.status import Reason
from tests.errors import raises_emrpath
from tests.strategies import dates

D = dt.date
GATE_ORDER = [
    "course",
    "verification",
    "cpr",
    "authorization",
    "cognitive",
    "skills",
    "certification",
]


def failing(on: dt.date, score: int = 880) -> ep.ExamAttempt:
    return ep.ExamAttempt(on, passed=False, scaled_score=score if on >= D(2023, 6, 1) else None)


@st.composite
def candidates(draw: st.DrawFn) -> tuple[ep.Candidate, dt.date]:
    """A course, 0-3 failed attempts (or a pass) spaced at least 15 days, and an as_of."""
    completed = draw(dates(D(2015, 1, 1), D(2090, 1, 1)))
    course_end = ep.course_expiration_date(completed, program=ep.NREMT_EMR)
    verified = draw(st.one_of(st.none(), st.integers(0, 60)))
    attempts: list[ep.ExamAttempt] = []
    day = completed + dt.timedelta(days=draw(st.integers(0, 200)))
    n_failed = draw(st.integers(0, 3))
    for _ in range(n_failed):
        if day > course_end:
            break
        attempts.append(failing(day))
        day = day + dt.timedelta(days=draw(st.integers(15, 120)))
    if len(attempts) < 3 and day <= course_end and draw(st.booleans()):
        attempts.append(ep.ExamAttempt(day, passed=True))
    skills = draw(st.one_of(st.none(), st.integers(-60, 300)))
    last_fact = max([completed] + [a.taken_on for a in attempts])
    course = ep.CourseCompletion(
        completed,
        verified_on=None if verified is None else completed + dt.timedelta(days=verified),
    )
    skills_rec = (
        None
        if skills is None
        else ep.SkillsCompetency(max(completed, completed + dt.timedelta(days=skills)))
    )
    facts = [last_fact, course.verified_on, skills_rec.passed_on if skills_rec else None]
    earliest_as_of = max(d for d in facts if d is not None)
    as_of = earliest_as_of + dt.timedelta(days=draw(st.integers(0, 1500)))
    return ep.Candidate(course=course, attempts=attempts, skills=skills_rec), as_of


@given(candidates())
def test_contract_fields_mean_what_design_says(case: tuple[ep.Candidate, dt.date]) -> None:
    """design.md: "next_attempt_on is the earliest date on or after as_of on which the rules
    allow the next cognitive attempt. It is None only when the exam is already passed or no
    attempt is possible without a new course" and "remediation_required is true exactly when
    a new course is needed before any further attempt"."""
    candidate, as_of = case
    status = ep.evaluate(candidate, as_of=as_of, program=ep.NREMT_EMR)
    assert [g.name.value for g in status.gates] == GATE_ORDER
    course_end = ep.course_expiration_date(candidate.course.completed_on, program=ep.NREMT_EMR)
    used = len(candidate.attempts)
    # A pass counts only while valid, or once it has earned certification.
    pass_end = (
        None
        if candidate.passed_attempt is None
        else ep.portion_expiration_date(
            candidate.passed_attempt.taken_on, candidate.course.completed_on, program=ep.NREMT_EMR
        )
    )
    earned = status.certified_on is not None and status.certified_on <= as_of
    lapsed = pass_end is not None and as_of > pass_end and not earned
    passed = candidate.passed_attempt is not None and not lapsed
    if status.next_attempt_on is None:
        assert passed or status.remediation_required
    else:
        assert not passed
        assert not status.remediation_required
        assert status.next_attempt_on >= as_of
        assert status.next_attempt_on <= course_end
        if candidate.attempts:
            assert status.next_attempt_on >= ep.earliest_retest_date(
                candidate.attempts[-1].taken_on, program=ep.NREMT_EMR
            )
            assert status.next_attempt_on == max(
                as_of,
                ep.earliest_retest_date(candidate.attempts[-1].taken_on, program=ep.NREMT_EMR),
            )
        else:
            assert status.next_attempt_on == as_of
    if not passed:
        expected_block = (
            used >= 3
            or as_of > course_end
            or (
                bool(candidate.attempts)
                and ep.earliest_retest_date(candidate.attempts[-1].taken_on, program=ep.NREMT_EMR)
                > course_end
            )
        )
        assert status.remediation_required == expected_block
        assert status.attempts_remaining == (0 if expected_block else 3 - used)
    else:
        assert not status.remediation_required
        assert status.attempts_remaining == 0
    assert status.attempts_used == used


@given(candidates())
def test_certified_exactly_when_every_requirement_is_on_file(
    case: tuple[ep.Candidate, dt.date],
) -> None:
    """design.md: "certified is true on as_of when the course is verified, a cognitive attempt
    is passed and a skills competency is passed, each still valid [...] and as_of is on or
    after the expected certification date: the later of the passing attempt's expected result
    date and the dates the other requirements were completed"."""
    candidate, as_of = case
    status = ep.evaluate(candidate, as_of=as_of, program=ep.NREMT_EMR)
    passed = candidate.passed_attempt
    ready = (
        passed is not None
        and candidate.course.verified_on is not None
        and candidate.skills is not None
    )
    if not ready:
        assert not status.certified
        assert status.certified_on is None
        return
    assert passed is not None
    assert candidate.skills is not None
    assert candidate.course.verified_on is not None
    on = max(
        ep.expected_result_date(passed.taken_on, program=ep.NREMT_EMR),
        candidate.course.verified_on,
        candidate.skills.passed_on,
    )
    completed = candidate.course.completed_on
    valid = on <= ep.portion_expiration_date(
        passed.taken_on, completed, program=ep.NREMT_EMR
    ) and on <= (  # type: ignore[operator]
        ep.portion_expiration_date(candidate.skills.passed_on, completed, program=ep.NREMT_EMR)  # type: ignore[operator]
    )
    if not valid:
        assert not status.certified
        return
    assert status.certified_on == on
    expires = ep.initial_expiration_date(on, program=ep.NREMT_EMR)
    assert status.certification_expires_on == expires
    assert expires is not None
    assert status.certified == (on <= as_of <= expires)


@given(candidates(), st.integers(1, 400))
def test_a_later_as_of_never_restores_attempts(
    case: tuple[ep.Candidate, dt.date], later: int
) -> None:
    """ "3 attempts per course completion": waiting never gives attempts back, and once a new
    course is required, it stays required. (While a pass is valid no attempt is needed, so
    none remain; if it lapses, the attempts the course had left are open again, never more.)"""
    candidate, as_of = case
    first = ep.evaluate(candidate, as_of=as_of, program=ep.NREMT_EMR)
    second = ep.evaluate(candidate, as_of=as_of + dt.timedelta(days=later), program=ep.NREMT_EMR)
    assert second.attempts_used == first.attempts_used
    assert second.attempts_remaining <= 3 - second.attempts_used
    if first.gate(ep.GateName.COGNITIVE).state is not ep.GateState.MET:
        assert second.attempts_remaining <= first.attempts_remaining
    assert first.remediation_required <= second.remediation_required
    if first.next_attempt_on and second.next_attempt_on:
        assert second.next_attempt_on >= first.next_attempt_on


@given(candidates())
def test_every_reason_is_cited_and_confidence_is_the_weakest(
    case: tuple[ep.Candidate, dt.date],
) -> None:
    """Principle 3: "A rule returns a value object carrying the outcome, the reasons (each
    with the rule's citation), and the weakest confidence among the parameters it read"."""
    candidate, as_of = case
    status = ep.evaluate(candidate, as_of=as_of, program=ep.NREMT_EMR)
    cited = [r for r in status.reasons if r.parameter is not None]
    assert cited
    for reason in cited:
        assert isinstance(reason.citation, ep.Citation)
        assert reason.confidence >= status.confidence
    # The retest wait and posting delay are secondary-only, and every pathway reads one.
    assert status.confidence is ep.Confidence.SECONDARY


# -- scenarios quoting the sources -----------------------------------------------------------

COURSE = ep.CourseCompletion(D(2025, 5, 2), verified_on=D(2025, 5, 9))
SKILLS = ep.SkillsCompetency(D(2025, 4, 28))


def test_three_failures_require_a_new_course() -> None:
    """Seed: "Failing candidates must wait 15 days between attempts and have three attempts
    before a complete EMR refresher course is required"; open-exam-prep: "After three failed
    attempts, the candidate must complete a new, full EMR course"."""
    candidate = ep.Candidate(
        course=COURSE,
        attempts=[failing(D(2025, 6, 2)), failing(D(2025, 6, 20)), failing(D(2025, 7, 10))],
        skills=SKILLS,
    )
    status = ep.evaluate(candidate, as_of=D(2025, 7, 30), program=ep.NREMT_EMR)
    assert status.remediation_required
    assert status.next_attempt_on is None
    assert status.attempts_remaining == 0
    assert status.gate("cognitive").state is ep.GateState.BLOCKED
    assert any(r.code == "attempts_used_up" for r in status.reasons)
    assert status.gate("certification").state is ep.GateState.BLOCKED


def test_the_day_after_a_third_failure_explains_the_pending_result_too() -> None:
    """Secondary sources: a result posts "1-2 business days" after the exam; seed: "three
    attempts before a complete EMR refresher course is required". The day after the third
    failure the cognitive gate gives both steps, in order: the last result is still
    expected, and the attempts are used up."""
    candidate = ep.Candidate(
        course=COURSE,
        attempts=[failing(D(2025, 6, 2)), failing(D(2025, 6, 20)), failing(D(2025, 7, 10))],
        skills=SKILLS,
    )
    cognitive = ep.evaluate(candidate, as_of=D(2025, 7, 11), program=ep.NREMT_EMR).gate(
        ep.GateName.COGNITIVE
    )
    assert cognitive.state is ep.GateState.BLOCKED
    assert [r.code for r in cognitive.reasons] == ["result_expected", "attempts_used_up"]
    assert cognitive.reasons[0].message == (
        "The result of the attempt on 2025-07-10 is expected on 2025-07-14 (2 business days "
        "after the exam; an expectation, not a guarantee)."
    )


def test_a_new_course_starts_a_fresh_count() -> None:
    """design.md: "a new full EMR course is completed, which starts a fresh count of 3"."""
    old = ep.PriorCourse(
        course=COURSE,
        attempts=[failing(D(2025, 6, 2)), failing(D(2025, 6, 20)), failing(D(2025, 7, 10))],
    )
    candidate = ep.Candidate(course=ep.CourseCompletion(D(2025, 12, 12)), history=[old])
    status = ep.evaluate(candidate, as_of=D(2026, 1, 5), program=ep.NREMT_EMR)
    assert status.attempts_remaining == 3
    assert status.next_attempt_on == D(2026, 1, 5)


def test_retest_just_before_the_course_expires_is_offered() -> None:
    """ "An attempt after that day is outside the window": a retest landing on the course's
    last day is still inside it (course 2024-01-05 is valid through 2026-01-31)."""
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(2024, 1, 5), verified_on=D(2024, 1, 8)),
        attempts=[failing(D(2026, 1, 16))],
    )
    status = ep.evaluate(candidate, as_of=D(2026, 1, 17), program=ep.NREMT_EMR)
    assert status.next_attempt_on == D(2026, 1, 31)
    assert not status.remediation_required


def test_retest_falling_after_the_course_expires_is_not_offered() -> None:
    """design.md: "a next attempt that would fall after the course expires is not offered"."""
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(2024, 1, 5), verified_on=D(2024, 1, 8)),
        attempts=[failing(D(2026, 1, 17))],
    )
    status = ep.evaluate(candidate, as_of=D(2026, 1, 18), program=ep.NREMT_EMR)
    assert status.next_attempt_on is None
    assert status.remediation_required
    assert any(r.code == "retest_after_course_expiry" for r in status.reasons)


def test_passed_but_unverified_is_pending_with_the_missing_item_named() -> None:
    """Seed: "a missing course verification or skills sign-off can hold up certification
    even after a passing cognitive result"."""
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 5, 2)),
        attempts=[ep.ExamAttempt(D(2025, 7, 11), passed=True)],
    )
    status = ep.evaluate(candidate, as_of=D(2025, 8, 1), program=ep.NREMT_EMR)
    assert not status.certified
    assert status.next_attempt_on is None
    assert status.gate("verification").state is ep.GateState.PENDING
    assert status.gate("skills").state is ep.GateState.PENDING
    text = str(status)
    assert "Program Director" in text
    assert "skills competency" in text


def test_certification_date_waits_for_the_result_to_post() -> None:
    """design.md: certified "on or after the expected certification date: the later of the
    passing attempt's expected result date and the dates the other requirements were
    completed". Friday 2025-12-05 exam -> result Tuesday 2025-12-09."""
    candidate = ep.Candidate(
        course=COURSE, attempts=[ep.ExamAttempt(D(2025, 12, 5), passed=True)], skills=SKILLS
    )
    assert not ep.evaluate(candidate, as_of=D(2025, 12, 8), program=ep.NREMT_EMR).certified
    status = ep.evaluate(candidate, as_of=D(2025, 12, 9), program=ep.NREMT_EMR)
    assert status.certified
    assert status.certified_on == D(2025, 12, 9)
    assert status.certification_expires_on == D(2028, 9, 30)


def test_expired_skills_block_certification() -> None:
    """Handbook: passed portions "valid for 24 months from the month, day, and year of
    successful completion"."""
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(2023, 3, 1), verified_on=D(2023, 3, 2)),
        attempts=[ep.ExamAttempt(D(2025, 3, 20), passed=True)],
        skills=ep.SkillsCompetency(D(2023, 3, 10)),
    )
    status = ep.evaluate(candidate, as_of=D(2025, 4, 1), program=ep.NREMT_EMR)
    assert not status.certified
    assert status.gate("skills").state is ep.GateState.EXPIRED


def test_records_and_admin_items_are_reported_not_fatal() -> None:
    """design.md: "ATT and CPR records, when a caller supplies them, are checked against the
    attempt dates and reported, and they gate the next attempt"."""
    candidate = ep.Candidate(
        course=COURSE,
        attempts=[failing(D(2025, 7, 11))],
        authorizations=[ep.AuthorizationToTest(D(2025, 7, 20))],
        cpr=ep.CprCredential(expires_on=D(2025, 7, 1)),
        skills=SKILLS,
    )
    status = ep.evaluate(candidate, as_of=D(2025, 7, 21), program=ep.NREMT_EMR)
    codes = {r.code for r in status.reasons}
    assert "attempt_without_authorization" in codes
    assert "attempt_after_cpr_expired" in codes
    assert status.gate("cpr").state is ep.GateState.EXPIRED
    assert status.gate("authorization").state is ep.GateState.MET
    assert status.next_attempt_on == D(2025, 7, 26)


def test_an_attempt_is_covered_by_the_latest_ending_authorization_issued_before_it() -> None:
    """design.md: "ATT and CPR records, when a caller supplies them, are checked against the
    attempt dates and reported". An attempt is covered when any authorization issued on or
    before it is still valid on its day: a later authorization under a shorter window (a
    what-if 30 days from 2025-06-01) does not cut short an earlier one's 90 days."""
    real = ep.NREMT_EMR.authorization.provisions[0]
    shorter = Provision(
        D(2025, 6, 1), AuthorizationWindow(days=30), real.citation, real.confidence
    )
    program = attrs.evolve(
        ep.NREMT_EMR,
        authorization=Param("authorization", "what-if: 30 days from 2025-06-01", (real, shorter)),
    )
    candidate = ep.Candidate(
        course=COURSE,
        # Valid through 2025-08-18 (90 days) and through 2025-07-05 (30 days).
        authorizations=[
            ep.AuthorizationToTest(D(2025, 5, 20)),
            ep.AuthorizationToTest(D(2025, 6, 5)),
        ],
        attempts=[failing(D(2025, 7, 10)), failing(D(2025, 8, 18)), failing(D(2025, 9, 2))],
        skills=SKILLS,
    )
    status = ep.evaluate(candidate, as_of=D(2025, 9, 3), program=program)
    findings = [r for r in status.reasons if r.code == "attempt_without_authorization"]
    assert findings == [
        Reason(
            "attempt_without_authorization",
            "No authorization to test on record covers the attempt on 2025-09-02 "
            f"({shorter.value.describe()}).",
            "authorization",
            shorter.citation,
            shorter.confidence,
        )
    ]


def test_every_authorization_issued_before_an_attempt_is_taken_in() -> None:
    """design.md: "ATT and CPR records, when a caller supplies them, are checked against the
    attempt dates and reported". NREMT: an ATT is "valid for up to 90 days from the date of
    issuance". With two on record before an attempt, the second's 90 days cover it after
    the first's have ended; an attempt after both have ended is the one finding."""
    candidate = ep.Candidate(
        course=COURSE,
        # Valid through 2025-08-18 and through 2025-11-08.
        authorizations=[
            ep.AuthorizationToTest(D(2025, 5, 20)),
            ep.AuthorizationToTest(D(2025, 8, 10)),
        ],
        attempts=[failing(D(2025, 9, 1)), failing(D(2025, 11, 8)), failing(D(2025, 11, 24))],
        skills=SKILLS,
    )
    status = ep.evaluate(candidate, as_of=D(2025, 11, 25), program=ep.NREMT_EMR)
    findings = [r for r in status.reasons if r.code == "attempt_without_authorization"]
    assert [r.message.split(" (")[0] for r in findings] == [
        "No authorization to test on record covers the attempt on 2025-11-24"
    ]


def test_status_prints_and_renders() -> None:
    candidate = ep.Candidate(course=COURSE, attempts=[failing(D(2025, 7, 11))], skills=SKILLS)
    status = ep.evaluate(candidate, as_of=D(2025, 7, 14), program=ep.NREMT_EMR)
    text = str(status)
    assert text.splitlines()[0] == "nremt-emr pathway on 2025-07-14"
    assert "next attempt: 2025-07-26" in text
    assert "<table " in status._repr_html_()
    rows = status.to_rows()
    assert [r["gate"] for r in rows] == GATE_ORDER
    for row, gate in zip(rows, status.gates, strict=True):
        assert row["state"] == gate.state.value
        assert (row["valid_until"], row["expected_on"]) == (gate.valid_until, gate.expected_on)
        assert row["reasons"] == "; ".join(str(r) for r in gate.reasons)
    assert any(len(gate.reasons) > 1 for gate in status.gates)  # so the joint is seen


def test_what_if_with_evolve() -> None:
    """Principle 4: "What-if is attrs.evolve on a record or a program"."""
    candidate = ep.Candidate(course=COURSE, attempts=[failing(D(2025, 7, 11))], skills=SKILLS)
    slower = attrs.evolve(
        ep.NREMT_EMR,
        retest_wait=Param(
            "retest_wait",
            "what-if: 30 days",
            (
                Provision(
                    D(2015, 1, 1),
                    FixedDaysWait(30),
                    ep.NREMT_EMR.retest_wait.provisions[0].citation,
                    ep.Confidence.SECONDARY,
                ),
            ),
        ),
    )
    assert ep.evaluate(candidate, as_of=D(2025, 7, 14), program=slower).next_attempt_on == D(
        2025, 8, 10
    )


# -- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("candidate", "field", "rule"),
    [
        (
            ep.Candidate(course=ep.CourseCompletion(D(2025, 9, 1))),
            "course.completed_on",
            "course window",
        ),
        (
            ep.Candidate(course=COURSE, attempts=[failing(D(2025, 8, 20))]),
            "attempts[0].taken_on",
            "exam attempt",
        ),
        (
            ep.Candidate(course=COURSE, skills=ep.SkillsCompetency(D(2025, 8, 20))),
            "skills.passed_on",
            "skills competency",
        ),
    ],
)
def test_facts_after_as_of_are_refused(candidate: ep.Candidate, field: str, rule: str) -> None:
    """design.md: "an attempt dated before that completion, or after as_of, is an invalid
    record" and "A completion date after as_of is invalid"."""
    with pytest.raises(ep.InvalidRecordError) as info:
        ep.evaluate(candidate, as_of=D(2025, 8, 1), program=ep.NREMT_EMR)
    assert info.value.field == field
    assert info.value.rule == rule


def test_fourth_attempt_under_one_course_is_refused() -> None:
    attempts = [failing(D(2025, 6, 2)), failing(D(2025, 6, 20)), failing(D(2025, 7, 10))]
    candidate = ep.Candidate(course=COURSE, attempts=[*attempts, failing(D(2025, 8, 1))])
    with pytest.raises(ep.InvalidRecordError) as info:
        ep.evaluate(candidate, as_of=D(2025, 8, 2), program=ep.NREMT_EMR)
    assert info.value.field == "attempts[3]"
    assert info.value.rule == "attempt limit"


def test_attempt_after_course_expiry_is_refused() -> None:
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(2024, 1, 5)), attempts=[failing(D(2026, 2, 1))]
    )
    with pytest.raises(ep.InvalidRecordError, match="after the course expired"):
        ep.evaluate(candidate, as_of=D(2026, 2, 2), program=ep.NREMT_EMR)


def test_inconsistent_score_is_refused_with_its_path() -> None:
    candidate = ep.Candidate(course=COURSE, attempts=[failing(D(2025, 7, 1), score=960)])
    with pytest.raises(ep.InvalidRecordError) as info:
        ep.evaluate(candidate, as_of=D(2025, 7, 2), program=ep.NREMT_EMR)
    assert info.value.field == "attempts[0].scaled_score"


@pytest.mark.parametrize("bad", ["2025-08-01", None, 20250801, dt.datetime(2025, 8, 1)])
def test_as_of_must_be_a_date(bad: object) -> None:
    with pytest.raises(ep.InputTypeError) as info:
        ep.evaluate(ep.Candidate(course=COURSE), as_of=bad, program=ep.NREMT_EMR)  # type: ignore[arg-type]
    assert info.value.field == "as_of"


def test_candidate_must_be_a_candidate() -> None:
    with pytest.raises(ep.InputTypeError, match="Candidate"):
        ep.evaluate({"course": None}, as_of=D(2025, 8, 1), program=ep.NREMT_EMR)  # type: ignore[arg-type]


def test_course_before_the_rule_tables_start() -> None:
    with raises_emrpath(
        ep.NoRuleInForceError,
        field="course_validity",
        rule=ep.NREMT_EMR.course_validity.description,
    ):
        ep.evaluate(
            ep.Candidate(course=ep.CourseCompletion(D(2014, 6, 1))),
            as_of=D(2014, 7, 1),
            program=ep.NREMT_EMR,
        )


@given(dates(D(2015, 1, 1), D(2090, 1, 1)), st.integers(0, 400))
def test_aware_as_of_equals_its_new_york_date(completed: dt.date, lag: int) -> None:
    """design.md: "a datetime is accepted only if it is timezone-aware and is converted to
    the program's own timezone before its date is taken"."""
    as_of = completed + dt.timedelta(days=lag)
    candidate = ep.Candidate(course=ep.CourseCompletion(completed))
    late_utc = dt.datetime(as_of.year, as_of.month, as_of.day, 23, 30, tzinfo=dt.timezone.utc)
    ny_date = late_utc.astimezone(__import__("zoneinfo").ZoneInfo("America/New_York")).date()
    assume(ny_date >= completed)
    assert ep.evaluate(candidate, as_of=late_utc, program=ep.NREMT_EMR) == ep.evaluate(
        candidate, as_of=ny_date, program=ep.NREMT_EMR
    )


@given(st.integers(0, 60), st.integers(1, 800))
def test_a_pass_never_counts_past_its_validity_unless_it_earned_certification(
    gap: int, later: int
) -> None:
    """design.md: "certified is true on as_of when the course is verified, a cognitive
    attempt is passed and a skills competency is passed, each still valid on as_of"; and
    "a passed cognitive exam ... stay[s] valid 24 months from the pass date". A pass past
    that date that earned no certification is expired, never met."""
    course = ep.CourseCompletion(D(2024, 1, 10), verified_on=D(2024, 1, 12))
    passed = ep.ExamAttempt(D(2024, 2, 1) + dt.timedelta(days=gap), passed=True)
    candidate = ep.Candidate(course=course, attempts=[passed])  # no skills: never certified
    end = ep.portion_expiration_date(passed.taken_on, course.completed_on, program=ep.NREMT_EMR)
    status = ep.evaluate(candidate, as_of=end + dt.timedelta(days=later), program=ep.NREMT_EMR)
    gate = status.gate(ep.GateName.COGNITIVE)
    assert gate.state is ep.GateState.EXPIRED
    assert gate.valid_until == end
    assert not status.certified
    assert status.next_attempt_on is None
    assert "cognitive_expired" in {r.code for r in gate.reasons}
    # On its last valid day the same pass is still met.
    assert ep.evaluate(candidate, as_of=end, program=ep.NREMT_EMR).gate(
        ep.GateName.COGNITIVE
    ).state is (ep.GateState.MET)


def test_a_pass_that_earned_certification_stays_met_after_its_validity() -> None:
    """A certification already issued keeps the portions that earned it (design.md:
    certification is issued when course verified, cognitive passed and skills passed, each
    still valid)."""
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(2024, 1, 10), verified_on=D(2024, 1, 12)),
        attempts=[ep.ExamAttempt(D(2024, 2, 1), passed=True)],
        skills=ep.SkillsCompetency(D(2024, 1, 20)),
    )
    status = ep.evaluate(candidate, as_of=D(2026, 6, 1), program=ep.NREMT_EMR)
    assert status.certified
    assert status.gate(ep.GateName.COGNITIVE).state is ep.GateState.MET


def test_a_lapsed_pass_leaves_the_remaining_attempts_of_a_course_still_open() -> None:
    """Handbook: "EMR ... examination results are valid for 24 months" and the course
    qualifies "through the last day of the month ... two years" on. A pass on 2024-01-08
    under a course completed 2024-01-05 lapses after 2026-01-08, while the course still
    qualifies through 2026-01-31: attempt 2 of 3 is open, and it can be recorded."""
    course = ep.CourseCompletion(D(2024, 1, 5), verified_on=D(2024, 1, 6))
    lapsed = ep.Candidate(course=course, attempts=[ep.ExamAttempt(D(2024, 1, 8), passed=True)])
    status = ep.evaluate(lapsed, as_of=D(2026, 1, 20), program=ep.NREMT_EMR)
    assert status.gate(ep.GateName.COGNITIVE).state is ep.GateState.EXPIRED
    assert status.next_attempt_on == D(2026, 1, 20)
    assert (status.attempts_remaining, status.remediation_required) == (2, False)
    again = attrs.evolve(
        lapsed,
        attempts=[*lapsed.attempts, ep.ExamAttempt(D(2026, 1, 20), passed=True)],
        skills=ep.SkillsCompetency(D(2026, 1, 21)),
    )
    after = ep.evaluate(again, as_of=D(2026, 1, 27), program=ep.NREMT_EMR)
    assert after.certified
    assert after.certified_on == D(2026, 1, 22)  # 2 business days after the new pass
    with pytest.raises(ep.InvalidRecordError, match="is valid through 2026-01-08") as err:
        ep.evaluate(
            attrs.evolve(lapsed, attempts=[*lapsed.attempts, ep.ExamAttempt(D(2025, 1, 8), True)]),
            as_of=D(2026, 1, 20),
            program=ep.NREMT_EMR,
        )
    assert err.value.field == "attempts[1].taken_on"


def test_an_attempt_after_a_pass_is_refused_through_its_last_valid_day() -> None:
    """A pass "valid for 24 months from the month, day, and year" still counts on its last
    day, so no new attempt may follow it until the day after."""
    course = ep.CourseCompletion(D(2024, 1, 5))
    passed = ep.ExamAttempt(D(2024, 1, 8), passed=True)
    end = ep.portion_expiration_date(passed.taken_on, course.completed_on, program=ep.NREMT_EMR)
    assert end == D(2026, 1, 8)

    def with_retake(on: dt.date) -> ep.Candidate:
        return ep.Candidate(course=course, attempts=[passed, ep.ExamAttempt(on, passed=False)])

    with pytest.raises(ep.InvalidRecordError) as caught:
        ep.evaluate(with_retake(end), as_of=D(2026, 1, 20), program=ep.NREMT_EMR)
    assert (caught.value.field, caught.value.rule) == ("attempts[1].taken_on", "exam attempt")
    assert caught.value.message == (
        "attempt on 2026-01-08 follows a passed attempt on 2024-01-08, which is valid "
        "through 2026-01-08"
    )
    later = ep.evaluate(
        with_retake(end + dt.timedelta(days=1)), as_of=D(2026, 1, 20), program=ep.NREMT_EMR
    )
    assert later.attempts_used == 2


def test_an_attempt_after_a_pass_that_never_lapses_is_refused() -> None:
    """ASCP MLS has no validity limit on a passed exam: nothing may follow a pass."""
    course = ep.CourseCompletion(D(2024, 1, 5), route="route 1")
    candidate = ep.Candidate(
        course=course,
        attempts=[
            ep.ExamAttempt(D(2024, 3, 1), passed=True, scaled_score=500),
            ep.ExamAttempt(D(2026, 3, 1), passed=False, scaled_score=300),
        ],
    )
    with pytest.raises(ep.InvalidRecordError) as caught:
        ep.evaluate(candidate, as_of=D(2026, 6, 1), program=ep.ASCP_MLS)
    assert (caught.value.field, caught.value.rule) == ("attempts[1].taken_on", "exam attempt")
    assert caught.value.message.endswith(
        "follows a passed attempt on 2024-03-01, which has no time limit"
    )


def test_on_a_pass_s_last_valid_day_certification_does_not_ask_for_a_new_pass() -> None:
    """On its last valid day the pass still counts: only the missing skills are named."""
    course = ep.CourseCompletion(D(2024, 1, 5), verified_on=D(2024, 1, 6))
    candidate = ep.Candidate(course=course, attempts=[ep.ExamAttempt(D(2024, 1, 8), True)])
    on_last_day = ep.evaluate(candidate, as_of=D(2026, 1, 8), program=ep.NREMT_EMR)
    (pending,) = [
        r
        for r in on_last_day.gate(ep.GateName.CERTIFICATION).reasons
        if r.code == "certification_pending"
    ]
    assert pending.message == "Certification needs a passed skills competency."
    next_day = ep.evaluate(candidate, as_of=D(2026, 1, 9), program=ep.NREMT_EMR)
    assert "a new cognitive pass (the one on record was valid through 2026-01-08)" in str(
        next_day.gate(ep.GateName.CERTIFICATION).reasons[0]
    )


def test_the_printed_and_html_status_show_every_column() -> None:
    """Principle 3: "Decisions explain themselves": the text and notebook views head their
    columns and fill each gate's dates; the summary answers whether a new course is needed."""
    status = ep.evaluate(
        ep.Candidate(course=ep.CourseCompletion(D(2025, 5, 2))),
        as_of=D(2025, 6, 1),
        program=ep.NREMT_EMR,
    )
    lines = str(status).splitlines()
    assert lines[1] == "gate           state    valid until  expected on"
    assert lines[3] == "course         met      2027-05-31"
    cognitive = next(line for line in lines if line.startswith("cognitive"))
    assert cognitive == "cognitive      pending               2025-06-01"
    head = (
        "<thead><tr><th>gate</th><th>state</th><th>valid until</th><th>expected on</th>"
        "<th>reasons</th></tr></thead>"
    )
    # The structure; the inline styles that keep it left-aligned under a notebook's CSS are
    # tested with the reprs (tests/test_notebook.py).
    view = re.sub(r' style="[^"]*"', "", status._repr_html_())
    assert head in view
    assert "<tr><td>course</td><td>met</td><td>2027-05-31</td><td></td>" in view
    assert " | new course or route needed: no | " in status.summary()
    assert "remedial training due" not in status.summary()


def test_the_summary_says_when_remedial_training_is_due() -> None:
    """NREMT EMT: "After 3 failures the candidate must document remedial training before
    attempt 4"; the one-line summary says so."""
    failed = [ep.ExamAttempt(D(2025, month, 3), False) for month in (2, 3, 4)]
    candidate = ep.Candidate(ep.CourseCompletion(D(2025, 1, 6), D(2025, 1, 7)), attempts=failed)
    status = ep.evaluate(candidate, as_of=D(2025, 5, 1), program=programs.get("nremt-emt"))
    assert status.remedial_training_due
    assert status.summary().endswith(" | remedial training due: yes | weakest source: secondary")


# -- the calendar's end: a refusal names the candidate's attempt, not the calendar's argument --


def test_an_attempt_whose_result_falls_past_the_calendar_is_refused_naming_the_attempt() -> None:
    """design.md: "A calendar raises `EmrpathError` (a `ValueError`) for a date outside the
    years it was built for, instead of answering wrongly." The result of an attempt on
    2100-12-30 is expected two business days later, in 2101: evaluate refuses, naming the
    attempt's date (the value the caller gave), not the calendar's own parameter ``n``."""
    person = ep.Candidate(
        ep.CourseCompletion(D(2100, 10, 1)),
        [
            ep.ExamAttempt(D(2100, 11, 2), passed=False),
            ep.ExamAttempt(D(2100, 12, 30), passed=False),
        ],
    )
    for decide in (ep.evaluate, ep.decide):
        with raises_emrpath(
            ep.CalendarRangeError, field="attempts[1].taken_on", rule="business day"
        ) as info:
            decide(person, as_of=D(2100, 12, 30), program=ep.NREMT_EMR)
        assert info.value.message == (
            "2 business days from 2100-12-30 falls outside this calendar's years (1990-2100)"
        )


@given(
    last=dates(D(2100, 11, 20), D(2100, 12, 31)),
    count=st.integers(1, 3),
    passed=st.booleans(),
    wait=st.integers(0, 3),
)
def test_near_the_calendars_end_evaluate_answers_or_names_the_attempt(
    last: dt.date, count: int, passed: bool, wait: int
) -> None:
    """design.md: "A calendar raises `EmrpathError` ... for a date outside the years it was
    built for, instead of answering wrongly": evaluate, decide and evaluate_many refuse
    exactly when the last attempt's result ("2 business days after the exam") would fall
    after 2100, naming that attempt's date; otherwise they answer."""
    from emrpath.batch import evaluate_many

    days = [last - dt.timedelta(days=16 * k) for k in reversed(range(count))]
    attempts = [ep.ExamAttempt(day, passed=passed and day == last) for day in days]
    person = ep.Candidate(ep.CourseCompletion(D(2100, 10, 1)), attempts)
    as_of = min(last + dt.timedelta(days=wait), D(2100, 12, 31))
    calendar = ep.NREMT_EMR.calendar
    left = [
        day
        for day in (last + dt.timedelta(days=n) for n in range(1, 45))
        if day.year == 2100 and calendar.is_business_day(day)
    ]
    refused: list[ep.CalendarRangeError] = []
    for run in (
        lambda: ep.evaluate(person, as_of=as_of, program=ep.NREMT_EMR),
        lambda: ep.decide(person, as_of=as_of, program=ep.NREMT_EMR),
        lambda: evaluate_many([person], as_of=as_of, program=ep.NREMT_EMR),
    ):
        try:
            run()
        except ep.CalendarRangeError as err:
            refused.append(err)
    if len(left) >= 2:
        assert refused == []
        return
    field = f"attempts[{count - 1}].taken_on"
    assert [err.field for err in refused] == [field, field, f"[0].{field}"]
    assert {err.message for err in refused} == {
        f"2 business days from {last} falls outside this calendar's years (1990-2100)"
    }
