"""Decide colours and glyphs for this terminal before Textual is imported."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

TEXTUAL_SYSTEMS = {"truecolor": "truecolor", "256": "256", "16": "standard", "none": "standard"}
BOX_DRAWING = "─│╭╮╰╯═║√∑"


def resolve_color(choice: str | None, environ: Mapping[str, str]) -> str:
    """The colour mode to use: `auto` follows NO_COLOR, COLORTERM and TERM."""
    if choice and choice != "auto":
        return choice
    if "NO_COLOR" in environ:
        return "none"
    if environ.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return "truecolor"
    if environ.get("TERM", "").endswith("256color"):
        return "256"
    return "16"


def apply_color(mode: str, environ: dict[str, str] | os._Environ[str]) -> None:
    """Set TEXTUAL_COLOR_SYSTEM (and NO_COLOR for `none`); must run before importing Textual."""
    environ["TEXTUAL_COLOR_SYSTEM"] = TEXTUAL_SYSTEMS[mode]
    if mode == "none":
        environ["NO_COLOR"] = "1"


def locale_name(environ: Mapping[str, str]) -> str:
    """The locale that governs character encoding: LC_ALL, else LC_CTYPE, else LANG."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        if environ.get(name):
            return environ[name]
    return "C"


def locale_can_draw_boxes(environ: Mapping[str, str]) -> bool:
    """Whether the user's locale can encode the box-drawing and maths glyphs the UI uses.

    Read from the environment, because Python itself switches C and POSIX to UTF-8 (PEP 538,
    PEP 540) while the terminal on the other end of the SSH link stays ASCII.
    """
    name = locale_name(environ)
    if name in ("C", "POSIX"):
        return False
    codeset = name.split(".", 1)[1].split("@", 1)[0] if "." in name else ""
    if not codeset:
        return False  # "en_US" without a codeset is ISO-8859-1 in glibc
    try:
        BOX_DRAWING.encode(codeset)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def terminal_problem(environ: Mapping[str, str]) -> str | None:
    """Why the dashboard cannot run here (pipes, TERM=dumb), or None if it can."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return (
            "the dashboard needs an interactive terminal; "
            "use 'genai-tui show', 'stats', 'validate', 'content' or 'formula' in pipes and scripts"
        )
    if environ.get("TERM", "") in ("", "dumb"):
        return "TERM is 'dumb' or unset: the dashboard needs a terminal with cursor control"
    return None
