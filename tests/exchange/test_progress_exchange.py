"""`export progress` and `import progress`: round trip, merge rules, and bad files refused."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.exchange.history import make_history, sha256
from tests.test_cli import run

COMPARED = ("reviews", "cram", "mastery", "retention", "due_forecast")


def stats(db: Path) -> dict[str, Any]:
    """`stats --json` for a database."""
    result = run("stats", "--json", "--db", str(db))
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def export(db: Path, target: Path) -> dict[str, Any]:
    """Export a database's progress and return the file's JSON."""
    result = run("export", "progress", str(target), "--db", str(db))
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(target.read_text())
    return document


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    """All rows of a query, sorted."""
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute(sql).fetchall(), key=repr)
    finally:
        conn.close()


def test_round_trip_keeps_reviews_due_mastery_and_retention(tmp_path: Path) -> None:
    source, copy = tmp_path / "laptop.db", tmp_path / "host.db"
    make_history(source, 300)
    document = export(source, tmp_path / "progress.json")
    assert document["format"] == "genai-tui-progress" and document["version"] == 1
    assert len(document["reviews"]) == 300
    assert "cards" not in document
    assert {"question_id", "rating", "reviewed_at", "duration_ms"} <= set(document["reviews"][0])
    assert len(document["notes"]) == len(document["bookmarks"]) == len(document["flags"]) == 1
    assert len(document["mock_sessions"]) == 1 and len(document["cram"]) == 1

    result = run("import", "progress", str(tmp_path / "progress.json"), "--db", str(copy))
    assert result.returncode == 0, result.stderr
    before, after = stats(source), stats(copy)
    assert before["reviews"] == 300 and before["cram"] == 1, "cram counted apart from reviews"
    for key in COMPARED:
        assert after[key] == before[key], key
    assert [(t["id"], t["due"], t["mastery"]) for t in after["topics"]] == [
        (t["id"], t["due"], t["mastery"]) for t in before["topics"]
    ]
    card_columns = "SELECT question_id, state, step, stability, difficulty, due FROM cards"
    assert rows(copy, card_columns) == rows(source, card_columns)
    log = "SELECT question_id, rating, reviewed_at, state_before FROM reviews"
    assert rows(copy, log) == rows(source, log)
    mock = "SELECT question_id, rating, key_points_ticked FROM mock_answers"
    assert rows(copy, mock) == rows(source, mock)


def test_merge_counts_shared_reviews_once_and_importing_twice_changes_nothing(
    tmp_path: Path,
) -> None:
    laptop, host = tmp_path / "laptop.db", tmp_path / "host.db"
    make_history(laptop, 120, seed=1)
    make_history(host, 80, seed=2, start=make_start(2026, 10, 20))
    laptop_file = tmp_path / "laptop.json"
    export(laptop, laptop_file)
    assert run("import", "progress", str(laptop_file), "--db", str(host)).returncode == 0
    assert stats(host)["reviews"] == 200
    assert list(tmp_path.glob("host.db.bak-import-*")), "the import backs the database up first"
    settled = sha256(host)
    again = run("import", "progress", str(laptop_file), "--db", str(host))
    assert again.returncode == 0 and "unchanged" in again.stdout
    assert sha256(host) == settled
    assert stats(host)["reviews"] == 200

    host_file = tmp_path / "host.json"
    export(host, host_file)
    assert run("import", "progress", str(host_file), "--db", str(laptop)).returncode == 0
    card_columns = "SELECT question_id, state, stability, difficulty, due FROM cards"
    assert rows(laptop, card_columns) == rows(host, card_columns)
    assert stats(laptop)["reviews"] == stats(host)["reviews"] == 200
    notes = dict(rows(host, "SELECT question_id, body FROM notes"))
    merged = next(iter(notes.values()))
    assert "note 1" in merged and "note 2" in merged, "a note changed on both sides keeps both"
    assert dict(rows(laptop, "SELECT question_id, body FROM notes")) == notes


def make_start(year: int, month: int, day: int) -> Any:
    """A fixed UTC start time."""
    from datetime import UTC, datetime

    return datetime(year, month, day, 8, 0, tzinfo=UTC)


BAD_FILES = {
    "truncated": ('{"format": "genai-tui-progress", "version": 1, "reviews": [', "not valid JSON"),
    "wrong type": (
        json.dumps(
            {
                "format": "genai-tui-progress",
                "version": 1,
                "exported_at": "2026-11-01T00:00:00+00:00",
                "reviews": [{"question_id": "rag/pipeline", "rating": "good", "reviewed_at": "x"}],
            }
        ),
        "reviews.0.rating",
    ),
    "newer version": (
        json.dumps({"format": "genai-tui-progress", "version": 99}),
        "format version 99 is newer",
    ),
    "not progress": ("[1, 2, 3]", "not a genai-tui progress file"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_never_touches_the_database(tmp_path: Path, case: str) -> None:
    db = tmp_path / "p.db"
    make_history(db, 20)
    before = sha256(db)
    text, problem = BAD_FILES[case]
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    result = run("import", "progress", str(bad), "--db", str(db))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and problem in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert sha256(db) == before
    assert not list(tmp_path.glob("p.db.bak-import-*"))


def test_a_review_of_an_unknown_question_is_kept_as_orphaned_progress(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    document = {
        "format": "genai-tui-progress",
        "version": 1,
        "exported_at": "2026-11-01T00:00:00+00:00",
        "reviews": [
            {"question_id": "gone/away", "rating": 3, "reviewed_at": "2026-10-01T09:00:00+00:00"}
        ],
    }
    source = tmp_path / "p.json"
    source.write_text(json.dumps(document))
    assert run("import", "progress", str(source), "--db", str(db)).returncode == 0
    report = stats(db)
    assert report["orphaned_progress"] == ["gone/away"]
    assert report["reviews"] == 1


def test_export_without_a_database_is_an_error(tmp_path: Path) -> None:
    result = run("export", "progress", str(tmp_path / "x.json"), "--db", str(tmp_path / "no.db"))
    assert result.returncode == 1
    assert "no progress database yet" in result.stderr
    assert not (tmp_path / "no.db").exists()


def test_typed_answers_travel_with_the_review_they_led_to(tmp_path: Path) -> None:
    source, copy = tmp_path / "a.db", tmp_path / "b.db"
    make_history(source, 5)
    conn = sqlite3.connect(source)
    review_id, question_id = conn.execute(
        "SELECT id, question_id FROM reviews ORDER BY id DESC LIMIT 1"
    ).fetchone()
    conn.execute(
        "INSERT INTO typed_answers (question_id, answer, created_at, grader, grader_points, "
        "final_ticked, total_points, review_id) VALUES (?, ?, ?, 'offline', '[]', '[0]', 3, ?)",
        [question_id, "my answer <with> tags", "2026-11-02T10:00:00.000000+00:00", review_id],
    )
    conn.commit()
    conn.close()
    document = export(source, tmp_path / "p.json")
    assert document["typed_answers"][0]["answer"] == "my answer <with> tags"
    assert document["typed_answers"][0]["review"]["question_id"] == question_id
    assert run("import", "progress", str(tmp_path / "p.json"), "--db", str(copy)).returncode == 0
    linked = rows(
        copy,
        "SELECT t.answer, r.question_id FROM typed_answers t JOIN reviews r ON r.id = t.review_id",
    )
    assert linked == [("my answer <with> tags", question_id)]
