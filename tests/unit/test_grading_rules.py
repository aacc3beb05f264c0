"""The offline grader's pure parts: sentence spans, the misconception rules and the matching."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from tui.core.grading.matching import grade_answer
from tui.core.grading.report import suggested, to_json
from tui.core.grading.rules import contradicts
from tui.core.grading.text import sentences, windows
from tui.grading.offline import FuzzyWords

TEMPERATURE = "Low T sharpens toward greedy; high T flattens toward uniform"
BALANCE = "An auxiliary load-balancing loss is minimised so the router spreads tokens evenly"


@pytest.fixture(scope="module")
def words() -> FuzzyWords:
    """The rapidfuzz word matcher the offline grader uses."""
    return FuzzyWords()


def grade(points: Sequence[str], answer: str, words: FuzzyWords) -> list[bool]:
    """Which points the grader ticks for the answer."""
    return [point.covered for point in grade_answer("t/q", points, answer, words).points]


def test_sentences_are_verbatim_spans_and_skip_abbreviations() -> None:
    answer = "First one, e.g. with an example.  Second?\nThird line without stop"
    found = sentences(answer)
    assert [span.text for span in found] == [
        "First one, e.g. with an example.",
        "Second?",
        "Third line without stop",
    ]
    for span in [*found, *windows(found, answer)]:
        assert answer[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("point", "claim"),
    [
        (TEMPERATURE, "a temperature above 1 sharpens the distribution"),
        (TEMPERATURE, "below one the distribution flattens out"),
        (BALANCE, "we maximise the balance loss so experts specialise"),
        ("Adding noise increases the variance", "the noise decreases the variance"),
        ("The KL penalty keeps the policy close to the reference", "it moves the policy far away"),
        ("Token ranking is unchanged", "temperature changes which token ranks first"),
        ("The mask is applied before the softmax", "the mask is applied after the softmax"),
    ],
)
def test_a_flipped_direction_contradicts_the_point(point: str, claim: str) -> None:
    assert contradicts(point, claim)


@pytest.mark.parametrize(
    ("point", "claim"),
    [
        (TEMPERATURE, "a high temperature flattens the distribution"),
        (TEMPERATURE, "lowering T makes it sharper, close to greedy"),
        (BALANCE, "the router gets an extra loss that we minimize to keep load even"),
        ("Token ranking is unchanged", "the order of the tokens does not change"),
    ],
)
def test_a_paraphrase_in_the_same_direction_does_not(point: str, claim: str) -> None:
    assert not contradicts(point, claim)


def test_paraphrase_is_covered_and_antonym_flip_is_not(words: FuzzyWords) -> None:
    right = "Lowering the temperature sharpens things toward greedy, and a high one flattens them."
    wrong = "A high temperature sharpens the distribution toward greedy picks."
    assert grade([TEMPERATURE], right, words) == [True]
    assert grade([TEMPERATURE], wrong, words) == [False]
    assert grade([BALANCE], "The load-balancing loss is minimized so tokens spread.", words) == [
        True
    ]
    assert grade([BALANCE], "The load-balancing loss is maximized so tokens spread.", words) == [
        False
    ]


def test_evidence_is_a_substring_of_the_answer_or_none(words: FuzzyWords) -> None:
    answer = "  Temperature  divides\tthe logits by T.\n\nA low T sharpens toward greedy!  "
    points = ["Divides logits by $T$ before the softmax", TEMPERATURE, "Unrelated point on GPUs"]
    result = grade_answer("t/q", points, answer, words)
    evidence = [point.evidence for point in result.points]
    assert evidence[0] is not None and evidence[0] in answer
    assert evidence[2] is None
    for point in result.points:
        assert point.evidence is None or point.evidence in answer
        assert 0.0 <= point.score <= 1.0


def test_suggestion_follows_the_covered_share_and_never_easy(words: FuzzyWords) -> None:
    points = ["Divides logits by $T$ before the softmax", "Unrelated point on GPUs"]
    result = grade_answer("t/q", points, "Temperature divides the logits by T.", words)
    assert result.covered == 1 and suggested(result) == "hard"
    nothing = grade_answer("t/q", points, "I do not know.", words)
    assert nothing.covered == 0 and suggested(nothing) == "again"
    assert to_json(nothing)["suggested"] == "again"
