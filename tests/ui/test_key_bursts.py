"""Keys arriving in one burst are all handled, in order, against the state the last one left."""

from __future__ import annotations

from pathlib import Path

from burst import burst
from conftest import FIXED_NOW
from factory import FakeClock, make_app

from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.screens.review import Phase, ReviewScreen
from tui.ui.screens.settings import SettingsScreen


async def test_note_typed_and_saved_in_one_burst_keeps_every_character(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, "enter", "e", *"LoRA: W + BA, r small", "ctrl+s")
        assert isinstance(app.screen, DashboardScreen)
        assert app.study.progress.notes.note("attention/compute") == "LoRA: W + BA, r small"


async def test_end_then_text_then_save_appends_to_the_note(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    app.study.progress.notes.save_note("attention/compute", "head", FIXED_NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, "enter", "e", "end", *"-tail4-pqrstuvwxyz", "ctrl+s")
        assert app.study.progress.notes.note("attention/compute") == "head-tail4-pqrstuvwxyz"


async def test_settings_saved_in_the_same_burst_as_the_edit_use_the_new_value(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    config = tmp_path / "config.toml"
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW), config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("tab")  # from the theme to "New questions a day"
        await burst(pilot, "end", "backspace", "backspace", *"7", "ctrl+s")
        assert isinstance(app.screen, DashboardScreen)
        assert app.study.new_per_day == 7


async def test_reveal_tick_done_and_rate_in_one_burst(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, "r", "space", "enter", "3", "space", "1", "enter", "enter")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert app.study.progress.review_count() == 2
        assert review.index == 2 and review.phase is Phase.QUESTION


async def test_pilot_presses_without_pauses_reach_the_note(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "e", *"r small", "ctrl+s")
        assert app.study.progress.notes.note("attention/compute") == "r small"
