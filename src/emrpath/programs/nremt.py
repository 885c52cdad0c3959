"""The NREMT family: the provisions every National Registry level shares, written once.

EMR, EMT, Advanced EMT and Paramedic are four programs of one body. NREMT writes most of
their rules once, for "National EMS Certification": the 15-day retest wait, the 90-day
authorization to test cut at the course's expiration, the course valid to the end of its
completion month two years on, the 100–1500 scaled score passing at 950 from 2023-06-01,
passed portions valid 24 months (12 for courses completed before 2018-11-01), the first
expiration two or three years on by the certification month (January–June or July–December),
the exam review window. This module holds them once, with their citations, and a level's
module holds only what is its own (research notes: ``shared/sources/nremt-emr-facts.md`` and
``shared/sources/nremt-levels-facts.md`` in the project).

Three kinds of piece:

- **Parameters every level reads alike** (:data:`SCORE_SCALE`, :data:`RETEST_WAIT`,
  :data:`AUTHORIZATION`, :data:`APPEAL_WINDOW`), and the body, timezone and calendar:
  :func:`program` fills them in.
- **A shared rule a level words or dates for itself**: :func:`result_posting`,
  :func:`course_validity`, :func:`portion_validity` and :func:`certification_term` build the
  parameter from the level's own citation (and, for the expiry, its month and day: EMR
  September 30, the other levels March 31).
- **Shared sources** a level cites for its own parameter (:data:`ATTEMPTS_SOURCE`,
  :data:`ROLLING_CE_SOURCE`, :data:`RBE_SOURCE`) and the dates a table answers from
  (:data:`BASELINE`, :data:`LIFECYCLE_BASELINE`) with the notes that say why.

Where no source gives a start date, a provision takes effect on :data:`BASELINE`,
2015-01-01 (the effective date of the 90-day ATT policy, the oldest dated rule of the
family); asking about earlier dates raises :class:`~emrpath.errors.NoRuleInForceError`
rather than guessing.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> ep.NREMT_EMR.retest_wait is RETEST_WAIT
    True
    >>> RETEST_WAIT.value_at(dt.date(2025, 5, 1)), RETEST_WAIT.at(BASELINE).confidence
    (FixedDaysWait(days=15), <Confidence.SECONDARY: 'secondary'>)
    >>> handbook = ep.Citation(
    ...     url="https://www.nremt.org/Handbooks/EMT/Certification-Process",
    ...     quote="Initial courses are valid for two years from the month and year of "
    ...     "course completion.",
    ...     title="NREMT EMT handbook: certification process",
    ... )
    >>> emt_course = course_validity("EMT", citation=handbook)
    >>> emt_course.value_at(dt.date(2025, 1, 1)) == ep.NREMT_EMR.course_validity.value_at(
    ...     dt.date(2025, 1, 1))
    True
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from emrpath.calendar import CalendarSpec
from emrpath.params import Citation, Confidence, Param, Provision
from emrpath.policies import (
    AfterLimit,
    AppealWindow,
    AttemptLimit,
    AuthorizationWindow,
    CeComponent,
    CeRequirement,
    CeTopic,
    FixedDaysWait,
    MonthEndValidity,
    MonthsValidity,
    RecertExam,
    RecertificationCycle,
    RemedialRequirement,
    Requirement,
    ResultPosting,
    RollingCeWindow,
    ScoreScale,
    SeasonalExpiry,
    SeasonalRecertWindow,
)
from emrpath.program import Program

__all__ = [
    "APPEAL_WINDOW",
    "ATTEMPTS_SOURCE",
    "AUTHORIZATION",
    "BASELINE",
    "BASELINE_NOTE",
    "BODY",
    "CALENDAR_SPEC",
    "LIFECYCLE_BASELINE",
    "LIFECYCLE_NOTE",
    "MARCH_CE_WINDOW",
    "MARCH_CYCLE",
    "MARCH_EXPIRY_SOURCE",
    "MARCH_RBE",
    "MARCH_RECERT_WINDOW",
    "NCCP_2016_SOURCE",
    "NCCP_2025_SOURCE",
    "OPEN_QUESTIONS",
    "RBE_SOURCE",
    "RETEST_WAIT",
    "ROLLING_CE_SOURCE",
    "SCORE_SCALE",
    "TIMEZONE",
    "certification_term",
    "course_validity",
    "nccp_requirement",
    "portion_validity",
    "program",
    "remedial_attempt_limit",
    "result_posting",
]

BODY = "National Registry of Emergency Medical Technicians (NREMT)"
"""The certifying body of every level."""

TIMEZONE = "America/New_York"
"""The timezone NREMT's dates are read in (design.md, principle 2)."""

CALENDAR_SPEC = CalendarSpec()
"""US federal public holidays as observed, Monday to Friday: NREMT's business days.

:meta hide-value:
"""

BASELINE = dt.date(2015, 1, 1)
"""First day the NREMT tables answer for (see the module docstring)."""

BASELINE_NOTE = (
    "No source gives a start date; in force from the NREMT baseline 2015-01-01 "
    "(the ATT policy's effective date)."
)
"""The note a provision in force from :data:`BASELINE` carries, saying why that date.

:meta hide-value:
"""

LIFECYCLE_BASELINE = dt.date(2016, 9, 1)
"""First cycle start the NREMT recertification rules answer for: rolling recertification.

The lifecycle parameters are read on a cycle's nominal start (the day after the previous
expiration). 2016-09-01 is the rolling-recertification policy date, the same for every
level and the oldest dated lifecycle rule found; the 2016 NCCP model's own start date for
EMR was not found.
"""

LIFECYCLE_NOTE = (
    "In force for cycles starting from 2016-09-01 (rolling recertification), the oldest "
    "dated lifecycle rule; earlier cycles raise NoRuleInForceError."
)
"""The note a lifecycle provision in force from :data:`LIFECYCLE_BASELINE` carries.

:meta hide-value:
"""

_P = Confidence.PRIMARY
_S = Confidence.SECONDARY

ATTEMPTS_SOURCE = Citation(
    url="https://dev.nremt.org/Policies/Examination-Policies/Cognitive-Exam-Policies",
    quote="candidates are initially given three attempts to pass the cognitive examination",
    title="NREMT Cognitive Exam Policies",
)
"""NREMT's cognitive exam policy on the initial three attempts, for every level.

:meta hide-value:
"""

ROLLING_CE_SOURCE = Citation(
    url="https://dev.nremt.org/News/continuing-education-policy-change",
    quote="continuing education hours can be earned for your next NREMT recertification as "
    "soon as you complete your current recertification.",
    title="NREMT news: continuing education policy change (rolling recertification)",
)
"""The 2016-09-01 rolling recertification notice: education counts from the last one.

:meta hide-value:
"""

RBE_SOURCE = Citation(
    url="https://nremt.org/Handbooks/Recertification/Recertification-by-Examination-(RBE)",
    quote="RBE option is available beginning April 1 (EMR is October 1), up to one year before "
    "your current expiration date. You may attempt RBE only one time per recertification "
    "cycle.",
    title="NREMT recertification handbook: recertification by examination (RBE)",
)
"""Recertification by exam: one attempt per cycle, and when its window opens, per level.

:meta hide-value:
"""

_SCALED_LAUNCH = Citation(
    url="https://nremt.org/News/National-Registry-Adopts-Scaled-Score-Reporting-fo",
    quote="The new scaled score report launches June 1, 2023, and is specifically for "
    "candidates who were unsuccessful in their National Registry examination attempt.",
    title="NREMT news: National Registry adopts scaled score reporting (2023-04-11)",
)
_SCALE_VALUES = Citation(
    url="https://limmereducation.com/article/nremt-changes-score-reporting-format/",
    quote="Passing NREMT score is 950 / Highest possible NREMT score is 1500 / Lowest "
    "possible NREMT score is 100",
    title="Limmer Education: NREMT changes score reporting format",
)
_RETEST = Citation(
    url="https://emtprep.com/extra/nremt-exams/the-nremt-cognitive-exam-policies",
    quote="If you are unsuccessful you can retest 15 days after the last attempt.",
    title="EMTprep: the NREMT cognitive exam policies",
)
_ATT = Citation(
    url="https://www.nremt.org/Policies/Examination-Policies/Cognitive-Exam-Policies",
    quote="Authorizations to Test (ATT) for National EMS Certification will be valid for up "
    "to 90 days from the date of issuance",
    title="NREMT Cognitive Exam Policies (effective January 1, 2015)",
)
_REVIEW = Citation(
    url="https://www.nremt.org/Policies/Examination-Policies/National-Registry-Exam-Review-Policy",
    quote="Requests must be submitted within 30 days of the official release of the cognitive "
    "examination score reports.",
    title="NREMT exam review policy",
)

SCORE_SCALE: Param[ScoreScale | None] = Param(
    "score_scale",
    "Scaled-score report given to failing candidates",
    (
        Provision(
            BASELINE,
            None,
            _SCALED_LAUNCH,
            _P,
            "No scaled score was reported before the 2023-06-01 launch.",
        ),
        Provision(
            dt.date(2023, 6, 1),
            ScoreScale(minimum=100, maximum=1500, passing=950, failing_only=True),
            _SCALE_VALUES,
            _S,
            "Launch date is primary (NREMT news); the 100/950/1500 values are "
            "secondary only. A raw percentage is never a scaled score. Failing "
            "candidates only, so a pass carries no score (primary, NREMT news: the "
            "report 'is specifically for candidates who were unsuccessful in their "
            "National Registry examination attempt').",
        ),
    ),
)
"""No scaled score before 2023-06-01; from then 100–1500, passing at 950, for every level.

:meta hide-value:
"""

RETEST_WAIT = Param.single(
    "retest_wait",
    "Wait between a cognitive attempt and the earliest retest",
    FixedDaysWait(days=15),
    effective_from=BASELINE,
    citation=_RETEST,
    confidence=_S,
    note="Primary wording not found. 'Retest 15 days after the last attempt' is read as "
    "earliest retest = attempt date + 15 calendar days (design.md); the +16 reading "
    "is possible and would be a new FixedDaysWait(days=16) provision. " + BASELINE_NOTE,
)
"""Earliest retest: the attempt date plus 15 calendar days, at every level.

:meta hide-value:
"""

AUTHORIZATION = Param.single(
    "authorization",
    "Validity of an Authorization to Test (ATT)",
    AuthorizationWindow(days=90, capped_by_course=True),
    effective_from=BASELINE,
    citation=_ATT,
    confidence=_P,
    note="Last valid day = issue date + 90 days, or the course expiration date if earlier "
    "('An ATT purchased within 90 days of the course expiration date will expire on the "
    "date of course expiration', EMT handbook).",
)
"""An authorization to test: 90 days from issue, cut at the course's expiration.

:meta hide-value:
"""

APPEAL_WINDOW = Param.single(
    "appeal_window",
    "Written request for an exam review after a result notice",
    AppealWindow(days=30),
    effective_from=BASELINE,
    citation=_REVIEW,
    confidence=_P,
    note=BASELINE_NOTE,
)
"""A written exam review request: within 30 days of the result notice.

:meta hide-value:
"""


def result_posting(*, citation: Citation, note: str = "") -> Param[ResultPosting]:
    """When a level's cognitive result is expected: the 2nd business day after the exam.

    No NREMT page states a posting time; each level cites the secondary page that gives it
    (``SECONDARY``). The result is held until the course is verified and skills are on file.

    Args:
        citation: The level's source for "about two business days".
        note: What the level adds to the provision's note (an open question it rests on).

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> source = ep.NREMT_EMR.result_posting.at(BASELINE).citation
        >>> posting = result_posting(citation=source)
        >>> posting.value_at(dt.date(2025, 6, 2)).business_days
        2
        >>> posting == ep.NREMT_EMR.result_posting
        True
    """
    return Param.single(
        "result_posting",
        "Business days after the exam when the cognitive result is expected to post",
        ResultPosting(
            business_days=2,
            held_until=frozenset({Requirement.COURSE_VERIFIED, Requirement.SKILLS_PASSED}),
        ),
        effective_from=BASELINE,
        citation=citation,
        confidence=_S,
        note="NREMT's own wording was not found; secondary sources say 1-2 business days. "
        "Encoded as the 2nd business day strictly after the exam date, an expectation "
        "('generally'), held until the course is verified and skills are on file. "
        + BASELINE_NOTE
        + (f" {note}" if note else ""),
    )


def course_validity(level: str, *, citation: Citation) -> Param[MonthEndValidity]:
    """How long a completed course qualifies: to the end of its completion month two years on.

    The same rule at every level (primary); each level cites its own handbook.

    Args:
        level: The level's short name in the description (``"EMR"``, ``"EMT"``, ...).
        citation: The level's handbook sentence ("Initial courses are valid for two years
            from the month and year of course completion.").

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> handbook = ep.NREMT_EMR.course_validity.at(BASELINE).citation
        >>> validity = course_validity("EMT", citation=handbook)
        >>> validity.description
        'Last day a completed EMT course qualifies a candidate to test'
        >>> validity.value_at(dt.date(2024, 1, 5)).expires_on(dt.date(2024, 1, 5))
        datetime.date(2026, 1, 31)
    """
    return Param.single(
        "course_validity",
        f"Last day a completed {level} course qualifies a candidate to test",
        MonthEndValidity(months=24),
        effective_from=BASELINE,
        citation=citation,
        confidence=_P,
        note="Valid until the last day of the completion month two years later (the EMT and "
        "Paramedic handbooks' example: completed 01/2024, valid until 01/31/2026). "
        + BASELINE_NOTE,
    )


def portion_validity(
    level: str, *, twelve_months: Citation, twenty_four_months: Citation, handbook_url: str
) -> Param[MonthsValidity]:
    """How long a passed exam or skills portion stays valid, by the course completion date.

    Courses completed before 2018-11-01: 12 months from the pass date; from then, 24
    months, counted to the same day number and clamped to the month's end (primary at
    every level).

    Args:
        level: The level's short name, for the note on how the months are counted.
        twelve_months: The level's source for the 12 months before 2018-11-01.
        twenty_four_months: The level's source for the 24 months.
        handbook_url: The level's handbook page that counts "from the month, day, and year
            of successful completion".

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> old, new = ep.NREMT_EMR.portion_validity.provisions
        >>> portions = portion_validity("EMR", twelve_months=old.citation,
        ...     twenty_four_months=new.citation, handbook_url=old.citation.url)
        >>> portions.value_at(dt.date(2018, 10, 31)), portions.value_at(dt.date(2018, 11, 1))
        (MonthsValidity(months=12), MonthsValidity(months=24))
        >>> portions == ep.NREMT_EMR.portion_validity
        True
    """
    return Param(
        "portion_validity",
        "Validity of a passed cognitive exam or skills competency, by course completion date",
        (
            Provision(
                BASELINE,
                MonthsValidity(months=12),
                twelve_months,
                _P,
                "Courses completed before 2018-11-01: 12 months from the pass date.",
            ),
            Provision(
                dt.date(2018, 11, 1),
                MonthsValidity(months=24),
                twenty_four_months,
                _P,
                f"Same day number 24 months later, clamped to the month's end: the {level} "
                'handbook counts "from the month, day, and year of successful completion" '
                f"({handbook_url}).",
            ),
        ),
    )


_SPLIT_MONTH = 7
_YEARS_BEFORE_SPLIT = 2
_YEARS_FROM_SPLIT = 3


def certification_term(
    level: str, *, month: int, day: int, citation: Citation
) -> Param[SeasonalExpiry]:
    """When an initial certification expires: ``month``/``day``, two or three years on.

    The split is NREMT's for every level: certified January–June, the expiry day two years
    after the certification year; July–December, three years after. The expiry day is the
    level's: September 30 for EMR, March 31 for EMT, AEMT and Paramedic.

    Args:
        level: The level's short name in the description.
        month: The expiry month.
        day: The expiry day of that month.
        citation: The level's source for its expiry day and the split.

    Raises:
        InvalidRecordError: ``month``/``day`` is not a day every year has.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> source = ep.NREMT_EMR.certification_term.at(BASELINE).citation
        >>> emt = certification_term("EMT", month=3, day=31, citation=source)
        >>> rule = emt.value_at(dt.date(2025, 3, 10))
        >>> rule.expires_on(dt.date(2025, 6, 30)), rule.expires_on(dt.date(2025, 7, 1))
        (datetime.date(2027, 3, 31), datetime.date(2028, 3, 31))
        >>> print(emt.at(dt.date(2025, 3, 10)).note)  # doctest: +ELLIPSIS
        Years are counted from the certification year (certified 2025-03-10 -> 2027-03-31; ...
    """
    rule = SeasonalExpiry(
        month=month,
        day=day,
        split_month=_SPLIT_MONTH,
        years_before_split=_YEARS_BEFORE_SPLIT,
        years_from_split=_YEARS_FROM_SPLIT,
    )
    spring, summer = dt.date(2025, 3, 10), dt.date(2025, 8, 10)
    return Param.single(
        "certification_term",
        f"Expiration of an initial {level} certification",
        rule,
        effective_from=BASELINE,
        citation=citation,
        confidence=_P,
        note=f"Years are counted from the certification year (certified {spring} -> "
        f"{rule.expires_on(spring)}; {summer} -> {rule.expires_on(summer)}); the source "
        "table does not spell that out. " + BASELINE_NOTE,
    )


def program(*, key: str, name: str, level: str | None = None, **params: Param[Any]) -> Program:
    """A program of the NREMT family: the family's shared provisions and the level's own.

    Fills in the body, timezone, calendar, :data:`SCORE_SCALE`, :data:`RETEST_WAIT`,
    :data:`AUTHORIZATION` and :data:`APPEAL_WINDOW`; ``params`` gives every other parameter
    by its :class:`~emrpath.program.Program` field name, and may replace a shared one by
    naming it. A sibling differing in a few parameters is then ``attrs.evolve`` of a level.

    Args:
        key: The level's registry key (``"nremt-emt"``).
        name: The credential's name.
        level: The scope-of-practice level the credential certifies (``"emt"``).
        **params: The level's parameters, by ``Program`` field name.

    Raises:
        TypeError: A required parameter is missing, or a name is no ``Program`` field.
        InvalidRecordError: A parameter is not a ``Param``, or the lifecycle parameters do
            not go together.

    Example:
        >>> import emrpath as ep
        >>> emr = ep.NREMT_EMR
        >>> bare = program(
        ...     key="nremt-emr-initial",
        ...     name="EMR, initial certification only",
        ...     result_posting=emr.result_posting,
        ...     attempt_limit=emr.attempt_limit,
        ...     course_validity=emr.course_validity,
        ...     certification_term=emr.certification_term,
        ...     verification_required=emr.verification_required,
        ... )
        >>> bare.retest_wait is RETEST_WAIT, bare.timezone, bare.has_lifecycle
        (True, 'America/New_York', False)
        >>> program(key="x", name="x", retest_wait=RETEST_WAIT)
        Traceback (most recent call last):
        ...
        TypeError: ...missing 5 required positional arguments: ...
    """
    shared: dict[str, Param[Any]] = {
        "score_scale": SCORE_SCALE,
        "retest_wait": RETEST_WAIT,
        "authorization": AUTHORIZATION,
        "appeal_window": APPEAL_WINDOW,
    }
    return Program(
        key=key,
        name=name,
        body=BODY,
        timezone=TIMEZONE,
        calendar_spec=CALENDAR_SPEC,
        level=level,
        **(shared | params),
    )


# -- the March 31 levels (EMT, Advanced EMT, Paramedic) ----------------------------------

OPEN_QUESTIONS: tuple[tuple[str, str], ...] = (
    (
        "remediation wording",
        "Open question 1 (levels facts): NREMT's own wording for the 15-day wait, the "
        "24/36/48-hour remedial training (or the 20/25/30-hour national component), the "
        "three further attempts and the new course after six was not found; all secondary. "
        "Whether a new full course restarts the count is stated nowhere: encoded as yes.",
    ),
    (
        "AEMT gaps",
        "Open question 2 (levels facts): the AEMT handbook pages were not found; its ATT "
        "cut-off wording and whether remedial training extends the AEMT course date are read "
        "as for EMT (it does not).",
    ),
    (
        "2025 NCCP totals",
        "Open question 3 (levels facts): the 2025 NCCP model's start (2025-04-01) is "
        "primary; its per-level totals (40/50/60, national 20/25/30) are inferred unchanged "
        "from pathway pages, and a secondary source ties it to expirations from 2026-03-31.",
    ),
    (
        "CPR after 2024",
        "Open question 4 (levels facts): older NREMT pages require a current CPR-BLS "
        "credential at every level; newer Paramedic pages do not list it. Encoded as still "
        "required.",
    ),
    (
        "2024-07-01 transition",
        "Open question 5 (levels facts): NREMT's own words on candidates part-way through "
        "the AEMT or Paramedic exams on 2024-06-30 were not found; the skills rule is keyed "
        "by the course completion date.",
    ),
    (
        "result posting",
        "Open question 7 (levels facts): no NREMT posting time was found for any level; "
        "the EMT figure (1-2 business days, secondary) is used for AEMT and Paramedic too.",
    ),
)
"""The open questions of the levels research notes that a parameter's reading depends on.

Each is ``(short name, what the parameter assumes)``; the provisions that depend on one
are ``SECONDARY`` and name it in their note, and the rules page lists them all.

:meta hide-value:
"""

MARCH_EXPIRY_SOURCE = Citation(
    url="https://support.nremt.org/portal/en/kb/articles/recertification-expiration-dates",
    quote="For EMT, AEMT or Paramedic it is March 31 [...] January – June [:] 2 years in the "
    "future [;] July- December [:] 3 years in the future",
    title="NREMT support: recertification expiration dates",
)
"""NREMT's expiration day for EMT, AEMT and Paramedic, and the January–June split.

:meta hide-value:
"""

MARCH_CYCLE = Param.single(
    "recert_cycle",
    "Length of an EMT, AEMT or Paramedic recertification cycle",
    RecertificationCycle(months=24),
    effective_from=LIFECYCLE_BASELINE,
    citation=MARCH_EXPIRY_SOURCE,
    confidence=_P,
    note="Each cycle after the first is two years, March 31 to March 31 (levels facts A6, "
    "primary). " + LIFECYCLE_NOTE,
)
"""Two-year cycles, the same for EMT, AEMT and Paramedic.

:meta hide-value:
"""

_MARCH_WINDOW_SOURCE = Citation(
    url="https://support.nremt.org/portal/en/kb/articles/"
    "https-desk-zoho-com-portal-nremt-kb-articles-recertification-cycle",
    quote="For EMT, AEMT, and Paramedic providers, the recertification cycle opens on October 1 "
    "and continues until March 31. [...] There is a reinstatement period until April 30, to "
    "submit late applications.",
    title="NREMT support: recertification cycle",
)

MARCH_RECERT_WINDOW = Param.single(
    "recert_window",
    "EMT, AEMT and Paramedic recertification window, late (reinstatement) period and lapse",
    SeasonalRecertWindow(
        opens_month=10, opens_day=1, late_month=4, late_day=30, opens_years_before=1
    ),
    effective_from=LIFECYCLE_BASELINE,
    citation=_MARCH_WINDOW_SOURCE,
    confidence=_P,
    note="October 1 of the year before the expiration year to March 31; late applications "
    "until April 30 ('EMT, AEMT, and Paramedic reinstatement ends on April 30 of the year your "
    "certification expires', support.nremt.org); lapsed after. The late fee's amount today "
    "was not found. After a lapse, re-entry needs the level's full NCCP hours within the "
    "past two years, a pass on the current certification exam and skills verification "
    "before the first expiration (levels facts A7; not modelled as a pathway here). "
    + LIFECYCLE_NOTE,
)
"""October 1 – March 31, late until April 30, then lapsed: every March 31 level.

:meta hide-value:
"""

MARCH_CE_WINDOW = Param.single(
    "ce_window",
    "Which dates of continuing education count toward a cycle",
    RollingCeWindow(),
    effective_from=LIFECYCLE_BASELINE,
    citation=ROLLING_CE_SOURCE,
    confidence=_P,
    note="From the certification date or the completion of the last recertification through "
    "the expiration date ('For EMT, AEMT and Paramedic providersall [sic] education must be "
    "completed by the March 31 of the year their certification expires', support.nremt.org). "
    + LIFECYCLE_NOTE,
)
"""Rolling continuing education through March 31, every March 31 level.

:meta hide-value:
"""

MARCH_RBE = Param.single(
    "recert_exam",
    "Recertification by exam (RBE)",
    RecertExam(attempts=1, opens_month=4, opens_day=1, opens_years_before=1),
    effective_from=LIFECYCLE_BASELINE,
    citation=Citation(
        url="https://support.nremt.org/portal/en/kb/articles/recertification-by-exam",
        quote="For EMT, AEMT, and NRP providers it can be completed starting on April 1, one "
        "year prior to your expiration date, and is available until the March 31 deadline for "
        "the renewal year.",
        title="NREMT support: recertification by exam",
    ),
    confidence=_P,
    note="One attempt per cycle, no retest ('You may attempt RBE only one time per "
    "recertification cycle', RBE handbook); from April 1 of the year before the expiration "
    "year through March 31; an attempt outside it does not count. " + LIFECYCLE_NOTE,
)
"""Recertification by exam: once, April 1 a year before expiry through March 31.

:meta hide-value:
"""

NCCP_2016_SOURCE = "https://www.nremt.org/rwd/public/document/nccp"
"""The 2016 NCCP requirements table (national / local-state / individual / total)."""

NCCP_2025_SOURCE = Citation(
    url="https://nremt.org/AEMT/AEMT-State-Licensed-Pathway",
    quote="The new 2025 NCCP Model will begin on April 1, 2025 for EMT/AEMT/Paramedic and "
    "October 1, 2025 for EMR",
    title="NREMT: AEMT State Licensed Pathway",
)
"""The 2025 NCCP model's start date for the March 31 levels (primary).

:meta hide-value:
"""

_NCCP_2025_DATE = dt.date(2025, 4, 1)


def nccp_requirement(
    level: str,
    *,
    national: float,
    local: float,
    individual: float,
    topics: tuple[CeTopic, ...],
    table_row: str,
    topics_note: str,
) -> Param[CeRequirement]:
    """A March 31 level's NCCP hours: the 2016 model, then the 2025 model from 2025-04-01.

    The 2016 split (national 50% / local-state 25% / individual 25%) is primary; the 2025
    model's start is primary and its totals are the 2016 ones, inferred (open question 3,
    ``SECONDARY``), with no topic minimums (the 2025 model sets none below a topic).

    Args:
        level: The level's short name.
        national: Hours of the national component.
        local: Hours of the local/state component.
        individual: Hours of the individual component.
        topics: The 2016 national component's topic minimums that NREMT states.
        table_row: The level's row of the 2016 NCCP table, quoted.
        topics_note: Where the topic minimums come from, and any left out.

    Example:
        >>> import datetime as dt
        >>> nccp = nccp_requirement("EMT", national=20, local=10, individual=10, topics=(),
        ...                         table_row="EMT 20 10 10 40", topics_note="")
        >>> nccp.value_at(dt.date(2024, 4, 1)).total, nccp.value_at(dt.date(2025, 4, 1)).total
        (Decimal('40'), Decimal('40'))
        >>> nccp.at(dt.date(2025, 4, 1)).confidence
        <Confidence.SECONDARY: 'secondary'>
    """
    total = national + local + individual
    components = (CeComponent("local", local), CeComponent("individual", individual))
    return Param(
        "ce_requirement",
        f"Continuing-education hours an {level} needs per cycle (NCCP), by component and topic",
        (
            Provision(
                LIFECYCLE_BASELINE,
                CeRequirement(
                    unit="hours",
                    total=total,
                    components=(CeComponent("national", national, topics), *components),
                ),
                Citation(
                    url=NCCP_2016_SOURCE,
                    quote=table_row,
                    title="NREMT National Continued Competency Program (NCCP), requirements table",
                ),
                _P,
                f"2016 NCCP model: {total:g} = {national:g} national + {local:g} local/state + "
                f"{individual:g} individual. {topics_note} " + LIFECYCLE_NOTE,
            ),
            Provision(
                _NCCP_2025_DATE,
                CeRequirement(
                    unit="hours",
                    total=total,
                    components=(CeComponent("national", national), *components),
                ),
                NCCP_2025_SOURCE,
                _S,
                "2025 NCCP model, for cycles starting from 2025-04-01 (its start date is "
                "primary). " + OPEN_QUESTIONS[2][1] + " No topic minimums are encoded.",
            ),
        ),
    )


def remedial_attempt_limit(
    level: str, *, hours: int, component_hours: int, citation: Citation, note: str = ""
) -> Param[AttemptLimit]:
    """Three attempts, remedial training, three more, then a new course: a March 31 level.

    Args:
        level: The level's short name.
        hours: Hours of remedial training that unlock attempts 4 to 6.
        component_hours: The level's NCCP national component, the alternative.
        citation: The level's source for its hours.
        note: What the level adds to the note (an open question of its own).

    Example:
        >>> import datetime as dt
        >>> limit = remedial_attempt_limit("EMT", hours=24, component_hours=20,
        ...                                citation=ATTEMPTS_SOURCE)
        >>> print(limit.value_at(dt.date(2025, 5, 1)).describe())
        3 attempts per course; then documented remedial training (24 hours, or the 20-hour
        national continuing-education component) allows 3 more attempts; then a new full
        course, which starts a fresh count
    """
    return Param.single(
        "attempt_limit",
        "Cognitive attempts per course completion, the remedial training after the third, "
        "and what follows the last failure",
        AttemptLimit(
            max_attempts=3,
            after_limit=AfterLimit.NEW_COURSE,
            remedial=RemedialRequirement(hours=hours, component_hours=component_hours),
        ),
        effective_from=BASELINE,
        citation=citation,
        confidence=_S,
        note=f"Three initial attempts is primary ('candidates are initially given three "
        f"attempts to pass the cognitive examination', NREMT Cognitive Exam Policies); that "
        f"remedial education comes before a 4th attempt and 'does not extend your course "
        f"completion date' is primary (EMT handbook). The {level} hours ({hours}, or the "
        f"{component_hours}-hour national component), the three more attempts and the new "
        "course after six are secondary. "
        + OPEN_QUESTIONS[0][1]
        + " "
        + BASELINE_NOTE
        + (f" {note}" if note else ""),
    )
