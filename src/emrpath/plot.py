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
from collections.abc import Mapping
from typing import TYPE_CHECKING

from emrpath.errors import InputTypeError, MissingExtraError
from emrpath.pathway import evaluate
from emrpath.program import Program
from emrpath.records import Candidate
from emrpath.rules import att_expiration_date, earliest_retest_date, expected_result_date
from emrpath.status import GateName

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

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
        InputTypeError: ``ax`` is not a matplotlib ``Axes``; and what
            :func:`emrpath.evaluate` raises for bad records or dates.

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
    drawn: list[dt.date] = [status.as_of]  # every date drawn, to frame the picture

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
        drawn.extend((start, last))
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
            ax.annotate(
                f"to {last}",
                (num(last) + 1, row[name]),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=7,
            )

    def mark(name: str, day: dt.date, label: str, marker: str, color: str, kind: str) -> None:
        drawn.append(day)
        (line,) = ax.plot(
            [num(day)],
            [row[name]],
            marker=marker,
            color=color,
            markersize=8,
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
    # Room on the right for the "to <date>" notes; the legend goes under the axis.
    first, last = num(min(drawn)), num(max(drawn))
    pad = max(last - first, 30.0)
    ax.set_xlim(first - 0.02 * pad, last + 0.14 * pad)
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
    return ax
