"""Facts about a candidate: frozen, slotted, validated attrs records.

Records hold plain ``datetime.date`` values and check, at construction, everything that
needs no program and no ``as_of``: types, order, and dates that contradict each other.
Checks that need a program or a date of evaluation (a score off the program's scale, an
attempt after ``as_of``, more attempts than the program allows) happen in
:func:`emrpath.evaluate`. What-if questions are new records: ``Candidate.with_attempt``,
``Candidate.replace`` (nested fields as ``course__verified_on``) and
``Candidate.replace_attempt``, or ``attrs.evolve`` on any record.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> candidate = ep.Candidate(
    ...     course=ep.CourseCompletion(completed_on=dt.date(2025, 5, 2)),
    ...     attempts=[ep.ExamAttempt(dt.date(2025, 7, 1), passed=False, scaled_score=880)],
    ... )
    >>> candidate.attempts[0].scaled_score
    880
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from emrpath._dates import notebook_day, optional_notebook_day
from emrpath._validators import amount, boolean, instance_of, plain_date, sequence_of, shown
from emrpath.errors import InputTypeError, InvalidRecordError, UnknownNameError

__all__ = [
    "AuthorizationToTest",
    "Candidate",
    "Certification",
    "ContinuingEducation",
    "CourseCompletion",
    "CprCredential",
    "ExamAttempt",
    "PrerequisiteCredential",
    "PriorCourse",
    "RecertificationRecord",
    "RemedialTraining",
    "SkillsCompetency",
]

R = TypeVar("R")


def _checked_tuple(
    value: Any,
    kind: type[R],
    field: str,
    *,
    owner: str = "Candidate",
    rule: str = "candidate record",
) -> tuple[R, ...]:
    """``value`` as a tuple of ``kind`` (in the caller's order), or a clear error."""
    return sequence_of(value, kind, field=field, rule=rule, whole=f"{owner}.{field}")


def _sorted_tuple(value: Any, kind: type[R], field: str, key: Callable[[R], Any]) -> tuple[R, ...]:
    """``value`` as a tuple of ``kind`` sorted by ``key``, or a clear error."""
    return tuple(sorted(_checked_tuple(value, kind, field), key=key))


def _attempts(value: Any) -> tuple[ExamAttempt, ...]:
    return _sorted_tuple(value, ExamAttempt, "attempts", lambda a: a.taken_on)


def _authorizations(value: Any) -> tuple[AuthorizationToTest, ...]:
    return _sorted_tuple(value, AuthorizationToTest, "authorizations", lambda a: a.issued_on)


def _history(value: Any) -> tuple[PriorCourse, ...]:
    return _sorted_tuple(value, PriorCourse, "history", lambda p: p.course.completed_on)


def _route(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InputTypeError(
            f"must be a non-empty str or None, got {shown(value)}",
            field="CourseCompletion.route",
            rule="attempt limit",
        )


@attrs.frozen(slots=True)
class CourseCompletion:
    """Completion of the qualifying course (or education), and its verification.

    Args:
        completed_on: The course (or program) completion date.
        verified_on: When the program director verified completion (``None``: not yet).
        route: The eligibility route the completion qualifies under (``"route 1"`` …), for
            programs that count attempts per route; ``None`` where routes do not matter.

    Example:
        >>> import datetime as dt
        >>> CourseCompletion(dt.date(2025, 5, 2), verified_on=dt.date(2025, 5, 1))
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: CourseCompletion.verified_on: 2025-05-01 is before \
the course completion 2025-05-02 (rule: course verification)
    """

    completed_on: dt.date = attrs.field(
        converter=notebook_day,
        validator=plain_date("course window"),
    )
    verified_on: dt.date | None = attrs.field(
        default=None,
        converter=optional_notebook_day,
        validator=plain_date("course verification", optional=True),
    )
    route: str | None = attrs.field(default=None, kw_only=True, validator=_route)

    def __attrs_post_init__(self) -> None:
        if self.verified_on is not None and self.verified_on < self.completed_on:
            raise InvalidRecordError(
                f"{self.verified_on} is before the course completion {self.completed_on}",
                field="CourseCompletion.verified_on",
                rule="course verification",
            )


def _score(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if type(value) is not int:
        raise InputTypeError(
            f"must be an int scaled score or None, got {type(value).__name__} {shown(value)}"
            + ("; a percentage is not a scaled score" if isinstance(value, float) else ""),
            field="ExamAttempt.scaled_score",
            rule="score report",
        )


@attrs.frozen(slots=True)
class ExamAttempt:
    """One cognitive exam attempt.

    Args:
        taken_on: The exam date.
        passed: The outcome.
        scaled_score: The scaled score on the failing-candidate report, if one was given.
            It is checked against the program's scale in :func:`emrpath.evaluate`.
    """

    taken_on: dt.date = attrs.field(
        converter=notebook_day,
        validator=plain_date("exam attempt"),
    )
    passed: bool = attrs.field(kw_only=False)
    scaled_score: int | None = attrs.field(default=None, validator=_score)

    @passed.validator
    def _check_passed(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not bool:
            raise InputTypeError(
                f"must be True or False, got {type(value).__name__} {shown(value)}",
                field="ExamAttempt.passed",
                rule="exam attempt",
            )


@attrs.frozen(slots=True)
class AuthorizationToTest:
    """An Authorization to Test (or exam admission notice), by its issue date."""

    issued_on: dt.date = attrs.field(
        converter=notebook_day,
        validator=plain_date("authorization to test"),
    )


@attrs.frozen(slots=True)
class SkillsCompetency:
    """A passed skills (psychomotor) competency, by its pass date."""

    passed_on: dt.date = attrs.field(
        converter=notebook_day,
        validator=plain_date("skills competency"),
    )


@attrs.frozen(slots=True)
class CprCredential:
    """A CPR-BLS credential: when it expires and, optionally, when it was issued."""

    expires_on: dt.date = attrs.field(
        converter=notebook_day,
        validator=plain_date("CPR credential"),
    )
    issued_on: dt.date | None = attrs.field(
        default=None,
        converter=optional_notebook_day,
        validator=plain_date("CPR credential", optional=True),
    )

    def __attrs_post_init__(self) -> None:
        if self.issued_on is not None and self.issued_on > self.expires_on:
            raise InvalidRecordError(
                f"issued {self.issued_on} after it expires {self.expires_on}",
                field="CprCredential.issued_on",
                rule="CPR credential",
            )


_CREDENTIAL_KINDS = ("national_certification", "state_license")
_ACCREDITATIONS = ("caahep", "letter_of_review")


def _one_of(value: object, options: tuple[str, ...], *, field: str, optional: bool) -> None:
    if value is None and optional:
        return
    if value not in options:
        raise InvalidRecordError(
            f"must be one of {', '.join(options)}, got {shown(value)}",
            field=field,
            rule="prerequisite",
        )


def _credential_kind(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _one_of(value, _CREDENTIAL_KINDS, field="PrerequisiteCredential.kind", optional=False)


def _accreditation(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _one_of(value, _ACCREDITATIONS, field="Candidate.course_accreditation", optional=True)


def _level_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InputTypeError(
            f"must be a level name such as 'emt', got {shown(value)}",
            field="PrerequisiteCredential.level",
            rule="prerequisite",
        )


@attrs.frozen(slots=True)
class PrerequisiteCredential:
    """A credential held before this program's: a national certification or state licence.

    Args:
        level: The level it is at (``"emt"``, ``"aemt"``, ``"paramedic"``…).
        expires_on: Its last valid day.
        kind: ``"state_license"`` (the default) or ``"national_certification"``.

    Example:
        >>> import datetime as dt
        >>> PrerequisiteCredential("emt", dt.date(2027, 3, 31), kind="national_certification")
        PrerequisiteCredential(level='emt', expires_on=datetime.date(2027, 3, 31), \
kind='national_certification')
    """

    level: str = attrs.field(validator=_level_name)
    expires_on: dt.date = attrs.field(
        converter=notebook_day,
        validator=plain_date("prerequisite"),
    )
    kind: str = attrs.field(default="state_license", kw_only=True, validator=_credential_kind)

    def describe(self) -> str:
        """The credential in words.

        Example:
            >>> import datetime as dt
            >>> PrerequisiteCredential("emt", dt.date(2027, 3, 31)).describe()
            'state license at emt level, valid through 2027-03-31'
        """
        kind = self.kind.replace("_", " ")
        return f"{kind} at {self.level} level, valid through {self.expires_on}"


def _remedial_hours(value: object) -> Decimal | None:
    if value is None:
        return None
    return amount(value, field="RemedialTraining.hours", rule="remedial training", positive=True)


@attrs.frozen(slots=True)
class RemedialTraining:
    """Documented remedial training completed after the first block of failed attempts.

    Args:
        completed_on: The day the training was completed.
        hours: Hours of remedial training documented (``None`` when only the national
            component is claimed). Read exactly, like continuing-education hours.
        national_component: Whether it is the national component of the continuing
            education model (NREMT's NCCP national component), which some programs accept
            in place of the hours.

    Raises:
        InvalidRecordError: Neither ``hours`` nor ``national_component`` given.

    Example:
        >>> import datetime as dt
        >>> RemedialTraining(dt.date(2025, 8, 1), hours=24)
        RemedialTraining(completed_on=datetime.date(2025, 8, 1), hours=Decimal('24'), \
national_component=False)
        >>> RemedialTraining(dt.date(2025, 8, 1))
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: RemedialTraining.hours: give the hours completed, \
or national_component=True (rule: remedial training)
    """

    completed_on: dt.date = attrs.field(
        converter=notebook_day,
        validator=plain_date("remedial training"),
    )
    hours: Decimal | None = attrs.field(default=None, converter=_remedial_hours)
    national_component: bool = attrs.field(
        default=False, kw_only=True, validator=boolean("remedial training")
    )

    def __attrs_post_init__(self) -> None:
        if self.hours is None and not self.national_component:
            raise InvalidRecordError(
                "give the hours completed, or national_component=True",
                field="RemedialTraining.hours",
                rule="remedial training",
            )

    def describe(self) -> str:
        """What the record documents, in words.

        Example:
            >>> import datetime as dt
            >>> RemedialTraining(dt.date(2025, 8, 1), national_component=True).describe()
            'the national continuing-education component, completed 2025-08-01'
        """
        what = (
            "the national continuing-education component"
            if self.national_component
            else f"{self.hours} hours of remedial training"
        )
        return f"{what}, completed {self.completed_on}"


def _attempt_rules(
    course: CourseCompletion, attempts: tuple[ExamAttempt, ...], prefix: str
) -> None:
    """Checks on a course's attempts that need no program: none before it, none on one day.

    An attempt may follow a pass only once that pass has lapsed, which depends on the
    program's portion validity: :func:`emrpath.evaluate` checks it.
    """
    previous: ExamAttempt | None = None
    for index, attempt in enumerate(attempts):
        where = f"{prefix}attempts[{index}].taken_on"
        if attempt.taken_on < course.completed_on:
            raise InvalidRecordError(
                f"attempt on {attempt.taken_on} is before the course completion "
                f"{course.completed_on}; a Candidate holds one course and its attempts "
                "(put earlier courses in history)",
                field=where,
                rule="attempt limit",
            )
        if previous is not None and attempt.taken_on == previous.taken_on:
            raise InvalidRecordError(
                f"two attempts on {attempt.taken_on}",
                field=where,
                rule="retest wait",
            )
        previous = attempt


_WHAT_IF = "what-if"


def _check_names(kind: type, keys: dict[str, str]) -> None:
    """Each name in ``keys`` (name -> the key typed) is a field of ``kind``, or an error.

    The error names the key as typed, and the field it probably means.
    """
    fields = [f.name for f in attrs.fields(kind) if f.init]
    for name, key in keys.items():
        if name not in fields:
            import difflib  # only a typo pays for it

            within = [field for field in fields if name and name in field]  # "score"
            close = within if len(within) == 1 else []
            close = close or difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise UnknownNameError(
                f"{kind.__name__} has no field {shown(name)}; its fields are "
                f"{', '.join(fields)}{hint}",
                field=key,
                rule=_WHAT_IF,
            )


@attrs.frozen(slots=True)
class PriorCourse:
    """An earlier course and the attempts made under it (for a candidate's history)."""

    course: CourseCompletion = attrs.field(
        validator=instance_of(CourseCompletion, "candidate record")
    )
    attempts: tuple[ExamAttempt, ...] = attrs.field(default=(), converter=_attempts)

    def __attrs_post_init__(self) -> None:
        _attempt_rules(self.course, self.attempts, "PriorCourse.")


@attrs.frozen(slots=True)
class Candidate:
    """One course completion and everything done under it.

    Args:
        course: The course the attempts count against.
        attempts: Cognitive attempts under that course (kept in date order).
        skills: The passed skills competency, if any.
        authorizations: Authorizations to test issued under the course (date order).
        cpr: The current CPR credential, if the caller tracks it.
        history: Earlier courses (or earlier eligibility routes) and their attempts. Under a
            per-course limit they do not count against this course's attempts; under a
            per-route limit, attempts on the same route count.
        transcripts_received_on: When the certifying body received the official
            transcripts, for programs that hold results until then (``None``: not yet).
        remedial: Remedial training documented under this course, for programs whose
            attempt limit allows more attempts after it (``None``: none on record). It
            never extends the course.
        prerequisite: The credential held before this program's, for programs that
            require one (``None``: none on record).
        course_accreditation: How the course's program is accredited, for programs that
            require it: ``"caahep"`` or ``"letter_of_review"`` (a CoAEMSP Letter of
            Review); ``None``: not on record.

    Raises:
        InputTypeError: A field has the wrong type.
        InvalidRecordError: An attempt before the course, two attempts on one day, or a
            history course that is not earlier. (An attempt after a pass that was still
            valid is refused by :func:`emrpath.evaluate`, which knows the program's
            portion validity.)
    """

    course: CourseCompletion = attrs.field(
        validator=instance_of(CourseCompletion, "candidate record")
    )
    attempts: tuple[ExamAttempt, ...] = attrs.field(default=(), converter=_attempts)
    skills: SkillsCompetency | None = attrs.field(
        default=None,
        validator=instance_of(SkillsCompetency, "candidate record", optional=True),
    )
    authorizations: tuple[AuthorizationToTest, ...] = attrs.field(
        default=(),
        converter=_authorizations,
    )
    cpr: CprCredential | None = attrs.field(
        default=None,
        validator=instance_of(CprCredential, "candidate record", optional=True),
    )
    history: tuple[PriorCourse, ...] = attrs.field(
        default=(),
        converter=_history,
    )
    transcripts_received_on: dt.date | None = attrs.field(
        default=None,
        converter=optional_notebook_day,
        validator=plain_date("result posting", optional=True),
    )
    remedial: RemedialTraining | None = attrs.field(
        default=None,
        kw_only=True,
        validator=instance_of(RemedialTraining, "candidate record", optional=True),
    )
    prerequisite: PrerequisiteCredential | None = attrs.field(
        default=None,
        kw_only=True,
        validator=instance_of(PrerequisiteCredential, "candidate record", optional=True),
    )
    course_accreditation: str | None = attrs.field(
        default=None, kw_only=True, validator=_accreditation
    )

    def __attrs_post_init__(self) -> None:
        _attempt_rules(self.course, self.attempts, "")
        if self.remedial is not None and self.remedial.completed_on < self.course.completed_on:
            raise InvalidRecordError(
                f"completed {self.remedial.completed_on}, before the course completion "
                f"{self.course.completed_on}; remedial training follows failed attempts "
                "under the course",
                field="remedial.completed_on",
                rule="remedial training",
            )
        for index, prior in enumerate(self.history):
            if prior.course.completed_on >= self.course.completed_on:
                raise InvalidRecordError(
                    f"history course completed {prior.course.completed_on} is not before "
                    f"the current course {self.course.completed_on}",
                    field=f"history[{index}].course.completed_on",
                    rule="attempt limit",
                )
        for index, att in enumerate(self.authorizations):
            if att.issued_on < self.course.completed_on:
                raise InvalidRecordError(
                    f"issued {att.issued_on}, before the course completion "
                    f"{self.course.completed_on}",
                    field=f"authorizations[{index}].issued_on",
                    rule="authorization to test",
                )

    def with_attempt(
        self, taken_on: dt.date, passed: bool, scaled_score: int | None = None
    ) -> Candidate:
        """This candidate with one more attempt: a what-if in one call.

        The new candidate is built and checked like any other (the attempt goes into date
        order; one before the course or on the day of another is refused); this one is
        unchanged.

        Args:
            taken_on: The exam date (a date, or a notebook timestamp naming a day).
            passed: The outcome.
            scaled_score: The scaled score on the failing-candidate report, if any.

        Raises:
            InputTypeError: A value has the wrong type.
            InvalidRecordError: The attempt is before the course or on the day of another.

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> candidate = Candidate(CourseCompletion(dt.date(2025, 5, 2), dt.date(2025, 5, 6)))
            >>> what_if = candidate.with_attempt(dt.date(2025, 7, 1), passed=False)
            >>> len(candidate.attempts), len(what_if.attempts)
            (0, 1)
            >>> decision = ep.decide(what_if, as_of=dt.date(2025, 7, 10), program=ep.NREMT_EMR)
            >>> decision.next_attempt_on
            datetime.date(2025, 7, 16)
        """
        added = ExamAttempt(taken_on, passed, scaled_score)
        return attrs.evolve(self, attempts=(*self.attempts, added))

    def replace_attempt(self, index: int, **changes: Any) -> Candidate:
        """This candidate with attempt ``index`` changed (moved, or another outcome).

        ``index`` counts in ``attempts``, which are in date order; negative indexes
        count from the last. The changed attempt goes back into date order.

        Args:
            index: Which attempt, as in ``candidate.attempts[index]``.
            **changes: ``ExamAttempt`` fields: ``taken_on``, ``passed``, ``scaled_score``.

        Raises:
            UnknownNameError: A change names no field of ``ExamAttempt``.
            InvalidRecordError: No attempt at ``index``, or the changed candidate breaks a
                record rule.
            InputTypeError: ``index`` is not an int, or a value has the wrong type.

        Example:
            >>> import datetime as dt
            >>> course = CourseCompletion(dt.date(2025, 5, 2))
            >>> candidate = Candidate(course, [ExamAttempt(dt.date(2025, 7, 1), passed=False)])
            >>> candidate.replace_attempt(-1, taken_on=dt.date(2025, 6, 20)).attempts[0].taken_on
            datetime.date(2025, 6, 20)
            >>> candidate.replace_attempt(0, score=900)
            Traceback (most recent call last):
            ...
            emrpath.errors.UnknownNameError: score: ExamAttempt has no field 'score'; its \
fields are taken_on, passed, scaled_score (did you mean 'scaled_score'?) (rule: what-if)
        """
        if type(index) is not int:
            raise InputTypeError(
                f"must be an int, got {type(index).__name__} {shown(index)}",
                field="index",
                rule=_WHAT_IF,
            )
        if not -len(self.attempts) <= index < len(self.attempts):
            raise InvalidRecordError(
                f"no attempt at {index}: the candidate has {len(self.attempts)}",
                field="index",
                rule=_WHAT_IF,
            )
        _check_names(ExamAttempt, {key: key for key in changes})
        attempts = list(self.attempts)
        attempts[index] = attrs.evolve(attempts[index], **changes)
        return attrs.evolve(self, attempts=attempts)

    def replace(self, **changes: Any) -> Candidate:
        """This candidate with some fields changed, nested ones by ``record__field``.

        A key is a field of ``Candidate`` (``skills=...``, ``attempts=[...]``), or a
        record field and one of its own fields joined by ``__``
        (``course__completed_on=...``, ``cpr__expires_on=...``): the nested record is
        changed in place of two ``attrs.evolve`` calls. Everything is checked again, as
        on construction; this candidate is unchanged.

        Raises:
            UnknownNameError: A key names no field (with the one it probably means).
            InvalidRecordError: ``record__field`` for a record the candidate does not
                have (``skills`` is ``None``), a field named twice, or the result breaks
                a record rule.
            InputTypeError: A value has the wrong type.

        Example:
            >>> import datetime as dt
            >>> import emrpath as ep
            >>> candidate = Candidate(CourseCompletion(dt.date(2025, 5, 2)))
            >>> later = candidate.replace(course__verified_on=dt.date(2025, 5, 9))
            >>> later.course
            CourseCompletion(completed_on=datetime.date(2025, 5, 2), \
verified_on=datetime.date(2025, 5, 9), route=None)
            >>> candidate.replace(skills=ep.SkillsCompetency(dt.date(2025, 6, 1))).skills
            SkillsCompetency(passed_on=datetime.date(2025, 6, 1))
            >>> candidate.replace(course__verified=dt.date(2025, 5, 9))
            Traceback (most recent call last):
            ...
            emrpath.errors.UnknownNameError: course__verified: CourseCompletion has no field \
'verified'; its fields are completed_on, verified_on, route (did you mean 'verified_on'?) \
(rule: what-if)
        """
        top: dict[str, Any] = {}
        nested: dict[str, dict[str, Any]] = {}
        for key, value in changes.items():
            name, _, inner = key.partition("__")
            _check_names(Candidate, {name: key})
            if inner:
                nested.setdefault(name, {})[inner] = value
            else:
                top[name] = value
        for name, inner_changes in nested.items():
            if name in top:
                raise InvalidRecordError(
                    f"{name} is given whole and by field; give one",
                    field=name,
                    rule=_WHAT_IF,
                )
            record = getattr(self, name)
            if not attrs.has(type(record)):
                what = "None" if record is None else f"a {type(record).__name__}"
                raise InvalidRecordError(
                    f"the candidate's {name} is {what}, not a record with fields to change; "
                    f"give {name}=... whole",
                    field=f"{name}__{next(iter(inner_changes))}",
                    rule=_WHAT_IF,
                )
            _check_names(type(record), {inner: f"{name}__{inner}" for inner in inner_changes})
            top[name] = attrs.evolve(record, **inner_changes)
        return attrs.evolve(self, **top)

    @property
    def unused_authorization(self) -> AuthorizationToTest | None:
        """The newest authorization to test issued after the last attempt (any before one).

        Example:
            >>> import datetime as dt
            >>> candidate = Candidate(
            ...     course=CourseCompletion(dt.date(2025, 5, 2)),
            ...     attempts=[ExamAttempt(dt.date(2025, 7, 1), passed=False)],
            ...     authorizations=[AuthorizationToTest(dt.date(2025, 6, 1))],
            ... )
            >>> candidate.unused_authorization is None
            True
        """
        last = self.attempts[-1].taken_on if self.attempts else None
        for authorization in reversed(self.authorizations):
            if last is None or authorization.issued_on > last:
                return authorization
            break  # sorted by issue date: every earlier one was used too
        return None

    @property
    def passed_attempt(self) -> ExamAttempt | None:
        """The last attempt, if it passed: the pass that counts.

        An earlier pass can only be one that lapsed before the next attempt (checked by
        :func:`emrpath.evaluate`).

        Example:
            >>> import datetime as dt
            >>> first = ExamAttempt(dt.date(2025, 7, 1), passed=False, scaled_score=820)
            >>> course = CourseCompletion(dt.date(2025, 5, 2))
            >>> Candidate(course, attempts=[first]).passed_attempt is None
            True
            >>> retest = ExamAttempt(dt.date(2025, 7, 16), passed=True)
            >>> Candidate(course, attempts=[first, retest]).passed_attempt.taken_on
            datetime.date(2025, 7, 16)
        """
        if self.attempts and self.attempts[-1].passed:
            return self.attempts[-1]
        return None


@attrs.frozen(slots=True)
class Certification:
    """An issued certification and the cycle it is in.

    Args:
        certified_on: The date the certification was first issued.
        expires_on: The current expiration date. ``None``: the initial one, from the
            program's ``certification_term``; give it after a recertification.
        cycle_started_on: The day the current cycle began: when the last recertification
            was completed (rolling recertification). ``None``: ``certified_on``.

    Raises:
        InvalidRecordError: The dates contradict each other.

    Example:
        >>> import datetime as dt
        >>> Certification(dt.date(2023, 8, 10), cycle_started_on=dt.date(2025, 5, 1))
        Traceback (most recent call last):
        ...
        emrpath.errors.InvalidRecordError: Certification.expires_on: a recertified cycle \
needs its expiration date; only the initial one can be derived (rule: recertification)
    """

    certified_on: dt.date = attrs.field(
        converter=notebook_day,
        validator=plain_date("certification"),
    )
    expires_on: dt.date | None = attrs.field(
        default=None,
        converter=optional_notebook_day,
        validator=plain_date("recertification", optional=True),
    )
    cycle_started_on: dt.date | None = attrs.field(
        default=None,
        converter=optional_notebook_day,
        validator=plain_date("recertification", optional=True),
    )

    def __attrs_post_init__(self) -> None:
        if self.cycle_started_on is not None:
            if self.cycle_started_on < self.certified_on:
                raise InvalidRecordError(
                    f"{self.cycle_started_on} is before the certification {self.certified_on}",
                    field="Certification.cycle_started_on",
                    rule="recertification",
                )
            if self.expires_on is None:
                raise InvalidRecordError(
                    "a recertified cycle needs its expiration date; only the initial one can "
                    "be derived",
                    field="Certification.expires_on",
                    rule="recertification",
                )
        start = self.cycle_started_on or self.certified_on
        if self.expires_on is not None and self.expires_on <= start:
            raise InvalidRecordError(
                f"{self.expires_on} is not after the cycle start {start}",
                field="Certification.expires_on",
                rule="recertification",
            )

    @property
    def cycle_start(self) -> dt.date:
        """The first day of the current cycle.

        Example:
            >>> import datetime as dt
            >>> Certification(dt.date(2023, 8, 10)).cycle_start
            datetime.date(2023, 8, 10)
            >>> Certification(dt.date(2023, 8, 10), expires_on=dt.date(2028, 9, 30),
            ...               cycle_started_on=dt.date(2026, 5, 1)).cycle_start
            datetime.date(2026, 5, 1)
        """
        return self.cycle_started_on or self.certified_on


def _ce_amount(value: object) -> Decimal:
    return amount(
        value, field="ContinuingEducation.amount", rule="continuing education", positive=True
    )


def _component(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.name == "topic":
        return
    if not isinstance(value, str) or not value.strip():
        raise InputTypeError(
            f"must be a non-empty str, got {shown(value)}",
            field=f"ContinuingEducation.{attribute.name}",
            rule="continuing education",
        )


@attrs.frozen(slots=True)
class ContinuingEducation:
    """One piece of continuing education, allocated to a component of the requirement.

    Args:
        completed_on: The day it was completed.
        amount: Hours (NREMT) or points (ASCP CMP): the unit is the program's. Any real
            number, read exactly: an int, a float (read by its shortest repr, as is a
            numpy float), a Decimal, a Fraction with an exact decimal value; more than 0,
            finite, below 10**12 with at most 6 decimal places.
        component: The component it is allocated to (``"national"``, ``"local"``,
            ``"individual"``; ``"chemistry"`` …), checked against the program in
            :func:`emrpath.recertification_status`.
        topic: The topic inside the component, where the component has topics.

    Example:
        >>> import datetime as dt
        >>> ContinuingEducation(dt.date(2024, 3, 1), 2.5, "national", topic="cardiovascular")
        ContinuingEducation(completed_on=datetime.date(2024, 3, 1), amount=Decimal('2.5'), \
component='national', topic='cardiovascular')
        >>> ContinuingEducation(dt.date(2024, 3, 1), "2", "national")
        Traceback (most recent call last):
        ...
        emrpath.errors.InputTypeError: ContinuingEducation.amount: must be a number of hours \
or points (an int, float, Decimal, Fraction or other real number), got str '2' \
(rule: continuing education)
    """

    completed_on: dt.date = attrs.field(
        converter=notebook_day,
        validator=plain_date("continuing education"),
    )
    amount: Decimal = attrs.field(converter=_ce_amount)
    component: str = attrs.field(validator=_component)
    topic: str | None = attrs.field(default=None, validator=_component)


_RECERT = "RecertificationRecord"


def _education(value: Any) -> tuple[ContinuingEducation, ...]:
    return _checked_tuple(
        value, ContinuingEducation, "education", owner=_RECERT, rule="recertification"
    )


def _exam_attempts(value: Any) -> tuple[ExamAttempt, ...]:
    return _checked_tuple(
        value, ExamAttempt, "exam_attempts", owner=_RECERT, rule="recertification"
    )


@attrs.frozen(slots=True)
class RecertificationRecord:
    """A certification with the education and exam attempts of its current cycle.

    The one input document of :func:`emrpath.recertification_status` (and of
    ``emrpath status`` on the command line): the function's record arguments in one value.

    Args:
        certification: The certification and its current cycle.
        education: Continuing education, each allocated to a component.
        exam_attempts: Recertification-by-exam attempts in this cycle.

    Example:
        >>> import datetime as dt
        >>> import emrpath as ep
        >>> record = RecertificationRecord(
        ...     ep.Certification(dt.date(2023, 8, 10)),
        ...     education=[ep.ContinuingEducation(dt.date(2025, 2, 1), 8, "national")],
        ... )
        >>> ep.recertification_status(
        ...     record.certification, record.education, as_of=dt.date(2026, 5, 1),
        ...     program=ep.NREMT_EMR
        ... ).total_earned
        Decimal('8')
    """

    certification: Certification = attrs.field(
        validator=instance_of(Certification, "recertification record")
    )
    education: tuple[ContinuingEducation, ...] = attrs.field(default=(), converter=_education)
    exam_attempts: tuple[ExamAttempt, ...] = attrs.field(default=(), converter=_exam_attempts)
