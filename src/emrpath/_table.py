"""Plain-text and HTML tables for the readable reprs of decisions, statuses and timelines.

One copy of the rendering, shared by :class:`~emrpath.status.PathwayStatus`,
:class:`~emrpath.lifecycle.RecertificationStatus` and the planning timelines, so every
table in the library aligns and escapes the same way.

Example:
    >>> import datetime as dt
    >>> head, rule, rows = text_table(("day", "n"), [(cell(dt.date(2026, 1, 2)), "7")], right={1})
    >>> for line in (head, rule, *rows):
    ...     print(line)
    day         n
    ----------  -
    2026-01-02  7
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection, Sequence

__all__ = ["cell", "html_table", "key_values", "text_table"]


def cell(value: object) -> str:
    """``value`` as table text: ``""`` for None, an enum's value, ISO dates, else ``str``.

    Example:
        >>> cell(None), cell(dt.date(2026, 2, 28)), cell(True)
        ('', '2026-02-28', 'True')
    """
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value).replace("_", " ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def key_values(pairs: Sequence[tuple[str, object]], *, indent: str = "  ") -> list[str]:
    """One ``key  value`` line per pair, keys padded to one width, values as :func:`cell`.

    Example:
        >>> key_values([("expires", dt.date(2027, 9, 30)), ("late until", "none")])
        ['  expires     2027-09-30', '  late until  none']
    """
    if not pairs:
        return []
    width = max(len(key) for key, _ in pairs)
    return [f"{indent}{key.ljust(width)}  {cell(value)}".rstrip() for key, value in pairs]


def text_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], *, right: Collection[int] = ()
) -> tuple[str, str, list[str]]:
    """The header line, the rule line and one line per row, columns padded to align.

    Args:
        header: Column titles.
        rows: Cell texts, one sequence per row, as long as ``header``.
        right: Indexes of columns to right-align (numbers); the others align left.

    Returns:
        ``(header_line, rule_line, row_lines)``, without trailing spaces, so a caller
        can put its own lines (reasons) between the rows.
    """
    table = [tuple(header), *(tuple(r) for r in rows)]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return line(header), "  ".join("-" * w for w in widths), [line(r) for r in table[1:]]


def html_table(header: Sequence[str], rows: Sequence[Sequence[str | Sequence[str]]]) -> str:
    """An escaped HTML table; a cell given as a list or tuple of texts becomes a list.

    Example:
        >>> html_table(("a", "b"), [("x<y", ("one", "two"))])
        '<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>x&lt;y</td><td><ul><li>one</li><li>two</li></ul></td></tr></tbody></table>'
    """
    import html  # only notebooks need it; keep it off import time

    def td(value: str | Sequence[str]) -> str:
        if isinstance(value, str):
            return f"<td>{html.escape(value)}</td>"
        return "<td><ul>" + "".join(f"<li>{html.escape(v)}</li>" for v in value) + "</ul></td>"

    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(td(v) for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
