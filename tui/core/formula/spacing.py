"""TeX-like spacing between neighbouring atoms, in whole terminal cells."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.formula.nodes import Kind

Kinds = tuple[Kind, Kind]

_BEFORE_UNARY = frozenset(
    {Kind.OP, Kind.FUNC, Kind.BIN, Kind.REL, Kind.OPEN, Kind.PUNCT, Kind.SIGN}
)
_AFTER_UNARY = frozenset({Kind.REL, Kind.CLOSE, Kind.PUNCT})
_ORDINARY_LIKE = frozenset({Kind.ORD, Kind.INNER, Kind.FUNC})


def gap(right: Kind, left: Kind, script: bool) -> int:
    """Spaces between an atom whose right side is `right` and one whose left side is `left`."""
    if Kind.SPACE in (right, left):
        return 0
    if right is Kind.SIGN:
        return 1 if left in (Kind.INNER, Kind.REL) and not script else 0
    if left is Kind.SIGN:
        left = Kind.ORD
    if script:
        if right in (Kind.FUNC, Kind.OP) and left in (*_ORDINARY_LIKE, Kind.OP):
            return 1
        return 1 if left is Kind.FUNC and right in (Kind.ORD, Kind.CLOSE, Kind.INNER) else 0
    if Kind.BIN in (right, left):
        return 1
    if Kind.REL in (right, left):
        if right is left or right is Kind.OPEN or left in (Kind.CLOSE, Kind.PUNCT):
            return 0
        return 1
    if right is Kind.PUNCT:
        return 1
    if right is Kind.OP:
        return 0 if left in (Kind.CLOSE, Kind.PUNCT) else 1
    if left is Kind.OP:
        return 1 if right in (Kind.ORD, Kind.CLOSE, Kind.INNER, Kind.FUNC) else 0
    if right is Kind.FUNC:
        return 1 if left in _ORDINARY_LIKE else 0
    if left is Kind.FUNC:
        return 1 if right in (Kind.ORD, Kind.CLOSE, Kind.INNER) else 0
    if Kind.INNER in (right, left):
        return 1 if right in (Kind.ORD, Kind.INNER) and left in (Kind.ORD, Kind.INNER) else 0
    return 0


def effective_kinds(kinds: Sequence[Kinds], lead: Kind | None = None) -> list[Kinds]:
    """Kinds after turning binary operators with no left operand (unary minus...) into signs."""
    out = list(kinds)
    for index, (left, _) in enumerate(out):
        if left is not Kind.BIN:
            continue
        previous = _neighbour(out, index, -1)
        following = _neighbour(out, index, 1)
        before = previous[1] if previous is not None else lead
        after = following[0] if following is not None else None
        if before is None or before in _BEFORE_UNARY or after is None or after in _AFTER_UNARY:
            out[index] = (Kind.SIGN, Kind.SIGN)
    return out


def _neighbour(kinds: Sequence[Kinds], index: int, step: int) -> Kinds | None:
    """The nearest non-space neighbour in a direction."""
    index += step
    while 0 <= index < len(kinds):
        if kinds[index][0] is not Kind.SPACE:
            return kinds[index]
        index += step
    return None


def gaps(kinds: Sequence[Kinds], script: bool, lead: Kind | None = None) -> list[int]:
    """Spaces before each atom of a row (the first gets space only after a virtual `lead`)."""
    out: list[int] = []
    for index, (left, _) in enumerate(kinds):
        if index == 0:
            out.append(gap(lead, left, script) if lead is not None else 0)
        else:
            out.append(gap(kinds[index - 1][1], left, script))
    return out
