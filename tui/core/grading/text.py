"""Split a typed answer into sentences kept as exact spans, and into normalised word tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n\s*")
_ABBREVIATIONS = ("e.g.", "i.e.", "vs.", "etc.", "cf.", "approx.", "fig.", "eq.", "al.")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the answer: its offsets and its exact text."""

    start: int
    end: int
    text: str
    sentence_count: int = 1


def sentences(answer: str) -> list[Span]:
    """The answer's sentences as spans whose text is a verbatim substring of the answer."""
    spans: list[Span] = []
    start = 0
    for boundary in _SENTENCE_END.finditer(answer):
        if _ends_in_abbreviation(answer[start : boundary.start()]):
            continue
        _append(spans, answer, start, boundary.start())
        start = boundary.end()
    _append(spans, answer, start, len(answer))
    return spans


def windows(spans: list[Span], answer: str, width: int = 2) -> list[Span]:
    """Every sentence, then every run of up to `width` adjacent sentences, as verbatim spans."""
    found = list(spans)
    for size in range(2, width + 1):
        for first in range(len(spans) - size + 1):
            start, end = spans[first].start, spans[first + size - 1].end
            found.append(Span(start, end, answer[start:end], size))
    return found


def words(text: str) -> list[str]:
    """The text's words, lowercased, with apostrophes kept inside contractions."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def stem(word: str) -> str:
    """A light stem: British and American spellings merged, common suffixes removed."""
    word = word.replace("isation", "ization").replace("ise", "ize").replace("yse", "yze")
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _ends_in_abbreviation(text: str) -> bool:
    """Whether the text before a full stop ends in an abbreviation such as 'e.g.'."""
    tail = text.lower().rsplit(None, 1)[-1] if text.strip() else ""
    return tail in _ABBREVIATIONS


def _append(spans: list[Span], answer: str, start: int, end: int) -> None:
    """Add the stretch start..end, trimmed of white space, if anything is left."""
    while start < end and answer[start].isspace():
        start += 1
    while end > start and answer[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(start, end, answer[start:end]))
