"""The mock report offers only what can be done, and the weak-question review says what it is."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app
from test_mock_interview import screen_text, start_mock
from textual.widgets import Static

from tui.ui.screens.mock_report import MockReportScreen
from tui.ui.screens.review import ReviewScreen


async def test_a_report_with_nothing_graded_offers_no_apply(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_mock(pilot, down=0, count="2")
        await pilot.press("escape", "enter")  # end at once, nothing answered
        await pilot.pause()
        assert isinstance(app.screen, MockReportScreen)
        text = screen_text(app)
        assert "0 of 2 graded" in text
        assert "apply these grades" not in text, text


async def test_the_weak_question_review_is_titled_for_what_it_is(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_mock(pilot, down=0, count="2")
        await pilot.press("space", "enter", "enter")  # nothing covered: Again, a weak question
        await pilot.press("space", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MockReportScreen)
        assert "review the 2 weak questions" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        status = str(app.screen.query_one("#review-status", Static).render())
        assert "weak questions" in status and "all topics" not in status, status
