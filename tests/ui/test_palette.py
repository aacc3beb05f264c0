"""The command palette (Ctrl+P) offers genai-tui's commands, and only one help: ours."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app
from textual.command import CommandPalette
from textual.widgets import OptionList

from tui.ui.app import GenAITUI
from tui.ui.screens.help import HelpScreen


async def palette_entries(app: GenAITUI) -> list[str]:
    """The names the open palette lists before anything is typed."""
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    options = palette.query_one("CommandList", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_palette_has_no_textual_keys_maximize_or_screenshot(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.pause(0.3)
        names = await palette_entries(app)
        first_lines = [name.splitlines()[0] for name in names]
        assert any(line.startswith("Review due") for line in first_lines), first_lines
        for unwanted in ("Keys", "Maximize", "Screenshot"):
            assert not any(line.startswith(unwanted) for line in first_lines), first_lines
        assert sum(line.startswith("Help") for line in first_lines) == 1, first_lines
        await pilot.press(*"help", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
