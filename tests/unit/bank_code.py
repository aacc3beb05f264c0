"""The bundled bank's ```python blocks, and a way to run them in a fresh namespace."""

from __future__ import annotations

import contextlib
import io
from functools import cache
from typing import Any

from tui.core.bank import load_bank
from tui.core.blocks import BlockKind, parse_blocks
from tui.paths import bundled_content_dir


@cache
def python_blocks() -> dict[str, tuple[str, ...]]:
    """The python blocks of every bundled question that has any, keyed by question id."""
    result = load_bank([bundled_content_dir()])
    assert [str(problem) for problem in result.problems] == []
    found = {}
    for question in result.bank.questions:
        blocks = tuple(
            "\n".join(block.lines)
            for block in parse_blocks(question.answer)
            if block.kind is BlockKind.FENCE and block.language == "python"
        )
        if blocks:
            found[question.id] = blocks
    return found


def run_blocks(question_id: str, blocks: tuple[str, ...]) -> dict[str, Any]:
    """Exec blocks in order in one fresh namespace; they must print nothing when defined."""
    namespace: dict[str, Any] = {"__name__": f"bank_code:{question_id}"}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        for index, source in enumerate(blocks):
            exec(compile(source, f"<{question_id} block {index + 1}>", "exec"), namespace)
    assert printed.getvalue() == "", f"{question_id}: a python block prints at top level"
    return namespace
