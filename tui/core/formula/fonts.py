"""Letter styles: blackboard, calligraphic, fraktur and bold glyphs, and upright words."""

from __future__ import annotations

from typing import Final

from tui.core.formula.nodes import Accent, Group, Kind, Node, Row, Scripts, Sym

_BB_SPECIAL: Final[dict[str, str]] = {
    "C": "ℂ",
    "H": "ℍ",
    "N": "ℕ",
    "P": "ℙ",
    "Q": "ℚ",
    "R": "ℝ",
    "Z": "ℤ",
}
_CAL_SPECIAL: Final[dict[str, str]] = {
    "B": "ℬ",
    "E": "ℰ",
    "F": "ℱ",
    "H": "ℋ",
    "I": "ℐ",
    "L": "ℒ",
    "M": "ℳ",
    "R": "ℛ",
}
_FRAK_SPECIAL: Final[dict[str, str]] = {
    "C": "ℭ",
    "H": "ℌ",
    "I": "ℑ",
    "R": "ℜ",
    "Z": "ℨ",
}


def _offset(char: str, upper: int | None, lower: int | None, digit: int | None) -> str:
    """Shift an ASCII letter or digit into a Mathematical Alphanumeric block."""
    if "A" <= char <= "Z" and upper is not None:
        return chr(upper + ord(char) - ord("A"))
    if "a" <= char <= "z" and lower is not None:
        return chr(lower + ord(char) - ord("a"))
    if "0" <= char <= "9" and digit is not None:
        return chr(digit + ord(char) - ord("0"))
    return char


def _bold_greek(char: str) -> str:
    """Bold form of a Greek letter, or the letter itself."""
    code = ord(char)
    if 0x3B1 <= code <= 0x3C9:
        return chr(0x1D6C2 + code - 0x3B1)
    if 0x391 <= code <= 0x3A9 and code != 0x3A2:
        return chr(0x1D6A8 + code - 0x391)
    return char


def styled(char: str, font: str) -> str:
    """The glyph for one character in a font key ('bb', 'cal', 'frak', 'bf'); others unchanged."""
    if font == "bb":
        if char in _BB_SPECIAL:
            return _BB_SPECIAL[char]
        return _offset(char, 0x1D538, 0x1D552, 0x1D7D8)
    if font == "cal":
        if char in _CAL_SPECIAL:
            return _CAL_SPECIAL[char]
        return _offset(char, 0x1D49C, None, None)
    if font == "frak":
        if char in _FRAK_SPECIAL:
            return _FRAK_SPECIAL[char]
        return _offset(char, 0x1D504, 0x1D51E, None)
    if font == "bf":
        if "A" <= char <= "z" or "0" <= char <= "9":
            return _offset(char, 0x1D400, 0x1D41A, 0x1D7CE)
        return _bold_greek(char)
    return char


def merge_words(row: Row) -> Row:
    """Inside \\mathrm-like fonts, join runs of letters and digits into upright words."""
    items: list[Node] = []
    for item in row.items:
        previous = items[-1] if items else None
        if (
            isinstance(item, Sym)
            and item.kind is Kind.ORD
            and item.text.isalnum()
            and isinstance(previous, Sym)
            and previous.kind is Kind.ORD
            and previous.text.isalnum()
        ):
            items[-1] = Sym(previous.text + item.text, previous.ascii + item.ascii)
        elif isinstance(item, Group):
            items.append(Group(merge_words(item.body), item.kind))
        else:
            items.append(item)
    return Row(tuple(items))


def restyle(row: Row, font: str) -> Row:
    """Apply a letter style (blackboard, calligraphic, bold...) to every letter in a row."""
    return Row(tuple(_restyle_node(item, font) for item in row.items))


def _restyle_node(node: Node, font: str) -> Node:
    """Apply a letter style to one node, recursing into groups and scripts."""
    if isinstance(node, Sym):
        if node.kind is Kind.ORD and len(node.text) >= 1 and node.text.isalnum():
            return Sym("".join(styled(c, font) for c in node.text), node.ascii)
        return node
    if isinstance(node, Group):
        return Group(restyle(node.body, font), node.kind)
    if isinstance(node, Scripts):
        sup = restyle(node.sup, font) if node.sup is not None else None
        sub = restyle(node.sub, font) if node.sub is not None else None
        return Scripts(_restyle_node(node.base, font), sup, sub)
    if isinstance(node, Accent):
        return Accent(node.kind, restyle(node.body, font))
    return node
