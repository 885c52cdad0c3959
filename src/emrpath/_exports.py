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
    # calendars
    Export("BusinessCalendar", "emrpath.calendar", FACE),
    Export("CalendarSpec", "emrpath.calendar", FACE),
    Export("DayOverride", "emrpath.calendar", FACE),
    Export("NATIONAL_DAY_OF_MOURNING_2025", "emrpath.calendar", FACE),
    # rule data with provenance
    Export("Citation", "emrpath.params", FACE, document=True),
    Export("Confidence", "emrpath.params", FACE),
    Export("Param", "emrpath.params", FACE),
    Export("Provision", "emrpath.params", FACE),
    Export("weakest", "emrpath.params", FACE),
    # the shapes a program's parameters take
    Export("AfterLimit", "emrpath.policies", FACE),
    Export("AnniversaryExpiry", "emrpath.policies", FACE),
    Export("AppealWindow", "emrpath.policies", FACE),
    Export("AttemptLimit", "emrpath.policies", FACE),
    Export("AttemptScope", "emrpath.policies", FACE),
    Export("AuthorizationWindow", "emrpath.policies", FACE),
    Export("CeComponent", "emrpath.policies", FACE),
    Export("CeRequirement", "emrpath.policies", FACE),
    Export("CeTopic", "emrpath.policies", FACE),
    Export("DeadlineRecertWindow", "emrpath.policies", FACE),
    Export("FixedDaysWait", "emrpath.policies", FACE),
    Export("MonthEndValidity", "emrpath.policies", FACE),
    Export("MonthsCeWindow", "emrpath.policies", FACE),
    Export("MonthsValidity", "emrpath.policies", FACE),
    Export("NextPeriodWait", "emrpath.policies", FACE),
    Export("NoExpiry", "emrpath.policies", FACE),
    Export("RecertExam", "emrpath.policies", FACE),
    Export("RecertificationCycle", "emrpath.policies", FACE),
    Export("Requirement", "emrpath.policies", FACE),
    Export("ResultPosting", "emrpath.policies", FACE),
    Export("RollingCeWindow", "emrpath.policies", FACE),
    Export("ScoreScale", "emrpath.policies", FACE),
    Export("SeasonalExpiry", "emrpath.policies", FACE),
    Export("SeasonalRecertWindow", "emrpath.policies", FACE),
    # programs (the registry itself is the subpackage `emrpath.programs`)
    Export("Program", "emrpath.program", FACE),
    Export("NREMT_EMR", "emrpath.programs", FACE),
    Export("ASCP_MLS", "emrpath.programs", FACE),
    # records: the facts about a candidate
    Export("Candidate", "emrpath.records", FACE, document=True),
    Export("CourseCompletion", "emrpath.records", FACE, document=True),
    Export("ExamAttempt", "emrpath.records", FACE, document=True),
    Export("SkillsCompetency", "emrpath.records", FACE, document=True),
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
    Export("evaluate", "emrpath.pathway", FACE),
    Export("decide_many", "emrpath.batch", FACE),
    Export("evaluate_many", "emrpath.batch", FACE),
    Export("PathwayDecision", "emrpath.status", FACE),
    Export("PathwayStatus", "emrpath.status", FACE, document=True),
    Export("GateName", "emrpath.status", FACE),
    Export("GateState", "emrpath.status", FACE),
    Export("Gate", "emrpath.status", FACE, document=True),
    Export("Reason", "emrpath.status", FACE, document=True),
    # recertification
    Export("recertification_status", "emrpath.lifecycle", FACE),
    Export("RecertificationStatus", "emrpath.lifecycle", FACE, document=True),
    Export("RecertificationState", "emrpath.lifecycle", FACE),
    Export("ComponentProgress", "emrpath.lifecycle", FACE, document=True),
    Export("TopicProgress", "emrpath.lifecycle", FACE, document=True),
    # planning: the attempt timeline and the retake advice
    Export("plan_attempts", "emrpath.planning", FACE),
    Export("AttemptTimeline", "emrpath.planning", FACE, document=True),
    Export("PlannedAttempt", "emrpath.planning", FACE, document=True),
    Export("retake_plan", "emrpath.planning", FACE),
    Export("RetakePlan", "emrpath.planning", FACE, document=True),
    Export("ErrorLog", "emrpath.planning", FACE, document=True),
    Export("Miss", "emrpath.planning", FACE, document=True),
    Export("MissBucket", "emrpath.planning", FACE),
    Export("BucketFix", "emrpath.planning", FACE, document=True),
    Export("BUCKET_FIXES", "emrpath.planning", FACE),
    # practice authority: certification is not a licence
    Export("practice_authority", "emrpath.authority", FACE),
    Export("PracticeDecision", "emrpath.authority", FACE, document=True),
    Export("Practitioner", "emrpath.authority", FACE, document=True),
    Export("StateLicense", "emrpath.authority", FACE, document=True),
    Export("AgencyCredential", "emrpath.authority", FACE, document=True),
    Export("Jurisdiction", "emrpath.authority", FACE, document=True),
    # scope of practice
    Export("is_within_scope", "emrpath.scope", FACE),
    Export("above_scope_skills", "emrpath.scope", FACE),
    Export("can_cannot_list", "emrpath.scope", FACE),
    Export("CanCannotList", "emrpath.scope", FACE),
    Export("ChangeKind", "emrpath.scope", FACE),
    Export("Level", "emrpath.scope", FACE),
    Export("NATIONAL_2019", "emrpath.scope", FACE),
    Export("SCOPE_SOURCES", "emrpath.scope", FACE),
    Export("ScopeChange", "emrpath.scope", FACE),
    Export("ScopeDecision", "emrpath.scope", FACE, document=True),
    Export("ScopeOutcome", "emrpath.scope", FACE),
    Export("ScopeProfile", "emrpath.scope", FACE),
    Export("SkillRow", "emrpath.scope", FACE, document=True),
    Export("UnverifiedPolicy", "emrpath.scope", FACE),
    # JSON in and out
    Export("dumps", "emrpath.jsonio", FACE),
    Export("loads", "emrpath.jsonio", FACE),
    Export("json_schema", "emrpath.jsonio", FACE),
    Export("to_json_data", "emrpath.jsonio", FACE),
    Export("from_json_data", "emrpath.jsonio", FACE),
    Export("kinds", "emrpath.jsonio", FACE),
    Export("INPUT_KINDS", "emrpath.jsonio", FACE),
    Export("SCHEMA_VERSION", "emrpath.jsonio", FACE),
    # reports and pictures of a program's rules and a candidate's pathway
    Export("describe_value", "emrpath.report", FACE),
    Export("parameter_markdown", "emrpath.report", FACE),
    Export("parameter_rows", "emrpath.report", FACE),
    Export("plot_pathway", "emrpath.plot", FACE),
)
"""Every name the package answers for at its top level, and every JSON document class."""
