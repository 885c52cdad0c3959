"""pytest runs the ``>>>`` examples of every page here; these files are not pages."""

collect_ignore = ["conf.py", "_build", "reference/rules.md", "reference/api"]
