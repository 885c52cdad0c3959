"""Rule editions: which rules, and which emrpath, produced an answer.

A program's :class:`Edition` is a digest of its rule data (every parameter's values,
effective dates and confidence, the calendar it counts business days on and the holiday
data behind it) together with the emrpath version. The prose around the rules (titles,
descriptions, citations, notes) is left out: rewording a source or fixing a URL does not
change an edition, changing a number or a date does. Every decision and status carries the
edition it was made under, so a stored answer can say whether today's rules are the ones
that gave it.

Example:
    >>> import emrpath as ep
    >>> edition = ep.NREMT_EMR.edition
    >>> edition.program, len(edition.digest)
    ('nremt-emr', 16)
    >>> Edition.parse(str(edition)) == edition
    True
    >>> import attrs
    >>> from emrpath.policies import FixedDaysWait
    >>> wait = ep.NREMT_EMR.retest_wait
    >>> sixteen = attrs.evolve(
    ...     wait, provisions=[attrs.evolve(wait.provisions[0], value=FixedDaysWait(days=16))]
    ... )
    >>> edition.changes_to(attrs.evolve(ep.NREMT_EMR, retest_wait=sixteen).edition)
    ('rules',)
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from emrpath._validators import shown
from emrpath._version import __version__
from emrpath.errors import InputTypeError, InvalidRecordError
from emrpath.params import Citation

if TYPE_CHECKING:
    from emrpath.program import Program

__all__ = ["Edition", "program_edition"]

_RULE = "rule edition"
_DIGEST_CHARS = 16  # 64 bits of SHA-256: no two editions of one program will collide
_TEXT = re.compile(r"(?P<program>[^@#\s]+)@(?P<library>[^@#\s]+)#(?P<digest>[0-9a-f]{16})")
# Prose around the rules, left out of the digest: rewording a source is not a new rule.
# A parameter's name is the digest's key for it; a closure's name says why, not when.
_PROSE_FIELDS = {
    "Param": frozenset({"name", "description"}),
    "Provision": frozenset({"citation", "note"}),
    "DayOverride": frozenset({"name", "citation"}),
}


@attrs.frozen(slots=True)
class Edition:
    """The rules and the library that produced an answer.

    Args:
        program: The program's key.
        library: The emrpath version.
        digest: 16 hex digits of SHA-256 over the program's rule data (not its prose).

    Its text form, ``"nremt-emr@0.2.0#0123456789abcdef"``, is what decisions, statuses and
    their JSON documents store.

    Example:
        >>> Edition.parse("nremt-emr@0.2.0#0123456789abcdef").library
        '0.2.0'
    """

    program: str
    library: str
    digest: str

    def __str__(self) -> str:
        return f"{self.program}@{self.library}#{self.digest}"

    @classmethod
    def parse(cls, text: object) -> Edition:
        """The edition a stored ``"program@library#digest"`` text names.

        Raises:
            InputTypeError: ``text`` is not a str.
            InvalidRecordError: ``text`` is not an edition.

        Example:
            >>> Edition.parse("ascp-mls@0.2.0#00ff00ff00ff00ff").program
            'ascp-mls'
            >>> Edition.parse("ascp-mls")
            Traceback (most recent call last):
            ...
            emrpath.errors.InvalidRecordError: edition: 'ascp-mls' is not an edition \
("program@version#digest", 16 hex digits) (rule: rule edition)
        """
        if not isinstance(text, str):
            raise InputTypeError(
                f"expected an edition's text, got {type(text).__name__}",
                field="edition",
                rule=_RULE,
            )
        found = _TEXT.fullmatch(text)
        if found is None:
            raise InvalidRecordError(
                f'{shown(text)} is not an edition ("program@version#digest", 16 hex digits)',
                field="edition",
                rule=_RULE,
            )
        return cls(found["program"], found["library"], found["digest"])

    def changes_to(self, other: Edition) -> tuple[str, ...]:
        """What differs from this edition to ``other``: ``"program"``, ``"rules"``, ``"library"``.

        Empty when the answer was made under exactly ``other``. ``"rules"`` means a rule's
        value, effective date or confidence changed (the stored answer may no longer be
        what the rules give); ``"library"`` alone means the code changed but not the data.

        Example:
            >>> stored = Edition("nremt-emr", "0.1.0", "0123456789abcdef")
            >>> stored.changes_to(Edition("nremt-emr", "0.2.0", "0123456789abcdef"))
            ('library',)
            >>> stored.changes_to(stored)
            ()
        """
        if not isinstance(other, Edition):
            raise InputTypeError(
                f"expected an Edition, got {type(other).__name__}", field="other", rule=_RULE
            )
        changed = []
        if self.program != other.program:
            changed.append("program")
        if self.digest != other.digest:
            changed.append("rules")
        if self.library != other.library:
            changed.append("library")
        return tuple(changed)


def program_edition(program: Program) -> Edition:
    """The edition of ``program``'s rules under this emrpath (see :class:`Edition`).

    :attr:`emrpath.Program.edition` holds it, computed once when the program is built.

    Example:
        >>> import emrpath as ep
        >>> program_edition(ep.ASCP_MLS) == ep.ASCP_MLS.edition
        True
    """
    from emrpath.calendar import holiday_data_of

    table = {
        "calendar": [_canonical(program.calendar_spec), holiday_data_of(program.calendar_spec)],
        "timezone": program.timezone,
        "parameters": {param.name: _canonical(param) for param in program.parameters()},
    }
    text = json.dumps(table, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(text.encode()).hexdigest()[:_DIGEST_CHARS]
    return Edition(program.key, __version__, digest)


def _canonical(value: Any) -> Any:
    """``value`` as plain JSON data in one order, without its prose."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Decimal):
        return f"decimal:{value.normalize()}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, Citation):
        return None  # where a rule comes from is prose; the rule is its value
    if isinstance(value, (frozenset, set)):
        return sorted((_canonical(item) for item in value), key=repr)
    if isinstance(value, (tuple, list)):
        return [_canonical(item) for item in value]
    if attrs.has(type(value)):
        kind = type(value).__name__
        prose = _PROSE_FIELDS.get(kind, frozenset())
        return {
            "type": kind,
            **{
                field.name: _canonical(getattr(value, field.name))
                for field in attrs.fields(type(value))
                if field.eq and field.name not in prose
            },
        }
    raise InputTypeError(
        f"no canonical form for a {type(value).__name__} in a program's rules",
        field="program",
        rule=_RULE,
    )
