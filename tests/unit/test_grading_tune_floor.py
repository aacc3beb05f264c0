"""A regression guard: the offline grader on the TUNE half of bench/grading keeps its accuracy."""

from __future__ import annotations

import json
from pathlib import Path

from tui.core.bank import load_bank
from tui.core.grading.report import suggested
from tui.grading.offline import OfflineGrader
from tui.paths import bundled_content_dir

ANSWERS = Path(__file__).resolve().parents[2] / "bench" / "grading" / "answers.jsonl"
MATCHING = {"strong": {"good", "easy"}, "partial": {"hard", "again"}, "wrong": {"again"}}


def test_tune_half_stays_above_a_floor_well_below_the_measured_figures() -> None:
    bank = load_bank([bundled_content_dir()]).bank
    lines = ANSWERS.read_text(encoding="utf-8").splitlines()
    tune = [item for item in map(json.loads, lines) if item["split"] == "tune"]
    grader = OfflineGrader()
    true_pos = false_pos = false_neg = wrong_ticks = wrong_points = matches = 0
    for item in tune:
        question = bank.question(item["question_id"])
        assert question is not None
        result = grader.grade(question, item["answer"])
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
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= FLOOR_F1, f1
    assert wrong_ticks / wrong_points <= CEILING_WRONG_TICKED, wrong_ticks / wrong_points
    assert matches / len(tune) >= FLOOR_RATING_MATCH, matches / len(tune)


FLOOR_F1 = 0.60
CEILING_WRONG_TICKED = 0.65
FLOOR_RATING_MATCH = 0.50
