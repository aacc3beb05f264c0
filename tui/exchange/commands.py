"""The `export`, `import` and `flags` sub-commands: bank to Anki, progress out and in, flags."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.core.bank import Bank
from tui.core.sanitize import sanitize
from tui.exchange.files import ExportError, write_atomically
from tui.exchange.notes import UnknownTopicError, all_notes, chosen_topics
from tui.store.db import backup_database
from tui.store.progress import Progress

EXIT_OK, EXIT_FAILURE = 0, 1


def _fail(message: str) -> int:
    """Print a one-line error and give the failure exit code."""
    print(f"genai-tui: error: {message}", file=sys.stderr)
    return EXIT_FAILURE


def export_deck(args: argparse.Namespace, bank: Bank) -> int:
    """`export anki FILE.apkg` and `export tsv FILE`: the bank (or some topics) for Anki."""
    try:
        topics = chosen_topics(bank, args.topic)
    except UnknownTopicError as error:
        return _fail(str(error))
    notes = all_notes(topics)
    try:
        if args.export_kind == "anki":
            from tui.exchange.anki import write_apkg

            count = write_apkg(notes, args.file)
        else:
            from tui.exchange.tsv import write_tsv

            count = write_tsv(notes, args.file)
    except ExportError as error:
        return _fail(str(error))
    print(f"wrote {count} notes from {len(topics)} topics to {args.file}")
    return EXIT_OK


def export_progress(db: Path, target: Path) -> int:
    """`export progress FILE.json`: every review, note, bookmark, flag and mock interview."""
    from tui.exchange.progress_export import progress_document

    if not db.exists():
        return _fail(f"{db}: no progress database yet; nothing to export")
    progress = Progress.open(db)
    try:
        document = progress_document(progress.db, datetime.now(UTC))
    finally:
        progress.close()
    text = document.model_dump_json(indent=2) + "\n"

    def write(path: str) -> None:
        Path(path).write_text(text, encoding="utf-8")

    try:
        write_atomically(target, write)
    except ExportError as error:
        return _fail(str(error))
    print(
        f"wrote {len(document.reviews)} reviews, {len(document.cram)} cram ratings, "
        f"{len(document.notes)} notes, {len(document.bookmarks)} bookmarks, "
        f"{len(document.mock_sessions)} mock interviews to {target}"
    )
    return EXIT_OK


def import_progress(db: Path, source: Path, desired_retention: float) -> int:
    """`import progress FILE.json`: validate the whole file, then merge it in one transaction."""
    from fsrs import Scheduler

    from tui.exchange.progress_merge import merge_progress
    from tui.exchange.progress_read import ProgressFileError, read_progress_file

    try:
        document = read_progress_file(source)
    except ProgressFileError as error:
        return _fail(str(error))
    progress = Progress.open(db)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    backup = db.with_name(f"{db.name}.bak-import-{stamp}")
    # Replays are not fuzzed: two machines holding the same log then derive the same cards.
    scheduler = Scheduler(desired_retention=desired_retention, enable_fuzzing=False)
    try:
        counts = merge_progress(
            progress.db, document, scheduler, lambda: backup_database(db, backup)
        )
    finally:
        progress.close()
    if not counts.changed:
        print(f"nothing new in {source}; the database is unchanged")
        return EXIT_OK
    print(f"{counts.summary()} (backup: {backup})")
    return EXIT_OK


def list_flags(db: Path, bank: Bank, as_json: bool, remove: list[str]) -> int:
    """`flags [--json] [--remove ID ...]`: the flagged questions with topic, reason and date."""
    if not db.exists():
        rows: list[dict[str, Any]] = []
    else:
        progress = Progress.open(db)
        try:
            for question_id in remove:
                if not progress.flags.unflag(question_id):
                    return _fail(f"{question_id} is not flagged")
                print(f"unflagged {question_id}", file=sys.stderr)
            rows = [_flag_row(bank, flag) for flag in progress.flags.all()]
        finally:
            progress.close()
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("no flagged questions")
    for row in rows:
        reason = sanitize(row["reason"]) or "-"
        print(
            f"{row['flagged_at'][:10]}  {sanitize(row['id'])}  [{sanitize(row['topic'])}]  {reason}"
        )
    return EXIT_OK


def _flag_row(bank: Bank, flag: Any) -> dict[str, Any]:
    """One flag as JSON: id, question, topic title, reason and date."""
    question = bank.question(flag.question_id)
    topic = bank.topic(flag.question_id.split("/", 1)[0])
    return {
        "id": flag.question_id,
        "question": question.question if question else None,
        "topic": topic.title if topic else flag.question_id.split("/", 1)[0],
        "reason": flag.reason,
        "flagged_at": flag.flagged_at.isoformat(),
    }
