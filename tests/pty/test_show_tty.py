"""`genai-tui show` on a real terminal: styled there, colourless under NO_COLOR, same text."""

from __future__ import annotations

import re
from pathlib import Path

from code_pack import code_pack
from terminal import Terminal

SGR = re.compile(rb"\x1b\[([0-9;]*)m")


def shown(tmp_path: Path, env: dict[str, str]) -> bytes:
    """What `show --answer` writes to a 100-column pty."""
    pack = code_pack(tmp_path / f"pack{len(env)}")
    args = ["show", "code/q", "--answer", "--content", str(pack)]
    term = Terminal(args, env={"LC_ALL": "C.UTF-8", **env})
    try:
        assert term.finish() == 0
    finally:
        term.kill()
    return term.output


def test_a_terminal_gets_highlighting_in_its_width(tmp_path: Path) -> None:
    out = shown(tmp_path, {"COLORTERM": ""})
    codes = set(SGR.findall(out))
    assert any(b"35" in code.split(b";") for code in codes), "keywords in magenta"
    plain = SGR.sub(b"", out).decode()
    assert "def attend(q, k):  # $not math$ **not bold**" in plain
    assert "every_key)" in plain, "a 100-column terminal is wide enough for the long line"


def test_no_color_keeps_styles_but_drops_colours(tmp_path: Path) -> None:
    out = shown(tmp_path, {"NO_COLOR": "1"})
    parameters = {p for code in SGR.findall(out) for p in code.split(b";") if p}
    assert parameters, "bold and italic still mark keywords and comments"
    colours = {b"3%d" % n for n in range(10)} | {b"4%d" % n for n in range(10)}
    assert not parameters & colours, parameters
    assert "def attend(q, k)" in SGR.sub(b"", out).decode()
