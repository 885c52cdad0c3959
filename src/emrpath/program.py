"""The generic :class:`Program`: a certifying body's pathway as a table of cited parameters.

Nothing here is specific to one body. A program names its timezone and business calendar
and holds one effective-dated :class:`~emrpath.params.Param` per rule; each parameter's
value is a plain number or a small policy value from :mod:`emrpath.policies`. Rule code
reads only these parameters, so a new program is data, not code.

Example:
    >>> import emrpath as ep
    >>> ep.NREMT_EMR.key, ep.NREMT_EMR.timezone
    ('nremt-emr', 'America/New_York')
    >>> [p.name for p in ep.NREMT_EMR.parameters()][:3]
    ['result_posting', 'score_scale', 'retest_wait']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import attrs

from emrpath._dates import as_date, timezone
from emrpath._validators import instance_of
from emrpath.calendar import BusinessCalendar, CalendarSpec
from emrpath.edition import Edition, program_edition
from emrpath.errors import InputTypeError, InvalidRecordError, UnknownNameError
from emrpath.params import Param
from emrpath.policies import (
    AppealWindow,
    AttemptLimit,
    AuthorizationWindow,
    CeRequirement,
    CertificationTerm,
    CeWindow,
    CourseValidity,
    PortionValidity,
    Prerequisite,
    RecertExam,
    RecertificationCycle,
    RecertWindow,
    ResultPosting,
    RetestWait,
    ScoreScale,
)
from emrpath.retake_advice import RetakeAdvice

__all__ = ["Program", "check_program"]


def _param(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Param):
        raise InvalidRecordError(
            f"must be a Param, got {type(value).__name__}",
            field=f"Program.{attribute.name}",
            rule="program definition",
        )


def _required(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        raise InvalidRecordError(
            "is required: every program needs this parameter",
            field=f"Program.{attribute.name}",
            rule="program definition",
        )
    _param(instance, attribute, value)


_LIFECYCLE = ("recert_cycle", "ce_requirement", "ce_window", "recert_window")


def _level(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value):
        raise InputTypeError(
            "must be a level name such as 'emt', or None",
            field="Program.level",
            rule="program definition",
        )


def _tz(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InputTypeError(
            "must be an IANA timezone name", field="Program.timezone", rule="program definition"
        )
    try:
        timezone(value)
    except UnknownNameError as err:  # not a name of the tz database
        raise UnknownNameError(err.message, field="Program.timezone", rule=err.rule) from None


@attrs.frozen(slots=True, repr=False)
class Program:
    """A certification pathway: identity, timezone, calendar and cited parameters.

    Args:
        key: Short stable identifier (``"nremt-emr"``), used by the CLI and JSON.
        name: Human name of the credential.
        body: The certifying body.
        timezone: IANA timezone the body's dates are read in; aware datetimes passed to
            rule functions are converted to it before their date is taken.
        calendar_spec: The business calendar the body works to.
        result_posting: When an exam result is expected, and what holds it.
        score_scale: The scaled-score report (``None`` in periods without one).
        retest_wait: The wait between attempts.
        attempt_limit: Attempts per course (or route) and what follows.
        course_validity: How long a completed course (or education) qualifies.
        authorization: How long an authorization to test (or exam window) lasts.
        portion_validity: How long a passed exam or skills portion stays valid, keyed by
            the course completion date (``None``, or a ``None`` value: no shelf life).
        certification_term: When an issued certification expires, keyed by issue date.
        cpr_required: Whether a current CPR credential is needed to apply (``None``: the
            program has no such requirement).
        verification_required: Whether the course must be verified by its director.
        skills_required: Whether a skills competency is part of certification (``None``:
            the program has none).
        recert_cycle: Length of a recertification cycle. This and the next four are the
            lifecycle rules read by :func:`emrpath.recertification_status`, each keyed by
            the cycle's nominal start (the day after the previous expiration); ``None``
            for a program that does not define them.
        ce_requirement: Continuing education one cycle needs, by component and topic.
        ce_window: Which dates of education count toward a cycle.
        recert_window: When to apply, the late (reinstatement) period and lapse.
        recert_exam: Recertification by exam (``None``: not offered or not found).
        appeal_window: The time limit for a written appeal of a decision.
        retake_advice: Study advice after a failed attempt, a fix for each kind of missed
            item (``None``: the program ships none; :func:`emrpath.retake_plan` then gives
            the dates, counts and costliest buckets without study fixes).
        prerequisite: What a candidate must hold before this program (a credential at
            one of some levels, an accredited course), keyed by the course completion
            date; ``None``: nothing, and the status has no prerequisite gate.
        level: The scope-of-practice level the credential certifies (``"emr"``,
            ``"emt"``, ``"aemt"``, ``"paramedic"``), the level practice authority asks
            about by default; ``None`` for a program outside that model.

    Optional parameters are keyword-only and default to ``None``: a program leaves out
    what its body does not have, rather than citing a source for an absence.
    """

    key: str
    name: str
    body: str
    timezone: str = attrs.field(validator=_tz)
    calendar_spec: CalendarSpec = attrs.field(
        validator=instance_of(CalendarSpec, "program definition")
    )
    result_posting: Param[ResultPosting] = attrs.field(validator=_required)
    score_scale: Param[ScoreScale | None] = attrs.field(validator=_required)
    retest_wait: Param[RetestWait] = attrs.field(validator=_required)
    attempt_limit: Param[AttemptLimit] = attrs.field(validator=_required)
    course_validity: Param[CourseValidity] = attrs.field(validator=_required)
    authorization: Param[AuthorizationWindow] = attrs.field(validator=_required)
    portion_validity: Param[PortionValidity | None] | None = attrs.field(
        default=None, kw_only=True, validator=_param
    )
    certification_term: Param[CertificationTerm] = attrs.field(validator=_required)
    cpr_required: Param[bool] | None = attrs.field(default=None, kw_only=True, validator=_param)
    verification_required: Param[bool] = attrs.field(validator=_required)
    skills_required: Param[bool] | None = attrs.field(default=None, kw_only=True, validator=_param)
    recert_cycle: Param[RecertificationCycle] | None = attrs.field(
        default=None, kw_only=True, validator=_param
    )
    ce_requirement: Param[CeRequirement] | None = attrs.field(
        default=None, kw_only=True, validator=_param
    )
    ce_window: Param[CeWindow] | None = attrs.field(default=None, kw_only=True, validator=_param)
    recert_window: Param[RecertWindow] | None = attrs.field(
        default=None, kw_only=True, validator=_param
    )
    recert_exam: Param[RecertExam] | None = attrs.field(
        default=None, kw_only=True, validator=_param
    )
    appeal_window: Param[AppealWindow] | None = attrs.field(
        default=None, kw_only=True, validator=_param
    )
    retake_advice: Param[RetakeAdvice] | None = attrs.field(
        default=None, kw_only=True, validator=_param
    )
    prerequisite: Param[Prerequisite | None] | None = attrs.field(
        default=None, kw_only=True, validator=_param
    )
    level: str | None = attrs.field(default=None, kw_only=True, validator=_level)
    # Worked out once per program (a digest of every parameter), not per evaluation.
    _edition: Edition = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        given = [name for name in _LIFECYCLE if getattr(self, name) is not None]
        if given and len(given) != len(_LIFECYCLE):
            missing = [name for name in _LIFECYCLE if name not in given]
            raise InvalidRecordError(
                f"the lifecycle parameters go together; {given} given without {missing}",
                field=f"Program.{missing[0]}",
                rule="program definition",
            )
        if self.recert_exam is not None and not given:
            raise InvalidRecordError(
                "recertification by exam needs the other lifecycle parameters",
                field="Program.recert_exam",
                rule="program definition",
            )
        object.__setattr__(self, "_edition", program_edition(self))

    @property
    def edition(self) -> Edition:
        """The edition of this program's rules: their digest and the emrpath version.

        It changes when a parameter's value, effective date or confidence changes (or
        the calendar's), not when its wording or citation does; see
        :mod:`emrpath.edition`.

        Example:
            >>> import emrpath as ep
            >>> ep.NREMT_EMR.edition.program, ep.NREMT_EMR.edition.library == ep.__version__
            ('nremt-emr', True)
            >>> reworded = attrs.evolve(ep.NREMT_EMR, name="Emergency Medical Responder")
            >>> reworded.edition == ep.NREMT_EMR.edition
            True
        """
        return self._edition

    @property
    def has_lifecycle(self) -> bool:
        """Whether the program defines the recertification rules.

        Example:
            >>> import emrpath as ep
            >>> ep.NREMT_EMR.has_lifecycle, ep.ASCP_MLS.has_lifecycle
            (True, True)
            >>> attrs.evolve(ep.NREMT_EMR, recert_cycle=None, ce_requirement=None, ce_window=None,
            ...              recert_window=None, recert_exam=None).has_lifecycle
            False
        """
        return self.recert_cycle is not None

    @property
    def calendar(self) -> BusinessCalendar:
        """The program's business calendar (built on first use, then shared).

        Example:
            >>> import emrpath as ep
            >>> cal = ep.NREMT_EMR.calendar
            >>> cal
            <BusinessCalendar US public 1990-2100, 0 extra closure(s)>
            >>> cal.is_business_day(dt.date(2026, 7, 3)), cal is ep.NREMT_EMR.calendar
            (False, True)
        """
        return BusinessCalendar.from_spec(self.calendar_spec)

    def parameters(self) -> Iterator[Param[Any]]:
        """Every parameter of the program, in declaration order.

        Example:
            >>> import emrpath as ep
            >>> [p.name for p in ep.ASCP_MLS.parameters()][-5:]
            ['recert_cycle', 'ce_requirement', 'ce_window', 'recert_window', 'appeal_window']
        """
        for field in attrs.fields(type(self)):
            if field.init:  # the rules a program is given, not what it works out from them
                value = getattr(self, field.name)
                if isinstance(value, Param):
                    yield value

    def date(self, value: object, *, field: str, rule: str) -> dt.date:
        """``value`` as a date read in this program's timezone (see ``as_date``).

        Example:
            >>> import datetime as dt, emrpath as ep
            >>> utc = dt.datetime(2025, 3, 2, 3, 30, tzinfo=dt.timezone.utc)
            >>> ep.NREMT_EMR.date(utc, field="exam_on", rule="result posting")
            datetime.date(2025, 3, 1)
        """
        return as_date(value, field=field, rule=rule, tz=self.timezone)

    def __repr__(self) -> str:
        return f"<Program {self.key}: {self.name} ({self.body})>"


def check_program(program: object, rule: str) -> Program:
    """``program`` if it is a :class:`Program`; otherwise an error naming ``rule``.

    Every function that applies a program's rules takes the program as a required
    keyword and checks it here first, so a wrong argument is refused the same way
    everywhere.

    Example:
        >>> import emrpath as ep
        >>> check_program(ep.ASCP_MLS, "retest wait").key
        'ascp-mls'
        >>> check_program("nremt-emr", "retest wait")
        Traceback (most recent call last):
        ...
        emrpath.errors.InputTypeError: program: expected a Program such as \
emrpath.NREMT_EMR (emrpath.programs.get(key) looks one up by its key), got str \
(rule: retest wait)
    """
    if not isinstance(program, Program):
        raise InputTypeError(
            "expected a Program such as emrpath.NREMT_EMR (emrpath.programs.get(key) looks "
            f"one up by its key), got {type(program).__name__}",
            field="program",
            rule=rule,
        )
    return program
