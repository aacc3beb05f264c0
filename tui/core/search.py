"""Search questions by their text, tags, answer and the learner's own notes."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from tui.core.models import Question

QUESTION_WEIGHT, TAG_WEIGHT, NOTE_WEIGHT, ANSWER_WEIGHT = 3, 2, 2, 1


@dataclass(frozen=True)
class Hit:
    """A question that matches every word of a query, with a relevance score."""

    question: Question
    score: int
    note: str = ""
    """The learner's note on the question (empty if none)."""


class SearchIndex:
    """Case-folded question text, tags, answer and note of every question, built once."""

    def __init__(self, questions: Iterable[Question], notes: Mapping[str, str] | None = None):
        self.notes = dict(notes or {})
        self.entries = [
            (
                question,
                (
                    (question.question.casefold(), QUESTION_WEIGHT),
                    (" ".join(question.tags).casefold(), TAG_WEIGHT),
                    (self.notes.get(question.id, "").casefold(), NOTE_WEIGHT),
                    (question.answer.casefold(), ANSWER_WEIGHT),
                ),
            )
            for question in questions
        ]

    def search(
        self, query: str, limit: int = 100, only: Collection[str] | None = None
    ) -> list[Hit]:
        """Questions containing every word of the query, best first (question > tags and
        notes > answer). Within `only` (a set of ids), an empty query lists all of them."""
        words = query.casefold().split()
        if not words and only is None:
            return []
        hits = []
        for question, fields in self.entries:
            if only is not None and question.id not in only:
                continue
            score = 0
            for word in words:
                best = max((weight for text, weight in fields if word in text), default=0)
                if not best:
                    break
                score += best
            else:
                hits.append(Hit(question, score, self.notes.get(question.id, "")))
        hits.sort(key=lambda hit: -hit.score)
        return hits[:limit]
