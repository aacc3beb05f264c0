"""genai-tui in a real pty: hang-ups lose nothing, bad terminals are refused, no escapes leak."""

from __future__ import annotations

import signal
from pathlib import Path

import pyte
import pytest
import yaml
from terminal import Terminal, review_count


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_every_acknowledged_rating_survives_a_hangup(tmp_path: Path, signum: int) -> None:
    db = tmp_path / "progress.db"
    term = Terminal(["--db", str(db)])
    try:
        term.wait_for(b"Topics")
        term.press("\r")
        for _ in range(4):
            term.press(" ", "3")
        term.wait_for("Good · back in".encode())
        term.child.kill(signum)
        status = term.finish()
    finally:
        term.kill()
    assert status == 0
    assert review_count(db) == 4
    again = Terminal(["--db", str(db)])
    try:
        again.wait_for(b"All ratings")
        again.wait_for(b"4")
        again.press("q")
        assert again.finish() == 0
    finally:
        again.kill()


def test_dumb_terminal_is_refused_with_exit_2(tmp_path: Path) -> None:
    term = Terminal(["--db", str(tmp_path / "p.db")], env={"TERM": "dumb"})
    try:
        term.wait_for(b"TERM is 'dumb'")
        assert term.finish() == 2
    finally:
        term.kill()
    assert b"Traceback" not in term.output
    assert b"\x1b[?1049h" not in term.output, "no full-screen mode was started"
    assert not (tmp_path / "p.db").exists()


def test_c_locale_gets_utf8_free_ascii_screen(tmp_path: Path) -> None:
    term = Terminal(["--db", str(tmp_path / "p.db")], env={"LC_ALL": "C", "LANG": "C"})
    try:
        term.wait_for(b"Topics")
        term.drain(0.5)
        term.press("q")
        term.finish()
    finally:
        term.kill()
    term.output.decode("utf-8")  # whatever the locale, what is written is valid UTF-8
    assert "╭".encode() not in term.output and "│".encode() not in term.output
    assert b"+" in term.output and b"|" in term.output


HOSTILE = {
    "osc52": "\x1b]52;c;aGVsbG8=\x07",
    "osc8": "\x1b]8;;https://example.invalid\x1b\\click\x1b]8;;\x1b\\",
    "clear": "\x1b[2J\x1b[H",
    "c1": "\x9b2J\x9d0;t\x9c",
}


def test_escape_sequences_in_content_never_reach_the_terminal(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    bad = "".join(HOSTILE.values())
    topic = {
        "id": "hostile",
        "title": f"Hostile{bad} topic",
        "section": f"Tests{bad}",
        "summary": "A content pack full of terminal escape sequences.",
        "order": 0,
        "questions": [
            {
                "id": "hostile/q",
                "difficulty": "junior",
                "question": f"Does this {bad} leak?",
                "answer": (
                    f"```python\nx = '{bad}'  # {bad}\n```\n\n```text\n│{bad}│\n```\n\n"
                    + (f"It must not. {bad} " * 20).strip()
                ),
                "key_points": [f"point {bad}", "two", "three"],
                "follow_ups": [f"follow {bad}"],
                "pitfalls": [f"pitfall {bad}"],
                "references": [f"ref {bad}"],
                "tags": ["hostile"],
            }
        ],
    }
    (pack / "hostile.yaml").write_text(yaml.safe_dump(topic), encoding="utf-8")
    term = Terminal(["--db", str(tmp_path / "p.db"), "--content", str(pack)])
    try:
        term.wait_for(b"Hostile")
        term.press("\r", " ", "e")
        term.press("\x1b")
        term.press("r", " ", "\r", pause=0.6)
        term.press("\x1b", "\x1b", "q")
        term.finish()
    finally:
        term.kill()
    assert b"leak?" in term.output
    assert "│click│".encode() in term.output, "the diagram was drawn"
    for needle in (b"\x1b]52", b"\x1b]8;", b"\x1b[2J", "\x9b".encode(), "\x9d".encode()):
        assert needle not in term.output, needle


def test_bad_content_file_is_skipped_with_a_visible_warning(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n")
    term = Terminal(["--db", str(tmp_path / "p.db"), "--content", str(pack)], size=(30, 120))
    try:
        term.wait_for(b"Topics")
        term.wait_for(b"broken.yaml")
        term.wait_for(b"invalid")
        term.press("q")
        assert term.finish() == 0
    finally:
        term.kill()


def test_a_taller_window_shows_more_topics(tmp_path: Path) -> None:
    # The window tmux gives at 80x24 less its status line, then at 110x32: the table goes
    # from 7 topics to 9, and the ninth must be on the screen, not a blank row.
    term = Terminal(["--db", str(tmp_path / "progress.db")], size=(23, 80))
    screen = pyte.Screen(80, 23)
    stream = pyte.ByteStream(screen)
    try:
        term.wait_for(b"Topics")
        term.drain(1.0)
        stream.feed(term.output)
        ninth = "Prompting, chain"
        assert not any(ninth in line for line in screen.display)
        term.child.setwinsize(31, 110)
        screen.resize(31, 110)
        stream.feed(term.drain(2.0))
        assert any(ninth in line for line in screen.display[:12]), "\n".join(screen.display)
        term.press("q")
        assert term.finish() == 0
    finally:
        term.kill()
