"""Setting up a mock interview: the mix, how many questions and the minutes per question."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.bank import Bank
from tui.core.mock import DEFAULT_QUESTIONS, DEFAULT_SECONDS, Mix, draw
from tui.store.errors import StoreError
from tui.ui.screens.mock_labels import DIFFERENTIATORS_NOTE, MIX_LABELS
from tui.ui.screens.mock_session import MockSessionScreen

if TYPE_CHECKING:
    from tui.ui.app import GenAITUI

MAX_MINUTES = 60


def available(bank: Bank, mix: Mix) -> int:
    """How many questions a mix can draw from (a draw of everything is the whole pool)."""
    return len(draw(bank, mix, bank.question_count, random.Random(0)))


class MockSetupScreen(ModalScreen[None]):
    """Choose the mix, N and the time per question, then start; Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="mock-cancel"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, *, rng: random.Random | None = None) -> None:
        super().__init__()
        self.rng = rng or random.Random()
        self.mix = Mix.JUNIOR

    @property
    def tui(self) -> GenAITUI:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """A titled box: the mix list, then the two numbers and the keys."""
        with Vertical(id="mock-setup-box"):
            yield Static("Mock interview", id="mock-setup-title")
            arrows = "Up/Down" if self.tui.ascii else "↑/↓"
            yield Label(f"Mix  ({arrows} or j/k to choose)", classes="mock-setup-label")
            yield OptionList(id="mock-mix")
            with Horizontal(classes="mock-setup-row"):
                yield Label("Questions", classes="mock-setup-label")
                yield Input(str(DEFAULT_QUESTIONS), type="integer", id="mock-count")
            with Horizontal(classes="mock-setup-row"):
                yield Label("Minutes each", classes="mock-setup-label")
                yield Input(f"{DEFAULT_SECONDS / 60:g}", type="number", id="mock-minutes")
            yield Static("Tab next field · Enter starts · Esc cancels", id="mock-setup-keys")

    def on_mount(self) -> None:
        """List the mixes with their pool sizes and focus the list."""
        self._show_mixes()
        self.query_one("#mock-mix", OptionList).focus()

    def _show_mixes(self) -> None:
        """One option per mix, the chosen one marked with text, not only highlighted."""
        mixes = self.query_one("#mock-mix", OptionList)
        bank = self.tui.study.bank
        chosen, other = ("(*)", "( )") if self.tui.ascii else ("(•)", "( )")
        options = []
        for mix in Mix:
            label = Text(f"{chosen if mix is self.mix else other} {MIX_LABELS[mix]}")
            label.append(f"  {available(bank, mix)} available", style="dim")
            if mix is Mix.DIFFERENTIATORS:
                label.append(f"\n    {DIFFERENTIATORS_NOTE}", style="dim")
            options.append(Option(label, id=mix.value))
        with mixes.prevent(OptionList.OptionHighlighted):
            mixes.clear_options()
            mixes.add_options(options)
            mixes.highlighted = list(Mix).index(self.mix)

    @on(OptionList.OptionHighlighted, "#mock-mix")
    def choose_mix(self, event: OptionList.OptionHighlighted) -> None:
        """The highlighted mix is the chosen one."""
        if event.option.id is not None and event.option.id != self.mix.value:
            self.mix = Mix(event.option.id)
            self._show_mixes()

    def action_cursor_down(self) -> None:
        """j: next mix."""
        self.query_one("#mock-mix", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        """k: previous mix."""
        self.query_one("#mock-mix", OptionList).action_cursor_up()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """j/k move the mix only when the list is focused (they are text in the inputs)."""
        if action in ("cursor_down", "cursor_up"):
            return isinstance(self.focused, OptionList)
        return True

    @on(OptionList.OptionSelected, "#mock-mix")
    @on(Input.Submitted)
    def start(self) -> None:
        """Enter: check the numbers, draw the questions and open the session."""
        count = _number(self.query_one("#mock-count", Input).value)
        minutes = _number(self.query_one("#mock-minutes", Input).value)
        if count is None or count < 1:
            self.notify("Choose at least one question.", severity="warning")
            return
        if minutes is None or not 0 < minutes <= MAX_MINUTES:
            self.notify(f"Minutes each: from 0.1 to {MAX_MINUTES}.", severity="warning")
            return
        study = self.tui.study
        questions = draw(study.bank, self.mix, int(count), self.rng)
        if not questions:
            self.notify(f"No {MIX_LABELS[self.mix]} questions in this bank.", severity="warning")
            return
        if len(questions) < count:
            self.notify(f"Only {len(questions)} questions available for this mix.", timeout=4)
        seconds = max(1, round(minutes * 60))
        try:
            session_id = study.progress.mocks.start(self.mix.value, seconds, study.clock())
        except StoreError as error:
            self.notify(f"Cannot start: {error.reason}", severity="error", timeout=10, markup=False)
            return
        self.app.switch_screen(MockSessionScreen(questions, self.mix, seconds, session_id))

    def action_cancel(self) -> None:
        """Escape: back to the dashboard."""
        self.dismiss()


def _number(value: str) -> float | None:
    """The number typed in an input, or None."""
    try:
        return float(value)
    except ValueError:
        return None
