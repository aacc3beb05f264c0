"""The study service the UI talks to: bank + progress + clock, with no Textual in it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from tui.core.bank import Bank
from tui.core.cards import CardState
from tui.core.mastery import TopicMastery, overall_mastery, topic_mastery
from tui.core.models import Question
from tui.store.progress import Progress, RecordedReview

if TYPE_CHECKING:  # cram is imported when a cram session starts, not at start-up
    from tui.core.cram import CramScope

Clock = Callable[[], datetime]
DEFAULT_NEW_PER_DAY = 15


def utc_now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class Overview:
    """Figures for the progress pane."""

    mastery: float
    reviews_today: int
    due_now: int
    new_left_today: int
    total_reviews: int


class Study:
    """What a learner can do: look at progress, rate questions, undo, build review queues."""

    def __init__(
        self,
        bank: Bank,
        progress: Progress,
        clock: Clock = utc_now,
        new_per_day: int = DEFAULT_NEW_PER_DAY,
        tz: tzinfo | None = None,
    ) -> None:
        self.bank = bank
        self.progress = progress
        self.clock = clock
        self.new_per_day = new_per_day
        self.tz = tz or datetime.now().astimezone().tzinfo or UTC
        self.undoable: list[int] = []
        """Ids of the ratings made through this Study (this run, this window), oldest first."""

    def cards(self) -> dict[str, CardState]:
        """Card state of every reviewed question."""
        return self.progress.cards()

    def topic_rows(self, cards: dict[str, CardState] | None = None) -> list[TopicMastery]:
        """Mastery, due and reviewed counts per topic, now."""
        cards = self.cards() if cards is None else cards
        return topic_mastery(self.bank, cards, self.clock(), self.progress.retrievability)

    def overview(self, rows: list[TopicMastery] | None = None) -> Overview:
        """Overall mastery, reviews today, due now and new cards left today."""
        rows = self.topic_rows() if rows is None else rows
        today = self.start_of_day()
        return Overview(
            mastery=overall_mastery(rows),
            reviews_today=self.progress.reviews_since(today),
            due_now=sum(row.due for row in rows),
            new_left_today=self.new_left_today(),
            total_reviews=self.progress.review_count(),
        )

    def start_of_day(self) -> datetime:
        """Midnight of the learner's local day, as an aware datetime."""
        local = self.clock().astimezone(self.tz)
        return local.replace(hour=0, minute=0, second=0, microsecond=0)

    def new_left_today(self) -> int:
        """How many never-seen questions may still be introduced today."""
        return max(0, self.new_per_day - self.progress.new_cards_since(self.start_of_day()))

    def card_status(self, question_id: str, cards: dict[str, CardState] | None = None) -> str:
        """A short human description of where a question stands."""
        card = cards.get(question_id) if cards is not None else self.progress.card(question_id)
        if card is None:
            return "new"
        now = self.clock()
        if card.due <= now:
            return "due now"
        return f"due in {format_interval(card.due - now)}"

    def question_states(
        self, topic_id: str, cards: dict[str, CardState] | None = None
    ) -> list[tuple[Question, str]]:
        """Each question of a topic with "new", "due" or "later"."""
        topic = self.bank.topic(topic_id)
        if topic is None:
            return []
        cards = self.progress.cards(f"{topic_id}/") if cards is None else cards
        now = self.clock()
        states = []
        for question in topic.questions:
            card = cards.get(question.id)
            state = "new" if card is None else "due" if card.due <= now else "later"
            states.append((question, state))
        return states

    def review_queue(self, topic_id: str | None = None) -> list[Question]:
        """Due questions (most overdue first), then new ones up to today's limit."""
        now = self.clock()
        cards = self.cards()
        topics = [t for t in self.bank.topics if topic_id is None or t.id == topic_id]
        due = [
            (cards[q.id].due, q)
            for t in topics
            for q in t.questions
            if q.id in cards and cards[q.id].due <= now
        ]
        due.sort(key=lambda pair: pair[0])
        fresh = [
            q
            for t in topics
            for q in sorted(t.questions, key=lambda q: q.difficulty.rank)
            if q.id not in cards
        ]
        return [q for _, q in due] + fresh[: self.new_left_today()]

    def preview(self, question_id: str) -> dict[Any, timedelta]:
        """The next interval each rating would give, right now."""
        return self.progress.preview(question_id, self.clock())

    def rate(
        self,
        question_id: str,
        rating: int,
        duration_ms: int | None = None,
        ticked: list[int] | None = None,
    ) -> CardState | None:
        """Record a rating (and the rubric points ticked); it is committed when this returns."""
        question = self.bank.question(question_id)
        total = len(question.key_points) if question is not None and ticked is not None else None
        rated = self.progress.rate(question_id, rating, self.clock(), duration_ms, ticked, total)
        self.undoable.append(rated.review_id)
        return self.progress.card(question_id)

    def cram_queue(self, scope: CramScope) -> list[Question]:
        """Every question of a cram scope, due or not."""
        from tui.core.cram import cram_questions

        progress = self.progress
        return cram_questions(
            self.bank, scope, progress.notes.bookmarked(), progress.flags.flagged()
        )

    def cram_rate(
        self, question_id: str, rating: int, duration_ms: int | None, ticked: list[int]
    ) -> int:
        """Log a cram rating (never touching the card); returns its id for undo."""
        question = self.bank.question(question_id)
        total = len(question.key_points) if question is not None else None
        return self.progress.cram.record(
            question_id, rating, self.clock(), duration_ms, ticked, total
        )

    @property
    def last_review_id(self) -> int | None:
        """The id of the last rating made in this run that is not undone, if any."""
        return self.undoable[-1] if self.undoable else None

    def undo(self) -> RecordedReview | None:
        """Take back the last rating made in this run (None when there is none left).

        Ratings made before this run, or in another window, are never taken back; nor is one
        whose question was rated again since in another window.
        """
        while self.undoable:
            undone = self.progress.undo(self.undoable[-1])
            self.undoable.pop()
            if undone is not None:
                return undone
        return None


def format_interval(interval: timedelta) -> str:
    """A compact interval such as 10m, 3h, 4d, 2mo or 1.5y."""
    seconds = max(0, interval.total_seconds())
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{round(days / 30)}mo"
    return f"{days / 365:.1f}y"
