"""Parse an answer's light Markdown (paragraphs, bullets, bold, code, math, fences) into blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from tui.core.fences import Fence, split_fences
from tui.core.mathtext import SegmentKind, split_math

_BULLET = re.compile(r"^\s*(?:[-*]|\d+[.)])\s+")
_INLINE_MARKUP = re.compile(r"(\*\*[^*\n]+\*\*|`[^`\n]+`)")


class SpanKind(StrEnum):
    """How a run of inline text is shown."""

    TEXT = "text"
    BOLD = "bold"
    CODE = "code"
    MATH = "math"


@dataclass(frozen=True)
class Span:
    """A run of inline text; for MATH, the LaTeX source."""

    kind: SpanKind
    text: str


class BlockKind(StrEnum):
    """What a block of the answer is."""

    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    DISPLAY = "display"
    FENCE = "fence"


@dataclass
class Block:
    """A paragraph, a bullet item (spans), a display formula (LaTeX in `latex`) or a fenced
    block (`language` and its verbatim `lines`)."""

    kind: BlockKind
    spans: list[Span] = field(default_factory=list)
    latex: str = ""
    language: str = ""
    lines: tuple[str, ...] = ()


def parse_blocks(text: str) -> list[Block]:
    """Split answer text into paragraphs, bullet items, display formulas and fenced blocks."""
    if "```" not in text:
        return _prose_blocks(text)
    blocks: list[Block] = []
    for part in split_fences(text):
        if isinstance(part, Fence):
            blocks.append(Block(BlockKind.FENCE, language=part.language, lines=part.lines))
        else:
            blocks += _prose_blocks(part.text)
    return blocks


def _prose_blocks(text: str) -> list[Block]:
    """Split text without fences into paragraphs, bullet items and display formulas."""
    blocks: list[Block] = []
    current: Block | None = None

    def flush() -> None:
        nonlocal current
        if current is not None and any(span.text.strip() for span in current.spans):
            blocks.append(current)
        current = None

    for segment in split_math(text):
        if segment.kind is SegmentKind.DISPLAY:
            flush()
            blocks.append(Block(BlockKind.DISPLAY, latex=segment.source))
            continue
        if segment.kind is SegmentKind.INLINE:
            current = current or Block(BlockKind.PARAGRAPH)
            current.spans.append(Span(SpanKind.MATH, segment.source))
            continue
        lines = segment.source.split("\n")
        for index, line in enumerate(lines):
            last = index == len(lines) - 1
            if index > 0 and not line.strip():
                if not last:
                    flush()  # a blank line ends the paragraph
                elif current is not None:
                    current.spans.append(Span(SpanKind.TEXT, " "))  # line break before math
                continue
            bullet = _BULLET.match(line) if index > 0 or current is None else None
            if bullet:
                flush()
                current = Block(BlockKind.BULLET)
                line = line[bullet.end() :]
            elif index > 0 and current is not None:
                line = " " + line.lstrip()
            if not last:
                line = line.rstrip()
            if not line:
                continue
            current = current or Block(BlockKind.PARAGRAPH)
            current.spans.extend(inline_spans(line))
    flush()
    return blocks


def inline_spans(text: str) -> list[Span]:
    """Split a line into plain, **bold** and `code` spans."""
    spans = []
    for part in _INLINE_MARKUP.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            spans.append(Span(SpanKind.BOLD, part[2:-2]))
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            spans.append(Span(SpanKind.CODE, part[1:-1]))
        else:
            spans.append(Span(SpanKind.TEXT, part))
    return spans
