"""One note and one bookmark per question."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from tui.store.tx import Transaction, iso


class Notes:
    """The learner's notes and bookmarks, keyed by question id."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path

    def note(self, question_id: str) -> str:
        """The note of a question, or an empty string."""
        row = self.db.execute(
            "SELECT body FROM notes WHERE question_id = ?", [question_id]
        ).fetchone()
        return str(row[0]) if row else ""

    def all_notes(self) -> dict[str, str]:
        """Every note, by question id."""
        return {
            str(qid): str(body)
            for qid, body in self.db.execute("SELECT question_id, body FROM notes")
        }

    def save_note(self, question_id: str, body: str, now: datetime) -> None:
        """Store a note; an empty note deletes it."""
        with Transaction(self.db, self.path):
            if body.strip():
                self.db.execute(
                    "INSERT OR REPLACE INTO notes (question_id, body, updated_at) VALUES (?, ?, ?)",
                    [question_id, body, iso(now)],
                )
            else:
                self.db.execute("DELETE FROM notes WHERE question_id = ?", [question_id])

    def is_bookmarked(self, question_id: str) -> bool:
        """Whether one question is bookmarked."""
        row = self.db.execute(
            "SELECT 1 FROM bookmarks WHERE question_id = ?", [question_id]
        ).fetchone()
        return row is not None

    def bookmarked(self) -> set[str]:
        """Ids of the bookmarked questions."""
        return {row[0] for row in self.db.execute("SELECT question_id FROM bookmarks")}

    def toggle_bookmark(self, question_id: str, now: datetime) -> bool:
        """Bookmark a question, or remove its bookmark; returns whether it is now bookmarked."""
        with Transaction(self.db, self.path):
            removed = self.db.execute(
                "DELETE FROM bookmarks WHERE question_id = ?", [question_id]
            ).rowcount
            if not removed:
                self.db.execute(
                    "INSERT INTO bookmarks (question_id, created_at) VALUES (?, ?)",
                    [question_id, iso(now)],
                )
        return not removed
