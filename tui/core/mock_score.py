"""Scoring a mock interview: share of key points covered, per topic, overall and the gaps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from tui.core.bank import Bank
from tui.core.models import Question


class Graded(Protocol):
    """One graded answer, as the mock log keeps it."""

    @property
    def question_id(self) -> str: ...

    @property
    def ticked(self) -> tuple[int, ...]: ...

    @property
    def total(self) -> int: ...


@dataclass(frozen=True)
class TopicScore:
    """Mean share of key points covered in one topic."""

    topic_id: str
    title: str
    share: float
    answered: int


@dataclass(frozen=True)
class WeakQuestion:
    """A question whose key points were not all covered, and the ones missed."""

    question: Question
    share: float
    missed: list[str]


@dataclass(frozen=True)
class MockScore:
    """The report's figures: overall, per topic (weakest first) and the weak questions."""

    overall: float
    topics: list[TopicScore]
    weak: list[WeakQuestion]


def share(answer: Graded) -> float:
    """The fraction of key points ticked, 0 to 1; 1 for a question without key points."""
    if answer.total <= 0:
        return 1.0
    return min(len(set(answer.ticked)), answer.total) / answer.total


def score(bank: Bank, answers: Sequence[Graded]) -> MockScore:
    """Score the answers; answers to questions no longer in the bank count only overall."""
    overall = sum(share(a) for a in answers) / len(answers) if answers else 0.0
    by_topic: dict[str, list[float]] = {}
    weak: list[WeakQuestion] = []
    for answer in answers:
        by_topic.setdefault(answer.question_id.split("/")[0], []).append(share(answer))
        question = bank.question(answer.question_id)
        if question is not None and share(answer) < 1.0:
            missed = [p for i, p in enumerate(question.key_points) if i not in answer.ticked]
            weak.append(WeakQuestion(question, share(answer), missed))
    topics = []
    for topic_id, shares in by_topic.items():
        topic = bank.topic(topic_id)
        title = topic.title if topic is not None else topic_id
        topics.append(TopicScore(topic_id, title, sum(shares) / len(shares), len(shares)))
    topics.sort(key=lambda t: (t.share, t.title))
    weak.sort(key=lambda w: w.share)
    return MockScore(overall, topics, weak)
