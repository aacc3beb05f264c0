"""User settings kept in config.toml: theme, new cards a day, desired retention, interview date."""

from __future__ import annotations

import os
import tomllib
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

DEFAULT_THEME = "textual-dark"


class Settings(BaseModel):
    """What the learner can change; every field has a sensible default."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    theme: str = DEFAULT_THEME
    new_per_day: int = Field(default=15, ge=0, le=1000)
    desired_retention: float = Field(default=0.9, ge=0.7, le=0.99)
    interview_date: date | None = None


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
    try:
        data = tomllib.loads(text)
        return Settings.model_validate(data)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML ({error})") from error
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"{path}: {field}: {first['msg']}") from error


def save_settings(path: Path, settings: Settings) -> None:
    """Write settings atomically (temp file + rename), mode 0600."""
    lines = ["# genai-tui settings", f"theme = {_toml_string(settings.theme)}"]
    lines.append(f"new_per_day = {settings.new_per_day}")
    lines.append(f"desired_retention = {settings.desired_retention}")
    if settings.interview_date is not None:
        lines.append(f"interview_date = {settings.interview_date.isoformat()}")
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
