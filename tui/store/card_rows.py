"""Write one question's FSRS card state into the `cards` table."""

from __future__ import annotations

import sqlite3
from typing import Any

from tui.store.tx import iso


def save_card(db: sqlite3.Connection, question_id: str, card: Any) -> None:
    """Insert or replace the stored state of one card (a CardState or an fsrs.Card)."""
    db.execute(
        "INSERT OR REPLACE INTO cards (question_id, state, step, stability, difficulty, "
        "due, last_review) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            question_id,
            int(card.state),
            card.step,
            card.stability,
            card.difficulty,
            iso(card.due),
            iso(card.last_review) if card.last_review else None,
        ],
    )
