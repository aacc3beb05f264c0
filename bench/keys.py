"""Keys: time from a keypress to the repainted detail pane, through the pilot (app.run_test).

    python bench/keys.py [--keys 60] [--pack DIR | --questions 10000 --reviews 100000] [--quick]

Wall times from time.perf_counter, per key:
- handled: the Key event is posted to the app and the loop polled until the detail pane holds
  the new question;
- repaint: ... until, after that, the screen has been composited (App._display was called);
- pilot: `await pilot.press(key)`, then `await pilot.pause()` until the detail pane changes.
  This includes the pilot's own idle waits (two `wait_for_idle` of 20 ms or more per press),
  so it is a ceiling, not the latency a user feels.
Each pane gets `--keys` raw keys (spaced 30-70 ms after idle) and as many pilot keys, bouncing
j/k through the topic table and then (after Enter) the question list. The same is measured on
bare_app.DetailBareApp as the floor a message-driven Textual detail pane cannot beat.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import benchlib

TARGET_MEDIAN_MS = 16.0
TARGET_P95_MS = 50.0
TARGET_LARGE_MEDIAN_MS = 50.0
TIMEOUT = 10.0


@dataclass
class Timings:
    """Per-key wall times of one navigation, in milliseconds."""

    handled: list[float]
    repaint: list[float]
    pilot: list[float]


def build_app(content: Sequence[Path], db: Path) -> Any:
    """A GenAITUI over the bundled bank plus `content`, on the database `db`."""
    from fsrs import Scheduler

    from tui.core.bank import load_bank
    from tui.paths import bundled_content_dir
    from tui.store.progress import Progress
    from tui.study import Study
    from tui.ui.app import GenAITUI

    result = load_bank([bundled_content_dir(), *content])
    if result.errors:
        raise SystemExit(f"content errors: {result.errors[:3]}")
    progress = Progress.open(db, Scheduler(enable_fuzzing=False))
    return GenAITUI(Study(result.bank, progress))


def shown_question(app: Any) -> str | None:
    """The id of the question the detail pane shows."""
    view = getattr(app.screen.query_one("#detail"), "view", None)
    return None if view is None else str(view.question.id)


def bounce(count: int, span: int, keys: tuple[str, str] = ("j", "k")) -> list[str]:
    """`count` keys going down `span` times, then up `span` times, and so on."""
    span = max(1, span)
    return [keys[(i // span) % 2] for i in range(count)]


def _differs(shown: Callable[[], object], before: object) -> bool:
    """Whether the detail pane no longer shows what it showed before the key."""
    return shown() != before


def _painted_since(paints: list[float], moment: float) -> bool:
    """Whether a frame was composited at or after `moment`."""
    return bool(paints) and paints[-1] >= moment


async def _until(condition: Callable[[], bool], what: str) -> None:
    """Yield to the event loop until `condition` holds."""
    end = time.perf_counter() + TIMEOUT
    while not condition():
        if time.perf_counter() > end:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0)


async def measure(
    app: Any, pilot: Any, keys: list[str], paints: list[float], shown: Callable[[], object]
) -> Timings:
    """Press the first half of the keys raw and the rest through the pilot; time each one.

    Raw keys are spaced by a random 30-70 ms after the app is idle, so they land at random
    phases of Textual's 60 Hz refresh timer, as a user's keys do.
    """
    from textual import events

    timings = Timings([], [], [])
    jitter = random.Random(1)
    half = len(keys) // 2
    for key in keys[:half]:
        before = shown()
        began = time.perf_counter()
        app.post_message(events.Key(key, key if len(key) == 1 else None))
        await _until(partial(_differs, shown, before), "the detail pane")
        changed = time.perf_counter()
        await _until(partial(_painted_since, paints, changed), "a repaint")
        timings.handled.append((changed - began) * 1000)
        timings.repaint.append((paints[-1] - began) * 1000)
        await pilot.pause()
        await asyncio.sleep(jitter.uniform(0.03, 0.07))
    for key in keys[half:]:
        before = shown()
        began = time.perf_counter()
        await pilot.press(key)
        while shown() == before:
            if time.perf_counter() - began > TIMEOUT:
                raise TimeoutError(f"{key!r} did not change the detail pane")
            await pilot.pause()
        timings.pilot.append((time.perf_counter() - began) * 1000)
    return timings


def record_paints(app: Any) -> list[float]:
    """Wrap App._display (called for every composited frame, headless too) to time frames."""
    paints: list[float] = []
    original = app._display

    def display(screen: Any, renderable: Any) -> None:
        original(screen, renderable)
        paints.append(time.perf_counter())

    app._display = display
    return paints


async def run_navigation(app: Any, keys: int, start_topic: int) -> dict[str, Timings]:
    """Navigate the topic table and then the question list; times per pane."""
    from textual.widgets import DataTable

    paints = record_paints(app)
    results: dict[str, Timings] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#topics", DataTable)
        table.move_cursor(row=start_topic)
        await pilot.pause()
        span = min(20, table.row_count - 1 - start_topic)
        shown = partial(shown_question, app)
        results["topic table"] = await measure(app, pilot, bounce(2 * keys, span), paints, shown)
        await pilot.press("enter")
        await pilot.pause()
        count = app.screen.query_one("#questions").row_count
        results["question list"] = await measure(
            app, pilot, bounce(2 * keys, count - 1), paints, shown
        )
    return results


async def run_floor(keys: int, rows: list[tuple[str, str, int]]) -> dict[str, Timings]:
    """The same measurement on bare_app.DetailBareApp: a table whose highlight fills a Static."""
    from bare_app import DetailBareApp
    from textual.widgets import Static

    app = DetailBareApp(rows)
    paints = record_paints(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        detail = app.query_one("#detail", Static)

        def shown() -> object:
            return str(detail.render())

        span = min(20, len(rows) - 1)
        timings = await measure(app, pilot, bounce(2 * keys, span, ("down", "up")), paints, shown)
    return {"table + Static": timings}


def rows_for(label: str, results: dict[str, Timings], target: float | None) -> list[list[Any]]:
    """Table rows of one bank: per pane, handled median, repaint median/p95, pilot median."""
    rows = []
    for pane, timing in results.items():
        med = benchlib.median(timing.repaint)
        p95 = benchlib.percentile(timing.repaint, 0.95)
        rows.append(
            [
                f"{label}: {pane}",
                len(timing.repaint),
                benchlib.median(timing.handled),
                med,
                p95,
                benchlib.median(timing.pilot),
                "-" if target is None else benchlib.verdict(med, target),
            ]
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the key latency table."""
    parser = argparse.ArgumentParser(description="keypress to repainted detail pane")
    parser.add_argument("--keys", type=int, default=60, help="keys per pane (default 60)")
    parser.add_argument("--pack", type=Path, help="a pack written by make_synthetic.py")
    parser.add_argument("--questions", type=int, default=10_000, help="synthetic questions")
    parser.add_argument("--reviews", type=int, default=100_000, help="synthetic reviews")
    parser.add_argument("--reviews-bundled", type=int, default=5000)
    parser.add_argument("--quick", action="store_true", help="6 keys, 300 questions, 500 reviews")
    args = parser.parse_args(argv)
    if args.quick:
        args.keys, args.questions, args.reviews, args.reviews_bundled = 6, 300, 500, 200

    import make_synthetic

    with tempfile.TemporaryDirectory(prefix="bench-keys-") as tmp:
        folder = Path(tmp)
        ids, topics = benchlib.bundled_bank_facts()
        db = folder / "bundled.db"
        benchlib.build_progress_db(db, ids, args.reviews_bundled)
        floor = asyncio.run(run_floor(args.keys, topics))
        bundled = asyncio.run(run_navigation(build_app([], db), args.keys, 0))
        pack = make_synthetic.pack_or_build(args.pack, args.questions, args.reviews, folder)
        large_app = build_app([pack / "content"], pack / "progress.db")
        large = asyncio.run(run_navigation(large_app, args.keys, len(topics)))
        size = large_app.study.bank.question_count
    benchlib.print_table(
        "keypress to repainted detail pane, ms (100x30, pilot)",
        ["bank: pane", "keys", "handled med", "repaint med", "repaint p95", "pilot med", "target"],
        [
            *rows_for("bare Textual app (floor)", floor, None),
            *rows_for(f"bundled ({len(ids)} q)", bundled, TARGET_MEDIAN_MS),
            *rows_for(f"synthetic ({size} q)", large, TARGET_LARGE_MEDIAN_MS),
        ],
    )
    for pane, timing in bundled.items():
        p95 = benchlib.percentile(timing.repaint, 0.95)
        print(
            f"bundled {pane}: p95 {p95:.1f} ms (target <= {TARGET_P95_MS:.0f}: "
            f"{benchlib.verdict(p95, TARGET_P95_MS)})"
        )
    print(
        f"targets: bundled median <= {TARGET_MEDIAN_MS:.0f} ms, p95 <= {TARGET_P95_MS:.0f} ms; "
        f"{size} questions median <= {TARGET_LARGE_MEDIAN_MS:.0f} ms (repaint column)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
