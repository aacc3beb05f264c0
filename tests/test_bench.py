"""The bench scripts run on tiny inputs and print their figures (no timing is asserted)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tui.store.progress import Progress

BENCH = Path(__file__).resolve().parents[1] / "bench"
GENAI = Path(sys.executable).parent / "genai-tui"

pytestmark = pytest.mark.skipif(
    not GENAI.exists(), reason="genai-tui is not installed next to this Python"
)


def run_script(name: str, *args: str, timeout: float = 120) -> str:
    """Run bench/NAME.py with this interpreter; return its output, which the test prints."""
    result = subprocess.run(
        [sys.executable, str(BENCH / name), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=BENCH.parent,
    )
    print(result.stdout)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_make_synthetic_writes_a_valid_pack_and_database(tmp_path: Path) -> None:
    out = run_script("make_synthetic.py", "30", "100", "--out", str(tmp_path), "--per-topic", "10")
    assert "synthetic pack" in out
    content = tmp_path / "content"
    assert len(list(content.glob("*.yaml"))) == 3
    validate = subprocess.run(
        [str(GENAI), "validate", str(content)], capture_output=True, text=True, timeout=60
    )
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert "warning" not in validate.stdout
    progress = Progress.open(tmp_path / "progress.db")
    try:
        assert progress.review_count() == 100
    finally:
        progress.close()
    conn = sqlite3.connect(tmp_path / "progress.db")
    try:
        assert 0 < conn.execute("SELECT count(*) FROM cards").fetchone()[0] <= 30
    finally:
        conn.close()


def test_keys_runs_through_the_pilot() -> None:
    out = run_script("keys.py", "--quick")
    assert "keypress to repainted detail pane" in out
    assert "question list" in out


def test_writes_reports_ratings_stats_and_query_plans() -> None:
    out = run_script("writes.py", "--quick")
    assert "Progress.rate" in out
    assert "stats beyond the floor" in out
    assert "EXPLAIN QUERY PLAN" in out


@pytest.mark.slow
def test_startup_compares_with_the_bare_app_on_a_pty() -> None:
    out = run_script("startup.py", "--quick", "--runs", "1")
    assert "median ratio" in out
    assert "importtime" in out


@pytest.mark.slow
def test_scale_reports_time_and_memory_on_a_pty() -> None:
    out = run_script("scale.py", "--quick")
    assert "peak RSS ratio" in out


@pytest.mark.slow
def test_wire_counts_bytes_per_key_on_a_pty() -> None:
    out = run_script("wire.py", "--quick", "--quiet-ms", "200")
    assert "Space (reveal)" in out
    assert "typing in the answer box" in out


def test_grading_prints_both_halves_and_the_load_cost() -> None:
    """The grading bench reports each half with as many answers as the labeled set holds."""
    lines = (BENCH / "grading" / "answers.jsonl").read_text(encoding="utf-8").splitlines()
    per_split = Counter(json.loads(line)["split"] for line in lines if line.strip())
    out = run_script("grading.py", "--quick")
    for split in ("heldout", "tune"):
        assert per_split[split] > 0
        assert f"{split} half: {per_split[split]} answers" in out
    assert "offline grader without cues" in out and "RSS growth MB" in out
    fresh = (BENCH / "grading" / "fresh.jsonl").read_text(encoding="utf-8").splitlines()
    assert f"fresh set (chose two grader rules; no cue fitted to it): {len(fresh)} answers" in out


def test_cue_review_prints_the_review_set_and_the_tuning_half_but_never_held_out() -> None:
    """cue_review.py grades every cue-review answer, and with --tune the tuning half only."""
    review = sum(
        len(path.read_text(encoding="utf-8").splitlines())
        for path in (BENCH / "cue-review").glob("*.jsonl")
    )
    out = run_script("cue_review.py", "--tune")
    assert f"cue review: {review} answers in 24 files" in out
    assert "tuning half: 111 answers" in out and "heldout" not in out


@pytest.mark.slow
def test_serve_drives_ssh_sessions_and_counts_ratings_and_leftovers() -> None:
    import re

    out = run_script("serve.py", "--quick", timeout=300)
    assert re.search(r"ratings found / made +3/3\n", out)
    assert re.search(r"dashboards reached +3/3\n", out)
    assert len(re.findall(r"leftover processes +0\n", out)) == 2
