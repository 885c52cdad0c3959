"""The retake plan: an error log sorted into the seed's five buckets, and what to repair.

:func:`retake_plan` answers what to repair after a failed attempt, and when. The misses of
an :class:`ErrorLog` are counted per :class:`~emrpath.retake_advice.MissBucket`; the one
or two buckets that cost the most are the focus, each with the fix the program's
``retake_advice`` gives for it
(:mod:`emrpath.retake_advice`; a program that ships no advice gets the focus without
study fixes, and a reason that says so). The plan gives the earliest retest date, the days
available before it, whether the retest still fits the course window and the attempts
left, and the timeline of the remaining attempts (:mod:`emrpath.planning.timeline`). The
dates and counts are read from the program's rules through :func:`emrpath.evaluate` and
the rule functions, never from literals here.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> failed = ep.ExamAttempt(dt.date(2025, 7, 11), passed=False)
    >>> person = ep.Candidate(ep.CourseCompletion(dt.date(2025, 5, 2)), [failed])
    >>> log = ErrorLog([Miss("scope"), Miss("scope"), Miss("pacing")])
    >>> plan = retake_plan(log, failed, person, as_of=dt.date(2025, 7, 14), program=ep.NREMT_EMR)
    >>> plan.next_attempt_on, [f.bucket.value for f in plan.focus]
    (datetime.date(2025, 7, 26), ['scope', 'pacing'])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from emrpath._dates import optional_notebook_day
from emrpath._seed import seed_citation
from emrpath._table import (
    Html,
    cell,
    data_frame,
    html_block,
    html_list,
    html_paragraph,
    html_table,
    key_values,
    reason_html,
    text_table,
)
from emrpath._validators import plain_date, require, sequence_of
from emrpath.errors import InvalidRecordError
from emrpath.params import Confidence, ParamReader, weakest
from emrpath.pathway import evaluate
from emrpath.planning.timeline import AttemptTimeline, timeline_after
from emrpath.program import Program, check_program
from emrpath.records import Candidate, ExamAttempt
from emrpath.retake_advice import BUCKET_FIXES, BucketFix, MissBucket
from emrpath.rules import course_expiration_date, earliest_retest_date
from emrpath.status import GateName, Reason

__all__ = [
    "BUCKET_FIXES",
    "BucketFix",
    "ErrorLog",
    "Miss",
    "MissBucket",
    "RetakePlan",
    "retake_plan",
]

_RULE = "retake planning"

# The seed's advice, without its "mandatory 15-day waiting period" (NREMT's wait): the
# wait itself is cited from the program's own retest_wait provision.
_FOCUS = seed_citation("attack the one or two buckets that cost you the most, then retest.")


# ---------------------------------------------------------------------------------------
# the error log


def _costliest(counts: Mapping[MissBucket, int]) -> tuple[MissBucket, ...]:
    """The one or two buckets with the most misses; a tie keeps the seed's order."""
    order = list(MissBucket)
    ranked = sorted(
        (b for b, n in counts.items() if n), key=lambda b: (-counts[b], order.index(b))
    )
    return tuple(ranked[:2])


def _bucket(value: object) -> MissBucket:
    return MissBucket.parse(value, field="Miss.bucket")


def _note(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    require(value, str, field="Miss.note", rule=_RULE)


@attrs.frozen(slots=True)
class Miss:
    """One missed item of an attempt, classified into a bucket.

    Args:
        bucket: A :class:`~emrpath.retake_advice.MissBucket` or its value (``"sequence"``).
        note: What was missed, in the candidate's words (optional).

    Example:
        >>> Miss("reading", "missed 'unresponsive' in the stem").bucket
        <MissBucket.READING: 'reading'>
    """

    bucket: MissBucket = attrs.field(converter=_bucket)
    note: str = attrs.field(default="", validator=_note)


def _misses(value: object) -> tuple[Miss, ...]:
    return sequence_of(value, Miss, field="ErrorLog.misses", rule=_RULE)


@attrs.frozen(slots=True)
class ErrorLog:
    """The classified misses of one attempt.

    Args:
        misses: The missed items (an empty log is allowed: nothing to focus on).
        attempt_on: The date of the attempt the log is for (``None``: not recorded);
            :func:`retake_plan` checks it against the failed attempt.

    Example:
        >>> log = ErrorLog([Miss("scope"), Miss("scope"), Miss("pacing"), Miss("sequence")])
        >>> log.counts()[MissBucket.SCOPE], [b.value for b in log.costliest()]
        (2, ['scope', 'sequence'])
    """

    misses: tuple[Miss, ...] = attrs.field(default=(), converter=_misses)
    attempt_on: dt.date | None = attrs.field(
        default=None,
        kw_only=True,
        converter=optional_notebook_day,
        validator=plain_date(_RULE, optional=True),
    )

    def counts(self) -> dict[MissBucket, int]:
        """Misses per bucket, every bucket present, in the seed's order.

        Example:
            >>> log = ErrorLog([Miss("scope"), Miss("pacing"), Miss("pacing")])
            >>> {bucket.value: n for bucket, n in log.counts().items()}
            {'domain_knowledge': 0, 'sequence': 0, 'scope': 1, 'reading': 0, 'pacing': 2}
        """
        counts = dict.fromkeys(MissBucket, 0)
        for miss in self.misses:
            counts[miss.bucket] += 1
        return counts

    def costliest(self) -> tuple[MissBucket, ...]:
        """The one or two buckets that cost the most misses.

        Buckets with misses, most misses first; a tie keeps the seed's order (domain
        knowledge, sequence, scope, reading, pacing). Two when two or more buckets have
        misses, one when only one has, none for an empty log.

        Example:
            >>> log = ErrorLog([Miss("reading"), Miss("pacing"), Miss("pacing"), Miss("scope")])
            >>> [bucket.value for bucket in log.costliest()]
            ['pacing', 'scope']
            >>> ErrorLog([Miss("reading")]).costliest(), ErrorLog().costliest()
            ((<MissBucket.READING: 'reading'>,), ())
        """
        return _costliest(self.counts())


# ---------------------------------------------------------------------------------------
# the retake plan


@attrs.frozen(slots=True, repr=False)
class RetakePlan:
    """What to repair after a failed attempt, and when the retest can be.

    Attributes:
        program: The program's key.
        as_of: The date of the plan.
        failed_on: The date of the failed attempt.
        scaled_score: Its scaled score, when the report gave one.
        points_below_passing: How far below the passing point that score is.
        earliest_retest_on: The earliest retest date after the failed attempt; ``None``
            when no attempt is allowed without a new course (or route): the plan then
            offers no retest date and says what must come first.
        next_attempt_on: The earliest date on or after ``as_of`` the next attempt is
            allowed (``None``: none is, without a new course or route).
        course_expires_on: The last day the course qualifies for testing.
        fits_course_window: Whether the earliest retest is inside the course window
            (``False`` when there is none).
        attempts_used: Attempts used under the course (or route), the failed one included.
        attempts_remaining: Attempts left.
        remediation_required: Whether a new course (or route) is needed first.
        days_available: Days from ``as_of`` to ``next_attempt_on``: the repair time before
            the earliest retest (``None`` when no attempt is open).
        days_left_in_course_window: Days from ``as_of`` to the course expiration
            (negative once it has passed).
        counts: Misses per bucket, every bucket, in the seed's order.
        focus: The fixes for the one or two buckets that cost the most (none when the log
            is empty, or when the program ships no retake advice).
        timeline: The remaining attempts from ``next_attempt_on`` (``None`` when no
            attempt is open).
        reasons: The rules applied, cited.
        confidence: The weakest confidence among the parameters and sources read.
        fixes: The program's fix for every bucket, in the seed's order (empty when the
            program ships no retake advice).

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> attempt = ep.ExamAttempt(dt.date(2025, 7, 11), passed=False, scaled_score=905)
        >>> person = ep.Candidate(course=ep.CourseCompletion(dt.date(2025, 5, 2)), attempts=[attempt])
        >>> log = ErrorLog([Miss("scope"), Miss("scope"), Miss("pacing")])
        >>> plan = retake_plan(log, attempt, person, as_of=dt.date(2025, 7, 14),
        ...     program=ep.NREMT_EMR)
        >>> print(plan.summary())
        retest from: 2025-07-26 | days available: 12 | attempts remaining: 2 | focus: scope errors, pacing errors | weakest source: secondary
        >>> plan.to_rows()[2]
        {'bucket': 'scope', 'misses': 2, 'focus': True, 'fix': 'the can/cannot list memorized'}
    """  # noqa: E501

    program: str
    as_of: dt.date
    failed_on: dt.date
    scaled_score: int | None
    points_below_passing: int | None
    earliest_retest_on: dt.date | None
    next_attempt_on: dt.date | None
    course_expires_on: dt.date
    fits_course_window: bool
    attempts_used: int
    attempts_remaining: int
    remediation_required: bool
    days_available: int | None
    days_left_in_course_window: int
    counts: tuple[tuple[MissBucket, int], ...]
    focus: tuple[BucketFix, ...]
    timeline: AttemptTimeline | None
    reasons: tuple[Reason, ...]
    confidence: Confidence
    fixes: tuple[BucketFix, ...] = ()

    @property
    def retest_possible(self) -> bool:
        """Whether a retest is allowed under the current course (or route).

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2025, 5, 2))
            >>> first = ep.ExamAttempt(dt.date(2025, 7, 11), passed=False)
            >>> plan = retake_plan(ErrorLog(), first, ep.Candidate(course, [first]),
            ...                       as_of=dt.date(2025, 7, 14), program=ep.NREMT_EMR)
            >>> plan.retest_possible
            True
            >>> third = [ep.ExamAttempt(dt.date(2025, 6 + m, 2), passed=False) for m in range(3)]
            >>> retake_plan(ErrorLog(), third[-1], ep.Candidate(course, third),
            ...                as_of=dt.date(2025, 8, 14), program=ep.NREMT_EMR).retest_possible
            False
        """
        return self.next_attempt_on is not None

    @property
    def costliest(self) -> tuple[MissBucket, ...]:
        """The one or two buckets that cost the most misses (see :meth:`ErrorLog.costliest`).

        The buckets the plan focuses on, whether or not the program gives a fix for them.

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2025, 1, 10), route="route 1")
            >>> failed = ep.ExamAttempt(dt.date(2025, 3, 3), passed=False)
            >>> log = ErrorLog([Miss("reading"), Miss("reading"), Miss("pacing")])
            >>> plan = retake_plan(log, failed, ep.Candidate(course, [failed]),
            ...                       as_of=dt.date(2025, 3, 10), program=ep.ASCP_MLS)
            >>> [b.value for b in plan.costliest], plan.focus
            (['reading', 'pacing'], ())
        """
        return _costliest(dict(self.counts))

    def _fix_of(self) -> dict[MissBucket, str]:
        return {f.bucket: f.fix for f in (*self.focus, *self.fixes)}

    def to_rows(self) -> list[dict[str, Any]]:
        """One dict per bucket: misses, whether it is a focus, and its fix (``None``: none).

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2025, 5, 2))
            >>> failed = ep.ExamAttempt(dt.date(2025, 7, 11), passed=False)
            >>> log = ErrorLog([Miss("pacing")])
            >>> plan = retake_plan(log, failed, ep.Candidate(course, [failed]),
            ...                       as_of=dt.date(2025, 7, 14), program=ep.NREMT_EMR)
            >>> plan.to_rows()[-1]
            {'bucket': 'pacing', 'misses': 1, 'focus': True, 'fix': 'timed practice'}
        """
        focus, fixes = set(self.costliest), self._fix_of()
        return [
            {
                "bucket": bucket.value,
                "misses": n,
                "focus": bucket in focus,
                "fix": fixes.get(bucket),
            }
            for bucket, n in self.counts
        ]

    def to_frame(self) -> Any:
        """:meth:`to_rows` as a ``pandas.DataFrame``, one row per bucket.

        Raises:
            MissingExtraError: pandas is not installed (the ``notebook`` extra installs it).

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2025, 5, 2))
            >>> failed = ep.ExamAttempt(dt.date(2025, 7, 11), passed=False)
            >>> plan = retake_plan(ErrorLog([Miss("pacing")]), failed,
            ...     ep.Candidate(course, [failed]), as_of=dt.date(2025, 7, 14),
            ...     program=ep.NREMT_EMR)
            >>> plan.to_frame().set_index("bucket").loc["pacing", "fix"]
            'timed practice'
        """
        return data_frame(self.to_rows(), ("bucket", "misses", "focus", "fix"), rule=_RULE)

    def _cells(self) -> list[tuple[str, ...]]:
        focus, fixes = set(self.costliest), self._fix_of()
        return [
            (bucket.label, str(n), "yes" if bucket in focus else "", fixes.get(bucket, ""))
            for bucket, n in self.counts
        ]

    def summary(self) -> str:
        """The answer on one line.

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> used = [ep.ExamAttempt(dt.date(2025, 6 + m, 2), passed=False) for m in range(3)]
            >>> person = ep.Candidate(ep.CourseCompletion(dt.date(2025, 5, 2)), used)
            >>> log = ErrorLog([Miss("scope")])
            >>> print(retake_plan(log, used[-1], person, as_of=dt.date(2025, 8, 14),
            ...     program=ep.NREMT_EMR).summary())
            retest from: none | days available: none | attempts remaining: 0 | \
focus: scope errors | weakest source: secondary
        """
        focus = ", ".join(bucket.label for bucket in self.costliest) or "nothing logged"
        return (
            f"retest from: {cell(self.next_attempt_on) or 'none'}"
            f" | days available: {cell(self.days_available) or 'none'}"
            f" | attempts remaining: {self.attempts_remaining}"
            f" | focus: {focus}"
            f" | weakest source: {self.confidence.value}"
        )

    def __str__(self) -> str:
        lines = [f"{self.program} retake plan on {cell(self.as_of)}"]
        score = (
            f"{self.scaled_score} ({self.points_below_passing} below passing)"
            if self.scaled_score is not None
            else ""
        )
        lines += key_values(
            [
                pair
                for pair in (
                    ("failed attempt", self.failed_on),
                    ("scaled score", score),
                    ("earliest retest", self.earliest_retest_on or "none"),
                    ("next attempt", self.next_attempt_on or "none open"),
                    ("course qualifies through", self.course_expires_on),
                    ("attempts", f"{self.attempts_used} used, {self.attempts_remaining} left"),
                )
                if pair[1] != ""
            ]
        )
        head, rule, rows = text_table(
            ("bucket", "misses", "focus", "fix"), self._cells(), right={1}
        )
        lines += ["  " + line for line in (head, rule, *rows)]
        lines += [f"    - {reason}" for reason in self.reasons]
        if self.timeline is not None:
            lines += ["  " + line for line in self.timeline.text_lines()]
        lines.append(self.summary())
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"<RetakePlan {self.program} as_of={self.as_of.isoformat()} "
            f"next_attempt_on={self.next_attempt_on} attempts_remaining="
            f"{self.attempts_remaining} focus={[bucket.value for bucket in self.costliest]}>"
        )

    def _repr_html_(self) -> str:
        buckets = html_table(("bucket", "misses", "focus", "fix"), self._cells(), right={1})
        timeline = "" if self.timeline is None else self.timeline.html()
        return html_block(
            self.program,
            f" retake plan on {cell(self.as_of)}",
            buckets,
            html_list([reason_html(r) for r in self.reasons]),
            Html(timeline),
            html_paragraph(self.summary()),
        )


def _focus_reason(
    log: ErrorLog,
    focus: tuple[BucketFix, ...],
    *,
    program: Program,
    reader: ParamReader,
    failed_on: dt.date,
    completed_on: dt.date,
    retest_possible: bool,
    remedial_training_due: bool,
    next_attempt: int,
) -> Reason:
    """What to work on, and when: the costliest buckets with the program's fixes for them.

    With an attempt left, the work fills the wait before the retest; without one, it
    comes after what the program requires first (a new course, another route), and no
    retest is offered. When remedial training is due before the next attempt, the
    training comes first and the advice aims it, never "then retest".
    """
    wait = reader.read(program.retest_wait, failed_on)
    costliest = log.costliest()
    if not costliest:
        return Reason(
            "nothing_logged",
            "The error log holds no misses, so no bucket can be targeted; classify the "
            "misses from the score report and your own notes.",
            None,
            _FOCUS,
            Confidence.SECONDARY,
        )
    counts = log.counts()
    if focus:
        work = "; ".join(f"{f} ({counts[f.bucket]} missed)" for f in focus) + "."
    else:
        work = "; ".join(f"{b.label} ({counts[b]} missed)" for b in costliest)
        work += f". The {program.key} program ships no retake advice: no study fix is given."
    if not retest_possible:
        limit = reader.read(program.attempt_limit, completed_on)
        return Reason(
            "retake_focus",
            f"No further attempt under this {limit.value.scope.noun}: first "
            f"{limit.value.after_limit.next_step}. Then work on the buckets that cost the "
            f"most: {work}",
            "attempt_limit",
            limit.citation,
            weakest([limit.confidence, *(f.confidence for f in focus)]),
        )
    if remedial_training_due:
        limit = reader.read(program.attempt_limit, completed_on)
        remedial = limit.value.remedial
        needed = "documented remedial training" if remedial is None else remedial.what_satisfies()
        return Reason(
            "retake_focus",
            f"Before attempt {next_attempt}, first complete and document {needed} (it does "
            "not extend the course). Aim it, and the study around it, at the buckets that "
            f"cost the most: {work}",
            "attempt_limit",
            limit.citation,
            weakest([limit.confidence, *(f.confidence for f in focus)]),
        )
    return Reason(
        "retake_focus",
        f"Use the wait ({wait.value.describe()}) on the buckets that cost the most, then "
        f"retest: {work}",
        "retest_wait",
        wait.citation,
        # the wait is the program's rule; what to do with it is the program's advice
        weakest([wait.confidence, *(f.confidence for f in focus)]),
    )


def retake_plan(
    log: ErrorLog,
    failed_attempt: ExamAttempt,
    candidate: Candidate,
    *,
    as_of: dt.date | dt.datetime,
    program: Program,
) -> RetakePlan:
    """Plan the retake after ``failed_attempt``: what to repair, and by when.

    Reuses :func:`emrpath.evaluate` for the attempt count, the next attempt date and
    whether a new course is needed, and the rule functions for the retest and course
    dates. The focus is the log's one or two costliest buckets, each with the fix the
    program's ``retake_advice`` gives for it; a program without advice gets the same plan
    with no study fixes (``focus`` and ``fixes`` empty), and its focus reason says so.

    Args:
        log: The classified misses of the failed attempt.
        failed_attempt: The failed attempt: the candidate's last attempt.
        candidate: The candidate's course and attempts (and other records).
        as_of: The date of the plan (no clock is read).
        program: The program whose rules apply.

    Returns:
        A :class:`RetakePlan`.

    Raises:
        InputTypeError: An argument of the wrong type.
        InvalidRecordError: ``failed_attempt`` is not the candidate's last attempt, or it
            passed, or the log is dated for another attempt; anything
            :func:`emrpath.evaluate` refuses.
        NaiveDatetimeError: ``as_of`` is a datetime without a timezone.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> failed = ep.ExamAttempt(dt.date(2025, 7, 11), passed=False, scaled_score=905)
        >>> candidate = ep.Candidate(
        ...     course=ep.CourseCompletion(dt.date(2025, 5, 2), verified_on=dt.date(2025, 5, 9)),
        ...     attempts=[failed],
        ...     skills=ep.SkillsCompetency(dt.date(2025, 4, 28)),
        ... )
        >>> log = ErrorLog([Miss("sequence"), Miss("sequence"), Miss("reading")])
        >>> plan = retake_plan(log, failed, candidate, as_of=dt.date(2025, 7, 14),
        ...     program=ep.NREMT_EMR)
        >>> plan.next_attempt_on, plan.days_available, plan.attempts_remaining
        (datetime.date(2025, 7, 26), 12, 2)
        >>> [str(f) for f in plan.focus]
        ['sequence errors: priority-ladder drills', 'reading errors: slower, deliberate stem reading']
    """  # noqa: E501
    program = check_program(program, _RULE)
    require(log, ErrorLog, field="log", rule=_RULE)
    require(failed_attempt, ExamAttempt, field="failed_attempt", rule=_RULE)
    require(candidate, Candidate, field="candidate", rule=_RULE)
    if not candidate.attempts or candidate.attempts[-1] != failed_attempt:
        raise InvalidRecordError(
            "must be the candidate's last attempt; a retake is planned after the latest one",
            field="failed_attempt",
            rule=_RULE,
        )
    if failed_attempt.passed:
        raise InvalidRecordError(
            "is a passed attempt; there is nothing to retake",
            field="failed_attempt.passed",
            rule=_RULE,
        )
    failed_on = failed_attempt.taken_on
    if log.attempt_on is not None and log.attempt_on != failed_on:
        raise InvalidRecordError(
            f"the log is for the attempt on {log.attempt_on}, not the failed attempt on "
            f"{failed_on}",
            field="log.attempt_on",
            rule=_RULE,
        )
    status = evaluate(candidate, as_of=as_of, program=program)
    today = status.as_of
    reader = ParamReader()
    # No retest date is offered when no attempt is allowed without a new course or route.
    retest_possible = status.next_attempt_on is not None
    retest_on = earliest_retest_date(failed_on, program=program) if retest_possible else None
    course_end = course_expiration_date(candidate.course.completed_on, program=program)
    scale = reader.read(program.score_scale, failed_on).value
    score = failed_attempt.scaled_score
    below = None if score is None or scale is None else scale.passing - score
    reasons = [
        reason
        for reason in status.gate(GateName.COGNITIVE).reasons
        if retest_possible or reason.code != "retest_wait"
    ]
    advice = (
        None if program.retake_advice is None else reader.read(program.retake_advice, today).value
    )
    focus = () if advice is None else tuple(advice.fix(bucket) for bucket in log.costliest())
    reasons.append(
        _focus_reason(
            log,
            focus,
            program=program,
            reader=reader,
            failed_on=failed_on,
            completed_on=candidate.course.completed_on,
            retest_possible=retest_possible,
            remedial_training_due=status.remedial_training_due,
            next_attempt=status.attempts_used + 1,
        )
    )
    timeline = timeline_after(candidate, status, program=program)
    levels = [status.confidence, timeline.confidence if timeline else Confidence.PRIMARY]
    levels += [reader.weakest] + [r.confidence for r in reasons]
    return RetakePlan(
        program=program.key,
        as_of=today,
        failed_on=failed_on,
        scaled_score=score,
        points_below_passing=below,
        earliest_retest_on=retest_on,
        next_attempt_on=status.next_attempt_on,
        course_expires_on=course_end,
        fits_course_window=retest_on is not None and retest_on <= course_end,
        attempts_used=status.attempts_used,
        attempts_remaining=status.attempts_remaining,
        remediation_required=status.remediation_required,
        days_available=(
            None if status.next_attempt_on is None else (status.next_attempt_on - today).days
        ),
        days_left_in_course_window=(course_end - today).days,
        counts=tuple(log.counts().items()),
        focus=focus,
        timeline=timeline,
        reasons=tuple(reasons),
        confidence=weakest(levels),
        fixes=() if advice is None else advice.fixes,
    )
