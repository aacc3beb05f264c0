"""Short human wording for toasts: a rating saved, a rating undone."""

from __future__ import annotations

from datetime import timedelta

from tui.core.models import Question
from tui.ui.widgets.rich_answer import MathStyles, inline_text

TITLE_WIDTH = 40
"""Characters of a question kept in a toast."""

UNITS = (("year", 365 * 86400), ("month", 30 * 86400), ("day", 86400), ("hour", 3600))


def human_interval(interval: timedelta) -> str:
    """`10 minutes`, `1 hour`, `3 days`, `2 months`: the largest unit that fits, rounded."""
    seconds = max(0.0, interval.total_seconds())
    for name, size in UNITS:
        if seconds >= size * 0.95:
            count = max(1, round(seconds / size))
            return f"{count} {name}" + ("" if count == 1 else "s")
    minutes = max(1, round(seconds / 60))
    return f"{minutes} minute" + ("" if minutes == 1 else "s")


def saved_message(rating_name: str, comes_back: timedelta) -> str:
    """The toast after a rating: `Good · back in 3 days`."""
    return f"{rating_name} · back in {human_interval(comes_back)}"


def short_title(question: Question, ascii: bool = False) -> str:
    """The question on one line, formulas in their inline form, cut at a word to fit a toast."""
    text = inline_text(question.question, MathStyles(), ascii).plain
    if len(text) <= TITLE_WIDTH:
        return text
    ellipsis = "..." if ascii else "…"
    cut = text[: TITLE_WIDTH - len(ellipsis) + 1]
    words = cut.rsplit(" ", 1)[0] if " " in cut[TITLE_WIDTH // 2 :] else cut[:-1]
    return words.rstrip(" ,;:") + ellipsis


def undone_message(rating_name: str, question: Question | None, ascii: bool = False) -> str:
    """The toast after an undo: `Undid Good on <question>`."""
    title = short_title(question, ascii) if question is not None else "a removed question"
    return f"Undid {rating_name} on {title}"


NOTHING_TO_UNDO = "Nothing to undo: only ratings made since genai-tui started can be undone."
