"""The dashboard notices, while idle, that cards have fallen due, and repaints only that."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXED_NOW
from factory import FakeClock, make_app
from test_mock_interview import screen_text, wait_until
from test_repaints import spy_refreshes

from tui.ui.screens import dashboard as dashboard_module
from tui.ui.widgets.topic_table import TopicTable


async def test_due_counts_update_while_idle_and_only_changed_rows_repaint(
    tmp_path: Path, fixture_bank_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dashboard_module, "DUE_REFRESH_SECONDS", 0.05)
    clock = FakeClock(FIXED_NOW)
    app = make_app([fixture_bank_dir], tmp_path / "p.db", clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space", "1")  # Again: back in a minute
        table = app.screen.query_one(TopicTable)
        assert table.get_cell("attention", "due") == "-"
        await pilot.pause(0.2)  # a few idle checks with nothing to change
        table_calls = spy_refreshes(table, monkeypatch)
        await pilot.pause(0.2)
        assert table_calls == [], "nothing changed: nothing repainted"

        clock.advance(minutes=5)
        await wait_until(
            pilot, lambda: table.get_cell("attention", "due") == "1", "the due count to update"
        )
        assert table.get_cell("retrieval", "due") == "-"
        assert table_calls and all(regions == 1 and not layout for regions, layout in table_calls)
        await pilot.pause()
        assert re.search(r"Due now\s+1\b", screen_text(app)), "the progress pane follows"
