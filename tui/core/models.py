"""The question bank's runtime models: plain frozen dataclasses, cheap to import and to cache."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
TOPIC_ID_PATTERN = re.compile(rf"^{SLUG}$")
QUESTION_ID_PATTERN = re.compile(rf"^{SLUG}/{SLUG}$")


class Difficulty(StrEnum):
    """How senior a question is, in the order a learner meets them."""

    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"

    @property
    def rank(self) -> int:
        """Position in the junior -> senior order, for sorting."""
        return list(Difficulty).index(self)


@dataclass(frozen=True)
class Question:
    """One interview question with its model answer and grading rubric."""

    id: str
    difficulty: Difficulty
    question: str
    answer: str
    key_points: tuple[str, ...]
    follow_ups: tuple[str, ...] = ()
    pitfalls: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @property
    def topic_id(self) -> str:
        """The topic part of the question id."""
        return self.id.split("/", 1)[0]

    def to_dict(self) -> dict[str, Any]:
        """Every field, JSON-ready."""
        return {
            "id": self.id,
            "difficulty": self.difficulty.value,
            "question": self.question,
            "answer": self.answer,
            "key_points": list(self.key_points),
            "follow_ups": list(self.follow_ups),
            "pitfalls": list(self.pitfalls),
            "references": list(self.references),
            "tags": list(self.tags),
        }


@dataclass(frozen=True)
class Topic:
    """A topic of the bank: one YAML file with its questions."""

    id: str
    title: str
    section: str
    summary: str
    questions: tuple[Question, ...]
    order: int = 1000
    """Position in the topic table (lower first); ties go by id."""

    def to_dict(self) -> dict[str, Any]:
        """The topic's own fields (not its questions), JSON-ready."""
        return {
            "id": self.id,
            "title": self.title,
            "section": self.section,
            "summary": self.summary,
            "order": self.order,
            "questions": len(self.questions),
        }
