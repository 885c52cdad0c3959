"""Canonical sources: every citation points to the certifying body's live site where the
research notes record the quoted sentence there, and quotes what the notes record that page
saying.

nremt-levels-facts.md, Hosts: "`www.nremt.org` and `nremt.org` are the live site.
`dev.nremt.org` and `qa-nremt.org` are NREMT staging copies and are often **older** than the
live site"; policy-facts.md: "Citation hosts | prefer www.nremt.org / nremt.org pages".

A staging URL stays only where the notes record its sentence on no live page. Each one left
is named in :data:`STAGING_KEPT` with the reason from the notes; any other staging URL in a
program, in a module-level citation (the scope sources, the practice-authority sources) or
anywhere in ``src/emrpath`` fails, and so does an entry whose citation has moved or whose
sentence the notes now record on the live page. Programs are found through the registry, so
a program module added later is checked without a change here.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType, ModuleType
from urllib.parse import urlsplit

import attrs
import pytest

import emrpath
import emrpath.programs
from emrpath.params import Citation
from emrpath.scope import SCOPE_SOURCES
from tests.research_notes import quote_fragments, recorded_sources

SRC = Path(emrpath.__file__).resolve().parent

NOTES = ("sources/nremt-emr-facts.md", "sources/nremt-levels-facts.md")
"""The notes that record NREMT's pages, the ones a citation of NREMT's site is checked against."""

STAGING_HOSTS = frozenset({"dev.nremt.org", "qa-nremt.org"})
"""The staging hosts the notes name (nremt-levels-facts.md, Hosts)."""

NREMT_LIVE_HOSTS = frozenset({"www.nremt.org", "nremt.org", "nremt.org."})
"""NREMT's live site; ``nremt.org.`` (trailing dot) is "the same site" (the Hosts note)."""

_STAGING_LABEL = re.compile(r"(?:dev|qa|staging|stage|uat|preprod)[.-]")

STAGING_KEPT: Mapping[str, str] = MappingProxyType(
    {
        "https://dev.nremt.org/EMT/Certification": (
            "nremt-levels-facts B2 records the EMT certification page (course window, Program "
            "Director verification, CPR) only on dev.nremt.org; the current EMT State-Licensed "
            "Pathway page was not found (B2)."
        ),
        "https://dev.nremt.org/AEMT/Certification": (
            "nremt-levels-facts C records the AEMT certification page (passed portions 24/12 "
            "months, prerequisites, course window) only on dev.nremt.org; the live AEMT page "
            "recorded is the re-entry pathway, another page."
        ),
        "https://dev.nremt.org/paramedic/certification": (
            "nremt-levels-facts D records the Paramedic certification page (accreditation from "
            "2013-01-01, prerequisites, passed portions) only on dev.nremt.org."
        ),
        "https://dev.nremt.org/News/New-ALS-Certification-Examination-Launches-July-1": (
            "nremt-levels-facts C records the 2023-10-06 notice of the 2024-07-01 AEMT and "
            "Paramedic examinations only on dev.nremt.org."
        ),
        "https://dev.nremt.org/Policies/Examination-Policies/Cognitive-Exam-Policies": (
            "nremt-emr-facts 4 and nremt-levels-facts A1 record 'candidates are initially "
            "given three attempts to pass the cognitive examination' only on this staging "
            "copy; the live page's entry (nremt-emr-facts 6, nremt-levels-facts A3) quotes "
            "only the ATT sentences."
        ),
        "https://dev.nremt.org/News/continuing-education-policy-change": (
            "nremt-emr-facts 8 (NCCP hours) and nremt-levels-facts A7 record the 2016-09-01 "
            "rolling-recertification notice only on dev.nremt.org."
        ),
        "https://qa-nremt.org/Handbooks/EMR/Certification-Process": (
            "nremt-emr-facts 5 and 7 record the EMR handbook (course validity; 12 months for "
            "courses completed before 2018-11-01) only on qa-nremt.org; the live handbooks "
            "recorded are the EMT and Paramedic ones, other pages."
        ),
        "https://dev.nremt.org/EMR/Certification": (
            "nremt-emr-facts 5 records the EMR certification requirements (CPR-BLS credential; "
            "Program Director verification) only on dev.nremt.org; the live EMR page recorded, "
            "the State Licensed Pathway, is quoted with neither sentence."
        ),
        "https://dev.nremt.org/EMR/Recertification": (
            "nremt-emr-facts 8 records 'required to renew their certification every two "
            "years' only on dev.nremt.org."
        ),
        "https://dev.nremt.org/Document/certification_licensure": (
            "nremt-emr-facts 9 records the licensure sentence only on dev.nremt.org (the live "
            "page beside it, Clarifying Roles in EMS Oversight, is cited for its own sentence)."
        ),
        "https://dev.nremt.org/Policies/Certification-Policies/Mark-King-Initiative": (
            "nremt-emr-facts 8 (lapsed certification) records the Mark King Initiative only "
            "on dev.nremt.org."
        ),
    }
)
"""Every staging URL still cited, with why: the notes record its sentence on no live page."""

_URL = re.compile(r"https?://[^\s\"'<>\\`]+")
_BARE_STAGING_HOST = re.compile(
    r"(?<![\w.-])(?:" + "|".join(re.escape(h) for h in sorted(STAGING_HOSTS)) + r")(?![\w-])",
    re.IGNORECASE,
)


def host(url: str) -> str:
    """The lower-cased host of ``url`` ("" when it has none)."""
    return (urlsplit(url).hostname or "").lower()


def is_staging(url: str) -> bool:
    """Whether ``url`` is on a staging host: one the notes name, or a ``dev.``-style one."""
    name = host(url).removeprefix("www.")
    return name in STAGING_HOSTS or bool(_STAGING_LABEL.match(name))


def is_nremt(url: str) -> bool:
    """Whether ``url`` is on one of NREMT's own sites (live, staging or the help desk)."""
    name = host(url).rstrip(".")
    return name == "nremt.org" or name.endswith(".nremt.org") or name in STAGING_HOSTS


def page_key(url: str) -> str:
    """The page ``url`` names on NREMT's site, whichever copy: its path, lower-cased."""
    return urlsplit(url).path.lower().rstrip("/")


# -- what is cited ------------------------------------------------------------------------


def program_citations() -> dict[str, Citation]:
    """Every provision's citation of every shipped program, by where it is."""
    found = {}
    for program in emrpath.programs.available():
        for param in program.parameters():
            for provision in param.provisions:
                where = f"{program.key}.{param.name} from {provision.effective_from}"
                found[where] = provision.citation
    return found


def program_notes() -> dict[str, str]:
    """Every provision's note of every shipped program, by where it is."""
    return {
        f"{program.key}.{param.name} from {provision.effective_from}": provision.note
        for program in emrpath.programs.available()
        for param in program.parameters()
        for provision in param.provisions
    }


def modules() -> Iterator[ModuleType]:
    """Every module of the emrpath package (``__main__`` would run the command line)."""
    yield emrpath
    for info in pkgutil.walk_packages(emrpath.__path__, "emrpath."):
        if not info.name.endswith("__main__"):
            yield importlib.import_module(info.name)


def citations_in(value: object, seen: set[int]) -> Iterator[Citation]:
    """The citations inside ``value``: itself, its attrs fields, items and mapping values."""
    if id(value) in seen or isinstance(value, (str, bytes, int, float, type, ModuleType)):
        return
    seen.add(id(value))
    if isinstance(value, Citation):
        yield value
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from citations_in(getattr(value, field.name), seen)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from citations_in(item, seen)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from citations_in(item, seen)


def module_citations() -> dict[str, Citation]:
    """Every citation held at module level in emrpath, by the first name it was found under.

    Module-level values are walked through (programs, scope profiles and sources, the
    practice-authority sources, calendars), private names included.
    """
    found: dict[str, Citation] = {}
    seen: set[int] = set()
    for module in modules():
        for name, value in sorted(vars(module).items()):
            for index, citation in enumerate(citations_in(value, seen)):
                found[f"{module.__name__}.{name}[{index}]"] = citation
    return found


def all_citations() -> dict[str, Citation]:
    return {**program_citations(), **module_citations()}


def source_lines() -> Iterator[tuple[str, int, str]]:
    """Every line of every text file under src/emrpath, as (path, line number, text)."""
    for path in sorted(SRC.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        where = str(path.relative_to(SRC.parent))
        for number, line in enumerate(text.splitlines(), start=1):
            yield where, number, line


def _trimmed(url: str) -> str:
    while url and (url[-1] in ".,;:" or (url[-1] == ")" and url.count(")") > url.count("("))):
        url = url[:-1]
    return url


def refused(url: str) -> bool:
    """A staging URL not in :data:`STAGING_KEPT`."""
    return is_staging(url) and url not in STAGING_KEPT


# -- the rule itself ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "staging"),
    [
        ("https://dev.nremt.org/EMR/Recertification", True),
        ("https://qa-nremt.org/Handbooks/EMR/Certification-Process", True),
        ("http://DEV.nremt.org/x", True),
        ("https://staging.ascp.org/boc", True),
        ("https://www.qa.example.org/x", True),
        ("https://www.nremt.org/EMR/EMR-State-Licensed-Pathway", False),
        ("https://nremt.org/Document/Clarifying-Roles-in-EMS-Oversight", False),
        ("https://support.nremt.org/portal/en/kb/articles/unsucce", False),
        ("https://testprepnation.com/blog/nremt", False),
        ("https://devnremt.org/x", False),
        ("https://www.ascp.org/boc/about/appeals-process", False),
    ],
)
def test_a_staging_host_is_told_from_a_live_one(url: str, staging: bool) -> None:
    """nremt-levels-facts.md: "`dev.nremt.org` and `qa-nremt.org` are NREMT staging copies"."""
    assert is_staging(url) is staging


def test_the_walks_see_every_kind_of_citation() -> None:
    """The checks below walk the registry and the modules: they would pass vacuously if the
    walks found nothing, so they must find a program's, a scope source's and a
    practice-authority source's citation."""
    programs = program_citations()
    assert {key.split(".")[0] for key in programs} == set(emrpath.programs.REGISTRY)
    cited = set(module_citations().values())
    assert set(programs.values()) <= cited
    assert set(SCOPE_SOURCES.values()) <= cited
    assert any(c.url.endswith("Clarifying-Roles-in-EMS-Oversight") for c in cited)


def test_no_program_cites_a_staging_host_beyond_the_kept_list() -> None:
    """policy-facts.md: "Citation hosts | prefer www.nremt.org / nremt.org pages"; every
    provision of every shipped program, and every URL in a provision's note."""
    bad = [f"{where}: {c.url}" for where, c in program_citations().items() if refused(c.url)]
    for where, note in program_notes().items():
        bad += [
            f"{where} (note): {url}" for url in map(_trimmed, _URL.findall(note)) if refused(url)
        ]
    assert not bad, (
        "cite the live page (or add the URL to STAGING_KEPT with the notes' reason):\n"
        + "\n".join(bad)
    )


def test_no_module_level_citation_cites_a_staging_host_beyond_the_kept_list() -> None:
    """The scope sources, the practice-authority sources and every other citation held at
    module level in emrpath, private ones included."""
    bad = [f"{where}: {c.url}" for where, c in module_citations().items() if refused(c.url)]
    assert not bad, "\n".join(bad)


def test_no_source_file_names_a_staging_host_beyond_the_kept_list() -> None:
    """Every file under src/emrpath, as text: a staging URL anywhere (a docstring, a note, a
    data file, a URL split over two string literals) must be a kept one, written whole on
    one line, and a staging host is never named without its URL."""
    bad = []
    for where, number, line in source_lines():
        urls = [_trimmed(url) for url in _URL.findall(line)]
        bad += [f"{where}:{number}: {url}" for url in urls if refused(url)]
        bare = _URL.sub(" ", line)
        bad += [f"{where}:{number}: {m.group()}" for m in _BARE_STAGING_HOST.finditer(bare)]
    assert not bad, "\n".join(bad)


def test_every_kept_staging_url_is_still_cited_and_says_why() -> None:
    """No stale exception: an entry leaves STAGING_KEPT with the last citation of its URL,
    and each names the notes that give its reason."""
    cited = {citation.url for citation in all_citations().values()}
    assert set(STAGING_KEPT) <= cited, sorted(set(STAGING_KEPT) - cited)
    for url, reason in STAGING_KEPT.items():
        assert is_staging(url), url
        assert "-facts" in reason, url
        assert "only" in reason, url


def test_no_kept_staging_citation_has_its_sentence_recorded_on_the_live_page() -> None:
    """Where the notes record a staging citation's quote on the same page of the live site,
    the citation must move there: a kept URL is kept only while the notes have no live copy
    of its sentence."""
    recorded = recorded_sources(*NOTES)
    live: dict[str, list[str]] = {}
    for url, entries in recorded.items():
        if host(url) in NREMT_LIVE_HOSTS:
            live.setdefault(page_key(url), []).extend(entries)
    movable = []
    for where, citation in all_citations().items():
        if not is_staging(citation.url):
            continue
        fragments = quote_fragments(citation.quote)
        entries = live.get(page_key(citation.url), [])
        if any(all(fragment in entry for fragment in fragments) for entry in entries):
            movable.append(f"{where}: {citation.url}")
    assert not movable, "the notes record these sentences on the live page:\n" + "\n".join(movable)


def test_every_nremt_citation_quotes_what_the_notes_record_for_its_url() -> None:
    """Never an invented quote, nor a quote moved to a page that does not carry it: a
    citation of NREMT's own site (live, staging or help desk) quotes text that the notes
    record under that same URL; each part between ``[...]`` elisions is verbatim."""
    recorded = recorded_sources(*NOTES)
    bad = []
    for where, citation in all_citations().items():
        if not is_nremt(citation.url):
            continue
        fragments = quote_fragments(citation.quote)
        entries = recorded.get(citation.url, ())
        if not any(all(fragment in entry for fragment in fragments) for entry in entries):
            bad.append(f"{where}: {citation.url} | {citation.quote}")
    assert not bad, "\n".join(bad)
