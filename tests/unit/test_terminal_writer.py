"""The terminal writer never blocks the app, and drops output once the terminal is gone."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from typing import BinaryIO, TextIO

import pytest

from tui.ui.terminal_writer import MAX_QUEUED_WRITES, TerminalWriter


class Recorder:
    """Collects what the writer reports to the app."""

    def __init__(self) -> None:
        self.lost: list[str] = []
        self.caught_up = threading.Event()

    def on_lost(self, reason: str) -> None:
        self.lost.append(reason)

    def on_caught_up(self) -> None:
        self.caught_up.set()


@pytest.fixture
def pipe() -> Iterator[tuple[BinaryIO, TextIO]]:
    """A pipe standing in for the terminal: (read end, write end), as file objects.

    File objects, not bare descriptors: closing a number twice could close another test's pipe.
    """
    read_fd, write_fd = os.pipe()
    reader = os.fdopen(read_fd, "rb", buffering=0)
    terminal = os.fdopen(write_fd, "w", encoding="utf-8")
    yield reader, terminal
    reader.close()
    terminal.close()


def writer_on(terminal: TextIO, recorder: Recorder) -> TerminalWriter:
    """A started writer whose terminal is `terminal`."""
    writer = TerminalWriter(terminal, recorder.on_lost, recorder.on_caught_up)
    writer.start()
    return writer


def read_all(reader: BinaryIO, expected: int, timeout: float = 5.0) -> bytes:
    """Read from `reader` until `expected` bytes have arrived."""
    data = b""
    end = time.monotonic() + timeout
    while len(data) < expected and time.monotonic() < end:
        try:
            data += reader.read(65536) or b""
        except (OSError, ValueError):  # the pipe was closed at the end of the test
            break
    return data


def test_frames_arrive_in_order_and_whole(pipe: tuple[BinaryIO, TextIO]) -> None:
    reader, terminal = pipe
    recorder = Recorder()
    writer = writer_on(terminal, recorder)
    frames = [f"frame {index} é─\n" for index in range(100)]
    for frame in frames:
        writer.write(frame)
        time.sleep(0.001)
    writer.stop()
    expected = "".join(frames).encode()
    assert read_all(reader, len(expected)) == expected
    assert recorder.lost == []
    assert not writer.is_alive()


def test_a_closed_terminal_is_reported_once_and_nothing_blocks(
    pipe: tuple[BinaryIO, TextIO],
) -> None:
    reader, terminal = pipe
    reader.close()  # the terminal went away: writes fail with EPIPE
    recorder = Recorder()
    writer = writer_on(terminal, recorder)
    writer.write("first frame")
    end = time.monotonic() + 5
    while not writer.lost and time.monotonic() < end:
        time.sleep(0.01)
    assert writer.lost
    for index in range(10 * MAX_QUEUED_WRITES):  # far more than the queue holds
        writer.write(f"frame {index}")
    started = time.monotonic()
    writer.stop()
    assert time.monotonic() - started < 1.0
    assert not writer.is_alive()
    assert len(recorder.lost) == 1 and "failed" in recorder.lost[0]


def test_a_terminal_that_stops_reading_never_blocks_the_app(pipe: tuple[BinaryIO, TextIO]) -> None:
    reader, terminal = pipe
    recorder = Recorder()
    writer = writer_on(terminal, recorder)
    big = "x" * 65536
    writer.write(big)  # fills the pipe
    writer.write(big)  # and this one cannot be written: the writer thread is stuck in write()
    time.sleep(0.3)
    for _ in range(10 * MAX_QUEUED_WRITES):  # the app goes on drawing, far past the queue
        writer.write(big)
    started = time.monotonic()
    writer.stop(timeout=0.2)
    assert time.monotonic() - started < 1.0
    assert writer.is_alive(), "still stuck in the write: stop gave up waiting on it"
    assert recorder.lost == ["the terminal stopped reading output"]
    reader.close()  # the terminal finally goes: the thread ends
    writer.join(5)
    assert not writer.is_alive()


def test_a_terminal_that_catches_up_gets_a_full_repaint(pipe: tuple[BinaryIO, TextIO]) -> None:
    reader, terminal = pipe
    recorder = Recorder()
    writer = writer_on(terminal, recorder)
    big = "y" * 65536
    for _ in range(MAX_QUEUED_WRITES + 10):  # some frames are skipped
        writer.write(big)
    drained = threading.Thread(target=lambda: read_all(reader, 10**9, timeout=3), daemon=True)
    drained.start()
    assert recorder.caught_up.wait(5)
    assert recorder.lost == []
    writer.stop()
