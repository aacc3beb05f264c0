"""Where the optional LLM judge lives: `[judge]` in config.toml, or GENAI_TUI_JUDGE_* variables."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_TIMEOUT_S = 20.0
ENV_URL, ENV_MODEL, ENV_KEY = "GENAI_TUI_JUDGE_URL", "GENAI_TUI_JUDGE_MODEL", "GENAI_TUI_JUDGE_KEY"
FIELDS = ("url", "model", "api_key_env", "timeout_s")


@dataclass(frozen=True)
class JudgeConfig:
    """An OpenAI-compatible chat-completions server and the model to ask."""

    url: str
    model: str
    api_key: str | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S


@dataclass(frozen=True)
class JudgeSetup:
    """The judge to use (None: grade offline) and, if the configuration is broken, why."""

    config: JudgeConfig | None
    problem: str | None = None


def judge_setup(config_file: Path, environ: Mapping[str, str]) -> JudgeSetup:
    """The judge configured in the file, each field overridden by its environment variable.

    No judge (and so nothing sent anywhere) unless both a URL and a model are given.
    """
    try:
        table = _judge_table(config_file)
        url = environ.get(ENV_URL) or _text(table, "url", config_file)
        model = environ.get(ENV_MODEL) or _text(table, "model", config_file)
        key_variable = _text(table, "api_key_env", config_file)
        timeout_s = _timeout(table, config_file)
    except ValueError as error:
        return JudgeSetup(None, str(error))
    if not url and not model:
        return JudgeSetup(None)
    if not url or not model:
        missing = "url" if not url else "model"
        return JudgeSetup(None, f"the judge has no {missing} ({ENV_URL}/{ENV_MODEL} or [judge])")
    api_key = environ.get(ENV_KEY) or (environ.get(key_variable) if key_variable else None)
    return JudgeSetup(JudgeConfig(url, model, api_key or None, timeout_s))


def _judge_table(config_file: Path) -> dict[str, Any]:
    """The [judge] table of the config file ({} if the file or the table is missing)."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"{config_file}: cannot read ({error})") from None
    try:
        table = tomllib.loads(text).get("judge", {})
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{config_file}: invalid TOML ({error})") from None
    if not isinstance(table, dict):
        raise ValueError(f"{config_file}: judge must be a table ([judge])")
    return table


def _text(table: Mapping[str, Any], name: str, config_file: Path) -> str:
    """A string field of [judge], or ''."""
    value = table.get(name, "")
    if not isinstance(value, str):
        raise ValueError(f"{config_file}: [judge] {name} must be a string")
    return value.strip()


def _timeout(table: Mapping[str, Any], config_file: Path) -> float:
    """timeout_s of [judge]: a positive number of seconds (default 20)."""
    value = table.get("timeout_s", DEFAULT_TIMEOUT_S)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValueError(f"{config_file}: [judge] timeout_s must be a positive number")
    return float(value)


def judge_lines(config_file: Path) -> list[str]:
    """The [judge] table of the file as TOML lines, to keep it when settings are saved."""
    try:
        table = _judge_table(config_file)
    except ValueError:
        return []
    lines = [
        f"{name} = {_toml_value(table[name])}"
        for name in FIELDS
        if isinstance(table.get(name), str | int | float) and not isinstance(table[name], bool)
    ]
    return ["", "[judge]", *lines] if lines else []


def _toml_value(value: str | float) -> str:
    """A TOML string or number."""
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)
