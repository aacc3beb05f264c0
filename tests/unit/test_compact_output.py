"""Dropping repeated style codes must leave every character with the style it had."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tui.ui.compact_output import RESET, compacting, merge_repeated_styles

RED = "\x1b[38;2;255;0;0;48;2;0;0;0m"
BOLD = "\x1b[1;38;2;224;224;224m"
_TOKEN = re.compile(r"\x1b\[[0-9;:]*[A-Za-z]|.", re.DOTALL)


def styled_characters(output: str) -> list[tuple[str, tuple[str, ...]]]:
    """What a terminal draws: each printed character with the style sequences in force."""
    active: list[str] = []
    drawn: list[tuple[str, tuple[str, ...]]] = []
    for token in _TOKEN.findall(output):
        if token == RESET:
            active = []
        elif token.startswith("\x1b[") and token.endswith("m"):
            active.append(token)
        elif not token.startswith("\x1b"):
            drawn.append((token, tuple(active)))
    return drawn


def test_adjacent_runs_of_one_style_become_one_run() -> None:
    output = f"{RESET}{RED}Topic {RESET}{RED}Section {RESET}{RED}11{RESET}"
    assert merge_repeated_styles(output) == f"{RESET}{RED}Topic Section 11{RESET}"


def test_a_change_of_style_is_kept() -> None:
    output = f"{RESET}{RED}a{RESET}{BOLD}b{RESET}{RED}c{RESET}"
    assert merge_repeated_styles(output) == output


def test_runs_split_by_a_cursor_move_are_kept_apart() -> None:
    output = f"{RESET}{RED}a{RESET}\x1b[3;4H{RED}b{RESET}"
    assert merge_repeated_styles(output) == output


def test_a_style_stacked_on_an_unknown_one_is_not_merged() -> None:
    # Without a reset first, the state is the earlier style plus this one: not known exactly.
    output = f"{RED}a{RESET}{RED}b{RESET}"
    assert merge_repeated_styles(output) == output
    stacked = f"{RESET}{RED}{BOLD}a{RESET}{BOLD}b{RESET}"
    assert merge_repeated_styles(stacked) == stacked


_STYLES = st.sampled_from([RED, BOLD, "\x1b[7m", "\x1b[48;5;17m"])
_PIECES = st.one_of(
    _STYLES,
    st.just(RESET),
    st.text(alphabet="ab │█…", min_size=1, max_size=4),
    st.builds(lambda row, col: f"\x1b[{row};{col}H", st.integers(1, 30), st.integers(1, 99)),
)


@given(st.lists(_PIECES, max_size=40))
def test_what_the_terminal_draws_is_unchanged(pieces: list[str]) -> None:
    output = "".join(pieces)
    compacted = merge_repeated_styles(output)
    assert len(compacted) <= len(output)
    assert styled_characters(compacted) == styled_characters(output)


def test_the_driver_writes_compacted_frames() -> None:
    written: list[str] = []

    class RecordingDriver:
        """Stands in for a platform driver: keeps what it is asked to write."""

        def write(self, data: str) -> None:
            written.append(data)

    driver_class = compacting(RecordingDriver)  # type: ignore[arg-type]
    driver = driver_class.__new__(driver_class)
    driver.write(f"{RESET}{RED}a{RESET}{RED}b{RESET}")
    assert written == [f"{RESET}{RED}ab{RESET}"]
    assert issubclass(driver_class, RecordingDriver)
