"""The NREMT EMT pathway (National Registry Emergency Medical Technician), as cited data.

The EMT level shares the NREMT family's provisions (:mod:`emrpath.programs.nremt`) and the
March 31 lifecycle of every level above EMR. Its own: three attempts, then documented
remedial training (24 hours, or the 20-hour national NCCP component) allowing three more,
then a new course; a State EMS Office approved skills competency (no national skills exam);
40 hours of NCCP continuing education (research notes:
``shared/sources/nremt-levels-facts.md`` in the project, parts A and B).

Example:
    >>> import datetime as dt
    >>> NREMT_EMT.attempt_limit.value_at(dt.date(2025, 5, 1)).total_attempts
    6
    >>> NREMT_EMT.certification_term.value_at(dt.date(2025, 5, 1)).expires_on(dt.date(2025, 5, 1))
    datetime.date(2027, 3, 31)
"""

from __future__ import annotations

from emrpath.params import Citation, Confidence, Param
from emrpath.policies import CeTopic
from emrpath.programs import nremt
from emrpath.programs.nremt import BASELINE, BASELINE_NOTE

__all__ = ["NREMT_EMT"]

_P = Confidence.PRIMARY
_S = Confidence.SECONDARY

_HANDBOOK = "https://www.nremt.org/Handbooks/EMT/Certification-Process"
_POSTING = Citation(
    url="https://dummies.com/article/academics-the-arts/study-skills-test-prep/emt-exam/"
    "how-to-evaluate-your-emt-exam-scores-149880",
    quote="Although the NREMT states that it can take one to two business days, sometimes your "
    "result may appear as early as the same day you took the exam.",
    title="Dummies: how to evaluate your EMT exam scores",
)
_REMEDIAL = Citation(
    url="https://emtprep.com/extra/nremt-exams/the-nremt-cognitive-exam-policies",
    quote="EMT: 24 hours or completion of the 20 hour National Continued Competency Program "
    "(NCCP).",
    title="EMTprep: the NREMT cognitive exam policies",
)
_COURSE = Citation(
    url=_HANDBOOK,
    quote="Initial courses are valid for two years from the month and year of course completion.",
    title="NREMT EMT handbook: certification process",
)
_PORTIONS_24 = Citation(
    url=_HANDBOOK,
    quote="Examination results are valid for 24 months from the month, day, and year of "
    "successful completion.",
    title="NREMT EMT handbook: certification process",
)
_PORTIONS_12 = Citation(
    url=_HANDBOOK,
    quote="For candidates with a course completion date prior to November 1, 2018, passed "
    "portions of each examination are valid for 12 months.",
    title="NREMT EMT handbook: certification process",
)
_REQUIREMENTS = "https://dev.nremt.org/EMT/Certification"
_CPR = Citation(
    url=_REQUIREMENTS,
    quote='Have a current CPR-BLS for "Healthcare Provider" or equivalent credential.',
    title="NREMT EMT certification requirements",
)
_VERIFY = Citation(
    url=_REQUIREMENTS,
    quote="the course Program Director must verify successful course completion on the "
    "National Registry website.",
    title="NREMT EMT certification requirements",
)
_SKILLS = Citation(
    url=_HANDBOOK,
    quote="State EMS Office approved BLS skills competency results are valid for 24 months from "
    "the month, day, and year of successful completion.",
    title="NREMT EMT handbook: certification process",
)


NREMT_EMT = nremt.program(
    key="nremt-emt",
    name="Nationally Registered Emergency Medical Technician (NREMT)",
    result_posting=nremt.result_posting(citation=_POSTING),
    attempt_limit=nremt.remedial_attempt_limit(
        "EMT", hours=24, component_hours=20, citation=_REMEDIAL
    ),
    course_validity=nremt.course_validity("EMT", citation=_COURSE),
    portion_validity=nremt.portion_validity(
        "EMT", twelve_months=_PORTIONS_12, twenty_four_months=_PORTIONS_24, handbook_url=_HANDBOOK
    ),
    certification_term=nremt.certification_term(
        "EMT", month=3, day=31, citation=nremt.MARCH_EXPIRY_SOURCE
    ),
    cpr_required=Param.single(
        "cpr_required",
        "A current CPR-BLS (Healthcare Provider) credential is required to apply",
        True,
        effective_from=BASELINE,
        citation=_CPR,
        confidence=_P,
        note="Primary on older NREMT pages. " + BASELINE_NOTE,
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
        note="State-run, not an NREMT exam; the April 2025 EMT exam change left it unchanged. "
        "No dated 'since 2023' change was found (open question 9 of the levels facts: only "
        "the wording changed). " + BASELINE_NOTE,
    ),
    recert_cycle=nremt.MARCH_CYCLE,
    ce_requirement=nremt.nccp_requirement(
        "EMT",
        national=20,
        local=10,
        individual=10,
        topics=(
            CeTopic("airway", 1.5),
            CeTopic("cardiovascular", 6),
            CeTopic("trauma", 1.5),
            CeTopic("medical", 6),
        ),
        table_row="EMT 20 10 10 40",
        topics_note="National topics (primary, rwd emt-recert page): airway, respiration and "
        "ventilation 1.5; cardiovascular 6; trauma 1.5; medical 6. Operations 5 is the "
        "remainder and secondary only, so it is not a topic minimum here.",
    ),
    ce_window=nremt.MARCH_CE_WINDOW,
    recert_window=nremt.MARCH_RECERT_WINDOW,
    recert_exam=nremt.MARCH_RBE,
    level="emt",
)
"""The NREMT EMT pathway.

:meta hide-value:
"""
