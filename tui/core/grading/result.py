"""What a grader (offline or an LLM judge) found in one typed answer."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    """How well the answer covers one key point."""

    COVERED = "covered"
    PARTIAL = "partial"
    MISSING = "missing"


class GraderKind(StrEnum):
    """Which grader produced a result."""

    OFFLINE = "offline"
    LLM = "llm"


@dataclass(frozen=True, slots=True)
class PointResult:
    """One key point: whether it is covered, how sure the grader is, and the evidence."""

    index: int  # 1-based, as shown on screen
    text: str
    verdict: Verdict
    score: float  # 0..1, the grader's confidence that the point is covered
    evidence: str | None  # always a verbatim substring of the answer, or None

    @property
    def covered(self) -> bool:
        """Whether the point counts as covered (a partial point is not ticked)."""
        return self.verdict is Verdict.COVERED


@dataclass(frozen=True, slots=True)
class GradeResult:
    """The grader's result for one answer to one question."""

    question_id: str
    grader: GraderKind
    points: tuple[PointResult, ...]
    notice: str | None = None  # e.g. why the LLM judge fell back to the offline grader

    @property
    def covered(self) -> int:
        """How many key points are covered."""
        return sum(point.covered for point in self.points)

    @property
    def total(self) -> int:
        """How many key points the question has."""
        return len(self.points)
