r"""Read the scope-of-practice table: CSV files shipped in ``emrpath/data``, checked on load.

:mod:`emrpath.scope` builds :data:`~emrpath.scope.NATIONAL_2019` from two files, read with
:mod:`importlib.resources` so they load from a wheel, a zip or a source tree alike:

- ``scope_national_2019_sources.csv``: one row per source, columns ``id``, ``url``,
  ``title``, ``quote``. Only sources a skill row names are listed. S1-S3 were read from a
  search index that did not record their addresses: their url is a search that finds them,
  and their title says so.
- ``scope_national_2019.csv``: one row per skill, transcribed from
  ``scope-of-practice.md`` in table order, columns ``key``, ``name``, ``category``,
  ``min_level``, ``note``, ``sources``, ``confidence``, ``verify``, ``cite``, ``quote``.

Transcription rules (so the table can be re-checked row by row):

- ``name``, ``category``, ``note`` and ``confidence`` are the table's words. Markdown bold
  is dropped; a row whose note says **Verify** has ``verify`` ``true``.
- ``min_level`` is the table's "min level" as a level value (``emr``, ``emt``, ``aemt``,
  ``paramedic``).
- ``sources`` are the source ids of the table's "source" column, in order, separated by
  one space ("P1, P2; S1 agrees" gives ``P1 P2 S1``; "S1 (S2 consistent)" gives ``S1 S2``).
- ``confidence`` is the table's label: ``primary``, ``secondary`` or ``secondary (2
  sources)``; the last is ``Confidence.SECONDARY`` with the agreement kept in the note.
- ``cite`` is the source the row's citation points at, one of the row's ``sources``: P1
  for the three primary rows, S1 for every other row (every other row rests on S1).
- ``quote`` is what that source says. For P1 it is the paraphrase recorded in the sources
  table (the publication page was summarised, not quoted). For S1 it is copied verbatim
  from the S1 file (the item's ``name`` and ``endorsementNote`` strings, joined by " … "
  where several S1 items make up one row); S1 is a Montana table, so a note such as
  "Requires EMR Monitoring Endorsement" is Montana's condition, and the national row's
  level is the level without the endorsement.

Every cell is one line without surrounding spaces, and only ``note`` may be empty. A file
that breaks any rule raises :class:`~emrpath.errors.InvalidRecordError` naming the file,
the row (the header is row 1, so it is the line number an editor shows) and the column,
with the rule ``"scope table"``.

Example:
    >>> text = "id,url,title,quote\nS9,https://example.org/t,Example table,a quote\n"
    >>> read_sources(text, file="demo.csv")
    (SourceRecord(id='S9', url='https://example.org/t', title='Example table', quote='a quote'),)
    >>> read_sources(text.replace(",a quote", ","), file="demo.csv")
    Traceback (most recent call last):
    ...
    emrpath.errors.InvalidRecordError: demo.csv row 2, column quote: must not be empty (rule: scope table)
"""  # noqa: E501

from __future__ import annotations

import csv
import io
import re
import types
from collections.abc import Collection, Iterator
from importlib import resources
from typing import NamedTuple

from emrpath._validators import shown
from emrpath.errors import InvalidRecordError

__all__ = [
    "RULE",
    "SKILLS_FILE",
    "SKILL_COLUMNS",
    "SKILL_KEY",
    "SOURCES_FILE",
    "SOURCE_COLUMNS",
    "SkillRecord",
    "SourceRecord",
    "package_text",
    "read_skills",
    "read_sources",
]

RULE = "scope table"
SKILLS_FILE = "scope_national_2019.csv"
SOURCES_FILE = "scope_national_2019_sources.csv"
SKILL_KEY = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
"""A skill key: snake_case (lower-case letters, digits, single underscores)."""

SKILL_COLUMNS = (
    "key",
    "name",
    "category",
    "min_level",
    "note",
    "sources",
    "confidence",
    "verify",
    "cite",
    "quote",
)
SOURCE_COLUMNS = ("id", "url", "title", "quote")
_OPTIONAL = frozenset({"note"})
_BOOLEANS = types.MappingProxyType({"true": True, "false": False})


class SourceRecord(NamedTuple):
    """One row of a sources file: a source id and the citation it stands for."""

    id: str
    url: str
    title: str
    quote: str


class SkillRecord(NamedTuple):
    """One checked row of a skills file, its cells typed but not yet turned into a SkillRow."""

    key: str
    name: str
    category: str
    min_level: str
    note: str
    sources: tuple[str, ...]
    confidence: str
    verify: bool
    cite: str
    quote: str


def package_text(name: str) -> str:
    """The text of the data file ``name`` shipped in ``emrpath/data``.

    Example:
        >>> package_text(SOURCES_FILE).splitlines()[0]
        'id,url,title,quote'
    """
    return (resources.files("emrpath") / "data" / name).read_text(encoding="utf-8")


def read_sources(text: str, *, file: str) -> tuple[SourceRecord, ...]:
    r"""The rows of a sources file, checked: every cell present, every id once.

    Args:
        text: The file's text.
        file: Its name, for error messages.

    Raises:
        InvalidRecordError: A column missing, unknown or repeated; a row with too few or
            too many cells; an empty cell; a cell of several lines or with surrounding
            spaces; an id listed twice.

    Example:
        >>> text = "id,url,title,quote\nS9,https://a.example,A,q\nS9,https://b.example,B,q\n"
        >>> read_sources(text, file="demo.csv")
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: demo.csv row 3, column id: source 'S9' is listed twice (first at row 2) (rule: scope table)
    """  # noqa: E501
    out: list[SourceRecord] = []
    first: dict[str, int] = {}
    for row, cells in _rows(text, file, SOURCE_COLUMNS):
        record = SourceRecord(**cells)
        _once(file, row, "id", f"source {shown(record.id)}", record.id, first)
        out.append(record)
    return tuple(out)


def read_skills(
    text: str,
    *,
    file: str,
    levels: Collection[str],
    confidences: Collection[str],
    sources: Collection[str],
) -> tuple[SkillRecord, ...]:
    r"""The rows of a skills file, checked cell by cell, in file order.

    Args:
        text: The file's text.
        file: Its name, for error messages.
        levels: The values ``min_level`` may take.
        confidences: The labels ``confidence`` may take.
        sources: The source ids ``sources`` and ``cite`` may name.

    Raises:
        InvalidRecordError: Any of :func:`read_sources`' faults; a key that is not
            snake_case; a key or a name (ignoring case) on two rows; an unknown level,
            confidence label or source id; a ``verify`` other than ``true`` or ``false``; a
            ``cite`` that is not among the row's ``sources``.

    Example:
        >>> header = ",".join(SKILL_COLUMNS)
        >>> row = "cpr,CPR,Resuscitation,emr,,S1,secondary,false,S1,In scope for all levels."
        >>> vocab = {"levels": ("emr", "emt"), "confidences": ("secondary",), "sources": ("S1",)}
        >>> [skill] = read_skills(f"{header}\n{row}\n", file="demo.csv", **vocab)
        >>> skill.key, skill.min_level, skill.sources, skill.verify
        ('cpr', 'emr', ('S1',), False)
        >>> read_skills(f"{header}\n{row.replace(',emr,', ',EMR,')}\n", file="demo.csv", **vocab)
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: demo.csv row 2, column min_level: unknown level 'EMR'; expected one of 'emr', 'emt' (rule: scope table)
    """  # noqa: E501
    out: list[SkillRecord] = []
    first_key: dict[str, int] = {}
    first_name: dict[str, int] = {}
    for row, cells in _rows(text, file, SKILL_COLUMNS):
        key, name = cells["key"], cells["name"]
        if not SKILL_KEY.fullmatch(key):
            raise _error(
                file,
                row,
                "key",
                f"{shown(key)} is not a snake_case key (lower-case letters, digits, "
                "single underscores)",
            )
        _once(file, row, "key", f"skill {shown(key)}", key, first_key)
        _once(file, row, "name", f"the name {shown(name)}", name.casefold(), first_name)
        _known(file, row, "min_level", "level", cells["min_level"], levels)
        _known(file, row, "confidence", "confidence", cells["confidence"], confidences)
        verify = _BOOLEANS.get(cells["verify"])
        if verify is None:
            raise _error(
                file, row, "verify", f"{shown(cells['verify'])} is not a boolean: true or false"
            )
        ids = tuple(cells["sources"].split(" "))
        for source in ids:
            _known(file, row, "sources", "source id", source, sources)
        if len(set(ids)) != len(ids):
            raise _error(file, row, "sources", f"{shown(cells['sources'])} names a source twice")
        _known(file, row, "cite", "source id", cells["cite"], sources)
        if cells["cite"] not in ids:
            raise _error(
                file,
                row,
                "cite",
                f"{shown(cells['cite'])} is not among the row's sources {shown(cells['sources'])}",
            )
        out.append(
            SkillRecord(
                key=key,
                name=name,
                category=cells["category"],
                min_level=cells["min_level"],
                note=cells["note"],
                sources=ids,
                confidence=cells["confidence"],
                verify=verify,
                cite=cells["cite"],
                quote=cells["quote"],
            )
        )
    return tuple(out)


def _error(file: str, row: int, column: str | None, message: str) -> InvalidRecordError:
    where = f"{file} row {row}" if column is None else f"{file} row {row}, column {column}"
    return InvalidRecordError(message, field=where, rule=RULE)


def _lines(text: str, file: str) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) for each row of ``text``, the header first as row 1."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    row = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as err:  # bad quoting, a NUL, a cell past the csv size limit
            raise _error(file, row, None, f"not readable as CSV: {err}") from None
        yield row, cells
        row += 1


def _rows(text: str, file: str, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number, cells by column) for each data row; the header is row 1."""
    lines = _lines(text, file)
    header = next(lines, (1, []))[1]
    seen: set[str] = set()
    for name in header:
        if name not in columns:
            raise _error(
                file, 1, shown(name), f"unknown column; the columns are {', '.join(columns)}"
            )
        if name in seen:
            raise _error(file, 1, name, "the column appears twice in the header")
        seen.add(name)
    for name in columns:
        if name not in seen:
            raise _error(file, 1, name, "missing column: the header does not name it")
    for row, cells in lines:
        if len(cells) != len(header):
            column = header[len(cells)] if len(cells) < len(header) else f"{len(header) + 1}"
            raise _error(
                file, row, column, f"the row has {len(cells)} cells; the header has {len(header)}"
            )
        by_name = dict(zip(header, cells, strict=True))
        for name in header:
            value = by_name[name]
            if "\n" in value or "\r" in value or value != value.strip():
                raise _error(
                    file,
                    row,
                    name,
                    f"{shown(value)}: a cell is one line without surrounding spaces",
                )
            if not value and name not in _OPTIONAL:
                raise _error(file, row, name, "must not be empty")
        yield row, by_name


def _once(file: str, row: int, column: str, what: str, value: str, first: dict[str, int]) -> None:
    if value in first:
        raise _error(file, row, column, f"{what} is listed twice (first at row {first[value]})")
    first[value] = row


def _known(
    file: str, row: int, column: str, noun: str, value: str, allowed: Collection[str]
) -> None:
    if value not in allowed:
        expected = ", ".join(repr(item) for item in allowed)
        raise _error(
            file, row, column, f"unknown {noun} {shown(value)}; expected one of {expected}"
        )
