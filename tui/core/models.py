"""Pydantic models of the question bank: topics, questions and the bank that holds them."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
TOPIC_ID_PATTERN = re.compile(rf"^{SLUG}$")
QUESTION_ID_PATTERN = re.compile(rf"^{SLUG}/{SLUG}$")

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Difficulty(StrEnum):
    """How senior a question is, in the order a learner meets them."""

    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"

    @property
    def rank(self) -> int:
        """Position in the junior -> senior order, for sorting."""
        return list(Difficulty).index(self)


class _Strict(BaseModel):
    """Base for content models: strict types, unknown fields rejected, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Question(_Strict):
    """One interview question with its model answer and grading rubric."""

    id: Annotated[str, StringConstraints(pattern=QUESTION_ID_PATTERN.pattern)]
    difficulty: Difficulty
    question: NonEmptyText
    answer: NonEmptyText
    key_points: Annotated[list[NonEmptyText], Field(min_length=1)]
    follow_ups: list[NonEmptyText] = []
    pitfalls: list[NonEmptyText] = []
    references: list[NonEmptyText] = []
    tags: list[Annotated[str, StringConstraints(pattern=TOPIC_ID_PATTERN.pattern)]] = []

    @field_validator("difficulty", mode="before")
    @classmethod
    def _difficulty_from_text(cls, value: object) -> object:
        """Accept the difficulty as its YAML string despite strict mode."""
        if isinstance(value, str):
            try:
                return Difficulty(value)
            except ValueError:
                return value
        return value

    @property
    def topic_id(self) -> str:
        """The topic part of the question id."""
        return self.id.split("/", 1)[0]


class Topic(_Strict):
    """A topic of the bank: one YAML file with its questions."""

    id: Annotated[str, StringConstraints(pattern=TOPIC_ID_PATTERN.pattern)]
    title: NonEmptyText
    section: NonEmptyText
    summary: NonEmptyText
    questions: list[Question]
    order: int = 1000
    """Position in the topic table (lower first); ties go by id."""
