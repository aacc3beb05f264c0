"""Accuracy and cost of the offline answer grader on the labeled set in bench/grading/ (issue 13).

For the held-out and the tuning half separately: precision, recall and F1 of "covered", the
share of key points ticked in wrong answers, how often the suggested rating matches the kind,
and the grading time per answer; the same for the offline grader on the fresh set; then load
time and RSS growth. Two baselines (plain embedding similarity, plain word overlap) and the
grader with wordllama added are measured the same way.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchlib import print_table
from grading_figures import COLUMNS, Grade, measure, read_answers

from tui.core.bank import Bank, load_bank
from tui.core.grading.matching import Tuning, overlap
from tui.core.grading.result import GradeResult, GraderKind, PointResult, Verdict
from tui.core.grading.text import sentences
from tui.core.models import Question
from tui.paths import bundled_content_dir

ANSWERS = Path(__file__).resolve().parent / "grading" / "answers.jsonl"
FRESH = Path(__file__).resolve().parent / "grading" / "fresh.jsonl"
SPLITS = ("heldout", "tune")
TARGETS = {"f1": 0.80, "wrong_ticked": 0.15, "rating_match": 0.80, "ms": 50.0, "rss_mb": 60.0}


def threshold_grader(score: Callable[[str, list[str]], list[float]], at: float) -> Grade:
    """A baseline: a point is covered when its best sentence scores at least `at`; no rules."""

    def grade(question: Question, answer: str) -> GradeResult:
        """Tick each point whose best sentence reaches the threshold."""
        texts = [span.text for span in sentences(answer)]
        points = []
        for index, point in enumerate(question.key_points, start=1):
            values = score(point, texts) if texts else [0.0]
            best = max(range(len(values)), key=values.__getitem__)
            hit = values[best] >= at
            evidence = texts[best] if hit and texts else None
            verdict = Verdict.COVERED if hit else Verdict.MISSING
            points.append(PointResult(index, point, verdict, values[best], evidence))
        return GradeResult(question.id, GraderKind.OFFLINE, tuple(points))

    return grade


class ExactWords:
    """Word matching without fuzziness: the plain word-overlap baseline."""

    def word_match(self, word: str, candidates: Sequence[str]) -> float:
        """1 when the word is among the candidates, else 0."""
        return 1.0 if word in candidates else 0.0


def best_threshold(
    score: Callable[[str, list[str]], list[float]], bank: Bank, tune: list[dict[str, object]]
) -> float:
    """The baseline threshold with the best F1 on the tuning half (fair to the baseline)."""
    steps = [round(0.05 * step, 2) for step in range(2, 19)]
    return max(steps, key=lambda at: measure(threshold_grader(score, at), bank, tune).f1)


def rss_mb() -> float:
    """This process's resident set size in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed_load(load: Callable[[], object]) -> tuple[object, float, float]:
    """Run a loader; return what it made, the seconds it took and the RSS it added in MB."""
    before, started = rss_mb(), time.perf_counter()
    made = load()
    return made, time.perf_counter() - started, rss_mb() - before


def main(argv: Sequence[str] | None = None) -> int:
    """Measure the grader, the wordllama variant and the two baselines; print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--answers", type=Path, default=ANSWERS, help="labeled answers (JSONL)")
    parser.add_argument("--quick", action="store_true", help="the offline grader only")
    args = parser.parse_args(argv)

    bank = load_bank([bundled_content_dir()]).bank
    answers = read_answers(args.answers)
    halves = {split: [item for item in answers if item["split"] == split] for split in SPLITS}
    fresh = read_answers(FRESH)

    from tui.grading.offline import OfflineGrader

    def load_offline() -> OfflineGrader:
        """The offline grader, loaded."""
        grader = OfflineGrader()
        grader.load()
        return grader

    offline, offline_s, offline_mb = timed_load(load_offline)
    assert isinstance(offline, OfflineGrader)
    graders: dict[str, Grade] = {
        "offline grader": offline.grade,
        "offline grader without cues": partial(offline.grade, use_cues=False),
    }
    loads = [("offline grader (rapidfuzz)", offline_s, offline_mb)]

    if not args.quick:
        from tui.grading.embedding import WordLlamaEmbedder

        embedder, llama_s, llama_mb = timed_load(WordLlamaEmbedder)
        assert isinstance(embedder, WordLlamaEmbedder)
        loads.append(("wordllama (baseline, variant)", llama_s, llama_mb))
        with_llama = OfflineGrader(Tuning(semantic_weight=0.3), embedder)
        graders["without cues + wordllama 0.3"] = partial(with_llama.grade, use_cues=False)
        words = ExactWords()

        def word_overlap(point: str, texts: list[str]) -> list[float]:
            """Plain content-word overlap of the point with each text."""
            return [overlap(point, text, words) for text in texts]

        embedding_at = best_threshold(embedder.similarities, bank, halves["tune"])
        overlap_at = best_threshold(word_overlap, bank, halves["tune"])
        graders[f"baseline: embedding >= {embedding_at}"] = threshold_grader(
            embedder.similarities, embedding_at
        )
        graders[f"baseline: word overlap >= {overlap_at}"] = threshold_grader(
            word_overlap, overlap_at
        )

    headers = ("grader", *COLUMNS)
    for split in SPLITS:
        rows = [measure(grade, bank, halves[split]).row(name) for name, grade in graders.items()]
        print_table(f"{split} half: {len(halves[split])} answers", headers, rows)
    print_table(
        f"fresh set (chose two grader rules; no cue fitted to it): {len(fresh)} answers",
        headers,
        [measure(offline.grade, bank, fresh).row("offline grader")],
    )
    print_table("loading (in this process)", ("what", "load s", "RSS growth MB"), loads)
    targets = ", ".join(f"{key} {value}" for key, value in TARGETS.items())
    print(f"\ntargets on the held-out half: {targets}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
