"""Over the wire: bytes genai-tui writes to a 100x30 pty for one keypress.

    python bench/wire.py [--presses 20] [--typing 150] [--quiet-ms 300] [--quick]

genai-tui starts on the bundled bank (with a database of 5,000 reviews) and TEXTUAL_ANIMATIONS
set to none. After the first frame the output is drained until idle; then each key is sent and
the output read until no byte has arrived for --quiet-ms, and counted. Measured: `j` in the topic
table, `j`/`k` in the question list (after Enter) and Space (reveal; a `j`/`k` not counted comes
before each Space, always moving to another question, so there is a hidden answer to reveal),
and typing letters into the answer box of a review (`r`, then `a`; --typing letters, enough to
wrap onto new rows; target at most 1 KB for every key).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import benchlib

TARGET_BYTES = 4096
TYPING_TARGET_BYTES = 1024
TYPED = "the scores are scaled by one over the square root of the key size "
_MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")
_ESCAPE = re.compile(rb"\x1b\[[0-9;:?<=>]*[ -/]*[@-~]|\x1b[@-_]|[\r\n]")
DOWN = "\x1b[B"


def rows_touched(output: bytes) -> int:
    """How many distinct screen rows the output moves the cursor to (rows it repaints)."""
    return len({int(match[1]) for match in _MOVE.finditer(output)})


def visible_chars(output: bytes) -> int:
    """Characters that land on screen: the output without escape sequences and line breaks."""
    return len(_ESCAPE.sub(b"", output).decode("utf-8", "replace"))


def press(session: benchlib.PtySession, key: str, quiet: float) -> bytes:
    """Send one key and return everything written until the app is quiet again."""
    session.send(key)
    return session.read_until_idle(quiet, timeout=15)


def walk(count: int, rows: int, start: int = 0) -> tuple[list[str], int]:
    """`count` j/k keys that each move a cursor over `rows` rows from row `start`, turning at
    either end; and the row where they leave it."""
    keys: list[str] = []
    row, step = start, 1
    for _ in range(count):
        if not 0 <= row + step < rows:
            step = -step
        row = min(max(row + step, 0), rows - 1)
        keys.append("j" if step > 0 else "k")
    return keys, row


def measure_app(
    argv: list[str],
    env: dict[str, str],
    topics: list[tuple[str, str, int]],
    presses: int,
    quiet: float,
) -> dict[str, list[bytes]]:
    """The output of each measured key of genai-tui, by kind of key."""
    counts: dict[str, list[bytes]] = {
        "j in the topic table": [],
        "j/k in the question list": [],
        "Space (reveal)": [],
    }
    session = benchlib.PtySession(argv, env)
    try:
        session.read_until(benchlib.table_shown(topics[0][0]), 60)
        session.read_until_idle(quiet)
        moves = min(presses, len(topics) - 1)
        for _ in range(moves):
            counts["j in the topic table"].append(press(session, "j", quiet))
        press(session, "\r", quiet)
        rows = topics[moves][2]
        keys, row = walk(presses, rows)
        for key in keys:
            counts["j/k in the question list"].append(press(session, key, quiet))
        for key in walk(presses, rows, row)[0]:
            press(session, key, quiet)
            counts["Space (reveal)"].append(press(session, " ", quiet))
        session.quit()
    finally:
        session.kill()
    return counts


def measure_typing(
    argv: list[str], env: dict[str, str], title: str, presses: int, quiet: float
) -> list[bytes]:
    """The output of each letter typed into the answer box of a review session."""
    session = benchlib.PtySession(argv, env)
    try:
        session.read_until(benchlib.table_shown(title), 60)
        session.read_until_idle(quiet)
        press(session, "r", quiet)
        press(session, "a", quiet)
        text = (TYPED * (presses // len(TYPED) + 1))[:presses]
        outputs = [press(session, char, quiet) for char in text]
        press(session, "\x1b", quiet)
        press(session, "\x1b", quiet)
        session.quit()
    finally:
        session.kill()
    return outputs


def measure_bare(
    argv: list[str], env: dict[str, str], title: str, presses: int, quiet: float
) -> list[bytes]:
    """The output of each Down arrow in the bare Textual app's table."""
    session = benchlib.PtySession(argv, env)
    try:
        session.read_until(benchlib.table_shown(title), 60)
        session.read_until_idle(quiet)
        outputs = [press(session, DOWN, quiet) for _ in range(presses)]
        session.quit()
    finally:
        session.kill()
    return outputs


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the bytes-per-key table."""
    parser = argparse.ArgumentParser(description="bytes written per keypress")
    parser.add_argument("--presses", type=int, default=20, help="presses of each key (default 20)")
    parser.add_argument(
        "--typing", type=int, default=150, help="letters typed in the answer box (default 150)"
    )
    parser.add_argument("--quiet-ms", type=int, default=300, help="idle gap that ends a frame")
    parser.add_argument(
        "--colors", choices=("truecolor", "256"), default="truecolor", help="terminal colours"
    )
    parser.add_argument("--quick", action="store_true", help="3 presses, 200 reviews")
    args = parser.parse_args(argv)
    presses, reviews = (3, 200) if args.quick else (args.presses, 5000)
    letters = 3 if args.quick else args.typing
    quiet = args.quiet_ms / 1000

    with tempfile.TemporaryDirectory(prefix="bench-wire-") as tmp:
        folder = Path(tmp)
        ids, topics = benchlib.bundled_bank_facts()
        db = folder / "progress.db"
        benchlib.build_progress_db(db, ids, reviews)
        env = benchlib.bench_env(folder / "home")
        if args.colors == "256":
            env.pop("COLORTERM", None)
        moves = min(presses, len(topics) - 1)
        counts = measure_app([benchlib.genai_exe(), "--db", str(db)], env, topics, presses, quiet)
        typing = measure_typing(
            [benchlib.genai_exe(), "--db", str(db)], env, topics[0][0], letters, quiet
        )
        bare = measure_bare(benchlib.bare_argv(topics, folder), env, topics[0][0], moves, quiet)
    rows: list[list[Any]] = []
    measured = {**counts, "typing in the answer box": typing, "bare Textual app: Down": bare}
    for label, outputs in measured.items():
        target = TYPING_TARGET_BYTES if label.startswith("typing") else TARGET_BYTES
        sizes = [len(output) for output in outputs]
        med = benchlib.median(sizes)
        rows.append(
            [
                label,
                len(sizes),
                int(med),
                max(sizes),
                int(benchlib.median([visible_chars(output) for output in outputs])),
                int(benchlib.median([rows_touched(output) for output in outputs])),
                int(benchlib.median([benchlib.count_frames(output) for output in outputs])),
                benchlib.verdict(max(sizes) if label.startswith("typing") else med, target),
            ]
        )
    benchlib.print_table(
        f"bytes written per keypress (100x30 pty, {args.colors} colours, TEXTUAL_ANIMATIONS=none)",
        [
            "key",
            "presses",
            "median B",
            "max B",
            "chars drawn",
            "rows",
            "frames",
            "within target",
        ],
        rows,
    )
    print(
        "chars drawn: characters written besides escape sequences (a full screen is 3000); "
        "rows: distinct rows the cursor is moved to (30 = every row); frames: screen updates; "
        f"within target: median <= {TARGET_BYTES} B a key; for typing, max <= "
        f"{TYPING_TARGET_BYTES} B every key"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
