"""A snapshot of the dashboard at 100x30 over the fixture bank, with a fixed clock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import FIXED_NOW
from factory import FakeClock, make_app


def test_dashboard_snapshot(snap_compare: Any, tmp_path: Path, fixture_bank_dir: Path) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    assert snap_compare(app, press=["enter", "space"], terminal_size=(100, 30))
