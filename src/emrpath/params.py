"""Rule data with provenance: citations, confidence, and effective-dated parameters.

Every number a rule reads lives in a :class:`Param`: one :class:`Provision` per effective
date, each with the :class:`Citation` it comes from and the :class:`Confidence` we have in
it. Asking for a value on a date before the first provision raises
:class:`~emrpath.errors.NoRuleInForceError`; there is no silent default.

Example:
    >>> import datetime as dt
    >>> cite = Citation(
    ...     url="https://example.org/handbook",
    ...     quote="you can retest 15 days after the last attempt",
    ...     title="Example handbook",
    ... )
    >>> wait = Param(
    ...     "retest_wait_days",
    ...     "Calendar days between an attempt and the earliest retest.",
    ...     (Provision(dt.date(2015, 1, 1), 15, cite, Confidence.SECONDARY),),
    ... )
    >>> wait.value_at(dt.date(2025, 6, 1))
    15
    >>> wait.at(dt.date(2025, 6, 1)).confidence
    <Confidence.SECONDARY: 'secondary'>
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any, Generic, TypeVar

import attrs

from emrpath._dates import as_date
from emrpath._validators import instance_of, iterable, shown
from emrpath.errors import InputTypeError, InvalidRecordError, NoRuleInForceError

__all__ = ["Citation", "Confidence", "Param", "ParamReader", "Provision", "weakest"]

T = TypeVar("T")


class Confidence(enum.Enum):
    """How sure we are of a parameter's value.

    ``PRIMARY``: the certifying body's own text says it. ``SECONDARY``: only third-party
    sources say it. Members order by strength, so ``min()`` gives the weakest.
    """

    SECONDARY = "secondary"
    PRIMARY = "primary"

    @property
    def rank(self) -> int:
        """0 for the weakest level; higher is stronger.

        Example:
            >>> Confidence.SECONDARY.rank, Confidence.PRIMARY.rank
            (0, 1)
            >>> import emrpath as ep
            >>> ep.NREMT_EMR.score_scale.at(dt.date(2025, 6, 2)).confidence.rank
            0
        """
        return 0 if self is Confidence.SECONDARY else 1

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Confidence):
            return NotImplemented
        return self is Confidence.SECONDARY and other is Confidence.PRIMARY

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Confidence):
            return NotImplemented
        return self is other or self is Confidence.SECONDARY

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Confidence):
            return NotImplemented
        return self is Confidence.PRIMARY and other is Confidence.SECONDARY

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Confidence):
            return NotImplemented
        return self is other or self is Confidence.PRIMARY


def weakest(levels: Iterable[Confidence]) -> Confidence:
    """The weakest confidence among ``levels`` (``PRIMARY`` for none at all).

    Example:
        >>> weakest([Confidence.PRIMARY, Confidence.SECONDARY])
        <Confidence.SECONDARY: 'secondary'>
    """
    # Two levels: the weakest is SECONDARY as soon as one appears. Identity checks keep
    # this off the hot path of evaluate(), which folds a dozen levels per call.
    for level in iterable(levels, field="levels", rule="confidence", of=Confidence):
        if level is Confidence.SECONDARY:
            return level
        if level is not Confidence.PRIMARY:
            raise InputTypeError(
                f"expected Confidence values, got {shown(level)}",
                field="levels",
                rule="confidence",
            )
    return Confidence.PRIMARY


@attrs.frozen(slots=True)
class _Text:
    """A validator: a non-blank ``str``, refused naming ``rule`` (``why`` ends the message).

    A class rather than a closure, so its check is code that runs when a value is
    validated, not only when the classes it validates are defined.
    """

    rule: str
    why: str

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            raise InvalidRecordError(
                f"must be a str, got {type(value).__name__}",
                field=f"{type(instance).__name__}.{attribute.name}",
                rule=self.rule,
            )
        if not value.strip():
            raise InvalidRecordError(
                f"must not be empty{self.why}",
                field=f"{type(instance).__name__}.{attribute.name}",
                rule=self.rule,
            )


# A citation's texts are its source; a parameter's name and description are the
# parameter's own, so an empty one breaks the parameter rule, not the citation rule.
_citation_text = _Text("citation", ": every rule needs its source")
_parameter_text = _Text("parameter", "")


@attrs.frozen(slots=True)
class Citation:
    """Where a rule comes from: a URL, a short verbatim quote and the page's title.

    Example:
        >>> Citation(url="https://nremt.org/x", quote="valid for 90 days", title="ATT policy")
        Citation(url='https://nremt.org/x', quote='valid for 90 days', title='ATT policy')
    """

    url: str = attrs.field(validator=_citation_text)
    quote: str = attrs.field(validator=_citation_text)
    title: str = attrs.field(validator=_citation_text)

    def __str__(self) -> str:
        return f'{self.title} <{self.url}>: "{self.quote}"'


def _check_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not dt.date:
        raise InvalidRecordError(
            f"must be a datetime.date, got {type(value).__name__}",
            field=f"{type(instance).__name__}.{attribute.name}",
            rule="effective date",
        )


@attrs.frozen(slots=True)
class Provision(Generic[T]):
    """One value of a parameter, in force from ``effective_from`` until the next provision.

    Args:
        effective_from: First day the value applies.
        value: The value (a number, or a small frozen rule value).
        citation: The source that states it.
        confidence: How sure that source makes us.
        note: Why the value or its date was chosen, where a source leaves a choice.
    """

    effective_from: dt.date = attrs.field(validator=_check_date)
    value: T
    citation: Citation = attrs.field(validator=instance_of(Citation, "rule data"))
    confidence: Confidence = attrs.field(validator=instance_of(Confidence, "rule data"))
    note: str = attrs.field(default="", validator=instance_of(str, "rule data"))


def _sorted_provisions(value: Iterable[Provision[Any]]) -> tuple[Provision[Any], ...]:
    try:
        items = tuple(value)
    except TypeError:
        raise InvalidRecordError(
            f"provisions must be a tuple of Provision values, got {type(value).__name__}",
            field="Param.provisions",
            rule="parameter",
        ) from None
    if not all(isinstance(item, Provision) for item in items):
        return items  # unsorted: the validator names the item that is not a Provision
    return tuple(sorted(items, key=lambda p: p.effective_from))


@attrs.frozen(slots=True)
class Param(Generic[T]):
    """A named, effective-dated parameter of a program.

    Args:
        name: The parameter's name in its program (``retest_wait`` …).
        description: What the value means, in one sentence.
        provisions: One or more provisions; they are kept sorted by effective date.

    Raises:
        InvalidRecordError: No provisions, or two with the same effective date.
    """

    name: str = attrs.field(validator=_parameter_text)
    description: str = attrs.field(validator=_parameter_text)
    provisions: tuple[Provision[T], ...] = attrs.field(converter=_sorted_provisions)
    _starts: tuple[dt.date, ...] = attrs.field(init=False, repr=False, eq=False)

    @provisions.validator
    def _check_provisions(self, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        if not value:
            raise InvalidRecordError(
                "a parameter needs at least one provision", field=self.name, rule="parameter"
            )
        for item in value:
            if not isinstance(item, Provision):
                raise InvalidRecordError(
                    f"provisions must be Provision values, got {type(item).__name__}",
                    field=self.name,
                    rule="parameter",
                )
        starts = [p.effective_from for p in value]
        if len(set(starts)) != len(starts):
            raise InvalidRecordError(
                "two provisions share an effective date", field=self.name, rule="parameter"
            )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(p.effective_from for p in self.provisions))

    @classmethod
    def single(
        cls,
        name: str,
        description: str,
        value: T,
        *,
        effective_from: dt.date,
        citation: Citation,
        confidence: Confidence,
        note: str = "",
    ) -> Param[T]:
        """A parameter with one provision: ``value``, in force from ``effective_from`` on.

        Most rules have one value since the first date a table answers for; this writes
        such a parameter without spelling out the tuple of one :class:`Provision`. The
        keywords are the provision's fields, by the same names.

        Args:
            name: The parameter's name in its program.
            description: What the value means, in one sentence.
            value: The value.
            effective_from: First day the value applies; earlier dates have no rule.
            citation: The source that states it.
            confidence: How sure that source makes us.
            note: Why the value or its date was chosen, where a source leaves a choice.

        Raises:
            InvalidRecordError: An empty name or description, or ``effective_from`` not a
                ``datetime.date``.
            InputTypeError: ``citation``, ``confidence`` or ``note`` of the wrong type.

        Example:
            >>> cite = Citation(url="https://example.org/handbook", title="Example handbook",
            ...                 quote="Appeals must be made within 30 days.")
            >>> appeal = Param.single(
            ...     "appeal_days",
            ...     "Days to appeal a decision.",
            ...     30,
            ...     effective_from=dt.date(2020, 1, 1),
            ...     citation=cite,
            ...     confidence=Confidence.PRIMARY,
            ... )
            >>> appeal.value_at(dt.date(2025, 6, 1)), appeal.first_effective
            (30, datetime.date(2020, 1, 1))
            >>> appeal == Param("appeal_days", "Days to appeal a decision.",
            ...                 (Provision(dt.date(2020, 1, 1), 30, cite, Confidence.PRIMARY),))
            True
        """
        return cls(
            name,
            description,
            (Provision(effective_from, value, citation, confidence, note),),
        )

    def at(self, on: dt.date) -> Provision[T]:
        """The provision in force on ``on``.

        Raises:
            NoRuleInForceError: ``on`` is before the first effective date.
            InputTypeError: ``on`` is not a ``datetime.date``.

        Example:
            >>> import emrpath as ep
            >>> scale = ep.NREMT_EMR.score_scale
            >>> scale.at(dt.date(2023, 5, 31)).value is None  # no scaled score reported yet
            True
            >>> provision = scale.at(dt.date(2023, 6, 1))
            >>> provision.effective_from, provision.value.passing, provision.confidence
            (datetime.date(2023, 6, 1), 950, <Confidence.SECONDARY: 'secondary'>)
            >>> scale.at(dt.date(2014, 12, 31))
            Traceback (most recent call last):
            ...
            emrpath.errors.NoRuleInForceError: score_scale: no provision in force on 2014-12-31; \
            the first takes effect 2015-01-01 (rule: Scaled-score report given to failing \
            candidates)
        """
        if type(on) is not dt.date:
            on = as_date(on, field="on", rule=self.name)
        starts = self._starts
        if on >= starts[-1]:  # the common case: a date under the newest provision
            return self.provisions[-1]
        index = bisect.bisect_right(starts, on) - 1
        if index < 0:
            raise NoRuleInForceError(
                f"no provision in force on {on.isoformat()}; the first takes effect "
                f"{self._starts[0].isoformat()}",
                field=self.name,
                rule=self.description,
            )
        return self.provisions[index]

    def value_at(self, on: dt.date) -> T:
        """The value in force on ``on`` (see :meth:`at`).

        Raises:
            NoRuleInForceError: ``on`` is before the first effective date.
            InputTypeError: ``on`` is not a ``datetime.date``.

        Example:
            >>> import emrpath as ep
            >>> portion = ep.NREMT_EMR.portion_validity
            >>> portion.value_at(dt.date(2018, 10, 31)), portion.value_at(dt.date(2018, 11, 1))
            (MonthsValidity(months=12), MonthsValidity(months=24))
        """
        return self.at(on).value

    @property
    def first_effective(self) -> dt.date:
        """The first day any provision of this parameter is in force.

        Example:
            >>> import emrpath as ep
            >>> ep.NREMT_EMR.recert_cycle.first_effective
            datetime.date(2016, 9, 1)
        """
        return self._starts[0]


class ParamReader:
    """Reads a program's parameters for one evaluation and keeps the weakest confidence.

    Every rule that decides something reads its numbers through one reader, so the
    decision can say which of them rests on a secondary source. A reader belongs to one
    evaluation and is not shared between threads.

    Example:
        >>> import emrpath as ep
        >>> reader = ParamReader()
        >>> reader.read(ep.NREMT_EMR.course_validity, dt.date(2025, 1, 10)).confidence
        <Confidence.PRIMARY: 'primary'>
        >>> reader.weakest
        <Confidence.PRIMARY: 'primary'>
        >>> reader.read(ep.NREMT_EMR.retest_wait, dt.date(2025, 1, 10)).value.days
        15
        >>> reader.weakest
        <Confidence.SECONDARY: 'secondary'>
    """

    __slots__ = ("weakest",)

    def __init__(self) -> None:
        self.weakest = Confidence.PRIMARY

    def read(self, param: Param[T], on: dt.date) -> Provision[T]:
        """The provision of ``param`` in force on ``on``; its confidence is remembered.

        Raises:
            NoRuleInForceError: ``on`` is before the parameter's first effective date.
            InputTypeError: ``on`` is not a ``datetime.date``.

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> from emrpath.params import ParamReader
            >>> reader = ParamReader()
            >>> provision = reader.read(ep.NREMT_EMR.attempt_limit, dt.date(2025, 7, 1))
            >>> provision.value.max_attempts, provision.effective_from
            (3, datetime.date(2015, 1, 1))
            >>> provision.confidence is reader.weakest is ep.Confidence.SECONDARY
            True
        """
        provision = param.at(on)
        if provision.confidence is _SECONDARY:
            self.weakest = provision.confidence
        return provision


# Read through its class, an Enum member costs 0.13 µs on CPython 3.11 (EnumType.__getattr__)
# against 0.014 µs for a module name; an evaluation reads some fifteen parameters, so this
# one name keeps about 2 µs (a sixth of building the records) off every decide() call.
_SECONDARY = Confidence.SECONDARY
