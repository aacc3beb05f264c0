"""The rubric checklist: a question's key points, ticked with number keys or Space."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.sanitize import sanitize
from tui.ui.widgets.rich_answer import MathStyles, inline_text

MAX_NUMBERED = 9


class RubricChecklist(OptionList):
    """Key points with [x]/[ ] markers; Enter posts Done with the ticked indexes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "Tick", id="rubric-tick"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "select", "Done ticking: suggest a rating", show=False, id="rubric-done"),
        *[
            Binding(
                str(n),
                f"tick_number({n})",
                "Tick or untick the point with that number",
                show=False,
                id="rubric-number",
            )
            for n in range(1, MAX_NUMBERED + 1)
        ],
    ]

    class Changed(Message):
        """The set of ticked key points changed."""

        def __init__(self, ticked: frozenset[int]) -> None:
            super().__init__()
            self.ticked = ticked
            """Indexes (from 0) of the ticked key points."""

    class Done(Message):
        """The learner finished ticking (Enter)."""

        def __init__(self, ticked: frozenset[int]) -> None:
            super().__init__()
            self.ticked = ticked
            """Indexes (from 0) of the ticked key points."""

    def __init__(self, *, ascii: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ascii = ascii
        self.points: list[str] = []
        self.ticked: set[int] = set()

    def show_points(self, points: Sequence[str], ticked: set[int] | None = None) -> None:
        """Show a fresh checklist."""
        self.points = list(points)
        self.ticked = set(ticked or ())
        self._redraw(0)

    def _redraw(self, highlighted: int | None) -> None:
        """Rebuild the option labels, keeping the highlight."""
        self.clear_options()
        self.add_options([Option(self._label(i)) for i in range(len(self.points))])
        if self.points:
            self.highlighted = min(highlighted or 0, len(self.points) - 1)

    def _label(self, index: int) -> Text:
        """`[x] 2. point` with the point's inline math rendered."""
        mark = "[x]" if index in self.ticked else "[ ]"
        label = Text(f"{mark} {index + 1}. ")
        label.append_text(inline_text(sanitize(self.points[index]), MathStyles(), self.ascii))
        if index in self.ticked:
            label.stylize("bold")
        return label

    def action_tick(self) -> None:
        """Tick or untick the highlighted point."""
        if self.highlighted is not None:
            self._toggle(self.highlighted)

    def action_tick_number(self, number: int) -> None:
        """Tick or untick point `number` (from 1)."""
        if 1 <= number <= len(self.points):
            self._toggle(number - 1)

    def _toggle(self, index: int) -> None:
        """Flip one point and tell the screen."""
        self.ticked ^= {index}
        self._redraw(index)
        self.post_message(self.Changed(frozenset(self.ticked)))

    def action_select(self) -> None:
        """Enter: ticking is done."""
        self.post_message(self.Done(frozenset(self.ticked)))
