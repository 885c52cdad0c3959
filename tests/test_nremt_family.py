"""The NREMT family's shared provisions (emrpath.programs.nremt) and a level built from them.

design.md: "A program family (the four NREMT levels) shares its common provisions in one
module; adding a program is one module, one registry entry and one example document." The
levels after EMR are not built here; a toy EMT-shaped level shows what one will be made of.
"""

from __future__ import annotations

import calendar
import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath.policies import FixedDaysWait, MonthsValidity, ScoreScale
from emrpath.programs import nremt
from strategies import dates
from tests.errors import raises_emrpath

D = dt.date
EMR = ep.NREMT_EMR

EMT_EXPIRY = ep.Citation(
    url="https://support.nremt.org/portal/en/kb/articles/recertification-expiration-dates",
    quote="For EMT, AEMT or Paramedic it is March 31",
    title="NREMT support: recertification expiration dates",
)
EMT_HANDBOOK = ep.Citation(
    url="https://www.nremt.org/Handbooks/EMT/Certification-Process",
    quote="Initial courses are valid for two years from the month and year of course completion.",
    title="NREMT EMT handbook: certification process",
)

# A toy EMT-shaped level: the family's pieces, EMR's attempt and verification rules (the
# real EMT program has its own), March 31 expiry.
TOY_EMT = nremt.program(
    key="toy-nremt-emt",
    name="Toy EMT",
    result_posting=nremt.result_posting(citation=EMT_HANDBOOK),
    attempt_limit=EMR.attempt_limit,
    course_validity=nremt.course_validity("EMT", citation=EMT_HANDBOOK),
    certification_term=nremt.certification_term("EMT", month=3, day=31, citation=EMT_EXPIRY),
    verification_required=EMR.verification_required,
)

SHARED = ("score_scale", "retest_wait", "authorization", "appeal_window")
LEVELS = [EMR, TOY_EMT]


@pytest.mark.parametrize("program", LEVELS, ids=lambda p: p.key)
def test_every_level_reads_the_familys_provisions(program: ep.Program) -> None:
    """design.md, "The NREMT family": "Same engine, same shared NREMT provisions (15-day
    retest, 90-day ATT capped at course expiry, ... 100-1500 scale passing at 950 from
    2023-06-01 ...)"."""
    assert program.retest_wait is nremt.RETEST_WAIT
    assert program.score_scale is nremt.SCORE_SCALE
    assert program.authorization is nremt.AUTHORIZATION
    assert program.appeal_window is nremt.APPEAL_WINDOW
    assert (program.body, program.timezone) == (nremt.BODY, nremt.TIMEZONE)
    assert program.calendar_spec == nremt.CALENDAR_SPEC
    exam = D(2025, 6, 10)
    assert ep.earliest_retest_date(exam, program=program) == D(2025, 6, 25)
    assert ep.att_expiration_date(D(2025, 1, 2), D(2024, 1, 15), program=program) == D(2025, 4, 2)
    assert ep.att_expiration_date(D(2025, 12, 1), D(2024, 1, 15), program=program) == D(
        2026, 1, 31
    )
    assert ep.course_expiration_date(D(2024, 2, 29), program=program) == D(2026, 2, 28)
    assert program.score_scale.value_at(D(2023, 5, 31)) is None
    assert program.score_scale.value_at(D(2023, 6, 1)) == ScoreScale(
        100, 1500, 950, failing_only=True
    )
    with raises_emrpath(
        ep.NoRuleInForceError, field="retest_wait", rule=program.retest_wait.description
    ):
        ep.earliest_retest_date(nremt.BASELINE - dt.timedelta(days=1), program=program)


@given(dates(nremt.BASELINE, D(2097, 12, 31)))
def test_the_first_expiration_splits_the_year_alike_at_every_level(certified: dt.date) -> None:
    """nremt-levels-facts A6: "certified January 1 - June 30: March 31, two years in the
    future; certified July 1 - December 31: March 31, three years in the future"; "The month
    split is the same calendar split (Jan-Jun / Jul-Dec) as for EMR"; design.md: EMR
    "expires September 30 of the certification year + 2 (certified January–June) or + 3
    (July–December)"."""
    years = 2 if certified.month <= 6 else 3
    assert ep.initial_expiration_date(certified, program=EMR) == D(certified.year + years, 9, 30)
    assert ep.initial_expiration_date(certified, program=TOY_EMT) == D(
        certified.year + years, 3, 31
    )


def test_the_expiry_notes_work_the_levels_own_examples() -> None:
    """nremt-levels-facts A6: "Worked reading: certified 2025-03-10 gives 2027-03-31;
    certified 2025-08-10 gives 2028-03-31"."""
    term = TOY_EMT.certification_term
    assert term.description == "Expiration of an initial EMT certification"
    note = term.at(D(2025, 1, 1)).note
    assert "certified 2025-03-10 -> 2027-03-31; 2025-08-10 -> 2028-03-31" in note
    assert note.endswith(nremt.BASELINE_NOTE)
    assert term.at(D(2025, 1, 1)).citation is EMT_EXPIRY
    assert EMR.certification_term == nremt.certification_term(
        "EMR", month=9, day=30, citation=EMR.certification_term.at(D(2025, 1, 1)).citation
    )


@pytest.mark.parametrize(("month", "day"), [(2, 29), (2, 30), (4, 31), (13, 1), (3, 0)])
def test_an_expiry_day_not_every_year_has_is_refused(month: int, day: int) -> None:
    """Design principle 6: "Every invalid record or argument raises a subclass of
    emrpath.EmrpathError ... naming the field and the rule"."""
    with pytest.raises(ep.InvalidRecordError) as info:
        nremt.certification_term("EMT", month=month, day=day, citation=EMT_EXPIRY)
    assert info.value.field in ("SeasonalExpiry.month", "SeasonalExpiry.day")


@given(dates(nremt.BASELINE, D(2097, 12, 31)))
def test_a_course_qualifies_to_the_end_of_its_month_two_years_on(completed: dt.date) -> None:
    """nremt-levels-facts A2: "the initial course is valid for two years from the month and
    year of completion, through the last day of that month two years later"."""
    year = completed.year + 2
    last = D(year, completed.month, calendar.monthrange(year, completed.month)[1])
    for program in LEVELS:
        assert ep.course_expiration_date(completed, program=program) == last


def test_the_course_window_is_described_and_cited_per_level() -> None:
    """A shared rule a level words for itself: the description names the level, the
    citation is the level's handbook; value, confidence and note are the family's."""
    emt, emr = TOY_EMT.course_validity.provisions[0], EMR.course_validity.provisions[0]
    assert TOY_EMT.course_validity.description == (
        "Last day a completed EMT course qualifies a candidate to test"
    )
    assert emt.citation is EMT_HANDBOOK
    assert (emt.value, emt.confidence, emt.note) == (emr.value, emr.confidence, emr.note)


@given(st.sampled_from([D(2018, 10, 31), D(2018, 11, 1)]), dates(D(2018, 11, 1), D(2097, 1, 1)))
def test_passed_portions_last_12_or_24_months_by_course_date(
    course: dt.date, passed: dt.date
) -> None:
    """nremt-levels-facts A4: "passed portions ... stay valid for 24 months from the month,
    day and year of passing. For a course completed before 2018-11-01, 12 months"."""
    old, new = EMR.portion_validity.provisions
    portions = nremt.portion_validity(
        "EMT",
        twelve_months=old.citation,
        twenty_four_months=new.citation,
        handbook_url=EMT_HANDBOOK.url,
    )
    months = 12 if course < D(2018, 11, 1) else 24
    assert portions.value_at(course) == MonthsValidity(months=months)
    level = attrs.evolve(TOY_EMT, portion_validity=portions)
    expires = ep.portion_expiration_date(passed, course, program=level)
    assert expires == ep.portion_expiration_date(passed, course, program=EMR)
    assert expires is not None
    assert (expires.year - passed.year) * 12 + expires.month - passed.month == months
    assert "the EMT handbook counts" in portions.provisions[1].note
    assert EMT_HANDBOOK.url in portions.provisions[1].note


def test_result_posting_cites_the_levels_source() -> None:
    """nremt-levels-facts A9: "about 1-2 business days ... Secondary only"."""
    posting = TOY_EMT.result_posting.at(D(2025, 1, 1))
    assert posting.citation is EMT_HANDBOOK
    assert posting.confidence is ep.Confidence.SECONDARY
    assert posting.value == EMR.result_posting.value_at(D(2025, 1, 1))
    assert ep.expected_result_date(D(2025, 6, 13), program=TOY_EMT) == D(2025, 6, 17)


def test_a_level_may_replace_a_shared_provision_by_naming_it() -> None:
    """nremt.program: "may replace a shared one by naming it"."""
    wait = attrs.evolve(
        nremt.RETEST_WAIT,
        provisions=(attrs.evolve(nremt.RETEST_WAIT.provisions[0], value=FixedDaysWait(16)),),
    )
    level = nremt.program(
        key="toy-16",
        name="Toy, +16 reading",
        retest_wait=wait,
        **{
            name: getattr(TOY_EMT, name)
            for name in (
                "result_posting",
                "attempt_limit",
                "course_validity",
                "certification_term",
                "verification_required",
            )
        },
    )
    assert level.retest_wait is wait
    assert ep.earliest_retest_date(D(2025, 6, 10), program=level) == D(2025, 6, 26)
    assert level.authorization is nremt.AUTHORIZATION


def test_a_sibling_is_attrs_evolve_of_a_level() -> None:
    """Design principle 4: "What-if is attrs.evolve on a record or a program"; a sibling
    level that differs in a few parameters keeps every other one, the same object."""
    sibling = attrs.evolve(
        TOY_EMT,
        key="toy-nremt-aemt",
        name="Toy AEMT",
        course_validity=nremt.course_validity("AEMT", citation=EMT_HANDBOOK),
    )
    assert sibling.course_validity.description.startswith("Last day a completed AEMT course")
    for field in attrs.fields(ep.Program):
        if field.init and field.name not in ("key", "name", "course_validity"):
            assert getattr(sibling, field.name) is getattr(TOY_EMT, field.name), field.name


def test_a_level_missing_a_required_parameter_or_naming_no_field_is_refused() -> None:
    """nremt.program: "Raises: TypeError: A required parameter is missing, or a name is no
    Program field. InvalidRecordError: A parameter is not a Param"."""
    own = {
        name: getattr(TOY_EMT, name)
        for name in ("result_posting", "attempt_limit", "course_validity", "certification_term")
    }
    with pytest.raises(TypeError, match="verification_required"):
        nremt.program(key="k", name="n", **own)
    with pytest.raises(TypeError, match="retest_wiat"):
        nremt.program(
            key="k",
            name="n",
            verification_required=EMR.verification_required,
            retest_wiat=nremt.RETEST_WAIT,
            **own,
        )
    with pytest.raises(ep.InvalidRecordError) as info:
        nremt.program(key="k", name="n", verification_required=True, **own)  # type: ignore[arg-type]
    assert info.value.field == "Program.verification_required"
    with pytest.raises(ep.InvalidRecordError) as info:
        nremt.program(
            key="k",
            name="n",
            verification_required=EMR.verification_required,
            recert_cycle=EMR.recert_cycle,
            **own,
        )
    assert info.value.field == "Program.ce_requirement"


@pytest.mark.parametrize("name", sorted(SHARED))
def test_the_shared_provisions_keep_their_sources(name: str) -> None:
    """Design principle 1: every value has "an effective date, a citation (URL and a short
    quote) and a confidence level"; a family value starts no earlier than the baseline."""
    param = getattr(nremt, name.upper())
    assert param.name == name
    assert param.first_effective == nremt.BASELINE
    for provision in param.provisions:
        assert provision.citation.url.startswith("https://")
        assert provision.note
