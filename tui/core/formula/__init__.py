"""LaTeX to terminal text: TeX-like 2-D layout for display math and a compact one-line form.

The renderer (and pylatexenc under it) is imported on the first call, not with this package,
so screens that show no formula do not pay for it at start-up.
"""

from __future__ import annotations


def render_display(latex: str, width: int = 80, *, ascii: bool = False) -> list[str]:
    """Render display math as lines of text no wider than `width` cells."""
    from tui.core.formula.render import render_display as render

    return render(latex, width, ascii=ascii)


def render_inline(latex: str, *, ascii: bool = False) -> str:
    """Render math as a compact single line for use inside a sentence."""
    from tui.core.formula.render import render_inline as render

    return render(latex, ascii=ascii)


def formula_problem(latex: str) -> str | None:
    """Why the LaTeX source is malformed, in one line, or None when it parses."""
    from tui.core.formula.render import formula_problem as check

    return check(latex)


def unknown_macros(latex: str) -> list[str]:
    """Macro names (without backslash) the renderer does not know, in order of first use."""
    from tui.core.formula.render import unknown_macros as scan

    return scan(latex)


__all__ = ["formula_problem", "render_display", "render_inline", "unknown_macros"]
