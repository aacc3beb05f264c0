"""Search questions (and your notes) as you type; Enter opens the highlighted one.

The same screen lists your bookmarks or your notes: it is then limited to those questions,
and an empty query shows them all.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
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
from tui.core.search import Hit, SearchIndex
from tui.ui.widgets.rich_answer import one_line

NOTE_EXCERPT = 70
"""How many characters of a note a result shows."""


class SearchScreen(ModalScreen[str | None]):
    """Returns the id of the chosen question, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close search", id="close-search"),
        Binding("down", "move(1)", "Next result", show=False, priority=True),
        Binding("up", "move(-1)", "Previous result", show=False, priority=True),
        Binding("enter", "open", "Open question", id="open-result", priority=True),
    ]

    def __init__(
        self,
        bank: Bank,
        notes: Mapping[str, str] | None = None,
        *,
        only: Collection[str] | None = None,
        title: str = "",
        empty: str = "",
        ascii: bool = False,
    ) -> None:
        super().__init__()
        self.bank = bank
        self.notes = dict(notes or {})
        self.only = None if only is None else set(only)
        self.title = title
        """What the list is (`Bookmarked questions`); empty for a search of everything."""
        self.empty = empty
        """What to say when `only` is empty."""
        self.ascii = ascii
        self.index: SearchIndex | None = None

    def compose(self) -> ComposeResult:
        """Query box over the results."""
        with Vertical(id="search-box"):
            if self.title:
                yield Static(self.title, id="search-title")
            placeholder = "Search questions, answers, tags and your notes"
            yield Input(placeholder=placeholder, id="search-input")
            yield Static(self._hint(""), id="search-hint")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        """Focus the query box; a limited list shows all its questions at once."""
        self.query_one(Input).focus()
        if self.only is not None:
            self._show("")

    @on(Input.Changed)
    def show_results(self, event: Input.Changed) -> None:
        """Re-run the search on every keystroke."""
        self._show(event.value)

    def _show(self, query: str) -> None:
        """List the questions matching `query`."""
        results = self.query_one(OptionList)
        results.clear_options()
        if self.index is None:
            self.index = SearchIndex(self.bank.questions, self.notes)
        hits = self.index.search(query, only=self.only)
        results.add_options([Option(self._label(hit, query), id=hit.question.id) for hit in hits])
        if hits:
            results.highlighted = 0
        self.query_one("#search-hint", Static).update(self._hint(query, len(hits)))

    def _label(self, hit: Hit, query: str) -> Text:
        """Topic, level and question; then the note, when it is what matched or what is listed."""
        question = hit.question
        label = Text(sanitize(f"{question.topic_id} · {question.difficulty.value} · "))
        label.append_text(one_line(question.question, self.ascii))
        words = query.casefold().split()
        note = " ".join(sanitize(hit.note).split())
        shown = self.only is not None or any(word in note.casefold() for word in words)
        if note and shown:
            cut = note if len(note) <= NOTE_EXCERPT else note[: NOTE_EXCERPT - 3] + "..."
            label.append(f"\n    note: {cut}", style="italic")
        return label

    def _hint(self, query: str, found: int = 0) -> str:
        """How many matched, and the keys."""
        keys = "↑/↓ choose · Enter opens · Esc closes"
        if self.only is not None and not self.only:
            return f"{self.empty} · Esc closes"
        if self.only is None and not query.strip():
            return f"Type to search · {keys}"
        return f"{found} found · {keys}"

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
