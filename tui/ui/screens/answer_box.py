"""The answer box: type an answer to the question shown, then submit it for grading."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from tui.core.sanitize import sanitize
from tui.ui.widgets.answer_editor import AnswerEditor

SUBMIT_KEY = "ctrl+s"
"""Ctrl+S reaches the app over SSH, in tmux and in screen (Ctrl+Enter does not: terminals send
it as a plain Enter); the note editor saves with the same key."""
KEYS_HINT = "Ctrl+S submits for grading · Esc cancels (answer in your head)"
QUESTION_LINES = 3


class AnswerScreen(ModalScreen[str | None]):
    """A soft-wrapping text area; returns the answer typed, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(SUBMIT_KEY, "submit", "Submit for grading", id="submit-answer", priority=True),
        Binding("escape", "cancel", "Cancel: answer in your head", id="cancel-answer"),
    ]

    def __init__(self, question: str, draft: str = "") -> None:
        super().__init__()
        self.question = " ".join(sanitize(question).split())
        self.draft = draft

    def compose(self) -> ComposeResult:
        """The question, the editor and the keys that matter."""
        with Vertical(id="answer-box"):
            yield Static(Text(self.question, style="bold"), id="answer-question")
            yield AnswerEditor(self.draft, id="answer-editor")
            yield Static(Text(KEYS_HINT), id="answer-keys")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Start typing at once."""
        self.query_one("#answer-box").border_title = "Your answer"
        self.query_one(AnswerEditor).focus()

    def action_submit(self) -> None:
        """Return the answer; an empty box is not submitted."""
        text = self.query_one(AnswerEditor).text
        if not text.strip():
            self.notify("Type an answer first, or press Esc to answer in your head.")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        """Back to the question, nothing graded."""
        self.dismiss(None)
