"""The question detail pane: question first, answer and rubric once revealed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.containers import VerticalScroll
from textual.visual import visualize
from textual.widgets import Static

from tui.core.models import Question
from tui.core.sanitize import sanitize
from tui.ui.widgets.code_block import CodeStyles
from tui.ui.widgets.detail_layout import DetailStyles, answer_parts, question_head
from tui.ui.widgets.rich_answer import MathStyles

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
    typed_answer: str = ""
    """The answer the learner typed for this showing, if any (shown once revealed)."""
    evidence: tuple[str, ...] = ()
    """Parts of the typed answer the grader matched to key points, highlighted in it."""
    grader_line: str = ""
    """Which grader graded the typed answer, and any notice about it."""
    attempts: tuple[str, ...] = ()
    """"Your answers": one line per earlier typed attempt, newest first."""


class QuestionDetail(VerticalScroll):
    """Scrollable pane showing one question; its screen decides what is revealed."""

    ALLOW_MAXIMIZE = True

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "detail--math",
        "detail--heading",
        "detail--meta",
        "detail--hint",
        "detail--code",
        "detail--code-keyword",
        "detail--code-string",
        "detail--code-number",
        "detail--code-comment",
        "detail--code-name",
        "detail--code-builtin",
        "detail--code-clip",
    }
    DEFAULT_CSS = f"""
    QuestionDetail #detail-head {{ min-height: {HEAD_MIN_LINES}; margin-bottom: 1; }}
    QuestionDetail.-revealed #detail-head {{ min-height: 0; }}
    QuestionDetail .detail--math {{ text-style: bold; }}
    QuestionDetail .detail--heading {{ text-style: bold underline; }}
    QuestionDetail .detail--meta {{ text-style: dim; }}
    QuestionDetail .detail--hint {{ text-style: italic; }}
    QuestionDetail .detail--code {{ color: $foreground; }}
    QuestionDetail .detail--code-keyword {{ color: $accent; text-style: bold; }}
    QuestionDetail .detail--code-string {{ color: $success; }}
    QuestionDetail .detail--code-number {{ color: $warning; }}
    QuestionDetail .detail--code-comment {{ color: $text-muted; text-style: italic; }}
    QuestionDetail .detail--code-name {{ color: $primary; text-style: bold; }}
    QuestionDetail .detail--code-builtin {{ color: $secondary; }}
    QuestionDetail .detail--code-clip {{ color: $warning; text-style: bold reverse; }}
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

    def on_mount(self) -> None:
        """Follow theme changes: code colours are taken from the theme when a part is drawn."""
        self.app.theme_changed_signal.subscribe(self, self._restyle)

    def _restyle(self, _theme: object) -> None:
        """Redraw the question shown, in the new theme's colours, keeping the scroll place."""
        if self.view is not None:
            self._shown.clear()
            self._draw(self.view)

    def show(self, view: DetailView | None, empty_hint: str = "") -> None:
        """Show a question (or `empty_hint`, or the default hint) and scroll back to the top."""
        self._draw(view, empty_hint)
        self.scroll_home(animate=False)

    def _draw(self, view: DetailView | None, empty_hint: str = "") -> None:
        """Draw the parts of the question that changed since the last draw."""
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
            typed = (view.typed_answer, view.evidence, view.grader_line)
            body = (
                (question.id, view.show_key_points, view.note, view.footer, typed, view.attempts)
                if view.revealed
                else ("hidden", view.footer, view.attempts)
            )
            self._update("detail-body", body, lambda: self._render_body(view))

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

    def _styles(self) -> DetailStyles:
        """The layout's styles, taken from the app's theme through the component classes."""
        style = self.get_component_rich_style
        code = CodeStyles(
            keyword=style("detail--code-keyword"),
            string=style("detail--code-string"),
            number=style("detail--code-number"),
            comment=style("detail--code-comment"),
            name=style("detail--code-name"),
            builtin=style("detail--code-builtin"),
            text=style("detail--code"),
            clip=style("detail--code-clip"),
        )
        return DetailStyles(
            math=MathStyles(math=style("detail--math"), fence=code),
            heading=style("detail--heading"),
            meta=style("detail--meta"),
        )

    def _render_head(self, view: DetailView) -> RenderableType:
        """Topic, difficulty and status, then the question itself."""
        question = view.question
        mark = (" · * bookmarked" if self.ascii else " · ★ bookmarked") if view.bookmarked else ""
        status = f"{view.topic_title} · {question.difficulty.value} · {view.status}{mark}"
        return question_head(question, status, self._styles(), self.ascii)

    def _render_body(self, view: DetailView) -> RenderableType:
        """The hint, or the answer and its rubric once revealed."""
        styles = self._styles()
        parts: list[RenderableType] = []
        if not view.revealed:
            hint = self.get_component_rich_style("detail--hint")
            parts.append(Text("Answer hidden. Press Space to reveal it.", style=hint))
        else:
            parts += answer_parts(view.question, styles, self.ascii, view.show_key_points)
            if view.typed_answer:
                parts += [Text(), Text("Your answer", style=styles.heading)]
                if view.grader_line:
                    parts.append(Text(view.grader_line, style=styles.meta))
                parts.append(highlighted_answer(view.typed_answer, view.evidence))
            if view.note:
                parts += [
                    Text(),
                    Text("Your note", style=styles.heading),
                    Text(sanitize(view.note)),
                ]
        if view.attempts:
            parts += [Text(), Text("Your answers", style=styles.heading)]
            parts += [Text(line) for line in view.attempts]
        if view.footer:
            parts += [Text(), Text(view.footer, style=styles.meta)]
        return Group(*parts)


def highlighted_answer(answer: str, evidence: tuple[str, ...]) -> Text:
    """The typed answer, made inert, with each piece of evidence in reverse video."""
    text = Text(sanitize(answer))
    for quote in evidence:
        needle = sanitize(quote)
        start = text.plain.find(needle) if needle else -1
        if start >= 0:
            text.stylize("reverse", start, start + len(needle))
    return text
