"""Property tests: the formula renderer never fails, never overflows, never emits unsafe text."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.formula import render_display, render_inline, unknown_macros

LATEXISH_TOKENS = [
    "\\frac",
    "\\dfrac",
    "\\sqrt",
    "\\sqrt[3]",
    "\\left(",
    "\\right)",
    "\\left[",
    "\\right]",
    "\\left.",
    "\\right|",
    "\\left\\{",
    "\\right\\}",
    "\\middle|",
    "\\big(",
    "\\Bigr)",
    "\\sum",
    "\\prod",
    "\\int",
    "\\lim",
    "\\max",
    "\\arg",
    "\\log",
    "\\limits",
    "\\alpha",
    "\\Omega",
    "\\mathbb",
    "\\mathcal",
    "\\mathrm",
    "\\text",
    "\\operatorname*",
    "\\hat",
    "\\bar",
    "\\vec",
    "\\overline",
    "\\underbrace",
    "\\binom",
    "\\not",
    "\\in",
    "\\le",
    "\\cdot",
    "\\|",
    "\\,",
    "\\quad",
    "\\\\",
    "\\begin{pmatrix}",
    "\\end{pmatrix}",
    "\\begin{cases}",
    "\\end{cases}",
    "\\begin{aligned}",
    "\\end{aligned}",
    "\\foo",
    "\\",
    "{",
    "}",
    "^",
    "_",
    "&",
    "$",
    "%",
    "'",
    "~",
    "(",
    ")",
    "[",
    "]",
    "|",
    "+",
    "-",
    "=",
    "<",
    ",",
    " ",
    "x",
    "y",
    "ab",
    "0",
    "12",
    "α",
    "\x1b",
    "\x00",
    "\n",
]

latexish = st.lists(st.sampled_from(LATEXISH_TOKENS), max_size=30).map("".join)
sources = st.one_of(st.text(), latexish)
widths = st.integers(min_value=1, max_value=200)


def _is_control(char: str) -> bool:
    """C0 controls, DEL and C1 controls (which include CSI)."""
    code = ord(char)
    return code < 0x20 or 0x7F <= code <= 0x9F


def _one_cell(char: str) -> bool:
    """A printable character that takes exactly one terminal cell."""
    if unicodedata.combining(char) or unicodedata.east_asian_width(char) in ("W", "F"):
        return False
    return unicodedata.category(char) not in ("Mn", "Me", "Mc", "Cf", "Cc", "Cs", "Co", "Cn")


def _check_text(text: str, ascii: bool) -> None:
    """Shared checks on any emitted text."""
    assert not any(_is_control(char) for char in text)
    if ascii:
        assert all(" " <= char <= "~" for char in text), text
    else:
        assert all(_one_cell(char) for char in text), text


@settings(max_examples=300, deadline=None)
@given(source=sources, width=widths, ascii=st.booleans())
def test_display_is_safe_and_fits(source: str, width: int, ascii: bool) -> None:
    """Display output is a list of clean lines, each at most `width` cells."""
    lines = render_display(source, width, ascii=ascii)
    assert isinstance(lines, list)
    for line in lines:
        assert isinstance(line, str)
        assert len(line) <= width, (source, width, line)
        assert "\n" not in line
        assert line == line.rstrip()
        _check_text(line, ascii)
    if lines:
        assert lines[0].strip()
        assert lines[-1].strip()


@settings(max_examples=300, deadline=None)
@given(source=sources, ascii=st.booleans())
def test_inline_is_one_clean_line(source: str, ascii: bool) -> None:
    """Inline output is a single clean line."""
    text = render_inline(source, ascii=ascii)
    assert isinstance(text, str)
    assert "\n" not in text
    _check_text(text, ascii)


@settings(max_examples=300, deadline=None)
@given(source=sources)
def test_unknown_macros_never_fails(source: str) -> None:
    """Unknown macro names come back deduplicated, without backslashes."""
    names = unknown_macros(source)
    assert isinstance(names, list)
    assert len(names) == len(set(names))
    assert all(isinstance(name, str) and name and not name.startswith("\\") for name in names)


@settings(max_examples=300, deadline=None)
@given(source=latexish, width=widths)
def test_ascii_and_unicode_agree_on_failure_free_rendering(source: str, width: int) -> None:
    """Both character sets render the same source without raising, at any width."""
    for ascii in (False, True):
        render_display(source, width, ascii=ascii)
        render_inline(source, ascii=ascii)
