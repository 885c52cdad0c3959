"""After certification: recertification, the late (reinstatement) period and lapse.

:func:`recertification_status` answers, for one certification on one date, where its
holder stands: which cycle they are in, which education counts toward it, how much of
each component is earned against the requirement, when the application window opens
and closes, how long late applications (reinstatement) are accepted and when the
certification lapses. Every number comes from the program's lifecycle parameters
(``recert_cycle``, ``ce_requirement``, ``ce_window``, ``recert_window``, and
``recert_exam`` where the program offers recertification by exam), so the same function
serves NREMT EMR (16 NCCP hours, April–September window, lapse after October 31) and
ASCP MLS (36 CMP points, declaration one month before expiry, reinstatement without a
time limit).

The lifecycle parameters are read on the cycle's *nominal start*, the day after the
previous expiration date (``recert_cycle`` itself is read on the expiration date), so a
requirement "beginning October 1, 2025" governs the cycle that starts then.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> cert = ep.Certification(dt.date(2023, 8, 10))
    >>> hours = [
    ...     ep.ContinuingEducation(dt.date(2025, 2, 1), 8, "national"),
    ...     ep.ContinuingEducation(dt.date(2025, 3, 1), 4, "local"),
    ... ]
    >>> status = ep.recertification_status(cert, hours, as_of=dt.date(2026, 5, 1),
    ...     program=ep.NREMT_EMR)
    >>> status.state, status.expires_on, status.total_earned, status.requirements_met
    (<RecertificationState.OPEN: 'open'>, datetime.date(2026, 9, 30), Decimal('12'), False)
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from emrpath._dates import add_days
from emrpath._table import (
    data_frame,
    html_block,
    html_paragraph,
    html_table,
    key_values,
    reason_html,
    text_table,
)
from emrpath._validators import amount_text, sequence_of, shown
from emrpath.errors import InputTypeError, InvalidRecordError, NoRuleInForceError, UnknownNameError
from emrpath.params import Confidence, Param, ParamReader, Provision
from emrpath.policies import (
    CeComponent,
    CeRequirement,
    CertificationTerm,
    CeWindow,
    RecertExam,
    RecertificationCycle,
    RecertWindow,
)
from emrpath.program import Program, check_program
from emrpath.records import Certification, ContinuingEducation, ExamAttempt
from emrpath.rules.scores import check_score
from emrpath.status import Reason

__all__ = [
    "ComponentProgress",
    "RecertificationState",
    "RecertificationStatus",
    "TopicProgress",
    "recertification_status",
]

T = TypeVar("T")

_RULE = "recertification"
_ZERO = Decimal(0)


class RecertificationState(enum.Enum):
    """Where a certification stands in its cycle on ``as_of``, in time order.

    ``NOT_TIME_LIMITED``: it never expires; nothing is due. ``NOT_YET_OPEN``: before the
    application window. ``OPEN``: the window is open. ``PAST_DUE``: the submission date
    has passed but the certification has not yet expired (programs whose due date comes
    before expiry). ``REINSTATEMENT``: expired; a late application (reinstatement) is
    still accepted. ``LAPSED``: the late period is over.
    """

    NOT_TIME_LIMITED = "not_time_limited"
    NOT_YET_OPEN = "not_yet_open"
    OPEN = "open"
    PAST_DUE = "past_due"
    REINSTATEMENT = "reinstatement"
    LAPSED = "lapsed"

    @property
    def rank(self) -> int:
        """Position in time order (0 for ``NOT_TIME_LIMITED``).

        Example:
            >>> import emrpath as ep
            >>> cert = ep.Certification(dt.date(2023, 8, 10))  # expires 2026-09-30
            >>> days = [dt.date(2026, m, 15) for m in (3, 5, 10)] + [dt.date(2026, 11, 1)]
            >>> [ep.recertification_status(cert, [], as_of=day,
            ...     program=ep.NREMT_EMR).state.rank for day in days]
            [1, 2, 4, 5]
        """
        return list(RecertificationState).index(self)


@attrs.frozen(slots=True)
class TopicProgress:
    """Earned against required for one topic of a component."""

    name: str
    required: Decimal
    earned: Decimal

    @property
    def short(self) -> Decimal:
        """How much is still missing (0 when met).

        Example:
            >>> import emrpath as ep
            >>> cert = ep.Certification(dt.date(2021, 8, 10))  # a cycle under the 2016 model
            >>> ce = ep.ContinuingEducation
            >>> hours = [
            ...     ce(dt.date(2023, 2, 1), 1, "national", topic="airway"),
            ...     ce(dt.date(2023, 3, 1), 2, "national", topic="cardiovascular"),
            ... ]
            >>> status = ep.recertification_status(cert, hours, as_of=dt.date(2024, 5, 1),
            ...     program=ep.NREMT_EMR)
            >>> airway, cardio = status.component("national").topics[:2]
            >>> cardio.name, cardio.required, cardio.earned, cardio.short
            ('cardiovascular', Decimal('2.5'), Decimal('2'), Decimal('0.5'))
            >>> airway.short
            Decimal('0')
        """
        return max(self.required - self.earned, _ZERO)

    @property
    def met(self) -> bool:
        """Whether the topic's minimum is reached.

        Example:
            >>> import emrpath as ep
            >>> cert = ep.Certification(dt.date(2021, 8, 10))  # a cycle under the 2016 model
            >>> medical = ep.ContinuingEducation(dt.date(2023, 3, 1), 3, "national", "medical")
            >>> national = ep.recertification_status(
            ...     cert, [medical], as_of=dt.date(2024, 5, 1), program=ep.NREMT_EMR
            ... ).component("national")
            >>> [topic.name for topic in national.topics if topic.met]
            ['medical']
        """
        return self.earned >= self.required


@attrs.frozen(slots=True)
class ComponentProgress:
    """Earned against required for one component, with its topics."""

    name: str
    required: Decimal
    earned: Decimal
    topics: tuple[TopicProgress, ...] = ()

    @property
    def short(self) -> Decimal:
        """How much of the component's own minimum is still missing (0 when met).

        Example:
            >>> import emrpath as ep
            >>> mls = ep.Certification(dt.date(2025, 6, 10))
            >>> chemistry = ep.ContinuingEducation(dt.date(2026, 4, 2), 1.5, "chemistry")
            >>> status = ep.recertification_status(
            ...     mls, [chemistry], as_of=dt.date(2027, 1, 4), program=ep.ASCP_MLS
            ... )
            >>> [(part.name, part.short) for part in status.components[:3]]
            [('blood_banking', Decimal('2')), ('chemistry', Decimal('0.5')),
             ('hematology', Decimal('2'))]
        """
        return max(self.required - self.earned, _ZERO)

    @property
    def met(self) -> bool:
        """Whether the component's minimum and every topic minimum are reached.

        Example:
            >>> import emrpath as ep
            >>> cert = ep.Certification(dt.date(2023, 8, 10))  # a cycle under the 2016 model
            >>> hours = [
            ...     ep.ContinuingEducation(dt.date(2025, 2, 1), 8, "national"),
            ...     ep.ContinuingEducation(dt.date(2025, 3, 1), 4, "local"),
            ... ]
            >>> status = ep.recertification_status(cert, hours, as_of=dt.date(2026, 5, 1),
            ...     program=ep.NREMT_EMR)
            >>> national, individual = status.component("national"), status.component("individual")
            >>> national.short, national.met  # 8 hours, none of them in the model's topics
            (Decimal('0'), False)
            >>> [topic.name for topic in national.topics if not topic.met]
            ['airway', 'cardiovascular', 'trauma', 'medical', 'operations']
        """
        return self.earned >= self.required and all(t.met for t in self.topics)


@attrs.frozen(slots=True, repr=False)
class RecertificationStatus:
    """What :func:`recertification_status` concludes about a certification on ``as_of``.

    Attributes:
        program: The program's key.
        as_of: The date asked about.
        certified_on: The first issue date.
        expires_on: The current expiration date (``None``: not time-limited).
        state: Where the certification stands (see :class:`RecertificationState`).
        cycle_start: The first day of the current cycle.
        window_opens_on: The first day an application is accepted.
        due_on: The last day of the regular window.
        reinstatement_until: The last day of the late (reinstatement) period; ``None``
            when no limit was found or the certification is not time-limited.
        lapses_on: The first day the certification has lapsed; ``None``: it never
            lapses (no time limit on reinstatement, or not time-limited).
        counts_from: First day education counts toward this cycle.
        counts_through: Last day education counts toward this cycle.
        unit: What the requirement counts (``"hours"``, ``"points"``).
        components: Earned against required, per component (and topic).
        total_required: The total the cycle needs.
        total_earned: Everything earned inside the window.
        education_met: Every component, topic and the total are reached.
        exam_passed: Whether recertification by exam was passed (``None``: no attempt).
        exam_attempts_remaining: Recertification-by-exam attempts left in the cycle
            (``None``: the program offers none).
        requirements_met: The education is complete, or the exam was passed.
        next_expires_on: The expiration date after a recertification of this cycle.
        reasons: Each step, with the rule it applied and its citation.
        confidence: The weakest confidence among the parameters read.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> status = ep.recertification_status(
        ...     ep.Certification(dt.date(2023, 8, 10)),
        ...     [ep.ContinuingEducation(dt.date(2025, 2, 1), 4, "local")],
        ...     as_of=dt.date(2026, 5, 1),
        ...     program=ep.NREMT_EMR,
        ... )
        >>> status.component("local").met, status.component("national").short
        (True, Decimal('8'))
        >>> status.to_rows()[-1]["earned"]
        Decimal('4')
        >>> status.summary()
        'state: open | expires: 2026-09-30 | requirements met: no | lapses: 2026-11-01 | \
weakest source: primary'
    """

    program: str
    as_of: dt.date
    certified_on: dt.date
    expires_on: dt.date | None
    state: RecertificationState
    cycle_start: dt.date
    window_opens_on: dt.date | None
    due_on: dt.date | None
    reinstatement_until: dt.date | None
    lapses_on: dt.date | None
    counts_from: dt.date | None
    counts_through: dt.date | None
    unit: str
    components: tuple[ComponentProgress, ...]
    total_required: Decimal
    total_earned: Decimal
    education_met: bool
    exam_passed: bool | None
    exam_attempts_remaining: int | None
    requirements_met: bool
    next_expires_on: dt.date | None
    reasons: tuple[Reason, ...]
    confidence: Confidence

    def component(self, name: str) -> ComponentProgress:
        """The progress of the component called ``name``.

        Raises:
            UnknownNameError: No component has that name.

        Example:
            >>> import emrpath as ep
            >>> cert = ep.Certification(dt.date(2025, 6, 10))
            >>> points = [ep.ContinuingEducation(dt.date(2026, 4, 2), 1.5, "safety")]
            >>> status = ep.recertification_status(
            ...     cert, points, as_of=dt.date(2027, 1, 4), program=ep.ASCP_MLS
            ... )
            >>> status.component("safety").earned, status.component("safety").met
            (Decimal('1.5'), True)
            >>> status.component("national")
            Traceback (most recent call last):
            ...
            emrpath.errors.UnknownNameError: name: unknown component 'national'; known: [...] \
            (rule: recertification)
        """
        for item in self.components:
            if item.name == name:
                return item
        raise UnknownNameError(
            f"unknown component {shown(name)}; known: {[c.name for c in self.components]}",
            field="name",
            rule=_RULE,
        )

    def to_rows(self) -> list[dict[str, Any]]:
        """One dict per component and topic, then the total: ready for a DataFrame.

        Example:
            >>> import emrpath as ep
            >>> cert = ep.Certification(dt.date(2025, 3, 10))  # expires 2027-09-30: 2025 model
            >>> hours = [
            ...     ep.ContinuingEducation(dt.date(2026, 2, 1), 8, "national"),
            ...     ep.ContinuingEducation(dt.date(2026, 3, 1), 4, "local"),
            ... ]
            >>> status = ep.recertification_status(cert, hours, as_of=dt.date(2027, 5, 1),
            ...     program=ep.NREMT_EMR)
            >>> for row in status.to_rows():
            ...     print(row["component"], row["required"], row["earned"], row["met"])
            national 8 8 True
            local 4 4 True
            individual 4 0 False
            total 16 12 False
        """
        rows: list[dict[str, Any]] = []
        for comp in self.components:
            rows.append(
                {
                    "component": comp.name,
                    "topic": None,
                    "unit": self.unit,
                    "required": comp.required,
                    "earned": comp.earned,
                    "short": comp.short,
                    "met": comp.met,
                }
            )
            for topic in comp.topics:
                rows.append(
                    {
                        "component": comp.name,
                        "topic": topic.name,
                        "unit": self.unit,
                        "required": topic.required,
                        "earned": topic.earned,
                        "short": topic.short,
                        "met": topic.met,
                    }
                )
        rows.append(
            {
                "component": "total",
                "topic": None,
                "unit": self.unit,
                "required": self.total_required,
                "earned": self.total_earned,
                "short": max(self.total_required - self.total_earned, _ZERO),
                "met": self.total_earned >= self.total_required,
            }
        )
        return rows

    def to_frame(self) -> Any:
        """:meth:`to_rows` as a ``pandas.DataFrame``, one row per component and topic.

        Amounts stay exact ``Decimal`` values (``frame["earned"].astype(float)`` to plot
        them); ``met`` is a boolean column.

        Raises:
            MissingExtraError: pandas is not installed (the ``notebook`` extra installs it).

        Example:
            >>> import emrpath as ep
            >>> cert = ep.Certification(dt.date(2025, 3, 10))
            >>> hours = [ep.ContinuingEducation(dt.date(2026, 2, 1), 8, "national")]
            >>> status = ep.recertification_status(cert, hours, as_of=dt.date(2027, 5, 1),
            ...     program=ep.NREMT_EMR)
            >>> frame = status.to_frame()
            >>> list(frame.columns)
            ['component', 'topic', 'unit', 'required', 'earned', 'short', 'met']
            >>> frame[frame["component"] == "total"]["earned"].item()
            Decimal('8')
        """
        return data_frame(
            self.to_rows(),
            ("component", "topic", "unit", "required", "earned", "short", "met"),
            rule=_RULE,
        )

    def summary(self) -> str:
        """The answer on one line.

        Example:
            >>> import emrpath as ep
            >>> cert = ep.Certification(dt.date(2023, 8, 10))
            >>> print(ep.recertification_status(cert, [], as_of=dt.date(2026, 10, 15),
            ...     program=ep.NREMT_EMR).summary())
            state: reinstatement | expires: 2026-09-30 | requirements met: no | lapses: 2026-11-01
            | weakest source: primary
            >>> mls = ep.Certification(dt.date(2025, 6, 10))
            >>> day = dt.date(2028, 6, 15)
            >>> print(ep.recertification_status(mls, [], as_of=day, program=ep.ASCP_MLS).summary())
            state: past due | expires: 2028-06-30 | requirements met: no | lapses: never
            | weakest source: secondary
        """
        state = self.state.value.replace("_", " ")
        parts = [f"state: {state}"]
        if self.expires_on is not None:
            parts.append(f"expires: {self.expires_on.isoformat()}")
        parts.append(f"requirements met: {'yes' if self.requirements_met else 'no'}")
        parts.append(f"lapses: {self.lapses_on.isoformat() if self.lapses_on else 'never'}")
        parts.append(f"weakest source: {self.confidence.value}")
        return " | ".join(parts)

    def _dates(self) -> list[tuple[str, str]]:
        """The dates that are set, as (label, text) pairs, for ``__str__`` and HTML."""
        dates = [
            ("certified", self.certified_on),
            ("cycle start", self.cycle_start),
            ("expires", self.expires_on),
            ("window opens", self.window_opens_on),
            ("due", self.due_on),
            ("late until", self.reinstatement_until),
            ("lapses on", self.lapses_on),
        ]
        shown = [(k, v.isoformat()) for k, v in dates if v is not None]
        if self.counts_from is not None and self.counts_through is not None:
            shown.append(
                (
                    "education counts",
                    f"{self.counts_from.isoformat()} to {self.counts_through.isoformat()}",
                )
            )
        return shown

    def _progress(self) -> list[tuple[str, str, str, str]]:
        """Required, earned and short per component, topic (indented) and the total."""
        rows = []
        for comp in self.components:
            rows.append(
                (
                    comp.name,
                    amount_text(comp.required),
                    amount_text(comp.earned),
                    amount_text(comp.short),
                )
            )
            for topic in comp.topics:
                rows.append(
                    (
                        f"  {topic.name}",
                        amount_text(topic.required),
                        amount_text(topic.earned),
                        amount_text(topic.short),
                    )
                )
        rows.append(
            (
                "total",
                amount_text(self.total_required),
                amount_text(self.total_earned),
                amount_text(max(self.total_required - self.total_earned, _ZERO)),
            )
        )
        return rows

    def __str__(self) -> str:
        state = self.state.value.replace("_", " ")
        lines = [f"{self.program} recertification on {self.as_of.isoformat()}: {state}"]
        lines.extend(key_values(self._dates()))
        if self.components:
            header = (self.unit, "required", "earned", "short")
            head, rule, body = text_table(header, self._progress(), right={1, 2, 3})
            lines.extend("  " + line for line in (head, rule, *body))
        for reason in self.reasons:
            lines.append(f"    - {reason}")
        lines.append(self.summary())
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        state = self.state.value.replace("_", " ")
        parts = [
            f" recertification on {self.as_of.isoformat()}: {state}",
            html_table(("date", "value"), list(self._dates())),
        ]
        if self.components:
            header = (self.unit, "required", "earned", "short")
            parts.append(html_table(header, list(self._progress()), right={1, 2, 3}))
        parts.append(html_table(("reasons",), [(tuple(reason_html(r) for r in self.reasons),)]))
        parts.append(html_paragraph(self.summary()))
        return html_block(self.program, *parts)

    def __repr__(self) -> str:
        return (
            f"<RecertificationStatus {self.program} as_of={self.as_of.isoformat()} "
            f"state={self.state.value} expires_on={self.expires_on} "
            f"requirements_met={self.requirements_met}>"
        )


def _records(value: object, kind: type[T], field: str) -> tuple[T, ...]:
    return sequence_of(value, kind, field=field, rule=_RULE)


def recertification_status(
    certification: Certification,
    education: Iterable[ContinuingEducation] = (),
    *,
    as_of: dt.date | dt.datetime,
    program: Program,
    exam_attempts: Iterable[ExamAttempt] = (),
) -> RecertificationStatus:
    """Where ``certification`` stands in its recertification cycle on ``as_of``.

    Args:
        certification: The certification and its current cycle.
        education: Continuing education, each allocated to a component of the program's
            requirement. Only education inside the cycle's window counts; the rest is
            reported and ignored.
        as_of: The date asked about (or an aware datetime, read in the program's
            timezone). Nothing reads the clock.
        program: The program whose lifecycle rules apply.
        exam_attempts: Recertification-by-exam attempts in this cycle, if any.

    Returns:
        A :class:`RecertificationStatus`; ``print()`` it for a readable table.

    Raises:
        InputTypeError: An argument has the wrong type.
        InvalidRecordError: A record dated after ``as_of``, a certification dated after
            ``as_of``, an expiration date on a certification that does not expire, more
            exam attempts than the program allows, or an exam attempt outside the cycle.
        UnknownNameError: Education allocated to a component or topic the requirement in
            force does not have.
        NoRuleInForceError: The program defines no lifecycle rules, or none for the
            cycle's dates (NREMT EMR: cycles starting before 2016-09-01).
        NaiveDatetimeError: ``as_of`` is a datetime without a timezone.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> cert = ep.Certification(dt.date(2023, 8, 10))
        >>> late = ep.recertification_status(cert, as_of=dt.date(2026, 10, 15),
        ...     program=ep.NREMT_EMR)
        >>> late.state.value, late.reinstatement_until, late.lapses_on
        ('reinstatement', datetime.date(2026, 10, 31), datetime.date(2026, 11, 1))
        >>> ascp = ep.recertification_status(
        ...     ep.Certification(dt.date(2015, 6, 10)), as_of=dt.date(2019, 1, 2),
        ...     program=ep.ASCP_MLS)
        >>> ascp.state.value, ascp.expires_on, ascp.lapses_on
        ('reinstatement', datetime.date(2018, 6, 30), None)
    """
    program = check_program(program, _RULE)
    if not isinstance(certification, Certification):
        raise InputTypeError(
            f"expected a Certification, got {type(certification).__name__}",
            field="certification",
            rule=_RULE,
        )
    today = program.date(as_of, field="as_of", rule=_RULE)
    records = _records(education, ContinuingEducation, "education")
    given = _records(exam_attempts, ExamAttempt, "exam_attempts")
    # The run takes the attempts in date order; an error names the caller's position.
    order = tuple(sorted(range(len(given)), key=lambda k: given[k].taken_on))
    return _RecertificationRun(
        certification,
        records,
        tuple(given[k] for k in order),
        as_of=today,
        program=program,
        positions=order,
    ).run()


class _RecertificationRun:
    """One run of the recertification rules over one certification, step by step.

    A class only to share the run's working values: the certification and its records,
    the program, the reader that keeps the weakest confidence read, and the reasons so far.
    """

    __slots__ = (
        "as_of",
        "attempts",
        "ce_window_param",
        "certification",
        "cycle_param",
        "education",
        "positions",
        "program",
        "reader",
        "reasons",
        "requirement_param",
        "window_param",
    )

    # The lifecycle parameters, set by check_lifecycle_rules() once known to be given.
    cycle_param: Param[RecertificationCycle]
    requirement_param: Param[CeRequirement]
    ce_window_param: Param[CeWindow]
    window_param: Param[RecertWindow]

    def __init__(
        self,
        certification: Certification,
        education: tuple[ContinuingEducation, ...],
        attempts: tuple[ExamAttempt, ...],
        *,
        as_of: dt.date,
        program: Program,
        positions: tuple[int, ...],
    ) -> None:
        self.certification = certification
        self.education = education
        self.attempts = attempts
        self.positions = positions  # attempts[i] is the caller's exam_attempts[positions[i]]
        self.as_of = as_of
        self.program = program
        self.reader = ParamReader()
        self.reasons: list[Reason] = []

    def check_lifecycle_rules(self) -> None:
        """The program's lifecycle parameters, or an error: it defines no recertification."""
        program = self.program
        if (
            program.recert_cycle is None
            or program.ce_requirement is None
            or program.ce_window is None
            or program.recert_window is None
        ):
            raise NoRuleInForceError(
                f"program {shown(program.key)} defines no recertification rules",
                field="program",
                rule=_RULE,
            )
        self.cycle_param = program.recert_cycle
        self.requirement_param = program.ce_requirement
        self.ce_window_param = program.ce_window
        self.window_param = program.recert_window

    def check_dates(self) -> None:
        facts: list[tuple[str, dt.date | None, str]] = [
            ("certification.certified_on", self.certification.certified_on, "certification"),
            ("certification.cycle_started_on", self.certification.cycle_started_on, _RULE),
        ]
        facts += [
            (f"education[{i}].completed_on", e.completed_on, "continuing education")
            for i, e in enumerate(self.education)
        ]
        facts += [
            (f"exam_attempts[{self.positions[i]}].taken_on", a.taken_on, "recertification by exam")
            for i, a in enumerate(self.attempts)
        ]
        for field, day, rule in facts:
            if day is not None and day > self.as_of:
                raise InvalidRecordError(
                    f"{day} is after as_of {self.as_of}; a record cannot hold facts from after "
                    "the date it is evaluated on",
                    field=field,
                    rule=rule,
                )

    def run(self) -> RecertificationStatus:
        self.check_lifecycle_rules()
        self.check_dates()
        cert = self.certification
        term = self.reader.read(self.program.certification_term, cert.certified_on)
        expires = self.expiration(term)
        if expires is None:
            return self.not_time_limited(term)
        cycle_rule = self.reader.read(self.cycle_param, expires)
        nominal = cycle_rule.value.nominal_start(expires)
        requirement_rule = self.reader.read(self.requirement_param, nominal)
        ce_window_rule = self.reader.read(self.ce_window_param, nominal)
        window_rule = self.reader.read(self.window_param, nominal)
        requirement = requirement_rule.value
        counts_from, counts_through = ce_window_rule.value.window(
            cert.cycle_start, expires, as_of=self.as_of
        )
        components, total, outside = self.tally(requirement, counts_from, counts_through)
        self.reasons.append(
            self.counting_reason(counts_from, counts_through, outside, ce_window_rule)
        )
        education_met = total >= requirement.total and all(c.met for c in components)
        self.reasons.append(
            self.education_reason(requirement, components, total, requirement_rule)
        )
        exam_passed, exam_remaining = self.exam(expires, nominal)
        met = education_met or bool(exam_passed)
        state, opens, due, late = self.window_state(window_rule, expires, met)
        lapses = None if late is None else add_days(late, 1)
        next_expires = self.next_expiration(cycle_rule, expires)
        return RecertificationStatus(
            program=self.program.key,
            as_of=self.as_of,
            certified_on=cert.certified_on,
            expires_on=expires,
            state=state,
            cycle_start=cert.cycle_start,
            window_opens_on=opens if opens is not None else cert.cycle_start,
            due_on=due,
            reinstatement_until=late,
            lapses_on=lapses,
            counts_from=counts_from,
            counts_through=counts_through,
            unit=requirement.unit,
            components=components,
            total_required=requirement.total,
            total_earned=total,
            education_met=education_met,
            exam_passed=exam_passed,
            exam_attempts_remaining=exam_remaining,
            requirements_met=met,
            next_expires_on=next_expires,
            reasons=tuple(self.reasons),
            confidence=self.reader.weakest,
        )

    def expiration(self, term: Provision[CertificationTerm]) -> dt.date | None:
        """The current expiration: the certification's own, or its initial one derived.

        ``None`` for a certification that is not time-limited (and then it may not carry
        an expiration date of its own).
        """
        cert = self.certification
        initial = term.value.expires_on(cert.certified_on)
        if initial is None:
            if cert.expires_on is not None:
                raise InvalidRecordError(
                    f"a certification issued {cert.certified_on} is not time-limited "
                    f"({term.value.describe()}), so it has no expiration date",
                    field="certification.expires_on",
                    rule=self.program.certification_term.description,
                )
            return None
        if cert.expires_on is not None:
            return cert.expires_on
        self.reasons.append(
            Reason.cited(
                "initial_expiration",
                f"Certified {cert.certified_on}; the initial certification expires "
                f"{initial} ({term.value.describe()}).",
                self.program.certification_term,
                term,
            )
        )
        return initial

    def not_time_limited(self, term: Provision[Any]) -> RecertificationStatus:
        cert = self.certification
        self.reasons.append(
            Reason.cited(
                "not_time_limited",
                f"Certified {cert.certified_on}: {term.value.describe()}; no "
                "recertification is due.",
                self.program.certification_term,
                term,
            )
        )
        return RecertificationStatus(
            program=self.program.key,
            as_of=self.as_of,
            certified_on=cert.certified_on,
            expires_on=None,
            state=RecertificationState.NOT_TIME_LIMITED,
            cycle_start=cert.cycle_start,
            window_opens_on=None,
            due_on=None,
            reinstatement_until=None,
            lapses_on=None,
            counts_from=None,
            counts_through=None,
            unit="",
            components=(),
            total_required=_ZERO,
            total_earned=_ZERO,
            education_met=True,
            exam_passed=None,
            exam_attempts_remaining=None,
            requirements_met=True,
            next_expires_on=None,
            reasons=tuple(self.reasons),
            confidence=self.reader.weakest,
        )

    def counting_reason(
        self,
        counts_from: dt.date,
        counts_through: dt.date,
        outside: int,
        rule: Provision[CeWindow],
    ) -> Reason:
        return Reason.cited(
            "education_window",
            f"Education counts from {counts_from} through {counts_through} "
            f"({rule.value.describe()})"
            + (f"; {outside} record(s) outside it are not counted." if outside else "."),
            self.ce_window_param,
            rule,
        )

    def tally(
        self, requirement: CeRequirement, start: dt.date, end: dt.date
    ) -> tuple[tuple[ComponentProgress, ...], Decimal, int]:
        """Earned per component and topic in ``[start, end]``, the total, records outside."""
        earned: dict[str, Decimal] = dict.fromkeys(requirement.component_names, _ZERO)
        topics: dict[tuple[str, str], Decimal] = {}
        outside = 0
        for index, record in enumerate(self.education):
            if not start <= record.completed_on <= end:
                outside += 1
                continue
            component = self.component_of(requirement, record, index)
            earned[component.name] += record.amount
            if record.topic is not None and component.topics:
                key = (component.name, record.topic)
                topics[key] = topics.get(key, _ZERO) + record.amount
        progress = tuple(
            ComponentProgress(
                c.name,
                c.minimum,
                earned[c.name],
                tuple(
                    TopicProgress(t.name, t.minimum, topics.get((c.name, t.name), _ZERO))
                    for t in c.topics
                ),
            )
            for c in requirement.components
        )
        return progress, sum(earned.values(), _ZERO), outside

    def component_of(
        self, requirement: CeRequirement, record: ContinuingEducation, index: int
    ) -> CeComponent:
        try:
            component = requirement.component(record.component)
        except UnknownNameError:
            raise UnknownNameError(
                f"unknown component {shown(record.component)}; the requirement in force has "
                f"{list(requirement.component_names)}",
                field=f"education[{index}].component",
                rule="continuing education",
            ) from None
        if (
            record.topic is not None
            and component.topics
            and record.topic not in component.topic_names
        ):
            raise UnknownNameError(
                f"unknown topic {shown(record.topic)} of {shown(component.name)}; it has "
                f"{list(component.topic_names)}",
                field=f"education[{index}].topic",
                rule="continuing education",
            )
        return component

    def education_reason(
        self,
        requirement: CeRequirement,
        components: tuple[ComponentProgress, ...],
        total: Decimal,
        rule: Provision[CeRequirement],
    ) -> Reason:
        unit = requirement.unit
        shortfalls = []
        for comp in components:
            if comp.short:
                shortfalls.append(f"{comp.name} {amount_text(comp.short)}")
            shortfalls += [
                f"{comp.name}/{t.name} {amount_text(t.short)}" for t in comp.topics if t.short
            ]
        rest = requirement.total - total
        required = amount_text(requirement.total)
        head = f"Continuing education: {amount_text(total)} of {required} {unit}"
        if not shortfalls and rest <= 0:
            return Reason.cited(
                "education_complete",
                f"{head}; every component is complete.",
                self.requirement_param,
                rule,
            )
        missing = f"; short: {', '.join(shortfalls)}" if shortfalls else ""
        if rest > 0:
            missing += f"; {amount_text(rest)} {unit} short of the total"
        return Reason.cited(
            "education_short",
            f"{head}{missing}.",
            self.requirement_param,
            rule,
        )

    def exam(self, expires: dt.date, nominal: dt.date) -> tuple[bool | None, int | None]:
        """Whether recertification by exam passed this cycle, and attempts left.

        ``(None, None)`` when the program has none; ``(None, remaining)`` when no attempt
        counts yet.
        """
        param = self.program.recert_exam
        if param is None:
            if self.attempts:
                raise InvalidRecordError(
                    f"program {shown(self.program.key)} has no recertification by exam",
                    field="exam_attempts",
                    rule="recertification by exam",
                )
            return None, None
        rule = self.reader.read(param, nominal)
        counted = self.counted_exam_attempts(param, rule, expires)
        remaining = rule.value.attempts - len(counted)
        if not counted:
            return None, remaining
        last = counted[-1]
        if last.passed:
            message = (
                f"Recertification by exam passed on {last.taken_on}; it meets the cycle's "
                "requirement in place of continuing education."
            )
        elif remaining:
            message = (
                f"Recertification by exam failed on {last.taken_on}; {remaining} attempt(s) "
                f"left ({rule.value.describe()})."
            )
        else:
            message = (
                f"Recertification by exam failed on {last.taken_on}; no retest "
                f"({rule.value.describe()}): recertify by continuing education."
            )
        self.reasons.append(Reason.cited("recert_exam", message, param, rule))
        return last.passed, remaining

    def counted_exam_attempts(
        self, param: Param[RecertExam], rule: Provision[RecertExam], expires: dt.date
    ) -> tuple[ExamAttempt, ...]:
        """The attempts that count: checked, in the cycle, none before the window opens."""
        cycle_start = self.certification.cycle_start
        allowed = rule.value.attempts
        opens = rule.value.opens_on(expires)
        for index, attempt in enumerate(self.attempts):
            if not cycle_start <= attempt.taken_on <= expires:
                raise InvalidRecordError(
                    f"attempt on {attempt.taken_on} is outside the cycle {cycle_start} to "
                    f"{expires}",
                    field=f"exam_attempts[{self.positions[index]}].taken_on",
                    rule="recertification by exam",
                )
            check_score(
                attempt, program=self.program, field=f"exam_attempts[{self.positions[index]}]"
            )
        # Attempts are in date order, so those before the window come first.
        early = 0 if opens is None else sum(a.taken_on < opens for a in self.attempts)
        counted = self.attempts[early:]
        if early:
            self.reasons.append(
                Reason.cited(
                    "recert_exam_outside_window",
                    f"{early} recertification-by-exam attempt(s) before the window opened on "
                    f"{opens} do not count ({rule.value.describe()}).",
                    param,
                    rule,
                )
            )
        if len(counted) > allowed:
            raise InvalidRecordError(
                f"{len(counted)} attempts in one cycle's window; {rule.value.describe()}",
                field=f"exam_attempts[{self.positions[early + allowed]}]",
                rule="recertification by exam",
            )
        return counted

    def window_state(
        self, rule: Provision[RecertWindow], expires: dt.date, met: bool
    ) -> tuple[RecertificationState, dt.date | None, dt.date, dt.date | None]:
        """Where ``as_of`` falls in the application window, and the window's dates.

        The state, when the window opens, when applications are due, and the end of the
        late period; the reason is recorded.
        """
        window = rule.value
        opens = window.opens_on(expires)
        due = window.due_on(expires)
        late = window.late_until(expires)
        state = self.state(opens, due, expires, late)
        self.reasons.append(self.state_reason(state, opens, due, expires, late, met, rule, window))
        return state, opens, due, late

    def next_expiration(self, rule: Provision[RecertificationCycle], expires: dt.date) -> dt.date:
        """The expiration a recertification of this cycle moves to."""
        cycle = rule.value
        next_expires = cycle.next_expiration(expires)
        self.reasons.append(
            Reason.cited(
                "next_expiration",
                f"A recertification of this cycle moves the expiration to {next_expires} "
                f"({cycle.describe()}).",
                self.cycle_param,
                rule,
            )
        )
        return next_expires

    def state(
        self, opens: dt.date | None, due: dt.date, expires: dt.date, late: dt.date | None
    ) -> RecertificationState:
        today = self.as_of
        if opens is not None and today < opens:
            return RecertificationState.NOT_YET_OPEN
        if today <= due:
            return RecertificationState.OPEN
        if today <= expires:
            return RecertificationState.PAST_DUE
        if late is None or today <= late:
            return RecertificationState.REINSTATEMENT
        return RecertificationState.LAPSED

    def state_reason(
        self,
        state: RecertificationState,
        opens: dt.date | None,
        due: dt.date,
        expires: dt.date,
        late: dt.date | None,
        met: bool,
        rule: Provision[Any],
        window: RecertWindow,
    ) -> Reason:
        ready = "the requirements are met" if met else "the requirements are not yet met"
        late_words = (
            f"late applications (reinstatement) are accepted through {late}"
            if late is not None
            else "reinstatement has no time limit"
        )
        if state is RecertificationState.NOT_YET_OPEN:
            text = f"Applications open {opens} and are due by {due}; {ready}"
        elif state is RecertificationState.OPEN:
            text = f"The application window is open; submit by {due}; {ready}"
        elif state is RecertificationState.PAST_DUE:
            text = (
                f"The submission date {due} has passed; the certification is valid through "
                f"{expires}, then {late_words}; {ready}"
            )
        elif state is RecertificationState.REINSTATEMENT:
            text = f"The certification expired after {expires}; {late_words}; {ready}"
        else:
            text = (
                f"The certification expired after {expires} and lapsed after the late period "
                f"ended on {late}"
            )
        return Reason.cited(
            f"recert_{state.value}",
            f"{text} ({window.describe()}).",
            self.window_param,
            rule,
        )
