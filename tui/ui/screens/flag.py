"""Flag a question as wrong or unclear, with an optional one-line reason."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.core.sanitize import sanitize

REASON_MAX = 200


class FlagScreen(ModalScreen[str | None]):
    """One line for the reason; returns it (maybe empty), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel-flag"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = sanitize(" ".join(question.split()))

    def compose(self) -> ComposeResult:
        """Title, reason line and the keys."""
        with Vertical(id="flag-box"):
            yield Static(
                f"Flag as wrong or unclear: {self.question}", id="flag-title", markup=False
            )
            yield Input(placeholder="Why? (optional)", max_length=REASON_MAX, id="flag-reason")
            yield Static("Enter flags · Esc cancels", id="flag-keys", markup=False)

    def on_mount(self) -> None:
        """Start typing at once."""
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def submit(self, event: Input.Submitted) -> None:
        """Enter: flag with this reason."""
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Leave the question unflagged."""
        self.dismiss(None)
