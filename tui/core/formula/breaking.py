"""Fit a display formula into a width: break at relations or +/-, else wrap the one-line form."""

from __future__ import annotations

from tui.core.formula.boxes import Box, hcat, strip_lines
from tui.core.formula.layout import Layout, RowParts
from tui.core.formula.nodes import Kind, Row
from tui.core.formula.symbols import BINARY, RELATION

_STEP = 2

OPERATOR_CHARS = frozenset(
    char
    for glyph in (*BINARY.values(), *RELATION.values())
    for char in glyph[0] + glyph[1]
    if not char.isalnum() and char != " "
) | frozenset("+−-=<>*/")


def fit_row(layout: Layout, row: Row, width: int) -> list[str]:
    """Lines (each at most `width` cells) for one top-level row of a display formula."""
    box = layout.row(row)
    if box.width <= width:
        return strip_lines(box.lines)
    parts = layout.row_parts(row)
    lines: list[str] = []
    for start, end in _pack_groups(parts, _groups(parts), width):
        if _span_width(parts, start, end) <= width:
            lines.extend(strip_lines(_span_box(parts, start, end).lines))
        else:
            lines.extend(
                _fit_equation(layout, Row(row.items[start:end]), parts.sliced(start, end), width)
            )
    return lines


def _fit_equation(layout: Layout, row: Row, parts: RowParts, width: int) -> list[str]:
    """Break one equation before relations, then also before + and -, else wrap it."""
    relations = _breaks(parts, (Kind.REL,))
    everything = _breaks(parts, (Kind.REL, Kind.BIN))
    for candidates in (relations, everything):
        if not candidates:
            continue
        rows = _pack(parts, candidates, width)
        boxes = [(_span_box(parts, start, end), indent) for start, end, indent in rows]
        if all(box.width + indent <= width for box, indent in boxes):
            return _emit(boxes)
    return linear_lines(layout, row, width)


def _groups(parts: RowParts) -> list[tuple[int, int]]:
    """Split a row into equations at top-level separators: after a comma, or at a \\quad."""
    kinds = parts.kinds
    starts = [0]
    for index in range(1, len(kinds)):
        if kinds[index][0] is Kind.SPACE or parts.depths[index]:
            continue
        before = index - 1
        wide_space = False
        while before >= 0 and kinds[before][0] is Kind.SPACE:
            wide_space = wide_space or parts.boxes[before].width >= 2
            before -= 1
        if before >= 0 and (wide_space or kinds[before][1] is Kind.PUNCT):
            starts.append(index)
    bounds = [*starts, len(kinds)]
    return [(bounds[i], _trim(parts, bounds[i], bounds[i + 1])) for i in range(len(starts))]


def _trim(parts: RowParts, start: int, end: int) -> int:
    """Drop trailing explicit spaces from a span."""
    while end > start + 1 and parts.kinds[end - 1][0] is Kind.SPACE:
        end -= 1
    return end


def _pack_groups(
    parts: RowParts, groups: list[tuple[int, int]], width: int
) -> list[tuple[int, int]]:
    """Put as many consecutive equations on a row as fit."""
    rows: list[tuple[int, int]] = []
    for start, end in groups:
        if rows and _span_width(parts, rows[-1][0], end) <= width:
            rows[-1] = (rows[-1][0], end)
        else:
            rows.append((start, end))
    return rows


def _breaks(parts: RowParts, kinds: tuple[Kind, ...]) -> list[int]:
    """Item indices before which a line may break (a run of relations, or a binary operator)."""
    out: list[int] = []
    for index in range(1, len(parts.kinds)):
        left = parts.kinds[index][0]
        if left not in kinds or parts.depths[index]:
            continue
        if left is Kind.REL and parts.kinds[index - 1][1] is Kind.REL:
            continue
        out.append(index)
    return out


def _span_box(parts: RowParts, start: int, end: int) -> Box:
    """The items start..end-1 side by side, without the space before the first."""
    return hcat(parts.boxes[start:end], [0, *parts.gaps[start + 1 : end]])


def _span_width(parts: RowParts, start: int, end: int) -> int:
    """Width of the items start..end-1 side by side."""
    return sum(box.width for box in parts.boxes[start:end]) + sum(parts.gaps[start + 1 : end])


def _indents(parts: RowParts, first_end: int, width: int) -> tuple[int, int]:
    """Indents of continuation rows that start with a relation / with a binary operator."""
    relation = next(
        (i for i in range(1, first_end) if parts.kinds[i][0] is Kind.REL and not parts.depths[i]),
        None,
    )
    if relation is None:
        rel_indent, bin_indent = _STEP, _STEP * 2
    else:
        rel_indent = _span_width(parts, 0, relation) + parts.gaps[relation]
        bin_indent = rel_indent + parts.boxes[relation].width
        if relation + 1 < len(parts.gaps):
            bin_indent += parts.gaps[relation + 1]
    limit = width // 3
    if rel_indent > limit:
        rel_indent = min(_STEP, limit)
    if bin_indent > limit:
        bin_indent = min(rel_indent + _STEP, limit)
    return rel_indent, bin_indent


def _pack(parts: RowParts, candidates: list[int], width: int) -> list[tuple[int, int, int]]:
    """Greedily fill rows with segments; returns (start, end, indent) for each row."""
    bounds = [0, *candidates, len(parts.boxes)]
    rows: list[tuple[int, int, int]] = []
    start, end = bounds[0], bounds[1]
    indents = (0, 0)
    for seg_end in bounds[2:]:
        indent = _indent_for(parts, start, indents) if rows else 0
        if _span_width(parts, start, seg_end) + indent <= width:
            end = seg_end
            continue
        rows.append((start, end, indent))
        if len(rows) == 1:
            indents = _indents(parts, end, width)
        start, end = end, seg_end
    rows.append((start, end, _indent_for(parts, start, indents) if rows else 0))
    return rows


def _indent_for(parts: RowParts, start: int, indents: tuple[int, int]) -> int:
    """Indent of a continuation row, by the class of its first item."""
    return indents[0] if parts.kinds[start][0] is Kind.REL else indents[1]


def _emit(boxes: list[tuple[Box, int]]) -> list[str]:
    """Lines of the packed rows, each row indented."""
    lines: list[str] = []
    for box, indent in boxes:
        lines.extend(" " * indent + line if line else "" for line in strip_lines(box.lines))
    return lines


def linear_lines(layout: Layout, row: Row, width: int) -> list[str]:
    """The one-line form of a row wrapped to the width, preferring breaks before = and +."""
    text, breaks = layout.linear.row_with_breaks(row)
    margin = len(text) - len(text.lstrip())
    text = text.strip()
    breaks = [b - margin for b in breaks if margin < b < margin + len(text)]
    return wrap_formula(text, width, breaks, _STEP)


def wrap_formula(text: str, width: int, breaks: list[int], indent: int) -> list[str]:
    """Wrap one-line math: break before operators if possible, else at spaces, else anywhere."""
    width = max(1, width)
    if indent >= width // 2:
        indent = 0
    lines: list[str] = []
    pos = 0
    while pos < len(text):
        prefix = " " * indent if lines else ""
        room = width - len(prefix)
        if len(text) - pos <= room:
            lines.append(prefix + text[pos:])
            break
        cut = _best_cut(text, pos, room, breaks)
        lines.append((prefix + text[pos:cut]).rstrip())
        pos = cut
        while pos < len(text) and text[pos] == " ":
            pos += 1
    return lines


def _best_cut(text: str, pos: int, room: int, breaks: list[int]) -> int:
    """Where the next line should start: the best break point within `room` cells of `pos`."""
    limit = pos + room
    half = pos + room // 2
    preferred = [b for b in breaks if half < b <= limit]
    if preferred:
        return max(preferred)
    spaces = [
        c
        for c in range(min(limit + 1, len(text) - 1), pos + room // 3, -1)
        if text[c - 1] == " " and text[c] != " "
    ]
    good = [c for c in spaces if c > half and (_after_comma(text, c) or _before_operator(text, c))]
    if good:
        return min(good, key=lambda c: (_depth(text, c), -c))
    return spaces[0] if spaces else limit


def _depth(text: str, cut: int) -> int:
    """Bracket nesting depth at a position of one-line math."""
    depth = 0
    for char in text[:cut]:
        if char in "([{⟨⌊⌈":
            depth += 1
        elif char in ")]}⟩⌋⌉":
            depth -= 1
    return depth


def _after_comma(text: str, cut: int) -> bool:
    """Whether a cut falls just after a comma or semicolon and its space."""
    return cut >= 2 and text[cut - 2] in ",;"


def _before_operator(text: str, cut: int) -> bool:
    """Whether a cut falls just before a spaced operator such as ' + ' or ' = '."""
    return text[cut] in OPERATOR_CHARS and cut + 1 < len(text) and text[cut + 1] == " "
