"""The formula syntax tree shared by the parser and the two renderers."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TypeAlias


class Kind(Enum):
    """TeX-like atom class of an item; it decides the spacing between neighbours."""

    ORD = "ord"
    OP = "op"
    FUNC = "func"
    BIN = "bin"
    REL = "rel"
    OPEN = "open"
    CLOSE = "close"
    PUNCT = "punct"
    INNER = "inner"
    SPACE = "space"
    SIGN = "sign"


class FormulaError(Exception):
    """Raised for malformed LaTeX; the public API turns it into a plain-text fallback."""


@dataclass(frozen=True, slots=True)
class Sym:
    """A symbol, number or upright word, with its Unicode and ASCII spellings."""

    text: str
    ascii: str
    kind: Kind = Kind.ORD
    limits: bool = False
    big: bool = False


@dataclass(frozen=True, slots=True)
class Space:
    """Explicit horizontal space of a number of cells."""

    width: int


@dataclass(frozen=True, slots=True)
class TextRun:
    """Literal text from \\text{...}: spaces are kept and nothing is spaced around it."""

    text: str
    ascii: str


@dataclass(frozen=True, slots=True)
class Row:
    """A horizontal list of items (the contents of a group, argument or formula)."""

    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Group:
    """A braced group: an ordinary atom whose contents are laid out as a row."""

    body: Row
    kind: Kind = Kind.ORD


@dataclass(frozen=True, slots=True)
class Frac:
    """A fraction, or a binomial coefficient when `binom` is set."""

    num: Row
    den: Row
    binom: bool = False


@dataclass(frozen=True, slots=True)
class Sqrt:
    """A radical with an optional index."""

    body: Row
    index: Row | None = None


@dataclass(frozen=True, slots=True)
class Scripts:
    """A base with a superscript and/or subscript (placed above/below when the base has limits)."""

    base: Node
    sup: Row | None = None
    sub: Row | None = None


@dataclass(frozen=True, slots=True)
class Accent:
    """A mark over (or under) a base: bar, hat, tilde, vec, dot, braces..."""

    kind: str
    body: Row


@dataclass(frozen=True, slots=True)
class Delim:
    """A \\left ... \\right pair that grows to the height of its contents."""

    left: str
    body: Row
    right: str


@dataclass(frozen=True, slots=True)
class Middle:
    """A \\middle delimiter that grows to the height of the enclosing row."""

    delim: str


@dataclass(frozen=True, slots=True)
class Matrix:
    """A grid environment (matrix, cases, aligned...) with optional delimiters."""

    rows: tuple[tuple[Row, ...], ...]
    left: str
    right: str
    align: str
    gap: int = 2
    pairs: bool = False


@dataclass(frozen=True, slots=True)
class Stack:
    """A base with small annotations stacked above and/or below (\\overset, \\underset)."""

    base: Row
    over: Row | None = None
    under: Row | None = None


@dataclass(frozen=True, slots=True)
class Phantom:
    """Invisible contents that still take up room (\\phantom, \\hphantom)."""

    body: Row
    keep_height: bool = True


@dataclass(frozen=True, slots=True)
class Boxed:
    """Contents drawn inside a frame (\\boxed)."""

    body: Row


Node: TypeAlias = (
    Sym
    | Space
    | TextRun
    | Group
    | Frac
    | Sqrt
    | Scripts
    | Accent
    | Delim
    | Middle
    | Matrix
    | Stack
    | Phantom
    | Boxed
)


@dataclass(frozen=True, slots=True)
class Formula:
    """A parsed formula: one row per line (lines come from a top-level \\\\)."""

    lines: tuple[Row, ...]
    unknown: tuple[str, ...]
