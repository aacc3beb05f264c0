"""The question bank's runtime models: plain frozen dataclasses, cheap to import and to cache."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Protocol

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


@dataclass(frozen=True, slots=True)
class PointCues:
    """Optional grading cues for one key point: what an answer must say, and what contradicts it.

    Each entry is a case-insensitive regular expression. Every `needs` pattern must match one
    stretch of the answer for the point to count; any `contradicts` match anywhere in the answer
    means the answer states a misconception about the point.
    """

    point: int  # 1-based index of the key point
    needs: tuple[str, ...] = ()
    contradicts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QuestionDetails:
    """The long parts of a question: its answer and rubric, loaded when the question is shown."""

    answer: str
    key_points: tuple[str, ...]
    follow_ups: tuple[str, ...] = ()
    pitfalls: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    cues: tuple[PointCues, ...] = ()


class DetailSource(Protocol):
    """Where the details of questions kept only as an index come from (the content cache)."""

    def details(self, question_id: str) -> QuestionDetails:
        """The details of one question."""
        ...


@dataclass(frozen=True, slots=True)
class Question:
    """One interview question with its model answer and grading rubric.

    The short fields are always in memory; the details are either held (`loaded`) or fetched
    from `source` when first needed, so a bank of thousands of questions stays small.
    """

    id: str
    difficulty: Difficulty
    question: str
    tags: tuple[str, ...] = ()
    loaded: QuestionDetails | None = field(default=None, repr=False, compare=False)
    source: DetailSource | None = field(default=None, repr=False, compare=False)

    @property
    def details(self) -> QuestionDetails:
        """The answer and rubric, from memory or from the source."""
        if self.loaded is not None:
            return self.loaded
        if self.source is None:
            raise LookupError(f"no details for question {self.id}")
        return self.source.details(self.id)

    @property
    def answer(self) -> str:
        """The model answer: Markdown with $...$ and $$...$$ LaTeX."""
        return self.details.answer

    @property
    def key_points(self) -> tuple[str, ...]:
        """What a good answer must make: the grading rubric."""
        return self.details.key_points

    @property
    def cues(self) -> tuple[PointCues, ...]:
        """Optional grading cues, one entry per key point that has any."""
        return self.details.cues

    @property
    def follow_ups(self) -> tuple[str, ...]:
        """Questions an interviewer would ask next."""
        return self.details.follow_ups

    @property
    def pitfalls(self) -> tuple[str, ...]:
        """Common wrong answers."""
        return self.details.pitfalls

    @property
    def references(self) -> tuple[str, ...]:
        """Papers (with year) or official documentation."""
        return self.details.references

    def without_details(self) -> Question:
        """The same question holding only its short fields (for the cached index)."""
        return replace(self, loaded=None, source=None)

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
            **({"cues": [_cues_dict(cues) for cues in self.cues]} if self.cues else {}),
        }


@dataclass(frozen=True, slots=True)
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


def _cues_dict(cues: PointCues) -> dict[str, Any]:
    """One key point's cues, JSON-ready."""
    return {"point": cues.point, "needs": list(cues.needs), "contradicts": list(cues.contradicts)}
