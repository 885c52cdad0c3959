"""Every gate's explanation, pinned: states, dates, reason codes, messages and sources.

Principle 3: "Decisions explain themselves. A rule returns a value object carrying the
outcome, the reasons (each with the rule's citation), and the weakest confidence among
the parameters it read." Reason codes are "stable machine-readable code[s]"
(decisions.Reason), and the messages are what a candidate or registrar reads, so a change
to either is a change to the library's output and must show up as a reviewed diff.

Each scenario below puts one or more gates in a state no other test pins down (CPR
current, expiring on ``as_of`` or expired; an authorization current, expired or missing;
a result held for transcripts; attempts used up; portions expired; ...). The expected
text is ``tests/golden/explanations.txt``. After a deliberate change, review the diff of
``python tests/test_explanations.py`` (which rewrites the file) before committing it.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import emrpath as ep
from emrpath.status import Reason

D = dt.date
GOLDEN = Path(__file__).parent / "golden" / "explanations.txt"

COURSE = ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13))
SKILLS = ep.SkillsCompetency(D(2025, 1, 8))
FAIL_1 = ep.ExamAttempt(D(2025, 2, 6), passed=False, scaled_score=880)
FAIL_2 = ep.ExamAttempt(D(2025, 3, 6), passed=False, scaled_score=905)
FAIL_3 = ep.ExamAttempt(D(2025, 4, 7), passed=False, scaled_score=930)
PASS_2 = ep.ExamAttempt(D(2025, 3, 6), passed=True)


def one_failure(
    *, authorizations: list[ep.AuthorizationToTest], cpr: ep.CprCredential | None = None
) -> ep.Candidate:
    """One failed attempt under the verified course, skills on record, and these records."""
    return ep.Candidate(
        course=COURSE, attempts=[FAIL_1], skills=SKILLS, authorizations=authorizations, cpr=cpr
    )


def passed_then_verified_on(day: dt.date) -> ep.Candidate:
    """Passed on 2025-03-06 (valid through 2027-03-06), skills in 2026, verified on ``day``."""
    return ep.Candidate(
        course=ep.CourseCompletion(D(2025, 1, 10), verified_on=day),
        attempts=[PASS_2],
        skills=ep.SkillsCompetency(D(2026, 6, 1)),
    )


TWO_AUTHORIZATIONS = [
    ep.AuthorizationToTest(D(2025, 1, 20)),
    ep.AuthorizationToTest(D(2025, 2, 10)),
]


SCENARIOS: list[tuple[str, ep.Candidate, dt.date, ep.Program]] = [
    (
        "a new course and nothing else: verification, CPR, authorization pending",
        ep.Candidate(course=ep.CourseCompletion(D(2025, 1, 10))),
        D(2025, 1, 20),
        ep.NREMT_EMR,
    ),
    (
        "one failure; CPR and a fresh authorization current; waiting out the retest wait",
        one_failure(
            authorizations=TWO_AUTHORIZATIONS,
            cpr=ep.CprCredential(D(2026, 6, 30), issued_on=D(2024, 6, 30)),
        ),
        D(2025, 2, 12),
        ep.NREMT_EMR,
    ),
    (
        "CPR and authorization both on their last valid day",
        one_failure(authorizations=TWO_AUTHORIZATIONS, cpr=ep.CprCredential(D(2025, 5, 11))),
        D(2025, 5, 11),
        ep.NREMT_EMR,
    ),
    (
        "the day after: CPR and the unused authorization expired",
        one_failure(authorizations=TWO_AUTHORIZATIONS, cpr=ep.CprCredential(D(2025, 5, 10))),
        D(2025, 5, 12),
        ep.NREMT_EMR,
    ),
    (
        "an attempt no authorization covers, and one taken after the CPR card expired",
        ep.Candidate(
            course=COURSE,
            attempts=[FAIL_1, FAIL_2],
            skills=SKILLS,
            authorizations=[ep.AuthorizationToTest(D(2025, 2, 20))],
            cpr=ep.CprCredential(D(2025, 3, 1)),
        ),
        D(2025, 3, 10),
        ep.NREMT_EMR,
    ),
    (
        "three failures: a new course is needed; CPR and authorization not needed now",
        ep.Candidate(
            course=COURSE,
            attempts=[FAIL_1, FAIL_2, FAIL_3],
            skills=SKILLS,
            cpr=ep.CprCredential(D(2026, 6, 30)),
        ),
        D(2025, 4, 20),
        ep.NREMT_EMR,
    ),
    (
        "passed, the result not yet posted",
        ep.Candidate(course=COURSE, attempts=[FAIL_1, PASS_2], skills=SKILLS),
        D(2025, 3, 7),
        ep.NREMT_EMR,
    ),
    (
        "passed and certified",
        ep.Candidate(course=COURSE, attempts=[FAIL_1, PASS_2], skills=SKILLS),
        D(2025, 3, 20),
        ep.NREMT_EMR,
    ),
    (
        "passed but the course was never verified: the result waits for it",
        ep.Candidate(course=ep.CourseCompletion(D(2025, 1, 10)), attempts=[PASS_2], skills=SKILLS),
        D(2025, 3, 20),
        ep.NREMT_EMR,
    ),
    (
        "passed long ago, never certified: both portions expired before certification, and "
        "the course too, so a new course is needed",
        ep.Candidate(course=ep.CourseCompletion(D(2025, 1, 10)), attempts=[PASS_2], skills=SKILLS),
        D(2027, 4, 1),
        ep.NREMT_EMR,
    ),
    (
        "a course completed before 2018-11-01: portions valid 12 months",
        ep.Candidate(
            course=ep.CourseCompletion(D(2018, 9, 3), verified_on=D(2018, 9, 5)),
            attempts=[ep.ExamAttempt(D(2018, 10, 1), passed=True)],
        ),
        D(2019, 11, 1),
        ep.NREMT_EMR,
    ),
    (
        "the course window has closed",
        ep.Candidate(course=COURSE, attempts=[FAIL_1], skills=SKILLS),
        D(2027, 2, 1),
        ep.NREMT_EMR,
    ),
    (
        "the retest date falls after the course window closes",
        ep.Candidate(
            course=COURSE,
            attempts=[ep.ExamAttempt(D(2027, 1, 25), passed=False, scaled_score=900)],
        ),
        D(2027, 1, 26),
        ep.NREMT_EMR,
    ),
    (
        "attempts on the day an authorization is issued and on its last valid day are "
        "covered; a later attempt it does not reach is reported; an attempt on the CPR "
        "card's expiry day is not",
        ep.Candidate(
            course=COURSE,
            attempts=[
                ep.ExamAttempt(D(2025, 2, 6), passed=False, scaled_score=880),
                ep.ExamAttempt(D(2025, 5, 7), passed=False, scaled_score=890),
                ep.ExamAttempt(D(2025, 8, 5), passed=False, scaled_score=900),
            ],
            skills=SKILLS,
            authorizations=[
                ep.AuthorizationToTest(D(2025, 2, 6)),  # valid through 2025-05-07
            ],
            cpr=ep.CprCredential(D(2025, 5, 7)),
        ),
        D(2025, 8, 10),
        ep.NREMT_EMR,
    ),
    (
        "on the last day of the course window the course still qualifies",
        ep.Candidate(course=COURSE, attempts=[FAIL_1], skills=SKILLS),
        D(2027, 1, 31),
        ep.NREMT_EMR,
    ),
    (
        "passed, neither verified nor skills on record: the result waits for both",
        ep.Candidate(course=ep.CourseCompletion(D(2025, 1, 10)), attempts=[PASS_2]),
        D(2025, 3, 20),
        ep.NREMT_EMR,
    ),
    (
        "certified: on the expiry day still met, portions no longer checked after issue",
        ep.Candidate(course=COURSE, attempts=[FAIL_1, PASS_2], skills=SKILLS),
        D(2027, 9, 30),
        ep.NREMT_EMR,
    ),
    (
        "the day after the expiry day: the certification expired",
        ep.Candidate(course=COURSE, attempts=[FAIL_1, PASS_2], skills=SKILLS),
        D(2027, 10, 1),
        ep.NREMT_EMR,
    ),
    (
        "the result posts on the skills competency's last valid day: certified",
        ep.Candidate(
            course=COURSE, attempts=[ep.ExamAttempt(D(2027, 1, 6), passed=True)], skills=SKILLS
        ),
        D(2027, 1, 15),
        ep.NREMT_EMR,
    ),
    (
        "the result posts the business day after it: skills expired first, not certified",
        ep.Candidate(
            course=COURSE, attempts=[ep.ExamAttempt(D(2027, 1, 7), passed=True)], skills=SKILLS
        ),
        D(2027, 1, 15),
        ep.NREMT_EMR,
    ),
    (
        "an authorization issued on the day of the last attempt was used by it",
        one_failure(authorizations=[ep.AuthorizationToTest(D(2025, 2, 6))]),
        D(2025, 2, 10),
        ep.NREMT_EMR,
    ),
    (
        "an authorization issued near the end of the course window ends with it",
        one_failure(authorizations=[ep.AuthorizationToTest(D(2027, 1, 1))]),
        D(2027, 1, 5),
        ep.NREMT_EMR,
    ),
    (
        "verified on the cognitive pass's last valid day: certified",
        passed_then_verified_on(D(2027, 3, 6)),
        D(2027, 3, 20),
        ep.NREMT_EMR,
    ),
    (
        "verified the day after: the cognitive pass expired first, not certified",
        passed_then_verified_on(D(2027, 3, 7)),
        D(2027, 3, 20),
        ep.NREMT_EMR,
    ),
    (
        "ASCP MLS: passed and transcripts received, but the program director has not verified",
        ep.Candidate(
            course=ep.CourseCompletion(D(2025, 1, 10), route="1"),
            attempts=[ep.ExamAttempt(D(2025, 3, 6), passed=True)],
            transcripts_received_on=D(2025, 3, 1),
        ),
        D(2025, 4, 1),
        ep.ASCP_MLS,
    ),
    (
        "ASCP MLS: passed, the result held until transcripts arrive",
        ep.Candidate(
            course=ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 20), route="1"),
            attempts=[ep.ExamAttempt(D(2025, 3, 6), passed=True)],
        ),
        D(2025, 3, 20),
        ep.ASCP_MLS,
    ),
    (
        "ASCP MLS: transcripts received after the exam; certified once they are",
        ep.Candidate(
            course=ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 20), route="1"),
            attempts=[ep.ExamAttempt(D(2025, 3, 6), passed=True)],
            transcripts_received_on=D(2025, 3, 24),
        ),
        D(2025, 4, 1),
        ep.ASCP_MLS,
    ),
    (
        "NREMT EMT: three failures, remedial training due, the next attempt still open",
        ep.Candidate(course=COURSE, attempts=[FAIL_1, FAIL_2, FAIL_3], skills=SKILLS),
        D(2025, 5, 1),
        ep.NREMT_EMT,
    ),
    (
        "NREMT EMT: three failures and too little remedial training on record",
        ep.Candidate(
            course=COURSE,
            attempts=[FAIL_1, FAIL_2, FAIL_3],
            skills=SKILLS,
            remedial=ep.RemedialTraining(D(2025, 4, 20), 16),
        ),
        D(2025, 5, 1),
        ep.NREMT_EMT,
    ),
    (
        "NREMT AEMT: course after 2024-07-01 (no skills exam), remedial component done, "
        "EMT licence held",
        ep.Candidate(
            course=COURSE,
            attempts=[FAIL_1, FAIL_2, FAIL_3],
            remedial=ep.RemedialTraining(D(2025, 4, 20), national_component=True),
            prerequisite=ep.PrerequisiteCredential("emt", D(2026, 6, 30)),
        ),
        D(2025, 5, 1),
        ep.NREMT_AEMT,
    ),
    (
        "NREMT Paramedic: an EMR credential only, accreditation not on record",
        ep.Candidate(
            course=COURSE,
            attempts=[FAIL_1],
            prerequisite=ep.PrerequisiteCredential("emr", D(2026, 9, 30)),
        ),
        D(2025, 3, 1),
        ep.NREMT_PARAMEDIC,
    ),
    (
        "NREMT Paramedic: six failures, a new course needed",
        ep.Candidate(
            course=COURSE,
            attempts=[
                FAIL_1,
                FAIL_2,
                FAIL_3,
                ep.ExamAttempt(D(2025, 5, 5), passed=False, scaled_score=915),
                ep.ExamAttempt(D(2025, 6, 2), passed=False, scaled_score=920),
                ep.ExamAttempt(D(2025, 7, 7), passed=False, scaled_score=940),
            ],
            prerequisite=ep.PrerequisiteCredential("aemt", D(2026, 3, 31)),
            course_accreditation="caahep",
        ),
        D(2025, 8, 1),
        ep.NREMT_PARAMEDIC,
    ),
]


def render(status: ep.PathwayStatus) -> list[str]:
    """Every field of the status and of each gate and reason, one per line."""
    lines = [
        f"certified={status.certified} certified_on={status.certified_on} "
        f"expires={status.certification_expires_on} next_attempt_on={status.next_attempt_on}",
        f"attempts used={status.attempts_used} remaining={status.attempts_remaining} "
        f"remediation={status.remediation_required} confidence={status.confidence.value}"
        + (" remedial_training_due=True" if status.remedial_training_due else ""),
    ]
    in_gates = {id(r) for g in status.gates for r in g.reasons}
    for reason in status.reasons:
        if id(reason) not in in_gates:
            lines.append("  record: " + _reason(reason))
    for gate in status.gates:
        lines.append(
            f"  {gate.name.value}: {gate.state.value} valid_until={gate.valid_until} "
            f"expected_on={gate.expected_on}"
        )
        lines.extend("    " + _reason(r) for r in gate.reasons)
    return lines


def _reason(reason: Reason) -> str:
    source = "-" if reason.citation is None else reason.citation.url
    return (
        f"{reason.code} [{reason.parameter}; {reason.confidence.value}; {source}]: "
        f"{reason.message}"
    )


def explanations() -> str:
    out: list[str] = []
    for title, candidate, as_of, program in SCENARIOS:
        out.append(f"## {program.key} on {as_of}: {title}")
        out.extend(render(ep.evaluate(candidate, as_of=as_of, program=program)))
        out.append("")
    return "\n".join(out)


def test_every_gate_explains_itself_as_recorded() -> None:
    """The statuses of the scenarios, field by field, are the reviewed text on file."""
    expected = GOLDEN.read_text(encoding="utf-8").split("\n")
    got = explanations().split("\n")
    for number, (want, have) in enumerate(zip(expected, got, strict=False), start=1):
        assert have == want, f"{GOLDEN.name} line {number}"
    assert len(got) == len(expected)


def test_the_scenarios_reach_every_gate_state_they_promise() -> None:
    """The golden text would hide a scenario that stopped meaning what its title says."""
    seen = {
        (g.name, g.state)
        for _, candidate, as_of, program in SCENARIOS
        for g in ep.evaluate(candidate, as_of=as_of, program=program).gates
    }
    for name in (ep.GateName.CPR, ep.GateName.AUTHORIZATION):
        for state in (
            ep.GateState.MET,
            ep.GateState.PENDING,
            ep.GateState.EXPIRED,
            ep.GateState.NOT_YET_APPLICABLE,
        ):
            assert (name, state) in seen, (name, state)
    assert (ep.GateName.COURSE, ep.GateState.EXPIRED) in seen
    assert (ep.GateName.SKILLS, ep.GateState.EXPIRED) in seen
    assert (ep.GateName.CERTIFICATION, ep.GateState.MET) in seen
    assert (ep.GateName.PREREQUISITE, ep.GateState.MET) in seen
    assert (ep.GateName.PREREQUISITE, ep.GateState.PENDING) in seen


if __name__ == "__main__":  # rewrite the golden file; review its diff before committing
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text(explanations(), encoding="utf-8")
    sys.exit(0)
