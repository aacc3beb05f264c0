"""A review at the 60x16 minimum keeps the question in view; the answer scrolls without Tab."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app
from test_mock_interview import screen_text

from tui.ui.screens.review import Phase, ReviewScreen
from tui.ui.widgets.question_detail import QuestionDetail
from tui.ui.widgets.rubric import RubricChecklist


async def test_at_60x16_the_question_stays_visible_and_the_answer_scrolls(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.press("r", "space")
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.phase is Phase.TICK
        assert isinstance(app.focused, RubricChecklist)
        text = screen_text(app)
        assert "How is scaled dot-product" in text, "the question is on screen"
        assert "Answer" in text, "and the start of the answer"
        assert "[ ] 1." in text, "and the checklist"
        detail = review.query_one(QuestionDetail)
        assert detail.max_scroll_y > 0, "the answer is longer than the pane"
        await pilot.press("pagedown")
        assert detail.scroll_y > 0, "PgDn scrolls the answer while the checklist has focus"
        assert "How is scaled dot-product" in screen_text(app), "the question stays in view"
        assert isinstance(app.focused, RubricChecklist)
        assert "PgUp/PgDn" in screen_text(app), "the footer says how"
        await pilot.press("pageup")
        assert detail.scroll_y == 0


async def test_j_and_k_scroll_the_answer_while_rating(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.press("r", "space", "enter")
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.phase is Phase.RATE
        detail = review.query_one(QuestionDetail)
        await pilot.press("j", "j")
        assert detail.scroll_y == 2
        await pilot.press("k")
        assert detail.scroll_y == 1
        assert review.phase is Phase.RATE and app.study.progress.review_count() == 0
