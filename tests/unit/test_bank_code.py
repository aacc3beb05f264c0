"""Every ```python block in the bundled bank runs and does what its question says it does."""

from __future__ import annotations

import pytest
from bank_code import python_blocks, run_blocks
from bank_code_checks import CHECKS


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
    namespace = run_blocks(question_id, python_blocks()[question_id])
    check = CHECKS.get(question_id)
    assert check is not None, f"{question_id}: python block with no check"
    check(namespace)
