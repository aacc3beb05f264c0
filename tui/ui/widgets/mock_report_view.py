"""The body of the mock interview report: overall, by topic, weakest points, time per question."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from fsrs import Rating
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from tui.core.grading.misses import MissedPoint
from tui.core.mock_score import MockScore, share
from tui.core.models import Question
from tui.core.sanitize import sanitize
from tui.store.mock_log import MockAnswer
from tui.store.typed_answers import TypedAnswer
from tui.ui.widgets.rich_answer import MathStyles, inline_text

BAR_WIDTH = 20
TITLE_WIDTH = 44


def bar(fraction: float, ascii: bool = False, width: int = BAR_WIDTH) -> str:
    """A text bar such as `██████░░░░`, readable without colour."""
    full = round(max(0.0, min(1.0, fraction)) * width)
    filled, empty = ("#", "-") if ascii else ("█", "░")
    return filled * full + empty * (width - full)


def duration_text(ms: int | None, limit_s: int) -> str:
    """`1:12`, or `3:00 time up` when the answer ran to the limit."""
    if ms is None:
        return "-"
    minutes, seconds = divmod(ms // 1000, 60)
    return f"{minutes}:{seconds:02d}" + (" time up" if ms >= limit_s * 1000 else "")


@dataclass(frozen=True)
class TypedSection:
    """Typed mode: the mock's typed answers by question id, and the points missed most often."""

    answers: Mapping[str, TypedAnswer]
    missed: Sequence[MissedPoint]


def _heading(title: str) -> Text:
    """A section heading, bold and underlined."""
    return Text(title, style="bold underline")


class MockReportView(Static):
    """A passive view: the screen hands it the score, the answers and their questions."""

    def __init__(self, *, ascii: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ascii = ascii
        self.math_styles = MathStyles()

    def show(
        self,
        score: MockScore,
        answers: Sequence[MockAnswer],
        questions: Mapping[str, Question],
        seconds: int,
        keys: str,
        typed: TypedSection | None = None,
    ) -> None:
        """Draw the whole report, ending with what the keys do."""
        if not answers:
            self.update(Text(f"No question was graded, so there is nothing to score.\n\n{keys}"))
            return
        parts: list[RenderableType] = [self._overall(score), Text()]
        parts += [_heading("Score by topic"), self._topics(score), Text()]
        parts += [_heading("Weakest points (key points not covered, worst first)")]
        parts += self._weak(score)
        parts += [
            Text(),
            _heading("Per question: time, key points covered, rating"),
            self._times(answers, questions, seconds),
        ]
        if typed is not None:
            parts += [Text(), *self._typed(typed, answers, questions)]
        parts += [Text(), Text(keys)]
        self.update(Group(*parts))

    def _overall(self, score: MockScore) -> Table:
        """`Overall  67% ██████░░░`."""
        grid = Table.grid(padding=(0, 1))
        grid.add_row(
            Text("Overall", style="bold"),
            Text(f"{score.overall:4.0%}", style="bold"),
            Text(bar(score.overall, self.ascii)),
        )
        return grid

    def _topics(self, score: MockScore) -> Table:
        """One row per topic, weakest first: title, share, bar, questions answered."""
        grid = Table.grid(padding=(0, 1))
        grid.add_column(overflow="ellipsis", no_wrap=True, max_width=TITLE_WIDTH)
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True)
        for row in score.topics:
            grid.add_row(
                Text(sanitize(row.title)),
                Text(f"{row.share:.0%}"),
                Text(bar(row.share, self.ascii)),
                Text(f"{row.answered} answered"),
            )
        return grid

    def _weak(self, score: MockScore) -> list[RenderableType]:
        """Each weak question with the key points it missed."""
        if not score.weak:
            return [Text("None: every key point was covered.")]
        mark = "x" if self.ascii else "✗"
        parts: list[RenderableType] = []
        for weak in score.weak:
            grid = Table.grid(padding=(0, 1))
            grid.add_column(justify="right", no_wrap=True, width=4)
            grid.add_column(ratio=1)
            title = inline_text(weak.question.question, self.math_styles, self.ascii)
            title.stylize("bold")
            grid.add_row(Text(f"{weak.share:.0%}", style="bold"), title)
            for point in weak.missed:
                grid.add_row(Text(mark), inline_text(point, self.math_styles, self.ascii))
            parts.append(grid)
        return parts

    def _times(
        self, answers: Sequence[MockAnswer], questions: Mapping[str, Question], seconds: int
    ) -> Table:
        """Time, share and rating of each answer, in the order asked."""
        grid = Table.grid(padding=(0, 1), expand=True)
        for justify in ("right", "left", "right", "left"):
            grid.add_column(justify=justify, no_wrap=True)
        grid.add_column(ratio=1, overflow="ellipsis", no_wrap=True)
        for number, answer in enumerate(answers, 1):
            question = questions.get(answer.question_id)
            text = Text(sanitize(answer.question_id))
            if question is not None:
                text = inline_text(question.question, self.math_styles, self.ascii)
            grid.add_row(
                Text(f"{number}."),
                Text(duration_text(answer.duration_ms, seconds)),
                Text(f"{share(answer):.0%}"),
                Text(Rating(answer.rating).name),
                text,
            )
        return grid

    def _typed(
        self, typed: TypedSection, answers: Sequence[MockAnswer], questions: Mapping[str, Question]
    ) -> list[RenderableType]:
        """Coverage of each typed answer, then the key points missed most often."""
        grid = Table.grid(padding=(0, 1), expand=True)
        for justify in ("right", "right", "left", "left"):
            grid.add_column(justify=justify, no_wrap=True)
        grid.add_column(ratio=1, overflow="ellipsis", no_wrap=True)
        for number, answer in enumerate(answers, 1):
            attempt = typed.answers.get(answer.question_id)
            if attempt is None:
                continue
            grader = sum(point.covered for point in attempt.points)
            grid.add_row(
                Text(f"{number}."),
                Text(f"{attempt.coverage:.0%}"),
                Text(bar(attempt.coverage, self.ascii, width=10)),
                Text(f"grader {grader} of {attempt.total}"),
                self._title(answer.question_id, questions),
            )
        parts: list[RenderableType] = [
            _heading("Typed answers: key points covered per question"),
            grid,
            Text(),
            _heading("Key points missed most often (all your typed answers to these questions)"),
        ]
        if not typed.missed:
            parts.append(Text("None: your typed answers covered every key point."))
            return parts
        missed = Table.grid(padding=(0, 1))
        missed.add_column(justify="right", no_wrap=True)
        missed.add_column(ratio=1)
        for point in typed.missed:
            missed.add_row(
                Text(f"{point.missed} of {point.attempts}"),
                inline_text(sanitize(point.text), self.math_styles, self.ascii),
            )
        parts.append(missed)
        return parts

    def _title(self, question_id: str, questions: Mapping[str, Question]) -> Text:
        """A question's text with inline math, or its id if it left the bank."""
        question = questions.get(question_id)
        if question is None:
            return Text(sanitize(question_id))
        return inline_text(question.question, self.math_styles, self.ascii)
