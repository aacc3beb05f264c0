"""Answers the learner typed, with the grader's findings and the final ticks."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.store.tx import Transaction, iso

if TYPE_CHECKING:  # imported when a stored answer is read, not at start-up
    from tui.core.grading.result import GradeResult, GraderKind, PointResult


@dataclass(frozen=True)
class TypedAnswer:
    """One stored attempt at a question."""

    answer_id: int
    question_id: str
    answer: str
    created_at: datetime
    grader: GraderKind
    points: tuple[PointResult, ...]
    ticked: tuple[int, ...]  # 0-based key point indexes the learner settled on
    total: int
    review_id: int | None
    mock_answer_id: int | None

    @property
    def coverage(self) -> float:
        """Share of key points finally ticked (0 when the question has none)."""
        return len(self.ticked) / self.total if self.total else 0.0


class TypedAnswers:
    """Save typed answers and list a question's attempts."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path

    def save(
        self,
        answer: str,
        result: GradeResult,
        ticked: frozenset[int] | tuple[int, ...],
        now: datetime,
        review_id: int | None = None,
        mock_answer_id: int | None = None,
    ) -> int:
        """Store one typed answer (committed at once) and return its id."""
        with Transaction(self.db, self.path):
            cursor = self.db.execute(
                "INSERT INTO typed_answers (question_id, answer, created_at, grader, "
                "grader_points, final_ticked, total_points, review_id, mock_answer_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    result.question_id,
                    answer,
                    iso(now),
                    str(result.grader),
                    json.dumps([_point_json(point) for point in result.points]),
                    json.dumps(sorted(ticked)),
                    result.total,
                    review_id,
                    mock_answer_id,
                ],
            )
        return int(cursor.lastrowid or 0)

    def settle(
        self,
        answer_id: int,
        ticked: frozenset[int] | tuple[int, ...],
        review_id: int | None = None,
        mock_answer_id: int | None = None,
    ) -> None:
        """Record the learner's final ticks and the review or mock answer the attempt led to."""
        with Transaction(self.db, self.path):
            self.db.execute(
                "UPDATE typed_answers SET final_ticked = ?, review_id = ?, mock_answer_id = ? "
                "WHERE id = ?",
                [json.dumps(sorted(ticked)), review_id, mock_answer_id, answer_id],
            )

    def attempts(self, question_id: str) -> list[TypedAnswer]:
        """Every typed answer to one question, newest first."""
        rows = self.db.execute(
            "SELECT id, question_id, answer, created_at, grader, grader_points, final_ticked, "
            "total_points, review_id, mock_answer_id FROM typed_answers "
            "WHERE question_id = ? ORDER BY created_at DESC, id DESC",
            [question_id],
        ).fetchall()
        return [_from_row(row) for row in rows]

    def for_mock_session(self, session_id: int) -> dict[str, TypedAnswer]:
        """The typed answers of one mock interview, by question id."""
        rows = self.db.execute(
            "SELECT t.id, t.question_id, t.answer, t.created_at, t.grader, t.grader_points, "
            "t.final_ticked, t.total_points, t.review_id, t.mock_answer_id FROM typed_answers t "
            "JOIN mock_answers m ON m.id = t.mock_answer_id WHERE m.session_id = ?",
            [session_id],
        ).fetchall()
        return {typed.question_id: typed for typed in map(_from_row, rows)}


def _point_json(point: PointResult) -> dict[str, Any]:
    """The stored form of one key point's grader result."""
    return {
        "index": point.index,
        "text": point.text,
        "verdict": str(point.verdict),
        "score": round(point.score, 4),
        "evidence": point.evidence,
    }


def _from_row(row: Any) -> TypedAnswer:
    """A TypedAnswer from a `typed_answers` row."""
    from tui.core.grading.result import GraderKind, PointResult, Verdict

    points = tuple(
        PointResult(
            int(item["index"]),
            str(item.get("text", "")),
            Verdict(item["verdict"]),
            float(item["score"]),
            item.get("evidence"),
        )
        for item in json.loads(row[5])
    )
    return TypedAnswer(
        answer_id=int(row[0]),
        question_id=str(row[1]),
        answer=str(row[2]),
        created_at=datetime.fromisoformat(row[3]),
        grader=GraderKind(row[4]),
        points=points,
        ticked=tuple(int(i) for i in json.loads(row[6])),
        total=int(row[7]),
        review_id=row[8],
        mock_answer_id=row[9],
    )
