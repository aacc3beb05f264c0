"""Statistics for the stats screen and `genai-tui stats`: one snapshot computed from the store."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from tui.core.mastery import TopicMastery, overall_mastery
from tui.core.readiness import TopicReadiness, readiness, reviews_per_day
from tui.core.stats import daily_series, due_forecast, heatmap, retention, streak
from tui.study import Study

DAILY_DAYS = 30
HISTORY_WINDOW = timedelta(days=400)
"""How far back the heatmap, daily series and streak look (a streak is capped at this)."""


@dataclass(frozen=True)
class Snapshot:
    """Everything the statistics views show, at one moment."""

    today: date
    reviews: int
    mastery: float
    retention: float | None
    streak: int
    due_forecast: list[int]
    reviews_per_day: list[int]
    heatmap: list[list[int | None]]
    topics: list[TopicMastery]
    interview_date: date | None = None
    readiness: list[TopicReadiness] = field(default_factory=list)
    reviews_needed_per_day: float | None = None
    orphans: list[str] = field(default_factory=list)


def snapshot(study: Study, interview_date: date | None = None) -> Snapshot:
    """Compute every figure once, from one read of the cards and the log."""
    now = study.clock()
    today = now.astimezone(study.tz).date()
    cards = study.cards()
    rows = study.topic_rows(cards)
    history = study.progress.history
    offset = now.astimezone(study.tz).utcoffset() or timedelta(0)
    per_day = history.reviews_per_day(offset, now - HISTORY_WINDOW)
    passed, total = history.review_state_ratings()
    in_bank = {question.id for question in study.bank.questions}
    result = Snapshot(
        today=today,
        reviews=study.progress.review_count(),
        mastery=overall_mastery(rows),
        retention=retention(passed, total),
        streak=streak(per_day, today),
        due_forecast=due_forecast(
            (card for qid, card in cards.items() if qid in in_bank), now, study.tz
        ),
        reviews_per_day=daily_series(per_day, today, DAILY_DAYS),
        heatmap=heatmap(per_day, today),
        topics=rows,
        orphans=sorted(set(cards) - in_bank),
    )
    if interview_date is None:
        return result
    if interview_date <= today:  # no days left to plan for: say so, compute nothing
        return replace(result, interview_date=interview_date)
    moment = datetime.combine(interview_date, time(9, 0), tzinfo=study.tz)
    ready = readiness(study.bank, cards, study.progress.scheduler, now, moment)
    return replace(
        result,
        interview_date=interview_date,
        readiness=ready,
        reviews_needed_per_day=reviews_per_day(ready, now, moment),
    )
