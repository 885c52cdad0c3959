"""The documentation: every Python example is a doctest, and the generated pages are whole."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

import emrpath as ep
from emrpath._exports import EXPORTS
from emrpath.authority import AgencyCredential
from emrpath.report import parameter_rows
from tests.public_names import public_modules, public_objects

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
GENERATED = {DOCS / "reference" / "rules.md"}


def _written_by_hand(page: Path) -> bool:
    parts = page.relative_to(DOCS).parts
    return "_build" not in parts and "api" not in parts and page not in GENERATED


PAGES = [*sorted(p for p in DOCS.rglob("*.md") if _written_by_hand(p)), ROOT / "README.md"]
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.M | re.S)
# A block that cannot run here (it needs Dask or Spark, or a module file of its own) says so
# on the line before its fence, with the reason, and is shown but not run.
NOT_RUN = re.compile(r"<!-- not run: (?P<why>[^>]+?) -->\n\n?$")


def _blocks(page: Path) -> list[tuple[str, str | None]]:
    """(body, reason it is not run, or None) for every ```python block of ``page``."""
    text = page.read_text("utf-8")
    found = []
    for match in FENCE.finditer(text):
        if match.group(1) == "python":
            marker = NOT_RUN.search(text, 0, match.start())
            found.append((match.group(2), marker.group("why") if marker else None))
    return found


def python_blocks(page: Path) -> list[str]:
    return [body for body, why in _blocks(page) if why is None]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_python_example_is_a_doctest_that_ends_before_its_fence(page: Path):
    """Issue 6: "Every code example in the docs runs as a test": each ```python block is a
    doctest, and ends with a blank line so the closing fence is not read as output."""
    for body in python_blocks(page):
        assert body.lstrip().startswith(">>>"), f"{page.name}: a python block that is not run"
        assert body.endswith("\n\n"), f"{page.name}: blank line missing before ``` in\n{body}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_block_that_is_not_run_says_why_and_is_no_doctest(page: Path):
    """A shown-but-not-run block names what it needs, and holds no ``>>>`` output that
    nothing would check."""
    for body, why in _blocks(page):
        if why is not None:
            assert why.strip(), f"{page.name}: a not-run marker without a reason"
            assert ">>>" not in body, f"{page.name}: a doctest marked not run"


def test_the_pages_have_examples():
    with_examples = [p.name for p in PAGES if python_blocks(p)]
    for name in ("first-what-if.md", "calendars.md", "design.md", "README.md", "index.md"):
        assert name in with_examples


def load_conf():
    spec = importlib.util.spec_from_file_location("docs_conf", DOCS / "conf.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_page_lists_every_provision_with_its_source(tmp_path: Path):
    """Issue 6: "a rules page generated from the programs' parameter tables (every value,
    effective date, citation and confidence)"."""
    load_conf().generate(root=tmp_path)
    text = (tmp_path / "reference" / "rules.md").read_text("utf-8")
    items = [line for line in text.splitlines() if line.startswith("- **From ")]
    rows = [row for program in ep.programs.available() for row in parameter_rows(program)]
    assert len(items) == len(rows)
    for item, row in zip(items, rows, strict=True):
        assert item.startswith(f"- **From {row['effective_from'].isoformat()}")
        assert f"Confidence: *{row['confidence']}*" in item
        assert f"(<{row['citation_url']}>)" in item
    for program in ep.programs.available():
        assert f"Key `{program.key}`" in text
        for param in program.parameters():
            assert f"### `{param.name}`" in text


def test_rules_page_lists_the_open_questions(tmp_path: Path):
    """Issue 13: "Open questions in the facts file stay visible: choose the best-supported
    reading, mark it SECONDARY with a note naming the question, and list it on the rules
    page"."""
    load_conf().generate(root=tmp_path)
    text = (tmp_path / "reference" / "rules.md").read_text("utf-8")
    section = text.split("## Open questions (NREMT EMT, AEMT, Paramedic)")[1]
    for name, _ in ep.programs.nremt.OPEN_QUESTIONS:
        assert f"- **{name}.**" in section
    assert "`nremt-emt`.`attempt_limit`" in section
    assert "`nremt-paramedic`.`cpr_required`" in section
    assert "`nremt-aemt`.`ce_requirement`" in section


def test_api_pages_cover_every_public_module_and_no_private_one(tmp_path: Path):
    conf = load_conf()
    conf.generate(root=tmp_path)
    pages = {p.stem for p in (tmp_path / "reference" / "api").glob("*.md")}
    assert pages == set(conf.public_modules())
    assert tuple(conf.public_modules()) == public_modules()  # the tests walk the same modules
    assert {"emrpath", "emrpath.pathway", "emrpath.report", "emrpath.plot"} <= pages
    assert not any("._" in name for name in pages)
    assert {row.home for row in EXPORTS} <= pages  # every module the package exports from


def test_the_package_page_lists_the_face_and_the_moved_names(tmp_path: Path):
    """The reference shows the top-level face and where each name that left it lives, both
    from the one export list."""
    load_conf().generate(root=tmp_path)
    text = (tmp_path / "reference" / "api" / "emrpath.md").read_text("utf-8")
    face, moved = text.split("## Moved off the top level")
    for row in EXPORTS:
        part = face if row.top == "face" else moved
        assert f"{{py:obj}}`{row.name} <" in part, row
        assert f"{{py:mod}}`{row.home}`" in part, row
    assert f"({len(ep.__all__)} names)" in face


def test_a_stale_api_page_is_removed(tmp_path: Path):
    conf = load_conf()
    api = tmp_path / "reference" / "api"
    api.mkdir(parents=True)
    (api / "emrpath.gone.md").write_text("# old\n", "utf-8")
    conf.generate(root=tmp_path)
    assert not (api / "emrpath.gone.md").exists()


@pytest.mark.parametrize(
    "name",
    [
        "AttemptTimeline.all_fit",
        "AttemptTimeline.to_rows",
        "AttemptTimeline.summary",
        "ErrorLog.counts",
        "ErrorLog.costliest",
        "PlannedAttempt.fits",
        "RetakePlan.retest_possible",
        "RetakePlan.to_rows",
        "RetakePlan.summary",
        "StateLicense.in_force",
        "AgencyCredential.in_force",
        "PracticeDecision.summary",
    ],
)
def test_planning_and_authority_methods_have_a_runnable_example(name: str) -> None:
    """Standards: "a runnable doctest example on every public function/class" (the doctest
    run over src/ checks that each one's output is right)."""
    cls_name, attr = name.split(".")
    (cls,) = [c for q, c in public_objects().items() if q.endswith(f".{cls_name}")]
    member = vars(cls)[attr]
    function = member.fget if isinstance(member, property) else member
    assert ">>> " in (function.__doc__ or ""), name


def test_the_agency_credential_example_shows_a_value() -> None:
    """Its example once printed nothing (``expires_on`` is None, which the REPL hides)."""
    doc = AgencyCredential.__doc__ or ""
    example = doc.split("Example:", 1)[1]
    lines = [line.strip() for line in example.splitlines() if line.strip()]
    outputs = [line for line in lines if not line.startswith((">>>", "..."))]
    assert outputs, "the example shows no output"
