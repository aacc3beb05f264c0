"""The garbage collector, off during start-up (see tui.launch), is back on after the first frame."""

from __future__ import annotations

import gc
from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app


async def test_the_app_turns_the_collector_back_on_after_its_first_frame(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    """Started with the collector off, as tui.launch starts it, the app switches it on."""
    app = make_app([fixture_bank_dir], tmp_path / "progress.db", FakeClock(FIXED_NOW))
    gc.disable()
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
