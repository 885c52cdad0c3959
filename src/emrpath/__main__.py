"""``python -m emrpath``: the same as the ``emrpath`` command."""

from __future__ import annotations

import sys

from emrpath.cli import main

if __name__ == "__main__":
    sys.exit(main())
