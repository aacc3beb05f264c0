"""The labeled grading set in bench/grading/ is well formed and consistent with the bundled bank."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from tui.core.bank import Bank, load_bank
from tui.paths import bundled_content_dir

ANSWERS = Path(__file__).resolve().parents[2] / "bench" / "grading" / "answers.jsonl"
KINDS = ("strong", "partial", "wrong")
SPLITS = ("tune", "heldout")
FIELDS = {"question_id", "kind", "split", "answer", "covered"}
RUN = 7

Answer = dict[str, Any]


def words(text: str) -> list[str]:
    """The text lowercased, with punctuation stripped, as a list of words."""
    return re.findall(r"[^\W_]+", text.lower())


def ngrams(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    """Every run of n consecutive words in the text."""
    tokens = words(text)
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def shared_runs(answer: str, sources: list[str], n: int = RUN) -> set[tuple[str, ...]]:
    """The runs of n words the answer shares with any one of the source texts."""
    mine = ngrams(answer, n)
    return {run for source in sources for run in mine & ngrams(source, n)}


@pytest.fixture(scope="module")
def bank() -> Bank:
    """The bundled bank, which must load cleanly."""
    result = load_bank([bundled_content_dir()])
    assert [str(problem) for problem in result.problems] == []
    return result.bank


@pytest.fixture(scope="module")
def answers() -> list[Answer]:
    """Every line of answers.jsonl, parsed."""
    lines = ANSWERS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def by_question(answers: list[Answer]) -> dict[str, dict[str, Answer]]:
    """The answers grouped by question id, then by kind."""
    grouped: dict[str, dict[str, Answer]] = defaultdict(dict)
    for answer in answers:
        grouped[answer["question_id"]][answer["kind"]] = answer
    return grouped


def test_ngram_helper_ignores_case_and_punctuation() -> None:
    """The 7-word check sees through case and punctuation but not through a changed word."""
    key = "Scaled by 1/sqrt(d_k), then a row-wise softmax over keys."
    assert shared_runs("we get SCALED, by 1 sqrt d k then a", [key])
    assert not shared_runs("scaled by 1 sqrt d k and then a row", [key])
    assert not shared_runs("too short to share", [key])


def test_every_line_has_exactly_the_fields_with_valid_values(answers: list[Answer]) -> None:
    """Each record has the five fields, a known kind and split, text and booleans."""
    for answer in answers:
        assert set(answer) == FIELDS, answer
        assert answer["kind"] in KINDS
        assert answer["split"] in SPLITS
        assert isinstance(answer["answer"], str) and answer["answer"].strip()
        assert answer["covered"] and all(isinstance(c, bool) for c in answer["covered"])


def test_every_question_exists_and_labels_match_its_key_points(
    bank: Bank, answers: list[Answer]
) -> None:
    """Labels have one boolean per key point of the question in the bundled bank."""
    for answer in answers:
        question = bank.question(answer["question_id"])
        assert question is not None, answer["question_id"]
        assert len(answer["covered"]) == len(question.key_points), answer["question_id"]


def test_each_question_has_one_answer_of_each_kind_in_one_split(
    answers: list[Answer], by_question: dict[str, dict[str, Answer]]
) -> None:
    """Three answers per question, strong, partial and wrong, sharing one split."""
    counts = Counter((a["question_id"], a["kind"]) for a in answers)
    assert max(counts.values()) == 1
    for question_id, kinds in by_question.items():
        assert set(kinds) == set(KINDS), question_id
        assert len({a["split"] for a in kinds.values()}) == 1, question_id


def test_size_and_topic_coverage(
    bank: Bank, answers: list[Answer], by_question: dict[str, dict[str, Answer]]
) -> None:
    """At least 150 answers over 40 questions, with two or more questions in every topic."""
    assert len(answers) >= 150
    assert len(by_question) >= 40
    per_topic = Counter(question_id.split("/", 1)[0] for question_id in by_question)
    assert set(per_topic) == {topic.id for topic in bank.topics}
    assert min(per_topic.values()) >= 2


def test_splits_are_disjoint_balanced_and_in_every_topic(
    by_question: dict[str, dict[str, Answer]],
) -> None:
    """Both halves are non-empty, share no question, are near equal and each spans every topic."""
    split_of = {qid: kinds["strong"]["split"] for qid, kinds in by_question.items()}
    halves = {split: {q for q, s in split_of.items() if s == split} for split in SPLITS}
    assert halves["tune"] and halves["heldout"]
    assert not halves["tune"] & halves["heldout"]
    assert abs(len(halves["tune"]) - len(halves["heldout"])) <= 2
    topics = {q.split("/", 1)[0] for q in split_of}
    for half in halves.values():
        assert {q.split("/", 1)[0] for q in half} == topics


def test_strong_and_partial_answers_share_no_seven_word_run_with_the_bank(
    bank: Bank, answers: list[Answer]
) -> None:
    """Paraphrased answers copy no run of seven words from the key points or model answer."""
    copied: dict[str, list[str]] = {}
    for answer in answers:
        if answer["kind"] == "wrong":
            continue
        question = bank.question(answer["question_id"])
        assert question is not None
        runs = shared_runs(answer["answer"], [*question.key_points, question.answer])
        if runs:
            key = f"{answer['question_id']} {answer['kind']}"
            copied[key] = [" ".join(run) for run in sorted(runs)]
    assert copied == {}


def test_labels_order_the_kinds(by_question: dict[str, dict[str, Answer]]) -> None:
    """Strong covers most points and more than partial; partial covers some but not all."""
    for question_id, kinds in by_question.items():
        strong, partial = kinds["strong"]["covered"], kinds["partial"]["covered"]
        assert sum(strong) > sum(partial), question_id
        assert sum(strong) * 2 > len(strong), question_id
        assert 0 < sum(partial) < len(partial), question_id


def test_wrong_answers_mostly_miss(answers: list[Answer]) -> None:
    """Wrong answers cover at most a minority of the points of their question."""
    for answer in answers:
        if answer["kind"] == "wrong":
            assert sum(answer["covered"]) * 2 < len(answer["covered"]), answer["question_id"]


FRESH = ANSWERS.with_name("fresh.jsonl")


def test_the_fresh_set_is_labeled_per_key_point_and_spans_every_topic(bank: Bank) -> None:
    """fresh.jsonl: a wrong answer for 3 questions per topic, labels one per key point."""
    fresh = [json.loads(line) for line in FRESH.read_text(encoding="utf-8").splitlines()]
    topics: Counter[str] = Counter()
    for item in fresh:
        assert set(item) == {"question_id", "kind", "answer", "covered"}
        question = bank.question(item["question_id"])
        assert question is not None and item["kind"] in ("strong", "wrong")
        assert len(item["covered"]) == len(question.key_points)
        if item["kind"] == "wrong":
            topics[question.topic_id] += 1
            assert not all(item["covered"])
    assert set(topics) == {topic.id for topic in bank.topics}
    assert min(topics.values()) >= 3
