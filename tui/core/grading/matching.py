"""Match each key point against the sentences of an answer and decide which points it covers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from tui.core.grading.cues import asserts_any, contradicted, needs_met, states_negation
from tui.core.grading.lexicon import STOPWORDS
from tui.core.grading.result import GradeResult, GraderKind, PointResult, Verdict
from tui.core.grading.rules import contradicts
from tui.core.grading.text import Span, sentences, stem, windows, words
from tui.core.models import PointCues


class WordMatcher(Protocol):
    """Fuzzy word matching (rapidfuzz in the offline grader)."""

    def word_match(self, word: str, candidates: Sequence[str]) -> float:
        """How closely (0..1) the word matches its best candidate, allowing for spelling."""
        ...


class Embedder(Protocol):
    """Optional semantic similarity from a sentence-embedding model."""

    def similarities(self, point: str, texts: Sequence[str]) -> list[float]:
        """Semantic similarity (0..1) of the point to each text."""
        ...


@dataclass(frozen=True, slots=True)
class Tuning:
    """The weights and thresholds of the offline grader, calibrated on the tuning half."""

    semantic_weight: float = 0.0
    covered_at: float = 0.4
    partial_at: float = 0.3
    window: int = 2


DEFAULT_TUNING = Tuning()
"""The tuning the offline grader ships with."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One stretch of the answer scored against one key point."""

    span: Span
    score: float
    contradicted: bool


DISTRUST_AT = 2
"""How many key points an answer must contradict before none of its other points is ticked.

One slip leaves the rest of an answer trusted; an answer wrong on two points is built on a
misunderstanding, and its matching words are shown as partial for the user to judge. Chosen on
96 fresh answers no cue was fitted to (wrong-answer ticks 15.7% -> 11.7%, strong answers
unchanged), checked on the tuning half (unchanged).
"""


def grade_answer(
    question_id: str,
    key_points: Sequence[str],
    answer: str,
    matcher: WordMatcher,
    tuning: Tuning = DEFAULT_TUNING,
    embedder: Embedder | None = None,
    cues: Sequence[PointCues] = (),
) -> GradeResult:
    """Grade an answer point by point: best matching stretch, its score, and the rules."""
    misconceptions = [pattern for cue in cues for pattern in cue.contradicts]
    spans = [
        span
        for run in _runs_without(sentences(answer), misconceptions)
        for span in windows(run, answer, tuning.window)
    ]
    by_point = {cue.point: cue for cue in cues}
    vetoed = sorted(cue.point for cue in cues if contradicted(cue, answer))
    points = tuple(
        _grade_point(index, point, spans, matcher, tuning, embedder, by_point.get(index))
        if index not in vetoed
        else PointResult(index, point, Verdict.MISSING, 0.0, None)
        for index, point in enumerate(key_points, start=1)
    )
    if len(vetoed) < DISTRUST_AT:
        return GradeResult(question_id=question_id, grader=GraderKind.OFFLINE, points=points)
    return GradeResult(
        question_id=question_id,
        grader=GraderKind.OFFLINE,
        points=tuple(_unconfirmed(found) for found in points),
        notice=(
            f"This answer contradicts key points {', '.join(map(str, vetoed))}, so no other "
            "point was ticked for you: tick the ones you are sure of"
        ),
    )


def _unconfirmed(found: PointResult) -> PointResult:
    """A covered point turned partial, its score and evidence kept for the user to judge."""
    if found.verdict is not Verdict.COVERED:
        return found
    return PointResult(found.index, found.text, Verdict.PARTIAL, found.score, found.evidence)


def _runs_without(spans: list[Span], misconceptions: Sequence[str]) -> list[list[Span]]:
    """The runs of adjacent sentences that assert none of the question's misconceptions.

    A sentence that asserts a misconception of any key point is no evidence for any point: it
    shows the words without the understanding.
    """
    runs: list[list[Span]] = [[]]
    for span in spans:
        if misconceptions and asserts_any(misconceptions, span.text):
            runs.append([])
        else:
            runs[-1].append(span)
    return [run for run in runs if run]


def content_words(text: str) -> list[str]:
    """The stems of the words that carry a text's content."""
    return [stem(word) for word in words(text) if word not in STOPWORDS]


def overlap(point: str, text: str, matcher: WordMatcher) -> float:
    """The share of the point's content words found in the text, fuzzily."""
    wanted = content_words(point)
    present = content_words(text)
    if not wanted or not present:
        return 0.0
    return sum(matcher.word_match(word, present) for word in wanted) / len(wanted)


def _grade_point(
    index: int,
    point: str,
    spans: list[Span],
    matcher: WordMatcher,
    tuning: Tuning,
    embedder: Embedder | None,
    cues: PointCues | None = None,
) -> PointResult:
    """The verdict for one key point over every stretch of the answer."""
    if not spans:
        return PointResult(index, point, Verdict.MISSING, 0.0, None)
    texts = [span.text for span in spans]
    weight = tuning.semantic_weight if embedder is not None else 0.0
    semantic = embedder.similarities(point, texts) if embedder is not None else [0.0] * len(texts)
    candidates = [
        Candidate(
            span,
            weight * max(0.0, meaning) + (1 - weight) * overlap(point, span.text, matcher),
            contradicts(point, span.text),
        )
        for span, meaning in zip(spans, semantic, strict=True)
    ]
    if cues is not None and cues.needs:
        return _graded_by_needs(index, point, candidates, cues)
    best = max(
        candidates,
        key=lambda found: (not found.contradicted, found.score, -len(found.span.text)),
    )
    score = round(min(1.0, best.score), 3)
    if best.contradicted or score < tuning.partial_at:
        return PointResult(index, point, Verdict.MISSING, score, None)
    verdict = Verdict.COVERED if score >= tuning.covered_at else Verdict.PARTIAL
    return PointResult(index, point, verdict, score, best.span.text)


def _graded_by_needs(
    index: int, point: str, candidates: list[Candidate], cues: PointCues
) -> PointResult:
    """A point with `needs` cues: covered when one stretch meets them all, scored by the share.

    The evidence is the fewest sentences that meet the most `needs`, so a quote never starts
    with a sentence that says something else.
    """
    literal = states_negation(point)
    scored = [(needs_met(cues, found.span.text, literal=literal), found) for found in candidates]
    share, best = max(
        scored,
        key=lambda item: (
            item[0],
            -item[1].span.sentence_count,
            item[1].score,
            -len(item[1].span.text),
        ),
    )
    score = round(min(1.0, 0.7 * share + 0.3 * best.score), 3)
    if share < 1.0:
        evidence = best.span.text if share > 0 else None
        return PointResult(
            index, point, Verdict.PARTIAL if evidence else Verdict.MISSING, score, evidence
        )
    return PointResult(index, point, Verdict.COVERED, max(score, 0.7), best.span.text)
