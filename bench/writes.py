"""Writes and queries: recording a rating, and `genai-tui stats` over a large database.

    python bench/writes.py [--pack DIR | --questions 10000 --reviews 100000] [--ratings 500]
                           [--runs 9] [--quick]

(a) Progress.rate, each committed, on a copy of a database that already holds the reviews.
(b) Whole-process time of `genai-tui stats --json --db D --content C`, minus that of
    `genai-tui --version` (the start-up floor); then where the time goes in-process: loading
    the bank, the snapshot and each SQL statement it runs, with its EXPLAIN QUERY PLAN.
    Each command runs once first (content cache, byte-code and migration still cold; shown
    apart), then --runs times, the two alternating so that both see the same machine load.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import benchlib

TARGET_RATE_MS = 5.0
TARGET_STATS_MS = 200.0


def time_ratings(db: Path, ids: Sequence[str], count: int) -> list[float]:
    """Milliseconds of each of `count` Progress.rate calls on random questions, after the log."""
    from fsrs import Rating

    from tui.store.progress import Progress

    chooser = random.Random(3)
    progress = Progress.open(db)
    try:
        last = progress.last_review()
        moment = max(datetime.now(UTC), last.reviewed_at if last else datetime.now(UTC))
        times = []
        for _ in range(count):
            moment += timedelta(seconds=20)
            question = chooser.choice(ids)
            rating = chooser.choices(list(Rating), benchlib.RATING_WEIGHTS)[0]
            began = time.perf_counter()
            progress.rate(question, rating, moment, duration_ms=20_000)
            times.append((time.perf_counter() - began) * 1000)
    finally:
        progress.close()
    return times


def process_ms(argv: Sequence[str], env: dict[str, str], runs: int) -> list[float]:
    """Whole-process wall times of a command, in milliseconds (it must succeed)."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - began) * 1000)
    return times


def stats_breakdown(content: Path, db: Path) -> None:
    """Time the parts of `stats` in-process and trace every SQL statement the snapshot runs."""
    from tui.core.bank import load_bank
    from tui.insights import snapshot
    from tui.paths import bundled_content_dir
    from tui.store.progress import Progress
    from tui.study import Study

    began = time.perf_counter()
    bank = load_bank([bundled_content_dir(), content]).bank
    loaded = time.perf_counter()
    progress = Progress.open(db)
    opened = time.perf_counter()
    statements: list[str] = []
    conn: sqlite3.Connection = getattr(progress.db, "conn", progress.db)
    conn.set_trace_callback(statements.append)
    snapshot(Study(bank, progress))
    done = time.perf_counter()
    conn.set_trace_callback(None)
    benchlib.print_table(
        f"stats in-process ({bank.question_count} questions)",
        ["phase", "ms"],
        [
            ["load_bank (bundled + pack)", (loaded - began) * 1000],
            ["Progress.open", (opened - loaded) * 1000],
            ["insights.snapshot", (done - opened) * 1000],
        ],
    )
    rows = []
    plans = []
    for sql in dict.fromkeys(statements):
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        start = time.perf_counter()
        conn.execute(sql).fetchall()
        rows.append([_short(sql), statements.count(sql), (time.perf_counter() - start) * 1000])
        plan = " / ".join(str(step[3]) for step in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        plans.append([_short(sql), plan])
    benchlib.print_table("SQL run by the snapshot", ["statement", "times run", "ms once"], rows)
    benchlib.print_table("EXPLAIN QUERY PLAN", ["statement", "plan"], plans)
    indexes: list[list[Any]] = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for index in conn.execute(f"PRAGMA index_list('{table}')"):
            info = conn.execute(f"PRAGMA index_info('{index[1]}')")
            columns = [c[2] or "(expression)" for c in info]
            indexes.append([table, index[1], ", ".join(str(c) for c in columns)])
    benchlib.print_table("indexes (PRAGMA index_list)", ["table", "index", "columns"], indexes)
    progress.close()


def _short(sql: str, width: int = 72) -> str:
    """One line of SQL, cut to `width` characters."""
    line = " ".join(sql.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the write and stats tables."""
    parser = argparse.ArgumentParser(description="rating writes and the stats command")
    parser.add_argument("--pack", type=Path, help="a pack written by make_synthetic.py")
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--ratings", type=int, default=500, help="ratings to time (default 500)")
    parser.add_argument("--runs", type=int, default=9, help="runs of each command (default 9)")
    parser.add_argument("--quick", action="store_true", help="300 questions, 1000 reviews")
    args = parser.parse_args(argv)
    if args.quick:
        args.questions, args.reviews, args.ratings, args.runs = 300, 1000, 30, 1

    import make_synthetic

    with tempfile.TemporaryDirectory(prefix="bench-writes-") as tmp:
        folder = Path(tmp)
        pack = make_synthetic.pack_or_build(args.pack, args.questions, args.reviews, folder)
        source = pack / "progress.db"
        db = folder / "rate.db"
        benchlib.copy_db(source, db)
        check = sqlite3.connect(db)
        reviews, cards = check.execute(
            "SELECT (SELECT count(*) FROM reviews), (SELECT count(*) FROM cards)"
        ).fetchone()
        check.close()
        rate = time_ratings(db, _question_ids(pack / "content"), args.ratings)

        env = benchlib.bench_env(folder / "home")
        genai = benchlib.genai_exe()
        stats_db = folder / "stats.db"
        benchlib.copy_db(source, stats_db)
        floor_argv = [genai, "--version"]
        content = str(pack / "content")
        stats_argv = [genai, "stats", "--json", "--db", str(stats_db), "--content", content]
        floor_first, stats_first = process_ms(floor_argv, env, 1), process_ms(stats_argv, env, 1)
        floor: list[float] = []
        stats: list[float] = []
        for _ in range(args.runs):
            floor += process_ms(floor_argv, env, 1)
            stats += process_ms(stats_argv, env, 1)
        beyond = benchlib.median(stats) - benchlib.median(floor)
        benchlib.print_table(
            f"writes and stats ({reviews} reviews, {cards} cards)",
            ["measure", "n", "first ms", "median ms", "p95 ms", "max ms", "target ms", "verdict"],
            [
                [
                    "Progress.rate (committed)",
                    len(rate),
                    "",
                    benchlib.median(rate),
                    benchlib.percentile(rate, 0.95),
                    max(rate),
                    TARGET_RATE_MS,
                    benchlib.verdict(benchlib.median(rate), TARGET_RATE_MS),
                ],
                [
                    "genai-tui --version (floor)",
                    len(floor),
                    floor_first[0],
                    benchlib.median(floor),
                    benchlib.percentile(floor, 0.95),
                    max(floor),
                    "",
                    "",
                ],
                [
                    "genai-tui stats --json",
                    len(stats),
                    stats_first[0],
                    benchlib.median(stats),
                    benchlib.percentile(stats, 0.95),
                    max(stats),
                    "",
                    "",
                ],
                [
                    "stats beyond the floor",
                    "",
                    "",
                    beyond,
                    "",
                    "",
                    TARGET_STATS_MS,
                    benchlib.verdict(beyond, TARGET_STATS_MS),
                ],
            ],
        )
        stats_breakdown(pack / "content", stats_db)
    return 0


def _question_ids(content: Path) -> list[str]:
    """The question ids of a pack's topic files, read without validating them."""
    import yaml

    ids: list[str] = []
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted(content.glob("*.yaml")):
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        ids += [question["id"] for question in document.get("questions", [])]
    return ids


if __name__ == "__main__":
    sys.exit(main())
