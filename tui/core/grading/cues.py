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

NEGATION_REACH = 3
"""How many words before a `needs` match a negator still negates it (chosen on unfitted answers)."""

_NEGATOR = re.compile(r"\b(?:not|cannot|never|no)\b|n[’'`]t\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:.!?()]|\b(?:but|while|whereas|so|because)\b", re.IGNORECASE)
_POINT_NEGATION = re.compile(
    r"\b(?:not|no|never|without|nor|cannot|rather|instead)\b|n[’'`]t\b", re.IGNORECASE
)


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


def needs_met(cues: PointCues, text: str, *, literal: bool = False) -> float:
    """The share of the point's `needs` patterns the text meets (1.0 when it has none).

    A need is met by a match that is not negated ("token counts aren't worth logging" does not
    meet a need for logging token counts), unless `literal` (the key point itself states a
    negation) or the pattern spells out negation itself.
    """
    if not cues.needs:
        return 1.0
    flat = _flat(text)
    met = sum(_met(pattern, flat, literal) for pattern in cues.needs)
    return met / len(cues.needs)


def states_negation(point: str) -> bool:
    """Whether a key point states something in the negative, so its needs match literally."""
    return bool(_POINT_NEGATION.search(point))


def _met(pattern: str, text: str, literal: bool) -> bool:
    """Whether some match of a `needs` pattern in the text is not negated."""
    compiled = _compiled(pattern)
    if literal or _handles_negation(pattern):
        return bool(compiled.search(text))
    return any(not _negated(text, match) for match in compiled.finditer(text))


def _negated(text: str, match: re.Match[str]) -> bool:
    """Whether a negator sits in the match or in the three words before it, in its clause."""
    clause = _CLAUSE_BREAK.split(text[: match.start()])[-1]
    nearby = " ".join(clause.split()[-NEGATION_REACH:])
    return bool(_NEGATOR.search(f"{nearby} {match.group(0)}"))


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
