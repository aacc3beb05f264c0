"""Write an export file all at once: to a temporary file beside it, then renamed over it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


class ExportError(Exception):
    """An export that could not be written, named with the file and the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")


def write_atomically(target: Path, write: Callable[[str], object]) -> None:
    """Call `write(temporary_path)`, then move the result to `target`; never a half file."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(target, f"folder {folder} does not exist")
    if target.is_dir():
        raise ExportError(target, "is a directory")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as error:
        raise ExportError(target, f"cannot write: {error.strerror}") from error
    os.close(handle)
    try:
        write(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise ExportError(target, f"cannot write: {error.strerror}") from error
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
