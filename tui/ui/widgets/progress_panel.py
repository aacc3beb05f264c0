"""The progress pane: overall mastery, reviews today, due now and a bar per topic, by title."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.core.mastery import TopicMastery
from tui.core.sanitize import sanitize
from tui.study import Overview
from tui.ui.widgets.topic_table import mastery_cell


class ProgressPanel(VerticalScroll):
    """Read-only summary of the learner's progress."""

    def __init__(self, *, ascii: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ascii = ascii
        self.can_focus = False

    def compose(self):  # type: ignore[no-untyped-def]
        """One Static body."""
        yield Static(id="progress-body")

    def show(self, overview: Overview, rows: list[TopicMastery]) -> None:
        """Redraw the figures and bars."""
        figures = Table.grid(padding=(0, 1))
        figures.add_column()
        figures.add_column(justify="right")
        figures.add_row("Mastery", Text(f"{overview.mastery:.0%}", style="bold"))
        figures.add_row("Reviews today", str(overview.reviews_today))
        figures.add_row("Due now", str(overview.due_now))
        figures.add_row("New today", str(overview.new_left_today))
        figures.add_row("All ratings", str(overview.total_reviews))
        bars = Table.grid(padding=(0, 1), expand=True)
        bars.add_column(no_wrap=True, min_width=11)
        bars.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        for row in rows:
            bars.add_row(
                mastery_cell(row.mastery, self.ascii, width=6),
                Text(sanitize(row.title), overflow="ellipsis"),
            )
        body = Table.grid(expand=True)
        body.add_row(figures)
        body.add_row(Text())
        body.add_row(bars)
        self.query_one("#progress-body", Static).update(body)
