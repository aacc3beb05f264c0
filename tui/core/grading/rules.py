"""The rules that tell a paraphrase of a key point from a misconception using the same words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.grading.lexicon import NEGATORS, POLAR
from tui.core.grading.text import stem, words

_CLAUSE_BREAK = re.compile(r"[;,:()]|\b(?:while|whereas|but|although|though|and then)\b|—| - ")


@dataclass(frozen=True, slots=True)
class Polarity:
    """The directions a clause states: each axis's sign (negation applied) and the relation's."""

    signs: dict[str, int]
    sign: int

    @property
    def axes(self) -> frozenset[str]:
        """The axes the clause moves along."""
        return frozenset(self.signs)


def clauses(text: str) -> list[str]:
    """The text cut at commas, semicolons and contrast words, into short clauses."""
    return [part.strip() for part in _CLAUSE_BREAK.split(text.lower()) if part and part.strip()]


def polarity(clause: str) -> Polarity | None:
    """The directional relation a clause states, or None when it states no direction.

    Each axis (amount, optimum, shape, order ...) gets the sign of the majority of its words;
    the relation's sign is the product of the axis signs, flipped once per negator. So "low T
    sharpens" and "high T flattens" state the same relation (-1), and "high T sharpens" the
    opposite one (+1).
    """
    totals: dict[str, int] = {}
    negations = 0
    for word in words(clause):
        if word in NEGATORS:
            negations += 1
            continue
        found = direction(word)
        if found is not None:
            axis, sign = found
            totals[axis] = totals.get(axis, 0) + sign
    axes = {axis: (1 if total > 0 else -1) for axis, total in totals.items() if total}
    if not axes:
        return None
    negated = -1 if negations % 2 else 1
    sign = negated
    for value in axes.values():
        sign *= value
    return Polarity({axis: value * negated for axis, value in axes.items()}, sign)


def direction(word: str) -> tuple[str, int] | None:
    """The axis and sign of a directional word: whole, or by prefix for stems of 5+ letters."""
    root = stem(word)
    found = POLAR.get(word) or POLAR.get(root)
    if found is not None:
        return found
    for prefix in (root[:length] for length in range(len(root) - 1, 4, -1)):
        if prefix in POLAR:
            return POLAR[prefix]
    return None


def contradicts(point: str, text: str) -> bool:
    """Whether some clause of the text states a direction opposite to one the point states.

    A clause moving along the same axes as some point clauses contradicts the point when none
    of them states the relation with its sign. Otherwise, an axis the point moves along in one
    direction only ("minimised") is contradicted by a clause moving along it the other way.
    """
    stated = [found for found in map(polarity, clauses(point)) if found is not None]
    if not stated:
        return False
    one_way = _one_way_axes(stated)
    for clause in clauses(text):
        found = polarity(clause)
        if found is None:
            continue
        same_axes = [known.sign for known in stated if known.axes == found.axes]
        if same_axes:
            if found.sign not in same_axes:
                return True
            continue
        if any(one_way.get(axis, sign) != sign for axis, sign in found.signs.items()):
            return True
    return False


def _one_way_axes(stated: list[Polarity]) -> dict[str, int]:
    """The axes the point's clauses move along in a single direction, with that direction."""
    seen: dict[str, set[int]] = {}
    for known in stated:
        for axis, sign in known.signs.items():
            seen.setdefault(axis, set()).add(sign)
    return {axis: signs.pop() for axis, signs in seen.items() if len(signs) == 1}
