"""Write transactions and timestamps shared by the store's modules."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.store.errors import StoreError


class Transaction:
    """BEGIN IMMEDIATE ... COMMIT on one connection, turning SQLite errors into StoreError."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    def __enter__(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(self.path, f"cannot write progress: {error}") from error

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _: Any
    ) -> None:
        if kind is None:
            try:
                self.conn.execute("COMMIT")
                return
            except sqlite3.Error as failure:
                error = failure
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error):
            raise StoreError(self.path, f"cannot save progress: {error}") from error


def iso(moment: datetime) -> str:
    """A UTC timestamp in the fixed ISO form the database sorts by."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")
