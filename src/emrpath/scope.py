"""Scope of practice: which certification level may perform which skill.

A :class:`ScopeProfile` lists skills, each with the lowest :class:`Level` allowed to
perform it, its category, its sources, a :class:`~emrpath.params.Citation` and a
:class:`~emrpath.params.Confidence`. :data:`NATIONAL_2019` is the default profile: the US
National EMS Scope of Practice Model 2019 with Change Notices 1.0 and 2.0 (2021), as far as
the sources read could establish it. States widen or narrow that model; a state profile is
data, made with :meth:`ScopeProfile.derive`, and every change it makes carries its citation.

:func:`is_within_scope` answers "may a clinician at this level perform this skill under
this profile?" with a :class:`ScopeDecision` that is one of three outcomes:

- ``WITHIN_SCOPE``: the profile lists the skill at this level or a lower one;
- ``ABOVE_SCOPE``: the profile lists it, but only from a higher level
  (:attr:`ScopeDecision.lowest_level` says which);
- ``NOT_CONFIRMED``: the profile does not list the skill, or lists it on a row flagged
  for verification. A skill is never "allowed" by default.

Policies this module fixes, and why:

- **Levels are cumulative** (EMR < EMT < AEMT < Paramedic): a skill within scope at one
  level is within scope at every higher level. Every EMR skill is in scope at every
  higher level in the structured source the table was built from; that the national
  model says so explicitly is inferred, not read.
- **Unknown skills are not confirmed.** The profile is the whole of what is known; a skill
  it does not list (or a name that does not match exactly) is ``NOT_CONFIRMED``, never
  ``WITHIN_SCOPE`` and never an exception.
- **Rows flagged "verify" are not confirmed by default.** The table marks eleven rows whose
  national placement the sources did not settle (the doubt may run either way: NPA may be
  lower, an EMR's patient-own epinephrine auto-injector may be higher). Whether a level is
  within or above such a row's recorded minimum, the answer rests on that minimum being
  right, so with ``unverified="not_confirmed"`` (the default) every question on such a row
  is ``NOT_CONFIRMED``. A caller who accepts the recorded level passes
  ``unverified="as_recorded"`` and gets ``WITHIN_SCOPE``/``ABOVE_SCOPE`` with confidence
  ``SECONDARY`` and a reason saying the row is flagged.
- **Secondary rows answer, and say so.** A row that rests only on secondary sources and is
  not flagged gives ``WITHIN_SCOPE``/``ABOVE_SCOPE`` with confidence ``SECONDARY``.

Example:
    >>> from emrpath.scope import NATIONAL_2019, Level, is_within_scope
    >>> is_within_scope("intramuscular_injection_route", "emr").outcome
    <ScopeOutcome.ABOVE_SCOPE: 'above_scope'>
    >>> print(is_within_scope("bag_valve_mask_ventilation", Level.EMR))
    within scope: Bag-valve-mask (BVM) ventilation at EMR (minimum level EMR; profile national-2019; secondary source)
    >>> is_within_scope("start a central line", Level.PARAMEDIC).outcome
    <ScopeOutcome.NOT_CONFIRMED: 'not_confirmed'>
"""  # noqa: E501

from __future__ import annotations

import enum
import types
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

import attrs

from emrpath._scope_table import (
    SKILL_KEY,
    SKILLS_FILE,
    SOURCES_FILE,
    package_text,
    read_skills,
    read_sources,
)
from emrpath._validators import field_name, instance_of, non_empty_text, parse_enum, shown
from emrpath.errors import InputTypeError, InvalidRecordError, UnknownNameError
from emrpath.params import Citation, Confidence
from emrpath.program import Program

__all__ = [
    "NATIONAL_2019",
    "SCOPE_SOURCES",
    "CanCannotList",
    "ChangeKind",
    "Level",
    "ScopeChange",
    "ScopeDecision",
    "ScopeOutcome",
    "ScopeProfile",
    "SkillRow",
    "UnverifiedPolicy",
    "above_scope_skills",
    "can_cannot_list",
    "is_within_scope",
]

_RULE = "scope of practice"
_TEXT = non_empty_text(_RULE)
_STR = instance_of(str, _RULE)


class Level(enum.Enum):
    """A certification level of the US National EMS Scope of Practice Model.

    Members order by scope: ``EMR < EMT < AEMT < PARAMEDIC``. Values are the lower-case
    names, which :meth:`parse` (and every function here) accepts in place of a member.

    Example:
        >>> Level.EMR < Level.EMT < Level.AEMT < Level.PARAMEDIC
        True
        >>> Level("aemt").label
        'AEMT'
        >>> max(Level)
        <Level.PARAMEDIC: 'paramedic'>
    """

    EMR = "emr"
    EMT = "emt"
    AEMT = "aemt"
    PARAMEDIC = "paramedic"

    @property
    def rank(self) -> int:
        """0 for EMR, rising by one per level.

        Example:
            >>> Level.EMR.rank, Level.PARAMEDIC.rank
            (0, 3)
            >>> lowest = NATIONAL_2019.row("pulse_oximetry").min_level
            >>> lowest, lowest.rank - Level.EMR.rank  # levels above EMR
            (<Level.EMT: 'emt'>, 1)
        """
        return _LEVEL_RANK[self]

    @property
    def label(self) -> str:
        """The level as people write it: ``EMR``, ``EMT``, ``AEMT``, ``Paramedic``.

        Example:
            >>> [level.label for level in Level]
            ['EMR', 'EMT', 'AEMT', 'Paramedic']
            >>> NATIONAL_2019.row("cpap").min_level.label
            'EMT'
        """
        return _LEVEL_LABEL[self]

    @classmethod
    def parse(cls, value: object, *, field: str = "level") -> Level:
        """``value`` as a :class:`Level`: a member, or exactly one of the values.

        Args:
            value: A :class:`Level`, or ``"emr"``, ``"emt"``, ``"aemt"`` or ``"paramedic"``.
            field: The caller-facing name of the argument, for error messages.

        Raises:
            InputTypeError: ``value`` is neither a :class:`Level` nor a ``str``.
            UnknownNameError: ``value`` is a string that is not exactly a level's value.

        Example:
            >>> Level.parse("emt")
            <Level.EMT: 'emt'>
            >>> Level.parse("EMT")
            Traceback (most recent call last):
            ...
            emrpath.errors.UnknownNameError: level: unknown level 'EMT'; expected one of 'emr', 'emt', 'aemt', 'paramedic' (did you mean 'emt'?) (rule: scope of practice)
        """  # noqa: E501
        return parse_enum(cls, value, field=field, rule=_RULE, noun="level", suggest=_level_meant)

    @classmethod
    def of(cls, program: object) -> Level:
        """The level a program's credential certifies (its ``level``).

        Args:
            program: A :class:`~emrpath.program.Program` that names a level.

        Raises:
            InputTypeError: ``program`` is not a Program.
            UnknownNameError: The program names no level (it is outside the scope model),
                or names one that is not a level's value.

        Example:
            >>> import emrpath as ep
            >>> Level.of(ep.NREMT_PARAMEDIC), Level.of(ep.NREMT_EMT).label
            (<Level.PARAMEDIC: 'paramedic'>, 'EMT')
            >>> Level.of(ep.ASCP_MLS)
            Traceback (most recent call last):
            ...
            emrpath.errors.UnknownNameError: program.level: ascp-mls names no \
scope-of-practice level (rule: scope of practice)
        """
        if not isinstance(program, Program):
            raise InputTypeError(
                f"expected a Program, got {type(program).__name__}", field="program", rule=_RULE
            )
        if program.level is None:
            raise UnknownNameError(
                f"{program.key} names no scope-of-practice level",
                field="program.level",
                rule=_RULE,
            )
        return cls.parse(program.level, field="program.level")

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank >= other.rank


_LEVEL_RANK = types.MappingProxyType(
    {Level.EMR: 0, Level.EMT: 1, Level.AEMT: 2, Level.PARAMEDIC: 3}
)
_LEVEL_LABEL = types.MappingProxyType(
    {
        Level.EMR: "EMR",
        Level.EMT: "EMT",
        Level.AEMT: "AEMT",
        Level.PARAMEDIC: "Paramedic",
    }
)


class ScopeOutcome(enum.Enum):
    """The three answers :func:`is_within_scope` can give.

    Example:
        >>> ScopeOutcome("not_confirmed")
        <ScopeOutcome.NOT_CONFIRMED: 'not_confirmed'>
    """

    WITHIN_SCOPE = "within_scope"
    ABOVE_SCOPE = "above_scope"
    NOT_CONFIRMED = "not_confirmed"


def _level_meant(value: str) -> Level | None:
    """The level a near miss means: its value or label in another case or with spaces."""
    folded = value.strip().casefold()
    for member in Level:
        if folded in (member.value, member.label.casefold()):
            return member
    return None


class UnverifiedPolicy(enum.Enum):
    """What :func:`is_within_scope` does with a row flagged for verification.

    ``NOT_CONFIRMED`` (the default): any question on the row is not confirmed, because
    its answer depends on the recorded level being right. ``AS_RECORDED``: answer from the
    recorded level, with confidence ``SECONDARY`` and a reason saying the row is flagged.

    Example:
        >>> UnverifiedPolicy("as_recorded")
        <UnverifiedPolicy.AS_RECORDED: 'as_recorded'>
    """

    NOT_CONFIRMED = "not_confirmed"
    AS_RECORDED = "as_recorded"

    @classmethod
    def parse(cls, value: object) -> UnverifiedPolicy:
        """``value`` as a policy: a member or exactly one of the values.

        Raises:
            InputTypeError: ``value`` is neither a member nor a ``str``.
            UnknownNameError: ``value`` is a string that is not exactly a value.

        Example:
            >>> UnverifiedPolicy.parse("not_confirmed")
            <UnverifiedPolicy.NOT_CONFIRMED: 'not_confirmed'>
        """
        return parse_enum(cls, value, field="unverified", rule=_RULE, noun="policy")


class ChangeKind(enum.Enum):
    """How a derived profile changes a skill of its base profile.

    Example:
        >>> ChangeKind.WIDEN.value
        'widen'
    """

    WIDEN = "widen"
    """The skill's minimum level is lowered."""
    NARROW = "narrow"
    """The skill's minimum level is raised."""
    ADD = "add"
    """A skill the base profile does not list is added."""
    REMOVE = "remove"
    """The skill is removed: the derived profile no longer confirms it at any level."""


# ---------------------------------------------------------------------------------------
# validators


def _key(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _STR(instance, attribute, value)
    if not SKILL_KEY.fullmatch(str(value)):
        raise InvalidRecordError(
            f"{shown(value)} is not a snake_case key (lower-case letters, digits, single "
            "underscores)",
            field=field_name(instance, attribute),
            rule=_RULE,
        )


def _bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        raise InputTypeError(
            f"must be a bool, got {type(value).__name__}",
            field=field_name(instance, attribute),
            rule=_RULE,
        )


def _to_tuple(value: Iterable[Any], field: str = "value") -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)):
        return (value,)  # a lone item, not its characters; validators check the item
    try:
        return tuple(value)
    except TypeError:
        raise InputTypeError(
            f"must be an iterable, got {type(value).__name__}", field=field, rule=_RULE
        ) from None


def _sources_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return _to_tuple(value, "SkillRow.sources")


def _rows_tuple(value: Iterable[SkillRow]) -> tuple[SkillRow, ...]:
    return _to_tuple(value, "ScopeProfile.rows")


def _changes_tuple(value: Iterable[ScopeChange]) -> tuple[ScopeChange, ...]:
    return _to_tuple(value, "ScopeProfile.changes")


def _reasons_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return _to_tuple(value, "ScopeDecision.reasons")


def _source_ids(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    if not value:
        raise InvalidRecordError(
            "a skill row needs at least one source id",
            field=field_name(instance, attribute),
            rule=_RULE,
        )
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise InvalidRecordError(
                f"source ids are non-empty strings, got {shown(item)}",
                field=field_name(instance, attribute),
                rule=_RULE,
            )


def _min_level(value: object) -> Level:
    # A record accepts a level's exact string value too, like every function here.
    return Level.parse(value, field="SkillRow.min_level")


# ---------------------------------------------------------------------------------------
# value types


@attrs.frozen(slots=True)
class SkillRow:
    """One skill of a scope profile: the lowest level that may perform it, and why.

    Args:
        key: Stable snake_case id (``"bag_valve_mask_ventilation"``).
        name: The skill as the source table words it.
        category: The table's category (``"Airway/ventilation/oxygenation"`` …).
        min_level: The lowest level at which the skill is in scope (a :class:`Level`, or
            its string value).
        note: The table's note ("" for none).
        sources: Ids of the sources the row rests on (``("S1", "S2")``).
        citation: The source the row's level is read from.
        confidence: ``PRIMARY`` only when the certifying body's own text states it.
        verify: True when the table flags the row for verification.

    Raises:
        InputTypeError: A field has the wrong type.
        UnknownNameError: ``min_level`` is a string that is not exactly a level's value.
        InvalidRecordError: An empty text, a key that is not snake_case, or no source.

    Example:
        >>> row = NATIONAL_2019.row("bag_valve_mask_ventilation")
        >>> row.min_level, row.confidence, row.sources, row.verify
        (<Level.EMR: 'emr'>, <Confidence.SECONDARY: 'secondary'>, ('S1', 'S2'), False)
    """

    key: str = attrs.field(validator=_key)
    name: str = attrs.field(validator=_TEXT)
    category: str = attrs.field(validator=_TEXT)
    min_level: Level = attrs.field(converter=_min_level)
    note: str = attrs.field(validator=_STR)
    sources: tuple[str, ...] = attrs.field(converter=_sources_tuple, validator=_source_ids)
    citation: Citation = attrs.field(validator=instance_of(Citation, _RULE))
    confidence: Confidence = attrs.field(validator=instance_of(Confidence, _RULE))
    verify: bool = attrs.field(default=False, validator=_bool)

    def __str__(self) -> str:
        flag = ", verify" if self.verify else ""
        return f"{self.name} [{self.min_level.label}+; {self.confidence.value}{flag}]"


@attrs.frozen(slots=True)
class ScopeChange:
    """One cited change a derived profile makes to its base profile.

    Args:
        kind: Widen, narrow, add or remove.
        skill: The key of the skill changed.
        old_level: Its minimum level before the change (``None`` for an added skill).
        new_level: Its minimum level after the change (``None`` for a removed skill).
        citation: The source of the change (a state rule, a protocol …).
        confidence: How sure that source makes us.
        profile: The name of the profile that made the change.
        note: Why, in words (``"with the EMR Monitoring Endorsement"``).

    Raises:
        InvalidRecordError: The levels do not fit the kind (a widening that does not lower
            the level, an addition with an old level …).

    Example:
        >>> base = NATIONAL_2019
        >>> wide = base.derive(
        ...     "montana-like",
        ...     description="National model plus Montana's EMR Monitoring Endorsement.",
        ...     widen={"pulse_oximetry": "emr"},
        ...     citation=base.row("pulse_oximetry").citation,
        ...     confidence=base.row("pulse_oximetry").confidence,
        ...     note="with the EMR Monitoring Endorsement",
        ... )
        >>> change = wide.changes[0]
        >>> change.kind, change.old_level, change.new_level
        (<ChangeKind.WIDEN: 'widen'>, <Level.EMT: 'emt'>, <Level.EMR: 'emr'>)
        >>> print(change)
        montana-like widens pulse_oximetry from EMT to EMR (with the EMR Monitoring Endorsement)
    """

    kind: ChangeKind = attrs.field(validator=instance_of(ChangeKind, _RULE))
    skill: str = attrs.field(validator=_key)
    old_level: Level | None = attrs.field(validator=instance_of(Level, _RULE, optional=True))
    new_level: Level | None = attrs.field(validator=instance_of(Level, _RULE, optional=True))
    citation: Citation = attrs.field(validator=instance_of(Citation, _RULE))
    confidence: Confidence = attrs.field(validator=instance_of(Confidence, _RULE))
    profile: str = attrs.field(validator=_TEXT)
    note: str = attrs.field(default="", validator=_STR)

    def __attrs_post_init__(self) -> None:
        old, new = self.old_level, self.new_level
        fits = {
            ChangeKind.WIDEN: old is not None and new is not None and new < old,
            ChangeKind.NARROW: old is not None and new is not None and new > old,
            ChangeKind.ADD: old is None and new is not None,
            ChangeKind.REMOVE: old is not None and new is None,
        }[self.kind]
        if not fits:
            raise InvalidRecordError(
                f"a {self.kind.value} change cannot go from {_label(old)} to {_label(new)}",
                field=f"ScopeChange({self.skill})",
                rule=_RULE,
            )

    def __str__(self) -> str:
        verb = {
            ChangeKind.WIDEN: "widens",
            ChangeKind.NARROW: "narrows",
            ChangeKind.ADD: "adds",
            ChangeKind.REMOVE: "removes",
        }[self.kind]
        if self.kind is ChangeKind.ADD:
            span = f" at {_label(self.new_level)}"
        elif self.kind is ChangeKind.REMOVE:
            span = f" (was {_label(self.old_level)})"
        else:
            span = f" from {_label(self.old_level)} to {_label(self.new_level)}"
        why = f" ({self.note})" if self.note else ""
        return f"{self.profile} {verb} {self.skill}{span}{why}"


def _label(level: Level | None) -> str:
    return "no level" if level is None else level.label


@attrs.frozen(slots=True)
class ScopeProfile:
    """A named set of skills, each with the lowest level that may perform it.

    Look a skill up by its key, or by its exact table name in any letter case. A profile is
    immutable; :meth:`derive` returns a new profile with cited changes and leaves this one
    as it was. Iterating a profile yields its rows in order.

    Args:
        name: Short id of the profile (``"national-2019"``).
        description: What the profile is and where it comes from.
        rows: The skills, keys unique.
        derived_from: The name of the profile this one was derived from, if any.
        changes: Every change made since the root profile, oldest first.

    Raises:
        InputTypeError: A row or change of the wrong type.
        InvalidRecordError: Two rows share a key, or a row's name (ignoring case) equals
            another row's key or name, so a lookup would be ambiguous.

    Example:
        >>> len(NATIONAL_2019)
        83
        >>> NATIONAL_2019.row("CPAP").key
        'cpap'
        >>> "jaw thrust" in NATIONAL_2019, "tourniquet" in NATIONAL_2019
        (True, False)
    """

    name: str = attrs.field(validator=_TEXT)
    description: str = attrs.field(validator=_TEXT)
    rows: tuple[SkillRow, ...] = attrs.field(converter=_rows_tuple, repr=False)
    derived_from: str | None = attrs.field(default=None)
    changes: tuple[ScopeChange, ...] = attrs.field(
        default=(), converter=_changes_tuple, repr=False
    )
    _by_key: dict[str, SkillRow] = attrs.field(init=False, repr=False, eq=False)
    _by_name: dict[str, SkillRow] = attrs.field(init=False, repr=False, eq=False)

    @derived_from.validator
    def _check_derived_from(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            _TEXT(self, attribute, value)

    @changes.validator
    def _check_changes(self, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for item in value:
            if not isinstance(item, ScopeChange):
                raise InputTypeError(
                    f"changes must be ScopeChange values, got {type(item).__name__}",
                    field="ScopeProfile.changes",
                    rule=_RULE,
                )

    def __attrs_post_init__(self) -> None:
        by_key: dict[str, SkillRow] = {}
        by_name: dict[str, SkillRow] = {}
        for row in self.rows:
            if not isinstance(row, SkillRow):
                raise InputTypeError(
                    f"rows must be SkillRow values, got {type(row).__name__}",
                    field="ScopeProfile.rows",
                    rule=_RULE,
                )
            if row.key in by_key:
                raise InvalidRecordError(
                    f"two rows share the key {shown(row.key)}",
                    field="ScopeProfile.rows",
                    rule=_RULE,
                )
            folded = row.name.casefold()
            if folded in by_name:
                raise InvalidRecordError(
                    f"rows {shown(by_name[folded].key)} and {shown(row.key)} share the name "
                    f"{shown(row.name)}",
                    field="ScopeProfile.rows",
                    rule=_RULE,
                )
            by_key[row.key] = row
            by_name[folded] = row
        for folded, row in by_name.items():
            other = by_key.get(folded)
            if other is not None and other is not row:
                raise InvalidRecordError(
                    f"the name of {shown(row.key)} is the key of {shown(other.key)}; lookups "
                    "would be ambiguous",
                    field="ScopeProfile.rows",
                    rule=_RULE,
                )
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_by_name", by_name)

    # -- lookup ---------------------------------------------------------------------------

    def get(self, skill: str) -> SkillRow | None:
        """The row for ``skill`` (a key, or the exact table name in any case), or ``None``.

        Raises:
            InputTypeError: ``skill`` is not a ``str``.

        Example:
            >>> NATIONAL_2019.get("Bag-valve-mask (BVM) ventilation").key
            'bag_valve_mask_ventilation'
            >>> NATIONAL_2019.get("bvm") is None
            True
        """
        if not isinstance(skill, str):
            raise InputTypeError(
                f"must be a str (a skill key or table name), got {type(skill).__name__}",
                field="skill",
                rule=_RULE,
            )
        row = self._by_key.get(skill)
        if row is None:
            row = self._by_name.get(skill.casefold())
        return row

    def row(self, skill: str) -> SkillRow:
        """The row for ``skill``, like :meth:`get`, but an unknown skill raises.

        Raises:
            InputTypeError: ``skill`` is not a ``str``.
            UnknownNameError: The profile does not list ``skill``.

        Example:
            >>> NATIONAL_2019.row("pulse_oximetry").min_level
            <Level.EMT: 'emt'>
        """
        row = self.get(skill)
        if row is None:
            raise UnknownNameError(
                f"profile {shown(self.name)} does not list {shown(skill)}",
                field="skill",
                rule=_RULE,
            )
        return row

    @property
    def keys(self) -> tuple[str, ...]:
        """The skill keys, in row order.

        Example:
            >>> len(NATIONAL_2019.keys), NATIONAL_2019.keys[3:5]
            (83, ('head_tilt_chin_lift', 'jaw_thrust'))
        """
        return tuple(self._by_key)

    def changes_for(self, skill: str) -> tuple[ScopeChange, ...]:
        """The changes (oldest first) this profile's lineage made to the skill ``skill``.

        ``skill`` is a key, or a table name of a row the profile still lists.

        Example:
            >>> NATIONAL_2019.changes_for("pulse_oximetry")
            ()
        """
        row = self.get(skill)
        key = row.key if row is not None else skill
        return tuple(change for change in self.changes if change.skill == key)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[SkillRow]:
        return iter(self.rows)

    def __contains__(self, skill: object) -> bool:
        return isinstance(skill, str) and self.get(skill) is not None

    # -- derivation -----------------------------------------------------------------------

    def derive(
        self,
        name: str,
        *,
        description: str,
        citation: Citation,
        confidence: Confidence,
        widen: Mapping[str, Level | str] | None = None,
        narrow: Mapping[str, Level | str] | None = None,
        add: Iterable[SkillRow] = (),
        remove: Iterable[str] = (),
        note: str = "",
        verify: bool = False,
    ) -> ScopeProfile:
        """A new profile: this one with cited changes. This profile is left unchanged.

        Every change made by one call carries ``citation`` and ``confidence``; to cite
        different sources, chain calls (each call's changes are appended to
        ``changes``). A widened or narrowed row takes the change's citation and
        confidence, since its level now rests on them, and its ``verify`` flag becomes
        ``verify``. A removed skill is no longer listed, so the new profile answers
        ``NOT_CONFIRMED`` for it (a state that bars a skill gives no level to confirm).

        Args:
            name: The new profile's name; it must differ from this profile's.
            description: What the new profile is.
            citation: The source of these changes.
            confidence: How sure that source makes us.
            widen: Skill (key or table name) -> new, strictly lower minimum level.
            narrow: Skill -> new, strictly higher minimum level.
            add: Rows for skills this profile does not list (each keeps its own citation).
            remove: Skills to remove.
            note: Why, in words; kept on every change.
            verify: Whether the changed rows still need verification.

        Raises:
            InputTypeError: An argument of the wrong type.
            UnknownNameError: A skill to widen, narrow or remove is not listed.
            InvalidRecordError: No change at all; a widening that does not lower the level
                (or a narrowing that does not raise it); a skill changed twice in one call;
                an added skill that is already listed; the same name as this profile.

        Example:
            >>> from emrpath.params import Citation, Confidence
            >>> rule = Citation(url="https://example.org/state-rule", quote="...",
            ...                 title="Example state EMS rule")
            >>> state = NATIONAL_2019.derive(
            ...     "example-state", description="Example narrowing.", citation=rule,
            ...     confidence=Confidence.PRIMARY, narrow={"naloxone_intranasal": "emt"})
            >>> state.row("naloxone_intranasal").min_level, state.derived_from
            (<Level.EMT: 'emt'>, 'national-2019')
            >>> NATIONAL_2019.row("naloxone_intranasal").min_level  # base unchanged
            <Level.EMR: 'emr'>
        """
        _check_arg(name, str, "name")
        if name == self.name:
            raise InvalidRecordError(
                f"a derived profile needs a name of its own, not {shown(name)}",
                field="name",
                rule=_RULE,
            )
        _check_arg(description, str, "description")
        _check_arg(citation, Citation, "citation")
        _check_arg(confidence, Confidence, "confidence")
        _check_arg(note, str, "note")
        if type(verify) is not bool:
            raise InputTypeError(
                f"must be a bool, got {type(verify).__name__}", field="verify", rule=_RULE
            )
        widen_items = _level_map(widen, "widen")
        narrow_items = _level_map(narrow, "narrow")
        if isinstance(remove, str):
            raise InputTypeError(
                "must be an iterable of skills, not a single str", field="remove", rule=_RULE
            )
        remove_items = tuple(remove)
        add_items = _to_tuple(add, "add")

        rows = dict(self._by_key)
        changes: list[ScopeChange] = []
        touched: set[str] = set()

        def target(skill: object, group: str) -> SkillRow:
            if not isinstance(skill, str):
                raise InputTypeError(
                    f"skills are str keys or names, got {type(skill).__name__}",
                    field=group,
                    rule=_RULE,
                )
            found = self.get(skill)
            if found is None:
                raise UnknownNameError(
                    f"profile {shown(self.name)} does not list {shown(skill)}",
                    field=group,
                    rule=_RULE,
                )
            if found.key in touched:
                raise InvalidRecordError(
                    f"{shown(found.key)} is changed more than once in one derivation",
                    field=group,
                    rule=_RULE,
                )
            touched.add(found.key)
            return found

        def record(kind: ChangeKind, key: str, old: Level | None, new: Level | None) -> None:
            changes.append(
                ScopeChange(
                    kind=kind,
                    skill=key,
                    old_level=old,
                    new_level=new,
                    citation=citation,
                    confidence=confidence,
                    profile=name,
                    note=note,
                )
            )

        for group, items, kind in (
            ("widen", widen_items, ChangeKind.WIDEN),
            ("narrow", narrow_items, ChangeKind.NARROW),
        ):
            for skill, level in items:
                row = target(skill, group)
                lower = kind is ChangeKind.WIDEN
                if (level >= row.min_level) if lower else (level <= row.min_level):
                    direction = "lower" if lower else "higher"
                    raise InvalidRecordError(
                        f"{shown(row.key)} is at {row.min_level.label}; to {group} it, give a "
                        f"{direction} level than that, not {level.label}",
                        field=group,
                        rule=_RULE,
                    )
                rows[row.key] = attrs.evolve(
                    row, min_level=level, citation=citation, confidence=confidence, verify=verify
                )
                record(kind, row.key, row.min_level, level)
        for skill in remove_items:
            row = target(skill, "remove")
            del rows[row.key]
            record(ChangeKind.REMOVE, row.key, row.min_level, None)
        for new_row in add_items:
            if not isinstance(new_row, SkillRow):
                raise InputTypeError(
                    f"rows to add are SkillRow values, got {type(new_row).__name__}",
                    field="add",
                    rule=_RULE,
                )
            if new_row.key in self._by_key or new_row.name.casefold() in self._by_name:
                raise InvalidRecordError(
                    f"{shown(new_row.key)} ({shown(new_row.name)}) is already listed; widen or "
                    "narrow it",
                    field="add",
                    rule=_RULE,
                )
            rows[new_row.key] = new_row
            record(ChangeKind.ADD, new_row.key, None, new_row.min_level)
        if not changes:
            raise InvalidRecordError(
                "a derived profile needs at least one change (widen, narrow, add or remove)",
                field="derive",
                rule=_RULE,
            )
        return ScopeProfile(
            name=name,
            description=description,
            rows=tuple(rows.values()),
            derived_from=self.name,
            changes=self.changes + tuple(changes),
        )


def _check_arg(value: object, kind: type, field: str) -> None:
    if not isinstance(value, kind):
        raise InputTypeError(
            f"must be a {kind.__name__}, got {type(value).__name__}", field=field, rule=_RULE
        )
    if isinstance(value, str) and field in ("name", "description") and not value.strip():
        raise InvalidRecordError("must not be empty", field=field, rule=_RULE)


def _level_map(value: object, field: str) -> tuple[tuple[object, Level], ...]:
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        raise InputTypeError(
            f"must be a mapping of skill to level, got {type(value).__name__}",
            field=field,
            rule=_RULE,
        )
    return tuple((skill, Level.parse(level, field=field)) for skill, level in value.items())


@attrs.frozen(slots=True)
class ScopeDecision:
    """The answer to "may a clinician at ``level`` perform ``skill`` under ``profile``?".

    Attributes:
        outcome: Within scope, above scope, or not confirmed.
        skill: The skill's key when the profile lists it, else the text asked about.
        level: The level asked about.
        profile: The name of the profile that answered.
        lowest_level: For ``ABOVE_SCOPE``, the lowest level that may perform the skill;
            ``None`` otherwise.
        row: The profile's row for the skill, or ``None`` when it does not list it.
        reasons: Why, one sentence each.
        citation: The source the answer rests on (the row's, or the change that removed
            the skill); ``None`` when no source speaks to the skill at all.
        confidence: How sure that source makes us; ``None`` when there is no source.

    Example:
        >>> d = is_within_scope("pulse_oximetry", "emr")
        >>> d.outcome, d.lowest_level, d.confidence
        (<ScopeOutcome.ABOVE_SCOPE: 'above_scope'>, <Level.EMT: 'emt'>, <Confidence.SECONDARY: 'secondary'>)
        >>> d.within_scope
        False
    """  # noqa: E501

    outcome: ScopeOutcome = attrs.field(validator=instance_of(ScopeOutcome, _RULE))
    skill: str = attrs.field(validator=_STR)
    level: Level = attrs.field(validator=instance_of(Level, _RULE))
    profile: str = attrs.field(validator=_STR)
    lowest_level: Level | None = attrs.field(
        default=None, validator=instance_of(Level, _RULE, optional=True)
    )
    row: SkillRow | None = attrs.field(
        default=None, validator=instance_of(SkillRow, _RULE, optional=True)
    )
    reasons: tuple[str, ...] = attrs.field(default=(), converter=_reasons_tuple)
    citation: Citation | None = attrs.field(
        default=None, validator=instance_of(Citation, _RULE, optional=True)
    )
    confidence: Confidence | None = attrs.field(
        default=None, validator=instance_of(Confidence, _RULE, optional=True)
    )

    @property
    def within_scope(self) -> bool:
        """True only for ``WITHIN_SCOPE``; "not confirmed" is not "allowed".

        Example:
            >>> is_within_scope("bag_valve_mask_ventilation", "emr").within_scope
            True
            >>> is_within_scope("pulse_oximetry", "emr").within_scope  # above EMR scope
            False
            >>> unknown = is_within_scope("tourniquet_removal", "emr")
            >>> unknown.outcome, unknown.within_scope
            (<ScopeOutcome.NOT_CONFIRMED: 'not_confirmed'>, False)
        """
        return self.outcome is ScopeOutcome.WITHIN_SCOPE

    @property
    def explanation(self) -> str:
        """The reasons as one paragraph.

        Example:
            >>> print(is_within_scope("cpap", "emr").explanation)
            CPAP: minimum level EMT in profile national-2019; EMR is below it, so this is above scope. The level rests on a secondary source: Montana ECP ...
        """  # noqa: E501
        return " ".join(self.reasons)

    def __str__(self) -> str:
        what = self.row.name if self.row is not None else repr(self.skill)
        details = []
        if self.outcome is ScopeOutcome.ABOVE_SCOPE and self.lowest_level is not None:
            details.append(f"lowest level {self.lowest_level.label}")
        elif self.row is not None:
            details.append(f"minimum level {self.row.min_level.label}")
            if self.row.verify:
                details.append("flagged verify")
        details.append(f"profile {self.profile}")
        if self.confidence is not None:
            details.append(f"{self.confidence.value} source")
        else:
            details.append("no source")
        outcome = self.outcome.value.replace("_", " ")
        return f"{outcome}: {what} at {self.level.label} ({'; '.join(details)})"


class CanCannotList(NamedTuple):
    """The skills of a profile sorted by what a level may do: the can/cannot list.

    Example:
        >>> lists = can_cannot_list("emr")
        >>> within, above, not_confirmed = lists
        >>> len(within) + len(above) + len(not_confirmed) == len(NATIONAL_2019)
        True
    """

    within: tuple[SkillRow, ...]
    """Skills the level may perform."""
    above: tuple[SkillRow, ...]
    """Skills only a higher level may perform: choosing one is a scope error."""
    not_confirmed: tuple[SkillRow, ...]
    """Skills on rows flagged for verification (under the default policy)."""


# ---------------------------------------------------------------------------------------
# the national 2019 profile, built once at import from the CSV files in emrpath/data


def _build_sources() -> dict[str, Citation]:
    """The scope sources by id, read from the shipped sources file.

    Run at import to make :data:`SCOPE_SOURCES`; the example runs it again (so mutation
    testing, which switches a mutant on only after import, exercises it).

    Example:
        >>> _build_sources() == dict(SCOPE_SOURCES)
        True
        >>> sorted(_build_sources())
        ['P1', 'P2', 'S1', 'S2', 'S3']
    """
    return {
        source.id: Citation(url=source.url, quote=source.quote, title=source.title)
        for source in read_sources(package_text(SOURCES_FILE), file=SOURCES_FILE)
    }


SCOPE_SOURCES: Mapping[str, Citation] = types.MappingProxyType(_build_sources())
"""The sources of :data:`NATIONAL_2019` by id (``"P1"``, ``"P2"``, ``"S1"``-``"S3"``).

P ids are NHTSA text; S ids are secondary. S1 is a Montana state table, which is why its
endorsement notes make good citations for Montana-like derived profiles.

:meta hide-value:
"""

_CONFIDENCE_LABELS = types.MappingProxyType(
    {
        "primary": Confidence.PRIMARY,
        "secondary": Confidence.SECONDARY,
        "secondary (2 sources)": Confidence.SECONDARY,
    }
)


def _build_national_2019() -> ScopeProfile:
    """The national 2019 profile, read from the shipped skills file.

    Run at import to make :data:`NATIONAL_2019`, whose rows the tests check against the
    sources; the example builds it again and compares, so that mutation testing (which
    switches a mutant on only after import) exercises the build.

    Example:
        >>> _build_national_2019() == NATIONAL_2019
        True
        >>> print(_build_national_2019().row("bag_valve_mask_ventilation").note)
        Secondary (2 sources): S1 and S2 agree.
    """
    records = read_skills(
        package_text(SKILLS_FILE),
        file=SKILLS_FILE,
        levels=tuple(level.value for level in Level),
        confidences=_CONFIDENCE_LABELS,
        sources=SCOPE_SOURCES,
    )
    rows = []
    for record in records:
        base = SCOPE_SOURCES[record.cite]
        note = record.note
        if record.confidence == "secondary (2 sources)":
            agree = ", ".join(record.sources[:-1]) + " and " + record.sources[-1]
            note = f"{note} Secondary (2 sources): {agree} agree.".strip()
        rows.append(
            SkillRow(
                key=record.key,
                name=record.name,
                category=record.category,
                min_level=Level(record.min_level),
                note=note,
                sources=record.sources,
                citation=(
                    base if record.quote == base.quote else attrs.evolve(base, quote=record.quote)
                ),
                confidence=_CONFIDENCE_LABELS[record.confidence],
                verify=record.verify,
            )
        )
    return ScopeProfile(
        name="national-2019",
        description=(
            "US National EMS Scope of Practice Model 2019 with Change Notices 1.0 and 2.0 "
            "(2021). 3 rows rest on NHTSA text (P1); the other 80 on secondary sources, "
            "chiefly S1 (a Montana table using the national model's skill names, read at the "
            "level without a state endorsement); 11 rows are flagged for verification "
            "against the 2019 PDF."
        ),
        rows=tuple(rows),
    )


NATIONAL_2019: ScopeProfile = _build_national_2019()
"""The default scope profile: the national 2019 model (with CN 1.0/2.0), 83 skills.

:meta hide-value:
"""


# ---------------------------------------------------------------------------------------
# rules


def is_within_scope(
    skill: str,
    level: Level | str,
    profile: ScopeProfile = NATIONAL_2019,
    *,
    unverified: UnverifiedPolicy | str = UnverifiedPolicy.NOT_CONFIRMED,
) -> ScopeDecision:
    """Decide whether ``skill`` is within the scope of ``level`` under ``profile``.

    Args:
        skill: A skill key (``"pulse_oximetry"``) or the profile's exact table name in any
            letter case (``"pulse oximetry"``). Any other text is a skill the profile does
            not list, which is ``NOT_CONFIRMED``.
        level: A :class:`Level` or its exact string value (``"emr"``).
        profile: The scope profile in force (default :data:`NATIONAL_2019`).
        unverified: What to do with a row flagged for verification: ``"not_confirmed"``
            (default) or ``"as_recorded"``. See the module docstring for why.

    Returns:
        A :class:`ScopeDecision`. Never "allowed" by default: ``WITHIN_SCOPE`` only when the
        profile lists the skill, unflagged (or flagged and ``"as_recorded"``), at ``level``
        or a lower level.

    Raises:
        InputTypeError: ``skill`` is not a ``str``; ``level`` is neither a :class:`Level`
            nor a ``str``; ``profile`` is not a :class:`ScopeProfile`.
        UnknownNameError: ``level`` or ``unverified`` is a string that is not exactly one
            of the values.

    Example:
        >>> d = is_within_scope("Intramuscular (IM) injection route", "emr")
        >>> d.outcome.value, d.lowest_level.label, d.confidence.value
        ('above_scope', 'EMT', 'primary')
        >>> is_within_scope("nasopharyngeal_airway", "emr").outcome.value
        'not_confirmed'
        >>> is_within_scope("nasopharyngeal_airway", "emr", unverified="as_recorded").outcome.value
        'above_scope'
    """
    if not isinstance(skill, str):
        raise InputTypeError(
            f"must be a str (a skill key or table name), got {type(skill).__name__}",
            field="skill",
            rule=_RULE,
        )
    at = Level.parse(level, field="level")
    if not isinstance(profile, ScopeProfile):
        raise InputTypeError(
            f"must be a ScopeProfile, got {type(profile).__name__}", field="profile", rule=_RULE
        )
    policy = UnverifiedPolicy.parse(unverified)
    return _decide(skill, at, profile, policy)


def _decide(
    skill: str, at: Level, profile: ScopeProfile, policy: UnverifiedPolicy
) -> ScopeDecision:
    row = profile.get(skill)
    if row is None:
        return _unknown(skill, at, profile)
    history = [
        f"Changed by {change}: {change.citation}" for change in profile.changes_for(row.key)
    ]
    if row.verify and policy is UnverifiedPolicy.NOT_CONFIRMED:
        reasons = [
            f"{row.name}: profile {profile.name} records minimum level "
            f"{row.min_level.label}, but the row is flagged for verification, so no answer "
            "for any level is confirmed.",
            *history,
        ]
        if row.note:
            reasons.append(f"Note: {row.note}")
        reasons.append(f"Source: {row.citation}")
        return ScopeDecision(
            outcome=ScopeOutcome.NOT_CONFIRMED,
            skill=row.key,
            level=at,
            profile=profile.name,
            row=row,
            reasons=tuple(reasons),
            citation=row.citation,
            confidence=min(row.confidence, Confidence.SECONDARY),
        )
    within = at >= row.min_level
    confidence = row.confidence
    if within:
        head = (
            f"{row.name}: minimum level {row.min_level.label} in profile {profile.name}; "
            f"{at.label} is at or above it, so this is within scope."
        )
    else:
        head = (
            f"{row.name}: minimum level {row.min_level.label} in profile {profile.name}; "
            f"{at.label} is below it, so this is above scope."
        )
    reasons = [head]
    if row.verify:
        confidence = min(confidence, Confidence.SECONDARY)
        reasons.append(
            "The row is flagged for verification; the recorded level was used because "
            "unverified='as_recorded'."
        )
    reasons.extend(history)
    if confidence is Confidence.SECONDARY:
        reasons.append(f"The level rests on a secondary source: {row.citation}")
    else:
        reasons.append(f"Source: {row.citation}")
    return ScopeDecision(
        outcome=ScopeOutcome.WITHIN_SCOPE if within else ScopeOutcome.ABOVE_SCOPE,
        skill=row.key,
        level=at,
        profile=profile.name,
        lowest_level=None if within else row.min_level,
        row=row,
        reasons=tuple(reasons),
        citation=row.citation,
        confidence=confidence,
    )


def _unknown(skill: str, at: Level, profile: ScopeProfile) -> ScopeDecision:
    removed = [
        change
        for change in profile.changes
        if change.kind is ChangeKind.REMOVE and change.skill == skill
    ]
    reasons = [
        f"Profile {profile.name} does not list {shown(skill)} (skills are looked up by key or "
        "exact table name); an unlisted skill is not confirmed, never assumed allowed."
    ]
    citation: Citation | None = None
    confidence: Confidence | None = None
    if removed:
        last = removed[-1]
        reasons.append(f"Removed by {last}: {last.citation}")
        citation, confidence = last.citation, last.confidence
    return ScopeDecision(
        outcome=ScopeOutcome.NOT_CONFIRMED,
        skill=skill,
        level=at,
        profile=profile.name,
        reasons=tuple(reasons),
        citation=citation,
        confidence=confidence,
    )


def can_cannot_list(
    level: Level | str,
    profile: ScopeProfile = NATIONAL_2019,
    *,
    unverified: UnverifiedPolicy | str = UnverifiedPolicy.NOT_CONFIRMED,
) -> CanCannotList:
    """Every skill of ``profile`` sorted into what ``level`` can, cannot, or may not know.

    The list a candidate memorises to avoid scope errors (choosing an action above their
    level). Rows keep the profile's order; handling of rows flagged for verification is as in
    :func:`is_within_scope`.

    Args:
        level: A :class:`Level` or its exact string value.
        profile: The scope profile in force (default :data:`NATIONAL_2019`).
        unverified: ``"not_confirmed"`` (default) or ``"as_recorded"``.

    Raises:
        InputTypeError: ``level`` or ``profile`` of the wrong type.
        UnknownNameError: ``level`` or ``unverified`` is an unknown string.

    Example:
        >>> lists = can_cannot_list("emr")
        >>> len(lists.within), len(lists.above), len(lists.not_confirmed)
        (23, 49, 11)
        >>> "cpap" in {row.key for row in lists.above}
        True
    """
    at = Level.parse(level, field="level")
    if not isinstance(profile, ScopeProfile):
        raise InputTypeError(
            f"must be a ScopeProfile, got {type(profile).__name__}", field="profile", rule=_RULE
        )
    policy = UnverifiedPolicy.parse(unverified)
    within: list[SkillRow] = []
    above: list[SkillRow] = []
    unconfirmed: list[SkillRow] = []
    for row in profile.rows:
        if row.verify and policy is UnverifiedPolicy.NOT_CONFIRMED:
            unconfirmed.append(row)
        elif at >= row.min_level:
            within.append(row)
        else:
            above.append(row)
    return CanCannotList(tuple(within), tuple(above), tuple(unconfirmed))


def above_scope_skills(
    level: Level | str,
    profile: ScopeProfile = NATIONAL_2019,
    *,
    unverified: UnverifiedPolicy | str = UnverifiedPolicy.NOT_CONFIRMED,
) -> tuple[SkillRow, ...]:
    """The skills only a higher level may perform: choosing one at ``level`` is a scope error.

    Shorthand for ``can_cannot_list(level, profile, unverified=unverified).above``.

    Example:
        >>> [row.key for row in above_scope_skills("aemt")][:3]
        ['waveform_capnography_interpretation', 'endotracheal_intubation', 'foreign_body_removal_direct_laryngoscopy']
    """  # noqa: E501
    return can_cannot_list(level, profile, unverified=unverified).above
