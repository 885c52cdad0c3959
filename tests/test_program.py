"""The generic ``Program``: what a program definition must hold, and what it refuses.

Design principle 1: "Every number [...] lives in one place, in a program's parameter
table, with an effective date, a citation [...] and a confidence level". Principle 6:
"Every invalid record or argument raises a subclass of `emrpath.EmrpathError` [...] with
a message naming the field and the rule." A program is data (``attrs.evolve`` on a
shipped one is the what-if of principle 4), so a malformed one is refused at construction.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import emrpath as ep
from emrpath.params import Param
from emrpath.program import Program, check_program
from tests.errors import raises_emrpath

EMR = ep.NREMT_EMR
RULE = "program definition"
REQUIRED = [
    "result_posting",
    "score_scale",
    "retest_wait",
    "attempt_limit",
    "course_validity",
    "authorization",
    "certification_term",
    "verification_required",
]
OPTIONAL = [
    "portion_validity",
    "cpr_required",
    "skills_required",
    "recert_cycle",
    "ce_requirement",
    "ce_window",
    "recert_window",
    "recert_exam",
    "appeal_window",
    "retake_advice",
    "prerequisite",
]
LIFECYCLE = ["recert_cycle", "ce_requirement", "ce_window", "recert_window"]


@pytest.mark.parametrize("name", REQUIRED)
def test_a_required_parameter_cannot_be_left_out(name: str) -> None:
    """Every rule the engine reads unconditionally is a required parameter."""
    with raises_emrpath(ep.InvalidRecordError, field=f"Program.{name}", rule=RULE) as info:
        attrs.evolve(EMR, **{name: None})
    assert info.value.message == "is required: every program needs this parameter"


@pytest.mark.parametrize("name", REQUIRED + OPTIONAL)
def test_a_parameter_must_be_a_param(name: str) -> None:
    """A bare value has no effective date, citation or confidence (principle 1)."""
    with raises_emrpath(ep.InvalidRecordError, field=f"Program.{name}", rule=RULE) as info:
        attrs.evolve(EMR, **{name: 15})
    assert info.value.message == "must be a Param, got int"


@pytest.mark.parametrize("name", ["portion_validity", "cpr_required", "appeal_window"])
def test_an_optional_parameter_may_be_left_out(name: str) -> None:
    """ "Optional parameters [...] default to None: a program leaves out what its body
    does not have"."""
    program = attrs.evolve(EMR, **{name: None})
    assert getattr(program, name) is None
    assert getattr(EMR, name) not in list(program.parameters())


@pytest.mark.parametrize("missing", LIFECYCLE)
def test_the_lifecycle_parameters_go_together(missing: str) -> None:
    """The lifecycle rules are read together by recertification_status: all or none."""
    given = [name for name in LIFECYCLE if name != missing]
    with raises_emrpath(ep.InvalidRecordError, field=f"Program.{missing}", rule=RULE) as info:
        attrs.evolve(EMR, **{missing: None})
    assert info.value.message == (
        f"the lifecycle parameters go together; {given} given without {[missing]}"
    )


def test_the_first_missing_lifecycle_parameter_is_named() -> None:
    with raises_emrpath(ep.InvalidRecordError, field="Program.ce_window", rule=RULE) as info:
        attrs.evolve(EMR, ce_window=None, recert_window=None)
    assert info.value.message == (
        "the lifecycle parameters go together; ['recert_cycle', 'ce_requirement'] given "
        "without ['ce_window', 'recert_window']"
    )


def test_no_lifecycle_at_all_is_a_program_without_recertification() -> None:
    bare = attrs.evolve(EMR, **dict.fromkeys([*LIFECYCLE, "recert_exam"]))
    assert not bare.has_lifecycle
    assert EMR.has_lifecycle
    assert not attrs.evolve(EMR, **dict.fromkeys(LIFECYCLE), recert_exam=None).has_lifecycle


def test_recertification_by_exam_needs_the_lifecycle() -> None:
    assert EMR.recert_exam is not None
    with raises_emrpath(ep.InvalidRecordError, field="Program.recert_exam", rule=RULE) as info:
        attrs.evolve(EMR, **dict.fromkeys(LIFECYCLE))
    assert info.value.message == "recertification by exam needs the other lifecycle parameters"


@pytest.mark.parametrize("level", ["", 5, b"emt"])
def test_a_level_is_a_name_or_none(level: object) -> None:
    with raises_emrpath(ep.InputTypeError, field="Program.level", rule=RULE) as info:
        attrs.evolve(EMR, level=level)
    assert info.value.message == "must be a level name such as 'emt', or None"


def test_a_level_may_be_any_name_or_none() -> None:
    assert attrs.evolve(EMR, level=None).level is None
    assert attrs.evolve(EMR, level="emt").level == "emt"


def test_the_timezone_must_be_a_name() -> None:
    with raises_emrpath(ep.InputTypeError, field="Program.timezone", rule=RULE) as info:
        attrs.evolve(EMR, timezone=None)
    assert info.value.message == "must be an IANA timezone name"
    assert attrs.evolve(EMR, timezone="America/Chicago").timezone == "America/Chicago"


def test_the_calendar_spec_must_be_a_calendar_spec() -> None:
    with raises_emrpath(ep.InputTypeError, field="Program.calendar_spec", rule=RULE) as info:
        attrs.evolve(EMR, calendar_spec="US")
    assert info.value.message == "must be a CalendarSpec, got str"


def test_parameters_are_the_given_params_in_declaration_order() -> None:
    """Every parameter, in declaration order; the edition is worked out, not given."""
    names = [f.name for f in attrs.fields(Program) if isinstance(getattr(EMR, f.name), Param)]
    assert list(EMR.parameters()) == [getattr(EMR, name) for name in names]
    assert names[:3] == ["result_posting", "score_scale", "retest_wait"]
    assert all(isinstance(p, Param) for p in EMR.parameters())


def test_dates_are_read_in_the_programs_timezone() -> None:
    """Principle 2: an aware datetime "is converted to the program's own timezone before
    its date is taken"."""
    late = dt.datetime(2025, 3, 1, 3, 0, tzinfo=dt.timezone.utc)  # 22:00 on 28 Feb in NY
    assert EMR.date(late, field="x", rule="r") == dt.date(2025, 2, 28)
    assert attrs.evolve(EMR, timezone="UTC").date(late, field="x", rule="r") == dt.date(2025, 3, 1)
    with raises_emrpath(ep.InputTypeError, field="when", rule="the rule"):
        EMR.date("2025-03-01", field="when", rule="the rule")


def test_the_repr_names_key_name_and_body() -> None:
    assert repr(EMR) == f"<Program nremt-emr: {EMR.name} ({EMR.body})>"


def test_check_program_refuses_anything_else_naming_the_callers_rule() -> None:
    """Every function that applies a program's rules "takes the program explicitly (a
    required keyword [...]); a rulebook is never chosen silently"."""
    assert check_program(EMR, "any") is EMR
    with raises_emrpath(ep.InputTypeError, field="program", rule="retest wait") as info:
        check_program("nremt-emr", "retest wait")
    assert info.value.message == (
        "expected a Program such as emrpath.NREMT_EMR (emrpath.programs.get(key) looks one "
        "up by its key), got str"
    )
