"""Rule families: pure functions from dates and a program to dates and checks.

Each function reads its numbers from the program's parameters (never a literal), takes a
``datetime.date`` or an aware ``datetime`` (converted to the program's timezone), and
raises an :class:`~emrpath.errors.EmrpathError` on anything else.
"""

from __future__ import annotations

from emrpath.rules.appeals import appeal_deadline
from emrpath.rules.certification import initial_expiration_date
from emrpath.rules.course import att_expiration_date, course_expiration_date
from emrpath.rules.portions import portion_expiration_date
from emrpath.rules.results import expected_result_date
from emrpath.rules.retest import earliest_retest_date
from emrpath.rules.scores import check_score

__all__ = [
    "appeal_deadline",
    "att_expiration_date",
    "check_score",
    "course_expiration_date",
    "earliest_retest_date",
    "expected_result_date",
    "initial_expiration_date",
    "portion_expiration_date",
]
