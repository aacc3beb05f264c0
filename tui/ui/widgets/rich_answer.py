"""A Rich renderable that lays out answer text with formulas at whatever width it is given."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.style import Style
from rich.text import Text

from tui.core.blocks import Block, BlockKind, Span, SpanKind, parse_blocks
from tui.core.formula import render_display, render_inline
from tui.core.sanitize import sanitize
from tui.ui.widgets.code_block import CodeBlock, CodeStyles


class MathStyles:
    """The styles used for prose decorations, formulas and fenced code blocks."""

    def __init__(
        self, math: Style | None = None, code: Style | None = None, fence: CodeStyles | None = None
    ) -> None:
        self.math = math or Style(bold=True)
        self.code = code or Style(reverse=True)
        self.bold = Style(bold=True)
        self.fence = fence or CodeStyles()


def spans_to_text(spans: Iterable[Span], styles: MathStyles, ascii: bool = False) -> Text:
    """Inline spans as one Rich Text, formulas in their compact one-line form."""
    text = Text()
    for span in spans:
        if span.kind is SpanKind.MATH:
            text.append(render_inline(sanitize(span.text), ascii=ascii), styles.math)
        elif span.kind is SpanKind.BOLD:
            text.append(sanitize(span.text), styles.bold)
        elif span.kind is SpanKind.CODE:
            text.append(sanitize(span.text), styles.code)
        else:
            text.append(sanitize(span.text))
    return text


def inline_text(source: str, styles: MathStyles, ascii: bool = False) -> Text:
    """A one-line field (question, key point) with its inline math rendered."""
    blocks = parse_blocks(source)
    spans = [span for block in blocks for span in block.spans]
    text = spans_to_text(spans, styles, ascii)
    for block in blocks:
        if block.kind is BlockKind.DISPLAY:
            text.append(" " + render_inline(sanitize(block.latex), ascii=ascii), styles.math)
    return text


class RichAnswer:
    """Paragraphs, bullets, display formulas and code blocks, re-laid out for the pane's width."""

    def __init__(self, source: str, styles: MathStyles, ascii: bool = False) -> None:
        self.blocks: list[Block] = parse_blocks(source)
        self.styles = styles
        self.ascii = ascii
        self.code_blocks = {
            index: CodeBlock(block.language, block.lines, styles.fence, ascii)
            for index, block in enumerate(self.blocks)
            if block.kind is BlockKind.FENCE
        }

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Render block by block, with a blank line between blocks."""
        width = max(1, options.max_width)
        previous: Block | None = None
        for index, block in enumerate(self.blocks):
            if previous is not None and not (previous.kind is block.kind is BlockKind.BULLET):
                yield Text()
            previous = block
            if block.kind is BlockKind.FENCE:
                yield self.code_blocks[index]
            elif block.kind is BlockKind.DISPLAY:
                yield from self._display(block.latex, width)
            elif block.kind is BlockKind.BULLET:
                yield from self._bullet(block, console, width)
            else:
                yield spans_to_text(block.spans, self.styles, self.ascii)

    def _display(self, latex: str, width: int) -> Iterable[Text]:
        """A display formula, centred in the pane."""
        lines = render_display(sanitize(latex), max(1, width - 2), ascii=self.ascii)
        widest = max((len(line) for line in lines), default=0)
        pad = " " * max(0, (width - widest) // 2)
        for line in lines:
            yield Text(pad + line, self.styles.math, no_wrap=True, overflow="crop")

    def _bullet(self, block: Block, console: Console, width: int) -> Iterable[Text]:
        """A bullet item with a hanging indent."""
        marker = "- " if self.ascii else "• "
        body = spans_to_text(block.spans, self.styles, self.ascii)
        for number, line in enumerate(body.wrap(console, max(1, width - 2))):
            yield Text(marker if number == 0 else "  ") + line
