"""Record ratings, undo them, and read card states and review counts from progress.db."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fsrs import Card, Rating, Scheduler, State

from tui.store.db import open_database
from tui.store.history import History
from tui.store.mock_log import MockLog
from tui.store.notes import Notes
from tui.store.tx import Transaction, iso


@dataclass(frozen=True)
class RecordedReview:
    """A rating as the log keeps it."""

    review_id: int
    question_id: str
    rating: Rating
    reviewed_at: datetime


class Progress:
    """The user's progress: one FSRS card per question and the log of every rating."""

    def __init__(
        self,
        db: sqlite3.Connection,
        path: Path,
        scheduler: Scheduler | None = None,
        notices: tuple[str, ...] = (),
    ) -> None:
        self.db = db
        self.path = path
        self.scheduler = scheduler or Scheduler()
        self.notices = notices
        self.notes = Notes(db, path)
        self.history = History(db)
        self.mocks = MockLog(db, path)

    @classmethod
    def open(
        cls, path: Path, scheduler: Scheduler | None = None, desired_retention: float = 0.9
    ) -> Progress:
        """Open (or create) the database at `path`, migrated and ready."""
        opened = open_database(path)
        scheduler = scheduler or Scheduler(desired_retention=desired_retention)
        return cls(opened.db, path, scheduler, opened.notices)

    def close(self) -> None:
        """Close the connection; everything is already committed."""
        self.db.close()

    # Reading -----------------------------------------------------------------

    def cards(self) -> dict[str, Card]:
        """Every card that has been reviewed at least once, by question id."""
        rows = self.db.execute(
            "SELECT question_id, state, step, stability, difficulty, due, last_review FROM cards"
        ).fetchall()
        return {row[0]: _card_from_row(row) for row in rows}

    def card(self, question_id: str) -> Card:
        """The card of a question; a new card if it was never reviewed."""
        return self._stored_card(question_id) or _new_card(question_id)

    def review_count(self) -> int:
        """How many ratings the log holds."""
        return int(self.db.execute("SELECT count(*) FROM reviews").fetchone()[0])

    def reviews_since(self, since: datetime) -> int:
        """How many ratings were given at or after `since`."""
        row = self.db.execute(
            "SELECT count(*) FROM reviews WHERE reviewed_at >= ?", [iso(since)]
        ).fetchone()
        return int(row[0])

    def new_cards_since(self, since: datetime) -> int:
        """How many questions were rated for the first time at or after `since`."""
        row = self.db.execute(
            "SELECT count(*) FROM reviews WHERE reviewed_at >= ? AND card_before IS NULL",
            [iso(since)],
        ).fetchone()
        return int(row[0])

    def last_review(self) -> RecordedReview | None:
        """The most recent rating, the one `undo` would take back."""
        row = self.db.execute(
            "SELECT id, question_id, rating, reviewed_at FROM reviews ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        return RecordedReview(row[0], row[1], Rating(row[2]), datetime.fromisoformat(row[3]))

    def preview(self, question_id: str, now: datetime) -> dict[Rating, timedelta]:
        """The interval each rating would give this card now."""
        card = self.card(question_id)
        return {
            rating: self.scheduler.review_card(card, rating, now)[0].due - now for rating in Rating
        }

    # Writing -----------------------------------------------------------------

    def rate(
        self,
        question_id: str,
        rating: Rating,
        now: datetime | None = None,
        duration_ms: int | None = None,
        ticked: Sequence[int] | None = None,
        total_points: int | None = None,
    ) -> Card:
        """Schedule the card with FSRS and commit the rating (and rubric ticks) before returning."""
        now = now or datetime.now(UTC)
        stored = self._stored_card(question_id)
        before = stored or _new_card(question_id)
        after, _ = self.scheduler.review_card(before, rating, now)
        with self._write():
            self.db.execute(
                "INSERT INTO reviews (question_id, rating, reviewed_at, duration_ms, "
                "card_before, card_after, key_points_ticked, key_points_total) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    question_id,
                    int(rating),
                    iso(now),
                    duration_ms,
                    None if stored is None else before.to_json(),
                    after.to_json(),
                    None if ticked is None else json.dumps(sorted(ticked)),
                    total_points,
                ],
            )
            self._save_card(question_id, after)
        return after

    def undo_last(self) -> RecordedReview | None:
        """Take back the most recent rating and restore the card it changed."""
        with self._write():
            last = self.last_review()
            if last is None:
                return None
            row = self.db.execute(
                "SELECT card_before FROM reviews WHERE id = ?", [last.review_id]
            ).fetchone()
            self.db.execute("DELETE FROM reviews WHERE id = ?", [last.review_id])
            if row[0] is None:
                self.db.execute("DELETE FROM cards WHERE question_id = ?", [last.question_id])
            else:
                self._save_card(last.question_id, Card.from_json(row[0]))
        return last

    # Internals ---------------------------------------------------------------

    def _write(self) -> Transaction:
        """A write transaction that commits on success and rolls back on error."""
        return Transaction(self.db, self.path)

    def _stored_card(self, question_id: str) -> Card | None:
        """The saved card of a question, or None if it was never rated."""
        row = self.db.execute(
            "SELECT question_id, state, step, stability, difficulty, due, last_review "
            "FROM cards WHERE question_id = ?",
            [question_id],
        ).fetchone()
        return _card_from_row(row) if row else None

    def _save_card(self, question_id: str, card: Card) -> None:
        """Insert or replace the stored state of one card."""
        self.db.execute(
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


def _new_card(question_id: str) -> Card:
    """A card never reviewed, with a stable id derived from the question id."""
    return Card(card_id=zlib.crc32(question_id.encode()), due=datetime.now(UTC))


def _card_from_row(row: Iterable[Any]) -> Card:
    """Rebuild an fsrs Card from a `cards` row."""
    question_id, state, step, stability, difficulty, due, last_review = row
    return Card(
        card_id=zlib.crc32(question_id.encode()),
        state=State(state),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=datetime.fromisoformat(due),
        last_review=datetime.fromisoformat(last_review) if last_review else None,
    )
