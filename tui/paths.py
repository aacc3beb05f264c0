"""Every path genai-tui uses, in one place: data dir, database, config, bundled content, schema."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "genai-tui"
DB_ENV = "GENAI_TUI_DB"
_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The user's data directory for genai-tui (not created here)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The user's config directory for genai-tui (not created here)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    """The settings file."""
    return config_dir() / "config.toml"


def cache_dir() -> Path:
    """Where the validated bank is cached (not created here)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    """Where crash logs go (not created here)."""
    from platformdirs import user_state_dir

    return Path(user_state_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The progress database: $GENAI_TUI_DB if set, else progress.db in the data dir."""
    override = os.environ.get(DB_ENV)
    return Path(override).expanduser() if override else data_dir() / "progress.db"


def _shipped(name: str) -> Path:
    """A data folder shipped in the wheel (tui/NAME), or at the top of a source checkout."""
    installed = _PACKAGE_DIR / name
    return installed if installed.is_dir() else _PACKAGE_DIR.parent / name


def bundled_content_dir() -> Path:
    """The question bank that ships with genai-tui."""
    return _shipped("content")


def schema_dir() -> Path:
    """The numbered SQL migrations of progress.db."""
    return _shipped("schema")
