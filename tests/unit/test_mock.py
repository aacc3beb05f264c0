"""Mock interviews without the UI: drawing questions, scoring answers, the mock log."""

from __future__ import annotations

import json
import random
import sqlite3
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.core.bank import Bank, load_bank
from tui.core.mock import DIFFERENTIATOR_TOPICS, Mix, draw
from tui.core.mock_score import score, share
from tui.core.models import Difficulty
from tui.paths import bundled_content_dir
from tui.store.mock_log import MockAnswer
from tui.store.progress import Progress

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def bundled() -> Bank:
    """The shipped bank: enough topics to see the spread."""
    result = load_bank([bundled_content_dir()])
    assert not result.errors
    return result.bank


@pytest.fixture
def small(fixture_bank_dir: Path) -> Bank:
    """The two-topic fixture bank: 2 junior and 2 mid questions."""
    result = load_bank([fixture_bank_dir])
    assert not result.errors
    return result.bank


# draw ------------------------------------------------------------------------


@pytest.mark.parametrize("mix", [Mix.JUNIOR, Mix.MID, Mix.SENIOR])
def test_draw_takes_only_the_chosen_level(bundled: Bank, mix: Mix) -> None:
    drawn = draw(bundled, mix, 8, random.Random(1))
    assert len(drawn) == 8
    assert {q.difficulty for q in drawn} == {Difficulty(mix.value)}
    assert len({q.id for q in drawn}) == 8, "no question twice"


def test_draw_differentiators_come_from_the_four_seed_topics_one_each(bundled: Bank) -> None:
    drawn = draw(bundled, Mix.DIFFERENTIATORS, 4, random.Random(2))
    assert sorted(q.topic_id for q in drawn) == sorted(DIFFERENTIATOR_TOPICS)
    assert {q.difficulty for q in drawn} == {Difficulty.SENIOR}


def test_differentiators_draw_only_senior_questions_of_their_topics(bundled: Bank) -> None:
    drawn = draw(bundled, Mix.DIFFERENTIATORS, bundled.question_count, random.Random(5))
    assert drawn, "the bundled bank has senior differentiator questions"
    assert {q.difficulty for q in drawn} == {Difficulty.SENIOR}
    assert {q.topic_id for q in drawn} == set(DIFFERENTIATOR_TOPICS)


def test_draw_spreads_over_topics_before_repeating_one(bundled: Bank) -> None:
    topics_with_senior = {
        q.topic_id for q in bundled.questions if q.difficulty is Difficulty.SENIOR
    }
    count = len(topics_with_senior)
    drawn = draw(bundled, Mix.SENIOR, count, random.Random(3))
    assert Counter(q.topic_id for q in drawn).most_common(1)[0][1] == 1
    drawn = draw(bundled, Mix.SENIOR, count + 3, random.Random(3))
    assert max(Counter(q.topic_id for q in drawn).values()) == 2


def test_draw_is_capped_by_the_questions_available(small: Bank) -> None:
    drawn = draw(small, Mix.JUNIOR, 10, random.Random(4))
    assert sorted(q.id for q in drawn) == ["attention/compute", "retrieval/pipeline"]
    assert draw(small, Mix.SENIOR, 5, random.Random(4)) == []
    assert draw(small, Mix.DIFFERENTIATORS, 5, random.Random(4)) == []


def test_draw_is_deterministic_with_a_seeded_random(bundled: Bank) -> None:
    first = [q.id for q in draw(bundled, Mix.MID, 8, random.Random(42))]
    again = [q.id for q in draw(bundled, Mix.MID, 8, random.Random(42))]
    others = {tuple(q.id for q in draw(bundled, Mix.MID, 8, random.Random(s))) for s in range(5)}
    assert first == again
    assert len(others) > 1, "the seed matters"


# score -----------------------------------------------------------------------


def test_score_per_topic_overall_and_weakest_first(small: Bank) -> None:
    answers = [
        MockAnswer("retrieval/rrf", (0, 1), 3, 2, 3000),
        MockAnswer("attention/compute", (0, 1, 2), 3, 3, 1000),
        MockAnswer("attention/why-scale", (), 3, 1, 2000),
    ]
    result = score(small, answers)
    assert result.overall == pytest.approx((2 / 3 + 1 + 0) / 3)
    assert [(t.title, round(t.share, 3), t.answered) for t in result.topics] == [
        ("Self-attention", 0.5, 2),
        ("Retrieval-augmented generation", 0.667, 1),
    ]
    assert [w.question.id for w in result.weak] == ["attention/why-scale", "retrieval/rrf"]
    assert result.weak[0].missed == [
        "Variance of the dot product is d_k",
        "Saturated softmax has tiny gradients",
        "Scaling restores unit variance",
    ]
    assert result.weak[1].missed == ["No calibration needed"]


def test_score_of_nothing_and_share_edges(small: Bank) -> None:
    assert score(small, []).overall == 0.0
    assert share(MockAnswer("x/y", (), 0, 3, None)) == 1.0
    assert share(MockAnswer("x/y", (0, 0, 5), 2, 3, None)) == 1.0


# mock log ----------------------------------------------------------------------


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows read with a separate connection, so only committed data is seen."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_mock_log_round_trip_is_committed_and_apart_from_reviews(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    progress = Progress.open(db)
    mocks = progress.mocks
    session = mocks.start("mid", 120, NOW)
    other = mocks.start("junior", 60, NOW)
    assert session != other and mocks.session_count() == 2
    first = MockAnswer("attention/why-scale", (2, 0), 3, 2, 95000)
    second = MockAnswer("retrieval/rrf", (), 3, 1, None)
    mocks.record(session, first, NOW + timedelta(minutes=2))
    mocks.record(session, second, NOW + timedelta(minutes=4))
    assert mocks.answers(session) == [
        MockAnswer("attention/why-scale", (0, 2), 3, 2, 95000),
        second,
    ]
    assert mocks.answers(other) == []
    mocks.finish(session, NOW + timedelta(minutes=5))
    assert _rows(db, "SELECT applied, finished_at IS NOT NULL FROM mock_sessions ORDER BY id") == [
        (0, 1),
        (0, 0),
    ]
    mocks.mark_applied(session)
    assert _rows(db, "SELECT applied FROM mock_sessions ORDER BY id") == [(1,), (0,)]
    ticks = _rows(db, "SELECT key_points_ticked FROM mock_answers ORDER BY id")
    assert [json.loads(str(row[0])) for row in ticks] == [[0, 2], []]
    assert _rows(db, "SELECT count(*) FROM reviews") == [(0,)]
    progress.close()

    reopened = Progress.open(db)
    assert reopened.mocks.answers(session)[0].ticked == (0, 2)
    reopened.close()


def test_mock_log_refuses_a_rating_out_of_range(tmp_path: Path) -> None:
    from tui.store.errors import StoreError

    progress = Progress.open(tmp_path / "p.db")
    session = progress.mocks.start("mid", 60, NOW)
    with pytest.raises(StoreError):
        progress.mocks.record(session, MockAnswer("a/b", (), 1, 5, None), NOW)
    assert progress.mocks.answers(session) == []
    progress.close()
