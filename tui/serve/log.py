"""One-line events on stderr; every value a client chose is escaped first."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import TextIO

MAX_VALUE = 80


def escape(value: object) -> str:
    """Printable ASCII only: anything else (controls, ESC, spaces, quotes, non-ASCII) as \\xNN."""
    text = str(value)
    out = []
    for char in text[:MAX_VALUE]:
        code = ord(char)
        if 0x21 <= code <= 0x7E and char not in "\\\"'=":
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        else:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    if len(text) > MAX_VALUE:
        out.append("...")
    return "".join(out) or "-"


class EventLog:
    """Writes `TIME EVENT key=value ...` lines, flushed at once."""

    def __init__(self, stream: TextIO | None = None) -> None:
        """Log to `stream`, stderr by default."""
        self._stream = stream

    def event(self, name: str, **fields: object) -> None:
        """Write one line; every field value is escaped."""
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        parts = " ".join(f"{key}={escape(value)}" for key, value in fields.items())
        stream = self._stream or sys.stderr
        stream.write(f"{stamp} {name} {parts}\n")
        stream.flush()
