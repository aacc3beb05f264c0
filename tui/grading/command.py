"""The `genai-tui grade` command: read answers, grade them offline, print JSON or text."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tui.core.bank import Bank
from tui.core.grading.report import to_json, to_text
from tui.core.grading.result import GradeResult
from tui.grading.service import AnswerGrading, configured_grading
from tui.paths import config_path
from tui.terminal import ascii_only

EXIT_OK, EXIT_FAILURE = 0, 1


class GradeInputError(Exception):
    """An answer or a batch that cannot be graded; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class BatchLine:
    """One line of a batch file: its number and either a request or the reason it is bad."""

    number: int
    question_id: str = ""
    answer: str = ""
    problem: str | None = None


def run_grade(args: argparse.Namespace, bank: Bank) -> int:
    """Grade one answer (from a file or stdin) or a whole batch file; print the results.

    The LLM judge grades when one is configured; otherwise (or when it fails) the offline grader.
    """
    grader = configured_grading(config_path(), os.environ)
    try:
        if args.batch is not None:
            return _run_batch(args.batch, bank, grader, as_json=args.json)
        if bank.question(args.question_id) is None:
            raise GradeInputError(f"unknown question id: {args.question_id!r}")
        result = grade_one(bank, grader, args.question_id, read_answer(args.file))
    except GradeInputError as error:
        _fail(str(error))
        return EXIT_FAILURE
    _print(result, as_json=args.json)
    return EXIT_OK


def grade_one(bank: Bank, grader: AnswerGrading, question_id: str, answer: str) -> GradeResult:
    """Grade one answer, refusing an unknown question or an empty answer."""
    question = bank.question(question_id)
    if question is None:
        raise GradeInputError(f"unknown question id: {question_id!r}")
    if not answer.strip():
        raise GradeInputError(f"empty answer for {question_id}")
    return grader.grade(question, answer)


def read_answer(source: str | None) -> str:
    """The answer text from a file, or from stdin for '-' or no file; UTF-8 only."""
    name = "stdin" if source in (None, "-") else str(source)
    try:
        raw = sys.stdin.buffer.read() if name == "stdin" else Path(name).read_bytes()
    except OSError as error:
        raise GradeInputError(f"{name}: cannot read: {error.strerror or error}") from None
    return _decode(raw, name)


def batch_lines(path: Path) -> Iterator[BatchLine]:
    """Each non-blank line of a batch file, parsed, or with the reason it cannot be graded."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise GradeInputError(f"{path}: cannot read: {error.strerror or error}") from None
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.strip():
            yield _parse_line(number, line)


def _parse_line(number: int, line: bytes) -> BatchLine:
    """One batch line as {"id": ..., "answer": ...}, or the problem with it."""
    try:
        item = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        return BatchLine(number, problem="not UTF-8")
    except json.JSONDecodeError as error:
        return BatchLine(number, problem=f"not JSON: {error.msg}")
    if not isinstance(item, dict):
        return BatchLine(number, problem='expected an object {"id": ..., "answer": ...}')
    question_id, answer = item.get("id"), item.get("answer")
    if not isinstance(question_id, str) or not isinstance(answer, str):
        return BatchLine(number, problem='"id" and "answer" must both be strings')
    return BatchLine(number, question_id, answer)


def _run_batch(path: Path, bank: Bank, grader: AnswerGrading, *, as_json: bool) -> int:
    """Grade every good line of a batch; report each bad line with its number."""
    status = EXIT_OK
    for line in batch_lines(path):
        try:
            if line.problem is not None:
                raise GradeInputError(line.problem)
            result = grade_one(bank, grader, line.question_id, line.answer)
        except GradeInputError as error:
            _fail(f"{path}:{line.number}: {error}")
            status = EXIT_FAILURE
            continue
        _print(result, as_json=as_json)
    return status


def _decode(raw: bytes, name: str) -> str:
    """The bytes as UTF-8 text, or a one-line error naming the source."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise GradeInputError(f"{name}: not UTF-8 (byte {error.start})") from None


def _print(result: GradeResult, *, as_json: bool) -> None:
    """One result: a JSON object on one line, or readable text followed by a blank line."""
    if as_json:
        print(json.dumps(to_json(result), ensure_ascii=False), flush=True)
    else:
        print(to_text(result, ascii=ascii_only()) + "\n", flush=True)


def _fail(message: str) -> None:
    """A one-line error on stderr."""
    print(f"genai-tui: error: {message}", file=sys.stderr, flush=True)
