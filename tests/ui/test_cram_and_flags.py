"""Cram sessions (logged apart, schedule untouched) and flagging questions, through the pilot."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app
from screen import screen_lines
from textual.widgets import Static

from tui.ui.app import GenAITUI
from tui.ui.screens.cram import CramScreen
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.screens.flag import FlagScreen
from tui.ui.screens.pick import PickScreen
from tui.ui.widgets.question_list import QuestionList


def list_labels(app: GenAITUI) -> list[str]:
    """The question list's lines as plain text."""
    table = app.screen.query_one(QuestionList)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


async def test_cram_logs_ratings_apart_and_never_changes_a_card(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    progress = app.study.progress
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space", "3")  # one real review of attention/compute
        cards_before = progress.cards()
        assert progress.review_count() == 1
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        await pilot.press("enter")  # "This topic: ..." is listed first
        await pilot.pause()
        assert isinstance(app.screen, CramScreen)
        status = str(app.screen.query_one("#review-status", Static).render())
        assert status.startswith(" Cram · ") and "1 of 2" in status
        await pilot.press("space", "enter", "1")  # reveal, done ticking, Again
        await pilot.press("space", "enter", "4")  # Easy
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "Cram ratings" in text and "Again 1, Easy 1" in text, text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
    assert progress.cram.count() == 2
    assert progress.review_count() == 1
    assert progress.cards() == cards_before
    rows = progress.db.execute(
        "SELECT question_id, rating FROM cram_reviews ORDER BY id"
    ).fetchall()
    assert rows == [("attention/compute", 1), ("attention/why-scale", 4)]


async def test_cram_undo_takes_back_only_the_cram_rating(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c", "enter", "space", "enter", "4", "u")
        await pilot.pause()
        assert isinstance(app.screen, CramScreen) and app.screen.index == 0
    assert app.study.progress.cram.count() == 0


async def test_flag_with_reason_marks_the_list_filters_and_unflags(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    flags = app.study.progress.flags
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "down", "x")
        await pilot.pause()
        assert isinstance(app.screen, FlagScreen)
        await pilot.press(*"[bold]typo", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        [flag] = flags.all()
        assert flag.question_id == "attention/why-scale" and flag.reason == "[bold]typo"
        labels = list_labels(app)
        assert "⚑" in labels[1] and "⚑" not in labels[0]
        await pilot.press("F")
        await pilot.pause()
        assert len(list_labels(app)) == 1
        await pilot.press("F", "escape")
        await pilot.press("x")  # unflag the question under the cursor
        await pilot.pause()
        assert flags.all() == []


async def test_flag_in_review_and_cram_of_flagged_questions(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "x")
        await pilot.pause()
        assert isinstance(app.screen, FlagScreen)
        await pilot.press("enter")  # no reason
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert [f.question_id for f in app.study.progress.flags.all()] == ["attention/compute"]
        await pilot.press("c")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickScreen)
        choices = [value for value, _ in picker.choices]
        await pilot.press(*["down"] * choices.index("flagged:"), "enter")
        await pilot.pause()
        assert isinstance(app.screen, CramScreen) and [q.id for q in app.screen.queue] == [
            "attention/compute"
        ]


async def test_cram_and_the_flag_filter_are_in_the_command_palette(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Cram")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        assert app.screen.title_text.startswith("Cram")
