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


LOCALE_VARIABLES = ("LC_ALL", "LC_CTYPE", "LANG")
COERCED_CTYPES = ("C.UTF-8", "C.utf8", "UTF-8")
"""What Python puts in LC_CTYPE when it coerces the C locale (PEP 538)."""


def process_start_environ(path: str = "/proc/self/environ") -> dict[str, str] | None:
    """The environment this process was started with, before Python changed it (Linux)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError:
        return None
    pairs = (entry.split(b"=", 1) for entry in raw.split(b"\0") if b"=" in entry)
    return {key.decode(errors="replace"): value.decode(errors="replace") for key, value in pairs}


def user_environ(
    environ: Mapping[str, str], started_with: Mapping[str, str] | None
) -> dict[str, str]:
    """`environ` with the locale variables as the user set them.

    Python's locale coercion (PEP 538) sets LC_CTYPE=C.UTF-8 when the locale is C, so the
    process's own environment no longer says what the user's terminal can show. The values the
    process started with do; where they cannot be read, an LC_CTYPE that looks coerced (a UTF-8
    C locale with no LC_ALL and LANG unset, C or POSIX) is taken as Python's, not the user's.
    """
    result = {k: v for k, v in environ.items() if k not in LOCALE_VARIABLES}
    if started_with is not None:
        result |= {k: started_with[k] for k in LOCALE_VARIABLES if k in started_with}
        return result
    result |= {k: environ[k] for k in LOCALE_VARIABLES if k in environ}
    coerced = (
        result.get("LC_CTYPE") in COERCED_CTYPES
        and not result.get("LC_ALL")
        and result.get("LANG", "C") in ("", "C", "POSIX")
    )
    if coerced:
        del result["LC_CTYPE"]
    return result


def locale_name(environ: Mapping[str, str]) -> str:
    """The locale that governs character encoding: LC_ALL, else LC_CTYPE, else LANG."""
    for name in LOCALE_VARIABLES:
        if environ.get(name):
            return environ[name]
    return "C"


def locale_can_draw_boxes(environ: Mapping[str, str]) -> bool:
    """Whether the user's locale can encode the box-drawing and maths glyphs the UI uses.

    Read from the environment, because Python itself switches C and POSIX to UTF-8 (PEP 538,
    PEP 540) while the terminal on the other end of the SSH link stays ASCII: pass the
    environment through `user_environ` first.
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


def ascii_only(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the user's locale (not Python's coerced one) rules out box-drawing glyphs."""
    current = os.environ if environ is None else environ
    return not locale_can_draw_boxes(user_environ(current, process_start_environ()))


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
