"""The grader the app uses: the LLM judge when one is configured, else the offline grader."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from tui.core.grading.result import GradeResult
from tui.core.models import Question
from tui.grading.offline import OfflineGrader


class Judge(Protocol):
    """Something that grades an answer remotely and may fail with JudgeError."""

    def grade(self, question: Question, answer: str) -> GradeResult:
        """The per-point result, or JudgeError saying why there is none."""
        ...


class JudgeError(Exception):
    """The judge gave no usable result; the message is one line for the user."""


class AnswerGrading:
    """Grades typed answers; safe to call from worker threads, loads the offline grader once."""

    def __init__(
        self,
        judge: Judge | None = None,
        offline: OfflineGrader | None = None,
        judge_problem: str | None = None,
    ) -> None:
        self.judge = judge
        self.judge_problem = judge_problem
        """Why a judge that seems meant to be configured is not used (said with each grade)."""
        self.offline = offline or OfflineGrader()
        self._lock = threading.Lock()
        self._loaded = False

    @property
    def loaded(self) -> bool:
        """Whether the offline grader is ready (grading will not pay for loading it)."""
        return self._loaded

    def load(self) -> None:
        """Load the offline grader (imports and tables); later calls return at once."""
        with self._lock:
            if not self._loaded:
                self.offline.load()
                self._loaded = True

    def grade(self, question: Question, answer: str) -> GradeResult:
        """The judge's result when it answers well; otherwise the offline grader's, with why."""
        if self.judge is not None:
            try:
                return self.judge.grade(question, answer)
            except JudgeError as error:
                result = self._offline(question, answer)
                return _with_notice(result, f"LLM judge not used ({error}); graded offline")
        result = self._offline(question, answer)
        if self.judge_problem:
            return _with_notice(result, f"LLM judge not used ({self.judge_problem})")
        return result

    def _offline(self, question: Question, answer: str) -> GradeResult:
        """The offline grader's result (loaded first if needed)."""
        self.load()
        with self._lock:
            return self.offline.grade(question, answer)


def configured_grading(config_file: Path, environ: Mapping[str, str]) -> AnswerGrading:
    """The grading the user configured: with the LLM judge if config.toml or the environment
    names one (nothing is sent anywhere otherwise)."""
    from tui.grading.judge_config import judge_setup

    setup = judge_setup(config_file, environ)
    if setup.config is None:
        return AnswerGrading(judge_problem=setup.problem)
    from tui.grading.judge import LlmJudge

    return AnswerGrading(judge=LlmJudge(setup.config))


def _with_notice(result: GradeResult, notice: str) -> GradeResult:
    """The same result carrying a one-line notice."""
    combined = f"{notice}; {result.notice}" if result.notice else notice
    return GradeResult(result.question_id, result.grader, result.points, combined)
