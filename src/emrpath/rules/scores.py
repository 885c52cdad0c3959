"""Score-report validation."""

from __future__ import annotations

from emrpath._validators import shown
from emrpath.errors import InputTypeError, InvalidRecordError
from emrpath.policies import ScoreScale
from emrpath.program import Program, check_program
from emrpath.records import ExamAttempt

__all__ = ["check_score"]

_RULE = "score report"


def check_score(attempt: object, *, program: Program, field: str = "attempt") -> None:
    """Raise if an attempt's scaled score contradicts the program's score report.

    Refused: a score on an attempt from a period with no scaled report (NREMT: before
    2023-06-01), a score off the scale, a pass below the passing point, a fail at or above
    it, and any score on a pass where the report is for failing candidates only (NREMT).
    No API converts a raw percentage: a value below the scale gets a message saying a
    percentage is not a scaled score.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> fail = ExamAttempt(dt.date(2025, 3, 3), passed=False, scaled_score=900)
        >>> check_score(fail, program=ep.NREMT_EMR)
        >>> low = ExamAttempt(dt.date(2025, 3, 3), passed=False, scaled_score=72)
        >>> check_score(low, program=ep.NREMT_EMR)
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: attempt.scaled_score: 72 is below the scale \
100-1500; a raw percentage is not a scaled score and emrpath never converts one \
(rule: score report)
        >>> import emrpath as ep
        >>> passed = ExamAttempt(dt.date(2025, 3, 3), passed=True, scaled_score=1010)
        >>> check_score(passed, program=ep.NREMT_EMR)
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: attempt.scaled_score: a passed attempt carries no \
scaled score (1010): the report is given to failing candidates only (rule: score report)
    """
    program = check_program(program, _RULE)
    if not isinstance(attempt, ExamAttempt):
        raise InputTypeError(
            f"expected an ExamAttempt, got {type(attempt).__name__}", field=field, rule=_RULE
        )
    if attempt.scaled_score is not None:
        check_scaled_score(
            attempt, program.score_scale.value_at(attempt.taken_on), program, field=field
        )


def check_scaled_score(
    attempt: ExamAttempt, scale: ScoreScale | None, program: Program, *, field: str
) -> None:
    """:func:`check_score` against a ``scale`` the caller has already read.

    ``scale`` is the one in force on the attempt's date (``None``: no scaled report then).
    For rule code that has checked its arguments' types and read the parameter itself;
    the field name is spelled out only when the score is refused.
    """
    score = attempt.scaled_score
    if score is None:
        return
    if scale is None:
        first = next(
            (p.effective_from for p in program.score_scale.provisions if p.value is not None),
            None,
        )
        since = f" (scaled reports start {first})" if first else ""
        raise InvalidRecordError(
            f"the attempt on {attempt.taken_on} has no scaled score report{since}",
            field=f"{field}.scaled_score",
            rule=_RULE,
        )
    if score < scale.minimum:
        raise InvalidRecordError(
            f"{shown(score)} is below the scale {scale.minimum}-{scale.maximum}; a raw percentage "
            "is not a scaled score and emrpath never converts one",
            field=f"{field}.scaled_score",
            rule=_RULE,
        )
    if score > scale.maximum:
        raise InvalidRecordError(
            f"{shown(score)} is above the scale {scale.minimum}-{scale.maximum}",
            field=f"{field}.scaled_score",
            rule=_RULE,
        )
    passing = scale.passes(score)
    if attempt.passed and not passing:
        raise InvalidRecordError(
            f"a pass with {shown(score)} is below the passing point {scale.passing}",
            field=f"{field}.scaled_score",
            rule=_RULE,
        )
    if not attempt.passed and passing:
        raise InvalidRecordError(
            f"a fail with {shown(score)} is at or above the passing point {scale.passing}",
            field=f"{field}.scaled_score",
            rule=_RULE,
        )
    if attempt.passed and scale.failing_only:
        raise InvalidRecordError(
            f"a passed attempt carries no scaled score ({shown(score)}): the report is given "
            "to failing candidates only",
            field=f"{field}.scaled_score",
            rule=_RULE,
        )
