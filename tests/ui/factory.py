"""The one place tests build the app: a tmp-path store, a fixed clock, no fuzzing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Scheduler

from tui.config import Settings, SettingsFile
from tui.core.bank import load_bank
from tui.store.progress import Progress
from tui.study import Study
from tui.ui.app import GenAITUI


class FakeClock:
    """A clock tests can move forward."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


def make_app(
    bank_dirs: list[Path],
    db: Path,
    clock: FakeClock,
    config: Path | None = None,
    *,
    ascii: bool = False,
) -> GenAITUI:
    """A GenAITUI over the given bank and database, with settings from `config` if given."""
    result = load_bank(bank_dirs)
    assert not result.errors, result.errors
    settings_file = SettingsFile(config) if config else None
    settings = settings_file.load() if settings_file else Settings()
    progress = Progress.open(db, Scheduler(enable_fuzzing=False))
    study = Study(result.bank, progress, clock=clock, new_per_day=settings.new_per_day, tz=UTC)
    return GenAITUI(study, settings=settings, settings_file=settings_file, ascii=ascii)
