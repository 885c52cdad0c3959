"""The notebooks in docs/notebooks run from top to bottom, as a user runs them.

Each is executed in a fresh Jupyter kernel by nbclient (the ``docs`` extra installs it
and ipykernel; without them the test is skipped, saying so). A cell that raises fails the
test with the cell's traceback; so does anything a cell writes to stderr (a warning).
The committed files hold no outputs (docs/testing.md): the test checks that too, so a
notebook saved after a run does not land with stale outputs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).parent.parent / "docs" / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path: Path):
    """Outputs are stripped in the committed file: no outputs, no execution counts."""
    nbformat = pytest.importorskip("nbformat", reason="needs the docs extra (nbformat)")
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a cell holds outputs"
            assert cell.execution_count is None, f"{path.name}: a cell has a count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_runs_top_to_bottom(path: Path, monkeypatch: pytest.MonkeyPatch):
    """ "executed in CI ..., so notebook use is tested as users do it": every cell runs,
    none writes to stderr, and the displays a user sees are there (HTML tables, a PNG)."""
    # jupyter_core warns about its old config paths unless told to use the new ones. The
    # kernel is a new process: it imports emrpath from this checkout, the code under test.
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).parent.parent / "src"))
    nbformat = pytest.importorskip("nbformat", reason="needs the docs extra (nbformat)")
    nbclient = pytest.importorskip("nbclient", reason="needs the docs extra (nbclient)")
    pytest.importorskip("ipykernel", reason="needs the docs extra (ipykernel)")
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    stderr = [out.text for out in outputs if out.output_type == "stream" and out.name == "stderr"]
    assert stderr == []
    shown = [out.data for out in outputs if out.output_type in ("execute_result", "display_data")]
    assert any("text/html" in data and "<table" in data["text/html"] for data in shown)
    if any("plot_pathway" in "".join(cell.source) for cell in notebook.cells):
        assert any("image/png" in data for data in shown)
