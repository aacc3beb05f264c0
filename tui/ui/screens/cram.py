"""A cram session: like a review, over any scope, due or not, logged apart from FSRS."""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

from fsrs import Rating
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static

from tui.core.bank import Bank
from tui.core.cram import CramScope
from tui.core.models import Difficulty, Question
from tui.core.sanitize import sanitize
from tui.store.errors import StoreError
from tui.study import Study
from tui.ui.screens.review import Phase, ReviewScreen
from tui.ui.screens.review_summary import SessionLog
from tui.ui.widgets.grade_bar import GradeBar
from tui.ui.widgets.question_detail import QuestionDetail
from tui.ui.widgets.rubric import RubricChecklist


def cram_choices(bank: Bank, topic_id: str | None) -> list[tuple[str, str]]:
    """What can be crammed, as (choice, label): this topic, bookmarks, flags, levels, tags."""
    choices: list[tuple[str, str]] = []
    topic = bank.topic(topic_id) if topic_id else None
    if topic is not None:
        choices.append((f"topic:{topic.id}", f"This topic: {topic.title}"))
    choices += [("bookmarks:", "Bookmarked questions"), ("flagged:", "Flagged questions")]
    choices += [(f"difficulty:{d.value}", f"Every {d.value} question") for d in Difficulty]
    if topic is not None:
        tags = sorted({tag for question in topic.questions for tag in question.tags})
        choices += [(f"tag:{tag}", f"Tag: {tag}") for tag in tags]
    return choices


def start_cram(screen: Screen[Any], study: Study, choice: str) -> None:
    """Open a cram session for a choice of cram_choices, or say that it is empty."""
    kind, _, value = choice.partition(":")
    scope = CramScope(kind, value)
    queue = study.cram_queue(scope)
    if not queue:
        screen.notify(f"Nothing to cram: no {sanitize(scope.label(study.bank))}.", markup=False)
        return
    screen.app.push_screen(CramScreen(queue, scope.label(study.bank)))


class CramScreen(ReviewScreen):
    """Reveal, tick and rate as in a review; ratings go to the cram log, never to FSRS."""

    MODE = "Cram"

    def __init__(self, queue: list[Question], scope: str) -> None:
        super().__init__(queue, None, scope)
        self.logged: list[int] = []
        """Ids of this session's cram ratings, oldest first (for undo)."""

    def _draw_ratings(self, bar: GradeBar, question: Question, suggestion: Rating) -> None:
        """The ratings without intervals: cramming schedules nothing."""
        text = Text("Enter accepts ")
        text.append(f"[{suggestion.name}]", style="bold")
        text.append(" · 1 Again · 2 Hard · 3 Good · 4 Easy · cram: the schedule stays as it is")
        bar.update(text)

    def _save_rating(self, question: Question, rating: Rating, duration_ms: int) -> None:
        """Log the rating as cram."""
        self.logged.append(
            self.tui.study.cram_rate(question.id, rating, duration_ms, sorted(self.ticked))
        )

    def _rated_review_id(self) -> int | None:
        """None: a cram rating is not a review, so its typed answer links to none."""
        return None

    def action_undo(self) -> None:
        """Take back this session's last cram rating and show that question again."""
        if not self.logged:
            self.notify("Nothing to undo in this session.", severity="warning")
            return
        try:
            self.tui.study.progress.cram.remove(self.logged[-1])
        except StoreError as error:
            self.notify(f"Undo failed: {error.reason}", severity="error", timeout=10, markup=False)
            return
        self.logged.pop()
        self.session.pop()
        self.index = max(0, self.index - 1)
        self.phase = Phase.QUESTION
        self.notify("Last cram rating taken back.", timeout=2)
        self._show()

    def _show_summary(self) -> None:
        """Questions crammed, ratings given and time spent; nothing about the schedule."""
        self.phase = Phase.DONE
        self.query_one("#review-status", Static).update(" Cram complete")
        self.query_one(RubricChecklist).display = False
        self.query_one(GradeBar).show_hint(
            "Escape returns to the dashboard · u undoes the last rating"
        )
        self.query_one(QuestionDetail).show_renderable(cram_summary(self.session))
        self.query_one(QuestionDetail).focus()
        self.refresh_bindings()


def cram_summary(log: SessionLog) -> RenderableType:
    """The end-of-cram summary: counts, ratings and time, logged as cram."""
    counts = Counter(rating for _, rating, _ in log.ratings)
    minutes, seconds = divmod(int(time.monotonic() - log.started), 60)
    ratings = ", ".join(f"{r.name} {counts[r]}" for r in Rating if counts[r]) or "none"
    figures = Table.grid(padding=(0, 2))
    figures.add_row("Questions crammed", str(len({qid for qid, _, _ in log.ratings})))
    figures.add_row("Cram ratings", ratings)
    figures.add_row("Time", f"{minutes}m {seconds:02d}s")
    body = Table.grid()
    body.add_row(Text("Cram complete", style="bold"))
    body.add_row(figures)
    body.add_row(Text())
    body.add_row(Text("Logged as cram, apart from your reviews: no card's schedule changed."))
    return body
