"""Whatever changes the question shown, its answer starts hidden and cannot be rated unseen."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXED_NOW
from factory import FakeClock, make_app
from test_dashboard import ratings_in
from textual.pilot import Pilot

from tui.ui.app import GenAITUI
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.widgets.question_detail import QuestionDetail
from tui.ui.widgets.topic_table import TopicTable


async def reveal(pilot: Pilot[None], question_id: str) -> DashboardScreen:
    """Open the retrieval topic, move to one of its questions and reveal the answer."""
    await pilot.press("j", "enter", *(["j"] if question_id == "retrieval/rrf" else []), "space")
    dashboard = pilot.app.screen
    assert isinstance(dashboard, DashboardScreen)
    assert dashboard.question_id == question_id and dashboard.revealed
    return dashboard


async def difficulty_filter(pilot: Pilot[None]) -> None:
    """d: junior questions only."""
    await pilot.press("d")


async def tag_filter(pilot: Pilot[None]) -> None:
    """t: the 'retrieval' tag only (which the first question lacks)."""
    await pilot.press("t")
    await pilot.pause()
    await pilot.press("down", "down", "enter")


async def search_jump(pilot: Pilot[None]) -> None:
    """/: open another question from the search."""
    await pilot.press("slash", *"stages of a rag", "enter")


async def palette_jump(pilot: Pilot[None]) -> None:
    """Ctrl+P: jump to another topic."""
    await pilot.press("ctrl+p", *"jump self")
    await pilot.pause(0.5)
    await pilot.press("enter")
    await pilot.pause()


async def topic_move(pilot: Pilot[None]) -> None:
    """Back to the topic table and up one topic."""
    app = pilot.app
    app.screen.query_one(TopicTable).focus()
    await pilot.press("k")


@pytest.mark.parametrize(
    ("start", "change"),
    [
        ("retrieval/rrf", difficulty_filter),
        ("retrieval/pipeline", tag_filter),
        ("retrieval/rrf", search_jump),
        ("retrieval/rrf", palette_jump),
        ("retrieval/rrf", topic_move),
    ],
)
async def test_a_new_question_shows_with_its_answer_hidden(
    tmp_path: Path, fixture_bank_dir: Path, start: str, change: object
) -> None:
    db = tmp_path / "p.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        dashboard = await reveal(pilot, start)
        await change(pilot)  # type: ignore[operator]
        assert app.screen is dashboard
        assert dashboard.question_id not in (None, start)
        assert not dashboard.revealed
        detail = dashboard.query_one(QuestionDetail)
        assert detail.view is not None and not detail.view.revealed
        await pilot.press("3")
        assert ratings_in(db) == [], "a question whose answer was not revealed is never rated"


async def test_undo_goes_to_the_restored_question_with_its_answer_hidden(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "p.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space", "3")  # rate attention/compute Good
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        await pilot.press("escape", "j", "enter", "space")  # another topic's question, revealed
        assert dashboard.question_id == "retrieval/pipeline" and dashboard.revealed
        await pilot.press("u")
        assert ratings_in(db) == []
        assert (dashboard.topic_id, dashboard.question_id) == ("attention", "attention/compute")
        assert not dashboard.revealed
        await pilot.press("3")
        assert ratings_in(db) == []
        assert isinstance(app, GenAITUI)
