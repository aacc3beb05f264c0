"""Split Markdown text into prose and `$...$` / `$$...$$` math segments, and check their balance.

Fenced code blocks are verbatim: a `$` inside a fence is never math, and a fence comes back
as one prose segment holding its source text unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from tui.core.fences import Fence, split_fences


class SegmentKind(StrEnum):
    """What a piece of answer text is."""

    TEXT = "text"
    INLINE = "inline"
    DISPLAY = "display"


@dataclass(frozen=True)
class Segment:
    """A run of prose or the LaTeX source of one formula."""

    kind: SegmentKind
    source: str


@dataclass(frozen=True)
class MathProblem:
    """A balance problem in a text, at a character offset."""

    offset: int
    message: str


def split_math(text: str) -> list[Segment]:
    """Split text into prose and formulas; an unclosed `$` is kept as prose."""
    placed, _ = _scan(text)
    return [segment for segment, _ in placed]


def formula_offsets(text: str) -> list[tuple[str, int]]:
    """The LaTeX source of each formula in the text, with the offset where it starts."""
    placed, _ = _scan(text)
    return [(segment.source, start) for segment, start in placed if segment.kind != "text"]


def math_problems(text: str) -> list[MathProblem]:
    """Unbalanced `$`/`$$` delimiters and unbalanced braces inside formulas."""
    placed, problems = _scan(text)
    for segment, start in placed:
        if segment.kind is not SegmentKind.TEXT:
            problem = _brace_problem(segment.source)
            if problem is not None:
                problems.append(MathProblem(start, problem))
    return sorted(problems, key=lambda problem: problem.offset)


def _scan(text: str) -> tuple[list[tuple[Segment, int]], list[MathProblem]]:
    """Scan each run of prose for math; fenced blocks pass through untouched."""
    if "```" not in text:
        return _scan_prose(text, 0)
    segments: list[tuple[Segment, int]] = []
    problems: list[MathProblem] = []
    parts = split_fences(text)
    for number, part in enumerate(parts):
        if isinstance(part, Fence):
            end = parts[number + 1].offset if number + 1 < len(parts) else len(text)
            segments.append((Segment(SegmentKind.TEXT, text[part.offset : end]), part.offset))
            continue
        found, trouble = _scan_prose(part.text, part.offset)
        segments += found
        problems += trouble
    return segments, problems


def _scan_prose(text: str, base: int) -> tuple[list[tuple[Segment, int]], list[MathProblem]]:
    """Walk prose once, cutting at unescaped dollar signs; segments come with start offsets."""
    segments: list[tuple[Segment, int]] = []
    problems: list[MathProblem] = []
    prose: list[str] = []
    prose_start = 0
    i = 0
    while True:
        found = _PROSE_SPECIAL.search(text, i)
        if found is None:
            prose.append(text[i:])
            break
        prose.append(text[i : found.start()])
        if found.group() == "\\$":
            prose.append("$")
            i = found.end()
            continue
        i = found.start()
        opener = found.group()
        end = _closing(text, i + len(opener), opener)
        if end < 0:
            problems.append(MathProblem(base + i, f"unbalanced '{opener}': no closing '{opener}'"))
            prose.append(text[i:])
            break
        if "".join(prose):
            segments.append((Segment(SegmentKind.TEXT, "".join(prose)), base + prose_start))
        prose = []
        kind = SegmentKind.DISPLAY if opener == "$$" else SegmentKind.INLINE
        segments.append((Segment(kind, text[i + len(opener) : end].strip()), base + i))
        i = end + len(opener)
        prose_start = i
    if "".join(prose):
        segments.append((Segment(SegmentKind.TEXT, "".join(prose)), base + prose_start))
    return segments, problems


_PROSE_SPECIAL = re.compile(r"\\\$|\$\$|\$")
"""An escaped dollar, or the opener of display or inline math."""
_INSIDE_MATH = re.compile(r"\\.|\$\$|\$|\n\n", re.DOTALL)
"""What matters inside a formula: escapes (skipped), dollars, and a blank line."""


def _closing(text: str, start: int, opener: str) -> int:
    """Offset of the delimiter closing a formula that starts at `start`, or -1."""
    for found in _INSIDE_MATH.finditer(text, start):
        token = found.group()
        if token.startswith("\\"):
            continue
        if token == "\n\n":
            if opener == "$":
                return -1
            continue
        if token == opener or (opener == "$" and token == "$$"):
            return found.start()
    return -1


def _brace_problem(latex: str) -> str | None:
    """Describe unbalanced braces in a formula, or None when they balance."""
    depth = 0
    i = 0
    while i < len(latex):
        char = latex[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return f"unbalanced braces in formula '{latex}': unexpected '}}'"
        i += 1
    if depth:
        return f"unbalanced braces in formula '{latex}': {depth} unclosed '{{'"
    return None
