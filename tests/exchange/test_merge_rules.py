"""The pure rules: which questions a cram scope holds, and how two versions of a note merge."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tui.core.bank import load_bank
from tui.core.cram import CramScope, cram_questions
from tui.exchange.progress_merge import merged_note

WHEN = datetime(2026, 11, 5, tzinfo=UTC)


def test_a_note_changed_on_both_sides_keeps_both_texts_once() -> None:
    both = merged_note("mine", "theirs", WHEN)
    assert both is not None and both.startswith("mine") and both.endswith("theirs")
    assert "2026-11-05" in both
    assert merged_note(both, "theirs", WHEN) is None, "merging again adds nothing"
    assert merged_note("mine", "mine", WHEN) is None
    assert merged_note("mine", "mine, extended", WHEN) == "mine, extended"


def test_cram_scopes_pick_questions_due_or_not(fixture_bank_dir: Path) -> None:
    bank = load_bank([fixture_bank_dir]).bank
    questions = list(bank.questions)
    every = [question.id for question in questions]

    def ids(
        scope: CramScope,
        marked: frozenset[str] = frozenset(),
        flagged: frozenset[str] = frozenset(),
    ) -> list[str]:
        return [q.id for q in cram_questions(bank, scope, marked, flagged)]

    assert ids(CramScope("topic", "attention")) == [i for i in every if i.startswith("attention/")]
    level = questions[0].difficulty.value
    assert ids(CramScope("difficulty", level)) == [
        q.id for q in questions if q.difficulty.value == level
    ]
    tag = questions[0].tags[0]
    assert ids(CramScope("tag", tag)) == [q.id for q in questions if tag in q.tags]
    assert ids(CramScope("bookmarks"), marked=frozenset({"retrieval/rrf"})) == ["retrieval/rrf"]
    assert ids(CramScope("flagged"), flagged=frozenset({"attention/compute", "gone/x"})) == [
        "attention/compute"
    ]
