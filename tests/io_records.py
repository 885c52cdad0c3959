"""The candidate the JSON tests share: the bundled EMR example's course, attempts and skills.

``test_io.py`` and ``test_io_contract.py`` both start from it, so a change to one starts
from the same record in the other.
"""

from __future__ import annotations

import datetime as dt

import emrpath as ep

D = dt.date

BASE = ep.Candidate(
    course=ep.CourseCompletion(D(2025, 5, 2), verified_on=D(2025, 5, 6)),
    attempts=[
        ep.ExamAttempt(D(2025, 6, 10), passed=False, scaled_score=880),
        ep.ExamAttempt(D(2025, 7, 15), passed=False, scaled_score=910),
    ],
    skills=ep.SkillsCompetency(D(2025, 4, 26)),
)
