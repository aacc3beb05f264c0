"""The `stats` report: mastery, retention, streak, forecast and readiness as a dict or a table."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from tui.core.bank import Bank
from tui.core.words import plural


def stats_report(bank: Bank, db: Path, interview_date: date | None = None) -> dict[str, Any]:
    """The JSON document of `genai-tui stats --json`; a missing database counts as no progress."""
    from tui.insights import snapshot
    from tui.store.progress import Progress
    from tui.study import Study

    if not db.exists():
        return _empty_report(bank, interview_date)
    progress = Progress.open(db)
    try:
        shot = snapshot(Study(bank, progress), interview_date)
        cram = progress.cram.count()
    finally:
        progress.close()
    report: dict[str, Any] = {
        "reviews": shot.reviews,
        "cram": cram,
        "mastery": round(shot.mastery, 4),
        "retention": None if shot.retention is None else round(shot.retention, 4),
        "streak": shot.streak,
        "due_forecast": shot.due_forecast,
        "topics": [
            {
                "id": row.topic_id,
                "title": row.title,
                "questions": row.questions,
                "reviewed": row.reviewed,
                "due": row.due,
                "mastery": round(row.mastery, 4),
            }
            for row in shot.topics
        ],
        "orphaned_progress": shot.orphans,
    }
    if shot.interview_date is not None:
        report |= _interview(shot.interview_date, shot.today)
    if shot.interview_date is not None and shot.interview_date > shot.today:
        report["reviews_needed_per_day"] = round(shot.reviews_needed_per_day or 0.0, 1)
        report["readiness"] = [
            {
                "id": row.topic_id,
                "recall": round(row.recall_on_day, 4),
                "reviews_needed": row.reviews_needed,
            }
            for row in shot.readiness
        ]
    return report


def _empty_report(bank: Bank, interview_date: date | None) -> dict[str, Any]:
    """The report of someone who has not studied yet, without creating a database."""
    report: dict[str, Any] = {
        "reviews": 0,
        "cram": 0,
        "mastery": 0.0,
        "retention": None,
        "streak": 0,
        "due_forecast": [0] * 30,
        "topics": [
            {
                "id": t.id,
                "title": t.title,
                "questions": len(t.questions),
                "reviewed": 0,
                "due": 0,
                "mastery": 0.0,
            }
            for t in bank.topics
        ],
        "orphaned_progress": [],
    }
    if interview_date is not None:
        report |= _interview(interview_date, date.today())
    return report


def _interview(day: date, today: date) -> dict[str, Any]:
    """`interview_date`, and `interview` with the days left and whether the date has passed."""
    days_left = (day - today).days
    return {
        "interview_date": day.isoformat(),
        "interview": {"date": day.isoformat(), "days_left": days_left, "passed": days_left < 0},
    }


def _interview_line(report: dict[str, Any]) -> str:
    """One line on the interview date: passed, today, or the reviews a day it asks for."""
    interview = report["interview"]
    day = interview["date"]
    if interview["passed"]:
        return f"Interview on {day}: that date has passed; set a new one with --interview DATE"
    if interview["days_left"] == 0:
        return f"Interview on {day}: that is today, so no days are left to plan reviews for"
    per_day = report.get("reviews_needed_per_day")
    if per_day is None:  # no progress recorded yet
        return f"Interview on {day}: in {plural(interview['days_left'], 'day')}"
    if not per_day:
        return f"Interview on {day}: every topic is on track for 90% on the day"
    return f"Interview on {day}: about {per_day} reviews a day bring every topic to 90%"


def stats_table(report: dict[str, Any]) -> str:
    """The report as aligned plain text."""
    ready = {row["id"]: row for row in report.get("readiness", [])}
    header = f"{'topic':<30} {'questions':>9} {'reviewed':>8} {'due':>4} {'mastery':>7}"
    if ready:
        header += f" {'on the day':>10}"
    lines = [header]
    for topic in report["topics"]:
        line = (
            f"{topic['id']:<30} {topic['questions']:>9} {topic['reviewed']:>8} "
            f"{topic['due']:>4} {topic['mastery']:>7.0%}"
        )
        if topic["id"] in ready:
            line += f" {ready[topic['id']]['recall']:>10.0%}"
        lines.append(line)
    retention = report["retention"]
    lines.append(
        f"{plural(report['reviews'], 'rating')} in total, overall mastery "
        f"{report['mastery']:.0%}, retention {'-' if retention is None else f'{retention:.0%}'}, "
        f"streak {plural(report['streak'], 'day')}"
    )
    if "interview" in report:
        lines.append(_interview_line(report))
    if report["orphaned_progress"]:
        lines.append(
            f"Progress kept for {len(report['orphaned_progress'])} questions no longer in the "
            "bank: " + ", ".join(report["orphaned_progress"][:5])
        )
    return "\n".join(lines)
