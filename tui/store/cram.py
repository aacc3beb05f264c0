"""Cram ratings: logged apart from the review log, and never touching an FSRS card."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from tui.store.tx import Transaction, iso


class CramLog:
    """Record and count cram ratings."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path

    def record(
        self,
        question_id: str,
        rating: int,
        now: datetime,
        duration_ms: int | None = None,
        ticked: Sequence[int] | None = None,
        total_points: int | None = None,
    ) -> int:
        """Store one cram rating (committed at once); returns its id."""
        with Transaction(self.db, self.path):
            cursor = self.db.execute(
                "INSERT INTO cram_reviews (question_id, rating, reviewed_at, duration_ms, "
                "key_points_ticked, key_points_total) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    question_id,
                    int(rating),
                    iso(now),
                    duration_ms,
                    None if ticked is None else json.dumps(sorted(ticked)),
                    total_points,
                ],
            )
        return int(cursor.lastrowid or 0)

    def remove(self, cram_id: int) -> bool:
        """Take back one cram rating; returns whether it was there."""
        with Transaction(self.db, self.path):
            removed = self.db.execute("DELETE FROM cram_reviews WHERE id = ?", [cram_id]).rowcount
        return bool(removed)

    def count(self) -> int:
        """How many cram ratings the log holds."""
        return int(self.db.execute("SELECT count(*) FROM cram_reviews").fetchone()[0])
