"""Search: every word must match; matches in the question rank above tags, tags above answers."""

from __future__ import annotations

from pathlib import Path

from tui.core.bank import load_bank
from tui.core.search import SearchIndex


def test_ranking_and_all_words(fixture_bank_dir: Path) -> None:
    index = SearchIndex(load_bank([fixture_bank_dir]).bank.questions)
    assert [hit.question.id for hit in index.search("square root")] == ["attention/why-scale"]
    ranked = [hit.question.id for hit in index.search("attention")]
    assert ranked[:2] == ["attention/compute", "attention/why-scale"]
    assert index.search("RECIPROCAL rank")[0].question.id == "retrieval/rrf"
    assert index.search("softmax nonexistentword") == []
    assert index.search("   ") == []
    scores = {hit.question.id: hit.score for hit in index.search("retrieval")}
    assert scores["retrieval/rrf"] == 2  # a tag match, not in the question text
