"""NREMT Emergency Medical Responder (EMR): the parameter table, with sources.

Every value cites the page it comes from (see ``shared/sources/nremt-emr-facts.md`` in the
project for the research notes). Where NREMT's own wording was not found the provision
is marked ``Confidence.SECONDARY``. Where no source gives a start date, a provision takes
effect on the library's NREMT baseline, 2015-01-01 (the effective date of the 90-day ATT
policy, the oldest dated rule in the table); asking about earlier dates raises
:class:`~emrpath.errors.NoRuleInForceError` rather than guessing.

Example:
    >>> import datetime as dt
    >>> NREMT_EMR.retest_wait.at(dt.date(2025, 5, 1)).confidence
    <Confidence.SECONDARY: 'secondary'>
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from emrpath.calendar import CalendarSpec
from emrpath.params import Citation, Confidence, Param, Provision
from emrpath.policies import (
    AfterLimit,
    AppealWindow,
    AttemptLimit,
    AuthorizationWindow,
    CeComponent,
    CeRequirement,
    CeTopic,
    FixedDaysWait,
    MonthEndValidity,
    MonthsValidity,
    RecertExam,
    RecertificationCycle,
    Requirement,
    ResultPosting,
    RollingCeWindow,
    ScoreScale,
    SeasonalExpiry,
    SeasonalRecertWindow,
)
from emrpath.program import Program

__all__ = ["BASELINE", "LIFECYCLE_BASELINE", "NREMT_EMR"]

BASELINE = dt.date(2015, 1, 1)
"""First day the NREMT EMR table answers for (see the module docstring)."""

_BASELINE_NOTE = (
    "No source gives a start date; in force from the NREMT baseline 2015-01-01 "
    "(the ATT policy's effective date)."
)

LIFECYCLE_BASELINE = dt.date(2016, 9, 1)
"""First cycle start the EMR recertification rules answer for: rolling recertification.

The lifecycle parameters are read on a cycle's nominal start (the day after the previous
expiration). 2016-09-01 is the rolling-recertification policy date, the oldest dated
lifecycle rule found; the 2016 NCCP model's own start date for EMR was not found.
"""

_LIFECYCLE_NOTE = (
    "In force for cycles starting from 2016-09-01 (rolling recertification), the oldest "
    "dated lifecycle rule; earlier cycles raise NoRuleInForceError."
)

_P = Confidence.PRIMARY
_S = Confidence.SECONDARY

_POSTING = Citation(
    url="https://open-exam-prep.com/study-guides/nremt-emr/final-emr-review-exam-week-test-day-"
    "recertification-and-next-steps/results-scoring-certification-and-state-authorization",
    quote="After testing, results generally post to your National Registry account within "
    "about two business days, provided all other requirements are complete.",
    title="open-exam-prep: NREMT EMR results, scoring, certification and state authorization",
)
_SCALED_LAUNCH = Citation(
    url="https://nremt.org/News/National-Registry-Adopts-Scaled-Score-Reporting-fo",
    quote="The new scaled score report launches June 1, 2023, and is specifically for "
    "candidates who were unsuccessful in their National Registry examination attempt.",
    title="NREMT news: National Registry adopts scaled score reporting (2023-04-11)",
)
_SCALE_VALUES = Citation(
    url="https://limmereducation.com/article/nremt-changes-score-reporting-format/",
    quote="Passing NREMT score is 950 / Highest possible NREMT score is 1500 / Lowest "
    "possible NREMT score is 100",
    title="Limmer Education: NREMT changes score reporting format",
)
_RETEST = Citation(
    url="https://emtprep.com/extra/nremt-exams/the-nremt-cognitive-exam-policies",
    quote="If you are unsuccessful you can retest 15 days after the last attempt.",
    title="EMTprep: the NREMT cognitive exam policies",
)
_ATTEMPTS = Citation(
    url="https://dev.nremt.org/Policies/Examination-Policies/Cognitive-Exam-Policies",
    quote="candidates are initially given three attempts to pass the cognitive examination",
    title="NREMT Cognitive Exam Policies",
)
_COURSE = Citation(
    url="https://qa-nremt.org/Handbooks/EMR/Certification-Process",
    quote="Initial courses are valid for two years from the month and year of course completion.",
    title="NREMT EMR handbook: certification process",
)
_ATT = Citation(
    url="https://www.nremt.org/Policies/Examination-Policies/Cognitive-Exam-Policies",
    quote="Authorizations to Test (ATT) for National EMS Certification will be valid for up "
    "to 90 days from the date of issuance",
    title="NREMT Cognitive Exam Policies (effective January 1, 2015)",
)
# The pathway page names both portions (the handbook sentence names only the psychomotor
# exam); the day-exact count is the handbook's, quoted in the provision's note.
_PORTIONS_24 = Citation(
    url="https://www.nremt.org/EMR/EMR-State-Licensed-Pathway",
    quote="Passed portions of the certification examination and skills competency "
    "verification remain valid for twenty-four (24) months provided all other eligibility "
    "requirements are met.",
    title="NREMT: EMR State Licensed Pathway",
)
_PORTIONS_12 = Citation(
    url="https://qa-nremt.org/Handbooks/EMR/Certification-Process",
    quote="For candidates with a course completion date prior to November 1, 2018 [...] "
    "valid for 12 months.",
    title="NREMT EMR handbook: certification process",
)
_EXPIRY = Citation(
    url="https://support.nremt.org/portal/en/kb/articles/recertification-expiration-dates",
    quote="For EMR is it September 30 [...] January – June [:] 2 years in the future [;] "
    "July- December [:] 3 years in the future",
    title="NREMT support: recertification expiration dates",
)
_CPR = Citation(
    url="https://dev.nremt.org/EMR/Certification",
    quote='Have a current CPR-BLS for "Healthcare Provider" or equivalent credential.',
    title="NREMT EMR certification requirements",
)
_VERIFY = Citation(
    url="https://dev.nremt.org/EMR/Certification",
    quote="the course Program Director must verify successful course completion on the "
    "National Registry website.",
    title="NREMT EMR certification requirements",
)
_SKILLS = Citation(
    url="https://www.nremt.org/EMR/EMR-State-Licensed-Pathway",
    quote="Passed portions of the certification examination and skills competency "
    "verification remain valid for twenty-four (24) months",
    title="NREMT EMR state-licensed pathway",
)
_CYCLE = Citation(
    url="https://dev.nremt.org/EMR/Recertification",
    quote="Nationally Registered EMRs (NREMR) are required to renew their certification "
    "every two years.",
    title="NREMT EMR recertification",
)
_NCCP_2016 = Citation(
    url="https://www.nremt.org/rwd/public/document/nccp",
    quote="EMR 8 4 4 16",
    title="NREMT National Continued Competency Program (NCCP), requirements table",
)
_NCCP_2025 = Citation(
    url="https://www.nremt.org/EMR/EMR-State-Licensed-Pathway",
    quote="The new 2025 NCCP Model will begin on April 1, 2025 for EMT/AEMT/Paramedic and "
    "October 1, 2025 for EMR",
    title="NREMT EMR state-licensed pathway",
)
_ROLLING = Citation(
    url="https://dev.nremt.org/News/continuing-education-policy-change",
    quote="continuing education hours can be earned for your next NREMT recertification as "
    "soon as you complete your current recertification.",
    title="NREMT news: continuing education policy change (rolling recertification)",
)
_RECERT_WINDOW = Citation(
    url="https://support.nremt.org/portal/en/kb/articles/"
    "https-desk-zoho-com-portal-nremt-kb-articles-recertification-cycle",
    quote="For EMR providers, the recertification cycle opens on April 1 and continues until "
    "September 30. [...] There is a reinstatement period until October 31, to submit late "
    "applications.",
    title="NREMT support: recertification cycle",
)
_RBE = Citation(
    url="https://nremt.org/Handbooks/Recertification/Recertification-by-Examination-(RBE)",
    quote="RBE option is available beginning April 1 (EMR is October 1), up to one year before "
    "your current expiration date. You may attempt RBE only one time per recertification "
    "cycle.",
    title="NREMT recertification handbook: recertification by examination (RBE)",
)
_REVIEW = Citation(
    url="https://dev.nremt.org/Policies/Examination-Policies/National-Registry-Exam-Review-Policy",
    quote="Requests must be made in writing within thirty (30) days of the notification of "
    "examination result",
    title="NREMT exam review policy",
)


T = TypeVar("T")


def _one(
    name: str,
    description: str,
    value: T,
    citation: Citation,
    confidence: Confidence,
    note: str = _BASELINE_NOTE,
    since: dt.date = BASELINE,
) -> Param[T]:
    return Param(name, description, (Provision(since, value, citation, confidence, note),))


NREMT_EMR = Program(
    key="nremt-emr",
    name="Nationally Registered Emergency Medical Responder (NREMR)",
    body="National Registry of Emergency Medical Technicians (NREMT)",
    timezone="America/New_York",
    calendar_spec=CalendarSpec(),
    result_posting=_one(
        "result_posting",
        "Business days after the exam when the cognitive result is expected to post",
        ResultPosting(
            business_days=2,
            held_until=frozenset({Requirement.COURSE_VERIFIED, Requirement.SKILLS_PASSED}),
        ),
        _POSTING,
        _S,
        "NREMT's own wording was not found; secondary sources say 1-2 business days. "
        "Encoded as the 2nd business day strictly after the exam date, an expectation "
        "('generally'), held until the course is verified and skills are on file. "
        + _BASELINE_NOTE,
    ),
    score_scale=Param(
        "score_scale",
        "Scaled-score report given to failing candidates",
        (
            Provision(
                BASELINE,
                None,
                _SCALED_LAUNCH,
                _P,
                "No scaled score was reported before the 2023-06-01 launch.",
            ),
            Provision(
                dt.date(2023, 6, 1),
                ScoreScale(minimum=100, maximum=1500, passing=950, failing_only=True),
                _SCALE_VALUES,
                _S,
                "Launch date is primary (NREMT news); the 100/950/1500 values are "
                "secondary only. A raw percentage is never a scaled score. Failing "
                "candidates only, so a pass carries no score (primary, NREMT news: the "
                "report 'is specifically for candidates who were unsuccessful in their "
                "National Registry examination attempt').",
            ),
        ),
    ),
    retest_wait=_one(
        "retest_wait",
        "Wait between a cognitive attempt and the earliest retest",
        FixedDaysWait(days=15),
        _RETEST,
        _S,
        "Primary wording not found. 'Retest 15 days after the last attempt' is read as "
        "earliest retest = attempt date + 15 calendar days (design.md); the +16 reading "
        "is possible and would be a new FixedDaysWait(days=16) provision. " + _BASELINE_NOTE,
    ),
    attempt_limit=_one(
        "attempt_limit",
        "Cognitive attempts per course completion, and what follows the last failure",
        AttemptLimit(max_attempts=3, after_limit=AfterLimit.NEW_COURSE),
        _ATTEMPTS,
        _S,
        "Three attempts is primary. After three failures an EMR must complete a new full "
        "EMR course (secondary: open-exam-prep, EMTprep); that the new course restarts a "
        "full count of three is not stated anywhere and is encoded as yes. " + _BASELINE_NOTE,
    ),
    course_validity=_one(
        "course_validity",
        "Last day a completed EMR course qualifies a candidate to test",
        MonthEndValidity(months=24),
        _COURSE,
        _P,
        "Valid until the last day of the completion month two years later (the EMT and "
        "Paramedic handbooks' example: completed 01/2024, valid until 01/31/2026). "
        + _BASELINE_NOTE,
    ),
    authorization=_one(
        "authorization",
        "Validity of an Authorization to Test (ATT)",
        AuthorizationWindow(days=90, capped_by_course=True),
        _ATT,
        _P,
        "Last valid day = issue date + 90 days, or the course expiration date if earlier "
        "('An ATT purchased within 90 days of the course expiration date will expire on the "
        "date of course expiration', EMT handbook).",
    ),
    portion_validity=Param(
        "portion_validity",
        "Validity of a passed cognitive exam or skills competency, by course completion date",
        (
            Provision(
                BASELINE,
                MonthsValidity(months=12),
                _PORTIONS_12,
                _P,
                "Courses completed before 2018-11-01: 12 months from the pass date.",
            ),
            Provision(
                dt.date(2018, 11, 1),
                MonthsValidity(months=24),
                _PORTIONS_24,
                _P,
                "Same day number 24 months later, clamped to the month's end: the EMR "
                'handbook counts "from the month, day, and year of successful completion" '
                "(https://qa-nremt.org/Handbooks/EMR/Certification-Process).",
            ),
        ),
    ),
    certification_term=_one(
        "certification_term",
        "Expiration of an initial EMR certification",
        SeasonalExpiry(month=9, day=30, split_month=7, years_before_split=2, years_from_split=3),
        _EXPIRY,
        _P,
        "Years are counted from the certification year (certified 2025-03-10 -> "
        "2027-09-30; 2025-08-10 -> 2028-09-30); the source table does not spell that out. "
        + _BASELINE_NOTE,
    ),
    cpr_required=_one(
        "cpr_required",
        "A current CPR-BLS (Healthcare Provider) credential is required to apply",
        True,
        _CPR,
        _P,
    ),
    verification_required=_one(
        "verification_required",
        "The course Program Director must verify course completion",
        True,
        _VERIFY,
        _P,
    ),
    skills_required=_one(
        "skills_required",
        "A State EMS Office approved BLS skills competency is part of certification",
        True,
        _SKILLS,
        _P,
    ),
    recert_cycle=_one(
        "recert_cycle",
        "Length of an EMR recertification cycle",
        RecertificationCycle(months=24),
        _CYCLE,
        _P,
        _LIFECYCLE_NOTE,
        LIFECYCLE_BASELINE,
    ),
    ce_requirement=Param(
        "ce_requirement",
        "Continuing-education hours an EMR needs per cycle (NCCP), by component and topic",
        (
            Provision(
                LIFECYCLE_BASELINE,
                CeRequirement(
                    unit="hours",
                    total=16,
                    components=(
                        CeComponent(
                            "national",
                            8,
                            (
                                CeTopic("airway", 1),
                                CeTopic("cardiovascular", 2.5),
                                CeTopic("trauma", 0.5),
                                CeTopic("medical", 3),
                                CeTopic("operations", 1),
                            ),
                        ),
                        CeComponent("local", 4),
                        CeComponent("individual", 4),
                    ),
                ),
                _NCCP_2016,
                _P,
                "2016 NCCP model: 16 = 8 national (airway, respiration and ventilation 1; "
                "cardiovascular 2.5; trauma 0.5; medical 3; operations 1) + 4 local/state + "
                "4 individual. Hours are allocated to one component each by the caller. "
                + _LIFECYCLE_NOTE,
            ),
            Provision(
                dt.date(2025, 10, 1),
                CeRequirement(
                    unit="hours",
                    total=16,
                    components=(
                        CeComponent("national", 8),
                        CeComponent("local", 4),
                        CeComponent("individual", 4),
                    ),
                ),
                _NCCP_2025,
                _S,
                "The 2025 NCCP model's start for EMR (2025-10-01, for cycles starting then) "
                "is primary; its EMR hours are secondary only (open-exam-prep still gives "
                "16 = 8/4/4), and it sets no required sub-topics (SEMA EMS), so the national "
                "component has no topic minimums here. The 10% pediatric share is stated "
                "for EMT only and is not encoded.",
            ),
        ),
    ),
    ce_window=_one(
        "ce_window",
        "Which dates of continuing education count toward a cycle",
        RollingCeWindow(),
        _ROLLING,
        _P,
        "From the certification date or the completion of the last recertification "
        "through the expiration date ('all education must be completed by the September "
        "30 of the year their certification expires'). " + _LIFECYCLE_NOTE,
        LIFECYCLE_BASELINE,
    ),
    recert_window=_one(
        "recert_window",
        "EMR recertification application window, late (reinstatement) period and lapse",
        SeasonalRecertWindow(opens_month=4, opens_day=1, late_month=10, late_day=31),
        _RECERT_WINDOW,
        _P,
        "April 1 to September 30 of the expiration year; late applications until October "
        "31 ('EMR reinstatement ends on October 31 of the year your certification "
        "expires'); 'Failure to submit the application will result in the lapsing of your "
        "certification'. " + _LIFECYCLE_NOTE,
        LIFECYCLE_BASELINE,
    ),
    recert_exam=_one(
        "recert_exam",
        "Recertification by exam (RBE)",
        RecertExam(attempts=1, opens_month=10, opens_day=1, opens_years_before=1),
        _RBE,
        _P,
        "One attempt, no retest ('You have one attempt to successfully complete "
        "recertification by exam; you cannot retest', support.nremt.org/portal/en/kb/"
        "articles/unsucce); a candidate who fails can still recertify by continuing "
        "education. The window: from October 1 of the year before the expiration year "
        "through the expiration date (September 30); an attempt outside it does not count. "
        + _LIFECYCLE_NOTE,
        LIFECYCLE_BASELINE,
    ),
    appeal_window=_one(
        "appeal_window",
        "Written request for an exam review after a result notice",
        AppealWindow(days=30),
        _REVIEW,
        _P,
    ),
)
"""The NREMT EMR pathway."""
