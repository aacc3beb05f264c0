"""What a review session did: ratings given, time spent and mastery change per topic."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from fsrs import Rating
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from tui.core.mastery import TopicMastery
from tui.core.sanitize import sanitize


@dataclass
class SessionLog:
    """The ratings of one session, in order, and mastery when it began."""

    ratings: list[tuple[str, Rating, frozenset[int]]] = field(default_factory=list)
    mastery_before: dict[str, float] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    def start(self, rows: list[TopicMastery]) -> None:
        """Remember mastery per topic at the start."""
        self.mastery_before = {row.topic_id: row.mastery for row in rows}
        self.started = time.monotonic()

    def record(self, question_id: str, rating: Rating, ticked: frozenset[int]) -> None:
        """Add a rating."""
        self.ratings.append((question_id, rating, ticked))

    def pop(self) -> None:
        """Drop the last rating (undo)."""
        self.ratings.pop()


def summary_renderable(log: SessionLog, after: list[TopicMastery]) -> RenderableType:
    """The end-of-session summary as a Rich renderable."""
    counts = Counter(rating for _, rating, _ in log.ratings)
    minutes, seconds = divmod(int(time.monotonic() - log.started), 60)
    by_topic = {row.topic_id: row for row in after}
    change = Table(title="Mastery change", title_justify="left", box=None, padding=(0, 2))
    change.add_column("Topic")
    change.add_column("Before", justify="right")
    change.add_column("After", justify="right")
    reviewed_topics = dict.fromkeys(question_id.split("/")[0] for question_id, _, _ in log.ratings)
    for topic_id in reviewed_topics:
        if topic_id in by_topic:
            before = log.mastery_before.get(topic_id, 0.0)
            row = by_topic[topic_id]
            change.add_row(Text(sanitize(row.title)), f"{before:.0%}", f"{row.mastery:.0%}")
    ratings = ", ".join(f"{r.name} {counts[r]}" for r in Rating if counts[r]) or "none"
    figures = Table.grid(padding=(0, 2))
    figures.add_row("Cards reviewed", str(len({question_id for question_id, _, _ in log.ratings})))
    figures.add_row("Ratings", ratings)
    figures.add_row("Time", f"{minutes}m {seconds:02d}s")
    body = Table.grid()
    body.add_row(Text("Session complete", style="bold"))
    body.add_row(figures)
    body.add_row(Text())
    body.add_row(change)
    return body
