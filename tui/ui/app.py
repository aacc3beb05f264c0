"""The genai-tui App: wiring of screens, app-wide keys, settings and clean exits on hang-up."""

from __future__ import annotations

import asyncio
import gc
import signal
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.filter import LineFilter
from textual.screen import Screen

from tui.config import Settings, SettingsFile
from tui.exit_watchdog import ExitWatchdog
from tui.study import Study
from tui.ui.ascii_only import AsciiOnly
from tui.ui.colour_modes import ColourFree, calm_theme
from tui.ui.compact_output import compacting
from tui.ui.key_order import KeySequencer
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen

if TYPE_CHECKING:
    from textual.command import Provider

    from tui.grading.service import AnswerGrading


def genai_commands() -> type[Provider]:
    """genai-tui's command palette provider, imported when the palette first opens."""
    from tui.ui.palette import GenAICommands

    return GenAICommands


class GenAITUI(App[None]):
    """Interview preparation with spaced repetition: dashboard, review, mock, stats, help."""

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {genai_commands}
    TITLE = "genai-tui"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (96, "-normal"), (116, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help"),
    ]

    def __init__(
        self,
        study: Study,
        *,
        settings: Settings | None = None,
        settings_file: SettingsFile | None = None,
        warnings: Sequence[str] = (),
        ascii: bool = False,
        handle_signals: bool = False,
        watchdog: ExitWatchdog | None = None,
    ) -> None:
        super().__init__()
        self.study = study
        self.settings = settings or Settings()
        self.settings_file = settings_file
        self.warnings = tuple(warnings)
        self.ascii = ascii
        self.handle_signals = handle_signals
        self.watchdog = watchdog
        self.key_order = KeySequencer(self)
        self._grading: AnswerGrading | None = None
        self._colour_free: list[LineFilter] = [ColourFree()]
        self._ascii_only: list[LineFilter] = [AsciiOnly()] if ascii else []

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes from the terminal wait their turn (see tui.ui.key_order)."""
        if not self.key_order.hold(event):
            await super().on_event(event)

    @property
    def grading(self) -> AnswerGrading:
        """The grader of typed answers, created (not yet loaded) when first asked for."""
        if self._grading is None:
            import os

            from tui.grading.service import configured_grading
            from tui.paths import config_path

            config = self.settings_file.path if self.settings_file else config_path()
            self._grading = configured_grading(config, os.environ)
        return self._grading

    @grading.setter
    def grading(self, grading: AnswerGrading) -> None:
        """Use another grader (the LLM judge, once configured)."""
        self._grading = grading

    def on_unmount(self) -> None:
        """Drop keys still waiting when the app closes."""
        self.key_order.stop()

    def on_mount(self) -> None:
        """Apply settings, show the dashboard, report problems, exit cleanly on SIGHUP/SIGTERM."""
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(signum, self._stop, signal.Signals(signum).name)
        if self.ascii:
            self.add_class("-ascii")
        if self.no_color:
            self.add_class("-no-color")
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for warning in self.warnings:
            self.notify(warning, title="Warning", severity="warning", timeout=15, markup=False)
        self._check_size()
        # tui.launch keeps the garbage collector off for start-up; it resumes after the first frame.
        self.call_after_refresh(gc.enable)

    def get_line_filters(self) -> list[LineFilter]:
        """Textual's filters, or with NO_COLOR (`--color none`) one that strips every colour;
        in ASCII mode, then one that leaves only ASCII."""
        colour = self._colour_free if self.no_color else list(super().get_line_filters())
        return [*colour, *self._ascii_only]

    def get_key_display(self, binding: Binding) -> str:
        """How the Footer names a key; in ASCII mode `Enter` and `Up` rather than glyphs."""
        shown = super().get_key_display(binding)
        if shown.isascii() or not self.ascii:
            return shown
        from tui.ui.screens.help import key_label  # the help module loads after the first frame

        return key_label(binding.key, ascii=True)

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables; in 16 colours, with an accent that does not turn red."""
        if self.console.color_system != "standard":
            return super().get_css_variables()
        theme = calm_theme(self.current_theme)
        variables = {**theme.to_color_system().generate(), **theme.variables}
        self.theme_variables = {**self.get_theme_variable_defaults(), **variables}
        return self.theme_variables

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this platform, safe when the terminal goes away, compacted."""
        driver = super().get_driver_class()
        from textual.drivers.linux_driver import LinuxDriver

        if issubclass(driver, LinuxDriver):
            from tui.ui.resilient_driver import ResilientLinuxDriver

            driver = ResilientLinuxDriver
        return compacting(driver)

    def terminal_lost(self, reason: str) -> None:
        """The terminal went away (the driver says why): shut down as on a hang-up."""
        self._stop(f"terminal lost: {reason}")

    def _stop(self, reason: str) -> None:
        """Exit cleanly, with the watchdog ending the process if that takes too long."""
        if self.watchdog is not None:
            self.watchdog.arm(reason)
        self.exit()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's palette entries we keep (theme, quit) and our help in place of its own.

        Textual's "Keys" panel would be a second help, "Maximize" duplicates `f`, and
        "Screenshot" writes a file the user did not ask for.
        """
        yield SystemCommand("Theme", "Change the colour theme", self.action_change_theme)
        yield SystemCommand("Help", "Every key of this screen and what it does", self.action_help)
        yield SystemCommand("Quit", "Leave genai-tui (every rating is already saved)", self.exit)

    def get_default_screen(self) -> DashboardScreen:
        """The dashboard is the app's base screen, drawn in the very first frame."""
        return DashboardScreen()

    def on_resize(self, event: events.Resize) -> None:
        """Cover the screen with a notice while the terminal is too small; state is kept."""
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int | None = None, height: int | None = None) -> None:
        """Push or pop the too-small notice for the given (or current) size."""
        width = self.size.width if width is None else width
        height = self.size.height if height is None else height
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        covered = isinstance(self.screen, TooSmallScreen)
        if small and not covered:
            self.push_screen(TooSmallScreen())
        elif covered and not small:
            self.pop_screen()

    def save_settings(self) -> None:
        """Persist the settings; failures are shown, not raised."""
        if self.settings_file is None:
            return
        try:
            self.settings_file.save(self.settings)
        except OSError as error:
            self.notify(f"Settings not saved: {error}", severity="error", markup=False)

    def _remember_theme(self, theme: object) -> None:
        """Keep the chosen theme for the next session."""
        if self.theme != self.settings.theme:
            self.settings.theme = self.theme
            self.save_settings()

    def dashboard(self) -> DashboardScreen | None:
        """The dashboard, wherever it is in the screen stack."""
        return next((s for s in self.screen_stack if isinstance(s, DashboardScreen)), None)

    async def run_dashboard_action(self, action: str) -> None:
        """Return to the dashboard (ratings are already saved) and run one of its actions."""
        dashboard = self.dashboard()
        if dashboard is None:
            return
        while self.screen is not dashboard:
            self.pop_screen()
        await dashboard.run_action(action)

    async def jump_to_topic(self, topic_id: str) -> None:
        """Show a topic on the dashboard."""
        dashboard = self.dashboard()
        if dashboard is None:
            return
        while self.screen is not dashboard:
            self.pop_screen()
        dashboard.show_question(topic_id, None)

    def apply_settings(self, settings: Settings) -> None:
        """Use new settings now and keep them for the next session."""
        from fsrs import Scheduler

        self.settings = settings
        self.study.new_per_day = settings.new_per_day
        old = self.study.progress.scheduler
        if old.desired_retention != settings.desired_retention:
            self.study.progress.scheduler = Scheduler(
                parameters=old.parameters,
                desired_retention=settings.desired_retention,
                learning_steps=old.learning_steps,
                relearning_steps=old.relearning_steps,
                maximum_interval=old.maximum_interval,
                enable_fuzzing=old.enable_fuzzing,
            )
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        self.save_settings()

    def action_help(self) -> None:
        """Show every key of the current screen."""
        from tui.ui.screens.help import HelpScreen, binding_rows  # loaded on first use

        if isinstance(self.screen, HelpScreen | TooSmallScreen):
            return
        self.push_screen(HelpScreen(binding_rows(self.screen, self.ascii)))
