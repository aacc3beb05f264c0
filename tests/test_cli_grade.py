"""`genai-tui grade` as a real process: the JSON contract, text output, batch mode and errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

QUESTION = "decoding/temperature"
GOOD = (
    "Temperature divides every logit by T before the softmax is applied. "
    "A small T makes the distribution sharper and pushes it toward greedy decoding, "
    "while a large T flattens it toward uniform."
)
WRONG = "Temperature above 1 sharpens the distribution, so the model picks the top token more."


def run(
    *args: str, stdin: bytes | None = None, lang: str = "C.UTF-8"
) -> subprocess.CompletedProcess[bytes]:
    """Run `genai-tui ARGS` with this interpreter in the given locale, bytes in and out."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("LC_")}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        input=stdin,
        env={**env, "LANG": lang},
        timeout=120,
    )


def objects(output: bytes) -> list[dict[str, Any]]:
    """One JSON object per non-blank line of output."""
    return [json.loads(line) for line in output.decode().splitlines() if line.strip()]


def test_json_follows_the_contract_and_evidence_is_verbatim() -> None:
    result = run("grade", QUESTION, "-", "--json", stdin=GOOD.encode())
    assert result.returncode == 0, result.stderr
    [document] = objects(result.stdout)
    assert set(document) == {"question_id", "grader", "covered", "total", "suggested", "key_points"}
    assert document["question_id"] == QUESTION and document["grader"] == "offline"
    assert document["suggested"] in {"again", "hard", "good", "easy"}
    points = document["key_points"]
    assert [point["index"] for point in points] == list(range(1, document["total"] + 1))
    assert document["covered"] == sum(point["covered"] for point in points)
    assert points[0]["covered"] and points[1]["covered"]
    for point in points:
        assert set(point) == {"index", "text", "covered", "score", "evidence"}
        assert 0.0 <= point["score"] <= 1.0
        assert point["evidence"] is None or point["evidence"] in GOOD
        if point["covered"]:
            assert point["evidence"]


def test_answer_from_a_file_and_stdin_without_dash_agree(tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(GOOD, encoding="utf-8")
    from_file = run("grade", QUESTION, str(answer), "--json")
    from_stdin = run("grade", QUESTION, "--json", stdin=GOOD.encode())
    assert from_file.returncode == from_stdin.returncode == 0
    assert objects(from_file.stdout) == objects(from_stdin.stdout)


def test_a_misconception_is_not_ticked() -> None:
    [document] = objects(run("grade", QUESTION, "--json", stdin=WRONG.encode()).stdout)
    assert not document["key_points"][1]["covered"]
    assert document["suggested"] == "again"


def test_text_output_names_the_points_and_the_suggestion() -> None:
    result = run("grade", QUESTION, stdin=GOOD.encode())
    assert result.returncode == 0
    out = result.stdout.decode()
    assert f"{QUESTION}:" in out and "suggested rating:" in out and "offline grader" in out
    assert "[x] 1." in out and "Temperature divides every logit" in out


def test_text_output_renders_formulas_in_key_points() -> None:
    answer = b"A discriminative model learns p of y given x."
    result = run("grade", "generative-vs-discriminative/difference", "-", stdin=answer)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    assert "p(y \u2223 x)" in text
    assert "$" not in text and "\\mid" not in text
    ascii = run("grade", "generative-vs-discriminative/difference", "-", stdin=answer, lang="C")
    assert "p(y | x)" in ascii.stdout.decode() and ascii.stdout.isascii()


def test_text_output_is_sanitised() -> None:
    result = run("grade", QUESTION, stdin=(GOOD + " \x1b]0;owned\x07 end.").encode())
    assert result.returncode == 0
    assert b"\x1b" not in result.stdout


def test_unknown_id_is_one_line_and_exit_1() -> None:
    result = run("grade", "no-such/question", stdin=GOOD.encode())
    assert result.returncode == 1 and result.stdout == b""
    assert (
        result.stderr.decode().count("\n") == 1 and "unknown question id" in result.stderr.decode()
    )


def test_empty_answer_is_one_line_and_exit_1() -> None:
    result = run("grade", QUESTION, "-", stdin=b"  \n\t ")
    assert result.returncode == 1
    assert result.stderr.decode().count("\n") == 1 and "empty answer" in result.stderr.decode()


def test_non_utf8_file_is_one_line_naming_the_file_and_exit_1(tmp_path: Path) -> None:
    answer = tmp_path / "latin1.txt"
    answer.write_bytes("caf\u00e9 temperature".encode("latin-1"))
    result = run("grade", QUESTION, str(answer))
    message = result.stderr.decode()
    assert result.returncode == 1 and message.count("\n") == 1
    assert "latin1.txt" in message and "not UTF-8" in message and "Traceback" not in message


def test_missing_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = run("grade", QUESTION, str(tmp_path / "absent.txt"))
    assert result.returncode == 1 and result.stderr.decode().count("\n") == 1


def test_batch_grades_good_lines_and_reports_bad_ones_by_number(tmp_path: Path) -> None:
    batch = tmp_path / "answers.jsonl"
    lines = [
        json.dumps({"id": QUESTION, "answer": GOOD}).encode(),
        b"{not json",
        json.dumps({"id": "no-such/question", "answer": GOOD}).encode(),
        b"",
        json.dumps({"id": QUESTION, "answer": "   "}).encode(),
        b'{"id": "decoding/temperature", "answer": "\xff"}',
        json.dumps({"id": QUESTION}).encode(),
        json.dumps({"id": QUESTION, "answer": WRONG}).encode(),
    ]
    batch.write_bytes(b"\n".join(lines) + b"\n")
    result = run("grade", "--batch", str(batch), "--json")
    assert result.returncode == 1
    graded = objects(result.stdout)
    assert [document["question_id"] for document in graded] == [QUESTION, QUESTION]
    assert graded[0]["covered"] > graded[1]["covered"]
    errors = result.stderr.decode().splitlines()
    assert [line.split(f"{batch}:")[1].split(":")[0] for line in errors] == [
        "2",
        "3",
        "5",
        "6",
        "7",
    ]
    assert all(str(batch) in line for line in errors)


def test_batch_of_good_lines_exits_0_with_text_output(tmp_path: Path) -> None:
    batch = tmp_path / "answers.jsonl"
    batch.write_text(json.dumps({"id": QUESTION, "answer": GOOD}) + "\n", encoding="utf-8")
    result = run("grade", "--batch", str(batch))
    assert result.returncode == 0 and "suggested rating:" in result.stdout.decode()


def test_question_id_and_batch_together_is_a_usage_error(tmp_path: Path) -> None:
    result = run("grade", QUESTION, "--batch", str(tmp_path / "x.jsonl"))
    assert result.returncode == 2 and b"either QUESTION_ID" in result.stderr
