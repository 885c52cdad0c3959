"""emrpath: the published rules of certification pathways as exact, cited, pure Python.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> ep.BusinessCalendar.us_federal().add_business_days(dt.date(2026, 7, 2), 2)
    datetime.date(2026, 7, 7)
"""

from __future__ import annotations

from emrpath.batch import evaluate_many
from emrpath.calendar import (
    NATIONAL_DAY_OF_MOURNING_2025,
    BusinessCalendar,
    CalendarSpec,
    DayOverride,
)
from emrpath.decisions import Gate, GateName, GateState, PathwayStatus, Reason
from emrpath.errors import (
    CalendarRangeError,
    EmrpathError,
    InputTypeError,
    InvalidRecordError,
    NaiveDatetimeError,
    NoRuleInForceError,
    UnknownNameError,
)
from emrpath.lifecycle import (
    ComponentProgress,
    RecertificationState,
    RecertificationStatus,
    TopicProgress,
    recertification_status,
)
from emrpath.params import Citation, Confidence, Param, Provision, weakest
from emrpath.pathway import evaluate
from emrpath.policies import (
    AfterLimit,
    AnniversaryExpiry,
    AppealWindow,
    AttemptLimit,
    AttemptScope,
    AuthorizationWindow,
    CeComponent,
    CeRequirement,
    CeTopic,
    DeadlineRecertWindow,
    FixedDaysWait,
    MonthEndValidity,
    MonthsCeWindow,
    MonthsValidity,
    NextPeriodWait,
    NoExpiry,
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
from emrpath.programs import ASCP_MLS, NREMT_EMR
from emrpath.records import (
    AuthorizationToTest,
    Candidate,
    Certification,
    ContinuingEducation,
    CourseCompletion,
    CprCredential,
    ExamAttempt,
    PriorCourse,
    SkillsCompetency,
)
from emrpath.rules import (
    appeal_deadline,
    att_expiration_date,
    check_score,
    course_expiration_date,
    earliest_retest_date,
    expected_result_date,
    initial_expiration_date,
    portion_expiration_date,
)
from emrpath.scope import (
    NATIONAL_2019,
    SCOPE_SOURCES,
    CanCannotList,
    ChangeKind,
    Level,
    ScopeChange,
    ScopeDecision,
    ScopeOutcome,
    ScopeProfile,
    SkillRow,
    UnverifiedPolicy,
    above_scope_skills,
    can_cannot_list,
    is_within_scope,
)


def __getattr__(name: str) -> str:
    # __version__ is read from the installed metadata on first access only: importing
    # importlib.metadata costs more than the rest of emrpath's import together.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("emrpath")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'emrpath' has no attribute {name!r}")


__all__ = [
    "ASCP_MLS",
    "NATIONAL_2019",
    "NATIONAL_DAY_OF_MOURNING_2025",
    "NREMT_EMR",
    "SCOPE_SOURCES",
    "AfterLimit",
    "AnniversaryExpiry",
    "AppealWindow",
    "AttemptLimit",
    "AttemptScope",
    "AuthorizationToTest",
    "AuthorizationWindow",
    "BusinessCalendar",
    "CalendarRangeError",
    "CalendarSpec",
    "CanCannotList",
    "Candidate",
    "CeComponent",
    "CeRequirement",
    "CeTopic",
    "Certification",
    "ChangeKind",
    "Citation",
    "ComponentProgress",
    "Confidence",
    "ContinuingEducation",
    "CourseCompletion",
    "CprCredential",
    "DayOverride",
    "DeadlineRecertWindow",
    "EmrpathError",
    "ExamAttempt",
    "FixedDaysWait",
    "Gate",
    "GateName",
    "GateState",
    "InputTypeError",
    "InvalidRecordError",
    "Level",
    "MonthEndValidity",
    "MonthsCeWindow",
    "MonthsValidity",
    "NaiveDatetimeError",
    "NextPeriodWait",
    "NoExpiry",
    "NoRuleInForceError",
    "Param",
    "PathwayStatus",
    "PriorCourse",
    "Program",
    "Provision",
    "Reason",
    "RecertExam",
    "RecertificationCycle",
    "RecertificationState",
    "RecertificationStatus",
    "Requirement",
    "ResultPosting",
    "RollingCeWindow",
    "ScopeChange",
    "ScopeDecision",
    "ScopeOutcome",
    "ScopeProfile",
    "ScoreScale",
    "SeasonalExpiry",
    "SeasonalRecertWindow",
    "SkillRow",
    "SkillsCompetency",
    "TopicProgress",
    "UnknownNameError",
    "UnverifiedPolicy",
    "__version__",
    "above_scope_skills",
    "appeal_deadline",
    "att_expiration_date",
    "can_cannot_list",
    "check_score",
    "course_expiration_date",
    "earliest_retest_date",
    "evaluate",
    "evaluate_many",
    "expected_result_date",
    "initial_expiration_date",
    "is_within_scope",
    "portion_expiration_date",
    "recertification_status",
    "weakest",
]
