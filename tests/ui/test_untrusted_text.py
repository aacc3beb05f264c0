"""Markup inside content and notes is shown literally and never acted on."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import FIXED_NOW
from factory import FakeClock, make_app
from test_dashboard import _export

from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.widgets.question_detail import QuestionDetail


def markup_pack(folder: Path) -> Path:
    """A content pack whose text is full of Rich/Textual markup."""
    folder.mkdir()
    topic = {
        "id": "markup",
        "title": "[red]x[/red] topic",
        "section": "[b]bold[/b]",
        "summary": "Markup everywhere.",
        "questions": [
            {
                "id": "markup/q",
                "difficulty": "junior",
                "question": "[@click=app.quit]Click me[/] or [link=https://x]this[/link]?",
                "answer": "An answer with [red]x[/red], [@click=app.quit] and [/ in it " * 8,
                "key_points": ["[bold]one[/bold]", "two", "three"],
                "follow_ups": ["[@click=app.quit]quit[/]"],
                "pitfalls": ["[/"],
                "references": ["[$ref]"],
                "tags": ["markup"],
            }
        ],
    }
    (folder / "markup.yaml").write_text(yaml.safe_dump(topic), encoding="utf-8")
    return folder


async def test_markup_in_content_is_literal_and_inert(tmp_path: Path) -> None:
    pack = markup_pack(tmp_path / "pack")
    app = make_app([pack], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space")
        text = _export(app)
        assert "[red]x[/red] topic" in text
        assert "[@click=app.quit]Click me[/]" in text
        assert "[@click=app.quit] and [/ in it" in text
        detail = app.screen.query_one(QuestionDetail)
        await pilot.click(detail, offset=(6, 1))
        await pilot.click(detail, offset=(2, 1))
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, DashboardScreen)
