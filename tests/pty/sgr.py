"""Find colour codes in what a program wrote to its terminal."""

from __future__ import annotations

import re

_SGR = re.compile(rb"\x1b\[([0-9;:]*)m")
_COLOUR_PARAMS = {*range(30, 38), 39, *range(40, 48), 49, *range(90, 98), *range(100, 108)}


def _params(sequence: re.Match[bytes]) -> list[int]:
    """The numbers of one SGR sequence."""
    return [int(p) for p in re.split(rb"[;:]", sequence.group(1)) if p]


def uses_reverse(output: bytes) -> bool:
    """Whether some SGR sequence in `output` turns on reverse video."""
    return any(7 in _params(match) for match in _SGR.finditer(output))


def colour_codes(output: bytes) -> list[bytes]:
    """Every SGR sequence in `output` that sets a foreground or background colour."""
    found = []
    for match in _SGR.finditer(output):
        numbers = _params(match)
        if any(n in _COLOUR_PARAMS or n in (38, 48) for n in numbers):
            found.append(match.group())
    return found
