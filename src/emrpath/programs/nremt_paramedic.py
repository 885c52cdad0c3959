"""The NREMT Paramedic pathway (NRP), as cited data.

The Paramedic level shares the NREMT family's provisions (:mod:`emrpath.programs.nremt`)
and the March 31 lifecycle. Its own: three attempts, then documented remedial training
(48 hours, or the 30-hour national NCCP component) allowing three more, then a new course;
the national psychomotor exam through 2024-06-30 and, from 2024-07-01, the Paramedic
Certification Examination alone; 60 hours of NCCP continuing education; a current EMT (or
higher) certification or state licence; and, from 2013-01-01, a course from a
CAAHEP-accredited program or one holding a CoAEMSP Letter of Review (research notes:
``shared/sources/nremt-levels-facts.md`` in the project, parts A and D).

Example:
    >>> import datetime as dt
    >>> NREMT_PARAMEDIC.ce_requirement.value_at(dt.date(2024, 4, 1)).total
    Decimal('60')
    >>> NREMT_PARAMEDIC.cpr_required.at(dt.date(2024, 7, 1)).confidence
    <Confidence.SECONDARY: 'secondary'>
"""

from __future__ import annotations

import datetime as dt

from emrpath.params import Citation, Confidence, Param, Provision
from emrpath.policies import AuthorizationWindow, CeTopic, Prerequisite
from emrpath.programs import nremt
from emrpath.programs.nremt import BASELINE, BASELINE_NOTE, OPEN_QUESTIONS
from emrpath.programs.nremt_aemt import ALS_EXAM_CHANGE, EMT_OR_HIGHER, als_skills

__all__ = ["NREMT_PARAMEDIC"]

_P = Confidence.PRIMARY
_S = Confidence.SECONDARY

_HANDBOOK = "https://nremt.org/Handbooks/Paramedic/Certification-Process"
_REQUIREMENTS = "https://dev.nremt.org/paramedic/certification"
_PATHWAY = "https://www.nremt.org/Document/Paramedic-Full-Education-Program-Pathway"
_POSTING = Citation(
    url="https://dummies.com/article/academics-the-arts/study-skills-test-prep/emt-exam/"
    "how-to-evaluate-your-emt-exam-scores-149880",
    quote="Although the NREMT states that it can take one to two business days, sometimes your "
    "result may appear as early as the same day you took the exam.",
    title="Dummies: how to evaluate your EMT exam scores (stated for EMT only)",
)
_REMEDIAL = Citation(
    url="https://emtprep.com/extra/nremt-exams/the-nremt-cognitive-exam-policies",
    quote="Paramedic: 48 hours or completion of the 30 hour National Continued Competency "
    "Program (NCCP).",
    title="EMTprep: the NREMT cognitive exam policies",
)
_COURSE = Citation(
    url=_HANDBOOK,
    quote="A course completed anytime during January 2024 would be valid until January 31, 2026.",
    title="NREMT Paramedic handbook: certification process",
)
_ATT = Citation(
    url=_HANDBOOK,
    quote="An ATT purchased within 90 days of the course expiration date will expire at the end "
    "of the month of the course’s expiration date.",
    title="NREMT Paramedic handbook: certification process",
)
_PORTIONS_24 = Citation(
    url=_REQUIREMENTS,
    quote="Passed portions of the cognitive and psychomotor exam remain valid for 24 months.",
    title="NREMT Paramedic certification requirements",
)
_PORTIONS_12 = Citation(
    url="https://www.nremt.org/Handbooks/EMT/Certification-Process",
    quote="For candidates with a course completion date prior to November 1, 2018, passed "
    "portions of each examination are valid for 12 months.",
    title="NREMT EMT handbook: certification process (the family-wide 12-month rule)",
)
_CPR = Citation(
    url=_REQUIREMENTS,
    quote='Have a current CPR-BLS for "Healthcare Provider" or equivalent credential.',
    title="NREMT Paramedic certification requirements (older page)",
)
_CPR_NOW = Citation(
    url=_PATHWAY,
    quote="Current National Registry certification or state license at the EMT level, or higher",
    title="NREMT: Paramedic Full Education Program Pathway (lists no CPR credential)",
)
_VERIFY = Citation(
    url=_PATHWAY,
    quote="After January 1, 2023, candidates are required to meet CoAEMSP Recommended Student "
    "Minimum Competency (SMC) Matrix.",
    title="NREMT: Paramedic Full Education Program Pathway",
)
_ACCREDITED = Citation(
    url=_PATHWAY,
    quote="Since January 1, 2013 all initial Paramedic applicants seeking National Registry's "
    "National EMS Certification at the Paramedic level must have successfully completed "
    "education from an accredited program",
    title="NREMT: Paramedic Full Education Program Pathway",
)
_ACCREDITATION_DATE = dt.date(2013, 1, 1)
_PSYCHOMOTOR = Citation(
    url=_REQUIREMENTS,
    quote="Passed portions of the cognitive and psychomotor exam remain valid for 24 months.",
    title="NREMT Paramedic certification requirements (pre-July 2024)",
)
_NEW_EXAM = Citation(
    url="https://dev.nremt.org/News/New-ALS-Certification-Examination-Launches-July-1",
    quote="Beginning on July 1, 2024, and continuing on from that date, every Paramedic and "
    "AEMT examination conducted will be the AEMT and Paramedic Certification Examinations.",
    title="NREMT news: new ALS certification examination launches July 1 (2023-10-06)",
)


NREMT_PARAMEDIC = nremt.program(
    key="nremt-paramedic",
    name="Nationally Registered Paramedic (NRP)",
    result_posting=nremt.result_posting(citation=_POSTING, note=OPEN_QUESTIONS[5][1]),
    attempt_limit=nremt.remedial_attempt_limit(
        "Paramedic", hours=48, component_hours=30, citation=_REMEDIAL
    ),
    course_validity=nremt.course_validity("Paramedic", citation=_COURSE),
    authorization=Param.single(
        "authorization",
        "Validity of an Authorization to Test (ATT)",
        AuthorizationWindow(days=90, capped_by_course=True),
        effective_from=BASELINE,
        citation=_ATT,
        confidence=_P,
        note="Last valid day = issue date + 90 days, or the course expiration if earlier. The "
        "Paramedic handbook says 'at the end of the month of the course's expiration date'; a "
        "course expires on the last day of a month, so that is the course expiration date "
        "itself (open question 10 of the levels facts). Policy effective 2015-01-01.",
    ),
    portion_validity=nremt.portion_validity(
        "Paramedic",
        twelve_months=_PORTIONS_12,
        twenty_four_months=_PORTIONS_24,
        handbook_url=_REQUIREMENTS,
    ),
    certification_term=nremt.certification_term(
        "Paramedic", month=3, day=31, citation=nremt.MARCH_EXPIRY_SOURCE
    ),
    cpr_required=Param(
        "cpr_required",
        "A current CPR-BLS (Healthcare Provider) credential is required to apply",
        (
            Provision(BASELINE, True, _CPR, _P, "Primary on older NREMT pages. " + BASELINE_NOTE),
            Provision(
                ALS_EXAM_CHANGE,
                True,
                _CPR_NOW,
                _S,
                "The newer Paramedic pathway page lists no CPR credential. "
                + OPEN_QUESTIONS[3][1],
            ),
        ),
    ),
    verification_required=Param.single(
        "verification_required",
        "The course Program Director must verify course completion",
        True,
        effective_from=BASELINE,
        citation=_VERIFY,
        confidence=_P,
        note="The Program Director verifies completion (and, after 2023-01-01, the CoAEMSP "
        "Student Minimum Competency matrix; from 2016-08-01 students keep a psychomotor "
        "competency portfolio). " + BASELINE_NOTE,
    ),
    skills_required=als_skills("Paramedic", psychomotor=_PSYCHOMOTOR, new_exam=_NEW_EXAM),
    recert_cycle=nremt.MARCH_CYCLE,
    ce_requirement=nremt.nccp_requirement(
        "Paramedic",
        national=30,
        local=15,
        individual=15,
        topics=(
            CeTopic("airway", 3.5),
            CeTopic("trauma", 3),
            CeTopic("medical", 8.5),
            CeTopic("operations", 6.5),
        ),
        table_row="Paramedic 30 15 15 60",
        topics_note="National topics (primary, old www re-entry page): airway, respiration "
        "and ventilation 3.5; trauma 3; medical 8.5; operations 6.5. Cardiovascular 8.5 is "
        "the remainder and secondary only, so it is not a topic minimum here.",
    ),
    ce_window=nremt.MARCH_CE_WINDOW,
    recert_window=nremt.MARCH_RECERT_WINDOW,
    recert_exam=nremt.MARCH_RBE,
    prerequisite=Param.single(
        "prerequisite",
        "A current credential at EMT level or higher, and a course from an accredited program",
        Prerequisite(EMT_OR_HIGHER, accredited_course=True),
        effective_from=_ACCREDITATION_DATE,
        citation=_ACCREDITED,
        confidence=_P,
        note="A current NREMT certification or state licence at EMT, AEMT or Paramedic level "
        "('Current National Registry certification or state license at the EMT level, or "
        "higher', same page), and from 2013-01-01 a course from a CAAHEP-accredited program "
        "or one holding a CoAEMSP Letter of Review. Keyed by the course completion date "
        "(the family's tables start 2015-01-01 anyway); graduates of a program that held a "
        "Letter of Review during their enrolment qualify (CoAEMSP, secondary).",
    ),
    level="paramedic",
)
"""The NREMT Paramedic pathway.

:meta hide-value:
"""
