"""The review screen says which grader graded: the LLM judge, or offline with the reason."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXED_NOW
from factory import FakeClock, make_app
from test_typed_answers import ANSWER, body_text, submit_answer
from typing_text import type_text

from tests.judge.fake_server import completion, judge_server
from tui.config import Settings, save_settings
from tui.ui.screens.dashboard import DashboardScreen


def judged(body: dict[str, Any]) -> tuple[int, str, float]:
    """Point 1 covered with a real quote, point 2 partial, point 3 missing."""
    reply = {
        "key_points": [
            {"index": 1, "verdict": "covered", "evidence": "each key as a dot product."},
            {"index": 2, "verdict": "partial", "evidence": None},
            {"index": 3, "verdict": "missing", "evidence": None},
        ]
    }
    return 200, completion(json.dumps(reply)), 0.0


async def test_the_judge_grades_and_the_screen_names_it(
    tmp_path: Path, fixture_bank_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with judge_server(judged) as server:
        monkeypatch.setenv("GENAI_TUI_JUDGE_URL", server.url)
        monkeypatch.setenv("GENAI_TUI_JUDGE_MODEL", "judge-test")
        app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
        async with app.run_test(size=(80, 24)) as pilot:
            review = await submit_answer(pilot)
            assert review.ticked == {0}, "the partial point is not ticked"
            assert "Graded by the LLM judge: 1 of 3 covered" in body_text(review)
    assert len(server.requests) == 1
    assert json.loads(server.requests[0]["messages"][1]["content"])["answer"] == ANSWER


async def test_a_failing_judge_is_named_and_the_offline_grader_steps_in(
    tmp_path: Path, fixture_bank_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with judge_server(lambda _body: (500, "{}", 0.0)) as server:
        monkeypatch.setenv("GENAI_TUI_JUDGE_URL", server.url)
        monkeypatch.setenv("GENAI_TUI_JUDGE_MODEL", "judge-test")
        app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
        async with app.run_test(size=(80, 24)) as pilot:
            review = await submit_answer(pilot)
            body = body_text(review)
            notices = [str(n.message) for n in app._notifications]
    assert "Graded by the offline grader: 2 of 3 covered" in body
    assert any("LLM judge not used (HTTP 500" in notice for notice in notices)


def test_saving_settings_keeps_the_judge_table(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('theme = "nord"\n\n[judge]\nurl = "http://127.0.0.1:8080/v1"\nmodel = "m"\n')
    save_settings(config, Settings(theme="gruvbox"))
    text = config.read_text()
    assert 'theme = "gruvbox"' in text
    assert '[judge]\nurl = "http://127.0.0.1:8080/v1"\nmodel = "m"' in text


async def test_an_answer_whose_session_ended_while_grading_is_still_kept(
    tmp_path: Path, fixture_bank_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "p.db"
    slow = judged_after(1.0)
    with judge_server(slow) as server:
        monkeypatch.setenv("GENAI_TUI_JUDGE_URL", server.url)
        monkeypatch.setenv("GENAI_TUI_JUDGE_MODEL", "judge-test")
        app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("r", "a")
            await type_text(pilot, "dot products of queries and keys")
            await pilot.press("ctrl+s", "escape")  # the judge is still thinking
            assert isinstance(app.screen, DashboardScreen)
            await app.workers.wait_for_complete()
            await pilot.pause()
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT answer, grader, review_id FROM typed_answers").fetchall()
    finally:
        conn.close()
    assert rows == [("dot products of queries and keys", "llm", None)]


def judged_after(seconds: float) -> Any:
    """The `judged` reply, sent after a pause."""

    def reply(body: dict[str, Any]) -> tuple[int, str, float]:
        status, text, _ = judged(body)
        return status, text, seconds

    return reply
