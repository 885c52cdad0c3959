"""Retake advice: the kinds of missed item, and the study fix a program gives for each.

After a failed attempt a candidate sorts the misses into the seed's five buckets
(:class:`MissBucket`) and works on the one or two that cost the most. *What* to do for
each bucket is study advice, and advice belongs to a program: a program's optional
``retake_advice`` parameter holds a :class:`RetakeAdvice`, one cited :class:`BucketFix`
per bucket, and :func:`emrpath.retake_plan` reads it from there. A program that ships no
advice still gets a retake plan (the dates, the counts, the costliest buckets), without
study fixes; its focus reason says the program ships none.

:data:`SEED_RETAKE_ADVICE` is the project's seed document's advice (an NREMT EMR study
guide, so secondary: a guide's advice, not a certifying body's rule); the NREMT EMR
program ships it as its ``retake_advice``. :data:`BUCKET_FIXES` is the same table as a
read-only mapping.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> advice = ep.NREMT_EMR.retake_advice.value_at(dt.date(2025, 7, 14))
    >>> advice is SEED_RETAKE_ADVICE, advice.fix("scope").fix
    (True, 'the can/cannot list memorized')
    >>> ep.ASCP_MLS.retake_advice is None
    True
"""

from __future__ import annotations

import enum
import types
from collections.abc import Mapping

import attrs

from emrpath._seed import seed_citation
from emrpath._validators import instance_of, non_empty_text, parse_enum, sequence_of
from emrpath.errors import InvalidRecordError
from emrpath.params import Citation, Confidence

__all__ = ["BUCKET_FIXES", "SEED_RETAKE_ADVICE", "BucketFix", "MissBucket", "RetakeAdvice"]

_RULE = "retake planning"
_PROGRAM_RULE = "program parameter"


class MissBucket(enum.Enum):
    """The seed's five kinds of missed item, in the seed's order.

    The classification every retake plan counts misses by, whatever the program; the fix
    for each kind is the program's advice (:class:`RetakeAdvice`). The seed's words:

    "Sort your misses into five buckets: domain knowledge gaps (you did not know the fact),
    sequence errors (you knew the facts but chose the wrong order), scope errors (you picked
    an action above EMR level), reading errors (you missed a key word like unresponsive or
    unsafe), and pacing errors (you rushed or froze)."

    Example:
        >>> MissBucket("scope").description
        'you picked an action above EMR level'
        >>> MissBucket.SCOPE.fix.fix
        'the can/cannot list memorized'
    """

    DOMAIN_KNOWLEDGE = "domain_knowledge"
    SEQUENCE = "sequence"
    SCOPE = "scope"
    READING = "reading"
    PACING = "pacing"

    @property
    def label(self) -> str:
        """The bucket as the seed names it (``"domain knowledge gaps"`` …).

        Example:
            >>> [bucket.label for bucket in MissBucket]
            ['domain knowledge gaps', 'sequence errors', 'scope errors', 'reading errors',
             'pacing errors']
        """
        return _BUCKET_TEXT[self][0]

    @property
    def description(self) -> str:
        """The seed's words for what a miss in this bucket is (written for EMR candidates).

        Example:
            >>> MissBucket.SEQUENCE.description
            'you knew the facts but chose the wrong order'
        """
        return _BUCKET_TEXT[self][1]

    @property
    def fix(self) -> BucketFix:
        """The seed's fix for this bucket (from :data:`BUCKET_FIXES`, the NREMT EMR table).

        A retake plan does not read this: it reads the fix from its program's own
        ``retake_advice``.

        Example:
            >>> MissBucket.PACING.fix.fix, MissBucket.PACING.fix.confidence
            ('timed practice', <Confidence.SECONDARY: 'secondary'>)
        """
        return BUCKET_FIXES[self]

    @classmethod
    def parse(cls, value: object, *, field: str = "bucket") -> MissBucket:
        """``value`` as a bucket: a member or exactly one of the values.

        Raises:
            InputTypeError: ``value`` is neither a member nor a ``str``.
            UnknownNameError: ``value`` is a string that is not exactly a value.

        Example:
            >>> MissBucket.parse("pacing")
            <MissBucket.PACING: 'pacing'>
        """
        return parse_enum(cls, value, field=field, rule=_RULE, noun="bucket")


_BUCKET_TEXT: Mapping[MissBucket, tuple[str, str]] = types.MappingProxyType(
    {
        MissBucket.DOMAIN_KNOWLEDGE: ("domain knowledge gaps", "you did not know the fact"),
        MissBucket.SEQUENCE: (
            "sequence errors",
            "you knew the facts but chose the wrong order",
        ),
        MissBucket.SCOPE: ("scope errors", "you picked an action above EMR level"),
        MissBucket.READING: (
            "reading errors",
            "you missed a key word like unresponsive or unsafe",
        ),
        MissBucket.PACING: ("pacing errors", "you rushed or froze"),
    }
)


def _fix_bucket(value: object) -> MissBucket:
    return MissBucket.parse(value, field="BucketFix.bucket")


@attrs.frozen(slots=True)
class BucketFix:
    """The repair a program's advice prescribes for one bucket, with its source.

    Args:
        bucket: The bucket it repairs.
        fix: The source's words for the repair.
        citation: The sentence it is read from.
        confidence: ``SECONDARY`` by default: study advice from a third-party guide, not
            a rule.

    Example:
        >>> print(BUCKET_FIXES[MissBucket.PACING])
        pacing errors: timed practice
    """

    bucket: MissBucket = attrs.field(converter=_fix_bucket)
    fix: str = attrs.field(validator=non_empty_text(_RULE))
    citation: Citation = attrs.field(validator=instance_of(Citation, _RULE))
    confidence: Confidence = attrs.field(
        default=Confidence.SECONDARY, validator=instance_of(Confidence, _RULE)
    )

    def __str__(self) -> str:
        return f"{self.bucket.label}: {self.fix}"


def _one_fix_per_bucket(value: object) -> tuple[BucketFix, ...]:
    """``value`` as one fix per bucket, in the buckets' order, or an error naming the gap."""
    fixes = sequence_of(value, BucketFix, field="RetakeAdvice.fixes", rule=_PROGRAM_RULE)
    seen: dict[MissBucket, int] = {}
    for index, fix in enumerate(fixes):
        if fix.bucket in seen:
            raise InvalidRecordError(
                f"a second fix for {fix.bucket.label} (the first is fixes[{seen[fix.bucket]}]); "
                "advice gives one fix per bucket",
                field=f"RetakeAdvice.fixes[{index}]",
                rule=_PROGRAM_RULE,
            )
        seen[fix.bucket] = index
    missing = [bucket.label for bucket in MissBucket if bucket not in seen]
    if missing:
        raise InvalidRecordError(
            f"no fix for {', '.join(missing)}; advice gives a fix for every bucket",
            field="RetakeAdvice.fixes",
            rule=_PROGRAM_RULE,
        )
    order = list(MissBucket)
    return tuple(sorted(fixes, key=lambda fix: order.index(fix.bucket)))


@attrs.frozen(slots=True)
class RetakeAdvice:
    """A program's study advice after a failed attempt: the fix for each kind of miss.

    The value of a program's optional ``retake_advice`` parameter. The parameter's
    provision cites the source of the advice as a whole; each fix cites the words it is
    read from and carries its own confidence.

    Args:
        fixes: One :class:`BucketFix` for every :class:`MissBucket`, in any order; kept
            in the buckets' order.

    Raises:
        InputTypeError: ``fixes`` is not a sequence of :class:`BucketFix`.
        InvalidRecordError: A bucket has no fix, or more than one.

    Example:
        >>> advice = RetakeAdvice(reversed(SEED_RETAKE_ADVICE.fixes))
        >>> advice == SEED_RETAKE_ADVICE, advice.fixes[0].bucket
        (True, <MissBucket.DOMAIN_KNOWLEDGE: 'domain_knowledge'>)
        >>> RetakeAdvice(SEED_RETAKE_ADVICE.fixes[:4])
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: RetakeAdvice.fixes: no fix for pacing errors; \
advice gives a fix for every bucket (rule: program parameter)
    """

    fixes: tuple[BucketFix, ...] = attrs.field(converter=_one_fix_per_bucket)

    def fix(self, bucket: MissBucket | str) -> BucketFix:
        """The fix this advice gives for ``bucket`` (a member or its value).

        Raises:
            InputTypeError: ``bucket`` is neither a :class:`MissBucket` nor a ``str``.
            UnknownNameError: ``bucket`` is a string that is not a bucket's value.

        Example:
            >>> print(SEED_RETAKE_ADVICE.fix("reading"))
            reading errors: slower, deliberate stem reading
        """
        wanted = MissBucket.parse(bucket)
        return next(fix for fix in self.fixes if fix.bucket is wanted)

    def describe(self) -> str:
        """The advice in words, as the rules page prints it.

        Example:
            >>> print(SEED_RETAKE_ADVICE.describe())
            domain knowledge gaps: focused content review; sequence errors: priority-ladder
            drills; scope errors: the can/cannot list memorized; reading errors: slower,
            deliberate stem reading; pacing errors: timed practice
        """
        return "; ".join(str(fix) for fix in self.fixes)


def _fix(bucket: MissBucket, fix: str, quote: str) -> BucketFix:
    return BucketFix(bucket, fix, seed_citation(quote))


SEED_RETAKE_ADVICE = RetakeAdvice(
    (
        _fix(
            MissBucket.DOMAIN_KNOWLEDGE,
            "focused content review",
            "Knowledge gaps need focused content review",
        ),
        _fix(
            MissBucket.SEQUENCE,
            "priority-ladder drills",
            "sequence errors need priority-ladder drills",
        ),
        _fix(
            MissBucket.SCOPE,
            "the can/cannot list memorized",
            "scope errors need the can/cannot list memorized",
        ),
        _fix(
            MissBucket.READING,
            "slower, deliberate stem reading",
            "reading errors need slower, deliberate stem reading",
        ),
        _fix(MissBucket.PACING, "timed practice", "pacing errors need timed practice"),
    )
)
"""The seed document's fix for each bucket, each cited (secondary: a study guide's advice).

The seed is an NREMT EMR study guide; the NREMT EMR program ships this table as its
``retake_advice``. For scope errors, :func:`emrpath.can_cannot_list` gives the list to
memorise.

:meta hide-value:
"""

BUCKET_FIXES: Mapping[MissBucket, BucketFix] = types.MappingProxyType(
    {fix.bucket: fix for fix in SEED_RETAKE_ADVICE.fixes}
)
""":data:`SEED_RETAKE_ADVICE` as a read-only mapping from bucket to fix.

The NREMT EMR table; a retake plan reads its own program's ``retake_advice`` instead.

:meta hide-value:
"""
