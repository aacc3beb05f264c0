"""The one error type the store raises: a database that cannot be used, and why."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A progress database that cannot be opened or written, named with the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
