"""Every ```python block in the bundled bank runs and does what its question says it does."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from bank_code_checks import CHECKS

from tui.core.bank import load_bank
from tui.core.blocks import BlockKind, parse_blocks
from tui.paths import bundled_content_dir


@cache
def python_blocks() -> dict[str, tuple[str, ...]]:
    """The python blocks of every bundled question that has any, keyed by question id."""
    bank = load_bank([bundled_content_dir()]).bank
    found = {}
    for question in bank.questions:
        blocks = tuple(
            "\n".join(block.lines)
            for block in parse_blocks(question.answer)
            if block.kind is BlockKind.FENCE and block.language == "python"
        )
        if blocks:
            found[question.id] = blocks
    return found


def run_blocks(question_id: str) -> dict[str, Any]:
    """Exec a question's python blocks, in order, in one fresh namespace, and return it."""
    namespace: dict[str, Any] = {"__name__": f"bank_code:{question_id}"}
    for index, source in enumerate(python_blocks()[question_id]):
        code = compile(source, f"<{question_id} block {index + 1}>", "exec")
        exec(code, namespace)
    return namespace


def test_the_bank_has_at_least_15_code_answers() -> None:
    assert len(python_blocks()) >= 15


def test_every_python_block_has_a_check() -> None:
    unchecked = sorted(set(python_blocks()) - set(CHECKS))
    assert unchecked == [], f"python blocks with no check in bank_code_checks.py: {unchecked}"


def test_every_check_belongs_to_a_question_with_code() -> None:
    stale = sorted(set(CHECKS) - set(python_blocks()))
    assert stale == [], f"checks for questions without a python block: {stale}"


@pytest.mark.parametrize("question_id", sorted(python_blocks()))
def test_python_block_runs_and_passes_its_check(question_id: str) -> None:
    namespace = run_blocks(question_id)
    check = CHECKS.get(question_id)
    assert check is not None, f"{question_id}: python block with no check"
    check(namespace)
