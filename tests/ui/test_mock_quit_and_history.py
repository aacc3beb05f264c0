"""A mock interview asks before q quits, always gets its end time, and past reports can be read."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app
from test_mock_interview import rows, screen_text, start_mock

from tui.ui.screens.mock_confirm import ConfirmScreen
from tui.ui.screens.mock_history import MockHistoryScreen
from tui.ui.screens.mock_report import MockReportScreen
from tui.ui.screens.stats import StatsScreen


async def test_q_in_a_mock_asks_and_closes_the_session_on_quit(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "progress.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        session = await start_mock(pilot, down=1, count="2")
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen), "q asks first, as Esc does"
        await pilot.press("n")
        assert app.screen is session
        assert rows(db, "SELECT finished_at FROM mock_sessions") == [(None,)]
        await pilot.press("q", "y")
        await pilot.pause()
    assert app.return_code == 0 or app.return_code is None
    assert rows(db, "SELECT finished_at IS NOT NULL FROM mock_sessions") == [(1,)]


async def test_a_mock_left_by_a_hangup_gets_its_end_time(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "progress.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_mock(pilot, down=0, count="2")
        app.exit()  # what the SIGHUP and SIGTERM handlers do
        await pilot.pause()
    assert rows(db, "SELECT finished_at IS NOT NULL FROM mock_sessions") == [(1,)]


async def test_past_mock_reports_from_the_stats_screen_and_the_palette(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "progress.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_mock(pilot, down=1, count="2")
        await pilot.press("space", "1", "enter", "enter", "space", "enter", "enter")
        assert isinstance(app.screen, MockReportScreen)
        await pilot.press("escape", "s")
        assert isinstance(app.screen, StatsScreen)
        await pilot.press("p")
        history = app.screen
        assert isinstance(history, MockHistoryScreen)
        text = screen_text(app)
        assert "2026-11-29" in text and "Mid · 2 graded · 17% of key points covered" in text
        await pilot.press("enter")
        report = app.screen
        assert isinstance(report, MockReportScreen)
        assert "Score by topic" in screen_text(app)
        await pilot.press("escape")
        assert app.screen is history
        await pilot.press("escape", "escape", "ctrl+p", *"past mock")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MockHistoryScreen)
        assert isinstance(app.screen.sessions[0].session_id, int)
