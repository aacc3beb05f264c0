"""A progress database with a history made on a fixed clock, for the export/import tests."""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Rating, Scheduler

from tui.core.bank import load_bank
from tui.paths import bundled_content_dir
from tui.store.mock_log import MockAnswer
from tui.store.progress import Progress

START = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


def make_history(db: Path, reviews: int, seed: int = 7, start: datetime = START) -> None:
    """`reviews` ratings over the bundled bank, one every few hours, plus notes and the rest."""
    ids = [question.id for question in load_bank([bundled_content_dir()]).bank.questions]
    pick = random.Random(seed)
    progress = Progress.open(db, Scheduler(enable_fuzzing=False))
    try:
        now = start
        for _ in range(reviews):
            now += timedelta(hours=pick.randint(1, 9))
            question_id = pick.choice(ids[:60])
            progress.rate(
                question_id,
                pick.choice(list(Rating)),
                now,
                duration_ms=pick.randint(2000, 90000),
                ticked=[0, 1][: pick.randint(0, 2)],
                total_points=3,
            )
        progress.notes.save_note(ids[0], f"note {seed}", now)
        progress.notes.toggle_bookmark(ids[1], now)
        progress.flags.flag(ids[2], "formula looks off", now)
        progress.cram.record(ids[3], 3, now, 1200, [0], 2)
        session = progress.mocks.start("mid", 120, now)
        progress.mocks.record(session, MockAnswer(ids[4], (0, 2), 3, 3, 50000), now)
        progress.mocks.finish(session, now)
    finally:
        progress.close()


def sha256(path: Path) -> str:
    """The hash of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
