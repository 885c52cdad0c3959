"""The API reference shows readable signatures: no long repr as a default or as a value.

Issue 15: "API signatures show a whole `Program` repr as a default". Sphinx shows a
function's defaults as written in the source (``autodoc_preserve_defaults``), and a
module-level value's repr after its name unless its docstring says ``:meta hide-value:``.
These tests read the same sources autodoc reads, so they need no Sphinx build.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from emrpath.calendar import CalendarSpec
from tests.public_names import public_modules, public_objects
from tests.test_docs import load_conf

# The longest repr shown after a name in the reference: one short line of a signature.
LONGEST_SHOWN = 80


def public_values() -> Iterator[tuple[str, object, str | None]]:
    """(qualified name, value, attribute docstring) for every public module-level value
    assigned in its own module (not a class, function or module)."""
    for module_name in public_modules():
        module = importlib.import_module(module_name)
        source = inspect.getsource(module)
        body = ast.parse(source).body
        for index, node in enumerate(body):
            if isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            else:
                continue
            following = body[index + 1] if index + 1 < len(body) else None
            doc = None
            if (
                isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                doc = following.value.value
            for name in names:
                if name not in module.__all__:
                    continue
                value = getattr(module, name)
                if inspect.isclass(value) or inspect.isroutine(value):
                    continue
                if isinstance(value, types.ModuleType):
                    continue
                yield f"{module_name}.{name}", value, doc


VALUES = list(public_values())


def test_the_values_are_found():
    names = {name for name, _, _ in VALUES}
    assert "emrpath.programs.nremt_emr.NREMT_EMR" in names
    assert "emrpath.scope.NATIONAL_2019" in names
    assert "emrpath.policies.exam.RetestWait" in names


@pytest.mark.parametrize(("name", "value", "doc"), VALUES, ids=[v[0] for v in VALUES])
def test_a_public_value_is_documented_and_a_long_one_hides_its_repr(
    name: str, value: object, doc: str | None
):
    """A value with no docstring is left out of the reference (the programs were); one
    whose repr is longer than a line shows its name and type only."""
    assert doc, f"{name}: no docstring after the assignment, so no entry in the reference"
    if len(repr(value)) > LONGEST_SHOWN:
        assert ":meta hide-value:" in doc, f"{name}: a {len(repr(value))}-character repr"


def _defaults() -> Iterator[tuple[str, str, object]]:
    for qualified, obj in public_objects().items():
        callables = []
        if inspect.isclass(obj):
            callables.append((qualified, obj))
            callables += [
                (f"{qualified}.{n}", getattr(m, "__func__", m))
                for n, m in vars(obj).items()
                if not n.startswith("_") and inspect.isfunction(getattr(m, "__func__", m))
            ]
        elif inspect.isfunction(obj):
            callables.append((qualified, obj))
        for name, function in callables:
            try:
                signature = inspect.signature(function)
            except (TypeError, ValueError):
                continue
            for parameter in signature.parameters.values():
                if parameter.default is not inspect.Parameter.empty:
                    yield name, parameter.name, function


def test_a_default_is_shown_short():
    """``profile=NATIONAL_2019`` once showed the profile's whole repr (600 characters):
    defaults are shown as written in the source, except in the ``__init__`` attrs generates,
    whose source reads ``attr_dict['expires_on'].default``; there the repr is shown, so it
    must be short."""
    conf = load_conf()
    assert conf.autodoc_preserve_defaults is True
    long = []
    for name, parameter, function in _defaults():
        default = inspect.signature(function).parameters[parameter].default
        if conf.is_attrs_generated(getattr(function, "__init__", function)):
            shown = repr(default)
        else:
            try:
                inspect.getsource(function)
            except (OSError, TypeError):
                shown = repr(default)
            else:
                continue  # shown as written
        if len(shown) > LONGEST_SHOWN:
            long.append(f"{name}({parameter}={shown[:40]}...)")
    assert long == []


def test_an_attrs_init_shows_its_defaults_as_values():
    conf = load_conf()
    init = CalendarSpec.__init__
    assert conf.is_attrs_generated(init)
    assert not conf.is_attrs_generated(load_conf)
    init.__signature__ = "set by preserve_defaults"  # type: ignore[attr-defined]
    conf.attrs_defaults_as_values(None, init, False)
    assert "__signature__" not in vars(init)


def test_a_values_first_line_is_not_read_as_its_type():
    """Napoleon read "The default scope profile: the national model" as a type, "The
    default scope profile"; the docs read the first line of a value's, an attribute's or a
    property's docstring as prose."""
    conf = load_conf()
    # What napoleon makes of it: the head of the first line as a ``:type:`` line.
    lines = ["the national 2019 model.", "", ":type: The default scope profile"]
    conf.first_line_is_prose(None, "data", "x", None, None, lines)
    assert lines == ["The default scope profile: the national 2019 model."]
    function = ["Args: none", "", ":type: x"]
    conf.first_line_is_prose(None, "function", "x", None, None, function)
    assert function == ["Args: none", "", ":type: x"]


def test_a_reference_through_the_top_level_goes_to_the_home_page():
    """``:func:`emrpath.evaluate``` (as users write it) linked nowhere: the object is
    documented as ``emrpath.pathway.evaluate``."""
    conf = load_conf()
    assert conf.home_target("emrpath.evaluate") == "emrpath.pathway.evaluate"
    assert conf.home_target("emrpath.Program.edition") == "emrpath.program.Program.edition"
    assert conf.home_target("emrpath.pathway.evaluate") is None
    assert conf.home_target("datetime.date") is None


def test_the_theme_css_wraps_code_in_the_content_column():
    """Issue 15: "long code and output lines are clipped in the content column"."""
    conf = load_conf()
    css = Path(conf.HERE, "_static", "emrpath.css").read_text("utf-8")
    assert "emrpath.css" in conf.html_css_files
    assert "white-space: pre-wrap" in css
    assert ".highlight pre" in css


def test_the_face_table_links_each_name_to_the_page_that_documents_it(tmp_path: Path):
    """The package page linked ``BUCKET_FIXES`` and ``MissBucket`` to emrpath.planning.retake,
    which re-exports them and does not document them: links nowhere."""
    conf = load_conf()
    conf.generate(root=tmp_path)
    text = (tmp_path / "reference" / "api" / "emrpath.md").read_text("utf-8")
    assert "{py:obj}`BUCKET_FIXES <emrpath.retake_advice.BUCKET_FIXES>`" in text
    assert "{py:obj}`MissBucket <emrpath.retake_advice.MissBucket>`" in text
    assert "{py:obj}`NREMT_EMR <emrpath.programs.nremt_emr.NREMT_EMR>`" in text
