"""Mock interviews, logged apart from the FSRS review log."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tui.store.tx import Transaction, iso


@dataclass(frozen=True)
class MockAnswer:
    """One graded answer of a mock interview."""

    question_id: str
    ticked: tuple[int, ...]
    total: int
    rating: int
    duration_ms: int | None


@dataclass(frozen=True)
class MockSession:
    """One mock interview as the log keeps it."""

    session_id: int
    started_at: datetime
    finished_at: datetime | None
    mix: str
    seconds_each: int
    applied: bool
    graded: int


class MockLog:
    """Start mock sessions, record their answers, mark them applied to the schedule."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path

    def start(self, mix: str, seconds_each: int, now: datetime) -> int:
        """Open a session and return its id."""
        with Transaction(self.db, self.path):
            cursor = self.db.execute(
                "INSERT INTO mock_sessions (started_at, mix, seconds_each) VALUES (?, ?, ?)",
                [iso(now), mix, seconds_each],
            )
        return int(cursor.lastrowid or 0)

    def record(self, session_id: int, answer: MockAnswer, now: datetime) -> int:
        """Store one graded answer (committed at once) and return its id."""
        with Transaction(self.db, self.path):
            cursor = self.db.execute(
                "INSERT INTO mock_answers (session_id, question_id, key_points_ticked, "
                "key_points_total, rating, duration_ms, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    session_id,
                    answer.question_id,
                    json.dumps(sorted(answer.ticked)),
                    answer.total,
                    answer.rating,
                    answer.duration_ms,
                    iso(now),
                ],
            )
        return int(cursor.lastrowid or 0)

    def finish(self, session_id: int, now: datetime) -> None:
        """Mark a session finished."""
        with Transaction(self.db, self.path):
            self.db.execute(
                "UPDATE mock_sessions SET finished_at = ? WHERE id = ?", [iso(now), session_id]
            )

    def mark_applied(self, session_id: int) -> None:
        """Remember that a session's grades were applied to FSRS."""
        with Transaction(self.db, self.path):
            self.db.execute("UPDATE mock_sessions SET applied = 1 WHERE id = ?", [session_id])

    def answers(self, session_id: int) -> list[MockAnswer]:
        """The answers of one session, in order."""
        rows = self.db.execute(
            "SELECT question_id, key_points_ticked, key_points_total, rating, duration_ms "
            "FROM mock_answers WHERE session_id = ? ORDER BY id",
            [session_id],
        ).fetchall()
        return [MockAnswer(r[0], tuple(json.loads(r[1])), r[2], r[3], r[4]) for r in rows]

    def sessions(self) -> list[MockSession]:
        """Every mock interview started, newest first, with how many answers were graded."""
        rows = self.db.execute(
            "SELECT s.id, s.started_at, s.finished_at, s.mix, s.seconds_each, s.applied, "
            "(SELECT count(*) FROM mock_answers a WHERE a.session_id = s.id) "
            "FROM mock_sessions s ORDER BY s.id DESC"
        ).fetchall()
        return [
            MockSession(
                int(r[0]),
                datetime.fromisoformat(r[1]),
                datetime.fromisoformat(r[2]) if r[2] else None,
                str(r[3]),
                int(r[4]),
                bool(r[5]),
                int(r[6]),
            )
            for r in rows
        ]

    def session_count(self) -> int:
        """How many mock interviews were started."""
        return int(self.db.execute("SELECT count(*) FROM mock_sessions").fetchone()[0])
