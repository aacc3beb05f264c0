"""A grade as the command line's JSON object and as a few lines of readable text."""

from __future__ import annotations

from typing import Any

from tui.core.grading.result import GradeResult
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


def to_text(result: GradeResult) -> str:
    """A readable summary: one line per key point, with its evidence quoted, sanitised."""
    lines = [
        f"{result.question_id}: {result.covered}/{result.total} key points covered "
        f"({result.grader.value} grader), suggested rating: {suggested(result)}"
    ]
    for point in result.points:
        mark = {"covered": "[x]", "partial": "[~]", "missing": "[ ]"}[point.verdict.value]
        lines.append(f"  {mark} {point.index}. {_one_line(point.text)}  ({point.score:.2f})")
        if point.evidence is not None:
            lines.append(f"        \u201c{_one_line(point.evidence)}\u201d")
    if result.notice:
        lines.append(f"  note: {_one_line(result.notice)}")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """Untrusted text made inert and folded onto one line."""
    return " ".join(sanitize(text).split())
