"""Keys that arrive together, as one terminal read delivers them: no pause between them."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.pilot import Pilot

CHARACTERS = {"space": " ", "enter": "\r", "tab": "\t", "escape": "\x1b"}
NAMES = {
    " ": "space",
    ",": "comma",
    "/": "slash",
    "?": "question_mark",
    ":": "colon",
    "+": "plus",
    "-": "minus",
    ".": "full_stop",
}


def key_event(key: str) -> events.Key:
    """The Key event Textual's driver makes for `key` (a character or a key name)."""
    name = NAMES.get(key, key)
    character = key if len(key) == 1 else CHARACTERS.get(key)
    return events.Key(name, character)


async def burst(pilot: Pilot[Any], *keys: str) -> None:
    """Post every key to the app at once, then wait until all of them have been handled."""
    app = pilot.app
    driver = app._driver
    assert driver is not None
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        driver.send_message(event)
    await pilot.pause()
    sequencer = getattr(app, "key_order", None)
    if sequencer is not None:
        while sequencer.task is not None and not sequencer.task.done():
            await sequencer.task
        await sequencer.settle()
    for _ in range(3):
        await pilot.pause()
