"""Search questions as you type; Enter opens the highlighted one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.bank import Bank
from tui.core.sanitize import sanitize
from tui.core.search import SearchIndex
from tui.ui.widgets.rich_answer import one_line


class SearchScreen(ModalScreen[str | None]):
    """Returns the id of the chosen question, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close search", id="close-search"),
        Binding("down", "move(1)", "Next result", show=False, priority=True),
        Binding("up", "move(-1)", "Previous result", show=False, priority=True),
        Binding("enter", "open", "Open question", id="open-result", priority=True),
    ]

    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank
        self.index: SearchIndex | None = None

    def compose(self) -> ComposeResult:
        """Query box over the results."""
        with Vertical(id="search-box"):
            yield Input(placeholder="Search questions, answers and tags", id="search-input")
            yield Static("Type to search · ↑/↓ choose · Enter opens · Esc closes", id="search-hint")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        """Focus the query box."""
        self.query_one(Input).focus()

    @on(Input.Changed)
    def show_results(self, event: Input.Changed) -> None:
        """Re-run the search on every keystroke."""
        results = self.query_one(OptionList)
        results.clear_options()
        if self.index is None:
            self.index = SearchIndex(self.bank.questions)
        hits = self.index.search(event.value)
        for hit in hits:
            label = Text(sanitize(f"{hit.question.topic_id} · {hit.question.difficulty.value} · "))
            label.append_text(one_line(hit.question.question))
            results.add_option(Option(label, id=hit.question.id))
        if hits:
            results.highlighted = 0
        hint = f"{len(hits)} found" if event.value.strip() else "Type to search"
        self.query_one("#search-hint", Static).update(
            f"{hint} · ↑/↓ choose · Enter opens · Esc closes"
        )

    def action_move(self, step: int) -> None:
        """Move the highlight while typing."""
        results = self.query_one(OptionList)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    @on(OptionList.OptionSelected)
    def open_clicked(self, event: OptionList.OptionSelected) -> None:
        """A result chosen from the list itself."""
        self.dismiss(event.option.id)

    def action_open(self) -> None:
        """Open the highlighted result."""
        results = self.query_one(OptionList)
        if results.highlighted is not None and results.option_count:
            self.dismiss(results.get_option_at_index(results.highlighted).id)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
