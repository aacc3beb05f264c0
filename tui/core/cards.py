"""A card's FSRS state as stored, and its retrievability, without importing fsrs.

Reading progress (the topic table, mastery, due counts) happens before the first frame, so it
must not pay for importing fsrs. Scheduling a rating still goes through fsrs itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

DEFAULT_DECAY = 0.1542
"""fsrs 6's default last parameter (w20): the forgetting-curve decay. A test pins it to fsrs."""

LEARNING, REVIEW, RELEARNING = 1, 2, 3


@dataclass(frozen=True, slots=True)
class CardState:
    """Where one question stands in FSRS: state, memory and the next due time."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None


def retrievability(card: CardState, now: datetime, decay: float = DEFAULT_DECAY) -> float:
    """Probability of recall at `now`: fsrs.Scheduler.get_card_retrievability's formula."""
    if card.last_review is None or card.stability is None:
        return 0.0
    elapsed_days = max(0, (now - card.last_review).days)
    factor = 0.9 ** (1 / -decay) - 1
    return float((1 + factor * elapsed_days / card.stability) ** -decay)


def to_fsrs(card: CardState | Any, card_id: int = 0) -> Any:
    """The fsrs.Card for a stored state (fsrs Cards pass through unchanged)."""
    from fsrs import Card, State

    if isinstance(card, Card):
        return card
    return Card(
        card_id=card_id,
        state=State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )


def from_fsrs(card: Any) -> CardState:
    """The stored state of an fsrs.Card."""
    return CardState(
        int(card.state), card.step, card.stability, card.difficulty, card.due, card.last_review
    )
