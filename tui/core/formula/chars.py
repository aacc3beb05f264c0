"""Character hygiene: strip control characters, keep only one-cell glyphs, spell in ASCII."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from tui.core.formula.symbols import UNICODE_INPUT

_NEWLINES = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")
_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Mn", "Me", "Mc"})
_UNKNOWN = "?"


def clean_source(latex: str) -> str:
    """NFC-normalise the source and remove control characters (newlines and tabs become spaces)."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", latex):
        if char in _NEWLINES:
            out.append("\n")
        elif char == "\t":
            out.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cs"):
            continue
        else:
            out.append(char)
    return "".join(out)


@lru_cache(maxsize=4096)
def glyph(char: str, ascii: bool) -> str:
    """What to print for one source character: itself if safe, a spelling, '?' or nothing."""
    if ascii:
        return _ascii_glyph(char)
    category = unicodedata.category(char)
    if category in _DROP_CATEGORIES:
        return ""
    if category.startswith("Z"):
        return " "
    if category in ("Co", "Cn") or unicodedata.east_asian_width(char) in ("W", "F"):
        return _UNKNOWN
    return char


def _ascii_glyph(char: str) -> str:
    """ASCII spelling of one character."""
    if " " <= char <= "~":
        return char
    if char in UNICODE_INPUT:
        return UNICODE_INPUT[char][0]
    category = unicodedata.category(char)
    if category in _DROP_CATEGORIES:
        return ""
    if category.startswith("Z"):
        return " "
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if " " <= c <= "~")
    return kept if kept else _UNKNOWN


def clean_text(text: str, ascii: bool) -> str:
    """Apply `glyph` to every character of a string."""
    return "".join(glyph(char, ascii) for char in text)


def fallback_text(latex: str, ascii: bool) -> str:
    """The source itself as one clean line: what we show when the LaTeX cannot be parsed."""
    text = clean_text(clean_source(latex).replace("\n", " "), ascii)
    return " ".join(text.split())


def wrap(text: str, width: int, indent: int = 0) -> list[str]:
    """Wrap one line to `width` cells, preferring breaks at spaces; continuation lines indented."""
    width = max(1, width)
    pad = indent if indent < width // 2 else 0
    lines: list[str] = []
    rest = text.strip()
    first = True
    while rest:
        room = width if first else width - pad
        prefix = "" if first else " " * pad
        first = False
        if len(rest) <= room:
            lines.append(prefix + rest)
            break
        cut = rest.rfind(" ", 0, room + 1)
        if cut <= room // 3:
            cut = room
            head, rest = rest[:cut], rest[cut:]
        else:
            head, rest = rest[:cut], rest[cut + 1 :]
        lines.append((prefix + head).rstrip())
        rest = rest.lstrip()
    return lines
