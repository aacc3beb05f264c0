"""A calendar heatmap of reviews: one glyph per day, darker for more, readable without colour."""

from __future__ import annotations

from datetime import date, timedelta
from statistics import quantiles
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

Grid = list[list[int | None]]

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
LABEL_WIDTH = 4  # "Mon" and a space
CELL_WIDTHS = (3, 2)  # a doubled glyph and a space where it fits, else one glyph and a space
# Glyphs by level: 0 is a past day without reviews, 1-4 rising density; future days are blank.
GLYPHS = ("·", "░", "▒", "▓", "█")
ASCII_GLYPHS = (".", ":", "+", "*", "#")
FUTURE = " "
TOP_LEVEL = 4


def density_levels(grid: Grid) -> Grid:
    """Map counts to levels: None stays None, 0 is 0, others 1-4 by quartile; the busiest is 4."""
    counts = sorted(count for row in grid for count in row if count)
    cuts = quantiles(counts, n=4, method="inclusive") if len(counts) > 1 else []
    top = counts[-1] if counts else 0

    def level(count: int | None) -> int | None:
        """The level of one day."""
        if count is None or count == 0:
            return count
        if count >= top:
            return TOP_LEVEL
        return min(TOP_LEVEL, 1 + sum(count > cut for cut in cuts))

    return [[level(count) for count in row] for row in grid]


def week_start(today: date, weeks: int, week: int) -> date:
    """The Monday of column `week` in a grid of `weeks` columns that ends with today's week."""
    last_monday = today - timedelta(days=today.weekday())
    return last_monday - timedelta(weeks=weeks - 1 - week)


def cell_width(width: int, weeks: int) -> int:
    """The widest cell that lets every week fit in `width` columns."""
    for cell in CELL_WIDTHS:
        if LABEL_WIDTH + cell * weeks <= width:
            return cell
    return CELL_WIDTHS[-1]


def month_labels(today: date, weeks: int, cell: int) -> str:
    """The top line: a month's short name over the first column whose Monday is in it."""
    line = " " * LABEL_WIDTH
    previous = None
    for week in range(weeks):
        month = week_start(today, weeks, week).month
        x = LABEL_WIDTH + cell * week
        if month != previous and len(line) <= x:
            name = week_start(today, weeks, week).strftime("%b")
            line = line.ljust(x) + name
        previous = month
    return line.rstrip()


class Heatmap(Widget):
    """Reviews per day over the last weeks: weekdays down, weeks across, a legend below."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "heatmap--label",
        "heatmap--empty",
        "heatmap--level-1",
        "heatmap--level-2",
        "heatmap--level-3",
        "heatmap--level-4",
        "heatmap--today",
    }

    def __init__(
        self,
        grid: Grid,
        today: date,
        *,
        ascii: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.grid = grid
        self.today = today
        self.glyphs = ASCII_GLYPHS if ascii else GLYPHS

    @property
    def weeks(self) -> int:
        """How many week columns the grid has."""
        return len(self.grid[0]) if self.grid else 0

    @property
    def cell_width(self) -> int:
        """Columns per day at the current size (a glyph, repeated to fill, then one space)."""
        return cell_width(self.content_region.width or self.size.width, self.weeks)

    def glyph(self, level: int | None) -> str:
        """The character drawn for a level."""
        return FUTURE if level is None else self.glyphs[level]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """A month line, seven weekdays and the legend."""
        return 1 + len(WEEKDAYS) + 1

    def render(self) -> Text:
        """Month line, seven weekday rows and the legend."""
        cell = self.cell_width
        label = self.get_component_rich_style("heatmap--label", partial=True)
        text = Text(month_labels(self.today, self.weeks, cell), style=label, no_wrap=True)
        levels = density_levels(self.grid)
        for weekday, row in enumerate(levels):
            text.append("\n")
            text.append(WEEKDAYS[weekday].ljust(LABEL_WIDTH), style=label)
            for week, level in enumerate(row):
                glyph = self.glyph(level) * (1 if level == 0 else cell - 1)
                text.append(glyph, style=self._style(level, weekday, week))
                text.append(" " * (cell - len(glyph)))
        text.append("\n" + " " * LABEL_WIDTH)
        text.append("less ", style=label)
        for level in range(TOP_LEVEL + 1):
            text.append(self.glyph(level), style=self._style(level))
        text.append(" more", style=label)
        return text

    def _style(self, level: int | None, weekday: int = -1, week: int = -1) -> Style:
        """Colour for emphasis only (the glyph carries the meaning); today is underlined."""
        if level is None:
            return Style()
        name = "heatmap--empty" if level == 0 else f"heatmap--level-{level}"
        style = self.get_component_rich_style(name, partial=True)
        if week == self.weeks - 1 and weekday == self.today.weekday():
            style += self.get_component_rich_style("heatmap--today", partial=True)
        return style
