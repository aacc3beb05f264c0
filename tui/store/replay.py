"""Rebuild FSRS card states from the review log, replaying each question's ratings in order."""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from tui.store.card_rows import save_card


def replay_cards(db: sqlite3.Connection, question_ids: Iterable[str], scheduler: Any) -> int:
    """Rewrite the card and every logged before/after state of these questions; returns count.

    The caller holds the write transaction. Ratings are replayed oldest first (ties by log
    order) through `scheduler`, so two databases holding the same log end with the same cards.
    """
    from fsrs import Card, Rating

    replayed = 0
    for question_id in sorted(set(question_ids)):
        rows = db.execute(
            "SELECT id, rating, reviewed_at FROM reviews WHERE question_id = ? "
            "ORDER BY reviewed_at, id",
            [question_id],
        ).fetchall()
        if not rows:
            db.execute("DELETE FROM cards WHERE question_id = ?", [question_id])
            continue
        first_at = datetime.fromisoformat(rows[0][2])
        card = Card(card_id=zlib.crc32(question_id.encode()), due=first_at)
        for index, (review_id, rating, reviewed_at) in enumerate(rows):
            before = None if index == 0 else (card.to_json(), int(card.state))
            card, _ = scheduler.review_card(
                card, Rating(rating), datetime.fromisoformat(reviewed_at)
            )
            db.execute(
                "UPDATE reviews SET card_before = ?, card_after = ?, state_before = ? WHERE id = ?",
                [
                    None if before is None else before[0],
                    card.to_json(),
                    None if before is None else before[1],
                    review_id,
                ],
            )
        save_card(db, question_id, card)
        replayed += 1
    return replayed
