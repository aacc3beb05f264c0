"""Bad databases are refused untouched; migrations back up first; writers lose nothing."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler

from tui.store import db as store_db
from tui.store.db import Migration, latest_version, migrations
from tui.store.errors import StoreError
from tui.store.progress import Progress

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    """sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_db(path: Path, ratings: int) -> None:
    """A real progress database with some ratings, checkpointed into the main file."""
    progress = Progress.open(path, Scheduler(enable_fuzzing=False))
    for index in range(ratings):
        progress.rate(f"t/q{index}", Rating.Good, NOW)
    progress.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    progress.close()


def test_truncated_database_is_refused_unchanged(tmp_path: Path) -> None:
    source = tmp_path / "full.db"
    make_db(source, 300)
    data = source.read_bytes()
    broken = tmp_path / "progress.db"
    broken.write_bytes(data[: len(data) // 2])
    before = digest(broken)
    with pytest.raises(StoreError, match="not a usable SQLite database"):
        Progress.open(broken)
    assert digest(broken) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full.db", "progress.db"]


def test_database_locked_past_the_timeout_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    make_db(path, 3)
    before = digest(path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sqlite3, sys, time
            conn = sqlite3.connect({str(path)!r}, isolation_level=None)
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            print("locked", flush=True)
            time.sleep(30)
        """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(StoreError, match="locked by another process"):
            Progress.open(path)
        assert time.monotonic() - started >= store_db.BUSY_TIMEOUT_MS / 1000 - 0.5
    finally:
        holder.kill()
        holder.wait()
    assert digest(path) == before


def test_read_only_database_is_refused_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "progress.db"
    make_db(path, 2)
    before = digest(path)
    real_access = os.access
    monkeypatch.setattr(
        store_db.os, "access", lambda p, mode: False if Path(p) == path else real_access(p, mode)
    )
    with pytest.raises(StoreError, match="read-only"):
        Progress.open(path)
    assert digest(path) == before


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to drop to another user")
def test_read_only_database_for_a_real_unprivileged_user(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = Path(os.path.realpath(os.environ.get("TMPDIR", "/tmp"))) / f"genai-ro-{os.getpid()}"
    folder.mkdir(mode=0o755)
    try:
        path = folder / "progress.db"
        make_db(path, 2)
        os.chmod(path, 0o644)
        before = digest(path)
        probe = subprocess.run(
            [
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                sys.executable,
                "-c",
                "import tui",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        if probe.returncode != 0:
            pytest.skip(f"the unprivileged user cannot run this checkout: {probe.stderr[-200:]}")
        result = subprocess.run(
            [
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                sys.executable,
                "-m",
                "tui",
                "stats",
                "--db",
                str(path),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(folder)},
        )
        assert result.returncode == 1
        assert "read-only" in result.stderr and "Traceback" not in result.stderr
        assert digest(path) == before
    finally:
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()


def test_migration_backs_up_the_old_version_first(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    conn = sqlite3.connect(path)
    conn.executescript(migrations()[0].path.read_text() + "\nPRAGMA user_version = 1;")
    conn.execute(
        "INSERT INTO reviews (question_id, rating, reviewed_at, card_after) "
        "VALUES ('t/q', 3, '2026-01-01T00:00:00.000000+00:00', '{}')"
    )
    conn.commit()
    conn.close()
    progress = Progress.open(path)
    assert progress.db.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    progress.close()
    backup = tmp_path / "progress.db.bak-1"
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT question_id FROM reviews").fetchall() == [("t/q",)]
    old.close()
    assert backup.stat().st_mode & 0o777 == 0o600


def test_failed_migration_leaves_the_data_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "progress.db"
    make_db(path, 5)
    broken = tmp_path / "999_broken.sql"
    broken.write_text("CREATE TABLE half_done (x);\nTHIS IS NOT SQL;\n")
    real = migrations()
    current = latest_version()
    monkeypatch.setattr(
        store_db, "migrations", lambda directory=None: [*real, Migration(999, broken)]
    )
    with pytest.raises(StoreError):
        Progress.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == current
    assert conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 5
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables
    conn.close()


def test_rollback_journal_fallback_is_announced() -> None:
    class NoWal:
        """A connection whose filesystem cannot do WAL."""

        def __init__(self) -> None:
            self.pragmas: list[str] = []

        def execute(self, sql: str) -> NoWal:
            self.pragmas.append(sql)
            return self

        def fetchone(self) -> tuple[str]:
            return ("delete",)

    conn = NoWal()
    notices = store_db._journal_mode(conn)  # type: ignore[arg-type]
    assert notices == ("WAL is not available here; using the delete journal instead",)
    assert "PRAGMA synchronous = FULL" in conn.pragmas


WRITER = """
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from fsrs import Rating, Scheduler
from tui.store.progress import Progress
progress = Progress.open(Path(sys.argv[1]), Scheduler(enable_fuzzing=False))
start = datetime(2026, 11, 29, tzinfo=UTC)
for index in range(int(sys.argv[3])):
    progress.rate(f"{sys.argv[2]}/q{index % 20}", Rating.Good, start + timedelta(minutes=index))
progress.close()
"""


def test_two_processes_rating_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    Progress.open(path).close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, "150"], env=env)
        for name in ("alpha", "beta")
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    conn = sqlite3.connect(path)
    counts = dict(
        conn.execute("SELECT substr(question_id, 1, 4), count(*) FROM reviews GROUP BY 1")
    )
    conn.close()
    assert counts == {"alph": 150, "beta": 150}


def test_upgrade_fills_state_before_from_the_logged_card(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    conn = sqlite3.connect(path)
    for migration in migrations()[:2]:
        conn.executescript(migration.path.read_text())
    conn.execute("PRAGMA user_version = 2")
    conn.executemany(
        "INSERT INTO reviews (question_id, rating, reviewed_at, card_before, card_after) "
        "VALUES (?, ?, '2026-01-01T00:00:00.000000+00:00', ?, '{}')",
        [("t/a", 3, '{"state": 2}'), ("t/b", 1, '{"state": 2}'), ("t/c", 3, None)],
    )
    conn.commit()
    conn.close()
    progress = Progress.open(path)
    assert progress.history.review_state_ratings() == (1, 2)
    progress.close()
    assert (tmp_path / "progress.db.bak-2").exists()
