"""The mutants mutmut recorded killed without a failing test written down for them.

    python scripts/mutation_witnessed.py mutants/results.txt mutants/witnesses.log

``results.txt`` is ``mutmut results --all true`` (``scripts/mutation.sh`` writes it);
``witnesses.log`` is what ``scripts/mutation_witness.py`` wrote during the run. A mutant
killed by a timeout needs no witness (its tests never finished). Prints each killed
mutant without a witness and exits 1 when there is one: run it again by name, alone,
before counting it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def unwitnessed(results: str, witnesses: str) -> list[str]:
    """The mutants ``results`` lists as killed that ``witnesses`` names no failure for.

    Example:
        >>> unwitnessed("a.x__mutmut_1: killed\\na.x__mutmut_2: killed\\n"
        ...             "a.x__mutmut_3: timeout\\n", "== a.x__mutmut_1 | call t\\n")
        ['a.x__mutmut_2']
    """
    seen = set(re.findall(r"^== (\S+) \|", witnesses, re.MULTILINE))
    killed = re.findall(r"^\s*(\S+): killed$", results, re.MULTILINE)
    return [name for name in killed if name not in seen]


def main() -> int:
    results, witnesses = (Path(arg).read_text(encoding="utf-8") for arg in sys.argv[1:3])
    missing = unwitnessed(results, witnesses)
    for name in missing:
        print(f"killed, no failing test written down: {name}")
    print(f"{len(missing)} killed mutant(s) without a witness")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
