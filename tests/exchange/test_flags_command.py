"""`genai-tui flags`: list flagged questions with topic, reason and date; remove a flag."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from tests.test_cli import run
from tui.store.progress import Progress


def test_flags_lists_and_removes(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    progress = Progress.open(db)
    progress.flags.flag(
        "rag/pipeline", "step 3 is\nwrong \x1b[31m", datetime(2026, 11, 3, tzinfo=UTC)
    )
    progress.close()
    listed = run("flags", "--json", "--db", str(db))
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == 1
    row = rows[0]
    assert row["id"] == "rag/pipeline"
    assert row["topic"] and row["topic"] != "rag"
    assert row["reason"].startswith("step 3 is wrong")
    assert row["flagged_at"].startswith("2026-11-03")
    text = run("flags", "--db", str(db)).stdout
    assert "2026-11-03  rag/pipeline" in text and "\x1b" not in text
    removed = run("flags", "--remove", "rag/pipeline", "--db", str(db))
    assert removed.returncode == 0
    assert json.loads(run("flags", "--json", "--db", str(db)).stdout) == []
    again = run("flags", "--remove", "rag/pipeline", "--db", str(db))
    assert again.returncode == 1 and "not flagged" in again.stderr


def test_flags_without_a_database_lists_nothing(tmp_path: Path) -> None:
    result = run("flags", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 0 and result.stdout.strip() == "no flagged questions"
    assert not (tmp_path / "none.db").exists()
