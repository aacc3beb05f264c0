"""A filter that matches nothing in a new topic is cleared; an empty list says why and how."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app
from screen import widget_lines

from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.widgets.question_detail import QuestionDetail
from tui.ui.widgets.question_list import QuestionList


async def test_tag_filter_is_cleared_in_a_topic_without_the_tag(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "t")  # the retrieval topic; pick a tag
        await pilot.pause()
        await pilot.press("down", "enter")  # "rag"
        await pilot.pause()
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen) and dashboard.tag_filter == "rag"
        await pilot.press("k")  # self-attention: no question tagged rag
        await pilot.pause()
        assert dashboard.topic_id == "attention"
        assert dashboard.tag_filter is None
        assert app.screen.query_one(QuestionList).row_count == 2
        assert any("Filter cleared (tag rag)" in str(n.message) for n in app._notifications)


async def test_an_empty_list_says_which_filter_hides_it(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "d", "d", "d")  # retrieval, senior: it has none
        await pilot.pause()
        assert app.screen.query_one(QuestionList).row_count == 0
        text = " ".join(widget_lines(app, app.screen.query_one(QuestionDetail)))
        assert "No question of this topic passes the filters" in text, text
        assert "d cycles" in text and "(senior now)" in text
