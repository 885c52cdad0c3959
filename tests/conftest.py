"""Hypothesis profiles.

``dev`` (default, quick), ``ci`` (500 examples each), ``long`` (100,000, by hand) and
``mutation`` (25 derandomized examples, no example database: scripts/mutation.sh runs the
suite once per mutant, so each run must be short and must draw the same examples).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci",
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("long", max_examples=100_000, deadline=None)
settings.register_profile(
    "mutation",
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def _empty_the_caches() -> None:
    from emrpath import _dates, calendar, jsonio

    calendar._CACHE.clear()
    _dates.timezone.cache_clear()
    # The JSON converter and readers are built on first use from hook factories: built
    # once by the clean run, a mutant in a factory would never run.
    for built in (jsonio._reader, jsonio._converter, jsonio._kind_names, jsonio._registry):
        built.cache_clear()


@pytest.fixture(scope="session", autouse=True)
def _fresh_calendars_under_mutmut() -> None:
    """Under mutmut, build every calendar with the code under test.

    mutmut forks each mutant's test run from a process that has already run the suite,
    so its calendar cache (and the JSON converter and readers) are built and a mutant in
    the code that builds them would never run. mutmut sets MUTANT_UNDER_TEST in every
    such run: empty the caches there.
    """
    if os.environ.get("MUTANT_UNDER_TEST"):
        _empty_the_caches()


@pytest.fixture(autouse=True)
def _calendar_builds_seen_by_every_test_under_mutmut_stats() -> None:
    """While mutmut records which tests call which functions (MUTANT_UNDER_TEST=stats),
    let every test build its own calendars (and JSON converter), so each is tied to the
    code that builds them."""
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        _empty_the_caches()
