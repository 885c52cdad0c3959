"""attrs validators that raise emrpath errors naming the field and the rule.

``attrs.validators.instance_of`` raises a bare ``TypeError``; these raise
:class:`~emrpath.errors.InputTypeError` / :class:`~emrpath.errors.InvalidRecordError`
with ``Class.field`` and the rule, like every other check in the library.

Example:
    >>> import attrs
    >>> @attrs.frozen
    ... class Note:
    ...     text: str = attrs.field(validator=non_empty_text("example rule"))
    >>> Note("  ")
    Traceback (most recent call last):
    ...
    emrpath.errors.InvalidRecordError: Note.text: must not be empty (rule: example rule)
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import numbers
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from emrpath.errors import InputTypeError, InvalidRecordError, UnknownNameError

__all__ = [
    "amount",
    "amount_text",
    "boolean",
    "exact_decimal",
    "field_name",
    "instance_of",
    "iterable",
    "json_type_name",
    "non_empty_text",
    "parse_enum",
    "plain_date",
    "require",
    "sequence_of",
    "shorten",
    "shown",
    "shown_json",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


_SHOWN = 60  # the most characters of a value a message quotes


def shorten(text: str, limit: int = _SHOWN) -> str:
    """``text`` cut to ``limit`` characters (ending ``...``) for an error message.

    Example:
        >>> shorten("9" * 100)
        '999999999999999999999999999999999999999999999999999999999...'
    """
    return text if len(text) <= limit else text[: limit - 3] + "..."


def shown(value: object) -> str:
    """``repr(value)``, shortened: a message never prints a huge value whole.

    Building a message never fails because of the value in it: an int too long for
    ``repr`` (Python's digit limit) is named by its size, a value nested too deeply to
    print or whose own ``__repr__`` raises is named by its type.

    Example:
        >>> shown(10**400)
        '100000000000000000000000000000000000000000000000000000000...'
        >>> shown(10**5000)
        'an int of 5001 digits'
        >>> class Odd:
        ...     def __repr__(self):
        ...         raise RuntimeError("no")
        >>> shown(Odd()), shown([Odd()])
        ('<unprintable Odd>', '<unprintable list>')
    """
    try:
        return shorten(repr(value))
    except RecursionError:
        return f"<{type(value).__name__} nested too deeply to show>"
    except Exception:  # the value's own __repr__ failed
        if isinstance(value, int):  # longer than sys.get_int_max_str_digits()
            try:
                return f"an int of {_digits(value)} digits"
            except Exception:  # an int subclass with odd arithmetic
                pass
        return f"<unprintable {type(value).__name__}>"


def json_type_name(value: object) -> str:
    """The JSON name of a value's type, for messages (a Python type's name otherwise).

    Example:
        >>> [json_type_name(v) for v in (None, True, 2.5, "x", [], {}, b"x")]
        ['null', 'boolean', 'number', 'string', 'array', 'object', 'bytes']
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float, Decimal)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def shown_json(value: object) -> str:
    """``value`` for a message about JSON input: its JSON type and (shortened) JSON text.

    Example:
        >>> shown_json("07/02/2026"), shown_json(20250101), shown_json(None)
        ('string "07/02/2026"', 'number 20250101', 'null')
    """
    if value is None:
        return "null"
    try:
        text = json.dumps(value, default=str)
    except (ValueError, TypeError, RecursionError):
        text = type(value).__name__
    return f"{json_type_name(value)} {shorten(text)}"


def _digits(value: int) -> int:
    """The number of decimal digits of ``value`` (exactly, without converting it to str)."""
    value = abs(value)
    digits = max(1, (value.bit_length() * 30103) // 100000)
    while 10**digits <= value:
        digits += 1
    while digits > 1 and 10 ** (digits - 1) > value:
        digits -= 1
    return digits


def _a(kind: type) -> str:
    """``kind``'s name with its article: "a Citation", "an AfterLimit"."""
    name = kind.__name__
    return f"{'an' if name[0] in 'AEIOUaeiou' else 'a'} {name}"


def field_name(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """``Class.field``: how errors name a record's field."""
    return f"{type(instance).__name__}.{attribute.name}"


def require(value: object, kind: type[T], *, field: str, rule: str) -> T:
    """``value`` if it is a ``kind``; else an :class:`InputTypeError` naming the argument."""
    if not isinstance(value, kind):
        raise InputTypeError(
            f"expected a {kind.__name__}, got {type(value).__name__}", field=field, rule=rule
        )
    return value


def instance_of(kind: type, rule: str, *, optional: bool = False) -> Validator:
    """A validator: the value is a ``kind`` (or ``None`` when ``optional``)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            raise InputTypeError(
                f"must be {_a(kind)}{' or None' if optional else ''}, got {type(value).__name__}",
                field=field_name(instance, attribute),
                rule=rule,
            )

    return check


def plain_date(rule: str, *, optional: bool = False) -> Validator:
    """A validator: the value is a ``datetime.date`` (or ``None`` when ``optional``).

    A ``datetime`` is refused, not truncated: records hold dates, and which date a moment
    falls on depends on the program's timezone, which a record does not know. (A pandas
    ``Timestamp`` or numpy ``datetime64`` at midnight names a day: a field's converter,
    :func:`emrpath._dates.notebook_day`, makes it a date before this check; ``NaT`` is
    refused here, naming the field.)

    Example:
        >>> import datetime as dt
        >>> @attrs.frozen
        ... class Exam:
        ...     taken_on: dt.date = attrs.field(validator=plain_date("example rule"))
        >>> Exam(dt.datetime(2025, 3, 1, 9, 30))
        Traceback (most recent call last):
        ...
        emrpath.errors.InputTypeError: Exam.taken_on: must be a datetime.date, got datetime \
datetime.datetime(2025, 3, 1, 9, 30); records hold dates: pass value.date() in the \
program's timezone (rule: example rule)
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if type(value) is not dt.date:
            # NaT, or a datetime64 that names no day: the converter left it for this error.
            from emrpath._dates import calendar_day  # not at import: _dates imports this

            calendar_day(value, field=field_name(instance, attribute), rule=rule)
            kind = "datetime" if isinstance(value, dt.datetime) else type(value).__name__
            raise InputTypeError(
                f"must be a datetime.date{' or None' if optional else ''}, got {kind} "
                f"{shown(value)}"
                + (
                    "; records hold dates: pass value.date() in the program's timezone"
                    if kind == "datetime"
                    else ""
                ),
                field=field_name(instance, attribute),
                rule=rule,
            )

    return check


def non_empty_text(rule: str) -> Validator:
    """A validator: the value is a ``str`` with something besides whitespace."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            raise InputTypeError(
                f"must be a str, got {type(value).__name__}",
                field=field_name(instance, attribute),
                rule=rule,
            )
        if not value.strip():
            raise InvalidRecordError(
                "must not be empty", field=field_name(instance, attribute), rule=rule
            )

    return check


def boolean(rule: str) -> Validator:
    """A validator: the value is exactly ``True`` or ``False`` (not 0, 1 or ``"yes"``)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not bool:
            raise InputTypeError(
                f"must be True or False, got {type(value).__name__} {shown(value)}",
                field=field_name(instance, attribute),
                rule=rule,
            )

    return check


def sequence_of(
    value: object, kind: type[T], *, field: str, rule: str, whole: str | None = None
) -> tuple[T, ...]:
    """``value`` as a tuple of ``kind``, or an error naming the field (and the bad item).

    A ``str`` or ``bytes`` is refused rather than read as a sequence of characters, and a
    mapping rather than read as its keys.
    ``whole`` names the field in the error for a value that is no sequence at all
    (``"Candidate.attempts"``; default ``field``); a bad item is ``field[index]``.

    Example:
        >>> sequence_of([1, "2"], int, field="counts", rule="example rule")
        Traceback (most recent call last):
        ...
        emrpath.errors.InputTypeError: counts[1]: must be an int, got str (rule: example rule)
    """
    items = tuple(iterable(value, field=field if whole is None else whole, rule=rule, of=kind))
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise InputTypeError(
                f"must be {_a(kind)}, got {type(item).__name__}",
                field=f"{field}[{index}]",
                rule=rule,
            )
    return items


# A fraction's denominator of more bits than this has more decimal places than any amount
# can keep exactly (2**100 is about 10**30; totals are summed in 28 significant digits).
_DENOMINATOR_BITS = 100


def exact_decimal(value: object, *, field: str | None, rule: str, what: str) -> Decimal:
    """``value``, a real number, as the ``Decimal`` it stands for, never rounded.

    Accepted: a ``Decimal`` as it is; an integer (``int``, numpy's integers: anything
    registered as ``numbers.Integral``); a ``float`` (numpy's ``float64`` too) read by its
    shortest repr, so ``0.1`` means one tenth; a fraction (``numbers.Rational``) whose
    decimal expansion ends; any other real number (numpy's ``float32``, ``float16``) read
    by its shortest text, if that text reads back as the same number. NaN and infinities
    come back as such: the caller decides whether they may stand.

    Raises:
        InputTypeError: ``value`` is a bool (``True`` or ``False`` is not an amount) or
            not a real number at all.
        InvalidRecordError: ``value`` has no exact decimal value (``Fraction(1, 3)``).

    Example:
        >>> from fractions import Fraction
        >>> exact_decimal(Fraction(5, 2), field="hours", rule="example rule", what="hours")
        Decimal('2.5')
        >>> exact_decimal(0.1, field="hours", rule="example rule", what="hours")
        Decimal('0.1')
        >>> exact_decimal(True, field="hours", rule="example rule", what="hours")
        Traceback (most recent call last):
        ...
        emrpath.errors.InputTypeError: hours: must be hours, got bool True: True or False is \
not an amount (rule: example rule)
    """
    if isinstance(value, bool):
        raise InputTypeError(
            f"must be {what}, got bool {value}: True or False is not an amount",
            field=field,
            rule=rule,
        )
    if isinstance(value, Decimal):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(float(value)))  # float(): numpy's repr is "np.float64(2.5)"
    if isinstance(value, numbers.Integral):
        return Decimal(int(value))
    if isinstance(value, numbers.Rational):
        numerator, denominator = int(value.numerator), int(value.denominator)
        return _fraction(numerator, denominator, value, field=field, rule=rule)
    if isinstance(value, numbers.Real):
        return _real(value, field=field, rule=rule, what=what)
    raise InputTypeError(
        f"must be {what} (an int, float, Decimal, Fraction or other real number), got "
        f"{type(value).__name__} {shown(value)}",
        field=field,
        rule=rule,
    )


def _fraction(
    numerator: int, denominator: int, value: object, *, field: str | None, rule: str
) -> Decimal:
    """``numerator / denominator`` exactly: the denominator may hold only 2s and 5s."""
    if denominator.bit_length() <= _DENOMINATOR_BITS:
        for places in range(_DENOMINATOR_BITS + 1):
            scaled, rest = divmod(numerator * 10**places, denominator)
            if not rest:
                return Decimal(scaled).scaleb(-places)
    raise InvalidRecordError(f"{shown(value)} has no exact decimal value", field=field, rule=rule)


def _real(value: numbers.Real, *, field: str | None, rule: str, what: str) -> Decimal:
    """A real number of another kind, read by its shortest text (numpy: ``"0.1"``)."""
    try:
        text = str(value)
        amount = Decimal(text)
    except Exception:  # no decimal text: "np.float32(0.1)", or a failing __str__
        raise InputTypeError(
            f"must be {what}; {type(value).__name__} {shown(value)} has no decimal text",
            field=field,
            rule=rule,
        ) from None
    if amount.is_finite():
        try:
            same = bool(type(value)(text) == value)  # type: ignore[call-arg]
        except Exception:
            same = False
        if not same:
            raise InvalidRecordError(
                f"{type(value).__name__} {shown(value)} is not exactly its text {shown(text)}",
                field=field,
                rule=rule,
            )
    return amount


def iterable(value: object, *, field: str, rule: str, of: type) -> Iterable[Any]:
    """``value`` if it can be iterated over as a collection of items, else an error.

    A ``str`` or ``bytes`` (its characters) and a mapping (its keys) are refused as well
    as a value that cannot be iterated at all. The value is not consumed: a generator
    stays a generator.

    Example:
        >>> iterable("2025-01-02", field="days", rule="example rule", of=int)
        Traceback (most recent call last):
        ...
        emrpath.errors.InputTypeError: days: must be a sequence of int, got str \
(rule: example rule)
    """
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InputTypeError(
            f"must be a sequence of {of.__name__}, got {type(value).__name__}",
            field=field,
            rule=rule,
        )
    return value


def parse_enum(
    kind: type[E],
    value: object,
    *,
    field: str,
    rule: str,
    noun: str,
    suggest: Callable[[str], E | None] | None = None,
) -> E:
    """``value`` as a member of ``kind``: a member, or exactly one of the values.

    ``suggest`` maps a string that is not a value to the member it probably means (say,
    one in the wrong case); the error then ends with "(did you mean ...?)". Nothing is
    ever accepted on a guess.

    Raises:
        InputTypeError: ``value`` is neither a member nor a ``str``.
        UnknownNameError: ``value`` is a string that is not exactly a value.
    """
    if isinstance(value, kind):
        return value
    if not isinstance(value, str):
        raise InputTypeError(
            f"must be {_a(kind)} or its string value, got {type(value).__name__}",
            field=field,
            rule=rule,
        )
    try:
        return kind(value)
    except ValueError:
        pass
    expected = ", ".join(repr(member.value) for member in kind)
    meant = None if suggest is None else suggest(value)
    hint = "" if meant is None else f" (did you mean {meant.value!r}?)"
    raise UnknownNameError(
        f"unknown {noun} {shown(value)}; expected one of {expected}{hint}",
        field=field,
        rule=rule,
    )


def amount(value: object, *, field: str, rule: str, positive: bool) -> Decimal:
    """``value`` (any real number, see ``exact_decimal``) as an exact, finite ``Decimal``."""
    exact = exact_decimal(value, field=field, rule=rule, what="a number of hours or points")
    if not exact.is_finite():
        raise InvalidRecordError(f"must be finite, got {shown(value)}", field=field, rule=rule)
    if exact < 0 or (positive and exact == 0):
        raise InvalidRecordError(
            f"must be {'more than' if positive else 'at least'} 0, got {shown(value)}",
            field=field,
            rule=rule,
        )
    if exact >= _AMOUNT_LIMIT or _decimal_places(exact) > _AMOUNT_PLACES:
        raise InvalidRecordError(
            f"must be less than {_AMOUNT_LIMIT:,} with at most {_AMOUNT_PLACES} decimal "
            f"places, so that totals stay exact; got {shown(value)}",
            field=field,
            rule=rule,
        )
    return exact


def amount_text(value: Decimal) -> str:
    """A Decimal for people: ``8``, ``2.5``, never ``8.0`` or ``1E+1``."""
    return format(value.normalize(), "f")


# Not rule numbers but the range in which amounts add up exactly: totals are computed in
# the default decimal context (28 significant digits), and amounts below 10**12 with at
# most 6 decimal places sum exactly however many there are in practice. Outside it a
# total would be rounded (1E+30 + 2.5) or overflow (1E+999999999).
_AMOUNT_LIMIT = Decimal(10) ** 12
_AMOUNT_PLACES = 6


def _decimal_places(amount: Decimal) -> int:
    """Digits after the point once trailing zeros are dropped (exact: no context rounding)."""
    _, digits, exponent = amount.as_tuple()
    if not isinstance(exponent, int):  # NaN or infinity: refused before this is asked
        return 0
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -(exponent + trailing)) if any(digits) else 0
