"""Toast wording: intervals in human units, question titles cut at a word."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tui.core.models import Difficulty, Question
from tui.ui.wording import human_interval, saved_message, short_title


@pytest.mark.parametrize(
    ("interval", "expected"),
    [
        (timedelta(seconds=20), "1 minute"),
        (timedelta(minutes=10), "10 minutes"),
        (timedelta(hours=1), "1 hour"),
        (timedelta(hours=5, minutes=20), "5 hours"),
        (timedelta(days=1), "1 day"),
        (timedelta(days=3, hours=2), "3 days"),
        (timedelta(days=61), "2 months"),
        (timedelta(days=800), "2 years"),
    ],
)
def test_human_interval(interval: timedelta, expected: str) -> None:
    assert human_interval(interval) == expected


def test_saved_message_names_the_rating_and_when_it_comes_back() -> None:
    assert saved_message("Good", timedelta(days=3)) == "Good · back in 3 days"


def test_short_title_renders_math_and_cuts_at_a_word() -> None:
    question = Question(
        id="t/q",
        difficulty=Difficulty.MID,
        question=r"Derive the closed form of $q(x_t \mid x_0)$ in a diffusion model and explain it",
    )
    title = short_title(question)
    assert "$" not in title and "\\mid" not in title
    assert title.endswith("…") and len(title) <= 40
    assert short_title(question, ascii=True).endswith("...")
