"""Typed answers for a screen: open the answer box, grade in a thread, hand back the result."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

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
    """Owned by a screen: opens its answer box and calls it back with the grade."""

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
        """Grade in a worker thread of the app (it outlives the screen); the result comes back
        to the UI thread, where the answer is saved, and then to the screen if still shown."""
        question.details  # noqa: B018 - read here, on the UI thread, not in the worker
        app, grading = self.tui, self.tui.grading

        def job() -> None:
            try:
                result = grading.grade(question, answer)
            except Exception as error:  # a grader bug must not lose the answer box's outcome
                _deliver(app, self._not_graded, question, error)
                return
            _deliver(app, self._graded, question, answer, result)

        app.run_worker(job, thread=True, group=GRADE_GROUP, exit_on_error=False)
        self.submitted(question)

    def _graded(self, question: Question, answer: str, result: GradeResult) -> None:
        """On the UI thread: keep the answer, then show the grade if the screen still can."""
        answer_id = self._save(answer, result)
        if self._screen_shown():
            self.graded(Graded(question, answer, result, answer_id))

    def _not_graded(self, question: Question, error: Exception) -> None:
        """On the UI thread: say that grading failed, and let the screen carry on."""
        self.tui.notify(f"Could not grade the answer: {error}", severity="error", markup=False)
        if self._screen_shown():
            self.failed(question)

    def _screen_shown(self) -> bool:
        """Whether the owning screen is still on the app's stack (not ended meanwhile)."""
        return self.screen in self.tui.screen_stack

    def _save(self, answer: str, result: GradeResult) -> int | None:
        """Keep the typed answer at once, whatever the screen does next: it is the user's
        writing. Its final ticks and its review or mock answer are settled when rated."""
        study = self.tui.study
        try:
            return study.progress.typed_answers.save(
                answer, result, grader_ticks(result), study.clock()
            )
        except StoreError as error:
            self.tui.notify(
                f"Typed answer not saved: {error.reason}", severity="error", markup=False
            )
            return None


def _deliver(app: GenAITUI, callback: Callable[..., None], *args: object) -> None:
    """Run `callback(*args)` on the UI thread; nothing if the app has closed meanwhile."""
    with contextlib.suppress(RuntimeError):  # the app is gone: no event loop left to tell
        app.call_from_thread(callback, *args)
