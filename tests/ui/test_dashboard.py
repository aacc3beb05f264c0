"""Pilot tests: drive the real app over a tmp-path database, as a user would with keys."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app

from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.review import ReviewScreen
from tui.ui.widgets.question_detail import QuestionDetail
from tui.ui.widgets.question_list import QuestionList
from tui.ui.widgets.topic_table import TopicTable


def _export(app: object) -> str:
    """Plain text of the whole screen via Textual's own screenshot export."""
    from textual.app import App

    assert isinstance(app, App)
    svg_free = app.export_screenshot()
    import html
    import re

    text = re.sub(r"<[^>]+>", "", svg_free)
    return html.unescape(text).replace("\xa0", " ")


def ratings_in(db: Path) -> list[tuple[str, int]]:
    """The review log, read with a separate connection."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT question_id, rating FROM reviews ORDER BY id").fetchall()
    finally:
        conn.close()


async def test_navigate_reveal_rate_undo_quit_and_reopen(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "progress.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        assert isinstance(app.focused, TopicTable)
        await pilot.press("j")
        assert dashboard.topic_id == "retrieval"
        await pilot.press("k", "enter")
        assert dashboard.topic_id == "attention"
        assert isinstance(app.focused, QuestionList)
        assert dashboard.question_id == "attention/compute"
        detail = app.screen.query_one(QuestionDetail)
        assert detail.view is not None and not detail.view.revealed
        await pilot.press("3")  # rating before the reveal is not possible
        assert ratings_in(db) == []
        await pilot.press("space")
        assert detail.view.revealed
        await pilot.press("3")
        assert ratings_in(db) == [("attention/compute", 3)]
        assert dashboard.question_id == "attention/why-scale", "rating moves to the next question"
        assert not dashboard.revealed
        await pilot.press("space", "1")
        assert ratings_in(db) == [("attention/compute", 3), ("attention/why-scale", 1)]
        await pilot.press("u")
        assert ratings_in(db) == [("attention/compute", 3)]
        assert dashboard.question_id == "attention/why-scale"
        await pilot.press("q")
    assert app.return_code == 0 or app.return_code is None

    reopened = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with reopened.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = _export(reopened)
        assert "All ratings" in text
        table = reopened.screen.query_one(TopicTable)
        mastery = table.get_cell("attention", "mastery")
        # one of two questions just rated Good: recall a week ahead 81%, over two questions
        assert mastery.strip().startswith("40%"), mastery


async def test_answer_shows_formulas_rendered_never_raw_latex(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space")
        text = _export(app)
        assert "Attention" in text and "softmax" in text
        for raw in ("\\frac", "\\sqrt", "\\mathrm", "\\left", "$$"):
            assert raw not in text
        assert "√" in text


async def test_tab_switches_panes_and_help_lists_the_bindings(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab")
        assert isinstance(app.focused, QuestionList)
        await pilot.press("tab")
        assert isinstance(app.focused, QuestionDetail)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, QuestionList)
        await pilot.press("f")
        assert isinstance(app.screen.maximized, QuestionDetail)
        await pilot.press("f")
        assert app.screen.maximized is None
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = dict(app.screen.rows)
        assert rows["u"] == "Undo"
        assert rows["r"] == "Review due"
        assert rows["q"] == "Quit"
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_review_session_rates_due_and_new_cards_then_summarises(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "p.db"
    clock = FakeClock(FIXED_NOW)
    app = make_app([fixture_bank_dir], db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert [q.id for q in review.queue] == [
            "attention/compute",
            "attention/why-scale",
            "retrieval/pipeline",
            "retrieval/rrf",
        ]
        await pilot.press("space")
        assert "Covered 0 of 3 key points" in _export(app)
        await pilot.press("1", "3")  # tick key points 1 and 3 of 3
        assert "Covered 2 of 3 key points" in _export(app)
        await pilot.press("enter")
        text = _export(app)
        assert "1 Again" in text and "4 Easy" in text and "[Hard]" in text
        await pilot.press("4")  # override the suggested Hard with Easy
        await pilot.press("space", "1", "2", "3", "enter", "enter", "u")  # all ticked: Good
        assert ratings_in(db) == [("attention/compute", 4)]
        assert review.current is not None and review.current.id == "attention/why-scale"
        await pilot.press("space", "enter", "2", "space", "enter", "3", "space", "enter", "3")
        assert review.finished
        text = _export(app)
        assert "Session complete" in text and "Cards reviewed" in text
        assert "Mastery change" in text
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)
    assert len(ratings_in(db)) == 4
    conn = sqlite3.connect(db)
    ticks = conn.execute("SELECT key_points_ticked, key_points_total FROM reviews").fetchall()
    conn.close()
    assert ticks[0] == ("[0, 2]", 3)


async def test_review_selected_topic_only(tmp_path: Path, fixture_bank_dir: Path) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "R")
        assert isinstance(app.screen, ReviewScreen)
        assert {q.topic_id for q in app.screen.queue} == {"retrieval"}


async def test_formulas_are_laid_out_again_when_the_pane_is_resized(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))

    def formula_column() -> int:
        lines = [line for line in _export(app).splitlines() if "softmax" in line and "=" in line]
        assert lines, "the attention formula is on screen"
        return lines[0].index("Attention(Q")

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "space", "f")
        wide = formula_column()
        await pilot.resize_terminal(70, 40)
        await pilot.pause()
        narrow = formula_column()
        assert narrow < wide, "the centred formula moved with the narrower pane"
