"""A mock interview in progress: timed questions, rubric grading, nothing sent to FSRS."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, ClassVar

from fsrs import Rating
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.core.mock import Mix
from tui.core.models import Question
from tui.core.rubric import suggested_rating
from tui.store.errors import StoreError
from tui.store.mock_log import MockAnswer
from tui.ui.answer_check import AnswerChecker, Graded
from tui.ui.screens.mock_confirm import ConfirmScreen
from tui.ui.screens.mock_labels import MIX_LABELS
from tui.ui.screens.mock_report import MockReportScreen
from tui.ui.typed_attempts import grader_line
from tui.ui.widgets.countdown import Countdown
from tui.ui.widgets.mock_prompt import MockPrompt
from tui.ui.widgets.question_detail import DetailView, QuestionDetail
from tui.ui.widgets.rubric import RubricChecklist

if TYPE_CHECKING:
    from tui.ui.app import GenAITUI

RATING_KEYS = {"1": Rating.Again, "2": Rating.Hard, "3": Rating.Good, "4": Rating.Easy}


class Phase(Enum):
    """Where the current question stands."""

    ASKING = "asking"
    GRADING = "grading"
    TICKING = "ticking"
    RATING = "rating"


class MockSessionScreen(Screen[None]):
    """One question at a time against the clock, then the rubric, then a rating."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "reveal", "Reveal", id="mock-reveal"),
        Binding("a", "type_answer", "Type answer", id="mock-type-answer"),
        Binding("enter", "accept", "Accept rating", id="mock-accept"),
        *[
            Binding(
                key,
                f"rate('{key}')",
                rating.name,
                show=False,  # the prompt line lists them; the footer would overflow at 80 columns
                id=f"mock-rate-{rating.name.lower()}",
            )
            for key, rating in RATING_KEYS.items()
        ],
        Binding("t", "retick", "Edit ticks", id="mock-retick"),
        Binding("escape", "end", "End interview", id="mock-end"),
        Binding("q", "quit_app", "Quit", id="mock-quit"),
    ]

    def __init__(self, questions: list[Question], mix: Mix, seconds: int, session_id: int) -> None:
        super().__init__()
        self.questions = questions
        self.mix = mix
        self.seconds = seconds
        self.session_id = session_id
        self.index = 0
        self.phase = Phase.ASKING
        self.answers: list[MockAnswer] = []
        self.ticked: frozenset[int] = frozenset()
        self.answer_ms = 0
        self.shown_at: datetime | None = None
        self.closed = False
        """True once the session has its end time in the log."""
        self.typing = False
        """True while the answer box is open: time up then waits for the answer."""
        self.typed_id: int | None = None
        """The stored typed answer of the current question, until it is rated."""
        self.typed: Graded | None = None
        """The typed answer of the current question and its grade, once graded."""
        self.checker = AnswerChecker(self, self._grading_started, self._graded, self._not_graded)

    @property
    def tui(self) -> GenAITUI:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    @property
    def current(self) -> Question:
        """The question being asked."""
        return self.questions[self.index]

    def compose(self) -> ComposeResult:
        """Status and clock, the question, the rubric checklist, the prompt line, keys."""
        with Horizontal(id="mock-top"):
            yield Static(id="mock-status")
            yield Countdown(id="mock-clock")
        yield QuestionDetail(ascii=self.tui.ascii, id="mock-detail")
        yield RubricChecklist(ascii=self.tui.ascii, id="mock-rubric")
        yield MockPrompt(id="mock-prompt")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Ask the first question and start the clock."""
        self.query_one(RubricChecklist).border_title = "Key points you covered"
        self.query_one(QuestionDetail).border_title = "Question"
        self._ask()
        self.set_interval(0.5, self.tick)

    # Showing -----------------------------------------------------------------

    def _ask(self) -> None:
        """Show the current question with its answer hidden, and restart the clock."""
        self.ticked = frozenset()
        self.typed_id = None
        self.typed = None
        self.shown_at = self.tui.study.clock()
        self._set_phase(Phase.ASKING)
        self._show_detail()
        self.tick()

    def _set_phase(self, phase: Phase) -> None:
        """Enter a phase: show, enable and focus what it needs."""
        self.phase = phase
        rubric = self.query_one(RubricChecklist)
        rubric.display = phase not in (Phase.ASKING, Phase.GRADING)
        rubric.disabled = phase is Phase.RATING
        (rubric if phase is Phase.TICKING else self.query_one(QuestionDetail)).focus()
        self._show_prompt()

    def _show_detail(self) -> None:
        """The question pane; the answer only once revealed."""
        question = self.current
        topic = self.tui.study.bank.topic(question.topic_id)
        typed = self.typed
        self.query_one(QuestionDetail).show(
            DetailView(
                question=question,
                topic_title=topic.title if topic else question.topic_id,
                status=f"question {self.index + 1} of {len(self.questions)}",
                revealed=self.phase not in (Phase.ASKING, Phase.GRADING),
                show_key_points=False,
                typed_answer=typed.answer if typed else "",
                evidence=tuple(p.evidence for p in typed.result.points if p.evidence)
                if typed
                else (),
                grader_line=grader_line(typed.result) if typed else "",
            )
        )

    def _show_prompt(self) -> None:
        """The status line and what to do now."""
        self.refresh_bindings()
        status = (
            f" Mock interview · {MIX_LABELS[self.mix]} · {self.index + 1} of {len(self.questions)}"
        )
        self.query_one("#mock-status", Static).update(Text(status, style="bold"))
        prompt = self.query_one(MockPrompt)
        total = len(self.current.key_points)
        suggestion = suggested_rating(len(self.ticked), total)
        if self.phase is Phase.ASKING:
            prompt.show_asking()
        elif self.phase is Phase.GRADING:
            prompt.show_grading()
        elif self.phase is Phase.TICKING:
            prompt.show_ticking(len(self.ticked), total, suggestion)
        else:
            prompt.show_rating(len(self.ticked), total, suggestion)

    def tick(self) -> None:
        """Redraw the clock from the study clock; reveal when the time is up."""
        if self.shown_at is None:
            return
        elapsed = (self.tui.study.clock() - self.shown_at).total_seconds()
        if self.phase is Phase.ASKING and elapsed >= self.seconds and not self.typing:
            self.action_reveal()
        if self.phase is Phase.ASKING:
            self.query_one(Countdown).show_left(self.seconds - elapsed)
        else:
            self.query_one(Countdown).show_used(self.answer_ms, self.seconds)

    # Actions -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Each key only in the phase it belongs to."""
        if action in ("reveal", "type_answer"):
            return self.phase is Phase.ASKING
        if action in ("accept", "rate", "retick"):
            return self.phase is Phase.RATING
        return True

    def action_reveal(self) -> None:
        """Show the answer and the checklist of key points, focused."""
        if self.phase is not Phase.ASKING or self.shown_at is None:
            return
        self._stop_clock()
        self.query_one(RubricChecklist).show_points(list(self.current.key_points))
        self._set_phase(Phase.TICKING)
        self._show_detail()
        self.tick()

    def _stop_clock(self) -> None:
        """Note the time the answer took, capped at the limit."""
        if self.shown_at is not None:
            elapsed_ms = (self.tui.study.clock() - self.shown_at).total_seconds() * 1000
            self.answer_ms = min(int(elapsed_ms), self.seconds * 1000)

    def action_type_answer(self) -> None:
        """a: type the answer; the clock runs on, and time up waits for Ctrl+S or Esc."""
        if self.phase is Phase.ASKING:
            self.typing = True
            self.checker.ask(self.current, on_cancel=self._typing_cancelled)

    def _typing_cancelled(self) -> None:
        """Esc in the answer box: back to answering out loud (time up reveals as before)."""
        self.typing = False
        self.tick()

    def _grading_started(self, question: Question) -> None:
        """The typed answer went off to be graded: stop the clock and say so."""
        self.typing = False
        if question is self.current and self.phase is Phase.ASKING:
            self._stop_clock()
            self._set_phase(Phase.GRADING)
            self.tick()

    def _graded(self, graded: Graded) -> None:
        """Reveal with the checklist pre-ticked by the grader (the answer is saved already)."""
        if graded.question is not self.current or self.phase is not Phase.GRADING:
            return
        result = graded.result
        self.typed = graded
        self.ticked = graded.ticked
        self.typed_id = graded.answer_id
        if result.notice:
            self.notify(result.notice, severity="warning", timeout=8, markup=False)
        self.query_one(RubricChecklist).show_points(
            list(self.current.key_points), set(self.ticked), result.points
        )
        self._set_phase(Phase.TICKING)
        self._show_detail()
        self.tick()

    def _not_graded(self, question: Question) -> None:
        """Grading failed: reveal as if answered out loud."""
        if question is self.current and self.phase is Phase.GRADING:
            self.phase = Phase.ASKING
            self.action_reveal()

    @on(RubricChecklist.Changed)
    def ticks_changed(self, event: RubricChecklist.Changed) -> None:
        """Keep the share and suggestion up to date while ticking."""
        self.ticked = event.ticked
        self._show_prompt()

    @on(RubricChecklist.Done)
    def ticking_done(self, event: RubricChecklist.Done) -> None:
        """Enter on the checklist: show the suggested rating."""
        self.ticked = event.ticked
        self._set_phase(Phase.RATING)

    def action_retick(self) -> None:
        """Back to the checklist."""
        self._set_phase(Phase.TICKING)

    def action_accept(self) -> None:
        """Enter: record the suggested rating."""
        self._record(suggested_rating(len(self.ticked), len(self.current.key_points)))

    def action_rate(self, key: str) -> None:
        """1-4: record this rating instead of the suggestion."""
        self._record(RATING_KEYS[key])

    def _record(self, rating: Rating) -> None:
        """Save the answer in the mock log (never FSRS) and ask the next question."""
        question = self.current
        answer = MockAnswer(
            question.id,
            tuple(sorted(self.ticked)),
            len(question.key_points),
            int(rating),
            self.answer_ms,
        )
        progress = self.tui.study.progress
        try:
            mock_answer_id = progress.mocks.record(self.session_id, answer, self.tui.study.clock())
        except StoreError as error:
            self.notify(f"Not saved: {error.reason}", severity="error", timeout=10, markup=False)
            return
        if self.typed_id is not None:
            try:
                progress.typed_answers.settle(
                    self.typed_id, self.ticked, mock_answer_id=mock_answer_id
                )
            except StoreError as error:
                self.notify(
                    f"Typed answer's ticks not saved: {error.reason}",
                    severity="error",
                    markup=False,
                )
        self.answers.append(answer)
        self.index += 1
        if self.index < len(self.questions):
            self._ask()
        else:
            self._finish()

    def action_end(self) -> None:
        """Escape: ask before ending early."""
        answered = len(self.answers)
        self.app.push_screen(
            ConfirmScreen(
                "End the mock interview now?",
                f"The report covers the {answered} question(s) graded so far.",
            ),
            self._end_confirmed,
        )

    def _end_confirmed(self, confirmed: bool | None) -> None:
        """Finish if the learner said yes."""
        if confirmed:
            self._finish()

    def action_quit_app(self) -> None:
        """q: ask before quitting in the middle of an interview."""
        answered = len(self.answers)
        self.app.push_screen(
            ConfirmScreen(
                "Quit genai-tui now?",
                f"The mock interview ends with the {answered} question(s) graded so far; "
                "its report stays under past mock interviews.",
            ),
            self._quit_confirmed,
        )

    def _quit_confirmed(self, confirmed: bool | None) -> None:
        """Close the session in the log, then quit, if the learner said yes."""
        if confirmed:
            self.close_session()
            self.app.exit()

    def on_unmount(self) -> None:
        """However the screen goes (quit, hang-up), the session gets its end time."""
        self.close_session()

    def close_session(self) -> None:
        """Give the session its end time in the log, once."""
        if self.closed:
            return
        try:
            self.tui.study.progress.mocks.finish(self.session_id, self.tui.study.clock())
        except StoreError as error:
            self.notify(f"Not saved: {error.reason}", severity="error", timeout=10, markup=False)
            return
        self.closed = True

    def _finish(self) -> None:
        """Close the session in the log and show the report in place of this screen."""
        self.close_session()
        report = MockReportScreen(
            self.session_id, self.mix, self.answers, len(self.questions), self.seconds
        )
        self.app.switch_screen(report)
