"""Write Anki's text-import format: header lines, then one tab-separated row per question."""

from __future__ import annotations

import csv
from pathlib import Path

import genanki

from tui.exchange.files import write_atomically
from tui.exchange.notes import FIELD_NAMES, ROOT_DECK, NoteFields

MODEL_NAME = "genai-tui"
COLUMNS = (*FIELD_NAMES, "Tags", "GUID")


def header_lines() -> list[str]:
    """The `#key:value` lines Anki reads before the rows (columns are 1-based)."""
    return [
        "#separator:Tab",
        "#html:true",
        f"#notetype:{MODEL_NAME}",
        f"#deck:{ROOT_DECK}",
        "#columns:" + "\t".join(COLUMNS),
        f"#tags column:{COLUMNS.index('Tags') + 1}",
        f"#guid column:{COLUMNS.index('GUID') + 1}",
    ]


def write_tsv(notes: list[NoteFields], target: Path) -> int:
    """Write the file (replacing `target` atomically); returns how many rows."""

    def write(path: str) -> None:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            for line in header_lines():
                handle.write(line + "\n")
            # Anki reads a field in double quotes when it holds a tab, a quote or a new line,
            # with quotes inside doubled: csv's minimal quoting writes exactly that.
            writer = csv.writer(
                handle, delimiter="\t", quotechar='"', doublequote=True, lineterminator="\n"
            )
            for note in notes:
                guid = genanki.guid_for(note.question_id)
                writer.writerow([*note.fields, " ".join(note.tags), guid])

    write_atomically(target, write)
    return len(notes)
