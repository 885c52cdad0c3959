"""The registry of shipped programs: ``emrpath.programs.REGISTRY``, ``get`` and ``available``.

Issue 12, item 2: "`emrpath.programs.get(key)` returns a shipped program; iterating the
registry lists them; an unknown key raises an `EmrpathError` (a `LookupError`) with a
"did you mean"."
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

import emrpath as ep
from emrpath import programs
from tests.errors import raises_emrpath


def test_the_registry_maps_each_shipped_programs_key_to_it() -> None:
    assert list(programs.REGISTRY) == [
        "nremt-emr",
        "nremt-emt",
        "nremt-aemt",
        "nremt-paramedic",
        "ascp-mls",
    ]
    assert programs.REGISTRY["nremt-emr"] is ep.NREMT_EMR
    assert programs.REGISTRY["ascp-mls"] is ep.ASCP_MLS
    for key, program in programs.REGISTRY.items():
        assert program.key == key


def test_iterating_the_registry_is_stable_and_available_follows_it() -> None:
    assert list(programs.REGISTRY) == list(programs.REGISTRY)
    assert programs.available() == tuple(programs.REGISTRY.values())
    assert programs.available() == (
        ep.NREMT_EMR,
        ep.NREMT_EMT,
        ep.NREMT_AEMT,
        ep.NREMT_PARAMEDIC,
        ep.ASCP_MLS,
    )


def test_the_registry_is_read_only() -> None:
    with pytest.raises(TypeError, match="'_Registry' object does not support item assignment"):
        programs.REGISTRY["toy"] = ep.NREMT_EMR  # type: ignore[index]
    with pytest.raises(TypeError, match="'_Registry' object does not support item deletion"):
        del programs.REGISTRY["nremt-emr"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "key", ["nremt-emr", "nremt-emt", "nremt-aemt", "nremt-paramedic", "ascp-mls"]
)
def test_get_returns_the_shipped_program(key: str) -> None:
    assert programs.get(key) is programs.REGISTRY[key]


def test_the_registry_is_reached_from_the_top_level() -> None:
    """design.md's public contract: `ep.programs.get("nremt-emt")`, right after
    `import emrpath as ep` (a fresh interpreter, where nothing has loaded the programs)."""
    code = "import emrpath as ep; print(ep.programs.get('ascp-mls').key)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, "ascp-mls\n", "")
    assert ep.programs.get("nremt-emr") is ep.NREMT_EMR


def test_one_program_is_built_without_the_others() -> None:
    """Each program is built on its first use: a process that asks for one (by its name at
    the top level, in the package, or by key) never imports the other programs' modules,
    and iterating the registry's keys imports none."""
    shipped = {key: f"emrpath.programs.{key.replace('-', '_')}" for key in programs.REGISTRY}
    uses = {
        "nremt-emr": "ep.NREMT_EMR",
        "ascp-mls": "ep.programs.ASCP_MLS",
        "nremt-aemt": "ep.programs.get('nremt-aemt')",
        "nremt-paramedic": "ep.programs.REGISTRY['nremt-paramedic']",
    }
    code = (
        "import sys, emrpath as ep; list(ep.programs.REGISTRY); "
        f"print(sorted(m for m in {sorted(shipped.values())!r} if m in sys.modules)); "
        "print({use}.key); "
        f"print(sorted(m for m in {sorted(shipped.values())!r} if m in sys.modules))"
    )
    for key, use in uses.items():
        done = subprocess.run(
            [sys.executable, "-c", code.format(use=use)], capture_output=True, text=True
        )
        loaded = [shipped[key]]
        if key in ("nremt-paramedic",):  # it reuses the AEMT's ALS skills
            loaded = sorted([*loaded, shipped["nremt-aemt"]])
        assert (done.returncode, done.stderr) == (0, "")
        assert done.stdout.splitlines() == ["[]", key, repr(loaded)]


FIVE = "'nremt-emr', 'nremt-emt', 'nremt-aemt', 'nremt-paramedic', 'ascp-mls'"


@pytest.mark.parametrize(
    ("key", "meant"),
    [
        ("NREMT-EMR", "nremt-emr"),
        ("nremt_emr", "nremt-emr"),
        (" ascp mls ", "ascp-mls"),
        ("emr", "nremt-emr"),
        ("mls", "ascp-mls"),
        ("emt", "nremt-emt"),
        ("paramedic", "nremt-paramedic"),
        ("nremt-medic", "nremt-paramedic"),
        ("ascp-msl", "ascp-mls"),
    ],
)
def test_an_unknown_key_is_a_lookup_error_with_a_hint(key: str, meant: str) -> None:
    with pytest.raises(ep.UnknownNameError) as info:
        programs.get(key)
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, ep.EmrpathError)
    assert (info.value.field, info.value.rule) == ("program", "program registry")
    assert info.value.message == (
        f"unknown program {key!r}; expected one of {FIVE} (did you mean {meant!r}?)"
    )


@pytest.mark.parametrize("key", ["wilderness", "nremt", "NREMT"])
def test_a_key_like_none_gets_no_hint(key: str) -> None:
    """The body alone ("nremt") names four programs, so no one of them is hinted."""
    with pytest.raises(ep.UnknownNameError) as info:
        programs.get(key)
    assert "did you mean" not in info.value.message
    assert f"expected one of {FIVE}" in info.value.message


def test_a_long_unknown_key_is_shortened_in_the_message() -> None:
    with pytest.raises(ep.UnknownNameError) as info:
        programs.get("x" * 10_000)
    assert len(str(info.value)) < 200


@pytest.mark.parametrize("bad", [None, 3, b"nremt-emr", ep.NREMT_EMR, ["nremt-emr"]])
def test_a_key_that_is_not_a_str_is_an_input_type_error(bad: object) -> None:
    with pytest.raises(ep.InputTypeError) as info:
        programs.get(bad)  # type: ignore[arg-type]
    assert (info.value.field, info.value.rule) == ("program", "program registry")


@given(st.text(max_size=30))
def test_get_accepts_exactly_the_registered_keys(key: str) -> None:
    """Issue 12: "an unknown key raises an `EmrpathError` (a `LookupError`)"; nothing is
    accepted on a guess, however near."""
    if key in programs.REGISTRY:
        assert programs.get(key).key == key
    else:
        with raises_emrpath(ep.UnknownNameError, field="program", rule="program registry"):
            programs.get(key)


def test_the_error_pickles() -> None:
    with pytest.raises(ep.UnknownNameError) as info:
        programs.get("emt")
    again = pickle.loads(pickle.dumps(info.value))
    assert (type(again), str(again)) == (type(info.value), str(info.value))


@pytest.mark.parametrize("program", programs.available(), ids=lambda p: p.key)
def test_every_registered_program_ships_an_example_candidate(program: ep.Program) -> None:
    """Adding a program is "one module, one registry entry, one example document"."""
    name = f"{program.key}-candidate.json"
    assert (resources.files("emrpath") / "examples" / name).is_file()
