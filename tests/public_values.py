"""A hypothesis strategy for every public type and value of ``emrpath``.

``tests/test_concurrency.py`` walks every public module's ``__all__``
(``tests/public_names.py``) and checks that every public class and constant pickles and
unpickles equal, drawing instances from :func:`strategy_for`.
A public class with no strategy here fails that test, so a new type cannot ship unpicklable
by accident.

How to add a new public type (one line in :data:`STRATEGIES`, keyed by its class name):

* enums and subclasses of :class:`emrpath.EmrpathError` need nothing: they are generated
  from the class itself (every member; errors with generated message, field and rule);
* most records: ``"Name": varied(Name(...), Name(...))``: a few valid seed instances,
  each drawn with one date, number, bool or string field replaced by a generated value
  (a replacement the class's validators refuse keeps the seed);
* a value only the library builds (a status, a decision): a strategy that calls the
  library on generated input, like :func:`pathway_statuses` below.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

import emrpath as ep
from emrpath.authority import (
    AgencyCredential,
    Jurisdiction,
    PracticeDecision,
    Practitioner,
    StateLicense,
    practice_authority,
)
from emrpath.calendar import NATIONAL_DAY_OF_MOURNING_2025, CalendarSpec
from emrpath.params import Param, Provision
from emrpath.planning import BUCKET_FIXES, ErrorLog, Miss, MissBucket, RetakePlan, retake_plan
from emrpath.policies import (
    AnniversaryExpiry,
    AppealWindow,
    AttemptLimit,
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
    Prerequisite,
    RecertExam,
    RecertificationCycle,
    RemedialRequirement,
    ResultPosting,
    RollingCeWindow,
    ScoreScale,
    SeasonalExpiry,
    SeasonalRecertWindow,
)
from emrpath.retake_advice import SEED_RETAKE_ADVICE
from emrpath.scope import NATIONAL_2019, Level, ScopeProfile, can_cannot_list, is_within_scope
from tests.strategies import dates

D = dt.date

# -- generic: a few seeds, one field varied ---------------------------------------------


def _replacement(value: object) -> st.SearchStrategy[Any] | None:
    """A strategy of values of the same kind as ``value``, or None to keep it."""
    if isinstance(value, bool):
        return st.booleans()
    if type(value) is dt.date:
        return dates()
    if isinstance(value, int):
        return st.integers(min_value=-2, max_value=max(2 * value, 60))
    if isinstance(value, Decimal):
        return st.decimals(min_value=0, max_value=100, places=2, allow_nan=False)
    if isinstance(value, str):
        return st.text(min_size=0, max_size=20)
    return None


def _evolved(seed: Any, field: str, value: object) -> Any:
    try:
        return attrs.evolve(seed, **{field: value})
    except ep.EmrpathError:  # the validators refuse it: keep the valid seed
        return seed


def varied(*seeds: Any) -> st.SearchStrategy[Any]:
    """The seeds, and the seeds with one public scalar field replaced by a generated value."""
    options: list[st.SearchStrategy[Any]] = [st.sampled_from(seeds)]
    for seed in seeds:
        for field in attrs.fields(type(seed)):
            if not field.init or field.name.startswith("_"):
                continue
            replacement = _replacement(getattr(seed, field.name))
            if replacement is not None:
                options.append(replacement.map(lambda v, s=seed, f=field.name: _evolved(s, f, v)))
    return st.one_of(options)


# -- records ---------------------------------------------------------------------------


@st.composite
def candidates(draw: st.DrawFn) -> ep.Candidate:
    """Valid NREMT candidates: a course, up to three attempts 16-60 days apart, skills."""
    completed = draw(dates(D(2016, 1, 1), D(2026, 1, 1)))
    verified = draw(st.one_of(st.none(), st.integers(0, 30)))
    attempts = []
    day = completed
    for _ in range(draw(st.integers(0, 3))):
        day += dt.timedelta(days=draw(st.integers(16, 60)))
        passed = draw(st.booleans())
        score = None
        if not passed and day >= D(2023, 6, 1):
            score = draw(st.one_of(st.none(), st.integers(100, 949)))
        attempts.append(ep.ExamAttempt(day, passed=passed, scaled_score=score))
        if passed:
            break
    skills = draw(st.one_of(st.none(), st.integers(-60, 60)))
    return ep.Candidate(
        course=ep.CourseCompletion(
            completed,
            verified_on=None if verified is None else completed + dt.timedelta(days=verified),
        ),
        attempts=attempts,
        skills=None if skills is None else ep.SkillsCompetency(completed + dt.timedelta(skills)),
    )


def _last_day(candidate: ep.Candidate) -> dt.date:
    days = [candidate.course.completed_on, *(a.taken_on for a in candidate.attempts)]
    if candidate.course.verified_on is not None:
        days.append(candidate.course.verified_on)
    if candidate.skills is not None:
        days.append(candidate.skills.passed_on)
    return max(days)


@st.composite
def pathway_statuses(draw: st.DrawFn) -> ep.PathwayStatus:
    """``evaluate()`` of a generated candidate on a generated later date."""
    candidate = draw(candidates())
    as_of = _last_day(candidate) + dt.timedelta(days=draw(st.integers(0, 900)))
    return ep.evaluate(candidate, as_of=as_of, program=ep.NREMT_EMR)


def _members(
    statuses: st.SearchStrategy[Any], pick: Callable[[Any], tuple[Any, ...]]
) -> st.SearchStrategy[Any]:
    return statuses.map(pick).filter(bool).flatmap(st.sampled_from)


CE_2016 = (
    ("national", "airway", 1),
    ("national", "cardiovascular", 2.5),
    ("national", "trauma", 0.5),
    ("national", "medical", 3),
    ("national", "operations", 1),
    ("local", None, 4),
    ("individual", None, 4),
)


@st.composite
def recertification_statuses(draw: st.DrawFn) -> ep.RecertificationStatus:
    """``recertification_status()`` of a generated EMR certification and education."""
    certified = draw(dates(D(2016, 1, 1), D(2025, 6, 1)))
    chosen = draw(st.lists(st.sampled_from(CE_2016), unique=True))
    education = [
        ep.ContinuingEducation(
            certified + dt.timedelta(days=draw(st.integers(1, 500))), hours, part, topic=topic
        )
        for part, topic, hours in chosen
    ]
    last = max([certified, *(e.completed_on for e in education)])
    as_of = last + dt.timedelta(days=draw(st.integers(0, 1500)))
    return ep.recertification_status(
        ep.Certification(certified), education, as_of=as_of, program=ep.NREMT_EMR
    )


# -- program data, scope ---------------------------------------------------------------


def _harvest() -> dict[type, list[Any]]:
    """Every attrs value reachable from the shipped programs, by type (seeds for ``varied``)."""
    found: dict[type, list[Any]] = {}
    seen: set[int] = set()

    def walk(value: object) -> None:
        if id(value) in seen:
            return
        seen.add(id(value))
        if attrs.has(type(value)):
            found.setdefault(type(value), []).append(value)
            for field in attrs.fields(type(value)):
                walk(getattr(value, field.name))
        elif isinstance(value, (tuple, list, frozenset)):
            for item in value:
                walk(item)

    for program in ep.programs.available():
        walk(program)
    return found


_PROGRAM_VALUES = _harvest()


def seeds(cls: type) -> st.SearchStrategy[Any]:
    """``varied`` over every instance of ``cls`` inside the shipped programs."""
    return varied(*_PROGRAM_VALUES[cls])


def _derived_profiles() -> st.SearchStrategy[ScopeProfile]:
    national = NATIONAL_2019
    row = national.rows[0]

    def derive(key: str, level: Level) -> ScopeProfile:
        try:
            return national.derive(
                "derived",
                description="generated",
                widen={key: level},
                citation=row.citation,
                confidence=row.confidence,
            )
        except ep.EmrpathError:  # not a widening at that level
            return national

    return st.builds(
        derive, st.sampled_from([r.key for r in national.rows]), st.sampled_from(Level)
    )


_SKILLS = st.sampled_from([r.key for r in NATIONAL_2019.rows] + ["not_a_listed_skill"])


def _calendars(spec: CalendarSpec) -> ep.BusinessCalendar:
    return ep.BusinessCalendar.from_spec(spec)


_SPECS = st.builds(
    lambda first, years, closures: CalendarSpec(
        first_year=first, last_year=first + years, closures=closures
    ),
    st.integers(2015, 2030),
    st.integers(0, 2),
    st.sampled_from([(), (NATIONAL_DAY_OF_MOURNING_2025,)]),
)

# -- practice authority and retake planning --------------------------------------------

_LICENCE = StateLicense("MT", "emt", D(2025, 7, 1), D(2027, 6, 30))
_CREDENTIAL = AgencyCredential("Valley Fire", "Dr. Ada Reyes", D(2025, 8, 1))
_JURISDICTIONS = varied(
    Jurisdiction("MT", "Montana"),
    Jurisdiction(
        "US-XX",
        "A cited waiver",
        requires_state_license=False,
        citation=ep.Citation("https://example.org/waiver", "no licence needed", "Waiver"),
    ),
)


@st.composite
def practitioners(draw: st.DrawFn) -> Practitioner:
    """A person with some of a licence, a national certification and an agency credential."""
    licences = draw(st.lists(varied(_LICENCE), max_size=2))
    certification = draw(st.none() | dates(D(2016, 1, 1), D(2026, 1, 1)).map(ep.Certification))
    credentials = draw(st.lists(varied(_CREDENTIAL), max_size=1))
    return Practitioner(licences, certification, credentials)


@st.composite
def practice_decisions(draw: st.DrawFn) -> PracticeDecision:
    """``practice_authority()`` for a generated person, jurisdiction and date."""
    place = draw(_JURISDICTIONS)
    return practice_authority(
        draw(practitioners()),
        place.code,
        on=draw(dates(D(2024, 1, 1), D(2029, 1, 1))),
        jurisdictions=draw(st.sampled_from([(), (place,)])),
        require_agency_credential=draw(st.booleans()),
        program=ep.NREMT_EMR,
    )


_MISSES = st.builds(Miss, st.sampled_from(MissBucket), st.text(max_size=20))
_ERROR_LOGS = st.builds(ErrorLog, st.lists(_MISSES, max_size=6))


@st.composite
def retake_plans(draw: st.DrawFn) -> RetakePlan:
    """``retake_plan()`` after a generated failed first attempt, on a date after it."""
    course = ep.CourseCompletion(draw(dates(D(2016, 1, 1), D(2026, 1, 1))))
    failed = ep.ExamAttempt(
        course.completed_on + dt.timedelta(days=draw(st.integers(0, 600))), passed=False
    )
    candidate = ep.Candidate(course=course, attempts=[failed])
    as_of = failed.taken_on + dt.timedelta(days=draw(st.integers(0, 40)))
    return retake_plan(draw(_ERROR_LOGS), failed, candidate, as_of=as_of, program=ep.NREMT_EMR)


@st.composite
def attempt_timelines(draw: st.DrawFn) -> ep.AttemptTimeline:
    """``plan_attempts()`` from a generated course and first attempt, for either program."""
    program = draw(st.sampled_from([ep.NREMT_EMR, ep.ASCP_MLS]))
    course = ep.CourseCompletion(draw(dates(D(2016, 1, 1), D(2026, 1, 1))), route="route 1")
    first = course.completed_on + dt.timedelta(days=draw(st.integers(0, 900)))
    return ep.plan_attempts(course, first, program=program)


# -- the registry: public name -> strategy ---------------------------------------------


def _table_evaluation(as_of: dt.date) -> Any:
    """``evaluate_table`` over a two-row Arrow table: one vectorised row, one by decide()."""
    import pyarrow as pa

    table = pa.table(
        {
            "course_completed_on": [D(2025, 5, 2), D(2025, 5, 2)],
            "cpr_expires_on": pa.array([None, D(2026, 3, 1)], pa.date32()),
        }
    )
    return ep.evaluate_table(table, as_of=as_of, program=ep.NREMT_EMR)


STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    # records
    "AuthorizationToTest": dates().map(ep.AuthorizationToTest),
    "Candidate": candidates(),
    "Certification": varied(
        ep.Certification(D(2023, 8, 10)),
        ep.Certification(D(2015, 6, 10), expires_on=D(2027, 9, 30)),
    ),
    "ContinuingEducation": varied(
        ep.ContinuingEducation(D(2024, 3, 1), 2.5, "national", topic="cardiovascular"),
        ep.ContinuingEducation(D(2025, 2, 1), 4, "local"),
    ),
    "CourseCompletion": candidates().map(lambda c: c.course),
    "CprCredential": varied(ep.CprCredential(D(2026, 1, 31), issued_on=D(2024, 1, 15))),
    "ExamAttempt": _members(candidates(), lambda c: c.attempts),
    "PriorCourse": candidates().map(lambda c: ep.PriorCourse(c.course, c.attempts)),
    "SkillsCompetency": dates().map(ep.SkillsCompetency),
    "PrerequisiteCredential": varied(
        ep.PrerequisiteCredential("emt", D(2027, 3, 31)),
        ep.PrerequisiteCredential("paramedic", D(2026, 6, 30), kind="national_certification"),
    ),
    "RemedialTraining": varied(
        ep.RemedialTraining(D(2025, 8, 1), 24),
        ep.RemedialTraining(D(2025, 8, 1), national_component=True),
    ),
    # decisions
    "Gate": _members(pathway_statuses(), lambda s: s.gates),
    "PathwayStatus": pathway_statuses(),
    "PathwayDecision": pathway_statuses().map(lambda s: s.decision),
    "Reason": _members(pathway_statuses(), lambda s: s.reasons),
    "ComponentProgress": _members(recertification_statuses(), lambda s: s.components),
    "RecertificationStatus": recertification_statuses(),
    "TopicProgress": _members(
        recertification_statuses(), lambda s: tuple(t for c in s.components for t in c.topics)
    ),
    # parameters and programs
    "Citation": seeds(ep.Citation),
    "Edition": varied(ep.NREMT_EMR.edition, ep.ASCP_MLS.edition),
    "Param": seeds(Param),
    "Program": varied(*ep.programs.available()),
    "Provision": seeds(Provision),
    # policies (the small values a program's parameters hold)
    "AnniversaryExpiry": seeds(AnniversaryExpiry),
    "AppealWindow": seeds(AppealWindow),
    "AttemptLimit": seeds(AttemptLimit),
    "AuthorizationWindow": seeds(AuthorizationWindow),
    "CeComponent": seeds(CeComponent),
    "CeRequirement": seeds(CeRequirement),
    "CeTopic": seeds(CeTopic),
    "DeadlineRecertWindow": seeds(DeadlineRecertWindow),
    "FixedDaysWait": seeds(FixedDaysWait),
    "MonthEndValidity": seeds(MonthEndValidity),
    "MonthsCeWindow": seeds(MonthsCeWindow),
    "MonthsValidity": seeds(MonthsValidity),
    "NextPeriodWait": seeds(NextPeriodWait),
    "NoExpiry": seeds(NoExpiry),
    "Prerequisite": seeds(Prerequisite),
    "RecertExam": seeds(RecertExam),
    "RecertificationCycle": seeds(RecertificationCycle),
    "RemedialRequirement": seeds(RemedialRequirement),
    "ResultPosting": seeds(ResultPosting),
    "RollingCeWindow": seeds(RollingCeWindow),
    "ScoreScale": seeds(ScoreScale),
    "SeasonalExpiry": seeds(SeasonalExpiry),
    "SeasonalRecertWindow": seeds(SeasonalRecertWindow),
    # calendar
    "BusinessCalendar": _SPECS.map(_calendars),
    "CalendarSpec": _SPECS,
    "DayOverride": varied(NATIONAL_DAY_OF_MOURNING_2025),
    # scope
    "CanCannotList": st.builds(can_cannot_list, st.sampled_from(Level), _derived_profiles()),
    "ScopeChange": _members(_derived_profiles(), lambda p: p.changes),
    "ScopeDecision": st.builds(is_within_scope, _SKILLS, st.sampled_from(Level)),
    "ScopeProfile": _derived_profiles(),
    "SkillRow": st.sampled_from(NATIONAL_2019.rows),
    # practice authority and retake planning
    "AgencyCredential": varied(_CREDENTIAL),
    "Jurisdiction": _JURISDICTIONS,
    "PracticeDecision": practice_decisions(),
    "Practitioner": practitioners(),
    "StateLicense": varied(_LICENCE),
    "AttemptTimeline": attempt_timelines(),
    "BucketFix": st.sampled_from(list(BUCKET_FIXES.values())),
    "RetakeAdvice": varied(SEED_RETAKE_ADVICE),
    "TableEvaluation": st.builds(_table_evaluation, dates(D(2025, 5, 2), D(2025, 12, 31))),
    "ErrorLog": _ERROR_LOGS,
    "Miss": _MISSES,
    "PlannedAttempt": _members(attempt_timelines(), lambda t: t.attempts),
    "RetakePlan": retake_plans(),
    "RecertificationRecord": varied(
        ep.RecertificationRecord(
            ep.Certification(D(2023, 8, 10)),
            [ep.ContinuingEducation(D(2024, 3, 1), Decimal("2.5"), "national", topic="airway")],
        )
    ),
}


def _errors(cls: type[ep.EmrpathError]) -> st.SearchStrategy[ep.EmrpathError]:
    text = st.text(max_size=30)
    return st.builds(cls, text, field=st.one_of(st.none(), text), rule=st.one_of(st.none(), text))


def strategy_for(value: object) -> st.SearchStrategy[Any] | None:
    """Instances of the public class ``value``, or the public constant ``value`` itself.

    Returns None for a public class with no strategy (the caller fails on that).
    """
    if not inspect.isclass(value):
        return st.just(value)
    if issubclass(value, enum.Enum):
        return st.sampled_from(value)
    if issubclass(value, ep.EmrpathError):
        return _errors(value)
    return STRATEGIES.get(value.__name__)
