"""The NREMT EMT, Advanced EMT and Paramedic programs: each rule per level, quoting its source.

Sources: the levels research notes (``shared/sources/nremt-levels-facts.md``); each test's
docstring quotes the sentence it checks. The attempt shape (3, documented remedial
training, 3 more, then a new course) and the March 31 expiry are held as properties.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath.authority import Practitioner, StateLicense, practice_authority
from emrpath.cli import main
from emrpath.lifecycle import RecertificationState
from emrpath.params import Confidence, Param
from emrpath.planning import ErrorLog, Miss, retake_plan
from emrpath.policies import (
    AfterLimit,
    AttemptLimit,
    AttemptScope,
    MonthsValidity,
    Prerequisite,
    RemedialRequirement,
)
from emrpath.programs import nremt
from emrpath.scope import Level, is_within_scope
from emrpath.status import Gate, Reason
from strategies import candidates, dates

D = dt.date
EMT, AEMT, MEDIC = ep.NREMT_EMT, ep.NREMT_AEMT, ep.NREMT_PARAMEDIC
LEVELS = [EMT, AEMT, MEDIC]
REMEDIAL_HOURS = {"nremt-emt": (24, 20), "nremt-aemt": (36, 25), "nremt-paramedic": (48, 30)}
NCCP = {
    "nremt-emt": (20, 10, 10),
    "nremt-aemt": (25, Decimal("12.5"), Decimal("12.5")),
    "nremt-paramedic": (30, 15, 15),
}

COMPLETED = D(2025, 1, 10)


def failed(*days: dt.date) -> list[ep.ExamAttempt]:
    return [ep.ExamAttempt(day, passed=False, scaled_score=900) for day in days]


def every_15_days(start: dt.date, n: int) -> list[dt.date]:
    return [start + dt.timedelta(days=15 * i) for i in range(n)]


def candidate(
    n_failed: int,
    *,
    remedial: ep.RemedialTraining | None = None,
    history: tuple[ep.PriorCourse, ...] = (),
    completed: dt.date = COMPLETED,
) -> ep.Candidate:
    days = every_15_days(completed + dt.timedelta(days=20), n_failed)
    return ep.Candidate(
        course=ep.CourseCompletion(completed, verified_on=completed),
        attempts=failed(*days),
        skills=ep.SkillsCompetency(completed),
        remedial=remedial,
        history=history,
    )


# -- registry and shared provisions ------------------------------------------------------


@pytest.mark.parametrize("program", LEVELS, ids=lambda p: p.key)
def test_each_level_is_registered_and_top_level(program: ep.Program) -> None:
    """Issue 13: "Three programs, NREMT_EMT, NREMT_AEMT, NREMT_PARAMEDIC (registry keys
    nremt-emt, nremt-aemt, nremt-paramedic, importable from the top level)"."""
    assert ep.programs.get(program.key) is program
    assert program.body == nremt.BODY
    assert program.retest_wait is nremt.RETEST_WAIT
    assert program.score_scale is nremt.SCORE_SCALE


@pytest.mark.parametrize("program", LEVELS, ids=lambda p: p.key)
def test_the_retest_wait_is_15_days(program: ep.Program) -> None:
    """A1 (secondary, EMTprep): "If you are unsuccessful you can retest 15 days after the
    last attempt."."""
    assert ep.earliest_retest_date(D(2025, 6, 2), program=program) == D(2025, 6, 17)
    assert program.retest_wait.at(D(2025, 6, 2)).confidence is ep.Confidence.SECONDARY


@pytest.mark.parametrize("program", LEVELS, ids=lambda p: p.key)
def test_the_course_is_valid_to_the_end_of_its_month_two_years_on(program: ep.Program) -> None:
    """A2 (primary): "A course completed anytime during January 2024 would be valid until
    January 31, 2026."."""
    assert ep.course_expiration_date(D(2024, 1, 5), program=program) == D(2026, 1, 31)
    assert ep.course_expiration_date(D(2024, 1, 31), program=program) == D(2026, 1, 31)


@pytest.mark.parametrize("program", LEVELS, ids=lambda p: p.key)
def test_an_att_ends_at_the_course_expiration(program: ep.Program) -> None:
    """A3 (primary): "An ATT purchased within 90 days of the course expiration date will
    expire on the date of course expiration" (Paramedic: "at the end of the month of the
    course's expiration date", the same day)."""
    assert ep.att_expiration_date(D(2025, 12, 1), D(2024, 1, 5), program=program) == D(2026, 1, 31)
    assert ep.att_expiration_date(D(2025, 3, 3), D(2024, 1, 5), program=program) == D(2025, 6, 1)


@pytest.mark.parametrize("program", LEVELS, ids=lambda p: p.key)
def test_passed_portions_last_24_months_or_12_before_november_2018(program: ep.Program) -> None:
    """A4 (primary): "For candidates with a course completion date prior to November 1,
    2018, passed portions of each examination are valid for 12 months."."""
    portions = program.portion_validity
    assert portions is not None
    assert portions.value_at(D(2018, 10, 31)) == MonthsValidity(12)
    assert portions.value_at(D(2018, 11, 1)) == MonthsValidity(24)


# -- attempts: 3, remedial training, 3 more, then a new course ---------------------------


@pytest.mark.parametrize("program", LEVELS, ids=lambda p: p.key)
def test_remedial_hours_per_level(program: ep.Program) -> None:
    """A1 (secondary, EMTprep): "EMT: 24 hours or completion of the 20 hour National
    Continued Competency Program (NCCP)." (AEMT 36 or 25; Paramedic 48 or 30)."""
    rule = program.attempt_limit.value_at(D(2025, 1, 10))
    assert rule.remedial is not None
    assert (rule.remedial.hours, rule.remedial.component_hours) == REMEDIAL_HOURS[program.key]
    assert (rule.max_attempts, rule.total_attempts) == (3, 6)
    assert rule.after_limit is AfterLimit.NEW_COURSE
    assert program.attempt_limit.at(D(2025, 1, 10)).confidence is ep.Confidence.SECONDARY
    assert "Open question 1" in program.attempt_limit.at(D(2025, 1, 10)).note


def test_emr_keeps_its_own_shape() -> None:
    """NREMT EMR: "after the 3rd failure no further attempt is allowed until a new full EMR
    course is completed" (design.md): no remedial block."""
    rule = ep.NREMT_EMR.attempt_limit.value_at(D(2025, 1, 10))
    assert (rule.remedial, rule.total_attempts) == (None, 3)
    status = ep.evaluate(candidate(3), as_of=D(2025, 6, 1), program=ep.NREMT_EMR)
    assert (status.attempts_remaining, status.remediation_required) == (0, True)
    assert not status.remedial_training_due


@pytest.mark.parametrize("program", LEVELS, ids=lambda p: p.key)
def test_after_three_failures_remedial_training_is_due_and_the_attempt_stays_open(
    program: ep.Program,
) -> None:
    """design.md: "the remedial training that unlocks attempts 4-6 is an administrative item
    like PD verification: it does not make next_attempt_on None and it is not
    remediation_required [...] attempts_remaining counts every attempt left before a new
    course (EMT after 3 failures: 3)"."""
    status = ep.evaluate(candidate(3), as_of=D(2025, 6, 1), program=program)
    assert status.next_attempt_on == D(2025, 6, 1)
    assert (status.attempts_used, status.attempts_remaining) == (3, 3)
    assert not status.remediation_required
    assert status.remedial_training_due
    reason = next(r for r in status.reasons if r.code == "remedial_training_required")
    hours, component = REMEDIAL_HOURS[program.key]
    assert f"{hours} hours of remedial training, or the {component}-hour" in reason.message
    assert "does not extend the course, which qualifies through 2027-01-31" in reason.message
    assert status.gate("cognitive").state is ep.GateState.PENDING
    assert ep.decide(candidate(3), as_of=D(2025, 6, 1), program=program) == status.decision


@pytest.mark.parametrize(
    ("record", "due"),
    [
        (ep.RemedialTraining(D(2025, 5, 20), 24), False),
        (ep.RemedialTraining(D(2025, 5, 20), national_component=True), False),
        (ep.RemedialTraining(D(2025, 5, 20), 16), True),
    ],
    ids=["24-hours", "national-component", "too-few-hours"],
)
def test_a_remedial_record_satisfies_the_emt_rule_by_hours_or_component(
    record: ep.RemedialTraining, due: bool
) -> None:
    """A1 (secondary, EMTprep): "After 3 unsuccessful attempts you must provide proof of
    remedial training." EMT: "24 hours or completion of the 20 hour National Continued
    Competency Program (NCCP).\""""
    status = ep.evaluate(candidate(3, remedial=record), as_of=D(2025, 6, 1), program=EMT)
    assert status.remedial_training_due is due
    assert status.next_attempt_on == D(2025, 6, 1)
    codes = {r.code for r in status.reasons}
    assert ("remedial_training_short" in codes) is due
    assert ("remedial_training_done" in codes) is not due


def test_remedial_training_never_extends_the_course() -> None:
    """A1 (primary, EMT handbook): "Note: Taking remedial education for a 4th cognitive exam
    attempt does not extend your course completion date"."""
    late = ep.RemedialTraining(D(2026, 12, 20), 24)
    completed = D(2024, 12, 2)
    status = ep.evaluate(
        candidate(3, remedial=late, completed=completed), as_of=D(2027, 1, 5), program=EMT
    )
    assert status.gate("course").valid_until == D(2026, 12, 31)
    assert status.next_attempt_on is None
    assert status.remediation_required
    assert not status.remedial_training_due


def test_an_attempt_before_the_remedial_record_is_noted() -> None:
    """An attempt on record implies what it needed; a remedial record dated after the fourth
    attempt is reported as a finding, not refused."""
    record = ep.RemedialTraining(D(2025, 9, 1), 24)
    status = ep.evaluate(candidate(4, remedial=record), as_of=D(2025, 9, 2), program=EMT)
    assert status.reasons[0].code == "attempt_before_remedial_training"
    assert not status.remedial_training_due


def test_a_remedial_record_on_the_attempts_own_day_is_no_finding() -> None:
    """A1 (primary, EMT handbook): remedial education comes before a 4th attempt. Training
    completed on the day of the 4th attempt may have preceded it: only a record dated after
    the attempt is a finding; the day after is, with the attempt's and the record's dates,
    the attempt-limit parameter and its citation."""
    attempts = every_15_days(COMPLETED + dt.timedelta(days=20), 4)
    fourth = attempts[3]
    same_day = ep.RemedialTraining(fourth, 24)
    status = ep.evaluate(candidate(4, remedial=same_day), as_of=D(2025, 9, 2), program=EMT)
    assert "attempt_before_remedial_training" not in [r.code for r in status.reasons]
    next_day = ep.RemedialTraining(fourth + dt.timedelta(days=1), 24)
    status = ep.evaluate(candidate(4, remedial=next_day), as_of=D(2025, 9, 2), program=EMT)
    provision = EMT.attempt_limit.at(COMPLETED)
    assert status.reasons[0] == Reason(
        "attempt_before_remedial_training",
        f"The attempt on {fourth} needed remedial training first, but the remedial training "
        f"on record was completed {fourth + dt.timedelta(days=1)}; an earlier record is not "
        "on file.",
        "attempt_limit",
        provision.citation,
        provision.confidence,
    )


def per_route_emt() -> ep.Program:
    """EMT with its attempt shape counted per eligibility route (as ASCP counts), so the
    attempts of an earlier course on the same route count against the first block."""
    rule = EMT.attempt_limit
    shape = rule.value_at(COMPLETED)
    assert shape.remedial is not None
    per_route = Param.single(
        "attempt_limit",
        rule.description,
        AttemptLimit(
            shape.max_attempts,
            shape.after_limit,
            scope=AttemptScope.PER_ROUTE,
            remedial=RemedialRequirement(hours=24, component_hours=20),
        ),
        effective_from=D(2015, 1, 1),
        citation=rule.provisions[0].citation,
        confidence=Confidence.SECONDARY,
    )
    return attrs.evolve(EMT, attempt_limit=per_route)


@pytest.mark.parametrize("n_prior", [0, 1, 2, 3])
def test_the_attempt_needing_remedial_training_counts_earlier_attempts_on_the_route(
    n_prior: int,
) -> None:
    """A1 (secondary, EMTprep): "After 3 unsuccessful attempts you must provide proof of
    remedial training." Where the program counts attempts per route, the attempts of an
    earlier course on the same route are among the three: the attempt that needed the
    training is the 4th of the route, ``attempts[3 - n_prior]`` of this course (the first
    attempt of this course when all three were earlier)."""
    program = per_route_emt()
    earlier = ep.CourseCompletion(D(2022, 1, 10), route="route 1")
    prior = ep.PriorCourse(earlier, failed(*every_15_days(D(2022, 2, 1), n_prior)))
    days = every_15_days(COMPLETED + dt.timedelta(days=20), 4 - n_prior)
    needing = days[3 - n_prior]
    late = ep.RemedialTraining(needing + dt.timedelta(days=1), 24)
    record = ep.Candidate(
        course=ep.CourseCompletion(COMPLETED, verified_on=COMPLETED, route="route 1"),
        attempts=failed(*days),
        skills=ep.SkillsCompetency(COMPLETED),
        remedial=late,
        history=(prior,),
    )
    status = ep.evaluate(record, as_of=D(2025, 9, 2), program=program)
    assert status.attempts_used == 4
    findings = [r for r in status.reasons if r.code == "attempt_before_remedial_training"]
    assert [r.message.split(" needed")[0] for r in findings] == [f"The attempt on {needing}"]
    on_time = attrs.evolve(record, remedial=ep.RemedialTraining(needing, 24))
    status = ep.evaluate(on_time, as_of=D(2025, 9, 2), program=program)
    assert "attempt_before_remedial_training" not in [r.code for r in status.reasons]


def test_a_remedial_record_after_as_of_is_refused() -> None:
    with pytest.raises(ep.InvalidRecordError) as info:
        ep.evaluate(
            candidate(3, remedial=ep.RemedialTraining(D(2025, 7, 1), 24)),
            as_of=D(2025, 6, 1),
            program=EMT,
        )
    assert (info.value.field, info.value.rule) == ("remedial.completed_on", "remedial training")
    assert info.value.message == (
        "2025-07-01 is after as_of 2025-06-01; a record cannot hold facts from after the date "
        "it is evaluated on"
    )


def test_a_remedial_record_dated_as_of_itself_is_known_on_that_day() -> None:
    """A fact dated on ``as_of`` is known on ``as_of``: only a record dated after it is
    refused, so training completed on the evaluation day counts for the next attempt."""
    status = ep.evaluate(
        candidate(3, remedial=ep.RemedialTraining(D(2025, 6, 1), 24)),
        as_of=D(2025, 6, 1),
        program=EMT,
    )
    assert not status.remedial_training_due
    assert "remedial_training_done" in [r.code for r in status.reasons]


def test_a_remedial_record_before_the_course_is_refused() -> None:
    with pytest.raises(ep.InvalidRecordError) as info:
        candidate(3, remedial=ep.RemedialTraining(D(2024, 1, 1), 24))
    assert info.value.field == "remedial.completed_on"


@given(
    program=st.sampled_from(LEVELS),
    n_failed=st.integers(0, 7),
    with_record=st.booleans(),
)
def test_the_attempt_count_shape(program: ep.Program, n_failed: int, with_record: bool) -> None:
    """A1 (secondary, howtonremt): "The NREMT allows you up to six attempts to pass. However,
    if you fail three times, a remedial training program is required before you can retake
    the exam." The count never exceeds 6 per course; remedial training is due exactly
    between attempts 3 and 4; attempts_remaining counts every attempt left."""
    record = ep.RemedialTraining(D(2025, 1, 10), national_component=True) if with_record else None
    as_of = D(2025, 12, 1)
    subject = candidate(n_failed, remedial=record)
    if n_failed > 6:
        with pytest.raises(ep.InvalidRecordError) as info:
            ep.evaluate(subject, as_of=as_of, program=program)
        assert info.value.rule == "attempt limit"
        return
    status = ep.evaluate(subject, as_of=as_of, program=program)
    assert status.attempts_used + status.attempts_remaining == 6 or n_failed == 6
    assert status.attempts_remaining == 6 - n_failed
    assert status.remedial_training_due is (n_failed == 3 and not with_record)
    assert status.remediation_required is (n_failed == 6)
    assert (status.next_attempt_on is None) is (n_failed == 6)
    assert ep.decide(subject, as_of=as_of, program=program) == status.decision


@given(program=st.sampled_from(LEVELS), n_prior=st.integers(0, 6))
def test_a_new_course_restarts_the_count(program: ep.Program, n_prior: int) -> None:
    """A1 (secondary, getlicensemap): "After six unsuccessful attempts, you must complete an
    entire EMT or paramedic course again before you are eligible to retest." Whether the new
    course restarts the count is open question 1, encoded as yes: a new course starts at 6."""
    earlier = candidate(n_prior, completed=D(2022, 1, 10))
    prior = ep.PriorCourse(earlier.course, earlier.attempts)
    status = ep.evaluate(
        candidate(0, history=(prior,), completed=D(2025, 1, 10)),
        as_of=D(2025, 2, 1),
        program=program,
    )
    assert (status.attempts_used, status.attempts_remaining) == (0, 6)
    assert not status.remedial_training_due
    assert status.next_attempt_on == D(2025, 2, 1)


# -- skills and certification --------------------------------------------------------------


def test_emt_skills_are_a_state_approved_competency() -> None:
    """B4 (primary, EMT handbook): "State EMS Office approved BLS skills competency results are
    valid for 24 months from the month, day, and year of successful completion."."""
    assert EMT.skills_required.value_at(D(2025, 1, 10)) is True
    assert "State EMS Office approved" in EMT.skills_required.at(D(2025, 1, 10)).citation.quote


@pytest.mark.parametrize("program", [AEMT, MEDIC], ids=lambda p: p.key)
def test_the_national_psychomotor_exam_ends_2024_06_30(program: ep.Program) -> None:
    """C4 (primary, NREMT news 2023-10-06): "Beginning on July 1, 2024, and continuing on from
    that date, every Paramedic and AEMT examination conducted will be the AEMT and Paramedic
    Certification Examinations."."""
    skills = program.skills_required
    assert skills is not None
    assert skills.value_at(D(2024, 6, 30)) is True
    assert skills.value_at(D(2024, 7, 1)) is False
    assert "Open question 5" in skills.at(D(2024, 7, 1)).note
    before = ep.Candidate(
        course=ep.CourseCompletion(D(2024, 3, 1), verified_on=D(2024, 3, 4)),
        attempts=[ep.ExamAttempt(D(2024, 4, 1), passed=True)],
    )
    after = ep.Candidate(
        course=ep.CourseCompletion(D(2024, 9, 13), verified_on=D(2024, 9, 16)),
        attempts=[ep.ExamAttempt(D(2024, 11, 4), passed=True)],
    )
    held = ep.evaluate(before, as_of=D(2024, 5, 1), program=program)
    assert not held.certified
    assert held.gate("skills").state is ep.GateState.PENDING
    done = ep.evaluate(after, as_of=D(2024, 12, 1), program=program)
    assert done.certified
    assert done.certified_on == D(2024, 11, 6)
    assert done.certification_expires_on == D(2027, 3, 31)


@given(program=st.sampled_from(LEVELS), certified=dates(D(2015, 1, 1), D(2095, 12, 31)))
def test_every_certification_expires_march_31(program: ep.Program, certified: dt.date) -> None:
    """A6 (primary, NREMT support): "For EMT, AEMT or Paramedic it is March 31 [...] January -
    June [:] 2 years in the future [;] July- December [:] 3 years in the future"."""
    expires = ep.initial_expiration_date(certified, program=program)
    years = 2 if certified.month <= 6 else 3
    assert expires == D(certified.year + years, 3, 31)


# -- lifecycle ---------------------------------------------------------------------------


@pytest.mark.parametrize("program", LEVELS, ids=lambda p: p.key)
def test_nccp_hours_per_level(program: ep.Program) -> None:
    """A8 (primary, NREMT NCCP table): "Paramedic 30 15 15 60 / AEMT 25 12.5 12.5 50 / EMT
    20 10 10 40"; the 2025 model "will begin on April 1, 2025 for EMT/AEMT/Paramedic" with
    totals inferred unchanged (open question 3, secondary)."""
    assert program.ce_requirement is not None
    national, local, individual = NCCP[program.key]
    for day in (D(2024, 4, 1), D(2025, 4, 1)):
        req = program.ce_requirement.value_at(day)
        assert req.total == national + local + individual
        assert [c.minimum for c in req.components] == [national, local, individual]
    old, new = program.ce_requirement.provisions
    assert (old.confidence, new.confidence) == (ep.Confidence.PRIMARY, ep.Confidence.SECONDARY)
    assert new.effective_from == D(2025, 4, 1)
    assert "Open question 3" in new.note


@pytest.mark.parametrize("program", LEVELS, ids=lambda p: p.key)
def test_recertification_window_late_period_and_lapse(program: ep.Program) -> None:
    """A7 (primary, NREMT support): "For EMT, AEMT, and Paramedic providers, the
    recertification cycle opens on October 1 and continues until March 31. [...] There is a
    reinstatement period until April 30, to submit late applications."."""
    cert = ep.Certification(D(2024, 8, 10))

    def state(on: dt.date) -> RecertificationState:
        return ep.recertification_status(cert, as_of=on, program=program).state

    s = RecertificationState
    assert state(D(2026, 9, 30)) is s.NOT_YET_OPEN
    assert state(D(2026, 10, 1)) is s.OPEN
    assert state(D(2027, 3, 31)) is s.OPEN
    assert state(D(2027, 4, 1)) is s.REINSTATEMENT
    assert state(D(2027, 4, 30)) is s.REINSTATEMENT
    assert state(D(2027, 5, 1)) is s.LAPSED


@pytest.mark.parametrize("program", LEVELS, ids=lambda p: p.key)
def test_recertification_by_exam_once_from_april_1_a_year_before(program: ep.Program) -> None:
    """A7 (primary, NREMT support): "For EMT, AEMT, and NRP providers it can be completed
    starting on April 1, one year prior to your expiration date, and is available until the
    March 31 deadline for the renewal year."."""
    rbe = program.recert_exam
    assert rbe is not None
    rule = rbe.value_at(D(2024, 8, 10))
    assert rule.attempts == 1
    assert rule.opens_on(D(2027, 3, 31)) == D(2026, 4, 1)
    cert = ep.Certification(D(2024, 8, 10))

    def met(taken_on: dt.date) -> bool:
        attempt = ep.ExamAttempt(taken_on, passed=True)
        status = ep.recertification_status(
            cert, as_of=D(2026, 5, 1), program=program, exam_attempts=[attempt]
        )
        return status.requirements_met

    assert (met(D(2026, 3, 31)), met(D(2026, 4, 1))) == (False, True)


# -- prerequisites and open questions --------------------------------------------------------


def test_paramedic_cpr_after_2024_is_an_open_question() -> None:
    """Open question 4: "Older NREMT pages require a current CPR-BLS "Healthcare Provider"
    credential for all three levels; the newer Paramedic Full Education Pathway and re-entry
    excerpts do not list it."."""
    cpr = MEDIC.cpr_required
    assert cpr is not None
    assert cpr.at(D(2024, 6, 30)).confidence is ep.Confidence.PRIMARY
    later = cpr.at(D(2024, 7, 1))
    assert (later.value, later.confidence) == (True, ep.Confidence.SECONDARY)
    assert "Open question 4" in later.note


def test_every_open_question_a_parameter_depends_on_is_listed() -> None:
    """Issue 13: "Open questions in the facts file stay visible: [...] mark it SECONDARY with
    a note naming the question, and list it on the rules page": every provision whose note
    carries one of the family's open questions is SECONDARY."""
    texts = [text for _, text in nremt.OPEN_QUESTIONS]
    seen = 0
    for program in LEVELS:
        for param in program.parameters():
            for provision in param.provisions:
                if any(text in provision.note for text in texts):
                    seen += 1
                    assert provision.confidence is ep.Confidence.SECONDARY, (
                        program.key,
                        param.name,
                    )
    assert seen == 3 + 3 + 2 + 1 + 2  # attempts, NCCP 2025, ALS skills, CPR, ALS posting


# -- prerequisites, practice authority, scope ---------------------------------------------


def medic(**fields: object) -> ep.Candidate:
    return ep.Candidate(
        course=ep.CourseCompletion(D(2025, 5, 30), verified_on=D(2025, 6, 3)),
        attempts=failed(D(2025, 7, 21)),
        **fields,  # type: ignore[arg-type]
    )


def test_emt_has_no_prerequisite_gate() -> None:
    """B8 (primary): "No prior certification needed." A program that sets no prerequisite
    has no prerequisite gate at all."""
    status = ep.evaluate(candidate(1), as_of=D(2025, 6, 1), program=EMT)
    assert ep.GateName.PREREQUISITE not in {gate.name for gate in status.gates}
    assert EMT.prerequisite is None


@pytest.mark.parametrize("program", [AEMT, MEDIC], ids=lambda p: p.key)
@pytest.mark.parametrize(
    ("held", "state", "code"),
    [
        (None, ep.GateState.PENDING, "prerequisite_missing"),
        (
            ep.PrerequisiteCredential("emr", D(2027, 9, 30)),
            ep.GateState.PENDING,
            "prerequisite_level",
        ),
        (
            ep.PrerequisiteCredential("emt", D(2025, 7, 31)),
            ep.GateState.EXPIRED,
            "prerequisite_expired",
        ),
        (
            ep.PrerequisiteCredential("aemt", D(2027, 3, 31), kind="national_certification"),
            ep.GateState.MET,
            "prerequisite_held",
        ),
    ],
    ids=["none", "emr-only", "expired", "aemt"],
)
def test_aemt_and_paramedic_need_a_current_emt_or_higher_credential(
    program: ep.Program,
    held: ep.PrerequisiteCredential | None,
    state: ep.GateState,
    code: str,
) -> None:
    """C8/D8 (primary): "Current National Registry certification or state license at the
    EMT level, or higher". An administrative item: the next attempt date stands."""
    status = ep.evaluate(
        medic(prerequisite=held, course_accreditation="letter_of_review"),
        as_of=D(2025, 8, 20),
        program=program,
    )
    gate = status.gate(ep.GateName.PREREQUISITE)
    assert gate.state is state
    assert gate.reasons[0].code == code
    assert status.next_attempt_on == D(2025, 8, 20)
    assert ep.decide(medic(prerequisite=held), as_of=D(2025, 8, 20), program=program) == (
        ep.evaluate(medic(prerequisite=held), as_of=D(2025, 8, 20), program=program).decision
    )


@pytest.mark.parametrize("program", [AEMT, MEDIC], ids=lambda p: p.key)
def test_an_attempt_after_the_prerequisite_expired_is_a_finding(program: ep.Program) -> None:
    """C8/D8 (primary): "Current National Registry certification or state license at the
    EMT level, or higher": a credential valid through the attempt's day was current for
    it; one that lapsed the day before was not, and the record is worth a look (once,
    however many attempts followed)."""
    rule = program.prerequisite
    assert rule is not None
    provision = rule.at(D(2025, 5, 30))  # the course's completion
    on_the_day = ep.PrerequisiteCredential("emt", D(2025, 7, 21))  # the attempt's day
    status = ep.evaluate(medic(prerequisite=on_the_day), as_of=D(2025, 8, 20), program=program)
    assert "attempt_after_prerequisite_expired" not in [r.code for r in status.reasons]
    lapsed = ep.PrerequisiteCredential("emt", D(2025, 7, 20))
    twice = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 5, 30), verified_on=D(2025, 6, 3)),
        attempts=failed(D(2025, 7, 21), D(2025, 8, 6)),
        prerequisite=lapsed,
    )
    status = ep.evaluate(twice, as_of=D(2025, 8, 20), program=program)
    findings = [r for r in status.reasons if r.code == "attempt_after_prerequisite_expired"]
    assert findings == [status.reasons[0]]  # findings about the records come first
    assert findings[0] == Reason(
        "attempt_after_prerequisite_expired",
        "The prerequisite on record (state license at emt level, valid through 2025-07-20) "
        "expired before the attempt on 2025-07-21; an earlier credential is not on record.",
        "prerequisite",
        provision.citation,
        provision.confidence,
    )


NEEDED = (
    "needed: a current national certification or state licence at one of: aemt, emt, "
    "paramedic; a course from an accredited program."
)
NOT_ACCREDITED = (
    "accreditation_missing",
    "A course completed 2025-05-30 must come from an accredited program; its accreditation "
    "is not on record.",
)


@pytest.mark.parametrize(
    ("held", "accreditation", "state", "reasons"),
    [
        (
            None,
            None,
            ep.GateState.PENDING,
            [("prerequisite_missing", f"No prerequisite credential on record; {NEEDED}")],
        ),
        (
            ep.PrerequisiteCredential("emr", D(2027, 9, 30)),
            None,
            ep.GateState.PENDING,
            [
                (
                    "prerequisite_level",
                    "The credential on record (state license at emr level, valid through "
                    f"2027-09-30) is not at a level that qualifies; {NEEDED}",
                )
            ],
        ),
        (
            ep.PrerequisiteCredential("emt", D(2025, 8, 20)),  # as_of itself
            "caahep",
            ep.GateState.MET,
            [
                (
                    "prerequisite_held",
                    "Prerequisite held: state license at emt level, valid through 2025-08-20.",
                )
            ],
        ),
        (
            ep.PrerequisiteCredential("emt", D(2025, 8, 20)),
            None,
            ep.GateState.PENDING,
            [
                (
                    "prerequisite_held",
                    "Prerequisite held: state license at emt level, valid through 2025-08-20.",
                )
            ],
        ),
        (
            ep.PrerequisiteCredential("emt", D(2025, 8, 19)),  # the day before as_of
            None,
            ep.GateState.EXPIRED,  # expired outranks the missing accreditation
            [
                (
                    "prerequisite_expired",
                    "The prerequisite credential (state license at emt level, valid through "
                    "2025-08-19) has expired.",
                )
            ],
        ),
    ],
    ids=["none", "emr-only", "current-on-its-last-day", "no-accreditation", "expired"],
)
def test_the_prerequisite_gate_says_what_is_held_and_what_is_needed(
    held: ep.PrerequisiteCredential | None,
    accreditation: str | None,
    state: ep.GateState,
    reasons: list[tuple[str, str]],
) -> None:
    """D8 (primary): "Current National Registry certification or state license at the EMT
    level, or higher" (current through its last valid day), and D2: "must have
    successfully completed education from an accredited program"."""
    record = medic(prerequisite=held, course_accreditation=accreditation)
    gate = ep.evaluate(record, as_of=D(2025, 8, 20), program=MEDIC).gate(ep.GateName.PREREQUISITE)
    accredited = [("accreditation_held", "The course's program holds CAAHEP accreditation.")]
    expected = reasons + (accredited if accreditation else [NOT_ACCREDITED])
    assert [(r.code, r.message) for r in gate.reasons] == expected
    assert gate.state is state
    assert gate.valid_until == (None if held is None else held.expires_on)


@pytest.mark.parametrize(
    ("accreditation", "label"),
    [("caahep", "CAAHEP accreditation"), ("letter_of_review", "a CoAEMSP Letter of Review")],
)
def test_the_prerequisite_gate_names_the_courses_accreditation(
    accreditation: str, label: str
) -> None:
    """D2 (primary): "a CAAHEP-accredited paramedic program or one holding a CoAEMSP Letter
    of Review (LoR)": either meets the accreditation the gate asks for, and the reason names
    the one on record."""
    credential = ep.PrerequisiteCredential("emt", D(2027, 6, 30))
    record = medic(prerequisite=credential, course_accreditation=accreditation)
    gate = ep.evaluate(record, as_of=D(2025, 8, 20), program=MEDIC).gate(ep.GateName.PREREQUISITE)
    assert gate.state is ep.GateState.MET
    assert [(r.code, r.message) for r in gate.reasons][1:] == [
        ("accreditation_held", f"The course's program holds {label}.")
    ]


def test_a_prerequisite_rule_of_none_is_met_without_reasons() -> None:
    """Program: "prerequisite: What a candidate must hold before this program ..., keyed by
    the course completion date": a provision of ``None`` asks nothing of the courses
    completed under it, so the gate is met with nothing to explain."""
    rule = MEDIC.prerequisite
    assert rule is not None
    nothing = Param.single(
        "prerequisite",
        rule.description,
        None,
        effective_from=D(2013, 1, 1),
        citation=rule.provisions[0].citation,
        confidence=Confidence.PRIMARY,
    )
    program = attrs.evolve(MEDIC, prerequisite=nothing)
    status = ep.evaluate(medic(), as_of=D(2025, 8, 20), program=program)
    assert status.gate(ep.GateName.PREREQUISITE) == Gate(
        ep.GateName.PREREQUISITE, ep.GateState.MET
    )


def test_paramedic_courses_need_accreditation_from_2013() -> None:
    """D2 (primary): "Since January 1, 2013 all initial Paramedic applicants seeking
    National Registry's National EMS Certification at the Paramedic level must have
    successfully completed education from an accredited program"."""
    credential = ep.PrerequisiteCredential("emt", D(2027, 6, 30))
    without = ep.evaluate(medic(prerequisite=credential), as_of=D(2025, 8, 20), program=MEDIC)
    gate = without.gate(ep.GateName.PREREQUISITE)
    assert gate.state is ep.GateState.PENDING
    assert [r.code for r in gate.reasons] == ["prerequisite_held", "accreditation_missing"]
    rule = MEDIC.prerequisite
    assert rule is not None
    assert rule.value_at(D(2013, 1, 1)) == Prerequisite(
        {"emt", "aemt", "paramedic"}, accredited_course=True
    )
    with pytest.raises(ep.NoRuleInForceError):
        rule.value_at(D(2012, 12, 31))
    aemt = ep.evaluate(medic(prerequisite=credential), as_of=D(2025, 8, 20), program=AEMT)
    assert aemt.gate(ep.GateName.PREREQUISITE).state is ep.GateState.MET


@pytest.mark.parametrize(
    ("program", "level"),
    [(ep.NREMT_EMR, "EMR"), (EMT, "EMT"), (AEMT, "AEMT"), (MEDIC, "Paramedic")],
    ids=lambda v: getattr(v, "key", v),
)
def test_practice_authority_asks_at_the_programs_level(program: ep.Program, level: str) -> None:
    """design.md: "national certification is never a license to practise"; practice
    authority is asked at the program's level unless the caller names another."""
    emt_licence = StateLicense("MT", "emt", D(2025, 1, 1), D(2027, 6, 30))
    person = Practitioner(licenses=[emt_licence])
    decision = practice_authority(person, "MT", on=D(2026, 3, 1), program=program)
    assert decision.level.label == level
    assert decision.allowed is (level in ("EMR", "EMT"))
    scope = is_within_scope("cpap", Level.of(program))
    assert scope.level.label == level
    assert Level.of(program) is decision.level


# -- command line and JSON ------------------------------------------------------------------


@pytest.mark.parametrize("program", LEVELS, ids=lambda p: p.key)
@pytest.mark.parametrize("command", ["status", "plan"])
def test_the_cli_runs_each_levels_example(
    capsys: pytest.CaptureFixture[str], program: ep.Program, command: str
) -> None:
    """Issue 13: "emrpath status --example --program nremt-paramedic --as-of <date> and
    emrpath plan work for each new level"."""
    code = main([command, "--example", "--program", program.key, "--as-of", "2025-08-20"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert program.key in out


def test_the_emt_example_shows_remedial_training_due(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--example", "--program", "nremt-emt", "--as-of", "2025-08-20"]) == 0
    out = capsys.readouterr().out
    assert "remedial training due: yes" in out
    assert "attempts used: 3, remaining: 3" in out


def test_remedial_and_prerequisite_records_round_trip_through_json() -> None:
    """The new records join the candidate document and its schema."""
    student = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 5, 30), verified_on=D(2025, 6, 3)),
        attempts=failed(D(2025, 6, 10), D(2025, 6, 25), D(2025, 7, 10)),
        remedial=ep.RemedialTraining(D(2025, 7, 20), Decimal("48")),
        prerequisite=ep.PrerequisiteCredential(
            "emt", D(2027, 3, 31), kind="national_certification"
        ),
        course_accreditation="letter_of_review",
    )
    text = ep.dumps(student, program=MEDIC)
    assert ep.loads(text, ep.Candidate, program=MEDIC) == student
    schema = ep.json_schema("candidate")
    assert {"remedial", "prerequisite", "course_accreditation"} <= set(schema["properties"])


def test_retake_advice_puts_remedial_training_first() -> None:
    """design.md, retake advice: "advice never offers [...] 'then retest' when the rules
    allow no further attempt without a new course (or, for EMT and above, without remedial
    training): it says what must come first"."""
    student = candidate(3)
    log = ErrorLog([Miss("sequence"), Miss("reading")])
    plan = retake_plan(log, student.attempts[-1], student, as_of=D(2025, 6, 1), program=EMT)
    focus = next(r for r in plan.reasons if r.code == "retake_focus")
    assert focus.message.startswith(
        "Before attempt 4, first complete and document 24 hours of remedial training, or the "
        "20-hour national continuing-education component"
    )
    assert "then retest" not in focus.message
    assert plan.attempts_remaining == 3
    assert plan.next_attempt_on == D(2025, 6, 1)


@given(
    student=candidates(max_attempts=7),
    days=st.integers(0, 1500),
    program=st.sampled_from(LEVELS),
)
def test_the_shape_holds_for_any_record(
    student: ep.Candidate, days: int, program: ep.Program
) -> None:
    """A1: "The NREMT allows you up to six attempts to pass. However, if you fail three
    times, a remedial training program is required before you can retake the exam." On any
    record the rules accept: never more than 6 attempts under one course; remedial training
    due only after exactly 3 and only while an attempt is open; never both a new course and
    remedial training."""
    last = max([student.course.completed_on, *(a.taken_on for a in student.attempts)])
    known = [
        student.course.verified_on,
        student.remedial.completed_on if student.remedial else None,
        *(a.issued_on for a in student.authorizations),
        student.skills.passed_on if student.skills else None,
        student.cpr.issued_on if student.cpr else None,
        student.transcripts_received_on,
    ]
    last = max([last, *(d for d in known if d is not None)])
    as_of = min(last + dt.timedelta(days=days), D(2100, 12, 31))
    try:
        status = ep.decide(student, as_of=as_of, program=program)
    except ep.EmrpathError:  # an invalid record: refusals are the other tests' subject
        return
    assert status.attempts_used <= 6
    assert status.attempts_used + status.attempts_remaining <= 6
    if status.remedial_training_due:
        assert status.attempts_used == 3
        assert status.next_attempt_on is not None
        assert not status.remediation_required
