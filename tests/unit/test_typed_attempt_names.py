"""The wording of typed answers names every grader, though it keys the names by plain strings."""

from __future__ import annotations

from tui.core.grading.result import GradeResult, GraderKind, PointResult, Verdict
from tui.ui.typed_attempts import GRADER_NAMES, SHORT_GRADER_NAMES, grader_line


def test_every_grader_kind_has_a_long_and_a_short_name() -> None:
    """Each GraderKind member finds its entry in both name tables."""
    for kind in GraderKind:
        assert GRADER_NAMES[kind]
        assert SHORT_GRADER_NAMES[kind]


def test_grader_line_names_the_llm_judge() -> None:
    """A judged result's line says the LLM judge graded it and how many points it covered."""
    point = PointResult(1, "scaled scores", Verdict.COVERED, 0.9, "scaled")
    result = GradeResult("q1", GraderKind.LLM, (point,))
    assert grader_line(result) == "Graded by the LLM judge: 1 of 1 covered"
