"""Search questions by their text, answer and tags."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.core.models import Question

QUESTION_WEIGHT, TAG_WEIGHT, ANSWER_WEIGHT = 3, 2, 1


@dataclass(frozen=True)
class Hit:
    """A question that matches every word of a query, with a relevance score."""

    question: Question
    score: int


class SearchIndex:
    """Case-folded question text, tags and answer of every question, built once per search."""

    def __init__(self, questions: Iterable[Question]) -> None:
        self.entries = [
            (
                question,
                (
                    (question.question.casefold(), QUESTION_WEIGHT),
                    (" ".join(question.tags).casefold(), TAG_WEIGHT),
                    (question.answer.casefold(), ANSWER_WEIGHT),
                ),
            )
            for question in questions
        ]

    def search(self, query: str, limit: int = 100) -> list[Hit]:
        """Questions containing every word of the query, best first (question > tags > answer)."""
        words = query.casefold().split()
        if not words:
            return []
        hits = []
        for question, fields in self.entries:
            score = 0
            for word in words:
                best = max((weight for text, weight in fields if word in text), default=0)
                if not best:
                    break
                score += best
            else:
                hits.append(Hit(question, score))
        hits.sort(key=lambda hit: -hit.score)
        return hits[:limit]
