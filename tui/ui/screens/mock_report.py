"""The mock interview report: scores by topic, the missed key points, and what to do next."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from fsrs import Rating
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.core.bank import Bank
from tui.core.grading.misses import Attempt, MissedPoint, most_missed
from tui.core.mock import Mix
from tui.core.mock_score import MockScore, score
from tui.core.words import plural
from tui.store.errors import StoreError
from tui.store.mock_log import MockAnswer
from tui.store.typed_answers import TypedAnswer
from tui.ui.screens.mock_labels import MIX_LABELS
from tui.ui.widgets.mock_report_view import MockReportView, TypedSection

if TYPE_CHECKING:
    from tui.ui.app import GenAITUI


class MockReportScreen(Screen[None]):
    """What the mock showed; `r` reviews the weak questions, `a` applies the grades to FSRS."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "review", "Review weak questions", id="mock-review-weak"),
        Binding("a", "apply", "Apply grades to schedule", id="mock-apply"),
        Binding("escape", "dismiss", "Back", id="mock-report-back"),
    ]

    def __init__(
        self,
        session_id: int,
        mix: Mix,
        answers: list[MockAnswer],
        asked: int,
        seconds: int,
        *,
        applied: bool = False,
    ) -> None:
        super().__init__()
        self.session_id = session_id
        self.mix = mix
        self.answers = answers
        self.asked = asked
        self.seconds = seconds
        self.applied = len(answers) if applied else 0
        """How many answers were rated in FSRS so far (a failed `a` resumes from here)."""
        self.marked = applied
        """True once the session is marked applied in the log."""
        self.score: MockScore | None = None
        self.typed: TypedSection | None = None

    @property
    def tui(self) -> GenAITUI:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """A status line over the scrollable report."""
        yield Static(id="mock-report-status")
        with VerticalScroll(id="mock-report"):
            yield MockReportView(ascii=self.tui.ascii, id="mock-report-body")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Score the answers and draw the report."""
        self.score = score(self.tui.study.bank, self.answers)
        self.typed = self._typed_section()
        self.query_one("#mock-report").border_title = "Mock interview report"
        self.query_one("#mock-report").focus()
        self._show()

    def _show(self) -> None:
        """Redraw the status line and the report body."""
        self.refresh_bindings()
        state = "applied to your schedule" if self.marked else "not in your schedule"
        status = f" Mock interview · {MIX_LABELS[self.mix]} · {len(self.answers)} of {self.asked}"
        self.query_one("#mock-report-status", Static).update(
            Text(f"{status} graded · {state}", style="bold")
        )
        if self.score is not None:
            bank = self.tui.study.bank
            questions = {q.id: q for a in self.answers if (q := bank.question(a.question_id))}
            self.query_one(MockReportView).show(
                self.score, self.answers, questions, self.seconds, self._keys_line(), self.typed
            )

    def _typed_section(self) -> TypedSection | None:
        """Typed mode: the typed answers of this mock, and the points missed most often in
        every typed answer to its questions (this mock's and earlier ones); None if none."""
        typed_answers = self.tui.study.progress.typed_answers
        try:
            typed = typed_answers.for_mock_session(self.session_id)
            if not typed:
                return None
            history = [a for qid in typed for a in typed_answers.attempts(qid)]
        except StoreError as error:
            self.notify(f"Typed answers not read: {error.reason}", severity="error", markup=False)
            return None
        return TypedSection(typed, _missed(self.tui.study.bank, history))

    def _keys_line(self) -> str:
        """What the keys do here, in words."""
        weak = len(self.score.weak) if self.score else 0
        keys = [f"r: review the {plural(weak, 'weak question')} now"] if weak else []
        if self.marked:
            keys.append("grades applied to your FSRS schedule")
        elif self.answers:
            keys.append("a: apply these grades to your FSRS schedule (only if you want)")
        return " · ".join([*keys, "Esc: back"])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`r` only with weak questions, `a` only until applied."""
        if action == "review":
            return self.score is not None and bool(self.score.weak)
        if action == "apply":
            return bool(self.answers) and not self.marked
        return True

    def action_review(self) -> None:
        """Queue the questions not fully covered for a review now, worst first."""
        from tui.ui.screens.review import ReviewScreen

        if self.score is not None and self.score.weak:
            weak = [w.question for w in self.score.weak]
            self.app.push_screen(ReviewScreen(weak, None, scope="weak questions from the mock"))

    def action_apply(self) -> None:
        """Rate each answer in FSRS with its mock grade, once, then mark the session applied."""
        if not self.answers or self.marked:
            self.notify("These grades are already in your schedule.")
            return
        study = self.tui.study
        try:
            for answer in self.answers[self.applied :]:
                study.rate(
                    answer.question_id,
                    Rating(answer.rating),
                    answer.duration_ms,
                    ticked=list(answer.ticked),
                )
                self.applied += 1
            study.progress.mocks.mark_applied(self.session_id)
            self.marked = True
        except StoreError as error:
            self.notify(f"Not applied: {error.reason}", severity="error", timeout=10, markup=False)
            return
        self.notify(f"Applied {plural(len(self.answers), 'grade')} to your schedule.", timeout=3)
        self._show()


def _missed(bank: Bank, history: list[TypedAnswer]) -> list[MissedPoint]:
    """The key points missed most often across these typed answers."""
    attempts = [
        Attempt(typed.question_id, question.key_points, set(typed.ticked))
        for typed in history
        if (question := bank.question(typed.question_id)) is not None
    ]
    return most_missed(attempts)
