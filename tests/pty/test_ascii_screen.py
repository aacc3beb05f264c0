"""ASCII mode (`--ascii`, or a C locale the user set): every byte written is ASCII."""

from __future__ import annotations

from pathlib import Path

import pyte
import pytest
from terminal import Terminal

NO_LOCALE = {"LC_ALL": "", "LC_CTYPE": ""}


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--ascii"], {"LANG": "C.UTF-8", **NO_LOCALE}),
        ([], {"LANG": "C", **NO_LOCALE}),  # Python coerces LC_CTYPE to C.UTF-8 behind this
    ],
)
def test_every_main_screen_is_ascii(tmp_path: Path, args: list[str], env: dict[str, str]) -> None:
    term = Terminal(["--db", str(tmp_path / "p.db"), *args], env=env, size=(24, 80))
    screen = pyte.Screen(80, 24)
    stream = pyte.ByteStream(screen)
    seen: list[str] = []
    fed = 0

    def look(*keys: str) -> None:
        nonlocal fed
        term.press(*keys, pause=0.3)
        term.drain(0.3)
        stream.feed(term.output[fed:])
        fed = len(term.output)
        seen.append("\n".join(screen.display))

    try:
        term.wait_for(b"Topics")
        term.drain(0.8)
        look()
        look("j", "j", "j", "\r")  # a topic with formulas in its questions
        look(" ")  # the answer
        look("3")  # a rating and its toast
        look("f")  # zoom: the scrollbar
        look("f", "?")  # help
        look("\x1b", "/", "s", "o", "f", "t")  # search results
        look("\x1b", "r", " ")  # review checklist
        look("\r")  # rating phase
        look("\x1b", "\x1b", "s")  # stats
        look("\x1b", ",")  # settings
        look("\x1b", "m")  # mock setup
        look("\x1b", "c")  # cram choices (an OptionList with a tall border)
        look("\x1b", "q")
        term.finish()
    finally:
        term.kill()
    assert "Topics" in seen[0] and "Keys" in seen[5], seen[5]
    wrong = sorted({char for text in seen for char in text if not char.isascii()})
    assert wrong == [], wrong
    assert not [text for text in seen if "???" in text], "a glyph with no ASCII look-alike"
    assert "Cram" in seen[-2], seen[-2]
    assert term.output.isascii(), sorted({chr(b) for b in term.output if b > 127})[:20]
