"""emrpath: the published rules of certification pathways as exact, cited, pure Python.

The top level is the face a caller needs for the main path: the records, the programs and
their registry (``ep.programs``), the rule functions, ``decide``/``evaluate``, the business
calendar, the statuses, JSON in and out, and the errors. Everything else is one import away
in the module that owns it (policy shapes in :mod:`emrpath.policies`, scope of practice in
:mod:`emrpath.scope`, practice authority in :mod:`emrpath.authority` …).

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> ep.BusinessCalendar.us_federal().add_business_days(dt.date(2026, 7, 2), 2)
    datetime.date(2026, 7, 7)
"""

from __future__ import annotations

from emrpath._exports import EXPORTS, FACE, MOVED

# typing.TYPE_CHECKING without importing typing, which would cost `import emrpath` more
# than all the rest: type checkers treat any name TYPE_CHECKING as true.
TYPE_CHECKING = False

# The one list is emrpath._exports.EXPORTS; type checkers cannot run it, so they read these
# static imports instead. tests/test_face.py fails when they differ from the list.
if TYPE_CHECKING:  # the face: `X as X` re-exports X
    from emrpath import programs as programs
    from emrpath.authority import AgencyCredential as AgencyCredential
    from emrpath.authority import Jurisdiction as Jurisdiction
    from emrpath.authority import PracticeDecision as PracticeDecision
    from emrpath.authority import Practitioner as Practitioner
    from emrpath.authority import StateLicense as StateLicense
    from emrpath.authority import practice_authority as practice_authority
    from emrpath.batch import decide_many as decide_many
    from emrpath.batch import evaluate_many as evaluate_many
    from emrpath.calendar import NATIONAL_DAY_OF_MOURNING_2025 as NATIONAL_DAY_OF_MOURNING_2025
    from emrpath.calendar import BusinessCalendar as BusinessCalendar
    from emrpath.calendar import CalendarSpec as CalendarSpec
    from emrpath.calendar import DayOverride as DayOverride
    from emrpath.errors import CalendarRangeError as CalendarRangeError
    from emrpath.errors import EmrpathError as EmrpathError
    from emrpath.errors import InputTypeError as InputTypeError
    from emrpath.errors import InvalidRecordError as InvalidRecordError
    from emrpath.errors import MissingExtraError as MissingExtraError
    from emrpath.errors import NaiveDatetimeError as NaiveDatetimeError
    from emrpath.errors import NoRuleInForceError as NoRuleInForceError
    from emrpath.errors import UnknownNameError as UnknownNameError
    from emrpath.jsonio import INPUT_KINDS as INPUT_KINDS
    from emrpath.jsonio import SCHEMA_VERSION as SCHEMA_VERSION
    from emrpath.jsonio import dumps as dumps
    from emrpath.jsonio import from_json_data as from_json_data
    from emrpath.jsonio import json_schema as json_schema
    from emrpath.jsonio import kinds as kinds
    from emrpath.jsonio import loads as loads
    from emrpath.jsonio import to_json_data as to_json_data
    from emrpath.lifecycle import ComponentProgress as ComponentProgress
    from emrpath.lifecycle import RecertificationState as RecertificationState
    from emrpath.lifecycle import RecertificationStatus as RecertificationStatus
    from emrpath.lifecycle import TopicProgress as TopicProgress
    from emrpath.lifecycle import recertification_status as recertification_status
    from emrpath.params import Citation as Citation
    from emrpath.params import Confidence as Confidence
    from emrpath.params import Param as Param
    from emrpath.params import Provision as Provision
    from emrpath.params import weakest as weakest
    from emrpath.pathway import decide as decide
    from emrpath.pathway import evaluate as evaluate
    from emrpath.planning import BUCKET_FIXES as BUCKET_FIXES
    from emrpath.planning import AttemptTimeline as AttemptTimeline
    from emrpath.planning import BucketFix as BucketFix
    from emrpath.planning import ErrorLog as ErrorLog
    from emrpath.planning import Miss as Miss
    from emrpath.planning import MissBucket as MissBucket
    from emrpath.planning import PlannedAttempt as PlannedAttempt
    from emrpath.planning import RetakePlan as RetakePlan
    from emrpath.planning import plan_attempts as plan_attempts
    from emrpath.planning import retake_plan as retake_plan
    from emrpath.plot import plot_pathway as plot_pathway
    from emrpath.policies import AfterLimit as AfterLimit
    from emrpath.policies import AnniversaryExpiry as AnniversaryExpiry
    from emrpath.policies import AppealWindow as AppealWindow
    from emrpath.policies import AttemptLimit as AttemptLimit
    from emrpath.policies import AttemptScope as AttemptScope
    from emrpath.policies import AuthorizationWindow as AuthorizationWindow
    from emrpath.policies import CeComponent as CeComponent
    from emrpath.policies import CeRequirement as CeRequirement
    from emrpath.policies import CeTopic as CeTopic
    from emrpath.policies import DeadlineRecertWindow as DeadlineRecertWindow
    from emrpath.policies import FixedDaysWait as FixedDaysWait
    from emrpath.policies import MonthEndValidity as MonthEndValidity
    from emrpath.policies import MonthsCeWindow as MonthsCeWindow
    from emrpath.policies import MonthsValidity as MonthsValidity
    from emrpath.policies import NextPeriodWait as NextPeriodWait
    from emrpath.policies import NoExpiry as NoExpiry
    from emrpath.policies import RecertExam as RecertExam
    from emrpath.policies import RecertificationCycle as RecertificationCycle
    from emrpath.policies import Requirement as Requirement
    from emrpath.policies import ResultPosting as ResultPosting
    from emrpath.policies import RollingCeWindow as RollingCeWindow
    from emrpath.policies import ScoreScale as ScoreScale
    from emrpath.policies import SeasonalExpiry as SeasonalExpiry
    from emrpath.policies import SeasonalRecertWindow as SeasonalRecertWindow
    from emrpath.program import Program as Program
    from emrpath.programs import ASCP_MLS as ASCP_MLS
    from emrpath.programs import NREMT_EMR as NREMT_EMR
    from emrpath.records import AuthorizationToTest as AuthorizationToTest
    from emrpath.records import Candidate as Candidate
    from emrpath.records import Certification as Certification
    from emrpath.records import ContinuingEducation as ContinuingEducation
    from emrpath.records import CourseCompletion as CourseCompletion
    from emrpath.records import CprCredential as CprCredential
    from emrpath.records import ExamAttempt as ExamAttempt
    from emrpath.records import PriorCourse as PriorCourse
    from emrpath.records import RecertificationRecord as RecertificationRecord
    from emrpath.records import SkillsCompetency as SkillsCompetency
    from emrpath.report import describe_value as describe_value
    from emrpath.report import parameter_markdown as parameter_markdown
    from emrpath.report import parameter_rows as parameter_rows
    from emrpath.rules import appeal_deadline as appeal_deadline
    from emrpath.rules import att_expiration_date as att_expiration_date
    from emrpath.rules import check_score as check_score
    from emrpath.rules import course_expiration_date as course_expiration_date
    from emrpath.rules import earliest_retest_date as earliest_retest_date
    from emrpath.rules import expected_result_date as expected_result_date
    from emrpath.rules import initial_expiration_date as initial_expiration_date
    from emrpath.rules import portion_expiration_date as portion_expiration_date
    from emrpath.scope import NATIONAL_2019 as NATIONAL_2019
    from emrpath.scope import SCOPE_SOURCES as SCOPE_SOURCES
    from emrpath.scope import CanCannotList as CanCannotList
    from emrpath.scope import ChangeKind as ChangeKind
    from emrpath.scope import Level as Level
    from emrpath.scope import ScopeChange as ScopeChange
    from emrpath.scope import ScopeDecision as ScopeDecision
    from emrpath.scope import ScopeOutcome as ScopeOutcome
    from emrpath.scope import ScopeProfile as ScopeProfile
    from emrpath.scope import SkillRow as SkillRow
    from emrpath.scope import UnverifiedPolicy as UnverifiedPolicy
    from emrpath.scope import above_scope_skills as above_scope_skills
    from emrpath.scope import can_cannot_list as can_cannot_list
    from emrpath.scope import is_within_scope as is_within_scope
    from emrpath.status import Gate as Gate
    from emrpath.status import GateName as GateName
    from emrpath.status import GateState as GateState
    from emrpath.status import PathwayDecision as PathwayDecision
    from emrpath.status import PathwayStatus as PathwayStatus
    from emrpath.status import Reason as Reason

    __version__: str

# Name -> its row, for every name the top level answers for (PEP 562: loaded on first use,
# so `import emrpath` stays cheap and a script that needs only the calendar never builds
# the scope tables).
_TOP_LEVEL = {row.name: row for row in EXPORTS if row.top is not None}

_FACE_NAMES = tuple(
    sorted([row.name for row in EXPORTS if row.top == FACE] + ["__version__", "programs"])
)

if not TYPE_CHECKING:  # a type checker reads the `as` imports above, not a computed list
    __all__ = list(_FACE_NAMES)


def __getattr__(name: str) -> object:
    row = _TOP_LEVEL.get(name)
    if row is not None:
        from importlib import import_module

        value = getattr(import_module(row.home), name)
        if row.top == MOVED:  # no caching: every use warns (the warnings filter dedupes)
            import warnings

            warnings.warn(
                f"emrpath.{name} is deprecated: import it from {row.home}; it leaves the "
                "top level in the release after 0.2",
                DeprecationWarning,
                stacklevel=2,
            )
        else:
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
    return list(_FACE_NAMES)
