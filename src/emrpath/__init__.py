"""emrpath: the published rules of certification pathways as exact, cited, pure Python.

The top level is the face a caller needs for the main path: the records, the programs and
their registry (``ep.programs``), the rule functions, ``decide``/``evaluate``, the business
calendar, the statuses, JSON in and out, and the errors. Everything else is one import away
in the module that owns it: policy shapes in :mod:`emrpath.policies`, scope of practice in
:mod:`emrpath.scope`, practice authority in :mod:`emrpath.authority`, retake advice in
:mod:`emrpath.planning`, parameter tables in :mod:`emrpath.report`. A name that left the
top level still answers for one release, with a ``DeprecationWarning`` naming its home.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> ep.BusinessCalendar.us_federal().add_business_days(dt.date(2026, 7, 2), 2)
    datetime.date(2026, 7, 7)
"""

# ruff: noqa: F401

from __future__ import annotations

from emrpath import _exports
from emrpath._version import __version__ as __version__

# typing.TYPE_CHECKING without importing typing, which would cost `import emrpath` more
# than all the rest: type checkers treat any name TYPE_CHECKING as true.
TYPE_CHECKING = False

# The one list is _exports.EXPORTS; type checkers cannot run it, so they read these
# static imports instead. tests/test_face.py fails when they differ from the list.
if TYPE_CHECKING:  # the face: `X as X` re-exports X
    from emrpath import programs as programs
    from emrpath.batch import decide_many as decide_many
    from emrpath.batch import evaluate_many as evaluate_many
    from emrpath.calendar import BusinessCalendar as BusinessCalendar
    from emrpath.columnar import evaluate_table as evaluate_table
    from emrpath.errors import CalendarRangeError as CalendarRangeError
    from emrpath.errors import EmrpathError as EmrpathError
    from emrpath.errors import InputTypeError as InputTypeError
    from emrpath.errors import InvalidRecordError as InvalidRecordError
    from emrpath.errors import MissingExtraError as MissingExtraError
    from emrpath.errors import NaiveDatetimeError as NaiveDatetimeError
    from emrpath.errors import NoRuleInForceError as NoRuleInForceError
    from emrpath.errors import UnknownNameError as UnknownNameError
    from emrpath.jsonio import dumps as dumps
    from emrpath.jsonio import json_schema as json_schema
    from emrpath.jsonio import loads as loads
    from emrpath.lifecycle import RecertificationStatus as RecertificationStatus
    from emrpath.lifecycle import recertification_status as recertification_status
    from emrpath.params import Citation as Citation
    from emrpath.params import Confidence as Confidence
    from emrpath.pathway import decide as decide
    from emrpath.pathway import evaluate as evaluate
    from emrpath.planning import AttemptTimeline as AttemptTimeline
    from emrpath.planning import plan_attempts as plan_attempts
    from emrpath.program import Program as Program
    from emrpath.programs import ASCP_MLS as ASCP_MLS
    from emrpath.programs import NREMT_AEMT as NREMT_AEMT
    from emrpath.programs import NREMT_EMR as NREMT_EMR
    from emrpath.programs import NREMT_EMT as NREMT_EMT
    from emrpath.programs import NREMT_PARAMEDIC as NREMT_PARAMEDIC
    from emrpath.records import AuthorizationToTest as AuthorizationToTest
    from emrpath.records import Candidate as Candidate
    from emrpath.records import Certification as Certification
    from emrpath.records import ContinuingEducation as ContinuingEducation
    from emrpath.records import CourseCompletion as CourseCompletion
    from emrpath.records import CprCredential as CprCredential
    from emrpath.records import ExamAttempt as ExamAttempt
    from emrpath.records import PrerequisiteCredential as PrerequisiteCredential
    from emrpath.records import PriorCourse as PriorCourse
    from emrpath.records import RecertificationRecord as RecertificationRecord
    from emrpath.records import RemedialTraining as RemedialTraining
    from emrpath.records import SkillsCompetency as SkillsCompetency
    from emrpath.rules import appeal_deadline as appeal_deadline
    from emrpath.rules import att_expiration_date as att_expiration_date
    from emrpath.rules import check_score as check_score
    from emrpath.rules import course_expiration_date as course_expiration_date
    from emrpath.rules import earliest_retest_date as earliest_retest_date
    from emrpath.rules import expected_result_date as expected_result_date
    from emrpath.rules import initial_expiration_date as initial_expiration_date
    from emrpath.rules import portion_expiration_date as portion_expiration_date
    from emrpath.status import GateName as GateName
    from emrpath.status import GateState as GateState
    from emrpath.status import PathwayDecision as PathwayDecision
    from emrpath.status import PathwayStatus as PathwayStatus

# The moved names: a type checker resolves them but they are not re-exported (strict mypy
# reports "does not explicitly export"); at run time they warn, naming their home. Ruff
# sees no use of them (hence the file's `ruff: noqa: F401`); tests/test_face.py checks them.
if TYPE_CHECKING:
    from emrpath.authority import (
        AgencyCredential,
        Jurisdiction,
        PracticeDecision,
        Practitioner,
        StateLicense,
        practice_authority,
    )
    from emrpath.calendar import NATIONAL_DAY_OF_MOURNING_2025, CalendarSpec, DayOverride
    from emrpath.jsonio import INPUT_KINDS, SCHEMA_VERSION, from_json_data, kinds, to_json_data
    from emrpath.lifecycle import ComponentProgress, RecertificationState, TopicProgress
    from emrpath.params import Param, Provision, weakest
    from emrpath.planning import (
        BUCKET_FIXES,
        BucketFix,
        ErrorLog,
        Miss,
        MissBucket,
        PlannedAttempt,
        RetakePlan,
        retake_plan,
    )
    from emrpath.plot import plot_pathway
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
    from emrpath.report import describe_value, parameter_markdown, parameter_rows
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
    from emrpath.status import Gate, Reason

# Name -> its row, for every name the top level answers for (PEP 562: loaded on first use,
# so `import emrpath` stays cheap and a script that needs only the calendar never builds
# the scope tables).
_TOP_LEVEL = {row.name: row for row in _exports.EXPORTS if row.top is not None}

_FACE_NAMES = tuple(
    sorted(
        [r.name for r in _exports.EXPORTS if r.top == _exports.FACE] + ["__version__", "programs"]
    )
)

if not TYPE_CHECKING:  # a type checker reads the `as` imports above, not a computed list
    __all__ = list(_FACE_NAMES)


def __getattr__(name: str) -> object:
    row = _TOP_LEVEL.get(name)
    if row is not None:
        from importlib import import_module

        value = getattr(import_module(row.home), name)
        if row.top == _exports.MOVED:  # no caching: every use warns (the warnings filter dedupes)
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
    raise AttributeError(f"module 'emrpath' has no attribute {name!r}")


def __dir__() -> list[str]:
    return list(_FACE_NAMES)
