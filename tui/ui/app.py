"""The genai-tui App: wiring of screens, app-wide keys and clean exits on hang-up."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Sequence
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from tui.study import Study
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.screens.help import HelpScreen, binding_rows


class GenAITUI(App[None]):
    """Interview preparation with spaced repetition: dashboard, review, help."""

    CSS_PATH = "app.tcss"
    TITLE = "genai-tui"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (96, "-normal")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help"),
    ]

    def __init__(
        self,
        study: Study,
        *,
        warnings: Sequence[str] = (),
        ascii: bool = False,
        handle_signals: bool = False,
    ) -> None:
        super().__init__()
        self.study = study
        self.warnings = tuple(warnings)
        self.ascii = ascii
        self.handle_signals = handle_signals

    def on_mount(self) -> None:
        """Show the dashboard, report skipped content, and exit cleanly on SIGHUP/SIGTERM."""
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(signum, self.exit)
        self.push_screen(DashboardScreen())
        for warning in self.warnings:
            self.notify(warning, title="Skipped", severity="warning", timeout=15)

    def action_help(self) -> None:
        """Show every key of the current screen."""
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(binding_rows(self.screen)))
