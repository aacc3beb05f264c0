"""A review session: question, reveal, tick the key points covered, then rate (or override)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, ClassVar

from fsrs import Rating
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.core.models import Question
from tui.core.rubric import suggested_rating
from tui.core.sanitize import sanitize
from tui.store.errors import StoreError
from tui.ui.answer_check import AnswerChecker, Graded
from tui.ui.question_actions import edit_note, toggle_bookmark, toggle_flag
from tui.ui.screens.dashboard import RATING_KEYS
from tui.ui.screens.review_summary import SessionLog, summary_renderable
from tui.ui.typed_attempts import attempt_lines, evidence_of, grader_line
from tui.ui.widgets.grade_bar import GradeBar
from tui.ui.widgets.question_detail import DetailView, QuestionDetail
from tui.ui.widgets.rubric import RubricChecklist
from tui.ui.wording import NOTHING_TO_UNDO, undone_message

if TYPE_CHECKING:
    from tui.ui.app import GenAITUI


class Phase(Enum):
    """Where the learner is with the current question."""

    QUESTION = "question"
    GRADING = "grading"
    TICK = "tick"
    RATE = "rate"
    DONE = "done"


@dataclass(frozen=True)
class TypedShowing:
    """The typed answer of the question shown: its grade and its row in the store."""

    graded: Graded
    answer_id: int | None


class ReviewScreen(Screen[None]):
    """Work through a queue of due and new questions with rubric grading."""

    MODE = "Review"
    """How the status line names the session."""

    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        # Scrolling the answer: PgUp/PgDn whatever has focus (the checklist is short enough
        # not to need them), j/k where the checklist does not use them for its cursor.
        Binding(
            "pagedown",
            "scroll_answer(1)",
            "Scroll",
            key_display="PgUp/PgDn",
            priority=True,
            id="scroll-answer-down",
        ),
        Binding(
            "pageup",
            "scroll_answer(-1)",
            "Scroll answer up",
            show=False,
            priority=True,
            id="scroll-answer-up",
        ),
        Binding("j", "scroll_line(1)", "Scroll down", show=False),
        Binding("k", "scroll_line(-1)", "Scroll up", show=False),
        Binding("space", "reveal", "Reveal", id="reveal"),
        Binding("a", "type_answer", "Type answer", id="type-answer"),
        Binding("1", "rate('1')", "Again", id="rate-again"),
        Binding("2", "rate('2')", "Hard", id="rate-hard"),
        Binding("3", "rate('3')", "Good", id="rate-good"),
        Binding("4", "rate('4')", "Easy", id="rate-easy"),
        Binding("enter", "accept", "Accept", id="accept-rating"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("e", "note", "Note", id="note"),
        Binding("b", "bookmark", "Bookmark", id="bookmark"),
        Binding("x", "flag", "Flag wrong/unclear", show=False, id="flag"),
        Binding("escape", "finish", "End session", id="end-review"),
    ]

    def __init__(
        self, queue: list[Question], topic_id: str | None, scope: str | None = None
    ) -> None:
        super().__init__()
        self.queue = list(queue)
        self.topic_id = topic_id
        self.scope = scope
        """What the status line says the session is about, when not a topic or everything."""
        self.index = 0
        self.phase = Phase.QUESTION
        self.ticked: frozenset[int] = frozenset()
        self.session = SessionLog()
        self.shown_at = time.monotonic()
        self.typed: TypedShowing | None = None
        """The answer typed for the question shown, once graded and saved."""
        self.checker = AnswerChecker(self, self._grading_started, self._graded, self._not_graded)

    @property
    def tui(self) -> GenAITUI:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    @property
    def revealed(self) -> bool:
        """Whether the current answer is showing."""
        return self.phase in (Phase.TICK, Phase.RATE)

    @property
    def finished(self) -> bool:
        """Whether the summary is showing."""
        return self.phase is Phase.DONE

    def compose(self) -> ComposeResult:
        """Status line, question pane, rubric, grade bar."""
        yield Static(id="review-status")
        yield QuestionDetail(ascii=self.tui.ascii, id="review-detail")
        yield RubricChecklist(ascii=self.tui.ascii, id="review-rubric")
        yield GradeBar(id="review-grade")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Remember mastery before the session and show the first question."""
        self.session.start(self.tui.study.topic_rows())
        self._show()

    @property
    def current(self) -> Question | None:
        """The question being reviewed, or None once the queue is done."""
        return self.queue[self.index] if self.index < len(self.queue) else None

    # Drawing -----------------------------------------------------------------

    def _show(self) -> None:
        """Draw everything for the current question and phase."""
        question = self.current
        if question is None:
            self._show_summary()
            return
        study = self.tui.study
        topic = study.bank.topic(question.topic_id)
        scope_topic = study.bank.topic(self.topic_id) if self.topic_id else None
        scope = sanitize(scope_topic.title) if scope_topic else self.scope or "all topics"
        self.query_one("#review-status", Static).update(
            Text(f" {self.MODE} · {scope} · {self.index + 1} of {len(self.queue)}")
        )
        notes = study.progress.notes
        typed = self.typed.graded if self.typed and self.revealed else None
        attempts = study.progress.typed_answers.attempts(question.id) if self.revealed else []
        self.query_one(QuestionDetail).show(
            DetailView(
                question=question,
                topic_title=topic.title if topic else question.topic_id,
                status=study.card_status(question.id),
                revealed=self.revealed,
                note=notes.note(question.id) if self.revealed else "",
                bookmarked=notes.is_bookmarked(question.id),
                show_key_points=False,
                typed_answer=typed.answer if typed else "",
                evidence=evidence_of(typed.result) if typed else (),
                grader_line=grader_line(typed.result) if typed else "",
                attempts=attempt_lines(attempts, study.tz),
            )
        )
        rubric = self.query_one(RubricChecklist)
        rubric.display = self.revealed
        rubric.border_title = "Key points you covered"
        if self.phase is Phase.QUESTION:
            self.query_one(GradeBar).show_hint(
                "Answer out loud, then press Space to reveal; or press a to type your answer."
            )
            self.query_one(QuestionDetail).focus()
        elif self.phase is Phase.GRADING:
            self.query_one(GradeBar).show_hint("Grading your answer...")
        self.refresh_bindings()

    def _draw_grade(self) -> None:
        """The grade bar for the ticking or rating phase."""
        question = self.current
        if question is None:
            return
        total = len(question.key_points)
        suggestion = suggested_rating(len(self.ticked), total)
        bar = self.query_one(GradeBar)
        if self.phase is Phase.TICK:
            bar.show_ticking(len(self.ticked), total, suggestion)
        else:
            self._draw_ratings(bar, question, suggestion)

    def _draw_ratings(self, bar: GradeBar, question: Question, suggestion: Rating) -> None:
        """The rating phase's bar: the suggestion and the interval each rating would give."""
        bar.show_rating(suggestion, self.tui.study.preview(question.id))

    def _show_summary(self) -> None:
        """Cards reviewed, ratings given, time spent and mastery change per topic."""
        self.phase = Phase.DONE
        self.query_one("#review-status", Static).update(" Session complete")
        self.query_one(RubricChecklist).display = False
        self.query_one(GradeBar).show_hint(
            "Escape returns to the dashboard · u undoes the last rating"
        )
        after = self.tui.study.topic_rows()
        self.query_one(QuestionDetail).show_renderable(summary_renderable(self.session, after))
        self.query_one(QuestionDetail).focus()
        self.refresh_bindings()

    # Phases ------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer only the keys that do something in the current phase."""
        if action in ("reveal", "type_answer"):
            return self.phase is Phase.QUESTION
        if action in ("rate", "accept"):
            return self.phase is Phase.RATE
        if action in ("note", "bookmark", "flag"):
            return self.current is not None and not self.finished
        if action == "scroll_answer":
            return self.revealed or self.finished
        return True

    def action_scroll_answer(self, pages: int) -> None:
        """PgDn/PgUp: scroll the question pane a page, whatever has focus."""
        detail = self.query_one(QuestionDetail)
        if pages > 0:
            detail.scroll_page_down()
        else:
            detail.scroll_page_up()

    def action_scroll_line(self, lines: int) -> None:
        """j/k (when the checklist is not focused): scroll the question pane a line."""
        self.query_one(QuestionDetail).scroll_relative(y=lines, animate=False)

    def action_reveal(self) -> None:
        """Show the answer and the key points to tick."""
        question = self.current
        if question is None or self.phase is not Phase.QUESTION:
            return
        self.phase = Phase.TICK
        self.ticked = frozenset()
        self._show()
        rubric = self.query_one(RubricChecklist)
        rubric.show_points(question.key_points)
        rubric.focus()
        self._draw_grade()

    def action_type_answer(self) -> None:
        """a: type the answer in the answer box; Ctrl+S grades it, Esc goes back."""
        question = self.current
        if question is not None and self.phase is Phase.QUESTION:
            self.checker.ask(question)

    def _grading_started(self, question: Question) -> None:
        """The answer went off to be graded: say so, and hold the keys that would reveal."""
        if question is self.current and self.phase is Phase.QUESTION:
            self.phase = Phase.GRADING
            self._show()

    def _graded(self, graded: Graded) -> None:
        """Reveal with the checklist pre-ticked by the grader (the answer is saved already)."""
        question = self.current
        if question is not graded.question or self.phase is not Phase.GRADING:
            return
        result, ticked = graded.result, graded.ticked
        if result.notice:
            self.notify(result.notice, severity="warning", timeout=8, markup=False)
        self.typed = TypedShowing(graded, graded.answer_id)
        self.phase = Phase.TICK
        self.ticked = ticked
        self._show()
        rubric = self.query_one(RubricChecklist)
        rubric.border_title = "Key points: ticked by the grader, yours to change"
        rubric.show_points(question.key_points, set(ticked), result.points)
        rubric.focus()
        self._draw_grade()

    def _not_graded(self, question: Question) -> None:
        """Grading failed: reveal as if answered in the head."""
        if question is self.current and self.phase is Phase.GRADING:
            self.phase = Phase.QUESTION
            self.action_reveal()

    @on(RubricChecklist.Changed)
    def update_suggestion(self, event: RubricChecklist.Changed) -> None:
        """Ticks changed: update the suggested rating."""
        self.ticked = event.ticked
        self._draw_grade()

    @on(RubricChecklist.Done)
    def start_rating(self, event: RubricChecklist.Done) -> None:
        """Ticking done: show the suggestion and the four ratings."""
        self.ticked = event.ticked
        self.phase = Phase.RATE
        self.query_one(QuestionDetail).focus()
        self._draw_grade()
        self.refresh_bindings()

    def action_accept(self) -> None:
        """Enter: rate with the suggested rating."""
        question = self.current
        if question is not None and self.phase is Phase.RATE:
            self._record(suggested_rating(len(self.ticked), len(question.key_points)))

    def action_rate(self, key: str) -> None:
        """1-4: rate with this rating, overriding the suggestion."""
        if self.phase is Phase.RATE:
            self._record(Rating(RATING_KEYS[key]))

    def _record(self, rating: Rating) -> None:
        """Commit the rating and its ticks, then move to the next question."""
        question = self.current
        if question is None:
            return
        duration = int((time.monotonic() - self.shown_at) * 1000)
        try:
            self._save_rating(question, rating, duration)
        except StoreError as error:
            self.notify(f"Not saved: {error.reason}", severity="error", timeout=10, markup=False)
            return
        self._settle_typed()
        self.session.record(question.id, rating, self.ticked)
        self.index += 1
        self.phase = Phase.QUESTION
        self.shown_at = time.monotonic()
        self._show()

    def _save_rating(self, question: Question, rating: Rating, duration_ms: int) -> None:
        """Commit one rating through FSRS (a cram session logs it instead)."""
        self.tui.study.rate(question.id, rating, duration_ms, ticked=sorted(self.ticked))

    def _rated_review_id(self) -> int | None:
        """The review the rating just made created, for linking its typed answer."""
        return self.tui.study.last_review_id

    def _settle_typed(self) -> None:
        """Give the typed answer (if any) its final ticks and the rating just made."""
        typed, self.typed = self.typed, None
        if typed is None or typed.answer_id is None:
            return
        try:
            self.tui.study.progress.typed_answers.settle(
                typed.answer_id, self.ticked, review_id=self._rated_review_id()
            )
        except StoreError as error:
            self.notify(
                f"Typed answer's ticks not saved: {error.reason}", severity="error", markup=False
            )

    def action_undo(self) -> None:
        """Take back this session's last rating and show that question again, answer hidden."""
        if not self.session.ratings:
            self.notify("Nothing to undo in this session.", severity="warning")
            return
        study = self.tui.study
        try:
            undone = study.undo()
        except StoreError as error:
            self.notify(f"Undo failed: {error.reason}", severity="error", timeout=10, markup=False)
            return
        self.session.pop()
        if undone is None:
            self.notify(NOTHING_TO_UNDO, severity="warning")
            return
        question = study.bank.question(undone.question_id)
        self.index = max(0, self.index - 1)
        if question is not None and (
            self.index >= len(self.queue) or self.queue[self.index].id != question.id
        ):
            self.queue.insert(self.index, question)
        self.phase = Phase.QUESTION
        self.typed = None
        self.notify(undone_message(undone.rating_name, question, self.tui.ascii), markup=False)
        self._show()

    def action_note(self) -> None:
        """Edit the note of the current question."""
        if self.current is not None:
            edit_note(self, self.tui.study, self.current, self._show_keeping_phase)

    def action_bookmark(self) -> None:
        """Bookmark the current question, or remove its bookmark."""
        if self.current is not None:
            toggle_bookmark(self, self.tui.study, self.current)
            self._show_keeping_phase()

    def action_flag(self) -> None:
        """Flag the current question as wrong or unclear, or remove its flag."""
        if self.current is not None:
            toggle_flag(self, self.tui.study, self.current, self._show_keeping_phase)

    def _show_keeping_phase(self) -> None:
        """Redraw the question pane without resetting the rubric."""
        phase, ticked = self.phase, self.ticked
        self._show()
        self.phase, self.ticked = phase, ticked

    def action_finish(self) -> None:
        """End early (or leave the summary) and return to the dashboard."""
        if self.finished or not self.session.ratings:
            self.dismiss()
        else:
            self._show_summary()
