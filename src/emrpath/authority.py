"""Practice authority: may this person function at this level, in this jurisdiction, on this day?

National certification is never a licence to practise. :func:`practice_authority` allows
a person to function at a level in a jurisdiction on a date only when:

- the jurisdiction does not require its own licence or authorization, or the person
  holds one there that is in force that day (issued on or before it, expiring on or
  after it) at the level asked or a higher one;
- where the caller asks (``require_agency_credential=True``), an agency credential under
  medical direction is in force that day;
- where the caller asks (``require_national_certification=True``), the national
  certification is current that day. Even then it only adds a condition: it never
  stands in for a licence.

Every "no" lists each missing or expired item, as a cited :class:`~emrpath.status.Reason`
and in :attr:`PracticeDecision.missing`.

Policies this module fixes, and why:

- **Jurisdictions are data the caller supplies.** No table of states ships: the research
  found no sourced per-state list for EMR. A :class:`Jurisdiction` that says it requires
  no licence of its own must cite where it says so; a jurisdiction the caller did not
  supply is treated as requiring one, and the decision says so.
- **A higher-level licence authorises a lower level.** Levels are ordered
  (EMR < EMT < AEMT < Paramedic) and cumulative in :mod:`emrpath.scope` (every EMR skill
  is within scope at every higher level), so an EMT licence authorises functioning as an
  EMR; a licence below the level asked does not. The closest source wording is NREMT's
  "at or above the level" in the Mark King Initiative (a related policy), so the reason
  that applies it is marked secondary.
- **A licence issued after the date asked about is not yet in force**, not an error: the
  question is about a date, and records may hold later facts.

Sources (and the confidence they carry into a decision):

- NREMT, primary: "State EMS Offices issue licenses that authorize an individual to
  practice within that state"; licensure is "the state's grant of legal authority".
- The seed document (open-exam-prep), secondary: "Where required, an EMR needs state
  licensure or authorization before functioning in the role" (for jurisdictions not
  supplied, or supplied without a source); "follow your service's onboarding and
  medical-direction process" (agency credentialing).

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> from emrpath.authority import Practitioner, StateLicense, practice_authority
    >>> person = Practitioner(
    ...     licenses=[StateLicense("MT", "emr", dt.date(2025, 7, 1), dt.date(2027, 6, 30))],
    ...     certification=ep.Certification(dt.date(2025, 6, 2)),
    ... )
    >>> practice_authority(person, "MT", on=dt.date(2026, 3, 1), program=ep.NREMT_EMR).allowed
    True
    >>> later = practice_authority(person, "MT", on=dt.date(2027, 7, 1), program=ep.NREMT_EMR)
    >>> later.allowed, later.missing
    (False, ('an unexpired MT licence or authorization at EMR level or higher',))
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from emrpath._dates import as_date, notebook_day, optional_notebook_day
from emrpath._seed import seed_citation
from emrpath._validators import (
    boolean,
    field_name,
    instance_of,
    non_empty_text,
    plain_date,
    require,
    sequence_of,
    shown,
)
from emrpath.errors import InputTypeError, InvalidRecordError
from emrpath.params import Citation, Confidence, weakest
from emrpath.program import Program, check_program
from emrpath.records import Certification
from emrpath.rules import initial_expiration_date
from emrpath.scope import Level
from emrpath.status import Reason

__all__ = [
    "AgencyCredential",
    "Jurisdiction",
    "PracticeDecision",
    "Practitioner",
    "StateLicense",
    "practice_authority",
]

_RULE = "practice authority"
_CODE_RE = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*")

_WHERE_REQUIRED = seed_citation(
    "Where required, an EMR needs state licensure or authorization before functioning in the role."
)
_MEDICAL_DIRECTION = seed_citation(
    "follow your service's onboarding and medical-direction process."
)
_STATE_LICENSES = Citation(
    url="https://nremt.org/Document/Clarifying-Roles-in-EMS-Oversight",
    quote="State EMS Offices issue licenses that authorize an individual to practice within "
    "that state.",
    title="NREMT: Clarifying roles in EMS oversight",
)
_LICENSURE = Citation(
    url="https://dev.nremt.org/Document/certification_licensure",
    quote="Licensure, on the other hand, is the state's grant of legal authority, pursuant "
    "to the state's police powers, to practice a profession within a designated scope of "
    "practice.",
    title="NREMT: certification and licensure",
)
_AT_OR_ABOVE = Citation(
    url="https://dev.nremt.org/Policies/Certification-Policies/Mark-King-Initiative",
    quote="maintained unrestricted state licensure at or above the level of the last "
    "National Certification held.",
    title="NREMT: Mark King Initiative (a related policy, read by analogy)",
)

_P = Confidence.PRIMARY
_S = Confidence.SECONDARY


# ---------------------------------------------------------------------------------------
# validators


def _check_code(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise InputTypeError(
            f"must be a str jurisdiction code, got {type(value).__name__}",
            field=field,
            rule=_RULE,
        )
    if not _CODE_RE.fullmatch(value):
        raise InvalidRecordError(
            f"{shown(value)} is not a jurisdiction code: upper-case letters and digits, parts "
            "joined by single hyphens ('MT', 'US-MT'); codes are compared exactly",
            field=field,
            rule=_RULE,
        )
    return value


def _code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_code(value, field_name(instance, attribute))


def _license_level(value: object) -> Level:
    return Level.parse(value, field="StateLicense.level")


def _not_before(instance: Any, first: str, last: str) -> None:
    start, end = getattr(instance, first), getattr(instance, last)
    if end is not None and end < start:
        raise InvalidRecordError(
            f"{end} is before {first} {start}",
            field=f"{type(instance).__name__}.{last}",
            rule=_RULE,
        )


def _licenses(value: Any) -> tuple[StateLicense, ...]:
    return sequence_of(value, StateLicense, field="Practitioner.licenses", rule=_RULE)


def _credentials(value: Any) -> tuple[AgencyCredential, ...]:
    return sequence_of(
        value, AgencyCredential, field="Practitioner.agency_credentials", rule=_RULE
    )


# ---------------------------------------------------------------------------------------
# records


@attrs.frozen(slots=True)
class Jurisdiction:
    """A state (or other jurisdiction) and whether it requires its own licence to practise.

    Args:
        code: The code records use for it: upper-case letters and digits, parts joined by
            single hyphens (``"MT"``, ``"US-MT"``). Compared exactly.
        name: Its name.
        requires_state_license: Whether an EMR needs the jurisdiction's own licence or
            authorization before functioning there (default ``True``).
        citation: Where the jurisdiction says so. Required when
            ``requires_state_license`` is ``False``: an unsourced "no licence needed"
            would silently grant authority.
        confidence: How sure the citation makes us (default ``SECONDARY``).

    Raises:
        InputTypeError: A field has the wrong type.
        InvalidRecordError: A malformed code, an empty name, or no citation for a
            jurisdiction that requires no licence.

    Example:
        >>> Jurisdiction("MT", "Montana").requires_state_license
        True
        >>> Jurisdiction("XX", "Nowhere", requires_state_license=False)
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: Jurisdiction.citation: a jurisdiction that requires \
no licence of its own must cite where it says so; an unsourced jurisdiction is treated as \
requiring one (rule: practice authority)
    """

    code: str = attrs.field(validator=_code)
    name: str = attrs.field(validator=non_empty_text(_RULE))
    requires_state_license: bool = attrs.field(
        default=True, kw_only=True, validator=boolean(_RULE)
    )
    citation: Citation | None = attrs.field(
        default=None,
        kw_only=True,
        validator=instance_of(Citation, _RULE, optional=True),
    )
    confidence: Confidence = attrs.field(
        default=Confidence.SECONDARY,
        kw_only=True,
        validator=instance_of(Confidence, _RULE),
    )

    def __attrs_post_init__(self) -> None:
        if not self.requires_state_license and self.citation is None:
            raise InvalidRecordError(
                "a jurisdiction that requires no licence of its own must cite where it says "
                "so; an unsourced jurisdiction is treated as requiring one",
                field="Jurisdiction.citation",
                rule=_RULE,
            )


@attrs.frozen(slots=True)
class StateLicense:
    """A state licence or authorization to practise.

    Args:
        jurisdiction: The code of the jurisdiction that issued it (``"MT"``).
        level: The level it licenses (a :class:`~emrpath.scope.Level` or its value).
        issued_on: The first day it is in force.
        expires_on: The last day it is in force.

    Raises:
        InputTypeError: A field has the wrong type.
        UnknownNameError: ``level`` is a string that is not a level's value.
        InvalidRecordError: A malformed code, or an expiry before the issue date.

    Example:
        >>> import datetime as dt
        >>> licence = StateLicense("MT", "emt", dt.date(2025, 7, 1), dt.date(2027, 6, 30))
        >>> licence.level, licence.in_force(dt.date(2027, 6, 30))
        (<Level.EMT: 'emt'>, True)
    """

    jurisdiction: str = attrs.field(validator=_code)
    level: Level = attrs.field(converter=_license_level)
    issued_on: dt.date = attrs.field(converter=notebook_day, validator=plain_date(_RULE))
    expires_on: dt.date = attrs.field(converter=notebook_day, validator=plain_date(_RULE))

    def __attrs_post_init__(self) -> None:
        _not_before(self, "issued_on", "expires_on")

    def in_force(self, on: dt.date) -> bool:
        """Whether the licence is in force on ``on`` (issue and expiry days included).

        Raises:
            InputTypeError: ``on`` is not a ``datetime.date`` (a string, or a datetime: the
                licence has no timezone to take its date in).

        Example:
            >>> import datetime as dt
            >>> licence = StateLicense("MT", "emr", dt.date(2025, 7, 1), dt.date(2027, 6, 30))
            >>> days = [dt.date(2025, 6, 30), dt.date(2025, 7, 1), dt.date(2027, 7, 1)]
            >>> [licence.in_force(day) for day in days]
            [False, True, False]
            >>> licence.in_force("2025-07-01")
            Traceback (most recent call last):
            ...
            emrpath.errors.InputTypeError: on: expected a datetime.date, got str '2025-07-01' \
(rule: practice authority)
        """
        if type(on) is not dt.date:
            on = as_date(on, field="on", rule=_RULE)
        return self.issued_on <= on <= self.expires_on


@attrs.frozen(slots=True)
class AgencyCredential:
    """Credentialing by an agency (service) under its medical director.

    Args:
        agency: The agency or service.
        medical_director: The physician whose medical direction the credential is under.
        issued_on: The first day it is in force.
        expires_on: The last day it is in force (``None``: until withdrawn).
        jurisdiction: The code of the jurisdiction it is for (``None``: any).

    Raises:
        InputTypeError: A field has the wrong type.
        InvalidRecordError: An empty name, a malformed code, or an expiry before issue.

    Example:
        >>> import datetime as dt
        >>> credential = AgencyCredential("Valley Fire", "Dr. Ada Reyes", dt.date(2025, 8, 1))
        >>> credential.expires_on is None, credential.in_force(dt.date(2030, 1, 1))
        (True, True)
        >>> AgencyCredential("Valley Fire", "Dr. Reyes", dt.date(2025, 8, 1), jurisdiction="mt")
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: AgencyCredential.jurisdiction: 'mt' is not a \
jurisdiction code: ...
    """

    agency: str = attrs.field(validator=non_empty_text(_RULE))
    medical_director: str = attrs.field(validator=non_empty_text(_RULE))
    issued_on: dt.date = attrs.field(converter=notebook_day, validator=plain_date(_RULE))
    expires_on: dt.date | None = attrs.field(
        default=None, converter=optional_notebook_day, validator=plain_date(_RULE, optional=True)
    )
    jurisdiction: str | None = attrs.field(
        default=None, kw_only=True, validator=attrs.validators.optional(_code)
    )

    def __attrs_post_init__(self) -> None:
        _not_before(self, "issued_on", "expires_on")

    def in_force(self, on: dt.date) -> bool:
        """Whether the credential is in force on ``on`` (issue and expiry days included).

        Raises:
            InputTypeError: ``on`` is not a ``datetime.date`` (a string, or a datetime: the
                credential has no timezone to take its date in).

        Example:
            >>> import datetime as dt
            >>> credential = AgencyCredential(
            ...     "Valley Fire", "Dr. Ada Reyes", dt.date(2025, 8, 1), dt.date(2026, 7, 31)
            ... )
            >>> credential.in_force(dt.date(2026, 7, 31)), credential.in_force(dt.date(2026, 8, 1))
            (True, False)
        """
        if type(on) is not dt.date:
            on = as_date(on, field="on", rule=_RULE)
        return self.issued_on <= on and (self.expires_on is None or on <= self.expires_on)


@attrs.frozen(slots=True)
class Practitioner:
    """The credentials one person holds: state licences, national certification, agencies.

    Args:
        licenses: State licences or authorizations, in any jurisdictions.
        certification: The national certification, if any (it never grants authority).
        agency_credentials: Agency credentials under medical direction.

    Raises:
        InputTypeError: A field has the wrong type.

    Example:
        >>> Practitioner().licenses
        ()
    """

    licenses: tuple[StateLicense, ...] = attrs.field(default=(), converter=_licenses)
    certification: Certification | None = attrs.field(
        default=None,
        validator=instance_of(Certification, _RULE, optional=True),
    )
    agency_credentials: tuple[AgencyCredential, ...] = attrs.field(
        default=(), converter=_credentials
    )


@attrs.frozen(slots=True, repr=False)
class PracticeDecision:
    """Whether a person may function at ``level`` in ``jurisdiction`` on ``on``, and why.

    Attributes:
        allowed: True only when nothing is missing.
        jurisdiction: The jurisdiction's code.
        level: The level asked about.
        on: The date asked about.
        license_required: Whether the jurisdiction's own licence was required (True for
            an unknown jurisdiction).
        jurisdiction_known: Whether the caller supplied the jurisdiction.
        license: The licence that authorises, if one does.
        valid_until: The last day of the authority, when allowed and it ends (the earliest
            end of the items it rests on); ``None`` otherwise.
        missing: Each missing or expired item, in words; empty when allowed.
        reasons: Every step, cited.
        confidence: The weakest confidence among the reasons.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> from emrpath.authority import Practitioner, StateLicense, practice_authority
        >>> person = Practitioner(
        ...     licenses=[StateLicense("MT", "emr", dt.date(2025, 7, 1), dt.date(2027, 6, 30))]
        ... )
        >>> print(practice_authority(person, "MT", on=dt.date(2027, 7, 1),
        ...     program=ep.NREMT_EMR))
        not allowed: EMR in MT on 2027-07-01 | weakest source: secondary
          missing: an unexpired MT licence or authorization at EMR level or higher
            - No national certification is on record; national certification is not a \
licence to practise and never grants authority by itself.
            - Jurisdiction MT is not among the jurisdictions supplied; it is treated as \
requiring its own licence or authorization.
            - MT licence at EMR (2025-07-01 to 2027-06-30) expired after 2027-06-30.
    """

    allowed: bool
    jurisdiction: str
    level: Level
    on: dt.date
    license_required: bool
    jurisdiction_known: bool
    license: StateLicense | None
    valid_until: dt.date | None
    missing: tuple[str, ...]
    reasons: tuple[Reason, ...]
    confidence: Confidence

    def summary(self) -> str:
        """The answer on one line.

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> from emrpath.authority import Practitioner, StateLicense, practice_authority
            >>> licence = StateLicense("MT", "emt", dt.date(2025, 7, 1), dt.date(2027, 6, 30))
            >>> person = Practitioner(licenses=[licence])
            >>> print(practice_authority(person, "MT", on=dt.date(2026, 3, 1),
            ...     program=ep.NREMT_EMR).summary())
            allowed: EMR in MT on 2026-03-01 through 2027-06-30 | weakest source: secondary
        """
        verdict = "allowed" if self.allowed else "not allowed"
        until = f" through {self.valid_until.isoformat()}" if self.valid_until else ""
        return (
            f"{verdict}: {self.level.label} in {self.jurisdiction} on {self.on.isoformat()}"
            f"{until} | weakest source: {self.confidence.value}"
        )

    def __str__(self) -> str:
        lines = [self.summary()]
        lines += [f"  missing: {item}" for item in self.missing]
        lines += [f"    - {reason}" for reason in self.reasons]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"<PracticeDecision allowed={self.allowed} {self.level.value} in "
            f"{self.jurisdiction} on {self.on.isoformat()} missing={len(self.missing)}>"
        )


# ---------------------------------------------------------------------------------------
# the rule


def _jurisdiction_table(jurisdictions: object) -> dict[str, Jurisdiction]:
    values = jurisdictions.values() if isinstance(jurisdictions, Mapping) else jurisdictions
    items = sequence_of(values, Jurisdiction, field="jurisdictions", rule=_RULE)
    if isinstance(jurisdictions, Mapping):
        for key, item in zip(jurisdictions, items, strict=True):
            if key != item.code:
                raise InvalidRecordError(
                    f"the key {shown(key)} is not the code of its entry ({shown(item.code)})",
                    field=f"jurisdictions[{shown(key)}]",
                    rule=_RULE,
                )
    table: dict[str, Jurisdiction] = {}
    for index, item in enumerate(items):
        known = table.get(item.code)
        if known is not None and known != item:
            raise InvalidRecordError(
                f"two different entries for {shown(item.code)}",
                field=f"jurisdictions[{index}]",
                rule=_RULE,
            )
        table[item.code] = item
    return table


def practice_authority(
    person: Practitioner,
    jurisdiction: Jurisdiction | str,
    *,
    on: dt.date | dt.datetime,
    level: Level | str | None = None,
    require_agency_credential: bool = False,
    require_national_certification: bool = False,
    jurisdictions: Iterable[Jurisdiction] | Mapping[str, Jurisdiction] = (),
    program: Program,
) -> PracticeDecision:
    """Decide whether ``person`` may function at ``level`` in ``jurisdiction`` on ``on``.

    Args:
        person: The person's licences, national certification and agency credentials.
        jurisdiction: A :class:`Jurisdiction`, or a code looked up in ``jurisdictions``.
            A code not found there is treated as requiring its own licence, and the
            decision says so.
        on: The date asked about (or an aware datetime, read in the program's timezone).
        level: The level the person would function at (default: the program's level,
            ``program.level``; EMR for a program without one).
        require_agency_credential: Also require an agency credential under medical
            direction in force on ``on`` (for this jurisdiction, or for any when the
            credential names none).
        require_national_certification: Also require a current national certification.
            It is an extra condition only: it never replaces a licence.
        jurisdictions: The jurisdictions the caller knows, as data (no table ships).
        program: The program whose certification term dates a national certification
            given without an expiry date.

    Returns:
        A :class:`PracticeDecision`: ``allowed``, the cited reasons, and every missing or
        expired item.

    Raises:
        InputTypeError: An argument of the wrong type.
        InvalidRecordError: A malformed code, two different entries for one code (in
            ``jurisdictions``, or there and as ``jurisdiction``), or a ``jurisdictions``
            mapping key that is not its entry's code.
        UnknownNameError: ``level`` is a string that is not a level's value.
        NaiveDatetimeError: ``on`` is a datetime without a timezone.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> from emrpath.authority import Practitioner, practice_authority
        >>> certified_only = Practitioner(certification=ep.Certification(dt.date(2025, 6, 2)))
        >>> decision = practice_authority(certified_only, "WY", on=dt.date(2026, 1, 5),
        ...     program=ep.NREMT_EMR)
        >>> decision.allowed, decision.jurisdiction_known
        (False, False)
        >>> print(decision.missing[0])
        an unexpired WY licence or authorization at EMR level or higher
    """
    program = check_program(program, _RULE)
    require(person, Practitioner, field="person", rule=_RULE)
    day = program.date(on, field="on", rule=_RULE)
    at = Level.parse(level if level is not None else (program.level or Level.EMR), field="level")
    for name, flag in (
        ("require_agency_credential", require_agency_credential),
        ("require_national_certification", require_national_certification),
    ):
        if type(flag) is not bool:
            raise InputTypeError(
                f"must be True or False, got {type(flag).__name__}", field=name, rule=_RULE
            )
    table = _jurisdiction_table(jurisdictions)
    if isinstance(jurisdiction, Jurisdiction):
        place: Jurisdiction | None = jurisdiction
        code = jurisdiction.code
        known = table.get(code)
        if known is not None and known != jurisdiction:
            raise InvalidRecordError(
                f"two different entries for {shown(code)} (one passed as jurisdiction, "
                "one in jurisdictions)",
                field="jurisdiction",
                rule=_RULE,
            )
    elif isinstance(jurisdiction, str):
        code = _check_code(jurisdiction, "jurisdiction")
        place = table.get(code)
    else:
        raise InputTypeError(
            f"must be a Jurisdiction or its code, got {type(jurisdiction).__name__}",
            field="jurisdiction",
            rule=_RULE,
        )
    run = _PracticeRun(person, place, code, on=day, level=at, program=program)
    return run.run(require_agency_credential, require_national_certification)


class _PracticeRun:
    """One practice-authority decision for one person, step by step.

    A class only to share the run's working values: the person, the jurisdiction (its
    entry, when known, and its code), the date and level asked about, the program, and
    the reasons, missing items and end dates found so far.
    """

    __slots__ = ("code", "ends", "level", "missing", "on", "person", "place", "program", "reasons")

    def __init__(
        self,
        person: Practitioner,
        place: Jurisdiction | None,
        code: str,
        *,
        on: dt.date,
        level: Level,
        program: Program,
    ) -> None:
        self.person = person
        self.place = place
        self.code = code
        self.on = on
        self.level = level
        self.program = program
        self.reasons: list[Reason] = []
        self.missing: list[str] = []
        self.ends: list[dt.date] = []

    def add(self, code: str, message: str, citation: Citation, confidence: Confidence) -> None:
        self.reasons.append(Reason(code, message, None, citation, confidence))

    def national(self, required: bool) -> None:
        cert = self.person.certification
        if cert is None:
            state = "No national certification is on record"
            current = False
        else:
            expires = cert.expires_on or initial_expiration_date(
                cert.certified_on, program=self.program
            )
            current = cert.certified_on <= self.on and (expires is None or self.on <= expires)
            if current:
                state = "National certification is current" + (
                    f" through {expires}" if expires else " (not time-limited)"
                )
                if required and expires is not None:
                    self.ends.append(expires)
            elif self.on < cert.certified_on:
                state = f"National certification starts {cert.certified_on}, after {self.on}"
            else:
                state = f"National certification expired {expires}"
        self.add(
            "national_certification_not_authority",
            f"{state}; national certification is not a licence to practise and never grants "
            "authority by itself.",
            _LICENSURE,
            _P,
        )
        if required and not current:
            self.missing.append("a current national certification")

    def jurisdiction(self) -> bool:
        """Whether the jurisdiction's own licence is required; adds the reason why."""
        place = self.place
        if place is None:
            self.add(
                "jurisdiction_unknown",
                f"Jurisdiction {self.code} is not among the jurisdictions supplied; it is "
                "treated as requiring its own licence or authorization.",
                _WHERE_REQUIRED,
                _S,
            )
            return True
        citation = place.citation or _WHERE_REQUIRED
        confidence = place.confidence if place.citation is not None else _S
        if place.requires_state_license:
            source = "" if place.citation is not None else " (no source given for it)"
            self.add(
                "license_required",
                f"{place.name} ({place.code}) requires its own licence or authorization{source}.",
                citation,
                confidence,
            )
            return True
        self.add(
            "license_not_required",
            f"{place.name} ({place.code}) requires no licence of its own, per the "
            "jurisdiction data supplied.",
            citation,
            confidence,
        )
        return False

    def licence(self) -> StateLicense | None:
        """The person's licence that serves here on the date (the longest-lasting), or None."""
        here = [lic for lic in self.person.licenses if lic.jurisdiction == self.code]
        usable = [lic for lic in here if lic.in_force(self.on) and lic.level >= self.level]
        if usable:
            best = max(usable, key=lambda lic: (lic.expires_on, lic.level.rank))
            self.add(
                "license_valid",
                f"{self.code} licence at {best.level.label} is in force from {best.issued_on} "
                f"through {best.expires_on}.",
                _STATE_LICENSES,
                _P,
            )
            if best.level > self.level:
                self.add(
                    "license_level_higher",
                    f"A licence at {best.level.label} authorises functioning at the lower level "
                    f"{self.level.label}: levels are cumulative in scope.",
                    _AT_OR_ABOVE,
                    _S,
                )
            self.ends.append(best.expires_on)
            return best
        self.no_licence(here)
        return None

    def no_licence(self, here: list[StateLicense]) -> None:
        """Why none of the person's licences for the jurisdiction serves; it goes missing."""
        for lic in here:
            what = (
                f"{self.code} licence at {lic.level.label} ({lic.issued_on} to {lic.expires_on})"
            )
            if self.on > lic.expires_on:
                code, message = "license_expired", f"{what} expired after {lic.expires_on}."
            elif self.on < lic.issued_on:
                code, message = "license_not_yet_valid", f"{what} is not in force until "
                message += f"{lic.issued_on}."
            else:
                code = "license_level_too_low"
                message = f"{what} is below {self.level.label}, the level asked about."
            self.add(code, message, _STATE_LICENSES, _P)
        if not here:
            elsewhere = sorted({lic.jurisdiction for lic in self.person.licenses})
            other = (
                f"; licences in {', '.join(elsewhere)} do not authorise practice in {self.code}"
                if elsewhere
                else ""
            )
            self.add(
                "license_missing",
                f"No {self.code} licence or authorization is on record{other}.",
                _STATE_LICENSES,
                _P,
            )
        self.missing.append(
            f"an unexpired {self.code} licence or authorization at {self.level.label} level "
            "or higher"
        )

    def agency(self) -> None:
        mine = [
            cred
            for cred in self.person.agency_credentials
            if cred.jurisdiction is None or cred.jurisdiction == self.code
        ]
        usable = [cred for cred in mine if cred.in_force(self.on)]
        if usable:
            # One that never expires outlasts every other; otherwise the latest expiry.
            best = max(usable, key=lambda c: (c.expires_on is None, c.expires_on or self.on))
            until = f" through {best.expires_on}" if best.expires_on else " until withdrawn"
            self.add(
                "agency_credential_valid",
                f"Credentialed by {best.agency} under the medical direction of "
                f"{best.medical_director}, in force from {best.issued_on}{until}.",
                _MEDICAL_DIRECTION,
                _S,
            )
            if best.expires_on is not None:
                self.ends.append(best.expires_on)
            return
        for cred in mine:
            if cred.expires_on is not None and self.on > cred.expires_on:
                message = f"Credential by {cred.agency} expired after {cred.expires_on}."
                self.add("agency_credential_expired", message, _MEDICAL_DIRECTION, _S)
            else:
                message = f"Credential by {cred.agency} is not in force until {cred.issued_on}."
                self.add("agency_credential_not_yet_valid", message, _MEDICAL_DIRECTION, _S)
        if not mine:
            self.add(
                "agency_credential_missing",
                f"No agency credential under medical direction for {self.code} is on record.",
                _MEDICAL_DIRECTION,
                _S,
            )
        self.missing.append("agency credentialing under medical direction, in force")

    def run(self, require_agency: bool, require_national: bool) -> PracticeDecision:
        self.national(require_national)
        required = self.jurisdiction()
        licence = self.licence() if required else None
        if require_agency:
            self.agency()
        allowed = not self.missing
        return PracticeDecision(
            allowed=allowed,
            jurisdiction=self.code,
            level=self.level,
            on=self.on,
            license_required=required,
            jurisdiction_known=self.place is not None,
            license=licence,
            valid_until=min(self.ends) if allowed and self.ends else None,
            missing=tuple(self.missing),
            reasons=tuple(self.reasons),
            confidence=weakest(r.confidence for r in self.reasons),
        )
