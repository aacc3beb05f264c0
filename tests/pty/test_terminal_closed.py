"""A terminal that closes at any moment never leaves genai-tui running, and loses no rating."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from terminal import Terminal, review_count

CLOSES = 20
AT_ONCE = 4
EXIT_WITHIN_S = 5.0


def close_master(term: Terminal) -> None:
    """Close the pty master as a vanishing SSH connection or terminal window does.

    Closed through pexpect's own file object, so that it does not close the same descriptor
    number again later, when it may belong to another terminal.
    """
    term.child.ptyproc.fileobj.close()


def exited_within(pid: int, seconds: float) -> bool:
    """Whether child `pid` has ended (and is reaped) within `seconds`."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return True
        time.sleep(0.05)
    return False


def start_at_first_frame(db: Path) -> Terminal:
    """genai-tui on a pty, once its first frame (the topic table) has been written."""
    term = Terminal(["--db", str(db)])
    term.wait_for(b"Topics", timeout=30)
    return term


def close_many(db: Path, before_close: Callable[[Terminal], None]) -> list[int]:
    """Start CLOSES sessions, AT_ONCE at a time, close each pty right after `before_close`.

    Returns the pids still running EXIT_WITHIN_S seconds after their terminal closed.
    """
    left: list[int] = []
    for _ in range(CLOSES // AT_ONCE):
        terms = [start_at_first_frame(db) for _ in range(AT_ONCE)]
        for term in terms:
            before_close(term)
            close_master(term)
        for term in terms:
            if not exited_within(term.child.pid, EXIT_WITHIN_S):
                left.append(term.child.pid)
                os.kill(term.child.pid, 9)
                os.waitpid(term.child.pid, 0)
    return left


def nothing(term: Terminal) -> None:
    """Close at the first frame."""


def open_stats(term: Terminal) -> None:
    """Send `s`, which repaints the whole screen, and close before it has been drawn."""
    term.child.send("s")


@pytest.mark.parametrize("before_close", [nothing, open_stats], ids=["first-frame", "repaint"])
def test_closing_the_terminal_leaves_no_process(
    tmp_path: Path, before_close: Callable[[Terminal], None]
) -> None:
    assert close_many(tmp_path / "progress.db", before_close) == []


def test_ratings_made_before_the_close_are_kept(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    term = start_at_first_frame(db)
    term.press("\r", " ", "3", " ", "3")  # open the first topic; rate two questions Good
    end = time.monotonic() + 10
    while review_count(db) < 2 and time.monotonic() < end:
        time.sleep(0.05)
    term.child.send("s")
    close_master(term)
    assert exited_within(term.child.pid, EXIT_WITHIN_S)
    assert review_count(db) == 2
