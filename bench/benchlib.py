"""Shared helpers of the bench scripts: paths, environments, statistics, tables and a pty driver."""

from __future__ import annotations

import math
import os
import random
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
SIZE = (30, 100)
"""The pty size used by every pty bench: (rows, columns)."""

RATING_WEIGHTS = (0.1, 0.15, 0.6, 0.15)
"""How often learners press Again, Hard, Good and Easy in the synthetic review logs."""


def genai_exe() -> str:
    """The `genai-tui` console script of the running interpreter's environment (or on PATH)."""
    beside = Path(sys.executable).parent / "genai-tui"
    if beside.exists():
        return str(beside)
    found = shutil.which("genai-tui")
    if found is None:
        raise SystemExit("genai-tui is not installed next to this Python nor on PATH")
    return found


def bench_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment for a child process: its own XDG dirs, a colour terminal, no animation."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GENAI_TUI")}
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    # Byte-code as an installed copy has it: the runs after the first read cached .pyc files
    # from a private folder (never writing into the checkout), even where the calling
    # environment sets PYTHONDONTWRITEBYTECODE.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    env.update(
        TERM="xterm-256color",
        COLORTERM="truecolor",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        TEXTUAL_ANIMATIONS="none",
    )
    env.pop("NO_COLOR", None)
    env.update(extra)
    return env


# Statistics ------------------------------------------------------------------


def percentile(values: Sequence[float], share: float) -> float:
    """The `share` (0..1) quantile of the values, linearly interpolated."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float:
    """The median of the values (NaN when there are none)."""
    return percentile(values, 0.5)


def verdict(value: float, target: float) -> str:
    """'met' or 'MISSED' for a figure that should be at most `target`."""
    return "met" if value <= target else "MISSED"


# Output ----------------------------------------------------------------------


def print_table(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Print a plain-text table under a title; numeric columns are right-aligned."""
    raw = [list(row) for row in rows]
    cells = [[_cell(value) for value in row] for row in raw]
    widths = [len(header) for header in headers]
    for row in cells:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=True)]
    numeric = [
        all(isinstance(row[i], int | float) or row[i] in ("", None) for row in raw) and bool(raw)
        for i in range(len(headers))
    ]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            value.rjust(width) if right else value.ljust(width)
            for value, width, right in zip(values, widths, numeric, strict=True)
        ).rstrip()

    print(f"\n## {title}")
    print(line(headers))
    print(line(["-" * width for width in widths]))
    for row in cells:
        print(line(row))
    sys.stdout.flush()


def _cell(value: Any) -> str:
    """A table cell: floats with sensible precision, everything else as text."""
    if isinstance(value, float):
        if math.isnan(value):
            return "-"
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


# Progress databases ------------------------------------------------------------


def bundled_bank_facts() -> tuple[list[str], list[tuple[str, str, int]]]:
    """The bundled bank's question ids and its topics as (title, section, question count)."""
    from tui.core.bank import load_bank
    from tui.paths import bundled_content_dir

    bank = load_bank([bundled_content_dir()]).bank
    topics = [(topic.title, topic.section, len(topic.questions)) for topic in bank.topics]
    return [question.id for question in bank.questions], topics


def build_progress_db(
    path: Path, question_ids: Sequence[str], reviews: int, days: int = 180, seed: int = 7
) -> float:
    """Record `reviews` ratings with the store's own Progress.rate, oldest first; returns seconds.

    The ratings are spread over the past `days` days and each is committed on its own, exactly
    as the app records them, so card states and the log stay consistent.
    """
    from fsrs import Rating, Scheduler

    from tui.store.progress import Progress

    chooser = random.Random(seed)
    end = datetime.now(UTC) - timedelta(hours=1)
    start = end - timedelta(days=days)
    span = (end - start).total_seconds()
    moments = sorted(start + timedelta(seconds=chooser.random() * span) for _ in range(reviews))
    ratings = list(Rating)
    began = time.perf_counter()
    progress = Progress.open(path, Scheduler(enable_fuzzing=False))
    try:
        for moment in moments:
            rating = chooser.choices(ratings, RATING_WEIGHTS)[0]
            progress.rate(chooser.choice(question_ids), rating, moment, duration_ms=30_000)
    finally:
        progress.close()
    return time.perf_counter() - began


def copy_db(source: Path, target: Path) -> None:
    """Copy a database with SQLite's backup API (WAL included), leaving the source untouched."""
    import sqlite3

    origin, copy = sqlite3.connect(source), sqlite3.connect(target)
    try:
        origin.backup(copy)
    finally:
        origin.close()
        copy.close()


# Pseudo-terminal -------------------------------------------------------------


class PtySession:
    """A child process on a pseudo-terminal whose every output byte is kept."""

    def __init__(
        self, argv: Sequence[str], env: dict[str, str], size: tuple[int, int] = SIZE
    ) -> None:
        import pexpect

        self._eof = pexpect.EOF
        self._timeout = pexpect.TIMEOUT
        self.started = time.perf_counter()
        self.child: Any = pexpect.spawn(
            argv[0], list(argv[1:]), env=env, dimensions=size, cwd=str(ROOT)
        )
        self.output = bytearray()

    def read(self, seconds: float) -> bytes:
        """Read whatever arrives within `seconds` (less if the child ends)."""
        got = bytearray()
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            try:
                got += self.child.read_nonblocking(65536, timeout=min(left, 0.01))
            except self._timeout:
                continue
            except self._eof:
                break
        self.output += got
        return bytes(got)

    def read_until(self, done: Callable[[bytes], bool], timeout: float = 30.0) -> float:
        """Read until `done(output)` holds; returns the perf_counter moment it first held."""
        end = time.perf_counter() + timeout
        while not done(bytes(self.output)):
            if time.perf_counter() > end:
                tail = bytes(self.output[-400:])
                raise TimeoutError(f"output never matched; last bytes: {tail!r}")
            try:
                self.output += self.child.read_nonblocking(65536, timeout=0.05)
            except self._timeout:
                continue
            except self._eof as error:
                if done(bytes(self.output)):
                    break
                tail = bytes(self.output[-400:])
                raise RuntimeError(f"the process ended early; last bytes: {tail!r}") from error
        return time.perf_counter()

    def read_until_idle(self, quiet: float = 0.3, timeout: float = 10.0) -> bytes:
        """Read until no byte has arrived for `quiet` seconds; returns what was read."""
        got = bytearray()
        end = time.perf_counter() + timeout
        last = time.perf_counter()
        while time.perf_counter() - last < quiet and time.perf_counter() < end:
            try:
                chunk = self.child.read_nonblocking(65536, timeout=0.02)
            except self._timeout:
                continue
            except self._eof:
                break
            got += chunk
            last = time.perf_counter()
        self.output += got
        return bytes(got)

    def send(self, keys: str) -> None:
        """Type keys."""
        self.child.send(keys)

    def peak_rss_kb(self) -> int:
        """The child's peak resident set so far (VmHWM), in KiB."""
        status = Path(f"/proc/{self.child.pid}/status").read_text(encoding="utf-8")
        match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
        return int(match.group(1)) if match else 0

    def quit(self, key: str = "q", timeout: float = 10.0) -> int | None:
        """Press the quit key, wait for the process to end and return its exit status."""
        if self.child.isalive():
            self.send(key)
        end = time.perf_counter() + timeout
        while self.child.isalive() and time.perf_counter() < end:
            self.read(0.05)
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.close()
        status: int | None = self.child.exitstatus
        return status

    def kill(self) -> None:
        """Make sure the process is gone."""
        if self.child.isalive():
            self.child.terminate(force=True)


_FRAME_END = re.compile(rb"\x1b\[1;1H(?=\x1b\[\d+;\d+H|$)")


def count_frames(output: bytes) -> int:
    """Screen updates in Textual output: each ends by parking the cursor at row 1, column 1."""
    return len(_FRAME_END.findall(output))


def table_shown(title: str) -> Callable[[bytes], bool]:
    """A test that the output holds the topic table: its 'Topics' title and a topic's title."""
    needle = title[:10].encode()

    def done(output: bytes) -> bool:
        return b"Topics" in output and needle in output

    return done


@dataclass(frozen=True)
class Started:
    """One measured start of an app on a pty."""

    seconds: float
    peak_rss_kb: int
    status: int | None
    frames: int = 0
    """Screen updates written up to and including the one that showed the topic table."""


def time_start(
    argv: Sequence[str],
    env: dict[str, str],
    title: str,
    timeout: float = 60.0,
    settle: float = 0.0,
) -> Started:
    """Seconds from spawn to the first frame showing the topic table, then quit with `q`.

    With `settle`, wait until the app has been quiet that long before reading its peak RSS.
    """
    session = PtySession(argv, env)
    try:
        shown = session.read_until(table_shown(title), timeout)
        written = bytes(session.output)
        frames_before = count_frames(written) + (not written.endswith(b"\x1b[1;1H"))
        if settle:
            session.read_until_idle(settle, timeout)
        rss = session.peak_rss_kb()
        status = session.quit()
    finally:
        session.kill()
    return Started(shown - session.started, rss, status, frames_before)


@dataclass(frozen=True)
class Comparison:
    """Alternated start-up measurements of genai-tui and of the bare app."""

    app: list[Started]
    bare: list[Started]

    @property
    def ratio(self) -> float:
        """Median warm start-up of genai-tui over the bare app's."""
        return median([s.seconds for s in warm(self.app)]) / median(
            [s.seconds for s in warm(self.bare)]
        )


def compare_starts(
    app_argv: Sequence[str],
    bare_argv: Sequence[str],
    env: dict[str, str],
    title: str,
    runs: int,
    settle: float = 0.0,
    timeout: float = 60.0,
) -> Comparison:
    """Start genai-tui and the bare app `runs` times each, alternating which goes first."""
    app: list[Started] = []
    bare: list[Started] = []
    for run in range(runs):
        order = [(app_argv, app), (bare_argv, bare)]
        for argv, results in order if run % 2 == 0 else reversed(order):
            results.append(time_start(argv, env, title, timeout, settle))
    return Comparison(app, bare)


def bare_argv(rows: Sequence[tuple[str, str, int]], folder: Path) -> list[str]:
    """The command line of bench/bare_app.py showing these topic rows (written to `folder`)."""
    import json

    titles = folder / "bare-rows.json"
    titles.write_text(json.dumps([list(row) for row in rows]), encoding="utf-8")
    return [sys.executable, str(BENCH / "bare_app.py"), "--titles", str(titles)]


START_HEADERS = ("app", "runs", "first ms", "median ms", "p90 ms", "peak RSS MiB", "frames")
"""Columns of `start_rows`: the first run has cold caches; median and p90 are of the others."""


def warm(runs: Sequence[Started]) -> Sequence[Started]:
    """The runs after the first (whose content cache and page cache were cold), if any."""
    return runs[1:] if len(runs) > 1 else runs


def start_rows(label: str, runs: Sequence[Started]) -> list[Any]:
    """A table row: label, runs, first, warm median and p90 in ms, median peak RSS in MiB."""
    seconds = [s.seconds * 1000 for s in warm(runs)]
    rss = [s.peak_rss_kb / 1024 for s in runs]
    first = runs[0].seconds * 1000
    frames = int(median([s.frames for s in runs]))
    return [label, len(runs), first, median(seconds), percentile(seconds, 0.9), median(rss), frames]


def print_runs(label: str, runs: Sequence[Started]) -> None:
    """Print every run's start-up time, in run order."""
    print(f"{label} runs (ms): " + " ".join(f"{s.seconds * 1000:.0f}" for s in runs))
