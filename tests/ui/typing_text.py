"""Typing text into a pilot app key by key, the way a terminal delivers it."""

from __future__ import annotations

from textual.pilot import Pilot

KEY_NAMES = {" ": "space", ".": "full_stop", ",": "comma", "'": "apostrophe", "-": "minus"}


async def type_text(pilot: Pilot[object], text: str) -> None:
    """Press one key per character (letters, digits, space and simple punctuation)."""
    await pilot.press(*[KEY_NAMES.get(char, char) for char in text])
