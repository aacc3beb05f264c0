"""Accents: precomposed letters, marks drawn above/below in 2-D, names for the one-line form."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Final

from tui.core.formula.chars import glyph

_COMBINING: Final[dict[str, str]] = {
    "bar": "\u0304",
    "overline": "\u0304",
    "hat": "\u0302",
    "widehat": "\u0302",
    "tilde": "\u0303",
    "widetilde": "\u0303",
    "dot": "\u0307",
    "ddot": "\u0308",
    "check": "\u030c",
    "breve": "\u0306",
    "acute": "\u0301",
    "grave": "\u0300",
    "ring": "\u030a",
}

# One-line spelling used when no precomposed letter exists: kind -> function name.
NAMES: Final[dict[str, str]] = {
    "bar": "bar",
    "overline": "bar",
    "hat": "hat",
    "widehat": "hat",
    "tilde": "tilde",
    "widetilde": "tilde",
    "vec": "vec",
    "overrightarrow": "vec",
    "overleftarrow": "vec",
    "dot": "dot",
    "ddot": "ddot",
    "check": "check",
    "breve": "breve",
    "acute": "acute",
    "grave": "grave",
    "ring": "ring",
    "underline": "underline",
}

UNDER: Final[frozenset[str]] = frozenset({"underline", "underbrace"})
BRACES: Final[frozenset[str]] = frozenset({"underbrace", "overbrace"})

# kind -> (unicode mark, ascii mark) for single marks centred over the base.
_MARKS: Final[dict[str, tuple[str, str]]] = {
    "bar": ("_", "_"),
    "hat": ("^", "^"),
    "widehat": ("^", "^"),
    "tilde": ("~", "~"),
    "vec": ("→", "->"),
    "dot": ("˙", "."),
    "ddot": ("¨", '"'),
    "check": ("ˇ", "v"),
    "breve": ("˘", "u"),
    "acute": ("´", "'"),
    "grave": ("`", "`"),
    "ring": ("˚", "o"),
}


@lru_cache(maxsize=1024)
def precomposed(char: str, kind: str) -> str | None:
    """A single precomposed character for an accented letter (ā, Â, ᾱ...), if Unicode has one."""
    mark = _COMBINING.get(kind)
    if mark is None or len(char) != 1:
        return None
    composed = unicodedata.normalize("NFC", char + mark)
    if len(composed) != 1 or glyph(composed, False) != composed:
        return None
    return composed


def mark_line(kind: str, width: int, ascii: bool) -> str:
    """The row drawn above (or below) a base of `width` cells for an accent kind."""
    width = max(width, 1)
    if kind == "overline":
        return "_" * width
    if kind == "underline":
        return ("-" if ascii else "‾") * width
    if kind == "widetilde":
        return "~" * width
    if kind == "overrightarrow":
        return ("-" * (width - 1) + ">") if ascii else ("─" * (width - 1) + "→")
    if kind == "overleftarrow":
        return ("<" + "-" * (width - 1)) if ascii else ("←" + "─" * (width - 1))
    if kind in BRACES:
        return _brace_line(kind, width, ascii)
    unicode_mark, ascii_mark = _MARKS.get(kind, ("^", "^"))
    mark = ascii_mark if ascii else unicode_mark
    if len(mark) > width:
        return mark
    before = (width - len(mark)) // 2
    return " " * before + mark + " " * (width - len(mark) - before)


def _brace_line(kind: str, width: int, ascii: bool) -> str:
    """A horizontal brace as wide as its base, with a tick in the middle."""
    if width < 3:
        return ("_" if kind == "underbrace" else "-") * width if ascii else "─" * width
    inner = width - 2
    before = (inner - 1) // 2
    after = inner - 1 - before
    if ascii:
        if kind == "underbrace":
            return "\\" + "_" * before + "_" + "_" * after + "/"
        return "/" + "-" * before + "^" + "-" * after + "\\"
    if kind == "underbrace":
        return "╰" + "─" * before + "┬" + "─" * after + "╯"
    return "╭" + "─" * before + "┴" + "─" * after + "╮"
