"""The progress pane names topics by their titles, shortened only when the width requires it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXED_NOW
from factory import FakeClock, make_app
from screen import widget_lines

from tui.paths import bundled_content_dir
from tui.ui.app import GenAITUI
from tui.ui.widgets.progress_panel import ProgressPanel

TITLE = "Generative vs discriminative models"


def pane_text(app: GenAITUI) -> str:
    """What the progress pane shows, as plain lines."""
    return "\n".join(widget_lines(app, app.screen.query_one(ProgressPanel)))


@pytest.mark.parametrize(("size", "whole"), [((120, 40), True), ((100, 30), False)])
async def test_progress_pane_shows_titles(
    tmp_path: Path, size: tuple[int, int], whole: bool
) -> None:
    app = make_app([bundled_content_dir()], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        text = pane_text(app)
        assert "generative-vs" not in text, text
        assert "Tokenization" in text, text
        if whole:
            assert TITLE in text, text
        else:
            assert "Generative vs" in text and "…" in text, text
