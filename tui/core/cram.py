"""Which questions a cram session goes through: a topic, a tag, a difficulty, bookmarks or flags."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from tui.core.bank import Bank
from tui.core.models import Question

CRAM_KINDS = ("topic", "tag", "difficulty", "bookmarks", "flagged")


@dataclass(frozen=True)
class CramScope:
    """What to cram: a kind from CRAM_KINDS and its value (a topic id, a tag, a difficulty)."""

    kind: str
    value: str = ""

    def label(self, bank: Bank) -> str:
        """How the session's status line names the scope."""
        if self.kind == "topic":
            topic = bank.topic(self.value)
            return topic.title if topic else self.value
        if self.kind in ("tag", "difficulty"):
            return f"{self.kind} {self.value}"
        return "bookmarked questions" if self.kind == "bookmarks" else "flagged questions"


def cram_questions(
    bank: Bank, scope: CramScope, bookmarked: Set[str], flagged: Set[str]
) -> list[Question]:
    """Every question in the scope, due or not, in bank order."""

    def wanted(question: Question) -> bool:
        if scope.kind == "topic":
            return question.topic_id == scope.value
        if scope.kind == "tag":
            return scope.value in question.tags
        if scope.kind == "difficulty":
            return question.difficulty.value == scope.value
        if scope.kind == "bookmarks":
            return question.id in bookmarked
        return question.id in flagged

    return [question for question in bank.questions if wanted(question)]
