"""Which key points a learner's typed answers miss most often."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Attempt:
    """One typed answer: its question, the question's key points, and the points ticked."""

    question_id: str
    key_points: Sequence[str]
    ticked: Collection[int]  # 0-based


@dataclass(frozen=True)
class MissedPoint:
    """A key point and how many of the attempts at its question left it out."""

    question_id: str
    index: int  # 0-based
    text: str
    missed: int
    attempts: int


def most_missed(attempts: Iterable[Attempt], limit: int = 8) -> list[MissedPoint]:
    """The key points missed at least once, most often first (then by share, then in order)."""
    misses: dict[tuple[str, int], int] = {}
    tries: dict[str, int] = {}
    texts: dict[tuple[str, int], str] = {}
    order: list[tuple[str, int]] = []
    for attempt in attempts:
        tries[attempt.question_id] = tries.get(attempt.question_id, 0) + 1
        for index, text in enumerate(attempt.key_points):
            key = (attempt.question_id, index)
            if key not in texts:
                texts[key] = text
                order.append(key)
            if index not in attempt.ticked:
                misses[key] = misses.get(key, 0) + 1
    found = [
        MissedPoint(qid, index, texts[(qid, index)], misses[(qid, index)], tries[qid])
        for qid, index in order
        if misses.get((qid, index), 0) > 0
    ]
    found.sort(key=lambda point: (-point.missed, -point.missed / point.attempts))
    return found[:limit]
