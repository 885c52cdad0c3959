"""The one list of the names ``emrpath`` answers for, and of its JSON documents.

Each :class:`Export` row names an object, its home (the public module that owns it and
lists it in its ``__all__``) and its place at the top level of the package:

* :data:`FACE`: in ``emrpath.__all__`` and ``dir(emrpath)``; ``ep.Name`` loads it from its
  home on first use (PEP 562), so ``import emrpath`` stays cheap.
* :data:`MOVED`: left the top level; ``ep.Name`` still returns it for one release, with a
  ``DeprecationWarning`` naming its home. It is in neither ``__all__`` nor ``dir()``.
* ``None``: not at the top level at all (when a moved name's release has passed, its row
  stays only if it is a JSON document).

``document=True`` marks the classes that have a JSON document: :mod:`emrpath.jsonio` builds
its kind registry (``kinds()``) from those rows.

The face holds what the main path needs: records, programs and the registry, the rule
functions, ``decide``/``evaluate``, the calendar, the statuses, JSON as text, the errors.
A function is on the face only if every argument it needs is too; a workflow whose inputs
are its own (practice authority, retake advice, scope of practice) lives whole in its
module, so one import line brings the function and everything it takes.

``emrpath/__init__.py`` builds ``__all__``, its lazy-import table and its deprecation table
from :data:`EXPORTS`. Type checkers cannot run code, so ``__init__`` also imports every
face and moved name statically under ``TYPE_CHECKING``; ``tests/test_face.py`` parses
those imports and fails when they differ from this list.

This module imports nothing: ``import emrpath`` reads it.

Example:
    >>> from emrpath._exports import EXPORTS
    >>> [(row.home, row.top, row.document) for row in EXPORTS if row.name == "Candidate"]
    [('emrpath.records', 'face', True)]
"""

from __future__ import annotations

__all__ = ["EXPORTS", "FACE", "MOVED", "Export"]

FACE = "face"
"""On the face: in ``emrpath.__all__``, loaded from its home on first use."""

MOVED = "moved"
"""Left the top level: ``ep.Name`` works for one release and warns, naming its home."""


class Export(tuple[str, str, str | None, bool]):
    """One row: a name, its home module, its place at the top level, whether it is a document.

    A tuple (immutable, and no import: ``collections.namedtuple`` or attrs would cost
    ``import emrpath`` more than everything else it does).

    Args:
        name: The object's name, the same in its home and at the top level.
        home: The public module that owns it (``"emrpath.records"``).
        top: :data:`FACE`, :data:`MOVED` or ``None``.
        document: Whether the class has a JSON document (its kind is its snake-case name).
    """

    __slots__ = ()

    def __new__(cls, name: str, home: str, top: str | None, *, document: bool = False) -> Export:
        return super().__new__(cls, (name, home, top, document))

    @property
    def name(self) -> str:
        """The object's name.

        Example:
            >>> Export("Candidate", "emrpath.records", FACE, document=True).name
            'Candidate'
        """
        return self[0]

    @property
    def home(self) -> str:
        """The public module that owns the object.

        Example:
            >>> Export("Candidate", "emrpath.records", FACE, document=True).home
            'emrpath.records'
        """
        return self[1]

    @property
    def top(self) -> str | None:
        """:data:`FACE`, :data:`MOVED` or ``None``.

        Example:
            >>> Export("Gate", "emrpath.status", MOVED, document=True).top
            'moved'
        """
        return self[2]

    @property
    def document(self) -> bool:
        """Whether the class has a JSON document.

        Example:
            >>> Export("GateName", "emrpath.status", FACE).document
            False
        """
        return self[3]


EXPORTS: tuple[Export, ...] = (
    # errors: all on the face, so `except ep.InvalidRecordError` needs no second import
    Export("EmrpathError", "emrpath.errors", FACE),
    Export("CalendarRangeError", "emrpath.errors", FACE),
    Export("InputTypeError", "emrpath.errors", FACE),
    Export("InvalidRecordError", "emrpath.errors", FACE),
    Export("MissingExtraError", "emrpath.errors", FACE),
    Export("NaiveDatetimeError", "emrpath.errors", FACE),
    Export("NoRuleInForceError", "emrpath.errors", FACE),
    Export("UnknownNameError", "emrpath.errors", FACE),
    # the calendar; building one from a spec, a closure or a working day is emrpath.calendar's
    Export("BusinessCalendar", "emrpath.calendar", FACE),
    Export("CalendarSpec", "emrpath.calendar", MOVED),
    Export("DayOverride", "emrpath.calendar", MOVED),
    Export("NATIONAL_DAY_OF_MOURNING_2025", "emrpath.calendar", MOVED),
    # every answer is cited with a confidence; writing parameters is emrpath.params'
    Export("Citation", "emrpath.params", FACE, document=True),
    Export("Confidence", "emrpath.params", FACE),
    Export("Param", "emrpath.params", MOVED),
    Export("Provision", "emrpath.params", MOVED),
    Export("weakest", "emrpath.params", MOVED),
    # the shapes a program's parameters take: writing a program imports emrpath.policies
    Export("AfterLimit", "emrpath.policies", MOVED),
    Export("AnniversaryExpiry", "emrpath.policies", MOVED),
    Export("AppealWindow", "emrpath.policies", MOVED),
    Export("AttemptLimit", "emrpath.policies", MOVED),
    Export("AttemptScope", "emrpath.policies", MOVED),
    Export("AuthorizationWindow", "emrpath.policies", MOVED),
    Export("CeComponent", "emrpath.policies", MOVED),
    Export("CeRequirement", "emrpath.policies", MOVED),
    Export("CeTopic", "emrpath.policies", MOVED),
    Export("DeadlineRecertWindow", "emrpath.policies", MOVED),
    Export("FixedDaysWait", "emrpath.policies", MOVED),
    Export("MonthEndValidity", "emrpath.policies", MOVED),
    Export("MonthsCeWindow", "emrpath.policies", MOVED),
    Export("MonthsValidity", "emrpath.policies", MOVED),
    Export("NextPeriodWait", "emrpath.policies", MOVED),
    Export("NoExpiry", "emrpath.policies", MOVED),
    Export("RecertExam", "emrpath.policies", MOVED),
    Export("RecertificationCycle", "emrpath.policies", MOVED),
    Export("Requirement", "emrpath.policies", MOVED),
    Export("ResultPosting", "emrpath.policies", MOVED),
    Export("RollingCeWindow", "emrpath.policies", MOVED),
    Export("ScoreScale", "emrpath.policies", MOVED),
    Export("SeasonalExpiry", "emrpath.policies", MOVED),
    Export("SeasonalRecertWindow", "emrpath.policies", MOVED),
    # programs (the registry itself is the subpackage `emrpath.programs`)
    Export("Program", "emrpath.program", FACE),
    Export("NREMT_EMR", "emrpath.programs", FACE),
    Export("ASCP_MLS", "emrpath.programs", FACE),
    Export("NREMT_EMT", "emrpath.programs", FACE),
    Export("NREMT_AEMT", "emrpath.programs", FACE),
    Export("NREMT_PARAMEDIC", "emrpath.programs", FACE),
    # records: the facts about a candidate
    Export("Candidate", "emrpath.records", FACE, document=True),
    Export("CourseCompletion", "emrpath.records", FACE, document=True),
    Export("ExamAttempt", "emrpath.records", FACE, document=True),
    Export("SkillsCompetency", "emrpath.records", FACE, document=True),
    Export("RemedialTraining", "emrpath.records", FACE, document=True),
    Export("PrerequisiteCredential", "emrpath.records", FACE),  # its `kind` field: nested only
    Export("AuthorizationToTest", "emrpath.records", FACE, document=True),
    Export("CprCredential", "emrpath.records", FACE, document=True),
    Export("PriorCourse", "emrpath.records", FACE, document=True),
    Export("Certification", "emrpath.records", FACE, document=True),
    Export("ContinuingEducation", "emrpath.records", FACE, document=True),
    Export("RecertificationRecord", "emrpath.records", FACE, document=True),
    # the rule functions
    Export("expected_result_date", "emrpath.rules", FACE),
    Export("earliest_retest_date", "emrpath.rules", FACE),
    Export("course_expiration_date", "emrpath.rules", FACE),
    Export("att_expiration_date", "emrpath.rules", FACE),
    Export("initial_expiration_date", "emrpath.rules", FACE),
    Export("portion_expiration_date", "emrpath.rules", FACE),
    Export("appeal_deadline", "emrpath.rules", FACE),
    Export("check_score", "emrpath.rules", FACE),
    # the pathway: decide and evaluate, one candidate or many, and what they return
    Export("decide", "emrpath.pathway", FACE),
    Export("evaluate_table", "emrpath.columnar", FACE),
    Export("evaluate", "emrpath.pathway", FACE),
    Export("decide_many", "emrpath.batch", FACE),
    Export("evaluate_many", "emrpath.batch", FACE),
    Export("PathwayDecision", "emrpath.status", FACE, document=True),
    Export("PathwayStatus", "emrpath.status", FACE, document=True),
    Export("GateName", "emrpath.status", FACE),
    Export("GateState", "emrpath.status", FACE),
    Export("Gate", "emrpath.status", MOVED, document=True),
    Export("Reason", "emrpath.status", MOVED, document=True),
    # recertification: the function and its status; the parts of a status stay home
    Export("recertification_status", "emrpath.lifecycle", FACE),
    Export("RecertificationStatus", "emrpath.lifecycle", FACE, document=True),
    Export("RecertificationState", "emrpath.lifecycle", MOVED),
    Export("ComponentProgress", "emrpath.lifecycle", MOVED, document=True),
    Export("TopicProgress", "emrpath.lifecycle", MOVED, document=True),
    # planning: plan_attempts takes face records; the retake advice takes an ErrorLog, so it
    # lives whole in emrpath.planning, inputs and answer together
    Export("plan_attempts", "emrpath.planning", FACE),
    Export("AttemptTimeline", "emrpath.planning", FACE, document=True),
    Export("PlannedAttempt", "emrpath.planning", MOVED, document=True),
    Export("retake_plan", "emrpath.planning", MOVED),
    Export("RetakePlan", "emrpath.planning", MOVED, document=True),
    Export("ErrorLog", "emrpath.planning", MOVED, document=True),
    Export("Miss", "emrpath.planning", MOVED, document=True),
    Export("MissBucket", "emrpath.planning", MOVED),
    Export("BucketFix", "emrpath.planning", MOVED, document=True),
    Export("BUCKET_FIXES", "emrpath.planning", MOVED),
    # practice authority takes a Practitioner: whole in emrpath.authority
    Export("practice_authority", "emrpath.authority", MOVED),
    Export("PracticeDecision", "emrpath.authority", MOVED, document=True),
    Export("Practitioner", "emrpath.authority", MOVED, document=True),
    Export("StateLicense", "emrpath.authority", MOVED, document=True),
    Export("AgencyCredential", "emrpath.authority", MOVED, document=True),
    Export("Jurisdiction", "emrpath.authority", MOVED, document=True),
    # scope of practice: whole in emrpath.scope
    Export("is_within_scope", "emrpath.scope", MOVED),
    Export("above_scope_skills", "emrpath.scope", MOVED),
    Export("can_cannot_list", "emrpath.scope", MOVED),
    Export("CanCannotList", "emrpath.scope", MOVED),
    Export("ChangeKind", "emrpath.scope", MOVED),
    Export("Level", "emrpath.scope", MOVED),
    Export("NATIONAL_2019", "emrpath.scope", MOVED),
    Export("SCOPE_SOURCES", "emrpath.scope", MOVED),
    Export("ScopeChange", "emrpath.scope", MOVED),
    Export("ScopeDecision", "emrpath.scope", MOVED, document=True),
    Export("ScopeOutcome", "emrpath.scope", MOVED),
    Export("ScopeProfile", "emrpath.scope", MOVED),
    Export("SkillRow", "emrpath.scope", MOVED, document=True),
    Export("UnverifiedPolicy", "emrpath.scope", MOVED),
    # JSON in and out as text; the dict-level functions and the constants are emrpath.jsonio's
    Export("dumps", "emrpath.jsonio", FACE),
    Export("loads", "emrpath.jsonio", FACE),
    Export("json_schema", "emrpath.jsonio", FACE),
    Export("to_json_data", "emrpath.jsonio", MOVED),
    Export("from_json_data", "emrpath.jsonio", MOVED),
    Export("kinds", "emrpath.jsonio", MOVED),
    Export("INPUT_KINDS", "emrpath.jsonio", MOVED),
    Export("SCHEMA_VERSION", "emrpath.jsonio", MOVED),
    # tables of a program's rules, and the picture of a pathway
    Export("describe_value", "emrpath.report", MOVED),
    Export("parameter_markdown", "emrpath.report", MOVED),
    Export("parameter_rows", "emrpath.report", MOVED),
    Export("plot_pathway", "emrpath.plot", MOVED),
)
"""Every name the package answers for at its top level, and every JSON document class."""
