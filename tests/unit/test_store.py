"""The progress store: migrations, ratings, undo, and refusing databases it must not touch."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler, State

from tui.store.db import latest_version
from tui.store.errors import StoreError
from tui.store.progress import Progress

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def open_progress(path: Path) -> Progress:
    """A store with deterministic scheduling."""
    return Progress.open(path, Scheduler(enable_fuzzing=False))


def digest(path: Path) -> str:
    """sha256 of a file, to prove it was not modified."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_migrated_private_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "data" / "progress.db"
    progress = open_progress(path)
    version = progress.db.execute("PRAGMA user_version").fetchone()[0]
    mode = progress.db.execute("PRAGMA journal_mode").fetchone()[0]
    assert version == latest_version() >= 1
    assert mode == "wal"
    tables = {row[0] for row in progress.db.execute("SELECT name FROM sqlite_master")}
    assert tables >= {"cards", "reviews", "notes", "bookmarks", "mock_sessions", "mock_answers"}
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    progress.close()


def test_rating_is_committed_and_visible_to_another_connection(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    progress = open_progress(path)
    card = progress.rate("rag/pipeline", Rating.Good, NOW, duration_ms=1500).card
    assert card.state is State.Learning
    other = sqlite3.connect(path)
    row = other.execute(
        "SELECT question_id, rating, reviewed_at, duration_ms, card_before FROM reviews"
    ).fetchone()
    assert row == ("rag/pipeline", 3, "2026-11-29T12:00:00.000000+00:00", 1500, None)
    assert other.execute("SELECT count(*) FROM cards").fetchone()[0] == 1
    other.close()
    progress.close()


def test_fsrs_schedules_good_later_than_again(tmp_path: Path) -> None:
    progress = open_progress(tmp_path / "progress.db")
    progress.rate("a/x", Rating.Good, NOW)
    progress.rate("a/x", Rating.Good, NOW + timedelta(minutes=10))
    good = progress.card("a/x").due
    progress.rate("a/y", Rating.Again, NOW)
    again = progress.card("a/y").due
    assert again < good
    preview = progress.preview("a/x", NOW + timedelta(days=2))
    assert (
        preview[Rating.Again] < preview[Rating.Hard] <= preview[Rating.Good] < preview[Rating.Easy]
    )


def test_undo_restores_the_previous_card_and_removes_the_rating(tmp_path: Path) -> None:
    progress = open_progress(tmp_path / "progress.db")
    first = progress.rate("a/x", Rating.Good, NOW)
    second = progress.rate("a/x", Rating.Easy, NOW + timedelta(minutes=10))
    undone = progress.undo(second.review_id)
    assert undone is not None and undone.rating == Rating.Easy and undone.rating_name == "Easy"
    restored = progress.card("a/x")
    assert (restored.state, restored.stability, restored.due) == (
        first.card.state,
        first.card.stability,
        first.card.due,
    )
    assert progress.review_count() == 1
    progress.undo(first.review_id)
    assert progress.cards() == {}
    assert progress.review_count() == 0
    assert progress.undo(first.review_id) is None


def test_undo_keeps_a_later_rating_of_the_same_question(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    mine = open_progress(path)
    other = open_progress(path)  # a second window
    ours = mine.rate("a/x", Rating.Good, NOW)
    other.rate("a/x", Rating.Again, NOW + timedelta(minutes=1))
    assert mine.undo(ours.review_id) is None
    assert mine.review_count() == 2
    assert mine.card("a/x").state == other.card("a/x").state


def test_progress_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    progress = open_progress(path)
    progress.rate("a/x", Rating.Hard, NOW)
    progress.close()
    again = open_progress(path)
    assert again.review_count() == 1
    assert list(again.cards()) == ["a/x"]
    assert again.reviews_since(NOW - timedelta(hours=1)) == 1
    assert again.new_cards_since(NOW - timedelta(hours=1)) == 1


def test_file_that_is_not_sqlite_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    path.write_text("these are my notes, not a database\n" * 50)
    before = digest(path)
    with pytest.raises(StoreError, match="not an SQLite database"):
        open_progress(path)
    assert digest(path) == before


def test_newer_schema_version_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StoreError, match="newer than this genai-tui knows"):
        open_progress(path)
    assert digest(path) == before
    assert not path.with_name("progress.db-wal").exists()


def test_foreign_sqlite_database_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StoreError, match="did not create"):
        open_progress(path)
    assert digest(path) == before


def test_own_retrievability_matches_fsrs(tmp_path: Path) -> None:
    import fsrs

    from tui.core.cards import DEFAULT_DECAY, retrievability, to_fsrs

    scheduler = Scheduler(enable_fuzzing=False)
    assert scheduler.parameters[20] == DEFAULT_DECAY == fsrs.Scheduler().parameters[20]
    progress = open_progress(tmp_path / "progress.db")
    progress.rate("a/x", Rating.Good, NOW)
    progress.rate("a/x", Rating.Good, NOW + timedelta(days=1))
    card = progress.card("a/x")
    assert card is not None
    for days in (0, 1, 3, 10, 45, 400):
        moment = NOW + timedelta(days=days)
        expected = scheduler.get_card_retrievability(to_fsrs(card), moment)
        assert retrievability(card, moment) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        # UTC: 23:30 on the 1st, 00:10 and 09:00 on the 2nd, 22:59 on the 2nd
        (timedelta(0), {"2026-03-01": 1, "2026-03-02": 3}),
        # UTC+2: 23:30 -> 01:30 on the 2nd; 22:59 on the 2nd -> 00:59 on the 3rd
        (timedelta(hours=2), {"2026-03-02": 3, "2026-03-03": 1}),
        # UTC-5: 00:10 on the 2nd -> 19:10 on the 1st
        (timedelta(hours=-5), {"2026-03-01": 2, "2026-03-02": 2}),
        # UTC+5:30 (counted by SQLite's own date shift): 22:59 -> 04:29 on the 3rd
        (timedelta(hours=5, minutes=30), {"2026-03-02": 3, "2026-03-03": 1}),
    ],
)
def test_reviews_per_day_counts_local_days(
    tmp_path: Path, offset: timedelta, expected: dict[str, int]
) -> None:
    progress = open_progress(tmp_path / "p.db")
    moments = ["2026-03-01T23:30", "2026-03-02T00:10", "2026-03-02T09:00", "2026-03-02T22:59"]
    progress.db.executemany(
        "INSERT INTO reviews (question_id, rating, reviewed_at, card_after) VALUES (?, 3, ?, '{}')",
        [("t/q", f"{moment}:00.000000+00:00") for moment in moments],
    )
    per_day = progress.history.reviews_per_day(offset)
    assert {day.isoformat(): count for day, count in per_day.items()} == expected
    # `since` is exact, not rounded to its hour: 00:10 is in since's hour but before it
    since = datetime(2026, 3, 2, 0, 15, tzinfo=UTC)
    assert sum(progress.history.reviews_per_day(offset, since).values()) == 2
    progress.close()
