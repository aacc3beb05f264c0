"""Mastery per topic: the mean FSRS retrievability of its questions, 0 for one never reviewed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from tui.core.bank import Bank
from tui.core.cards import CardState

Retrievability = Callable[[CardState, datetime], float]


@dataclass(frozen=True)
class TopicMastery:
    """How well one topic is known right now."""

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
    """One row per topic of the bank, in bank order."""
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
            recall += retrievability(card, now)
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
