"""`genai-tui show`: a question laid out as in the app, on stdout, fit for pipes and pagers."""

from __future__ import annotations

from pathlib import Path

from code_pack import LONG_LINE, code_pack
from rich.cells import cell_len
from test_cli import run

ATTENTION = "self-attention/explain-self-attention"
UTF8 = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}


def test_piped_output_is_plain_text_with_2d_formulas() -> None:
    result = run("show", ATTENTION, "--answer", env={**UTF8, "FORCE_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b" not in out, "no ANSI codes when stdout is not a terminal"
    assert out.splitlines()[0].startswith("Transformer architecture and self-attention · junior")
    assert "Explain the self-attention mechanism in Transformers." in out
    for heading in ("Answer", "Key points", "Follow-up questions", "Pitfalls", "References"):
        assert f"\n{heading}\n" in out
    assert "\\frac" not in out and "$$" not in out
    bar = next(line for line in out.splitlines() if "softmax" in line)
    assert "─" in bar, "the fraction is laid out in two dimensions"
    assert all(cell_len(line) <= 80 for line in out.splitlines()), "80 columns in a pipe"
    assert all(line == line.rstrip() for line in out.splitlines())


def test_without_answer_only_the_question_is_printed() -> None:
    result = run("show", ATTENTION, env=UTF8)
    assert result.returncode == 0
    assert "Explain the self-attention mechanism" in result.stdout
    assert "Answer" not in result.stdout and "Key points" not in result.stdout


def test_code_and_diagram_at_a_given_width(tmp_path: Path) -> None:
    pack = code_pack(tmp_path / "pack")
    result = run("show", "code/q", "--answer", "--width", "50", "--content", str(pack), env=UTF8)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= 50 for line in lines)
    assert "  def attend(q, k):  # $not math$ **not bold**" in lines
    assert "Code first: x is math out here." in lines
    clipped = next(line for line in lines if "softmax_with" in line)
    assert cell_len(clipped) == 50 and clipped.endswith("…")
    assert ("  " + LONG_LINE).startswith(clipped[:-1])
    assert "  │ client │────▶│ LLM │" in lines


def test_ascii_flag_and_c_locale_give_ascii_diagrams(tmp_path: Path) -> None:
    pack = code_pack(tmp_path / "pack")
    args = ("show", "code/q", "--answer", "--width", "50", "--content", str(pack))
    for env, extra in ((UTF8, ("--ascii",)), ({"LC_ALL": "C", "LANG": "C"}, ())):
        result = run(*args, *extra, env=env)
        assert result.returncode == 0, result.stderr
        out = result.stdout
        assert out.isascii(), [line for line in out.splitlines() if not line.isascii()]
        assert "  | client |---->| LLM |" in out.splitlines()
        assert next(line for line in out.splitlines() if "softmax_with" in line).endswith(">")
    unicode = run(*args, env=UTF8).stdout
    assert "│ client │" in unicode


def test_unknown_id_exits_1_with_one_line() -> None:
    result = run("show", "self-attention/complexit")
    assert result.returncode == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("genai-tui: error: no question 'self-attention/complexit'")
    assert "self-attention/complexity" in line, "the nearest id is suggested"


def test_show_is_listed_and_its_width_checked() -> None:
    assert "show" in run("--help").stdout
    result = run("show", ATTENTION, "--width", "0")
    assert result.returncode == 2 and "must be at least 1" in result.stderr
