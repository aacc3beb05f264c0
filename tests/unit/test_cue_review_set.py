"""The cue-review answers in bench/cue-review/ are well formed and match the bundled bank."""

from __future__ import annotations

import json
from pathlib import Path

from tui.core.bank import load_bank
from tui.paths import bundled_content_dir

REVIEW = Path(__file__).resolve().parents[2] / "bench" / "cue-review"
KINDS = {"strong", "partial", "wrong"}


def test_every_topic_has_review_answers_labeled_per_key_point() -> None:
    bank = load_bank([bundled_content_dir()]).bank
    files = sorted(REVIEW.glob("*.jsonl"))
    assert {path.stem for path in files} == {topic.id for topic in bank.topics}
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            where = f"{path.name}:{number}"
            item = json.loads(line)
            assert set(item) == {"question_id", "kind", "answer", "covered"}, where
            question = bank.question(item["question_id"])
            assert question is not None and question.topic_id == path.stem, where
            assert item["kind"] in KINDS and item["answer"].strip(), where
            covered = item["covered"]
            assert len(covered) == len(question.key_points), where
            assert all(isinstance(label, bool) for label in covered), where
            if item["kind"] == "wrong":
                assert not all(covered), where


def test_every_question_has_a_wrong_review_answer() -> None:
    bank = load_bank([bundled_content_dir()]).bank
    wrong = {
        json.loads(line)["question_id"]
        for path in REVIEW.glob("*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if json.loads(line)["kind"] == "wrong"
    }
    assert {question.id for question in bank.questions} <= wrong
