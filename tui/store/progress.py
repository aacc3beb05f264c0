"""Record ratings, undo them, and read card states and review counts from progress.db."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.cards import DEFAULT_DECAY, CardState, from_fsrs, to_fsrs
from tui.store.card_rows import save_card
from tui.store.db import open_database
from tui.store.flags import Flags
from tui.store.history import History
from tui.store.notes import Notes
from tui.store.tx import Transaction, iso
from tui.store.typed_answers import TypedAnswers

if TYPE_CHECKING:  # the mock and cram logs are imported on first use, not at start-up
    from tui.store.cram import CramLog
    from tui.store.mock_log import MockLog


@dataclass(frozen=True)
class RecordedReview:
    """A rating as the log keeps it."""

    review_id: int
    question_id: str
    rating: int
    reviewed_at: datetime

    @property
    def rating_name(self) -> str:
        """Again, Hard, Good or Easy."""
        return RATING_NAMES[self.rating]


RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


@dataclass(frozen=True)
class Rated:
    """What recording a rating gave: the new fsrs Card and the id of the rating in the log."""

    card: Any
    review_id: int


class Progress:
    """The user's progress: one FSRS card per question and the log of every rating."""

    def __init__(
        self,
        db: sqlite3.Connection,
        path: Path,
        scheduler: Any | None = None,
        notices: tuple[str, ...] = (),
        desired_retention: float = 0.9,
    ) -> None:
        self.db = db
        self.path = path
        self._scheduler = scheduler
        self.desired_retention = desired_retention
        self.notices = notices
        self.notes = Notes(db, path)
        self.history = History(db)
        self.flags = Flags(db, path)
        self.typed_answers = TypedAnswers(db, path)

    @cached_property
    def mocks(self) -> MockLog:
        """The mock interviews and their answers (the module is imported on first use)."""
        from tui.store.mock_log import MockLog

        return MockLog(self.db, self.path)

    @cached_property
    def cram(self) -> CramLog:
        """The cram ratings, which never touch a card (the module is imported on first use)."""
        from tui.store.cram import CramLog

        return CramLog(self.db, self.path)

    @classmethod
    def open(
        cls, path: Path, scheduler: Any | None = None, desired_retention: float = 0.9
    ) -> Progress:
        """Open (or create) the database at `path`, migrated and ready."""
        opened = open_database(path)
        return cls(opened.db, path, scheduler, opened.notices, desired_retention)

    @property
    def scheduler(self) -> Any:
        """The fsrs.Scheduler, created (and fsrs imported) when first needed."""
        if self._scheduler is None:
            from fsrs import Scheduler

            self._scheduler = Scheduler(desired_retention=self.desired_retention)
        return self._scheduler

    @scheduler.setter
    def scheduler(self, scheduler: Any) -> None:
        """Use another scheduler from now on (for a new desired retention)."""
        self._scheduler = scheduler

    @property
    def decay(self) -> float:
        """The forgetting-curve decay of the scheduler's parameters."""
        if self._scheduler is None:
            return DEFAULT_DECAY
        return float(self._scheduler.parameters[20])

    def retrievability(self, card: CardState, now: datetime) -> float:
        """Probability of recalling a card at `now`, without importing fsrs."""
        from tui.core.cards import retrievability

        return retrievability(card, now, self.decay)

    def close(self) -> None:
        """Close the connection; everything is already committed."""
        self.db.close()

    # Reading -----------------------------------------------------------------

    def cards(self, prefix: str = "") -> dict[str, CardState]:
        """Every card reviewed at least once (whose id starts with `prefix`), by question id."""
        rows = self.db.execute(
            "SELECT question_id, state, step, stability, difficulty, due, last_review FROM cards "
            "WHERE question_id >= ? AND question_id < ?",
            [prefix, prefix + "\U0010ffff"],
        ).fetchall()
        return {row[0]: _card_from_row(row) for row in rows}

    def card(self, question_id: str) -> CardState | None:
        """The stored card of a question, or None if it was never rated."""
        return self._stored_card(question_id)

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
        """The most recent rating in the log, from any window."""
        row = self.db.execute(
            "SELECT id, question_id, rating, reviewed_at FROM reviews ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        return RecordedReview(row[0], row[1], int(row[2]), datetime.fromisoformat(row[3]))

    def preview(self, question_id: str, now: datetime) -> dict[Any, timedelta]:
        """The interval each fsrs.Rating would give this card now."""
        from fsrs import Rating

        card = self._fsrs_card(question_id)
        return {
            rating: self.scheduler.review_card(card, rating, now)[0].due - now for rating in Rating
        }

    # Writing -----------------------------------------------------------------

    def rate(
        self,
        question_id: str,
        rating: int,
        now: datetime | None = None,
        duration_ms: int | None = None,
        ticked: Sequence[int] | None = None,
        total_points: int | None = None,
    ) -> Rated:
        """Schedule with FSRS and commit the rating and rubric ticks."""
        from fsrs import Rating

        now = now or datetime.now(UTC)
        scheduler = self.scheduler
        # The card is read under the write lock: another session on the same database may
        # have rated this question since it was shown here.
        with self._write():
            stored = self._stored_card(question_id)
            before = self._fsrs_card(question_id, stored)
            after, _ = scheduler.review_card(before, Rating(rating), now)
            cursor = self.db.execute(
                "INSERT INTO reviews (question_id, rating, reviewed_at, duration_ms, "
                "card_before, card_after, key_points_ticked, key_points_total, state_before) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    question_id,
                    int(rating),
                    iso(now),
                    duration_ms,
                    None if stored is None else before.to_json(),
                    after.to_json(),
                    None if ticked is None else json.dumps(sorted(ticked)),
                    total_points,
                    None if stored is None else stored.state,
                ],
            )
            self._save_card(question_id, from_fsrs(after))
        return Rated(after, int(cursor.lastrowid or 0))

    def undo(self, review_id: int) -> RecordedReview | None:
        """Take back one rating and restore the card it changed.

        Nothing is changed (and None returned) when the rating is gone, or when its question
        was rated again since (from another window): taking it back would lose that rating.
        """
        with self._write():
            row = self.db.execute(
                "SELECT id, question_id, rating, reviewed_at, card_before FROM reviews "
                "WHERE id = ?",
                [review_id],
            ).fetchone()
            if row is None:
                return None
            later = self.db.execute(
                "SELECT 1 FROM reviews WHERE question_id = ? AND id > ? LIMIT 1",
                [row[1], review_id],
            ).fetchone()
            if later is not None:
                return None
            self.db.execute("DELETE FROM reviews WHERE id = ?", [review_id])
            if row[4] is None:
                self.db.execute("DELETE FROM cards WHERE question_id = ?", [row[1]])
            else:
                from fsrs import Card

                self._save_card(row[1], from_fsrs(Card.from_json(row[4])))
        return RecordedReview(row[0], row[1], int(row[2]), datetime.fromisoformat(row[3]))

    # Internals ---------------------------------------------------------------

    def _write(self) -> Transaction:
        """A write transaction that commits on success and rolls back on error."""
        return Transaction(self.db, self.path)

    def _fsrs_card(self, question_id: str, stored: CardState | None = None) -> Any:
        """The fsrs.Card to schedule: the stored one, or a new card due now."""
        stored = stored or self._stored_card(question_id)
        card_id = zlib.crc32(question_id.encode())
        if stored is not None:
            return to_fsrs(stored, card_id)
        from fsrs import Card

        return Card(card_id=card_id, due=datetime.now(UTC))

    def _stored_card(self, question_id: str) -> CardState | None:
        """The saved card of a question, or None if it was never rated."""
        row = self.db.execute(
            "SELECT question_id, state, step, stability, difficulty, due, last_review "
            "FROM cards WHERE question_id = ?",
            [question_id],
        ).fetchone()
        return _card_from_row(row) if row else None

    def _save_card(self, question_id: str, card: CardState) -> None:
        """Insert or replace the stored state of one card."""
        save_card(self.db, question_id, card)


def _card_from_row(row: Iterable[Any]) -> CardState:
    """A stored card from a `cards` row."""
    _, state, step, stability, difficulty, due, last_review = row
    return CardState(
        state=int(state),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=datetime.fromisoformat(due),
        last_review=datetime.fromisoformat(last_review) if last_review else None,
    )
