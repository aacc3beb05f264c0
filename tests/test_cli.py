"""The command line, run as a real process: sub-commands, options in either position, errors."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tui import __version__


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `genai-tui ARGS` with this interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        input=stdin,
        timeout=60,
    )


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"genai-tui {__version__}"
    out = run("--help").stdout
    for word in ("--db", "--content", "validate", "stats", "content", "formula"):
        assert word in out


def test_validate_bundled_bank() -> None:
    result = run("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("OK: ")


def test_validate_reports_file_and_line_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: x\nsection: y\nsummary: z\nquestions: []\ncolour: red\n")
    result = run("validate", str(tmp_path))
    assert result.returncode == 1
    assert f"{bad}:6: unknown field 'colour'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_stats_json_in_either_position(tmp_path: Path, fixture_bank_dir: Path) -> None:
    db = tmp_path / "p.db"
    from fsrs import Rating, Scheduler

    from tui.store.progress import Progress

    progress = Progress.open(db, Scheduler(enable_fuzzing=False))
    progress.rate("attention/compute", Rating.Good)
    progress.close()
    after = run("stats", "--json", "--db", str(db), "--content", str(fixture_bank_dir))
    before = run("--db", str(db), "--content", str(fixture_bank_dir), "stats", "--json")
    assert after.returncode == before.returncode == 0, after.stderr + before.stderr
    report = json.loads(after.stdout)
    assert report["reviews"] == 1
    topics = {topic["id"]: topic for topic in report["topics"]}
    attention = topics["attention"]
    assert set(attention) >= {"id", "title", "questions", "reviewed", "due", "mastery"}
    assert attention["questions"] == 2 and attention["reviewed"] == 1
    assert 0.4 < attention["mastery"] <= 0.5
    assert all(0.0 <= topic["mastery"] <= 1.0 for topic in report["topics"])
    assert json.loads(before.stdout)["topics"] == report["topics"]


def test_stats_uses_genai_tui_db_variable(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = run("stats", env={"GENAI_TUI_DB": str(db)})
    assert result.returncode == 0
    assert "0 ratings in total" in result.stdout


def test_content_json_lists_every_question_with_all_fields(fixture_bank_dir: Path) -> None:
    result = run("content", "--json", "--content", str(fixture_bank_dir))
    document = json.loads(result.stdout)
    ids = [question["id"] for question in document["questions"]]
    assert "attention/compute" in ids and "retrieval/rrf" in ids
    question = document["questions"][ids.index("retrieval/rrf")]
    assert set(question) == {
        "id",
        "difficulty",
        "question",
        "answer",
        "key_points",
        "follow_ups",
        "pitfalls",
        "references",
        "tags",
    }
    assert {"attention", "retrieval"} <= {topic["id"] for topic in document["topics"]}


@pytest.mark.parametrize("args", [["--bogus"], ["stats", "--nope"], ["formula"], ["nosuch"]])
def test_wrong_arguments_print_usage_and_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr


def test_not_sqlite_database_gets_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    db.write_text("hello")
    result = run("stats", "--db", str(db))
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == f"genai-tui: error: {db}: not an SQLite database; refusing to touch it"
    )


def test_newer_database_gets_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    result = run("stats", "--db", str(db))
    assert result.returncode == 1
    assert "newer than this genai-tui knows" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_dashboard_refuses_a_pipe_with_exit_2(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "p.db"), stdin="")
    assert result.returncode == 2
    assert "needs an interactive terminal" in result.stderr
    assert not (tmp_path / "p.db").exists()


def test_validate_warns_about_unknown_macros_but_passes(tmp_path: Path) -> None:
    source = (Path(__file__).parent / "fixtures" / "bank" / "attention.yaml").read_text()
    pack = tmp_path / "pack"
    pack.mkdir()
    text = source.replace("id: attention", "id: macros").replace("attention/", "macros/")
    (pack / "macros.yaml").write_text(text.replace("\\mathrm{Attention}", "\\foo{Attention}"))
    result = run("validate", str(pack))
    assert result.returncode == 0, result.stdout
    assert "warning: question 'macros/compute' answer: unknown macro \\foo (shown as 'foo')" in (
        result.stdout
    )
    assert result.stdout.strip().splitlines()[-1].startswith("OK: ")


def test_formula_preview_in_two_dimensions_inline_and_ascii() -> None:
    shown = run("formula", "\\frac{a+b}{c}", "--width", "20").stdout.splitlines()
    assert shown == [" a + b", "───────", "   c"]
    assert run("formula", "--inline", "\\frac{a+b}{c+d}").stdout.strip() == "(a + b)/(c + d)"
    assert run("formula", "--ascii", "--inline", "\\sqrt{x}\\le\\alpha").stdout.strip() == (
        "sqrt(x) <= alpha"
    )
    assert run("formula", "x", "--width", "0").returncode == 2


def test_stats_reports_progress_for_questions_no_longer_in_the_bank(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    from fsrs import Rating, Scheduler

    from tui.store.progress import Progress

    db = tmp_path / "p.db"
    progress = Progress.open(db, Scheduler(enable_fuzzing=False))
    progress.rate("removed-topic/old-question", Rating.Good)
    progress.rate("attention/compute", Rating.Good)
    progress.close()
    report = json.loads(
        run("stats", "--json", "--db", str(db), "--content", str(fixture_bank_dir)).stdout
    )
    assert report["orphaned_progress"] == ["removed-topic/old-question"]
    assert report["reviews"] == 2
    text = run("stats", "--db", str(db), "--content", str(fixture_bank_dir)).stdout
    assert "Progress kept for 1 questions no longer in the bank" in text
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM cards").fetchone()[0] == 2
    conn.close()


def test_truncated_database_via_the_command_line(tmp_path: Path) -> None:
    from fsrs import Rating

    from tui.store.progress import Progress

    full = tmp_path / "full.db"
    progress = Progress.open(full)
    for index in range(300):
        progress.rate(f"t/q{index}", Rating.Good)
    progress.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    progress.close()
    broken = tmp_path / "broken.db"
    broken.write_bytes(full.read_bytes()[:40000])
    result = run("stats", "--db", str(broken))
    assert result.returncode == 1
    assert result.stderr.startswith(f"genai-tui: error: {broken}: not a usable SQLite database")


def test_interview_date_adds_readiness_to_stats_json(
    tmp_path: Path, fixture_bank_dir: Path
) -> None:
    db = tmp_path / "p.db"
    args = ["--db", str(db), "--content", str(fixture_bank_dir)]
    from fsrs import Rating

    from tui.store.progress import Progress

    progress = Progress.open(db)
    progress.rate("attention/compute", Rating.Good)
    progress.close()
    plain = json.loads(run("stats", "--json", *args).stdout)
    assert "readiness" not in plain
    assert len(plain["due_forecast"]) == 30 and all(
        isinstance(n, int) for n in plain["due_forecast"]
    )
    assert plain["streak"] == 1 and plain["retention"] is None
    report = json.loads(run("--interview", "2099-01-01", "stats", "--json", *args).stdout)
    assert report["interview_date"] == "2099-01-01"
    ready = {row["id"]: row for row in report["readiness"]}
    assert set(ready) >= {"attention", "retrieval"}
    assert 0.0 <= ready["attention"]["recall"] < 0.5 and ready["retrieval"]["recall"] == 0.0
    assert ready["retrieval"]["reviews_needed"] >= 2
    again = json.loads(run("stats", "--json", *args).stdout)
    assert again["interview_date"] == "2099-01-01", "the date is kept in the config"
    cleared = json.loads(run("stats", "--json", "--interview", "none", *args).stdout)
    assert "readiness" not in cleared
