"""Fenced code blocks: found line by line, verbatim inside, invisible to math and word counts."""

from __future__ import annotations

from tui.core.fences import Fence, Prose, fence_problems, prose_only, split_fences
from tui.core.mathtext import SegmentKind, formula_offsets, math_problems, split_math

ANSWER = "Intro $a$.\n\n```python\nx = 1  # $not math$\n**not bold**\n```\n\nAfter $b$.\n"


def test_prose_and_fence_come_apart_with_offsets() -> None:
    parts = split_fences(ANSWER)
    assert [type(part) for part in parts] == [Prose, Fence, Prose]
    fence = parts[1]
    assert isinstance(fence, Fence)
    assert fence.language == "python"
    assert fence.lines == ("x = 1  # $not math$", "**not bold**")
    assert fence.closed
    assert ANSWER[fence.offset :].startswith("```python\n")
    for part in parts:
        if isinstance(part, Prose):
            assert ANSWER[part.offset :].startswith(part.text)
    assert "".join(p.text for p in parts if isinstance(p, Prose)) == "Intro $a$.\n\n\nAfter $b$.\n"


def test_indented_fence_loses_its_indent_and_keeps_deeper_indents() -> None:
    text = "- item\n  ```text\n  +--+\n    |\n  ```\n"
    fence = next(part for part in split_fences(text) if isinstance(part, Fence))
    assert fence.lines == ("+--+", "  |")


def test_longer_fence_holds_a_shorter_one_and_blank_lines() -> None:
    text = "````text\n```python\n\nx\n```\n````\ntail"
    parts = split_fences(text)
    fence = parts[0]
    assert isinstance(fence, Fence)
    assert fence.lines == ("```python", "", "x", "```")
    assert parts[1] == Prose("tail", text.index("tail"))


def test_unclosed_fence_runs_to_the_end_and_is_reported_at_its_opener() -> None:
    text = "Intro.\n```python\nx = 1\n"
    (fence,) = [part for part in split_fences(text) if isinstance(part, Fence)]
    assert not fence.closed
    assert fence.lines == ("x = 1", "")
    assert fence_problems(text) == [(7, "unclosed code fence: no closing ``` line")]


def test_unknown_or_missing_language_is_a_problem() -> None:
    (problem,) = fence_problems("```rust\nfn main() {}\n```")
    assert problem[0] == 0 and "unknown code fence language 'rust'" in problem[1]
    (problem,) = fence_problems("a\n```\nplain\n```")
    assert problem[0] == 2 and "without a language" in problem[1]
    assert fence_problems(ANSWER) == []


def test_backticks_inside_a_line_are_not_a_fence() -> None:
    text = "Write ``` on its own line to open a fence."
    assert split_fences(text) == [Prose(text, 0)]


def test_math_inside_fences_is_ignored() -> None:
    kinds = [(segment.kind, segment.source) for segment in split_math(ANSWER)]
    assert (SegmentKind.INLINE, "a") in kinds and (SegmentKind.INLINE, "b") in kinds
    assert [k for k, _ in kinds].count(SegmentKind.INLINE) == 2
    assert any(kind is SegmentKind.TEXT and "$not math$" in src for kind, src in kinds)
    assert "".join(src for kind, src in kinds if kind is SegmentKind.TEXT).count("```") == 2
    assert [offset for _, offset in formula_offsets(ANSWER)] == [6, ANSWER.index("$b$")]


def test_dollar_balance_skips_fences() -> None:
    assert math_problems("Cost is\n```bash\necho $HOME\n```\nfine.") == []
    text = "Odd $x\n```text\n$y$\n```\n"
    (problem,) = math_problems(text)
    assert problem.offset == 4 and "unbalanced '$'" in problem.message


def test_prose_only_drops_fenced_lines() -> None:
    assert prose_only(ANSWER).split() == ["Intro", "$a$.", "After", "$b$."]
