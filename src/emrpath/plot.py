"""A picture of a candidate's pathway: course window, attempts, waits, results, expiries.

Needs the ``plot`` extra (``pip install "emrpath[plot]"``, which installs matplotlib);
matplotlib is imported only when :func:`plot_pathway` is called, so ``import emrpath``
never pays for it. Every date drawn comes from the rule functions and
:func:`emrpath.evaluate`; nothing here re-derives a rule.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> from emrpath.plot import plot_pathway
    >>> candidate = ep.Candidate(
    ...     course=ep.CourseCompletion(dt.date(2025, 1, 10), verified_on=dt.date(2025, 1, 13)),
    ...     attempts=[ep.ExamAttempt(dt.date(2025, 2, 6), passed=False, scaled_score=870)],
    ... )
    >>> ax = plot_pathway(candidate, as_of=dt.date(2025, 2, 20), program=ep.NREMT_EMR)
    >>> [label.get_text() for label in ax.get_yticklabels()]
    ['certification', 'skills', 'cognitive exam', 'authorization', 'course']
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from emrpath.errors import InputTypeError, MissingExtraError
from emrpath.pathway import evaluate
from emrpath.program import Program
from emrpath.records import Candidate
from emrpath.rules import att_expiration_date, earliest_retest_date, expected_result_date
from emrpath.status import GateName, PathwayStatus

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.text import Annotation
    from matplotlib.transforms import Bbox

__all__ = ["plot_pathway"]

_RULE = "pathway plot"

# One row per gate that has dates, top to bottom in the order a candidate meets them.
_ROWS = ("course", "authorization", "cognitive exam", "skills", "certification")
_COLORS: Mapping[str, str] = types.MappingProxyType(
    {
        "course": "#4c72b0",
        "authorization": "#8172b3",
        "wait": "#dd8452",
        "failed": "#c44e52",
        "passed": "#55a868",
        "result": "#333333",
        "next": "#dd8452",
        "skills": "#64b5cd",
        "certification": "#55a868",
        "as_of": "#000000",
    }
)


def plot_pathway(
    candidate: Candidate,
    *,
    as_of: dt.date | dt.datetime,
    program: Program,
    ax: Axes | None = None,
) -> Axes:
    """Draw ``candidate``'s pathway on ``as_of`` as a timeline, one row per gate.

    Drawn, each as a labelled artist (the label says what it is and its dates): the
    course window; each authorization to test; each attempt (failed ``X`` / passed
    ``o``), the retest wait after each failure, each attempt's expected result date and
    the next allowed attempt; the validity of the passed cognitive exam and skills; the
    certification from its expected date to its expiry; and ``as_of``.

    The x-axis shows the attempts' period, not the whole course window: from the first
    attempt (or ``as_of``, if earlier) to the last expected result, the next allowed
    attempt and ``as_of``, with the authorizations, the course completion and the
    expected certification that fall within 120 days before it; at least 60 days wide,
    with room on the right for the notes. A bar that runs past the right edge says its
    last day at the edge (``to 2027-05-31 →``). Notes never overlap: one that would is
    moved above or below its bar. Zoom out with ``ax.set_xlim(start, end)``.

    Args:
        candidate: The candidate, as for :func:`emrpath.evaluate`.
        as_of: The date of evaluation (or an aware datetime).
        program: The program whose rules apply.
        ax: A matplotlib ``Axes`` to draw on (for a notebook: ``plt.subplots()[1]``).
            ``None``: a new standalone ``Figure`` (not registered with pyplot, so safe
            from any thread); reach it as ``ax.figure``.

    Returns:
        The ``Axes`` drawn on.

    Raises:
        MissingExtraError: matplotlib is not installed.
        InputTypeError: ``ax`` is not a matplotlib ``Axes``, or ``as_of`` is not a date
            (a string), or a record has the wrong type.
        NaiveDatetimeError: ``as_of`` is a datetime without a timezone.
        InvalidRecordError: A record holds a fact from after ``as_of`` (an ``as_of`` in
            year 1), or breaks a rule :func:`emrpath.evaluate` checks.
        CalendarRangeError: A date the rules work out is outside the business calendar's
            years or the dates Python can represent.
        NoRuleInForceError: ``as_of`` or a record's date is before the program's rules
            took effect.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> from emrpath.plot import plot_pathway
        >>> candidate = ep.Candidate(
        ...     course=ep.CourseCompletion(dt.date(2025, 1, 10)),
        ...     attempts=[ep.ExamAttempt(dt.date(2025, 2, 6), passed=False)],
        ... )
        >>> ax = plot_pathway(candidate, as_of=dt.date(2025, 2, 20), program=ep.NREMT_EMR)
        >>> sorted(a.get_label() for a in ax.patches)[:2]
        ['course window 2025-01-10 to 2027-01-31', 'retest wait 2025-02-06 to 2025-02-21']
    """
    status = evaluate(candidate, as_of=as_of, program=program)
    try:
        import matplotlib  # noqa: F401  # first, so a missing package fails whatever is cached
        import matplotlib.dates as mdates
        from matplotlib.axes import Axes as AxesType
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise MissingExtraError(
            'drawing needs matplotlib, which the "plot" extra installs (emrpath is not on a '
            'package index): from a clone of emrpath, pip install -e ".[plot]"; from a wheel, '
            'pip install "emrpath-VERSION-py3-none-any.whl[plot]"',
            field="matplotlib",
            rule=_RULE,
        ) from exc
    if ax is None:
        ax = Figure(figsize=(10, 4.2), layout="constrained").add_subplot()
    elif not isinstance(ax, AxesType):
        raise InputTypeError(
            f"must be a matplotlib Axes or None, got {type(ax).__name__}", field="ax", rule=_RULE
        )

    row = {name: len(_ROWS) - 1 - i for i, name in enumerate(_ROWS)}
    ax.xaxis_date()  # date units: ax.set_xlim(dt.date(...), dt.date(...)) zooms in
    kinds: dict[str, Artist] = {}  # one legend entry per kind of mark drawn
    notes: list[tuple[int, dt.date]] = []  # (row, last day) of each bar that says its end

    def num(day: dt.date) -> float:
        return float(mdates.date2num(day))  # type: ignore[no-untyped-call]  # untyped upstream

    def span(
        name: str,
        start: dt.date,
        last: dt.date,
        label: str,
        color: str,
        kind: str | None = None,
        *,
        alpha: float = 0.35,
        hatch: str | None = None,
        note: bool = True,
    ) -> None:
        # A window "valid through" its last day covers that whole day.
        (bar,) = ax.barh(
            row[name],
            (last - start).days + 1,
            left=num(start),
            height=0.5,
            color=color,
            alpha=alpha,
            hatch=hatch,
        ).patches
        bar.set_label(label)  # on the patch itself, where ax.patches shows it
        if kind is not None:
            kinds.setdefault(kind, bar)
        if note:
            notes.append((row[name], last))

    def mark(
        name: str,
        day: dt.date,
        label: str,
        marker: str,
        color: str,
        kind: str,
        *,
        below: bool = False,
    ) -> None:
        # An expected result goes just under its row, so it never hides its attempt.
        (line,) = ax.plot(
            [num(day)],
            [row[name] - (0.22 if below else 0.0)],
            marker=marker,
            color=color,
            markersize=6 if below else 8,
            linestyle="none",
            label=label,
        )
        kinds.setdefault(kind, line)

    course = candidate.course
    course_end = status.gate(GateName.COURSE).valid_until
    if course_end is not None:
        span(
            "course",
            course.completed_on,
            course_end,
            f"course window {course.completed_on} to {course_end}",
            _COLORS["course"],
        )
    for index, att in enumerate(candidate.authorizations, start=1):
        end = att_expiration_date(att.issued_on, course.completed_on, program=program)
        span(
            "authorization",
            att.issued_on,
            end,
            f"ATT {index} {att.issued_on} to {end}",
            _COLORS["authorization"],
        )
    for index, attempt in enumerate(candidate.attempts, start=1):
        day = attempt.taken_on
        if not attempt.passed:
            retest = earliest_retest_date(day, program=program)
            # The wait is the days before the retest date: it ends the day before.
            span(
                "cognitive exam",
                day,
                retest - dt.timedelta(days=1),
                f"retest wait {day} to {retest}",
                _COLORS["wait"],
                "retest wait",
                alpha=0.3,
                hatch="//",
                note=False,
            )
        outcome = "passed" if attempt.passed else "failed"
        score = f", score {attempt.scaled_score}" if attempt.scaled_score is not None else ""
        mark(
            "cognitive exam",
            day,
            f"attempt {index} {day} {outcome}{score}",
            "o" if attempt.passed else "X",
            _COLORS[outcome],
            f"{outcome} attempt",
        )
        result_on = expected_result_date(day, program=program)
        mark(
            "cognitive exam",
            result_on,
            f"result {index} expected {result_on}",
            "v",
            _COLORS["result"],
            "result expected",
            below=True,
        )
    cognitive = status.gate(GateName.COGNITIVE)
    passed = candidate.passed_attempt
    if passed is not None and cognitive.valid_until is not None:
        span(
            "cognitive exam",
            passed.taken_on,
            cognitive.valid_until,
            f"cognitive pass valid {passed.taken_on} to {cognitive.valid_until}",
            _COLORS["passed"],
            alpha=0.2,
        )
    if status.next_attempt_on is not None:
        mark(
            "cognitive exam",
            status.next_attempt_on,
            f"next attempt allowed {status.next_attempt_on}",
            ">",
            _COLORS["next"],
            "next attempt allowed",
        )
    skills = status.gate(GateName.SKILLS).valid_until
    if candidate.skills is not None and skills is not None:
        span(
            "skills",
            candidate.skills.passed_on,
            skills,
            f"skills valid {candidate.skills.passed_on} to {skills}",
            _COLORS["skills"],
        )
    cert = status.gate(GateName.CERTIFICATION)
    if cert.expected_on is not None and cert.valid_until is not None:
        span(
            "certification",
            cert.expected_on,
            cert.valid_until,
            f"certification {cert.expected_on} to {cert.valid_until}",
            _COLORS["certification"],
        )
    elif cert.expected_on is not None:
        mark(
            "certification",
            cert.expected_on,
            f"certification expected {cert.expected_on}",
            "*",
            _COLORS["certification"],
            "certification expected",
        )
    kinds["as of"] = ax.axvline(
        num(status.as_of),
        color=_COLORS["as_of"],
        linestyle="--",
        linewidth=1,
        label=f"as of {status.as_of}",
    )

    ax.set_yticks(range(len(_ROWS)), list(reversed(_ROWS)))
    ax.set_ylim(-0.6, len(_ROWS) - 0.4)
    locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.grid(axis="x", alpha=0.3)
    # The attempts' period, with room on the right for the "to <date>" notes.
    start, end = _window(candidate, status, program)
    width = float((end - start).days)
    # Never past the days a date can hold: matplotlib refuses to draw beyond them.
    left = max(num(start) - 0.03 * width, num(dt.date.min))
    right = min(num(end) + 1 + 0.22 * width, num(dt.date.max))
    ax.set_xlim(left, right)
    ax.legend(
        list(kinds.values()),
        list(kinds),
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncols=min(len(kinds), 4),
        fontsize=8,
        frameon=False,
    )
    ax.set_title(f"{status.program} pathway on {status.as_of}: {status.summary().split(' | ')[0]}")
    _place_notes(ax, notes, left=left, right=right, num=num)  # last: in the final layout
    return ax


# How far before the attempts' period the course completion, an authorization or the
# expected certification may lie and still be shown; the least width of the window.
_LOOK_BACK = dt.timedelta(days=120)
_MIN_WIDTH = dt.timedelta(days=60)


def _window(
    candidate: Candidate, status: PathwayStatus, program: Program
) -> tuple[dt.date, dt.date]:
    """The first and last day the x-axis shows: the attempts' period (see plot_pathway)."""
    attempts = [a.taken_on for a in candidate.attempts]
    core = [status.as_of, *attempts]
    core += [expected_result_date(day, program=program) for day in attempts]
    if status.next_attempt_on is not None:
        core.append(status.next_attempt_on)
    nearby = [candidate.course.completed_on]
    for att in candidate.authorizations:
        nearby.append(att.issued_on)
        nearby.append(
            att_expiration_date(att.issued_on, candidate.course.completed_on, program=program)
        )
    expected = status.gate(GateName.CERTIFICATION).expected_on
    if expected is not None:
        nearby.append(expected)
    earliest = min(core) - _LOOK_BACK
    shown = core + [day for day in nearby if day >= earliest]
    start, end = min(shown), max(shown)
    if end - start < _MIN_WIDTH:
        if start <= dt.date.max - _MIN_WIDTH:
            end = start + _MIN_WIDTH
        else:  # the last days a date can hold
            end = dt.date.max
            start = end - _MIN_WIDTH
    return start, end


def _place_notes(
    ax: Axes,
    notes: list[tuple[int, dt.date]],
    *,
    left: float,
    right: float,
    num: Callable[[dt.date], float],
) -> None:
    """Write each bar's "to <last day>" note inside the axes, where it overlaps no other.

    A note goes just after its bar's end; one that would not fit before the right edge
    (its bar runs into the margin or past the edge) goes at the edge, with an arrow; a bar
    that ends before the left edge is not in the picture, and has no note. One that would
    overlap a note already placed moves above or below its bar, in steps, until it
    overlaps none. Measured after the figure's layout, so call this last.
    """
    from matplotlib.figure import Figure

    figure = ax.figure  # a Figure, or a SubFigure whose .figure is the one that draws
    while figure is not None and not isinstance(figure, Figure):
        figure = figure.figure

    def annotate(row: int, last: dt.date, *, at_edge: bool) -> Annotation:
        if at_edge:
            return ax.annotate(
                f"to {last} \u2192",
                (1.0, row),
                xycoords=("axes fraction", "data"),
                xytext=(-3, 0),
                textcoords="offset points",
                ha="right",
                va="center",
                fontsize=7,
            )
        return ax.annotate(
            f"to {last}",
            (num(last) + 1, row),
            xytext=(3, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=7,
        )

    shown = sorted(
        (note for note in notes if num(note[1]) + 1 > left), key=lambda note: (note[1], note[0])
    )
    texts = [annotate(row, last, at_edge=num(last) + 1 >= right) for row, last in shown]
    if figure is None or not texts:
        return
    figure.draw_without_rendering()  # the layout engine sets the axes' final size
    edge = ax.get_window_extent().x1
    for index, (row, last) in enumerate(shown):
        if texts[index].get_window_extent().x1 > edge:  # runs past the edge: say it there
            texts[index].remove()
            texts[index] = annotate(row, last, at_edge=True)
    placed: list[Bbox] = []
    for text in texts:
        dx = text.xyann[0]
        for dy in _note_offsets():
            text.xyann = (dx, dy)
            box = text.get_window_extent()
            if not any(box.overlaps(other) for other in placed):
                break
        placed.append(box)


def _note_offsets() -> Iterator[float]:
    """Vertical offsets (points) to try for a note, nearest first, without end.

    On its row, then just above or below its bar (a bar is half a row high), then a line
    further out each time: a finite number of notes is always cleared.
    """
    yield 0.0
    step = 11.0
    while True:
        yield step
        yield -step
        step += 9.0
