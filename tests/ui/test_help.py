"""`?` lists the keys of the screen it is opened from: its own bindings, once each."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app
from textual.pilot import Pilot

from tui.ui.app import GenAITUI
from tui.ui.screens.help import HelpScreen


async def help_rows(app: GenAITUI, pilot: Pilot[None]) -> list[tuple[str, str]]:
    """Open help, read its rows, close it again."""
    await pilot.press("question_mark")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, HelpScreen)
    rows = list(screen.rows)
    await pilot.press("escape")
    await pilot.pause()
    return rows


def keys_of(rows: list[tuple[str, str]]) -> list[str]:
    """Every single key named in the rows."""
    return [key for combo, _ in rows for key in combo.split(" / ")]


async def test_each_screen_lists_its_own_keys_once(tmp_path: Path, fixture_bank_dir: Path) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        dashboard = await help_rows(app, pilot)
        described = dict(dashboard)
        assert described["Enter"] == "Open the topic's questions"
        assert "Tab / Shift+Tab" in described and "Ctrl+P" in described
        assert described["r"] == "Review due" and described["q"] == "Quit"

        await pilot.press("r")
        await pilot.pause()
        question = await help_rows(app, pilot)
        assert "Enter" not in keys_of(question), question
        assert "Tab" not in keys_of(question), question  # one pane to focus: nothing to switch
        assert "Ctrl+P" in keys_of(question)
        assert "r" not in keys_of(question), "no dashboard key on the review screen"

        await pilot.press("space")
        await pilot.pause()
        checklist = dict(await help_rows(app, pilot))
        assert "1-9" in checklist, checklist
        assert checklist["Enter"].startswith("Done ticking")

        await pilot.press("enter")
        await pilot.pause()
        rating = await help_rows(app, pilot)
        assert keys_of(rating).count("Enter") == 1, rating
        assert dict(rating)["3"] == "Good"

        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        stats = await help_rows(app, pilot)
        assert "Enter" not in keys_of(stats) and "Ctrl+P" in keys_of(stats), stats

        for rows in (dashboard, question, checklist.items(), rating, stats):
            keys = keys_of(list(rows))
            assert len(keys) == len(set(keys)), keys
