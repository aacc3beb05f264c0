"""Apply a key point's optional cues: the patterns it needs and the claims that contradict it."""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.models import PointCues


@lru_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern[str]:
    """A cue pattern compiled once, case-insensitive."""
    return re.compile(pattern, re.IGNORECASE)


def _flat(text: str) -> str:
    """The text on one line with single spaces, so patterns need not expect line breaks."""
    return " ".join(text.split())


def needs_met(cues: PointCues, text: str) -> float:
    """The share of the point's `needs` patterns that match the text (1.0 when it has none)."""
    if not cues.needs:
        return 1.0
    flat = _flat(text)
    return sum(bool(_compiled(pattern).search(flat)) for pattern in cues.needs) / len(cues.needs)


def contradicted(cues: PointCues, answer: str) -> bool:
    """Whether any `contradicts` pattern matches anywhere in the answer."""
    flat = _flat(answer)
    return any(_compiled(pattern).search(flat) for pattern in cues.contradicts)
