"""The text parts of the statistics screen: figures, captions, mastery and readiness tables."""

from __future__ import annotations

import math
from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from tui.core.readiness import TARGET_RECALL
from tui.core.sanitize import sanitize
from tui.core.words import plural
from tui.insights import Snapshot
from tui.ui.widgets.topic_table import mastery_cell

BAR_WIDTH = 10
SET_DATE_HINT = (
    "No interview date set. Set one in the settings (, on the dashboard, or Ctrl+P), or start with "
    "genai-tui --interview YYYY-MM-DD, to see how ready each topic will be on the day."
)
RETENTION_HINT = "Retention shows once questions you already know come back due and are rated."


def figures(shot: Snapshot) -> RenderableType:
    """Reviews, today, streak, retention, mastery and due today, as a two-column grid."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column()
    grid.add_column(justify="right")
    retention = "-" if shot.retention is None else f"{shot.retention:.0%}"
    grid.add_row("Total reviews", Text(str(shot.reviews), style="bold"))
    grid.add_row("Reviews today", str(shot.reviews_per_day[-1] if shot.reviews_per_day else 0))
    grid.add_row("Streak", Text(plural(shot.streak, "day"), style="bold"))
    grid.add_row("True retention", Text(retention, style="bold"))
    grid.add_row("Mastery", Text(f"{shot.mastery:.0%}", style="bold"))
    grid.add_row("Due today", str(shot.due_forecast[0] if shot.due_forecast else 0))
    notes: list[RenderableType] = [grid]
    if shot.retention is None:
        notes.append(Text(RETENTION_HINT, style="italic"))
    if shot.orphans:
        count = plural(len(shot.orphans), "question")
        notes.append(Text(f"Progress is kept for {count} no longer in the bank."))
    return Group(*notes)


def due_caption(forecast: list[int]) -> str:
    """Due today (with overdue), in the next 7 days and in the whole forecast."""
    return (
        f"Today {forecast[0] if forecast else 0} (incl. overdue) · "
        f"next 7 days {sum(forecast[:7])} · next {len(forecast)} days {sum(forecast)}"
    )


def reviews_caption(per_day: list[int]) -> str:
    """Reviews over the window, on how many days, and the busiest day."""
    active = sum(1 for count in per_day if count)
    return (
        f"{sum(per_day)} reviews on {plural(active, 'day')} of {len(per_day)} · "
        f"busiest day {max(per_day, default=0)}"
    )


def mastery_table(shot: Snapshot, ascii: bool) -> RenderableType:
    """One text bar per topic: mastery (recall a week ahead), with reviewed/total questions."""
    table = Table.grid(padding=(0, 2))
    table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for row in shot.topics:
        table.add_row(
            Text(sanitize(row.title)),
            mastery_cell(row.mastery, ascii, width=BAR_WIDTH),
            f"{row.reviewed}/{row.questions}",
        )
    return table


def readiness_view(shot: Snapshot, ascii: bool) -> RenderableType:
    """Predicted recall per topic on the interview day and the reviews needed to reach 90%."""
    day = shot.interview_date
    if day is None:
        return Text(SET_DATE_HINT)
    if day <= shot.today:
        return Group(Text(_headline(shot, day), style="bold"), Text(_pace(shot, day)))
    return Group(
        Text(_headline(shot, day), style="bold"),
        Text(_pace(shot, day)),
        Text(),
        _readiness_table(shot, day, ascii),
    )


def _headline(shot: Snapshot, day: date) -> str:
    """When the interview is, relative to today."""
    days = (day - shot.today).days
    when = "today" if days == 0 else f"in {plural(days, 'day')}" if days > 0 else "passed"
    return f"Interview {day.isoformat()} ({day:%a}) · {when}"


def _pace(shot: Snapshot, day: date) -> str:
    """`About N reviews a day until <date> bring every topic to 90%.`"""
    if day < shot.today:
        return "That date has passed: set a new one to plan again."
    if day == shot.today:
        return "The interview is today: no days are left to plan reviews for."
    per_day = shot.reviews_needed_per_day or 0.0
    if per_day == 0:
        return f"Every topic is on track for {TARGET_RECALL:.0%} on {day.isoformat()}."
    count = math.ceil(per_day)
    verb = "brings" if count == 1 else "bring"
    return (
        f"About {plural(count, 'review')} a day until {day.isoformat()} "
        f"{verb} every topic to {TARGET_RECALL:.0%}."
    )


def _readiness_table(shot: Snapshot, day: date, ascii: bool) -> Table:
    """Topic, recall on the day as a bar, reviews needed."""
    table = Table(box=None, padding=(0, 1), pad_edge=False)
    table.add_column("Topic", ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column(f"Recall on {day:%m-%d}", no_wrap=True)
    table.add_column("Reviews", justify="right", no_wrap=True)
    for row in shot.readiness:
        table.add_row(
            Text(sanitize(row.title)),
            mastery_cell(row.recall_on_day, ascii, width=BAR_WIDTH),
            str(row.reviews_needed),
        )
    return table
