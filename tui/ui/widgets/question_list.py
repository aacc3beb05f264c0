"""The question list of the selected topic: one line per question, its state as a text marker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets.data_table import ColumnKey

from tui.core.models import Question
from tui.ui.widgets.quiet_table import QuietTable
from tui.ui.widgets.rich_answer import one_line

MARKERS = {"new": ("○", "o"), "due": ("●", "*"), "later": ("✓", "+")}
LEVELS = {"junior": "J", "mid": "M", "senior": "S"}
COLUMN = "question"


@dataclass(frozen=True)
class QuestionRow:
    """One line of the list: the question and whether it is new, due or learned."""

    question: Question
    state: str  # "new", "due" or "later"
    bookmarked: bool = False
    flagged: bool = False


class QuestionList(QuietTable[Text]):
    """Questions of one topic, one line each; the full text is in the detail pane.

    A DataTable rather than an OptionList: moving the cursor repaints two lines, not the pane,
    which keeps each keypress to a few hundred bytes over SSH.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "select_cursor", "Open the question", show=False, id="open-question"),
    ]

    def __init__(self, *, ascii: bool = False, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", show_header=False, zebra_stripes=False)
        self.ascii = ascii
        self.on_highlight: Callable[[str], None] | None = None
        """Called with the question id in the same turn as the cursor moves (see TopicTable)."""
        self._rebuilding = False
        self._ids: list[str] = []

    def on_resize(self) -> None:
        """Keep the column as wide as the pane."""
        column = self.columns.get(ColumnKey(COLUMN))
        if column is not None:
            column.width = self._column_width()
            self._require_update_dimensions = True
            self.refresh()

    def _column_width(self) -> int:
        """The pane's width less cell padding and the scrollbar."""
        scrollbar = self.styles.scrollbar_size_vertical
        return max(10, self.size.width - 2 * self.cell_padding - scrollbar)

    def show_rows(self, rows: list[QuestionRow], keep: str | None = None) -> None:
        """Replace the list, keeping the cursor on `keep` when it is still there.

        Rows are keyed by position, so a list of the same length is rewritten in place: no
        layout pass, and only the rows that changed are sent to the terminal.
        """
        self._rebuilding = True
        try:
            if not self.columns:
                self.add_column("Question", key=COLUMN, width=self._column_width())
            if len(rows) == self.row_count:
                self.update_rows([(self._label(row),) for row in rows])
            else:
                self.clear()
                for index, row in enumerate(rows):
                    self.add_row(self._label(row), key=str(index))
            self._ids = [row.question.id for row in rows]
            if rows:
                row_index = self._ids.index(keep) if keep in self._ids else 0
                self.move_cursor(row=row_index, animate=False)
        finally:
            self._rebuilding = False

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        """Move the cursor, then tell the screen which question it is on."""
        super().watch_cursor_coordinate(old, new)
        question = self.highlighted_id
        if not self._rebuilding and question is not None and self.on_highlight is not None:
            self.on_highlight(question)

    def _label(self, row: QuestionRow) -> Text:
        """Marker, bookmark, difficulty letter, flag and question text, cut with an ellipsis."""
        marker = MARKERS[row.state][1 if self.ascii else 0]
        star = ("*" if self.ascii else "★") if row.bookmarked else " "
        level = LEVELS[row.question.difficulty.value]
        flag = ("!" if self.ascii else "⚑") if row.flagged else " "
        label = Text(f"{marker}{star}{level}{flag}", no_wrap=True, overflow="ellipsis")
        label.append_text(one_line(row.question.question, self.ascii))
        return label

    @property
    def highlighted_id(self) -> str | None:
        """The id of the question under the cursor."""
        row = self.cursor_coordinate.row
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def id_after(self, question_id: str | None) -> str | None:
        """The id of the question listed after `question_id`, if any."""
        if question_id not in self._ids:
            return None
        index = self._ids.index(question_id) + 1
        return self._ids[index] if index < len(self._ids) else None
