"""Pin every runtime dependency at its declared floor, as a pip constraints file.

Usage: ``python scripts/floor_constraints.py [PYPROJECT] > floors.txt``; then
``pip install -c floors.txt -e ".[test]"`` installs emrpath with each runtime dependency at
the lowest version pyproject.toml allows, and the test tools at their newest. ``.ci/run``
does this to test the floors (docs/dependencies.md).

Each runtime dependency (``[project].dependencies``) that applies on this platform becomes
``name==floor``, the floor being the version of its one ``>=``, ``~=`` or ``==``. One with
no such lower bound is refused: its lowest allowed version would be whatever was released
first, which nobody has tested. A dependency for another platform (``tzdata`` on Windows)
cannot be installed here: it is left out and named on stderr. Needs ``packaging``
(installed with pytest and with build).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]

_LOWER_BOUNDS = (">=", "~=", "==")


class NoFloorError(ValueError):
    """A runtime dependency without exactly one lower bound to pin."""


def floor(requirement: Requirement) -> str:
    """The version of the requirement's one lower bound (``>=``, ``~=`` or ``==``)."""
    bounds = [s.version for s in requirement.specifier if s.operator in _LOWER_BOUNDS]
    if len(bounds) != 1 or "*" in bounds[0]:
        raise NoFloorError(
            f"{requirement}: a runtime dependency needs exactly one lower bound "
            f"({', '.join(_LOWER_BOUNDS)} a version) so that CI can install it at its floor"
        )
    return bounds[0]


def constraints(dependencies: Iterable[str]) -> tuple[list[str], list[str]]:
    """``(pins, left_out)``: ``name==floor`` for each dependency that applies here, and
    the dependencies whose environment marker excludes this platform."""
    pins: list[str] = []
    left_out: list[str] = []
    for text in dependencies:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate():
            left_out.append(text)
        else:
            pins.append(f"{requirement.name}=={floor(requirement)}")
    return pins, left_out


def main(argv: list[str]) -> int:
    pyproject = Path(argv[1]) if len(argv) > 1 else ROOT / "pyproject.toml"
    dependencies = tomllib.loads(pyproject.read_text("utf-8"))["project"]["dependencies"]
    try:
        pins, left_out = constraints(dependencies)
    except NoFloorError as exc:
        print(f"floor_constraints: {exc}", file=sys.stderr)
        return 1
    for text in left_out:
        print(f"floor_constraints: not for this platform, left out: {text}", file=sys.stderr)
    print("\n".join(pins))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
