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
    >>> from emrpath.planning import retake, timeline
    >>> plan_attempts is timeline.plan_attempts, retake_plan is retake.retake_plan
    (True, True)
    >>> failed = ep.ExamAttempt(dt.date(2025, 7, 11), passed=False)
    >>> person = ep.Candidate(ep.CourseCompletion(dt.date(2025, 5, 2)), [failed])
    >>> plan = retake_plan(ErrorLog([Miss("reading")]), failed, person,
    ...     as_of=dt.date(2025, 7, 14), program=ep.NREMT_EMR)
    >>> [a.earliest_on.isoformat() for a in plan.timeline.attempts]
    ['2025-07-26', '2025-08-10']
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
