"""The progress file (`genai-tui export progress`): its pydantic schema and format version."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

FORMAT_NAME = "genai-tui-progress"
FORMAT_VERSION = 1
"""Raised when the file's layout changes; a file from a newer genai-tui is refused."""

QuestionId = Annotated[str, Field(min_length=1, max_length=300)]
RatingValue = Annotated[int, Field(ge=1, le=4)]
Millis = Annotated[int, Field(ge=0)]


class Record(BaseModel):
    """Every record: unknown fields and wrong types are errors, nothing is coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ReviewKey(Record):
    """What identifies one rating on any machine: question, moment and rating."""

    question_id: QuestionId
    reviewed_at: AwareDatetime
    rating: RatingValue


class ReviewRecord(Record):
    """One rating of the FSRS review log (card states are rebuilt from these)."""

    question_id: QuestionId
    rating: RatingValue
    reviewed_at: AwareDatetime
    duration_ms: Millis | None = None
    key_points_ticked: list[Annotated[int, Field(ge=0)]] | None = None
    key_points_total: Annotated[int, Field(ge=0)] | None = None


class CramRecord(ReviewRecord):
    """One cram rating: logged, never scheduled."""


class TypedAnswerRecord(Record):
    """An answer the learner typed, with the grader's findings and the review it led to."""

    question_id: QuestionId
    answer: str
    created_at: AwareDatetime
    grader: Literal["offline", "llm"]
    grader_points: list[Any]
    final_ticked: list[Annotated[int, Field(ge=0)]]
    total_points: Annotated[int, Field(ge=0)]
    review: ReviewKey | None = None


class NoteRecord(Record):
    """The learner's note on one question."""

    question_id: QuestionId
    body: str
    updated_at: AwareDatetime


class BookmarkRecord(Record):
    """One bookmarked question."""

    question_id: QuestionId
    created_at: AwareDatetime


class FlagRecord(Record):
    """One question flagged as wrong or unclear."""

    question_id: QuestionId
    reason: Annotated[str, Field(max_length=1000)] = ""
    flagged_at: AwareDatetime


class MockAnswerRecord(Record):
    """One graded answer of a mock interview."""

    question_id: QuestionId
    key_points_ticked: list[Annotated[int, Field(ge=0)]]
    key_points_total: Annotated[int, Field(ge=0)]
    rating: RatingValue
    duration_ms: Millis | None = None
    answered_at: AwareDatetime


class MockSessionRecord(Record):
    """One mock interview with its answers."""

    started_at: AwareDatetime
    finished_at: AwareDatetime | None = None
    mix: Annotated[str, Field(min_length=1, max_length=50)]
    seconds_each: Annotated[int, Field(ge=1)]
    applied: bool = False
    answers: list[MockAnswerRecord] = []


class ProgressFile(Record):
    """The whole file: everything the user recorded, without the derived card states."""

    format: Literal["genai-tui-progress"]
    version: Annotated[int, Field(ge=1, le=FORMAT_VERSION)]
    exported_at: AwareDatetime
    reviews: list[ReviewRecord] = []
    cram: list[CramRecord] = []
    typed_answers: list[TypedAnswerRecord] = []
    notes: list[NoteRecord] = []
    bookmarks: list[BookmarkRecord] = []
    flags: list[FlagRecord] = []
    mock_sessions: list[MockSessionRecord] = []
