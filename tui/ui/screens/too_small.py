"""A notice shown while the terminal is smaller than the layout needs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 60, 16


class TooSmallScreen(Screen[None]):
    """Covers the app until the terminal grows back; nothing underneath is lost."""

    def compose(self) -> ComposeResult:
        """One centred line."""
        yield Static(
            f"Terminal too small: genai-tui needs at least {MIN_WIDTH}x{MIN_HEIGHT}.\n"
            "Enlarge the window, or press q to quit.",
            id="too-small",
        )
