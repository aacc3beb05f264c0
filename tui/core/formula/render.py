"""The public entry points: parse, lay out, fit to width, and never fail."""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.formula.breaking import fit_row
from tui.core.formula.chars import fallback_text, glyph, wrap
from tui.core.formula.layout import Layout
from tui.core.formula.linear import Linear
from tui.core.formula.nodes import Formula
from tui.core.formula.parse import parse, scan_unknown_macros

_CACHE_SIZE = 2048


@lru_cache(maxsize=_CACHE_SIZE)
def _parsed(latex: str) -> Formula | None:
    """The parsed formula, or None when the source is malformed."""
    try:
        return parse(latex)
    except Exception:  # malformed input of any kind falls back to plain text
        return None


@lru_cache(maxsize=_CACHE_SIZE)
def _display(latex: str, width: int, ascii: bool) -> tuple[str, ...]:
    """Cached display rendering."""
    formula = _parsed(latex)
    lines: list[str] | None = None
    if formula is not None:
        try:
            layout = Layout(ascii)
            lines = [line for row in formula.lines for line in fit_row(layout, row, width)]
        except Exception:  # a layout bug must never reach the reader
            lines = None
    if lines is None:
        lines = wrap(fallback_text(latex, ascii), width, indent=2)
    return tuple(_finish(lines, width, ascii))


@lru_cache(maxsize=_CACHE_SIZE)
def _inline(latex: str, ascii: bool) -> str:
    """Cached inline rendering."""
    formula = _parsed(latex)
    text: str | None = None
    if formula is not None:
        try:
            linear = Linear(ascii)
            text = "; ".join(linear.row(row).text.strip() for row in formula.lines)
        except Exception:  # a rendering bug must never reach the reader
            text = None
    if text is None:
        text = fallback_text(latex, ascii)
    return _safe(text, ascii).strip()


def _safe(text: str, ascii: bool) -> str:
    """Replace anything that is not a safe one-cell glyph (defence in depth)."""
    out: list[str] = []
    for char in text:
        if char == " ":
            out.append(char)
        elif ascii:
            out.append(char if " " <= char <= "~" else "?")
        else:
            out.append(char if glyph(char, False) == char else "?")
    return "".join(out)


def _finish(lines: list[str], width: int, ascii: bool) -> list[str]:
    """Make every line safe and at most `width` cells; drop blank lines at both ends."""
    out: list[str] = []
    for line in lines:
        line = _safe(line, ascii).rstrip()
        while len(line) > width:
            out.append(line[:width].rstrip())
            line = line[width:]
        out.append(line)
    while out and not out[0].strip():
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    return out


def render_display(latex: str, width: int = 80, *, ascii: bool = False) -> list[str]:
    """Render display math as lines of text no wider than `width` cells."""
    return list(_display(latex, max(1, int(width)), bool(ascii)))


def render_inline(latex: str, *, ascii: bool = False) -> str:
    """Render math as a compact single line for use inside a sentence."""
    return _inline(latex, bool(ascii))


def formula_problem(latex: str) -> str | None:
    """Why the source is malformed, in one line (None when it parses)."""
    try:
        parse(latex)
    except Exception as error:  # FormulaError or any pylatexenc parse error
        first = (str(error).strip().splitlines() or [type(error).__name__])[0]
        return _POSITION.sub(lambda m: f"(at character {int(m.group(2)) + 1})", first).strip()
    return None


_POSITION = re.compile(r"@\((\d+),(\d+)\)")
"""pylatexenc's `@(line,column)` position marker, columns from 0."""


def unknown_macros(latex: str) -> list[str]:
    """Macro names (without backslash) the renderer does not know, in order of first use, deduplicated."""  # noqa: E501
    formula = _parsed(latex)
    if formula is not None:
        return list(formula.unknown)
    return scan_unknown_macros(latex)
