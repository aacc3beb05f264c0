"""Review statistics: retention, streak, due forecast and a calendar heatmap."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, tzinfo
from typing import Protocol


class HasDue(Protocol):
    """Anything with a due time: a stored card state or an fsrs Card."""

    @property
    def due(self) -> datetime: ...


FORECAST_DAYS = 30
HEATMAP_WEEKS = 26


def retention(passed: int, total: int) -> float | None:
    """True retention: the share of Review-state ratings that were Hard or better."""
    return passed / total if total else None


def streak(days_with_reviews: Iterable[date], today: date) -> int:
    """Consecutive days with at least one review, ending today (or yesterday, if today is empty)."""
    days = set(days_with_reviews)
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def due_forecast(
    cards: Iterable[HasDue], now: datetime, tz: tzinfo, days: int = FORECAST_DAYS
) -> list[int]:
    """Cards falling due on each of the next `days` local days; overdue ones count today."""
    today = now.astimezone(tz).date()
    counts = [0] * days
    for card in cards:
        offset = (card.due.astimezone(tz).date() - today).days
        if offset < days:
            counts[max(0, offset)] += 1
    return counts


def daily_series(per_day: Mapping[date, int], today: date, days: int) -> list[int]:
    """Reviews on each of the last `days` days, oldest first, ending today."""
    start = today - timedelta(days=days - 1)
    return [per_day.get(start + timedelta(days=i), 0) for i in range(days)]


def heatmap(
    per_day: Mapping[date, int], today: date, weeks: int = HEATMAP_WEEKS
) -> list[list[int | None]]:
    """A 7 x weeks grid (Monday first) of review counts; days after today are None."""
    last_monday = today - timedelta(days=today.weekday())
    first = last_monday - timedelta(weeks=weeks - 1)
    grid: list[list[int | None]] = [[None] * weeks for _ in range(7)]
    for week in range(weeks):
        for weekday in range(7):
            day = first + timedelta(weeks=week, days=weekday)
            if day <= today:
                grid[weekday][week] = per_day.get(day, 0)
    return grid
