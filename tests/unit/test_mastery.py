"""Mastery reflects how well material is held: a failed card counts less than an easy one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from conftest import FIXTURE_BANK
from fsrs import Card, Rating, Scheduler

from tui.core.bank import Bank, load_bank
from tui.core.cards import CardState, from_fsrs, retrievability
from tui.core.mastery import MASTERY_HORIZON, overall_mastery, topic_mastery
from tui.core.readiness import readiness

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture
def bank() -> Bank:
    """The two-topic fixture bank (attention, retrieval; two questions each)."""
    result = load_bank([FIXTURE_BANK])
    assert not result.errors
    return result.bank


def rated_once(rating: Rating) -> CardState:
    """A new card after one rating, now."""
    scheduler = Scheduler(enable_fuzzing=False)
    card, _ = scheduler.review_card(Card(card_id=1, due=NOW), rating, NOW)
    return from_fsrs(card)


def attention_mastery(bank: Bank, cards: dict[str, CardState], now: datetime = NOW) -> float:
    """Mastery of the attention topic."""
    rows = topic_mastery(bank, cards, now, retrievability)
    return next(row.mastery for row in rows if row.topic_id == "attention")


def test_after_one_review_again_lt_hard_lt_good_lt_easy(bank: Bank) -> None:
    masteries = [
        attention_mastery(bank, {"attention/compute": rated_once(rating)}) for rating in Rating
    ]
    assert masteries == sorted(masteries)
    assert len(set(masteries)) == 4, masteries
    assert 0 < masteries[0] < masteries[-1] <= 0.5  # one of two questions


def test_a_failed_card_is_far_from_known_right_after_the_rating(bank: Bank) -> None:
    failed = attention_mastery(bank, {"attention/compute": rated_once(Rating.Again)})
    assert failed < 0.5 * 0.7, "recall now is about 100%: mastery must not use it"


def test_mastery_is_recall_a_week_ahead_and_falls_while_idle(bank: Bank) -> None:
    card = rated_once(Rating.Good)
    now_value = attention_mastery(bank, {"attention/compute": card})
    assert now_value == pytest.approx(retrievability(card, NOW + MASTERY_HORIZON) / 2)
    later = attention_mastery(bank, {"attention/compute": card}, NOW + timedelta(days=10))
    assert later < now_value


def test_mastery_matches_readiness_a_week_ahead(bank: Bank) -> None:
    cards = {"attention/compute": rated_once(Rating.Good), "retrieval/rrf": rated_once(Rating.Easy)}
    rows = topic_mastery(bank, cards, NOW, retrievability)
    ready = readiness(bank, cards, Scheduler(enable_fuzzing=False), NOW, NOW + MASTERY_HORIZON)
    for row, day in zip(rows, ready, strict=True):
        assert row.mastery == pytest.approx(day.recall_on_day)
    assert 0 < overall_mastery(rows) < 1
