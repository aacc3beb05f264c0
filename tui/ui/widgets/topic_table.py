"""The topic table: topic, section, questions, due now and mastery, one row per topic."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets.data_table import ColumnKey

from tui.core.mastery import TopicMastery
from tui.core.sanitize import sanitize
from tui.ui.widgets.quiet_table import QuietTable

COLUMNS = (
    ("Topic", "topic"),
    ("Section", "section"),
    ("Qs", "questions"),
    ("Due", "due"),
    ("Mastery", "mastery"),
)
FIXED_WIDTHS = {"section": 12, "questions": 3, "due": 3, "mastery": 9}
MIN_TOPIC_WIDTH = 12


def mastery_cell(mastery: float, ascii: bool = False, width: int = 4) -> str:
    """A percentage with a small bar, readable without colour."""
    full = round(mastery * width)
    bar = ("#" * full + "." * (width - full)) if ascii else ("█" * full + "░" * (width - full))
    return f"{mastery:>4.0%} {bar}"


class TopicTable(QuietTable[Text | str]):
    """Topics with their progress; highlighting a row selects the topic."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding(
            "enter", "select_cursor", "Open the topic's questions", show=False, id="open-topic"
        ),
    ]

    def __init__(self, *, ascii: bool = False, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.ascii = ascii
        self.on_highlight: Callable[[str], None] | None = None
        """Called with the topic id in the same turn as the cursor moves.

        A RowHighlighted message would reach the screen a frame later (about 16-33 ms);
        calling back at once lets the detail pane repaint in the same frame.
        """

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        """Move the cursor, then tell the screen which topic is highlighted."""
        super().watch_cursor_coordinate(old, new)
        topic = self.highlighted_topic
        if old != new and topic is not None and self.on_highlight is not None:
            self.on_highlight(topic)

    def on_mount(self) -> None:
        """Create the columns once."""
        for label, key in COLUMNS:
            self.add_column(label, key=key, width=FIXED_WIDTHS.get(key, MIN_TOPIC_WIDTH))

    def on_resize(self) -> None:
        """Give the topic column whatever width the fixed columns leave."""
        padding = 2 * self.cell_padding * len(COLUMNS)
        scrollbar = self.styles.scrollbar_size_vertical
        spare = self.size.width - scrollbar - sum(FIXED_WIDTHS.values()) - padding
        column = self.columns.get(ColumnKey("topic"))
        if column is not None:
            column.width = max(MIN_TOPIC_WIDTH, spare)
            self._require_update_dimensions = True
            self.refresh()

    def show_rows(self, rows: list[TopicMastery]) -> None:
        """Show the rows, updating cells in place so the cursor stays put."""
        keys = [row.topic_id for row in rows]
        if [key.value for key in self.rows] != keys:
            self.clear()
            for row in rows:
                self.add_row(*self._cells(row), key=row.topic_id)
            return
        self.update_rows([self._cells(row) for row in rows])

    def _cells(self, row: TopicMastery) -> tuple[Text | str, ...]:
        """The five cells of one topic; content text as Text so it is never read as markup."""
        return (
            Text(sanitize(row.title)),
            Text(sanitize(row.section)),
            str(row.questions),
            str(row.due) if row.due else "-",
            mastery_cell(row.mastery, self.ascii),
        )

    @property
    def highlighted_topic(self) -> str | None:
        """The id of the topic under the cursor."""
        if not self.row_count:
            return None
        key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return key.value
