"""Colour and glyph decisions made before Textual starts."""

from __future__ import annotations

import pytest

from tui.terminal import apply_color, locale_can_draw_boxes, resolve_color


@pytest.mark.parametrize(
    ("choice", "environ", "expected"),
    [
        ("auto", {"TERM": "xterm-256color", "COLORTERM": "truecolor"}, "truecolor"),
        ("auto", {"TERM": "xterm-256color"}, "256"),
        ("auto", {"TERM": "xterm"}, "16"),
        ("auto", {"TERM": "xterm-256color", "NO_COLOR": "1"}, "none"),
        (None, {"TERM": "screen-256color", "COLORTERM": "24bit"}, "truecolor"),
        ("16", {"TERM": "xterm-256color", "COLORTERM": "truecolor"}, "16"),
        ("none", {"TERM": "xterm-256color"}, "none"),
    ],
)
def test_resolve_color(choice: str | None, environ: dict[str, str], expected: str) -> None:
    assert resolve_color(choice, environ) == expected


@pytest.mark.parametrize(
    ("mode", "system", "no_color"),
    [
        ("truecolor", "truecolor", False),
        ("256", "256", False),
        ("16", "standard", False),
        ("none", "standard", True),
    ],
)
def test_apply_color_sets_textual_environment(mode: str, system: str, no_color: bool) -> None:
    environ: dict[str, str] = {}
    apply_color(mode, environ)
    assert environ["TEXTUAL_COLOR_SYSTEM"] == system
    assert ("NO_COLOR" in environ) is no_color


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "en_GB.UTF-8"}, True),
        ({"LANG": "C.UTF-8"}, True),
        ({"LC_ALL": "de_DE.utf8", "LANG": "C"}, True),
        ({"LC_ALL": "C", "LANG": "en_US.UTF-8"}, False),
        ({"LANG": "en_US.ISO-8859-1"}, False),
        ({"LC_CTYPE": "fr_FR.ISO8859-15", "LANG": "fr_FR.UTF-8"}, False),
        ({"LANG": "en_US"}, False),
        ({}, False),
        ({"LANG": "POSIX"}, False),
    ],
)
def test_locale_decides_ascii_mode(environ: dict[str, str], expected: bool) -> None:
    assert locale_can_draw_boxes(environ) is expected
