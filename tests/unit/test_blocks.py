"""Answer text splits into paragraphs, bullets and display formulas, keeping spaces around math."""

from __future__ import annotations

from tui.core.blocks import BlockKind, SpanKind, inline_spans, parse_blocks


def flat(text: str) -> list[tuple[str, str]]:
    """(kind, text) per block, spans joined; math shown as $...$."""
    out = []
    for block in parse_blocks(text):
        if block.kind is BlockKind.DISPLAY:
            out.append(("display", block.latex))
            continue
        joined = "".join(f"${s.text}$" if s.kind is SpanKind.MATH else s.text for s in block.spans)
        out.append((block.kind.value, joined))
    return out


def test_paragraphs_bullets_and_display() -> None:
    text = "One\ntwo.\n\n- first $a$\n  goes on\n- second\n\n$$x=1$$\n\nLast."
    assert flat(text) == [
        ("paragraph", "One two."),
        ("bullet", "first $a$ goes on"),
        ("bullet", "second"),
        ("display", "x=1"),
        ("paragraph", "Last."),
    ]


def test_spaces_around_inline_math_survive_line_breaks() -> None:
    text = "given input $x$, which\nlabel? The joint\n  $p(x,y)$ or $p(x)$."
    assert flat(text) == [
        ("paragraph", "given input $x$, which label? The joint $p(x,y)$ or $p(x)$.")
    ]


def test_bold_and_code_spans() -> None:
    kinds = [(s.kind, s.text) for s in inline_spans("a **b** `c` d")]
    assert kinds == [
        (SpanKind.TEXT, "a "),
        (SpanKind.BOLD, "b"),
        (SpanKind.TEXT, " "),
        (SpanKind.CODE, "c"),
        (SpanKind.TEXT, " d"),
    ]


def test_fence_is_one_block_with_language_and_verbatim_lines() -> None:
    text = "Before **b**.\n\n```python\ndef f(x):\n    return x ** 2  # $x$ **y**\n```\nAfter."
    blocks = parse_blocks(text)
    assert [block.kind for block in blocks] == [
        BlockKind.PARAGRAPH,
        BlockKind.FENCE,
        BlockKind.PARAGRAPH,
    ]
    fence = blocks[1]
    assert fence.language == "python"
    assert fence.lines == ("def f(x):", "    return x ** 2  # $x$ **y**")
    assert fence.spans == []
    assert flat(text)[2] == ("paragraph", "After.")


def test_fence_ends_a_bullet_list() -> None:
    text = "- one\n- two\n  ```text\n  a -> b\n  ```\n- three"
    kinds = [block.kind for block in parse_blocks(text)]
    assert kinds == [BlockKind.BULLET, BlockKind.BULLET, BlockKind.FENCE, BlockKind.BULLET]
