"""Wording of typed answers: the "Your answers" lines and the grader line of one answer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from typing import TYPE_CHECKING

from tui.core.sanitize import sanitize

if TYPE_CHECKING:  # the grading types are imported only once an answer is shown
    from tui.core.grading.result import GradeResult
    from tui.store.typed_answers import TypedAnswer

MAX_ATTEMPTS_SHOWN = 10
# Keyed by GraderKind's values (a StrEnum member finds its value's entry), so that the start-up
# path does not import the grading types.
GRADER_NAMES: dict[str, str] = {"offline": "offline grader", "llm": "LLM judge"}
SHORT_GRADER_NAMES: dict[str, str] = {"offline": "offline", "llm": "LLM judge"}


def attempt_lines(attempts: Sequence[TypedAnswer], tz: tzinfo) -> tuple[str, ...]:
    """One line per attempt, newest first: local date and time, coverage, grader."""
    lines = []
    for attempt in attempts[:MAX_ATTEMPTS_SHOWN]:
        when = attempt.created_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        covered = len(attempt.ticked)
        lines.append(
            f"{when}  {covered} of {attempt.total} points ({attempt.coverage:.0%}),"
            f" {SHORT_GRADER_NAMES[attempt.grader]}"
        )
    if len(attempts) > MAX_ATTEMPTS_SHOWN:
        lines.append(f"... and {len(attempts) - MAX_ATTEMPTS_SHOWN} earlier")
    return tuple(lines)


def grader_line(result: GradeResult) -> str:
    """Which grader graded, what it found, and its notice (such as why the judge fell back)."""
    grader = GRADER_NAMES[result.grader]
    line = f"Graded by the {grader}: {result.covered} of {result.total} covered"
    if result.notice:
        line += f" · {' '.join(sanitize(result.notice).split())}"
    return line


def evidence_of(result: GradeResult) -> tuple[str, ...]:
    """The parts of a typed answer the grader matched to key points."""
    return tuple(point.evidence for point in result.points if point.evidence)
