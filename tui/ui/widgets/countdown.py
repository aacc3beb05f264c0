"""The mock interview clock: time left while answering, time used afterwards."""

from __future__ import annotations

import math

from rich.text import Text
from textual.widgets import Static

LOW_SECONDS = 30


def clock_text(seconds: float) -> str:
    """Seconds as m:ss, rounded up so 0:00 means the time is really up."""
    minutes, rest = divmod(max(0, math.ceil(seconds)), 60)
    return f"{minutes}:{rest:02d}"


class Countdown(Static):
    """One line; the screen computes the time from its clock and hands it over."""

    def show_left(self, seconds: float) -> None:
        """`Time left 2:41`, marked `-low` in the last half minute."""
        self.update(Text(f"Time left {clock_text(seconds)} ", style="bold"))
        self.set_class(seconds <= LOW_SECONDS, "-low")

    def show_used(self, used_ms: int, limit_s: int) -> None:
        """`Time up` or `Answered in 1:12` once the answer is revealed."""
        timed_out = used_ms >= limit_s * 1000
        used = "Time up" if timed_out else f"Answered in {clock_text(used_ms / 1000)}"
        self.update(Text(f"{used} ", style="bold"))
        self.set_class(False, "-low")
