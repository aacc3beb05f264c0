"""The strict pydantic schema a topic file must satisfy; validated data becomes core.models."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from tui.core.models import (
    QUESTION_ID_PATTERN,
    TOPIC_ID_PATTERN,
    Difficulty,
    Question,
    QuestionDetails,
    Topic,
)

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    """Base for content models: strict types, unknown fields rejected, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class QuestionSchema(_Strict):
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


class TopicSchema(_Strict):
    """A topic of the bank: one YAML file with its questions."""

    id: Annotated[str, StringConstraints(pattern=TOPIC_ID_PATTERN.pattern)]
    title: NonEmptyText
    section: NonEmptyText
    summary: NonEmptyText
    questions: list[QuestionSchema]
    order: int = 1000
    """Position in the topic table (lower first); ties go by id."""


def to_topic(schema: TopicSchema) -> Topic:
    """The validated topic as the plain, immutable runtime model."""
    return Topic(
        id=schema.id,
        title=schema.title,
        section=schema.section,
        summary=schema.summary,
        order=schema.order,
        questions=tuple(
            Question(
                id=q.id,
                difficulty=q.difficulty,
                question=q.question,
                tags=tuple(q.tags),
                loaded=QuestionDetails(
                    answer=q.answer,
                    key_points=tuple(q.key_points),
                    follow_ups=tuple(q.follow_ups),
                    pitfalls=tuple(q.pitfalls),
                    references=tuple(q.references),
                ),
            )
            for q in schema.questions
        ),
    )
