"""A mock interview in typed mode: graded answers, time up waits for the box, the report."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app
from test_mock_interview import rows, screen_text, start_mock, wait_until
from textual.pilot import Pilot
from textual.widgets import TextArea
from typing_text import type_text

from tui.ui.screens.answer_box import AnswerScreen
from tui.ui.screens.mock_report import MockReportScreen
from tui.ui.screens.mock_session import MockSessionScreen, Phase
from tui.ui.widgets.rubric import RubricChecklist

ANSWERS = {
    "attention/why-scale": (
        "The dot product of q and k has a variance of d_k when the parts have unit variance. "
        "Dividing by the square root brings the variance back to one."
    ),
    "retrieval/rrf": "It sums one over k plus the rank, so it only uses ranks, not raw scores.",
}


async def type_and_submit(pilot: Pilot[None], session: MockSessionScreen) -> frozenset[int]:
    """Open the box, type the start of the current question's answer key by key and the rest at
    once, submit, wait for the grader; returns the points it ticked."""
    answer = ANSWERS[session.current.id]
    await pilot.press("a")
    assert isinstance(pilot.app.screen, AnswerScreen)
    await type_text(pilot, answer[:6])
    pilot.app.screen.query_one(TextArea).insert(answer[6:])
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert session.phase is Phase.TICKING
    rubric = session.query_one(RubricChecklist)
    assert rubric.ticked == set(session.ticked)
    verdicts = re.compile(r"(covered|partial|missing) \d+%")
    assert all(verdicts.search(str(rubric.get_option_at_index(i).prompt)) for i in range(3))
    return session.ticked


async def test_typed_mock_stores_linked_answers_and_reports_coverage_and_misses(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "progress.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        session = await start_mock(pilot, down=1, count="2")
        asked = [q.id for q in session.questions]
        finals: dict[str, list[int]] = {}
        for question_id in asked:
            ticked = await type_and_submit(pilot, session)
            assert ticked, f"the grader found something in the answer to {question_id}"
            await pilot.press("enter", "enter")  # keep the grader's ticks, accept the rating
            finals[question_id] = sorted(ticked)
        report = app.screen
        assert isinstance(report, MockReportScreen)
        text = screen_text(app)
        assert "Typed answers: key points covered per question" in text
        assert "Key points missed most often" in text
        assert "grader" in text
    mock_answers = dict(rows(db, "SELECT question_id, id FROM mock_answers"))
    typed = rows(
        db, "SELECT question_id, final_ticked, mock_answer_id, review_id FROM typed_answers"
    )
    assert sorted(typed) == sorted(
        (qid, json.dumps(finals[qid]), mock_answers[qid], None) for qid in asked
    )
    assert rows(db, "SELECT count(*) FROM reviews") == [(0,)], "a mock never touches FSRS"


async def test_time_up_while_typing_waits_for_the_answer(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    clock = FakeClock(FIXED_NOW)
    app = make_app([fixture_bank_dir], tmp_path / "progress.db", clock)
    async with app.run_test(size=(100, 30)) as pilot:
        session = await start_mock(pilot, down=1, count="1")
        await pilot.press("a")
        await type_text(pilot, "a half")
        clock.advance(seconds=200)
        await pilot.pause(0.7)  # the session's clock ticks every 0.5 s
        assert isinstance(app.screen, AnswerScreen), "time up does not close the box"
        assert session.phase is Phase.ASKING
        await pilot.press("escape")
        await wait_until(pilot, lambda: session.phase is Phase.TICKING, "time up to reveal")
        assert session.ticked == frozenset(), "nothing typed was graded"
