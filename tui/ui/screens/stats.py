"""The statistics screen: figures, a review heatmap, two day charts, mastery and readiness."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from tui.insights import Snapshot
from tui.ui.widgets import stats_text
from tui.ui.widgets.day_bars import DayBars
from tui.ui.widgets.heatmap import Heatmap

if TYPE_CHECKING:
    from tui.ui.app import GenAITUI


class StatsScreen(Screen[None]):
    """A read-only, scrollable view of one statistics snapshot."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (96, "-normal"), (150, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="close-stats"),
        Binding("p", "mock_history", "Past mock interviews", id="mock-history"),
    ]

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot

    @property
    def tui(self) -> GenAITUI:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """A title line over the scrolling panels, then the footer."""
        shot, ascii = self.snapshot, self.tui.ascii
        title = f" Statistics · {shot.today.isoformat()} · Esc to go back"
        yield Static(Text(title, style="bold"), id="stats-title")
        with VerticalScroll(id="stats-scroll"):
            with Horizontal(id="stats-top", classes="stats-row"):
                yield self._panel("Summary", Static(stats_text.figures(shot)), id="stats-summary")
                yield self._panel(
                    f"Reviews · last {len(shot.heatmap[0]) if shot.heatmap else 0} weeks",
                    Heatmap(shot.heatmap, shot.today, ascii=ascii, id="stats-heatmap"),
                    id="stats-calendar",
                )
            with Horizontal(id="stats-charts", classes="stats-row"):
                yield self._chart(
                    f"Due · next {len(shot.due_forecast)} days",
                    "due",
                    shot.due_forecast,
                    shot.today,
                    stats_text.due_caption(shot.due_forecast),
                )
                yield self._chart(
                    f"Reviews · last {len(shot.reviews_per_day)} days",
                    "reviews",
                    shot.reviews_per_day,
                    shot.today - timedelta(days=len(shot.reviews_per_day) - 1),
                    stats_text.reviews_caption(shot.reviews_per_day),
                )
            with Horizontal(id="stats-topics", classes="stats-row"):
                yield self._panel(
                    "Mastery by topic",
                    Static(stats_text.mastery_table(shot, ascii)),
                    id="stats-mastery",
                )
                yield self._panel(
                    "Interview readiness",
                    Static(stats_text.readiness_view(shot, ascii), id="stats-readiness-body"),
                    id="stats-readiness",
                )
        yield Footer(compact=True)

    def _panel(self, title: str, *body: Widget, id: str) -> Vertical:
        """A bordered, titled box around its body widgets."""
        panel = Vertical(*body, id=id, classes="stats-panel")
        panel.border_title = title
        return panel

    def _chart(
        self, title: str, name: str, values: list[int], first: date, caption: str
    ) -> Vertical:
        """A bar chart of daily values from `first`, with its figures as a caption underneath."""
        today = self.snapshot.today
        chart = DayBars(values, first, today, ascii=self.tui.ascii, id=f"stats-{name}-chart")
        caption_line = Static(Text(caption), id=f"stats-{name}-caption", classes="stats-caption")
        return self._panel(title, chart, caption_line, id=f"stats-{name}")

    def on_mount(self) -> None:
        """Focus the scroller so arrows and Page Up/Down move through the panels."""
        self.query_one("#stats-scroll").focus()

    def action_mock_history(self) -> None:
        """The list of past mock interviews and their reports."""
        from tui.ui.screens.mock_history import MockHistoryScreen

        self.app.push_screen(MockHistoryScreen())

    def action_close(self) -> None:
        """Back to the dashboard."""
        self.dismiss()
