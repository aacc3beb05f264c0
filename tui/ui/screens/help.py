"""The help screen, generated from the key bindings so it cannot disagree with them."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from tui.core.mastery import DEFINITION

KEY_NAMES = {
    "space": "Space",
    "escape": "Esc",
    "question_mark": "?",
    "enter": "Enter",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "up": "↑",
    "down": "↓",
    "slash": "/",
    "comma": ",",
    "ctrl+s": "Ctrl+S",
    "ctrl+p": "Ctrl+P",
}

NAVIGATION = [
    ("↑/↓ or j/k", "Move in the focused table or list"),
    ("Enter", "Open: topic → its questions → the question"),
    ("Tab / Shift+Tab", "Switch panes"),
]


def key_label(key: str) -> str:
    """A binding's key as a person would type it."""
    return " / ".join(KEY_NAMES.get(part, part) for part in key.split(","))


def binding_rows(screen: Screen[object]) -> list[tuple[str, str]]:
    """Key and description of every genai-tui binding (those with an id) active on `screen`."""
    keys: dict[str, list[str]] = {}
    descriptions: dict[str, str] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.id is None or not binding.description:
            continue
        keys.setdefault(binding.action, []).append(key_label(key))
        descriptions[binding.action] = binding.description
    return [(" / ".join(keys[action]), descriptions[action]) for action in keys]


class HelpScreen(ModalScreen[None]):
    """Every key of the screen underneath, with what it does."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close help", id="close-help"),
    ]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        """A titled table of keys."""
        with Vertical(id="help-box"):
            yield Static("Keys  (Esc closes)", id="help-title")
            yield DataTable(id="help-table", cursor_type="none", show_header=False)
            yield Static(DEFINITION, id="help-mastery", markup=False)

    def on_mount(self) -> None:
        """Fill the table: navigation first, then this screen's bindings."""
        table = self.query_one(DataTable)
        table.add_columns("Key", "Action")
        for key, description in [*NAVIGATION, *self.rows]:
            table.add_row(key, description)
        table.focus()
