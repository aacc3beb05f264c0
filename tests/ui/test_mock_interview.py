"""Pilot tests of the mock interview: setup, timed questions, rubric grading, the report."""

from __future__ import annotations

import html
import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app
from textual.pilot import Pilot

from tui.core.models import Difficulty
from tui.ui.app import GenAITUI
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.screens.mock import MockSetupScreen
from tui.ui.screens.mock_report import MockReportScreen
from tui.ui.screens.mock_session import MockSessionScreen, Phase
from tui.ui.screens.review import ReviewScreen
from tui.ui.widgets.question_detail import QuestionDetail
from tui.ui.widgets.rubric import RubricChecklist


def screen_text(app: GenAITUI) -> str:
    """Plain text of the screen via Textual's own screenshot export."""
    text = re.sub(r"<[^>]+>", "", app.export_screenshot())
    return html.unescape(text).replace("\xa0", " ")


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows read with a separate connection: only what was committed."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


async def start_mock(pilot: Pilot[None], down: int, count: str) -> MockSessionScreen:
    """`m`, move `down` mixes from Junior, type the number of questions, keep 3 minutes, Enter."""
    await pilot.press("m")
    assert isinstance(pilot.app.screen, MockSetupScreen)
    await pilot.press(*["j"] * down, "tab", "backspace", *count, "enter")
    await pilot.pause()
    session = pilot.app.screen
    assert isinstance(session, MockSessionScreen)
    return session


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    """Let the session's 0.5 s interval run until `condition` holds (at most 5 s)."""
    for _ in range(50):
        if condition():
            return
        await pilot.pause(0.1)
    raise AssertionError(f"timed out waiting for {what}")


async def test_mock_interview_is_timed_graded_logged_apart_and_applied_on_request(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "progress.db"
    clock = FakeClock(FIXED_NOW)
    app = make_app([fixture_bank_dir], db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        session = await start_mock(pilot, down=1, count="2")
        assert session.mix.value == "mid" and session.seconds == 180
        first, second = (q.id for q in session.questions)
        assert {q.difficulty for q in session.questions} == {Difficulty.MID}
        assert {first, second} == {"attention/why-scale", "retrieval/rrf"}
        assert rows(db, "SELECT mix, seconds_each FROM mock_sessions") == [("mid", 180)]

        detail = session.query_one(QuestionDetail)
        assert detail.view is not None and not detail.view.revealed
        text = screen_text(app)
        assert "Answer hidden" in text and "Time left 3:00" in text
        assert "Key points you covered" not in text

        clock.advance(seconds=100)
        await wait_until(pilot, lambda: "Time left 1:20" in screen_text(app), "the countdown")
        assert session.phase is Phase.ASKING
        clock.advance(seconds=81)
        await wait_until(pilot, lambda: session.phase is Phase.TICKING, "the time-up reveal")
        assert detail.view is not None and detail.view.revealed, "time up reveals the answer"
        assert isinstance(app.focused, RubricChecklist)
        assert "Time up" in screen_text(app)

        await pilot.press("1", "3")
        assert "Covered 2 of 3 key points · suggested Hard" in screen_text(app)
        await pilot.press("enter")
        assert session.phase is Phase.RATING
        assert "Enter accepts Hard" in screen_text(app)
        await pilot.press("enter")  # accept the suggestion

        assert session.index == 1 and session.phase is Phase.ASKING
        assert detail.view is not None and not detail.view.revealed
        clock.advance(seconds=42)
        await pilot.press("space", "2", "enter", "4")  # reveal, tick one point, override: Easy

        report = app.screen
        assert isinstance(report, MockReportScreen)
        text = screen_text(app)
        assert "Score by topic" in text and "Overall" in text
        score_of = {first: "67%", second: "33%"}
        title_of = {"attention/why-scale": "Self-attention", "retrieval/rrf": "Retrieval"}
        for question_id in (first, second):
            assert re.search(rf"{title_of[question_id]}[^%]*{score_of[question_id]}", text)
        assert "Weakest points" in text
        points = {q.id: q.key_points for q in session.questions}
        for point in (points[first][1], points[second][0], points[second][2]):
            assert point in text
        for point in (points[first][0], points[second][1]):
            assert point not in text.split("Weakest points")[1].split("Time per question")[0]
        assert "3:00 time up" in text and "0:42" in text

        answers = rows(
            db,
            "SELECT question_id, key_points_ticked, key_points_total, rating, duration_ms "
            "FROM mock_answers ORDER BY id",
        )
        assert [(a[0], json.loads(str(a[1])), a[2], a[3], a[4]) for a in answers] == [
            (first, [0, 2], 3, 2, 180_000),
            (second, [1], 3, 4, 42_000),
        ]
        assert rows(db, "SELECT count(*) FROM reviews") == [(0,)], "mock results stay apart"
        assert rows(db, "SELECT applied, finished_at IS NOT NULL FROM mock_sessions") == [(0, 1)]

        await pilot.press("a")
        assert rows(db, "SELECT question_id, rating, key_points_ticked FROM reviews") == [
            (first, 2, "[0, 2]"),
            (second, 4, "[1]"),
        ]
        assert rows(db, "SELECT applied FROM mock_sessions") == [(1,)]
        assert "applied to your schedule" in screen_text(app)
        await pilot.press("a")
        assert rows(db, "SELECT count(*) FROM reviews") == [(2,)], "applied only once"

        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_r_on_the_report_reviews_the_weak_questions(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "progress.db"
    clock = FakeClock(FIXED_NOW)
    app = make_app([fixture_bank_dir], db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        session = await start_mock(pilot, down=0, count="5")  # capped at the 2 junior questions
        assert len(session.questions) == 2
        weak = session.questions[1].id
        await pilot.press("space", "1", "2", "3", "enter", "enter")  # everything covered: Good
        await pilot.press("space", "enter", "enter")  # nothing covered: Again
        assert isinstance(app.screen, MockReportScreen)
        assert rows(db, "SELECT rating FROM mock_answers ORDER BY id") == [(3,), (1,)]
        await pilot.press("r")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert [q.id for q in review.queue] == [weak]
        await pilot.press("escape")
        assert isinstance(app.screen, MockReportScreen)
    assert rows(db, "SELECT count(*) FROM reviews") == [(0,)]


async def test_escape_asks_then_ends_early_with_a_report_of_the_answered(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "progress.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(80, 24)) as pilot:
        session = await start_mock(pilot, down=0, count="2")
        await pilot.press("space", "1", "enter", "enter", "escape")
        await pilot.press("n")  # changed my mind: carry on
        assert app.screen is session and session.index == 1
        await pilot.press("escape", "enter")
        report = app.screen
        assert isinstance(report, MockReportScreen)
        assert len(report.answers) == 1
        assert "1 of 2 graded" in screen_text(app)
    assert rows(db, "SELECT finished_at IS NOT NULL FROM mock_sessions") == [(1,)]
    assert rows(db, "SELECT count(*) FROM mock_answers") == [(1,)]


async def test_setup_refuses_bad_numbers_and_escape_cancels(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "progress.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m", "tab", "backspace", "0", "enter")
        assert isinstance(app.screen, MockSetupScreen), "zero questions does not start"
        await pilot.press("backspace", "1", "shift+tab", "j", "j", "enter")
        assert isinstance(app.screen, MockSetupScreen), "no senior questions in this bank"
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)
    assert rows(db, "SELECT count(*) FROM mock_sessions") == [(0,)]


HOSTILE_TOPIC = r"""id: evil
title: "Evil [bold]topic[/bold] \e[31mred"
section: Tests
summary: Hostile text.
questions:
  - id: evil/one
    difficulty: junior
    question: "What does [red]this[/red] \e[2J do?"
    answer: "Nothing [b]bold[/b]."
    key_points:
      - "Point [i]one[/i] \e]8;;http://x\e\\link"
      - "Point two"
"""


async def test_content_is_shown_as_inert_text_never_markup(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "evil.yaml").write_text(HOSTILE_TOPIC, encoding="utf-8")
    app = make_app([bank], tmp_path / "p.db", FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_mock(pilot, down=0, count="1")
        await pilot.press("space")
        text = screen_text(app)
        assert "[red]this[/red]" in text and "Point [i]one[/i]" in text
        await pilot.press("2", "enter", "enter")
        assert isinstance(app.screen, MockReportScreen)
        text = screen_text(app)
        assert "Evil [bold]topic[/bold]" in text, "titles are not parsed as markup"
        assert "Point [i]one[/i]" in text and "link" in text
        assert "\x1b" not in text and "8;;http" not in text
