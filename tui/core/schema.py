"""The strict pydantic schema a topic file must satisfy; validated data becomes core.models."""

from __future__ import annotations

import re
from typing import Annotated, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from tui.core.models import (
    QUESTION_ID_PATTERN,
    TOPIC_ID_PATTERN,
    Difficulty,
    PointCues,
    Question,
    QuestionDetails,
    Topic,
)

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    """Base for content models: strict types, unknown fields rejected, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def _compiles(pattern: str) -> str:
    """A cue pattern, which must be a valid regular expression."""
    try:
        re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"not a valid regular expression: {pattern!r} ({error})") from None
    return pattern


Pattern = Annotated[NonEmptyText, AfterValidator(_compiles)]


class CuesSchema(_Strict):
    """Optional grading cues for one key point (see docs/content-guide.md)."""

    point: Annotated[int, Field(ge=1)]
    needs: list[Pattern] = []
    contradicts: list[Pattern] = []


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
    cues: list[CuesSchema] = []

    @model_validator(mode="after")
    def _cues_name_key_points(self) -> Self:
        """Each cue entry names an existing key point, at most once."""
        points = [cue.point for cue in self.cues]
        for point in points:
            if point > len(self.key_points):
                raise ValueError(
                    f"cues name key point {point}, but there are {len(self.key_points)}"
                )
        if len(set(points)) != len(points):
            raise ValueError("cues name the same key point twice")
        return self

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
                    cues=tuple(
                        PointCues(cue.point, tuple(cue.needs), tuple(cue.contradicts))
                        for cue in q.cues
                    ),
                ),
            )
            for q in schema.questions
        ),
    )
