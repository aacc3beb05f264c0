"""The settings file: defaults, round trips, and broken files that are reported, never lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tui.config import ConfigError, Settings, SettingsFile, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.toml") == Settings()


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "config.toml"
    wanted = Settings("nord", 7, 0.85, date(2026, 12, 15))
    save_settings(path, wanted)
    assert load_settings(path) == wanted
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("new_per_day = 'lots'", "new_per_day: must be a whole number"),
        ("desired_retention = 0.2", "desired_retention: must be from 0.7 to 0.99"),
        ("interview_date = 'soon'", "interview_date: must be a date"),
        ("theme = ", "invalid TOML"),
    ],
)
def test_broken_values_name_the_file_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_broken_file_is_moved_aside_before_it_is_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("this is [ not toml")
    store = SettingsFile(path)
    assert store.load() == Settings()
    assert store.problem is not None and "invalid TOML" in store.problem
    store.save(Settings(new_per_day=3))
    assert (tmp_path / "config.toml.bad").read_text() == "this is [ not toml"
    assert load_settings(path).new_per_day == 3
