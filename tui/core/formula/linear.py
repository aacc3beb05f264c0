"""One-line rendering: compact text with brackets wherever the 2-D structure would be lost."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.formula.accents import BRACES, NAMES, precomposed
from tui.core.formula.boxes import ALNUM, NONE, WORD, text_edges, word_gap
from tui.core.formula.nodes import (
    Accent,
    Boxed,
    Delim,
    Frac,
    Group,
    Kind,
    Matrix,
    Middle,
    Node,
    Phantom,
    Row,
    Scripts,
    Space,
    Sqrt,
    Stack,
    Sym,
    TextRun,
)
from tui.core.formula.scriptchars import to_subscript, to_superscript
from tui.core.formula.spacing import Kinds, effective_kinds, gaps
from tui.core.formula.symbols import DELIMITER_ASCII

_PRIMES = frozenset("′'″")
_JUXTAPOSED_BEFORE = frozenset({Kind.ORD, Kind.CLOSE, Kind.INNER, Kind.FUNC})
_JUXTAPOSED_AFTER = frozenset({Kind.ORD, Kind.OPEN, Kind.INNER, Kind.FUNC, Kind.OP})
_FACTOR_KINDS = frozenset({Kind.ORD, Kind.INNER, Kind.OPEN, Kind.CLOSE})


@dataclass(frozen=True, slots=True)
class Piece:
    """A rendered one-line fragment with the word-edge kinds of its two ends."""

    text: str
    left: int = NONE
    right: int = NONE


def piece(text: str) -> Piece:
    """A piece whose edge kinds are read off its text."""
    left, right = text_edges(text)
    return Piece(text, left, right)


def join(pieces: Sequence[Piece], spaces: Sequence[int]) -> Piece:
    """Concatenate pieces with the given spaces, adding one where two words would merge."""
    text, _ = join_with_offsets(pieces, spaces)
    if not pieces:
        return Piece("")
    first = pieces[0].left if spaces and spaces[0] == 0 else NONE
    return Piece(text, first, pieces[-1].right)


def join_with_offsets(pieces: Sequence[Piece], spaces: Sequence[int]) -> tuple[str, list[int]]:
    """Like `join`, also returning where each piece starts in the text."""
    out: list[str] = []
    starts: list[int] = []
    length = 0
    previous: Piece | None = None
    for index, part in enumerate(pieces):
        space = spaces[index]
        if previous is not None and space == 0 and word_gap(previous.right, part.left):
            space = 1
        out.append(" " * space + part.text)
        starts.append(length + space)
        length += space + len(part.text)
        if part.text:
            previous = part
    return "".join(out), starts


def kinds_of(node: Node, two_d: bool) -> Kinds:
    """Spacing classes of the left and right sides of an item."""
    if isinstance(node, Sym):
        return node.kind, node.kind
    if isinstance(node, Space):
        return Kind.SPACE, Kind.SPACE
    if isinstance(node, Group):
        return node.kind, node.kind
    if isinstance(node, Frac):
        if node.binom:
            return (Kind.OPEN, Kind.CLOSE) if two_d else (Kind.ORD, Kind.ORD)
        return (Kind.INNER, Kind.INNER) if two_d else (Kind.ORD, Kind.ORD)
    if isinstance(node, Scripts):
        return kinds_of(node.base, two_d)
    if isinstance(node, Delim):
        if node.left in ("|", "‖", ""):
            return Kind.ORD, Kind.ORD if node.right in ("|", "‖", "") else Kind.CLOSE
        return Kind.OPEN, Kind.CLOSE
    if isinstance(node, Middle):
        return Kind.REL, Kind.REL
    if isinstance(node, Matrix):
        plain = Kind.INNER if two_d else Kind.ORD
        left = Kind.OPEN if node.left else plain
        right = Kind.CLOSE if node.right or (node.left == "{" and not two_d) else plain
        return left, right
    if isinstance(node, Stack) and len(node.base.items) == 1:
        return kinds_of(node.base.items[0], two_d)
    return Kind.ORD, Kind.ORD


def _unwrap(row: Row) -> tuple[Node, ...]:
    """The items of a row, looking through a single ordinary group."""
    items = row.items
    while len(items) == 1 and isinstance(items[0], Group) and items[0].kind is Kind.ORD:
        items = items[0].body.items
    return items


def opens(node: Node) -> bool:
    """Whether an item is a bare opening bracket."""
    return kinds_of(node, False) == (Kind.OPEN, Kind.OPEN)


def closes(node: Node) -> bool:
    """Whether an item is a bare closing bracket (possibly carrying scripts)."""
    return kinds_of(node, False) == (Kind.CLOSE, Kind.CLOSE)


def chunks(items: Sequence[Node]) -> list[list[Node]]:
    """Group items into factors: a bracketed run joins the symbol it is applied to, as in f(x)."""
    out: list[list[Node]] = []
    index = 0
    while index < len(items):
        item = items[index]
        bar = _bar(item)
        if bar:
            end = next((j for j in range(index + 1, len(items)) if _bar(items[j]) == bar), index)
            out.append(list(items[index : end + 1]))
            index = end + 1
            continue
        if not opens(item):
            out.append([item])
            index += 1
            continue
        depth = 0
        end = index
        while end < len(items):
            if opens(items[end]):
                depth += 1
            elif closes(items[end]):
                depth -= 1
                if depth == 0:
                    break
            end += 1
        group = list(items[index : end + 1])
        previous = out[-1][-1] if out else None
        if previous is not None and kinds_of(previous, False)[1] in (Kind.ORD, Kind.FUNC):
            out[-1].extend(group)
        else:
            out.append(group)
        index = end + 1
    return out


def _bar(node: Node) -> str:
    """The bar glyph of a plain | or ‖ symbol, else ''."""
    if isinstance(node, Sym) and node.kind is Kind.ORD and node.text in ("|", "‖"):
        return node.text
    if isinstance(node, Scripts):
        return _bar(node.base)
    return ""


def _has_word(row: Row) -> bool:
    """Whether a row contains an upright word (so Unicode script letters would look odd)."""
    for item in row.items:
        if isinstance(item, Sym | TextRun) and sum(c.isalpha() for c in item.text) >= 2:
            return True
        if isinstance(item, Group) and _has_word(item.body):
            return True
        if isinstance(item, Scripts) and _has_word(Row((item.base,))):
            return True
    return False


def bracket_depths(items: Sequence[Node]) -> list[int]:
    """How many plain brackets are open before each item."""
    depths: list[int] = []
    depth = 0
    for item in items:
        if closes(item):
            depth = max(0, depth - 1)
        depths.append(depth)
        if opens(item):
            depth += 1
    return depths


def _single_item(item: Node) -> bool:
    """Whether one item reads as a single factor."""
    if isinstance(item, Sym):
        return item.kind not in (Kind.FUNC, Kind.OP) and " " not in item.text
    if isinstance(item, Scripts):
        return kinds_of(item, False)[0] in _FACTOR_KINDS
    if isinstance(item, TextRun):
        return " " not in item.text.strip()
    if isinstance(item, Frac):
        return item.binom
    if isinstance(item, Group):
        return item.kind is Kind.ORD and single_factor(item.body)
    return isinstance(item, Sqrt | Accent | Delim | Boxed | Matrix | Phantom | Stack)


def single_factor(row: Row) -> bool:
    """Whether a row reads as one factor, so it needs no brackets after / or ^ or √."""
    items = _unwrap(row)
    if not items:
        return True
    groups = chunks(items)
    if len(groups) != 1:
        return False
    group = groups[0]
    if len(group) == 1:
        return _single_item(group[0])
    first = group[0]
    return opens(first) or _single_item(first) or kinds_of(first, False)[0] is Kind.FUNC


def numerator_needs_parens(row: Row) -> bool:
    """Whether a one-line numerator needs brackets before the slash."""
    for index, group in enumerate(chunks(_unwrap(row))):
        item = group[0]
        kind = kinds_of(item, False)[0]
        if isinstance(item, Space) or kind in (Kind.REL, Kind.PUNCT, Kind.OP):
            return True
        if kind is Kind.FUNC and len(group) == 1:
            return True
        if kind is Kind.BIN and index > 0:
            return True
        if isinstance(item, Frac) and not item.binom:
            return True
        if isinstance(item, TextRun) and " " in item.text.strip():
            return True
    return False


def fraction_wraps(
    items: Sequence[Node], base: Sequence[Kinds], eff: Sequence[Kinds]
) -> list[bool]:
    """Which one-line fractions in a row touch a neighbour and so need surrounding brackets."""
    out: list[bool] = []
    for index, item in enumerate(items):
        if not isinstance(item, Frac) or item.binom:
            out.append(False)
            continue
        before = _nearest(items, index, -1)
        after = _nearest(items, index, 1)
        wrap = before is not None and eff[before][1] in _JUXTAPOSED_BEFORE
        if after is not None and eff[after][0] in _JUXTAPOSED_AFTER:
            wrap = True
        out.append(wrap)
    return out


def _nearest(items: Sequence[Node], index: int, step: int) -> int | None:
    """Index of the nearest item that is not explicit space, in a direction."""
    index += step
    while 0 <= index < len(items):
        if not isinstance(items[index], Space):
            return index
        index += step
    return None


class Linear:
    """Renders syntax trees as single lines of Unicode or ASCII text."""

    def __init__(self, ascii: bool) -> None:
        """Choose Unicode or ASCII output."""
        self.ascii = ascii

    def delimiter(self, glyph: str) -> str:
        """A delimiter glyph in the current character set."""
        return DELIMITER_ASCII.get(glyph, glyph) if self.ascii else glyph

    def row(self, row: Row, script: bool = False, lead: Kind | None = None) -> Piece:
        """Render a row (`script`: compact; `lead`: class of an unseen left neighbour)."""
        pieces, spaces, _ = self._row_parts(row, script, lead)
        return join(pieces, spaces)

    def row_with_breaks(self, row: Row) -> tuple[str, list[int]]:
        """A top-level row as text, with the offsets where a relation or binary operator starts."""
        pieces, spaces, kinds = self._row_parts(row, False, None)
        text, starts = join_with_offsets(pieces, spaces)
        depths = bracket_depths(row.items)
        offsets = [
            start
            for index, start in enumerate(starts)
            if index and not depths[index] and kinds[index][0] in (Kind.REL, Kind.BIN)
        ]
        return text, offsets

    def _row_parts(
        self, row: Row, script: bool, lead: Kind | None
    ) -> tuple[list[Piece], list[int], list[Kinds]]:
        """Pieces, spaces and spacing classes of a row's items."""
        items = row.items
        base = [kinds_of(item, False) for item in items]
        eff = effective_kinds(base, lead)
        wraps = fraction_wraps(items, base, eff)
        kinds = [(Kind.OPEN, Kind.CLOSE) if wrap else k for wrap, k in zip(wraps, eff, strict=True)]
        spaces = gaps(kinds, script, lead)
        pieces = [
            self.frac(item, wrap, script) if isinstance(item, Frac) else self.node(item, script)
            for item, wrap in zip(items, wraps, strict=True)
        ]
        return pieces, spaces, kinds

    def node(self, node: Node, script: bool) -> Piece:
        """Render one item."""
        if isinstance(node, Sym):
            return self.sym(node)
        if isinstance(node, Space):
            return Piece(" " * node.width)
        if isinstance(node, TextRun):
            return piece(node.ascii if self.ascii else node.text)
        if isinstance(node, Group):
            return self.row(node.body, script)
        if isinstance(node, Frac):
            return self.frac(node, False, script)
        if isinstance(node, Sqrt):
            return self.sqrt(node, script)
        if isinstance(node, Scripts):
            return self.scripts(node, script)
        if isinstance(node, Accent):
            return self.accent(node, script)
        if isinstance(node, Delim):
            body = self.row(node.body, script)
            left, right = self.delimiter(node.left), self.delimiter(node.right)
            return Piece(
                left + body.text + right,
                NONE if left else body.left,
                NONE if right else body.right,
            )
        if isinstance(node, Middle):
            return Piece(self.delimiter(node.delim))
        if isinstance(node, Matrix):
            return self.matrix(node)
        if isinstance(node, Stack):
            return self.stack(node, script)
        if isinstance(node, Phantom):
            return Piece(" " * len(self.row(node.body, script).text))
        return Piece("[" + self.row(node.body, script).text + "]")

    def stack(self, node: Stack, script: bool) -> Piece:
        """A base with annotations, written as scripts (=^def, →^f)."""
        base = self.row(node.base, script)
        text, edge = base.text, base.right
        for annotation, sup in ((node.under, False), (node.over, True)):
            if annotation is not None:
                part = self.script_piece(annotation, sup)
                text += part.text
                edge = part.right
        return Piece(text, base.left, edge)

    def sym(self, node: Sym) -> Piece:
        """A symbol; spelled-out ASCII operators (x, in, and) never touch a neighbouring letter."""
        text = node.ascii if self.ascii else node.text
        if self.ascii and node.kind in (Kind.BIN, Kind.REL) and text[:1].isalpha():
            return Piece(text, WORD, WORD)
        return piece(text)

    def frac(self, node: Frac, wrap: bool, script: bool) -> Piece:
        """A fraction as num/den (brackets as needed), or a binomial as C(n, k)."""
        num = self.row(node.num, script)
        den = self.row(node.den, script)
        if node.binom:
            return Piece(f"C({num.text.strip()}, {den.text.strip()})", ALNUM, NONE)
        num_text = f"({num.text})" if numerator_needs_parens(node.num) else num.text
        den_text = den.text if single_factor(node.den) else f"({den.text})"
        text = f"{num_text}/{den_text}"
        if wrap:
            return Piece(f"({text})")
        left = num.left if num_text == num.text else NONE
        right = den.right if den_text == den.text else NONE
        return Piece(text, left, right)

    def sqrt(self, node: Sqrt, script: bool) -> Piece:
        """A radical: √x, √(x + 1), ∛x; sqrt(...) in ASCII."""
        body = self.row(node.body, script)
        index = self.row(node.index, True).text.strip() if node.index is not None else ""
        if self.ascii:
            if index:
                return Piece(f"root({index}, {body.text})", WORD, NONE)
            return Piece(f"sqrt({body.text})", WORD, NONE)
        sign = "√"
        if index:
            raised = to_superscript(index)
            sign = {"3": "∛", "4": "∜"}.get(index) or (raised + "√" if raised else "")
            if not sign:
                return Piece(f"root({index}, {body.text})", WORD, NONE)
        if single_factor(node.body) and body.text:
            return Piece(sign + body.text, NONE, body.right)
        return Piece(f"{sign}({body.text})")

    def scripts(self, node: Scripts, script: bool) -> Piece:
        """A base followed by its subscript and superscript."""
        base_node = node.base
        if isinstance(base_node, Frac) and not base_node.binom:
            base = self.frac(base_node, True, script)
        else:
            base = self.node(base_node, script)
            if isinstance(base_node, Sqrt) or (
                isinstance(base_node, Group) and not single_factor(base_node.body)
            ):
                base = Piece(f"({base.text})")
        text, right = base.text, base.right
        for row, sup in ((node.sub, False), (node.sup, True)):
            if row is not None:
                part = self.script_piece(row, sup)
                text += part.text
                right = part.right
        return Piece(text, base.left, right)

    def unicode_script(self, row: Row, sup: bool) -> str | None:
        """The script written with Unicode super/subscript characters (or primes), if possible."""
        text = self.row(row, True).text.strip()
        if sup and text and set(text) <= _PRIMES:
            return text
        if self.ascii or _has_word(row):
            return None
        return to_superscript(text) if sup else to_subscript(text)

    def script_piece(self, row: Row, sup: bool) -> Piece:
        """One script in one-line form: Unicode characters, or ^x / ^(...) / _x / _(...)."""
        compact = self.unicode_script(row, sup)
        if compact is not None:
            return Piece(compact, NONE, ALNUM if compact[-1].isalnum() else NONE)
        inner = self.row(row, True)
        text = inner.text.strip()
        mark = "^" if sup else "_"
        lone = len(row.items) == 1 and isinstance(row.items[0], Sym)
        if text and (single_factor(row) or lone) and not any(c in text for c in " _^"):
            return Piece(mark + text, NONE, WORD if inner.right != NONE else NONE)
        return Piece(f"{mark}({text})")

    def accent(self, node: Accent, script: bool) -> Piece:
        """An accented base: a precomposed letter (ā, Â) or a spelled form such as hat(θ)."""
        body = self.row(node.body, script)
        if node.kind in BRACES:
            return body
        if not self.ascii:
            items = _unwrap(node.body)
            if len(items) == 1 and isinstance(items[0], Sym):
                composed = precomposed(items[0].text, node.kind)
                if composed is not None:
                    return piece(composed)
        name = NAMES.get(node.kind, node.kind)
        return Piece(f"{name}({body.text.strip()})", WORD, NONE)

    def matrix(self, node: Matrix) -> Piece:
        """A grid as (a, b; c, d), cases as {x, if y; ...}, aligned rows as a = b; c = d."""
        rows: list[str] = []
        for cells in node.rows:
            texts = [
                self.row(cell, node.gap == 0, Kind.ORD if node.pairs and index % 2 else None).text
                for index, cell in enumerate(cells)
            ]
            if node.pairs:
                parts = ["".join(texts[i : i + 2]).strip() for i in range(0, len(texts), 2)]
            else:
                parts = [text.strip() for text in texts]
            rows.append(", ".join(part for part in parts if part))
        body = (", " if node.gap == 0 else "; ").join(rows)
        left = self.delimiter(node.left)
        right = self.delimiter(node.right)
        if node.left == "{" and not node.right:
            right = "}"
        return Piece(left + body + right, NONE if left else ALNUM, NONE if right else ALNUM)
