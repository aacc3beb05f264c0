"""The `stats` report: mastery, retention, streak, forecast and readiness as a dict or a table."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from tui.core.bank import Bank


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
    finally:
        progress.close()
    report: dict[str, Any] = {
        "reviews": shot.reviews,
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
        report["interview_date"] = shot.interview_date.isoformat()
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
        report["interview_date"] = interview_date.isoformat()
    return report


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
        f"{report['reviews']} ratings in total, overall mastery {report['mastery']:.0%}, "
        f"retention {'-' if retention is None else f'{retention:.0%}'}, "
        f"streak {report['streak']} days"
    )
    if "interview_date" in report and "reviews_needed_per_day" in report:
        lines.append(
            f"Interview on {report['interview_date']}: about "
            f"{report['reviews_needed_per_day']} reviews a day bring every topic to 90%"
        )
    if report["orphaned_progress"]:
        lines.append(
            f"Progress kept for {len(report['orphaned_progress'])} questions no longer in the "
            "bank: " + ", ".join(report["orphaned_progress"][:5])
        )
    return "\n".join(lines)
