"""Bookmarks and notes can be found again: `/` searches notes, B and N list them, so does Ctrl+P."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app
from textual.pilot import Pilot
from textual.widgets import OptionList

from tui.ui.app import GenAITUI
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.screens.search import SearchScreen


def results(app: GenAITUI) -> list[str]:
    """The ids listed by the open search screen."""
    listing = app.screen.query_one("#search-results", OptionList)
    return [str(listing.get_option_at_index(i).id) for i in range(listing.option_count)]


async def keep_note_and_bookmark(app: GenAITUI, pilot: Pilot[None]) -> None:
    """A note on the first retrieval question; a bookmark on the second."""
    await pilot.press("j", "enter", "e")  # retrieval/pipeline
    await pilot.pause()
    await pilot.press(*"zebra mnemonic", "ctrl+s")
    await pilot.pause()
    await pilot.press("down", "b")  # retrieval/rrf
    await pilot.pause()
    assert isinstance(app.screen, DashboardScreen)


async def test_slash_finds_words_of_a_note(tmp_path: Path, fixture_bank_dir: Path) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await keep_note_and_bookmark(app, pilot)
        await pilot.press("slash", *"zebra")
        await pilot.pause()
        assert results(app) == ["retrieval/pipeline"]
        listing = app.screen.query_one("#search-results", OptionList)
        assert "note: zebra mnemonic" in str(listing.get_option_at_index(0).prompt)


async def test_bookmarks_and_notes_are_listed_and_open(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen) and results(app) == []
        await pilot.press("escape")
        await keep_note_and_bookmark(app, pilot)
        await pilot.press("k", "k", "B")  # from another topic
        await pilot.pause()
        assert results(app) == ["retrieval/rrf"]
        await pilot.press("enter")
        await pilot.pause()
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        assert dashboard.question_id == "retrieval/rrf"
        await pilot.press("N")
        await pilot.pause()
        assert results(app) == ["retrieval/pipeline"]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"bookmarked")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen) and app.screen.title == "Bookmarked questions"
        assert results(app) == ["retrieval/rrf"]
