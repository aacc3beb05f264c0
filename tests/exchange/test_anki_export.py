"""`export anki` and `export tsv`, read back: the .apkg's SQLite collection and Anki's TSV."""

from __future__ import annotations

import csv
import json
import sqlite3
import zipfile
from pathlib import Path

import genanki

from tests.test_cli import run
from tui.core.bank import load_bank
from tui.exchange.anki import MODEL_ID
from tui.exchange.html import markdown_html
from tui.paths import bundled_content_dir


def bank_ids() -> list[str]:
    """Every question id of the bundled bank."""
    return [question.id for question in load_bank([bundled_content_dir()]).bank.questions]


def read_collection(apkg: Path, folder: Path) -> sqlite3.Connection:
    """The SQLite collection inside an .apkg, opened read-only."""
    with zipfile.ZipFile(apkg) as package:
        name = next(n for n in package.namelist() if n.startswith("collection.anki2"))
        target = folder / name
        target.write_bytes(package.read(name))
    return sqlite3.connect(f"file:{target}?mode=ro", uri=True)


def test_apkg_has_one_note_per_question_with_stable_guids(tmp_path: Path) -> None:
    first, second = tmp_path / "one.apkg", tmp_path / "two.apkg"
    result = run("export", "anki", str(first))
    assert result.returncode == 0, result.stderr
    assert run("export", "anki", str(second)).returncode == 0
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one, two = read_collection(first, tmp_path / "a"), read_collection(second, tmp_path / "b")
    ids = bank_ids()
    rows = one.execute("SELECT guid, mid, flds, tags FROM notes").fetchall()
    assert len(rows) == len(ids)
    by_id = {flds.split("\x1f")[0]: (guid, mid, flds, tags) for guid, mid, flds, tags in rows}
    assert sorted(by_id) == sorted(ids)
    for question_id, (guid, mid, _, tags) in by_id.items():
        assert guid == genanki.guid_for(question_id)
        assert mid == MODEL_ID
        assert f"genai-tui::topic::{question_id.split('/')[0]}" in tags
    assert sorted(one.execute("SELECT guid FROM notes")) == sorted(
        two.execute("SELECT guid FROM notes")
    )
    fields = [flds for _, _, flds, _ in rows]
    assert all("$$" not in flds for flds in fields)
    assert any("\\(" in flds and "\\)" in flds for flds in fields)
    assert any("\\[" in flds and "\\]" in flds for flds in fields)
    decks = json.loads(one.execute("SELECT decks FROM col").fetchone()[0])
    names = {deck["name"] for deck in decks.values()}
    assert "GenAI interview::Retrieval-Augmented Generation" in names or any(
        name.startswith("GenAI interview::") for name in names
    )
    models = json.loads(one.execute("SELECT models FROM col").fetchone()[0])
    model = models[str(MODEL_ID)]
    assert [field["name"] for field in model["flds"]] == [
        "ID",
        "Question",
        "Answer",
        "Key points",
        "Follow-ups",
        "Pitfalls",
        "References",
        "Topic",
        "Difficulty",
    ]
    assert "{{Question}}" in model["tmpls"][0]["qfmt"]
    assert "{{Answer}}" in model["tmpls"][0]["afmt"]
    assert "{{Key points}}" in model["tmpls"][0]["afmt"]


def test_apkg_topic_subset_goes_into_the_topic_sub_deck(tmp_path: Path) -> None:
    target = tmp_path / "rag.apkg"
    assert run("export", "anki", str(target), "--topic", "rag").returncode == 0
    collection = read_collection(target, tmp_path)
    ids = [i for i in bank_ids() if i.startswith("rag/")]
    assert collection.execute("SELECT count(*) FROM notes").fetchone()[0] == len(ids)
    decks = json.loads(collection.execute("SELECT decks FROM col").fetchone()[0])
    deck_ids = {
        int(key) for key, deck in decks.items() if deck["name"].startswith("GenAI interview::")
    }
    card_decks = {row[0] for row in collection.execute("SELECT DISTINCT did FROM cards")}
    assert card_decks <= deck_ids and len(card_decks) == 1


def test_unknown_topic_is_a_one_line_error(tmp_path: Path) -> None:
    result = run("export", "anki", str(tmp_path / "x.apkg"), "--topic", "nosuch")
    assert result.returncode == 1
    assert result.stderr.strip() == "genai-tui: error: no topic 'nosuch' in the bank"
    assert not (tmp_path / "x.apkg").exists()


def test_tsv_reads_back_with_anki_headers_and_one_row_per_question(tmp_path: Path) -> None:
    target = tmp_path / "deck.txt"
    result = run("export", "tsv", str(target))
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    headers = [line for line in text.splitlines() if line.startswith("#")][:7]
    assert headers[:4] == [
        "#separator:Tab",
        "#html:true",
        "#notetype:genai-tui",
        "#deck:GenAI interview",
    ]
    assert headers[4].startswith("#columns:ID\tQuestion\tAnswer\tKey points")
    assert headers[5] == "#tags column:10"
    body = text.split("\n", 7)[7]
    rows = list(csv.reader(body.splitlines(keepends=True), delimiter="\t", quotechar='"'))
    assert [row[0] for row in rows] == bank_ids()
    assert all(len(row) == 11 for row in rows)
    assert all(row[10] == genanki.guid_for(row[0]) for row in rows)
    # Fenced code keeps its new lines inside one quoted field.
    assert any("<pre><code" in row[2] and "\n" in row[2] for row in rows)
    assert all("$$" not in field for row in rows for field in row[:10])  # GUIDs may hold $


def test_markdown_escapes_every_text_character_and_marks_math() -> None:
    html = markdown_html(
        'If p < 1 & "q" > 0, then $a<b$.\n\n$$x^2 < y$$\n\n- **bold** `<tag>`\n\n'
        "```python\nif a < b:\n    pass\n```"
    )
    assert 'p &lt; 1 &amp; "q" &gt; 0' in html
    assert "\\(a&lt;b\\)" in html
    assert "\\[x^2 &lt; y\\]" in html
    assert "<ul><li><b>bold</b> <code>&lt;tag&gt;</code></li></ul>" in html
    assert '<pre><code class="language-python">if a &lt; b:\n    pass</code></pre>' in html
    assert "$" not in html
