"""The content loader: good files load, bad files are reported with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.bank import load_bank
from tui.core.models import Difficulty

GOOD = """\
id: demo
title: Demo topic
section: Tests
summary: A topic for loader tests.
questions:
  - id: demo/first
    difficulty: junior
    question: What is $x$?
    answer: |
      It is a variable,

      $$x = \\frac{a}{b}$$
    key_points: [a variable]
    follow_ups: [why?]
    pitfalls: [none]
    references: [Nobody (2020)]
    tags: [demo]
"""


def write(folder: Path, name: str, text: str) -> Path:
    """Write a topic file and return its path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file_loads_with_all_fields(tmp_path: Path) -> None:
    write(tmp_path, "demo.yaml", GOOD)
    result = load_bank([tmp_path])
    assert result.problems == ()
    question = result.bank.question("demo/first")
    assert question is not None
    assert question.difficulty is Difficulty.JUNIOR
    assert question.key_points == ("a variable",)
    assert question.topic_id == "demo"
    assert result.bank.question_count == 1


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (
            ("    tags: [demo]\n", "    tags: [demo]\n    colour: red\n"),
            18,
            "unknown field 'colour'",
        ),
        (("    difficulty: junior\n", "    difficulty: expert\n"), 7, "difficulty"),
        (
            (
                "    answer: |\n      It is a variable,\n\n      $$x = \\frac{a}{b}$$\n",
                "    answer: '   '\n",
            ),
            9,
            "empty answer",
        ),
        (("      $$x = \\frac{a}{b}$$\n", "      $$x = \\frac{a}{b}\n"), 12, "unbalanced '$$'"),
        (("      $$x = \\frac{a}{b}$$\n", "      $$x = \\frac{a}{b$$\n"), 12, "unbalanced braces"),
        (("  - id: demo/first\n", "  - id: other/first\n"), 6, "must start with 'demo/'"),
        (("  - id: demo/first\n", "  - id: Demo First\n"), 6, "bad id"),
        (("    question: What is $x$?\n", ""), 6, "missing field 'question'"),
        (
            (
                "    key_points: [a variable]\n",
                "    key_points: [a variable]\n    key_points: [b]\n",
            ),
            14,
            "duplicate key 'key_points'",
        ),
    ],
)
def test_bad_file_reports_file_line_and_reason(
    tmp_path: Path, change: tuple[str, str], line: int, message: str
) -> None:
    old, new = change
    assert old in GOOD
    path = write(tmp_path, "demo.yaml", GOOD.replace(old, new))
    result = load_bank([tmp_path])
    assert result.bank.question_count == 0, "a bad file is skipped"
    assert result.errors, "a bad file is reported"
    first = result.errors[0]
    assert first.path == path
    assert message in first.message
    assert first.line == line
    assert str(first).startswith(f"{path}:{line}: ")


def test_duplicate_question_id_across_files_is_reported_and_second_file_skipped(
    tmp_path: Path,
) -> None:
    write(tmp_path, "demo.yaml", GOOD)
    other = GOOD.replace("id: demo\n", "id: zdemo\n").replace(
        "  - id: demo/first", "  - id: zdemo/x"
    )
    write(tmp_path, "zdemo.yaml", other)
    clash = other.replace("  - id: zdemo/x", "  - id: demo/first")
    write(tmp_path / "..", "unused.txt", "")
    sub = tmp_path / "more"
    sub.mkdir()
    write(sub, "zdemo.yaml", clash)
    result = load_bank([tmp_path, sub])
    messages = [problem.message for problem in result.errors]
    assert any("duplicate topic id 'zdemo'" in message for message in messages)
    assert any("duplicate question id 'demo/first'" in message for message in messages)
    assert [topic.id for topic in result.bank.topics] == ["demo", "zdemo"]


def test_invalid_yaml_reports_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "demo.yaml", GOOD.replace("    tags: [demo]", "    tags: [demo"))
    (problem,) = load_bank([tmp_path]).errors
    assert problem.path == path
    assert "invalid YAML" in problem.message
    assert problem.line >= 17


def test_topic_id_must_match_file_name(tmp_path: Path) -> None:
    write(tmp_path, "other.yaml", GOOD)
    (problem,) = load_bank([tmp_path]).errors
    assert "does not match the file name 'other.yaml'" in problem.message
    assert problem.line == 1


def test_non_utf8_binary_and_missing_directory_are_reported(tmp_path: Path) -> None:
    (tmp_path / "latin.yaml").write_bytes(GOOD.encode("utf-8") + b"# caf\xe9\n")
    (tmp_path / "blob.yaml").write_bytes(b"\x00\x01\x02")
    result = load_bank([tmp_path, tmp_path / "missing"])
    messages = sorted(problem.message for problem in result.errors)
    assert any("not UTF-8" in message for message in messages)
    assert any("binary file" in message for message in messages)
    assert any("cannot read content directory" in message for message in messages)


def test_escaped_dollar_is_not_math(tmp_path: Path) -> None:
    write(tmp_path, "demo.yaml", GOOD.replace("What is $x$?", "Is it worth \\\\$5?"))
    result = load_bank([tmp_path])
    assert result.problems == ()


FENCED = GOOD.replace(
    "      $$x = \\frac{a}{b}$$\n",
    "      $$x = \\frac{a}{b}$$\n\n      ```bash\n      echo $HOME\n      ```\n",
)


def test_fenced_answer_with_a_dollar_inside_loads(tmp_path: Path) -> None:
    assert "```bash" in FENCED
    write(tmp_path, "demo.yaml", FENCED)
    result = load_bank([tmp_path])
    assert result.problems == ()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("      ```\n", "      done\n", "unclosed code fence"),
        ("```bash\n", "```rust\n", "unknown code fence language 'rust'"),
    ],
)
def test_bad_fence_is_reported_at_the_opening_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    text = FENCED.replace(old, new)
    assert text != FENCED
    path = write(tmp_path, "demo.yaml", text)
    (problem,) = load_bank([tmp_path]).errors
    opener = text.splitlines().index("      ```" + ("rust" if "rust" in new else "bash")) + 1
    assert problem.line == opener == 14
    assert str(problem).startswith(f"{path}:14: question 'demo/first' answer: {message}")


def test_fence_outside_the_answer_is_reported(tmp_path: Path) -> None:
    text = GOOD.replace("key_points: [a variable]", 'key_points: ["```text"]')
    write(tmp_path, "demo.yaml", text)
    (problem,) = load_bank([tmp_path]).errors
    assert problem.line == text.splitlines().index('    key_points: ["```text"]') + 1 == 13
    assert "key_points: code fences are allowed only in the answer" in problem.message
