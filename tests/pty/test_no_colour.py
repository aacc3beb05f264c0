"""NO_COLOR and `--color none`: not one colour code reaches the terminal, on any main screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from sgr import colour_codes, uses_reverse
from terminal import Terminal


def test_colour_codes_are_found() -> None:
    assert colour_codes(b"\x1b[1;7m \x1b[0m \x1b[2m") == []
    assert uses_reverse(b"\x1b[1;7m") and not uses_reverse(b"\x1b[1;37m")
    assert colour_codes(b"\x1b[37m\x1b[1;40mx\x1b[38;2;1;2;3m\x1b[100m") == [
        b"\x1b[37m",
        b"\x1b[1;40m",
        b"\x1b[38;2;1;2;3m",
        b"\x1b[100m",
    ]


@pytest.mark.parametrize(
    ("args", "env"),
    [([], {"NO_COLOR": "1"}), (["--color", "none"], {"COLORTERM": "truecolor"})],
)
def test_no_colour_mode_writes_no_colour_codes(
    tmp_path: Path, args: list[str], env: dict[str, str]
) -> None:
    term = Terminal(["--db", str(tmp_path / "p.db"), *args], env=env)
    try:
        term.wait_for(b"Topics")
        term.drain(0.5)
        term.press("\r", " ", "3")  # open a topic, reveal, rate: a toast
        term.press("?", "\x1b")  # help
        term.press("/", "a", "t", "t", "\x1b")  # search
        term.press("r", " ", "\r", "\x1b", "\x1b")  # a review: checklist, rating
        term.press("s", "\x1b")  # stats
        term.press("q")
        assert term.finish() == 0
    finally:
        term.kill()
    assert b"Topics" in term.output
    codes = colour_codes(term.output)
    assert codes == [], sorted(set(codes))[:20]
    assert uses_reverse(term.output), "the cursor row is shown in reverse video"
