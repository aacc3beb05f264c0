"""Shared fixtures: every test runs with its own data, config and state dirs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

FIXTURE_BANK = Path(__file__).parent / "fixtures" / "bank"
FIXED_NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every platformdirs location at a temporary folder; never the user's real dirs."""
    home = tmp_path / "home"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    for name in (
        "GENAI_TUI_DB",
        "GENAI_TUI_JUDGE_URL",
        "GENAI_TUI_JUDGE_MODEL",
        "GENAI_TUI_JUDGE_KEY",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    yield home


@pytest.fixture
def fixture_bank_dir() -> Path:
    """A two-topic bank used where the bundled bank would make tests brittle."""
    return FIXTURE_BANK
