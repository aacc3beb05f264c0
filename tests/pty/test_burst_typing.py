"""An answer typed into the answer box in bursts, through a real pty, arrives whole and in order."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from terminal import Terminal

ANSWER = (
    "Queries are compared with every key by a dot product, the scores are divided by the "
    "square root of d_k, and a softmax turns them into weights over the values."
)


def typed(db: Path) -> list[tuple[object, ...]]:
    """The stored typed answers, read by a fresh connection."""
    conn = sqlite3.connect(db)
    try:
        return list(conn.execute("SELECT answer, grader, review_id FROM typed_answers"))
    finally:
        conn.close()


def test_an_answer_typed_in_bursts_and_submitted_in_the_same_write_is_graded_whole(
    tmp_path: Path,
) -> None:
    db = tmp_path / "progress.db"
    term = Terminal(["--db", str(db)])
    try:
        term.wait_for(b"Topics")
        term.child.send("ra")  # start a review, open the answer box
        for start in range(0, len(ANSWER), 24):  # fast typing: 24 keys per write, no pause
            term.child.send(ANSWER[start : start + 24])
        term.child.send("\x13")  # Ctrl+S in the same burst
        term.wait_for(b"ticked by the grader", timeout=60)
        term.child.send("\r\r")  # done ticking, accept the suggested rating
        term.drain(1.5)
        term.press("\x1b", "\x1b", "q")
        assert term.finish() == 0
    finally:
        term.kill()
    [(answer, grader, review_id)] = typed(db)
    assert answer == ANSWER
    assert grader == "offline"
    assert review_id is not None


def screen_rows(output: bytes, size: tuple[int, int] = (30, 100)) -> list[str]:
    """What a terminal shows after `output`, row by row (pyte emulates the terminal)."""
    import pyte

    screen = pyte.Screen(size[1], size[0])
    pyte.ByteStream(screen).feed(output)
    return list(screen.display)


def test_the_answer_box_repaints_every_row_an_edit_rewraps(tmp_path: Path) -> None:
    words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike "
    tail = "november oscar papa quebec romeo sierra tango uniform victor whiskey xray"
    term = Terminal(["--db", str(tmp_path / "progress.db")])
    try:
        term.wait_for(b"Topics")
        term.child.send("ra")
        term.child.send(words * 2 + tail)  # three wrapped rows
        term.drain(1.5)
        term.child.send("\x1b[H" + "INSERTED WORDS AT THE START ")  # Home, then a rewrapping insert
        term.wait_for(b"START")
        term.drain(3.0)
        rows = screen_rows(term.output)
        term.press("\x1b", "\x1b", "\x1b", "q")
        assert term.finish() == 0
    finally:
        term.kill()
    # The editor's rows lie between its left and right edges, drawn as ▊ and ▎.
    inside = [row.split("▊", 1)[1].rsplit("▎", 1)[0].strip() for row in rows if "▊" in row]
    start = next(i for i, row in enumerate(inside) if row.startswith("alpha"))
    end = next(i for i, row in enumerate(inside) if "xray" in row)
    shown = " ".join(" ".join(inside[start : end + 1]).split())
    # Home went to the start of the third wrapped row, before "november".
    assert shown == " ".join((words * 2 + "INSERTED WORDS AT THE START " + tail).split())
