"""A regression guard: the offline grader on the TUNE half of bench/grading keeps its accuracy.

Measured (bench/README.md): with cues F1 0.947, 5.7% of wrong-answer points ticked, rating
matches the kind in 94% of answers; without cues F1 0.69, 51% ticked, 64% matching. The floors
sit well below, so this catches a broken grader, not noise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.bank import load_bank
from tui.core.grading.report import suggested
from tui.grading.offline import OfflineGrader
from tui.paths import bundled_content_dir

ANSWERS = Path(__file__).resolve().parents[2] / "bench" / "grading" / "answers.jsonl"
MATCHING = {"strong": {"good", "easy"}, "partial": {"hard", "again"}, "wrong": {"again"}}


@pytest.mark.parametrize(
    ("use_cues", "least_f1", "most_wrong_ticked", "least_rating_match"),
    [(True, 0.85, 0.15, 0.80), (False, 0.60, 0.65, 0.50)],
)
def test_tune_half_stays_above_a_floor_well_below_the_measured_figures(
    use_cues: bool, least_f1: float, most_wrong_ticked: float, least_rating_match: float
) -> None:
    bank = load_bank([bundled_content_dir()]).bank
    lines = ANSWERS.read_text(encoding="utf-8").splitlines()
    tune = [item for item in map(json.loads, lines) if item["split"] == "tune"]
    grader = OfflineGrader()
    true_pos = false_pos = false_neg = wrong_ticks = wrong_points = matches = 0
    for item in tune:
        question = bank.question(item["question_id"])
        assert question is not None
        result = grader.grade(question, item["answer"], use_cues=use_cues)
        for point, label in zip(result.points, item["covered"], strict=True):
            assert point.evidence is None or point.evidence in item["answer"]
            true_pos += point.covered and label
            false_pos += point.covered and not label
            false_neg += label and not point.covered
            if item["kind"] == "wrong":
                wrong_ticks += point.covered
                wrong_points += 1
        matches += suggested(result) in MATCHING[item["kind"]]
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    assert 2 * precision * recall / (precision + recall) >= least_f1
    assert wrong_ticks / wrong_points <= most_wrong_ticked
    assert matches / len(tune) >= least_rating_match
