"""Merge a validated progress file into progress.db: union of logs, replayed cards, kept notes.

The merge rule: a rating is the same on both sides when its question, time and rating match,
so it is counted once; every question that gained ratings has its card rebuilt by replaying its
whole log in time order; a note changed on both sides keeps both texts.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from tui.exchange.progress_export import has_table
from tui.exchange.progress_format import (
    CramRecord,
    MockSessionRecord,
    NoteRecord,
    ProgressFile,
    ReviewRecord,
)
from tui.store.replay import replay_cards
from tui.store.tx import iso

NOTE_SEPARATOR = "\n\n--- also written on another machine ({when}) ---\n\n"


@dataclass
class MergeCounts:
    """How many records of each kind the merge added (or, for notes, changed)."""

    reviews: int = 0
    cram: int = 0
    typed_answers: int = 0
    notes: int = 0
    bookmarks: int = 0
    flags: int = 0
    mock_sessions: int = 0
    mock_answers: int = 0
    cards_rebuilt: int = 0

    @property
    def changed(self) -> bool:
        """Whether the merge wrote anything."""
        return any(getattr(self, field.name) for field in fields(self))

    def summary(self) -> str:
        """One line for the terminal."""
        parts = [
            f"{getattr(self, f.name)} {f.name.replace('_', ' ')}"
            for f in fields(self)
            if getattr(self, f.name)
        ]
        return "merged: " + ", ".join(parts)


ReviewKeyTuple = tuple[str, str, int]


def merge_progress(
    db: sqlite3.Connection,
    document: ProgressFile,
    scheduler: Any,
    before_write: Callable[[], None],
) -> MergeCounts:
    """Merge `document` in one write transaction; `before_write` runs (a backup) only if needed."""
    counts = MergeCounts()
    db.execute("BEGIN IMMEDIATE")
    try:
        plan = _Plan(db, document)
        if not plan.empty:
            before_write()
            counts = plan.apply(scheduler)
        db.execute("COMMIT" if counts.changed else "ROLLBACK")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return counts


def merged_note(local: str, incoming: str, when: datetime) -> str | None:
    """The note after merging, or None when the local one already holds the incoming text."""
    if incoming in local:
        return None
    if local in incoming:
        return incoming
    return local + NOTE_SEPARATOR.format(when=when.date().isoformat()) + incoming


class _Plan:
    """What the file adds to this database, worked out under the write lock before writing."""

    def __init__(self, db: sqlite3.Connection, document: ProgressFile) -> None:
        self.db = db
        self.document = document
        self.reviews = _new_reviews(db, "reviews", document.reviews)
        self.cram = _new_reviews(db, "cram_reviews", document.cram)
        self.notes = self._note_changes(document.notes)
        self.bookmarks = self._missing("bookmarks", [b.question_id for b in document.bookmarks])
        self.flags = self._missing("flags", [f.question_id for f in document.flags])
        self.typed = self._new_typed_answers()
        self.mocks = self._mock_changes(document.mock_sessions)

    @property
    def empty(self) -> bool:
        """Whether the file adds nothing."""
        return not (
            self.reviews or self.cram or self.notes or self.bookmarks or self.flags
        ) and not (self.typed or self.mocks)

    def _missing(self, table: str, question_ids: list[str]) -> set[str]:
        """Ids of the file's rows that this table lacks."""
        have = {row[0] for row in self.db.execute(f"SELECT question_id FROM {table}")}
        return set(question_ids) - have

    def _note_changes(self, notes: list[NoteRecord]) -> dict[str, tuple[str, str]]:
        """New body and time for every note the file adds or extends."""
        local = {
            q: (body, at)
            for q, body, at in self.db.execute("SELECT question_id, body, updated_at FROM notes")
        }
        changes: dict[str, tuple[str, str]] = {}
        for note in notes:
            if not note.body.strip():
                continue
            current = changes.get(note.question_id) or local.get(note.question_id)
            if current is None:
                changes[note.question_id] = (note.body, iso(note.updated_at))
                continue
            body = merged_note(current[0], note.body, note.updated_at)
            if body is not None:
                changes[note.question_id] = (body, max(current[1], iso(note.updated_at)))
        return changes

    def _new_typed_answers(self) -> list[Any]:
        """Typed answers not yet here (none when this database has no typed-answer table)."""
        if not self.document.typed_answers or not has_table(self.db, "typed_answers"):
            return []
        have = set(self.db.execute("SELECT question_id, created_at, answer FROM typed_answers"))
        fresh, seen = [], set()
        for record in self.document.typed_answers:
            key = (record.question_id, iso(record.created_at), record.answer)
            if key not in have and key not in seen:
                seen.add(key)
                fresh.append(record)
        return fresh

    def _mock_changes(
        self, sessions: list[MockSessionRecord]
    ) -> list[tuple[MockSessionRecord, int | None, list[int]]]:
        """Per file session: the local session id (None if new) and the answers to add."""
        local = {
            (at, mix): session_id
            for session_id, at, mix in self.db.execute(
                "SELECT id, started_at, mix FROM mock_sessions"
            )
        }
        changes = []
        for session in sessions:
            session_id = local.get((iso(session.started_at), session.mix))
            have: set[tuple[str, str]] = set()
            if session_id is not None:
                have = set(
                    self.db.execute(
                        "SELECT question_id, answered_at FROM mock_answers WHERE session_id = ?",
                        [session_id],
                    )
                )
            missing = [
                index
                for index, answer in enumerate(session.answers)
                if (answer.question_id, iso(answer.answered_at)) not in have
            ]
            if session_id is None or missing:
                changes.append((session, session_id, missing))
        return changes

    def apply(self, scheduler: Any) -> MergeCounts:
        """Write the plan (inside the caller's transaction) and rebuild the touched cards."""
        db = self.db
        counts = MergeCounts()
        for record in self.reviews:
            _insert_review(db, "reviews", record, extra={"card_after": "{}"})
        counts.reviews = len(self.reviews)
        for record in self.cram:
            _insert_review(db, "cram_reviews", record)
        counts.cram = len(self.cram)
        counts.cards_rebuilt = replay_cards(db, {r.question_id for r in self.reviews}, scheduler)
        for question_id, (body, at) in self.notes.items():
            db.execute(
                "INSERT OR REPLACE INTO notes (question_id, body, updated_at) VALUES (?, ?, ?)",
                [question_id, body, at],
            )
        counts.notes = len(self.notes)
        for bookmark in self.document.bookmarks:
            if bookmark.question_id in self.bookmarks:
                db.execute(
                    "INSERT OR IGNORE INTO bookmarks (question_id, created_at) VALUES (?, ?)",
                    [bookmark.question_id, iso(bookmark.created_at)],
                )
        counts.bookmarks = len(self.bookmarks)
        for flag in self.document.flags:
            if flag.question_id in self.flags:
                db.execute(
                    "INSERT OR IGNORE INTO flags (question_id, reason, flagged_at) "
                    "VALUES (?, ?, ?)",
                    [flag.question_id, flag.reason, iso(flag.flagged_at)],
                )
        counts.flags = len(self.flags)
        counts.typed_answers = self._insert_typed_answers()
        counts.mock_sessions, counts.mock_answers = self._insert_mocks()
        return counts

    def _insert_typed_answers(self) -> int:
        """Add the new typed answers, linked to their review when it is in the log."""
        for record in self.typed:
            review_id = None
            if record.review is not None:
                row = self.db.execute(
                    "SELECT id FROM reviews WHERE question_id = ? AND reviewed_at = ? "
                    "AND rating = ? ORDER BY id LIMIT 1",
                    [
                        record.review.question_id,
                        iso(record.review.reviewed_at),
                        record.review.rating,
                    ],
                ).fetchone()
                review_id = row[0] if row else None
            self.db.execute(
                "INSERT INTO typed_answers (question_id, answer, created_at, grader, "
                "grader_points, final_ticked, total_points, review_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    record.question_id,
                    record.answer,
                    iso(record.created_at),
                    record.grader,
                    json.dumps(record.grader_points),
                    json.dumps(sorted(record.final_ticked)),
                    record.total_points,
                    review_id,
                ],
            )
        return len(self.typed)

    def _insert_mocks(self) -> tuple[int, int]:
        """Add new mock sessions and the answers sessions here lack."""
        sessions = answers = 0
        for session, session_id, missing in self.mocks:
            if session_id is None:
                cursor = self.db.execute(
                    "INSERT INTO mock_sessions (started_at, finished_at, mix, seconds_each, "
                    "applied) VALUES (?, ?, ?, ?, ?)",
                    [
                        iso(session.started_at),
                        iso(session.finished_at) if session.finished_at else None,
                        session.mix,
                        session.seconds_each,
                        int(session.applied),
                    ],
                )
                session_id = int(cursor.lastrowid or 0)
                sessions += 1
            for index in missing:
                answer = session.answers[index]
                self.db.execute(
                    "INSERT INTO mock_answers (session_id, question_id, key_points_ticked, "
                    "key_points_total, rating, duration_ms, answered_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        session_id,
                        answer.question_id,
                        json.dumps(sorted(answer.key_points_ticked)),
                        answer.key_points_total,
                        answer.rating,
                        answer.duration_ms,
                        iso(answer.answered_at),
                    ],
                )
                answers += 1
        return sessions, answers


def _key(record: ReviewRecord) -> ReviewKeyTuple:
    """The natural key of a rating: question, time (as stored) and rating."""
    return (record.question_id, iso(record.reviewed_at), record.rating)


def _new_reviews(
    db: sqlite3.Connection, table: str, records: list[ReviewRecord] | list[CramRecord]
) -> list[ReviewRecord]:
    """The file's ratings this log lacks, each once."""
    have: set[ReviewKeyTuple] = {
        (q, at, int(rating))
        for q, at, rating in db.execute(f"SELECT question_id, reviewed_at, rating FROM {table}")
    }
    fresh: list[ReviewRecord] = []
    for record in records:
        key = _key(record)
        if key not in have:
            have.add(key)
            fresh.append(record)
    return fresh


def _insert_review(
    db: sqlite3.Connection, table: str, record: ReviewRecord, extra: dict[str, str] | None = None
) -> None:
    """Insert one rating into the review or cram log."""
    columns = {
        "question_id": record.question_id,
        "rating": record.rating,
        "reviewed_at": iso(record.reviewed_at),
        "duration_ms": record.duration_ms,
        "key_points_ticked": None
        if record.key_points_ticked is None
        else json.dumps(sorted(record.key_points_ticked)),
        "key_points_total": record.key_points_total,
        **(extra or {}),
    }
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(columns.values()))
