"""What each sub-command does, in terms of the core, the store and the UI."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui import paths
from tui.config import Settings, SettingsFile
from tui.store.errors import StoreError

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


def guarded(runner: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a command; turn every failure into one line on stderr and an exit code."""
    try:
        return runner(args)
    except StoreError as error:
        _fail(str(error))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # the last line of defence: no traceback on the user's screen
        log = _write_crash_log()
        _fail(f"unexpected error: {type(error).__name__}: {error} (details in {log})")
        return EXIT_INTERNAL


def _fail(message: str) -> None:
    """Print a one-line error to stderr."""
    print(f"genai-tui: error: {message}", file=sys.stderr)


def _write_crash_log() -> Path | str:
    """Append the current traceback to the crash log and return its path."""
    import traceback

    try:
        folder = paths.state_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        log = folder / "crash.log"
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(UTC).isoformat()}\n{traceback.format_exc()}\n")
        return log
    except OSError:
        return "no log: state dir not writable"


def content_dirs(args: argparse.Namespace, extra: list[Path] | None = None) -> list[Path]:
    """The bundled bank followed by the user's extra content folders."""
    return [paths.bundled_content_dir(), *(extra or []), *args.content]


def db_path(args: argparse.Namespace) -> Path:
    """The database the user asked for, or the default one."""
    return Path(args.db).expanduser() if args.db else paths.default_db_path()


def run_validate(args: argparse.Namespace) -> int:
    """Check every topic file; print one FILE:LINE: message per problem."""
    from tui.core.bank import load_bank
    from tui.core.formula import unknown_macros

    result = load_bank(content_dirs(args, args.dirs), unknown_macros=unknown_macros)
    for problem in result.problems:
        print(problem)
    if result.errors:
        return EXIT_FAILURE
    bank = result.bank
    print(f"OK: {len(bank.topics)} topics, {bank.question_count} questions")
    return EXIT_OK


def settings(args: argparse.Namespace) -> tuple[SettingsFile, Settings]:
    """The user's settings, with --interview applied and saved."""
    from tui.cli import NO_DATE

    store = SettingsFile(paths.config_path())
    current = store.load()
    if store.problem:
        print(f"genai-tui: warning: {store.problem}", file=sys.stderr)
    if args.interview is not None:
        current.interview_date = None if args.interview == NO_DATE else args.interview
        try:
            store.save(current)
        except OSError as error:
            print(f"genai-tui: warning: settings not saved: {error}", file=sys.stderr)
    return store, current


def run_stats(args: argparse.Namespace) -> int:
    """Report mastery, retention, streak, forecast and readiness without the UI."""
    from tui.content_cache import load_bank_cached
    from tui.report import stats_report, stats_table

    _, current = settings(args)
    result = load_bank_cached(content_dirs(args), paths.cache_dir())
    _warn_skipped(result.errors)
    report = stats_report(result.bank, db_path(args), current.interview_date)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(stats_table(report))
    return EXIT_OK


def run_content(args: argparse.Namespace) -> int:
    """Print the validated bank, as JSON or as a short listing."""
    from tui.content_cache import load_bank_cached

    result = load_bank_cached(content_dirs(args), paths.cache_dir())
    _warn_skipped(result.errors)
    bank = result.bank
    if args.json:
        document: dict[str, Any] = {
            "topics": [topic.to_dict() for topic in bank.topics],
            "questions": [question.to_dict() for question in bank.questions],
        }
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return EXIT_OK
    for topic in bank.topics:
        print(f"{topic.id:<30} {len(topic.questions):>3}  {topic.title}")
    return EXIT_OK


def run_formula(args: argparse.Namespace) -> int:
    """Print the terminal rendering of one formula; malformed input is an error (exit 1)."""
    from tui.core.formula import formula_problem, render_display, render_inline, unknown_macros
    from tui.terminal import ascii_only

    problem = formula_problem(args.latex)
    if problem is not None:
        _fail(f"cannot read the formula: {problem}")
        return EXIT_FAILURE
    for name in unknown_macros(args.latex):
        print(f"genai-tui: warning: unknown command \\{name}, shown as '{name}'", file=sys.stderr)
    ascii = bool(args.ascii) or ascii_only()
    if args.inline:
        print(render_inline(args.latex, ascii=ascii))
    else:
        print("\n".join(render_display(args.latex, args.width, ascii=ascii)))
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    """Print one question (and with --answer its answer and rubric) as the app lays it out."""
    from tui.content_cache import load_bank_cached
    from tui.show import print_question

    result = load_bank_cached(content_dirs(args), paths.cache_dir())
    _warn_skipped(result.errors)
    problem = print_question(
        result.bank,
        args.question_id,
        width=args.width,
        ascii=args.ascii,
        with_answer=args.answer,
        color=args.color,
    )
    if problem is not None:
        _fail(problem)
        return EXIT_FAILURE
    return EXIT_OK


def run_grade(args: argparse.Namespace) -> int:
    """Grade typed answers against their key points, offline."""
    from tui.content_cache import load_bank_cached
    from tui.grading.command import run_grade as grade

    result = load_bank_cached(content_dirs(args), paths.cache_dir())
    _warn_skipped(result.errors)
    return grade(args, result.bank)


def run_dashboard(args: argparse.Namespace) -> int:
    """Start the interactive app."""
    from tui.launch import launch

    store, current = settings(args)
    return launch(content_dirs(args), db_path(args), store, current, args.color, args.ascii)


def run_serve(args: argparse.Namespace) -> int:
    """Run the SSH server, or list its accounts with `serve users`."""
    from tui.serve.cli_options import serve_options, users_data_dir
    from tui.serve.main import run_serve as serve
    from tui.serve.main import run_users
    from tui.serve.options import ServeError

    try:
        if args.serve_command == "users":
            return run_users(users_data_dir(args), args.json)
        return serve(serve_options(args, content_dirs=list(args.content)))
    except ServeError as error:
        _fail(str(error))
        return EXIT_FAILURE


def run_export(args: argparse.Namespace) -> int:
    """Export the bank to Anki (apkg, tsv) or the user's progress to JSON."""
    from tui.exchange.commands import export_deck, export_progress

    if args.export_kind == "progress":
        return export_progress(db_path(args), args.file)
    from tui.content_cache import load_bank_cached

    result = load_bank_cached(content_dirs(args), paths.cache_dir())
    _warn_skipped(result.errors)
    return export_deck(args, result.bank)


def run_import(args: argparse.Namespace) -> int:
    """Merge a progress file into the database."""
    from tui.exchange.commands import import_progress

    _, current = settings(args)
    return import_progress(db_path(args), args.file, current.desired_retention)


def run_flags(args: argparse.Namespace) -> int:
    """List (or remove) the flagged questions."""
    from tui.content_cache import load_bank_cached
    from tui.exchange.commands import list_flags

    result = load_bank_cached(content_dirs(args), paths.cache_dir())
    _warn_skipped(result.errors)
    return list_flags(db_path(args), result.bank, args.json, args.remove)


def _warn_skipped(errors: tuple[Any, ...]) -> None:
    """Tell the user on stderr which content files were skipped and why."""
    for problem in errors:
        print(f"genai-tui: warning: skipped {problem}", file=sys.stderr)
