"""The policy values themselves: each refusal's field, rule and words, each boundary a
policy accepts, and each policy's rule in words.

Design principle 6: "Every invalid record or argument raises a subclass of
`emrpath.EmrpathError` [...] with a message naming the field and the rule." The shipped
programs build their policies at import, before a test (or a mutant) runs, so these tests
build them again here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

import emrpath as ep
from emrpath.policies import (
    AfterLimit,
    AttemptLimit,
    AttemptScope,
    AuthorizationWindow,
    CeComponent,
    CeRequirement,
    CeTopic,
    DeadlineRecertWindow,
    MonthsCeWindow,
    Prerequisite,
    RecertExam,
    RemedialRequirement,
    Requirement,
    ResultPosting,
    ScoreScale,
    SeasonalExpiry,
    SeasonalRecertWindow,
)
from tests.errors import raises_emrpath

D = dt.date
PARAMETER = "program parameter"

# (how to build it, the error, its field, its rule, its message)
REFUSALS: list[tuple[str, Callable[[], object], type[ep.EmrpathError], str, str, str]] = [
    (
        "positive: zero",
        lambda: ResultPosting(business_days=0),
        ep.InvalidRecordError,
        "ResultPosting.business_days",
        PARAMETER,
        "must be a positive int, got 0",
    ),
    (
        "positive: a bool",
        lambda: RecertExam(attempts=True),
        ep.InvalidRecordError,
        "RecertExam.attempts",
        PARAMETER,
        "must be a positive int, got True",
    ),
    (
        "positive: a float",
        lambda: RecertExam(attempts=1.0),
        ep.InvalidRecordError,
        "RecertExam.attempts",
        PARAMETER,
        "must be a positive int, got 1.0",
    ),
    (
        "non-negative: minus one",
        lambda: ScoreScale(-1, 1500, 950),
        ep.InvalidRecordError,
        "ScoreScale.minimum",
        PARAMETER,
        "must be a non-negative int, got -1",
    ),
    (
        "non-negative: a bool",
        lambda: DeadlineRecertWindow(due_months_before=False),
        ep.InvalidRecordError,
        "DeadlineRecertWindow.due_months_before",
        PARAMETER,
        "must be a non-negative int, got False",
    ),
    (
        "month number: 0",
        lambda: SeasonalRecertWindow(0, 1, 10, 31),
        ep.InvalidRecordError,
        "SeasonalRecertWindow.opens_month",
        PARAMETER,
        "must be a month number 1-12, got 0",
    ),
    (
        "month number: 13",
        lambda: SeasonalRecertWindow(4, 1, 13, 31),
        ep.InvalidRecordError,
        "SeasonalRecertWindow.late_month",
        PARAMETER,
        "must be a month number 1-12, got 13",
    ),
    (
        "month number: a bool",
        lambda: SeasonalExpiry(True, 30, 7, 2, 3),
        ep.InvalidRecordError,
        "SeasonalExpiry.month",
        PARAMETER,
        "must be a month number 1-12, got True",
    ),
    (
        "result posting: not a requirement",
        lambda: ResultPosting(2, {"transcripts_received"}),
        ep.InvalidRecordError,
        "ResultPosting.held_until",
        "result posting",
        "expected Requirement values, got 'transcripts_received'",
    ),
    (
        "score scale: passing below the minimum",
        lambda: ScoreScale(100, 1500, 99),
        ep.InvalidRecordError,
        "ScoreScale.passing",
        "score report",
        "passing point 99 is not on the scale 100-1500",
    ),
    (
        "score scale: passing above the maximum",
        lambda: ScoreScale(100, 1500, 1501),
        ep.InvalidRecordError,
        "ScoreScale.passing",
        "score report",
        "passing point 1501 is not on the scale 100-1500",
    ),
    (
        "remedial: a component of zero hours",
        lambda: RemedialRequirement(hours=24, component_hours=0),
        ep.InvalidRecordError,
        "RemedialRequirement.component_hours",
        PARAMETER,
        "must be a positive int, got 0",
    ),
    (
        "authorization: neither length",
        lambda: AuthorizationWindow(),
        ep.InvalidRecordError,
        "AuthorizationWindow",
        "authorization to test",
        "give exactly one of days and months",
    ),
    (
        "authorization: both lengths",
        lambda: AuthorizationWindow(days=90, months=3),
        ep.InvalidRecordError,
        "AuthorizationWindow",
        "authorization to test",
        "give exactly one of days and months",
    ),
    (
        "authorization: zero days",
        lambda: AuthorizationWindow(days=0),
        ep.InvalidRecordError,
        "AuthorizationWindow.days",
        "authorization to test",
        "must be a positive int, got 0",
    ),
    (
        "authorization: months as a bool",
        lambda: AuthorizationWindow(months=True),
        ep.InvalidRecordError,
        "AuthorizationWindow.months",
        "authorization to test",
        "must be a positive int, got True",
    ),
    (
        "prerequisite: no levels",
        lambda: Prerequisite(set()),
        ep.InvalidRecordError,
        "Prerequisite.levels",
        "prerequisite",
        "expected a non-empty set of level names, got set()",
    ),
    (
        "prerequisite: an empty level name",
        lambda: Prerequisite(["emt", ""]),
        ep.InvalidRecordError,
        "Prerequisite.levels",
        "prerequisite",
        "expected a non-empty set of level names, got ['emt', '']",
    ),
    (
        "prerequisite: a level that is not a str",
        lambda: Prerequisite({3}),
        ep.InvalidRecordError,
        "Prerequisite.levels",
        "prerequisite",
        "expected a non-empty set of level names, got {3}",
    ),
    (
        "name: blank",
        lambda: CeTopic(" ", 1),
        ep.InvalidRecordError,
        "CeTopic.name",
        PARAMETER,
        "must be a non-empty str, got ' '",
    ),
    (
        "name: not a str",
        lambda: CeComponent(7, 1),
        ep.InvalidRecordError,
        "CeComponent.name",
        PARAMETER,
        "must be a non-empty str, got 7",
    ),
    (
        "minimum: negative",
        lambda: CeTopic("trauma", -1),
        ep.InvalidRecordError,
        "CeTopic.minimum",
        PARAMETER,
        "must be at least 0, got Decimal('-1')",
    ),
    (
        "minimum: not a number",
        lambda: CeRequirement("hours", "16", (CeComponent("national", 8),)),
        ep.InputTypeError,
        "CeRequirement.total",
        PARAMETER,
        "must be a number of hours or points (an int, float, Decimal, Fraction or other "
        "real number), got str '16'",
    ),
    (
        "topics: a str",
        lambda: CeComponent("national", 8, "trauma"),
        ep.InputTypeError,
        "components/topics",
        PARAMETER,
        "must be a sequence, got str",
    ),
    (
        "components: bytes",
        lambda: CeRequirement("hours", 16, b"national"),
        ep.InputTypeError,
        "components/topics",
        PARAMETER,
        "must be a sequence, got bytes",
    ),
    (
        "components: not iterable",
        lambda: CeRequirement("hours", 16, 8),
        ep.InputTypeError,
        "components/topics",
        PARAMETER,
        "must be a sequence, got int",
    ),
    (
        "topics: a number",
        lambda: CeComponent("national", 8, (CeTopic("trauma", 1), 2)),
        ep.InvalidRecordError,
        "CeComponent(national).topics",
        PARAMETER,
        "expected CeTopic values, got int",
    ),
    (
        "components: a topic",
        lambda: CeRequirement("hours", 16, (CeTopic("national", 8),)),
        ep.InvalidRecordError,
        "CeRequirement.components",
        PARAMETER,
        "expected CeComponent values, got CeTopic",
    ),
    (
        "topics: a component",
        lambda: CeComponent("national", 8, (CeComponent("trauma", 1),)),
        ep.InvalidRecordError,
        "CeComponent(national).topics",
        PARAMETER,
        "expected CeTopic values, got CeComponent",
    ),
    (
        "topics: two of one name",
        lambda: CeComponent("national", 8, (CeTopic("trauma", 1), CeTopic("trauma", 2))),
        ep.InvalidRecordError,
        "CeComponent(national).topics",
        PARAMETER,
        "two CeTopic values share a name: ['trauma', 'trauma']",
    ),
    (
        "components: two of one name",
        lambda: CeRequirement("hours", 16, (CeComponent("local", 4), CeComponent("local", 2))),
        ep.InvalidRecordError,
        "CeRequirement.components",
        PARAMETER,
        "two CeComponent values share a name: ['local', 'local']",
    ),
    (
        "topics: more than the component",
        lambda: CeComponent("national", 2, (CeTopic("trauma", 1), CeTopic("airway", 1.5))),
        ep.InvalidRecordError,
        "CeComponent(national).topics",
        PARAMETER,
        "its topics need more than the component's 2",
    ),
    (
        "components: none",
        lambda: CeRequirement("hours", 16, ()),
        ep.InvalidRecordError,
        "CeRequirement.components",
        PARAMETER,
        "needs at least one component",
    ),
    (
        "components: more than the total",
        lambda: CeRequirement("hours", 10, (CeComponent("national", 8), CeComponent("local", 3))),
        ep.InvalidRecordError,
        "CeRequirement.components",
        PARAMETER,
        "its components need more than the total 10",
    ),
    (
        "recertification exam: a month without its day",
        lambda: RecertExam(attempts=1, opens_month=10),
        ep.InvalidRecordError,
        "RecertExam.opens_day",
        PARAMETER,
        "give both opens_month and opens_day, or neither",
    ),
    (
        "recertification exam: a day without its month",
        lambda: RecertExam(attempts=1, opens_day=1),
        ep.InvalidRecordError,
        "RecertExam.opens_day",
        PARAMETER,
        "give both opens_month and opens_day, or neither",
    ),
    (
        "recertification exam: 29 February",
        lambda: RecertExam(attempts=1, opens_month=2, opens_day=29),
        ep.InvalidRecordError,
        "RecertExam.opens_day",
        PARAMETER,
        "month 2 has no day 29 every year (it has 28 in a common year)",
    ),
    (
        "recertification exam: 31 September",
        lambda: RecertExam(attempts=1, opens_month=9, opens_day=31),
        ep.InvalidRecordError,
        "RecertExam.opens_day",
        PARAMETER,
        "month 9 has no day 31 every year (it has 30 in a common year)",
    ),
]


@pytest.mark.parametrize(
    ("build", "error", "field", "rule", "message"),
    [case[1:] for case in REFUSALS],
    ids=[case[0] for case in REFUSALS],
)
def test_a_policy_refuses_a_bad_value_naming_the_field_the_rule_and_why(
    build: Callable[[], object],
    error: type[ep.EmrpathError],
    field: str,
    rule: str,
    message: str,
) -> None:
    """Design principle 6: "Every invalid record or argument raises a subclass of
    `emrpath.EmrpathError` [...] with a message naming the field and the rule"."""
    with raises_emrpath(error, field=field, rule=rule) as caught:
        build()
    assert type(caught.value) is error
    assert caught.value.message == message


def test_each_bound_a_policy_accepts_is_kept() -> None:
    """The least and greatest value each check allows is a valid policy, kept as given."""
    assert ResultPosting(business_days=1).business_days == 1
    assert ScoreScale(0, 1, 1).minimum == 0
    assert (ScoreScale(100, 1500, 100).passing, ScoreScale(100, 1500, 1500).passing) == (
        100,
        1500,
    )
    assert SeasonalRecertWindow(1, 31, 12, 31).describe() == (
        "applications from January 31 of the expiration year to the expiration date; "
        "late (reinstatement) until December 31; lapsed after"
    )
    assert DeadlineRecertWindow(due_months_before=0).due_on(D(2028, 6, 30)) == D(2028, 6, 30)
    assert AuthorizationWindow(days=1).expires_on(D(2025, 3, 3), None) == D(2025, 3, 4)
    assert AuthorizationWindow(months=1).expires_on(D(2025, 1, 31), None) == D(2025, 2, 28)
    assert RemedialRequirement(hours=1, component_hours=1).component_hours == 1
    assert RemedialRequirement(hours=24, component_hours=None).component_hours is None
    assert RecertExam(attempts=1, opens_month=2, opens_day=28).opens_on(D(2027, 9, 30)) == D(
        2026, 2, 28
    )
    # Topics that need exactly the component's minimum, components exactly the total.
    national = CeComponent("national", 2, (CeTopic("trauma", 0.5), CeTopic("airway", 1.5)))
    assert national.topic_names == ("trauma", "airway")
    req = CeRequirement("hours", 10, (national, CeComponent("local", 8)))
    assert req.component_names == ("national", "local")
    assert CeTopic("zero", 0).minimum == Decimal(0)


def test_a_result_held_for_two_items_names_both_in_order() -> None:
    """A result posts once nothing holds it; the words list every item still holding it."""
    both = ResultPosting(3, {Requirement.SKILLS_PASSED, Requirement.COURSE_VERIFIED})
    assert both.held_until == frozenset({Requirement.SKILLS_PASSED, Requirement.COURSE_VERIFIED})
    assert both.describe() == (
        "expected on business day 3 strictly after the exam date; held until a passed "
        "skills competency and the program director's verification of course completion"
    )
    assert ResultPosting(3).describe() == (
        "expected on business day 3 strictly after the exam date"
    )
    assert ResultPosting(3, [Requirement.TRANSCRIPTS_RECEIVED]).held_until == frozenset(
        {Requirement.TRANSCRIPTS_RECEIVED}
    )


@pytest.mark.parametrize(
    ("hours", "component", "satisfied"),
    [(None, False, False), (23, False, False), (24, False, True), (None, True, True)],
)
def test_remedial_training_is_satisfied_by_its_hours_or_the_component(
    hours: int | None, component: bool, satisfied: bool
) -> None:
    """The rule: "at least ``hours`` hours of remedial training, or, where
    ``component_hours`` is given, [...] completing the national component": no record of
    hours satisfies nothing."""
    rule = RemedialRequirement(hours=24, component_hours=20)
    assert rule.satisfied_by(hours, component=component) is satisfied


def test_the_component_satisfies_remedial_training_only_where_the_rule_allows_it() -> None:
    """Without ``component_hours`` the national component is no substitute."""
    rule = RemedialRequirement(hours=24)
    assert rule.satisfied_by(None, component=True) is False
    assert rule.satisfied_by(Decimal("24"), component=False) is True


@pytest.mark.parametrize(
    ("limit", "words"),
    [
        (
            AttemptLimit(1, AfterLimit.ROUTE_CLOSED, scope=AttemptScope.PER_ROUTE),
            "1 attempt per eligibility route; then a different eligibility route: this route "
            "is closed, and no refresher or remediation reopens it",
        ),
        (
            AttemptLimit(
                3,
                AfterLimit.NEW_COURSE,
                remedial=RemedialRequirement(hours=24, component_hours=20, extra_attempts=1),
            ),
            "3 attempts per course; then documented remedial training (24 hours, or the "
            "20-hour national continuing-education component) allows 1 more attempt; then a "
            "new full course, which starts a fresh count",
        ),
    ],
)
def test_an_attempt_limit_in_words(limit: AttemptLimit, words: str) -> None:
    """The limit, what it counts over, the remedial block and what comes after."""
    assert limit.describe() == words


def test_remedial_training_is_due_only_after_the_first_block() -> None:
    """The rule: "the first ``max_attempts`` are followed by documented remedial training": due
    between that block's last attempt and the next, never without a remedial rule."""
    limit = AttemptLimit(2, AfterLimit.NEW_COURSE, remedial=RemedialRequirement(hours=8))
    assert [limit.remedial_due(used) for used in range(5)] == [False, False, True, False, False]
    assert limit.total_attempts == 5
    plain = AttemptLimit(2, AfterLimit.NEW_COURSE)
    assert [plain.remedial_due(used) for used in range(4)] == [False] * 4
    assert plain.total_attempts == 2


@pytest.mark.parametrize(
    ("window", "words"),
    [
        (
            SeasonalRecertWindow(10, 1, 4, 30, opens_years_before=1),
            "applications from October 1 of the year before the expiration year to the "
            "expiration date; late (reinstatement) until April 30; lapsed after",
        ),
        (
            SeasonalRecertWindow(10, 1, 4, 30, opens_years_before=2),
            "applications from October 1 of 2 years before the expiration year to the "
            "expiration date; late (reinstatement) until April 30; lapsed after",
        ),
        (
            DeadlineRecertWindow(due_months_before=2, reinstatement_limit_days=365),
            "submit at least 2 months before the expiration date; once expired, "
            "reinstatement is possible for 365 days",
        ),
        (
            DeadlineRecertWindow(due_months_before=0),
            "submit at least 0 months before the expiration date; once expired, "
            "reinstatement is possible without a time limit",
        ),
        (
            MonthsCeWindow(months=24),
            "education counts in the 24 months ending with the expiration month",
        ),
        (
            RecertExam(attempts=2),
            "recertification by exam: 2 attempts per cycle, no retest",
        ),
        (
            RecertExam(attempts=1, opens_month=4, opens_day=1, opens_years_before=0),
            "recertification by exam: 1 attempt per cycle, no retest, from April 1 of the "
            "expiration year through the expiration date",
        ),
        (
            RecertExam(attempts=3, opens_month=12, opens_day=31, opens_years_before=2),
            "recertification by exam: 3 attempts per cycle, no retest, from December 31 of 2 "
            "years before the expiration year through the expiration date",
        ),
    ],
)
def test_a_recertification_policy_in_words(window: Any, words: str) -> None:
    """Each window and exam states its dates and limits as the program gives them."""
    assert window.describe() == words


def test_a_seasonal_window_reads_its_dates_from_the_expiration_year() -> None:
    """The rule: "Opens on ``opens_month``/``opens_day`` of the expiration year (or of the year
    ``opens_years_before`` years earlier) and closes on the expiration date; late
    (reinstatement) applications until ``late_month``/``late_day`` of the expiration year"."""
    window = SeasonalRecertWindow(10, 1, 4, 30, opens_years_before=2)
    expires = D(2027, 3, 31)
    assert window.opens_on(expires) == D(2025, 10, 1)
    assert window.due_on(expires) == expires
    assert window.late_until(expires) == D(2027, 4, 30)


def test_a_recertification_exam_without_a_window_counts_anywhere_in_the_cycle() -> None:
    """The rule: "Without ``opens_month`` and ``opens_day`` (both ``None``) no window is known"."""
    assert RecertExam(attempts=1).opens_on(D(2027, 9, 30)) is None
    assert RecertExam(attempts=1, opens_month=10, opens_day=1, opens_years_before=0).opens_on(
        D(2027, 9, 30)
    ) == D(2027, 10, 1)


def test_a_component_is_found_by_its_exact_name() -> None:
    """A requirement's components are looked up by name; an unknown one names the rest."""
    req = CeRequirement("hours", 16, (CeComponent("national", 8), CeComponent("local", 4)))
    assert req.component("local") == CeComponent("local", 4)
    with raises_emrpath(
        ep.UnknownNameError, field="component", rule="continuing education"
    ) as caught:
        req.component("state")
    assert caught.value.message == (
        "unknown component 'state'; this requirement has ['national', 'local']"
    )
    assert req.describe() == "16 hours: national 8, local 4"


def test_a_requirement_in_words_lists_each_topic_of_a_component() -> None:
    """The rule: "each component must reach its minimum (and each of its topics theirs)": the words
    give every topic's minimum, in the order the component holds them."""
    national = CeComponent("national", 8, (CeTopic("airway", 1.5), CeTopic("trauma", 0.5)))
    req = CeRequirement("hours", 16, (national, CeComponent("local", 4)))
    assert req.describe() == "16 hours: national 8 (airway 1.5, trauma 0.5), local 4"
