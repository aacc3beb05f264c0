"""LaTeX to terminal text: TeX-like 2-D layout for display math and a compact one-line form."""

from tui.core.formula.render import render_display, render_inline, unknown_macros

__all__ = ["render_display", "render_inline", "unknown_macros"]
