"""Navigation repaints only what changed: the terminal is often at the far end of SSH."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import FIXED_NOW
from factory import FakeClock, make_app
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from tui.paths import bundled_content_dir
from tui.ui.widgets.question_detail import HEAD_MIN_LINES
from tui.ui.widgets.quiet_table import QuietTable, same_cell
from tui.ui.widgets.topic_table import TopicTable


class TableApp(App[None]):
    """One QuietTable of five rows and two columns."""

    def compose(self) -> ComposeResult:
        yield QuietTable[str](id="table")

    def on_mount(self) -> None:
        table: QuietTable[str] = self.query_one(QuietTable)
        table.add_columns("name", "value")
        for index in range(5):
            table.add_row(f"row {index}", "old")


def spy_refreshes(widget: Widget, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, bool]]:
    """Record each refresh that reaches Textual for `widget`: (regions, layout asked for)."""
    calls: list[tuple[int, bool]] = []
    real = Widget.refresh

    def refresh(self: Widget, *regions: Any, **options: Any) -> Any:
        if self is widget:
            calls.append((len(regions), bool(options.get("layout"))))
        return real(self, *regions, **options)

    monkeypatch.setattr(Widget, "refresh", refresh)
    return calls


async def test_update_rows_repaints_only_the_rows_that_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table: QuietTable[str] = app.query_one(QuietTable)
        await pilot.pause()
        calls = spy_refreshes(table, monkeypatch)
        table.update_rows([(f"row {i}", "new" if i in (1, 3) else "old") for i in range(5)])
        assert calls == [(1, False), (1, False)]  # one region each for rows 1 and 3
        assert [table.get_row_at(i)[1] for i in range(5)] == ["old", "new", "old", "new", "old"]
        calls.clear()
        table.update_rows([(f"row {i}", "new" if i in (1, 3) else "old") for i in range(5)])
        assert calls == []  # nothing changed, nothing repainted


async def test_a_layout_pass_leaves_the_topic_scrollbar_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app([bundled_content_dir()], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(TopicTable)
        assert table.show_vertical_scrollbar  # 22 topics in a 9-row pane
        calls = spy_refreshes(table.vertical_scrollbar, monkeypatch)
        app.screen.refresh(layout=True)
        await pilot.pause()
        assert calls == []
        await pilot.resize_terminal(100, 32)  # a real change of size does redraw it
        await pilot.pause()
        assert calls


async def test_moving_between_hidden_answers_needs_no_layout_pass(
    tmp_path: Path, fixture_bank_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The fixture's questions take one or two lines: their headers fit the reserved height.
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        head = app.screen.query_one("#detail-head", Static)
        calls = spy_refreshes(head, monkeypatch)
        await pilot.press("enter", "j", "k", "escape", "j", "enter", "j")
        assert calls, "the header was not redrawn at all"
        assert not [call for call in calls if call[1]], "a header change asked for layout"
        assert head.outer_size.height == HEAD_MIN_LINES  # reserved lines, whatever the question
        await pilot.press("space")
        await pilot.pause()
        assert head.region.height < HEAD_MIN_LINES  # revealed: no reserved blank lines


def test_a_cell_counts_as_changed_when_only_its_style_differs() -> None:
    assert same_cell(Text("a"), Text("a"))
    assert not same_cell(Text("a"), Text("a", style="bold"))  # Text's own == would say equal
    assert not same_cell(Text("a"), Text("b"))
    assert not same_cell("1", 1)
    assert same_cell("-", "-")
