"""The command line follows the app's rules: ASCII from the user's locale, honest failures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

LOCALE_VARIABLES = ("LC_ALL", "LC_CTYPE", "LANG")


def run_with_locale(*args: str, **locale: str) -> subprocess.CompletedProcess[str]:
    """Run `genai-tui ARGS` with exactly the given locale variables set."""
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env={**env, **locale},
        timeout=60,
    )


@pytest.mark.parametrize("locale", [{"LC_ALL": "C"}, {"LANG": "C"}, {"LANG": "POSIX"}])
def test_formula_is_ascii_under_a_c_locale(locale: dict[str, str]) -> None:
    result = run_with_locale("formula", "--inline", "\\sqrt{d_k}", **locale)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "sqrt(d_k)"
    shown = run_with_locale("formula", "\\frac{a}{\\sqrt{d_k}}", **locale).stdout
    assert shown.strip() and shown.isascii(), shown


def test_formula_keeps_unicode_under_a_utf8_locale() -> None:
    result = run_with_locale("formula", "--inline", "\\sqrt{d_k}", LANG="C.UTF-8")
    assert result.stdout.strip() == "√dₖ"


@pytest.mark.parametrize("latex", ["\\frac{a}{", "x^", "\\left( x", "a}"])
def test_malformed_formula_exits_1_with_one_line(latex: str) -> None:
    result = run_with_locale("formula", latex, LANG="C.UTF-8")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("genai-tui: error: cannot read the formula"), (
        result.stderr
    )


def test_unknown_command_renders_with_a_warning() -> None:
    result = run_with_locale("formula", "--inline", "\\foo{x}", LANG="C.UTF-8")
    assert result.returncode == 0
    assert result.stdout.strip() == "foo x"
    assert "warning: unknown command \\foo" in result.stderr


def stats(tmp_path: Path, fixture_bank_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`genai-tui stats` over the fixture bank with one Good rating recorded today."""
    db = tmp_path / "p.db"
    if not db.exists():
        from fsrs import Rating

        from tui.store.progress import Progress

        progress = Progress.open(db)
        progress.rate("attention/compute", Rating.Good)
        progress.close()
    return run_with_locale(
        "stats", "--db", str(db), "--content", str(fixture_bank_dir), *args, LANG="C.UTF-8"
    )


@pytest.mark.parametrize(("days", "passed"), [(0, False), (-3, True)])
def test_interview_today_or_past_is_said_not_planned(
    tmp_path: Path, fixture_bank_dir: Path, days: int, passed: bool
) -> None:
    day = (date.today() + timedelta(days=days)).isoformat()
    text = stats(tmp_path, fixture_bank_dir, "--interview", day).stdout
    assert "reviews a day" not in text, text
    assert ("has passed" in text) is passed and ("today" in text) is not passed, text
    report = json.loads(stats(tmp_path, fixture_bank_dir, "--json").stdout)
    assert report["interview"] == {"date": day, "days_left": days, "passed": passed}
    assert "reviews_needed_per_day" not in report and "readiness" not in report


def test_future_interview_still_plans(tmp_path: Path, fixture_bank_dir: Path) -> None:
    report = json.loads(
        stats(tmp_path, fixture_bank_dir, "--json", "--interview", "2099-01-01").stdout
    )
    assert report["interview"]["passed"] is False and report["interview"]["days_left"] > 0
    assert report["readiness"] and report["reviews_needed_per_day"] >= 0


def test_stats_text_uses_singulars(tmp_path: Path, fixture_bank_dir: Path) -> None:
    text = stats(tmp_path, fixture_bank_dir).stdout
    assert "1 rating in total" in text and "streak 1 day" in text, text
    assert "1 ratings" not in text and "1 days" not in text


def test_validate_a_missing_folder_names_it_without_a_line(tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent"
    result = run_with_locale("validate", str(missing), LANG="C.UTF-8")
    assert result.returncode == 1
    assert f"{missing}: no such folder" in result.stdout.splitlines(), result.stdout
    assert f"{missing}:1:" not in result.stdout
