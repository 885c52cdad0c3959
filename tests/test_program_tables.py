"""The shipped programs' data, pinned field by field: every value, date, citation and note.

Design principle 1: "Every number ... lives in one place, in a program's parameter table,
with an effective date, a citation (URL and a short quote) and a confidence level". The
programs are built from shared pieces (the NREMT family's provisions, ``Param.single``), so
a change to how a table is *written* must not change what it *holds*. ``render`` spells out
every field that ``==`` compares, recursively, so two programs render alike exactly when
they are equal; the expected text is ``tests/golden/programs.txt``. After a deliberate change
to rule data, review the diff of ``python tests/test_program_tables.py`` (which rewrites the
file) before committing it.
"""

from __future__ import annotations

import difflib
import enum
import sys
from pathlib import Path

import attrs
import pytest

import emrpath as ep
from emrpath.params import Param, Provision

GOLDEN = Path(__file__).parent / "golden" / "programs.txt"
PROGRAMS = ep.programs.available()


def render(value: object) -> str:
    """``value`` as text naming every field ``==`` compares; set members in sorted order."""
    if attrs.has(type(value)):
        fields = ", ".join(
            f"{field.name}={render(getattr(value, field.name))}"
            for field in attrs.fields(type(value))
            if field.eq
        )
        return f"{type(value).__name__}({fields})"
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, (frozenset, set)):
        return f"{type(value).__name__}({{{', '.join(sorted(render(v) for v in value))}}})"
    if isinstance(value, tuple):
        items = [render(v) for v in value]
        return f"({', '.join(items)}{',' if len(items) == 1 else ''})"
    return repr(value)


def compared(value: object) -> list[tuple[str, object]]:
    """The fields of an attrs instance that ``==`` compares, with their values."""
    return [(f.name, getattr(value, f.name)) for f in attrs.fields(type(value)) if f.eq]


def provision_lines(provision: Provision[object]) -> list[str]:
    """One line per field of ``provision``, and one per field of its citation."""
    lines = []
    for name, value in compared(provision):
        if isinstance(value, ep.Citation):
            lines.extend(f"{name}.{part}: {render(text)}" for part, text in compared(value))
        else:
            lines.append(f"{name}: {render(value)}")
    return lines


def table(program: ep.Program) -> str:
    """One line per program field, and per field of each provision."""
    out = [f"## {program.key}"]
    for name, value in compared(program):
        if not isinstance(value, Param):
            out.append(f"{name}: {render(value)}")
            continue
        out.append(f"{name}: Param({value.name!r}, {value.description!r})")
        for provision in value.provisions:
            first, *rest = provision_lines(provision)
            out.append(f"  - {first}")
            out.extend(f"    {line}" for line in rest)
    return "\n".join(out) + "\n"


def tables() -> str:
    return "\n".join(table(program) for program in PROGRAMS)


def test_the_programs_hold_the_reviewed_data() -> None:
    """Every field of every shipped program is the reviewed text on file."""
    diff = "".join(
        difflib.unified_diff(
            GOLDEN.read_text(encoding="utf-8").splitlines(keepends=True),
            tables().splitlines(keepends=True),
            fromfile=str(GOLDEN.relative_to(GOLDEN.parents[2])),
            tofile="the shipped programs",
        )
    )
    assert not diff, diff


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.key)
def test_the_rendering_tells_apart_what_equality_tells_apart(program: ep.Program) -> None:
    """The golden text would hide a change it does not render: a changed note, quote,
    confidence or date of any provision changes the text."""
    param = program.retest_wait
    first = param.provisions[0]
    for change in (
        {"note": first.note + "."},
        {"citation": attrs.evolve(first.citation, quote=first.citation.quote + ".")},
        {
            "confidence": ep.Confidence.PRIMARY
            if first.confidence is ep.Confidence.SECONDARY
            else ep.Confidence.SECONDARY
        },
        {"effective_from": first.effective_from.replace(year=first.effective_from.year - 1)},
    ):
        other = attrs.evolve(
            program, retest_wait=attrs.evolve(param, provisions=(attrs.evolve(first, **change),))
        )
        assert other != program
        assert table(other) != table(program), change
    assert table(attrs.evolve(program)) == table(program)


if __name__ == "__main__":  # rewrite the golden file; review its diff before committing
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text(tables(), encoding="utf-8")
    sys.exit(0)
