"""Sphinx configuration: MyST Markdown pages, API reference from docstrings.

Two kinds of page are generated here at every build, so they can never go stale:
``reference/rules.md`` from the programs' cited parameter tables
(``emrpath.report.parameter_markdown``), and ``reference/api/emrpath*.md``, one automodule page
per public module found in the package.
Both are git-ignored.
"""

from __future__ import annotations

import pkgutil
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

import emrpath  # noqa: E402
from emrpath import programs  # noqa: E402
from emrpath.programs.nremt import OPEN_QUESTIONS  # noqa: E402
from emrpath.report import parameter_markdown  # noqa: E402

project = "emrpath"
author = "emrpath developers"
copyright = "emrpath developers"
release = emrpath.__version__
version = release

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "README.md"]
myst_heading_anchors = 3
napoleon_google_docstring = True
napoleon_numpy_docstring = False
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
# A default shows as written in the source (``profile=NATIONAL_2019``), not as its repr.
autodoc_preserve_defaults = True
autodoc_default_options = {"members": True, "show-inheritance": True}
suppress_warnings = ["myst.header"]
# Every cross-reference to emrpath must land (a broken one is a warning, an error under
# -W). Names outside emrpath have no inventory here: the build reads no network, so no
# intersphinx; they show as code, unlinked. Type variables have no page of their own.
nitpicky = True
nitpick_ignore_regex = [
    (
        r"py:.*",
        r"(datetime|dt|collections\.abc|enum|decimal|typing|attrs|matplotlib|numpy|pandas"
        r"|pyarrow|zoneinfo|holidays)\..*",
    ),
    (r"py:class", r"Axes"),
    (r"py:(class|obj)", r"emrpath\.params\.T|emrpath\.jsonio\._T"),
]
smartquotes = False  # citation quotes are verbatim: never curl their quote marks

try:
    import furo  # noqa: F401

    html_theme = "furo"
except ImportError:  # the docs extra pins furo; alabaster ships with Sphinx
    html_theme = "alabaster"
html_title = f"emrpath {release}"
html_static_path = ["_static"]
# Long code and output lines wrap in the content column (docs/_static/emrpath.css).
html_css_files = ["emrpath.css"]

RULES_HEADER = """\
# Rules: every parameter, with its source

This page is generated at build time from `Program.parameters()` of every program in the
registry (`emrpath.programs.REGISTRY`) by {py:func}`emrpath.report.parameter_markdown`, so it
always shows the data the rules read and every program emrpath ships. Each provision
gives its effective dates, its value in words, its confidence (*primary*: the certifying
body's own text; *secondary*: third-party sources only), the citation with a verbatim
quote, and a note where the source left a choice.
The same rows are available as data from {py:func}`emrpath.report.parameter_rows`.
"""


def open_questions_markdown() -> str:
    """The open questions of the NREMT levels' research, with the parameters resting on them.

    A parameter rests on a question when one of its provisions' notes carries the
    question's text; those provisions are ``SECONDARY`` (tests/test_nremt_levels.py).
    """
    lines = [
        "## Open questions (NREMT EMT, AEMT, Paramedic)",
        "",
        "What no source settles is encoded as the best-supported reading, marked *secondary*,",
        "with a note naming the question. The questions, and the parameters that rest on them:",
        "",
    ]
    for name, text in OPEN_QUESTIONS:
        using = sorted(
            {
                f"`{program.key}`.`{param.name}`"
                for program in programs.available()
                for param in program.parameters()
                if any(text in provision.note for provision in param.provisions)
            }
        )
        where = ", ".join(using) if using else "no parameter (listed for completeness)"
        lines.append(f"- **{name}.** {text} Parameters: {where}.")
    return "\n".join(lines) + "\n"


def public_modules() -> list[str]:
    """Every public module of the package: no part of its dotted name starts with ``_``."""
    names = ["emrpath"]
    for info in pkgutil.walk_packages(emrpath.__path__, prefix="emrpath."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    return sorted(names)


def face_markdown() -> str:
    """The top-level face and the moved names, by home module, from the one export list."""
    import importlib
    import inspect
    import re

    from emrpath._exports import EXPORTS, FACE, MOVED

    # Each name links to the page that documents it: a class or function is documented in
    # the module that defines it (``elsewhere`` leaves it out of the pages that re-export
    # it), a value in the module that assigns it, where its docstring is (NREMT_EMR in
    # emrpath.programs.nremt_emr).
    modules = set(public_modules())
    documented: dict[int, str] = {}
    for module_name in sorted(modules, key=lambda m: (m.count("."), m)):
        module = importlib.import_module(module_name)
        source = inspect.getsource(module)
        for name in module.__all__:
            value = getattr(module, name)
            home = getattr(value, "__module__", None)
            if inspect.isclass(value) or inspect.isroutine(value):
                if home in modules:
                    documented[id(value)] = f"{home}.{name}"
            elif re.search(rf"^{name}\b[^\n]*=", source, re.M):
                documented[id(value)] = f"{module_name}.{name}"

    def table(top: str) -> list[str]:
        homes: dict[str, list[str]] = {}
        for row in EXPORTS:
            if row.top == top:
                value = getattr(importlib.import_module(row.home), row.name)
                link = f"{{py:obj}}`{row.name} <{documented[id(value)]}>`"
                homes.setdefault(row.home, []).append(link)
        lines = ["| import from | names |", "|---|---|"]
        lines += [f"| {{py:mod}}`{home}` | {', '.join(links)} |" for home, links in homes.items()]
        return lines

    face = [
        "",
        f"## The face: `emrpath.__all__` ({len(emrpath.__all__)} names)",
        "",
        "`import emrpath as ep` gives these names, each loaded from its module on first",
        "use, and `ep.programs`, the registry of the shipped programs",
        "({py:mod}`emrpath.programs`), and `ep.__version__`. Every other public name is",
        "documented in, and imported from, the module that owns it.",
        "",
        *table(FACE),
        "",
        "## Moved off the top level in 0.2",
        "",
        "These still answer at the top level for one release, with a `DeprecationWarning`",
        "naming their home; import them from it.",
        "",
        *table(MOVED),
        "",
    ]
    return "\n".join(face)


def elsewhere(name: str, modules: list[str]) -> str:
    """An ``:exclude-members:`` option for the classes and functions module ``name``
    re-exports from another public module that documents them (each object is described
    once, on its home page).

    Only a class or a function names its home in ``__module__``; a value (``NREMT_EMR``, a
    ``Param``) answers with its type's module, so a value is never excluded here: it is
    documented where its docstring is, next to its assignment.
    """
    import importlib
    import inspect

    module = importlib.import_module(name)
    homes = set(modules)

    def home(member: str) -> str | None:
        value = getattr(module, member)
        if not (inspect.isclass(value) or inspect.isroutine(value)):
            return None
        return getattr(value, "__module__", None)

    others = sorted(
        member
        for member in getattr(module, "__all__", ())
        if home(member) not in (name, None)
        and home(member) in homes
        and not str(home(member)).startswith(name + ".")
    )
    return f"   :exclude-members: {', '.join(others)}\n" if others else ""


def write_if_changed(path: Path, text: str) -> None:
    """Write ``text`` unless ``path`` holds it already (keeps incremental builds quiet)."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def generate(_app: object = None, root: Path = HERE) -> None:
    """Write ``reference/rules.md`` and the API pages under ``root``."""
    reference = root / "reference"
    reference.mkdir(exist_ok=True)
    rules = [RULES_HEADER]
    rules += [parameter_markdown(p) for p in programs.available()]
    rules.append(open_questions_markdown())
    write_if_changed(reference / "rules.md", "\n".join(rules))
    api = reference / "api"
    api.mkdir(exist_ok=True)
    wanted = set()
    for name in public_modules():
        page = api / f"{name}.md"
        wanted.add(page)
        # Each module page documents that module's face (its __all__). The package page
        # documents no members itself: it lists the top-level face and the names that left
        # it, each linked to the module that documents it. Docstrings are
        # reStructuredText, so autodoc runs inside eval-rst (under MyST its output would
        # be read as Markdown).
        options = "   :no-members:\n" if name == "emrpath" else elsewhere(name, public_modules())
        text = f"# `{name}`\n\n```{{eval-rst}}\n.. automodule:: {name}\n{options}```\n"
        if name == "emrpath":
            text += face_markdown()
        write_if_changed(page, text)
    for stale in api.glob("emrpath*.md"):
        if stale not in wanted:
            stale.unlink()


def first_line_is_prose(
    _app: object, what: str, _name: str, _obj: object, _options: object, lines: list[str]
) -> None:
    """Put back the first line of a value's, an attribute's or a property's docstring.

    Napoleon reads ``"The default scope profile: the national model"`` at the top of such
    a docstring as ``type: description``, and shows "The default scope profile" as the
    type (a ``:type:`` line at the end). emrpath's types are annotations, never written in
    docstrings, so after napoleon the ``:type:`` line goes back to the head of the first
    line, as it was written.
    """
    if what not in {"data", "attribute", "property"}:
        return
    for index, line in enumerate(lines):
        if line.startswith(":type: "):
            del lines[index]
            if index > 0 and not lines[index - 1].strip():
                del lines[index - 1]
            first = next((i for i, text in enumerate(lines) if text.strip()), None)
            if first is None:
                lines.append(line[len(":type: ") :])
            else:
                lines[first] = f"{line[len(':type: ') :]}: {lines[first]}"
            return


def home_target(target: str) -> str | None:
    """``emrpath.evaluate`` -> ``emrpath.pathway.evaluate``: a reference through the top
    level (``:func:`emrpath.evaluate```, as users write it) to the page that documents it,
    from the one export list; ``None`` for any other target."""
    from emrpath._exports import EXPORTS

    package, _, rest = target.partition(".")
    name, dot, attribute = rest.partition(".")
    if package != "emrpath":
        return None
    for row in EXPORTS:
        if row.name == name and row.top is not None:
            return f"{row.home}.{name}{dot}{attribute}"
    return None


def resolve_through_the_top_level(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve a ``py`` reference through the top level (see :func:`home_target`)."""
    if node.get("refdomain") != "py":
        return None
    target = home_target(node.get("reftarget", ""))
    if target is None:
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], target, node, contnode
    )


def attrs_defaults_as_values(_app: object, obj: Any, _bound_method: bool) -> None:
    """Show an attrs class's defaults as values, not as the source of its ``__init__``.

    ``autodoc_preserve_defaults`` shows a default as written in the source; the source of
    an ``__init__`` that attrs generates writes ``attr_dict['expires_on'].default``. After
    it has run (priority 500), the signature it set on such an ``__init__`` is dropped, so
    the default's repr shows (``None``, ``()``, ``frozenset({5, 6})``).
    """
    function = getattr(obj, "__func__", obj)
    if is_attrs_generated(function):
        vars(function).pop("__signature__", None)


def is_attrs_generated(function: object) -> bool:
    """Whether ``function`` is a method attrs generated (its code has no file)."""
    code = getattr(function, "__code__", None)
    return code is not None and code.co_filename.startswith("<attrs generated")


def setup(app: Any) -> None:
    """Generate the pages before Sphinx reads the sources; read docstrings as written."""
    app.connect("builder-inited", generate)
    # After napoleon (priority 500), which wrote the ``:type:`` line.
    app.connect("autodoc-process-docstring", first_line_is_prose, priority=600)
    app.connect("missing-reference", resolve_through_the_top_level)
    app.connect("autodoc-before-process-signature", attrs_defaults_as_values, priority=600)
