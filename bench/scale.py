"""Scale: start-up time and peak RSS of genai-tui on 10,000 questions and 100,000 reviews.

    python bench/scale.py [--pack DIR | --questions 10000 --reviews 100000] [--runs 5] [--quick]

genai-tui runs with `--content DIR/content --db DIR/progress.db` (a pack written by
make_synthetic.py; built in a temporary folder without --pack) and is compared with the bare
Textual app showing the same topic rows, alternated, on a 100x30 pty. Peak RSS is VmHWM read
from /proc once the app has been quiet for half a second after its first frame.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import benchlib

TARGET_TIME_RATIO = 2.0
TARGET_RSS_RATIO = 1.5


def topic_rows(content: Path) -> list[tuple[str, str, int]]:
    """The topic rows genai-tui shows for the bundled bank plus `content`, in its order."""
    from tui.core.bank import load_bank
    from tui.paths import bundled_content_dir

    bank = load_bank([bundled_content_dir(), content]).bank
    return [(topic.title, topic.section, len(topic.questions)) for topic in bank.topics]


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the scale table."""
    parser = argparse.ArgumentParser(description="start-up and memory at 10,000 questions")
    parser.add_argument("--pack", type=Path, help="a pack written by make_synthetic.py")
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="starts of each app (default 5)")
    parser.add_argument("--quick", action="store_true", help="1 run, 300 questions, 1000 reviews")
    args = parser.parse_args(argv)
    if args.quick:
        args.questions, args.reviews, args.runs = 300, 1000, 1

    import make_synthetic

    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        folder = Path(tmp)
        pack = make_synthetic.pack_or_build(args.pack, args.questions, args.reviews, folder)
        db = folder / "progress.db"
        benchlib.copy_db(pack / "progress.db", db)
        rows = topic_rows(pack / "content")
        env = benchlib.bench_env(folder / "home")
        app_argv = [benchlib.genai_exe(), "--content", str(pack / "content"), "--db", str(db)]
        bare = benchlib.bare_argv(rows, folder)
        result = benchlib.compare_starts(
            app_argv, bare, env, rows[0][0], args.runs, settle=0.5, timeout=180
        )
    benchlib.print_runs("genai-tui", result.app)
    benchlib.print_runs("bare app", result.bare)
    questions = sum(row[2] for row in rows)
    app_rss = benchlib.median([s.peak_rss_kb for s in result.app])
    bare_rss = benchlib.median([s.peak_rss_kb for s in result.bare])
    benchlib.print_table(
        f"scale: {questions} questions in {len(rows)} topics, {args.reviews} reviews (100x30 pty)",
        benchlib.START_HEADERS,
        [
            benchlib.start_rows("genai-tui", result.app),
            benchlib.start_rows(f"bare Textual app ({len(rows)} rows)", result.bare),
        ],
    )
    rss_ratio = app_rss / bare_rss
    print(
        f"start-up ratio: {result.ratio:.2f}x (target <= {TARGET_TIME_RATIO}x: "
        f"{benchlib.verdict(result.ratio, TARGET_TIME_RATIO)})"
    )
    print(
        f"peak RSS ratio: {rss_ratio:.2f}x (target <= {TARGET_RSS_RATIO}x: "
        f"{benchlib.verdict(rss_ratio, TARGET_RSS_RATIO)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
