"""What rules return: reasons with citations, gates with states, and the pathway status.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> status = ep.evaluate(
    ...     ep.Candidate(course=ep.CourseCompletion(dt.date(2025, 5, 2))),
    ...     as_of=dt.date(2025, 6, 1),
    ...     program=ep.NREMT_EMR,
    ... )
    >>> status.gate(ep.GateName.VERIFICATION).state
    <GateState.PENDING: 'pending'>
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from emrpath._table import cell as _cell
from emrpath._table import html_table, text_table
from emrpath._validators import parse_enum
from emrpath.errors import UnknownNameError
from emrpath.params import Citation, Confidence

__all__ = ["Gate", "GateName", "GateState", "PathwayStatus", "Reason"]


class GateState(enum.Enum):
    """Where a gate of the pathway stands on ``as_of``."""

    MET = "met"
    PENDING = "pending"
    BLOCKED = "blocked"
    EXPIRED = "expired"
    NOT_YET_APPLICABLE = "not_yet_applicable"


class GateName(enum.Enum):
    """The gates of a certification pathway, in the order a candidate meets them."""

    COURSE = "course"
    VERIFICATION = "verification"
    CPR = "cpr"
    AUTHORIZATION = "authorization"
    COGNITIVE = "cognitive"
    SKILLS = "skills"
    CERTIFICATION = "certification"


@attrs.frozen(slots=True)
class Reason:
    """One explained step of a decision, with the rule it applies.

    Args:
        code: A stable machine-readable code (``"retest_wait"``, ``"attempts_used_up"``…).
        message: The explanation in words.
        parameter: The program parameter the step read, if any.
        citation: That parameter's source.
        confidence: How sure the source makes us.
    """

    code: str
    message: str
    parameter: str | None = None
    citation: Citation | None = None
    confidence: Confidence = Confidence.PRIMARY

    def __str__(self) -> str:
        if self.parameter is None:
            return self.message
        return f"{self.message} [{self.parameter}; {self.confidence.value}]"


@attrs.frozen(slots=True)
class Gate:
    """One gate of the pathway: its state, the dates that matter, and why."""

    name: GateName
    state: GateState
    reasons: tuple[Reason, ...] = ()
    valid_until: dt.date | None = None
    expected_on: dt.date | None = None


_Explainer = Callable[[], tuple[tuple[Gate, ...], tuple[Reason, ...]]]
_DEFERRED = frozenset({"gates", "reasons"})


class _PendingExplanation:
    """The slot a status keeps its pending explanation in.

    A base class rather than an attrs field, so that it is no field of the status: not
    compared, hashed, pickled, copied, evolved, serialised or listed by ``attrs.fields``
    and ``attrs.asdict``. It holds the function that builds ``gates`` and ``reasons`` until
    they are first read, then ``None``.
    """

    __slots__ = ("_explain",)
    _explain: _Explainer | None


@attrs.frozen(slots=True, repr=False)
class PathwayStatus(_PendingExplanation):
    """Everything :func:`emrpath.evaluate` concludes about a candidate on ``as_of``.

    The contract fields are ``certified``, ``next_attempt_on``, ``attempts_remaining``,
    ``remediation_required`` and ``reasons``; the rest explains them.

    A status from :func:`emrpath.evaluate` has decided every field but builds its
    ``gates`` and ``reasons`` (the formatted, cited explanation, most of the cost of an
    evaluation) when one of them is first read, by running the same evaluation again
    with its messages on; after that they are stored like any other field. Equality,
    hashing, pickling, :func:`attrs.evolve` and JSON read them, so a status compares
    and serialises exactly as one built with every field given.
    """

    program: str
    as_of: dt.date
    gates: tuple[Gate, ...]
    certified: bool
    certified_on: dt.date | None
    certification_expires_on: dt.date | None
    next_attempt_on: dt.date | None
    attempts_used: int
    attempts_remaining: int
    remediation_required: bool
    reasons: tuple[Reason, ...]
    confidence: Confidence

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_explain", None)  # every field given: nothing pending

    @classmethod
    def _decided(
        cls,
        explain: _Explainer | None,
        program: str,
        as_of: dt.date,
        certified: bool,
        certified_on: dt.date | None,
        certification_expires_on: dt.date | None,
        next_attempt_on: dt.date | None,
        attempts_used: int,
        attempts_remaining: int,
        remediation_required: bool,
        confidence: Confidence,
    ) -> PathwayStatus:
        """A status with every field but ``gates`` and ``reasons``.

        ``explain`` builds those on first read; with ``None`` the caller stores them at
        once with :meth:`_store_explanation`.

        The slots are written through their descriptors, one call each (what attrs' own
        ``__init__`` does for a frozen class, less its per-call lookups): evaluate() builds
        one status per call, and a loop over the fields cost twice as much.
        """
        status = object.__new__(cls)
        (
            set_program,
            set_as_of,
            set_certified,
            set_certified_on,
            set_expires_on,
            set_next_attempt_on,
            set_attempts_used,
            set_attempts_remaining,
            set_remediation_required,
            set_confidence,
            set_explain,
        ) = _EAGER_SLOTS
        set_program(status, program)
        set_as_of(status, as_of)
        set_certified(status, certified)
        set_certified_on(status, certified_on)
        set_expires_on(status, certification_expires_on)
        set_next_attempt_on(status, next_attempt_on)
        set_attempts_used(status, attempts_used)
        set_attempts_remaining(status, attempts_remaining)
        set_remediation_required(status, remediation_required)
        set_confidence(status, confidence)
        set_explain(status, explain)
        return status

    def _store_explanation(self, gates: tuple[Gate, ...], reasons: tuple[Reason, ...]) -> None:
        """Fill the two deferred fields; nothing is pending after.

        Called by the evaluation before anyone sees the status, or on first read (by each
        thread that races to it, with equal values).
        """
        object.__setattr__(self, "gates", gates)
        object.__setattr__(self, "reasons", reasons)
        object.__setattr__(self, "_explain", None)

    if not TYPE_CHECKING:  # hidden from type checkers, which would accept any attribute

        def __getattr__(self, name: str) -> Any:
            # Python calls this only for a slot that holds nothing: gates and reasons of a
            # status whose explanation has not been read yet.
            if name == "_explain":
                return None  # a copy or an unpickled status: its attrs state had it all
            if name in _DEFERRED:
                explain = self._explain
                if explain is not None:
                    gates, reasons = explain()
                    self._store_explanation(gates, reasons)
                    return gates if name == "gates" else reasons
                # Another thread built them between the slot read and this one.
                return object.__getattribute__(self, name)
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {name!r}", name=name, obj=self
            )

    def gate(self, name: GateName | str) -> Gate:
        """The gate called ``name`` (a :class:`GateName` or its value).

        Example:
            >>> import emrpath as ep
            >>> candidate = ep.Candidate(
            ...     course=ep.CourseCompletion(dt.date(2025, 5, 2), dt.date(2025, 5, 9)),
            ...     attempts=[ep.ExamAttempt(dt.date(2025, 7, 1), passed=False, scaled_score=820)],
            ...     skills=ep.SkillsCompetency(dt.date(2025, 6, 20)),
            ... )
            >>> status = ep.evaluate(candidate, as_of=dt.date(2025, 7, 10), program=ep.NREMT_EMR)
            >>> cognitive = status.gate(ep.GateName.COGNITIVE)
            >>> cognitive.state, cognitive.expected_on
            (<GateState.PENDING: 'pending'>, datetime.date(2025, 7, 16))
            >>> [reason.code for reason in cognitive.reasons]
            ['retest_wait', 'attempts_remaining']
            >>> status.gate("skills").valid_until
            datetime.date(2027, 6, 20)
        """
        key = parse_enum(GateName, name, field="name", rule="pathway gate", noun="gate")
        for gate in self.gates:
            if gate.name is key:
                return gate
        # Only a status built by hand can lack a gate; evaluate() always gives all seven.
        raise UnknownNameError(
            f"this status has no {key.value!r} gate", field="name", rule="pathway gate"
        )

    def to_rows(self) -> list[dict[str, Any]]:
        """One dict per gate, ready for ``pandas.DataFrame(status.to_rows())``.

        Example:
            >>> import emrpath as ep
            >>> just_completed = ep.Candidate(course=ep.CourseCompletion(dt.date(2025, 5, 2)))
            >>> rows = ep.evaluate(just_completed, as_of=dt.date(2025, 6, 2),
            ...     program=ep.NREMT_EMR).to_rows()
            >>> for row in rows:
            ...     print(row["gate"], row["state"], row["valid_until"], row["expected_on"])
            course met 2027-05-31 None
            verification pending None None
            cpr pending None None
            authorization pending None None
            cognitive pending None 2025-06-02
            skills pending None None
            certification pending None None
            >>> print(rows[1]["reasons"])
            Course completion is not yet verified (The course Program Director must verify
            course completion). [verification_required; primary]
        """
        return [
            {
                "gate": gate.name.value,
                "state": gate.state.value,
                "valid_until": gate.valid_until,
                "expected_on": gate.expected_on,
                "reasons": "; ".join(str(r) for r in gate.reasons),
            }
            for gate in self.gates
        ]

    def summary(self) -> str:
        """The contract fields on one line.

        Example:
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2025, 5, 2), dt.date(2025, 5, 9))
            >>> days = dt.date(2025, 7, 1), dt.date(2025, 7, 16), dt.date(2025, 8, 1)
            >>> fails = [ep.ExamAttempt(day, passed=False, scaled_score=880) for day in days]
            >>> status = ep.evaluate(ep.Candidate(course, fails), as_of=dt.date(2025, 8, 20),
            ...     program=ep.NREMT_EMR)
            >>> print(status.summary())
            certified: no | next attempt: none | attempts used: 3, remaining: 0
            | new course or route needed: yes | weakest source: secondary
        """
        return (
            f"certified: {'yes' if self.certified else 'no'}"
            f" | next attempt: {_cell(self.next_attempt_on) or 'none'}"
            f" | attempts used: {self.attempts_used}, remaining: {self.attempts_remaining}"
            f" | new course or route needed: {'yes' if self.remediation_required else 'no'}"
            f" | weakest source: {self.confidence.value}"
        )

    def __str__(self) -> str:
        header = ("gate", "state", "valid until", "expected on")
        rows = [
            (
                _cell(g.name),
                _cell(g.state),
                _cell(g.valid_until),
                _cell(g.expected_on),
            )
            for g in self.gates
        ]
        head, rule, lines_of_rows = text_table(header, rows)
        lines = [f"{self.program} pathway on {self.as_of.isoformat()}", head, rule]
        for gate, row in zip(self.gates, lines_of_rows, strict=True):
            lines.append(row)
            for reason in gate.reasons:
                lines.append(f"    - {reason}")
        lines.append(self.summary())
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"<PathwayStatus {self.program} as_of={self.as_of.isoformat()} "
            f"certified={self.certified} next_attempt_on={self.next_attempt_on} "
            f"attempts_remaining={self.attempts_remaining} "
            f"remediation_required={self.remediation_required}>"
        )

    def _repr_html_(self) -> str:
        import html  # only notebooks need it; keep it off import time

        table = html_table(
            ("gate", "state", "valid until", "expected on", "reasons"),
            [
                (
                    *(_cell(v) for v in (g.name, g.state, g.valid_until, g.expected_on)),
                    tuple(str(r) for r in g.reasons),
                )
                for g in self.gates
            ],
        )
        return (
            f"<div><strong>{html.escape(self.program)}</strong> on "
            f"{self.as_of.isoformat()}{table}<p>{html.escape(self.summary())}</p></div>"
        )


# The slot writers of every PathwayStatus field that _decided sets, in the order
# of its parameters (attrs' field order without gates and reasons), then the pending slot.
_EAGER_SLOTS: tuple[Callable[[PathwayStatus, Any], None], ...] = (
    *(
        getattr(PathwayStatus, field.name).__set__
        for field in attrs.fields(PathwayStatus)
        if field.name not in _DEFERRED
    ),
    _PendingExplanation.__dict__["_explain"].__set__,
)
