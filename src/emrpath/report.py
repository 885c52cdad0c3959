"""A program's parameter table as rows and as Markdown, for people, notebooks and docs.

:func:`parameter_rows` gives one plain dict per provision of every parameter of a
program (value in words, effective dates, confidence, citation and note), ready for
``pandas.DataFrame(rows)``, a CLI table or JSON. :func:`parameter_markdown` renders the
same rows as the Markdown page the documentation's rules page is built from, so the
published table can never drift from the data the rules read.

Example:
    >>> import emrpath as ep
    >>> from emrpath.report import parameter_rows
    >>> rows = parameter_rows(ep.NREMT_EMR)
    >>> row = next(r for r in rows if r["parameter"] == "retest_wait")
    >>> row["value"], row["effective_from"], row["confidence"]
    ('15 calendar days after the last attempt', datetime.date(2015, 1, 1), 'secondary')
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from emrpath._validators import shown
from emrpath.errors import InputTypeError, InvalidRecordError
from emrpath.program import Program

__all__ = ["describe_value", "parameter_markdown", "parameter_rows"]

_RULE = "parameter table"


def describe_value(value: object) -> str:
    """A parameter value in words, as the rules page and the CLI print it.

    Policy values describe themselves (``describe()``); ``True``/``False`` read as
    ``yes``/``no``; ``None`` (the rule does not apply in that period) reads as ``none``.
    Any other value reads as its ``str()``, or, where that fails (an int past Python's
    digit limit, a value nested too deeply, a ``__str__`` that raises), as a short
    description of it.

    Args:
        value: A provision's value.

    Example:
        >>> from emrpath.policies import FixedDaysWait
        >>> describe_value(FixedDaysWait(days=15)), describe_value(True), describe_value(None)
        ('15 calendar days after the last attempt', 'yes', 'none')
        >>> describe_value(3), describe_value(10**5000)
        ('3', 'an int of 5001 digits')
    """
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    describe = getattr(value, "describe", None)
    if callable(describe):
        return str(describe())
    try:
        return str(value)
    except Exception:  # str() failed on the value itself: name it instead
        return shown(value)


def _check(program: object) -> Program:
    if not isinstance(program, Program):
        raise InputTypeError(
            f"expected a Program, got {type(program).__name__}", field="program", rule=_RULE
        )
    return program


def parameter_rows(program: Program) -> list[dict[str, Any]]:
    """One dict per provision of every parameter of ``program``, in declaration order.

    Keys: ``program`` (its key), ``parameter``, ``description``, ``effective_from``
    (a ``datetime.date``), ``effective_until`` (the last day before the next provision,
    ``None`` while still in force), ``value`` (in words, see :func:`describe_value`),
    ``confidence`` (``"primary"`` or ``"secondary"``), ``citation_title``,
    ``citation_url``, ``citation_quote`` and ``note`` (``""`` when there is none).

    Args:
        program: The program whose parameter table to list.

    Returns:
        The rows, ready for ``pandas.DataFrame(rows)``; dates stay ``datetime.date``.

    Raises:
        InputTypeError: ``program`` is not a :class:`~emrpath.program.Program`.

    Example:
        >>> import emrpath as ep
        >>> from emrpath.report import parameter_rows
        >>> [(r["effective_from"], r["effective_until"], r["value"])
        ...  for r in parameter_rows(ep.NREMT_EMR) if r["parameter"] == "score_scale"]
        [(datetime.date(2015, 1, 1), datetime.date(2023, 5, 31), 'none'),
         (datetime.date(2023, 6, 1), None,
          'integer scaled score 100-1500, passing at 950, reported to failing candidates only')]
    """
    program = _check(program)
    rows: list[dict[str, Any]] = []
    for param in program.parameters():
        provisions = param.provisions
        for index, provision in enumerate(provisions):
            following = provisions[index + 1] if index + 1 < len(provisions) else None
            until = None if following is None else following.effective_from - dt.timedelta(days=1)
            rows.append(
                {
                    "program": program.key,
                    "parameter": param.name,
                    "description": param.description,
                    "effective_from": provision.effective_from,
                    "effective_until": until,
                    "value": describe_value(provision.value),
                    "confidence": provision.confidence.value,
                    "citation_title": provision.citation.title,
                    "citation_url": provision.citation.url,
                    "citation_quote": provision.citation.quote,
                    "note": provision.note,
                }
            )
    return rows


_SPECIAL = frozenset("\\`*_{}[]<>|~$&!")


# What turns the start of a line into a block: a heading, list item, quote or thematic
# break (``#``, ``-``, ``+``, ``=``, ``>``), or an ordered list item (``1.``, ``1)``).
_BLOCK_START = re.compile(r"([#+\-=>])|[0-9]{1,9}([.)])")


def _md(text: str) -> str:
    """``text`` as literal Markdown inline text: specials escaped, on one line.

    A leading block marker is escaped too, so the text stays a paragraph's text wherever
    it starts a line.
    """
    flat = " ".join(text.split())
    escaped = "".join("\\" + ch if ch in _SPECIAL else ch for ch in flat)
    lead = _BLOCK_START.match(escaped)
    if lead is None:
        return escaped
    at = lead.start(1) if lead.group(1) else lead.start(2)
    return escaped[:at] + "\\" + escaped[at:]


def _url(url: str) -> str:
    """A URL for a Markdown link destination (angle brackets keep parentheses literal)."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">"


def parameter_markdown(program: Program, *, heading_level: int = 2) -> str:
    """The parameter table of ``program`` as Markdown: one section per parameter.

    Each provision is a list item with its effective dates, value, confidence, citation
    (title, link and verbatim quote) and note. All text from the data is escaped, so a
    quote can never turn into markup.

    Args:
        program: The program to render.
        heading_level: Markdown level of the program's heading (parameters one below).

    Returns:
        The Markdown text, ending with a newline.

    Raises:
        InputTypeError: ``program`` is not a Program or ``heading_level`` not an int.
        InvalidRecordError: ``heading_level`` is outside 1-5.

    Example:
        >>> import emrpath as ep
        >>> from emrpath.report import parameter_markdown
        >>> text = parameter_markdown(ep.NREMT_EMR)
        >>> text.startswith("## Nationally Registered Emergency Medical Responder")
        True
        >>> "### `retest_wait`" in text
        True
    """
    program = _check(program)
    if type(heading_level) is not int:
        raise InputTypeError(
            f"must be an int, got {type(heading_level).__name__}",
            field="heading_level",
            rule=_RULE,
        )
    if not 1 <= heading_level <= 5:
        raise InvalidRecordError(
            f"must be 1-5 (parameters take the next level), got {heading_level}",
            field="heading_level",
            rule=_RULE,
        )
    top = "#" * heading_level
    lines = [
        f"{top} {_md(program.name)}",
        "",
        f"Key `{program.key}`; certifying body: {_md(program.body)}; dates are read in "
        f"the {_md(program.timezone)} timezone.",
    ]
    current = None
    for row in parameter_rows(program):
        if row["parameter"] != current:
            current = row["parameter"]
            # One sentence, its period added before escaping: a description "0" must
            # come out as "0\\.", not as the ordered-list marker "0.".
            sentence = " ".join(row["description"].split()).rstrip(".") + "."
            lines += ["", f"{top}# `{current}`", "", _md(sentence), ""]
        start = row["effective_from"].isoformat()
        until = row["effective_until"]
        period = f"From {start}" + (f" to {until.isoformat()}" if until else " (in force)")
        item = (
            f"- **{period}**: {_md(row['value'])}. Confidence: *{row['confidence']}*. "
            f"Source: [{_md(row['citation_title'])}]({_url(row['citation_url'])}): "
            f"“{_md(row['citation_quote'])}”"
        )
        if row["note"]:
            item += f" Note: {_md(row['note'])}"
        lines.append(item)
    return "\n".join(lines) + "\n"
