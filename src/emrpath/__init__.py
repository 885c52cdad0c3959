"""emrpath: the published rules of certification pathways as exact, cited, pure Python.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> ep.BusinessCalendar.us_federal().add_business_days(dt.date(2026, 7, 2), 2)
    datetime.date(2026, 7, 7)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from emrpath.errors import (
    CalendarRangeError,
    EmrpathError,
    InputTypeError,
    InvalidRecordError,
    MissingExtraError,
    NaiveDatetimeError,
    NoRuleInForceError,
    UnknownNameError,
)

if TYPE_CHECKING:
    from emrpath.authority import (
        AgencyCredential,
        Jurisdiction,
        PracticeDecision,
        Practitioner,
        StateLicense,
        practice_authority,
    )
    from emrpath.batch import (
        evaluate_many,
    )
    from emrpath.calendar import (
        NATIONAL_DAY_OF_MOURNING_2025,
        BusinessCalendar,
        CalendarSpec,
        DayOverride,
    )
    from emrpath.decisions import (
        Gate,
        GateName,
        GateState,
        PathwayStatus,
        Reason,
    )
    from emrpath.jsonio import (
        INPUT_KINDS,
        SCHEMA_VERSION,
        dumps,
        from_json_data,
        json_schema,
        kinds,
        loads,
        to_json_data,
    )
    from emrpath.lifecycle import (
        ComponentProgress,
        RecertificationState,
        RecertificationStatus,
        TopicProgress,
        recertification_status,
    )
    from emrpath.params import (
        Citation,
        Confidence,
        Param,
        Provision,
        weakest,
    )
    from emrpath.pathway import (
        evaluate,
    )
    from emrpath.planning import (
        BUCKET_FIXES,
        AttemptTimeline,
        BucketFix,
        ErrorLog,
        Miss,
        MissBucket,
        PlannedAttempt,
        RetakePlan,
        plan_attempts,
        retake_plan,
    )
    from emrpath.plot import (
        plot_pathway,
    )
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
    from emrpath.program import (
        Program,
    )
    from emrpath.programs import (
        ASCP_MLS,
        NREMT_EMR,
    )
    from emrpath.records import (
        AuthorizationToTest,
        Candidate,
        Certification,
        ContinuingEducation,
        CourseCompletion,
        CprCredential,
        ExamAttempt,
        PriorCourse,
        RecertificationRecord,
        SkillsCompetency,
    )
    from emrpath.report import (
        describe_value,
        parameter_markdown,
        parameter_rows,
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

# Everything but the errors loads on first use (PEP 562): `import emrpath` stays cheap,
# and a script that needs only the calendar never builds the scope tables.
_LAZY: dict[str, str] = {
    "ASCP_MLS": "emrpath.programs",
    "AfterLimit": "emrpath.policies",
    "AgencyCredential": "emrpath.authority",
    "AnniversaryExpiry": "emrpath.policies",
    "AppealWindow": "emrpath.policies",
    "AttemptLimit": "emrpath.policies",
    "AttemptScope": "emrpath.policies",
    "AttemptTimeline": "emrpath.planning",
    "AuthorizationToTest": "emrpath.records",
    "AuthorizationWindow": "emrpath.policies",
    "BUCKET_FIXES": "emrpath.planning",
    "BucketFix": "emrpath.planning",
    "BusinessCalendar": "emrpath.calendar",
    "CalendarSpec": "emrpath.calendar",
    "CanCannotList": "emrpath.scope",
    "Candidate": "emrpath.records",
    "CeComponent": "emrpath.policies",
    "CeRequirement": "emrpath.policies",
    "CeTopic": "emrpath.policies",
    "Certification": "emrpath.records",
    "ChangeKind": "emrpath.scope",
    "Citation": "emrpath.params",
    "ComponentProgress": "emrpath.lifecycle",
    "Confidence": "emrpath.params",
    "ContinuingEducation": "emrpath.records",
    "CourseCompletion": "emrpath.records",
    "CprCredential": "emrpath.records",
    "DayOverride": "emrpath.calendar",
    "DeadlineRecertWindow": "emrpath.policies",
    "ErrorLog": "emrpath.planning",
    "ExamAttempt": "emrpath.records",
    "FixedDaysWait": "emrpath.policies",
    "Gate": "emrpath.decisions",
    "GateName": "emrpath.decisions",
    "GateState": "emrpath.decisions",
    "INPUT_KINDS": "emrpath.jsonio",
    "Jurisdiction": "emrpath.authority",
    "Level": "emrpath.scope",
    "Miss": "emrpath.planning",
    "MissBucket": "emrpath.planning",
    "MonthEndValidity": "emrpath.policies",
    "MonthsCeWindow": "emrpath.policies",
    "MonthsValidity": "emrpath.policies",
    "NATIONAL_2019": "emrpath.scope",
    "NATIONAL_DAY_OF_MOURNING_2025": "emrpath.calendar",
    "NREMT_EMR": "emrpath.programs",
    "NextPeriodWait": "emrpath.policies",
    "NoExpiry": "emrpath.policies",
    "Param": "emrpath.params",
    "PathwayStatus": "emrpath.decisions",
    "PlannedAttempt": "emrpath.planning",
    "PracticeDecision": "emrpath.authority",
    "Practitioner": "emrpath.authority",
    "PriorCourse": "emrpath.records",
    "Program": "emrpath.program",
    "Provision": "emrpath.params",
    "Reason": "emrpath.decisions",
    "RecertExam": "emrpath.policies",
    "RecertificationCycle": "emrpath.policies",
    "RecertificationRecord": "emrpath.records",
    "RecertificationState": "emrpath.lifecycle",
    "RecertificationStatus": "emrpath.lifecycle",
    "Requirement": "emrpath.policies",
    "ResultPosting": "emrpath.policies",
    "RetakePlan": "emrpath.planning",
    "RollingCeWindow": "emrpath.policies",
    "SCHEMA_VERSION": "emrpath.jsonio",
    "SCOPE_SOURCES": "emrpath.scope",
    "ScopeChange": "emrpath.scope",
    "ScopeDecision": "emrpath.scope",
    "ScopeOutcome": "emrpath.scope",
    "ScopeProfile": "emrpath.scope",
    "ScoreScale": "emrpath.policies",
    "SeasonalExpiry": "emrpath.policies",
    "SeasonalRecertWindow": "emrpath.policies",
    "SkillRow": "emrpath.scope",
    "SkillsCompetency": "emrpath.records",
    "StateLicense": "emrpath.authority",
    "TopicProgress": "emrpath.lifecycle",
    "UnverifiedPolicy": "emrpath.scope",
    "above_scope_skills": "emrpath.scope",
    "appeal_deadline": "emrpath.rules",
    "att_expiration_date": "emrpath.rules",
    "can_cannot_list": "emrpath.scope",
    "check_score": "emrpath.rules",
    "course_expiration_date": "emrpath.rules",
    "describe_value": "emrpath.report",
    "dumps": "emrpath.jsonio",
    "earliest_retest_date": "emrpath.rules",
    "evaluate": "emrpath.pathway",
    "evaluate_many": "emrpath.batch",
    "expected_result_date": "emrpath.rules",
    "from_json_data": "emrpath.jsonio",
    "initial_expiration_date": "emrpath.rules",
    "is_within_scope": "emrpath.scope",
    "json_schema": "emrpath.jsonio",
    "kinds": "emrpath.jsonio",
    "loads": "emrpath.jsonio",
    "parameter_markdown": "emrpath.report",
    "parameter_rows": "emrpath.report",
    "plan_attempts": "emrpath.planning",
    "plot_pathway": "emrpath.plot",
    "portion_expiration_date": "emrpath.rules",
    "practice_authority": "emrpath.authority",
    "recertification_status": "emrpath.lifecycle",
    "retake_plan": "emrpath.planning",
    "to_json_data": "emrpath.jsonio",
    "weakest": "emrpath.params",
}

__all__ = [
    "ASCP_MLS",
    "BUCKET_FIXES",
    "INPUT_KINDS",
    "NATIONAL_2019",
    "NATIONAL_DAY_OF_MOURNING_2025",
    "NREMT_EMR",
    "SCHEMA_VERSION",
    "SCOPE_SOURCES",
    "AfterLimit",
    "AgencyCredential",
    "AnniversaryExpiry",
    "AppealWindow",
    "AttemptLimit",
    "AttemptScope",
    "AttemptTimeline",
    "AuthorizationToTest",
    "AuthorizationWindow",
    "BucketFix",
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
    "ErrorLog",
    "ExamAttempt",
    "FixedDaysWait",
    "Gate",
    "GateName",
    "GateState",
    "InputTypeError",
    "InvalidRecordError",
    "Jurisdiction",
    "Level",
    "Miss",
    "MissBucket",
    "MissingExtraError",
    "MonthEndValidity",
    "MonthsCeWindow",
    "MonthsValidity",
    "NaiveDatetimeError",
    "NextPeriodWait",
    "NoExpiry",
    "NoRuleInForceError",
    "Param",
    "PathwayStatus",
    "PlannedAttempt",
    "PracticeDecision",
    "Practitioner",
    "PriorCourse",
    "Program",
    "Provision",
    "Reason",
    "RecertExam",
    "RecertificationCycle",
    "RecertificationRecord",
    "RecertificationState",
    "RecertificationStatus",
    "Requirement",
    "ResultPosting",
    "RetakePlan",
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
    "StateLicense",
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
    "describe_value",
    "dumps",
    "earliest_retest_date",
    "evaluate",
    "evaluate_many",
    "expected_result_date",
    "from_json_data",
    "initial_expiration_date",
    "is_within_scope",
    "json_schema",
    "kinds",
    "loads",
    "parameter_markdown",
    "parameter_rows",
    "plan_attempts",
    "plot_pathway",
    "portion_expiration_date",
    "practice_authority",
    "recertification_status",
    "retake_plan",
    "to_json_data",
    "weakest",
]


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is not None:
        from importlib import import_module

        value = getattr(import_module(module), name)
        globals()[name] = value  # later lookups skip this hook
        return value
    if name == "programs":  # the registry, ep.programs.get(key): a subpackage, loaded here
        from importlib import import_module

        return import_module("emrpath.programs")
    if name == "__version__":
        # Read from the installed metadata on first access only: importing
        # importlib.metadata costs more than the rest of emrpath together.
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("emrpath")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'emrpath' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
