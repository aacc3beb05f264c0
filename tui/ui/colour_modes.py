"""How the app looks with 16 colours and with none: a calm focus colour, and no colour codes."""

from __future__ import annotations

from dataclasses import replace

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter
from textual.theme import Theme

ALARMING = {1, 9}
"""Red and bright red of the 16-colour palette: they read as errors."""
CALM_ACCENT = "#00aaaa"
"""An accent that 16 colours show as the terminal's cyan."""


def calm_theme(theme: Theme) -> Theme:
    """`theme`, with an accent that does not become red when cut down to 16 colours."""
    if theme.accent is None:
        return theme
    nearest = RichColor.parse(theme.accent).downgrade(ColorSystem.STANDARD)
    if nearest.number not in ALARMING:
        return theme
    return replace(theme, accent=CALM_ACCENT)


class ColourFree(LineFilter):
    """Removes every foreground and background colour; bold, dim, reverse and underline stay.

    Textual's own NO_COLOR filters still send grey levels or `default` colours; with this one
    the terminal's own colours show everywhere.
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The segments with colourless styles."""
        return [
            Segment(text, None if style is None else style.without_color, control)
            for text, style, control in segments
        ]
