"""Run genai-tui in a real pseudo-terminal and collect every byte it writes."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parents[2]


class Terminal:
    """A genai-tui process on a pty, with helpers to type and wait."""

    def __init__(
        self, args: list[str], env: dict[str, str] | None = None, size: tuple[int, int] = (30, 100)
    ) -> None:
        environment = {
            **os.environ,
            "TERM": "xterm-256color",
            "TEXTUAL_ANIMATIONS": "none",
            "PYTHONPATH": str(ROOT),
            **(env or {}),
        }
        self.child = pexpect.spawn(
            sys.executable, ["-m", "tui", *args], env=environment, dimensions=size, cwd=str(ROOT)
        )
        self.output = b""

    def drain(self, seconds: float) -> bytes:
        """Read whatever arrives for `seconds`; returns it and keeps it in `output`."""
        got = b""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                got += self.child.read_nonblocking(65536, timeout=0.05)
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                break
        self.output += got
        return got

    def wait_for(self, text: bytes, timeout: float = 15.0) -> None:
        """Read until `text` has appeared in the output (or fail)."""
        end = time.monotonic() + timeout
        while text not in self.output and time.monotonic() < end:
            self.drain(0.1)
        assert text in self.output, f"{text!r} never appeared"

    def press(self, *keys: str, pause: float = 0.4) -> None:
        """Type keys one by one, letting the app repaint after each."""
        for key in keys:
            self.child.send(key)
            self.drain(pause)

    def finish(self, timeout: float = 10.0) -> int | None:
        """Wait for the process to end; returns its exit status."""
        end = time.monotonic() + timeout
        while self.child.isalive() and time.monotonic() < end:
            self.drain(0.1)
        self.child.close()
        return self.child.exitstatus

    def kill(self) -> None:
        """Make sure the process is gone."""
        if self.child.isalive():
            self.child.terminate(force=True)


def review_count(db: Path) -> int:
    """Ratings in the database, read by a fresh connection."""
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM reviews").fetchone()[0])
    finally:
        conn.close()
