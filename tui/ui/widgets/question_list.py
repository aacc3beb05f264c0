"""The question list of the selected topic, with each question's status as a text marker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.models import Question
from tui.core.sanitize import sanitize

MARKERS = {"new": ("○", "o"), "due": ("●", "*"), "later": ("✓", "+")}
LEVELS = {"junior": "J", "mid": "M", "senior": "S"}


@dataclass(frozen=True)
class QuestionRow:
    """One line of the list: the question and whether it is new, due or learned."""

    question: Question
    state: str  # "new", "due" or "later"
    bookmarked: bool = False


class QuestionList(OptionList):
    """Questions of one topic; highlighting one shows it in the detail pane."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, *, ascii: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ascii = ascii
        self.on_highlight: Callable[[str], None] | None = None
        """Called with the question id in the same turn as the highlight moves (see TopicTable)."""
        self._rebuilding = False

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Move the highlight, then tell the screen which question it is on."""
        super().watch_highlighted(highlighted)
        question = self.highlighted_id
        if not self._rebuilding and question is not None and self.on_highlight is not None:
            self.on_highlight(question)

    def show_rows(self, rows: list[QuestionRow], keep: str | None = None) -> None:
        """Replace the list, keeping the highlight on `keep` when it is still there."""
        self._rebuilding = True
        try:
            self.clear_options()
            self.add_options([Option(self._label(row), id=row.question.id) for row in rows])
            ids = [row.question.id for row in rows]
            if rows:
                self.highlighted = ids.index(keep) if keep in ids else 0
        finally:
            self._rebuilding = False

    def _label(self, row: QuestionRow) -> Text:
        """Marker, difficulty letter and question text."""
        marker = MARKERS[row.state][1 if self.ascii else 0]
        level = LEVELS[row.question.difficulty.value]
        star = ("*" if self.ascii else "★") if row.bookmarked else " "
        label = Text(f"{marker}{star}{level} ")
        label.append(sanitize(row.question.question))
        return label

    @property
    def highlighted_id(self) -> str | None:
        """The id of the question under the cursor."""
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id
