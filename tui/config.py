"""User settings kept in config.toml: theme, new cards a day, desired retention, interview date."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

DEFAULT_THEME = "textual-dark"
NEW_PER_DAY_RANGE = (0, 1000)
RETENTION_RANGE = (0.7, 0.99)


@dataclass
class Settings:
    """What the learner can change; every field has a sensible default and is checked."""

    theme: str = DEFAULT_THEME
    new_per_day: int = 15
    desired_retention: float = 0.9
    interview_date: date | None = None

    def __post_init__(self) -> None:
        """Refuse values outside their range (ValueError names the field)."""
        if not isinstance(self.theme, str) or not self.theme:
            raise ValueError("theme: must be a theme name")
        if isinstance(self.new_per_day, bool) or not isinstance(self.new_per_day, int):
            raise ValueError("new_per_day: must be a whole number")
        low, high = NEW_PER_DAY_RANGE
        if not low <= self.new_per_day <= high:
            raise ValueError(f"new_per_day: must be from {low} to {high}")
        if isinstance(self.desired_retention, bool) or not isinstance(
            self.desired_retention, int | float
        ):
            raise ValueError("desired_retention: must be a number")
        low_r, high_r = RETENTION_RANGE
        if not low_r <= self.desired_retention <= high_r:
            raise ValueError(f"desired_retention: must be from {low_r} to {high_r}")
        self.desired_retention = float(self.desired_retention)
        if self.interview_date is not None and not isinstance(self.interview_date, date):
            raise ValueError("interview_date: must be a date (YYYY-MM-DD)")

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Settings:
        """Settings from a parsed file; unknown keys are ignored."""
        known = {field.name for field in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


class ConfigError(Exception):
    """A config file that cannot be read; the message names the file and the problem."""


def load_settings(path: Path) -> Settings:
    """Read settings; a missing file gives the defaults, a broken one raises ConfigError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read settings ({error})") from error
    import tomllib

    try:
        return Settings.from_mapping(tomllib.loads(text))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML ({error})") from error
    except (TypeError, ValueError) as error:
        raise ConfigError(f"{path}: {error}") from error


def save_settings(path: Path, settings: Settings) -> None:
    """Write settings atomically (temp file + rename), mode 0600."""
    lines = ["# genai-tui settings", f"theme = {_toml_string(settings.theme)}"]
    lines.append(f"new_per_day = {settings.new_per_day}")
    lines.append(f"desired_retention = {settings.desired_retention}")
    if settings.interview_date is not None:
        lines.append(f"interview_date = {settings.interview_date.isoformat()}")
    from tui.grading.judge_config import judge_lines

    lines += judge_lines(path)  # the LLM judge's table is the user's; it is kept as written
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    os.replace(temporary, path)


def _toml_string(value: str) -> str:
    """A TOML basic string."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


class SettingsFile:
    """The settings file: read once, written on change; a broken file is backed up, not lost."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: str | None = None

    def load(self) -> Settings:
        """The saved settings, or the defaults (noting the problem) when the file is broken."""
        try:
            self.problem = None
            return load_settings(self.path)
        except ConfigError as error:
            self.problem = f"{error}; using default settings"
            return Settings()

    def save(self, settings: Settings) -> None:
        """Write the settings, first moving a broken file aside to config.toml.bad."""
        if self.problem is not None and self.path.exists():
            os.replace(self.path, self.path.with_name(self.path.name + ".bad"))
            self.problem = None
        save_settings(self.path, settings)
