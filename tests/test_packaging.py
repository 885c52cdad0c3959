"""The version's one home."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.version import Version

import emrpath as ep

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


# ---------------------------------------------------------------------------------------
# the version


def test_version_is_the_installed_metadata_version() -> None:
    assert isinstance(ep.__version__, str)
    assert importlib.metadata.version("emrpath") == ep.__version__


def test_version_is_a_normalized_pep440_version() -> None:
    assert str(Version(ep.__version__)) == ep.__version__
    major, minor, *_ = ep.__version__.split(".")
    assert major.isdigit()
    assert minor.isdigit()


def test_version_is_written_once() -> None:
    """pyproject.toml leaves the version to the build backend, which reads _version.py."""
    assert "version" not in PYPROJECT["project"]
    assert "version" in PYPROJECT["project"]["dynamic"]
    path = PYPROJECT["tool"]["hatch"]["version"]["path"]
    assert path == "src/emrpath/_version.py"
    text = (ROOT / path).read_text("utf-8")
    assert re.findall(r'^__version__ = "(.+)"$', text, flags=re.MULTILINE) == [ep.__version__]


def test_importing_emrpath_reads_no_metadata() -> None:
    """``emrpath.__version__`` is a constant: importlib.metadata stays unimported."""
    code = (
        "import sys; import emrpath; emrpath.__version__; "
        "print(sorted(m for m in sys.modules if m.startswith('importlib.metadata')))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert run.stdout.strip() == "[]"
