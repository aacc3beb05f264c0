"""Check the bank's grading cues against the cue-review answers in bench/cue-review/ (issue 13).

The cue-review set is where cue writers try their cues: answers written for that purpose, most of
them wrong-but-plausible. Cues are fitted to it, so its figures say how well the cues fit, not how
well the grader generalises; that is what the held-out half of bench/grading/ measures, and this
script never reads it. `--tune` adds the tuning half's figures (no answers are printed), and
`--details` lists every point where the grader disagrees with a label.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchlib import print_table
from grading_figures import COLUMNS, measure, read_answers

from tui.core.bank import Bank, load_bank
from tui.grading.offline import OfflineGrader
from tui.paths import bundled_content_dir

REVIEW = Path(__file__).resolve().parent / "cue-review"
TUNE = Path(__file__).resolve().parent / "grading" / "answers.jsonl"


def disagreements(grader: OfflineGrader, bank: Bank, answers: list[dict[str, object]]) -> None:
    """Print each point the grader ticks against its label, or misses though labeled covered."""
    for item in answers:
        question = bank.question(str(item["question_id"]))
        assert question is not None, item["question_id"]
        result = grader.grade(question, str(item["answer"]))
        labels = item["covered"]
        assert isinstance(labels, list)
        for point, label in zip(result.points, labels, strict=True):
            if point.covered == label:
                continue
            what = "ticked, labeled missing" if point.covered else "missed, labeled covered"
            print(f"{item['question_id']} [{item['kind']}] point {point.index}: {what}")
            print(f"    point:    {point.text}")
            print(f"    evidence: {point.evidence}")


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures of the cue-review files (and optionally the tuning half)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("files", nargs="*", type=Path, help="JSONL files (default: all of them)")
    parser.add_argument("--tune", action="store_true", help="also the tuning half's figures")
    parser.add_argument("--details", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)

    bank = load_bank([bundled_content_dir()]).bank
    grader = OfflineGrader()
    files = args.files or sorted(REVIEW.glob("*.jsonl"))
    answers = [item for path in files for item in read_answers(path)]
    sets = {f"cue review: {len(answers)} answers in {len(files)} files": answers}
    if args.tune:
        tune = [item for item in read_answers(TUNE) if item["split"] == "tune"]
        sets[f"tuning half: {len(tune)} answers"] = tune
    headers = ("set", *COLUMNS)
    rows = [measure(grader.grade, bank, items).row(name) for name, items in sets.items() if items]
    print_table("offline grader", headers, rows)
    if args.details:
        print()
        disagreements(grader, bank, answers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
