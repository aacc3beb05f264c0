"""The start-up floor: a bare Textual app with one DataTable shaped like genai-tui's topic table.

    python bench/bare_app.py [--rows N] [--titles FILE]

FILE is a JSON list of [title, section, questions] rows; without it, N generic rows are shown.
Press q to quit.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

COLUMNS = ("Topic", "Section", "Qs", "Due", "Mastery")
Row = tuple[str, str, int]


class BareApp(App[None]):
    """One bordered DataTable titled 'Topics' with five columns, and q to quit."""

    CSS = "DataTable { border: round $accent; height: 1fr; }"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit")]

    def __init__(self, rows: Sequence[Row]) -> None:
        super().__init__()
        self.rows = list(rows)

    def compose(self) -> ComposeResult:
        """The table only."""
        yield DataTable[Text | str](cursor_type="row", id="topics")

    def on_mount(self) -> None:
        """Fill the table the way genai-tui fills its topic table."""
        table: DataTable[Text | str] = self.query_one(DataTable)
        table.border_title = "Topics"
        for label in COLUMNS:
            table.add_column(label, key=label.lower())
        for index, (title, section, questions) in enumerate(self.rows):
            table.add_row(
                Text(title), Text(section), str(questions), "-", "  0% ░░░░", key=str(index)
            )
        table.focus()


class DetailBareApp(BareApp):
    """The bare table plus a Static that shows the highlighted row: the floor for `keys.py`."""

    def compose(self) -> ComposeResult:
        """The table and a detail line under it."""
        yield from super().compose()
        yield Static("", id="detail")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Show the highlighted row in the detail line."""
        self.query_one("#detail", Static).update(f"row {event.cursor_row}")


def load_rows(titles: Path | None, count: int) -> list[Row]:
    """Rows from a JSON file of [title, section, questions], or `count` generic ones."""
    if titles is None:
        return [(f"Topic {i + 1:02d}", "Section", 11) for i in range(count)]
    return [(str(t), str(s), int(q)) for t, s, q in json.loads(titles.read_text(encoding="utf-8"))]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the bare app until q."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=22, help="generic rows (default 22)")
    parser.add_argument("--titles", type=Path, help="JSON list of [title, section, questions]")
    args = parser.parse_args(argv)
    BareApp(load_rows(args.titles, args.rows)).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
