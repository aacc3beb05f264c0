"""Optional grading cues in topic files: validated like any field, and applied by the grader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.core.bank import load_bank
from tui.core.grading.cues import asserted, contradicted, needs_met, states_negation
from tui.core.grading.matching import grade_answer
from tui.core.grading.result import GradeResult, Verdict
from tui.core.models import PointCues
from tui.grading.offline import FuzzyWords
from tui.paths import bundled_content_dir

TOPIC = """\
id: demo
title: Demo topic
section: Tests
summary: A topic for cue tests.
questions:
  - id: demo/balance
    difficulty: junior
    question: What does the balance loss do?
    answer: It is minimised so tokens spread over experts.
    key_points:
      - The balance loss is minimised
      - Tokens spread evenly over the experts
    tags: [demo]
"""
CUES = """\
    cues:
      - point: 1
        needs: ['minimi[sz]|push(es)? down|as small as']
        contradicts: ['maximi[sz]\\w*[^.]{0,30}balanc']
"""


def load(tmp_path: Path, cues: str) -> tuple[list[str], object]:
    """Load the demo topic with the given cues block; return the problems and the question."""
    (tmp_path / "demo.yaml").write_text(TOPIC + cues, encoding="utf-8")
    result = load_bank([tmp_path])
    return [str(problem) for problem in result.problems], result.bank.question("demo/balance")


def test_cues_are_optional_and_load_into_the_model(tmp_path: Path) -> None:
    problems, question = load(tmp_path, CUES)
    assert problems == []
    assert question is not None
    (cue,) = question.cues  # type: ignore[attr-defined]
    assert cue.point == 1 and cue.needs == ("minimi[sz]|push(es)? down|as small as",)
    assert question.to_dict()["cues"][0]["point"] == 1  # type: ignore[attr-defined]
    assert load(tmp_path, "")[1].cues == ()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("cues", "message"),
    [
        (CUES.replace("point: 1", "point: 3"), "cues name key point 3, but there are 2"),
        (CUES.replace("point: 1", "point: 0"), "greater than or equal to 1"),
        (CUES + "      - point: 1\n        needs: [x]\n", "the same key point twice"),
        (CUES.replace("minimi[sz]|", "minimi[sz|"), "not a valid regular expression"),
        (CUES.replace("needs:", "wants:"), "wants"),
    ],
)
def test_bad_cues_are_reported_with_the_file(tmp_path: Path, cues: str, message: str) -> None:
    problems, question = load(tmp_path, cues)
    assert question is None
    assert len(problems) == 1 and "demo.yaml" in problems[0] and message in problems[0]


def test_needs_and_contradicts_decide_the_point(tmp_path: Path) -> None:
    _, question = load(tmp_path, CUES)
    words = FuzzyWords()

    def covered(answer: str) -> bool:
        result = grade_answer(
            "demo/balance",
            question.key_points,  # type: ignore[attr-defined]
            answer,
            words,
            cues=question.cues,  # type: ignore[attr-defined]
        )
        point = result.points[0]
        assert point.evidence is None or point.evidence in answer
        return point.covered

    assert covered("We push down the auxiliary loss during training.")
    assert not covered("The balance loss is there so that experts specialise.")
    assert not covered("We minimise the router loss. Later we maximise the balance term.")


def test_every_bundled_cue_names_a_key_point_and_compiles() -> None:
    bank = load_bank([bundled_content_dir()]).bank
    with_cues = [question for question in bank.questions if question.cues]
    assert len(with_cues) >= 66
    for question in with_cues:
        for cue in question.cues:
            assert 1 <= cue.point <= len(question.key_points), question.id
            for pattern in (*cue.needs, *cue.contradicts):
                re.compile(pattern, re.IGNORECASE)


@pytest.mark.parametrize(
    ("answer", "claimed"),
    [
        ("Greedy decoding samples at random from the distribution.", True),
        ("Greedy decoding does not sample at random.", False),
        ("Greedy decoding doesn't sample at random.", False),
        ("It is a myth that greedy decoding samples at random.", False),
        ("Beam search is never random. Greedy decoding samples at random.", True),
        ("Unlike what many think, greedy decoding samples at random.", False),
        (
            "People often think greedy decoding samples at random, but it takes the top token.",
            False,
        ),
        ("It is tempting to say that greedy decoding samples at random.", False),
        ("It is commonly believed that greedy decoding samples at random.", False),
        ("I think greedy decoding samples at random.", True),
    ],
)
def test_a_misconception_said_only_to_deny_it_is_not_asserted(answer: str, claimed: bool) -> None:
    assert asserted("greedy[^.]{0,30}samples", answer) is claimed


def test_a_pattern_that_spells_out_negation_is_taken_as_written() -> None:
    assert asserted("(does not|doesn.t) freeze", "LoRA does not freeze the base weights.")
    assert not asserted("(does not|doesn.t) freeze", "LoRA freezes the base weights.")


def test_a_sentence_asserting_a_misconception_is_no_evidence_for_any_point(
    tmp_path: Path,
) -> None:
    _, question = load(tmp_path, CUES)

    def spread_covered(answer: str) -> bool:
        result = grade_answer(
            "demo/balance",
            question.key_points,  # type: ignore[attr-defined]
            answer,
            FuzzyWords(),
            cues=question.cues,  # type: ignore[attr-defined]
        )
        return result.points[1].covered

    assert spread_covered("Tokens spread evenly over the experts.")
    assert not spread_covered("We maximise the balance loss so tokens spread evenly over experts.")
    assert spread_covered(
        "We maximise the balance loss. Separately, tokens spread evenly over the experts."
    )
    assert spread_covered("We never maximise the balance loss; tokens spread evenly over experts.")


def test_no_bundled_misconception_is_asserted_by_its_own_model_answer() -> None:
    bank = load_bank([bundled_content_dir()]).bank
    vetoed = [
        (question.id, cue.point)
        for question in bank.questions
        for cue in question.cues
        if contradicted(cue, question.answer)
    ]
    assert vetoed == []


def test_words_that_merely_contain_a_negation_do_not_make_a_pattern_literal() -> None:
    assert not asserted("parent beam is dropped", "It is not true that the parent beam is dropped.")
    assert asserted("parent beam is dropped", "The parent beam is dropped.")


@pytest.mark.parametrize(
    ("answer", "met"),
    [
        ("We log the token counts of every call.", 1.0),
        ("Token counts are not worth logging.", 0.5),
        ("We never log token counts.", 0.0),
        ("There's no need to log token counts.", 0.5),
        ("We don't log prompts, but we log token counts.", 1.0),
        ("Not for privacy reasons, we always log token counts of each call.", 1.0),
    ],
)
def test_a_negated_need_is_not_met(answer: str, met: float) -> None:
    """Each need on its own: a negated 'log' is unmet while 'token counts' still counts."""
    cues = PointCues(1, needs=(r"\blog", "token counts?"))
    assert needs_met(cues, answer) == met


def test_a_point_stated_in_the_negative_matches_its_needs_literally() -> None:
    cues = PointCues(1, needs=("change",))
    assert needs_met(cues, "Temperature does not change the ranking.") == 0.0
    assert needs_met(cues, "Temperature does not change the ranking.", literal=True) == 1.0
    assert states_negation("Temperature does not change the ranking of tokens")
    assert not states_negation("Temperature divides the logits")


def test_two_misconceptions_leave_the_other_points_for_the_user_to_tick() -> None:
    key_points = [
        "The balance loss is minimised",
        "The router picks the top-k experts per token",
        "Tokens spread evenly over the experts",
    ]
    cues = (
        PointCues(1, contradicts=(r"maximi[sz]\w*[^.]{0,30}balanc",)),
        PointCues(2, contradicts=(r"router[^.]{0,30}per (document|sequence)",)),
    )
    spread = "Thanks to it, tokens spread evenly over the experts."
    one_slip = "We maximise the balance loss. " + spread
    two = "We maximise the balance loss. The router chooses per document. " + spread

    def grade(answer: str) -> GradeResult:
        return grade_answer("demo/moe", key_points, answer, FuzzyWords(), cues=cues)

    assert grade(one_slip).points[2].covered and grade(one_slip).notice is None
    result = grade(two)
    third = result.points[2]
    assert third.verdict is Verdict.PARTIAL and third.evidence == spread
    assert result.covered == 0
    assert result.notice is not None and "key points 1, 2," in result.notice
