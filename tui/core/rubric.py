"""Rubric grading: from the share of key points covered to a suggested FSRS rating."""

from __future__ import annotations

from fsrs import Rating

AGAIN_BELOW = 0.4
HARD_BELOW = 0.7


def suggested_rating(ticked: int, total: int) -> Rating:
    """Again under 40% of the key points, Hard under 70%, Good from there.

    Easy is never suggested: covering every point is what Good means; Easy is the learner's
    call when the answer also came without effort.
    """
    if total <= 0:
        return Rating.Good
    share = max(0, min(ticked, total)) / total
    if share < AGAIN_BELOW:
        return Rating.Again
    if share < HARD_BELOW:
        return Rating.Hard
    return Rating.Good
