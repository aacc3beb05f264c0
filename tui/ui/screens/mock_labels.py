"""How the mock interview screens name a mix."""

from __future__ import annotations

from tui.core.mock import Mix

MIX_LABELS = {
    Mix.JUNIOR: "Junior",
    Mix.MID: "Mid",
    Mix.SENIOR: "Senior",
    Mix.DIFFERENTIATORS: "Senior differentiators",
}
DIFFERENTIATORS_NOTE = "senior only: prompt injection, quantization, context, evaluation"
"""The seed guide's four differentiator topics, in words."""
