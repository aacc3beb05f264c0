"""One Anki note's fields for a question: the same text for the .apkg and the TSV export."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.bank import Bank
from tui.core.models import Question, Topic
from tui.exchange.html import inline_html, list_html, markdown_html

FIELD_NAMES = (
    "ID",
    "Question",
    "Answer",
    "Key points",
    "Follow-ups",
    "Pitfalls",
    "References",
    "Topic",
    "Difficulty",
)
ROOT_DECK = "GenAI interview"
_TAG_UNSAFE = re.compile(r"[^A-Za-z0-9_:.\-]+")


@dataclass(frozen=True)
class NoteFields:
    """What one question becomes in Anki: field values in FIELD_NAMES order, deck and tags."""

    question_id: str
    fields: tuple[str, ...]
    deck: str
    tags: tuple[str, ...]


class UnknownTopicError(ValueError):
    """A --topic that the bank does not have."""


def chosen_topics(bank: Bank, topic_ids: list[str] | None) -> list[Topic]:
    """The topics to export: all of them, or the named ones in bank order."""
    if not topic_ids:
        return list(bank.topics)
    unknown = [topic_id for topic_id in topic_ids if bank.topic(topic_id) is None]
    if unknown:
        raise UnknownTopicError(f"no topic {unknown[0]!r} in the bank")
    return [topic for topic in bank.topics if topic.id in topic_ids]


def deck_name(topic: Topic) -> str:
    """The sub-deck of a topic: `GenAI interview::<title>` (no `::` inside the title)."""
    return f"{ROOT_DECK}::{' '.join(topic.title.replace('::', ':').split())}"


def note_fields(topic: Topic, question: Question) -> NoteFields:
    """The fields, deck and tags of one question's note."""
    values = (
        question.id,
        inline_html(question.question),
        markdown_html(question.answer),
        list_html(question.key_points),
        list_html(question.follow_ups),
        list_html(question.pitfalls),
        list_html(question.references),
        inline_html(topic.title),
        question.difficulty.value,
    )
    tags = (
        f"genai-tui::topic::{topic.id}",
        f"genai-tui::difficulty::{question.difficulty.value}",
        *(f"genai-tui::tag::{_tag(tag)}" for tag in question.tags if _tag(tag)),
    )
    return NoteFields(question.id, values, deck_name(topic), tags)


def all_notes(topics: list[Topic]) -> list[NoteFields]:
    """The notes of every question of these topics, in bank order."""
    return [note_fields(topic, question) for topic in topics for question in topic.questions]


def _tag(text: str) -> str:
    """A bank tag as one Anki tag (Anki tags hold no spaces)."""
    return _TAG_UNSAFE.sub("_", text.strip()).strip("_")
