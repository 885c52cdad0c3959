"""Shared hypothesis strategies: dates (generated mixed with hand-picked edges) and records.

Every date property in the suite draws from :func:`dates`, so each one meets leap days,
year ends, observed-holiday Fridays and Mondays, Juneteenth before and after 2021, DST
change days and the calendar's first and last years, not only random days.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from emrpath.records import (
    AuthorizationToTest,
    Candidate,
    Certification,
    ContinuingEducation,
    CourseCompletion,
    CprCredential,
    ExamAttempt,
    PrerequisiteCredential,
    PriorCourse,
    RecertificationRecord,
    RemedialTraining,
    SkillsCompetency,
)

CAL_FIRST = dt.date(1990, 1, 1)
CAL_LAST = dt.date(2100, 12, 31)

EDGE_DATES: tuple[dt.date, ...] = (
    # leap days and the days around them
    dt.date(1992, 2, 29),
    dt.date(2000, 2, 29),
    dt.date(2024, 2, 28),
    dt.date(2024, 2, 29),
    dt.date(2024, 3, 1),
    dt.date(2028, 2, 29),
    dt.date(2096, 2, 29),
    dt.date(2100, 2, 28),
    # year ends; observed New Year's Day on Friday 31 December
    dt.date(2010, 12, 31),
    dt.date(2011, 1, 1),
    dt.date(2021, 12, 31),
    dt.date(2022, 1, 1),
    dt.date(2022, 1, 3),
    dt.date(2025, 12, 31),
    dt.date(2026, 1, 1),
    # observed-holiday Fridays and Mondays
    dt.date(2026, 7, 3),
    dt.date(2020, 7, 3),
    dt.date(2022, 12, 26),
    dt.date(2023, 1, 2),
    dt.date(2021, 12, 24),
    dt.date(2023, 11, 10),
    dt.date(2021, 7, 5),
    # Juneteenth: not a holiday before 2021, observed from 2021
    dt.date(2020, 6, 19),
    dt.date(2021, 6, 18),
    dt.date(2022, 6, 20),
    dt.date(2023, 6, 19),
    # Good Friday (a business day) and the Thursday before it
    dt.date(2026, 4, 2),
    dt.date(2026, 4, 3),
    dt.date(2025, 4, 18),
    # an ad-hoc federal closure (National Day of Mourning) and a Friday exam
    dt.date(2025, 1, 9),
    dt.date(2025, 12, 5),
    # DST change days (America/New_York, America/Chicago)
    dt.date(2025, 3, 9),
    dt.date(2025, 11, 2),
    dt.date(2026, 3, 8),
    dt.date(2026, 11, 1),
    # month ends of every length
    dt.date(2025, 1, 31),
    dt.date(2025, 4, 30),
    dt.date(2025, 2, 28),
    dt.date(2023, 9, 30),
    # policy effective dates
    dt.date(2015, 1, 1),
    dt.date(2018, 10, 31),
    dt.date(2018, 11, 1),
    dt.date(2023, 5, 31),
    dt.date(2023, 6, 1),
    dt.date(2025, 4, 7),
    dt.date(2025, 9, 30),
    dt.date(2025, 10, 1),
    # the calendar's first and last years
    CAL_FIRST,
    dt.date(1990, 1, 2),
    dt.date(1990, 12, 31),
    dt.date(2100, 1, 1),
    dt.date(2100, 12, 30),
    CAL_LAST,  # also New Year's Day (observed) of 2101
)


def dates(
    min_value: dt.date = CAL_FIRST, max_value: dt.date = CAL_LAST
) -> st.SearchStrategy[dt.date]:
    """Dates in ``[min_value, max_value]``: edge dates in range, mixed with generated ones."""
    edges = [d for d in EDGE_DATES if min_value <= d <= max_value]
    generated = st.dates(min_value=min_value, max_value=max_value)
    if not edges:
        return generated
    return st.one_of(st.sampled_from(edges), generated)


# ---------------------------------------------------------------------------------------
# records: valid by construction, so a strategy never needs filtering

_DAY = dt.timedelta(days=1)


def _after(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days``, kept inside the calendar's years."""
    return min(day + days * _DAY, CAL_LAST)


def _texts() -> st.SearchStrategy[str]:
    return st.text(min_size=1, max_size=20).filter(str.strip)


@st.composite
def course_completions(
    draw: st.DrawFn, min_value: dt.date = CAL_FIRST, max_value: dt.date = CAL_LAST
) -> CourseCompletion:
    """A course completion, verified or not, with or without an eligibility route."""
    completed = draw(dates(min_value, max_value))
    verified = draw(st.none() | dates(completed, _after(completed, 400)))
    route = draw(st.none() | _texts())
    return CourseCompletion(completed, verified, route=route)


@st.composite
def attempts_after(
    draw: st.DrawFn, first: dt.date, *, max_size: int = 4, within_days: int = 900
) -> list[ExamAttempt]:
    """Attempts on distinct days from ``first``; only the last may be a pass."""
    days = sorted(
        draw(st.lists(dates(first, _after(first, within_days)), unique=True, max_size=max_size))
    )
    last_passed = draw(st.booleans())
    scores = st.none() | st.integers(min_value=-(10**6), max_value=10**6)
    return [
        ExamAttempt(day, passed=last_passed and i == len(days) - 1, scaled_score=draw(scores))
        for i, day in enumerate(days)
    ]


@st.composite
def candidates(draw: st.DrawFn, *, history: bool = True, max_attempts: int = 4) -> Candidate:
    """A Candidate that its own validators accept: every field drawn, in any mix.

    ``max_attempts`` bounds the attempts under the current course (7 reaches past the
    3 + remedial training + 3 shape of the NREMT levels above EMR).
    """
    course = draw(course_completions(dt.date(1995, 1, 1), dt.date(2095, 12, 31)))
    start = course.completed_on
    prior: list[PriorCourse] = []
    if history and start > CAL_FIRST:
        earlier = sorted(draw(st.lists(dates(CAL_FIRST, start - _DAY), unique=True, max_size=2)))
        for day in earlier:
            prior_course = CourseCompletion(day, draw(st.none() | st.just(day)))
            limit = max(0, (start - day).days - 1)
            prior.append(
                PriorCourse(prior_course, draw(attempts_after(day, max_size=3, within_days=limit)))
            )
    expires = draw(dates())
    cpr = draw(
        st.none()
        | st.builds(CprCredential, st.just(expires), st.none() | dates(max_value=expires))
    )
    return Candidate(
        course=course,
        attempts=draw(attempts_after(start, max_size=max_attempts)),
        skills=draw(st.none() | st.builds(SkillsCompetency, dates())),
        authorizations=[
            AuthorizationToTest(day)
            for day in draw(st.lists(dates(start, _after(start, 900)), max_size=3))
        ],
        cpr=cpr,
        history=prior,
        transcripts_received_on=draw(st.none() | dates()),
        remedial=draw(st.none() | remedial_training(start)),
        prerequisite=draw(
            st.none()
            | st.builds(
                PrerequisiteCredential,
                st.sampled_from(["emr", "emt", "aemt", "paramedic"]),
                dates(),
            )
        ),
        course_accreditation=draw(st.none() | st.sampled_from(["caahep", "letter_of_review"])),
    )


def remedial_training(after: dt.date) -> st.SearchStrategy[RemedialTraining]:
    """A remedial training record completed on or after ``after``: hours, component or both."""
    hours = st.none() | st.integers(min_value=1, max_value=60)
    return st.builds(
        lambda day, h, component: RemedialTraining(
            day, h, national_component=component or h is None
        ),
        dates(after, _after(after, 900)),
        hours,
        st.booleans(),
    )


@st.composite
def certifications(draw: st.DrawFn) -> Certification:
    """A Certification: initial, or recertified with a cycle start and an expiry."""
    certified = draw(dates(CAL_FIRST, dt.date(2095, 12, 31)))
    if draw(st.booleans()):
        expires = draw(st.none() | dates(_after(certified, 1), CAL_LAST))
        return Certification(certified, expires_on=expires)
    cycle = draw(dates(certified, dt.date(2098, 12, 31)))
    return Certification(
        certified, expires_on=draw(dates(_after(cycle, 1))), cycle_started_on=cycle
    )


def amounts() -> st.SearchStrategy[Decimal]:
    """Positive exact hours or points in the range records accept (below 10**12, at most 6
    decimal places), including trailing zeros, exponents and the extremes."""
    return st.decimals(
        min_value=Decimal("0.000001"), max_value=Decimal(10**6), places=6
    ) | st.sampled_from(
        [
            Decimal("2.50"),
            Decimal("1E+1"),
            Decimal("0.5"),
            Decimal("16"),
            Decimal("1.000"),
            Decimal("0.000001"),
            Decimal("999999999999.999999"),
            Decimal("1E+11"),
        ]
    )


def continuing_education() -> st.SearchStrategy[ContinuingEducation]:
    """One piece of continuing education with any component and optional topic."""
    return st.builds(
        ContinuingEducation,
        dates(),
        amounts(),
        _texts(),
        topic=st.none() | _texts(),
    )


def recertification_records() -> st.SearchStrategy[RecertificationRecord]:
    """A certification with education and exam attempts."""
    return st.builds(
        RecertificationRecord,
        certifications(),
        education=st.lists(continuing_education(), max_size=5),
        exam_attempts=st.lists(
            st.builds(ExamAttempt, dates(), st.booleans(), st.none() | st.integers()), max_size=2
        ),
    )
