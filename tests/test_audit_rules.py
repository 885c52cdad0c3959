"""The audit's wrong answers (issue 17, items 1-4), each checked against its source sentence.

Every example test quotes the sentence it checks; every property quotes the rule. Each
test failed on the code before its fix.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath.params import Param
from emrpath.planning import ErrorLog, Miss, MissBucket, RetakePlan, retake_plan
from emrpath.policies import RecertExam
from tests.strategies import dates

D = dt.date
DAY = dt.timedelta(days=1)
EMR = ep.NREMT_EMR

# -- 1. recertification by exam counts only inside its window ------------------------------

RBE_SOURCE = (
    "RBE option is available beginning April 1 (EMR is October 1), up to one year before "
    "your current expiration date."
)


def rbe(
    cert: ep.Certification, taken_on: dt.date, *, as_of: dt.date, passed: bool = True
) -> ep.RecertificationStatus:
    return ep.recertification_status(
        cert,
        (),
        as_of=as_of,
        program=EMR,
        exam_attempts=[ep.ExamAttempt(taken_on, passed=passed)],
    )


def test_emr_rbe_before_october_1_of_the_year_before_expiry_does_not_recertify() -> None:
    """nremt.org RBE handbook: "RBE option is available beginning April 1 (EMR is October 1),
    up to one year before your current expiration date." The audit's reproducer: certified
    2025-03-12 (expires 2027-09-30), an RBE pass on 2025-04-20 met the requirements."""
    cert = ep.Certification(D(2025, 3, 12))
    early = rbe(cert, D(2025, 4, 20), as_of=D(2025, 5, 1))
    assert early.expires_on == D(2027, 9, 30)
    assert not early.requirements_met
    assert early.exam_passed is None  # no attempt that counts
    assert early.exam_attempts_remaining == 1
    reason = next(r for r in early.reasons if r.code == "recert_exam_outside_window")
    assert "2026-10-01" in reason.message
    assert reason.parameter == "recert_exam"


@pytest.mark.parametrize(
    ("taken_on", "counts"),
    [
        (D(2026, 9, 30), False),  # the day before the window opens
        (D(2026, 10, 1), True),  # October 1, one year before the expiration year
        (D(2027, 9, 30), True),  # the expiration date itself
    ],
)
def test_emr_rbe_window_edges(taken_on: dt.date, counts: bool) -> None:
    """nremt.org RBE handbook: "RBE option is available beginning April 1 (EMR is October 1),
    up to one year before your current expiration date." EMR certifications expire on
    September 30, so the window is October 1 of the year before through September 30."""
    cert = ep.Certification(D(2025, 3, 12))
    answer = rbe(cert, taken_on, as_of=D(2027, 9, 30))
    assert answer.requirements_met is counts
    assert answer.exam_passed is (True if counts else None)
    assert answer.exam_attempts_remaining == (0 if counts else 1)


def test_emr_rbe_window_is_a_cited_parameter() -> None:
    """The window is data on the recert_exam provision, with the handbook sentence cited."""
    assert EMR.recert_exam is not None
    provision = EMR.recert_exam.at(D(2025, 10, 1))
    assert provision.value.opens_on(D(2027, 9, 30)) == D(2026, 10, 1)
    assert RBE_SOURCE in provision.citation.quote
    assert provision.confidence is ep.Confidence.PRIMARY
    assert "October 1" in provision.value.describe()


def test_a_failed_rbe_before_the_window_leaves_the_one_attempt() -> None:
    """support.nremt.org: "You have one attempt to successfully complete recertification by
    exam; you cannot retest." An attempt outside the window is not that attempt."""
    cert = ep.Certification(D(2025, 3, 12))
    answer = ep.recertification_status(
        cert,
        (),
        as_of=D(2027, 5, 1),
        program=EMR,
        exam_attempts=[
            ep.ExamAttempt(D(2026, 5, 1), passed=False),
            ep.ExamAttempt(D(2026, 11, 2), passed=True),
        ],
    )
    assert answer.exam_passed is True
    assert answer.requirements_met
    with pytest.raises(ep.InvalidRecordError) as err:
        ep.recertification_status(
            cert,
            (),
            as_of=D(2027, 5, 1),
            program=EMR,
            exam_attempts=[
                ep.ExamAttempt(D(2026, 5, 1), passed=False),
                ep.ExamAttempt(D(2026, 11, 2), passed=False),
                ep.ExamAttempt(D(2027, 1, 5), passed=True),
            ],
        )
    assert err.value.field == "exam_attempts[2]"
    assert err.value.rule == "recertification by exam"


@given(certified=dates(D(2016, 1, 1), D(2095, 12, 31)), data=st.data())
def test_emr_rbe_counts_exactly_inside_its_window(certified: dt.date, data: st.DataObject) -> None:
    """nremt.org: "RBE option is available beginning April 1 (EMR is October 1), up to one
    year before your current expiration date": a passed EMR RBE attempt counts if and only
    if it lies in [October 1 of the year before expiry, the expiration date]."""
    cert = ep.Certification(certified)
    expires = ep.initial_expiration_date(certified, program=EMR)
    taken_on = data.draw(dates(certified, expires), label="taken_on")
    answer = rbe(cert, taken_on, as_of=taken_on)
    opens = D(expires.year - 1, 10, 1)
    assert answer.requirements_met is (opens <= taken_on <= expires)


@given(
    certified=dates(D(2016, 1, 1), D(2095, 12, 31)),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    data=st.data(),
)
def test_rbe_window_comes_from_the_parameter(
    certified: dt.date, month: int, day: int, data: st.DataObject
) -> None:
    """design.md: "Every number ... lives in one place, in a program's parameter table":
    moving the window's opening day in the parameter moves the window, nothing else does."""
    assert EMR.recert_exam is not None
    old = EMR.recert_exam.provisions[0]
    moved = RecertExam(attempts=1, opens_month=month, opens_day=day)
    program = attrs.evolve(
        EMR,
        recert_exam=Param(
            "recert_exam",
            EMR.recert_exam.description,
            (attrs.evolve(old, value=moved),),
        ),
    )
    cert = ep.Certification(certified)
    expires = ep.initial_expiration_date(certified, program=EMR)
    taken_on = data.draw(dates(certified, expires), label="taken_on")
    answer = ep.recertification_status(
        cert,
        (),
        as_of=taken_on,
        program=program,
        exam_attempts=[ep.ExamAttempt(taken_on, passed=True)],
    )
    assert answer.requirements_met is (D(expires.year - 1, month, day) <= taken_on)


# -- 2. an authorization to test cannot be issued after the course expired -----------------


def test_att_issued_after_the_course_expired_is_an_invalid_record() -> None:
    """EMT handbook: "An ATT purchased within 90 days of the course expiration date will
    expire on the date of course expiration"; design.md: "An ATT cannot be issued after the
    course has expired". The audit's reproducer returned 2025-01-31, before the issue date."""
    with pytest.raises(ep.InvalidRecordError) as err:
        ep.att_expiration_date(D(2025, 2, 5), D(2023, 1, 5), program=EMR)
    assert err.value.field == "issued_on"
    assert err.value.rule == "authorization to test"
    assert "2025-01-31" in err.value.message
    # the course's last day is still a day an ATT can be issued, valid that one day
    assert ep.att_expiration_date(D(2025, 1, 31), D(2023, 1, 5), program=EMR) == D(2025, 1, 31)


def test_the_refusal_lives_in_the_authorization_policy() -> None:
    """The policy every caller reads (att_expiration_date, evaluate, plan_attempts) refuses
    a window capped by a course that had already expired when it was issued."""
    window = EMR.authorization.value_at(D(2025, 2, 5))
    with pytest.raises(ep.InvalidRecordError) as err:
        window.expires_on(D(2025, 2, 5), course_expires_on=D(2025, 1, 31))
    assert (err.value.field, err.value.rule) == ("issued_on", "authorization to test")
    # an exam window that is not capped by a course (ASCP) does not depend on it
    ascp = ep.ASCP_MLS.authorization.value_at(D(2025, 2, 5))
    assert ascp.expires_on(D(2025, 2, 5), course_expires_on=D(2025, 1, 31)) == D(2025, 5, 5)


@given(completed=dates(D(2015, 1, 1), D(2095, 12, 31)), data=st.data())
def test_att_last_day_is_never_before_its_issue_date(
    completed: dt.date, data: st.DataObject
) -> None:
    """design.md: "An ATT cannot be issued after the course has expired: such a date is an
    invalid record (an error), never a last valid day that comes before the issue date."""
    course_end = ep.course_expiration_date(completed, program=EMR)
    issued = data.draw(dates(completed, D(2098, 12, 31)), label="issued")
    if issued <= course_end:
        last = ep.att_expiration_date(issued, completed, program=EMR)
        assert issued <= last <= course_end
        assert last == min(issued + dt.timedelta(days=90), course_end)
    else:
        with pytest.raises(ep.InvalidRecordError) as err:
            ep.att_expiration_date(issued, completed, program=EMR)
        assert err.value.field == "issued_on"


def _late_att_candidate(*attempts: ep.ExamAttempt) -> ep.Candidate:
    return ep.Candidate(
        ep.CourseCompletion(D(2023, 1, 5)),  # qualifies through 2025-01-31
        attempts=attempts,
        authorizations=[ep.AuthorizationToTest(D(2025, 2, 5))],
    )


def test_evaluate_refuses_a_late_att_it_checks_against_an_attempt() -> None:
    """design.md: "An ATT cannot be issued after the course has expired"; evaluate() reads
    the shared policy when it checks the authorizations against the attempts."""
    candidate = _late_att_candidate(ep.ExamAttempt(D(2024, 6, 3), passed=False))
    with pytest.raises(ep.InvalidRecordError) as err:
        ep.evaluate(candidate, as_of=D(2025, 3, 1), program=EMR)
    assert err.value.rule == "authorization to test"
    assert err.value.field == "authorizations[0].issued_on"


def test_evaluate_refuses_a_late_att_with_no_attempt() -> None:
    """design.md: "An ATT cannot be issued after the course has expired: such a date is an
    invalid record (an error)". With no attempt to check it against, evaluate() still
    refuses it, naming the record."""
    with pytest.raises(ep.InvalidRecordError) as err:
        ep.evaluate(_late_att_candidate(), as_of=D(2025, 3, 1), program=EMR)
    assert err.value.field == "authorizations[0].issued_on"
    assert err.value.rule == "authorization to test"


# -- 3. no retest date, and no "then retest", once no attempt is allowed -------------------

COURSE_2025 = ep.CourseCompletion(D(2025, 5, 2), verified_on=D(2025, 5, 9))


def _misses(*buckets: str) -> ErrorLog:
    return ErrorLog([Miss(bucket) for bucket in buckets])


def _offers_a_retest(plan: RetakePlan) -> bool:
    texts = [reason.message.lower() for reason in plan.reasons]
    return (
        plan.earliest_retest_on is not None
        or plan.timeline is not None
        or any("then retest" in text or "retest allowed" in text for text in texts)
    )


def test_after_the_third_failure_the_plan_says_a_new_course_comes_first() -> None:
    """design.md: "after the 3rd failure no further attempt is allowed until a new full EMR
    course is completed"; retake advice "never offers a retest date or 'then retest' when
    the rules allow no further attempt without a new course [...]: it says what must come
    first." The audit's reproducer offered a retest date and "Use the wait (15 calendar
    days ...), then retest"."""
    used = [ep.ExamAttempt(D(2025, 6 + m, 2), passed=False) for m in range(3)]
    person = ep.Candidate(COURSE_2025, attempts=used)
    plan = retake_plan(
        _misses("scope", "scope", "pacing"), used[-1], person, as_of=D(2025, 8, 14), program=EMR
    )
    assert plan.earliest_retest_on is None
    assert not plan.fits_course_window
    assert not _offers_a_retest(plan)
    focus = next(r for r in plan.reasons if r.code == "retake_focus")
    assert focus.message.startswith(
        "No further attempt under this course: first a new full course, which starts a "
        "fresh count."
    )
    assert focus.parameter == "attempt_limit"
    assert focus.citation == EMR.attempt_limit.at(D(2025, 5, 2)).citation
    assert "scope errors" in focus.message
    text = str(plan)
    assert "earliest retest           none" in text
    assert "then retest" not in text


def test_an_ascp_route_closed_after_five_failures_says_so_first() -> None:
    """ascp.org: "If you are unsuccessful after five attempts, you are ineligible for further
    examination under that route"; the plan names what comes first, with no retest date."""
    course = ep.CourseCompletion(D(2024, 1, 10), verified_on=D(2024, 1, 10), route="route 1")
    used = [ep.ExamAttempt(D(2024, 2, 5) + 95 * k * DAY, passed=False) for k in range(5)]
    plan = retake_plan(
        _misses("reading"),
        used[-1],
        ep.Candidate(course, attempts=used),
        as_of=D(2025, 4, 1),
        program=ep.ASCP_MLS,
    )
    assert plan.earliest_retest_on is None
    assert not _offers_a_retest(plan)
    focus = next(r for r in plan.reasons if r.code == "retake_focus")
    assert "first a different eligibility route" in focus.message


def test_a_plan_with_an_attempt_left_still_offers_the_retest() -> None:
    """NREMT: "If you are unsuccessful you can retest 15 days after the last attempt.\""""
    first = ep.ExamAttempt(D(2025, 7, 11), passed=False)
    plan = retake_plan(
        _misses("scope"),
        first,
        ep.Candidate(COURSE_2025, attempts=[first]),
        as_of=D(2025, 7, 14),
        program=EMR,
    )
    assert plan.earliest_retest_on == D(2025, 7, 26)
    assert plan.fits_course_window
    focus = next(r for r in plan.reasons if r.code == "retake_focus")
    assert "then retest" in focus.message


@given(
    completed=dates(D(2016, 1, 1), D(2090, 1, 1)),
    gaps=st.lists(st.integers(15, 230), min_size=1, max_size=3),  # inside the course
    later=st.integers(0, 60),
    buckets=st.lists(st.sampled_from([b.value for b in MissBucket]), max_size=4),
)
def test_a_plan_offers_a_retest_exactly_when_an_attempt_is_allowed(
    completed: dt.date, gaps: list[int], later: int, buckets: list[str]
) -> None:
    """design.md, retake advice: "advice never offers a retest date or 'then retest' when
    the rules allow no further attempt without a new course [...]: it says what must come
    first."""
    day = completed
    used = []
    for gap in gaps:
        day += dt.timedelta(days=gap)
        used.append(ep.ExamAttempt(day, passed=False))
    person = ep.Candidate(ep.CourseCompletion(completed), attempts=used)
    plan = retake_plan(
        _misses(*buckets), used[-1], person, as_of=day + dt.timedelta(days=later), program=EMR
    )
    if plan.remediation_required:
        assert plan.next_attempt_on is None
        assert not _offers_a_retest(plan)
        if buckets:
            focus = next(r for r in plan.reasons if r.code == "retake_focus")
            assert "first a new full course" in focus.message
    else:
        assert plan.earliest_retest_on == day + dt.timedelta(days=15)
        assert plan.next_attempt_on == max(plan.as_of, plan.earliest_retest_on)


# -- 4. a passed attempt carries no scaled score ------------------------------------------

SCALED_LAUNCH = (
    "The new scaled score report launches June 1, 2023, and is specifically for candidates "
    "who were unsuccessful in their National Registry examination attempt."
)


def test_a_pass_with_a_scaled_score_is_an_invalid_record() -> None:
    """NREMT news: "The new scaled score report launches June 1, 2023, and is specifically
    for candidates who were unsuccessful in their National Registry examination attempt."
    The audit's reproducer: a pass with 1000 on 2024-03-01 was accepted."""
    candidate = ep.Candidate(
        ep.CourseCompletion(D(2024, 1, 5)),
        attempts=[ep.ExamAttempt(D(2024, 3, 1), passed=True, scaled_score=1000)],
    )
    with pytest.raises(ep.InvalidRecordError) as err:
        ep.evaluate(candidate, as_of=D(2024, 4, 1), program=EMR)
    assert err.value.field == "attempts[0].scaled_score"
    assert err.value.rule == "score report"
    assert err.value.message == (
        "a passed attempt carries no scaled score (1000): the report is given to failing "
        "candidates only"
    )
    with pytest.raises(ep.InvalidRecordError) as err:
        ep.check_score(ep.ExamAttempt(D(2024, 3, 1), True, 950), program=EMR)
    assert err.value.field == "attempt.scaled_score"
    # the pass itself, without a score, is a valid record
    ep.check_score(ep.ExamAttempt(D(2024, 3, 1), passed=True), program=EMR)


def test_a_passed_recertification_exam_with_a_score_is_refused() -> None:
    """The same report rule holds for a recertification-by-exam attempt."""
    rbe_with_score = [ep.ExamAttempt(D(2026, 11, 2), passed=True, scaled_score=1200)]
    with pytest.raises(ep.InvalidRecordError) as err:
        ep.recertification_status(
            ep.Certification(D(2025, 3, 12)),
            (),
            as_of=D(2027, 1, 2),
            program=EMR,
            exam_attempts=rbe_with_score,
        )
    assert (err.value.field, err.value.rule) == ("exam_attempts[0].scaled_score", "score report")


def test_the_rule_is_cited_data_on_the_nremt_scale_only() -> None:
    """The failing-only report is NREMT's, read from its score_scale provision; ASCP's
    report gives a passing candidate a score (ascp-mls-facts: scores released to program
    officials), so an ASCP pass with 512 stays valid."""
    scale = EMR.score_scale.value_at(D(2023, 6, 1))
    assert scale is not None
    assert scale.failing_only
    assert "failing candidates only" in scale.describe()
    assert SCALED_LAUNCH in EMR.score_scale.at(D(2023, 5, 31)).citation.quote
    ascp = ep.ASCP_MLS.score_scale.value_at(D(2025, 6, 10))
    assert ascp is not None
    assert not ascp.failing_only
    ep.check_score(ep.ExamAttempt(D(2025, 6, 10), True, 512), program=ep.ASCP_MLS)


@given(taken_on=dates(D(2015, 1, 1), D(2100, 12, 31)), score=st.integers(-10, 2000))
def test_nremt_scores_are_failing_candidates_reports_only(taken_on: dt.date, score: int) -> None:
    """design.md, score report: "failing candidates only (since 2023-06-01): an integer
    scaled score on 100–1500, passing point 950 [...] a passed attempt carries no score";
    "an attempt before 2023-06-01 has no scaled score"."""
    for passed in (True, False):
        attempt = ep.ExamAttempt(taken_on, passed=passed, scaled_score=score)
        if taken_on >= D(2023, 6, 1) and not passed and 100 <= score < 950:
            ep.check_score(attempt, program=EMR)
            continue
        with pytest.raises(ep.InvalidRecordError) as err:
            ep.check_score(attempt, program=EMR)
        assert (err.value.field, err.value.rule) == ("attempt.scaled_score", "score report")
