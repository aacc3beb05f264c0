"""Pilot tests of the statistics screen: `s` on the dashboard, figures, heatmap, readiness, Esc."""

from __future__ import annotations

import html
import math
import re
from datetime import UTC, date, timedelta
from pathlib import Path

from conftest import FIXED_NOW
from factory import FakeClock, make_app
from fsrs import Rating

from tui.insights import snapshot
from tui.ui.app import GenAITUI
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.screens.stats import StatsScreen
from tui.ui.widgets.day_bars import date_ticks, y_ticks
from tui.ui.widgets.heatmap import Heatmap, density_levels

TODAY = FIXED_NOW.date()  # Sunday 2026-11-29
SEEDED_DAYS = {TODAY - timedelta(days=n) for n in (9, 2, 1, 0)}
WEEKS = 26
LABEL_WIDTH = 4


def screen_text(app: GenAITUI) -> str:
    """Plain text of what is on screen, from Textual's own screenshot export.

    The export keeps each run of text but may drop the spaces between runs: match with `\\s*`.
    """
    text = re.sub(r"<[^>]+>", "", app.export_screenshot())
    return html.unescape(text).replace("\xa0", " ")


def seeded_app(tmp_path: Path, fixture_bank_dir: Path) -> GenAITUI:
    """An app whose history has 7 ratings on 4 days: 9 and 2 days ago, yesterday and today.

    Ratings of cards already in the Review state: Good, Again, Hard, so retention is 2/3.
    """
    clock = FakeClock(FIXED_NOW - timedelta(days=9))
    app = make_app([fixture_bank_dir], tmp_path / "progress.db", clock)
    app.study.tz = UTC
    study = app.study
    study.rate("attention/compute", Rating.Easy)  # new -> Review
    study.rate("retrieval/pipeline", Rating.Easy)
    clock.advance(days=7)
    study.rate("attention/compute", Rating.Good)  # Review: passed
    study.rate("retrieval/pipeline", Rating.Again)  # Review: failed
    clock.advance(days=1)
    study.rate("attention/why-scale", Rating.Good)  # new: not a retention figure
    clock.advance(days=1)
    study.rate("retrieval/rrf", Rating.Good)
    study.rate("attention/compute", Rating.Hard)  # Review: passed
    assert clock.now == FIXED_NOW
    return app


def marked_days(heatmap: Heatmap) -> set[date]:
    """Days whose heatmap cell shows a density glyph, read back from the rendered text."""
    lines = heatmap.render().plain.splitlines()
    assert [line[:3] for line in lines[1:8]] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    cell = heatmap.cell_width
    first_monday = TODAY - timedelta(days=TODAY.weekday(), weeks=WEEKS - 1)
    marked = set()
    for weekday in range(7):
        row = lines[1 + weekday]
        for week in range(WEEKS):
            glyph = row[LABEL_WIDTH + cell * week]
            day = first_monday + timedelta(weeks=week, days=weekday)
            if day > TODAY:
                assert glyph == " ", day
            elif glyph != "·":
                assert glyph in "░▒▓█", (day, glyph)
                marked.add(day)
    return marked


async def test_stats_screen_shows_the_seeded_history_and_escape_returns(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = seeded_app(tmp_path, fixture_bank_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        text = screen_text(app)
        assert re.search(r"Total reviews\s+7\b", text), text
        assert re.search(r"Reviews today\s+2\b", text)
        assert re.search(r"Streak\s+3 days", text)
        assert re.search(r"True retention\s+67%", text)

        heatmap = app.screen.query_one(Heatmap)
        assert marked_days(heatmap) == SEEDED_DAYS
        assert "less" in text and "more" in text

        caption = app.screen.query_one("#stats-reviews-caption").render()
        assert "7 reviews on 4 days of 30" in str(caption)

        await pilot.press("end")  # the scroller has focus: jump to the bottom panels
        await pilot.pause()
        text = screen_text(app)
        assert "genai-tui --interview YYYY-MM-DD" in text
        assert re.search(r"Self-attention\s*\d+% [█░]+\s*2/2", text), text

        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_stats_screen_without_retention_data_shows_a_dash(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = make_app([fixture_bank_dir], tmp_path / "p.db", FakeClock(FIXED_NOW))
    app.study.rate("attention/compute", Rating.Good)
    app.study.progress.rate("gone/question", Rating.Good, FIXED_NOW)
    async with app.run_test(size=(80, 40)) as pilot:  # narrow: panels stacked, full width
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(app)
        assert re.search(r"True retention\s+-", text), text
        flowing = re.sub(r"[\s│]+", " ", text)  # wrapped lines of a bordered panel, rejoined
        assert "Retention shows once questions you already know come back due" in flowing
        assert "Progress is kept for 1 question no longer in the bank." in flowing
        assert re.search(r"Streak\s+1 day\b", text)


async def test_stats_screen_shows_readiness_for_the_interview_date(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    app = seeded_app(tmp_path, fixture_bank_dir)
    interview = TODAY + timedelta(days=14)
    app.settings.interview_date = interview
    expected = snapshot(app.study, interview)
    assert expected.reviews_needed_per_day is not None
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(app)
        assert "Interview readiness" in text
        assert "Interview 2026-12-13 (Sun) · in 14 days" in text
        per_day = math.ceil(expected.reviews_needed_per_day)
        pace = rf"About {per_day} reviews? a day until 2026-12-13 brings? every topic to 90%"
        assert re.search(pace, text), text
        assert "Recall on 12-13" in text
        for row in expected.readiness:
            recall, needed = f"{row.recall_on_day:.0%}", row.reviews_needed
            pattern = rf"{re.escape(row.title)}\s*{recall} [█░]+\s*{needed}\b"
            assert re.search(pattern, text), (pattern, text)
        assert "genai-tui --interview" not in text


def test_density_levels_by_quartile_with_the_busiest_day_darkest() -> None:
    grid: list[list[int | None]] = [[0, 1, 2, 3, 4, None], [5, 6, 7, 8, 0, None]]
    assert density_levels(grid) == [[0, 1, 1, 2, 2, None], [3, 3, 4, 4, 0, None]]
    assert density_levels([[1, 1, 1, 1, 9]]) == [[1, 1, 1, 1, 4]]
    assert density_levels([[5, 5, 0]]) == [[4, 4, 0]]
    assert density_levels([[0, None]]) == [[0, None]]


def test_day_bar_ticks_are_whole_numbers_and_dated_a_week_apart() -> None:
    assert y_ticks([0, 0]) == [0, 1]
    assert y_ticks([3]) == [0, 1, 2, 3]
    assert y_ticks([7]) == [0, 2, 4, 6, 8]
    assert y_ticks([29]) == [0, 10, 20, 30]
    positions, labels = date_ticks(date(2026, 11, 29), 30, 0)
    assert positions == [0, 7, 14, 21, 28]
    assert labels == ["today", "12-06", "12-13", "12-20", "12-27"]
    positions, labels = date_ticks(date(2026, 10, 31), 30, 29)
    assert positions[-1] == 29 and labels[-1] == "today" and labels[0] == "11-01"
