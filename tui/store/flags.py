"""Questions the learner flagged as wrong or unclear, with an optional one-line reason."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tui.store.tx import Transaction, iso


@dataclass(frozen=True)
class Flag:
    """One flagged question."""

    question_id: str
    reason: str
    flagged_at: datetime


class Flags:
    """Flag and unflag questions; list the flags."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path

    def flag(self, question_id: str, reason: str, now: datetime) -> None:
        """Flag a question (a new reason replaces the old one)."""
        line = " ".join(reason.split())
        with Transaction(self.db, self.path):
            self.db.execute(
                "INSERT OR REPLACE INTO flags (question_id, reason, flagged_at) VALUES (?, ?, ?)",
                [question_id, line, iso(now)],
            )

    def unflag(self, question_id: str) -> bool:
        """Remove a flag; returns whether there was one."""
        with Transaction(self.db, self.path):
            removed = self.db.execute(
                "DELETE FROM flags WHERE question_id = ?", [question_id]
            ).rowcount
        return bool(removed)

    def flagged(self) -> set[str]:
        """Ids of the flagged questions."""
        return {row[0] for row in self.db.execute("SELECT question_id FROM flags")}

    def is_flagged(self, question_id: str) -> bool:
        """Whether one question is flagged."""
        row = self.db.execute("SELECT 1 FROM flags WHERE question_id = ?", [question_id])
        return row.fetchone() is not None

    def all(self) -> list[Flag]:
        """Every flag, oldest first."""
        rows = self.db.execute(
            "SELECT question_id, reason, flagged_at FROM flags ORDER BY flagged_at, question_id"
        ).fetchall()
        return [Flag(r[0], r[1], datetime.fromisoformat(r[2])) for r in rows]
