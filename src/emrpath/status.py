"""What the pathway rules conclude: reasons with citations, gates, decisions and statuses.

:func:`emrpath.decide` gives a :class:`PathwayDecision` (the decided fields);
:func:`emrpath.evaluate` gives a :class:`PathwayStatus`, the same fields explained gate by
gate, each :class:`Reason` citing the parameter it applied.

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
import operator
from typing import TYPE_CHECKING, Any, SupportsIndex

import attrs

from emrpath._table import cell as _cell
from emrpath._table import (
    data_frame,
    html_block,
    html_paragraph,
    html_table,
    reason_html,
    text_table,
)
from emrpath._validators import parse_enum
from emrpath.edition import Edition
from emrpath.errors import UnknownNameError
from emrpath.params import Citation, Confidence, Param, Provision

if TYPE_CHECKING:
    from emrpath.program import Program

__all__ = ["Gate", "GateName", "GateState", "PathwayDecision", "PathwayStatus", "Reason"]


class GateState(enum.Enum):
    """Where a gate of the pathway stands on ``as_of``."""

    MET = "met"
    PENDING = "pending"
    BLOCKED = "blocked"
    EXPIRED = "expired"
    NOT_YET_APPLICABLE = "not_yet_applicable"


class GateName(enum.Enum):
    """The gates of a certification pathway, in the order a candidate meets them.

    ``PREREQUISITE`` (a credential held before this one, an accredited course) appears
    only in the status of a program that sets a ``prerequisite`` parameter.
    """

    COURSE = "course"
    VERIFICATION = "verification"
    CPR = "cpr"
    PREREQUISITE = "prerequisite"
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

    @classmethod
    def cited(
        cls, code: str, message: str, param: Param[Any], provision: Provision[Any]
    ) -> Reason:
        """A reason that applies ``provision`` of ``param``, citing its source.

        Example:
            >>> import emrpath as ep
            >>> wait = ep.NREMT_EMR.retest_wait
            >>> reason = Reason.cited(
            ...     "retest_wait", "Retest from 2025-07-26.", wait, wait.at(dt.date(2025, 7, 11))
            ... )
            >>> print(reason)
            Retest from 2025-07-26. [retest_wait; secondary]
        """
        return cls(code, message, param.name, provision.citation, provision.confidence)

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


@attrs.frozen(slots=True, repr=False)
class PathwayDecision:
    """What :func:`emrpath.decide` concludes about a candidate on ``as_of``.

    The decided fields of the pathway, without the cited explanation: what a registry
    stores for each candidate, cheap to build, compare and pickle. The contract fields
    are ``certified``, ``next_attempt_on``, ``attempts_remaining`` and
    ``remediation_required``; :func:`emrpath.evaluate` gives the same fields with the
    gates and reasons that explain them (a :class:`PathwayStatus`).
    ``remedial_training_due`` is true when the next attempt is open but needs documented
    remedial training that is not on record (EMT, AEMT and Paramedic after three
    failures): an administrative item, like the program director's verification, so it
    leaves ``next_attempt_on`` standing and is not ``remediation_required``.

    Example:
        >>> import emrpath as ep
        >>> course = ep.CourseCompletion(dt.date(2025, 5, 2), dt.date(2025, 5, 9))
        >>> failed = [ep.ExamAttempt(dt.date(2025, 7, 1), passed=False, scaled_score=880)]
        >>> decision = ep.decide(
        ...     ep.Candidate(course, failed), as_of=dt.date(2025, 7, 10), program=ep.NREMT_EMR
        ... )
        >>> decision.next_attempt_on, decision.attempts_remaining
        (datetime.date(2025, 7, 16), 2)
        >>> decision
        <PathwayDecision nremt-emr as_of=2025-07-10 certified=False next_attempt_on=2025-07-16 \
attempts_remaining=2 remediation_required=False>
    """

    program: str
    as_of: dt.date
    certified: bool
    certified_on: dt.date | None
    certification_expires_on: dt.date | None
    next_attempt_on: dt.date | None
    attempts_used: int
    attempts_remaining: int
    remediation_required: bool
    remedial_training_due: bool
    confidence: Confidence
    edition: Edition

    def changed_rules(self, program: Program) -> tuple[str, ...]:
        """What differs between the rules this answer was made under and ``program``'s.

        Empty when ``program`` is the edition that made it: deciding again would read the
        same rules. ``"rules"`` when a value, effective date or confidence changed since
        (decide again to know whether the answer did); ``"library"`` when only emrpath's
        version did; ``"program"`` for another program. See :mod:`emrpath.edition`.

        Example:
            >>> import attrs, emrpath as ep
            >>> from emrpath.policies import FixedDaysWait
            >>> course = ep.CourseCompletion(dt.date(2025, 5, 2))
            >>> decision = ep.decide(
            ...     ep.Candidate(course), as_of=dt.date(2025, 6, 1), program=ep.NREMT_EMR
            ... )
            >>> decision.changed_rules(ep.NREMT_EMR)
            ()
            >>> wait = ep.NREMT_EMR.retest_wait
            >>> provision = attrs.evolve(wait.provisions[0], value=FixedDaysWait(days=16))
            >>> what_if = attrs.evolve(
            ...     ep.NREMT_EMR, retest_wait=attrs.evolve(wait, provisions=[provision])
            ... )
            >>> decision.changed_rules(what_if)
            ('rules',)
        """
        from emrpath.program import check_program

        program = check_program(program, "rule edition")
        return self.edition.changes_to(program.edition)

    def summary(self) -> str:
        """The contract fields on one line.

        Example:
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2025, 5, 2), dt.date(2025, 5, 9))
            >>> days = dt.date(2025, 7, 1), dt.date(2025, 7, 16), dt.date(2025, 8, 1)
            >>> fails = [ep.ExamAttempt(day, passed=False, scaled_score=880) for day in days]
            >>> decision = ep.decide(
            ...     ep.Candidate(course, fails), as_of=dt.date(2025, 8, 20), program=ep.NREMT_EMR
            ... )
            >>> print(decision.summary())
            certified: no | next attempt: none | attempts used: 3, remaining: 0
            | new course or route needed: yes | weakest source: secondary
        """
        return (
            f"certified: {'yes' if self.certified else 'no'}"
            f" | next attempt: {_cell(self.next_attempt_on) or 'none'}"
            f" | attempts used: {self.attempts_used}, remaining: {self.attempts_remaining}"
            f" | new course or route needed: {'yes' if self.remediation_required else 'no'}"
            + (" | remedial training due: yes" if self.remedial_training_due else "")
            + f" | weakest source: {self.confidence.value}"
        )

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        """Pickle a decision as its class and its field values, in field order.

        A registry sends a decision across a process pool once per candidate. attrs
        pickles a slotted instance as a dict of its field names and restores it field by
        field in a Python loop; the values alone, given back to ``__init__`` (the fields
        have no validators to run again), take about half the bytes and half the CPU to
        pickle and unpickle (``bench/instructions_pool.py`` counts the whole pool). A
        :class:`PathwayStatus`, or any other subclass, has fields of its own and keeps
        attrs' way.

        Example:
            >>> import pickle, emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2025, 5, 2))
            >>> decision = ep.decide(
            ...     ep.Candidate(course), as_of=dt.date(2025, 6, 1), program=ep.NREMT_EMR
            ... )
            >>> pickle.loads(pickle.dumps(decision)) == decision
            True
        """
        if type(self) is PathwayDecision:
            return PathwayDecision, _decision_values(self)
        return super().__reduce_ex__(protocol)

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} {self.program} as_of={self.as_of.isoformat()} "
            f"certified={self.certified} next_attempt_on={self.next_attempt_on} "
            f"attempts_remaining={self.attempts_remaining} "
            f"remediation_required={self.remediation_required}>"
        )


@attrs.frozen(slots=True, repr=False)
class PathwayStatus(PathwayDecision):
    """Everything :func:`emrpath.evaluate` concludes about a candidate on ``as_of``.

    The decided fields of a :class:`PathwayDecision` and the explanation: every gate of
    the pathway with its state, dates and cited reasons, and all the reasons in order
    (findings about the records first, then each gate's). An ordinary frozen value:
    equality, hashing, pickling, :func:`attrs.evolve` and JSON need no special cases.

    Example:
        >>> import emrpath as ep
        >>> course = ep.CourseCompletion(dt.date(2025, 5, 2))
        >>> status = ep.evaluate(
        ...     ep.Candidate(course), as_of=dt.date(2025, 6, 1), program=ep.NREMT_EMR
        ... )
        >>> [reason.code for reason in status.reasons][:2]
        ['course_valid', 'verification_missing']
        >>> status.decision == ep.decide(
        ...     ep.Candidate(course), as_of=dt.date(2025, 6, 1), program=ep.NREMT_EMR
        ... )
        True
    """

    gates: tuple[Gate, ...]
    reasons: tuple[Reason, ...]

    @property
    def decision(self) -> PathwayDecision:
        """The decided fields alone, as :func:`emrpath.decide` gives them.

        Example:
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2025, 5, 2))
            >>> status = ep.evaluate(
            ...     ep.Candidate(course), as_of=dt.date(2025, 6, 1), program=ep.NREMT_EMR
            ... )
            >>> status.decision.attempts_remaining
            3
        """
        return PathwayDecision(*_decision_values(self))

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

        Dates are ``datetime.date`` (``None`` where a gate has none), which pandas keeps
        as ``object`` columns; :meth:`to_frame` gives ``datetime64`` columns.

        Example:
            >>> import emrpath as ep
            >>> just_completed = ep.Candidate(course=ep.CourseCompletion(dt.date(2025, 5, 2)))
            >>> rows = ep.evaluate(
            ...     just_completed, as_of=dt.date(2025, 6, 2), program=ep.NREMT_EMR
            ... ).to_rows()
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

    def to_frame(self) -> Any:
        """:meth:`to_rows` as a ``pandas.DataFrame``, its dates as ``datetime64`` columns.

        ``valid_until`` and ``expected_on`` are ``datetime64[us]`` (``NaT`` where a gate
        has no date), so they compare with ``pd.Timestamp`` and plot as dates.

        Raises:
            MissingExtraError: pandas is not installed (the ``notebook`` extra installs it).

        Example:
            >>> import emrpath as ep
            >>> course = ep.CourseCompletion(dt.date(2025, 5, 2))
            >>> frame = ep.evaluate(
            ...     ep.Candidate(course), as_of=dt.date(2025, 6, 2), program=ep.NREMT_EMR
            ... ).to_frame()
            >>> frame.dtypes["valid_until"], frame.loc[0, "valid_until"]
            (dtype('<M8[us]'), Timestamp('2027-05-31 00:00:00'))
        """
        return data_frame(
            self.to_rows(),
            ("gate", "state", "valid_until", "expected_on", "reasons"),
            dates=("valid_until", "expected_on"),
            rule="pathway status",
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

    def _repr_html_(self) -> str:
        table = html_table(
            ("gate", "state", "valid until", "expected on", "reasons"),
            [
                (
                    *(_cell(v) for v in (g.name, g.state, g.valid_until, g.expected_on)),
                    tuple(reason_html(r) for r in g.reasons),
                )
                for g in self.gates
            ],
        )
        return html_block(
            self.program, f" on {self.as_of.isoformat()}", table, html_paragraph(self.summary())
        )


# A decision's values in field order, read in C: what a pickled decision holds, and what
# a status copies into its decision.
_decision_values = operator.attrgetter(*(field.name for field in attrs.fields(PathwayDecision)))
