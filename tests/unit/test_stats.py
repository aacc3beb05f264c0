"""Arithmetic of the statistics: retention, streak, forecast, series, heatmap, readiness, rubric."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from conftest import FIXTURE_BANK
from fsrs import Card, Rating, Scheduler, State

from tui.core.bank import Bank, load_bank
from tui.core.readiness import TopicReadiness, readiness, reviews_per_day, reviews_until
from tui.core.rubric import suggested_rating
from tui.core.stats import daily_series, due_forecast, heatmap, retention, streak

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday
TODAY = NOW.date()


def day(offset: int) -> date:
    """Today plus `offset` days."""
    return TODAY + timedelta(days=offset)


def review_card(due: datetime, stability: float = 10.0, last_review_days: float = 10) -> Card:
    """A card in the Review state, last reviewed `last_review_days` before NOW."""
    return Card(
        card_id=1,
        state=State.Review,
        stability=stability,
        difficulty=5.0,
        due=due,
        last_review=NOW - timedelta(days=last_review_days),
    )


@pytest.fixture
def bank() -> Bank:
    """The two-topic fixture bank (attention, retrieval; two questions each)."""
    result = load_bank([FIXTURE_BANK])
    assert not result.errors
    return result.bank


# retention ---------------------------------------------------------------------------------


def test_retention_is_the_share_passed_and_none_without_data() -> None:
    assert retention(0, 0) is None
    assert retention(3, 4) == 0.75
    assert retention(0, 5) == 0.0


# streak ------------------------------------------------------------------------------------


def test_streak_counts_back_from_today() -> None:
    assert streak([day(0), day(-1), day(-2)], TODAY) == 3


def test_streak_counts_from_yesterday_when_today_is_empty() -> None:
    assert streak([day(-1), day(-2)], TODAY) == 2


def test_streak_stops_at_the_first_gap() -> None:
    assert streak([day(0), day(-1), day(-3), day(-4), day(-5)], TODAY) == 2


def test_streak_is_zero_when_neither_today_nor_yesterday_has_reviews() -> None:
    assert streak([day(-2), day(-3)], TODAY) == 0
    assert streak([], TODAY) == 0


# due forecast ------------------------------------------------------------------------------


def test_due_forecast_counts_overdue_as_today_and_drops_cards_beyond_the_window() -> None:
    cards = [
        review_card(NOW - timedelta(days=3)),  # overdue -> today
        review_card(NOW + timedelta(hours=6)),  # later today
        review_card(NOW + timedelta(days=5)),
        review_card(NOW + timedelta(days=29)),  # last day of the window
        review_card(NOW + timedelta(days=30)),  # just beyond it
        review_card(NOW + timedelta(days=400)),
    ]
    forecast = due_forecast(cards, NOW, UTC)
    assert len(forecast) == 30
    assert forecast[0] == 2
    assert forecast[5] == 1
    assert forecast[29] == 1
    assert sum(forecast) == 4


def test_due_forecast_uses_the_local_day() -> None:
    west = timezone(timedelta(hours=-5))
    # 02:00 UTC tomorrow is still 21:00 today five hours west of UTC.
    card = review_card(datetime(2026, 11, 26, 2, 0, tzinfo=UTC))
    assert due_forecast([card], NOW, UTC, days=3) == [0, 1, 0]
    assert due_forecast([card], NOW, west, days=3) == [1, 0, 0]


# daily series and heatmap ------------------------------------------------------------------


def test_daily_series_is_oldest_first_and_ends_today() -> None:
    per_day = {day(0): 4, day(-2): 1, day(-9): 7}
    assert daily_series(per_day, TODAY, 5) == [0, 0, 1, 0, 4]


def test_heatmap_is_seven_by_26_monday_first_with_none_for_future_days() -> None:
    per_day = {day(0): 4, day(-7): 2, day(-2): 3}  # today is a Wednesday
    grid = heatmap(per_day, TODAY)
    assert len(grid) == 7 and all(len(row) == 26 for row in grid)
    last = 25
    assert grid[2][last] == 4  # Wednesday, this week
    assert grid[2][last - 1] == 2  # Wednesday, last week
    assert grid[0][last] == 3  # Monday, this week
    assert grid[1][last] == 0
    assert [grid[weekday][last] for weekday in range(3, 7)] == [None] * 4
    assert all(cell is not None for row in grid for cell in row[:last])
    first_monday = TODAY - timedelta(days=TODAY.weekday(), weeks=25)
    assert first_monday.weekday() == 0
    assert sum(cell or 0 for row in grid for cell in row) == 9


def test_heatmap_has_no_future_days_on_a_sunday() -> None:
    sunday = date(2026, 11, 29)
    grid = heatmap({sunday: 1}, sunday)
    assert grid[6][25] == 1
    assert all(cell is not None for row in grid for cell in row)


# readiness ---------------------------------------------------------------------------------


def test_recall_on_a_later_interview_date_is_lower(bank: Bank) -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    cards = {"attention/compute": review_card(NOW + timedelta(days=5), stability=8.0)}
    soon = readiness(bank, cards, scheduler, NOW, NOW + timedelta(days=3))
    late = readiness(bank, cards, scheduler, NOW, NOW + timedelta(days=60))
    attention_soon, retrieval_soon = soon
    attention_late, _ = late
    assert attention_soon.topic_id == "attention"
    assert 0 < attention_late.recall_on_day < attention_soon.recall_on_day <= 0.5
    assert retrieval_soon.recall_on_day == 0.0  # nothing studied there


def test_reviews_until_counts_at_least_one_for_a_new_card() -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    new = Card(card_id=1, due=NOW)
    assert reviews_until(scheduler, new, NOW, NOW + timedelta(days=30)) >= 1


def test_reviews_until_is_zero_when_the_interview_comes_before_the_due_date() -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    card = review_card(NOW + timedelta(days=20))
    assert reviews_until(scheduler, card, NOW, NOW + timedelta(days=10)) == 0


def test_every_unstudied_question_needs_at_least_one_review(bank: Bank) -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    rows = readiness(bank, {}, scheduler, NOW, NOW + timedelta(days=14))
    assert all(row.reviews_needed >= 2 for row in rows)  # two questions per topic


def test_reviews_per_day_divides_by_days_left_and_at_least_one() -> None:
    rows = [TopicReadiness("a", "A", 0.5, 10), TopicReadiness("b", "B", 0.2, 20)]
    assert reviews_per_day(rows, NOW, NOW + timedelta(days=10)) == pytest.approx(3.0)
    assert reviews_per_day(rows, NOW, NOW + timedelta(hours=12)) == pytest.approx(30.0)
    assert reviews_per_day(rows, NOW, NOW - timedelta(days=3)) == pytest.approx(30.0)
    assert reviews_per_day([], NOW, NOW + timedelta(days=10)) == 0.0


# rubric ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ticked", "total", "expected"),
    [
        (0, 3, Rating.Again),
        (1, 3, Rating.Again),
        (2, 3, Rating.Hard),
        (3, 3, Rating.Good),
        (0, 0, Rating.Good),
        (5, 3, Rating.Good),  # more than all is clamped
        (2, 5, Rating.Hard),  # exactly 40% is no longer Again
        (7, 10, Rating.Good),  # exactly 70% is Good
    ],
)
def test_suggested_rating_thresholds(ticked: int, total: int, expected: Rating) -> None:
    assert suggested_rating(ticked, total) == expected
