"""Write an Anki package (.apkg) with genanki: one note type, one sub-deck per topic."""

from __future__ import annotations

import zlib
from pathlib import Path

import genanki

from tui.exchange.files import write_atomically
from tui.exchange.notes import FIELD_NAMES, ROOT_DECK, NoteFields

MODEL_ID = 1_607_392_319
"""The `genai-tui` note type's id: fixed, so a new export updates the notes Anki already has."""
ROOT_DECK_ID = 1_480_218_761
"""Base of the deck ids; each topic's sub-deck id is derived from its title, so it is stable."""
MODEL_NAME = "genai-tui"

_CSS = """.card { font-family: sans-serif; font-size: 18px; text-align: left; }
pre { background: #f4f4f4; padding: 6px; overflow-x: auto; }
.meta { color: #888; font-size: 13px; }"""

_FRONT = '<div class="meta">{{Topic}} · {{Difficulty}}</div>\n<div>{{Question}}</div>'
_BACK = (
    '{{FrontSide}}\n<hr id="answer">\n<div>{{Answer}}</div>\n'
    "{{#Key points}}<h4>Key points</h4>{{Key points}}{{/Key points}}"
)


def note_model() -> genanki.Model:
    """The `genai-tui` note type: fields ID first, question front, answer + key points back."""
    return genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELD_NAMES],
        templates=[{"name": "Question", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS,
        sort_field_index=0,
    )


def deck_id(name: str) -> int:
    """A stable Anki deck id for a deck name."""
    return ROOT_DECK_ID + zlib.crc32(name.encode("utf-8")) % 500_000_000


def write_apkg(notes: list[NoteFields], target: Path) -> int:
    """Write the package to `target` (replacing it atomically); returns how many notes."""
    model = note_model()
    decks: dict[str, genanki.Deck] = {}
    for note in notes:
        deck = decks.get(note.deck)
        if deck is None:
            deck = decks[note.deck] = genanki.Deck(deck_id(note.deck), note.deck)
        deck.add_note(
            genanki.Note(
                model=model,
                fields=list(note.fields),
                tags=list(note.tags),
                guid=genanki.guid_for(note.question_id),
            )
        )
    if not decks:
        decks[ROOT_DECK] = genanki.Deck(deck_id(ROOT_DECK), ROOT_DECK)
    package = genanki.Package(list(decks.values()))
    write_atomically(target, package.write_to_file)
    return len(notes)
