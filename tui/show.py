"""`genai-tui show`: print one question laid out as in the app, for pagers, pipes and printing."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal, TextIO

from tui.terminal import locale_can_draw_boxes, resolve_color

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from tui.core.bank import Bank
    from tui.core.models import Question

PIPE_WIDTH = 80
"""Columns used when stdout is not a terminal and no --width is given."""
RichSystem = Literal["truecolor", "256", "standard"]
RICH_SYSTEMS: dict[str, RichSystem] = {
    "truecolor": "truecolor",
    "256": "256",
    "16": "standard",
    "none": "standard",
}
"""Rich's colour system for each --color mode; `none` keeps bold and italic (NO_COLOR's rule)."""


def unknown_question_message(bank: Bank, question_id: str) -> str:
    """One line saying the id is not in the bank, with the nearest ids if there are any."""
    import difflib

    ids = [question.id for question in bank.questions]
    near = difflib.get_close_matches(question_id, ids, n=3, cutoff=0.6)
    hint = (
        f"; did you mean {', '.join(near)}?" if near else "; 'genai-tui content --json' lists them"
    )
    return f"no question '{question_id}' in the bank{hint}"


def use_ascii(requested: bool | None, environ: Mapping[str, str]) -> bool:
    """ASCII when asked for, or when the locale cannot encode box drawing (as in the app)."""
    return bool(requested) or not locale_can_draw_boxes(environ)


def make_console(
    out: TextIO, width: int | None, color: str | None, environ: Mapping[str, str]
) -> Console:
    """A Rich console for `out`: styled only on a terminal, plain text (no ANSI) otherwise."""
    from rich.console import Console

    tty = out.isatty()
    columns = width or (shutil.get_terminal_size((PIPE_WIDTH, 24)).columns if tty else PIPE_WIDTH)
    mode = resolve_color(color, environ)
    return Console(
        file=out,
        width=columns,
        force_terminal=tty,
        color_system=RICH_SYSTEMS[mode] if tty else None,
        no_color=mode == "none",
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def question_layout(
    question: Question, topic_title: str, with_answer: bool, ascii: bool
) -> RenderableType:
    """The question's header and, with the answer, everything the revealed pane shows."""
    from rich.console import Group
    from rich.text import Text

    from tui.ui.widgets.detail_layout import DetailStyles, answer_parts, question_head

    styles = DetailStyles()
    separator = " - " if ascii else " · "
    meta = separator.join((topic_title, question.difficulty.value, question.id))
    parts: list[RenderableType] = [question_head(question, meta, styles, ascii)]
    if with_answer:
        parts += [Text(), *answer_parts(question, styles, ascii)]
    return Group(*parts)


def print_question(
    bank: Bank,
    question_id: str,
    *,
    out: TextIO = sys.stdout,
    width: int | None = None,
    ascii: bool | None = None,
    with_answer: bool = False,
    color: str | None = None,
    environ: Mapping[str, str] = os.environ,
) -> str | None:
    """Print the question to `out`; returns None, or why it could not be printed."""
    question = bank.question(question_id)
    if question is None:
        return unknown_question_message(bank, question_id)
    topic = bank.topic(question.topic_id)
    title = topic.title if topic is not None else question.topic_id
    layout = question_layout(question, title, with_answer, use_ascii(ascii, environ))
    console = make_console(out, width, color, environ)
    if console.is_terminal:
        console.print(layout)
        return None
    with console.capture() as captured:
        console.print(layout)
    out.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
    return None
