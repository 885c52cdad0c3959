"""The scope-of-practice table as shipped: two CSV files in emrpath/data, checked on load.

The table was a module of positional tuples until the CSV files replaced it; the first test
pins the CSV to exactly what those tuples gave. The rest check the shipped files' invariants
and that every fault of a file raises InvalidRecordError naming the file, row and column.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath.scope as scope_module
from emrpath._scope_table import (
    RULE,
    SKILL_COLUMNS,
    SKILLS_FILE,
    SOURCE_COLUMNS,
    SOURCES_FILE,
    SkillRecord,
    package_text,
    read_skills,
    read_sources,
)
from emrpath.errors import InvalidRecordError
from emrpath.params import Citation, Confidence
from emrpath.scope import NATIONAL_2019, SCOPE_SOURCES, Level, ScopeProfile
from tests.errors import raises_emrpath

LEVELS = tuple(level.value for level in Level)
LABELS = ("primary", "secondary", "secondary (2 sources)")
SHIPPED_SKILLS = package_text(SKILLS_FILE)
SHIPPED_SOURCES = package_text(SOURCES_FILE)


def read(text: str, *, file: str = "demo.csv", sources: tuple[str, ...] = ("S1", "S2")):
    """``text`` read as a skills file with the real levels and confidence labels."""
    return read_skills(text, file=file, levels=LEVELS, confidences=LABELS, sources=sources)


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    """The CSV text of ``rows`` under ``header``, every cell as given.

    Lines end in "\r\n" (the csv module's default): with a "\n" line end, Python's writer
    leaves a cell ending in a bare "\r" unquoted, and the reader then takes that "\r" as
    part of the line end, so the text would not hold the cell it was given.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


HEADER = list(SKILL_COLUMNS)
CPR = ["cpr", "CPR", "Resuscitation", "emr", "", "S1", "secondary", "false", "S1", "CPR … all"]
AED = ["aed", "AED", "Resuscitation", "emr", "note", "S1 S2", "secondary (2 sources)", "true"]
AED += ["S2", "AED … all"]
GOOD = csv_text(HEADER, [CPR, AED])


def with_cell(row: list[str], column: str, value: str) -> list[str]:
    changed = list(row)
    changed[HEADER.index(column)] = value
    return changed


def fault(text: str, reader=read) -> InvalidRecordError:
    with pytest.raises(InvalidRecordError) as info:
        reader(text)
    assert info.value.rule == RULE == "scope table"
    return info.value


# ---------------------------------------------------------------------------------------
# the shipped table


def canonical_digest(profile: ScopeProfile, sources: Mapping[str, Citation]) -> str:
    """A digest of every field of every row and source, in order."""
    rows = [
        [
            row.key,
            row.name,
            row.category,
            row.min_level.value,
            row.note,
            list(row.sources),
            row.citation.url,
            row.citation.quote,
            row.citation.title,
            row.confidence.value,
            row.verify,
        ]
        for row in profile.rows
    ]
    cited = [[key, c.url, c.quote, c.title] for key, c in sources.items()]
    data = [profile.name, profile.description, rows, cited]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()


def test_the_csv_gives_exactly_what_the_tuples_gave() -> None:
    """The CSV files replaced ``_scope_data.py``'s tuples without changing one value.

    The digest was taken from NATIONAL_2019 and SCOPE_SOURCES built from the tuples, just
    before they were deleted (the objects built from the CSV were also compared with them
    whole, ``==`` and ``repr``). A deliberate change to the table changes the digest: update
    it in the same commit as the data, with the source that justifies the change.
    """
    assert canonical_digest(NATIONAL_2019, SCOPE_SOURCES) == (
        "8b7613be0efa5abd7cc690e485624ceec3c1d206a7d0890ac6d801a6071820e3"
    )


def test_the_shipped_files_keep_their_shape() -> None:
    """One line per row, the columns in the documented order, no file ending left open."""
    skill_lines = SHIPPED_SKILLS.splitlines()
    assert skill_lines[0] == ",".join(SKILL_COLUMNS)
    assert len(skill_lines) == 1 + len(NATIONAL_2019) == 84
    assert SHIPPED_SOURCES.splitlines()[0] == ",".join(SOURCE_COLUMNS)
    assert SHIPPED_SKILLS.endswith("\n")
    assert SHIPPED_SOURCES.endswith("\n")


def test_every_shipped_row_is_cited_known_and_unique() -> None:
    """Principle 1: 'Rules are data with provenance' (a citation and a confidence level)."""
    sources = read_sources(SHIPPED_SOURCES, file=SOURCES_FILE)
    ids = [source.id for source in sources]
    assert ids == list(SCOPE_SOURCES) == ["P1", "P2", "S1", "S2", "S3"]
    records = read(SHIPPED_SKILLS, file=SKILLS_FILE, sources=tuple(ids))
    assert len(records) == 83
    assert len({record.key for record in records}) == 83
    assert len({record.name.casefold() for record in records}) == 83
    for record in records:
        assert record.min_level in LEVELS
        assert record.confidence in LABELS
        assert record.cite in record.sources
        assert set(record.sources) <= set(ids)
        assert record.quote
    named = {source for record in records for source in record.sources}
    assert named == set(ids), "the sources file lists only sources a row names"
    for record, row in zip(records, NATIONAL_2019, strict=True):
        assert (record.key, record.min_level, record.verify) == (
            row.key,
            row.min_level.value,
            row.verify,
        )
        assert row.citation.quote == record.quote
        assert row.citation.url == SCOPE_SOURCES[record.cite].url
        assert isinstance(row.confidence, Confidence)


def test_rows_quoting_their_source_whole_share_its_citation() -> None:
    """A row whose quote is its source's own quote holds that source's Citation itself.

    Checked on the profile import built and on one built again: mutation testing switches
    a mutant on only after import, so only a build made in the test runs under it.
    """
    for profile in (NATIONAL_2019, scope_module._build_national_2019()):
        shared = 0
        for row in profile:
            source = next(
                SCOPE_SOURCES[s] for s in row.sources if SCOPE_SOURCES[s].url == row.citation.url
            )
            assert (row.citation is source) == (row.citation.quote == source.quote)
            shared += row.citation is source
        assert shared == 3  # the three P1 rows quote P1's paraphrase whole


# ---------------------------------------------------------------------------------------
# a good file reads; every fault names file, row and column


def test_a_good_file_reads_into_typed_records() -> None:
    cpr, aed = read(GOOD)
    assert cpr == SkillRecord(
        "cpr", "CPR", "Resuscitation", "emr", "", ("S1",), "secondary", False, "S1", "CPR … all"
    )
    assert (aed.sources, aed.verify, aed.note) == (("S1", "S2"), True, "note")
    # Column order is free: the header names the columns.
    swapped = csv_text(HEADER[::-1], [CPR[::-1], AED[::-1]])
    assert read(swapped) == (cpr, aed)


@pytest.mark.parametrize("column", [c for c in SKILL_COLUMNS if c != "note"])
def test_an_empty_required_cell(column: str) -> None:
    err = fault(csv_text(HEADER, [CPR, with_cell(AED, column, "")]))
    assert err.field == f"demo.csv row 3, column {column}"
    assert "must not be empty" in str(err)


def test_a_missing_column() -> None:
    drop = HEADER.index("verify")
    rows = [[*row[:drop], *row[drop + 1 :]] for row in (CPR, AED)]
    err = fault(csv_text([c for c in HEADER if c != "verify"], rows))
    assert err.field == "demo.csv row 1, column verify"
    assert "missing column" in str(err)


def test_an_empty_file_misses_every_column() -> None:
    assert fault("").field == "demo.csv row 1, column key"


def test_an_unknown_column() -> None:
    err = fault(csv_text([*HEADER, "colour"], [[*CPR, "red"], [*AED, "blue"]]))
    assert err.field == "demo.csv row 1, column 'colour'"
    assert "unknown column" in str(err)


def test_a_column_named_twice() -> None:
    err = fault(csv_text([*HEADER, "note"], [[*CPR, ""], [*AED, ""]]))
    assert err.field == "demo.csv row 1, column note"
    assert "twice" in str(err)


def test_a_row_with_too_few_or_too_many_cells() -> None:
    short = fault(csv_text(HEADER, [CPR, AED[:-2]]))
    assert short.field == "demo.csv row 3, column cite"
    assert "the row has 8 cells; the header has 10" in str(short)
    long = fault(csv_text(HEADER, [[*CPR, "extra"], AED]))
    assert long.field == "demo.csv row 2, column 11"
    blank = fault(GOOD.replace("\naed,", "\n\naed,"))
    assert blank.field == "demo.csv row 3, column key"


@pytest.mark.parametrize("value", ["two\nlines", " CPR", "CPR "])
def test_a_cell_is_one_line_without_surrounding_spaces(value: str) -> None:
    err = fault(csv_text(HEADER, [with_cell(CPR, "name", value), AED]))
    assert err.field == "demo.csv row 2, column name"


def test_a_file_that_is_not_csv() -> None:
    err = fault(GOOD.replace(",CPR,", ',"CPR"x,'))
    assert err.field == "demo.csv row 2"
    assert "not readable as CSV" in str(err)


@pytest.mark.parametrize("key", ["Cpr", "cpr-check", "cpr__check", "_cpr", "2cpr"])
def test_a_key_that_is_not_snake_case(key: str) -> None:
    err = fault(csv_text(HEADER, [with_cell(CPR, "key", key), AED]))
    assert err.field == "demo.csv row 2, column key"
    assert "snake_case" in str(err)


def test_a_skill_row_twice() -> None:
    again = fault(csv_text(HEADER, [CPR, AED, with_cell(CPR, "name", "CPR again")]))
    assert again.field == "demo.csv row 4, column key"
    assert "skill 'cpr' is listed twice (first at row 2)" in str(again)
    same_name = fault(csv_text(HEADER, [CPR, with_cell(AED, "name", "cpr")]))
    assert same_name.field == "demo.csv row 3, column name"
    assert "first at row 2" in str(same_name)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("min_level", "EMR", "unknown level 'EMR'; expected one of 'emr', 'emt', 'aemt'"),
        ("min_level", "basic", "unknown level 'basic'"),
        ("confidence", "Primary", "unknown confidence 'Primary'"),
        ("confidence", "tertiary", "unknown confidence 'tertiary'"),
        ("verify", "True", "'True' is not a boolean: true or false"),
        ("verify", "yes", "'yes' is not a boolean"),
        ("verify", "1", "'1' is not a boolean"),
        ("sources", "S1 S9", "unknown source id 'S9'"),
        ("sources", "S1,S2", "unknown source id 'S1,S2'"),
        ("sources", "S1  S2", "unknown source id ''"),
        ("sources", "S1 S1", "names a source twice"),
        ("cite", "S9", "unknown source id 'S9'"),
        ("cite", "S2", "'S2' is not among the row's sources 'S1'"),
    ],
)
def test_an_unknown_value(column: str, value: str, message: str) -> None:
    err = fault(csv_text(HEADER, [with_cell(CPR, column, value), AED]))
    assert err.field == f"demo.csv row 2, column {column}"
    assert message in str(err)


def test_the_sources_file_is_checked_the_same_way() -> None:
    def sources(text: str) -> object:
        return read_sources(text, file="src.csv")

    good = "id,url,title,quote\nS1,https://a.example,A,q\n"
    assert [s.id for s in read_sources(good, file="src.csv")] == ["S1"]
    twice = fault(good + "S1,https://b.example,B,q\n", sources)
    assert twice.field == "src.csv row 3, column id"
    assert "source 'S1' is listed twice (first at row 2)" in str(twice)
    assert fault(good.replace("title,", ""), sources).field == "src.csv row 1, column title"
    assert fault(good.replace(",A,", ",,"), sources).field == "src.csv row 2, column title"


def _shipped_with(monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    """Make ``emrpath.scope`` read ``text`` as the shipped file ``name`` from now on."""
    shipped = package_text

    def fake(wanted: str) -> str:
        return text if wanted == name else shipped(wanted)

    monkeypatch.setattr(scope_module, "package_text", fake)


def test_a_broken_shipped_skills_file_is_refused_naming_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'A file that breaks any rule raises InvalidRecordError naming the file, the row (the
    header is row 1, so it is the line number an editor shows) and the column, with the rule
    "scope table".' The national profile's build names the shipped file it reads."""
    last = SHIPPED_SKILLS.splitlines()[-1]
    _shipped_with(monkeypatch, SKILLS_FILE, f"{SHIPPED_SKILLS}{last}\n")
    with raises_emrpath(
        InvalidRecordError, field="scope_national_2019.csv row 85, column key", rule=RULE
    ) as info:
        scope_module._build_national_2019()
    key = last.split(",")[0]
    assert info.value.message == f"skill '{key}' is listed twice (first at row 84)"


def test_a_broken_shipped_sources_file_is_refused_naming_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'A file that breaks any rule raises InvalidRecordError naming the file, the row ...
    and the column, with the rule "scope table".' The sources' build names the shipped file."""
    last = SHIPPED_SOURCES.splitlines()[-1]
    _shipped_with(monkeypatch, SOURCES_FILE, f"{SHIPPED_SOURCES}{last}\n")
    with raises_emrpath(
        InvalidRecordError, field="scope_national_2019_sources.csv row 7, column id", rule=RULE
    ) as info:
        scope_module._build_sources()
    assert info.value.message == "source 'S3' is listed twice (first at row 6)"


def check_names_the_place(err: InvalidRecordError, file: str) -> None:
    assert err.rule == RULE
    assert err.field is not None
    assert err.field.startswith(f"{file} row ")


@given(
    row=st.integers(0, 82),
    column=st.sampled_from(SKILL_COLUMNS),
    value=st.text(max_size=30),
)
def test_any_changed_cell_reads_or_is_an_invalid_record(row: int, column: str, value: str) -> None:
    """'A file that breaks any rule raises InvalidRecordError naming the file, the row (the
    header is row 1 ...) and the column, with the rule "scope table".'"""
    rows = list(csv.reader(io.StringIO(SHIPPED_SKILLS)))
    rows[row + 1][SKILL_COLUMNS.index(column)] = value
    text = csv_text(rows[0], rows[1:])
    try:
        records = read(text, file=SKILLS_FILE, sources=tuple(SCOPE_SOURCES))
    except InvalidRecordError as err:
        check_names_the_place(err, SKILLS_FILE)
        return
    assert len(records) == 83
    assert getattr(records[row], column) in (value, tuple(value.split(" ")), value == "true")


@given(st.text(max_size=200))
def test_any_text_reads_or_is_an_invalid_record(text: str) -> None:
    """'A file that breaks any rule raises InvalidRecordError naming the file, the row ...'"""
    try:
        read(text)
    except InvalidRecordError as err:
        check_names_the_place(err, "demo.csv")
