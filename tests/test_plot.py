"""plot_pathway: what it draws, read back from the artists, and how it fails."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import emrpath as ep
from emrpath.plot import plot_pathway
from tests.errors import raises_emrpath
from tests.strategies import dates

matplotlib = pytest.importorskip("matplotlib")
mdates = pytest.importorskip("matplotlib.dates")
from matplotlib.figure import Figure  # noqa: E402

D = dt.date


def two_failures() -> ep.Candidate:
    return ep.Candidate(
        course=ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13)),
        attempts=[
            ep.ExamAttempt(D(2025, 2, 6), passed=False, scaled_score=870),
            ep.ExamAttempt(D(2025, 2, 24), passed=False, scaled_score=910),
        ],
        skills=ep.SkillsCompetency(D(2025, 1, 8)),
        authorizations=[ep.AuthorizationToTest(D(2025, 1, 20))],
    )


def certified() -> ep.Candidate:
    return ep.Candidate(
        course=ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13)),
        attempts=[ep.ExamAttempt(D(2025, 2, 6), passed=True)],
        skills=ep.SkillsCompetency(D(2025, 1, 8)),
    )


def labels(ax) -> list[str]:
    return [a.get_label() for a in [*ax.patches, *ax.lines]]


def patch(ax, prefix: str):
    (found,) = [p for p in ax.patches if p.get_label().startswith(prefix)]
    return found


def day_of(x: float) -> dt.date:
    return mdates.num2date(x).date()


def test_draws_each_dated_item_with_the_rule_dates():
    ax = plot_pathway(two_failures(), as_of=D(2025, 3, 5), program=ep.NREMT_EMR)
    drawn = labels(ax)
    # "a course is valid until the last day of its completion month two years later"
    assert "course window 2025-01-10 to 2027-01-31" in drawn
    # "valid up to 90 days from issue" (2025-01-20 + 90 days)
    assert "ATT 1 2025-01-20 to 2025-04-20" in drawn
    assert "attempt 1 2025-02-06 failed, score 870" in drawn
    assert "attempt 2 2025-02-24 failed, score 910" in drawn
    # "earliest retest = last attempt date + 15 calendar days"
    assert "retest wait 2025-02-06 to 2025-02-21" in drawn
    assert "retest wait 2025-02-24 to 2025-03-11" in drawn
    # "expected on the 2nd business day strictly after the exam date"
    assert "result 1 expected 2025-02-10" in drawn
    assert "result 2 expected 2025-02-26" in drawn
    assert "next attempt allowed 2025-03-11" in drawn
    # "a passed ... skills competency stay valid 24 months from the pass date"
    assert "skills valid 2025-01-08 to 2027-01-08" in drawn
    assert "as of 2025-03-05" in drawn
    assert not any(label.startswith("certification") for label in drawn)
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks == ["certification", "skills", "cognitive exam", "authorization", "course"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        "retest wait",
        "failed attempt",
        "result expected",
        "next attempt allowed",
        "as of",
    ]


def test_a_window_covers_its_first_through_its_last_day():
    ax = plot_pathway(two_failures(), as_of=D(2025, 3, 5), program=ep.NREMT_EMR)
    course = patch(ax, "course window")
    assert day_of(course.get_x()) == D(2025, 1, 10)
    assert day_of(course.get_x() + course.get_width()) == D(2027, 2, 1)  # end of 01-31
    wait = patch(ax, "retest wait 2025-02-06")
    assert day_of(wait.get_x() + wait.get_width()) == D(2025, 2, 21)  # retest day is free


def test_certified_candidate_shows_the_certification_and_the_pass_validity():
    status = ep.evaluate(certified(), as_of=D(2025, 3, 1), program=ep.NREMT_EMR)
    ax = plot_pathway(certified(), as_of=D(2025, 3, 1), program=ep.NREMT_EMR)
    drawn = labels(ax)
    # "expires September 30 of the certification year + 2 (certified January-June)"
    assert f"certification {status.certified_on} to 2027-09-30" in drawn
    assert "certification 2025-02-10 to 2027-09-30" in drawn
    assert "cognitive pass valid 2025-02-06 to 2027-02-06" in drawn
    assert "attempt 1 2025-02-06 passed" in drawn
    assert not any(label.startswith(("retest wait", "next attempt")) for label in drawn)
    assert ax.get_title() == "nremt-emr pathway on 2025-03-01: certified: yes"


def test_ascp_draws_its_own_rules_and_no_skills():
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13)),
        attempts=[ep.ExamAttempt(D(2025, 3, 10), passed=False)],
        transcripts_received_on=D(2025, 1, 20),
    )
    drawn = labels(plot_pathway(candidate, as_of=D(2025, 4, 1), program=ep.ASCP_MLS))
    # "not within the same 3-month period": the next attempt from 2025-06-10
    assert "retest wait 2025-03-10 to 2025-06-10" in drawn
    # "within four (4) business days"
    assert "result 1 expected 2025-03-14" in drawn
    assert not any(label.startswith("skills") for label in drawn)


def test_draws_on_the_axes_it_is_given():
    ax = Figure().add_subplot()
    assert plot_pathway(certified(), as_of=D(2025, 3, 1), ax=ax, program=ep.NREMT_EMR) is ax
    assert ax.patches


def test_zooming_with_dates_works():
    ax = plot_pathway(two_failures(), as_of=D(2025, 3, 5), program=ep.NREMT_EMR)
    ax.set_xlim(D(2025, 1, 1), D(2025, 4, 1))
    assert [day_of(x) for x in ax.get_xlim()] == [D(2025, 1, 1), D(2025, 4, 1)]


@settings(max_examples=30)
@given(
    completed=dates(D(2015, 1, 1), D(2090, 12, 31)),
    offset=st.integers(0, 600),
    wait_back=st.integers(0, 60),
)
def test_retest_wait_spans_attempt_to_earliest_retest(completed, offset, wait_back):
    """Retest wait: "earliest retest = last attempt date + 15 calendar days": the hatched
    span starts on the attempt day and ends where the retest day begins, and the next
    attempt mark sits on the retest day (or on as_of once that has passed)."""
    attempt_on = completed + dt.timedelta(days=offset)
    retest = ep.earliest_retest_date(attempt_on, program=ep.NREMT_EMR)
    if retest > ep.course_expiration_date(completed, program=ep.NREMT_EMR):
        return  # no next attempt: nothing to mark
    as_of = max(attempt_on, retest - dt.timedelta(days=wait_back))
    candidate = ep.Candidate(
        course=ep.CourseCompletion(completed), attempts=[ep.ExamAttempt(attempt_on, False)]
    )
    ax = plot_pathway(candidate, as_of=as_of, program=ep.NREMT_EMR)
    wait = patch(ax, "retest wait")
    assert day_of(wait.get_x()) == attempt_on
    assert day_of(wait.get_x() + wait.get_width()) == retest
    (nxt,) = [line for line in ax.lines if line.get_label().startswith("next attempt")]
    assert day_of(nxt.get_xdata()[0]) == max(retest, as_of)


def test_bad_axes_and_bad_records_are_refused():
    with pytest.raises(ep.InputTypeError, match="ax"):
        plot_pathway(certified(), as_of=D(2025, 3, 1), ax="axes", program=ep.NREMT_EMR)
    with pytest.raises(ep.InputTypeError, match="candidate"):
        plot_pathway("someone", as_of=D(2025, 3, 1), program=ep.NREMT_EMR)
    with pytest.raises(ep.InputTypeError, match="as_of"):
        plot_pathway(certified(), as_of="2025-03-01", program=ep.NREMT_EMR)
    with raises_emrpath(ep.InvalidRecordError, field="attempts[0].taken_on", rule="exam attempt"):
        plot_pathway(certified(), as_of=D(2025, 2, 1), program=ep.NREMT_EMR)  # attempt after as_of


def test_missing_matplotlib_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(
        ep.MissingExtraError, match=r'pip install -e "\.\[plot\]"; .*\.whl\[plot\]"'
    ) as info:
        plot_pathway(certified(), as_of=D(2025, 3, 1), program=ep.NREMT_EMR)
    assert isinstance(info.value, ImportError)
    assert info.value.field == "matplotlib"


def test_png_renders():
    import io

    ax = plot_pathway(two_failures(), as_of=D(2025, 3, 5), program=ep.NREMT_EMR)
    out = io.BytesIO()
    ax.figure.savefig(out, format="png", dpi=40)
    assert out.getvalue().startswith(b"\x89PNG")
