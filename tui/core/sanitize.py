"""Make untrusted text inert for a terminal: drop escape sequences and control characters."""

from __future__ import annotations

import re

_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?                 # CSI ... final byte
    | \x9b[0-?]*[ -/]*[@-~]?                 # 8-bit CSI
    | (?:\x1b[\]P_^X]|[\x90\x9d\x9e\x9f\x98]) # OSC, DCS, APC, PM, SOS (7- or 8-bit) ...
      .*?(?:\x07|\x1b\\|\x9c|$)              # ... up to BEL or ST (or the end of the text)
    | \x1b[ -/]*[0-~]?                       # any other ESC sequence
    """,
    re.VERBOSE | re.DOTALL,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def sanitize(text: str) -> str:
    """Remove escape sequences and C0/C1 controls, keeping newlines and tabs."""
    text = text.replace("\r\n", "\n")
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))
