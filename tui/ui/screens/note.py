"""Edit the learner's note on a question."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from tui.core.sanitize import sanitize


class NoteScreen(ModalScreen[str | None]):
    """A text area with the current note; returns the new text, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", id="save-note", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel-note"),
    ]

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.title_text = sanitize(title)
        self.body = sanitize(body)

    def compose(self) -> ComposeResult:
        """Title, editor and the two keys that matter."""
        with Vertical(id="note-box"):
            yield Static(f"Note: {self.title_text}", id="note-title", markup=False)
            yield TextArea(self.body, id="note-editor", soft_wrap=True, tab_behavior="focus")
            yield Static("Ctrl+S saves · Esc cancels", id="note-keys", markup=False)

    def on_mount(self) -> None:
        """Start typing at once."""
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        """Return the edited note."""
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        """Leave the note as it was."""
        self.dismiss(None)
