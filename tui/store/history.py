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
        start = iso(since) if since else ""
        minutes = int(utc_offset.total_seconds() // 60)
        if minutes % 60:  # a half- or quarter-hour zone: SQLite shifts every timestamp
            rows = self.db.execute(
                "SELECT date(reviewed_at, ? || ' minutes') AS day, count(*) FROM reviews "
                "WHERE reviewed_at >= ? GROUP BY day",
                [f"{minutes:+d}", start],
            ).fetchall()
            return {date.fromisoformat(day): count for day, count in rows}
        # Whole hours: count per UTC hour off the reviews_by_hour index, in index order with no
        # sort, then move each hour to its local day.
        per_day: dict[date, int] = {}
        for hour, count in self.db.execute(
            "SELECT substr(reviewed_at, 1, 13) AS hour, count(*) FROM reviews "
            "WHERE substr(reviewed_at, 1, 13) >= ? AND reviewed_at >= ? GROUP BY hour",
            [start[:13], start],
        ):
            day = (datetime.fromisoformat(f"{hour}:00+00:00") + utc_offset).date()
            per_day[day] = per_day.get(day, 0) + count
        return per_day

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
