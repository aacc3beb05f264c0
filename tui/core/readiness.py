"""Readiness for an interview date: predicted recall per topic, and the reviews needed for 90%."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Card, Rating, Scheduler

from tui.core.bank import Bank
from tui.core.cards import CardState, to_fsrs

TARGET_RECALL = 0.9
MAX_SIMULATED_REVIEWS = 40


@dataclass(frozen=True)
class TopicReadiness:
    """How a topic will stand on the interview day."""

    topic_id: str
    title: str
    recall_on_day: float
    reviews_needed: int


def readiness(
    bank: Bank,
    cards: Mapping[str, CardState | Card],
    scheduler: Scheduler,
    now: datetime,
    interview: datetime,
) -> list[TopicReadiness]:
    """Per topic: mean recall on the day with no more study, and reviews to reach 90%.

    Recall is FSRS retrievability at the interview time (0 for a question never studied).
    Reviews needed come from simulating each card under a scheduler aiming at 90% retention,
    reviewed on time and rated Good, until the interview: under that schedule every card is at
    or above 90% on the day.
    """
    target = Scheduler(
        parameters=scheduler.parameters,
        desired_retention=TARGET_RECALL,
        learning_steps=scheduler.learning_steps,
        relearning_steps=scheduler.relearning_steps,
        enable_fuzzing=False,
    )
    rows = []
    for topic in bank.topics:
        recall = 0.0
        needed = 0
        for question in topic.questions:
            stored = cards.get(question.id)
            card = to_fsrs(stored) if stored is not None else Card(card_id=0, due=now)
            if stored is not None:
                recall += scheduler.get_card_retrievability(card, interview)
            needed += reviews_until(target, card, now, interview)
        count = len(topic.questions) or 1
        rows.append(TopicReadiness(topic.id, topic.title, recall / count, needed))
    return rows


def reviews_until(scheduler: Scheduler, card: Card, now: datetime, until: datetime) -> int:
    """How many on-time Good reviews the scheduler asks for between now and `until`."""
    reviews = 0
    while card.due <= until and reviews < MAX_SIMULATED_REVIEWS:
        moment = max(card.due, now)
        card, _ = scheduler.review_card(card, Rating.Good, moment)
        reviews += 1
    return reviews


def reviews_per_day(rows: list[TopicReadiness], now: datetime, interview: datetime) -> float:
    """Average reviews a day needed across all topics until the interview."""
    days = max(1.0, (interview - now) / timedelta(days=1))
    return sum(row.reviews_needed for row in rows) / days
