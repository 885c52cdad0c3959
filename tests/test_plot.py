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


# -- a readable window, notes that never overlap (issue 15) -----------------------------------


def core_days(candidate: ep.Candidate, status: ep.PathwayStatus) -> list[dt.date]:
    """The days plot_pathway must show: as_of, attempts, their results, the next attempt."""
    days = [status.as_of, *(a.taken_on for a in candidate.attempts)]
    days += [ep.expected_result_date(a.taken_on, program=ep.NREMT_EMR) for a in candidate.attempts]
    return days + ([status.next_attempt_on] if status.next_attempt_on else [])


def window(ax) -> tuple[dt.date, dt.date]:
    left, right = ax.get_xlim()
    return day_of(left), day_of(right)


def note_boxes(ax):
    ax.figure.draw_without_rendering()
    return [(t.get_text(), t.get_window_extent()) for t in ax.texts]


def test_the_window_is_the_attempts_period_not_the_course_window():
    """ "`plot_pathway` chooses a readable window around the attempts (not the whole course
    window)": the example's course runs to 2027-05-31; the picture shows May to October
    2025, where its attempts, results, authorizations and as_of are."""
    from emrpath import examples

    candidate = examples.load("nremt-emr-candidate")
    as_of = D(2025, 8, 20)
    ax = plot_pathway(candidate, as_of=as_of, program=ep.NREMT_EMR)
    start, end = window(ax)
    assert D(2025, 4, 15) <= start <= D(2025, 5, 2)  # the course completion, 2025-05-02
    assert D(2025, 9, 29) < end <= D(2025, 11, 30)  # the second ATT runs to 2025-09-29
    status = ep.evaluate(candidate, as_of=as_of, program=ep.NREMT_EMR)
    assert all(start <= day <= end for day in core_days(candidate, status))
    course_note = next(text for text, _ in note_boxes(ax) if "2027-05-31" in text)
    assert course_note == "to 2027-05-31 \u2192"  # past the edge: said at the edge


def test_the_authorization_notes_no_longer_overlap():
    """ "the authorization row's two labels overlap today": two authorizations 50 days
    apart, drawn at the default size, give two notes whose boxes do not meet."""
    from emrpath import examples

    ax = plot_pathway(
        examples.load("nremt-emr-candidate"), as_of=D(2025, 8, 20), program=ep.NREMT_EMR
    )
    boxes = note_boxes(ax)
    att = [box for text, box in boxes if text in ("to 2025-08-10", "to 2025-09-29")]
    assert len(att) == 2
    assert not att[0].overlaps(att[1])


@st.composite
def plotted(draw):
    completed = draw(dates(D(2016, 1, 1), D(2090, 12, 31)))
    days = sorted(
        draw(
            st.lists(
                st.integers(0, 700).map(lambda n: completed + dt.timedelta(n)),
                unique=True,
                max_size=3,
            )
        )
    )
    # Retests at least 15 days apart, as the rules require.
    attempts, last = [], None
    for day in days:
        if last is None or (day - last).days >= 15:
            attempts.append(ep.ExamAttempt(day, passed=False, scaled_score=850))
            last = day
    if attempts and draw(st.booleans()):
        attempts[-1] = ep.ExamAttempt(attempts[-1].taken_on, passed=True)
    issued = draw(
        st.lists(st.integers(0, 700).map(lambda n: completed + dt.timedelta(n)), max_size=3)
    )
    as_of = (attempts[-1].taken_on if attempts else completed) + dt.timedelta(
        draw(st.integers(0, 120))
    )
    candidate = ep.Candidate(
        ep.CourseCompletion(completed, completed),
        attempts=attempts,
        authorizations=[ep.AuthorizationToTest(day) for day in issued if day <= as_of],
        skills=draw(st.none() | st.just(ep.SkillsCompetency(completed))),
    )
    return candidate, as_of


@settings(max_examples=25, deadline=None)
@given(case=plotted())
def test_notes_never_overlap_and_the_window_frames_the_attempts(case):
    """ "never overlaps labels" (Agg text bounding boxes, after the figure's layout), every
    note inside the axes; the window shows as_of, every attempt, its result and the next
    attempt, and starts no more than 120 days before the first of them."""
    candidate, as_of = case
    try:
        status = ep.evaluate(candidate, as_of=as_of, program=ep.NREMT_EMR)
    except ep.EmrpathError:
        return
    ax = plot_pathway(candidate, as_of=as_of, program=ep.NREMT_EMR)
    boxes = note_boxes(ax)
    for i, (text, box) in enumerate(boxes):
        for other_text, other in boxes[i + 1 :]:
            assert not box.overlaps(other), (text, other_text)
    frame = ax.get_window_extent()
    for text, box in boxes:
        assert frame.x0 <= box.x0, text
        assert box.x1 <= frame.x1, text
    start, end = window(ax)
    core = core_days(candidate, status)
    assert all(start <= day <= end for day in core)
    margin = 0.03 * (end - start) / 1.25  # the left margin: 3% of the window's dates
    assert start >= min(core) - dt.timedelta(days=120) - margin - dt.timedelta(days=1)


def test_notes_on_one_row_that_would_meet_are_stacked():
    """Two authorizations issued three days apart end three days apart: their notes would
    cover each other on the row, so one moves off it, and they do not overlap."""
    candidate = ep.Candidate(
        ep.CourseCompletion(D(2025, 5, 2), D(2025, 5, 6)),
        authorizations=[
            ep.AuthorizationToTest(D(2025, 5, 12)),
            ep.AuthorizationToTest(D(2025, 5, 15)),
        ],
    )
    ax = plot_pathway(candidate, as_of=D(2025, 6, 1), program=ep.NREMT_EMR)
    boxes = dict(note_boxes(ax))
    first, second = boxes["to 2025-08-10"], boxes["to 2025-08-13"]
    assert not first.overlaps(second)
    offsets = sorted(t.xyann[1] for t in ax.texts if t.get_text() in boxes)
    assert offsets.count(0.0) < len(offsets)


def test_the_last_days_a_date_can_hold_are_drawn():
    """An as_of at the end of the calendar draws (matplotlib refuses dates past 9999: the
    window stops at the last day a date can hold) or raises an EmrpathError, never a bare
    ValueError."""
    candidate = ep.Candidate(ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13)))
    for as_of in (D(9999, 12, 30), D(9999, 12, 31)):
        try:
            ax = plot_pathway(candidate, as_of=as_of, program=ep.NREMT_EMR)
        except ep.EmrpathError:
            continue
        assert window(ax)[1] <= dt.date.max
