"""Notebook views: _repr_html_ is well-formed and escaped; to_rows and str agree with it."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import attrs
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath.status import Reason

D = dt.date
ALLOWED = {"div", "strong", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "p"}


class Tree(HTMLParser):
    """Checks nesting while collecting every tag and the text of each cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: set[str] = set()
        self.text: list[str] = []
        self.cells: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.tags.add(tag)
        if tag in ("td", "th", "li"):
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack.pop() == tag, f"</{tag}> closes the wrong element"

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.cells and self.stack and self.stack[-1] in ("td", "th", "li"):
            self.cells[-1] += data


def parse(markup: str) -> Tree:
    tree = Tree()
    tree.feed(markup)
    tree.close()
    assert tree.stack == [], f"unclosed: {tree.stack}"
    assert tree.tags <= ALLOWED
    return tree


def failed_twice() -> ep.PathwayStatus:
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13)),
        attempts=[
            ep.ExamAttempt(D(2025, 2, 6), passed=False, scaled_score=870),
            ep.ExamAttempt(D(2025, 2, 24), passed=False, scaled_score=910),
        ],
    )
    return ep.evaluate(candidate, as_of=D(2025, 3, 5), program=ep.NREMT_EMR)


def recert() -> ep.RecertificationStatus:
    education = [
        ep.ContinuingEducation(D(2025, 2, 1), 8, "national"),
        ep.ContinuingEducation(D(2025, 3, 1), 1.5, "local"),
    ]
    return ep.recertification_status(
        ep.Certification(D(2023, 8, 10)), education, as_of=D(2026, 5, 1), program=ep.NREMT_EMR
    )


def test_pathway_html_is_a_table_of_the_gates():
    status = failed_twice()
    tree = parse(status._repr_html_())
    # one row per gate: name, state, dates and its reasons as list items
    for row in status.to_rows():
        assert row["gate"] in tree.cells
    assert "2025-03-11" in tree.cells  # "earliest retest = last attempt date + 15 days"
    for reason in status.reasons:
        assert str(reason) in tree.cells
    assert status.summary() in "".join(tree.text)


def test_pathway_rows_and_text_agree():
    status = failed_twice()
    rows = status.to_rows()
    assert [r["gate"] for r in rows] == [g.name.value for g in status.gates]
    cognitive = next(r for r in rows if r["gate"] == "cognitive")
    assert cognitive["expected_on"] == D(2025, 3, 11)
    text = str(status)
    assert text.splitlines()[0] == "nremt-emr pathway on 2025-03-05"
    assert text.splitlines()[-1] == status.summary()


def test_recertification_html_has_dates_progress_and_reasons():
    status = recert()
    tree = parse(status._repr_html_())
    # "16 hours (8 national, 4 local/state, 4 individual)"
    for label, value in [("expires", "2026-09-30"), ("window opens", "2026-04-01")]:
        index = tree.cells.index(label)
        assert tree.cells[index + 1] == value
    index = tree.cells.index("local")
    assert tree.cells[index : index + 4] == ["local", "4", "1.5", "2.5"]
    assert tree.cells[tree.cells.index("total") + 1] == "16"
    for reason in status.reasons:
        assert str(reason) in tree.cells
    assert status.summary() in "".join(tree.text)


def test_recertification_text_is_unchanged_by_the_html_view():
    text = str(recert())
    assert "  local" in text
    assert "  total" in text
    assert text.splitlines()[-1] == recert().summary()


nasty = st.text(alphabet=st.sampled_from("<>&\"'/ab =;#x"), min_size=1, max_size=30)


@given(program=nasty, message=nasty)
def test_pathway_html_escapes_every_string(program: str, message: str):
    """_repr_html_ is well-formed and escapes: any program name or reason message shows
    up as text, never as markup."""
    status = failed_twice()
    reason = Reason("x", message)
    gates = tuple(attrs.evolve(g, reasons=(reason,)) for g in status.gates)
    evil = attrs.evolve(status, program=program, gates=gates, reasons=(reason,))
    tree = parse(evil._repr_html_())
    assert program in tree.text
    assert tree.cells.count(message) == len(gates)


@given(program=nasty, unit=nasty, message=nasty)
def test_recertification_html_escapes_every_string(program: str, unit: str, message: str):
    """_repr_html_ is well-formed and escapes: program, unit and reasons stay text."""
    evil = attrs.evolve(recert(), program=program, unit=unit, reasons=(Reason("x", message),))
    tree = parse(evil._repr_html_())
    assert program in tree.text
    assert unit in tree.cells
    assert message in tree.cells


@given(program=nasty, message=nasty)
def test_attempt_timeline_html_escapes_every_string(program: str, message: str):
    """Timelines "render as HTML tables in Jupyter": well-formed, strings stay text."""
    course = ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13))
    timeline = ep.plan_attempts(course, D(2025, 2, 6), program=ep.NREMT_EMR)
    evil = attrs.evolve(timeline, program=program, reasons=(Reason("x", message),))
    tree = parse(evil._repr_html_())
    assert program in tree.text
    assert message in tree.cells
    assert "2025-03-08" in tree.cells  # attempt 3: 15 days after attempt 2 on 2025-02-21
