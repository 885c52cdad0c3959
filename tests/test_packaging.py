"""The version's one home, and the runtime dependencies' floors (docs/dependencies.md)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

import emrpath as ep

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def _floor_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "floor_constraints", ROOT / "scripts" / "floor_constraints.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


# ---------------------------------------------------------------------------------------
# the floors


def test_every_runtime_dependency_here_is_pinned_at_its_floor() -> None:
    pins, left_out = _floor_script().constraints(PYPROJECT["project"]["dependencies"])
    for text in PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(text)
        if requirement in (Requirement(t) for t in left_out):
            assert requirement.marker is not None
            assert not requirement.marker.evaluate()
            continue
        (pin,) = [p for p in pins if p.startswith(f"{requirement.name}==")]
        # the pin is allowed by the declaration, and nothing lower is
        floor = Version(pin.split("==")[1])
        assert requirement.specifier.contains(floor)
        assert not requirement.specifier.contains(f"{floor}.dev0", prereleases=True)


def test_holidays_is_capped_below_its_next_major() -> None:
    """holidays asks its users to cap below 1.0, from which it may break its API."""
    (holidays,) = [
        Requirement(t)
        for t in PYPROJECT["project"]["dependencies"]
        if Requirement(t).name == "holidays"
    ]
    assert not holidays.specifier.contains("1.0")
    assert not holidays.specifier.contains("1.0.0rc1", prereleases=True)
    assert holidays.specifier.contains(_floor_script().floor(holidays))
    assert holidays.specifier.contains("0.999")


@pytest.mark.parametrize(
    ("declared", "pin"),
    [
        ("attrs>=25.4", "attrs==25.4"),
        ("holidays>=0.72,<1", "holidays==0.72"),
        ("holidays<1,>=0.72", "holidays==0.72"),
        ("Python_Dateutil >= 2.8.2", "Python_Dateutil==2.8.2"),
        ("cattrs[orjson]~=26.1", "cattrs==26.1"),
        ("six==1.17.0", "six==1.17.0"),
        ("tzdata>=2024.1; python_version >= '3'", "tzdata==2024.1"),
    ],
)
def test_a_floor_becomes_an_exact_pin(declared: str, pin: str) -> None:
    assert _floor_script().constraints([declared]) == ([pin], [])


def test_a_dependency_for_another_platform_is_left_out() -> None:
    declared = "tzdata; sys_platform == 'no-such-platform'"
    assert _floor_script().constraints([declared]) == ([], [declared])


@pytest.mark.parametrize(
    "declared", ["attrs", "attrs<26", "attrs>25.4", "attrs>=25.4,>=25.1", "attrs==25.*"]
)
def test_a_dependency_without_one_floor_is_refused(declared: str) -> None:
    script = _floor_script()
    with pytest.raises(script.NoFloorError, match="exactly one lower bound"):
        script.constraints([declared])


def test_the_script_prints_a_constraints_file(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\ndependencies = ["a>=1.2", "b>=0.3,<1", "c; sys_platform == \'none\'"]\n',
        "utf-8",
    )
    script = str(ROOT / "scripts" / "floor_constraints.py")
    run = subprocess.run(
        [sys.executable, script, str(pyproject)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0
    assert run.stdout == "a==1.2\nb==0.3\n"
    assert "left out: c; sys_platform == 'none'" in run.stderr
    pyproject.write_text('[project]\ndependencies = ["a>=1.2", "b"]\n', "utf-8")
    run = subprocess.run(
        [sys.executable, script, str(pyproject)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.startswith("floor_constraints: b: a runtime dependency needs")
