"""The line under a mock question: what to do now, the share covered, the suggested rating."""

from __future__ import annotations

from fsrs import Rating
from rich.text import Text
from textual.widgets import Static

RATINGS_LINE = "1 Again · 2 Hard · 3 Good · 4 Easy"


class MockPrompt(Static):
    """Instructions for the phase the screen is in; everything said in words."""

    def show_asking(self) -> None:
        """Before the reveal."""
        self.update(
            Text(
                "Answer out loud, or press a to type it. "
                "Space reveals the model answer (so does time up)."
            )
        )

    def show_grading(self) -> None:
        """While the typed answer is being graded."""
        self.update(Text("Grading your answer..."))

    def show_ticking(self, ticked: int, total: int, suggestion: Rating) -> None:
        """While ticking key points."""
        text = self._covered(ticked, total, suggestion)
        text.append(".\nTick with 1-9 or Space, Enter when done.")
        self.update(text)

    def show_rating(self, ticked: int, total: int, suggestion: Rating) -> None:
        """After ticking: Enter accepts the suggestion, 1-4 override it."""
        text = self._covered(ticked, total, suggestion)
        text.append(".\nEnter accepts ")
        text.append(suggestion.name, style="bold")
        text.append(f", or {RATINGS_LINE}; t edits the ticks.")
        self.update(text)

    def _covered(self, ticked: int, total: int, suggestion: Rating) -> Text:
        """`Covered 2 of 3 key points · suggested Hard`."""
        text = Text(f"Covered {ticked} of {total} key points · suggested ")
        text.append(suggestion.name, style="bold")
        return text
