"""Actions on the current question shared by screens: its note, bookmark and flag."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from tui.core.models import Question
from tui.store.errors import StoreError
from tui.study import Study


def edit_note(
    screen: Screen[Any], study: Study, question: Question, then: Callable[[], None]
) -> None:
    """Open the note editor; save what comes back and call `then` to redraw."""
    from tui.ui.screens.note import NoteScreen

    def save(body: str | None) -> None:
        if body is None:
            return
        try:
            study.progress.notes.save_note(question.id, body, study.clock())
        except StoreError as error:
            screen.notify(
                f"Note not saved: {error.reason}", severity="error", timeout=10, markup=False
            )
            return
        screen.notify("Note saved." if body.strip() else "Note deleted.", timeout=2)
        then()

    screen.app.push_screen(
        NoteScreen(question.question, study.progress.notes.note(question.id)), save
    )


def toggle_bookmark(screen: Screen[Any], study: Study, question: Question) -> None:
    """Bookmark the question or remove its bookmark, and say which."""
    try:
        marked = study.progress.notes.toggle_bookmark(question.id, study.clock())
    except StoreError as error:
        screen.notify(
            f"Bookmark not saved: {error.reason}", severity="error", timeout=10, markup=False
        )
        return
    screen.notify("Bookmarked." if marked else "Bookmark removed.", timeout=2)


def toggle_flag(
    screen: Screen[Any], study: Study, question: Question, then: Callable[[], None]
) -> None:
    """Flag the question (asking for a reason), or remove its flag; `then` redraws."""
    from tui.ui.screens.flag import FlagScreen

    flags = study.progress.flags
    if flags.is_flagged(question.id):
        try:
            flags.unflag(question.id)
        except StoreError as error:
            screen.notify(f"Flag not removed: {error.reason}", severity="error", markup=False)
            return
        screen.notify("Flag removed.", timeout=2)
        then()
        return

    def save(reason: str | None) -> None:
        if reason is None:
            return
        try:
            flags.flag(question.id, reason, study.clock())
        except StoreError as error:
            screen.notify(f"Flag not saved: {error.reason}", severity="error", markup=False)
            return
        screen.notify("Flagged; `genai-tui flags` lists your flags.", timeout=3, markup=False)
        then()

    screen.app.push_screen(FlagScreen(question.question), save)
