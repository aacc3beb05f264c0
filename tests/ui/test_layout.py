"""The layout works from 80x24 to 200x60, says so when too small, and keeps state on resize."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXED_NOW
from factory import FakeClock, make_app
from test_dashboard import _export

from tui.paths import bundled_content_dir
from tui.ui.screens.review import Phase, ReviewScreen
from tui.ui.screens.too_small import TooSmallScreen


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 60)])
async def test_every_pane_is_visible(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app([bundled_content_dir()], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter", "space")
        text = _export(app)
        for title in ("Topics", "Progress", "Questions", "Question", "Mastery", "Answer"):
            assert title in text, (size, title)
        assert "Generative vs discriminative" in text


async def test_too_small_then_back_keeps_the_review_state(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "space", "enter", "3", "space")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert (review.index, review.phase) == (1, Phase.TICK)
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "Terminal too small" in _export(app)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert app.screen is review
        assert (review.index, review.phase) == (1, Phase.TICK)
        await pilot.press("1", "enter", "3")
        assert review.index == 2


async def test_states_and_mastery_read_without_colour(
    tmp_path: Path, fixture_bank_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space", "3")
        text = _export(app)
        assert "✓ J How is scaled" in text, "a scheduled question is marked by a glyph"
        assert "○ M Why divide" in text, "a new question is marked by a glyph"
        assert " 40% " in text, "mastery is a number, not only a colour"
        assert app.no_color


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_an_overflowing_footer_ends_with_the_palette_key(
    tmp_path: Path, fixture_bank_dir: Path, size: tuple[int, int]
) -> None:
    # After Space the Footer offers more keys than fit; the last column must not show a
    # letter of a key that has scrolled under the palette key.
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter", "space")
        await pilot.pause()
        width, height = size
        widget, _ = app.get_widget_at(width - 1, height - 1)
        assert type(widget).__name__ == "FooterKey"
        assert widget.has_class("-command-palette")
