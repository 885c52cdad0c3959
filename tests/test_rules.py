"""The NREMT EMR rule functions: properties over generated dates, and handbook examples."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import emrpath as ep
from emrpath.policies import FixedDaysWait
from tests.errors import raises_emrpath
from tests.strategies import dates

CAL = ep.BusinessCalendar.us_federal()
NREMT_FROM = dt.date(2015, 1, 1)
RULES_TO = dt.date(2098, 12, 31)  # leave room for +3 years and +2 business days
rule_dates = dates(NREMT_FROM, RULES_TO)
UTC = dt.timezone.utc


# -- result posting -----------------------------------------------------------------------


@given(rule_dates)
def test_result_is_second_business_day_strictly_after_exam(exam_on: dt.date) -> None:
    """design.md: "expected on the 2nd business day strictly after the exam date; the exam
    date never counts, whatever weekday it is"."""
    result = ep.expected_result_date(exam_on, program=ep.NREMT_EMR)
    assert result > exam_on
    assert CAL.is_business_day(result)
    assert CAL.business_days_between(exam_on, result) == 2
    between = CAL.business_days_in(exam_on + dt.timedelta(days=1), result)
    assert len(between) == 2
    assert between[-1] == result


@given(rule_dates, rule_dates)
def test_result_date_is_monotone_in_exam_date(a: dt.date, b: dt.date) -> None:
    """A later exam never gets an earlier result: "2nd business day strictly after"."""
    if a > b:
        a, b = b, a
    assert ep.expected_result_date(a, program=ep.NREMT_EMR) <= ep.expected_result_date(
        b, program=ep.NREMT_EMR
    )


@pytest.mark.parametrize(
    ("exam_on", "expected", "why"),
    [
        (dt.date(2025, 12, 5), dt.date(2025, 12, 9), "Friday exam -> Tuesday"),
        (dt.date(2025, 12, 6), dt.date(2025, 12, 9), "Saturday exam -> Tuesday"),
        (dt.date(2026, 4, 2), dt.date(2026, 4, 6), "Thursday before Good Friday -> Monday"),
        (dt.date(2026, 7, 2), dt.date(2026, 7, 7), "2026-07-03 is Independence Day observed"),
        (dt.date(2021, 12, 30), dt.date(2022, 1, 4), "2021-12-31 observes New Year 2022"),
        (dt.date(2025, 11, 26), dt.date(2025, 12, 1), "Thanksgiving and a weekend"),
    ],
)
def test_result_posting_examples(exam_on: dt.date, expected: dt.date, why: str) -> None:
    """Seed: "results generally post to your National Registry account within about two
    business days"; design.md fixes Friday -> Tuesday, Saturday -> Tuesday, Thursday before
    Good Friday -> Monday."""
    assert ep.expected_result_date(exam_on, program=ep.NREMT_EMR) == expected, why


def test_aware_datetime_is_read_in_new_york() -> None:
    """design.md: "a datetime is accepted only if it is timezone-aware and is converted to
    the program's own timezone before its date is taken (NREMT: America/New_York)"."""
    friday_evening_ny = dt.datetime(2025, 12, 6, 1, 0, tzinfo=UTC)  # Fri 20:00 in New York
    assert ep.expected_result_date(friday_evening_ny, program=ep.NREMT_EMR) == dt.date(2025, 12, 9)


@pytest.mark.parametrize(
    "bad", ["2025-12-05", 20251205, 1.5, None, dt.datetime(2025, 12, 5, 9, 0)]
)
def test_result_posting_refuses_non_dates(bad: object) -> None:
    with pytest.raises(ep.InputTypeError) as info:
        ep.expected_result_date(bad, program=ep.NREMT_EMR)  # type: ignore[arg-type]
    assert info.value.field == "exam_on"
    assert info.value.rule == "result posting"


def test_naive_datetime_is_its_own_error() -> None:
    with pytest.raises(ep.NaiveDatetimeError, match="naive datetime"):
        ep.expected_result_date(dt.datetime(2025, 12, 5, 9, 0), program=ep.NREMT_EMR)


def test_no_rule_before_the_baseline() -> None:
    with pytest.raises(ep.NoRuleInForceError, match="2015-01-01"):
        ep.expected_result_date(dt.date(2014, 12, 31), program=ep.NREMT_EMR)


def test_program_must_be_a_program() -> None:
    with pytest.raises(ep.InputTypeError, match="Program"):
        ep.expected_result_date(dt.date(2025, 1, 2), program="nremt-emr")  # type: ignore[arg-type]


# -- retest wait ----------------------------------------------------------------------------


@given(rule_dates)
def test_retest_is_exactly_fifteen_days_on(attempt_on: dt.date) -> None:
    """policy-facts: "Retest wait | 15 days after the last attempt"; design.md: "earliest
    retest = last attempt date + 15 calendar days"."""
    wait = ep.NREMT_EMR.retest_wait.value_at(attempt_on)
    assert isinstance(wait, FixedDaysWait)
    assert ep.earliest_retest_date(attempt_on, program=ep.NREMT_EMR) - attempt_on == dt.timedelta(
        days=wait.days
    )
    assert (ep.earliest_retest_date(attempt_on, program=ep.NREMT_EMR) - attempt_on).days == 15


@given(rule_dates, rule_dates)
def test_retest_is_strictly_monotone(a: dt.date, b: dt.date) -> None:
    """ "15 days after the last attempt": a later attempt always waits to a later date."""
    if a != b:
        lo, hi = min(a, b), max(a, b)
        assert ep.earliest_retest_date(lo, program=ep.NREMT_EMR) < ep.earliest_retest_date(
            hi, program=ep.NREMT_EMR
        )


def test_retest_over_a_year_end() -> None:
    """EMTprep: "If you are unsuccessful you can retest 15 days after the last attempt."."""
    assert ep.earliest_retest_date(dt.date(2025, 12, 20), program=ep.NREMT_EMR) == dt.date(
        2026, 1, 4
    )
    assert ep.earliest_retest_date(dt.date(2024, 2, 14), program=ep.NREMT_EMR) == dt.date(
        2024, 2, 29
    )


# -- course window ----------------------------------------------------------------------------


@given(rule_dates)
def test_course_expiry_is_a_month_end_two_years_on(completed_on: dt.date) -> None:
    """Handbook: "Initial courses are valid for two years from the month and year of course
    completion" — "A course completed in 01/2024 would be valid until 01/31/2026"."""
    end = ep.course_expiration_date(completed_on, program=ep.NREMT_EMR)
    assert end >= completed_on
    assert (end + dt.timedelta(days=1)).day == 1  # a month end
    assert (end.year, end.month) == (completed_on.year + 2, completed_on.month)


@given(rule_dates)
def test_course_expiry_is_the_same_for_every_day_of_a_month(completed_on: dt.date) -> None:
    """ "valid for two years from the month and year of course completion": the day within
    the month does not matter."""
    first = completed_on.replace(day=1)
    assert ep.course_expiration_date(
        completed_on, program=ep.NREMT_EMR
    ) == ep.course_expiration_date(first, program=ep.NREMT_EMR)


@pytest.mark.parametrize(
    ("completed_on", "valid_through"),
    [
        (dt.date(2024, 1, 5), dt.date(2026, 1, 31)),
        (dt.date(2024, 1, 31), dt.date(2026, 1, 31)),
        (dt.date(2024, 2, 29), dt.date(2026, 2, 28)),
        (dt.date(2023, 12, 1), dt.date(2025, 12, 31)),
    ],
)
def test_course_window_examples(completed_on: dt.date, valid_through: dt.date) -> None:
    """design.md: "completed 2024-01-05 or 2024-01-31 -> valid through 2026-01-31; completed
    2024-02-29 -> 2026-02-28"."""
    assert ep.course_expiration_date(completed_on, program=ep.NREMT_EMR) == valid_through


# -- authorization to test ---------------------------------------------------------------------


@given(dates(NREMT_FROM, dt.date(2095, 1, 1)), st.integers(0, 900))
def test_att_is_ninety_days_capped_at_course_expiry(completed_on: dt.date, lag: int) -> None:
    """Policy: "valid for up to 90 days from the date of issuance"; handbook: "An ATT
    purchased within 90 days of the course expiration date will expire on the date of course
    expiration"."""
    issued_on = completed_on + dt.timedelta(days=lag)
    course_end = ep.course_expiration_date(completed_on, program=ep.NREMT_EMR)
    assume(issued_on <= course_end)  # issued later is refused (tests/test_audit_rules.py)
    end = ep.att_expiration_date(issued_on, completed_on, program=ep.NREMT_EMR)
    assert end <= course_end
    assert end <= issued_on + dt.timedelta(days=90)
    assert end == min(issued_on + dt.timedelta(days=90), course_end)


def test_att_examples() -> None:
    completed = dt.date(2024, 1, 5)  # course valid through 2026-01-31
    assert ep.att_expiration_date(dt.date(2025, 3, 1), completed, program=ep.NREMT_EMR) == dt.date(
        2025, 5, 30
    )
    assert ep.att_expiration_date(
        dt.date(2025, 12, 1), completed, program=ep.NREMT_EMR
    ) == dt.date(2026, 1, 31)


def test_att_before_course_is_refused() -> None:
    with pytest.raises(ep.InvalidRecordError) as info:
        ep.att_expiration_date(dt.date(2024, 1, 1), dt.date(2024, 1, 5), program=ep.NREMT_EMR)
    assert info.value.field == "issued_on"


def test_att_policy_starts_2015() -> None:
    """ "Effective: January 1, 2015"."""
    with raises_emrpath(
        ep.NoRuleInForceError,
        field="course_validity",
        rule=ep.NREMT_EMR.course_validity.description,
    ):
        ep.att_expiration_date(dt.date(2014, 12, 31), dt.date(2014, 12, 1), program=ep.NREMT_EMR)


# -- passed portions --------------------------------------------------------------------------


@given(rule_dates, st.integers(0, 800))
def test_portion_validity_24_or_12_months(completed_on: dt.date, lag: int) -> None:
    """Handbook: "valid for 24 months from the month, day, and year of successful completion.
    For candidates with a course completion date prior to November 1, 2018 [...] valid for
    12 months"."""
    passed_on = completed_on + dt.timedelta(days=lag)
    end = ep.portion_expiration_date(passed_on, completed_on, program=ep.NREMT_EMR)
    assert end is not None
    months = 24 if completed_on >= dt.date(2018, 11, 1) else 12
    expected_month = passed_on.month - 1 + months
    assert (end.year, end.month) == (
        passed_on.year + expected_month // 12,
        expected_month % 12 + 1,
    )
    assert end.day == passed_on.day or (
        end.day < passed_on.day and (end + dt.timedelta(1)).day == 1
    )


def test_portion_examples() -> None:
    assert ep.portion_expiration_date(
        dt.date(2024, 2, 29), dt.date(2023, 12, 1), program=ep.NREMT_EMR
    ) == dt.date(2026, 2, 28)
    assert ep.portion_expiration_date(
        dt.date(2018, 12, 3), dt.date(2018, 10, 31), program=ep.NREMT_EMR
    ) == dt.date(2019, 12, 3)
    assert ep.portion_expiration_date(
        dt.date(2018, 12, 3), dt.date(2018, 11, 1), program=ep.NREMT_EMR
    ) == dt.date(2020, 12, 3)


# -- certification expiry ---------------------------------------------------------------------


@given(rule_dates)
def test_initial_expiry_is_september_30_two_or_three_years_on(certified_on: dt.date) -> None:
    """NREMT support: "For EMR is it September 30" and "January – June: 2 years in the
    future; July - December: 3 years in the future"."""
    end = ep.initial_expiration_date(certified_on, program=ep.NREMT_EMR)
    assert end is not None
    assert (end.month, end.day) == (9, 30)
    assert end.year - certified_on.year == (2 if certified_on.month <= 6 else 3)


@given(rule_dates, rule_dates)
def test_initial_expiry_is_monotone(a: dt.date, b: dt.date) -> None:
    """Certifying later never expires earlier (the split at July 1 only adds a year)."""
    lo, hi = min(a, b), max(a, b)
    lo_end, hi_end = (
        ep.initial_expiration_date(lo, program=ep.NREMT_EMR),
        ep.initial_expiration_date(hi, program=ep.NREMT_EMR),
    )
    assert lo_end is not None
    assert hi_end is not None
    assert lo_end <= hi_end


def test_initial_expiry_split_at_july_first() -> None:
    assert ep.initial_expiration_date(dt.date(2025, 3, 10), program=ep.NREMT_EMR) == dt.date(
        2027, 9, 30
    )
    assert ep.initial_expiration_date(dt.date(2025, 6, 30), program=ep.NREMT_EMR) == dt.date(
        2027, 9, 30
    )
    assert ep.initial_expiration_date(dt.date(2025, 7, 1), program=ep.NREMT_EMR) == dt.date(
        2028, 9, 30
    )
    assert ep.initial_expiration_date(dt.date(2025, 8, 10), program=ep.NREMT_EMR) == dt.date(
        2028, 9, 30
    )


# -- score report -----------------------------------------------------------------------------


def attempt(on: dt.date, passed: bool, score: int | None) -> ep.ExamAttempt:
    return ep.ExamAttempt(on, passed=passed, scaled_score=score)


@given(dates(dt.date(2023, 6, 1), RULES_TO), st.integers(-100, 3000), st.booleans())
def test_scores_are_accepted_exactly_when_consistent(
    on: dt.date, score: int, passed: bool
) -> None:
    """design.md: "an integer scaled score on 100–1500, passing point 950. A score outside
    the scale, a "pass" below 950 or a "fail" at or above 950 is an invalid record"; "a
    passed attempt carries no score"."""
    consistent = 100 <= score < 950 and not passed
    if consistent:
        ep.check_score(attempt(on, passed, score), program=ep.NREMT_EMR)
    else:
        with pytest.raises(ep.InvalidRecordError) as info:
            ep.check_score(attempt(on, passed, score), program=ep.NREMT_EMR)
        assert info.value.rule == "score report"
        assert info.value.field == "attempt.scaled_score"


@given(dates(NREMT_FROM, dt.date(2023, 5, 31)), st.integers(100, 1500))
def test_no_scaled_score_before_june_2023(on: dt.date, score: int) -> None:
    """NREMT news: "The new scaled score report launches June 1, 2023"."""
    with pytest.raises(ep.InvalidRecordError, match="no scaled score report"):
        ep.check_score(attempt(on, score >= 950, score), program=ep.NREMT_EMR)


@pytest.mark.parametrize(
    ("passed", "score", "shown"),
    [
        (False, 10**400, "1" + "0" * 56 + "..."),
        (True, -(10**400), "-1" + "0" * 55 + "..."),
        (False, 10**5000, "an int of 5001 digits"),  # too long even for str(int)
    ],
    ids=["10**400", "-10**400", "10**5000"],
)
def test_a_huge_score_is_shortened_in_the_message(passed: bool, score: int, shown: str) -> None:
    """An error message names the bad value, but never prints hundreds of digits of it."""
    with pytest.raises(ep.InvalidRecordError) as info:
        ep.check_score(attempt(dt.date(2025, 3, 3), passed, score), program=ep.NREMT_EMR)
    assert type(info.value) is ep.InvalidRecordError
    assert info.value.field == "attempt.scaled_score"
    assert f": {shown} is " in str(info.value)
    assert len(str(info.value)) < 250
    with pytest.raises(ep.InputTypeError) as typed:
        ep.ExamAttempt(dt.date(2025, 3, 3), passed=False, scaled_score="9" * 500)  # type: ignore[arg-type]
    assert typed.value.field == "ExamAttempt.scaled_score"
    assert len(str(typed.value)) < 250


def test_a_percentage_is_not_a_scaled_score() -> None:
    """Seed: "That scaled score is not a simple raw classroom percentage"."""
    with pytest.raises(ep.InvalidRecordError, match="percentage is not a scaled score"):
        ep.check_score(attempt(dt.date(2025, 3, 3), False, 72), program=ep.NREMT_EMR)
    with pytest.raises(ep.InputTypeError, match="percentage"):
        ep.ExamAttempt(dt.date(2025, 3, 3), passed=False, scaled_score=72.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("passed", "score", "message"),
    [
        (False, 950, "at or above the passing point"),
        (True, 949, "below the passing point"),
        (False, 1501, "above the scale"),
        (False, 99, "below the scale"),
    ],
)
def test_score_edges(passed: bool, score: int, message: str) -> None:
    with pytest.raises(ep.InvalidRecordError, match=message):
        ep.check_score(attempt(dt.date(2025, 3, 3), passed, score), program=ep.NREMT_EMR)


@pytest.mark.parametrize(
    ("passed", "score", "message"),
    [
        (True, 900, "a pass with 900 is below the passing point 950"),
        (False, 960, "a fail with 960 is at or above the passing point 950"),
        (False, 950, "a fail with 950 is at or above the passing point 950"),
    ],
)
def test_an_outcome_that_contradicts_its_score_names_the_score(
    passed: bool, score: int, message: str
) -> None:
    """design.md: "a 'pass' below 950 or a 'fail' at or above 950 is an invalid record"; the
    message quotes the score on record."""
    attempt = ep.ExamAttempt(dt.date(2024, 1, 8), passed, score)
    with pytest.raises(ep.InvalidRecordError) as caught:
        ep.check_score(attempt, program=ep.NREMT_EMR)
    assert (caught.value.message, caught.value.field) == (message, "attempt.scaled_score")
    assert caught.value.rule == "score report"
