"""Pilot tests for search, filters, notes, bookmarks, settings and the command palette."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app
from test_dashboard import _export

from tui.config import SettingsFile
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.screens.note import NoteScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.screens.settings import SettingsScreen
from tui.ui.widgets.question_detail import QuestionDetail
from tui.ui.widgets.question_list import QuestionList


async def test_search_finds_a_question_and_opens_it(tmp_path: Path, fixture_bank_dir: Path) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"reciprocal")
        text = _export(app)
        assert "1 found" in text and "reciprocal rank fusion" in text
        await pilot.press("enter")
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        assert (dashboard.topic_id, dashboard.question_id) == ("retrieval", "retrieval/rrf")
        assert isinstance(app.focused, QuestionDetail)


async def test_search_by_tag_and_answer_text(tmp_path: Path, fixture_bank_dir: Path) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"saturates")  # only in an answer
        assert "1 found" in _export(app)
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_filters_by_difficulty_and_tag(tmp_path: Path, fixture_bank_dir: Path) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")  # the retrieval topic
        listing = app.screen.query_one(QuestionList)
        assert listing.row_count == 2
        await pilot.press("d")  # junior only
        assert listing.row_count == 1
        assert listing.highlighted_id == "retrieval/pipeline"
        await pilot.press("d")  # mid only
        assert listing.highlighted_id == "retrieval/rrf"
        await pilot.press("d", "d")  # senior (none), then all again
        assert listing.row_count == 2
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # (all tags), rag, retrieval -> "retrieval"
        assert listing.row_count == 1
        assert "retrieval" in str(listing.border_title)


async def test_note_and_bookmark_are_stored_and_shown_as_plain_text(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "p.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "e")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"[red]remember[/red] scale", "ctrl+s")
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("b", "space")
        detail = app.screen.query_one(QuestionDetail)
        detail.scroll_end(animate=False)
        await pilot.pause()
        text = _export(app)
        assert "[red]remember[/red] scale" in text, "markup in notes is shown literally"
        detail.scroll_home(animate=False)
        await pilot.pause()
        assert "★ bookmarked" in _export(app)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT question_id, body FROM notes").fetchall() == [
        ("attention/compute", "[red]remember[/red] scale")
    ]
    assert conn.execute("SELECT question_id FROM bookmarks").fetchall() == [("attention/compute",)]
    conn.close()


async def test_settings_survive_a_restart(tmp_path: Path, fixture_bank_dir: Path) -> None:
    config = tmp_path / "config" / "config.toml"
    db = tmp_path / "p.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW), config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#new-per-day").value = "3"  # type: ignore[attr-defined]
        app.screen.query_one("#interview").value = "2026-12-15"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, DashboardScreen)
        assert app.study.new_per_day == 3
    saved = SettingsFile(config).load()
    assert saved.new_per_day == 3 and saved.interview_date == date(2026, 12, 15)
    again = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW), config)
    assert again.study.new_per_day == 3
    assert again.settings.interview_date == date(2026, 12, 15)


async def test_bad_settings_input_is_refused(tmp_path: Path, fixture_bank_dir: Path) -> None:
    config = tmp_path / "config.toml"
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW), config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("comma")
        app.screen.query_one("#interview").value = "next tuesday"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SettingsScreen)
        assert "YYYY-MM-DD" in _export(app)
    assert not config.exists()


async def test_command_palette_jumps_to_a_topic(tmp_path: Path, fixture_bank_dir: Path) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"jump retrieval")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        assert dashboard.topic_id == "retrieval"
