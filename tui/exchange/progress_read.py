"""Read and validate a progress file before anything touches the database."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from tui.exchange.progress_format import FORMAT_NAME, FORMAT_VERSION, ProgressFile


class ProgressFileError(Exception):
    """A progress file that cannot be imported, named with the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def read_progress_file(path: Path) -> ProgressFile:
    """The validated contents of a progress file; ProgressFileError says what is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProgressFileError(path, "no such file") from None
    except IsADirectoryError:
        raise ProgressFileError(path, "is a directory, not a progress file") from None
    except UnicodeDecodeError:
        raise ProgressFileError(path, "not UTF-8 text, so not a progress file") from None
    except OSError as error:
        raise ProgressFileError(path, f"cannot read: {error.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProgressFileError(
            path,
            f"not valid JSON ({error.msg} at line {error.lineno} column {error.colno}); "
            "is the file complete?",
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ProgressFileError(
            path, f'not a genai-tui progress file (no "format": "{FORMAT_NAME}")'
        )
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise ProgressFileError(
            path,
            f"format version {version} is newer than this genai-tui reads ({FORMAT_VERSION}); "
            "upgrade genai-tui",
        )
    try:
        return ProgressFile.model_validate_json(text)
    except ValidationError as error:
        problems = error.errors()
        first = problems[0]
        where = ".".join(str(part) for part in first["loc"]) or "file"
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise ProgressFileError(path, f"{where}: {first['msg']}{more}") from None
