"""Fenced code and diagrams in the question pane: highlighted, clipped not wrapped, inert."""

from __future__ import annotations

from pathlib import Path

import pytest
from code_pack import LONG_LINE, code_pack
from conftest import FIXED_NOW
from factory import FakeClock, make_app
from rich.color import Color
from rich.segment import Segment
from textual.app import App
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Static

BOX_GLYPHS = set("─│┌┐└┘├┤┬┴┼▶◀▲▼→←")


async def body_lines(app: App[object]) -> list[Strip]:
    """The rendered lines of the revealed question's body, styles included."""
    body = app.screen.query_one("#detail-body", Static)
    return body.render_lines(Region(0, 0, body.size.width, body.size.height))


def line_with(lines: list[Strip], needle: str) -> Strip:
    """The one rendered line containing `needle`."""
    (found,) = [line for line in lines if needle in line.text]
    return found


def near(color: Color | None, hex_color: str) -> bool:
    """Whether a rendered colour is the theme colour, give or take Textual's blending."""
    assert color is not None and color.triplet is not None
    want = Color.parse(hex_color).triplet
    assert want is not None
    return all(abs(a - b) <= 2 for a, b in zip(color.triplet, want, strict=True))


def segment(line: Strip, text: str) -> Segment:
    """The segment of a line whose text is exactly `text`."""
    return next(seg for seg in line if seg.text == text)


async def test_python_is_highlighted_with_the_theme_and_shown_verbatim(tmp_path: Path) -> None:
    app = make_app([code_pack(tmp_path / "pack")], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space")
        lines = await body_lines(app)
        code = line_with(lines, "def attend")
        assert code.text.startswith("  def attend(q, k):  # $not math$ **not bold**")
        keyword = segment(code, "def").style
        assert keyword is not None and keyword.bold
        assert near(keyword.color, app.get_css_variables()["accent"])
        comment = segment(code, "# $not math$ **not bold**").style
        assert comment is not None and comment.italic
        assert line_with(lines, "math out here").text.startswith("Code first: x is math")
        app.theme = "nord"
        await pilot.pause()
        keyword = segment(line_with(await body_lines(app), "def attend"), "def").style
        assert keyword is not None and near(keyword.color, app.get_css_variables()["accent"])


async def test_a_wide_line_is_clipped_with_a_marker_never_wrapped(tmp_path: Path) -> None:
    app = make_app([code_pack(tmp_path / "pack")], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space")
        lines = await body_lines(app)
        clipped = line_with(lines, "softmax_with_a_really_long_name")
        width = len(clipped.text)
        assert width < len(LONG_LINE) + 2, "the pane is narrower than the line"
        assert clipped.text.endswith("…")
        assert ("  " + LONG_LINE).startswith(clipped.text[:-1])
        index = lines.index(clipped)
        assert lines[index + 1].text.strip() == "", "the rest of the line is not wrapped below"
        assert not any("every_key" in line.text for line in lines)
        await pilot.press("f")  # the zoomed pane is wide enough for the whole line
        await pilot.pause()
        lines = await body_lines(app)
        assert line_with(lines, "every_key").text.rstrip() == "  " + LONG_LINE


async def test_diagram_is_verbatim_and_plain(tmp_path: Path) -> None:
    app = make_app([code_pack(tmp_path / "pack")], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space")
        lines = await body_lines(app)
        arrow = line_with(lines, "client")
        assert arrow.text.rstrip() == "  │ client │────▶│ LLM │"
        styles = {seg.style.color for seg in arrow if seg.text.strip() and seg.style}
        assert len(styles) == 1, "text blocks are not highlighted"


async def test_ascii_mode_maps_boxes_arrows_and_the_clip_marker(tmp_path: Path) -> None:
    app = make_app(
        [code_pack(tmp_path / "pack")], tmp_path / "p.db", FakeClock(FIXED_NOW), ascii=True
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space")
        lines = await body_lines(app)
        text = "\n".join(line.text for line in lines)
        assert "  +--------+     +-----+" in text
        assert "  | client |---->| LLM |" in text
        assert line_with(lines, "softmax_with").text.endswith(">")
        assert not BOX_GLYPHS & set(text) and "…" not in text


async def test_code_reads_without_colour(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app([code_pack(tmp_path / "pack")], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space")
        assert app.no_color
        lines = await body_lines(app)
        code = line_with(lines, "def attend")
        keyword, comment = segment(code, "def").style, segment(code, "# $not math$ **not bold**")
        assert keyword is not None and keyword.bold, "keywords stand out by weight, not colour"
        assert comment.style is not None and comment.style.italic
        assert line_with(lines, "softmax_with").text.endswith("…")


async def test_escape_sequences_inside_a_fence_never_reach_the_screen(tmp_path: Path) -> None:
    hostile = "\x1b]52;c;aGVsbG8=\x07\x1b[2J\x9b2J"
    answer = f"Look:\n\n```python\nx = '{hostile}'  # {hostile}\n```\n\n```text\n{hostile}\n```\n"
    app = make_app([code_pack(tmp_path / "pack", answer)], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space")
        lines = await body_lines(app)
        text = "".join(seg.text for line in lines for seg in line)
        assert "x = 'c;aGVsbG8=" not in text and "x = ''  # " in text
        assert not any(char in text for char in "\x1b\x07\x9b")
