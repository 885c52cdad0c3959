"""NREMT Emergency Medical Responder (EMR): the level's own parameters, with sources.

Built on the NREMT family's shared provisions (:mod:`emrpath.programs.nremt`: the retest
wait, the authorization to test, the course window, the score scale, the portions' shelf
life, the expiry split, the exam review window); this module holds what is EMR's own (see
``shared/sources/nremt-emr-facts.md`` in the project for the research notes). Where NREMT's
own wording was not found the provision is marked ``Confidence.SECONDARY``. Where no source
gives a start date, a provision takes effect on the NREMT baseline, 2015-01-01
(:data:`~emrpath.programs.nremt.BASELINE`); asking about earlier dates raises
:class:`~emrpath.errors.NoRuleInForceError` rather than guessing.

Example:
    >>> import datetime as dt
    >>> NREMT_EMR.retest_wait.at(dt.date(2025, 5, 1)).confidence
    <Confidence.SECONDARY: 'secondary'>
    >>> NREMT_EMR.certification_term.value_at(dt.date(2025, 5, 1)).month
    9
"""

from __future__ import annotations

import datetime as dt

from emrpath._seed import seed_citation
from emrpath.params import Citation, Confidence, Param, Provision
from emrpath.policies import (
    AfterLimit,
    AttemptLimit,
    CeComponent,
    CeRequirement,
    CeTopic,
    RecertExam,
    RecertificationCycle,
    RollingCeWindow,
    SeasonalRecertWindow,
)
from emrpath.programs import nremt
from emrpath.programs.nremt import BASELINE, BASELINE_NOTE, LIFECYCLE_BASELINE, LIFECYCLE_NOTE
from emrpath.retake_advice import SEED_RETAKE_ADVICE

__all__ = ["BASELINE", "LIFECYCLE_BASELINE", "NREMT_EMR"]

_P = Confidence.PRIMARY
_S = Confidence.SECONDARY

_POSTING = Citation(
    url="https://open-exam-prep.com/study-guides/nremt-emr/final-emr-review-exam-week-test-day-"
    "recertification-and-next-steps/results-scoring-certification-and-state-authorization",
    quote="After testing, results generally post to your National Registry account within "
    "about two business days, provided all other requirements are complete.",
    title="open-exam-prep: NREMT EMR results, scoring, certification and state authorization",
)
_HANDBOOK = "https://qa-nremt.org/Handbooks/EMR/Certification-Process"
_COURSE = Citation(
    url=_HANDBOOK,
    quote="Initial courses are valid for two years from the month and year of course completion.",
    title="NREMT EMR handbook: certification process",
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
    url=_HANDBOOK,
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
_RECERT_WINDOW = Citation(
    url="https://support.nremt.org/portal/en/kb/articles/"
    "https-desk-zoho-com-portal-nremt-kb-articles-recertification-cycle",
    quote="For EMR providers, the recertification cycle opens on April 1 and continues until "
    "September 30. [...] There is a reinstatement period until October 31, to submit late "
    "applications.",
    title="NREMT support: recertification cycle",
)


NREMT_EMR = nremt.program(
    key="nremt-emr",
    name="Nationally Registered Emergency Medical Responder (NREMR)",
    result_posting=nremt.result_posting(citation=_POSTING),
    attempt_limit=Param.single(
        "attempt_limit",
        "Cognitive attempts per course completion, and what follows the last failure",
        AttemptLimit(max_attempts=3, after_limit=AfterLimit.NEW_COURSE),
        effective_from=BASELINE,
        citation=nremt.ATTEMPTS_SOURCE,
        confidence=_S,
        note="Three attempts is primary. After three failures an EMR must complete a new "
        "full EMR course (secondary: open-exam-prep, EMTprep); that the new course restarts "
        "a full count of three is not stated anywhere and is encoded as yes. " + BASELINE_NOTE,
    ),
    course_validity=nremt.course_validity("EMR", citation=_COURSE),
    portion_validity=nremt.portion_validity(
        "EMR", twelve_months=_PORTIONS_12, twenty_four_months=_PORTIONS_24, handbook_url=_HANDBOOK
    ),
    certification_term=nremt.certification_term("EMR", month=9, day=30, citation=_EXPIRY),
    cpr_required=Param.single(
        "cpr_required",
        "A current CPR-BLS (Healthcare Provider) credential is required to apply",
        True,
        effective_from=BASELINE,
        citation=_CPR,
        confidence=_P,
        note=BASELINE_NOTE,
    ),
    verification_required=Param.single(
        "verification_required",
        "The course Program Director must verify course completion",
        True,
        effective_from=BASELINE,
        citation=_VERIFY,
        confidence=_P,
        note=BASELINE_NOTE,
    ),
    skills_required=Param.single(
        "skills_required",
        "A State EMS Office approved BLS skills competency is part of certification",
        True,
        effective_from=BASELINE,
        citation=_SKILLS,
        confidence=_P,
        note=BASELINE_NOTE,
    ),
    recert_cycle=Param.single(
        "recert_cycle",
        "Length of an EMR recertification cycle",
        RecertificationCycle(months=24),
        effective_from=LIFECYCLE_BASELINE,
        citation=_CYCLE,
        confidence=_P,
        note=LIFECYCLE_NOTE,
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
                + LIFECYCLE_NOTE,
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
    ce_window=Param.single(
        "ce_window",
        "Which dates of continuing education count toward a cycle",
        RollingCeWindow(),
        effective_from=LIFECYCLE_BASELINE,
        citation=nremt.ROLLING_CE_SOURCE,
        confidence=_P,
        note="From the certification date or the completion of the last recertification "
        "through the expiration date ('all education must be completed by the September "
        "30 of the year their certification expires'). " + LIFECYCLE_NOTE,
    ),
    recert_window=Param.single(
        "recert_window",
        "EMR recertification application window, late (reinstatement) period and lapse",
        SeasonalRecertWindow(opens_month=4, opens_day=1, late_month=10, late_day=31),
        effective_from=LIFECYCLE_BASELINE,
        citation=_RECERT_WINDOW,
        confidence=_P,
        note="April 1 to September 30 of the expiration year; late applications until "
        "October 31 ('EMR reinstatement ends on October 31 of the year your certification "
        "expires'); 'Failure to submit the application will result in the lapsing of your "
        "certification'. " + LIFECYCLE_NOTE,
    ),
    recert_exam=Param.single(
        "recert_exam",
        "Recertification by exam (RBE)",
        RecertExam(attempts=1, opens_month=10, opens_day=1, opens_years_before=1),
        effective_from=LIFECYCLE_BASELINE,
        citation=nremt.RBE_SOURCE,
        confidence=_P,
        note="One attempt, no retest ('You have one attempt to successfully complete "
        "recertification by exam; you cannot retest', support.nremt.org/portal/en/kb/"
        "articles/unsucce); a candidate who fails can still recertify by continuing "
        "education. The window: from October 1 of the year before the expiration year "
        "through the expiration date (September 30); an attempt outside it does not count. "
        + LIFECYCLE_NOTE,
    ),
    retake_advice=Param.single(
        "retake_advice",
        "Study advice after a failed attempt: the fix for each kind of missed item",
        SEED_RETAKE_ADVICE,
        effective_from=BASELINE,
        citation=seed_citation(
            "Knowledge gaps need focused content review; sequence errors need priority-ladder "
            "drills; scope errors need the can/cannot list memorized; reading errors need "
            "slower, deliberate stem reading; pacing errors need timed practice."
        ),
        confidence=_S,
        note="A study guide's advice (the project's seed document), not an NREMT rule; each "
        "fix cites its own clause. " + BASELINE_NOTE,
    ),
    level="emr",
)
"""The NREMT EMR pathway.

:meta hide-value:
"""
