"""Planning after a failed attempt: the attempt timeline and the retake advice.

Two questions a candidate asks after a failed attempt, each answered in its own module
from the program's rules:

- :mod:`emrpath.planning.timeline`: when can every remaining attempt be, and does each
  still fit the course window and its authorization to test? (:func:`plan_attempts`,
  :func:`timeline_after`)
- :mod:`emrpath.planning.retake`: what to repair, and by when? (:func:`retake_plan`, from
  an :class:`ErrorLog` of classified misses)

Every name is importable from here as well as from its module.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> course = ep.CourseCompletion(dt.date(2025, 5, 2), verified_on=dt.date(2025, 5, 9))
    >>> timeline = plan_attempts(course, dt.date(2027, 4, 20), program=ep.NREMT_EMR)
    >>> [(a.number, a.earliest_on.isoformat(), a.fits_course_window) for a in timeline.attempts]
    [(1, '2027-04-20', True), (2, '2027-05-05', True), (3, '2027-05-20', True)]
    >>> timeline.latest_first_attempt_on
    datetime.date(2027, 5, 1)
"""

from __future__ import annotations

from emrpath.planning.retake import (
    BUCKET_FIXES,
    BucketFix,
    ErrorLog,
    Miss,
    MissBucket,
    RetakePlan,
    retake_plan,
)
from emrpath.planning.timeline import (
    AttemptTimeline,
    PlannedAttempt,
    plan_attempts,
    timeline_after,
)

__all__ = [
    "BUCKET_FIXES",
    "AttemptTimeline",
    "BucketFix",
    "ErrorLog",
    "Miss",
    "MissBucket",
    "PlannedAttempt",
    "RetakePlan",
    "plan_attempts",
    "retake_plan",
    "timeline_after",
]
