"""JSON in and out: every record, status and decision as a versioned JSON document.

A document is a JSON object holding the record's fields plus two envelope fields:
``schema_version`` (:data:`SCHEMA_VERSION`) and ``kind`` (``"candidate"``,
``"pathway_status"`` … see :func:`kinds`). Inside it, dates are ISO ``YYYY-MM-DD``
strings, enums are their values, tuples are arrays, and decimal amounts (education hours
and points) are strings, so they round-trip exactly (a JSON number is accepted on input
and read exactly too).

Documents name their program. A candidate, certification or recertification record
(:data:`PROGRAM_KINDS`) is judged by one program's rules, so its document carries a third
envelope field, ``program``, the program's key; statuses, plans and decisions carry the
key among their fields already. :func:`dumps` writes the key of the ``program=`` it is
given, :func:`loads` refuses a document that names another program than the one it is
read under, and :func:`document_program` says which program a document names, so a
document is never evaluated under another program's rules. Version-1 documents (before
documents named their program) are still read; for those kinds the caller names the
program.

Loading is strict. An unknown field, a missing field, a value of the wrong JSON type, an
impossible date (``"2025-02-30"``), a datetime where a date belongs, or a record that
breaks a rule raises one :class:`~emrpath.errors.EmrpathError` whose ``field`` is the JSON
path of the problem (``$.attempts[1].taken_on``); never a cattrs exception group or a
``KeyError``.

The converter (cattrs) is built once, on first use, with every hook generated before it
is shared; after that it is only read, so loading and dumping are
safe from many threads.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> candidate = ep.Candidate(
    ...     course=ep.CourseCompletion(dt.date(2025, 5, 2)),
    ...     attempts=[ep.ExamAttempt(dt.date(2025, 7, 1), passed=False, scaled_score=880)],
    ... )
    >>> text = ep.dumps(candidate, program=ep.NREMT_EMR, indent=None)
    >>> text[:65]
    '{"schema_version": 2, "kind": "candidate", "program": "nremt-emr"'
    >>> ep.loads(text, ep.Candidate, program=ep.NREMT_EMR) == candidate
    True
    >>> ep.loads(text, ep.Candidate, program=ep.ASCP_MLS)
    Traceback (most recent call last):
    ...
    emrpath.errors.InvalidRecordError: $.program: the document names program 'nremt-emr', \
not 'ascp-mls'; a document is never read under another program's rules \
(rule: document program)
    >>> ep.loads(text.replace("2025-07-01", "2025-02-30"), ep.Candidate, program=ep.NREMT_EMR)
    Traceback (most recent call last):
    ...
    emrpath.errors.InvalidRecordError: $.attempts[0].taken_on: '2025-02-30' is not a date \
on the calendar (rule: JSON date)
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import numbers
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import attrs

from emrpath._dates import ISO_DATE_PATTERN, iso_date
from emrpath._json_reader import Refused, generated_readers, snake_case
from emrpath._validators import exact_decimal, shown, shown_json
from emrpath.edition import Edition
from emrpath.errors import EmrpathError, InputTypeError, InvalidRecordError, UnknownNameError
from emrpath.program import Program

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "INPUT_KINDS",
    "PROGRAM_KINDS",
    "SCHEMA_VERSION",
    "document_error",
    "document_program",
    "dumps",
    "from_json_data",
    "json_schema",
    "kinds",
    "loads",
    "to_json_data",
]

_T = TypeVar("_T")

SCHEMA_VERSION = 2
"""The version of the JSON document format; bumped on any incompatible change.

Version 2 added the ``program`` envelope field of the :data:`PROGRAM_KINDS`; version-1
documents are still read, and for those kinds the caller names the program.
"""

_READ_VERSIONS = (1, 2)  # what loads() reads; dumps() writes SCHEMA_VERSION
_READABLE = " and ".join(str(v) for v in _READ_VERSIONS)

_RULE = "JSON document"
_MAX_INDENT = 16  # spaces per level dumps() accepts: readable output, no runaway size
_DATE_RULE = "JSON date"
_ENVELOPE = ("schema_version", "kind")
_PROGRAM_RULE = "document program"
# A finite decimal number as text: no sign tricks beyond one leading "-", no spaces,
# no NaN or Infinity. Exponents are allowed so str(Decimal) always loads back.
_DECIMAL_RE = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_DATE_SCHEMA: dict[str, Any] = {
    "type": "string",
    "format": "date",
    "pattern": f"^{ISO_DATE_PATTERN.pattern}$",
}
_DECIMAL_SCHEMA: dict[str, Any] = {
    "type": ["string", "number"],
    "pattern": f"^{_DECIMAL_RE.pattern}$",
    "description": 'An exact decimal: a string such as "2.5" (preferred) or a JSON number.',
}

# The input documents an application sends in; json_schema() describes any kind, but
# these are the ones the CLI and applications write by hand.
INPUT_KINDS: tuple[str, ...] = (
    "candidate",
    "certification",
    "practitioner",
    "recertification_record",
)
"""The kinds of the input documents applications write: see :func:`json_schema`."""

PROGRAM_KINDS: tuple[str, ...] = ("candidate", "certification", "recertification_record")
"""The kinds whose documents name their program in the envelope (``"program": key``).

A record of these kinds is judged by one program's rules but does not hold the program
itself, so its document names it: :func:`dumps` needs ``program=`` for them, and
:func:`loads` reads them under a ``program=`` that must be the one the document names.
"""


@cache
def _registry() -> Mapping[str, type]:
    """Kind name -> class, for every type that has a JSON document (imported on first use).

    The document classes are the rows of the package's one export list marked
    ``document=True``; a kind's name is its class name in snake case.
    """
    from importlib import import_module

    from emrpath._exports import EXPORTS

    classes = [getattr(import_module(row.home), row.name) for row in EXPORTS if row.document]
    return types.MappingProxyType({snake_case(cls.__name__): cls for cls in classes})


@cache
def _kind_names() -> Mapping[type, str]:
    """Class -> kind name, for every type that has a JSON document."""
    return types.MappingProxyType({cls: name for name, cls in _registry().items()})


def kinds() -> tuple[str, ...]:
    """The kind names of every JSON document, sorted.

    Example:
        >>> "candidate" in kinds(), "pathway_status" in kinds()
        (True, True)
    """
    return tuple(sorted(_registry()))


def _kind_of(kind: type | str) -> tuple[str, type]:
    registry = _registry()
    if isinstance(kind, str):
        cls = registry.get(kind)
        if cls is None:
            raise UnknownNameError(
                f"unknown document kind {shown(kind)}; known: {', '.join(sorted(registry))}",
                field="kind",
                rule=_RULE,
            )
        return kind, cls
    if isinstance(kind, type):
        name = _kind_names().get(kind)
        if name is not None:
            return name, kind
    raise InputTypeError(
        f"no JSON document for {shown(kind)}; known kinds: {', '.join(sorted(registry))}",
        field="kind",
        rule=_RULE,
    )


# ---------------------------------------------------------------------------------------
# strict hooks for the leaves: no coercion, every refusal an EmrpathError


def _date_hook(value: Any, _: type) -> dt.date:
    return iso_date(value, field=None, rule=_DATE_RULE)


def _int_hook(value: Any, _: type) -> int:
    if type(value) is not int:
        raise InputTypeError(f"must be an integer, got {shown_json(value)}", rule=_RULE)
    return value


def _bool_hook(value: Any, _: type) -> bool:
    if type(value) is not bool:
        raise InputTypeError(f"must be true or false, got {shown_json(value)}", rule=_RULE)
    return value


def _str_hook(value: Any, _: type) -> str:
    if type(value) is not str:
        raise InputTypeError(f"must be a string, got {shown_json(value)}", rule=_RULE)
    return value


def _edition_hook(value: Any, _: type) -> Edition:
    if type(value) is not str:
        raise InputTypeError(
            f'must be an edition string such as "nremt-emr@0.2.0#0123456789abcdef", got '
            f"{shown_json(value)}",
            rule=_RULE,
        )
    try:
        return Edition.parse(value)
    except EmrpathError as err:  # the path is added where the document is read
        raise InvalidRecordError(err.message, rule=_RULE) from None


def _decimal_hook(value: Any, _: type) -> Decimal:
    if isinstance(value, Decimal):  # a JSON number read exactly by loads()
        return value
    if isinstance(value, str):
        if not _DECIMAL_RE.fullmatch(value):
            raise InvalidRecordError(
                f'must be a decimal number such as "2.5", got {shown_json(value)}', rule=_RULE
            )
        return Decimal(value)
    if not isinstance(value, bool) and isinstance(value, numbers.Real):
        # Python data (from_json_data), numpy numbers included: read exactly, as a record
        # reads them (a float by its shortest repr).
        return exact_decimal(value, field=None, rule=_RULE, what="a decimal number")
    raise InputTypeError(
        f'must be a decimal number (a string such as "2.5" or a number), got {shown_json(value)}',
        rule=_RULE,
    )


def _enum_hook_factory(cls: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    members = {member.value: member for member in cls}
    names = ", ".join(repr(v) for v in members)

    def structure(value: Any, _: type) -> enum.Enum:
        member = members.get(value) if isinstance(value, str) else None
        if member is None:
            raise InvalidRecordError(
                f"must be one of {names}, got {shown_json(value)}", rule=_RULE
            )
        return member

    return structure


def _is_tuple(tp: Any) -> bool:
    return typing.get_origin(tp) is tuple


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _item_types(tp: Any) -> tuple[Any, Any | None]:
    """``(item, None)`` for ``tuple[item, ...]``; ``(None, (A, B))`` for ``tuple[A, B]``."""
    args = typing.get_args(tp)
    if len(args) == 2 and args[1] is Ellipsis:
        return args[0], None
    return None, args


def _tuple_hook_factory(
    tp: Any, converter: cattrs.Converter
) -> Callable[[Any, type], tuple[Any, ...]]:
    from cattrs.errors import IterableValidationError, IterableValidationNote

    item_type, fixed = _item_types(tp)
    types_ = [item_type] if fixed is None else list(fixed)
    hooks = [converter.get_structure_hook(t) for t in types_]

    def structure(value: Any, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise InputTypeError(f"must be an array, got {shown_json(value)}", rule=_RULE)
        if fixed is not None and len(value) != len(fixed):
            raise InvalidRecordError(
                f"must be an array of {len(fixed)} items, got {len(value)}", rule=_RULE
            )
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            at = 0 if fixed is None else index
            try:
                items.append(hooks[at](item, types_[at]))
            except Exception as err:  # collected, then translated by _translate
                note = IterableValidationNote(f"@ index {index}", index, types_[at])
                vars(err).setdefault("__notes__", []).append(note)  # what add_note() does
                errors.append(err)
        if errors:
            raise IterableValidationError(f"while structuring {tp!r}", errors, tp)
        return tuple(items)

    return structure


def _attrs_hook_factory(cls: type, converter: cattrs.Converter) -> Callable[[Any, type], Any]:
    from cattrs.gen import make_dict_structure_fn

    inner: Callable[[Any, type], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )

    def structure(value: Any, _: type) -> Any:
        if not isinstance(value, dict):
            raise InputTypeError(
                f"must be an object ({cls.__name__}), got {shown_json(value)}",
                rule=_RULE,
            )
        return inner(value, cls)

    return structure


def _union_hook_factory(tp: Any, converter: cattrs.Converter) -> Callable[[Any, type], Any]:
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if len(args) != len(typing.get_args(tp)) - 1 or len(args) != 1:
        raise TypeError(f"only X | None unions have JSON documents, not {tp!r}")
    inner_type = args[0]
    hook = converter.get_structure_hook(inner_type)

    def structure(value: Any, _: type) -> Any:
        return None if value is None else hook(value, inner_type)

    return structure


def _unstructure_tuple_factory(tp: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    item_type, fixed = _item_types(tp)
    if fixed is None:
        item = converter.get_unstructure_hook(item_type)
        return lambda value: [item(v) for v in value]
    hooks = [converter.get_unstructure_hook(t) for t in fixed]
    return lambda value: [hook(v) for hook, v in zip(hooks, value, strict=True)]


@cache
def _converter() -> cattrs.Converter:
    """The shared converter, with every hook generated before it is returned.

    Two threads that miss the cache at once each build a complete converter of their own
    and one is kept; no thread ever sees one half built. After that it is only read.
    """
    import cattrs

    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(dt.date, _date_hook)
    conv.register_structure_hook(int, _int_hook)
    conv.register_structure_hook(bool, _bool_hook)
    conv.register_structure_hook(str, _str_hook)
    conv.register_structure_hook(Decimal, _decimal_hook)
    conv.register_structure_hook(Edition, _edition_hook)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook_factory
    )
    conv.register_structure_hook_factory(_is_union, _union_hook_factory)
    conv.register_structure_hook_factory(_is_tuple, _tuple_hook_factory)
    conv.register_structure_hook_factory(attrs.has, _attrs_hook_factory)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_unstructure_hook(Edition, str)  # "nremt-emr@0.2.0#...": one string
    conv.register_unstructure_hook_factory(_is_tuple, _unstructure_tuple_factory)
    for cls in _registry().values():
        attrs.resolve_types(cls)
        conv.get_structure_hook(cls)
        conv.get_unstructure_hook(cls)
    return conv


# ---------------------------------------------------------------------------------------
# the reader: one pass over a valid document, no path built; the converter says what is wrong


def _decimal(value: Any) -> Decimal:
    return _decimal_hook(value, Decimal)


def _edition(value: Any) -> Edition:
    return _edition_hook(value, Edition)


@cache
def _reader(cls: type, objects: Literal["dicts", "pairs"]) -> Callable[[Any], Any]:
    """The reader of one document class, generated on first use (with its nested classes).

    A reader (see :mod:`emrpath._json_reader`) builds the value from valid JSON data in
    one pass and refuses anything else by raising, without saying why: :func:`_structure`
    then asks the converter, whose detailed validation names every problem by its JSON
    path. So no path is built for a valid document, and the converter stays the one
    authority on what is wrong. ``objects="dicts"`` reads Python data (the fields of
    :func:`from_json_data`); ``"pairs"`` reads text parsed with each JSON object as its
    pairs (:func:`loads`). Generated per class, so a process that reads candidates
    compiles the readers of a candidate's nine classes, not of every document's.
    """
    calls = {Decimal: _decimal, Edition: _edition}
    return generated_readers([cls], objects=objects, calls=calls)[cls]


def _structure(body: dict[str, Any], cls: type) -> Any:
    """``cls`` built from the document's fields, or one EmrpathError with the JSON path."""
    read = _reader(cls, "dicts")
    try:
        return read(body)
    except Exception:  # refused, or the record is invalid: the converter names the problem
        return _converted(body, cls)


def _converted(body: dict[str, Any], cls: type) -> Any:
    """``cls`` built by the detailed converter, or one EmrpathError with the JSON path."""
    try:
        return _converter().structure(body, cls)
    except Exception as exc:
        error = _translate(exc, cls, body)
        if error is None:
            raise
        raise error from None


# ---------------------------------------------------------------------------------------
# errors: one EmrpathError with the JSON path, whatever cattrs collected


def _attrs_class(tp: Any) -> type | None:
    if _is_union(tp):
        found = [a for a in typing.get_args(tp) if attrs.has(a)]
        return found[0] if len(found) == 1 else None
    return tp if isinstance(tp, type) and attrs.has(tp) else None


def _problems(
    exc: BaseException, path: str, cls: type | None, node: object
) -> Iterator[tuple[str, BaseException, type | None, object]]:
    """Every leaf error under ``exc``: its JSON path, the class built there, the JSON there."""
    from cattrs.errors import ClassValidationError, IterableValidationError

    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, attr_note in with_notes:
            child = node.get(attr_note.name) if isinstance(node, dict) else None
            where = _attrs_class(attr_note.type)
            yield from _problems(sub, f"{path}.{attr_note.name}", where, child)
        for sub in without:
            yield from _problems(sub, path, exc.cl, node)
    elif isinstance(exc, IterableValidationError):
        with_index, without = exc.group_exceptions()
        for sub, item_note in with_index:
            index = item_note.index
            child = node[index] if isinstance(node, list) and isinstance(index, int) else None
            where = _attrs_class(item_note.type)
            yield from _problems(sub, f"{path}[{index}]", where, child)
        for sub in without:
            yield from _problems(sub, path, None, node)
    else:
        yield path, exc, cls, node


_INDEXED = re.compile(r"([a-z_][a-z0-9_]*)\[([0-9]+)\](.*)", re.DOTALL)


def _json_index(cls: type, name: str, index: int, node: object) -> int:
    """The position in the JSON array of item ``index`` of a field the record sorts.

    A record keeps some tuples in date order (attempts, authorizations, history), so an
    index in its own error message counts the sorted items; the caller's JSON may list
    them in another order. Rebuild the items and sort them with the field's own
    converter to find which JSON element the record meant.
    """
    field = attrs.fields_dict(cls)[name]
    items_json = node.get(name) if isinstance(node, dict) else None
    if field.converter is None or not isinstance(items_json, list):
        return index
    item_type = _item_types(field.type)[0] if _is_tuple(field.type) else None
    if item_type is None:
        return index
    try:
        items = [_converter().structure(item, item_type) for item in items_json]
        convert = typing.cast(Callable[[Any], tuple[Any, ...]], field.converter)
        ordered = convert(tuple(items))
        target = ordered[index]
    except Exception:  # the items themselves are broken: keep the record's count
        return index
    return next((k for k, item in enumerate(items) if item is target), index)


_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _member(path: str, key: str) -> str:
    """``path.key``, or ``path["key"]`` for a key that is not a plain name (one line)."""
    if _NAME_RE.fullmatch(key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key)}]"


def _record_path(path: str, field: str | None, cls: type | None, node: object) -> str:
    """Join a record's own field name (``"Candidate.attempts[0].taken_on"``) to ``path``."""
    if not field or cls is None:
        return path
    rel = field.removeprefix(f"{cls.__name__}.")
    head = re.split(r"[.\[]", rel, maxsplit=1)[0]
    if head not in attrs.fields_dict(cls):
        return path
    indexed = _INDEXED.fullmatch(rel)
    if indexed is not None:
        name, index, rest = indexed.group(1), int(indexed.group(2)), indexed.group(3)
        rel = f"{name}[{_json_index(cls, name, index, node)}]{rest}"
    return f"{path}.{rel}"


def _leaf_error(
    path: str, exc: BaseException, cls: type | None, node: object
) -> EmrpathError | None:
    from cattrs.errors import ForbiddenExtraKeysError

    if isinstance(exc, EmrpathError):
        field = _record_path(path, exc.field, cls, node)
        return type(exc)(exc.message, field=field, rule=exc.rule)
    if isinstance(exc, ForbiddenExtraKeysError):
        odd = [key for key in exc.extra_fields if not isinstance(key, str)]
        if odd:  # Python data handed to from_json_data: JSON keys are always strings
            return InputTypeError(
                f"object keys must be strings, got {shown_json(odd[0])}",
                field=path,
                rule=_RULE,
            )
        extra = sorted(exc.extra_fields)
        known = ", ".join(a.name for a in attrs.fields(exc.cl))
        return InvalidRecordError(
            f"unknown field{'s' if len(extra) > 1 else ''} "
            f"{', '.join(json.dumps(k) for k in extra)}; "
            f"{exc.cl.__name__} has {known}",
            field=_member(path, extra[0]),
            rule=_RULE,
        )
    if isinstance(exc, KeyError) and exc.args:
        return InvalidRecordError("required field missing", field=path, rule=_RULE)
    return None


def _translate(exc: BaseException, cls: type, body: object) -> EmrpathError | None:
    """One EmrpathError for everything wrong in a document, or None for an unknown failure."""
    found: list[EmrpathError] = []
    for path, leaf, where, node in _problems(exc, "$", cls, body):
        error = _leaf_error(path, leaf, where, node)
        if error is None:
            return None  # not a known kind of bad input: let the original surface
        found.append(error)
    if not found:
        return None
    first = found[0]
    if len(found) == 1:
        return first
    more = len(found) - 1
    return type(first)(
        f"{first.message} (and {more} more problem{'s' if more > 1 else ''})",
        field=first.field,
        rule=first.rule,
    )


# ---------------------------------------------------------------------------------------
# public API


def _program_arg(program: object) -> Program | None:
    """``program`` if it is ``None`` or a :class:`Program`; else an error naming it."""
    if program is None or isinstance(program, Program):
        return program
    raise InputTypeError(
        f"expected a Program (or None), got {type(program).__name__}",
        field="program",
        rule=_PROGRAM_RULE,
    )


def _names_program_in_body(cls: type) -> bool:
    """Whether documents of ``cls`` carry their program's key among the fields (statuses)."""
    return "program" in attrs.fields_dict(cls)


def _another_program(named: str, program: Program, field: str) -> InvalidRecordError:
    return InvalidRecordError(
        f"the document names program {named!r}, not {program.key!r}; a document is never "
        "read under another program's rules",
        field=field,
        rule=_PROGRAM_RULE,
    )


def to_json_data(obj: object, *, program: Program | None = None) -> dict[str, Any]:
    """``obj`` as JSON-ready Python data: a dict of str, int, bool, None, lists and dicts.

    Args:
        obj: A record, status or decision (any of :func:`kinds`).
        program: The program whose rules apply to ``obj``. Required for the
            :data:`PROGRAM_KINDS` (candidate, certification, recertification record): its
            key is written as the document's ``program``. A status or plan names its
            program already; given, ``program`` must be that one. Other kinds (an
            exam attempt) name no program, and ``program`` changes nothing.

    Returns:
        The document, with ``schema_version``, ``kind`` (and ``program``) first.

    Raises:
        InputTypeError: ``obj`` has no JSON document, or ``program`` is not a Program.
        InvalidRecordError: ``program`` is missing for a kind that names it, or is not
            the program a status names.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> to_json_data(ep.ExamAttempt(dt.date(2025, 7, 1), passed=False, scaled_score=880))
        {'schema_version': 2, 'kind': 'exam_attempt', 'taken_on': '2025-07-01', \
'passed': False, 'scaled_score': 880}
        >>> to_json_data(ep.Certification(dt.date(2025, 6, 2)), program=ep.ASCP_MLS)
        {'schema_version': 2, 'kind': 'certification', 'program': 'ascp-mls', \
'certified_on': '2025-06-02', 'expires_on': None, 'cycle_started_on': None}
    """
    name, cls = _kind_of(type(obj))
    given = _program_arg(program)
    body = _converter().unstructure(obj, unstructure_as=cls)
    if name in PROGRAM_KINDS:
        if given is None:
            raise InvalidRecordError(
                f"a {name} document names the program whose rules apply to it: pass "
                "program= (emrpath never chooses one)",
                field="program",
                rule=_PROGRAM_RULE,
            )
        return {"schema_version": SCHEMA_VERSION, "kind": name, "program": given.key, **body}
    if given is not None and _names_program_in_body(cls) and body["program"] != given.key:
        raise InvalidRecordError(
            f"this {name} is under program {body['program']!r}, not {given.key!r}",
            field="program",
            rule=_PROGRAM_RULE,
        )
    return {"schema_version": SCHEMA_VERSION, "kind": name, **body}


def _envelope(data: object) -> tuple[dict[str, Any], int, str, type]:
    """The document's object, version, kind name and class, each checked."""
    if not isinstance(data, dict):
        raise InputTypeError(
            f"a document must be a JSON object, got {shown_json(data)}",
            field="$",
            rule=_RULE,
        )
    if "schema_version" not in data:
        raise InvalidRecordError(
            f"required field missing; this library reads schema_version {_READABLE}",
            field="$.schema_version",
            rule=_RULE,
        )
    version = data["schema_version"]
    if type(version) is not int or version not in _READ_VERSIONS:
        raise InvalidRecordError(
            f"unsupported schema_version {shown_json(version)}; this library reads {_READABLE}",
            field="$.schema_version",
            rule=_RULE,
        )
    if "kind" not in data:
        raise InvalidRecordError("required field missing", field="$.kind", rule=_RULE)
    named = data["kind"]
    if not isinstance(named, str):
        raise InputTypeError(
            f"must be a string, got {shown_json(named)}",
            field="$.kind",
            rule=_RULE,
        )
    try:
        name, cls = _kind_of(named)
    except EmrpathError as err:  # the document's own kind: a path in it, not the argument
        raise type(err)(err.message, field="$.kind", rule=err.rule) from None
    return data, version, name, cls


def _named_key(data: dict[str, Any], name: str) -> str:
    """The program key a version-2 document of the :data:`PROGRAM_KINDS` names."""
    if "program" not in data:
        raise InvalidRecordError(
            f"required field missing; a version-2 {name} document names its program",
            field="$.program",
            rule=_RULE,
        )
    key = data["program"]
    if not isinstance(key, str):
        raise InputTypeError(
            f"must be a program key (a string), got {shown_json(key)}",
            field="$.program",
            rule=_RULE,
        )
    return key


@overload
def from_json_data(data: object, kind: type[_T], *, program: Program | None = None) -> _T: ...
@overload
def from_json_data(
    data: object, kind: str | None = None, *, program: Program | None = None
) -> Any: ...
def from_json_data(
    data: object, kind: type | str | None = None, *, program: Program | None = None
) -> Any:
    """Build a record, status or decision from JSON data (as ``json.loads`` returns it).

    Args:
        data: The document: a dict with ``schema_version``, ``kind`` and the fields.
        kind: The class (``emrpath.Candidate``) or kind name (``"candidate"``) expected;
            ``None`` takes the kind the document names.
        program: The program the document is read under (its rules will apply to the
            value). Required for the :data:`PROGRAM_KINDS`: a version-2 document must
            name this program, and a version-1 document, which names none, is read as
            this program's. A status or plan naming another program is refused too.
            Other kinds name no program and need none.

    Returns:
        The value, validated exactly as if it had been built in Python.

    Raises:
        InputTypeError: A value has the wrong JSON type (the ``field`` is its JSON path),
            or ``program`` is not a Program.
        InvalidRecordError: An unknown or missing field, an impossible date, a schema
            version or kind other than the one expected, a record that breaks a rule, a
            document naming another program (field ``$.program``), or no ``program``
            for a kind that needs one (field ``program``).
        UnknownNameError: ``kind`` (or the document's kind) is not a known kind.

    Example:
        >>> import emrpath as ep
        >>> doc = {"schema_version": 2, "kind": "course_completion",
        ...        "completed_on": "2025-05-02", "verified_on": None, "route": None}
        >>> from_json_data(doc)
        CourseCompletion(completed_on=datetime.date(2025, 5, 2), verified_on=None, route=None)
        >>> from_json_data({**doc, "verified": True}, ep.CourseCompletion)
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: $.verified: unknown field "verified"; \
CourseCompletion has completed_on, verified_on, route (rule: JSON document)
        >>> old = {"schema_version": 1, "kind": "certification", "certified_on": "2025-06-02"}
        >>> from_json_data(old, ep.Certification)
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: program: a version-1 certification document \
names no program: pass program=, the program whose rules apply to it (rule: document program)
        >>> from_json_data(old, ep.Certification, program=ep.ASCP_MLS).certified_on
        datetime.date(2025, 6, 2)
    """
    document, version, named, cls = _envelope(data)
    given = _program_arg(program)
    if kind is not None:
        name, cls = _kind_of(kind)
        if named != name:
            raise InvalidRecordError(
                f"expected a {name!r} document, got kind {shown_json(named)}",
                field="$.kind",
                rule=_RULE,
            )
    envelope: tuple[str, ...] = _ENVELOPE
    if named in PROGRAM_KINDS:
        if version >= 2:
            key = _named_key(document, named)
            envelope = (*_ENVELOPE, "program")
            if given is None:
                raise InvalidRecordError(
                    f"a {named} document is read under the program whose rules apply to "
                    f"it: pass program= (this document names {key!r})",
                    field="program",
                    rule=_PROGRAM_RULE,
                )
            if key != given.key:
                raise _another_program(key, given, "$.program")
        elif given is None:
            raise InvalidRecordError(
                f"a version-1 {named} document names no program: pass program=, the "
                "program whose rules apply to it",
                field="program",
                rule=_PROGRAM_RULE,
            )
    elif given is not None and _names_program_in_body(cls):
        under = document.get("program")  # a wrong type is the converter's to report
        if isinstance(under, str) and under != given.key:
            raise _another_program(under, given, "$.program")
    body = dict(document)
    for field in envelope:
        del body[field]
    return _structure(body, cls)


def dumps(obj: object, *, program: Program | None = None, indent: int | None = 2) -> str:
    """``obj`` as a JSON document (see :func:`to_json_data`).

    Args:
        obj: A record, status or decision.
        program: The program whose rules apply to ``obj``: required for the
            :data:`PROGRAM_KINDS`, whose documents name it (see :func:`to_json_data`).
        indent: Spaces per level (an int from 0 to 16); ``None`` for one line.

    Raises:
        InputTypeError: ``indent`` is neither ``None`` nor an int (a bool is refused),
            or ``program`` is not a Program.
        InvalidRecordError: ``indent`` is an int outside 0..16, or ``program`` is
            missing for a kind that names it.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> print(dumps(ep.SkillsCompetency(dt.date(2025, 6, 3))))
        {
          "schema_version": 2,
          "kind": "skills_competency",
          "passed_on": "2025-06-03"
        }
        >>> print(dumps(ep.Certification(dt.date(2023, 8, 10)), program=ep.NREMT_EMR))
        {
          "schema_version": 2,
          "kind": "certification",
          "program": "nremt-emr",
          "certified_on": "2023-08-10",
          "expires_on": null,
          "cycle_started_on": null
        }
    """
    if indent is not None:
        if type(indent) is not int:
            raise InputTypeError(
                f"must be None or an int, got {shown_json(indent)}", field="indent", rule=_RULE
            )
        if not 0 <= indent <= _MAX_INDENT:
            raise InvalidRecordError(
                f"must be from 0 to {_MAX_INDENT}, got {shown_json(indent)}",
                field="indent",
                rule=_RULE,
            )
    return json.dumps(to_json_data(obj, program=program), indent=indent, ensure_ascii=False)


class _Duplicated(dict[str, Any]):
    """A parsed JSON object that gave ``key`` twice (the first value kept).

    Found by path once the whole text is read: the parser's hook sees an object but not
    where it is.
    """

    key: str


def _mark_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's members as a dict, marked when a key is given twice."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            marked = _Duplicated(found)
            marked.key = key
            return marked
        found[key] = value
    return found


def _duplicate_path(data: object) -> tuple[str, str] | None:
    """The path of the first object (in document order) that gave a key twice, and the key.

    A walk with its own stack: a document nested as deeply as the parser allows must not
    overflow Python's.
    """
    stack: list[tuple[str, object]] = [("$", data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, _Duplicated):
            return path, node.key
        if isinstance(node, dict):
            items = [(_member(path, key), value) for key, value in node.items()]
        elif isinstance(node, list):
            items = [(f"{path}[{i}]", value) for i, value in enumerate(node)]
        else:
            continue
        stack.extend(reversed(items))  # the first member is walked first
    return None


class _DuplicateKeyError(Exception):
    """Raised by the parser's hook at the first object that gives a key twice."""


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's members as a dict; a key given twice stops the parse."""
    found = dict(pairs)
    if len(found) < len(pairs):
        raise _DuplicateKeyError
    return found


def _refuse_constant(name: str) -> object:
    raise InvalidRecordError(f"{name} is not a number JSON allows", field="$", rule=_RULE)


def read_json(text: object) -> object:
    """JSON text (str or UTF-8 bytes) as Python data, strictly: see :func:`loads`.

    For the package's own readers (the command line reads a document once with it);
    not in ``__all__``.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InvalidRecordError(
                f"not UTF-8 text: {err.reason} at byte {err.start}", field="$", rule=_RULE
            ) from None
    if not isinstance(text, str):
        raise InputTypeError(
            f"expected JSON text (str or bytes), got {type(text).__name__}",
            field="text",
            rule=_RULE,
        )
    try:
        try:
            return json.loads(
                text,
                parse_float=Decimal,
                parse_constant=_refuse_constant,
                object_pairs_hook=_refuse_duplicates,
            )
        except _DuplicateKeyError:
            # Only now is the path wanted: read the text again, marking each object that
            # repeats a key, and walk the result in document order to the first one.
            data = json.loads(
                text,
                parse_float=Decimal,
                parse_constant=_refuse_constant,
                object_pairs_hook=_mark_duplicates,
            )
    except EmrpathError:
        raise
    except json.JSONDecodeError as err:
        raise InvalidRecordError(
            f"not valid JSON: {err.msg} at line {err.lineno} column {err.colno}",
            field="$",
            rule=_RULE,
        ) from None
    except RecursionError:
        raise InvalidRecordError("nested too deeply to read", field="$", rule=_RULE) from None
    except ValueError:  # an integer longer than Python's digit limit
        raise InvalidRecordError(
            "a number has more digits than can be read", field="$", rule=_RULE
        ) from None
    duplicate = _duplicate_path(data)
    if duplicate is None:  # pragma: no cover - the first reading saw a key given twice
        raise AssertionError("a duplicate key was seen but not found again")
    where, key = duplicate  # refused, not read as "the last one wins"
    raise InvalidRecordError(
        f"duplicate key {json.dumps(key, ensure_ascii=False)} in a JSON object",
        field=_member(where, key),
        rule=_RULE,
    )


@overload
def loads(text: str | bytes, kind: type[_T], *, program: Program | None = None) -> _T: ...
@overload
def loads(
    text: str | bytes, kind: str | None = None, *, program: Program | None = None
) -> Any: ...
def loads(
    text: str | bytes, kind: type | str | None = None, *, program: Program | None = None
) -> Any:
    """Parse a JSON document and build the value it describes (see :func:`from_json_data`).

    JSON numbers with a fraction or exponent are read as exact decimals, so an amount of
    ``2.1`` hours is ``Decimal('2.1')``; where an integer belongs they are refused.

    Args:
        text: The document, as text or UTF-8 bytes.
        kind: The class or kind name expected (``None``: the one the document names).
        program: The program the document is read under: required for a candidate,
            certification or recertification record, whose document must name it (a
            version-1 document names none and is read as this program's). See
            :func:`document_program` to ask a document which program it names.

    Raises:
        InvalidRecordError: The text is not JSON, the document is invalid, or it names
            another program than ``program``.
        InputTypeError: ``text`` is not str or bytes, or a value has the wrong JSON type.

    Example:
        >>> import emrpath as ep
        >>> loads('{"schema_version": 2, "kind": "skills_competency", "passed_on": 20250603}')
        Traceback (most recent call last):
        ...
        emrpath.errors.InputTypeError: $.passed_on: must be an ISO date string YYYY-MM-DD, \
got number 20250603 (rule: JSON date)
        >>> doc = '{"schema_version": 2, "kind": "certification", "program": "ascp-mls", \
"certified_on": "2025-06-02"}'
        >>> loads(doc, ep.Certification, program=ep.ASCP_MLS)
        Certification(certified_on=datetime.date(2025, 6, 2), expires_on=None, \
cycle_started_on=None)
    """
    try:
        return _read_valid(text, kind, program)
    except Exception:  # refused, or the record is invalid: the strict reading says why
        return from_json_data(read_json(text), kind, program=program)


def _read_valid(text: object, kind: type | str | None, program: Program | None) -> Any:
    """The value of a valid document in one pass, or an exception that does not say why.

    The parser gives every JSON object as a tuple of its pairs (a C type as its hook: no
    Python call per object), so the generated readers see a key given twice. Anything
    but a plain valid version-2 document of the kind and program asked for raises:
    :func:`loads` then reads the text strictly, which names the problem.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if not isinstance(text, str):
        raise Refused
    pairs = json.loads(
        text, parse_float=Decimal, parse_constant=_refuse_constant, object_pairs_hook=tuple
    )
    if type(pairs) is not tuple:
        raise Refused
    body = dict(pairs)
    version = body.pop("schema_version")
    if len(body) + 1 != len(pairs) or type(version) is not int or version != SCHEMA_VERSION:
        raise Refused  # a key given twice, or not a version-2 document
    named = body.pop("kind")
    cls = _registry()[named]
    if kind is not None and kind is not cls and kind != named:
        raise Refused
    if named in PROGRAM_KINDS:
        if not isinstance(program, Program) or body.pop("program") != program.key:
            raise Refused
    elif program is not None:  # a status read under a program: checked on the strict path
        raise Refused
    return _reader(cls, "pairs")(body)


def document_error(error: EmrpathError, document: str | bytes | dict[str, Any]) -> EmrpathError:
    """``error``, raised evaluating the record read from ``document``, pointed at the document.

    A record keeps some tuples in date order (a candidate's attempts, authorizations and
    history), so an error raised while evaluating it names the record's path in that order
    (``attempts[1].scaled_score``). The caller's document may list the items in another
    order; this names the same problem the way :func:`loads` does, as a JSON path in the
    document's own order (``$.attempts[0].scaled_score``). An error whose field is not a
    field of the document's record (``as_of``, an option, a path already rooted at ``$``)
    is returned as it is.

    Args:
        error: The error evaluation raised.
        document: The document the record was loaded from, as text, UTF-8 bytes or data.

    Returns:
        An error of the same type, message and rule, its field a JSON path in the document.

    Raises:
        InvalidRecordError: ``document`` is not a readable document (see :func:`loads`).

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> doc = (
        ...     '{"schema_version": 2, "kind": "candidate", "program": "nremt-emr", '
        ...     '"course": {"completed_on": "2025-05-02", "verified_on": "2025-05-06"}, '
        ...     '"attempts": [{"taken_on": "2025-07-15", "passed": false, "scaled_score": 50}, '
        ...     '{"taken_on": "2025-06-10", "passed": false, "scaled_score": 880}]}'
        ... )
        >>> candidate = loads(doc, ep.Candidate, program=ep.NREMT_EMR)
        >>> try:
        ...     ep.evaluate(candidate, as_of=dt.date(2025, 8, 20), program=ep.NREMT_EMR)
        ... except ep.EmrpathError as err:
        ...     print(err.field, "->", document_error(err, doc).field)
        attempts[1].scaled_score -> $.attempts[0].scaled_score
    """
    data = document if isinstance(document, dict) else read_json(document)
    cls = _envelope(data)[3]
    path = _record_path("$", error.field, cls, data)
    if path == "$":  # not one of the record's fields: nothing to point at
        return error
    return type(error)(error.message, field=path, rule=error.rule)


def document_program(document: str | bytes | dict[str, Any]) -> Program | None:
    """The shipped program a document names, looked up in :data:`emrpath.programs.REGISTRY`.

    A candidate, certification or recertification record document names its program in
    its envelope; a status, plan or decision among its fields. Only the envelope and that
    key are read, so this is the question to ask before :func:`loads`: a tool that
    evaluates whatever document it is handed reads it under the program it names.

    Args:
        document: The document as JSON text (str or UTF-8 bytes, read as strictly as by
            :func:`loads`) or as data (a dict, as ``json.loads`` returns it).

    Returns:
        The :class:`~emrpath.program.Program`, or ``None`` when the document names none:
        a version-1 document of the :data:`PROGRAM_KINDS` (its reader names the
        program), or a kind that belongs to no program (an exam attempt).

    Raises:
        InvalidRecordError: The text is not JSON, or the envelope (``schema_version``,
            ``kind``, ``program``) is missing or invalid.
        InputTypeError: ``document`` is not str, bytes or a dict, or ``program`` is not
            a string.
        UnknownNameError: The document names a program emrpath does not ship (field
            ``$.program``, with a "did you mean" where one is near).

    Example:
        >>> import emrpath as ep
        >>> document_program('{"schema_version": 2, "kind": "candidate", "program": '
        ...                  '"ascp-mls", "course": {"completed_on": "2024-12-13"}}')
        <Program ascp-mls: Medical Laboratory Scientist, MLS(ASCP) (American Society for \
Clinical Pathology Board of Certification (ASCP BOC))>
        >>> print(document_program({"schema_version": 1, "kind": "candidate"}))
        None
        >>> document_program({"schema_version": 2, "kind": "candidate", "program": "emr"})
        Traceback (most recent call last):
        ...
        emrpath.errors.UnknownNameError: $.program: unknown program 'emr'; expected one of \
'nremt-emr', 'nremt-emt', 'nremt-aemt', 'nremt-paramedic', 'ascp-mls' (did you mean 'nremt-emr'?) \
(rule: program registry)
    """
    if not isinstance(document, (str, bytes, dict)):
        raise InputTypeError(
            f"expected a JSON document (str, bytes or dict), got {type(document).__name__}",
            field="document",
            rule=_PROGRAM_RULE,
        )
    data = document if isinstance(document, dict) else read_json(document)
    found, version, name, cls = _envelope(data)
    if name in PROGRAM_KINDS:
        if version < 2:
            return None
        key = _named_key(found, name)
    elif _names_program_in_body(cls):
        key = _named_key(found, name)
    else:
        return None
    from emrpath.programs import get  # the edge looks programs up; the engine never does

    try:
        return get(key)
    except EmrpathError as err:
        raise type(err)(err.message, field="$.program", rule=err.rule) from None


# ---------------------------------------------------------------------------------------
# JSON Schema


def _field_docs(cls: type) -> dict[str, str]:
    """Field descriptions from the Google-style ``Args:`` or ``Attributes:`` section."""
    doc = cls.__doc__ or ""
    found: dict[str, str] = {}
    section = False
    current: str | None = None
    for line in doc.splitlines():
        stripped = line.strip()
        if stripped in ("Args:", "Attributes:"):
            section = True
            continue
        if not section:
            continue
        if not stripped or (stripped.endswith(":") and " " not in stripped):
            section = stripped == "" and current is not None
            current = None if not stripped else current
            continue
        match = re.match(r"([a-z_][a-z0-9_]*): (.*)", stripped)
        if match and line.startswith(" " * 8) and not line.startswith(" " * 12):
            current = match.group(1)
            found[current] = match.group(2)
        elif current is not None:
            found[current] += " " + stripped
    return found


def _plain(text: str) -> str:
    """Docstring markup (``code``, :func:`name`) as plain text for a schema description."""
    text = re.sub(r":[a-z]+:`~?([^`]+)`", r"\1", text)
    return text.replace("``", "")


def _schema_of(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if tp is dt.date:
        return dict(_DATE_SCHEMA)
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is str:
        return {"type": "string"}
    if tp is Decimal:
        return dict(_DECIMAL_SCHEMA)
    if tp is Edition:
        return {
            "type": "string",
            "pattern": r"^[^@#\s]+@[^@#\s]+#[0-9a-f]{16}$",
            "description": "The rule edition: program@emrpath-version#rules-digest.",
        }
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"type": "string", "enum": [m.value for m in tp]}
    if _is_union(tp):
        (inner,) = (a for a in typing.get_args(tp) if a is not type(None))
        return {"anyOf": [_schema_of(inner, defs), {"type": "null"}]}
    if _is_tuple(tp):
        item_type, fixed = _item_types(tp)
        if fixed is None:
            return {"type": "array", "items": _schema_of(item_type, defs)}
        return {
            "type": "array",
            "prefixItems": [_schema_of(t, defs) for t in fixed],
            "items": False,
            "minItems": len(fixed),
        }
    if isinstance(tp, type) and attrs.has(tp):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # placeholder: recursion stops here
            defs[tp.__name__] = _object_schema(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no JSON schema for {tp!r}")  # a new field type: extend _schema_of


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    attrs.resolve_types(cls)
    docs = _field_docs(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        prop = _schema_of(field.type, defs)
        if field.name in docs:
            prop = {**prop, "description": _plain(docs[field.name])}
        properties[field.name] = prop
        if field.default is attrs.NOTHING:
            required.append(field.name)
    summary = _plain((cls.__doc__ or cls.__name__).strip().splitlines()[0])
    return {
        "type": "object",
        "description": summary,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema(kind: type | str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document kind, for application developers.

    The schema checks the shape (fields, JSON types, ISO dates); the rules between fields
    (an attempt before its course, two attempts on one day …) are checked on loading.
    The input documents are ``"candidate"`` (for :func:`emrpath.evaluate`),
    ``"certification"`` and ``"recertification_record"`` (for
    :func:`emrpath.recertification_status`) and ``"practitioner"`` (for
    :func:`emrpath.authority.practice_authority`); every other kind has a schema too. It describes
    the documents :func:`dumps` writes (:data:`SCHEMA_VERSION`): those of the
    :data:`PROGRAM_KINDS` require ``program``, a program key. Any non-empty key passes the
    schema, so a program an application defines itself can be named; the shipped keys are
    listed as ``examples``.

    Args:
        kind: The class or kind name.

    Raises:
        UnknownNameError: ``kind`` is not a known kind name.
        InputTypeError: ``kind`` is a class without a JSON document.

    Example:
        >>> schema = json_schema("candidate")
        >>> schema["properties"]["kind"], schema["required"][:4]
        ({'const': 'candidate'}, ['schema_version', 'kind', 'program', 'course'])
        >>> schema["properties"]["program"]["examples"]
        ['nremt-emr', 'nremt-emt', 'nremt-aemt', 'nremt-paramedic', 'ascp-mls']
        >>> schema["$defs"]["ExamAttempt"]["properties"]["taken_on"]["format"]
        'date'
    """
    name, cls = _kind_of(kind)
    defs: dict[str, Any] = {}
    body = _object_schema(cls, defs)
    envelope: dict[str, Any] = {
        "schema_version": {"const": SCHEMA_VERSION},
        "kind": {"const": name},
    }
    if name in PROGRAM_KINDS:
        from emrpath.programs import REGISTRY

        envelope["program"] = {
            "type": "string",
            "minLength": 1,
            "description": "The key of the program whose rules apply to the record "
            "(emrpath.programs.REGISTRY lists the shipped ones); a document is never read "
            "under another program's rules.",
            "examples": list(REGISTRY),
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"emrpath {name} document, schema version {SCHEMA_VERSION}",
        **body,
        "properties": {**envelope, **body["properties"]},
        "required": [*envelope, *body["required"]],
        "$defs": defs,
    }
