"""Sessions started at the same moment on one database all come up, and lose no rating."""

from __future__ import annotations

import multiprocessing
import sqlite3
from datetime import UTC, datetime, timedelta
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler

from tui.store.db import latest_version
from tui.store.errors import StoreError
from tui.store.progress import Progress

PROCESSES = 8
RATINGS_EACH = 25
START = datetime(2026, 12, 1, tzinfo=UTC)


def open_together(path: str, barrier: Barrier, results: multiprocessing.Queue[str]) -> None:
    """Open the database as soon as every process is ready; report its version or the error."""
    barrier.wait()
    try:
        progress = Progress.open(Path(path))
    except StoreError as error:
        results.put(f"error: {error}")
        return
    results.put(str(progress.db.execute("PRAGMA user_version").fetchone()[0]))
    progress.close()


def rate_together(
    path: str, name: str, barrier: Barrier, results: multiprocessing.Queue[str]
) -> None:
    """Open, wait for the others, then rate shared and own questions as fast as possible."""
    progress = Progress.open(Path(path), Scheduler(enable_fuzzing=False))
    barrier.wait()
    try:
        for index in range(RATINGS_EACH):
            question = f"shared/q{index % 5}" if index % 2 else f"{name}/q{index}"
            progress.rate(question, Rating.Good, START + timedelta(seconds=index))
    except StoreError as error:
        results.put(f"error: {error}")
        return
    finally:
        progress.close()
    results.put("ok")


def run_all(target: object, args: list[tuple[object, ...]]) -> list[str]:
    """Start one process per argument tuple behind a shared barrier; collect what each reports."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(args))
    results: multiprocessing.Queue[str] = context.Queue()
    processes = [
        context.Process(target=target, args=(*arguments, barrier, results)) for arguments in args
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=60)
    assert all(process.exitcode == 0 for process in processes)
    return sorted(results.get(timeout=5) for _ in processes)


@pytest.mark.parametrize("existing", [False, True], ids=["new", "existing"])
def test_eight_sessions_opening_at_once_all_come_up(tmp_path: Path, existing: bool) -> None:
    path = tmp_path / "progress.db"
    if existing:
        Progress.open(path).close()
    reports = run_all(open_together, [(str(path),)] * PROCESSES)
    assert reports == [str(latest_version())] * PROCESSES


def test_an_existing_database_is_not_written_when_no_migration_is_due(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    progress = Progress.open(path)
    progress.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    progress.close()
    files = {file.name: file.read_bytes() for file in tmp_path.iterdir()}
    Progress.open(path).close()
    assert {file.name: file.read_bytes() for file in tmp_path.iterdir()} == files


def test_eight_sessions_rating_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    Progress.open(path).close()
    names = [f"s{number}" for number in range(PROCESSES)]
    reports = run_all(rate_together, [(str(path), name) for name in names])
    assert reports == ["ok"] * PROCESSES
    conn = sqlite3.connect(path)
    total = conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
    shared = dict(
        conn.execute(
            "SELECT question_id, count(*) FROM reviews WHERE question_id LIKE 'shared/%' "
            "GROUP BY question_id"
        )
    )
    conn.close()
    assert total == PROCESSES * RATINGS_EACH
    # Each of the 12 odd indices of 25 went to one of 5 shared questions, in every process.
    assert sum(shared.values()) == PROCESSES * (RATINGS_EACH // 2)
