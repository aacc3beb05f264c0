"""Typed answers: saved with grader findings, newest first, kept when a rating is undone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Rating, Scheduler

from tui.core.grading.result import GradeResult, GraderKind, PointResult, Verdict
from tui.store.mock_log import MockAnswer
from tui.store.progress import Progress

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
QID = "rag/pipeline"


def result(covered: int, total: int = 3, grader: GraderKind = GraderKind.OFFLINE) -> GradeResult:
    """A grade with the first `covered` of `total` points covered."""
    points = tuple(
        PointResult(
            i + 1,
            f"point {i + 1}",
            Verdict.COVERED if i < covered else Verdict.MISSING,
            0.9 if i < covered else 0.1,
            f"sentence {i + 1}." if i < covered else None,
        )
        for i in range(total)
    )
    return GradeResult(QID, grader, points)


def open_progress(path: Path) -> Progress:
    """A store with deterministic scheduling."""
    return Progress.open(path, Scheduler(enable_fuzzing=False))


def test_saved_answer_round_trips_with_points_and_ticks(tmp_path: Path) -> None:
    progress = open_progress(tmp_path / "p.db")
    rated = progress.rate(QID, Rating.Good, NOW, ticked=[0, 2], total_points=3)
    saved = progress.typed_answers.save(
        "sentence 1. and more", result(1, grader=GraderKind.LLM), (2, 0), NOW, rated.review_id
    )
    [attempt] = progress.typed_answers.attempts(QID)
    assert attempt.answer_id == saved
    assert attempt.answer == "sentence 1. and more"
    assert attempt.grader is GraderKind.LLM
    assert attempt.ticked == (0, 2)
    assert attempt.total == 3
    assert attempt.review_id == rated.review_id
    assert attempt.mock_answer_id is None
    assert attempt.created_at == NOW
    assert [p.verdict for p in attempt.points] == [
        Verdict.COVERED,
        Verdict.MISSING,
        Verdict.MISSING,
    ]
    assert attempt.points[0].evidence == "sentence 1."
    assert attempt.points[1].evidence is None
    assert attempt.coverage == 2 / 3
    progress.close()


def test_attempts_are_newest_first_and_per_question(tmp_path: Path) -> None:
    progress = open_progress(tmp_path / "p.db")
    for day in range(3):
        progress.typed_answers.save(
            f"try {day}", result(day), range(day), NOW + timedelta(days=day)
        )
    other = GradeResult("llm/sampling", GraderKind.OFFLINE, result(1).points)
    progress.typed_answers.save("elsewhere", other, (0,), NOW + timedelta(days=9))
    attempts = progress.typed_answers.attempts(QID)
    assert [a.answer for a in attempts] == ["try 2", "try 1", "try 0"]
    assert [len(a.ticked) for a in attempts] == [2, 1, 0]
    assert progress.typed_answers.attempts("nothing/here") == []
    progress.close()


def test_undoing_the_rating_keeps_the_typed_answer(tmp_path: Path) -> None:
    progress = open_progress(tmp_path / "p.db")
    rated = progress.rate(QID, Rating.Hard, NOW)
    progress.typed_answers.save("my own words", result(1), (0,), NOW, review_id=rated.review_id)
    assert progress.undo(rated.review_id) is not None
    [attempt] = progress.typed_answers.attempts(QID)
    assert attempt.answer == "my own words"
    assert attempt.review_id is None
    progress.close()


def test_typed_answer_links_to_its_mock_answer(tmp_path: Path) -> None:
    progress = open_progress(tmp_path / "p.db")
    session = progress.mocks.start("mid", 120, NOW)
    mock_id = progress.mocks.record(session, MockAnswer(QID, (0,), 3, 2, 1000), NOW)
    assert mock_id > 0
    progress.typed_answers.save("mock words", result(1), (0,), NOW, mock_answer_id=mock_id)
    by_mock = progress.typed_answers.for_mock_session(session)
    assert list(by_mock) == [QID]
    assert by_mock[QID].answer == "mock words"
    assert by_mock[QID].mock_answer_id == mock_id
    assert progress.typed_answers.for_mock_session(session + 1) == {}
    progress.close()


def test_typed_answers_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    progress = open_progress(path)
    progress.typed_answers.save("kept", result(2), (0, 1), NOW)
    progress.close()
    reopened = open_progress(path)
    assert [a.answer for a in reopened.typed_answers.attempts(QID)] == ["kept"]
    reopened.close()
