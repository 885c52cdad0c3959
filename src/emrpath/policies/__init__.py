"""Small frozen rule values that a program's parameters hold.

A program differs from another by data, not by branches in rule code: where NREMT fixes
certification expiry on September 30 and ASCP counts three years from issue, each program
holds a different *policy value*, and the rule function calls its method. Every policy is
immutable, hashable and picklable. The values live in three modules by family, and every
name is importable from here:

- :mod:`emrpath.policies.exam`: result posting, score reports, retest waits, attempt
  limits, authorizations to test, appeals;
- :mod:`emrpath.policies.validity`: how long a course, a passed portion and a
  certification last;
- :mod:`emrpath.policies.recertification`: continuing education, the cycle, the windows,
  recertification by exam.

Example:
    >>> import datetime as dt
    >>> FixedDaysWait(days=15).earliest_after(dt.date(2025, 3, 3))
    datetime.date(2025, 3, 18)
    >>> MonthEndValidity(months=24).expires_on(dt.date(2024, 1, 5))
    datetime.date(2026, 1, 31)
"""

from __future__ import annotations

from emrpath.policies.exam import (
    AfterLimit,
    AppealWindow,
    AttemptLimit,
    AttemptScope,
    AuthorizationWindow,
    FixedDaysWait,
    NextPeriodWait,
    Prerequisite,
    RemedialRequirement,
    Requirement,
    ResultPosting,
    RetestWait,
    ScoreScale,
)
from emrpath.policies.recertification import (
    CeComponent,
    CeRequirement,
    CeTopic,
    CeWindow,
    DeadlineRecertWindow,
    MonthsCeWindow,
    RecertExam,
    RecertificationCycle,
    RecertWindow,
    RollingCeWindow,
    SeasonalRecertWindow,
)
from emrpath.policies.validity import (
    AnniversaryExpiry,
    CertificationTerm,
    CourseValidity,
    MonthEndValidity,
    MonthsValidity,
    NoExpiry,
    PortionValidity,
    SeasonalExpiry,
)

__all__ = [
    "AfterLimit",
    "AnniversaryExpiry",
    "AppealWindow",
    "AttemptLimit",
    "AttemptScope",
    "AuthorizationWindow",
    "CeComponent",
    "CeRequirement",
    "CeTopic",
    "CeWindow",
    "CertificationTerm",
    "CourseValidity",
    "DeadlineRecertWindow",
    "FixedDaysWait",
    "MonthEndValidity",
    "MonthsCeWindow",
    "MonthsValidity",
    "NextPeriodWait",
    "NoExpiry",
    "PortionValidity",
    "Prerequisite",
    "RecertExam",
    "RecertWindow",
    "RecertificationCycle",
    "RemedialRequirement",
    "Requirement",
    "ResultPosting",
    "RetestWait",
    "RollingCeWindow",
    "ScoreScale",
    "SeasonalExpiry",
    "SeasonalRecertWindow",
]
