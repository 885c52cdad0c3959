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
from emrpath.calendar import BusinessCalendar, CalendarSpec
from emrpath.errors import InputTypeError, InvalidRecordError
from emrpath.params import Param
from emrpath.policies import (
    AttemptLimit,
    AuthorizationWindow,
    CertificationTerm,
    CourseValidity,
    PortionValidity,
    ResultPosting,
    RetestWait,
    ScoreScale,
)

__all__ = ["Program"]


def _param(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Param):
        raise InvalidRecordError(
            f"must be a Param, got {type(value).__name__}",
            field=f"Program.{attribute.name}",
            rule="program definition",
        )


def _tz(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InputTypeError(
            "must be an IANA timezone name", field="Program.timezone", rule="program definition"
        )
    timezone(value)  # raises UnknownNameError for a name no database knows


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
            the course completion date (``None`` where a body sets no shelf life).
        certification_term: When an issued certification expires, keyed by issue date.
        cpr_required: Whether a current CPR credential is needed to apply.
        verification_required: Whether the course must be verified by its director.
        skills_required: Whether a skills competency is part of certification.
    """

    key: str
    name: str
    body: str
    timezone: str = attrs.field(validator=_tz)
    calendar_spec: CalendarSpec = attrs.field(validator=attrs.validators.instance_of(CalendarSpec))
    result_posting: Param[ResultPosting] = attrs.field(validator=_param)
    score_scale: Param[ScoreScale | None] = attrs.field(validator=_param)
    retest_wait: Param[RetestWait] = attrs.field(validator=_param)
    attempt_limit: Param[AttemptLimit] = attrs.field(validator=_param)
    course_validity: Param[CourseValidity] = attrs.field(validator=_param)
    authorization: Param[AuthorizationWindow] = attrs.field(validator=_param)
    portion_validity: Param[PortionValidity | None] = attrs.field(validator=_param)
    certification_term: Param[CertificationTerm] = attrs.field(validator=_param)
    cpr_required: Param[bool] = attrs.field(validator=_param)
    verification_required: Param[bool] = attrs.field(validator=_param)
    skills_required: Param[bool] = attrs.field(validator=_param)

    @property
    def calendar(self) -> BusinessCalendar:
        """The program's business calendar (built on first use, then shared)."""
        return BusinessCalendar.from_spec(self.calendar_spec)

    def parameters(self) -> Iterator[Param[Any]]:
        """Every parameter of the program, in declaration order."""
        for field in attrs.fields(type(self)):
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
