"""One-line events on stderr; every value a client chose is escaped first."""

from __future__ import annotations

import queue
import sys
import threading
from datetime import UTC, datetime
from typing import TextIO

MAX_VALUE = 80
MAX_QUEUED_LINES = 10_000


def escape(value: object) -> str:
    """Printable ASCII only: anything else (controls, ESC, spaces, quotes, non-ASCII) as \\xNN."""
    text = str(value)
    out = []
    for char in text[:MAX_VALUE]:
        code = ord(char)
        if 0x21 <= code <= 0x7E and char not in "\\\"'=":
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        else:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    if len(text) > MAX_VALUE:
        out.append("...")
    return "".join(out) or "-"


def format_event(name: str, fields: dict[str, object]) -> str:
    """`TIME EVENT key=value ...` with every value escaped, and a newline."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    parts = " ".join(f"{key}={escape(value)}" for key, value in fields.items())
    return f"{stamp} {name} {parts}\n"


class EventLog:
    """Writes event lines to a stream given for tests, or to stderr from a background thread.

    Writing stderr from the event loop would stop the whole server whenever whatever reads it
    (a terminal, a pipe, the journal) stalls. So lines go through a bounded queue; when it is
    full, lines are dropped and counted, and the count is logged when writing resumes.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        """Log to `stream` directly, or (None) to stderr through the writer thread."""
        self._stream = stream
        self._queue: queue.Queue[str] = queue.Queue(MAX_QUEUED_LINES)
        self._dropped = 0
        if stream is None:
            threading.Thread(target=self._write_forever, name="serve-log", daemon=True).start()

    def event(self, name: str, **fields: object) -> None:
        """Log one line; never blocks on the output."""
        line = format_event(name, fields)
        if self._stream is not None:
            self._stream.write(line)
            self._stream.flush()
            return
        if self._dropped and self._queue.qsize() < MAX_QUEUED_LINES // 2:
            dropped, self._dropped = self._dropped, 0
            self._put(format_event("log-dropped", {"lines": dropped}))
        self._put(line)

    def _put(self, line: str) -> None:
        """Queue a line, or count it as dropped."""
        try:
            self._queue.put_nowait(line)
        except queue.Full:
            self._dropped += 1

    def flush(self, timeout: float = 2.0) -> None:
        """Wait (bounded) until queued lines have been written."""
        deadline = threading.Event()
        for _ in range(int(timeout / 0.02)):
            if self._queue.unfinished_tasks == 0:
                return
            deadline.wait(0.02)

    def _write_forever(self) -> None:
        """The writer thread: stderr, one line at a time."""
        while True:
            line = self._queue.get()
            try:
                sys.stderr.write(line)
                sys.stderr.flush()
            except (OSError, ValueError):
                pass
            finally:
                self._queue.task_done()
