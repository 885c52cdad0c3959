"""The parameter table as rows and Markdown: every provision, exact dates, escaped text."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath.params import Param, Provision
from emrpath.policies import FixedDaysWait
from emrpath.report import describe_value, parameter_markdown, parameter_rows

PROGRAMS = [ep.NREMT_EMR, ep.ASCP_MLS]
KEYS = {
    "program",
    "parameter",
    "description",
    "effective_from",
    "effective_until",
    "value",
    "confidence",
    "citation_title",
    "citation_url",
    "citation_quote",
    "note",
}


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.key)
def test_one_row_per_provision_in_declaration_order(program: ep.Program) -> None:
    rows = parameter_rows(program)
    expected = [(p.name, v) for p in program.parameters() for v in p.provisions]
    assert [(r["parameter"], r["effective_from"]) for r in rows] == [
        (name, v.effective_from) for name, v in expected
    ]
    for row, (_, provision) in zip(rows, expected, strict=True):
        assert set(row) == KEYS
        assert row["program"] == program.key
        assert row["value"] == describe_value(provision.value)
        assert row["confidence"] == provision.confidence.value
        assert row["citation_url"] == provision.citation.url
        assert row["citation_quote"] == provision.citation.quote
        assert row["note"] == provision.note


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.key)
def test_effective_until_is_the_day_before_the_next_provision(program: ep.Program) -> None:
    """ "One value of a parameter, in force from effective_from until the next provision":
    until is the day before the next start, and the newest provision has no end."""
    for param in program.parameters():
        rows = [r for r in parameter_rows(program) if r["parameter"] == param.name]
        for row, following in zip(rows, [*rows[1:], None], strict=True):
            if following is None:
                assert row["effective_until"] is None
            else:
                assert row["effective_until"] + dt.timedelta(days=1) == following["effective_from"]
                # the value in force on the last day is this row's, the next day the next's
                last = row["effective_until"]
                assert describe_value(param.value_at(last)) == row["value"]
                nxt = last + dt.timedelta(days=1)
                assert describe_value(param.value_at(nxt)) == following["value"]


def test_nremt_rows_quote_the_handbook() -> None:
    rows = {r["parameter"]: r for r in parameter_rows(ep.NREMT_EMR)}
    # "Initial courses are valid for two years from the month and year of course completion."
    assert rows["course_validity"]["value"] == (
        "valid through the last day of the completion month, 24 months later"
    )
    assert rows["course_validity"]["confidence"] == "primary"
    # "Authorizations to Test (ATT) ... will be valid for up to 90 days from the date of issuance"
    assert rows["authorization"]["value"].startswith("valid up to 90 days from issue")
    assert rows["cpr_required"]["value"] == "yes"
    # "candidates are initially given three attempts to pass the cognitive examination"
    assert rows["attempt_limit"]["value"].startswith("3 attempts per course")


def test_ascp_rows_say_route_closed_and_four_business_days() -> None:
    rows = {r["parameter"]: r for r in parameter_rows(ep.ASCP_MLS)}
    # "within four (4) business days after you have taken the examination provided all
    # official transcripts ... have been received"
    assert rows["result_posting"]["value"] == (
        "expected on business day 4 strictly after the exam date; held until the official "
        "transcripts"
    )
    assert "route is closed" in rows["attempt_limit"]["value"]
    assert "5 attempts per eligibility route" in rows["attempt_limit"]["value"]


def test_describe_value_of_plain_values() -> None:
    assert describe_value(False) == "no"
    assert describe_value(None) == "none"
    assert describe_value(7) == "7"
    assert describe_value(FixedDaysWait(days=16)) == "16 calendar days after the last attempt"


@pytest.mark.parametrize("bad", [None, "nremt-emr", ep.NREMT_EMR.retest_wait])
def test_rows_and_markdown_refuse_a_non_program(bad: object) -> None:
    with pytest.raises(ep.InputTypeError, match="program"):
        parameter_rows(bad)  # type: ignore[arg-type]
    with pytest.raises(ep.InputTypeError, match="program"):
        parameter_markdown(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("level", "error"),
    [
        (0, ep.InvalidRecordError),
        (6, ep.InvalidRecordError),
        ("2", ep.InputTypeError),
        (True, ep.InputTypeError),
    ],
)
def test_markdown_refuses_a_bad_heading_level(level: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="heading_level"):
        parameter_markdown(ep.NREMT_EMR, heading_level=level)  # type: ignore[arg-type]


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.key)
def test_markdown_has_a_section_and_an_item_per_provision(program: ep.Program) -> None:
    text = parameter_markdown(program, heading_level=2)
    lines = text.splitlines()
    sections = [line for line in lines if line.startswith("### ")]
    assert sections == [f"### `{p.name}`" for p in program.parameters()]
    items = [line for line in lines if line.startswith("- **From ")]
    assert len(items) == len(parameter_rows(program))
    assert sum("(in force)" in item for item in items) == len(sections)


def _item_text(markdown: str) -> tuple[str, list[str]]:
    """The plain text of the first list item, and the markup token types inside it."""
    markdown_it = pytest.importorskip("markdown_it")
    tokens = markdown_it.MarkdownIt("commonmark").parse(markdown)
    start = next(i for i, t in enumerate(tokens) if t.type == "list_item_open")
    inline = next(t for t in tokens[start:] if t.type == "inline")
    text = "".join(c.content for c in inline.children or [] if c.type in ("text", "text_special"))
    kinds = [c.type for c in inline.children or [] if c.type not in ("text", "text_special")]
    return text, kinds


def _first_paragraph(markdown: str) -> tuple[str, list[str]]:
    """The plain text of the first block, which must be a paragraph, and its markup."""
    markdown_it = pytest.importorskip("markdown_it")
    tokens = markdown_it.MarkdownIt("commonmark").parse(markdown)
    assert tokens[0].type == "paragraph_open", [t.type for t in tokens[:3]]
    inline = tokens[1]
    text = "".join(c.content for c in inline.children or [] if c.type in ("text", "text_special"))
    kinds = [c.type for c in inline.children or [] if c.type not in ("text", "text_special")]
    return text, kinds


# Printable text: control characters (NUL becomes U+FFFD in CommonMark) are out of scope.
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")))


# Text that starts with a block marker: a heading, list item, quote, break or ordered item.
BLOCKISH = st.builds(
    "".join,
    st.tuples(st.sampled_from(["#", "# ", "- ", "+ ", "> ", "1. ", "2) ", "---", "=", ""]), TEXT),
)


@given(quote=TEXT.filter(str.strip), note=TEXT, description=BLOCKISH.filter(str.strip))
def test_markdown_keeps_any_quote_and_note_literal(
    quote: str, note: str, description: str
) -> None:
    """ "All text from the data is escaped, so a quote can never turn into markup": the
    rendered item's text holds the quote and note verbatim (whitespace folded to one
    space) and the only markup is the item's own bold period, emphasis and one link; the
    description, which starts its own line, stays one paragraph of its literal text even
    when it starts with a block marker (``#``, ``-``, ``+``, ``>``, ``1.``)."""
    cite = ep.Citation(url="https://example.org/a (b)", quote=quote, title="T [1]")
    param = Param(
        "retest_wait",
        description,
        (
            Provision(
                dt.date(2020, 1, 1), FixedDaysWait(days=15), cite, ep.Confidence.PRIMARY, note
            ),
        ),
    )
    program = attrs.evolve(ep.NREMT_EMR, retest_wait=param)
    section = parameter_markdown(program).split("### `retest_wait`")[1].split("### ")[0]
    paragraph, para_kinds = _first_paragraph(section)
    assert paragraph == " ".join(description.split()).rstrip(".") + "."
    assert para_kinds == []
    text, kinds = _item_text(section)
    assert " ".join(quote.split()) in text
    assert " ".join(note.split()) in text
    assert "T [1]" in text
    assert kinds == [
        "strong_open",
        "strong_close",
        "em_open",
        "em_close",
        "link_open",
        "link_close",
    ]


@pytest.mark.parametrize("description", ["0", "12", "7)", "3 . "])
def test_a_description_that_becomes_a_list_marker_with_its_period_stays_a_paragraph(
    description: str,
) -> None:
    """Found by the property above: the period that ends a description was added after
    escaping, so a description "0" rendered as "0." (an ordered list item)."""
    cite = ep.Citation(url="https://example.org/a", quote="q", title="T")
    param = Param(
        "retest_wait",
        description,
        (Provision(dt.date(2020, 1, 1), FixedDaysWait(days=15), cite, ep.Confidence.PRIMARY),),
    )
    program = attrs.evolve(ep.NREMT_EMR, retest_wait=param)
    section = parameter_markdown(program).split("### `retest_wait`")[1].split("### ")[0]
    paragraph, kinds = _first_paragraph(section)
    assert paragraph == " ".join(description.split()).rstrip(".") + "."
    assert kinds == []
