"""Wait out another process's lock where SQLite returns SQLITE_BUSY without calling its handler."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

SQLITE_BUSY = 5
SQLITE_LOCKED = 6
_FIRST_PAUSE_S = 0.005
_LONGEST_PAUSE_S = 0.1


def is_busy(error: sqlite3.Error) -> bool:
    """Whether `error` means another connection holds a lock (BUSY, BUSY_SNAPSHOT, LOCKED...)."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
    text = str(error)
    return "locked" in text or "busy" in text


class Deadline:
    """A point in time, `seconds` from now, by which a lock must have been obtained."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def passed(self) -> bool:
        """Whether the wait is over."""
        return time.monotonic() >= self.end


def retry_while_busy(operation: Callable[[], T], deadline: Deadline) -> T:
    """Run `operation`, retrying while SQLite says busy or locked, until `deadline` passes.

    SQLite calls the busy handler (Python's `timeout=`) for most lock waits, but not for all:
    changing the journal mode, upgrading a read transaction to a write one in WAL
    (SQLITE_BUSY_SNAPSHOT) and some schema reads return SQLITE_BUSY at once. Those are retried
    here with a growing pause, so "locked" is only reported after a real wait.
    """
    pause = _FIRST_PAUSE_S
    while True:
        try:
            return operation()
        except sqlite3.OperationalError as error:
            if not is_busy(error) or deadline.passed():
                raise
        time.sleep(pause)
        pause = min(pause * 2, _LONGEST_PAUSE_S)
