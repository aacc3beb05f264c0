"""Settings speak the user's language: field labels in errors, and no interview date in the past."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app
from textual.widgets import Input, Static

from tui.ui.app import GenAITUI
from tui.ui.screens.settings import SettingsScreen


def error_text(app: GenAITUI) -> str:
    """What the form's error line says."""
    return str(app.screen.query_one("#settings-error", Static).render())


async def test_errors_name_the_label_and_past_dates_are_refused(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    config = tmp_path / "config.toml"
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW), config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#retention", Input).value = "0.5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        message = error_text(app)
        assert "Desired retention" in message and "desired_retention" not in message, message

        app.screen.query_one("#retention", Input).value = "0.9.1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = error_text(app)
        assert message.startswith("Not saved. Desired retention:") and "float" not in message

        app.screen.query_one("#retention", Input).value = "0.9"
        app.screen.query_one("#interview", Input).value = "2026-11-28"  # the day before
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen), "a past interview date is refused"
        assert "has passed" in error_text(app)

        app.screen.query_one("#interview", Input).value = FIXED_NOW.date().isoformat()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen), "today is a valid interview date"
    assert app.settings.interview_date == FIXED_NOW.date()
