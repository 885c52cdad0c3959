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
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from emrpath.errors import MissingExtraError

__all__ = [
    "Html",
    "cell",
    "data_frame",
    "html_block",
    "html_list",
    "html_paragraph",
    "html_table",
    "key_values",
    "reason_html",
    "text_table",
]


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


class Html(str):
    """Markup that is already escaped: :func:`html_table` puts it in as it is."""

    __slots__ = ()


# Inline styles, so a repr reads the same in any notebook: Jupyter's own CSS right-aligns
# table cells and centres tables, and its dark theme needs colours that follow the text
# (inherit, currentColor); the rules are a grey with alpha, visible on light and dark.
_BLOCK = "text-align:left;color:inherit;background:transparent"
_TABLE = "text-align:left;margin:0.4em 0;border-collapse:collapse;color:inherit"
_CELL = "vertical-align:top;padding:0.15em 1em 0.15em 0;color:inherit"
_RULE = "border-bottom:1px solid rgba(127,127,127,0.45)"
_LIST = "margin:0;padding-left:1.1em;text-align:left"
_LINK = "color:inherit;text-decoration:underline"
_NOWRAP = "white-space:nowrap"


def reason_html(reason: Any) -> Html:
    """A reason (:class:`emrpath.status.Reason`) as HTML: its parameter links to its source.

    The text is ``str(reason)``; the parameter's name is a link to the citation's URL
    (when it is an ``http`` or ``https`` URL), titled with the source's title and quote.

    Example:
        >>> import emrpath as ep
        >>> reason = ep.evaluate(
        ...     ep.Candidate(ep.CourseCompletion(dt.date(2025, 5, 2))),
        ...     as_of=dt.date(2025, 6, 1), program=ep.NREMT_EMR,
        ... ).reasons[0]
        >>> print(reason_html(reason))  # doctest: +ELLIPSIS
        Course completed 2025-05-02; it qualifies for testing through 2027-05-31. \
[<a href="https://..." title="NREMT EMR handbook: ..." ...>course_validity</a>; primary]
    """
    import html  # only notebooks need it; keep it off import time

    message = html.escape(reason.message)
    if reason.parameter is None:
        return Html(message)
    name = html.escape(reason.parameter)
    citation = reason.citation
    if citation is not None and citation.url.startswith(("https://", "http://")):
        title = html.escape(f"{citation.title}: \u201c{citation.quote}\u201d")
        name = (
            f'<a href="{html.escape(citation.url)}" title="{title}" target="_blank" '
            f'rel="noopener" style="{_LINK}">{name}</a>'
        )
    return Html(f"{message} [{name}; {html.escape(reason.confidence.value)}]")


def html_list(items: Sequence[str]) -> Html:
    """An HTML list of texts (escaped) or :class:`Html` items, left-aligned.

    Example:
        >>> print(html_list(["a<b", Html("<em>c</em>")]))
        <ul style="margin:0;padding-left:1.1em;text-align:left"><li>a&lt;b</li><li><em>c</em>\
</li></ul>
    """
    return Html(f'<ul style="{_LIST}">' + "".join(f"<li>{_text(i)}</li>" for i in items) + "</ul>")


def html_paragraph(text: str) -> Html:
    """A paragraph of escaped text (a repr's one-line summary).

    Example:
        >>> print(html_paragraph("a < b"))
        <p style="margin:0.3em 0;text-align:left">a &lt; b</p>
    """
    return Html(f'<p style="margin:0.3em 0;text-align:left">{_text(text)}</p>')


def html_block(title: str, *parts: str) -> str:
    """A repr's outer ``div``: a bold title, then ``parts`` (:class:`Html` or text).

    Example:
        >>> print(html_block("nremt-emr", Html("<p>x</p>")))
        <div style="text-align:left;color:inherit;background:transparent"><strong>nremt-emr\
</strong><p>x</p></div>
    """
    return (
        f'<div style="{_BLOCK}"><strong>{_text(title)}</strong>'
        + "".join(_text(part) for part in parts)
        + "</div>"
    )


def html_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str | Sequence[str]]],
    *,
    right: Collection[int] = (),
) -> Html:
    """An escaped, left-aligned HTML table; a list or tuple cell becomes a list.

    A cell that is :class:`Html` goes in as it is; any other text is escaped. Every cell
    says its own alignment, so the notebook's CSS (which right-aligns cells) has no say.

    Args:
        header: Column titles.
        rows: Cells, one sequence per row, as long as ``header``.
        right: Indexes of columns to right-align (numbers); the others align left.

    Example:
        >>> table = html_table(("a", "b"), [("x<y", ("one", "two"))])
        >>> table.count('text-align:left'), "<td style=" in table, "x&lt;y" in table
        (6, True, True)
    """

    def style(index: int, *extra: str) -> str:
        align = "right" if index in right else "left"
        return f' style="{";".join((f"text-align:{align}", _CELL, *extra))}"'

    def td(index: int, value: str | Sequence[str]) -> str:
        if isinstance(value, str):  # a date or a word: never broken at its hyphens
            return f"<td{style(index, _NOWRAP)}>{_text(value)}</td>"
        return f"<td{style(index)}>{html_list(value)}</td>"

    head = "".join(f"<th{style(i, _RULE, _NOWRAP)}>{_text(h)}</th>" for i, h in enumerate(header))
    body = "".join("<tr>" + "".join(td(i, v) for i, v in enumerate(row)) + "</tr>" for row in rows)
    return Html(
        f'<table style="{_TABLE}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def _text(value: str) -> str:
    if isinstance(value, Html):
        return str(value)
    import html  # only notebooks need it; keep it off import time

    return html.escape(value)


def data_frame(
    rows: Sequence[Mapping[str, object]],
    columns: Sequence[str],
    *,
    dates: Collection[str] = (),
    rule: str,
) -> Any:
    """``rows`` as a ``pandas.DataFrame``: ``dates`` columns as ``datetime64[us]``.

    Dates become midnight timestamps (``None``: ``NaT``), so ``.dt``, comparisons with
    ``pd.Timestamp`` and plotting work; every column is there even with no rows.

    Raises:
        MissingExtraError: pandas is not installed (the ``notebook`` extra installs it).

    Example:
        >>> frame = data_frame(
        ...     [{"n": 1, "on": dt.date(2026, 2, 28)}, {"n": 2, "on": None}],
        ...     ("n", "on"), dates={"on"}, rule="example",
        ... )
        >>> [str(t) for t in frame.dtypes]
        ['int64', 'datetime64[us]']
    """
    from importlib import import_module

    try:
        np = import_module("numpy")
        pd = import_module("pandas")  # through import_module: pandas ships no type hints
    except ImportError as exc:
        raise MissingExtraError(
            'a DataFrame needs pandas, which the "notebook" extra installs (emrpath is not on '
            'a package index): from a clone of emrpath, pip install -e ".[notebook]"; from a '
            'wheel, pip install "emrpath-VERSION-py3-none-any.whl[notebook]"; or use '
            "to_rows(), which needs nothing",
            field="pandas",
            rule=rule,
        ) from exc
    data: dict[str, Any] = {}
    for name in columns:
        values = [row[name] for row in rows]
        if name in dates:
            data[name] = np.array(values, dtype="datetime64[D]").astype("datetime64[us]")
        else:
            data[name] = pd.Series(values, dtype=None if values else object)
    return pd.DataFrame(data, columns=list(columns))
