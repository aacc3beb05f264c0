"""Command line of genai-tui: parse arguments and hand each sub-command to its runner."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from tui import __version__

COMMANDS = (
    "validate",
    "stats",
    "content",
    "formula",
    "show",
    "grade",
    "serve",
    "export",
    "import",
    "flags",
)
COLOR_CHOICES = ("auto", "truecolor", "256", "16", "none")
NO_DATE = date.max


def _add_common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """The options every command accepts, before or after the sub-command name."""
    suffix = "" if top else "_sub"
    parser.add_argument(
        "--db",
        dest=f"db{suffix}",
        type=Path,
        metavar="PATH",
        help="progress database (default: $GENAI_TUI_DB, else progress.db in the user data dir)",
    )
    parser.add_argument(
        "--content",
        dest=f"content{suffix}",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="extra folder of topic files, merged with the bundled bank (repeatable)",
    )
    parser.add_argument(
        "--interview",
        dest=f"interview{suffix}",
        type=_interview_date,
        metavar="YYYY-MM-DD",
        help="set the interview date (kept in the config; 'none' clears it)",
    )
    parser.add_argument(
        "--color",
        dest=f"color{suffix}",
        choices=COLOR_CHOICES,
        help="colours: auto (from TERM, COLORTERM, NO_COLOR), truecolor, 256, 16 or none",
    )
    parser.add_argument(
        "--ascii",
        dest=f"ascii{suffix}",
        action="store_true",
        default=None,
        help="ASCII borders and formulas, for terminals without box-drawing glyphs",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for `genai-tui` and its sub-commands."""
    parser = argparse.ArgumentParser(
        prog="genai-tui",
        description="Interview preparation for Generative-AI engineers, with spaced repetition.",
    )
    parser.add_argument("--version", action="version", version=f"genai-tui {__version__}")
    _add_common(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser("validate", help="check the bundled bank plus extra folders")
    validate.add_argument("dirs", nargs="*", type=Path, metavar="DIR")

    stats = commands.add_parser("stats", help="mastery per topic, without the UI")
    stats.add_argument("--json", action="store_true", help="print JSON")

    content = commands.add_parser("content", help="print the validated bank")
    content.add_argument("--json", action="store_true", help="print JSON")

    formula = commands.add_parser("formula", help="preview how a LaTeX formula renders")
    formula.add_argument("latex", metavar="LATEX")
    formula.add_argument("--width", type=_positive_int, default=80, help="columns (default 80)")
    formula.add_argument("--inline", action="store_true", help="one-line form used in prose")

    show = commands.add_parser("show", help="print a question as the app lays it out")
    show.add_argument("question_id", metavar="QUESTION_ID", help="a question id, 'topic/slug'")
    show.add_argument(
        "--width", type=_positive_int, help="columns (default: the terminal's, else 80)"
    )
    show.add_argument(
        "--answer",
        action="store_true",
        help="also print the answer, key points, follow-ups, pitfalls and references",
    )

    grade = commands.add_parser("grade", help="check a typed answer against its key points")
    grade.add_argument("question_id", nargs="?", metavar="QUESTION_ID")
    grade.add_argument("file", nargs="?", metavar="FILE", help="the answer; '-' or none: stdin")
    grade.add_argument("--batch", type=Path, metavar="FILE.jsonl", help='lines of {"id", "answer"}')
    grade.add_argument("--json", action="store_true", help="print one JSON object per answer")

    serve = _add_serve(commands)
    exchange = _add_exchange(commands)

    for sub in (validate, stats, content, formula, show, grade, serve, *exchange):
        _add_common(sub, top=False)
    return parser


def _add_serve(commands: Any) -> argparse.ArgumentParser:
    """The `serve` sub-command and its `users` listing."""
    serve: argparse.ArgumentParser = commands.add_parser(
        "serve", help="SSH server: each public key gets its own dashboard and progress"
    )
    serve.add_argument(
        "--listen", default="127.0.0.1:2222", metavar="HOST:PORT", help="default 127.0.0.1:2222"
    )
    serve.add_argument(
        "--host-key", type=Path, metavar="PATH", help="default: host_ed25519 in the data dir"
    )
    access = serve.add_mutually_exclusive_group()
    access.add_argument(
        "--authorized-keys", type=Path, metavar="FILE", help="only these keys (OpenSSH format)"
    )
    access.add_argument(
        "--open", action="store_true", help="any key gets in; a new key gets a new account"
    )
    serve.add_argument(
        "--data-dir", type=Path, metavar="DIR", help="default: serve/ in the user data dir"
    )
    serve.add_argument("--max-sessions", type=_positive_int, default=64, metavar="N")
    serve.add_argument("--max-per-key", type=_positive_int, default=4, metavar="N")
    serve.add_argument("--idle-timeout", type=_positive_number, default=30.0, metavar="MINUTES")
    serve.add_argument(
        "--max-attempts-per-minute",
        type=_positive_int,
        default=20,
        metavar="N",
        help="connection attempts per client address per minute (default 20)",
    )
    serve_commands = serve.add_subparsers(dest="serve_command", metavar="users")
    users = serve_commands.add_parser("users", help="list the accounts")
    users.add_argument("--data-dir", dest="users_data_dir", type=Path, metavar="DIR")
    users.add_argument("--json", action="store_true", help="print JSON")
    return serve


def _add_exchange(commands: Any) -> tuple[argparse.ArgumentParser, ...]:
    """The `export`, `import` and `flags` sub-commands; returns those that take common options."""
    export: argparse.ArgumentParser = commands.add_parser(
        "export", help="the bank as an Anki deck or text file, or your progress as JSON"
    )
    kinds = export.add_subparsers(dest="export_kind", metavar="anki|tsv|progress", required=True)
    anki = kinds.add_parser("anki", help="an Anki package (.apkg) with one sub-deck per topic")
    anki.add_argument("file", type=Path, metavar="FILE.apkg")
    tsv = kinds.add_parser("tsv", help="Anki's tab-separated text-import format")
    tsv.add_argument("file", type=Path, metavar="FILE")
    for deck in (anki, tsv):
        deck.add_argument(
            "--topic", action="append", metavar="ID", help="only this topic (repeatable)"
        )
    progress = kinds.add_parser("progress", help="reviews, notes, bookmarks, flags, mock log")
    progress.add_argument("file", type=Path, metavar="FILE.json")
    import_: argparse.ArgumentParser = commands.add_parser(
        "import", help="merge progress exported on another machine"
    )
    import_kinds = import_.add_subparsers(dest="import_kind", metavar="progress", required=True)
    merge = import_kinds.add_parser("progress", help="merge a progress file into this database")
    merge.add_argument("file", type=Path, metavar="FILE.json")
    flags: argparse.ArgumentParser = commands.add_parser(
        "flags", help="questions you flagged as wrong or unclear"
    )
    flags.add_argument("--json", action="store_true", help="print JSON")
    flags.add_argument(
        "--remove", action="append", default=[], metavar="ID", help="unflag a question"
    )
    return anki, tsv, progress, merge, flags


def _positive_int(text: str) -> int:
    """An argparse type for a width of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _positive_number(text: str) -> float:
    """An argparse type for a duration above 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("must be above 0")
    return value


def _interview_date(text: str) -> date:
    """An argparse type for the interview date; 'none' clears it."""
    if text.lower() == "none":
        return NO_DATE
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse arguments, merging common options given before and after the sub-command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "grade" and (args.batch is None) == (args.question_id is None):
        parser.error("grade needs either QUESTION_ID [FILE|-] or --batch FILE.jsonl")
    args.content = [*args.content, *getattr(args, "content_sub", [])]
    for name in ("db", "interview", "color", "ascii"):
        later = getattr(args, f"{name}_sub", None)
        if later is not None:
            setattr(args, name, later)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `genai-tui` console script."""
    args = parse(argv)
    from tui import commands

    runners = {
        None: commands.run_dashboard,
        "validate": commands.run_validate,
        "stats": commands.run_stats,
        "content": commands.run_content,
        "formula": commands.run_formula,
        "show": commands.run_show,
        "grade": commands.run_grade,
        "serve": commands.run_serve,
        "export": commands.run_export,
        "import": commands.run_import,
        "flags": commands.run_flags,
    }
    return commands.guarded(runners[args.command], args)


if __name__ == "__main__":
    sys.exit(main())
