"""Write a synthetic content pack of N questions and a progress database of M reviews over them.

    python bench/make_synthetic.py N M --out DIR [--per-topic 100] [--seed 7]

DIR/content/ gets one topic file per `--per-topic` questions (valid for `genai-tui validate`),
with answers of realistic length holding inline $...$ and display $$...$$ formulas.
DIR/progress.db gets M ratings recorded with the store's own Progress.rate, oldest first, over
the past 180 days. Then `genai-tui --content DIR/content --db DIR/progress.db` opens them.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import benchlib
import yaml

FORMULAS = (
    r"\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V",
    r"\sum_{i=1}^{n} p_i \log p_i",
    r"\mathbb{E}_{x\sim p}[\ell(x)]",
    r"\theta \leftarrow \theta - \eta \nabla_\theta \mathcal{L}",
    r"W = W_0 + BA",
    r"\operatorname{PPL} = \exp\Big(-\frac{1}{N}\sum_{t} \log p(x_t)\Big)",
    r"\cos\theta = \frac{\mathbf{a}\cdot\mathbf{b}}{\|\mathbf{a}\|\,\|\mathbf{b}\|}",
)
INLINE = (r"d_k", r"O(n^2)", r"\alpha", r"r \ll d", r"p_\theta(x)", r"\beta_t", r"k=10")
WORDS = [
    "attention",
    "tokens",
    "retrieval",
    "latency",
    "gradients",
    "adapters",
    "quantization",
    "batching",
    "evaluation",
    "alignment",
    "embeddings",
    "context",
    "decoding",
    "sampling",
    "memory",
    "throughput",
    "calibration",
    "drift",
    "inference",
    "training",
    "weights",
    "vectors",
]
LEVELS = ("junior", "mid", "senior")


@dataclass(frozen=True)
class Pack:
    """A written synthetic pack and how long it took."""

    content: Path
    db: Path
    questions: int
    topics: int
    reviews: int
    content_seconds: float
    db_seconds: float


_Base: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_Base):  # type: ignore[valid-type,misc]
    """A YAML dumper that writes multi-line strings as literal blocks, like hand-written files."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Represent multi-line text with `|`."""
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def sentence(chooser: random.Random, words: int = 14) -> str:
    """A plausible sentence of technical words."""
    body = " ".join(chooser.choice(WORDS) for _ in range(words))
    return body[0].upper() + body[1:] + "."


def answer(chooser: random.Random) -> str:
    """About 1,300 characters: prose with two inline formulas, a display formula and bullets."""
    first = " ".join(sentence(chooser) for _ in range(4))
    inline = f" With ${chooser.choice(INLINE)}$ and ${chooser.choice(INLINE)}$ it scales well."
    display = f"\n\n$${chooser.choice(FORMULAS)}$$\n\n"
    bullets = "\n".join(f"- {sentence(chooser, 10)}" for _ in range(4))
    last = " ".join(sentence(chooser) for _ in range(3))
    return first + inline + display + bullets + "\n\n" + last + "\n"


def question(topic_id: str, number: int, chooser: random.Random) -> dict[str, Any]:
    """One question as its YAML mapping."""
    return {
        "id": f"{topic_id}/q-{number:05d}",
        "difficulty": LEVELS[number % 3],
        "question": f"Question {number}: how do {chooser.choice(WORDS)} and "
        f"{chooser.choice(WORDS)} interact in ${chooser.choice(INLINE)}$ settings?",
        "answer": answer(chooser),
        "key_points": [sentence(chooser, 6) for _ in range(5)],
        "follow_ups": [sentence(chooser, 8)[:-1] + "?" for _ in range(2)],
        "pitfalls": [sentence(chooser, 9) for _ in range(2)],
        "references": [f"Author et al. ({2017 + number % 8}), a paper on {chooser.choice(WORDS)}."],
        "tags": sorted({chooser.choice(WORDS), chooser.choice(WORDS)}),
    }


def write_content(folder: Path, questions: int, per_topic: int, seed: int) -> list[str]:
    """Write the topic files; returns every question id."""
    chooser = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    ids: list[str] = []
    topics = (questions + per_topic - 1) // per_topic
    for index in range(topics):
        topic_id = f"synthetic-{index + 1:03d}"
        first = index * per_topic
        numbers = range(first + 1, min(questions, first + per_topic) + 1)
        questions_of_topic = [question(topic_id, n, chooser) for n in numbers]
        document: dict[str, Any] = {
            "id": topic_id,
            "title": f"Synthetic {index + 1:03d} {chooser.choice(WORDS)}",
            "section": "Synthetic",
            "summary": sentence(chooser, 20),
            "order": 5000 + index,
            "questions": questions_of_topic,
        }
        ids += [str(q["id"]) for q in questions_of_topic]
        text = yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
        (folder / f"{topic_id}.yaml").write_text(text, encoding="utf-8")
    return ids


def make_pack(questions: int, reviews: int, out: Path, per_topic: int = 100, seed: int = 7) -> Pack:
    """Write DIR/content and DIR/progress.db (replacing an older database there)."""
    content = out / "content"
    db = out / "progress.db"
    began = time.perf_counter()
    ids = write_content(content, questions, per_topic, seed)
    content_seconds = time.perf_counter() - began
    for stale in out.glob("progress.db*"):
        stale.unlink()
    db_seconds = benchlib.build_progress_db(db, ids, reviews, seed=seed) if reviews else 0.0
    topics = (questions + per_topic - 1) // per_topic
    return Pack(content, db, questions, topics, reviews, content_seconds, db_seconds)


def report(pack: Pack) -> None:
    """Print what was written and how long it took."""
    size = sum(path.stat().st_size for path in pack.content.glob("*.yaml"))
    db_size = pack.db.stat().st_size if pack.db.exists() else 0
    benchlib.print_table(
        "synthetic pack",
        ["part", "count", "MB", "seconds", "per item ms"],
        [
            [
                f"content ({pack.topics} topic files)",
                pack.questions,
                size / 1e6,
                pack.content_seconds,
                1000 * pack.content_seconds / max(1, pack.questions),
            ],
            [
                "progress.db (Progress.rate, each committed)",
                pack.reviews,
                db_size / 1e6,
                pack.db_seconds,
                1000 * pack.db_seconds / max(1, pack.reviews),
            ],
        ],
    )
    print(f"open it with: genai-tui --content {pack.content} --db {pack.db}")


def pack_or_build(pack: Path | None, questions: int, reviews: int, folder: Path) -> Path:
    """The given pack, or a new one of `questions` and `reviews` built under `folder`."""
    if pack is not None:
        return pack
    built = folder / "pack"
    made = make_pack(questions, reviews, built)
    print(f"synthetic pack built in {made.content_seconds + made.db_seconds:.1f} s")
    return built


def main(argv: Sequence[str] | None = None) -> int:
    """Write the pack given on the command line."""
    parser = argparse.ArgumentParser(description="write a synthetic content pack and database")
    parser.add_argument("questions", type=int, metavar="N", help="questions in the pack")
    parser.add_argument("reviews", type=int, metavar="M", help="reviews in the database")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    parser.add_argument("--per-topic", type=int, default=100, help="questions per topic file")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    report(make_pack(args.questions, args.reviews, args.out, args.per_topic, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
