"""The shell sessions in the docs, run as they are written.

Issue 15: "CLI how-to as shell sessions whose output is checked by a test that runs the
commands". Every ```console block of a hand-written page (docs/**/*.md, README.md) is a
shell session: a line starting with ``$ `` is a command (with its here-document, when it
has one, up to the delimiter line); the lines up to the next command are what it prints.
Each block runs in one bash process, from the root of the checkout, its commands in order,
and each command's output must equal the lines the page shows.

What is normalised, and why:

- ``emrpath`` is ``python -m emrpath`` and ``python`` is the interpreter running the
  tests, with ``src`` first on ``PYTHONPATH``: the session runs the code under test, not
  whatever ``emrpath`` is first on ``PATH`` (the how-to says the two commands are the
  same).
- Standard error is merged into standard output (``exec 2>&1``), as a terminal shows them.
- ``COLUMNS=80``: argparse wraps its usage line to the terminal's width.
- ``PYTHONIOENCODING=utf-8``: the page shows the characters, not their ASCII fallbacks.
- Trailing spaces at the end of a line are ignored: a table pads its last column, and
  Markdown editors strip trailing spaces.

Nothing else: no ellipsis, no pattern. A session that must show less than a whole output
cuts it with ``head`` or ``grep``, which the test runs too. ``PYTHONWARNINGS=error``, as
in CI's main job, so a warning would show in the output and fail the comparison.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from tests.test_docs import PAGES, ROOT

CONSOLE = re.compile(r"^```console[^\n]*\n(.*?)^```", re.M | re.S)
HEREDOC = re.compile(r"<<-?'?(\w+)'?")
SEPARATOR = "@@ emrpath session step @@"
BASH = shutil.which("bash")


@attrs.frozen
class Step:
    """One ``$`` command of a session and the lines the page shows it printing."""

    command: str
    shown: tuple[str, ...]


def sessions(text: str) -> list[list[Step]]:
    """The sessions (```console blocks) of a page, each a list of steps."""
    found = []
    for block in CONSOLE.finditer(text):
        lines = block.group(1).splitlines()
        steps: list[Step] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            assert line.startswith("$ "), f"a session line before any command: {line!r}"
            command = [line[2:]]
            i += 1
            heredoc = HEREDOC.search(line)
            if heredoc:
                while i < len(lines) and lines[i] != heredoc.group(1):
                    command.append(lines[i])
                    i += 1
                assert i < len(lines), f"here-document not closed: {line!r}"
                command.append(lines[i])
                i += 1
            shown = []
            while i < len(lines) and not lines[i].startswith("$ "):
                shown.append(lines[i])
                i += 1
            steps.append(Step("\n".join(command), tuple(shown)))
        found.append(steps)
    return found


def run_session(steps: list[Step]) -> list[tuple[int, tuple[str, ...]]]:
    """(exit status, output lines) of each step, run in order in one bash process."""
    assert BASH is not None
    script = [
        'emrpath() { "$EMRPATH_PYTHON" -m emrpath "$@"; }',
        'python() { "$EMRPATH_PYTHON" "$@"; }',
        "exec 2>&1",
    ]
    for step in steps:
        script.append(step.command)
        # The separator carries the step's exit status, which is then restored so that
        # the next step's ``echo $?`` shows it.
        script.append(f'__status=$?; printf "%s %s\\n" "{SEPARATOR}" "$__status"')
        script.append("(exit $__status)")
    env = {
        **os.environ,
        "EMRPATH_PYTHON": sys.executable,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
        "COLUMNS": "80",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONWARNINGS": "error",
    }
    done = subprocess.run(
        [BASH, "--noprofile", "--norc", "-c", "\n".join(script)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    results = []
    output: list[str] = []
    for line in done.stdout.splitlines():
        if line.startswith(SEPARATOR + " "):
            results.append((int(line.rsplit(" ", 1)[1]), tuple(output)))
            output = []
        else:
            output.append(line.rstrip())
    assert len(results) == len(steps), f"the session stopped early:\n{done.stdout}"
    return results


SESSIONS = [
    pytest.param(page, number, steps, id=f"{page.relative_to(ROOT)}:{number}")
    for page in PAGES
    for number, steps in enumerate(sessions(page.read_text("utf-8")), start=1)
]


@pytest.mark.skipif(BASH is None, reason="the sessions are bash sessions")
@pytest.mark.parametrize(("page", "number", "steps"), SESSIONS)
def test_a_shell_session_prints_what_the_page_shows(page: Path, number: int, steps: list[Step]):
    """Issue 15: the CLI how-to's sessions, "whose output is checked by a test that runs
    the commands": each command's output, standard error included, is the page's. The
    how-to documents the exit codes, so a command that fails is followed by ``echo $?``,
    and one that succeeds is not."""
    results = run_session(steps)
    for index, (step, (status, output)) in enumerate(zip(steps, results, strict=True)):
        where = f"{page.name} session {number}: $ {step.command}"
        assert output == tuple(line.rstrip() for line in step.shown), where
        if step.command != "echo $?":
            following = steps[index + 1].command if index + 1 < len(steps) else None
            assert (following == "echo $?") == (status != 0), f"{where} exits {status}"


def test_the_cli_how_to_is_shell_sessions_of_emrpath():
    """Issue 15: the how-to was ``main([...])`` doctests ending in a bare ``0``; it is shell
    sessions now, each command an ``emrpath`` command (or ``echo $?`` after one)."""
    page = ROOT / "docs" / "how-to" / "cli.md"
    text = page.read_text("utf-8")
    found = sessions(text)
    assert len(found) >= 8
    assert "main([" not in text
    assert "```python" not in text
    for steps in found:
        for step in steps:
            assert step.command.startswith("emrpath ") or step.command == "echo $?", step
    commands = {step.command.split()[1] for steps in found for step in steps}
    assert {"dates", "status", "plan", "programs"} <= commands


def test_the_session_reader_splits_commands_here_documents_and_output():
    text = "```console\n$ emrpath status - <<'EOF'\n{\"a\": 1}\nEOF\nline one\n$ echo $?\n0\n```\n"
    assert sessions(text) == [
        [
            Step("emrpath status - <<'EOF'\n{\"a\": 1}\nEOF", ("line one",)),
            Step("echo $?", ("0",)),
        ]
    ]
