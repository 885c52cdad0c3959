"""emrpath.examples: every bundled document is listed, loads under its program, and an
unknown name is refused with the name it probably means."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath import examples
from emrpath.jsonio import document_program
from tests.errors import raises_emrpath

RULE = "example documents"


def test_names_are_the_bundled_files():
    """`names()` "lists the bundled documents": every JSON file in the package, no other."""
    files = sorted(
        entry.name.removesuffix(".json")
        for entry in resources.files("emrpath.examples").iterdir()
        if entry.name.endswith(".json")
    )
    assert list(examples.names()) == files
    assert len(files) == 2 * len(ep.programs.REGISTRY)  # a candidate and a recertification each


@pytest.mark.parametrize("name", examples.names())
def test_each_example_loads_under_the_program_it_names(name: str):
    """`load(name)` reads the document under "the program the document names"."""
    data = json.loads(examples.text(name))
    assert examples.program(name) is ep.programs.get(data["program"])
    assert examples.program(name) is document_program(examples.text(name))
    record = examples.load(name)
    expected = ep.Candidate if name.endswith("-candidate") else ep.RecertificationRecord
    assert type(record) is expected
    assert examples.load(name) == record  # a new, equal value each call
    assert ep.dumps(record, program=examples.program(name)) is not None


@given(name=st.text(max_size=40))
def test_an_unknown_name_is_refused_with_a_real_hint(name: str):
    """ "clear UnknownNameError with 'did you mean'": any other name is refused, naming the
    field, and a hint, when there is one, is a name that loads."""
    if name in examples.names():
        return
    with raises_emrpath(ep.UnknownNameError, field="name", rule=RULE) as info:
        examples.load(name)
    message = info.value.message
    if "did you mean" in message:
        meant = message.split("did you mean ")[1].split("?")[0].strip("'\"")
        assert meant in examples.names()


@given(
    name=st.sampled_from(examples.names()), how=st.sampled_from(["upper", "underscore", "file"])
)
def test_a_near_miss_is_pointed_at_its_example(name: str, how: str):
    """A near miss (another case, `_` for `-`, the file name) "did you mean"s the example."""
    typed = {
        "upper": name.upper(),
        "underscore": name.replace("-", "_"),
        "file": f"{name}.json",
    }[how]
    with raises_emrpath(ep.UnknownNameError, field="name", rule=RULE) as info:
        examples.text(typed)
    assert f"did you mean {name!r}?" in info.value.message


def test_the_level_alone_means_its_candidate():
    with raises_emrpath(ep.UnknownNameError, field="name", rule=RULE) as info:
        examples.load("emr")
    assert "did you mean 'nremt-emr-candidate'?" in info.value.message


@pytest.mark.parametrize("name", [None, 3, b"nremt-emr-candidate"])
def test_a_name_that_is_not_text_is_a_type_error(name: object):
    with raises_emrpath(ep.InputTypeError, field="name", rule=RULE):
        examples.load(name)  # type: ignore[arg-type]
