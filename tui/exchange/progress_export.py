"""Read everything the user recorded out of progress.db into the progress file's records."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from tui.exchange.progress_format import (
    FORMAT_VERSION,
    BookmarkRecord,
    CramRecord,
    FlagRecord,
    MockAnswerRecord,
    MockSessionRecord,
    NoteRecord,
    ProgressFile,
    ReviewKey,
    ReviewRecord,
    TypedAnswerRecord,
)


def has_table(db: sqlite3.Connection, name: str) -> bool:
    """Whether the database has this table (typed answers arrive with schema 5)."""
    row = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name])
    return row.fetchone() is not None


def progress_document(db: sqlite3.Connection, now: datetime) -> ProgressFile:
    """The whole progress file for this database."""
    return ProgressFile(
        format="genai-tui-progress",
        version=FORMAT_VERSION,
        exported_at=now,
        reviews=[ReviewRecord(**row) for row in _reviews(db, "reviews")],
        cram=[CramRecord(**row) for row in _reviews(db, "cram_reviews")],
        typed_answers=_typed_answers(db),
        notes=[
            NoteRecord(question_id=q, body=b, updated_at=_time(t))
            for q, b, t in db.execute(
                "SELECT question_id, body, updated_at FROM notes ORDER BY question_id"
            )
        ],
        bookmarks=[
            BookmarkRecord(question_id=q, created_at=_time(t))
            for q, t in db.execute(
                "SELECT question_id, created_at FROM bookmarks ORDER BY question_id"
            )
        ],
        flags=[
            FlagRecord(question_id=q, reason=r, flagged_at=_time(t))
            for q, r, t in db.execute(
                "SELECT question_id, reason, flagged_at FROM flags ORDER BY question_id"
            )
        ],
        mock_sessions=_mock_sessions(db),
    )


def _time(text: str) -> datetime:
    """A stored ISO 8601 timestamp."""
    return datetime.fromisoformat(text)


def _ticks(text: str | None) -> list[int] | None:
    """A stored JSON list of ticked key points."""
    return None if text is None else [int(index) for index in json.loads(text)]


def _reviews(db: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    """The rows of the review or cram log, oldest first, as record fields."""
    rows = db.execute(
        "SELECT question_id, rating, reviewed_at, duration_ms, key_points_ticked, "
        f"key_points_total FROM {table} ORDER BY reviewed_at, id"
    )
    return [
        {
            "question_id": q,
            "rating": int(rating),
            "reviewed_at": _time(at),
            "duration_ms": duration,
            "key_points_ticked": _ticks(ticked),
            "key_points_total": total,
        }
        for q, rating, at, duration, ticked, total in rows
    ]


def _typed_answers(db: sqlite3.Connection) -> list[TypedAnswerRecord]:
    """Typed answers, each with the natural key of the review it led to (if the table exists)."""
    if not has_table(db, "typed_answers"):
        return []
    rows = db.execute(
        "SELECT t.question_id, t.answer, t.created_at, t.grader, t.grader_points, "
        "t.final_ticked, t.total_points, r.question_id, r.reviewed_at, r.rating "
        "FROM typed_answers t LEFT JOIN reviews r ON r.id = t.review_id ORDER BY t.created_at, t.id"
    )
    return [
        TypedAnswerRecord(
            question_id=q,
            answer=answer,
            created_at=_time(created),
            grader=grader,
            grader_points=json.loads(points),
            final_ticked=_ticks(ticked) or [],
            total_points=int(total),
            review=None
            if review_q is None
            else ReviewKey(question_id=review_q, reviewed_at=_time(review_at), rating=rating),
        )
        for q, answer, created, grader, points, ticked, total, review_q, review_at, rating in rows
    ]


def _mock_sessions(db: sqlite3.Connection) -> list[MockSessionRecord]:
    """Every mock interview with its answers, oldest first."""
    sessions = []
    for session_id, started, finished, mix, seconds, applied in db.execute(
        "SELECT id, started_at, finished_at, mix, seconds_each, applied FROM mock_sessions "
        "ORDER BY started_at, id"
    ).fetchall():
        answers = [
            MockAnswerRecord(
                question_id=q,
                key_points_ticked=_ticks(ticked) or [],
                key_points_total=int(total),
                rating=int(rating),
                duration_ms=duration,
                answered_at=_time(at),
            )
            for q, ticked, total, rating, duration, at in db.execute(
                "SELECT question_id, key_points_ticked, key_points_total, rating, duration_ms, "
                "answered_at FROM mock_answers WHERE session_id = ? ORDER BY id",
                [session_id],
            )
        ]
        sessions.append(
            MockSessionRecord(
                started_at=_time(started),
                finished_at=_time(finished) if finished else None,
                mix=mix,
                seconds_each=int(seconds),
                applied=bool(applied),
                answers=answers,
            )
        )
    return sessions
