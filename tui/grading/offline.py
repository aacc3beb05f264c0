"""The offline grader: rapidfuzz word matching plus the rules, imported on first use."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.grading.matching import DEFAULT_TUNING, Embedder, Tuning, grade_answer
from tui.core.grading.result import GradeResult
from tui.core.models import Question

FUZZY_CUTOFF = 85.0
SHORTEST_FUZZY_WORD = 5


class FuzzyWords:
    """Fuzzy word matching with rapidfuzz: tolerant of typos and spelling variants."""

    def __init__(self) -> None:
        """Import rapidfuzz now, so that grading never pays for it later."""
        from rapidfuzz import fuzz, process

        self._ratio = fuzz.ratio
        self._best = process.extractOne

    def word_match(self, word: str, candidates: Sequence[str]) -> float:
        """1 for an exact word, else the ratio of the closest candidate if it passes the cutoff."""
        if word in candidates:
            return 1.0
        if len(word) < SHORTEST_FUZZY_WORD:
            return 0.0
        found = self._best(word, candidates, scorer=self._ratio, score_cutoff=FUZZY_CUTOFF)
        return 0.0 if found is None else float(found[1]) / 100.0


class OfflineGrader:
    """Grades typed answers offline, with no network; loads its matcher on first use."""

    def __init__(self, tuning: Tuning = DEFAULT_TUNING, embedder: Embedder | None = None) -> None:
        """A grader with the given tuning (and, for measurement only, an embedder)."""
        self._tuning = tuning
        self._embedder = embedder
        self._words: FuzzyWords | None = None

    def load(self) -> None:
        """Load the matcher now (the first grade does it otherwise)."""
        if self._words is None:
            self._words = FuzzyWords()

    def grade(self, question: Question, answer: str, *, use_cues: bool = True) -> GradeResult:
        """The per-point result for one answer to one question (its cues, if any, applied)."""
        self.load()
        assert self._words is not None
        cues = question.cues if use_cues else ()
        return grade_answer(
            question.id,
            question.key_points,
            answer,
            self._words,
            self._tuning,
            self._embedder,
            cues,
        )
