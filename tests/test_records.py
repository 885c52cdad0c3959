"""Records: construction-time validation, ordering, immutability."""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest

import emrpath as ep
from tests.errors import raises_emrpath

D = dt.date


def test_attempts_are_kept_in_date_order() -> None:
    late = ep.ExamAttempt(D(2025, 8, 1), passed=False)
    early = ep.ExamAttempt(D(2025, 7, 1), passed=False)
    candidate = ep.Candidate(course=ep.CourseCompletion(D(2025, 5, 2)), attempts=[late, early])
    assert candidate.attempts == (early, late)


def test_records_are_frozen_and_slotted() -> None:
    course = ep.CourseCompletion(D(2025, 5, 2))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):  # attrs words it per release
        course.completed_on = D(2025, 5, 3)  # type: ignore[misc]
    assert not hasattr(course, "__dict__")


def test_records_pickle() -> None:
    candidate = ep.Candidate(
        course=ep.CourseCompletion(D(2025, 5, 2), verified_on=D(2025, 5, 3)),
        attempts=[ep.ExamAttempt(D(2025, 7, 1), passed=False, scaled_score=800)],
        cpr=ep.CprCredential(D(2026, 1, 1)),
    )
    assert pickle.loads(pickle.dumps(candidate)) == candidate


@pytest.mark.parametrize(
    ("build", "error", "field"),
    [
        (
            lambda: ep.CourseCompletion("2025-05-02"),
            ep.InputTypeError,
            "CourseCompletion.completed_on",
        ),  # type: ignore[arg-type]
        (
            lambda: ep.CourseCompletion(dt.datetime(2025, 5, 2, tzinfo=dt.timezone.utc)),  # type: ignore[arg-type]
            ep.InputTypeError,
            "CourseCompletion.completed_on",
        ),
        (
            lambda: ep.CourseCompletion(D(2025, 5, 2), verified_on=D(2025, 5, 1)),
            ep.InvalidRecordError,
            "CourseCompletion.verified_on",
        ),
        (lambda: ep.ExamAttempt(D(2025, 5, 2), passed=1), ep.InputTypeError, "ExamAttempt.passed"),  # type: ignore[arg-type]
        (
            lambda: ep.ExamAttempt(D(2025, 5, 2), passed=False, scaled_score=True),  # type: ignore[arg-type]
            ep.InputTypeError,
            "ExamAttempt.scaled_score",
        ),
        (
            lambda: ep.CprCredential(D(2025, 1, 1), issued_on=D(2025, 2, 1)),
            ep.InvalidRecordError,
            "CprCredential.issued_on",
        ),
        (
            lambda: ep.Candidate(
                course=ep.CourseCompletion(D(2025, 5, 2)),
                attempts=[ep.ExamAttempt(D(2025, 5, 1), passed=False)],
            ),
            ep.InvalidRecordError,
            "attempts[0].taken_on",
        ),
        (
            # An attempt after a pass that is still valid: the record cannot know the
            # program's portion validity, so evaluate() refuses it.
            lambda: ep.evaluate(
                ep.Candidate(
                    course=ep.CourseCompletion(D(2025, 5, 2)),
                    attempts=[
                        ep.ExamAttempt(D(2025, 6, 1), passed=True),
                        ep.ExamAttempt(D(2025, 7, 1), passed=False),
                    ],
                ),
                as_of=D(2025, 8, 1),
                program=ep.NREMT_EMR,
            ),
            ep.InvalidRecordError,
            "attempts[1].taken_on",
        ),
        (
            lambda: ep.Candidate(
                course=ep.CourseCompletion(D(2025, 5, 2)),
                attempts=[
                    ep.ExamAttempt(D(2025, 6, 1), passed=False),
                    ep.ExamAttempt(D(2025, 6, 1), passed=False),
                ],
            ),
            ep.InvalidRecordError,
            "attempts[1].taken_on",
        ),
        (
            lambda: ep.Candidate(course=ep.CourseCompletion(D(2025, 5, 2)), attempts="x"),  # type: ignore[arg-type]
            ep.InputTypeError,
            "Candidate.attempts",
        ),
        (
            lambda: ep.Candidate(course=ep.CourseCompletion(D(2025, 5, 2)), attempts=[1]),  # type: ignore[list-item]
            ep.InputTypeError,
            "attempts[0]",
        ),
        (
            lambda: ep.Candidate(
                course=ep.CourseCompletion(D(2025, 5, 2)),
                authorizations=[ep.AuthorizationToTest(D(2025, 5, 1))],
            ),
            ep.InvalidRecordError,
            "authorizations[0].issued_on",
        ),
        (
            lambda: ep.Candidate(
                course=ep.CourseCompletion(D(2025, 5, 2)),
                history=[ep.PriorCourse(ep.CourseCompletion(D(2025, 6, 2)))],
            ),
            ep.InvalidRecordError,
            "history[0].course.completed_on",
        ),
    ],
)
def test_bad_records_name_their_field(build: object, error: type[Exception], field: str) -> None:
    with pytest.raises(error) as info:
        build()  # type: ignore[operator]
    assert isinstance(info.value, ep.EmrpathError)
    assert info.value.field == field
    assert info.value.rule


@pytest.mark.parametrize("kind", ["state_license", "national_certification"])
def test_a_prerequisite_is_a_state_license_or_a_national_certification(kind: str) -> None:
    """NREMT AEMT and Paramedic: "current NREMT cert or state license at EMT level or
    higher"; the credential says which of the two it is."""
    assert ep.PrerequisiteCredential("emt", D(2027, 3, 31), kind=kind).kind == kind
    assert ep.PrerequisiteCredential("emt", D(2027, 3, 31)).kind == "state_license"


@pytest.mark.parametrize("kind", ["State_License", "license", None, 1])
def test_any_other_prerequisite_kind_is_refused(kind: object) -> None:
    with raises_emrpath(
        ep.InvalidRecordError, field="PrerequisiteCredential.kind", rule="prerequisite"
    ) as info:
        ep.PrerequisiteCredential("emt", D(2027, 3, 31), kind=kind)  # type: ignore[arg-type]
    assert info.value.message == (
        f"must be one of national_certification, state_license, got {kind!r}"
    )


@pytest.mark.parametrize("accreditation", [None, "caahep", "letter_of_review"])
def test_a_course_accreditation_is_caahep_a_letter_of_review_or_none(
    accreditation: str | None,
) -> None:
    """Paramedic: "a CAAHEP-accredited paramedic program or one holding a CoAEMSP Letter
    of Review (LoR)"; ``None`` where it is not known or not needed."""
    course = ep.CourseCompletion(D(2025, 5, 2))
    candidate = ep.Candidate(course=course, course_accreditation=accreditation)
    assert candidate.course_accreditation == accreditation


@pytest.mark.parametrize("accreditation", ["CAAHEP", "lor", ""])
def test_any_other_course_accreditation_is_refused(accreditation: str) -> None:
    with raises_emrpath(
        ep.InvalidRecordError, field="Candidate.course_accreditation", rule="prerequisite"
    ) as info:
        ep.Candidate(course=ep.CourseCompletion(D(2025, 5, 2)), course_accreditation=accreditation)
    assert info.value.message == (
        f"must be one of caahep, letter_of_review, got {accreditation!r}"
    )
