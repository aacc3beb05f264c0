"""Queries over the review log for statistics: reviews per day and retention counts."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

from tui.store.tx import iso

REVIEW_STATE = 2  # fsrs.State.Review


class History:
    """Read-only views of the review log."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def reviews_per_day(
        self, utc_offset: timedelta, since: datetime | None = None
    ) -> dict[date, int]:
        """Ratings per local calendar day (from `since`, if given), for days with at least one."""
        minutes = int(utc_offset.total_seconds() // 60)
        rows = self.db.execute(
            "SELECT date(reviewed_at, ? || ' minutes') AS day, count(*) FROM reviews "
            "WHERE reviewed_at >= ? GROUP BY day",
            [f"{minutes:+d}", iso(since) if since else ""],
        ).fetchall()
        return {date.fromisoformat(day): count for day, count in rows}

    def review_state_ratings(self) -> tuple[int, int]:
        """(ratings of Hard or better, all ratings) given to cards in the Review state."""
        row = self.db.execute(
            "SELECT coalesce(sum(rating >= 2), 0), count(*) FROM reviews WHERE state_before = ?",
            [REVIEW_STATE],
        ).fetchone()
        return int(row[0]), int(row[1])

    def question_ids(self) -> set[str]:
        """Every question id that has progress, in the bank or not."""
        return {row[0] for row in self.db.execute("SELECT question_id FROM cards")}
