"""A yes/no question in a small box: Enter or y confirms, Escape or n declines."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool]):
    """Ask once; dismiss with True (confirmed) or False."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("escape,n", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, question: str, detail: str) -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        """The question, what it means and the keys."""
        with Vertical(id="confirm-box"):
            yield Static(self.question, id="confirm-title", markup=False)
            yield Static(self.detail, markup=False)
            yield Static("Enter / y: yes · Esc / n: no", id="confirm-keys", markup=False)

    def action_answer(self, confirmed: bool) -> None:
        """Close with the answer."""
        self.dismiss(confirmed)
