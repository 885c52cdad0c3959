"""The research notes the quote tests read: where they are, and what each source says.

The notes (``policy-facts.md`` and ``sources/*.md`` in the project's ``shared/`` folder) are
not part of the repository. Development worktrees and CI keep a copy of ``shared/`` beside
the clone, ``<clone>/../shared``; :func:`shared_dir` looks there, and in the folders above,
so a copy of the tests one level deeper (mutmut's ``mutants/``) finds the same notes.

The tests that compare quotes with the notes are the only check that no quote was invented
and that a URL carries the sentence it is cited for, so missing notes fail them: a CI run
without ``shared/`` fails loudly instead of skipping. Someone who runs the suite without the
notes sets ``EMRPATH_WITHOUT_RESEARCH_NOTES=1`` to skip those tests knowingly (the skip
reason names the variable); under CI (``CI`` set to ``1``/``true``/``yes``) that variable is
ignored and missing notes still fail.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

import pytest

OPT_OUT = "EMRPATH_WITHOUT_RESEARCH_NOTES"
"""Set to ``1`` to skip, not fail, the tests that need the notes (never honoured under CI)."""

_URL = re.compile(r"https?://[^\s<>\"'`]+")


def shared_dir(start: Path | None = None) -> Path | None:
    """The nearest ``shared/`` holding ``sources/``, beside ``start``'s folders or above.

    ``start`` defaults to this file; for a clone at ``<clone>`` the first folder tried is
    ``<clone>/tests/shared``, the one found in the CI layout is ``<clone>/../shared``.
    """
    here = (start or Path(__file__)).resolve()
    for folder in here.parents:
        candidate = folder / "shared"
        if (candidate / "sources").is_dir():
            return candidate
    return None


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def note_paths(*names: str) -> list[Path]:
    """The notes ``names`` (paths inside ``shared/``, e.g. ``"sources/ascp-mls-facts.md"``).

    Fails the calling test when ``shared/`` or one of the files is missing, or skips it when
    :data:`OPT_OUT` is ``1`` outside CI.
    """
    shared = shared_dir()
    missing = (
        [f"shared/{name}" for name in names]
        if shared is None
        else [str(shared / name) for name in names if not (shared / name).is_file()]
    )
    if not missing:
        assert shared is not None
        return [shared / name for name in names]
    where = Path(__file__).resolve().parents[1].parent / "shared"
    message = (
        f"research notes not found: {', '.join(missing)} (looked for shared/sources/ beside "
        f"the clone, {where}, and in the folders above)"
    )
    if os.environ.get(OPT_OUT) == "1" and not _in_ci():
        pytest.skip(f"{message}; skipped because {OPT_OUT}=1")
    pytest.fail(
        f"{message}. CI puts a copy of shared/ beside the clone; without the notes, set "
        f"{OPT_OUT}=1 to skip the tests that need them.",
        pytrace=False,
    )


def squeezed(text: str) -> str:
    """``text`` with every run of whitespace made one space, for line-wrap-blind matching."""
    return " ".join(text.split())


def notes_text(*names: str) -> str:
    """The notes ``names``, read and joined, whitespace squeezed (see :func:`note_paths`)."""
    return " ".join(squeezed(path.read_text(encoding="utf-8")) for path in note_paths(*names))


def _trimmed(url: str) -> str:
    """A URL found in prose without the punctuation that follows it in the sentence."""
    while url and (url[-1] in ".,;:" or (url[-1] == ")" and url.count(")") > url.count("("))):
        url = url[:-1]
    return url


def recorded_sources(*names: str) -> Mapping[str, tuple[str, ...]]:
    """What the notes record each URL saying: URL -> the texts of its entries.

    An entry is the line that names the URL (which may quote it inline) and the ``>`` quote
    lines right after it, whitespace squeezed. A URL named in several places has several
    entries.
    """
    found: dict[str, list[str]] = {}
    for path in note_paths(*names):
        lines = path.read_text(encoding="utf-8").splitlines()
        for index, line in enumerate(lines):
            urls = [_trimmed(match) for match in _URL.findall(line)]
            if not urls:
                continue
            entry = [line]
            for following in lines[index + 1 :]:
                if not following.lstrip().startswith(">"):
                    break
                entry.append(following.lstrip()[1:])
            text = squeezed(" ".join(entry))
            for url in urls:
                found.setdefault(url, []).append(text)
    return {url: tuple(texts) for url, texts in found.items()}


def quote_fragments(quote: str) -> list[str]:
    """The verbatim parts of a cited quote: the text between its ``[...]`` elisions."""
    return [squeezed(part) for part in quote.split("[...]") if part.strip()]
