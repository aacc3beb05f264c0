"""Shared by the grading benches: read labeled answers and score a grader against their labels."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tui.core.bank import Bank
from tui.core.grading.report import suggested
from tui.core.grading.result import GradeResult
from tui.core.models import Question

MATCHING_RATINGS = {"strong": {"good", "easy"}, "partial": {"hard", "again"}, "wrong": {"again"}}
"""The suggested ratings that match each kind of answer."""

Grade = Callable[[Question, str], GradeResult]

COLUMNS = ("P", "R", "F1", "wrong ticked", "rating=kind", "ms/answer")
"""The figures' column headers, in the order `row` gives them."""


@dataclass(frozen=True, slots=True)
class Figures:
    """What one grader scored on one set of labeled answers."""

    precision: float
    recall: float
    f1: float
    wrong_ticked: float
    rating_match: float
    ms_per_answer: float

    def row(self, name: str) -> tuple[str, float, float, float, float, float, float]:
        """A table row: the name, then the figures in the order of COLUMNS."""
        return (
            name,
            self.precision,
            self.recall,
            self.f1,
            self.wrong_ticked,
            self.rating_match,
            self.ms_per_answer,
        )


def read_answers(path: Path) -> list[dict[str, object]]:
    """The labeled answers, one JSON object per line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def measure(grade: Grade, bank: Bank, answers: list[dict[str, object]]) -> Figures:
    """Grade every answer and compare with its labels."""
    true_pos = false_pos = false_neg = wrong_ticks = wrong_points = matches = 0
    seconds = 0.0
    for item in answers:
        question = bank.question(str(item["question_id"]))
        assert question is not None, item["question_id"]
        started = time.perf_counter()
        result = grade(question, str(item["answer"]))
        seconds += time.perf_counter() - started
        labels = item["covered"]
        assert isinstance(labels, list)
        for point, label in zip(result.points, labels, strict=True):
            true_pos += point.covered and label
            false_pos += point.covered and not label
            false_neg += label and not point.covered
            if item["kind"] == "wrong":
                wrong_ticks += point.covered
                wrong_points += 1
        matches += suggested(result) in MATCHING_RATINGS[str(item["kind"])]
    precision = true_pos / max(1, true_pos + false_pos)
    recall = true_pos / max(1, true_pos + false_neg)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Figures(
        precision,
        recall,
        f1,
        wrong_ticks / max(1, wrong_points),
        matches / max(1, len(answers)),
        1000 * seconds / max(1, len(answers)),
    )
