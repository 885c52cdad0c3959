"""Generated JSON readers: one plain function per document class, for valid documents.

:mod:`emrpath.jsonio` reads a valid document in one pass with these functions and asks its
detailed converter only when one refuses; the converter then names the problem by its
JSON path, so a reader never says why it refuses (it raises :class:`Refused`, or lets a
``KeyError`` or a record's own validation error through) and never builds a path.

A reader is generated as Python source, as cattrs generates its structuring functions: one
function per class, with the exact JSON type check of every leaf field written out inline
(a boolean is not an integer, a date is a ``YYYY-MM-DD`` string) and the class called with
keyword arguments directly, so reading an object costs one Python call and no dict of
arguments. The source is kept in :mod:`linecache` under a name of its own, so tracebacks
and :func:`inspect.getsource` show it::

    >>> import inspect
    >>> import emrpath as ep
    >>> readers = generated_readers([ep.SkillsCompetency], objects="pairs", calls={})
    >>> print(inspect.getsource(readers[ep.SkillsCompetency]), end="")
    def build_skills_competency(obj):
        if not obj.keys() <= FIELDS_skills_competency:
            raise Refused  # a field SkillsCompetency does not have
        item = obj['passed_on']
        if type(item) is not str or len(item) != 10 or item[4] != '-' or item[7] != '-':
            raise Refused
        passed_on = date_from(item)
        return SkillsCompetency(passed_on=passed_on)

Two shapes of input are read. ``objects="dicts"`` reads Python data: every JSON object a
``dict`` (what ``json.loads`` returns by default). ``objects="pairs"`` reads what
``json.loads(text, object_pairs_hook=tuple)`` returns: every JSON object a tuple of its
``(key, value)`` pairs, in the order the text gives them, so a key given twice is still
there to see; a nested object's reader builds its dict and refuses it when the dict has
fewer entries than the object had pairs. The hook is a C type, so the parser makes no
Python call per object (measured: about 38k instructions of a 100k-instruction candidate
document went to the Python hook that refused duplicate keys). A JSON array is a ``list``
either way, so an object is never taken for an array.

The mapping returned holds, per class, the function that builds it from its fields as a
dict (the document's top object, envelope removed, is handed over as a dict).
"""

from __future__ import annotations

import datetime as dt
import enum
import linecache
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal

import attrs

__all__ = ["Refused", "generated_readers", "snake_case"]

Reader = Callable[[Any], Any]


class Refused(Exception):  # noqa: N818 - a refusal, not an error: the converter says why
    """A value a generated reader does not take; the detailed converter then says why."""


_MISSING = object()  # a field left out of its object (a fresh object: never a JSON value)
_LEAVES = (str, int, bool)  # taken as they are when the JSON type is exactly this one


def snake_case(name: str) -> str:
    """A class name in snake case: the name of its JSON kind and of its generated reader.

    Example:
        >>> snake_case("CourseCompletion")
        'course_completion'
    """
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


class _Source:
    """The source of one module of readers and the names its code refers to."""

    def __init__(self, objects: Literal["dicts", "pairs"], calls: Mapping[type, Reader]):
        self.objects = objects
        self.calls = calls
        self.names: dict[str, object] = {
            "Refused": Refused,
            "MISSING": _MISSING,
            "date_from": dt.date.fromisoformat,
        }
        self.lines: list[str] = []
        self.done: set[type] = set()

    def name(self, name: str, value: object) -> str:
        """A global name of the generated module for ``value`` (``name``, or a variant)."""
        for known_name, known in self.names.items():
            if known is value and known_name.startswith(name):
                return known_name
        unique, n = name, 1
        while unique in self.names:
            n += 1
            unique = f"{name}_{n}"
        self.names[unique] = value
        return unique

    def leaf(self, tp: Any, item: str, target: str, indent: str) -> list[str] | None:
        """Lines that check the JSON value ``item`` of leaf type ``tp`` into ``target``."""
        refuse = f"{indent}    raise Refused"
        if tp is dt.date:
            # Ten characters with the dashes in place are YYYY-MM-DD to fromisoformat,
            # which reads only ASCII digits there (a week date, "2025-W01-1", has a digit
            # at [7]). It raises for "2025-02-30" or a letter; the converter says why.
            return [
                f"{indent}if type({item}) is not str or len({item}) != 10 "
                f"or {item}[4] != '-' or {item}[7] != '-':",
                refuse,
                f"{indent}{target} = date_from({item})",
            ]
        if tp in _LEAVES:
            return [
                f"{indent}if type({item}) is not {tp.__name__}:",
                refuse,
                f"{indent}{target} = {item}",
            ]
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            members = self.name(f"MEMBERS_{tp.__name__}", {member.value: member for member in tp})
            return [
                f"{indent}if type({item}) is not str:",
                refuse,
                f"{indent}{target} = {members}[{item}]  # an unknown value: KeyError",
            ]
        if tp in self.calls:
            call = self.name(f"read_{snake_case(tp.__name__)}", self.calls[tp])
            return [f"{indent}{target} = {call}({item})"]
        return None

    def value(self, tp: Any, item: str, target: str, indent: str) -> list[str]:
        """Lines that read the JSON value ``item`` of type ``tp`` into ``target``."""
        optional = typing.get_origin(tp) in (typing.Union, typing.get_origin(int | None))
        if optional:
            present = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(present) != len(typing.get_args(tp)) - 1 or len(present) != 1:
                raise TypeError(f"only X | None unions have JSON readers, not {tp!r}")
            (tp,) = present
            inner = self.value(tp, item, target, indent + "    ")
            return [
                f"{indent}if {item} is None:",
                f"{indent}    {target} = None",
                f"{indent}else:",
                *inner,
            ]
        leaf = self.leaf(tp, item, target, indent)
        if leaf is not None:
            return leaf
        if isinstance(tp, type) and attrs.has(tp):
            return [f"{indent}{target} = {self.reader(tp)}({item})"]
        args = typing.get_args(tp)
        if typing.get_origin(tp) is not tuple:
            raise TypeError(f"no JSON reader for {tp!r}")  # a new field type: extend _Source
        if len(args) == 2 and args[1] is Ellipsis:  # tuple[X, ...]: an array of any length
            lines = [f"{indent}if type({item}) is not list:", f"{indent}    raise Refused"]
            if isinstance(args[0], type) and attrs.has(args[0]):
                return [*lines, f"{indent}{target} = tuple(map({self.reader(args[0])}, {item}))"]
            one, read = f"{target}_item", f"{target}_read"
            return [
                *lines,
                f"{indent}{target} = []",
                f"{indent}for {one} in {item}:",
                *self.value(args[0], one, read, indent + "    "),
                f"{indent}    {target}.append({read})",
                f"{indent}{target} = tuple({target})",
            ]
        # tuple[A, B]: an array of exactly these items
        lines = [
            f"{indent}if type({item}) is not list or len({item}) != {len(args)}:",
            f"{indent}    raise Refused",
        ]
        for k, item_type in enumerate(args):
            lines += self.value(item_type, f"{item}[{k}]", f"{target}_{k}", indent)
        read = ", ".join(f"{target}_{k}" for k in range(len(args)))
        return [*lines, f"{indent}{target} = ({read},)"]

    def reader(self, cls: type) -> str:
        """The name of the function that reads a JSON object as ``cls`` (generated once)."""
        name = f"read_{snake_case(cls.__name__)}"
        if cls not in self.done:
            self.done.add(cls)
            if self.objects == "pairs":
                check = [
                    "    if type(value) is not tuple:",
                    "        raise Refused",
                    "    obj = dict(value)",
                    "    if len(obj) != len(value):",
                    "        raise Refused  # a key given twice",
                ]
            else:
                check = [
                    "    if type(value) is not dict:",
                    "        raise Refused",
                    "    obj = value",
                ]
            self.lines += [f"def {name}(value):", *check, *self.body(cls), ""]
        return name

    def builder(self, cls: type) -> str:
        """The name of the function that builds ``cls`` from its fields as a dict."""
        name = f"build_{snake_case(cls.__name__)}"
        self.lines += [f"def {name}(obj):", *self.body(cls), ""]
        return name

    def body(self, cls: type) -> list[str]:
        """The lines that build ``cls`` from its fields, the dict ``obj``."""
        attrs.resolve_types(cls)
        snake = snake_case(cls.__name__)
        fields = list(attrs.fields(cls))
        for field in fields:
            if not field.init or field.alias != field.name:  # a keyword of another name
                raise TypeError(f"no JSON reader for {cls!r}: field {field.name!r}")
        known = self.name(f"FIELDS_{snake}", frozenset(field.name for field in fields))
        lines = [
            f"    if not obj.keys() <= {known}:",
            f"        raise Refused  # a field {cls.__name__} does not have",
        ]
        for field in fields:
            key = repr(field.name)
            default = field.default
            if default is attrs.NOTHING:  # required: a missing key raises KeyError
                lines.append(f"    item = obj[{key}]")
                lines += self.value(field.type, "item", field.name, "    ")
            elif default is None:  # left out or null: the same None
                lines.append(f"    item = obj.get({key})")
                lines += self.value(field.type, "item", field.name, "    ")
            elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                raise TypeError(f"no JSON reader for {cls!r}: field {field.name!r}")
            else:
                named = self.name(f"DEFAULT_{snake}_{field.name}", default)
                lines += [
                    f"    item = obj.get({key}, MISSING)",
                    "    if item is MISSING:",
                    f"        {field.name} = {named}",
                    "    else:",
                    *self.value(field.type, "item", field.name, "        "),
                ]
        arguments = ", ".join(f"{field.name}={field.name}" for field in fields)
        return [*lines, f"    return {self.name(cls.__name__, cls)}({arguments})"]


def generated_readers(
    classes: Iterable[type],
    *,
    objects: Literal["dicts", "pairs"],
    calls: Mapping[type, Reader],
) -> Mapping[type, Reader]:
    """Class -> the generated function building it from its fields as a dict.

    Args:
        classes: attrs classes whose fields are dates, strings, integers, booleans, enums,
            the types in ``calls``, other such classes, ``X | None`` of these and
            ``tuple[X, ...]`` of these.
        objects: How a nested JSON object is given: ``"dicts"`` or ``"pairs"`` (a tuple
            of its key-value pairs; see the module's docstring).
        calls: A reader per other leaf type (a decimal, an edition), called as it is.

    Returns:
        The functions, one per class in ``classes`` (nested classes get readers too).

    Raises:
        TypeError: A field of a type the generator does not know.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> readers = generated_readers([ep.ExamAttempt], objects="dicts", calls={})
        >>> readers[ep.ExamAttempt]({"taken_on": "2025-07-01", "passed": False})
        ExamAttempt(taken_on=datetime.date(2025, 7, 1), passed=False, scaled_score=None)
        >>> readers[ep.ExamAttempt]({"taken_on": "2025-07-01", "passed": 0})
        Traceback (most recent call last):
        ...
        emrpath._json_reader.Refused
    """
    source = _Source(objects, calls)
    wanted = {cls: source.builder(cls) for cls in classes}
    text = "\n".join(source.lines)
    namespace = dict(source.names)
    # Named after the namespace, which the readers keep alive as their globals: no later
    # module of readers gets this name while they are in use (``source`` is freed on
    # return, and its id could be given to the next one's, which would then overwrite
    # this text in linecache).
    filename = f"<emrpath generated JSON readers of {objects}, {id(namespace):x}>"
    exec(compile(text, filename, "exec"), namespace)
    # Kept for tracebacks and inspect.getsource, as cattrs keeps its generated functions.
    linecache.cache[filename] = (len(text), None, text.splitlines(keepends=True), filename)
    return {cls: typing.cast(Reader, namespace[name]) for cls, name in wanted.items()}
