"""A bar chart of one number per day (plotext), with dated ticks and whole-number y ticks."""

from __future__ import annotations

import math
from datetime import date, timedelta

from rich.text import Text
from textual.app import RenderResult
from textual_plotext import PlotextPlot

NICE_STEPS = (1, 2, 5)
MAX_Y_TICKS = 4
TICK_EVERY = 7  # days between dated ticks
ASCII_FRAME = str.maketrans("┌┐└┘─│┤├┬┴┼", "++++-|+++++")


def y_ticks(values: list[int]) -> list[int]:
    """Whole-number ticks from 0 to just above the largest value, at most 5 of them."""
    top = max([*values, 1])
    scale = 1
    while True:
        for step in NICE_STEPS:
            if math.ceil(top / (step * scale)) <= MAX_Y_TICKS:
                size = step * scale
                return list(range(0, size * math.ceil(top / size) + 1, size))
        scale *= 10


def date_ticks(first: date, days: int, anchor: int) -> tuple[list[float], list[str]]:
    """Ticks a week apart counted from bar `anchor` ("today"), labelled MM-DD."""
    positions = range(anchor % TICK_EVERY, days, TICK_EVERY)
    labels = [
        "today" if i == anchor else (first + timedelta(days=i)).strftime("%m-%d") for i in positions
    ]
    return [float(i) for i in positions], labels


class DayBars(PlotextPlot):
    """Bars for consecutive days starting at `first`; plain markers in the terminal's colours."""

    def __init__(
        self,
        values: list[int],
        first: date,
        today: date,
        *,
        ascii: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.values = values
        self.ascii = ascii
        self.theme = "clear"  # default foreground and background: fine in 16 colours and NO_COLOR
        plt = self.plt
        plt.theme(self.theme)
        # Half-block markers leave a gap between neighbouring days, where full blocks merge them.
        marker = "#" if ascii else "hd"
        plt.bar(list(range(len(values))), values, marker=marker, color="default", width=0.5)
        plt.xlim(-0.5, len(values) - 0.5)
        plt.xticks(*date_ticks(first, len(values), (today - first).days))
        ticks = y_ticks(values)
        plt.ylim(0, ticks[-1])
        plt.yticks([float(tick) for tick in ticks], [str(tick) for tick in ticks])

    def render(self) -> RenderResult:
        """The plot; with `ascii`, its frame redrawn in ASCII (same widths, so spans stay)."""
        rendered = super().render()
        if self.ascii and isinstance(rendered, Text):
            rendered.plain = rendered.plain.translate(ASCII_FRAME)
        return rendered
