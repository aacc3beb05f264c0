"""Drawing a mock interview: N questions across topics with a chosen seniority mix."""

from __future__ import annotations

import random
from enum import StrEnum

from tui.core.bank import Bank
from tui.core.models import Difficulty, Question

DEFAULT_QUESTIONS = 8
DEFAULT_SECONDS = 180
DIFFERENTIATOR_TOPICS = ("prompt-injection", "quantization", "context-windows", "evaluation")
"""The seed guide's "senior differentiator" set."""


class Mix(StrEnum):
    """Which questions a mock interview draws from."""

    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"
    DIFFERENTIATORS = "differentiators"


def draw(bank: Bank, mix: Mix, count: int, rng: random.Random) -> list[Question]:
    """Up to `count` questions, spread over as many topics as possible."""
    if mix is Mix.DIFFERENTIATORS:  # senior questions only: they are what sets seniors apart
        topics = [t for t in bank.topics if t.id in DIFFERENTIATOR_TOPICS]
        level = Difficulty.SENIOR
    else:
        topics = list(bank.topics)
        level = Difficulty(mix.value)
    pools = [[q for q in t.questions if q.difficulty is level] for t in topics]
    pools = [pool for pool in pools if pool]
    for pool in pools:
        rng.shuffle(pool)
    rng.shuffle(pools)
    drawn: list[Question] = []
    while len(drawn) < count and any(pools):
        for pool in pools:
            if pool and len(drawn) < count:
                drawn.append(pool.pop())
    return drawn
