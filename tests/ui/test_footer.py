"""The Footer of key hints is filled from the first moments, without a focus change."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXED_NOW
from factory import FakeClock, make_app
from textual.widgets._footer import FooterKey


def footer_keys(app: object) -> list[str]:
    """The keys the Footer of the current screen shows."""
    from textual.app import App

    assert isinstance(app, App)
    return [key.key for key in app.screen.query(FooterKey)]


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 16)])
async def test_footer_shows_keys_at_start_up(
    tmp_path: Path, fixture_bank_dir: Path, size: tuple[int, int]
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        keys = footer_keys(app)
        assert "r" in keys and "m" in keys, keys
        await pilot.press("j")
        await pilot.pause()
        assert "r" in footer_keys(app)
