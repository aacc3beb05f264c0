"""What is on the screen, cell for cell, as plain lines of text."""

from __future__ import annotations

from textual.app import App
from textual.widget import Widget


def screen_lines(app: App[object]) -> list[str]:
    """Every line of the current screen as it is composited, including modals and toasts."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def widget_lines(app: App[object], widget: Widget) -> list[str]:
    """The lines of the screen inside a widget's region."""
    region = widget.region
    lines = screen_lines(app)[region.y : region.bottom]
    return [line[region.x : region.right] for line in lines]
