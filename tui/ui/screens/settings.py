"""Edit the settings: theme, new questions a day, desired retention and the interview date."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from tui.config import Settings
from tui.core.sanitize import sanitize

LABELS = {
    "theme": "Theme",
    "new_per_day": "New questions a day",
    "desired_retention": "Desired retention",
    "interview_date": "Interview date",
}
"""Each setting's label on the form, used in error messages in place of its internal key."""


def labelled(error: ValueError) -> str:
    """A settings error (`new_per_day: must be ...`) with the field's label in front."""
    key, _, reason = str(error).partition(": ")
    return f"{LABELS[key]}: {reason}" if key in LABELS and reason else str(error)


class SettingsScreen(ModalScreen[Settings | None]):
    """A form over a copy of the settings; returns the new settings, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="save-settings", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel-settings"),
    ]

    def __init__(self, settings: Settings, themes: list[str], today: date) -> None:
        super().__init__()
        self.settings = settings
        self.themes = themes
        self.today = today

    def compose(self) -> ComposeResult:
        """One labelled field per setting."""
        current = self.settings
        with Vertical(id="settings-box"):
            yield Static("Settings", id="settings-title")
            with Grid(id="settings-grid"):
                yield Label(LABELS["theme"])
                yield Select(
                    [(name, name) for name in self.themes],
                    value=current.theme if current.theme in self.themes else Select.NULL,
                    allow_blank=False,
                    id="theme",
                )
                yield Label(LABELS["new_per_day"])
                yield Input(str(current.new_per_day), type="integer", id="new-per-day")
                yield Label(LABELS["desired_retention"])
                yield Input(str(current.desired_retention), type="number", id="retention")
                yield Label(LABELS["interview_date"])
                yield Input(
                    current.interview_date.isoformat() if current.interview_date else "",
                    placeholder="YYYY-MM-DD, empty for none",
                    id="interview",
                )
            yield Static("Tab moves · Ctrl+S saves · Esc cancels", id="settings-keys")
            yield Static(id="settings-error")

    def action_save(self) -> None:
        """Validate the form; on success return the new settings."""
        try:
            interview_text = self.query_one("#interview", Input).value.strip()
            interview = date.fromisoformat(interview_text) if interview_text else None
        except ValueError:
            self._error("Interview date: use YYYY-MM-DD, or leave it empty.")
            return
        if interview is not None and interview < self.today:
            self._error(
                f"Interview date: {interview.isoformat()} has passed; "
                "enter today or a later date, or leave it empty."
            )
            return
        new_text = self.query_one("#new-per-day", Input).value.strip() or "0"
        retention_text = self.query_one("#retention", Input).value.strip() or "0"
        try:
            new_per_day = int(new_text)
        except ValueError:
            self._error(f"Not saved. {LABELS['new_per_day']}: {new_text!r} is not a whole number")
            return
        try:
            retention = float(retention_text)
        except ValueError:
            self._error(
                f"Not saved. {LABELS['desired_retention']}: {retention_text!r} is not a number"
            )
            return
        try:
            updated = Settings(
                theme=str(self.query_one("#theme", Select).value),
                new_per_day=new_per_day,
                desired_retention=retention,
                interview_date=interview,
            )
        except ValueError as error:
            self._error(f"Not saved. {labelled(error)}")
            return
        self.dismiss(updated)

    def _error(self, message: str) -> None:
        """Show why the form was not saved (as plain text: it may quote what was typed)."""
        self.query_one("#settings-error", Static).update(Text(sanitize(message)))

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
