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
    "slash": "/",
    "comma": ",",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
}
ARROWS = {"up": ("↑", "Up"), "down": ("↓", "Down")}

BUILT_IN_ROWS = {
    "app.focus_next": ("panes", "Switch panes"),
    "app.focus_previous": ("panes", "Switch panes"),
    "cursor_up": ("move", "Move up and down"),
    "cursor_down": ("move", "Move up and down"),
    "scroll_up": ("scroll", "Scroll up and down"),
    "scroll_down": ("scroll", "Scroll up and down"),
    "page_up": ("page", "Scroll a page up and down"),
    "page_down": ("page", "Scroll a page up and down"),
    "command_palette": ("palette", "Command palette: every command"),
}
"""Textual's own bindings worth listing, as (row, description); the rest (copy, scroll
left and right, ...) would only crowd the list."""


def key_label(key: str, ascii: bool = False) -> str:
    """A binding's key as a person would type it."""
    parts = []
    for part in key.split(","):
        if part in ARROWS:
            parts.append(ARROWS[part][1 if ascii else 0])
        elif part in KEY_NAMES:
            parts.append(KEY_NAMES[part])
        elif part.startswith("ctrl+"):
            parts.append("Ctrl+" + part.removeprefix("ctrl+").upper())
        else:
            parts.append(part)
    return " / ".join(parts)


def _join_keys(keys: list[str]) -> str:
    """Keys of one row; a run of three or more digits reads as a range (`1-9`)."""
    if len(keys) >= 3 and all(key.isdigit() for key in keys):
        numbers = sorted(int(key) for key in keys)
        if numbers == list(range(numbers[0], numbers[-1] + 1)):
            return f"{numbers[0]}-{numbers[-1]}"
    return " / ".join(dict.fromkeys(keys))


def binding_rows(screen: Screen[object], ascii: bool = False) -> list[tuple[str, str]]:
    """Key and description of every binding active on `screen`, one row per thing it does.

    Ours have an id, and bindings sharing an id share a row (the checklist's `1`-`9`). Of
    Textual's own, only those in BUILT_IN_ROWS are listed, and switching panes only where
    there is more than one pane to switch to.
    """
    keys: dict[str, list[str]] = {}
    descriptions: dict[str, str] = {}
    navigation: list[str] = []
    panes = len(screen.focus_chain) > 1
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.id is not None and binding.description:
            row, description = binding.id, binding.description
        elif binding.action in BUILT_IN_ROWS:
            row, description = BUILT_IN_ROWS[binding.action]
            if row == "panes" and not panes:
                continue
            navigation.append(row)
        else:
            continue
        keys.setdefault(row, []).append(key_label(key, ascii))
        descriptions.setdefault(row, description)
    order = sorted(keys, key=lambda row: row not in navigation)
    return [(_join_keys(keys[row]), descriptions[row]) for row in order]


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
        """Fill the table with this screen's keys."""
        table = self.query_one(DataTable)
        table.add_columns("Key", "Action")
        for key, description in self.rows:
            table.add_row(key, description)
        table.focus()
