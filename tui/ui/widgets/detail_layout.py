"""How a question and its answer are laid out, as Rich renderables shared by the pane and `show`."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from tui.core.models import Question
from tui.core.sanitize import sanitize
from tui.ui.widgets.rich_answer import MathStyles, RichAnswer, inline_text


class DetailStyles:
    """Styles of the question layout: formulas and code, headings, and the dim meta line."""

    def __init__(
        self,
        math: MathStyles | None = None,
        heading: Style | None = None,
        meta: Style | None = None,
    ) -> None:
        self.math = math or MathStyles()
        self.heading = heading or Style(bold=True, underline=True)
        self.meta = meta or Style(dim=True)


def question_head(
    question: Question, status: str, styles: DetailStyles, ascii: bool = False
) -> RenderableType:
    """The meta line (topic, difficulty, status), then the question in bold."""
    title = inline_text(question.question, styles.math, ascii)
    title.stylize("bold")
    return Group(Text(sanitize(status), style=styles.meta), title)


def answer_parts(
    question: Question, styles: DetailStyles, ascii: bool = False, key_points: bool = True
) -> list[RenderableType]:
    """The answer, then key points, follow-ups, pitfalls and references as titled lists."""
    parts: list[RenderableType] = [
        Text("Answer", style=styles.heading),
        RichAnswer(question.answer, styles.math, ascii),
    ]
    if key_points:
        parts += titled_list("Key points", question.key_points, styles, ascii)
    parts += titled_list("Follow-up questions", question.follow_ups, styles, ascii)
    parts += titled_list("Pitfalls", question.pitfalls, styles, ascii)
    parts += titled_list("References", question.references, styles, ascii)
    return parts


def titled_list(
    title: str, items: Sequence[str], styles: DetailStyles, ascii: bool = False
) -> list[RenderableType]:
    """A titled bullet list with hanging indents, or nothing when the list is empty."""
    if not items:
        return []
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    marker = "-" if ascii else "•"
    for item in items:
        grid.add_row(marker, inline_text(item, styles.math, ascii))
    return [Text(), Text(title, style=styles.heading), grid]
