"""Undo takes back only this run's ratings, goes to that question, and says what it removed."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app
from fsrs import Rating, Scheduler
from test_dashboard import ratings_in

from tui.core.bank import load_bank
from tui.store.progress import Progress
from tui.study import Study
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.screens.review import ReviewScreen


def toasts(app: object) -> list[str]:
    """The messages of the notifications shown so far."""
    return [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]


async def test_a_fresh_run_has_nothing_to_undo_and_says_so(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "p.db"
    first = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with first.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space", "3")
    assert ratings_in(db) == [("attention/compute", 3)]
    again = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.press("u")
        assert ratings_in(db) == [("attention/compute", 3)], "a previous run's rating stays"
        assert any("Nothing to undo" in message for message in toasts(again))


async def test_undo_names_the_rating_and_question_it_removed(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "p.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space", "3", "space", "1")
        assert "Good · back in 10 minutes" in toasts(app)
        assert "Again · back in 1 minute" in toasts(app)
        await pilot.press("u", "u")
        assert ratings_in(db) == []
        assert toasts(app)[-2:] == [
            "Undid Again on Why divide by the square root of d_k?",
            "Undid Good on How is scaled dot-product attention…",
        ]
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        assert dashboard.question_id == "attention/compute" and not dashboard.revealed
        await pilot.press("u")
        assert any("Nothing to undo" in message for message in toasts(app)[-1:])


def test_another_window_cannot_undo_this_windows_rating(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "p.db"
    bank = load_bank([fixture_bank_dir]).bank
    one = Study(bank, Progress.open(db, Scheduler(enable_fuzzing=False)), FakeClock(FIXED_NOW))
    two = Study(bank, Progress.open(db, Scheduler(enable_fuzzing=False)), FakeClock(FIXED_NOW))
    one.rate("attention/compute", Rating.Good)
    assert two.undo() is None
    assert ratings_in(db) == [("attention/compute", 3)]
    two.rate("retrieval/rrf", Rating.Hard)
    undone = one.undo()
    assert undone is not None and undone.question_id == "attention/compute"
    assert ratings_in(db) == [("retrieval/rrf", 2)]


async def test_undo_in_a_review_goes_back_to_that_question(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "p.db"
    app = make_app([fixture_bank_dir], db, FakeClock(FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "space", "enter", "3")
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.index == 1
        await pilot.press("u")
        assert ratings_in(db) == []
        assert review.index == 0 and review.current is not None
        assert not review.revealed
        assert toasts(app)[-1].startswith("Undid Good on ")
