"""ASCP MLS through the shared engine: parameter table, scenarios quoting the sources,
properties of the per-route attempt limit, and bad input."""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath._dates import add_months
from emrpath.programs.ascp_mls import RETEST_WAIT_90_DAYS
from tests.errors import raises_emrpath
from tests.research_notes import notes_text
from tests.strategies import dates

D = dt.date
P = ep.ASCP_MLS
COURSE = ep.CourseCompletion(D(2025, 5, 15), verified_on=D(2025, 5, 20), route="route 1")

# Every ASCP parameter that rests on a secondary source (the CHANGELOG and the issue's
# resolution list the same names).
SECONDARY = {"score_scale", "retest_wait", "course_validity", "ce_requirement"}


def fail(on: dt.date, score: int = 350) -> ep.ExamAttempt:
    return ep.ExamAttempt(on, passed=False, scaled_score=score)


def every_three_months(start: dt.date, n: int) -> list[dt.date]:
    out = [start]
    for _ in range(n - 1):
        out.append(add_months(out[-1], 3))
    return out


# -- the parameter table ---------------------------------------------------------------------


def test_ascp_is_exported_and_distinct() -> None:
    assert ep.ASCP_MLS is ep.programs.ASCP_MLS
    assert "ASCP_MLS" in ep.__all__
    assert P.key == "ascp-mls"
    assert P.timezone == "America/Chicago"
    assert P.calendar == ep.BusinessCalendar.us_federal()


def test_every_provision_is_cited_and_the_secondary_ones_are_the_expected_set() -> None:
    secondary = set()
    for param in P.parameters():
        for provision in param.provisions:
            assert provision.citation.url.startswith("http")
            assert provision.citation.quote.strip()
            if provision.confidence is ep.Confidence.SECONDARY:
                assert provision.note, param.name  # a secondary value says why
            if provision.confidence is ep.Confidence.SECONDARY:
                secondary.add(param.name)
    assert secondary == SECONDARY


def test_quotes_are_copied_from_the_research_notes() -> None:
    """Never an invented quote: each ASCP quote appears verbatim in ascp-mls-facts.md
    (missing notes fail this test; tests/research_notes.py)."""
    text = notes_text("sources/ascp-mls-facts.md")
    for param in [*P.parameters(), RETEST_WAIT_90_DAYS]:
        for provision in param.provisions:
            quote = " ".join(provision.citation.quote.split())
            assert quote in text, (param.name, quote)


def test_the_program_pickles_and_compares_by_value() -> None:
    assert pickle.loads(pickle.dumps(P)) == P


# -- result posting and the transcript hold --------------------------------------------------


def test_result_within_four_business_days() -> None:
    """ascp.org: results "will be emailed to you within four (4) business days after you have
    taken the examination". Friday 2025-06-27 exam -> Thursday 2025-07-03 (4 July off)."""
    assert ep.expected_result_date(D(2025, 6, 27), program=P) == D(2025, 7, 3)
    assert ep.expected_result_date(D(2025, 6, 10), program=P) == D(2025, 6, 16)


def test_pass_is_held_without_time_limit_until_transcripts_arrive() -> None:
    """ascp.org: "... provided all official transcripts verifying the appropriate degree have
    been received." The hold has no time limit: a year on, still pending."""
    candidate = ep.Candidate(course=COURSE, attempts=[ep.ExamAttempt(D(2025, 6, 10), True, 512)])
    for as_of in (D(2025, 6, 20), D(2026, 6, 20), D(2029, 1, 1)):
        status = ep.evaluate(candidate, as_of=as_of, program=P)
        assert not status.certified
        assert status.certified_on is None
        assert status.gate("certification").state is ep.GateState.PENDING
        held = [r for r in status.reasons if r.code == "result_held"]
        assert len(held) == 1
        assert "official transcripts" in held[0].message
        assert "no time limit" in held[0].message
        assert held[0].citation == P.result_posting.provisions[0].citation


def test_result_posts_on_the_later_of_four_business_days_and_the_transcripts() -> None:
    passed = [ep.ExamAttempt(D(2025, 6, 10), True, 512)]
    early = ep.Candidate(course=COURSE, attempts=passed, transcripts_received_on=D(2025, 5, 1))
    late = attrs.evolve(early, transcripts_received_on=D(2025, 7, 8))
    assert ep.evaluate(early, as_of=D(2025, 8, 1), program=P).certified_on == D(2025, 6, 16)
    status = ep.evaluate(late, as_of=D(2025, 8, 1), program=P)
    assert status.certified
    assert status.certified_on == D(2025, 7, 8)
    assert status.certification_expires_on == D(2028, 7, 31)
    before = ep.evaluate(
        attrs.evolve(late, transcripts_received_on=None), as_of=D(2025, 7, 7), program=P
    )
    assert not before.certified


def test_nremt_ignores_transcripts() -> None:
    """The hold is data: NREMT's result_posting is not held for transcripts."""
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13)),
        attempts=[ep.ExamAttempt(D(2025, 2, 6), passed=True)],
        skills=ep.SkillsCompetency(D(2025, 1, 8)),
    )
    assert ep.evaluate(candidate, as_of=D(2025, 3, 1), program=ep.NREMT_EMR).certified


# -- scores ----------------------------------------------------------------------------------


def test_score_scale_100_to_999_pass_400() -> None:
    """open-exam-prep (secondary): "a scaled score of 100 to 999 with a minimum passing score
    of 400"."""
    ep.check_score(ep.ExamAttempt(D(2025, 6, 10), True, 400), program=P)
    ep.check_score(ep.ExamAttempt(D(2025, 6, 10), False, 399), program=P)
    for attempt in (
        ep.ExamAttempt(D(2025, 6, 10), True, 399),
        ep.ExamAttempt(D(2025, 6, 10), False, 400),
        ep.ExamAttempt(D(2025, 6, 10), False, 1000),
        ep.ExamAttempt(D(2025, 6, 10), False, 99),
    ):
        with pytest.raises(ep.InvalidRecordError) as err:
            ep.check_score(attempt, program=P)
        assert err.value.rule == "score report"
    assert P.score_scale.at(D(2025, 1, 1)).confidence is ep.Confidence.SECONDARY


# -- the attempt limit per route -------------------------------------------------------------


def test_five_attempts_per_route_then_the_route_is_closed() -> None:
    """ascp.org: "You are permitted to take the examination in any one particular category a
    total of five times under one route." and "If you are unsuccessful after five attempts,
    you are ineligible for further examination in that category under the same route."."""
    days = every_three_months(D(2025, 6, 10), 5)
    candidate = ep.Candidate(course=COURSE, attempts=[fail(d) for d in days])
    status = ep.evaluate(candidate, as_of=D(2026, 12, 1), program=P)
    assert status.remediation_required
    assert status.next_attempt_on is None
    assert status.attempts_used == 5
    assert status.attempts_remaining == 0
    closed = [r for r in status.reasons if r.code == "attempts_used_up"]
    assert len(closed) == 1
    assert "route is closed" in closed[0].message
    assert "no refresher or remediation" in closed[0].message
    assert "new full course" not in str(status)


def test_a_sixth_attempt_under_one_route_is_refused() -> None:
    days = every_three_months(D(2025, 6, 10), 6)
    candidate = ep.Candidate(course=COURSE, attempts=[fail(d) for d in days])
    with pytest.raises(ep.InvalidRecordError) as err:
        ep.evaluate(candidate, as_of=D(2027, 1, 1), program=P)
    assert err.value.field == "attempts[5]"
    assert err.value.rule == "attempt limit"
    assert "eligibility route" in str(err.value)


def test_earlier_attempts_on_the_same_route_in_history_count() -> None:
    prior = ep.PriorCourse(
        ep.CourseCompletion(D(2024, 5, 15), route="route 1"),
        attempts=[fail(D(2024, 6, 10)), fail(D(2024, 9, 10))],
    )
    current = ep.CourseCompletion(D(2025, 5, 15), verified_on=D(2025, 5, 20), route="route 1")
    days = every_three_months(D(2025, 6, 10), 4)
    candidate = ep.Candidate(course=current, attempts=[fail(d) for d in days], history=[prior])
    with pytest.raises(ep.InvalidRecordError) as err:
        ep.evaluate(candidate, as_of=D(2027, 1, 1), program=P)
    assert err.value.field == "attempts[3]"
    three = attrs.evolve(candidate, attempts=candidate.attempts[:3])
    status = ep.evaluate(three, as_of=D(2026, 1, 1), program=P)
    assert status.remediation_required
    assert status.attempts_used == 5


def test_history_alone_over_the_limit_is_refused() -> None:
    prior = ep.PriorCourse(
        ep.CourseCompletion(D(2023, 5, 15), route="route 1"),
        attempts=[fail(d) for d in every_three_months(D(2023, 6, 10), 6)],
    )
    candidate = ep.Candidate(course=COURSE, history=[prior])
    with pytest.raises(ep.InvalidRecordError) as err:
        ep.evaluate(candidate, as_of=D(2025, 7, 1), program=P)
    assert err.value.field == "history"


def test_a_different_route_starts_a_fresh_count() -> None:
    """After five failures "another route is still possible if the candidate qualifies"."""
    prior = ep.PriorCourse(
        ep.CourseCompletion(D(2023, 5, 15), route="route 1"),
        attempts=[fail(d) for d in every_three_months(D(2023, 6, 10), 5)],
    )
    current = ep.CourseCompletion(D(2025, 5, 15), verified_on=D(2025, 5, 20), route="route 2")
    candidate = ep.Candidate(course=current, attempts=[fail(D(2025, 6, 10))], history=[prior])
    status = ep.evaluate(candidate, as_of=D(2025, 7, 1), program=P)
    assert not status.remediation_required
    assert status.attempts_used == 1
    assert status.attempts_remaining == 4


def test_per_route_history_needs_named_routes() -> None:
    prior = ep.PriorCourse(ep.CourseCompletion(D(2024, 5, 15)), attempts=[fail(D(2024, 6, 10))])
    candidate = ep.Candidate(course=COURSE, history=[prior])
    with pytest.raises(ep.InvalidRecordError) as err:
        ep.evaluate(candidate, as_of=D(2025, 7, 1), program=P)
    assert err.value.field == "history[0].course.route"


@given(
    start=dates(D(2004, 1, 1), D(2090, 1, 1)),
    n=st.integers(6, 9),
    gap=st.integers(0, 200),
)
def test_property_attempts_beyond_five_under_one_route_are_refused(
    start: dt.date, n: int, gap: int
) -> None:
    """ascp.org: "You are permitted to take the examination in any one particular category a
    total of five times under one route." Any record with more than five attempts under one
    route is refused, naming attempts[5] and the rule."""
    course = ep.CourseCompletion(start, route="route 1")
    days = every_three_months(start + dt.timedelta(days=gap), n)
    candidate = ep.Candidate(course=course, attempts=[fail(d) for d in days])
    with pytest.raises(ep.InvalidRecordError) as err:
        ep.evaluate(candidate, as_of=days[-1], program=P)
    assert err.value.field == "attempts[5]"
    assert err.value.rule == "attempt limit"


@given(start=dates(D(2004, 1, 1), D(2090, 1, 1)), n=st.integers(1, 5), later=st.integers(0, 900))
def test_property_remaining_attempts_and_closure(start: dt.date, n: int, later: int) -> None:
    """ascp.org: "If you are unsuccessful after five attempts, you are ineligible for further
    examination in that category under the same route." Fewer than five failures leave
    5 - n attempts; five close the route (remediation_required, no next attempt)."""
    course = ep.CourseCompletion(start, route="route 1")
    days = every_three_months(start, n)
    candidate = ep.Candidate(course=course, attempts=[fail(d) for d in days])
    as_of = days[-1] + dt.timedelta(days=later)
    status = ep.evaluate(candidate, as_of=as_of, program=P)
    assert status.attempts_used == n
    if n == 5:
        assert status.remediation_required
        assert status.next_attempt_on is None
        assert status.attempts_remaining == 0
    elif not status.remediation_required:
        assert status.attempts_remaining == 5 - n
        assert status.next_attempt_on is not None
        assert status.next_attempt_on >= add_months(days[-1], 3)


# -- the disputed wait -----------------------------------------------------------------------


def test_default_wait_is_the_next_three_month_period() -> None:
    """study.com (secondary): the retake "cannot be within the same three-month period as the
    first exam"."""
    assert ep.earliest_retest_date(D(2025, 6, 10), program=P) == D(2025, 9, 10)
    assert ep.earliest_retest_date(D(2025, 11, 30), program=P) == D(2026, 2, 28)
    assert P.retest_wait.at(D(2025, 1, 1)).confidence is ep.Confidence.SECONDARY
    assert "DISPUTED" in P.retest_wait.at(D(2025, 1, 1)).note


def test_the_90_day_reading_is_a_drop_in_parameter() -> None:
    """medlabprep (secondary): "a required 90-day waiting period between each retake"."""
    ninety = attrs.evolve(P, retest_wait=RETEST_WAIT_90_DAYS)
    assert ep.earliest_retest_date(D(2025, 6, 10), program=ninety) == D(2025, 9, 8)
    candidate = ep.Candidate(course=COURSE, attempts=[fail(D(2025, 6, 10))])
    assert ep.evaluate(candidate, as_of=D(2025, 6, 20), program=ninety).next_attempt_on == D(
        2025, 9, 8
    )
    assert ep.evaluate(candidate, as_of=D(2025, 6, 20), program=P).next_attempt_on == D(
        2025, 9, 10
    )


def test_a_retake_inside_the_wait_is_reported() -> None:
    candidate = ep.Candidate(course=COURSE, attempts=[fail(D(2025, 6, 10)), fail(D(2025, 7, 1))])
    status = ep.evaluate(candidate, as_of=D(2025, 7, 2), program=P)
    assert any(r.code == "retest_wait_not_kept" for r in status.reasons)


# -- exam window, expiry, appeals ------------------------------------------------------------


def test_exam_window_is_three_months_without_extension() -> None:
    """Pearson VUE: "You must take the examination within the three-month examination period
    indicated on your admission notification.\""""
    assert ep.att_expiration_date(D(2025, 5, 21), D(2025, 5, 15), program=P) == D(2025, 8, 21)
    assert ep.att_expiration_date(D(2025, 11, 30), D(2025, 5, 15), program=P) == D(2026, 2, 28)
    candidate = ep.Candidate(
        course=COURSE, authorizations=[ep.AuthorizationToTest(D(2025, 5, 21))]
    )
    status = ep.evaluate(candidate, as_of=D(2025, 8, 22), program=P)
    assert status.gate("authorization").state is ep.GateState.EXPIRED


def test_certificates_from_2004_are_valid_three_years_to_the_month_end() -> None:
    """ascp.org (legacy): "ASCP Certifications issued effective 2004 and beyond ... are valid
    for a three year period." and "If your certification ends June 2018, only CE credits
    completed between June 2015 and June 2018 may be used" (cycles in months)."""
    assert ep.initial_expiration_date(D(2015, 6, 10), program=P) == D(2018, 6, 30)
    assert ep.initial_expiration_date(D(2004, 1, 1), program=P) == D(2007, 1, 31)
    assert ep.initial_expiration_date(D(2024, 2, 29), program=P) == D(2027, 2, 28)


def test_certificates_before_2004_do_not_expire() -> None:
    """ascp.org (legacy): "Previously, certification did not have an expiration date.\""""
    assert ep.initial_expiration_date(D(2003, 12, 31), program=P) is None
    assert ep.initial_expiration_date(D(1985, 3, 1), program=P) is None


@given(issued=dates(D(2004, 1, 1), D(2097, 1, 1)))
def test_property_expiry_is_the_end_of_the_month_three_years_on(issued: dt.date) -> None:
    """ascp.org: certificates issued 2004 and later "are valid for a three year period";
    encoded as through the last day of the issue month three years later."""
    expires = ep.initial_expiration_date(issued, program=P)
    assert expires is not None
    assert (expires.year, expires.month) == (issued.year + 3, issued.month)
    assert (expires + dt.timedelta(days=1)).day == 1


def test_appeal_within_30_days() -> None:
    """ascp.org: "The request and supporting documents must be received by the BOC within 30
    days following notification of the decision being appealed.\""""
    assert ep.appeal_deadline(D(2025, 6, 2), program=P) == D(2025, 7, 2)
    chicago = dt.datetime(2025, 6, 3, 3, 0, tzinfo=dt.timezone.utc)  # 2 June in Chicago
    assert ep.appeal_deadline(chicago, program=P) == D(2025, 7, 2)


def test_dates_are_read_in_chicago() -> None:
    late_evening = dt.datetime(2025, 6, 11, 2, 30, tzinfo=dt.timezone.utc)
    assert P.date(late_evening, field="x", rule="y") == D(2025, 6, 10)


# -- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize("route", ["", "   ", 1])
def test_bad_route_is_refused(route: object) -> None:
    with pytest.raises(ep.InputTypeError) as err:
        ep.CourseCompletion(D(2025, 5, 15), route=route)  # type: ignore[arg-type]
    assert err.value.field == "CourseCompletion.route"


@pytest.mark.parametrize("value", ["2025-06-30", dt.datetime(2025, 6, 30, 12), 20250630])
def test_bad_transcript_date_is_refused(value: object) -> None:
    with pytest.raises(ep.InputTypeError) as err:
        ep.Candidate(course=COURSE, transcripts_received_on=value)  # type: ignore[arg-type]
    assert err.value.field == "Candidate.transcripts_received_on"


def test_transcripts_after_as_of_are_refused() -> None:
    candidate = ep.Candidate(course=COURSE, transcripts_received_on=D(2025, 8, 1))
    with pytest.raises(ep.InvalidRecordError) as err:
        ep.evaluate(candidate, as_of=D(2025, 7, 1), program=P)
    assert err.value.field == "transcripts_received_on"


def test_no_rule_before_the_ascp_baseline() -> None:
    candidate = ep.Candidate(course=ep.CourseCompletion(D(2003, 5, 1)))
    with raises_emrpath(
        ep.NoRuleInForceError, field="course_validity", rule=P.course_validity.description
    ):
        ep.evaluate(candidate, as_of=D(2003, 6, 1), program=P)
