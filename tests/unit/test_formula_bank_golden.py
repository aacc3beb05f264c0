"""Golden renderings of every display formula in the bundled bank, at 100 and 40 columns.

Regenerate after an intended change with FORMULA_GOLDEN_UPDATE=1 and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

from tui.core.bank import load_bank
from tui.core.formula import render_display
from tui.core.mathtext import SegmentKind, split_math
from tui.paths import bundled_content_dir

GOLDEN = Path(__file__).parent / "formula_golden" / "bank_display_formulas.txt"
WIDTHS = (100, 40)


def current_renderings() -> str:
    """Every bank display formula with its renderings, in bank order."""
    bank = load_bank([bundled_content_dir()]).bank
    parts = []
    for question in bank.questions:
        for segment in split_math(question.answer):
            if segment.kind is not SegmentKind.DISPLAY:
                continue
            for width in WIDTHS:
                lines = render_display(segment.source, width)
                parts.append(f"=== {question.id} @ {width}\n{segment.source}\n---\n")
                parts.append("\n".join(lines) + "\n")
    return "".join(parts)


def test_every_bank_display_formula_matches_its_golden_rendering() -> None:
    rendered = current_renderings()
    if os.environ.get("FORMULA_GOLDEN_UPDATE"):
        GOLDEN.write_text(rendered, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert rendered.count("=== ") >= 140
    for got, want in zip(rendered.split("=== "), expected.split("=== "), strict=True):
        assert got == want
