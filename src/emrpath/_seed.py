"""Citations of the project's seed document (a secondary source: a study guide's chapter).

The seed, "12.4 Results, Scoring, Certification, and State Authorization", is the
open-exam-prep chapter the project was created from; its sentences are quoted verbatim.

Example:
    >>> seed_citation("Each bucket has a different fix.").url.startswith("https://open-exam-prep")
    True
"""

from __future__ import annotations

from emrpath.params import Citation

__all__ = ["SEED_TITLE", "SEED_URL", "seed_citation"]

SEED_URL = (
    "https://open-exam-prep.com/study-guides/nremt-emr/final-emr-review-exam-week-test-day-"
    "recertification-and-next-steps/results-scoring-certification-and-state-authorization"
)
SEED_TITLE = (
    "open-exam-prep: NREMT EMR results, scoring, certification and state authorization "
    "(the project's seed document)"
)


def seed_citation(quote: str) -> Citation:
    """A citation of the seed document with ``quote`` (copied verbatim from it)."""
    return Citation(url=SEED_URL, quote=quote, title=SEED_TITLE)
