"""The NREMT Advanced EMT pathway (NRAEMT), as cited data.

The AEMT level shares the NREMT family's provisions (:mod:`emrpath.programs.nremt`) and the
March 31 lifecycle. Its own: three attempts, then documented remedial training (36 hours,
or the 25-hour national NCCP component) allowing three more, then a new course; the
national psychomotor exam through 2024-06-30 and, from 2024-07-01, the AEMT Certification
Examination alone; 50 hours of NCCP continuing education; and, before any of it, a current
EMT (or higher) certification or state licence (research notes:
``shared/sources/nremt-levels-facts.md`` in the project, parts A and C). The AEMT handbook
pages were not found, so several AEMT rules rest on NREMT's general policy (open question 2).

Example:
    >>> import datetime as dt
    >>> rule = NREMT_AEMT.attempt_limit.value_at(dt.date(2025, 5, 1))
    >>> rule.remedial.hours, rule.remedial.component_hours
    (36, 25)
    >>> NREMT_AEMT.skills_required.value_at(dt.date(2024, 6, 30))
    True
    >>> NREMT_AEMT.skills_required.value_at(dt.date(2024, 7, 1))
    False
"""

from __future__ import annotations

import datetime as dt

from emrpath.params import Citation, Confidence, Param, Provision
from emrpath.policies import CeTopic, Prerequisite
from emrpath.programs import nremt
from emrpath.programs.nremt import BASELINE, BASELINE_NOTE, OPEN_QUESTIONS

__all__ = [
    "ALS_EXAM_CHANGE",
    "EMT_OR_HIGHER",
    "NREMT_AEMT",
    "PREREQUISITE_SOURCE",
    "als_skills",
]

_P = Confidence.PRIMARY
_S = Confidence.SECONDARY

ALS_EXAM_CHANGE = dt.date(2024, 7, 1)
"""First day of the AEMT and Paramedic Certification Examinations (no psychomotor exam)."""

_REQUIREMENTS = "https://dev.nremt.org/AEMT/Certification"
_POSTING = Citation(
    url="https://dummies.com/article/academics-the-arts/study-skills-test-prep/emt-exam/"
    "how-to-evaluate-your-emt-exam-scores-149880",
    quote="Although the NREMT states that it can take one to two business days, sometimes your "
    "result may appear as early as the same day you took the exam.",
    title="Dummies: how to evaluate your EMT exam scores (stated for EMT only)",
)
_REMEDIAL = Citation(
    url="https://emtprep.com/extra/nremt-exams/the-nremt-cognitive-exam-policies",
    quote="AEMT: 36 hours or completion of the 25 hour National Continued Competency Program "
    "(NCCP).",
    title="EMTprep: the NREMT cognitive exam policies",
)
_COURSE = Citation(
    url=_REQUIREMENTS,
    quote="Candidates must have completed the course within the past two years and the course "
    "Program Director must verify successful course completion on the National Registry "
    "website.",
    title="NREMT AEMT certification requirements",
)
_PORTIONS_24 = Citation(
    url=_REQUIREMENTS,
    quote="Passed portions of the cognitive and psychomotor exam remain valid for 24 months.",
    title="NREMT AEMT certification requirements",
)
_PORTIONS_12 = Citation(
    url=_REQUIREMENTS,
    quote="For candidates with a course completion date prior to November 1, 2018, passed "
    "portions of each examination are valid for 12 months.",
    title="NREMT AEMT certification requirements",
)
_CPR = Citation(
    url=_REQUIREMENTS,
    quote='Have a current CPR-BLS for "Healthcare Provider" or equivalent credential.',
    title="NREMT AEMT certification requirements",
)
_PSYCHOMOTOR = Citation(
    url=_REQUIREMENTS,
    quote="Passed portions of the cognitive and psychomotor exam remain valid for 24 months.",
    title="NREMT AEMT certification requirements (pre-July 2024)",
)
_NEW_EXAM = Citation(
    url="https://dev.nremt.org/News/New-ALS-Certification-Examination-Launches-July-1",
    quote="Beginning on July 1, 2024, and continuing on from that date, every Paramedic and "
    "AEMT examination conducted will be the AEMT and Paramedic Certification Examinations.",
    title="NREMT news: new ALS certification examination launches July 1 (2023-10-06)",
)
PREREQUISITE_SOURCE = Citation(
    url=_REQUIREMENTS,
    quote="Current National Registry certification or state license at the EMT level, or a higher",
    title="NREMT AEMT certification requirements",
)
"""The AEMT prerequisite: a current EMT-or-higher certification or state licence.

:meta hide-value:
"""

EMT_OR_HIGHER = frozenset({"emt", "aemt", "paramedic"})
"""The levels of a credential that meet "at the EMT level, or higher"."""


def als_skills(level: str, *, psychomotor: Citation, new_exam: Citation) -> Param[bool]:
    """The national psychomotor exam through 2024-06-30; none from 2024-07-01.

    Keyed, like every pathway rule, by the course completion date (open question 5).

    Args:
        level: ``"AEMT"`` or ``"Paramedic"``.
        psychomotor: The level's source for the psychomotor exam.
        new_exam: The source for the 2024-07-01 change.

    Example:
        >>> rule = als_skills("AEMT", psychomotor=_PSYCHOMOTOR, new_exam=_NEW_EXAM)
        >>> [p.value for p in rule.provisions]
        [True, False]
    """
    return Param(
        "skills_required",
        f"The national {level} psychomotor (skills) exam is part of certification",
        (
            Provision(
                BASELINE,
                True,
                psychomotor,
                _P,
                "The NREMT advanced-level psychomotor exam (a Psychomotor ATT from "
                "2017-01-01), last given 2024-06-30; a skills record is the passed psychomotor "
                "exam. " + BASELINE_NOTE,
            ),
            Provision(
                ALS_EXAM_CHANGE,
                False,
                new_exam,
                _S,
                f"From 2024-07-01 there is no national psychomotor exam: one {level} "
                "Certification Examination, with skills verified by the education program "
                "(the Program Director's verification). The change date is primary; applying "
                "it by course completion date is a reading. " + OPEN_QUESTIONS[4][1],
            ),
        ),
    )


NREMT_AEMT = nremt.program(
    key="nremt-aemt",
    name="Nationally Registered Advanced Emergency Medical Technician (NRAEMT)",
    result_posting=nremt.result_posting(citation=_POSTING, note=OPEN_QUESTIONS[5][1]),
    attempt_limit=nremt.remedial_attempt_limit(
        "AEMT", hours=36, component_hours=25, citation=_REMEDIAL, note=OPEN_QUESTIONS[1][1]
    ),
    course_validity=nremt.course_validity("AEMT", citation=_COURSE),
    portion_validity=nremt.portion_validity(
        "AEMT",
        twelve_months=_PORTIONS_12,
        twenty_four_months=_PORTIONS_24,
        handbook_url=_REQUIREMENTS,
    ),
    certification_term=nremt.certification_term(
        "AEMT", month=3, day=31, citation=nremt.MARCH_EXPIRY_SOURCE
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
        citation=_COURSE,
        confidence=_P,
        note=BASELINE_NOTE,
    ),
    skills_required=als_skills("AEMT", psychomotor=_PSYCHOMOTOR, new_exam=_NEW_EXAM),
    recert_cycle=nremt.MARCH_CYCLE,
    ce_requirement=nremt.nccp_requirement(
        "AEMT",
        national=25,
        local=12.5,
        individual=12.5,
        topics=(
            CeTopic("airway", 2.5),
            CeTopic("cardiovascular", 7),
            CeTopic("trauma", 3),
            CeTopic("medical", 7.5),
            CeTopic("operations", 5),
        ),
        table_row="AEMT 25 12.5 12.5 50",
        topics_note="National topics (primary, NREMT AEMT State Licensed document): airway, "
        "respiration and ventilation 2.5; cardiovascular 7; trauma 3; medical 7.5; "
        "operations 5.",
    ),
    ce_window=nremt.MARCH_CE_WINDOW,
    recert_window=nremt.MARCH_RECERT_WINDOW,
    recert_exam=nremt.MARCH_RBE,
    prerequisite=Param.single(
        "prerequisite",
        "A current credential at EMT level or higher, held before AEMT certification",
        Prerequisite(EMT_OR_HIGHER),
        effective_from=BASELINE,
        citation=PREREQUISITE_SOURCE,
        confidence=_P,
        note="A current NREMT certification or state licence at EMT, AEMT or Paramedic "
        "level. A state-approved AEMT course; no national accreditation is required (a "
        "voluntary one exists from 2025-01, secondary). " + BASELINE_NOTE,
    ),
    level="aemt",
)
"""The NREMT Advanced EMT pathway.

:meta hide-value:
"""
