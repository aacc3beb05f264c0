"""Tall delimiters built from pieces: ⎛⎜⎝ ⎡⎢⎣ ⎧⎨⎩ │ ‖ and their ASCII counterparts."""

from __future__ import annotations

from typing import Final

from tui.core.formula.boxes import Box
from tui.core.formula.symbols import DELIMITER_ASCII

# glyph -> (top, middle filler, bottom) for Unicode.
_UNICODE_PIECES: Final[dict[str, tuple[str, str, str]]] = {
    "(": ("⎛", "⎜", "⎝"),
    ")": ("⎞", "⎟", "⎠"),
    "[": ("⎡", "⎢", "⎣"),
    "]": ("⎤", "⎥", "⎦"),
    "⌊": ("⎢", "⎢", "⎣"),
    "⌋": ("⎥", "⎥", "⎦"),
    "⌈": ("⎡", "⎢", "⎢"),
    "⌉": ("⎤", "⎥", "⎥"),
    "|": ("│", "│", "│"),
    "‖": ("‖", "‖", "‖"),
    "/": ("╱", "╱", "╱"),
    "∖": ("╲", "╲", "╲"),
    "↑": ("↑", "│", "│"),
    "↓": ("│", "│", "↓"),
    "⌜": ("⌜", "│", "│"),
    "⌝": ("⌝", "│", "│"),
}

_ASCII_PIECES: Final[dict[str, tuple[str, str, str]]] = {
    "(": ("/", "|", "\\"),
    ")": ("\\", "|", "/"),
    "[": ("[", "[", "["),
    "]": ("]", "]", "]"),
    "⌊": ("| ", "| ", "|_"),
    "⌋": (" |", " |", "_|"),
    "⌈": ("|^", "| ", "| "),
    "⌉": ("^|", " |", " |"),
    "|": ("|", "|", "|"),
    "‖": ("||", "||", "||"),
    "/": ("/", "/", "/"),
    "∖": ("\\", "\\", "\\"),
    "↑": ("^", "|", "|"),
    "↓": ("|", "|", "v"),
    "⌜": ("+", "|", "|"),
    "⌝": ("+", "|", "|"),
}


def delimiter_box(glyph: str, ascent: int, descent: int, ascii: bool) -> Box:
    """A delimiter spanning `ascent` rows above and `descent` rows below the baseline."""
    height = ascent + descent + 1
    if not glyph:
        return Box(tuple("" for _ in range(height)), ascent)
    if height == 1:
        text = DELIMITER_ASCII.get(glyph, glyph) if ascii else glyph
        return Box((text,), 0)
    middle = ascent if 0 < ascent < height - 1 else height // 2
    if glyph in ("{", "}"):
        column = _brace(glyph, height, middle, ascii)
    elif glyph in ("⟨", "⟩"):
        column = _angle(glyph, height, middle, ascii)
    else:
        pieces = (_ASCII_PIECES if ascii else _UNICODE_PIECES).get(glyph)
        if pieces is None:
            text = DELIMITER_ASCII.get(glyph, "|") if ascii else glyph
            column = [text] * height
        else:
            top, fill, bottom = pieces
            column = [top] + [fill] * (height - 2) + [bottom]
    return Box(tuple(column), ascent)


def _brace(glyph: str, height: int, middle: int, ascii: bool) -> list[str]:
    """A curly brace column."""
    if ascii:
        top, fill, mid, bottom = ("/", "|", "<", "\\") if glyph == "{" else ("\\", "|", ">", "/")
    else:
        top, fill, mid, bottom = ("⎧", "⎪", "⎨", "⎩") if glyph == "{" else ("⎫", "⎪", "⎬", "⎭")
    if height == 2:
        if ascii:
            return [top, bottom]
        return ["⎰", "⎱"] if glyph == "{" else ["⎱", "⎰"]
    column = [top] + [fill] * (height - 2) + [bottom]
    column[middle] = mid
    return column


def _angle(glyph: str, height: int, middle: int, ascii: bool) -> list[str]:
    """An angle bracket column: a slanted stroke up to a point and back."""
    if ascii:
        rise, point, fall = ("/", "<", "\\") if glyph == "⟨" else ("\\", ">", "/")
    else:
        rise, point, fall = ("╱", "⟨", "╲") if glyph == "⟨" else ("╲", "⟩", "╱")
    if height % 2 == 0:
        half = height // 2
        return [rise] * half + [fall] * half
    return [rise] * middle + [point] + [fall] * (height - middle - 1)
