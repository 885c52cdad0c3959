"""Notebook views: _repr_html_ is well-formed and escaped; to_rows and str agree with it."""

from __future__ import annotations

import datetime as dt
import re
import sys
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath import examples
from emrpath._table import reason_html
from emrpath.params import Citation
from emrpath.planning import retake_plan
from emrpath.planning.retake import ErrorLog, Miss
from emrpath.status import Reason
from strategies import candidates, dates

D = dt.date
ALLOWED = {"a", "div", "strong", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "p"}


class Tree(HTMLParser):
    """Checks nesting while collecting every tag and the text of each cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: set[str] = set()
        self.text: list[str] = []
        self.cells: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.links: list[tuple[str | None, str]] = []  # (href, link text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.tags.add(tag)
        self.elements.append((tag, dict(attrs)))
        if tag == "a":
            self.links.append((dict(attrs).get("href"), ""))
        if tag in ("td", "th", "li"):
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack.pop() == tag, f"</{tag}> closes the wrong element"

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.stack and self.stack[-1] == "a":
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)
        if self.cells and any(tag in ("td", "th", "li") for tag in self.stack):
            self.cells[-1] += data  # the innermost open cell, through any link in it


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
    # The title names the program and the date, as str() does: "nremt-emr pathway on ...".
    assert "".join(tree.text).startswith("nremt-emr on 2025-03-05")


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


# -- readable in any notebook: left-aligned, theme colours, citation links (issue 15) -------


def all_reprs() -> list[object]:
    status = failed_twice()
    course = ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13))
    failed = ep.ExamAttempt(D(2025, 2, 6), passed=False)
    plan = retake_plan(
        ErrorLog([Miss("pacing")]),
        failed,
        ep.Candidate(course, [failed]),
        as_of=D(2025, 2, 10),
        program=ep.NREMT_EMR,
    )
    timeline = ep.plan_attempts(course, D(2025, 2, 6), program=ep.NREMT_EMR)
    return [status, recert(), timeline, plan]


@pytest.mark.parametrize("value", all_reprs(), ids=lambda v: type(v).__name__)
def test_every_element_says_its_alignment_and_inherits_its_colour(value):
    """ "Left-aligned HTML reprs ... readable in Jupyter light and dark themes": every block,
    table and cell sets text-align itself (Jupyter's CSS right-aligns cells), only numbers
    are right-aligned, and no colour is fixed: text and links inherit the theme's."""
    tree = parse(value._repr_html_())
    for tag, attributes in tree.elements:
        style = attributes.get("style") or ""
        if tag in ("div", "table", "th", "td", "ul", "p"):
            assert re.search(r"text-align:(left|right)", style), (tag, style)
        for colour in re.findall(r"(?<![-\w])color:([^;]+)", style):
            assert colour == "inherit", (tag, style)
        assert "background:" not in style or "background:transparent" in style
    aligned_right = [
        text
        for (tag, attributes), text in zip(
            [e for e in tree.elements if e[0] in ("td", "th", "li")], tree.cells, strict=True
        )
        if "text-align:right" in (attributes.get("style") or "")
    ]
    assert all(re.fullmatch(r"[0-9.]+|required|earned|short|misses", t) for t in aligned_right)


@pytest.mark.parametrize("value", all_reprs(), ids=lambda v: type(v).__name__)
def test_each_cited_reason_links_to_its_source(value):
    """ "with citation links (source URLs are in the program parameters' citations)": each
    reason's parameter links to its citation's URL."""
    tree = parse(value._repr_html_())
    cited = [r for r in value.reasons if r.citation is not None]
    assert cited
    for reason in cited:
        assert (reason.citation.url, reason.parameter) in tree.links
    assert all(href and href.startswith("https://") for href, _ in tree.links)


texts = nasty.filter(str.strip)  # a citation's parts are never blank
urls = st.one_of(
    st.builds(lambda t: f"https://example.org/{t}", nasty),
    texts,
    st.sampled_from(["javascript:alert(1)", "data:text/html,x", "HTTPS://x"]),
)


@given(message=nasty, parameter=nasty, url=urls, title=texts, quote=texts)
def test_reason_html_is_the_reason_with_a_safe_link(message, parameter, url, title, quote):
    """A reason's HTML reads as ``str(reason)``; its parameter is a link only to an http(s)
    citation URL (never a script), and every string stays text."""
    citation = Citation(url=url, quote=quote, title=title)
    reason = Reason("x", message, parameter, citation, ep.Confidence.SECONDARY)
    tree = parse(f"<p>{reason_html(reason)}</p>")
    assert "".join(tree.text) == str(reason)
    if url.startswith(("https://", "http://")):
        assert tree.links == [(url, parameter)]
    else:
        assert tree.links == []


# -- to_frame: the rows as a DataFrame with datetime columns ----------------------------------

pd = pytest.importorskip("pandas")


def same_cells(frame, rows, dates_columns):
    assert len(frame) == len(rows)
    for column in dates_columns:
        assert str(frame.dtypes[column]) == "datetime64[us]"
        for value, row in zip(frame[column], rows, strict=True):
            expected = row[column]
            assert (value is pd.NaT) if expected is None else (value.date() == expected)
    others = [c for c in frame.columns if c not in dates_columns]
    assert records(frame[others]) == [{c: row[c] for c in others} for row in rows]


@given(candidate=candidates(), as_of=dates())
def test_pathway_frame_is_its_rows_with_date_columns(candidate, as_of):
    """ "`to_rows()` feeds `pandas.DataFrame` with datetime dtype columns": to_frame() holds
    exactly the rows, valid_until and expected_on as datetime64 (NaT for None)."""
    try:
        status = ep.evaluate(candidate, as_of=as_of, program=ep.NREMT_EMR)
    except ep.EmrpathError:
        return
    same_cells(status.to_frame(), status.to_rows(), ("valid_until", "expected_on"))


@given(
    completed=dates(D(2015, 1, 1), D(2095, 12, 31)),
    first=st.integers(0, 800),
    used=st.integers(0, 2),
)
def test_timeline_frame_is_its_rows_with_date_columns(completed, first, used):
    """The timeline's to_frame(): its rows, every date column datetime64."""
    course = ep.CourseCompletion(completed)
    timeline = ep.plan_attempts(
        course, completed + dt.timedelta(first), program=ep.NREMT_EMR, attempts_used=used
    )
    rows = timeline.to_rows()
    date_columns = ("earliest_on", "expected_result_on", "authorization_expires_on")
    same_cells(timeline.to_frame(), rows, (*date_columns, "course_expires_on"))


def records(frame) -> list[dict[str, object]]:
    """The frame's rows as dicts, pandas' missing values (NaN, None) as None."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def test_frames_of_recertification_and_retake_plans():
    """The frames without dates hold exactly their rows (pandas' missing value for None)."""
    status = recert()
    assert records(status.to_frame()) == status.to_rows()
    plan = all_reprs()[3]
    assert records(plan.to_frame()) == plan.to_rows()


def test_to_frame_without_pandas_names_the_extra(monkeypatch):
    """ "clear error naming the extra when pandas is missing"."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    rules = ["pathway status", "recertification", "retake planning", "retake planning"]
    for value, rule in zip(all_reprs(), rules, strict=True):
        with pytest.raises(
            ep.MissingExtraError, match=r"pip install -e \"\.\[notebook\]\""
        ) as info:
            value.to_frame()
        assert info.value.field == "pandas"
        assert info.value.rule == rule
        assert isinstance(info.value, ImportError)


def test_an_example_in_a_frame():
    """The notebook path end to end: an example, a Timestamp as_of, a frame."""
    name = "nremt-emr-candidate"
    status = ep.evaluate(
        examples.load(name), as_of=pd.Timestamp("2025-08-20"), program=examples.program(name)
    )
    frame = status.to_frame()
    cognitive = frame.set_index("gate").loc["cognitive"]
    assert cognitive["expected_on"] == pd.Timestamp(status.next_attempt_on)
