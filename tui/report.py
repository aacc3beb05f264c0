"""The `stats` report: mastery per topic read from progress.db, as a dict and as a text table."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from tui.core.bank import Bank
from tui.core.mastery import overall_mastery, topic_mastery


def stats_report(bank: Bank, db: Path, now: datetime) -> dict[str, Any]:
    """Reviews in total and one entry per topic; a missing database counts as no progress."""
    from fsrs import Card, Scheduler

    from tui.store.progress import Progress

    cards: dict[str, Card] = {}
    reviews = 0
    scheduler = Scheduler()
    if db.exists():
        progress = Progress.open(db)
        try:
            cards, reviews, scheduler = progress.cards(), progress.review_count(), progress.scheduler
        finally:
            progress.close()
    rows = topic_mastery(bank, cards, now, scheduler.get_card_retrievability)
    return {
        "reviews": reviews,
        "mastery": round(overall_mastery(rows), 4),
        "topics": [
            {
                "id": row.topic_id,
                "title": row.title,
                "questions": row.questions,
                "reviewed": row.reviewed,
                "due": row.due,
                "mastery": round(row.mastery, 4),
            }
            for row in rows
        ],
    }


def stats_table(report: dict[str, Any]) -> str:
    """The report as an aligned plain-text table."""
    lines = [f"{'topic':<30} {'questions':>9} {'reviewed':>8} {'due':>4} {'mastery':>7}"]
    for topic in report["topics"]:
        lines.append(
            f"{topic['id']:<30} {topic['questions']:>9} {topic['reviewed']:>8} "
            f"{topic['due']:>4} {topic['mastery']:>7.0%}"
        )
    lines.append(f"{report['reviews']} ratings in total, overall mastery {report['mastery']:.0%}")
    return "\n".join(lines)
