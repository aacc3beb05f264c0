"""A review session: one question at a time, answer hidden until Space, rated with 1-4."""

from __future__ import annotations

import time
from collections import Counter
from typing import TYPE_CHECKING, ClassVar

from fsrs import Rating
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.core.models import Question
from tui.store.errors import StoreError
from tui.study import format_interval
from tui.ui.screens.dashboard import RATINGS
from tui.ui.widgets.question_detail import DetailView, QuestionDetail

if TYPE_CHECKING:
    from tui.ui.app import GenAITUI


class ReviewScreen(Screen[None]):
    """Work through a queue of due and new questions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "reveal", "Reveal", id="reveal"),
        Binding("1", "rate('1')", "Again", id="rate-again"),
        Binding("2", "rate('2')", "Hard", id="rate-hard"),
        Binding("3", "rate('3')", "Good", id="rate-good"),
        Binding("4", "rate('4')", "Easy", id="rate-easy"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("escape", "finish", "End session", id="end-review"),
    ]

    def __init__(self, queue: list[Question], topic_id: str | None) -> None:
        super().__init__()
        self.queue = queue
        self.topic_id = topic_id
        self.index = 0
        self.revealed = False
        self.rated: list[tuple[str, Rating]] = []
        self.started = time.monotonic()
        self.shown_at = self.started
        self.finished = False
        self.mastery_before: dict[str, float] = {}

    @property
    def tui(self) -> GenAITUI:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """A status line over the question pane."""
        yield Static(id="review-status")
        yield QuestionDetail(ascii=self.tui.ascii, id="review-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Remember mastery before the session and show the first question."""
        rows = self.tui.study.topic_rows()
        self.mastery_before = {row.topic_id: row.mastery for row in rows}
        self.query_one(QuestionDetail).focus()
        self._show()

    @property
    def current(self) -> Question | None:
        """The question being reviewed, or None once the queue is done."""
        return self.queue[self.index] if self.index < len(self.queue) else None

    def _show(self) -> None:
        """Draw the status line and the current question."""
        question = self.current
        self.refresh_bindings()
        if question is None:
            self._show_summary()
            return
        study = self.tui.study
        scope = study.bank.topic(self.topic_id).title if self.topic_id else "all topics"  # type: ignore[union-attr]
        self.query_one("#review-status", Static).update(
            Text(f" Review · {scope} · {self.index + 1} of {len(self.queue)}", style="bold")
        )
        footer = self._preview_line(question.id) if self.revealed else ""
        topic = study.bank.topic(question.topic_id)
        self.query_one(QuestionDetail).show(
            DetailView(
                question=question,
                topic_title=topic.title if topic else question.topic_id,
                status=study.card_status(question.id),
                revealed=self.revealed,
                footer=footer,
            )
        )

    def _preview_line(self, question_id: str) -> str:
        """What each rating would schedule, e.g. `1 Again 10m · 3 Good 2d`."""
        intervals = self.tui.study.preview(question_id)
        return "   ".join(
            f"{key} {rating.name} {format_interval(intervals[rating])}"
            for key, rating in RATINGS.items()
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer Reveal before the answer is shown and the ratings after."""
        if action == "reveal":
            return self.current is not None and not self.revealed
        if action == "rate":
            return self.revealed
        return True

    def action_reveal(self) -> None:
        """Show the answer and the rating previews."""
        if self.current is not None:
            self.revealed = True
            self._show()

    def action_rate(self, key: str) -> None:
        """Record the rating (committed before moving on) and go to the next question."""
        question = self.current
        if question is None:
            return
        if not self.revealed:
            self.notify("Reveal the answer first (Space), then rate it.", severity="warning")
            return
        duration = int((time.monotonic() - self.shown_at) * 1000)
        try:
            self.tui.study.rate(question.id, RATINGS[key], duration)
        except StoreError as error:
            self.notify(f"Not saved: {error.reason}", severity="error", timeout=10)
            return
        self.rated.append((question.id, RATINGS[key]))
        self.index += 1
        self.revealed = False
        self.shown_at = time.monotonic()
        self._show()

    def action_undo(self) -> None:
        """Take back this session's last rating and show that question again."""
        if not self.rated:
            self.notify("Nothing to undo in this session.", severity="warning")
            return
        try:
            undone = self.tui.study.undo()
        except StoreError as error:
            self.notify(f"Undo failed: {error.reason}", severity="error", timeout=10)
            return
        self.rated.pop()
        self.index = max(0, self.index - 1)
        if undone is not None and self.queue[self.index].id != undone.question_id:
            question = self.tui.study.bank.question(undone.question_id)
            if question is not None:
                self.queue.insert(self.index, question)
        self.revealed = False
        self.finished = False
        self.notify("Undone.", timeout=2)
        self._show()

    def action_finish(self) -> None:
        """End early (or leave the summary) and return to the dashboard."""
        if self.finished or not self.rated:
            self.dismiss()
        else:
            self._show_summary()

    def _show_summary(self) -> None:
        """Cards reviewed, ratings given, time spent and mastery change per topic."""
        self.finished = True
        counts = Counter(rating for _, rating in self.rated)
        minutes, seconds = divmod(int(time.monotonic() - self.started), 60)
        after = {row.topic_id: row for row in self.tui.study.topic_rows()}
        table = Table(title="Mastery change", box=None, padding=(0, 2))
        table.add_column("Topic")
        table.add_column("Before", justify="right")
        table.add_column("After", justify="right")
        for topic_id in dict.fromkeys(question_id.split("/")[0] for question_id, _ in self.rated):
            if topic_id in after:
                before = self.mastery_before.get(topic_id, 0.0)
                table.add_row(
                    after[topic_id].title, f"{before:.0%}", f"{after[topic_id].mastery:.0%}"
                )
        ratings = ", ".join(
            f"{rating.name} {counts[rating]}" for rating in Rating if counts[rating]
        )
        self.query_one("#review-status", Static).update(Text(" Session complete", style="bold"))
        summary = Table.grid(padding=(0, 2))
        summary.add_row("Cards reviewed", str(len({q for q, _ in self.rated})))
        summary.add_row("Ratings", ratings or "none")
        summary.add_row("Time", f"{minutes}m {seconds:02d}s")
        body = Table.grid()
        body.add_row(summary)
        body.add_row(Text())
        body.add_row(table)
        body.add_row(Text())
        body.add_row(Text("Press Escape to return to the dashboard, u to undo the last rating."))
        self.query_one(QuestionDetail).show_renderable(body)
