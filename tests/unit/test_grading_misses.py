"""The key points missed most often across typed answers."""

from __future__ import annotations

from tui.core.grading.misses import Attempt, most_missed

RAG = ("retrieve passages", "ground the answer", "cite sources")
LORA = ("low-rank update", "frozen base weights")


def test_points_are_ranked_by_how_often_they_were_missed() -> None:
    attempts = [
        Attempt("rag", RAG, {0}),
        Attempt("rag", RAG, {0, 1}),
        Attempt("rag", RAG, {0, 1, 2}),
        Attempt("lora", LORA, {1}),
    ]
    ranked = [(p.question_id, p.text, p.missed, p.attempts) for p in most_missed(attempts)]
    assert ranked == [
        ("rag", "cite sources", 2, 3),
        ("lora", "low-rank update", 1, 1),
        ("rag", "ground the answer", 1, 3),
    ]


def test_points_never_missed_are_left_out_and_the_limit_holds() -> None:
    attempts = [Attempt("rag", RAG, {0, 1, 2}), Attempt("lora", LORA, set())]
    assert [p.text for p in most_missed(attempts)] == list(LORA)
    assert [p.text for p in most_missed(attempts, limit=1)] == ["low-rank update"]
    assert most_missed([]) == []
