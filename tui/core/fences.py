"""Find ```-fenced code blocks in answer text: verbatim lines that no other markup touches."""

from __future__ import annotations

import re
from dataclasses import dataclass

FENCE_LANGUAGES = ("bash", "json", "python", "sql", "text", "yaml")
"""The languages a fence may name; `text` is shown verbatim (diagrams, pseudo-config)."""

_OPENER = re.compile(r"^(?P<indent>[ \t]*)(?P<ticks>`{3,})[ \t]*(?P<info>[^`\s]*)[ \t]*$")
_CLOSER = re.compile(r"^[ \t]*(?P<ticks>`{3,})[ \t]*$")


@dataclass(frozen=True)
class Prose:
    """A run of text outside fences, starting at `offset` in the whole text."""

    text: str
    offset: int


@dataclass(frozen=True)
class Fence:
    """A fenced block: its language, its lines (opener indent removed), where its opener is."""

    language: str
    lines: tuple[str, ...]
    offset: int
    closed: bool = True


def split_fences(text: str) -> list[Prose | Fence]:
    """Cut text into prose and fenced blocks, in order; an unclosed fence runs to the end."""
    parts: list[Prose | Fence] = []
    prose_start = 0
    offset = 0
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        opener = _OPENER.match(line)
        if opener is None:
            offset += len(line) + 1
            index += 1
            continue
        if offset > prose_start:
            parts.append(Prose(text[prose_start:offset], prose_start))
        indent, ticks = len(opener["indent"]), len(opener["ticks"])
        body: list[str] = []
        fence_offset = offset
        offset += len(line) + 1
        index += 1
        closed = False
        while index < len(lines):
            line = lines[index]
            offset += len(line) + 1
            index += 1
            closer = _CLOSER.match(line)
            if closer is not None and len(closer["ticks"]) >= ticks:
                closed = True
                break
            body.append(_dedent(line, indent))
        parts.append(Fence(opener["info"].lower(), tuple(body), fence_offset, closed))
        prose_start = min(offset, len(text))
    if prose_start < len(text):
        parts.append(Prose(text[prose_start:], prose_start))
    return parts


def prose_only(text: str) -> str:
    """The text with every fenced block removed (for word counts and the like)."""
    return "\n".join(part.text for part in split_fences(text) if isinstance(part, Prose))


def fence_problems(text: str) -> list[tuple[int, str]]:
    """(offset of the opening fence, message) for unclosed fences and unknown languages."""
    problems: list[tuple[int, str]] = []
    for part in split_fences(text):
        if not isinstance(part, Fence):
            continue
        if not part.closed:
            problems.append((part.offset, "unclosed code fence: no closing ``` line"))
        if part.language not in FENCE_LANGUAGES:
            known = ", ".join(FENCE_LANGUAGES)
            named = (
                f"unknown code fence language '{part.language}'"
                if part.language
                else ("code fence without a language")
            )
            problems.append((part.offset, f"{named} (use one of: {known})"))
    return problems


def _dedent(line: str, indent: int) -> str:
    """Remove up to `indent` leading spaces, as far as the line has them."""
    stripped = len(line) - len(line.lstrip(" \t"))
    return line[min(indent, stripped) :]
