"""Typing an answer in a review: the box, grading off the UI thread, pre-ticked points, storage."""

from __future__ import annotations

import re
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

from conftest import FIXED_NOW
from factory import FakeClock, make_app
from fsrs import Scheduler
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Static, TextArea
from typing_text import type_text

from tui.core.grading.result import GradeResult, GraderKind, PointResult, Verdict
from tui.store.progress import Progress
from tui.ui.screens.answer_box import AnswerScreen
from tui.ui.screens.review import Phase, ReviewScreen
from tui.ui.widgets.question_detail import QuestionDetail
from tui.ui.widgets.rubric import RubricChecklist

START = "Every query is"
ANSWER = (
    "Every query is multiplied with each key as a dot product. "
    "Those scores get divided by the square root of d_k. "
    "I think it uses max pooling afterwards."
)


def query(db: Path, sql: str) -> list[tuple[Any, ...]]:
    """Rows of a query, read by a fresh connection."""
    conn = sqlite3.connect(db)
    try:
        return list(conn.execute(sql))
    finally:
        conn.close()


def typed_rows(db: Path) -> list[tuple[Any, ...]]:
    """question id, answer, grader, final ticks and review link of every typed answer."""
    return query(
        db, "SELECT question_id, answer, grader, final_ticked, review_id FROM typed_answers"
    )


def body_strips(screen: Any) -> list[Strip]:
    """The rendered lines of the question pane's body, styles included."""
    body = screen.query_one(QuestionDetail).query_one("#detail-body", Static)
    return body.render_lines(Region(0, 0, body.size.width, body.size.height))


def body_text(screen: Any) -> str:
    """The plain text of the question pane's body, one line per rendered line."""
    return "\n".join(strip.text.rstrip() for strip in body_strips(screen))


def reversed_text(screen: Any) -> str:
    """The characters of the body drawn in reverse video (the highlighted evidence)."""
    return "".join(
        segment.text
        for strip in body_strips(screen)
        for segment in strip
        if segment.style is not None and segment.style.reverse
    )


async def submit_answer(pilot: Any) -> ReviewScreen:
    """From the dashboard: start a review, type the answer (the start key by key), submit it,
    and wait for the grader."""
    app = pilot.app
    await pilot.press("r", "a")
    assert isinstance(app.screen, AnswerScreen)
    await type_text(pilot, START)
    app.screen.query_one(TextArea).insert(ANSWER[len(START) :])
    assert app.screen.query_one(TextArea).text == ANSWER
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()
    review = app.screen
    assert isinstance(review, ReviewScreen)
    return review


async def test_typed_answer_is_graded_pre_ticked_stored_and_linked_to_the_review(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "p.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(80, 24)) as pilot:
        review = await submit_answer(pilot)
        assert review.phase is Phase.TICK
        assert review.ticked == {0, 1}, "dot products and the scale are covered, softmax is not"
        rubric = review.query_one(RubricChecklist)
        labels = [str(rubric.get_option_at_index(i).prompt) for i in range(3)]
        assert labels[0].startswith("[x] 1.") and "\n    covered 100%: " in labels[0]
        assert "“Every query is multiplied with each key" in labels[0], "the evidence is quoted"
        assert labels[2].startswith("[ ] 3.") and re.search(r" · missing \d+%$", labels[2])
        body = body_text(review)
        assert "Your answer" in body and "max pooling" in body
        assert "Graded by the offline grader: 2 of 3 covered" in body
        highlighted = " ".join(reversed_text(review).split())
        assert "each key as a dot product." in highlighted
        assert "max pooling" not in highlighted, "only the evidence is highlighted"
        assert "Covered 2 of 3 key points" in str(review.query_one("#review-grade").render())
        assert typed_rows(db) == [("attention/compute", ANSWER, "offline", "[0, 1]", None)]
        await pilot.press("2", "3")  # the learner unticks the scale and ticks the softmax
        assert "Covered 2 of 3 key points" in str(review.query_one("#review-grade").render())
        await pilot.press("enter", "enter")  # done ticking, accept the suggestion (Hard)
    [(review_id, rating)] = query(db, "SELECT id, rating FROM reviews")
    assert rating == 2
    assert typed_rows(db) == [("attention/compute", ANSWER, "offline", "[0, 2]", review_id)]


async def test_the_grader_loads_only_once_an_answer_box_opens(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "space", "enter", "3")
        assert app._grading is None, "no answer box yet: no grader"
        await pilot.press("a")
        await app.workers.wait_for_complete()
        assert app.grading.loaded


async def test_escape_in_the_answer_box_keeps_the_old_flow(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "p.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "a")
        await type_text(pilot, "half an answer")
        await pilot.press("escape")
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.phase is Phase.QUESTION
        await pilot.press("space")
        assert review.phase is Phase.TICK and review.ticked == frozenset()
        assert "Your answer\n" not in body_text(review)
        await pilot.press("enter", "3")
    assert typed_rows(db) == []
    assert query(db, "SELECT rating FROM reviews") == [(3,)]


async def test_an_empty_answer_is_not_submitted(tmp_path: Path, fixture_bank_dir: Path) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "a", "space", "ctrl+s")
        assert isinstance(app.screen, AnswerScreen)
        assert any("Type an answer first" in str(n.message) for n in app._notifications)


async def test_undoing_the_rating_keeps_the_typed_answer(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "p.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(80, 24)) as pilot:
        await submit_answer(pilot)
        await pilot.press("enter", "3", "u")
    assert query(db, "SELECT count(*) FROM reviews") == [(0,)]
    assert typed_rows(db) == [("attention/compute", ANSWER, "offline", "[0, 1]", None)]


async def test_your_answers_lists_earlier_attempts_newest_first(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "p.db"
    progress = Progress.open(db, Scheduler(enable_fuzzing=False))
    for days_ago, covered in ((3, 1), (1, 2)):
        points = tuple(
            PointResult(i + 1, "p", Verdict.COVERED if i < covered else Verdict.MISSING, 0.5, None)
            for i in range(3)
        )
        result = GradeResult("attention/compute", GraderKind.OFFLINE, points)
        when = FIXED_NOW - timedelta(days=days_ago)
        progress.typed_answers.save("old", result, tuple(range(covered)), when)
    progress.close()
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # the first question of the first topic, answer hidden
        body = body_text(app.screen)
    assert "Your answers" in body
    newer = body.index("2026-11-28 12:00  2 of 3 points (67%), offline")
    older = body.index("2026-11-26 12:00  1 of 3 points (33%), offline")
    assert newer < older
