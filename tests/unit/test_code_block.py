"""Code blocks as Rich renders them: tabs, cell widths, the clip marker, ASCII, lazy Pygments."""

from __future__ import annotations

import subprocess
import sys

from rich.cells import cell_len
from rich.console import Console

from tui.core.asciiart import ascii_diagram
from tui.ui.widgets.code_block import CodeBlock


def rendered(block: CodeBlock, width: int) -> list[str]:
    """The block's lines as plain text at `width` columns."""
    console = Console(width=width, color_system=None, record=True)
    with console.capture() as captured:
        console.print(block)
    return captured.get().splitlines()


def test_box_drawing_and_arrows_map_to_ascii_cell_for_cell() -> None:
    art = "┌─┬─┐ ╭─╮ ╔═╗\n│a├▶┤ ╰─╯ ║b║\n└─┴─┘ ↑↓←→ ╚═╝ ╱╲"
    mapped = ascii_diagram(art)
    assert mapped == "+-+-+ +-+ +-+\n|a+>+ +-+ |b|\n+-+-+ ^v<> +-+ /\\"
    assert len(mapped) == len(art)
    assert ascii_diagram("plain = 1") == "plain = 1"


def test_tabs_expand_and_a_line_of_exactly_the_width_is_not_clipped() -> None:
    block = CodeBlock("python", ("if x:", "\treturn 1", "y" * 18))
    assert rendered(block, 20) == ["  if x:", "      return 1", "  " + "y" * 18]


def test_wide_characters_are_clipped_by_cells() -> None:
    (line,) = rendered(CodeBlock("text", ("漢字漢字漢字漢字",)), 10)
    assert line == "  漢字漢 …", "a double-width glyph that would straddle the edge is dropped"
    assert cell_len(line) == 10


def test_ascii_block_uses_an_ascii_clip_marker() -> None:
    lines = rendered(CodeBlock("text", ("│ a very long line │",), ascii=True), 12)
    assert lines == ["  | a very >"]


def test_plain_text_blocks_never_import_pygments() -> None:
    code = (
        "from rich.console import Console\n"
        "from tui.ui.widgets.code_block import CodeBlock\n"
        "Console(width=40).print(CodeBlock('text', ('a -> b',)))\n"
        "import sys\n"
        "assert 'pygments' not in sys.modules\n"
        "Console(width=40).print(CodeBlock('python', ('x = 1',)))\n"
        "assert 'pygments' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
