"""The command line follows the app's rules: ASCII from the user's locale, honest failures."""

from __future__ import annotations

import os
import subprocess
import sys

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
