"""ASCP Board of Certification Medical Laboratory Scientist, MLS(ASCP): the parameter table.

The second program, and the proof that emrpath is an engine rather than NREMT code: every
way ASCP differs from NREMT EMR is a value here, read by the same records, rules and
:func:`emrpath.evaluate`. Each value cites the page it comes from (research notes:
``shared/sources/ascp-mls-facts.md``); quotes are copied from those notes. Values only
third-party pages give are ``Confidence.SECONDARY``.

Choices this table makes where the sources leave one open (each also in its provision's
``note``):

- **Wait between attempts** (no ascp.org statement): two readings are implementable,
  ``NextPeriodWait(months=3)`` ("not within the same three-month period") and
  ``FixedDaysWait(days=90)``. The default is the first; :data:`RETEST_WAIT_90_DAYS` is the
  other, ready for ``attrs.evolve(ASCP_MLS, retest_wait=RETEST_WAIT_90_DAYS)``.
- **When a 3-year credential ends**: with the anniversary *month* (issued in June 2015,
  valid through 30 June 2018), because ASCP states cycles in months ("If your
  certification ends June 2018, only CE credits completed between June 2015 and June
  2018 may be used").
- **Exam window**: 3 calendar months from the admission notice (the notice's own
  wording), not the "90-day window" of a 2019 newsletter.
- **Category**: the program is the category (MLS); attempts count per eligibility route
  (``CourseCompletion.route``), earlier routes' attempts go in ``Candidate.history``.

Where no source gives a start date, a provision takes effect on :data:`BASELINE`,
2004-01-01 (the first day of time-limited certification, the oldest dated ASCP rule
here). Certificates issued before it answer through the ``certification_term`` provision
that covers every earlier date: not time-limited.

Example:
    >>> import datetime as dt
    >>> ASCP_MLS.attempt_limit.value_at(dt.date(2025, 5, 1)).max_attempts
    5
    >>> ASCP_MLS.retest_wait.at(dt.date(2025, 5, 1)).confidence
    <Confidence.SECONDARY: 'secondary'>
"""

from __future__ import annotations

import datetime as dt

from emrpath.calendar import CalendarSpec
from emrpath.params import Citation, Confidence, Param, Provision
from emrpath.policies import (
    AfterLimit,
    AnniversaryExpiry,
    AppealWindow,
    AttemptLimit,
    AttemptScope,
    AuthorizationWindow,
    CeComponent,
    CeRequirement,
    DeadlineRecertWindow,
    FixedDaysWait,
    MonthsCeWindow,
    MonthsValidity,
    NextPeriodWait,
    NoExpiry,
    RecertificationCycle,
    Requirement,
    ResultPosting,
    ScoreScale,
)
from emrpath.program import Program

__all__ = ["ASCP_MLS", "BASELINE", "RETEST_WAIT_90_DAYS"]

BASELINE = dt.date(2004, 1, 1)
"""First day the ASCP MLS table answers for, where no source dates a rule."""

_BASELINE_NOTE = (
    "No source gives a start date; in force from the ASCP baseline 2004-01-01 "
    "(the start of time-limited certification)."
)

_P = Confidence.PRIMARY
_S = Confidence.SECONDARY

_RESULTS_PAGE = (
    "https://www.ascp.org/content/board-of-certification/faqs/examinationresultsprocedures"
)

_RESULTS = Citation(
    url=_RESULTS_PAGE,
    quote="will be emailed to you within four (4) business days after you have taken the "
    "examination provided all official transcripts verifying the appropriate degree have "
    "been received.",
    title="ASCP BOC: examination results procedures",
)
_SCALE = Citation(
    url="https://open-exam-prep.com/study-guides/ascp-mls/02-exam-format-cat-scoring-and-"
    "score-details/scaled-score-100-999-minimum-400",
    quote="ASCP BOC reports results on a scaled score of 100 to 999 with a minimum passing "
    "score of 400.",
    title="open-exam-prep: ASCP MLS scaled score 100-999, minimum 400",
)
_WAIT_PERIOD = Citation(
    url="https://study.com/academy/popular/ascp-test-retake-policy.html",
    quote="cannot be within the same three-month period as the first exam",
    title="study.com: ASCP test retake policy",
)
_WAIT_90 = Citation(
    url="https://medlabprep.com/?p=1166",
    quote="up to five times under the same eligibility route, with a required 90-day "
    "waiting period between each retake.",
    title="MedLabPrep: ASCP retake policy",
)
_ATTEMPTS = Citation(
    url=_RESULTS_PAGE,
    quote="You are permitted to take the examination in any one particular category a total "
    "of five times under one route.",
    title="ASCP BOC: examination results procedures",
)
_RECENCY = Citation(
    url="https://open-exam-prep.com/study-guides/ascp-mls/01-orientation-to-ascp-mls-"
    "certification/ascp-boc-and-eligibility-at-a-high-level",
    quote="Route 1 (baccalaureate plus a NAACLS-accredited MLS program within five years)",
    title="open-exam-prep: ASCP BOC and eligibility at a high level",
)
_WINDOW = Citation(
    url="https://home.pearsonvue.com/ascp",
    quote="You must take the examination within the three-month examination period indicated "
    "on your admission notification.",
    title="Pearson VUE: ASCP Board of Certification",
)
_NO_EXPIRY = Citation(
    url="http://www.ascp.org/Board-of-Certification/FAQs/FAQs-about-CMP.html",
    quote="Previously, certification did not have an expiration date.",
    title="ASCP BOC (legacy): FAQs about CMP",
)
_THREE_YEARS = Citation(
    url="http://www.ascp.org/Board-of-Certification/FAQs/FAQs-about-CMP.html",
    quote="ASCP Certifications issued effective 2004 and beyond (dependent on the category) "
    "and all active NCA certifications are valid for a three year period.",
    title="ASCP BOC (legacy): FAQs about CMP",
)
_EEV = Citation(
    url="https://www.ascp.org/boc/program-directors-guide/exam-eligibility-verification-(eev)",
    quote="The eligibility window for testing begins once program completion is verified.",
    title="ASCP BOC: exam eligibility verification (EEV)",
)
_CMP_POINTS = Citation(
    url="https://www.labce.com/ascp.aspx",
    quote="need to earn 36 CMP points every three years in the following categories",
    title="LabCE: ASCP CMP requirements",
)
_CE_WINDOW = Citation(
    url="https://www.ascp.org/boc/maintain-your-credentials/manage-your-CE/enter-allocate-CMP",
    quote="must be completed within your current three-year credential cycle, or within the "
    "last three years if your credential has expired",
    title="ASCP BOC: enter and allocate CMP",
)
_DECLARATION = Citation(
    url="https://www.ascp.org/content/board-of-certification/declaration-complete-cmp",
    quote="Submit at least one (1) month prior to your credential expiration date",
    title="ASCP BOC: declaration of a completed CMP",
)
_APPEALS = Citation(
    url="https://www.ascp.org/boc/about/appeals-process",
    quote="The request and supporting documents must be received by the BOC within 30 days "
    "following notification of the decision being appealed.",
    title="ASCP BOC: appeals process",
)

_WAIT_DESCRIPTION = "Wait between an MLS attempt and the earliest next attempt"

RETEST_WAIT_90_DAYS: Param[FixedDaysWait] = Param.single(
    "retest_wait",
    _WAIT_DESCRIPTION,
    FixedDaysWait(days=90),
    effective_from=BASELINE,
    citation=_WAIT_90,
    confidence=_S,
    note="The other reading of the disputed wait: a fixed 90 calendar days after the attempt "
    "(MedLabPrep; 'wait three months', MedicalLabAcademy). Not the default; use "
    "attrs.evolve(ASCP_MLS, retest_wait=RETEST_WAIT_90_DAYS). " + _BASELINE_NOTE,
)
"""The 90-day reading of the ASCP retake wait, as a drop-in ``retest_wait`` parameter.

:meta hide-value:
"""


ASCP_MLS = Program(
    key="ascp-mls",
    name="Medical Laboratory Scientist, MLS(ASCP)",
    body="American Society for Clinical Pathology Board of Certification (ASCP BOC)",
    timezone="America/Chicago",
    calendar_spec=CalendarSpec(),
    result_posting=Param.single(
        "result_posting",
        "Business days after the exam by which the official result is emailed, once the "
        "transcripts are in",
        ResultPosting(business_days=4, held_until=frozenset({Requirement.TRANSCRIPTS_RECEIVED})),
        effective_from=BASELINE,
        citation=_RESULTS,
        confidence=_P,
        note="'Within four business days' is encoded as the 4th business day strictly after the "
        "exam (the latest the rule allows), held with no time limit until the official "
        "transcripts are received. A legacy ascp.org page said two (2) business days; its "
        "date is unknown, so it is not encoded as an earlier provision. The pass/fail shown "
        "on screen at the test centre is preliminary. " + _BASELINE_NOTE,
    ),
    score_scale=Param.single(
        "score_scale",
        "Scaled score on the MLS score report",
        ScoreScale(minimum=100, maximum=999, passing=400),
        effective_from=BASELINE,
        citation=_SCALE,
        confidence=_S,
        note="No ascp.org page states the scale or pass mark; secondary sources agree on 400 and "
        "on 999, but two give the bottom as 0 (vivian.com, study.com) and two as 100 "
        "(open-exam-prep, a 2002 mailing list). 100 is encoded. " + _BASELINE_NOTE,
    ),
    retest_wait=Param.single(
        "retest_wait",
        _WAIT_DESCRIPTION,
        NextPeriodWait(months=3),
        effective_from=BASELINE,
        citation=_WAIT_PERIOD,
        confidence=_S,
        note="DISPUTED: no ascp.org statement was found. Readings: 'not within the same "
        "three-month period' (study.com), a 90-day wait (MedLabPrep), 'three months' "
        "(MedicalLabAcademy). Default: the next attempt falls in a later 3-month period, "
        "from the attempt date plus 3 calendar months; it matches the primary 3-month exam "
        "window and the need for a new application per attempt. The 90-day reading is "
        "RETEST_WAIT_90_DAYS. The only primary minimum is to wait for the score email. "
        + _BASELINE_NOTE,
    ),
    attempt_limit=Param.single(
        "attempt_limit",
        "MLS attempts per eligibility route, and what follows the last failure",
        AttemptLimit(
            max_attempts=5, after_limit=AfterLimit.ROUTE_CLOSED, scope=AttemptScope.PER_ROUTE
        ),
        effective_from=BASELINE,
        citation=_ATTEMPTS,
        confidence=_P,
        note="'If you are unsuccessful after five attempts, you are ineligible for further "
        "examination in that category under the same route.' No refresher reopens the "
        "route; another route is possible if the candidate qualifies (secondary wording). "
        + _BASELINE_NOTE,
    ),
    course_validity=Param.single(
        "course_validity",
        "Last day a completed MLS program qualifies its graduate (Route 1 recency)",
        MonthsValidity(months=60),
        effective_from=BASELINE,
        citation=_RECENCY,
        confidence=_S,
        note="Route 1 only, and secondary: the accredited program must be 'within five years'. "
        "Encoded as the same day number 60 months after completion; the sources do not say "
        "whether the limit bounds the application or the exam. Other routes rest on work "
        "experience, which emrpath does not model. " + _BASELINE_NOTE,
    ),
    authorization=Param.single(
        "authorization",
        "The examination period on the Admission Notification",
        AuthorizationWindow(months=3),
        effective_from=BASELINE,
        citation=_WINDOW,
        confidence=_P,
        note="Three calendar months from the admission notice (last valid day: same day number "
        "3 months later, clamped to month end); 'Eligibility periods will not be extended'. "
        "A 2019 ASCP newsletter calls it a '90-day window'; the notice's own wording is "
        "encoded. " + _BASELINE_NOTE,
    ),
    certification_term=Param(
        "certification_term",
        "Expiration of an MLS(ASCP) certification, by issue date",
        (
            Provision(
                dt.date.min,
                NoExpiry(),
                _NO_EXPIRY,
                _P,
                "Certificates issued before 2004-01-01 are not time-limited; the CMP is "
                "voluntary for them.",
            ),
            Provision(
                dt.date(2004, 1, 1),
                AnniversaryExpiry(years=3, month_end=True),
                _THREE_YEARS,
                _P,
                "Valid through the last day of the issue month three years later (issued "
                "2015-06-10 -> 2018-06-30): ASCP states cycles in months ('If your "
                "certification ends June 2018, only CE credits completed between June 2015 "
                "and June 2018 may be used'); the exact day is not stated.",
            ),
        ),
    ),
    verification_required=Param.single(
        "verification_required",
        "The program director verifies program completion (EEV), which opens the "
        "eligibility window",
        True,
        effective_from=BASELINE,
        citation=_EEV,
        confidence=_P,
        note=_BASELINE_NOTE,
    ),
    recert_cycle=Param.single(
        "recert_cycle",
        "Length of a Credential Maintenance Program (CMP) cycle",
        RecertificationCycle(months=36),
        effective_from=BASELINE,
        citation=_THREE_YEARS,
        confidence=_P,
        note=_BASELINE_NOTE,
    ),
    ce_requirement=Param.single(
        "ce_requirement",
        "CMP points an MLS needs per 3-year cycle, by content area",
        CeRequirement(
            unit="points",
            total=36,
            components=(
                CeComponent("blood_banking", 2),
                CeComponent("chemistry", 2),
                CeComponent("hematology", 2),
                CeComponent("microbiology", 2),
                CeComponent("safety", 1),
                CeComponent("ethics", 1),
                CeComponent("specialization", 0),
            ),
        ),
        effective_from=BASELINE,
        citation=_CMP_POINTS,
        confidence=_S,
        note="36 points (LabCE) and the split (MLSI Academy: 2 each in blood banking, chemistry, "
        "hematology, microbiology; 1 laboratory or patient safety; 1 medical ethics; 26 in "
        "area(s) of specialization) are secondary. Only the 1-point laboratory or patient "
        "safety item appears on ascp.org; the ethics item is unconfirmed. The 26 are the "
        "total less the named minimums, so 'specialization' (any MLS area) has no minimum "
        "of its own. The 50% cap on academic-course points (primary) is not modelled. "
        + _BASELINE_NOTE,
    ),
    ce_window=Param.single(
        "ce_window",
        "Which CMP activities count toward a cycle",
        MonthsCeWindow(months=36, lookback_after_expiry=True),
        effective_from=BASELINE,
        citation=_CE_WINDOW,
        confidence=_P,
        note="In force: from the first day of the month 36 months before the expiration month "
        "through the expiration date ('between June 2015 and June 2018'); once expired, the "
        "36 months ending on the day asked about. " + _BASELINE_NOTE,
    ),
    recert_window=Param.single(
        "recert_window",
        "When the CMP declaration is due, and reinstatement after expiry",
        DeadlineRecertWindow(due_months_before=1),
        effective_from=BASELINE,
        citation=_DECLARATION,
        confidence=_P,
        note="Due one month before the expiration date (same day number, clamped). After expiry "
        "the credential 'will expire and no longer be valid'; 'Expired time-limited "
        "certifications may be reinstated' with CE from the last 3 years and a fee. No "
        "time limit on reinstatement was found, so it is open-ended. " + _BASELINE_NOTE,
    ),
    appeal_window=Param.single(
        "appeal_window",
        "Written appeal of a BOC decision",
        AppealWindow(days=30),
        effective_from=BASELINE,
        citation=_APPEALS,
        confidence=_P,
        note=_BASELINE_NOTE,
    ),
)
"""The ASCP BOC MLS pathway.

:meta hide-value:
"""
