"""ASCII mode's guarantee: every character that reaches the terminal is printable ASCII.

Our own widgets already choose ASCII glyphs in ASCII mode; Textual and Rich add their own
(the `…` of a cut cell, scrollbar eighths, the Footer's `▏`, the toast bar `▌`). This filter
turns whatever is left into ASCII look-alikes of the same width, so the layout holds.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

_LOOK_ALIKES = {
    **dict.fromkeys("─━═╌╍┄┅┈┉╼╾▔", "-"),
    **dict.fromkeys("│┃║╎╏┆┇┊┋╽╿▏▕▎▍▌▐", "|"),
    **dict.fromkeys("╭╮╰╯┌┐└┘╔╗╚╝├┤┬┴┼╠╣╦╩╬╒╓╕╖╘╙╛╜┏┓┗┛", "+"),
    **dict.fromkeys("▁▂▃▄▅▆▇█▉▊▋▓▀", "#"),
    **dict.fromkeys("░▒", "."),
    "…": "~",
    "·": "-",
    "•": "-",
    "–": "-",
    "—": "-",
    "−": "-",
    "×": "x",
    "↑": "^",
    "↓": "v",
    "←": "<",
    "→": ">",
    "▲": "^",
    "▼": "v",
    "▶": ">",
    "◀": "<",
    "●": "*",
    "○": "o",
    "◉": "*",
    "✓": "+",
    "✔": "+",
    "✗": "x",
    "★": "*",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "\u00a0": " ",
}


@lru_cache(maxsize=4096)
def ascii_char(char: str) -> str:
    """One character as ASCII taking the same number of cells."""
    if " " <= char <= "~":
        return char
    if char in _LOOK_ALIKES:
        return _LOOK_ALIKES[char]
    width = cell_len(char)
    if width == 0:
        return ""
    decomposed = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    if len(decomposed) == width and decomposed.isprintable():
        return decomposed
    return "?" * width


def ascii_text(text: str) -> str:
    """`text` with every non-ASCII character replaced by a look-alike of the same width."""
    if text.isascii():
        return text
    return "".join(ascii_char(char) for char in text)


class AsciiOnly(LineFilter):
    """A line filter that leaves only printable ASCII on screen."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The segments with their text made ASCII; styles are untouched."""
        return [
            segment if control or text.isascii() else Segment(ascii_text(text), style, control)
            for segment in segments
            for text, style, control in (segment,)
        ]
