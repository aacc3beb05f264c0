"""Map box-drawing and arrow glyphs to ASCII, cell for cell, so diagrams survive a C locale."""

from __future__ import annotations

from functools import cache

_ARROWS = {
    ">": "▶▷►▸→⟶⇒➜➔",
    "<": "◀◁◄◂←⟵⇐",
    "^": "▲△▴↑⇑",
    "v": "▼▽▾↓⇓",
    "-": "↔⟷⇔",
    "|": "↕⇕",
    "*": "•●◆",
    "o": "○◇",
}


_HORIZONTAL = {"LEFT", "RIGHT", "HORIZONTAL"}
_VERTICAL = {"UP", "DOWN", "VERTICAL"}
_DIAGONALS = {"╱": "/", "╲": "\\", "╳": "X"}


@cache
def _table() -> dict[int, str]:
    """Every box-drawing character (U+2500-U+257F) and the arrows, to one ASCII character.

    A glyph whose strokes run only sideways becomes `-`, only up and down `|`, both (corners,
    tees, crosses) `+`; the names in the Unicode database say which strokes a glyph has.
    """
    import unicodedata

    table: dict[int, str] = {}
    for code in range(0x2500, 0x2580):
        words = set(unicodedata.name(chr(code), "").split())
        sideways, upright = bool(words & _HORIZONTAL), bool(words & _VERTICAL)
        table[code] = "-" if sideways and not upright else "|" if upright and not sideways else "+"
    for glyph, ascii_char in _DIAGONALS.items():
        table[ord(glyph)] = ascii_char
    for ascii_char, glyphs in _ARROWS.items():
        for glyph in glyphs:
            table[ord(glyph)] = ascii_char
    return table


def ascii_diagram(line: str) -> str:
    """The line with box-drawing characters as `+-|` and arrows as `> < ^ v`, same width."""
    if line.isascii():
        return line
    return line.translate(_table())
