"""Apply a key point's optional cues: the patterns it needs and the claims that contradict it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tui.core.models import PointCues

DISOWNING = re.compile(
    r"\b(?:not|cannot|never|nor|no longer|rather than|instead of|unlike|contrary to|myth|mistake"
    r"|misconception|pitfall|wrong to|false that|untrue|tempting"
    r"|people (?:\w+ )?(?:think|say|assume|believe|claim)"
    r"|(?:commonly|widely|often) (?:believed|thought|assumed|claimed)"
    r"|(?:common|popular) (?:belief|claim|assumption))\b|n[’'`]t\b",
    re.IGNORECASE,
)
"""Words that disown a claim: a misconception said after them in its sentence is not asserted."""

_SENTENCE_END = re.compile(r"[.!?;]\s")


@lru_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern[str]:
    """A cue pattern compiled once, case-insensitive."""
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=4096)
def _handles_negation(pattern: str) -> bool:
    """Whether a pattern spells out negation itself, so the grader must not second-guess it."""
    return bool(re.search(r"\bnot\b|\bnever\b|n\.t\b|n\\Wt|\bno\b|\b(?:doesn|isn|aren)", pattern))


def _flat(text: str) -> str:
    """The text on one line with single spaces, so patterns need not expect line breaks."""
    return " ".join(text.split())


def needs_met(cues: PointCues, text: str) -> float:
    """The share of the point's `needs` patterns that match the text (1.0 when it has none)."""
    if not cues.needs:
        return 1.0
    flat = _flat(text)
    return sum(bool(_compiled(pattern).search(flat)) for pattern in cues.needs) / len(cues.needs)


def asserted(pattern: str, text: str) -> bool:
    """Whether the text asserts the claim a pattern describes, not merely mentions to deny it.

    A match counts unless its sentence disowns it before or inside the match ("it is a myth
    that ...", "greedy does not sample"); a pattern that spells out negation itself is taken
    as written.
    """
    compiled = _compiled(pattern)
    if _handles_negation(pattern):
        return bool(compiled.search(text))
    for match in compiled.finditer(text):
        starts = [found.end() for found in _SENTENCE_END.finditer(text, 0, match.start())]
        sentence_start = starts[-1] if starts else 0
        if not DISOWNING.search(text, sentence_start, match.end()):
            return True
    return False


def asserts_any(patterns: Sequence[str], text: str) -> bool:
    """Whether the text asserts any of the claims the patterns describe."""
    flat = _flat(text)
    return any(asserted(pattern, flat) for pattern in patterns)


def contradicted(cues: PointCues, answer: str) -> bool:
    """Whether the answer asserts any of the point's `contradicts` claims."""
    return asserts_any(cues.contradicts, answer)
