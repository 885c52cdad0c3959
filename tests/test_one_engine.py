"""One engine: both shipped programs and a third, toy program defined here from data alone
run through the same records, rules, evaluate() and recertification_status()."""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

import attrs
import pytest

import emrpath as ep
from emrpath.calendar import CalendarSpec
from emrpath.params import Param
from emrpath.policies import (
    AfterLimit,
    AnniversaryExpiry,
    AttemptLimit,
    AttemptScope,
    AuthorizationWindow,
    CeComponent,
    CeRequirement,
    CeTopic,
    DeadlineRecertWindow,
    FixedDaysWait,
    MonthsValidity,
    RecertificationCycle,
    ResultPosting,
    RollingCeWindow,
    ScoreScale,
)
from tests.errors import raises_emrpath

D = dt.date
SRC = Path(ep.__file__).resolve().parent

CITE = ep.Citation(url="https://example.org/toy-handbook", quote="toy rule", title="Toy")


# Every toy rule has one provision, from the same date, source and confidence.
one = functools.partial(
    Param.single, effective_from=D(2020, 1, 1), citation=CITE, confidence=ep.Confidence.PRIMARY
)


TOY = ep.Program(
    key="toy-cert",
    name="Toy Certificate",
    body="Toy Board",
    timezone="Europe/London",
    calendar_spec=CalendarSpec(country=None, first_year=2019, last_year=2035),
    result_posting=one("result_posting", "toy result_posting", ResultPosting(business_days=1)),
    score_scale=one("score_scale", "toy score_scale", ScoreScale(0, 100, 70)),
    retest_wait=one("retest_wait", "toy retest_wait", FixedDaysWait(days=7)),
    attempt_limit=one(
        "attempt_limit",
        "toy attempt_limit",
        AttemptLimit(2, AfterLimit.ROUTE_CLOSED, scope=AttemptScope.PER_ROUTE),
    ),
    course_validity=one("course_validity", "toy course_validity", MonthsValidity(months=12)),
    authorization=one("authorization", "toy authorization", AuthorizationWindow(days=30)),
    certification_term=one(
        "certification_term", "toy certification_term", AnniversaryExpiry(years=1)
    ),
    verification_required=one("verification_required", "toy verification_required", False),
    recert_cycle=one("recert_cycle", "toy recert_cycle", RecertificationCycle(months=12)),
    ce_requirement=one(
        "ce_requirement",
        "toy ce_requirement",
        CeRequirement("credits", 5, (CeComponent("any", 0),)),
    ),
    ce_window=one("ce_window", "toy ce_window", RollingCeWindow()),
    recert_window=one(
        "recert_window", "toy recert_window", DeadlineRecertWindow(due_months_before=0)
    ),
)


def test_a_toy_program_from_data_alone_evaluates_a_candidate() -> None:
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 3, 3), route="a"),
        attempts=[
            ep.ExamAttempt(D(2025, 3, 7), passed=False, scaled_score=55),  # Friday
        ],
    )
    status = ep.evaluate(candidate, as_of=D(2025, 3, 8), program=TOY)
    assert status.program == "toy-cert"
    assert status.next_attempt_on == D(2025, 3, 14)
    assert status.attempts_remaining == 1
    assert status.gate("cpr").state is ep.GateState.MET
    assert status.gate("skills").state is ep.GateState.MET
    assert "Not part of this program's pathway." in str(status)

    passed = attrs.evolve(
        candidate,
        attempts=[*candidate.attempts, ep.ExamAttempt(D(2025, 3, 14), True, 80)],
    )
    done = ep.evaluate(passed, as_of=D(2025, 3, 20), program=TOY)
    assert done.certified
    assert done.certified_on == D(2025, 3, 17)  # 1 business day after a Friday
    assert done.certification_expires_on == D(2026, 3, 16)

    closed = attrs.evolve(
        candidate,
        attempts=[*candidate.attempts, ep.ExamAttempt(D(2025, 3, 14), False, 60)],
    )
    blocked = ep.evaluate(closed, as_of=D(2025, 3, 20), program=TOY)
    assert blocked.remediation_required
    assert any("route is closed" in r.message for r in blocked.reasons)

    life = ep.recertification_status(
        ep.Certification(D(2025, 3, 17)),
        [ep.ContinuingEducation(D(2025, 6, 1), 5, "any")],
        as_of=D(2025, 7, 1),
        program=TOY,
    )
    assert life.requirements_met
    assert life.expires_on == D(2026, 3, 16)
    assert life.lapses_on is None


def test_the_toy_program_without_lifecycle_rules_says_so() -> None:
    bare = attrs.evolve(
        TOY, recert_cycle=None, ce_requirement=None, ce_window=None, recert_window=None
    )
    with pytest.raises(ep.NoRuleInForceError) as err:
        ep.recertification_status(
            ep.Certification(D(2025, 3, 17)), as_of=D(2025, 7, 1), program=bare
        )
    assert err.value.field == "program"
    with raises_emrpath(ep.NoRuleInForceError, field="program", rule="appeal"):
        ep.appeal_deadline(D(2025, 3, 1), program=bare)


def test_program_definitions_are_checked() -> None:
    with pytest.raises(ep.InvalidRecordError) as err:
        attrs.evolve(TOY, result_posting=None)
    assert err.value.field == "Program.result_posting"
    with pytest.raises(ep.InvalidRecordError) as err:
        attrs.evolve(TOY, ce_window=None)
    assert err.value.field == "Program.ce_window"
    with raises_emrpath(
        ep.InvalidRecordError, field="CeRequirement.components", rule="program parameter"
    ):
        CeRequirement("hours", 4, (CeComponent("a", 3), CeComponent("b", 3)))
    with raises_emrpath(
        ep.InvalidRecordError, field="CeComponent(a).topics", rule="program parameter"
    ):
        CeComponent("a", 1, (CeTopic("x", 1), CeTopic("x", 0)))


RULE_CODE = [
    SRC / "pathway.py",
    SRC / "lifecycle.py",
    *sorted((SRC / "rules").glob("*.py")),
]


@pytest.mark.parametrize("path", RULE_CODE, ids=lambda p: p.name)
def test_rule_code_has_no_program_branches(path: Path) -> None:
    """design.md: "Nothing in rule code is a bare literal"; the issue: "the rule code holds
    no `if program is ...` branches". Rule modules name NREMT_EMR only in their docstring
    examples (``ep.NREMT_EMR``: there is no default program); they never compare a program or
    its key, nor name ASCP or the NREMT website."""
    text = path.read_text(encoding="utf-8")
    assert "ASCP" not in text.replace("ASCP MLS", "").replace("ep.ASCP_MLS", "")
    assert not re.search(r"(program|self\.p)\s+is\s+(not\s+)?[A-Z_]{4,}", text)
    assert not re.search(r"\.key\s*[!=]=", text)
    assert "National Registry" not in text
    for line in text.splitlines():
        if "NREMT_EMR" in line:
            assert re.search(r"\b(ep|emrpath)\.NREMT_EMR|NREMT EMR", line), line


@pytest.mark.parametrize("program", [ep.NREMT_EMR, ep.ASCP_MLS], ids=lambda p: p.key)
def test_both_programs_answer_the_same_questions(program: ep.Program) -> None:
    for name in (
        "result_posting",
        "score_scale",
        "retest_wait",
        "attempt_limit",
        "course_validity",
        "authorization",
        "certification_term",
        "verification_required",
        "recert_cycle",
        "ce_requirement",
        "ce_window",
        "recert_window",
        "appeal_window",
    ):
        assert getattr(program, name) is not None, name
    exam = D(2025, 6, 10)
    assert ep.expected_result_date(exam, program=program) > exam
    assert ep.earliest_retest_date(exam, program=program) > exam
    assert ep.appeal_deadline(exam, program=program) > exam
    assert program.has_lifecycle
