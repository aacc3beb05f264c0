"""The question detail pane: question first, answer and rubric once revealed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.visual import visualize
from textual.widgets import Static

from tui.core.models import Question
from tui.core.sanitize import sanitize
from tui.ui.widgets.rich_answer import MathStyles, RichAnswer, inline_text

HEAD_MIN_LINES = 4
"""The header's least height while the answer is hidden: status and up to three lines of
question. Headers that fit keep one height from question to question, so moving on needs no
layout pass (which would repaint the pane twice)."""


@dataclass(frozen=True)
class DetailView:
    """Everything the detail pane shows about one question."""

    question: Question
    topic_title: str
    status: str
    revealed: bool
    footer: str = ""
    note: str = ""
    bookmarked: bool = False
    show_key_points: bool = True


class QuestionDetail(VerticalScroll):
    """Scrollable pane showing one question; its screen decides what is revealed."""

    ALLOW_MAXIMIZE = True

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "detail--math",
        "detail--heading",
        "detail--meta",
        "detail--hint",
    }
    DEFAULT_CSS = f"""
    QuestionDetail #detail-head {{ min-height: {HEAD_MIN_LINES}; margin-bottom: 1; }}
    QuestionDetail.-revealed #detail-head {{ min-height: 0; }}
    QuestionDetail .detail--math {{ text-style: bold; }}
    QuestionDetail .detail--heading {{ text-style: bold underline; }}
    QuestionDetail .detail--meta {{ text-style: dim; }}
    QuestionDetail .detail--hint {{ text-style: italic; }}
    """

    def __init__(self, *, ascii: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ascii = ascii
        self.view: DetailView | None = None
        self._shown: dict[str, object] = {}

    def compose(self):  # type: ignore[no-untyped-def]
        """The question's header, then its body (answer or hint).

        Two parts so that moving between hidden answers repaints only the header: over SSH
        that is a few hundred bytes instead of the whole pane.
        """
        yield Static(self._empty(), id="detail-head")
        yield Static(id="detail-body")

    def show(self, view: DetailView | None, empty_hint: str = "") -> None:
        """Show a question (or `empty_hint`, or the default hint) and scroll back to the top."""
        self.view = view
        self.query_one("#detail-head").display = True
        self.set_class(view is not None and view.revealed, "-revealed")
        if view is None:
            self._update("detail-head", ("empty", empty_hint), lambda: self._empty(empty_hint))
            self._update("detail-body", ("empty",), Text)
        else:
            question = view.question
            head = (question.id, question.question, view.topic_title, view.status, view.bookmarked)
            self._update("detail-head", head, lambda: self._render_head(view))
            body = (
                (question.id, view.show_key_points, view.note, view.footer)
                if view.revealed
                else ("hidden", view.footer)
            )
            self._update("detail-body", body, lambda: self._render_body(view))
        self.scroll_home(animate=False)

    def show_renderable(self, renderable: RenderableType) -> None:
        """Show something other than a question, such as a session summary."""
        self.view = None
        self.query_one("#detail-head").display = False
        self._update("detail-body", (id(renderable),), lambda: renderable)
        self.scroll_home(animate=False)

    def _update(self, part: str, signature: object, render: Callable[[], RenderableType]) -> None:
        """Redraw one part, only if what it shows has changed; skip the layout pass (which
        repaints the whole screen) when the part keeps its height."""
        if self._shown.get(part) == signature:
            return
        self._shown[part] = signature
        widget = self.query_one(f"#{part}", Static)
        content = render()
        if part != "detail-head":
            widget.update(content)
            return
        width = widget.content_region.width
        if width > 0:  # measured the way Textual's own layout measures a Static
            old = widget.get_content_height(widget.size, self.app.size, width)
            new = visualize(widget, content, markup=False).get_height(widget.styles, width)  # type: ignore[arg-type]
            floor = 0 if self.has_class("-revealed") else HEAD_MIN_LINES
            widget.update(content, layout=max(old, floor) != max(new, floor))
        else:
            widget.update(content)

    def _empty(self, hint: str = "") -> RenderableType:
        """What the pane says when it has no question: `hint`, or how to choose one."""
        return Text(hint or "Choose a topic, then a question.", style="italic")

    def _render_head(self, view: DetailView) -> RenderableType:
        """Topic, difficulty and status, then the question itself."""
        styles = MathStyles(math=self.get_component_rich_style("detail--math"))
        meta = self.get_component_rich_style("detail--meta")
        question = view.question
        title = inline_text(question.question, styles, self.ascii)
        title.stylize("bold")
        mark = (" · * bookmarked" if self.ascii else " · ★ bookmarked") if view.bookmarked else ""
        status = f"{sanitize(view.topic_title)} · {question.difficulty.value} · {view.status}{mark}"
        return Group(Text(status, style=meta), title)

    def _render_body(self, view: DetailView) -> RenderableType:
        """The hint, or the answer and its rubric once revealed."""
        styles = MathStyles(math=self.get_component_rich_style("detail--math"))
        heading = self.get_component_rich_style("detail--heading")
        meta = self.get_component_rich_style("detail--meta")
        question = view.question
        parts: list[RenderableType] = []
        if not view.revealed:
            hint = self.get_component_rich_style("detail--hint")
            parts.append(Text("Answer hidden. Press Space to reveal it.", style=hint))
        else:
            parts += [
                Text("Answer", style=heading),
                RichAnswer(question.answer, styles, self.ascii),
            ]
            if view.show_key_points:
                parts += self._list("Key points", question.key_points, heading, styles)
            parts += self._list("Follow-up questions", question.follow_ups, heading, styles)
            parts += self._list("Pitfalls", question.pitfalls, heading, styles)
            parts += self._list("References", question.references, heading, styles)
            if view.note:
                parts += [Text(), Text("Your note", style=heading), Text(sanitize(view.note))]
        if view.footer:
            parts += [Text(), Text(view.footer, style=meta)]
        return Group(*parts)

    def _list(
        self, title: str, items: Sequence[str], heading: Style, styles: MathStyles
    ) -> list[RenderableType]:
        """A titled bullet list with hanging indents, or nothing when the list is empty."""
        if not items:
            return []
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        marker = "-" if self.ascii else "•"
        for item in items:
            grid.add_row(marker, inline_text(item, styles, self.ascii))
        return [Text(), Text(title, style=heading), grid]
