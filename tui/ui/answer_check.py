"""Typed answers for a screen: open the answer box, grade in a thread, hand back the result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui.core.grading.result import GradeResult
from tui.core.models import Question
from tui.store.errors import StoreError
from tui.ui.screens.answer_box import AnswerScreen

if TYPE_CHECKING:
    from tui.ui.app import GenAITUI

GRADE_GROUP = "grade-answer"
LOAD_GROUP = "load-grader"


def grader_ticks(result: GradeResult) -> frozenset[int]:
    """The key points (from 0) a grade counts as covered."""
    return frozenset(point.index - 1 for point in result.points if point.covered)


@dataclass(frozen=True)
class Graded:
    """A typed answer with what the grader found."""

    question: Question
    answer: str
    result: GradeResult
    answer_id: int | None
    """Its row in the store (None if it could not be saved)."""

    @property
    def ticked(self) -> frozenset[int]:
        """The key points (from 0) the grader counts as covered."""
        return grader_ticks(self.result)


class AnswerChecker:
    """Owned by a screen: the screen forwards its worker state changes to `worker_changed`."""

    def __init__(
        self,
        screen: Screen[Any],
        submitted: Callable[[Question], None],
        graded: Callable[[Graded], None],
        failed: Callable[[Question], None],
    ) -> None:
        self.screen = screen
        self.submitted = submitted
        """Called when an answer goes off to be graded (the screen shows that it waits)."""
        self.graded = graded
        self.failed = failed
        """Called when grading raised: the screen carries on without a grade."""
        self.pending: dict[Worker[GradeResult], tuple[Question, str]] = {}

    @property
    def tui(self) -> GenAITUI:
        """The app, typed."""
        return self.screen.app  # type: ignore[return-value]

    def ask(self, question: Question, on_cancel: Callable[[], None] | None = None) -> None:
        """Open the answer box for `question`; load the grader meanwhile, in a thread."""
        grading = self.tui.grading
        loading = any(worker.group == LOAD_GROUP for worker in self.tui.workers)
        if not grading.loaded and not loading:
            self.tui.run_worker(grading.load, thread=True, group=LOAD_GROUP, exit_on_error=False)

        def done(answer: str | None) -> None:
            if answer is None:
                if on_cancel is not None:
                    on_cancel()
                return
            self._grade(question, answer)

        self.screen.app.push_screen(AnswerScreen(question.question), done)

    def _grade(self, question: Question, answer: str) -> None:
        """Grade in a worker thread; the result arrives through `worker_changed`."""
        question.details  # noqa: B018 - read here, on the UI thread, not in the worker
        grading = self.tui.grading
        worker: Worker[GradeResult] = self.screen.run_worker(
            lambda: grading.grade(question, answer),
            thread=True,
            group=GRADE_GROUP,
            exit_on_error=False,
        )
        self.pending[worker] = (question, answer)
        self.submitted(question)

    def _save(self, answer: str, result: GradeResult) -> int | None:
        """Keep the typed answer at once, whatever the screen does next: it is the user's
        writing. Its final ticks and its review or mock answer are settled when rated."""
        study = self.tui.study
        try:
            return study.progress.typed_answers.save(
                answer, result, grader_ticks(result), study.clock()
            )
        except StoreError as error:
            self.screen.notify(
                f"Typed answer not saved: {error.reason}", severity="error", markup=False
            )
            return None

    def worker_changed(self, event: Worker.StateChanged) -> None:
        """A grading worker finished: hand its result (or its failure) to the screen."""
        worker = event.worker
        if worker not in self.pending or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
            WorkerState.CANCELLED,
        ):
            return
        question, answer = self.pending.pop(worker)
        if event.state is WorkerState.SUCCESS and isinstance(worker.result, GradeResult):
            self.graded(Graded(question, answer, worker.result, self._save(answer, worker.result)))
            return
        if event.state is WorkerState.ERROR:
            self.screen.notify(
                f"Could not grade the answer: {worker.error}", severity="error", markup=False
            )
        self.failed(question)
