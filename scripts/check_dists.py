"""Check a built sdist and wheel: contents, metadata, and that the wheel imports on its own.

Usage: ``python scripts/check_dists.py DIST_DIR`` after ``python -m build --outdir DIST_DIR``
(``.ci/run`` does both, with ``twine check --strict`` and ``check-wheel-contents``). Fails,
naming every problem, when:

* the wheel misses ``emrpath/py.typed`` or any module under ``src/emrpath``, or holds
  anything else (tests, docs, bench, caches);
* the sdist misses a module, a test, a doc page, a bench or script file, README.md,
  CHANGELOG.md, LICENSE or pyproject.toml;
* the metadata of either disagrees with pyproject.toml (name, Requires-Python,
  dependencies with their floors and caps, extras) or with ``src/emrpath/_version.py``
  (version), or lacks the license and README;
* the wheel, unpacked alone on ``sys.path``, does not import, answer a date and a
  scope-of-practice question, or give the same ``emrpath.__version__``.
"""

from __future__ import annotations

import email.parser
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


# What the package ships: its modules, the typing marker, and its package data read with
# importlib.resources: the example documents the CLI's --example loads and the scope table.
_SHIPPED_SUFFIXES = {".py", ".typed", ".json", ".csv"}


def _expected_modules() -> set[str]:
    src = ROOT / "src"
    return {
        p.relative_to(src).as_posix()
        for p in (src / "emrpath").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix in _SHIPPED_SUFFIXES
    }


def _tracked(*folders: str) -> set[str]:
    out = subprocess.run(
        ["git", "ls-files", *folders], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return {line for line in out.splitlines() if line}


def _declared_version() -> str:
    """The version written in the file ``[tool.hatch.version]`` names (its one home)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    source = (ROOT / pyproject["tool"]["hatch"]["version"]["path"]).read_text("utf-8")
    found = re.findall(r'^__version__ = "([^"]+)"$', source, flags=re.MULTILINE)
    if len(found) != 1:
        raise SystemExit(f"expected one __version__ line in the version file, found {found}")
    return str(found[0])


def _check_metadata(raw: str, what: str, problems: list[str]) -> None:
    meta = email.parser.Parser().parsestr(raw)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    if meta["Name"] != project["name"] or meta["Version"] != _declared_version():
        problems.append(f"{what}: name/version {meta['Name']} {meta['Version']}")
    if meta["Requires-Python"] != project["requires-python"]:
        problems.append(f"{what}: Requires-Python {meta['Requires-Python']}")
    # Every runtime dependency with its floor, cap and marker, as pyproject.toml writes it.
    requires = [Requirement(r) for r in meta.get_all("Requires-Dist") or []]
    for dependency in project["dependencies"]:
        if Requirement(dependency) not in requires:
            problems.append(f"{what}: Requires-Dist lacks {dependency}")
    extras = set(meta.get_all("Provides-Extra") or [])
    if extras != set(project["optional-dependencies"]):
        problems.append(f"{what}: extras {sorted(extras)}")
    if meta["License-Expression"] != project["license"]:
        problems.append(f"{what}: License-Expression {meta['License-Expression']}")
    if "LICENSE" not in (meta.get_all("License-File") or []):
        problems.append(f"{what}: no License-File LICENSE")
    if meta["Description-Content-Type"] != "text/markdown" or "# emrpath" not in str(
        meta.get_payload()
    ):
        problems.append(f"{what}: the README is not the long description")


def check_wheel(wheel: Path, problems: list[str]) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        info = [n for n in names if n.endswith(".dist-info/METADATA")]
        if len(info) != 1:
            problems.append(f"wheel: {len(info)} METADATA files")
        else:
            _check_metadata(zf.read(info[0]).decode("utf-8"), "wheel", problems)
    package = {n for n in names if ".dist-info/" not in n}
    expected = _expected_modules()
    for missing in sorted(expected - package):
        problems.append(f"wheel: missing {missing}")
    for extra in sorted(package - expected):
        problems.append(f"wheel: unexpected {extra}")


def check_sdist(sdist: Path, problems: list[str]) -> None:
    with tarfile.open(sdist) as tf:
        names = {n.split("/", 1)[1] for n in tf.getnames() if "/" in n}
        prefix = tf.getnames()[0].split("/", 1)[0]
        pkg_info = tf.extractfile(f"{prefix}/PKG-INFO")
        if pkg_info is None:
            problems.append("sdist: no PKG-INFO")
        else:
            _check_metadata(pkg_info.read().decode("utf-8"), "sdist", problems)
    expected = {f"src/{m}" for m in _expected_modules()}
    expected |= _tracked("tests", "docs", "bench", "scripts")
    expected |= {"README.md", "CHANGELOG.md", "LICENSE", "pyproject.toml"}
    for missing in sorted(expected - names):
        problems.append(f"sdist: missing {missing}")
    for cached in sorted(n for n in names if "__pycache__" in n or n.endswith(".pyc")):
        problems.append(f"sdist: unexpected {cached}")


def check_wheel_imports(wheel: Path, problems: list[str]) -> None:
    """The wheel alone (dependencies from this environment) imports and answers.

    The scope question reads the scope table's CSV files from the unpacked wheel.
    """
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(wheel) as zf:
            zf.extractall(tmp)
        code = (
            "import datetime as dt, emrpath as ep, emrpath.scope as scope, pathlib, sys; "
            "assert pathlib.Path(ep.__file__).is_relative_to(sys.argv[1]), ep.__file__; "
            "print(ep.BusinessCalendar.us_federal().add_business_days(dt.date(2026, 7, 2), 2), "
            "scope.is_within_scope('cpap', 'emr').outcome.value, len(ep.__all__), "
            "ep.__version__)"
        )
        run = subprocess.run(
            [sys.executable, "-c", code, tmp],
            cwd=tmp,
            env={"PYTHONPATH": tmp, "PATH": ""},
            capture_output=True,
            text=True,
        )
        if run.returncode != 0 or not run.stdout.startswith("2026-07-07 above_scope "):
            problems.append(f"wheel: does not import alone: {run.stdout}{run.stderr}")
        elif (found := run.stdout.split()[-1]) != _declared_version():
            problems.append(f"wheel: emrpath.__version__ is {found}, not {_declared_version()}")


def main(dist: str) -> int:
    wheels = sorted(Path(dist).glob("*.whl"))
    sdists = sorted(Path(dist).glob("*.tar.gz"))
    problems: list[str] = []
    if len(wheels) != 1 or len(sdists) != 1:
        problems.append(f"expected one wheel and one sdist in {dist}: {wheels + sdists}")
    else:
        check_wheel(wheels[0], problems)
        check_sdist(sdists[0], problems)
        check_wheel_imports(wheels[0], problems)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{wheels[0].name} and {sdists[0].name}: contents and metadata OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
