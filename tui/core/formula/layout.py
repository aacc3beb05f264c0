"""Two-dimensional layout: fractions stacked, scripts raised, delimiters grown, like TeX."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.formula.accents import BRACES, UNDER, mark_line, precomposed
from tui.core.formula.boxes import (
    ALNUM,
    NONE,
    Box,
    blank,
    compose,
    hcat,
    pad,
    text_box,
    vstack,
    word_gap,
)
from tui.core.formula.delims import delimiter_box
from tui.core.formula.linear import Linear, Piece, bracket_depths, fraction_wraps, kinds_of
from tui.core.formula.nodes import (
    Accent,
    Boxed,
    Delim,
    Frac,
    Group,
    Kind,
    Matrix,
    Middle,
    Node,
    Phantom,
    Row,
    Scripts,
    Space,
    Sqrt,
    Stack,
    Sym,
    TextRun,
)
from tui.core.formula.scriptchars import to_superscript
from tui.core.formula.spacing import Kinds, effective_kinds, gaps

_PAIRS = {"(": ")", "[": "]", "{": "}", "⟨": "⟩", "⌊": "⌋", "⌈": "⌉"}


@dataclass(frozen=True, slots=True)
class RowParts:
    """A row laid out item by item: boxes, spaces before each, and spacing classes."""

    boxes: list[Box]
    gaps: list[int]
    kinds: list[Kinds]
    depths: list[int]

    def sliced(self, start: int, end: int) -> RowParts:
        """The items start..end-1 as a row of their own (no space before the first)."""
        gaps = [0, *self.gaps[start + 1 : end]]
        return RowParts(self.boxes[start:end], gaps, self.kinds[start:end], self.depths[start:end])


class Layout:
    """Lays syntax trees out as boxes of text."""

    def __init__(self, ascii: bool) -> None:
        """Choose Unicode or ASCII glyphs."""
        self.ascii = ascii
        self.linear = Linear(ascii)

    # ----------------------------------------------------------------- rows
    def row(self, row: Row, script: bool = False, lead: Kind | None = None) -> Box:
        """Lay out a row on a common baseline."""
        parts = self.row_parts(row, script, lead)
        if not parts.boxes:
            return text_box("")
        box = hcat(parts.boxes, parts.gaps)
        if lead is not None and parts.gaps and parts.gaps[0]:
            box = hcat([blank(parts.gaps[0]), box])
        return box

    def row_parts(self, row: Row, script: bool = False, lead: Kind | None = None) -> RowParts:
        """Lay out each item of a row and work out the spaces between them."""
        items = row.items
        base = [kinds_of(item, not script) for item in items]
        eff = effective_kinds(base, lead)
        wraps = fraction_wraps(items, base, eff) if script else [False] * len(items)
        kinds = [(Kind.OPEN, Kind.CLOSE) if wrap else k for wrap, k in zip(wraps, eff, strict=True)]
        spaces = gaps(kinds, script, lead)
        boxes = [self.node(item, script, wrap) for item, wrap in zip(items, wraps, strict=True)]
        previous: Box | None = None
        for index, box in enumerate(boxes):
            if index and not spaces[index] and previous and word_gap(previous.right, box.left):
                spaces[index] = 1
            if box.width:
                previous = box
        self._stretch(items, boxes)
        return RowParts(boxes, spaces, kinds, bracket_depths(items))

    def _stretch(self, items: tuple[Node, ...], boxes: list[Box]) -> None:
        """Grow plain bracket pairs around tall contents, and \\middle bars to the row height."""
        stack: list[int] = []
        for index, item in enumerate(items):
            if not isinstance(item, Sym):
                continue
            if item.kind is Kind.OPEN and item.text in _PAIRS:
                stack.append(index)
            elif item.kind is Kind.CLOSE and item.text in _PAIRS.values():
                if not stack or _PAIRS[_text(items[stack[-1]])] != item.text:
                    stack.clear()
                    continue
                start = stack.pop()
                inner = boxes[start + 1 : index]
                ascent = max((box.ascent for box in inner), default=0)
                descent = max((box.descent for box in inner), default=0)
                if (ascent or descent) and any(_tall(node) for node in items[start + 1 : index]):
                    boxes[start] = delimiter_box(_text(items[start]), ascent, descent, self.ascii)
                    boxes[index] = delimiter_box(item.text, ascent, descent, self.ascii)
        if any(isinstance(item, Middle) for item in items):
            others = [
                box for item, box in zip(items, boxes, strict=True) if not isinstance(item, Middle)
            ]
            ascent = max((box.ascent for box in others), default=0)
            descent = max((box.descent for box in others), default=0)
            for index, item in enumerate(items):
                if isinstance(item, Middle):
                    boxes[index] = delimiter_box(item.delim, ascent, descent, self.ascii)

    # ---------------------------------------------------------------- items
    def node(self, node: Node, script: bool, wrap: bool = False) -> Box:
        """Lay out one item."""
        if isinstance(node, Sym):
            part = self.linear.sym(node)
            return text_box(part.text, (part.left, part.right))
        if isinstance(node, Space):
            return blank(node.width)
        if isinstance(node, TextRun):
            return text_box(node.ascii if self.ascii else node.text)
        if isinstance(node, Group):
            return self.row(node.body, script)
        if isinstance(node, Frac):
            if script:
                return _flat(self.linear.frac(node, wrap, True))
            return self.binom(node) if node.binom else self.frac(node)
        if isinstance(node, Sqrt):
            return self.sqrt(node, script)
        if isinstance(node, Scripts):
            return self.scripts(node, script)
        if isinstance(node, Accent):
            return self.accent(node, script)
        if isinstance(node, Delim):
            body = self.row(node.body, script)
            left = delimiter_box(node.left, body.ascent, body.descent, self.ascii)
            right = delimiter_box(node.right, body.ascent, body.descent, self.ascii)
            box = hcat([left, body, right])
            return box.with_edges(body.left if not node.left else NONE, NONE)
        if isinstance(node, Middle):
            return delimiter_box(node.delim, 0, 0, self.ascii)
        if isinstance(node, Matrix):
            return self.matrix(node)
        if isinstance(node, Stack):
            return self.stack(node, script)
        if isinstance(node, Phantom):
            body = self.row(node.body, script)
            if node.keep_height:
                return blank(body.width, body.ascent, body.descent)
            return blank(body.width)
        return self.boxed(node, script)

    def frac(self, node: Frac) -> Box:
        """Numerator over a rule over denominator; the rule is the baseline."""
        num = self.row(node.num)
        den = self.row(node.den)
        width = max(num.width, den.width) + 2
        rule = text_box(("-" if self.ascii else "─") * width, (NONE, NONE))
        box = vstack([pad(num, width), rule, pad(den, width)], 1)
        return box.with_edges(NONE, NONE)

    def binom(self, node: Frac) -> Box:
        """A binomial coefficient: n over k inside tall parentheses."""
        top = self.row(node.num)
        bottom = self.row(node.den)
        width = max(top.width, bottom.width)
        inner = vstack([pad(top, width), pad(bottom, width)], 0)
        inner = Box(inner.lines, top.height - 1)
        left = delimiter_box("(", inner.ascent, inner.descent, self.ascii)
        right = delimiter_box(")", inner.ascent, inner.descent, self.ascii)
        return hcat([left, inner, right]).with_edges(NONE, NONE)

    def sqrt(self, node: Sqrt, script: bool) -> Box:
        """A radical sign with a bar over the radicand; a slanted stroke for tall radicands."""
        body = self.row(node.body, script)
        if script or (self.ascii and body.height == 1):
            return _flat(self.linear.sqrt(node, script))
        index = self.row(node.index, True) if node.index is not None else None
        index_text = "".join(index.lines).strip() if index is not None else ""
        width = body.width
        if body.height == 1:
            sign = "√"
            raised = to_superscript(index_text) if index_text else None
            if index_text in ("3", "4"):
                sign, index = ("∛" if index_text == "3" else "∜"), None
            elif raised is not None:
                sign, index = raised + sign, None
            lines = (" " * len(sign) + "_" * width, sign + body.lines[0])
            radical = Box(lines, 1, NONE, body.right)
        else:
            radical = self._tall_radical(body)
        if index is None:
            return radical
        bottom = radical.height - 2
        placed = [
            (radical, 0, index.width),
            (index, bottom - index.height + 1, 0 if body.height == 1 else 1),
        ]
        return compose(placed, radical.baseline).with_edges(NONE, radical.right)

    def _tall_radical(self, body: Box) -> Box:
        """A radical drawn with a diagonal stroke as tall as the radicand."""
        height = body.height
        rise, hook = ("/", "\\") if self.ascii else ("╱", "╲")
        lines = [" " * (height + 1) + "_" * (body.width + 1)]
        for row, line in enumerate(body.lines):
            first = hook if row == height - 1 else " "
            lines.append(first + " " * (height - row - 1) + rise + " " * (row + 1) + line)
        return Box(tuple(lines), body.baseline + 1, NONE, body.right)

    def scripts(self, node: Scripts, script: bool) -> Box:
        """Raise the superscript and lower the subscript (or put limits above and below)."""
        base_node = node.base
        if script:
            return _flat(self.linear.scripts(node, True))
        if _has_limits(base_node):
            return self.limits(node)
        base = self.node(base_node, script, True)
        if isinstance(base_node, Frac) and script:
            base = _flat(self.linear.frac(base_node, True, True))
        if self.ascii:
            return self._ascii_scripts(node, base)
        sub = self.linear.unicode_script(node.sub, False) if node.sub is not None else ""
        sup = self.linear.unicode_script(node.sup, True) if node.sup is not None else ""
        flat_base = base.descent == 0 and (base.height == 1 or isinstance(base_node, Accent | Sqrt))
        if flat_base and sub is not None and sup is not None:
            return _append(base, sub + sup)
        placed = [(base, -base.ascent, 0)]
        if node.sup is not None:
            raised = self.row(node.sup, True)
            bottom = min(-base.ascent, -1)
            placed.append((raised, bottom - raised.height + 1, base.width))
        if node.sub is not None:
            lowered = self.row(node.sub, True)
            placed.append((lowered, max(base.descent, 1), base.width))
        return compose(placed, 0).with_edges(base.left, NONE)

    def _ascii_scripts(self, node: Scripts, base: Box) -> Box:
        """ASCII scripts written in one-line form (x_i, x^(n+1)) beside the base."""
        sub = self.linear.script_piece(node.sub, False) if node.sub is not None else None
        sup = self.linear.script_piece(node.sup, True) if node.sup is not None else None
        if base.height == 1:
            last = sup if sup is not None else sub
            text = (sub.text if sub else "") + (sup.text if sup else "")
            right = last.right if last is not None else base.right
            return _append(base, text).with_edges(base.left, right)
        width = max(len(sub.text) if sub else 0, len(sup.text) if sup else 0)
        placed = [(base, 0, 0)]
        if sup is not None:
            placed.append((text_box(sup.text), 0, base.width))
        if sub is not None:
            placed.append((text_box(sub.text), base.height - 1, base.width))
        placed.append((blank(width), 0, base.width))
        return compose(placed, base.baseline).with_edges(base.left, NONE)

    def limits(self, node: Scripts) -> Box:
        """A large operator (or operator name) with limits centred above and below."""
        base_node = node.base
        if isinstance(base_node, Sym) and base_node.text == "∫" and not self.ascii:
            base = Box(("⌠", "⎮", "⌡"), 1)
        else:
            base = self.node(base_node, False)
        parts = []
        if node.sup is not None:
            parts.append(self.row(node.sup, True))
        baseline_index = len(parts)
        parts.append(base)
        if node.sub is not None:
            parts.append(self.row(node.sub, True))
        box = vstack(parts, baseline_index)
        return box.with_edges(base.left, base.right)

    def accent(self, node: Accent, script: bool) -> Box:
        """A mark on the line above (or below) the base; precomposed letters where they exist."""
        if self.ascii and node.kind not in BRACES:
            return _flat(self.linear.accent(node, script))
        if node.kind not in BRACES:
            items = node.body.items
            if len(items) == 1 and isinstance(items[0], Sym):
                composed = precomposed(items[0].text, node.kind)
                if composed is not None:
                    return text_box(composed)
        body = self.row(node.body, script)
        mark = text_box(mark_line(node.kind, body.width, self.ascii), (NONE, NONE))
        width = max(mark.width, body.width)
        if node.kind in UNDER:
            box = vstack([pad(body, width), pad(mark, width)], 0)
        else:
            box = vstack([pad(mark, width), pad(body, width)], 1)
        return box.with_edges(body.left, body.right)

    def matrix(self, node: Matrix) -> Box:
        """A grid with aligned columns, optional delimiters grown to its height."""
        grid: list[list[Box]] = []
        tight = node.gap == 0
        for cells in node.rows:
            grid.append(
                [
                    self.row(cell, tight, Kind.ORD if node.pairs and index % 2 else None)
                    for index, cell in enumerate(cells)
                ]
            )
        columns = max((len(row) for row in grid), default=0)
        widths = [
            max((row[c].width for row in grid if c < len(row)), default=0) for c in range(columns)
        ]
        tall = any(box.height > 1 for row in grid for box in row)
        spread = tall or (node.left == "{" and len(grid) == 2)
        lines: list[str] = []
        spaces = [self._column_gap(node, column) for column in range(columns)]
        for number, boxes in enumerate(grid):
            if number and spread and node.gap:
                lines.append("")
            padded = [
                pad(boxes[c] if c < len(boxes) else text_box(""), widths[c], self._align(node, c))
                for c in range(columns)
            ]
            lines.extend(hcat(padded, spaces).lines if padded else [""])
        width = max((len(line) for line in lines), default=0)
        body = Box(tuple(line.ljust(width) for line in lines), (len(lines) - 1) // 2)
        if not node.left and not node.right:
            return body
        margin = blank(1, body.ascent, body.descent)
        left = delimiter_box(node.left, body.ascent, body.descent, self.ascii)
        right = delimiter_box(node.right, body.ascent, body.descent, self.ascii)
        parts = [left, margin, body, margin, right] if node.right else [left, margin, body]
        return hcat(parts)

    @staticmethod
    def _align(node: Matrix, column: int) -> str:
        """Alignment of a column: from the spec, repeating its last letter (or r/l pairs)."""
        if node.pairs:
            return "r" if column % 2 == 0 else "l"
        spec = node.align or "c"
        return spec[column] if column < len(spec) else spec[-1]

    @staticmethod
    def _column_gap(node: Matrix, column: int) -> int:
        """Spaces before a column."""
        if column == 0:
            return 0
        if node.pairs:
            return 0 if column % 2 else 4
        return node.gap

    def stack(self, node: Stack, script: bool) -> Box:
        """A base with small annotations centred above and/or below it."""
        base = self.row(node.base, script)
        parts = []
        if node.over is not None:
            parts.append(self.row(node.over, True))
        index = len(parts)
        parts.append(base)
        if node.under is not None:
            parts.append(self.row(node.under, True))
        return vstack(parts, index).with_edges(base.left, base.right)

    def boxed(self, node: Boxed, script: bool) -> Box:
        """Contents inside a drawn frame."""
        body = self.row(node.body, script)
        if self.ascii:
            corner, horizontal, vertical = ("+", "+", "+", "+"), "-", "|"
        else:
            corner, horizontal, vertical = ("┌", "┐", "└", "┘"), "─", "│"
        top = corner[0] + horizontal * (body.width + 2) + corner[1]
        bottom = corner[2] + horizontal * (body.width + 2) + corner[3]
        middle = [f"{vertical} {line} {vertical}" for line in body.lines]
        return Box((top, *middle, bottom), body.baseline + 1)


def _text(node: Node) -> str:
    """The Unicode text of a symbol item (empty for anything else)."""
    return node.text if isinstance(node, Sym) else ""


def _tall(node: Node) -> bool:
    """Whether an item is a genuinely tall structure (not just a symbol with scripts)."""
    if isinstance(node, Frac | Matrix | Boxed | Stack):
        return True
    if isinstance(node, Scripts):
        return _has_limits(node.base) or _tall(node.base)
    if isinstance(node, Group | Delim | Sqrt | Accent | Phantom):
        return any(_tall(item) for item in node.body.items)
    return False


def _has_limits(node: Node) -> bool:
    """Whether scripts on this base go above and below it in display style."""
    if isinstance(node, Sym):
        return node.limits and node.kind in (Kind.OP, Kind.FUNC)
    if isinstance(node, Accent):
        return node.kind in BRACES
    return False


def _append(box: Box, text: str) -> Box:
    """Append text to the baseline row of a box, padding the other rows."""
    if not text:
        return box
    lines = tuple(
        line + (text if row == box.baseline else " " * len(text))
        for row, line in enumerate(box.lines)
    )
    return Box(lines, box.baseline, box.left, ALNUM if text[-1].isalnum() else NONE)


def _flat(part: Piece) -> Box:
    """A one-line box from a linear piece."""
    return text_box(part.text, (part.left, part.right))
