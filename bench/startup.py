"""Start-up: process start to the first frame showing the topic table, genai-tui vs a bare app.

    python bench/startup.py [--runs 15] [--reviews 5000] [--quick] [--no-importtime]

Both apps run on a 100x30 pty; the clock stops when 'Topics' and the first topic's title have
been written. The two are alternated within the run. Then genai-tui is started once more under
`python -X importtime` to show what its start path imports before the first frame.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import benchlib

TARGET_RATIO = 1.25
HEAVY = ("textual", "fsrs", "pylatexenc", "pygments", "yaml", "pydantic", "sqlite_utils")
"""Packages whose import cost is reported by name."""

_LINE = re.compile(rb"import time:\s+(\d+) \|\s+(\d+) \| ( *)([\w.]+)")


@dataclass(frozen=True)
class Imported:
    """One line of `-X importtime`: a module, its own and cumulative microseconds, its depth."""

    name: str
    self_us: int
    cumulative_us: int
    depth: int
    parent: str = ""


def parse_importtime(output: bytes) -> list[Imported]:
    """The importtime lines of `output`, each with the module that imported it."""
    lines = [
        Imported(m[4].decode(), int(m[1]), int(m[2]), len(m[3]) // 2)
        for m in _LINE.finditer(output)
    ]
    result = []
    for index, line in enumerate(lines):
        parent = next((later.name for later in lines[index + 1 :] if later.depth < line.depth), "-")
        result.append(Imported(line.name, line.self_us, line.cumulative_us, line.depth, parent))
    return result


def importtime_report(imports: list[Imported]) -> None:
    """Print the named heavy packages and the costliest top-level imports."""
    first = {item.name: item for item in reversed(imports)}
    rows = []
    total_own = 0
    for name in HEAVY:
        own = sum(i.self_us for i in imports if i.name.split(".", 1)[0] == name)
        total_own += own
        item = first.get(name)
        if item is None:
            rows.append([name, 0.0, 0.0, "not imported before the first frame"])
            continue
        nested = _nested_in(item, imports)
        via = item.parent + (f" (inside {nested})" if nested else "")
        rows.append([name, item.cumulative_us / 1000, own / 1000, via])
    rows.append(["sum", "", total_own / 1000, ""])
    benchlib.print_table(
        "python -X importtime: named packages imported before the first frame",
        ["package", "cumulative ms", "own modules ms", "first imported by"],
        rows,
    )
    print(
        "(cumulative: the package's first import with everything it pulled in; own modules: "
        "self time of all its modules, no overlap; '-' = a lazy import at run time)"
    )
    total = sum(item.cumulative_us for item in imports if item.depth == 0)
    top = sorted((item for item in imports if item.depth <= 1), key=lambda i: -i.cumulative_us)
    benchlib.print_table(
        f"top imports (depth 0-1) before the first frame; all imports: {total / 1000:.0f} ms",
        ["module", "cumulative ms", "imported by"],
        [[item.name, item.cumulative_us / 1000, item.parent] for item in top[:12]],
    )
    ours = sorted((i for i in imports if i.name.startswith("tui")), key=lambda i: -i.self_us)
    benchlib.print_table(
        "tui modules with the highest own (self) import time",
        ["module", "self ms", "cumulative ms"],
        [[item.name, item.self_us / 1000, item.cumulative_us / 1000] for item in ours[:8]],
    )


def _nested_in(item: Imported, imports: list[Imported]) -> str:
    """The name of another HEAVY package this import happened inside, if any."""
    position = imports.index(item)
    depth = item.depth
    for later in imports[position + 1 :]:
        if later.depth < depth:
            depth = later.depth
            root = later.name.split(".", 1)[0]
            if root in HEAVY and root != item.name:
                return root
    return ""


def extra_imports_report(app: list[Imported], bare: list[Imported]) -> None:
    """Print what genai-tui imports that the bare app does not, grouped by top-level package."""
    seen = {item.name for item in bare}
    groups: dict[str, list[Imported]] = {}
    for item in app:
        if item.name not in seen:
            groups.setdefault(item.name.split(".", 1)[0], []).append(item)
    totals = {root: sum(i.self_us for i in items) / 1000 for root, items in groups.items()}
    ranked = sorted(groups, key=lambda root: -totals[root])
    rows = [[root, len(groups[root]), totals[root]] for root in ranked]
    total = sum(totals.values())
    bare_total = sum(item.self_us for item in bare) / 1000
    benchlib.print_table(
        f"imported by genai-tui but not by the bare app before the first frame: {total:.0f} ms "
        f"(the bare app's imports: {bare_total:.0f} ms)",
        ["package", "modules", "self ms"],
        rows[:12],
    )


def run_importtime(argv: Sequence[str], env: dict[str, str], title: str) -> list[Imported]:
    """Run a Python program under -X importtime on a pty; parse its imports before the frame."""
    session = benchlib.PtySession([sys.executable, "-X", "importtime", *argv], env)
    try:
        session.read_until(benchlib.table_shown(title), 60)
        shown = bytes(session.output)
        session.quit()
    finally:
        session.kill()
    return parse_importtime(shown)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the start-up table (and the import report)."""
    parser = argparse.ArgumentParser(description="genai-tui start-up vs a bare Textual app")
    parser.add_argument("--runs", type=int, default=15, help="starts of each app (default 15)")
    parser.add_argument("--reviews", type=int, default=5000, help="reviews in the database")
    parser.add_argument("--quick", action="store_true", help="at most 2 runs, 200 reviews")
    parser.add_argument("--no-importtime", action="store_true", help="skip the import report")
    args = parser.parse_args(argv)
    runs, reviews = (min(args.runs, 2), 200) if args.quick else (args.runs, args.reviews)

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        folder = Path(tmp)
        env = benchlib.bench_env(folder / "home")
        ids, topics = benchlib.bundled_bank_facts()
        db = folder / "progress.db"
        built = benchlib.build_progress_db(db, ids, reviews)
        print(f"database: {reviews} reviews over {len(ids)} questions, built in {built:.1f} s")
        app_argv = [benchlib.genai_exe(), "--db", str(db)]
        bare = benchlib.bare_argv(topics, folder)
        title = topics[0][0]
        result = benchlib.compare_starts(app_argv, bare, env, title, runs)
        benchlib.print_runs("genai-tui", result.app)
        benchlib.print_runs("bare app", result.bare)
        ratio = result.ratio
        benchlib.print_table(
            f"start-up to the first frame with the topic table ({len(topics)} topics, 100x30 pty)",
            benchlib.START_HEADERS,
            [
                benchlib.start_rows("genai-tui", result.app),
                benchlib.start_rows("bare Textual app", result.bare),
            ],
        )
        print(
            f"median ratio: {ratio:.2f}x (target <= {TARGET_RATIO}x: "
            f"{benchlib.verdict(ratio, TARGET_RATIO)})"
        )
        if not args.no_importtime:
            # The script itself, not `-m tui`: from the checkout, `-m` would import the source
            # tree instead of the installed copy, whose content cache the timed runs warmed.
            imports = run_importtime(app_argv, env, title)
            importtime_report(imports)
            extra_imports_report(imports, run_importtime(bare[1:], env, title))
    return 0


if __name__ == "__main__":
    sys.exit(main())
