"""Records: construction-time validation, ordering, immutability."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal

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


# Each refusal of a record, as it reads: the field, the rule, and the message's words.
# The records are built inside the tests (not in parametrize arguments, which pytest builds
# once at collection, before mutation testing switches a mutant on).


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"education": "x"},
            "RecertificationRecord.education",
            "must be a sequence of ContinuingEducation, got str",
        ),
        ({"education": [1]}, "education[0]", "must be a ContinuingEducation, got int"),
        (
            {"exam_attempts": "x"},
            "RecertificationRecord.exam_attempts",
            "must be a sequence of ExamAttempt, got str",
        ),
        ({"exam_attempts": [1]}, "exam_attempts[0]", "must be an ExamAttempt, got int"),
    ],
)
def test_a_recertification_records_sequences_are_refused_by_their_own_names(
    changes: dict[str, object], field: str, message: str
) -> None:
    """A recertification record's education and exam attempts are its own fields under
    the recertification rule, not a candidate's."""
    certification = ep.Certification(D(2023, 8, 10))
    with raises_emrpath(ep.InputTypeError, field=field, rule="recertification") as info:
        ep.RecertificationRecord(certification, **changes)  # type: ignore[arg-type]
    assert info.value.message == message


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"attempts": "x"}, "Candidate.attempts", "must be a sequence of ExamAttempt, got str"),
        ({"attempts": [1]}, "attempts[0]", "must be an ExamAttempt, got int"),
        (
            {"authorizations": 5},
            "Candidate.authorizations",
            "must be a sequence of AuthorizationToTest, got int",
        ),
        ({"history": "x"}, "Candidate.history", "must be a sequence of PriorCourse, got str"),
        ({"history": [1]}, "history[0]", "must be a PriorCourse, got int"),
    ],
)
def test_a_candidates_sequences_are_refused_by_their_own_names(
    changes: dict[str, object], field: str, message: str
) -> None:
    course = ep.CourseCompletion(D(2025, 5, 2))
    with raises_emrpath(ep.InputTypeError, field=field, rule="candidate record") as info:
        ep.Candidate(course, **changes)  # type: ignore[arg-type]
    assert info.value.message == message


@pytest.mark.parametrize(
    ("hours", "error", "message"),
    [
        (0, ep.InvalidRecordError, "must be more than 0, got 0"),
        (-1, ep.InvalidRecordError, "must be more than 0, got -1"),
        (
            "24",
            ep.InputTypeError,
            "must be a number of hours or points (an int, float, Decimal, Fraction or other "
            "real number), got str '24'",
        ),
    ],
)
def test_remedial_hours_are_a_positive_number(
    hours: object, error: type[ep.EmrpathError], message: str
) -> None:
    """Remedial training documents hours completed: none (0) is no training, and a record
    of it says so rather than standing for training done."""
    with raises_emrpath(error, field="RemedialTraining.hours", rule="remedial training") as info:
        ep.RemedialTraining(D(2025, 8, 1), hours)
    assert info.value.message == message
    assert ep.RemedialTraining(D(2025, 8, 1), 0.5).hours == Decimal("0.5")


@pytest.mark.parametrize("level", ["", "  ", 5, None])
def test_a_prerequisite_level_is_a_name(level: object) -> None:
    with raises_emrpath(
        ep.InputTypeError, field="PrerequisiteCredential.level", rule="prerequisite"
    ) as info:
        ep.PrerequisiteCredential(level, D(2027, 3, 31))  # type: ignore[arg-type]
    assert info.value.message == f"must be a level name such as 'emt', got {level!r}"


@pytest.mark.parametrize(
    ("score", "message"),
    [
        (72.5, "got float 72.5; a percentage is not a scaled score"),
        ("880", "got str '880'"),
        (True, "got bool True"),
    ],
)
def test_a_scaled_score_is_an_int(score: object, message: str) -> None:
    """Seed: "That scaled score is not a simple raw classroom percentage": a float is told
    so, and nothing else is."""
    with raises_emrpath(
        ep.InputTypeError, field="ExamAttempt.scaled_score", rule="score report"
    ) as info:
        ep.ExamAttempt(D(2025, 3, 3), passed=False, scaled_score=score)  # type: ignore[arg-type]
    assert info.value.message == f"must be an int scaled score or None, {message}"


@pytest.mark.parametrize("route", ["", "  ", 1])
def test_a_route_is_a_name_or_none(route: object) -> None:
    with raises_emrpath(
        ep.InputTypeError, field="CourseCompletion.route", rule="attempt limit"
    ) as info:
        ep.CourseCompletion(D(2025, 5, 2), route=route)  # type: ignore[arg-type]
    assert info.value.message == f"must be a non-empty str or None, got {route!r}"


@pytest.mark.parametrize("field", ["component", "topic"])
@pytest.mark.parametrize("value", ["", " ", 3])
def test_a_ce_component_or_topic_is_a_name(field: str, value: object) -> None:
    changes = {"component": "national", field: value}
    with raises_emrpath(
        ep.InputTypeError, field=f"ContinuingEducation.{field}", rule="continuing education"
    ) as info:
        ep.ContinuingEducation(D(2024, 3, 1), 2, **changes)  # type: ignore[arg-type]
    assert info.value.message == f"must be a non-empty str, got {value!r}"


def test_an_attempt_before_the_course_says_where_earlier_courses_go() -> None:
    with raises_emrpath(
        ep.InvalidRecordError, field="attempts[0].taken_on", rule="attempt limit"
    ) as info:
        ep.Candidate(
            ep.CourseCompletion(D(2025, 5, 2)), [ep.ExamAttempt(D(2025, 5, 1), passed=False)]
        )
    assert info.value.message == (
        "attempt on 2025-05-01 is before the course completion 2025-05-02; a Candidate holds "
        "one course and its attempts (put earlier courses in history)"
    )


def test_remedial_training_before_the_course_is_refused_with_why() -> None:
    """Remedial training "follows failed attempts under the course": a record of it from
    before the course is not this course's."""
    course = ep.CourseCompletion(D(2025, 5, 2))
    with raises_emrpath(
        ep.InvalidRecordError, field="remedial.completed_on", rule="remedial training"
    ) as info:
        ep.Candidate(course, remedial=ep.RemedialTraining(D(2025, 5, 1), 24))
    assert info.value.message == (
        "completed 2025-05-01, before the course completion 2025-05-02; remedial training "
        "follows failed attempts under the course"
    )
    on_the_day = ep.RemedialTraining(D(2025, 5, 2), 24)
    assert ep.Candidate(course, remedial=on_the_day).remedial == on_the_day


def test_a_history_course_is_strictly_earlier_than_the_current_one() -> None:
    """ "Earlier courses" in history: one completed on the current course's day is not
    earlier, and is refused; the day before is."""
    course = ep.CourseCompletion(D(2025, 5, 2))
    with raises_emrpath(
        ep.InvalidRecordError, field="history[0].course.completed_on", rule="attempt limit"
    ) as info:
        ep.Candidate(course, history=[ep.PriorCourse(ep.CourseCompletion(D(2025, 5, 2)))])
    assert info.value.message == (
        "history course completed 2025-05-02 is not before the current course 2025-05-02"
    )
    earlier = ep.PriorCourse(ep.CourseCompletion(D(2025, 5, 1)))
    assert ep.Candidate(course, history=[earlier]).history == (earlier,)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"cycle_started_on": D(2023, 8, 9), "expires_on": D(2028, 3, 31)},
            "Certification.cycle_started_on",
            "2023-08-09 is before the certification 2023-08-10",
        ),
        (
            {"cycle_started_on": D(2025, 5, 1)},
            "Certification.expires_on",
            "a recertified cycle needs its expiration date; only the initial one can be derived",
        ),
        (
            {"expires_on": D(2023, 8, 10)},
            "Certification.expires_on",
            "2023-08-10 is not after the cycle start 2023-08-10",
        ),
        (
            {"cycle_started_on": D(2025, 5, 1), "expires_on": D(2025, 5, 1)},
            "Certification.expires_on",
            "2025-05-01 is not after the cycle start 2025-05-01",
        ),
    ],
)
def test_a_certifications_dates_that_contradict_each_other_are_refused(
    changes: dict[str, dt.date], field: str, message: str
) -> None:
    with raises_emrpath(ep.InvalidRecordError, field=field, rule="recertification") as info:
        ep.Certification(D(2023, 8, 10), **changes)
    assert info.value.message == message
