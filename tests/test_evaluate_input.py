"""evaluate() and check_score() on bad input: each refusal names the field, the rule and
why, and the boundaries just inside are accepted.

Principle 6: "Every invalid record or argument raises a subclass of `emrpath.EmrpathError`
[...] with a message naming the field and the rule. Nothing is silently clamped, guessed
or defaulted." The contract: "an attempt dated before that completion, or after `as_of`,
is an invalid record".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

import emrpath as ep

D = dt.date
COURSE = ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13))
AFTER = (
    "2025-03-01 is after as_of 2025-02-01; a record cannot hold facts from after the date "
    "it is evaluated on"
)
ROUTE_LIMIT = (
    "the program allows 5, then a different eligibility route: this route is closed, and "
    "no refresher or remediation reopens it"
)


def fails(n: int, start: dt.date) -> list[ep.ExamAttempt]:
    return [ep.ExamAttempt(start + dt.timedelta(days=40 * i), passed=False) for i in range(n)]


def on_route(completed: dt.date, attempts: int) -> ep.PriorCourse:
    return ep.PriorCourse(
        ep.CourseCompletion(completed, route="1"),
        fails(attempts, completed + dt.timedelta(days=20)),
    )


ASCP_COURSE = ep.CourseCompletion(D(2025, 1, 10), route="1")


def on_one_route(*, now: int, before: int) -> ep.PathwayStatus:
    """evaluate() of an ASCP candidate with ``now`` attempts under this course and
    ``before`` under an earlier course on the same eligibility route."""
    candidate = ep.Candidate(
        course=ASCP_COURSE,
        attempts=fails(now, D(2025, 2, 1)),
        history=[on_route(D(2020, 1, 10), before)],
    )
    return ep.evaluate(candidate, as_of=D(2025, 6, 1), program=ep.ASCP_MLS)


BAD: list[tuple[str, Callable[[], object], type[ep.EmrpathError], str, str, str]] = [
    (
        "course completed after as_of",
        lambda: ep.evaluate(
            ep.Candidate(course=ep.CourseCompletion(D(2025, 3, 1))),
            as_of=D(2025, 2, 1),
            program=ep.NREMT_EMR,
        ),
        ep.InvalidRecordError,
        "course.completed_on",
        "course window",
        AFTER,
    ),
    (
        "attempt after as_of",
        lambda: ep.evaluate(
            ep.Candidate(course=COURSE, attempts=[ep.ExamAttempt(D(2025, 3, 1), passed=False)]),
            as_of=D(2025, 2, 1),
            program=ep.NREMT_EMR,
        ),
        ep.InvalidRecordError,
        "attempts[0].taken_on",
        "exam attempt",
        AFTER,
    ),
    (
        "skills passed after as_of",
        lambda: ep.evaluate(
            ep.Candidate(course=COURSE, skills=ep.SkillsCompetency(D(2025, 3, 1))),
            as_of=D(2025, 2, 1),
            program=ep.NREMT_EMR,
        ),
        ep.InvalidRecordError,
        "skills.passed_on",
        "skills competency",
        AFTER,
    ),
    (
        "verified after as_of",
        lambda: ep.evaluate(
            ep.Candidate(course=ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 3, 1))),
            as_of=D(2025, 2, 1),
            program=ep.NREMT_EMR,
        ),
        ep.InvalidRecordError,
        "course.verified_on",
        "course verification",
        AFTER,
    ),
    (
        "authorization after as_of",
        lambda: ep.evaluate(
            ep.Candidate(course=COURSE, authorizations=[ep.AuthorizationToTest(D(2025, 3, 1))]),
            as_of=D(2025, 2, 1),
            program=ep.NREMT_EMR,
        ),
        ep.InvalidRecordError,
        "authorizations[0].issued_on",
        "authorization to test",
        AFTER,
    ),
    (
        "CPR issued after as_of",
        lambda: ep.evaluate(
            ep.Candidate(
                course=COURSE, cpr=ep.CprCredential(D(2026, 3, 1), issued_on=D(2025, 3, 1))
            ),
            as_of=D(2025, 2, 1),
            program=ep.NREMT_EMR,
        ),
        ep.InvalidRecordError,
        "cpr.issued_on",
        "CPR credential",
        AFTER,
    ),
    (
        "transcripts after as_of",
        lambda: ep.evaluate(
            ep.Candidate(course=COURSE, transcripts_received_on=D(2025, 3, 1)),
            as_of=D(2025, 2, 1),
            program=ep.NREMT_EMR,
        ),
        ep.InvalidRecordError,
        "transcripts_received_on",
        "result posting",
        AFTER,
    ),
    (
        "not a candidate",
        lambda: ep.evaluate("candidate", as_of=D(2025, 2, 1), program=ep.NREMT_EMR),  # type: ignore[arg-type]
        ep.InputTypeError,
        "candidate",
        "evaluate",
        "expected a Candidate, got str",
    ),
    (
        "as_of a string",
        lambda: ep.evaluate(ep.Candidate(course=COURSE), as_of="2025-02-01", program=ep.NREMT_EMR),  # type: ignore[arg-type]
        ep.InputTypeError,
        "as_of",
        "evaluate",
        "expected a datetime.date, got str '2025-02-01'",
    ),
    (
        "program a string",
        lambda: ep.evaluate(ep.Candidate(course=COURSE), as_of=D(2025, 2, 1), program="NREMT"),  # type: ignore[arg-type]
        ep.InputTypeError,
        "program",
        "evaluate",
        "expected a Program such as emrpath.NREMT_EMR (emrpath.programs.get(key) looks one up "
        "by its key), got str",
    ),
    (
        "an attempt after the course window",
        lambda: ep.evaluate(
            ep.Candidate(course=COURSE, attempts=[ep.ExamAttempt(D(2027, 2, 1), passed=False)]),
            as_of=D(2027, 3, 1),
            program=ep.NREMT_EMR,
        ),
        ep.InvalidRecordError,
        "attempts[0].taken_on",
        "course window",
        "attempt on 2027-02-01 is after the course expired on 2027-01-31; it cannot count "
        "under this course",
    ),
    (
        "a 4th attempt under one NREMT course",
        lambda: ep.evaluate(
            ep.Candidate(course=COURSE, attempts=fails(4, D(2025, 2, 1))),
            as_of=D(2025, 12, 1),
            program=ep.NREMT_EMR,
        ),
        ep.InvalidRecordError,
        "attempts[3]",
        "attempt limit",
        "4 attempts under one course; the program allows 3, then a new full course, which "
        "starts a fresh count",
    ),
    (
        "a 6th ASCP attempt on one route, the 6th in this course",
        lambda: on_one_route(now=2, before=4),
        ep.InvalidRecordError,
        "attempts[1]",
        "attempt limit",
        "6 attempts under one eligibility route (4 of them in history on the same route); "
        + ROUTE_LIMIT,
    ),
    (
        "a 6th ASCP attempt on one route, the first in this course",
        lambda: on_one_route(now=1, before=5),
        ep.InvalidRecordError,
        "attempts[0]",
        "attempt limit",
        "6 attempts under one eligibility route (5 of them in history on the same route); "
        + ROUTE_LIMIT,
    ),
    (
        "a history already over the route's limit",
        lambda: on_one_route(now=0, before=6),
        ep.InvalidRecordError,
        "history",
        "attempt limit",
        "6 attempts under one eligibility route (6 of them in history on the same route); "
        + ROUTE_LIMIT,
    ),
    (
        "a per-route history without a route",
        lambda: ep.evaluate(
            ep.Candidate(
                course=ep.CourseCompletion(D(2025, 1, 10)), history=[on_route(D(2020, 1, 10), 1)]
            ),
            as_of=D(2025, 6, 1),
            program=ep.ASCP_MLS,
        ),
        ep.InvalidRecordError,
        "course.route",
        "attempt limit",
        "the program counts attempts per eligibility route, so with a history every course "
        "must name its route",
    ),
    (
        "check_score of a non-attempt",
        lambda: ep.check_score("attempt", program=ep.NREMT_EMR),
        ep.InputTypeError,
        "attempt",
        "score report",
        "expected an ExamAttempt, got str",
    ),
    (
        "check_score of a non-attempt, with the caller's field",
        lambda: ep.check_score(3, field="attempts[2]", program=ep.NREMT_EMR),
        ep.InputTypeError,
        "attempts[2]",
        "score report",
        "expected an ExamAttempt, got int",
    ),
    (
        "a scaled score before scaled reports",
        lambda: ep.check_score(
            ep.ExamAttempt(D(2023, 5, 31), passed=False, scaled_score=800), program=ep.NREMT_EMR
        ),
        ep.InvalidRecordError,
        "attempt.scaled_score",
        "score report",
        "the attempt on 2023-05-31 has no scaled score report (scaled reports start 2023-06-01)",
    ),
    (
        "a scaled score before scaled reports, in evaluate()",
        lambda: ep.evaluate(
            ep.Candidate(
                course=ep.CourseCompletion(D(2023, 5, 1)),
                attempts=[ep.ExamAttempt(D(2023, 5, 31), passed=False, scaled_score=800)],
            ),
            as_of=D(2023, 7, 1),
            program=ep.NREMT_EMR,
        ),
        ep.InvalidRecordError,
        "attempts[0].scaled_score",
        "score report",
        "the attempt on 2023-05-31 has no scaled score report (scaled reports start 2023-06-01)",
    ),
    (
        "a score below the scale",
        lambda: ep.check_score(
            ep.ExamAttempt(D(2024, 5, 31), passed=False, scaled_score=99), program=ep.NREMT_EMR
        ),
        ep.InvalidRecordError,
        "attempt.scaled_score",
        "score report",
        "99 is below the scale 100-1500; a raw percentage is not a scaled score and emrpath "
        "never converts one",
    ),
    (
        "a score above the scale",
        lambda: ep.check_score(
            ep.ExamAttempt(D(2024, 5, 31), passed=True, scaled_score=1501), program=ep.NREMT_EMR
        ),
        ep.InvalidRecordError,
        "attempt.scaled_score",
        "score report",
        "1501 is above the scale 100-1500",
    ),
    (
        "check_score with a program that is not one",
        lambda: ep.check_score(ep.ExamAttempt(D(2024, 5, 31), passed=True), program="NREMT"),  # type: ignore[arg-type]
        ep.InputTypeError,
        "program",
        "score report",
        "expected a Program such as emrpath.NREMT_EMR (emrpath.programs.get(key) looks one up "
        "by its key), got str",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "field", "rule", "message"),
    [case[1:] for case in BAD],
    ids=[case[0] for case in BAD],
)
def test_bad_input_names_the_field_the_rule_and_why(
    call: Callable[[], object], error: type[ep.EmrpathError], field: str, rule: str, message: str
) -> None:
    with pytest.raises(error) as info:
        call()
    assert (info.value.field, info.value.rule, info.value.message) == (field, rule, message)


def test_the_boundaries_just_inside_are_accepted() -> None:
    """An attempt on the course's last day counts; the ends of the scores a report can hold
    are scores (NREMT reports failing candidates only: 100 to 949; ASCP up to 999);
    a retest on the earliest retest date keeps the wait; five ASCP attempts on one route
    are allowed."""
    on_last_day = ep.Candidate(
        course=COURSE, attempts=[ep.ExamAttempt(D(2027, 1, 31), passed=False)]
    )
    assert ep.evaluate(on_last_day, as_of=D(2027, 3, 1), program=ep.NREMT_EMR).attempts_used == 1
    ep.check_score(
        ep.ExamAttempt(D(2024, 5, 31), passed=False, scaled_score=100), program=ep.NREMT_EMR
    )
    ep.check_score(ep.ExamAttempt(D(2024, 5, 31), False, 949), program=ep.NREMT_EMR)
    ep.check_score(ep.ExamAttempt(D(2024, 5, 31), True, 999), program=ep.ASCP_MLS)
    kept = ep.Candidate(
        course=COURSE,
        attempts=[
            ep.ExamAttempt(D(2025, 2, 6), passed=False),
            ep.ExamAttempt(D(2025, 2, 21), passed=False),
        ],
    )
    assert "retest_wait_not_kept" not in [
        r.code for r in ep.evaluate(kept, as_of=D(2025, 3, 1), program=ep.NREMT_EMR).reasons
    ]
    status = on_one_route(now=1, before=4)
    assert (status.attempts_used, status.attempts_remaining) == (5, 0)


def test_a_retest_before_the_wait_is_reported_not_refused() -> None:
    """Retest wait: "earliest retest = last attempt date + 15 calendar days"; an attempt on
    record before that is reported (the record or the rule may be wrong), never dropped."""
    early = ep.Candidate(
        course=COURSE,
        attempts=[
            ep.ExamAttempt(D(2025, 2, 6), passed=False),
            ep.ExamAttempt(D(2025, 2, 20), passed=False),
        ],
    )
    reasons = {
        r.code: r for r in ep.evaluate(early, as_of=D(2025, 3, 1), program=ep.NREMT_EMR).reasons
    }
    assert reasons["retest_wait_not_kept"].message == (
        "The attempt on 2025-02-20 came before the earliest retest date 2025-02-21 (15 "
        "calendar days after the last attempt); check the record or the rule."
    )
    assert reasons["retest_wait_not_kept"].parameter == "retest_wait"


def test_a_record_finding_carries_the_confidence_of_the_rule_it_checked() -> None:
    """Principle 3: the reasons come "each with the rule's citation", and a reason is as
    sure as the provision it cites. The retest wait is secondary-only ("Primary wording
    not found"), so the finding that an attempt came before it is secondary too."""
    early = ep.Candidate(
        course=COURSE,
        attempts=[
            ep.ExamAttempt(D(2025, 2, 6), passed=False),
            ep.ExamAttempt(D(2025, 2, 20), passed=False),
        ],
    )
    (finding,) = [
        r
        for r in ep.evaluate(early, as_of=D(2025, 3, 1), program=ep.NREMT_EMR).reasons
        if r.code == "retest_wait_not_kept"
    ]
    wait = ep.NREMT_EMR.retest_wait.at(D(2025, 2, 6))
    assert (finding.citation, finding.confidence) == (wait.citation, ep.Confidence.SECONDARY)


def test_facts_dated_on_as_of_are_known_on_as_of() -> None:
    """The contract refuses a record dated "after `as_of`": every fact dated on ``as_of``
    itself (verification, attempt, authorization, skills, CPR card, transcripts) is
    accepted."""
    day = D(2025, 2, 3)
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 1, 10), verified_on=day),
        attempts=[ep.ExamAttempt(day, passed=True)],
        authorizations=[ep.AuthorizationToTest(day)],
        skills=ep.SkillsCompetency(day),
        cpr=ep.CprCredential(D(2027, 1, 31), issued_on=day),
        transcripts_received_on=day,
    )
    status = ep.evaluate(candidate, as_of=day, program=ep.NREMT_EMR)
    assert (status.attempts_used, status.certified) == (1, False)
