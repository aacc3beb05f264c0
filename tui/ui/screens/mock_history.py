"""Past mock interviews: one line each, newest first; Enter opens that interview's report."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.mock import Mix
from tui.core.mock_score import score
from tui.store.mock_log import MockSession
from tui.ui.screens.mock_labels import MIX_LABELS

if TYPE_CHECKING:
    from tui.ui.app import GenAITUI


class MockHistoryScreen(Screen[None]):
    """Every mock interview in the log, with its score; Enter shows its report."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Back", id="mock-history-back"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[MockSession] = []

    @property
    def tui(self) -> GenAITUI:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """A status line over the list of interviews."""
        yield Static(Text(" Past mock interviews · Enter opens a report · Esc back", "bold"))
        yield OptionList(id="mock-history")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Read the log and list the interviews."""
        self.sessions = self.tui.study.progress.mocks.sessions()
        listing = self.query_one(OptionList)
        listing.border_title = "Mock interviews"
        if not self.sessions:
            listing.add_option(Option(Text("No mock interviews yet: press m on the dashboard.")))
            listing.disabled = True
            return
        listing.add_options([Option(self._label(s), id=str(s.session_id)) for s in self.sessions])
        listing.highlighted = 0
        listing.focus()

    def _label(self, session: MockSession) -> Text:
        """When, which mix, how many graded, the share of key points covered, applied or not."""
        study = self.tui.study
        when = session.started_at.astimezone(study.tz).strftime("%Y-%m-%d %H:%M")
        mix = _mix(session.mix)
        answers = study.progress.mocks.answers(session.session_id)
        overall = score(study.bank, answers).overall
        graded = (
            f"{session.graded} graded · {overall:.0%} of key points covered"
            if answers
            else "nothing graded"
        )
        parts = [when, MIX_LABELS[mix] if mix else session.mix, graded]
        if session.finished_at is None:
            parts.append("not finished")
        if session.applied:
            parts.append("applied to schedule")
        return Text(" · ".join(parts))

    def action_cursor_down(self) -> None:
        """j: next interview."""
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        """k: previous interview."""
        self.query_one(OptionList).action_cursor_up()

    @on(OptionList.OptionSelected, "#mock-history")
    def open_report(self, event: OptionList.OptionSelected) -> None:
        """Enter: that interview's report, as it was shown at the end."""
        from tui.ui.screens.mock_report import MockReportScreen

        session = next(s for s in self.sessions if str(s.session_id) == event.option.id)
        answers = self.tui.study.progress.mocks.answers(session.session_id)
        mix = _mix(session.mix) or Mix.JUNIOR
        self.app.push_screen(
            MockReportScreen(
                session.session_id,
                mix,
                answers,
                len(answers),
                session.seconds_each,
                applied=session.applied,
            )
        )


def _mix(value: str) -> Mix | None:
    """The mix a session was logged with, or None for one this version does not know."""
    try:
        return Mix(value)
    except ValueError:
        return None
