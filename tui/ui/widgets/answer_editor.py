"""The answer box's editor: a soft-wrapping TextArea that repaints only the rows a key changed.

Textual's TextArea repaints its whole area on every cursor move (its `selection` is a repainting
reactive), which over SSH is a few kilobytes for each letter typed. Here a key repaints the rows
whose wrapped text changed and the rows the cursor left and entered; the virtual height does not
change (and so needs no layout pass) until the text outgrows the box.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive, reactive
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult, Location, Selection


class AnswerEditor(TextArea):
    """A TextArea for typing answers, light on the wire."""

    selection: Reactive[Selection] = reactive(
        Selection(), init=False, always_update=True, repaint=False
    )
    """As in TextArea, without repainting everything: `_watch_selection` repaints the rows."""

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(text, id=id, soft_wrap=True, tab_behavior="focus")
        self.cursor_blink = False  # a steady cursor writes nothing while the learner thinks

    def edit(self, edit: Edit) -> EditResult:
        """Apply an edit, then repaint only the wrapped rows whose text changed."""
        before = self._rows()
        result = super().edit(edit)
        after = self._rows()
        changed = [
            row
            for row in range(max(len(before), len(after)))
            if row >= len(before) or row >= len(after) or before[row] != after[row]
        ]
        if changed:
            self.refresh_lines(changed[0], changed[-1] - changed[0] + 1)
        return result

    def _watch_selection(self, previous_selection: Selection, selection: Selection) -> None:
        """Keep TextArea's behaviour, and repaint the rows the cursor or selection touched."""
        super()._watch_selection(previous_selection, selection)
        if not self.is_mounted:
            return
        rows = [self._row_of(location) for location in (*previous_selection, *selection)]
        found = [row for row in rows if row is not None]
        if found:
            self.refresh_lines(min(found), max(found) - min(found) + 1)

    def _refresh_size(self) -> None:
        """The virtual height is at least the box's, so it only changes once text overflows."""
        height = max(self.wrapped_document.height, self.scrollable_content_region.height)
        self.virtual_size = Size(0, height)
        self._refresh_scrollbars()

    def _rows(self) -> list[str]:
        """Every wrapped row of the text, top to bottom."""
        return [row for line in self.wrapped_document.lines for row in line]

    def _row_of(self, location: Location) -> int | None:
        """The wrapped row of a document location, or None if it is no longer in the text."""
        try:
            return int(self.wrapped_document.location_to_offset(location).y)
        except (IndexError, ValueError):
            return None
