"""A grade as the command line's JSON object and as a few lines of readable text."""

from __future__ import annotations

from typing import Any

from tui.core.formula import render_inline
from tui.core.grading.result import GradeResult
from tui.core.mathtext import SegmentKind, split_math
from tui.core.rubric import suggested_rating
from tui.core.sanitize import sanitize


def suggested(result: GradeResult) -> str:
    """The rating suggested by the share of key points covered: again, hard or good."""
    return suggested_rating(result.covered, result.total).name.lower()


def to_json(result: GradeResult) -> dict[str, Any]:
    """The contract's object: id, grader, counts, suggestion and one entry per key point."""
    document: dict[str, Any] = {
        "question_id": result.question_id,
        "grader": result.grader.value,
        "covered": result.covered,
        "total": result.total,
        "suggested": suggested(result),
        "key_points": [
            {
                "index": point.index,
                "text": point.text,
                "covered": point.covered,
                "score": round(point.score, 3),
                "evidence": point.evidence,
            }
            for point in result.points
        ],
    }
    if result.notice:
        document["notice"] = result.notice
    return document


def to_text(result: GradeResult, *, ascii: bool = False) -> str:
    """A readable summary: one line per key point (formulas rendered), its evidence quoted."""
    lines = [
        f"{result.question_id}: {result.covered}/{result.total} key points covered "
        f"({result.grader.value} grader), suggested rating: {suggested(result)}"
    ]
    for point in result.points:
        mark = {"covered": "[x]", "partial": "[~]", "missing": "[ ]"}[point.verdict.value]
        text = _one_line(inline_prose(point.text, ascii=ascii))
        lines.append(f"  {mark} {point.index}. {text}  ({point.score:.2f})")
        if point.evidence is not None:
            opening, closing = ('"', '"') if ascii else ("\u201c", "\u201d")
            lines.append(f"        {opening}{_one_line(point.evidence)}{closing}")
    if result.notice:
        lines.append(f"  note: {_one_line(result.notice)}")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """Untrusted text made inert and folded onto one line."""
    return " ".join(sanitize(text).split())


def inline_prose(text: str, *, ascii: bool = False) -> str:
    """Prose with its `$...$` formulas in their one-line form, for plain-text output."""
    return "".join(
        segment.source
        if segment.kind is SegmentKind.TEXT
        else render_inline(segment.source, ascii=ascii)
        for segment in split_math(text)
    )
