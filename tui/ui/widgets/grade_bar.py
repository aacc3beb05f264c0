"""The grade bar: what to do next in a review, the suggested rating and each rating's interval."""

from __future__ import annotations

from datetime import timedelta

from fsrs import Rating
from rich.text import Text
from textual.widgets import Static

from tui.study import format_interval

KEYS = {Rating.Again: "1", Rating.Hard: "2", Rating.Good: "3", Rating.Easy: "4"}


class GradeBar(Static):
    """One or two lines under the question; the screen says what they hold."""

    def show_hint(self, hint: str) -> None:
        """A plain instruction."""
        self.update(Text(hint))

    def show_ticking(self, ticked: int, total: int, suggestion: Rating) -> None:
        """While ticking key points: the share so far and the rating it suggests."""
        text = Text(f"Covered {ticked} of {total} key points · suggested ")
        text.append(suggestion.name, style="bold")
        text.append(" · tick with 1-9 or Space, Enter when done")
        self.update(text)

    def show_rating(self, suggestion: Rating | None, intervals: dict[Rating, timedelta]) -> None:
        """The four ratings with their intervals; the suggestion is marked, not only coloured."""
        text = Text()
        if suggestion is not None:
            text.append("Enter accepts ")
            text.append(f"[{suggestion.name}]", style="bold")
            text.append(" · ")
        for rating in Rating:
            label = f"{KEYS[rating]} {rating.name} {format_interval(intervals[rating])}"
            if rating is suggestion:
                text.append(f"[{label}]", style="bold reverse")
            else:
                text.append(label)
            text.append("   ")
        self.update(text)
