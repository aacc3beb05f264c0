"""With 16 colours, the focused pane's border is not red (which reads as an error)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXED_NOW
from factory import FakeClock, make_app
from rich.color import ColorSystem
from textual import constants

from tui.ui.widgets.topic_table import TopicTable

RED, BRIGHT_RED = 1, 9


@pytest.mark.parametrize("system", ["standard", "truecolor"])
async def test_focus_border_is_not_red_in_sixteen_colours(
    tmp_path: Path, fixture_bank_dir: Path, monkeypatch: pytest.MonkeyPatch, system: str
) -> None:
    monkeypatch.setattr(constants, "COLOR_SYSTEM", system)
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(TopicTable)
        assert table.has_focus
        _, colour = table.styles.border_top
        nearest = colour.rich_color.downgrade(ColorSystem.STANDARD).number
        if system == "standard":
            assert nearest not in (RED, BRIGHT_RED), colour
        else:
            assert nearest == BRIGHT_RED, "truecolor keeps the theme's orange accent"
