"""Rule editions: a digest of a program's rule data and the emrpath version.

Issue "Pin-safe": "A test proves that changing any parameter value or effective date
changes the digest and that wording changes do not."
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import emrpath as ep
from emrpath.edition import Edition, program_edition
from emrpath.params import Citation, Confidence, Param
from emrpath.policies import FixedDaysWait
from tests.errors import raises_emrpath

D = dt.date
PROGRAMS = [ep.NREMT_EMR, ep.ASCP_MLS]


def params_of(program: ep.Program) -> list[Param[Any]]:
    return list(program.parameters())


def with_provision(program: ep.Program, param: Param[Any], index: int, **changes: Any) -> Any:
    """``program`` with one provision of ``param`` changed."""
    provisions = list(param.provisions)
    provisions[index] = attrs.evolve(provisions[index], **changes)
    return attrs.evolve(program, **{param.name: attrs.evolve(param, provisions=provisions)})


picks = st.sampled_from(PROGRAMS).flatmap(
    lambda program: st.sampled_from(params_of(program)).flatmap(
        lambda param: st.tuples(
            st.just(program), st.just(param), st.integers(0, len(param.provisions) - 1)
        )
    )
)


@given(pick=picks, days=st.integers(-400, 400).filter(bool))
def test_moving_an_effective_date_changes_the_edition(
    pick: tuple[ep.Program, Param[Any], int], days: int
) -> None:
    """An effective date is rule data: moving any provision's date changes the digest."""
    program, param, index = pick
    start = param.provisions[index].effective_from
    assume(dt.date.min + dt.timedelta(days=400) < start)  # date.min stands for "always"
    moved = start + dt.timedelta(days=days)
    assume(moved not in {p.effective_from for p in param.provisions})
    changed = with_provision(program, param, index, effective_from=moved)
    assert changed.edition.digest != program.edition.digest
    assert program.edition.changes_to(changed.edition) == ("rules",)


@given(pick=picks)
def test_changing_a_confidence_changes_the_edition(
    pick: tuple[ep.Program, Param[Any], int],
) -> None:
    """design.md, principle 1: every number has "a confidence level": part of the rule."""
    program, param, index = pick
    before = param.provisions[index].confidence
    other = Confidence.SECONDARY if before is Confidence.PRIMARY else Confidence.PRIMARY
    changed = with_provision(program, param, index, confidence=other)
    assert changed.edition.digest != program.edition.digest


def int_fields(value: object) -> list[str]:
    if not attrs.has(type(value)):
        return []
    return [
        f.name for f in attrs.fields(type(value)) if type(getattr(value, f.name)) is int and f.init
    ]


@given(pick=picks, step=st.integers(1, 5))
def test_changing_a_number_in_a_value_changes_the_edition(
    pick: tuple[ep.Program, Param[Any], int], step: int
) -> None:
    """Any number a rule reads (days, months, attempts, passing points...) is in the digest."""
    program, param, index = pick
    value = param.provisions[index].value
    names = int_fields(value)
    assume(names)
    try:
        new_value = attrs.evolve(value, **{names[0]: getattr(value, names[0]) + step})
    except ep.EmrpathError:
        assume(False)  # a number the policy refuses is no rule to compare
        raise
    changed = with_provision(program, param, index, value=new_value)
    assert changed.edition.digest != program.edition.digest


@given(pick=picks, text=st.text(min_size=1, max_size=30).filter(str.strip))
def test_rewording_a_rule_leaves_the_edition_alone(
    pick: tuple[ep.Program, Param[Any], int], text: str
) -> None:
    """Wording is not a rule: a new note, description, citation or program name keeps the
    edition."""
    program, param, index = pick
    cite = Citation(url="https://example.org/" + str(len(text)), quote=text, title=text)
    reworded = with_provision(program, param, index, note=text, citation=cite)
    reworded = attrs.evolve(
        reworded,
        name=text,
        **{param.name: attrs.evolve(getattr(reworded, param.name), description=text)},
    )
    assert reworded.edition == program.edition


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.key)
def test_a_program_computes_its_edition_once_and_alike(program: ep.Program) -> None:
    assert program.edition == program_edition(program)
    assert program.edition.library == ep.__version__
    assert program.edition.program == program.key
    assert len(program.edition.digest) == 16


def test_the_calendar_is_part_of_the_edition() -> None:
    from emrpath.calendar import NATIONAL_DAY_OF_MOURNING_2025

    closed = attrs.evolve(
        ep.NREMT_EMR,
        calendar_spec=attrs.evolve(
            ep.NREMT_EMR.calendar_spec, closures=(NATIONAL_DAY_OF_MOURNING_2025,)
        ),
    )
    assert closed.edition.digest != ep.NREMT_EMR.edition.digest


def candidate() -> ep.Candidate:
    return ep.Candidate(
        course=ep.CourseCompletion(D(2025, 5, 2), verified_on=D(2025, 5, 9)),
        attempts=[ep.ExamAttempt(D(2025, 7, 11), passed=False, scaled_score=880)],
    )


def test_a_stored_status_names_its_edition_and_says_when_the_rules_changed() -> None:
    """Issue "Pin-safe", done when: "A status dumped to JSON and loaded back names its
    edition; changing the retest wait in an evolved program changes the edition; the
    staleness check says so.\""""
    status = ep.evaluate(candidate(), as_of=D(2025, 7, 14), program=ep.NREMT_EMR)
    loaded = ep.loads(ep.dumps(status), ep.PathwayStatus)
    assert loaded.edition == ep.NREMT_EMR.edition
    assert loaded.changed_rules(ep.NREMT_EMR) == ()
    wait = ep.NREMT_EMR.retest_wait
    sixteen = attrs.evolve(
        ep.NREMT_EMR,
        retest_wait=attrs.evolve(
            wait, provisions=[attrs.evolve(wait.provisions[0], value=FixedDaysWait(days=16))]
        ),
    )
    assert sixteen.edition != ep.NREMT_EMR.edition
    assert loaded.changed_rules(sixteen) == ("rules",)
    assert loaded.changed_rules(ep.ASCP_MLS) == ("program", "rules")
    decision = ep.decide(candidate(), as_of=D(2025, 7, 14), program=ep.NREMT_EMR)
    assert ep.loads(ep.dumps(decision), ep.PathwayDecision) == decision


def test_a_newer_library_with_the_same_rules_is_a_library_change_only() -> None:
    status = ep.decide(candidate(), as_of=D(2025, 7, 14), program=ep.NREMT_EMR)
    stored = status.edition
    older = attrs.evolve(stored, library="0.0.1")
    assert older.changes_to(ep.NREMT_EMR.edition) == ("library",)


@pytest.mark.parametrize(
    "text", ["", "nremt-emr", "nremt-emr@0.1#123", "nremt-emr@0.1#0123456789ABCDEF", "a@b#c"]
)
def test_text_that_is_no_edition_is_refused(text: str) -> None:
    with pytest.raises(ep.InvalidRecordError, match=r"^edition: .* is not an edition"):
        Edition.parse(text)


def test_an_edition_is_parsed_from_text_only() -> None:
    with pytest.raises(ep.InputTypeError, match=r"^edition: expected an edition's text"):
        Edition.parse(5)
    with pytest.raises(ep.InputTypeError, match=r"^other: expected an Edition"):
        ep.NREMT_EMR.edition.changes_to("nremt-emr@0.1.0#0123456789abcdef")  # type: ignore[arg-type]
    decision = ep.decide(candidate(), as_of=D(2025, 7, 14), program=ep.NREMT_EMR)
    with raises_emrpath(ep.InputTypeError, field="program", rule="rule edition") as info:
        decision.changed_rules("x")  # type: ignore[arg-type]
    assert info.value.message.startswith("expected a Program such as emrpath.NREMT_EMR")


def test_the_cli_lists_each_programs_edition() -> None:
    import contextlib
    import io
    import json

    from emrpath.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["programs", "--json"]) == 0
    listed = {item["key"]: item["edition"] for item in json.loads(out.getvalue())["programs"]}
    assert listed["nremt-emr"] == str(ep.NREMT_EMR.edition)
    assert listed["ascp-mls"] == str(ep.ASCP_MLS.edition)


def test_a_document_holds_the_edition_as_one_string_and_refuses_a_bad_one() -> None:
    decision = ep.decide(candidate(), as_of=D(2025, 7, 14), program=ep.NREMT_EMR)
    text = ep.dumps(decision)
    assert f'"edition": "{ep.NREMT_EMR.edition}"' in text
    with pytest.raises(ep.InvalidRecordError, match=r"^\$\.edition: .* is not an edition"):
        ep.loads(text.replace("nremt-emr@", "nremt-emr", 1), ep.PathwayDecision)
    with pytest.raises(ep.InputTypeError, match=r"^\$\.edition: must be an edition string"):
        ep.loads(text.replace(f'"{ep.NREMT_EMR.edition}"', "5"), ep.PathwayDecision)
