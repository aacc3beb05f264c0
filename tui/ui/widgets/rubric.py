"""The rubric checklist: a question's key points, ticked with number keys or Space."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.grading.result import PointResult, Verdict
from tui.core.sanitize import sanitize
from tui.ui.widgets.rich_answer import MathStyles, inline_text

MAX_NUMBERED = 9
EVIDENCE_CHARS = 160
"""The longest evidence quoted under a point; longer quotes end in an ellipsis."""
EVIDENCE_MIN = 20


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
        self.grades: list[PointResult] = []

    def show_points(
        self,
        points: Sequence[str],
        ticked: set[int] | None = None,
        grades: Sequence[PointResult] = (),
    ) -> None:
        """Show a fresh checklist; with `grades`, each point also shows what the grader found."""
        self.points = list(points)
        self.ticked = set(ticked or ())
        self.grades = list(grades) if len(grades) == len(self.points) else []
        self._redraw(0)

    def _redraw(self, highlighted: int | None) -> None:
        """Rebuild the option labels, keeping the highlight."""
        self.clear_options()
        self.add_options([Option(self._label(i)) for i in range(len(self.points))])
        if self.points:
            self.highlighted = min(highlighted or 0, len(self.points) - 1)

    def _label(self, index: int) -> Text:
        """`[x] 2. point` with the point's inline math rendered."""
        partial = bool(self.grades) and self.grades[index].verdict is Verdict.PARTIAL
        mark = "[x]" if index in self.ticked else "[~]" if partial else "[ ]"
        label = Text(f"{mark} {index + 1}. ")
        label.append_text(inline_text(sanitize(self.points[index]), MathStyles(), self.ascii))
        if index in self.ticked:
            label.stylize("bold")
        if self.grades:
            label.append_text(_grader_note(self.grades[index], self.ascii, self._row_width()))
        return label

    def _row_width(self) -> int:
        """The cells one option row has (from the screen's width while the list is hidden)."""
        width = self.scrollable_content_region.width
        return width if width > 0 else self.app.size.width - 4

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


def _grader_note(grade: PointResult, ascii: bool, width: int) -> Text:
    """How sure the grader is; under a point it found, the part of the answer it matched,
    highlighted and cut to one row of `width` cells."""
    verdict = {Verdict.COVERED: "covered", Verdict.PARTIAL: "partial", Verdict.MISSING: "missing"}
    # The score is the confidence that the point is covered; a "missing" is as sure as 1 - it.
    sure = 1.0 - grade.score if grade.verdict is Verdict.MISSING else grade.score
    verdict_text = f"{verdict[grade.verdict]} {sure:.0%}"
    if not grade.evidence:
        dot = "-" if ascii else "·"
        return Text(f"  {dot} {verdict_text}", style="dim")
    note = Text("\n    ")
    note.append(f"{verdict_text}: ", style="dim")
    quote = " ".join(sanitize(grade.evidence).split())
    # 4 cells of indent, ": " and two quotes, and room for the scrollbar and padding.
    room = max(EVIDENCE_MIN, min(EVIDENCE_CHARS, width - len(verdict_text) - 14))
    if len(quote) > room:
        cut = "..." if ascii else "…"
        quote = quote[: room - len(cut)] + cut
    opening, closing = ('"', '"') if ascii else ("\u201c", "\u201d")
    note.append(f"{opening}{quote}{closing}", style="reverse")
    return note
