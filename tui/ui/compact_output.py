"""Fewer bytes per frame over SSH: drop style resets that are followed by the same style.

Textual writes every segment as `ESC[<style>m text ESC[0m`, so a table row whose five cells
share one style sends that style five times (about 40 bytes each in truecolor). Between two
adjacent runs of the same style, `ESC[0m ESC[<style>m` changes nothing on screen; removing it
leaves what the terminal shows exactly as it was.
"""

from __future__ import annotations

import re

from textual.driver import Driver

RESET = "\x1b[0m"
_STYLE = re.compile(r"\x1b\[[0-9;:]*m")


def merge_repeated_styles(output: str) -> str:
    """`output` without each reset that is directly followed by the style it just ended."""
    pieces: list[str] = []
    copied = 0  # output[:copied] is in pieces, less what was dropped
    active: str | None = None  # the style in force, when it is known exactly
    clean = False  # whether the last style sequence was a reset
    dropped_until = -1
    for match in _STYLE.finditer(output):
        if match.start() < dropped_until:
            continue
        sequence = match.group()
        if sequence != RESET:
            active = sequence if clean else None
            clean = False
            continue
        following = _STYLE.match(output, match.end())
        if active is not None and following is not None and following.group() == active:
            pieces.append(output[copied : match.start()])
            copied = dropped_until = following.end()
            continue
        active, clean = None, True
    pieces.append(output[copied:])
    return "".join(pieces)


def compacting(driver_class: type[Driver]) -> type[Driver]:
    """A subclass of `driver_class` whose output goes through `merge_repeated_styles`."""

    class CompactingDriver(driver_class):  # type: ignore[valid-type,misc]
        """The platform's driver, writing each frame with redundant style changes removed."""

        def write(self, data: str) -> None:
            """Write the frame, compacted."""
            super().write(merge_repeated_styles(data))

    CompactingDriver.__name__ = f"Compacting{driver_class.__name__}"
    return CompactingDriver
