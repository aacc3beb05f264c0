"""Send frames to the terminal from a background thread that can never hang the app.

Textual 8.2.8's own writer thread dies on the first failed write to a closed terminal; frames
then pile up in its bounded queue until `stop()` blocks for ever on `put(None)`. This writer
drops output instead: after a failed write, everything is discarded and the app is told once;
when the terminal merely falls behind, whole frames are skipped and a repaint is asked for once
it catches up. Neither `write` nor `stop` ever waits on the terminal.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from queue import Empty, Full, Queue
from typing import TextIO

MAX_QUEUED_WRITES = 30
"""Frames waiting for the terminal; past this, new frames are skipped (never waited for)."""

MAX_BATCH_CHARS = 65536
"""Queued text joined into one write; the rest waits, so a slow terminal fills the queue."""

STOP_JOIN_TIMEOUT_S = 1.0
"""How long `stop` waits for queued frames to reach the terminal before giving up on them."""


class TerminalWriter(threading.Thread):
    """Writes text to the terminal's file descriptor in the background, never blocking callers."""

    def __init__(
        self,
        file: TextIO,
        on_lost: Callable[[str], None],
        on_caught_up: Callable[[], None],
    ) -> None:
        super().__init__(daemon=True, name="genai-tui-output")
        self._file = file  # kept so that its descriptor stays open while the thread writes
        self._fd = file.fileno()
        self._encoding = file.encoding or "utf-8"
        self._queue: Queue[str | None] = Queue(MAX_QUEUED_WRITES)
        self._on_lost = on_lost
        self._on_caught_up = on_caught_up
        self._lost = threading.Event()
        self._skipped = threading.Event()

    @property
    def lost(self) -> bool:
        """Whether a write has failed: the terminal is gone and output is being dropped."""
        return self._lost.is_set()

    def write(self, text: str) -> None:
        """Queue `text` for the terminal; skip it if the terminal is gone or far behind."""
        if self.lost:
            return
        try:
            self._queue.put_nowait(text)
        except Full:
            self._skipped.set()

    def stop(self, timeout: float = STOP_JOIN_TIMEOUT_S) -> None:
        """Ask the thread to finish what is queued and end; wait at most `timeout` seconds."""
        try:
            self._queue.put_nowait(None)
        except Full:
            # The thread is stuck in a write: give up on the queued frames so that, should the
            # write ever return, the stop marker is next.
            self._lose("the terminal stopped reading output")
            self._queue.put_nowait(None)
        if self.is_alive():
            self.join(timeout)

    def run(self) -> None:
        """Write queued text in batches until told to stop; drop everything once a write fails."""
        while True:
            batch = self._next_batch()
            if batch is None:
                return
            if self.lost or not batch:
                continue
            try:
                self._write_all(batch.encode(self._encoding, errors="replace"))
            except OSError as error:
                self._lose(f"writing to the terminal failed: {error.strerror or error}")
                continue
            if self._queue.empty() and self._skipped.is_set():
                self._skipped.clear()
                self._on_caught_up()

    def _next_batch(self) -> str | None:
        """Text queued right now, joined up to MAX_BATCH_CHARS; None at the stop marker."""
        pieces: list[str] = []
        size = 0
        item = self._queue.get()
        while item is not None:
            pieces.append(item)
            size += len(item)
            if size >= MAX_BATCH_CHARS:
                return "".join(pieces)
            try:
                item = self._queue.get_nowait()
            except Empty:
                return "".join(pieces)
        if pieces and not self.lost:
            with contextlib.suppress(OSError):
                self._write_all("".join(pieces).encode(self._encoding, errors="replace"))
        return None

    def _write_all(self, data: bytes) -> None:
        """Write every byte of `data` to the terminal (raises OSError if it is gone)."""
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]

    def _lose(self, reason: str) -> None:
        """Mark the terminal as gone (once), drop what is queued and tell the app."""
        if self._lost.is_set():
            return
        self._lost.set()
        while True:
            try:
                self._queue.get_nowait()
            except Empty:
                break
        self._on_lost(reason)
