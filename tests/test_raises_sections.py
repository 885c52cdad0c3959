"""Every public function or method that takes a date names, in its "Raises" section, each
error a bad date makes it raise.

Issue 15: "'Raises' sections omit NaiveDatetimeError and CalendarRangeError"; done when
every public function that can raise them, and the others it really raises, lists them.
The probes are calls, not a reading of the code: each date argument of a valid call is
replaced in turn by a naive datetime, by the same day as a string, and by days far outside
any calendar or rule table (year 1 and year 9999), and every error class that comes out
must be named in the docstring's ``Raises:`` section, by its own name (a section naming
only ``InputTypeError`` does not tell the reader that a naive datetime is refused).
Nothing but an ``EmrpathError`` may come out (design principle 6).

``PROBES`` must hold every public function and method with a date parameter, so a new one
cannot be left out.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import emrpath as ep
from emrpath.authority import (
    AgencyCredential,
    Practitioner,
    StateLicense,
    practice_authority,
)
from emrpath.batch import decide_many, evaluate_many
from emrpath.calendar import BusinessCalendar
from emrpath.lifecycle import recertification_status
from emrpath.params import Citation, Confidence, Param, ParamReader
from emrpath.pathway import decide, evaluate
from emrpath.planning import ErrorLog, Miss, plan_attempts, retake_plan
from emrpath.policies import (
    AnniversaryExpiry,
    AppealWindow,
    AuthorizationWindow,
    DeadlineRecertWindow,
    FixedDaysWait,
    MonthEndValidity,
    MonthsCeWindow,
    MonthsValidity,
    NextPeriodWait,
    NoExpiry,
    RecertExam,
    RecertificationCycle,
    RollingCeWindow,
    SeasonalExpiry,
    SeasonalRecertWindow,
)
from emrpath.rules import (
    appeal_deadline,
    att_expiration_date,
    course_expiration_date,
    earliest_retest_date,
    expected_result_date,
    initial_expiration_date,
    portion_expiration_date,
)
from tests.public_names import public_objects

D = dt.date
PROGRAM = ep.NREMT_EMR
FAILED = ep.ExamAttempt(D(2025, 2, 6), passed=False, scaled_score=870)
CANDIDATE = ep.Candidate(ep.CourseCompletion(D(2025, 1, 10), verified_on=D(2025, 1, 13)), [FAILED])
CITATION = Citation(url="https://example.org/rule", quote="a quoted rule", title="A rule")
CALENDAR = BusinessCalendar.us_federal()


def _first_attr(cls: type) -> Any:
    """An instance of a policy class with no required fields, or the first one the shipped
    programs hold."""
    for program in ep.programs.available():
        for param in program.parameters():
            for provision in param.provisions:
                if isinstance(provision.value, cls):
                    return provision.value
    raise LookupError(cls)


def _pyarrow_table() -> Any:
    pa = pytest.importorskip("pyarrow")
    return pa.table({"course_completed_on": [D(2025, 1, 10)]})


# qualified name -> (the callable, a valid call's keyword arguments, dates included).
# Each entry is a function so that building the values happens in the test.


def _plot_pathway() -> Callable[..., Any]:
    """plot_pathway, closing each figure it draws (the probes call it five times)."""
    pytest.importorskip("matplotlib", reason="plot_pathway needs the plot extra")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from emrpath.plot import plot_pathway

    def drawn_and_closed(**kwargs: Any) -> Any:
        try:
            return plot_pathway(**kwargs)
        finally:
            plt.close("all")

    drawn_and_closed.__doc__ = plot_pathway.__doc__
    drawn_and_closed.__wrapped__ = plot_pathway  # type: ignore[attr-defined]
    return drawn_and_closed


PROBES: dict[str, Callable[[], tuple[Callable[..., Any], dict[str, Any]]]] = {
    "emrpath.authority.AgencyCredential.in_force": lambda: (
        AgencyCredential("x", "emr", issued_on=D(2025, 1, 2)).in_force,
        {"on": D(2025, 6, 2)},
    ),
    "emrpath.authority.StateLicense.in_force": lambda: (
        StateLicense("WY", "emr", issued_on=D(2025, 1, 2), expires_on=D(2027, 1, 1)).in_force,
        {"on": D(2025, 6, 2)},
    ),
    "emrpath.authority.practice_authority": lambda: (
        practice_authority,
        {
            "person": Practitioner(certification=ep.Certification(D(2025, 6, 2))),
            "jurisdiction": "WY",
            "on": D(2026, 1, 5),
            "program": PROGRAM,
        },
    ),
    "emrpath.records.Candidate.with_attempt": lambda: (
        CANDIDATE.with_attempt,
        {"taken_on": D(2025, 2, 20), "passed": True},
    ),
    "emrpath.plot.plot_pathway": lambda: (
        _plot_pathway(),
        {"candidate": CANDIDATE, "as_of": D(2025, 2, 10), "program": PROGRAM},
    ),
    "emrpath.batch.decide_many": lambda: (
        decide_many,
        {"candidates": [CANDIDATE], "as_of": D(2025, 2, 10), "program": PROGRAM},
    ),
    "emrpath.batch.evaluate_many": lambda: (
        evaluate_many,
        {"candidates": [CANDIDATE], "as_of": D(2025, 2, 10), "program": PROGRAM},
    ),
    "emrpath.calendar.BusinessCalendar.is_business_day": lambda: (
        CALENDAR.is_business_day,
        {"day": D(2025, 7, 4)},
    ),
    "emrpath.calendar.BusinessCalendar.closure_reason": lambda: (
        CALENDAR.closure_reason,
        {"day": D(2025, 7, 4)},
    ),
    "emrpath.calendar.BusinessCalendar.add_business_days": lambda: (
        CALENDAR.add_business_days,
        {"day": D(2025, 7, 2), "n": 2},
    ),
    "emrpath.calendar.BusinessCalendar.business_days_between": lambda: (
        CALENDAR.business_days_between,
        {"a": D(2025, 7, 2), "b": D(2025, 7, 9)},
    ),
    "emrpath.calendar.BusinessCalendar.business_days_in": lambda: (
        CALENDAR.business_days_in,
        {"start": D(2025, 7, 2), "end": D(2025, 7, 9)},
    ),
    "emrpath.columnar.evaluate_table": lambda: (
        ep.evaluate_table,
        {"table": _pyarrow_table(), "as_of": D(2025, 2, 10), "program": PROGRAM},
    ),
    "emrpath.lifecycle.recertification_status": lambda: (
        recertification_status,
        {
            "certification": ep.Certification(D(2025, 6, 2)),
            "as_of": D(2026, 1, 5),
            "program": PROGRAM,
        },
    ),
    "emrpath.params.Param.single": lambda: (
        Param.single,
        {
            "name": "wait",
            "description": "a wait",
            "value": FixedDaysWait(days=15),
            "effective_from": D(2015, 1, 1),
            "citation": CITATION,
            "confidence": Confidence.PRIMARY,
        },
    ),
    "emrpath.params.Param.at": lambda: (PROGRAM.retest_wait.at, {"on": D(2025, 1, 10)}),
    "emrpath.params.Param.value_at": lambda: (
        PROGRAM.retest_wait.value_at,
        {"on": D(2025, 1, 10)},
    ),
    "emrpath.params.ParamReader.read": lambda: (
        ParamReader().read,
        {"param": PROGRAM.retest_wait, "on": D(2025, 1, 10)},
    ),
    "emrpath.pathway.decide": lambda: (
        decide,
        {"candidate": CANDIDATE, "as_of": D(2025, 2, 10), "program": PROGRAM},
    ),
    "emrpath.pathway.evaluate": lambda: (
        evaluate,
        {"candidate": CANDIDATE, "as_of": D(2025, 2, 10), "program": PROGRAM},
    ),
    "emrpath.planning.retake.retake_plan": lambda: (
        retake_plan,
        {
            "log": ErrorLog([Miss("sequence")]),
            "failed_attempt": FAILED,
            "candidate": CANDIDATE,
            "as_of": D(2025, 2, 10),
            "program": PROGRAM,
        },
    ),
    "emrpath.planning.timeline.plan_attempts": lambda: (
        plan_attempts,
        {
            "course": CANDIDATE.course,
            "first_attempt_on": D(2025, 2, 6),
            "authorization_issued_on": D(2025, 1, 20),
            "program": PROGRAM,
        },
    ),
    "emrpath.policies.exam.AppealWindow.last_day": lambda: (
        _first_attr(AppealWindow).last_day,
        {"notified_on": D(2025, 3, 6)},
    ),
    "emrpath.policies.exam.AuthorizationWindow.expires_on": lambda: (
        _first_attr(AuthorizationWindow).expires_on,
        {"issued_on": D(2025, 3, 6), "course_expires_on": D(2026, 1, 31)},
    ),
    "emrpath.policies.exam.FixedDaysWait.earliest_after": lambda: (
        FixedDaysWait(days=15).earliest_after,
        {"last_attempt_on": D(2025, 3, 6)},
    ),
    "emrpath.policies.exam.NextPeriodWait.earliest_after": lambda: (
        NextPeriodWait(months=3).earliest_after,
        {"last_attempt_on": D(2025, 3, 6)},
    ),
    "emrpath.policies.recertification.DeadlineRecertWindow.opens_on": lambda: (
        DeadlineRecertWindow(due_months_before=1).opens_on,
        {"expires_on": D(2018, 6, 30)},
    ),
    "emrpath.policies.recertification.DeadlineRecertWindow.due_on": lambda: (
        DeadlineRecertWindow(due_months_before=1).due_on,
        {"expires_on": D(2018, 6, 30)},
    ),
    "emrpath.policies.recertification.DeadlineRecertWindow.late_until": lambda: (
        DeadlineRecertWindow(due_months_before=1).late_until,
        {"expires_on": D(2018, 6, 30)},
    ),
    "emrpath.policies.recertification.MonthsCeWindow.window": lambda: (
        MonthsCeWindow(months=36, lookback_after_expiry=True).window,
        {
            "cycle_start": D(2015, 6, 10),
            "expires_on": D(2018, 6, 30),
            "as_of": D(2018, 5, 1),
        },
    ),
    "emrpath.policies.recertification.RecertExam.opens_on": lambda: (
        RecertExam(attempts=1, opens_month=10, opens_day=1).opens_on,
        {"expires_on": D(2027, 9, 30)},
    ),
    "emrpath.policies.recertification.RecertificationCycle.nominal_start": lambda: (
        RecertificationCycle(months=24).nominal_start,
        {"expires_on": D(2027, 9, 30)},
    ),
    "emrpath.policies.recertification.RecertificationCycle.next_expiration": lambda: (
        RecertificationCycle(months=24).next_expiration,
        {"expires_on": D(2027, 9, 30)},
    ),
    "emrpath.policies.recertification.RollingCeWindow.window": lambda: (
        _first_attr(RollingCeWindow).window,
        {
            "cycle_start": D(2015, 6, 10),
            "expires_on": D(2018, 3, 31),
            "as_of": D(2018, 1, 5),
        },
    ),
    "emrpath.policies.recertification.SeasonalRecertWindow.opens_on": lambda: (
        _first_attr(SeasonalRecertWindow).opens_on,
        {"expires_on": D(2027, 3, 31)},
    ),
    "emrpath.policies.recertification.SeasonalRecertWindow.due_on": lambda: (
        _first_attr(SeasonalRecertWindow).due_on,
        {"expires_on": D(2027, 3, 31)},
    ),
    "emrpath.policies.recertification.SeasonalRecertWindow.late_until": lambda: (
        _first_attr(SeasonalRecertWindow).late_until,
        {"expires_on": D(2027, 3, 31)},
    ),
    "emrpath.policies.validity.AnniversaryExpiry.expires_on": lambda: (
        _first_attr(AnniversaryExpiry).expires_on,
        {"certified_on": D(2025, 6, 2)},
    ),
    "emrpath.policies.validity.MonthEndValidity.expires_on": lambda: (
        _first_attr(MonthEndValidity).expires_on,
        {"start": D(2025, 1, 10)},
    ),
    "emrpath.policies.validity.MonthsValidity.expires_on": lambda: (
        _first_attr(MonthsValidity).expires_on,
        {"start": D(2025, 1, 10)},
    ),
    "emrpath.policies.validity.NoExpiry.expires_on": lambda: (
        NoExpiry().expires_on,
        {"certified_on": D(2025, 6, 2)},
    ),
    "emrpath.policies.validity.SeasonalExpiry.expires_on": lambda: (
        _first_attr(SeasonalExpiry).expires_on,
        {"certified_on": D(2025, 6, 2)},
    ),
    "emrpath.rules.appeals.appeal_deadline": lambda: (
        appeal_deadline,
        {"notified_on": D(2025, 3, 6), "program": PROGRAM},
    ),
    "emrpath.rules.certification.initial_expiration_date": lambda: (
        initial_expiration_date,
        {"certified_on": D(2025, 6, 2), "program": PROGRAM},
    ),
    "emrpath.rules.course.att_expiration_date": lambda: (
        att_expiration_date,
        {
            "issued_on": D(2025, 3, 1),
            "course_completed_on": D(2024, 1, 5),
            "program": PROGRAM,
        },
    ),
    "emrpath.rules.course.course_expiration_date": lambda: (
        course_expiration_date,
        {"completed_on": D(2024, 1, 5), "program": PROGRAM},
    ),
    "emrpath.rules.portions.portion_expiration_date": lambda: (
        portion_expiration_date,
        {
            "passed_on": D(2024, 2, 29),
            "course_completed_on": D(2023, 12, 1),
            "program": PROGRAM,
        },
    ),
    "emrpath.rules.results.expected_result_date": lambda: (
        expected_result_date,
        {"exam_on": D(2025, 3, 6), "program": PROGRAM},
    ),
    "emrpath.rules.retest.earliest_retest_date": lambda: (
        earliest_retest_date,
        {"attempt_on": D(2025, 3, 6), "program": PROGRAM},
    ),
}

# Public callables with a date parameter that are not probed here, each with its reason.
NOT_PROBED = {
    # It takes no date of its own: its candidate and decision are probed through decide().
    "emrpath.planning.timeline.timeline_after": "no date argument of its own",
}


def _is_date(annotation: object) -> bool:
    text = str(annotation)
    return re.search(r"\bdate\b", text) is not None and "Iterable" not in text


def dated_callables() -> Iterator[tuple[str, Callable[..., Any]]]:
    """Every public function and method (not a record's constructor) with a parameter
    annotated as a date."""
    for qualified, obj in public_objects().items():
        if inspect.isclass(obj):
            members = [
                (f"{qualified}.{name}", member)
                for name, member in vars(obj).items()
                if not name.startswith("_")
            ]
        elif inspect.isfunction(obj):
            members = [(qualified, obj)]
        else:
            continue
        for name, member in members:
            function = getattr(member, "__func__", member)
            if inspect.isfunction(function) and any(
                _is_date(p.annotation) for p in inspect.signature(function).parameters.values()
            ):
                yield name, function


def _date_parameters(function: Callable[..., Any]) -> list[str]:
    return [
        p.name for p in inspect.signature(function).parameters.values() if _is_date(p.annotation)
    ]


def raises_section(function: Callable[..., Any]) -> str:
    """The text of the ``Raises:`` section of a Google-style docstring ('' if none)."""
    doc = inspect.getdoc(function) or ""
    match = re.search(r"^Raises:\n(.*?)(?=^\S|\Z)", doc, re.M | re.S)
    return match.group(1) if match else ""


def probe_errors(name: str) -> dict[str, set[str]]:
    """Error class name -> the probes (argument and bad value) that raised it."""
    function, kwargs = PROBES[name]()
    function(**kwargs)  # the valid call is valid
    wrapped = getattr(function, "__func__", function)
    found: dict[str, set[str]] = {}
    for parameter in _date_parameters(wrapped):
        good = kwargs.get(parameter)
        if not isinstance(good, dt.date):
            continue
        bad_values = {
            "naive datetime": dt.datetime.combine(good, dt.time(12)),
            "ISO string": good.isoformat(),
            "year 1": dt.date(1, 1, 2),
            "year 9999": dt.date(9999, 12, 30),
        }
        for label, bad in bad_values.items():
            try:
                function(**{**kwargs, parameter: bad})
            except Exception as err:
                found.setdefault(type(err).__name__, set()).add(f"{parameter}={label}")
    return found


def test_every_dated_public_callable_is_probed():
    names = {name for name, _ in dated_callables()}
    assert names - set(PROBES) - set(NOT_PROBED) == set(), "add a probe to PROBES"
    assert set(PROBES) <= names, "a probe for a callable that is not public or has no date"


def _emrpath_error(name: str) -> bool:
    error = getattr(ep.errors, name, None)
    return isinstance(error, type) and issubclass(error, ep.EmrpathError)


@pytest.mark.parametrize("name", sorted(PROBES))
def test_the_raises_section_names_every_error_a_bad_date_raises(name: str):
    """Issue 15: "every public function that can raise NaiveDatetimeError (any date argument
    given a naive datetime) and CalendarRangeError (dates beyond the calendar range) and
    the others it really raises must list them"."""
    function, _ = PROBES[name]()
    section = raises_section(getattr(function, "__func__", function))
    for error, probes in probe_errors(name).items():
        if not _emrpath_error(error):
            continue  # not an error the API raises on purpose: see the test below
        assert re.search(rf"^\s*{error}\b", section, re.M), (
            f"{name}: raises {error} ({', '.join(sorted(probes))}), not named under Raises"
        )


@pytest.mark.parametrize("name", sorted(PROBES))
def test_a_bad_date_raises_only_emrpath_errors(name: str):
    """Design principle 6: "Every invalid record or argument raises a subclass of
    `emrpath.EmrpathError` [...] with a message naming the field and the rule"."""
    found = probe_errors(name)
    assert {error: probes for error, probes in found.items() if not _emrpath_error(error)} == {}


def test_the_probes_see_the_naive_datetime_and_the_calendar_range():
    """The probes reach the two errors the issue names, where the code raises them."""
    assert "NaiveDatetimeError" in probe_errors("emrpath.rules.results.expected_result_date")
    assert "CalendarRangeError" in probe_errors("emrpath.rules.results.expected_result_date")
    assert "NaiveDatetimeError" in probe_errors("emrpath.pathway.evaluate")
