"""A small list to pick one value from, such as a tag filter."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.sanitize import sanitize


class PickScreen(ModalScreen[str | None]):
    """Choose one of a few labelled values; returns its id or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel-pick"),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        """Title and choices."""
        with Vertical(id="pick-box"):
            yield Static(self.title_text, id="pick-title", markup=False)
            yield OptionList(
                *[Option(Text(sanitize(label)), id=value) for value, label in self.choices],
                id="pick-list",
            )

    def on_mount(self) -> None:
        """Highlight the current value."""
        options = self.query_one(OptionList)
        ids = [value for value, _ in self.choices]
        options.highlighted = ids.index(self.current) if self.current in ids else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        """Enter on a choice."""
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Keep things as they were."""
        self.dismiss(None)
