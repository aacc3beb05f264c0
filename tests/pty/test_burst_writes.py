"""Keys written to the terminal in one write are all handled, in order."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from terminal import Terminal


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows of a query, read by a fresh connection."""
    conn = sqlite3.connect(db)
    try:
        return list(conn.execute(sql).fetchall())
    finally:
        conn.close()


def test_a_note_typed_and_saved_in_one_write_is_saved_whole(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    term = Terminal(["--db", str(db)])
    try:
        term.wait_for(b"Topics")
        term.child.send("\re" + "LoRA: W + BA, r small" + "\x13")  # Enter, e, text, Ctrl+S
        term.wait_for(b"Note saved")
        term.child.send("e\x1b[F" + "-tail4-pqrstuvwxyz" + "\x13")  # e, End, text, Ctrl+S
        term.drain(1.5)
        term.press("q")
        assert term.finish() == 0
    finally:
        term.kill()
    assert rows(db, "SELECT body FROM notes") == [("LoRA: W + BA, r small-tail4-pqrstuvwxyz",)]


def test_reveal_accept_and_rate_in_one_write(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    term = Terminal(["--db", str(db)])
    try:
        term.wait_for(b"Topics")
        term.child.send("r \r3")  # review: reveal, done ticking, rate Good
        term.child.send(" 1\r\r")  # reveal, tick point 1, done ticking, accept the suggestion
        term.drain(2.0)
        term.press("\x1b", "\x1b", "q")
        assert term.finish() == 0
    finally:
        term.kill()
    assert rows(db, "SELECT count(*) FROM reviews") == [(2,)]
