"""Mastery per topic: how well its questions are held, as the mean FSRS recall predicted a week
ahead (0 for a question never reviewed).

Recall right after any rating is close to 100%, so "recall now" cannot tell a question just
failed from one just answered with ease. A week ahead it can: after one rating of a new card,
Again < Hard < Good < Easy, and a question keeps its mastery only if it is held for a week.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.core.bank import Bank
from tui.core.cards import CardState

Retrievability = Callable[[CardState, datetime], float]

MASTERY_HORIZON = timedelta(days=7)
"""How far ahead recall is predicted for mastery: a week, the usual gap between study days."""

DEFINITION = (
    "Mastery: the recall FSRS predicts for each question a week from now, averaged over the "
    "topic (0 for a question never reviewed). A failed question counts less than an easy one."
)
"""The definition in words, for the help screen."""


@dataclass(frozen=True)
class TopicMastery:
    """Where one topic stands: questions due now, and mastery (recall predicted a week ahead)."""

    topic_id: str
    title: str
    section: str
    questions: int
    reviewed: int
    due: int
    mastery: float


def topic_mastery(
    bank: Bank, cards: Mapping[str, CardState], now: datetime, retrievability: Retrievability
) -> list[TopicMastery]:
    """One row per topic of the bank, in bank order: due counts now, mastery a week ahead."""
    ahead = now + MASTERY_HORIZON
    rows = []
    for topic in bank.topics:
        recall = 0.0
        reviewed = due = 0
        for question in topic.questions:
            card = cards.get(question.id)
            if card is None:
                continue
            reviewed += 1
            due += card.due <= now
            recall += retrievability(card, ahead)
        count = len(topic.questions)
        rows.append(
            TopicMastery(
                topic.id,
                topic.title,
                topic.section,
                count,
                reviewed,
                due,
                recall / count if count else 0.0,
            )
        )
    return rows


def overall_mastery(rows: list[TopicMastery]) -> float:
    """Mastery over the whole bank: every question weighs the same."""
    questions = sum(row.questions for row in rows)
    return sum(row.mastery * row.questions for row in rows) / questions if questions else 0.0
