"""recertification_status(): the EMR lifecycle and ASCP CMP through one function.

Scenarios quote the source sentence they check; properties quote the rule; bad input names
the field and the rule.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath.lifecycle import RecertificationState
from emrpath.policies import RecertExam
from emrpath.programs.nremt_emr import LIFECYCLE_BASELINE
from tests.errors import raises_emrpath
from tests.research_notes import notes_text
from tests.strategies import dates

D = dt.date
S = RecertificationState
CE = ep.ContinuingEducation

FULL_2016 = [
    CE(D(2025, 1, 10), 1, "national", topic="airway"),
    CE(D(2025, 1, 11), 2.5, "national", topic="cardiovascular"),
    CE(D(2025, 1, 12), 0.5, "national", topic="trauma"),
    CE(D(2025, 1, 13), 3, "national", topic="medical"),
    CE(D(2025, 1, 14), 1, "national", topic="operations"),
    CE(D(2025, 2, 1), 4, "local"),
    CE(D(2025, 3, 1), 4, "individual"),
]
# Certified 2023-08-10 (July-December): expires 2026-09-30, a cycle under the 2016 model?
# No: its nominal start is 2024-10-01, before the 2025 model's 2025-10-01, so yes.
CERT = ep.Certification(D(2023, 8, 10))


def status(cert: ep.Certification = CERT, education=(), **kw):  # type: ignore[no-untyped-def]
    kw.setdefault("as_of", D(2026, 5, 1))
    kw.setdefault("program", ep.NREMT_EMR)
    return ep.recertification_status(cert, education, **kw)


# -- NREMT EMR: window, late period, lapse ---------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "state"),
    [
        (D(2026, 3, 31), S.NOT_YET_OPEN),
        (D(2026, 4, 1), S.OPEN),
        (D(2026, 9, 30), S.OPEN),
        (D(2026, 10, 1), S.REINSTATEMENT),
        (D(2026, 10, 31), S.REINSTATEMENT),
        (D(2026, 11, 1), S.LAPSED),
    ],
)
def test_emr_window_late_period_and_lapse(as_of: dt.date, state: S) -> None:
    """support.nremt.org: "For EMR providers, the recertification cycle opens on April 1 and
    continues until September 30. [...] There is a reinstatement period until October 31, to
    submit late applications.\""""
    answer = status(as_of=as_of)
    assert answer.state is state
    assert answer.expires_on == D(2026, 9, 30)
    assert answer.window_opens_on == D(2026, 4, 1)
    assert answer.due_on == D(2026, 9, 30)
    assert answer.reinstatement_until == D(2026, 10, 31)
    assert answer.lapses_on == D(2026, 11, 1)
    assert any(r.code == f"recert_{state.value}" for r in answer.reasons)


def test_emr_16_hours_8_4_4_with_national_topics() -> None:
    """nremt.org NCCP table: "EMR 8 4 4 16"; dev.nremt.org: "The EMR National Continued
    Competency Program (NCCP) requires a total of 16 hours of continuing education to
    recertify.\""""
    answer = status(education=FULL_2016)
    assert answer.unit == "hours"
    assert answer.total_required == 16
    assert answer.total_earned == 16
    assert answer.education_met
    assert answer.requirements_met
    assert [c.name for c in answer.components] == ["national", "local", "individual"]
    national = answer.component("national")
    assert national.required == 8
    assert [(t.name, t.required) for t in national.topics] == [
        ("airway", Decimal(1)),
        ("cardiovascular", Decimal("2.5")),
        ("trauma", Decimal("0.5")),
        ("medical", Decimal(3)),
        ("operations", Decimal(1)),
    ]
    assert answer.confidence is ep.Confidence.PRIMARY


def test_emr_national_hours_without_the_topic_do_not_meet_it() -> None:
    education = [
        CE(D(2025, 1, 10), 8, "national"),
        CE(D(2025, 2, 1), 4, "local"),
        CE(D(2025, 3, 1), 4, "individual"),
    ]
    answer = status(education=education)
    assert answer.total_earned == 16
    assert not answer.education_met
    assert not answer.component("national").met
    assert any("national/trauma 0.5" in r.message for r in answer.reasons)


def test_emr_hours_count_only_inside_the_cycle() -> None:
    """support.nremt.org: "For EMR providers, all education must be completed by the
    September 30 of the year their certification expires." Before the cycle or after the
    expiration date (even in the late period), hours do not count."""
    education = [
        *FULL_2016[:-1],
        CE(D(2023, 8, 9), 4, "individual"),  # the day before certification
        CE(D(2026, 10, 2), 4, "individual"),  # in the late period
    ]
    answer = status(education=education, as_of=D(2026, 10, 15))
    assert answer.counts_from == D(2023, 8, 10)
    assert answer.counts_through == D(2026, 9, 30)
    assert answer.component("individual").earned == 0
    assert not answer.requirements_met
    assert any("2 record(s) outside it" in r.message for r in answer.reasons)


def test_rolling_recertification_counts_from_the_last_recertification() -> None:
    """dev.nremt.org (2016-09-01): "continuing education hours can be earned for your next
    NREMT recertification as soon as you complete your current recertification.\""""
    cert = ep.Certification(
        D(2019, 8, 1), expires_on=D(2026, 9, 30), cycle_started_on=D(2024, 5, 10)
    )
    on_the_day = [*FULL_2016[:-1], CE(D(2024, 5, 10), 4, "individual")]
    day_before = [*FULL_2016[:-1], CE(D(2024, 5, 9), 4, "individual")]
    assert status(cert, on_the_day).requirements_met
    assert not status(cert, day_before).requirements_met


def test_2025_nccp_model_for_cycles_from_october_2025_is_secondary() -> None:
    """nremt.org: "The new 2025 NCCP Model will begin on April 1, 2025 for EMT/AEMT/Paramedic
    and October 1, 2025 for EMR"; its EMR hours are secondary only."""
    cert = ep.Certification(D(2024, 8, 10))  # expires 2027-09-30: cycle from 2025-10-01
    answer = status(cert, [CE(D(2026, 1, 1), 8, "national", topic="trauma")], as_of=D(2027, 5, 1))
    assert answer.expires_on == D(2027, 9, 30)
    assert answer.total_required == 16
    assert answer.component("national").topics == ()
    assert answer.component("national").met
    assert answer.confidence is ep.Confidence.SECONDARY
    before = status(CERT)  # expires 2026-09-30: cycle from 2024-10-01, 2016 model
    assert before.confidence is ep.Confidence.PRIMARY


def test_recertification_by_exam_one_attempt_no_retest() -> None:
    """support.nremt.org: "You have one attempt to successfully complete recertification by
    exam; you cannot retest. If you are not successful, you can still use continuing
    education to renew your certification.\""""
    passed = status(exam_attempts=[ep.ExamAttempt(D(2026, 4, 20), passed=True)])
    assert passed.exam_passed is True
    assert passed.requirements_met
    assert not passed.education_met
    assert passed.exam_attempts_remaining == 0

    failed = status(
        education=FULL_2016,
        exam_attempts=[ep.ExamAttempt(D(2026, 4, 20), False, 900)],
        as_of=D(2026, 5, 1),
    )
    assert failed.exam_passed is False
    assert failed.requirements_met  # continuing education still renews it
    reason = next(r for r in failed.reasons if r.code == "recert_exam")
    assert "no retest" in reason.message
    assert reason.parameter == "recert_exam"

    with pytest.raises(ep.InvalidRecordError) as err:
        status(
            exam_attempts=[
                ep.ExamAttempt(D(2026, 4, 20), False, 900),
                ep.ExamAttempt(D(2026, 5, 1), True),
            ]
        )
    assert err.value.field == "exam_attempts[1]"
    assert err.value.rule == "recertification by exam"
    assert status().exam_attempts_remaining == 1


def test_emr_recertifying_moves_expiry_two_years() -> None:
    """dev.nremt.org: "Nationally Registered EMRs (NREMR) are required to renew their
    certification every two years.\""""
    assert status().next_expires_on == D(2028, 9, 30)


def test_emr_answer_reads_well_when_printed() -> None:
    text = str(status(education=FULL_2016[:3]))
    lines = text.splitlines()
    assert lines[0] == "nremt-emr recertification on 2026-05-01: open"
    assert "  expires           2026-09-30" in lines
    assert "  late until        2026-10-31" in lines
    assert "  lapses on         2026-11-01" in lines
    header = next(line for line in lines if line.strip().startswith("hours"))
    total = next(line for line in lines if line.strip().startswith("total"))
    assert len(header) == len(total)
    assert total.split() == ["total", "16", "4", "12"]
    assert "    cardiovascular" in text
    assert text.splitlines()[-1].startswith("state: open | expires: 2026-09-30")
    assert "[ce_requirement; primary]" in text
    assert repr(status()).startswith("<RecertificationStatus nremt-emr as_of=2026-05-01")


def test_to_rows_lists_components_topics_and_total() -> None:
    rows = status(education=FULL_2016).to_rows()
    assert len(rows) == 3 + 5 + 1
    assert rows[0]["component"] == "national"
    assert rows[0]["topic"] is None
    assert rows[1] == {
        "component": "national",
        "topic": "airway",
        "unit": "hours",
        "required": Decimal(1),
        "earned": Decimal(1),
        "short": Decimal(0),
        "met": True,
    }
    assert rows[-1]["component"] == "total"
    assert rows[-1]["met"] is True


def test_emr_cycles_before_rolling_recertification_have_no_rule() -> None:
    with raises_emrpath(
        ep.NoRuleInForceError, field="ce_requirement", rule=ep.NREMT_EMR.ce_requirement.description
    ):
        status(ep.Certification(D(2015, 3, 1)), as_of=D(2017, 5, 1))
    assert D(2016, 9, 1) == LIFECYCLE_BASELINE


# -- ASCP MLS: the Credential Maintenance Program through the same function ------------------

ASCP_CERT = ep.Certification(D(2015, 6, 10))
CMP_FULL = [
    CE(D(2016, 1, 5), 2, "blood_banking"),
    CE(D(2016, 2, 5), 2, "chemistry"),
    CE(D(2016, 3, 5), 2, "hematology"),
    CE(D(2016, 4, 5), 2, "microbiology"),
    CE(D(2016, 5, 5), 1, "safety"),
    CE(D(2016, 6, 5), 1, "ethics"),
    CE(D(2017, 6, 5), 26, "specialization"),
]


def ascp(cert: ep.Certification = ASCP_CERT, education=(), **kw):  # type: ignore[no-untyped-def]
    kw.setdefault("as_of", D(2018, 3, 1))
    return ep.recertification_status(cert, education, program=ep.ASCP_MLS, **kw)


def test_cmp_36_points_with_the_secondary_composition() -> None:
    """labce.com (secondary): MLS "need to earn 36 CMP points every three years in the
    following categories"."""
    answer = ascp(education=CMP_FULL)
    assert answer.unit == "points"
    assert answer.total_required == 36
    assert answer.requirements_met
    assert answer.confidence is ep.Confidence.SECONDARY
    short = ascp(education=CMP_FULL[:-1])
    assert not short.requirements_met
    assert all(c.met for c in short.components)
    assert any("26 points short of the total" in r.message for r in short.reasons)


def test_cmp_window_is_in_months() -> None:
    """ascp.org: "If your certification ends June 2018, only CE credits completed between
    June 2015 and June 2018 may be used\""""
    answer = ascp()
    assert answer.expires_on == D(2018, 6, 30)
    assert (answer.counts_from, answer.counts_through) == (D(2015, 6, 1), D(2018, 6, 30))
    assert ascp(education=[*CMP_FULL[:-1], CE(D(2015, 6, 1), 26, "chemistry")]).requirements_met
    assert not ascp(
        education=[*CMP_FULL[:-1], CE(D(2015, 5, 31), 26, "chemistry")]
    ).requirements_met


def test_declaration_due_a_month_before_expiry() -> None:
    """ascp.org: "Submit at least one (1) month prior to your credential expiration date\""""
    assert ascp(as_of=D(2018, 5, 30)).state is S.OPEN
    past_due = ascp(as_of=D(2018, 5, 31))
    assert past_due.state is S.PAST_DUE
    assert past_due.due_on == D(2018, 5, 30)
    assert past_due.window_opens_on == D(2015, 6, 10)


def test_expired_ascp_credential_reinstates_without_time_limit() -> None:
    """ascp.org: CE "must be completed within your current three-year credential cycle, or
    within the last three years if your credential has expired"; "Expired time-limited
    certifications may be reinstated" (no time limit found)."""
    answer = ascp(as_of=D(2030, 1, 15))
    assert answer.state is S.REINSTATEMENT
    assert answer.lapses_on is None
    assert answer.reinstatement_until is None
    assert (answer.counts_from, answer.counts_through) == (D(2027, 1, 15), D(2030, 1, 15))
    recent = [attrs.evolve(e, completed_on=D(2028, 1, 1)) for e in CMP_FULL]
    assert ascp(education=recent, as_of=D(2030, 1, 15)).requirements_met
    assert not ascp(education=CMP_FULL, as_of=D(2030, 1, 15)).requirements_met


def test_pre_2004_ascp_certificate_is_not_time_limited() -> None:
    """ascp.org (legacy): "Previously, certification did not have an expiration date.\""""
    answer = ascp(ep.Certification(D(2001, 6, 10)))
    assert answer.state is S.NOT_TIME_LIMITED
    assert answer.requirements_met
    assert answer.expires_on is None
    assert answer.lapses_on is None
    assert "not time limited" in str(answer)
    (reason,) = answer.reasons
    assert reason.code == "not_time_limited"
    assert reason.message == (
        "Certified 2001-06-10: "
        f"{ep.ASCP_MLS.certification_term.value_at(D(2001, 6, 10)).describe()}; no "
        "recertification is due."
    )
    assert answer.summary().startswith("state: not time limited | ")
    assert "requirements met: yes" in answer.summary()
    rule = ep.ASCP_MLS.certification_term.description
    with raises_emrpath(ep.InvalidRecordError, field="certification.expires_on", rule=rule) as err:
        ascp(ep.Certification(D(2001, 6, 10), expires_on=D(2004, 6, 30)))
    assert err.value.message.startswith("a certification issued 2001-06-10 is not time-limited (")
    assert err.value.message.endswith("), so it has no expiration date")


def test_ascp_has_no_recertification_by_exam() -> None:
    assert ascp().exam_attempts_remaining is None
    with raises_emrpath(
        ep.InvalidRecordError, field="exam_attempts", rule="recertification by exam"
    ) as err:
        ascp(exam_attempts=[ep.ExamAttempt(D(2018, 1, 5), True, 500)])
    assert err.value.message == "program 'ascp-mls' has no recertification by exam"


def test_ascp_recertifying_moves_expiry_three_years() -> None:
    assert ascp().next_expires_on == D(2021, 6, 30)
    feb = ascp(ep.Certification(D(2018, 2, 1)), as_of=D(2020, 1, 1))
    assert feb.expires_on == D(2021, 2, 28)
    assert feb.next_expires_on == D(2024, 2, 29)


# -- properties ------------------------------------------------------------------------------

PROGRAMS = {
    "nremt": (ep.NREMT_EMR, D(2016, 1, 1), ["national", "local", "individual"]),
    "ascp": (
        ep.ASCP_MLS,
        D(1995, 1, 1),
        ["blood_banking", "chemistry", "hematology", "microbiology", "safety", "ethics"],
    ),
}


@st.composite
def lifecycle_cases(draw: st.DrawFn):  # type: ignore[no-untyped-def]
    key = draw(st.sampled_from(sorted(PROGRAMS)))
    program, first, components = PROGRAMS[key]
    certified = draw(dates(first, D(2090, 1, 1)))
    as_of = certified + dt.timedelta(days=draw(st.integers(0, 3 * 366 + 400)))
    education = draw(
        st.lists(
            st.builds(
                CE,
                st.integers(-400, (as_of - certified).days).map(
                    lambda n: min(certified + dt.timedelta(days=n), as_of)
                ),
                st.sampled_from([0.5, 1, 2, 2.5, 4, 8]),
                st.sampled_from(components),
            ),
            max_size=12,
        )
    )
    return program, ep.Certification(certified), education, as_of


@given(case=lifecycle_cases())
def test_property_lapse_never_precedes_expiry(case) -> None:  # type: ignore[no-untyped-def]
    """NREMT: "There is a reinstatement period until October 31, to submit late
    applications" after the September 30 expiration; ASCP: after expiry the credential
    "may be reinstated", with no time limit. So a lapse, if any, comes after the expiration
    date; the late and lapsed states come only after it; the dates are in order."""
    program, cert, education, as_of = case
    answer = ep.recertification_status(cert, education, as_of=as_of, program=program)
    if answer.state is S.NOT_TIME_LIMITED:
        assert answer.expires_on is None
        assert answer.lapses_on is None
        return
    assert answer.expires_on is not None
    if answer.lapses_on is not None:
        assert answer.lapses_on > answer.expires_on
        assert answer.reinstatement_until is not None
        assert answer.lapses_on > answer.reinstatement_until >= answer.expires_on
    assert answer.window_opens_on is not None
    assert answer.due_on is not None
    assert answer.window_opens_on <= answer.due_on <= answer.expires_on
    expired = answer.state in (S.REINSTATEMENT, S.LAPSED)
    assert expired == (as_of > answer.expires_on)
    assert (answer.state is S.LAPSED) == (
        answer.lapses_on is not None and as_of >= answer.lapses_on
    )


@given(case=lifecycle_cases(), extra=st.sampled_from([0.5, 1, 4, 26]), pick=st.integers(0, 99))
def test_property_adding_education_never_makes_a_status_worse(  # type: ignore[no-untyped-def]
    case, extra: float, pick: int
) -> None:
    """NREMT: hours "earned in the cycle" count toward 16 = 8/4/4; ASCP: CE "within your
    current three-year credential cycle" counts toward 36 points. One more record can only
    add to what is earned: no component earns less, no requirement met becomes unmet, and
    the state (a matter of dates) does not change."""
    program, cert, education, as_of = case
    before = ep.recertification_status(cert, education, as_of=as_of, program=program)
    if before.state is S.NOT_TIME_LIMITED:
        return
    names = [c.name for c in before.components]
    assert before.counts_from is not None
    span = max((min(as_of, before.counts_through or as_of) - before.counts_from).days, 0)
    day = before.counts_from + dt.timedelta(days=pick % (span + 1))
    more = [*education, CE(min(day, as_of), extra, names[pick % len(names)])]
    after = ep.recertification_status(cert, more, as_of=as_of, program=program)
    assert after.state is before.state
    assert after.total_earned >= before.total_earned
    for old, new in zip(before.components, after.components, strict=True):
        assert new.earned >= old.earned
        assert new.met or not old.met
    assert after.education_met or not before.education_met
    assert after.requirements_met or not before.requirements_met


@given(case=lifecycle_cases(), step=st.integers(1, 800))
def test_property_state_moves_forward_in_time(case, step: int) -> None:  # type: ignore[no-untyped-def]
    """The states run in time order: not yet open, open, (past due), late (reinstatement),
    lapsed; asked later, a certification is never earlier in that order."""
    program, cert, education, as_of = case
    early = ep.recertification_status(cert, education, as_of=as_of, program=program)
    late = ep.recertification_status(
        cert, education, as_of=as_of + dt.timedelta(days=step), program=program
    )
    assert late.state.rank >= early.state.rank


# -- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "error"),
    [
        (0, ep.InvalidRecordError),
        (-1, ep.InvalidRecordError),
        (float("nan"), ep.InvalidRecordError),
        (float("inf"), ep.InvalidRecordError),
        ("4", ep.InputTypeError),
        (True, ep.InputTypeError),
        (None, ep.InputTypeError),
    ],
)
def test_bad_amounts_are_refused(amount: object, error: type[Exception]) -> None:
    with pytest.raises(error) as exc:
        CE(D(2025, 1, 1), amount, "local")  # type: ignore[arg-type]
    assert exc.value.field == "ContinuingEducation.amount"  # type: ignore[attr-defined]
    assert exc.value.rule == "continuing education"  # type: ignore[attr-defined]


def test_float_amounts_are_read_exactly() -> None:
    tenths = [CE(D(2025, 1, d), 0.1, "local") for d in range(1, 31)]
    assert status(education=tenths).component("local").earned == Decimal(3)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"completed_on": "2025-01-01"}, "ContinuingEducation.completed_on"),
        ({"component": ""}, "ContinuingEducation.component"),
        ({"component": 3}, "ContinuingEducation.component"),
        ({"topic": ""}, "ContinuingEducation.topic"),
    ],
)
def test_bad_education_fields_are_refused(kwargs: dict[str, object], field: str) -> None:
    base: dict[str, object] = {"completed_on": D(2025, 1, 1), "amount": 1, "component": "local"}
    with pytest.raises(ep.InputTypeError) as err:
        CE(**{**base, **kwargs})  # type: ignore[arg-type]
    assert err.value.field == field


def test_unknown_component_and_topic_name_the_record() -> None:
    with raises_emrpath(
        ep.UnknownNameError, field="education[1].component", rule="continuing education"
    ) as err:
        status(education=[FULL_2016[0], CE(D(2025, 1, 1), 2, "state")])
    assert err.value.message == (
        "unknown component 'state'; the requirement in force has "
        "['national', 'local', 'individual']"
    )
    with raises_emrpath(
        ep.UnknownNameError, field="education[0].topic", rule="continuing education"
    ) as err:
        status(education=[CE(D(2025, 1, 1), 2, "national", topic="pediatrics")])
    assert err.value.message == (
        "unknown topic 'pediatrics' of 'national'; it has "
        "['airway', 'cardiovascular', 'trauma', 'medical', 'operations']"
    )


@pytest.mark.parametrize(
    ("kwargs", "field", "rule", "day"),
    [
        (
            {"education": [CE(D(2026, 5, 2), 1, "local")]},
            "education[0].completed_on",
            "continuing education",
            "2026-05-02",
        ),
        (
            {"cert": ep.Certification(D(2026, 6, 1))},
            "certification.certified_on",
            "certification",
            "2026-06-01",
        ),
        (
            {"cert": ep.Certification(D(2023, 8, 10), D(2026, 9, 30), D(2026, 5, 2))},
            "certification.cycle_started_on",
            "recertification",
            "2026-05-02",
        ),
        (
            {"exam_attempts": [ep.ExamAttempt(D(2026, 6, 1), True)]},
            "exam_attempts[0].taken_on",
            "recertification by exam",
            "2026-06-01",
        ),
    ],
)
def test_records_after_as_of_are_refused(
    kwargs: dict[str, Any], field: str, rule: str, day: str
) -> None:
    """Principle 2: "Every evaluation takes `as_of`": a record dated after it is refused."""
    with raises_emrpath(ep.InvalidRecordError, field=field, rule=rule) as err:
        status(**kwargs)
    assert err.value.message == (
        f"{day} is after as_of 2026-05-01; a record cannot hold facts from after the date it "
        "is evaluated on"
    )


def test_exam_attempt_outside_the_cycle_is_refused() -> None:
    with raises_emrpath(
        ep.InvalidRecordError, field="exam_attempts[0].taken_on", rule="recertification by exam"
    ) as err:
        status(exam_attempts=[ep.ExamAttempt(D(2023, 8, 1), True)])
    assert (
        err.value.message == "attempt on 2023-08-01 is outside the cycle 2023-08-10 to 2026-09-30"
    )


def _exam_without_a_window() -> ep.Program:
    param = ep.NREMT_EMR.recert_exam
    assert param is not None
    provision = attrs.evolve(param.provisions[0], value=RecertExam(attempts=1))
    return attrs.evolve(ep.NREMT_EMR, recert_exam=attrs.evolve(param, provisions=[provision]))


@pytest.mark.parametrize(
    ("program", "taken_on"),
    [
        (_exam_without_a_window(), D(2023, 8, 10)),  # the cycle's first day
        (ep.NREMT_EMR, D(2025, 10, 1)),  # the window's first day
        (ep.NREMT_EMR, D(2026, 9, 30)),  # the expiration day, the cycle's last
    ],
)
def test_a_passed_exam_on_the_first_or_last_day_it_may_be_taken_counts(
    program: ep.Program, taken_on: dt.date
) -> None:
    """NREMT: "RBE option is available beginning April 1 (EMR is October 1), up to one year
    before your current expiration date". A RecertExam "Without ``opens_month`` and
    ``opens_day`` [...] no window is known and an attempt anywhere in the cycle counts"."""
    answer = ep.recertification_status(
        CERT,
        [],
        exam_attempts=[ep.ExamAttempt(taken_on, True)],
        as_of=D(2026, 9, 30),
        program=program,
    )
    assert answer.requirements_met
    (reason,) = [r for r in answer.reasons if r.code.startswith("recert_exam")]
    assert reason.message == (
        f"Recertification by exam passed on {taken_on}; it meets the cycle's requirement in "
        "place of continuing education."
    )


def test_a_recertification_moves_the_expiration_by_one_cycle_and_says_so() -> None:
    """NREMT: recertification cycles of two years (the 2016 model's "24-month cycles")."""
    reasons = [r for r in status().reasons if r.code == "next_expiration"]
    assert [r.message for r in reasons] == [
        "A recertification of this cycle moves the expiration to 2028-09-30 (24-month cycles)."
    ]


@pytest.mark.parametrize(
    ("args", "field", "message"),
    [
        ({"certification": "2023-08-10"}, "certification", "expected a Certification, got str"),
        (
            {"education": "national"},
            "education",
            "must be a sequence of ContinuingEducation, got str",
        ),
        ({"education": [1]}, "education[0]", "must be a ContinuingEducation, got int"),
        (
            {"exam_attempts": [D(2026, 4, 1)]},
            "exam_attempts[0]",
            "must be an ExamAttempt, got date",
        ),
        ({"as_of": "2026-05-01"}, "as_of", "expected a datetime.date, got str '2026-05-01'"),
        ({"program": "nremt-emr"}, "program", "expected a Program such as emrpath.NREMT_EMR"),
    ],
)
def test_wrong_types_are_refused(args: dict[str, object], field: str, message: str) -> None:
    call: dict[str, object] = {
        "certification": CERT,
        "education": (),
        "as_of": D(2026, 5, 1),
        "program": ep.NREMT_EMR,
    }
    call.update(args)
    with raises_emrpath(ep.InputTypeError, field=field, rule="recertification") as err:
        ep.recertification_status(
            call.pop("certification"),  # type: ignore[arg-type]
            call.pop("education"),  # type: ignore[arg-type]
            **call,  # type: ignore[arg-type]
        )
    assert err.value.message.startswith(message)


def test_a_program_without_recertification_rules_is_named() -> None:
    lifecycle = ["recert_cycle", "ce_requirement", "ce_window", "recert_window", "recert_exam"]
    bare = attrs.evolve(ep.NREMT_EMR, **dict.fromkeys(lifecycle))
    with raises_emrpath(ep.NoRuleInForceError, field="program", rule="recertification") as err:
        status(program=bare)
    assert err.value.message == "program 'nremt-emr' defines no recertification rules"


def test_naive_datetime_as_of_is_refused() -> None:
    with raises_emrpath(ep.NaiveDatetimeError, field="as_of", rule="recertification"):
        status(as_of=dt.datetime(2026, 5, 1, 12))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"cycle_started_on": D(2023, 8, 9)}, "Certification.cycle_started_on"),
        ({"cycle_started_on": D(2024, 5, 1)}, "Certification.expires_on"),
        ({"expires_on": D(2023, 8, 10)}, "Certification.expires_on"),
        ({"expires_on": "2026-09-30"}, "Certification.expires_on"),
    ],
)
def test_contradictory_certification_records_are_refused(
    kwargs: dict[str, object], field: str
) -> None:
    with pytest.raises(ep.EmrpathError) as err:
        ep.Certification(D(2023, 8, 10), **kwargs)  # type: ignore[arg-type]
    assert err.value.field == field


def test_emr_lifecycle_quotes_are_copied_from_the_research_notes() -> None:
    """Never an invented quote: each lifecycle quote appears verbatim in nremt-emr-facts.md,
    or in nremt-levels-facts.md, whose research corrected the EMR notes (policy-facts.md:
    the EMR recertification-by-exam window). Missing notes fail this test
    (tests/research_notes.py)."""
    text = notes_text("sources/nremt-emr-facts.md", "sources/nremt-levels-facts.md")
    program = ep.NREMT_EMR
    for param in (
        program.recert_cycle,
        program.ce_requirement,
        program.ce_window,
        program.recert_window,
        program.recert_exam,
        program.appeal_window,
    ):
        assert param is not None
        for provision in param.provisions:
            assert " ".join(provision.citation.quote.split()) in text, param.name


def test_an_exam_attempt_error_names_the_callers_position() -> None:
    """Issue 15: paths "in the caller's own order, from loading and from evaluation alike":
    the rules take the exam attempts in date order, the error names the caller's element."""
    later = ep.ExamAttempt(dt.date(2026, 2, 10), passed=False, scaled_score=900)
    earlier = ep.ExamAttempt(dt.date(2026, 1, 10), passed=False, scaled_score=900)
    with pytest.raises(ep.InvalidRecordError) as raised:
        ep.recertification_status(
            ep.Certification(dt.date(2023, 8, 10)),
            as_of=dt.date(2026, 1, 20),
            program=ep.NREMT_EMR,
            exam_attempts=(later, earlier),
        )
    assert raised.value.field == "exam_attempts[0].taken_on"


def test_to_rows_gives_every_column_of_the_component_and_total_rows() -> None:
    """One row per component and topic, then the total; ``short`` is what is still
    needed (the 2016 NCCP model: "a total of 16 hours", 8 national, 4 local, 4 individual)."""
    rows = status(education=[CE(D(2025, 2, 1), 4, "local")]).to_rows()
    columns = {"component", "topic", "unit", "required", "earned", "short", "met"}
    assert all(set(row) == columns for row in rows)
    assert rows[0] == {
        "component": "national",
        "topic": None,
        "unit": "hours",
        "required": Decimal(8),
        "earned": Decimal(0),
        "short": Decimal(8),
        "met": False,
    }
    assert rows[-1] == {
        "component": "total",
        "topic": None,
        "unit": "hours",
        "required": Decimal(16),
        "earned": Decimal(4),
        "short": Decimal(12),
        "met": False,
    }


def test_the_notebook_view_heads_its_tables_and_spells_the_state() -> None:
    """The HTML view shows the state in words and heads each table with its columns."""
    # The structure; the inline styles that keep it left-aligned under a notebook's CSS are
    # tested with the reprs (tests/test_notebook.py).
    view = re.sub(r' style="[^"]*"', "", status(as_of=D(2026, 3, 1))._repr_html_())
    assert view.startswith(
        "<div><strong>nremt-emr</strong> recertification on 2026-03-01: not yet open<table>"
    )
    assert "<thead><tr><th>date</th><th>value</th></tr></thead>" in view
    head = "<thead><tr><th>hours</th><th>required</th><th>earned</th><th>short</th></tr></thead>"
    assert head in view
    assert "<thead><tr><th>reasons</th></tr></thead>" in view
    assert view.endswith("</p></div>")


def test_the_notebook_progress_table_aligns_its_amounts_right_and_its_names_left() -> None:
    """As in the printed view, the progress table's amounts (required, earned, short) align
    on the right, header and every row, and the component or topic names on the left."""
    education = [
        CE(D(2025, 2, 1), 4, "local"),
        CE(D(2025, 1, 11), 12.5, "national", topic="cardiovascular"),
    ]
    view = status(education=education, as_of=D(2026, 3, 1))._repr_html_()
    tables = re.findall(r"<table.*?</table>", view)
    progress = next(t for t in tables if ">required</th>" in t)
    rows = re.findall(r"<tr>(.*?)</tr>", progress)
    assert len(rows) == 1 + 3 + 5 + 1  # the header, 3 components, national's 5 topics, total
    for row in rows:
        aligns = re.findall(r'<t[hd] style="text-align:(\w+);', row)
        assert aligns == ["left", "right", "right", "right"], row


def test_the_printed_status_heads_its_progress_table_and_right_aligns_the_amounts() -> None:
    """The text view: the state in words, then the progress table with its columns and
    its amounts aligned on the right, as a reader compares them down a column."""
    education = [
        CE(D(2025, 2, 1), 4, "local"),
        CE(D(2025, 1, 11), 12.5, "national", topic="cardiovascular"),
    ]
    lines = str(status(education=education, as_of=D(2026, 3, 1))).splitlines()
    assert lines[0] == "nremt-emr recertification on 2026-03-01: not yet open"
    assert lines[1:9] == [
        "  certified         2023-08-10",
        "  cycle start       2023-08-10",
        "  expires           2026-09-30",
        "  window opens      2026-04-01",
        "  due               2026-09-30",
        "  late until        2026-10-31",
        "  lapses on         2026-11-01",
        "  education counts  2023-08-10 to 2026-09-30",
    ]
    table = lines[lines.index("  hours             required  earned  short") :]
    assert table[1] == "  ----------------  --------  ------  -----"
    assert table[2] == "  national                 8    12.5      0"
    assert table[4] == "    cardiovascular       2.5    12.5      0"
    assert table[5] == "    trauma               0.5       0    0.5"


EMR_WINDOW = (
    "(applications from April 1 of the expiration year to the expiration date; late "
    "(reinstatement) until October 31; lapsed after)."
)
ASCP_WINDOW = (
    "(submit at least 1 month before the expiration date; once expired, reinstatement is "
    "possible without a time limit)."
)


@pytest.mark.parametrize(
    ("answer", "state", "message"),
    [
        (
            lambda: status(as_of=D(2026, 3, 31)),
            S.NOT_YET_OPEN,
            "Applications open 2026-04-01 and are due by 2026-09-30; the requirements are "
            f"not yet met {EMR_WINDOW}",
        ),
        (
            lambda: status(education=FULL_2016, as_of=D(2026, 9, 30)),
            S.OPEN,
            f"The application window is open; submit by 2026-09-30; the requirements are met "
            f"{EMR_WINDOW}",
        ),
        (
            lambda: status(as_of=D(2026, 10, 1)),
            S.REINSTATEMENT,
            "The certification expired after 2026-09-30; late applications (reinstatement) "
            f"are accepted through 2026-10-31; the requirements are not yet met {EMR_WINDOW}",
        ),
        (
            lambda: status(as_of=D(2026, 11, 1)),
            S.LAPSED,
            "The certification expired after 2026-09-30 and lapsed after the late period "
            f"ended on 2026-10-31 {EMR_WINDOW}",
        ),
        (
            lambda: ascp(as_of=D(2018, 6, 30)),
            S.PAST_DUE,
            "The submission date 2018-05-30 has passed; the certification is valid through "
            "2018-06-30, then reinstatement has no time limit; the requirements are not yet "
            f"met {ASCP_WINDOW}",
        ),
        (
            lambda: ascp(education=CMP_FULL, as_of=D(2018, 7, 1)),
            S.REINSTATEMENT,
            "The certification expired after 2018-06-30; reinstatement has no time limit; "
            f"the requirements are met {ASCP_WINDOW}",
        ),
    ],
)
def test_each_window_state_gives_its_reason_in_words(answer: Any, state: S, message: str) -> None:
    """support.nremt.org: "For EMR providers, the recertification cycle opens on April 1 and
    continues until September 30. [...] There is a reinstatement period until October 31, to
    submit late applications." ascp.org: "Submit at least one (1) month prior to your
    credential expiration date"; "Expired time-limited certifications may be reinstated".
    On the expiration day itself an ASCP credential is still valid (past due, not expired)."""
    result = answer()
    assert result.state is state
    (reason,) = [r for r in result.reasons if r.code.startswith("recert_")]
    assert reason.code == f"recert_{state.value}"
    assert reason.message == message


def test_education_on_the_windows_first_and_last_days_counts_and_the_rest_is_named() -> None:
    """NREMT EMR (2016 model): education counts "from the start of the current cycle to the
    expiration date", both days included; a record outside is left out, and said so."""
    first, last = CE(D(2023, 8, 10), 4, "local"), CE(D(2026, 9, 30), 4, "individual")
    before = CE(D(2023, 8, 9), 4, "national")
    answer = status(education=[first, last], as_of=D(2026, 9, 30))
    assert answer.total_earned == 8
    (reason,) = [r for r in answer.reasons if r.code == "education_window"]
    assert reason.message == (
        "Education counts from 2023-08-10 through 2026-09-30 (education counts from the start "
        "of the current cycle to the expiration date)."
    )
    answer = status(education=[before, first, last], as_of=D(2026, 9, 30))
    assert answer.total_earned == 8
    (reason,) = [r for r in answer.reasons if r.code == "education_window"]
    assert reason.message.endswith("; 1 record(s) outside it are not counted.")
    # Each record outside is counted, wherever it falls among those inside.
    earlier = CE(D(2022, 5, 2), 2, "local")
    answer = status(education=[before, first, earlier, last], as_of=D(2026, 9, 30))
    assert answer.total_earned == 8
    (reason,) = [r for r in answer.reasons if r.code == "education_window"]
    assert reason.message.endswith("; 2 record(s) outside it are not counted.")


@pytest.mark.parametrize(
    ("answer", "code", "message"),
    [
        (
            lambda: status(education=FULL_2016),
            "education_complete",
            "Continuing education: 16 of 16 hours; every component is complete.",
        ),
        (
            lambda: ascp(education=CMP_FULL[:-1]),
            "education_short",
            "Continuing education: 10 of 36 points; 26 points short of the total.",
        ),
        (
            lambda: ascp(education=[*CMP_FULL[:-1], CE(D(2017, 6, 5), 25.5, "specialization")]),
            "education_short",
            "Continuing education: 35.5 of 36 points; 0.5 points short of the total.",
        ),
        (
            lambda: status(education=[CE(D(2025, 2, 1), 4, "local")]),
            "education_short",
            "Continuing education: 4 of 16 hours; short: national 8, national/airway 1, "
            "national/cardiovascular 2.5, national/trauma 0.5, national/medical 3, "
            "national/operations 1, individual 4; 12 hours short of the total.",
        ),
    ],
)
def test_the_education_reason_says_what_is_complete_or_short(
    answer: Any, code: str, message: str
) -> None:
    """NREMT EMR 2016 model: "a total of 16 hours" (8 national, 4 local, 4 individual);
    ASCP MLS: "36 CMP points every three years". Exactly the total is complete; half a
    point short is short, and the shortfall names each component and topic."""
    (reason,) = [
        r for r in answer().reasons if r.code in {"education_complete", "education_short"}
    ]
    assert (reason.code, reason.message) == (code, message)


def test_the_initial_expiration_is_derived_and_said_so() -> None:
    """NREMT EMR: "expires September 30 of the certification year + 2 (certified before
    month 7) or + 3 (from month 7)"; a certification that carries its own date keeps it."""
    (reason,) = [r for r in status().reasons if r.code == "initial_expiration"]
    assert reason.message == (
        "Certified 2023-08-10; the initial certification expires 2026-09-30 (expires "
        "September 30 of the certification year + 2 (certified before month 7) or + 3 "
        "(from month 7))."
    )
    own = ep.Certification(D(2023, 8, 10), expires_on=D(2026, 9, 30))
    assert not [r for r in status(own).reasons if r.code == "initial_expiration"]


def test_two_records_in_one_topic_add_up() -> None:
    """NREMT 2016 NCCP model: national topic hours are minimums ("1 hour airway"); two
    courses in one topic both count toward it."""
    halves = [CE(D(2025, 1, 10), 0.5, "national", topic="airway")] * 2
    airway = status(education=halves).components[0].topics[0]
    assert (airway.name, airway.earned, airway.met) == ("airway", 1, True)


def test_a_failed_exam_with_attempts_left_says_how_many() -> None:
    """A RecertExam allows ``attempts`` attempts per cycle: after a failure with attempts
    left, the reason counts them (NREMT allows one; a what-if program allows two)."""
    param = ep.NREMT_EMR.recert_exam
    assert param is not None
    provision = attrs.evolve(param.provisions[0], value=RecertExam(attempts=2))
    two = attrs.evolve(ep.NREMT_EMR, recert_exam=attrs.evolve(param, provisions=[provision]))
    answer = status(exam_attempts=[ep.ExamAttempt(D(2025, 11, 5), False)], program=two)
    assert answer.exam_attempts_remaining == 1
    (reason,) = [r for r in answer.reasons if r.code == "recert_exam"]
    assert reason.message == (
        "Recertification by exam failed on 2025-11-05; 1 attempt(s) left (recertification by "
        "exam: 2 attempts per cycle, no retest)."
    )


def test_the_total_met_with_a_component_short_names_only_the_component() -> None:
    """NREMT 2016 model: 16 hours in total, of which 8 national: 16 hours without the
    national ones meet the total but not the national component."""
    answer = status(education=[CE(D(2025, 2, 1), 4, "local"), CE(D(2025, 3, 1), 12, "individual")])
    (reason,) = [r for r in answer.reasons if r.code == "education_short"]
    assert reason.message == (
        "Continuing education: 16 of 16 hours; short: national 8, national/airway 1, "
        "national/cardiovascular 2.5, national/trauma 0.5, national/medical 3, "
        "national/operations 1."
    )


def test_a_not_time_limited_answer_has_no_requirement_to_meet() -> None:
    answer = ascp(ep.Certification(D(2001, 6, 10)))
    assert (answer.program, answer.certified_on, answer.cycle_start) == (
        "ascp-mls",
        D(2001, 6, 10),
        D(2001, 6, 10),
    )
    assert (answer.unit, answer.components) == ("", ())
    assert (answer.total_required, answer.total_earned, answer.education_met) == (0, 0, True)


def test_exam_attempts_count_in_date_order_whatever_order_they_are_given_in() -> None:
    """NREMT: "RBE option is available beginning [...] (EMR is October 1), up to one year
    before your current expiration date": of a pass in the window and an earlier failure
    before it, given latest first, the pass is the attempt that counts."""
    in_window = ep.ExamAttempt(D(2025, 11, 5), True)
    before_window = ep.ExamAttempt(D(2024, 6, 3), False)
    answer = status(exam_attempts=[in_window, before_window])
    assert answer.requirements_met
    codes = [r.code for r in answer.reasons]
    assert "recert_exam_outside_window" in codes
    assert "recert_exam" in codes
