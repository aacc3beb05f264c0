"""Text boxes: rectangles of one-cell characters with a baseline, and ways to combine them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from tui.core.formula.scriptchars import SCRIPT_CHARS

# Edge kinds: what a box shows at the start/end of its baseline row, for word spacing.
NONE: Final = 0
ALNUM: Final = 1
WORD: Final = 2


def text_edges(text: str) -> tuple[int, int]:
    """Edge kinds of a one-line text: alphanumeric, or part of a multi-letter word."""
    return _edge(text), _edge(text[::-1])


def _edge(text: str) -> int:
    """Edge kind at the start of a text."""
    if not text or not text[0].isalnum():
        return NONE
    run = 0
    letters = False
    for char in text:
        if not char.isalnum() or char in SCRIPT_CHARS:
            break
        run += 1
        letters = letters or char.isalpha()
    return WORD if run >= 2 and letters else ALNUM


def word_gap(right: int, left: int) -> bool:
    """Whether two juxtaposed edges would run together into a misleading word."""
    return right != NONE and left != NONE and max(right, left) == WORD


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle of text lines (all the same width) with a baseline row."""

    lines: tuple[str, ...]
    baseline: int
    left: int = NONE
    right: int = NONE

    @property
    def width(self) -> int:
        """Width in cells."""
        return len(self.lines[0]) if self.lines else 0

    @property
    def height(self) -> int:
        """Number of rows."""
        return len(self.lines)

    @property
    def ascent(self) -> int:
        """Rows above the baseline."""
        return self.baseline

    @property
    def descent(self) -> int:
        """Rows below the baseline."""
        return len(self.lines) - self.baseline - 1

    def with_edges(self, left: int, right: int) -> Box:
        """The same box with other edge kinds."""
        return Box(self.lines, self.baseline, left, right)


def text_box(text: str, edges: tuple[int, int] | None = None) -> Box:
    """A one-line box."""
    left, right = edges if edges is not None else text_edges(text)
    return Box((text,), 0, left, right)


def blank(width: int, ascent: int = 0, descent: int = 0) -> Box:
    """An empty box of a given size."""
    return Box(tuple(" " * width for _ in range(ascent + descent + 1)), ascent)


def hcat(boxes: Sequence[Box], gaps: Sequence[int] | None = None) -> Box:
    """Place boxes side by side on a common baseline; gaps[i] spaces go before boxes[i]."""
    if not boxes:
        return text_box("")
    ascent = max(box.ascent for box in boxes)
    descent = max(box.descent for box in boxes)
    rows: list[list[str]] = [[] for _ in range(ascent + descent + 1)]
    for index, box in enumerate(boxes):
        gap = gaps[index] if gaps is not None and index > 0 else 0
        top = ascent - box.ascent
        for row in range(len(rows)):
            inner = row - top
            cell = box.lines[inner] if 0 <= inner < box.height else " " * box.width
            rows[row].append(" " * gap + cell)
    return Box(tuple("".join(row) for row in rows), ascent, boxes[0].left, boxes[-1].right)


def pad(box: Box, width: int, align: str = "c") -> Box:
    """Pad a box to a width: 'l' left-aligned, 'r' right-aligned, 'c' centred."""
    extra = width - box.width
    if extra <= 0:
        return box
    before = 0 if align == "l" else extra if align == "r" else extra // 2
    after = extra - before
    lines = tuple(" " * before + line + " " * after for line in box.lines)
    return Box(lines, box.baseline, box.left, box.right)


def vstack(boxes: Sequence[Box], baseline_box: int, align: str = "c") -> Box:
    """Stack boxes vertically, aligned; the baseline is that of boxes[baseline_box]."""
    width = max(box.width for box in boxes)
    lines: list[str] = []
    baseline = 0
    for index, box in enumerate(boxes):
        if index == baseline_box:
            baseline = len(lines) + box.baseline
        lines.extend(pad(box, width, align).lines)
    main = boxes[baseline_box]
    return Box(tuple(lines), baseline, main.left, main.right)


def compose(placed: Sequence[tuple[Box, int, int]], baseline: int) -> Box:
    """Paint boxes at (row, column) positions (may be negative); `baseline` is a row position."""
    top = min(row for _, row, _ in placed)
    bottom = max(row + box.height for box, row, _ in placed)
    left = min(col for _, _, col in placed)
    right = max(col + box.width for box, _, col in placed)
    grid = [[" "] * (right - left) for _ in range(bottom - top)]
    for box, row, col in placed:
        for r, line in enumerate(box.lines):
            target = grid[row - top + r]
            for c, char in enumerate(line):
                if char != " ":
                    target[col - left + c] = char
    return Box(tuple("".join(row) for row in grid), baseline - top)


def strip_lines(lines: Sequence[str]) -> list[str]:
    """Strip trailing spaces, a common left margin, and blank lines at the top and bottom."""
    out = [line.rstrip() for line in lines]
    while out and not out[0]:
        out.pop(0)
    while out and not out[-1]:
        out.pop()
    margins = [len(line) - len(line.lstrip(" ")) for line in out if line]
    margin = min(margins) if margins else 0
    return [line[margin:] for line in out]
