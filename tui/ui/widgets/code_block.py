"""A Rich renderable for a fenced code block: highlighted, never wrapped, clipped with a marker.

Pygments (through `rich.syntax`) is imported when the first highlighted block is rendered, so
start-up and answers without code never pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, RenderResult
from rich.style import Style
from rich.text import Text

from tui.core.asciiart import ascii_diagram
from tui.core.sanitize import sanitize

if TYPE_CHECKING:
    from rich.syntax import SyntaxTheme

PLAIN_LANGUAGES = frozenset({"text", ""})
"""Fence languages shown verbatim, with no highlighting (diagrams, pseudo-config)."""
TAB_SIZE = 4
INDENT = 2
"""Columns between the pane's left edge and the code."""


class CodeStyles:
    """The styles of the kinds of token the highlighter tells apart, and of the clip marker.

    The defaults use the 16 ANSI colours plus bold/italic, so code stays readable without
    colour; the question pane passes styles taken from the app's theme instead. (A plain class:
    a dataclass would cost start-up a millisecond or two to generate.)
    """

    def __init__(
        self,
        *,
        keyword: Style | None = None,
        string: Style | None = None,
        number: Style | None = None,
        comment: Style | None = None,
        name: Style | None = None,
        builtin: Style | None = None,
        text: Style | None = None,
        clip: Style | None = None,
    ) -> None:
        self.keyword = keyword or Style(color="magenta", bold=True)
        self.string = string or Style(color="green")
        self.number = number or Style(color="yellow")
        self.comment = comment or Style(dim=True, italic=True)
        self.name = name or Style(color="blue", bold=True)
        self.builtin = builtin or Style(color="cyan")
        self.text = text or Style()
        self.clip = clip or Style(bold=True, reverse=True)


def syntax_theme(styles: CodeStyles) -> SyntaxTheme:
    """A Rich syntax theme mapping Pygments token types to these styles."""
    from pygments.token import Comment, Keyword, Name, Number, Operator, String
    from rich.syntax import ANSISyntaxTheme

    return ANSISyntaxTheme(
        {
            Keyword: styles.keyword,
            Operator.Word: styles.keyword,
            Name.Builtin: styles.builtin,
            Name.Function: styles.name,
            Name.Class: styles.name,
            Name.Decorator: styles.name,
            Name.Tag: styles.name,
            String: styles.string,
            Number: styles.number,
            Comment: styles.comment,
        }
    )


class CodeBlock:
    """A fenced block's lines, indented, highlighted unless plain, each clipped to the width."""

    def __init__(
        self,
        language: str,
        lines: tuple[str, ...],
        styles: CodeStyles | None = None,
        ascii: bool = False,
    ) -> None:
        self.language = language
        self.styles = styles or CodeStyles()
        self.ascii = ascii
        cleaned = (sanitize(line).expandtabs(TAB_SIZE) for line in lines)
        self.lines = [ascii_diagram(line) if ascii else line for line in cleaned]
        self._highlighted: list[Text] | None = None

    @property
    def clip_marker(self) -> str:
        """What replaces the last visible cell of a line too wide for the pane."""
        return ">" if self.ascii else "…"

    def highlighted(self) -> list[Text]:
        """One Text per line; computed once, since the pane re-renders on every resize."""
        if self._highlighted is None:
            self._highlighted = self._highlight()
        return self._highlighted

    def _highlight(self) -> list[Text]:
        """Highlight the whole block at once, so multi-line strings are coloured right."""
        if self.language in PLAIN_LANGUAGES:
            return [Text(line, self.styles.text) for line in self.lines]
        from rich.syntax import Syntax

        code = "\n".join(self.lines)
        syntax = Syntax(code, self.language, theme=syntax_theme(self.styles), tab_size=TAB_SIZE)
        lines = syntax.highlight(code).split("\n", allow_blank=True)[: len(self.lines)]
        if [line.plain for line in lines] != self.lines:  # a lexer that rewrote the text
            return [Text(line, self.styles.text) for line in self.lines]
        for line in lines:
            line.stylize_before(self.styles.text)
        return lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The lines, indented; a line wider than the pane ends in the clip marker."""
        room = max(1, options.max_width - INDENT)
        for line in self.highlighted():
            shown = line.copy()
            if shown.cell_len > room:
                shown.truncate(room - 1)
                shown.append(self.clip_marker, self.styles.clip)
            row = Text(" " * INDENT, no_wrap=True, overflow="crop")
            row.append_text(shown)
            yield row
