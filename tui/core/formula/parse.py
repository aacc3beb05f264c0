"""Turn LaTeX source into the formula syntax tree, using pylatexenc's LatexWalker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from pylatexenc.latexwalker import (
    LatexCharsNode,
    LatexCommentNode,
    LatexEnvironmentNode,
    LatexGroupNode,
    LatexMacroNode,
    LatexMathNode,
    LatexSpecialsNode,
    LatexWalker,
)

from tui.core.formula.chars import clean_source, clean_text, glyph
from tui.core.formula.context import ARGSPECS, DELIMITER_TAKERS, latex_context
from tui.core.formula.fonts import merge_words, restyle
from tui.core.formula.nodes import (
    Accent,
    Boxed,
    Delim,
    Formula,
    FormulaError,
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
from tui.core.formula.symbols import (
    ACCENTS,
    BIG_OPERATORS,
    BINARY,
    CHARACTERS,
    CLASS_MACROS,
    CLOSING_DELIMITERS,
    DELIMITER_ASCII,
    DELIMITER_CHARS,
    DELIMITER_MACROS,
    FUNCTIONS,
    GREEK,
    IGNORED,
    MATH_FONTS,
    MATRIX_DELIMITERS,
    NEGATED,
    OPENING_DELIMITERS,
    ORDINARY,
    RELATION,
    SIZED_DELIMITERS,
    SPACES,
    UNICODE_INPUT,
)

_ALIGN_ENVIRONMENTS = frozenset(
    {
        "aligned",
        "align",
        "align*",
        "alignat",
        "alignat*",
        "alignedat",
        "flalign",
        "flalign*",
        "split",
        "eqnarray",
        "eqnarray*",
    }
)
_CASES_ENVIRONMENTS = frozenset({"cases", "dcases", "cases*", "rcases"})
_RM_FONTS = frozenset({"rm"})
_TRANSPARENT = frozenset(
    {
        "ensuremath",
        "textcolor",
        "colorbox",
        "cancel",
        "bcancel",
        "xcancel",
        "mathclap",
        "mathllap",
        "mathrlap",
        "clap",
        "llap",
        "rlap",
    }
)
_MACRO_RE = re.compile(r"\\([A-Za-z]+|.)")
_NUMBER_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def parse(latex: str) -> Formula:
    """Parse LaTeX math; raise FormulaError (or a pylatexenc error) when it is malformed."""
    source = clean_source(latex)
    trailing = len(source.rstrip()) - len(source.rstrip().rstrip("\\"))
    if trailing % 2:
        raise FormulaError("dangling backslash")
    walker = LatexWalker(source, latex_context=latex_context(), tolerant_parsing=False)
    state = walker.make_parsing_state(in_math_mode=True)
    nodes, _, _ = walker.get_latex_nodes(0, parsing_state=state)
    converter = _Converter()
    lines = tuple(converter.row(chunk) for chunk in _split_at(nodes, "\\"))
    return Formula(lines, tuple(converter.unknown))


def known_macro(name: str) -> bool:
    """Whether the converter understands a macro name."""
    return (
        name in GREEK
        or name in ORDINARY
        or name in BINARY
        or name in RELATION
        or name in BIG_OPERATORS
        or name in FUNCTIONS
        or name in DELIMITER_MACROS
        or name in SPACES
        or name in IGNORED
        or name in ARGSPECS
        or name in DELIMITER_TAKERS
        or name in {"over", "choose", "atop", "\\", "bmod", "mod", "begin", "end", "{", "}"}
    )


def scan_unknown_macros(latex: str) -> list[str]:
    """Unknown macro names found by a plain scan (used when the source does not parse)."""
    seen: list[str] = []
    for match in _MACRO_RE.finditer(clean_source(latex)):
        name = match.group(1)
        if not known_macro(name) and name not in seen:
            seen.append(name)
    return seen


def _split_at(nodes: Sequence[Any], macro: str) -> list[list[Any]]:
    """Split a node list at a given macro (used for top-level \\\\ line breaks)."""
    chunks: list[list[Any]] = [[]]
    for node in nodes:
        if isinstance(node, LatexMacroNode) and node.macroname == macro:
            chunks.append([])
        else:
            chunks[-1].append(node)
    if len(chunks) > 1 and not any(_has_content(n) for n in chunks[-1]):
        chunks.pop()
    return chunks


def _has_content(node: Any) -> bool:
    """Whether a node is more than whitespace or a comment."""
    if isinstance(node, LatexCharsNode):
        return bool(node.chars.strip())
    return not isinstance(node, LatexCommentNode)


def _args(node: Any, count: int) -> list[Any]:
    """The parsed argument nodes of a macro, checking that there are `count` of them."""
    argd = node.nodeargd
    argnlist = list(argd.argnlist) if argd is not None and argd.argnlist is not None else []
    if len(argnlist) < count:
        raise FormulaError(f"\\{node.macroname} is missing arguments")
    return argnlist


def _plain_text(row: Row) -> tuple[str, str] | None:
    """The Unicode and ASCII text of a row made only of symbols and spaces, else None."""
    uni: list[str] = []
    asc: list[str] = []
    for item in row.items:
        if isinstance(item, Sym | TextRun):
            uni.append(item.text)
            asc.append(item.ascii)
        elif isinstance(item, Space):
            uni.append(" " * min(item.width, 1))
            asc.append(" " * min(item.width, 1))
        elif isinstance(item, Group):
            inner = _plain_text(item.body)
            if inner is None:
                return None
            uni.append(inner[0])
            asc.append(inner[1])
        else:
            return None
    return "".join(uni), "".join(asc)


def _as_node(row: Row, kind: Kind = Kind.ORD) -> Node:
    """A row as a single item: the item itself when there is exactly one, else a group."""
    if len(row.items) == 1 and kind is Kind.ORD:
        return row.items[0]
    return Group(row, kind)


class _Converter:
    """Walks pylatexenc nodes and builds rows, remembering unknown macros."""

    def __init__(self) -> None:
        """Start with no unknown macros."""
        self.unknown: list[str] = []

    # ----------------------------------------------------------------- rows
    def row(self, nodes: Sequence[Any]) -> Row:
        """Convert a math-mode node list into a row."""
        for infix in ("over", "choose", "atop"):
            parts = _split_at(nodes, infix)
            if len(parts) == 2:
                num, den = self.row(parts[0]), self.row(parts[1])
                if infix == "choose":
                    return Row((Frac(num, den, binom=True),))
                return Row((Frac(num, den),))
        items: list[Node] = []
        index = 0
        nodes = list(nodes)
        while index < len(nodes):
            node = nodes[index]
            index += 1
            if isinstance(node, LatexCharsNode):
                self._chars(node.chars, items)
            elif isinstance(node, LatexMacroNode):
                if node.macroname == "left":
                    end = _matching_right(nodes, index - 1)
                    left = self._delimiter(node)
                    right = self._delimiter(nodes[end])
                    body = self.row(nodes[index:end])
                    items.append(Delim(left, body, right))
                    index = end + 1
                elif node.macroname == "right":
                    raise FormulaError("\\right without \\left")
                else:
                    self._macro(node, items)
            elif isinstance(node, LatexGroupNode):
                items.append(Group(self.row(node.nodelist)))
            elif isinstance(node, LatexSpecialsNode):
                self._specials(node, items)
            elif isinstance(node, LatexEnvironmentNode):
                items.append(self._environment(node))
            elif isinstance(node, LatexMathNode):
                items.extend(self.row(node.nodelist).items)
            elif not isinstance(node, LatexCommentNode):
                raise FormulaError("unexpected node")
        return Row(tuple(items))

    def arg(self, node: Any) -> Row:
        """Convert one macro argument (group or single token) into a row."""
        if node is None:
            return Row(())
        if isinstance(node, LatexGroupNode):
            return self.row(node.nodelist)
        if isinstance(node, LatexCharsNode) and not node.chars:
            raise FormulaError("empty argument")
        if isinstance(node, LatexSpecialsNode):
            raise FormulaError("special character as argument")
        return self.row([node])

    def _chars(self, text: str, items: list[Node]) -> None:
        """Append the atoms for a run of plain math-mode characters."""
        pos = 0
        while pos < len(text):
            char = text[pos]
            if char.isspace():
                pos += 1
                continue
            number = _NUMBER_RE.match(text, pos)
            if number is not None and char.isascii():
                items.append(Sym(number.group(), number.group()))
                pos = number.end()
                continue
            pos += 1
            if char in CHARACTERS:
                uni, asc, kind = CHARACTERS[char]
                items.append(Sym(uni, asc, kind))
            elif char == "~":
                items.append(Space(1))
            elif char in UNICODE_INPUT:
                asc, kind = UNICODE_INPUT[char]
                items.append(Sym(glyph(char, False), asc, kind))
            else:
                uni = glyph(char, False)
                if uni:
                    items.append(Sym(uni, glyph(char, True)))

    def _specials(self, node: Any, items: list[Node]) -> None:
        """Attach a script, or reject an alignment tab outside an environment."""
        chars = node.specials_chars
        if chars in ("^", "_"):
            argd = node.nodeargd
            if argd is None or not argd.argnlist:
                raise FormulaError("script without argument")
            script = self.arg(argd.argnlist[0])
            _attach(items, chars, script)
        elif chars == "&":
            raise FormulaError("& outside an environment")
        else:
            self._chars(chars, items)

    # --------------------------------------------------------------- macros
    def _macro(self, node: Any, items: list[Node]) -> None:
        """Append whatever a macro stands for."""
        name: str = node.macroname
        if name in SPACES:
            items.append(Space(SPACES[name]))
        elif name in GREEK:
            uni, asc = GREEK[name]
            items.append(Sym(uni, asc))
        elif name in ORDINARY:
            uni, asc = ORDINARY[name]
            items.append(Sym(uni, asc))
        elif name in BINARY:
            uni, asc = BINARY[name]
            items.append(Sym(uni, asc, Kind.BIN))
        elif name in RELATION:
            uni, asc = RELATION[name]
            items.append(Sym(uni, asc, Kind.REL))
        elif name in BIG_OPERATORS:
            uni, asc, limits = BIG_OPERATORS[name]
            items.append(Sym(uni, asc, Kind.OP, limits=limits, big=True))
        elif name in FUNCTIONS:
            self._function(name, items)
        elif name in DELIMITER_MACROS:
            glyph_ = DELIMITER_MACROS[name]
            items.append(Sym(glyph_, DELIMITER_ASCII[glyph_], _delimiter_kind(glyph_)))
        elif name in ("limits", "nolimits"):
            if items and isinstance(items[-1], Sym):
                items[-1] = replace(items[-1], limits=name == "limits")
        elif name in IGNORED:
            return
        elif name in SIZED_DELIMITERS:
            glyph_ = self._delimiter(node)
            if glyph_:
                kind = SIZED_DELIMITERS[name] or _delimiter_kind(glyph_)
                items.append(Sym(glyph_, DELIMITER_ASCII[glyph_], kind))
        elif name == "middle":
            items.append(Middle(self._delimiter(node)))
        elif name in ("frac", "dfrac", "tfrac", "cfrac"):
            args = _args(node, 2)
            items.append(Frac(self.arg(args[0]), self.arg(args[1])))
        elif name in ("binom", "dbinom", "tbinom"):
            args = _args(node, 2)
            items.append(Frac(self.arg(args[0]), self.arg(args[1]), binom=True))
        elif name == "sqrt":
            args = _args(node, 2)
            index = self.arg(args[0]) if args[0] is not None else None
            items.append(Sqrt(self.arg(args[1]), index))
        elif name in ACCENTS:
            items.append(Accent(ACCENTS[name], self.arg(_args(node, 1)[0])))
        elif name in MATH_FONTS:
            items.append(self._font(MATH_FONTS[name], _args(node, 1)[0]))
        else:
            self._structure(node, name, items)

    def _structure(self, node: Any, name: str, items: list[Node]) -> None:
        """Macros that build structure: operator names, stacks, boxes, negation..."""
        if name in ("operatorname", "mathop"):
            args = _args(node, 1)
            body = self.arg(args[-1])
            limits = name == "mathop" or args[0] is not None
            text = _plain_text(body)
            if text is None:
                items.append(Group(body, Kind.FUNC))
            else:
                items.append(Sym(text[0], text[1], Kind.FUNC, limits=limits))
        elif name in CLASS_MACROS:
            items.append(Group(self.arg(_args(node, 1)[0]), CLASS_MACROS[name]))
        elif name in _TRANSPARENT:
            items.append(_as_node(self.arg(_args(node, 1)[-1])))
        elif name == "not":
            self._negate(self.arg(_args(node, 1)[0]), items)
        elif name in ("overset", "stackrel"):
            args = _args(node, 2)
            items.append(Stack(self.arg(args[1]), over=self.arg(args[0])))
        elif name == "underset":
            args = _args(node, 2)
            items.append(Stack(self.arg(args[1]), under=self.arg(args[0])))
        elif name in ("xrightarrow", "xleftarrow"):
            args = _args(node, 2)
            arrow = Sym("→", "->", Kind.REL) if name == "xrightarrow" else Sym("←", "<-", Kind.REL)
            under = self.arg(args[0]) if args[0] is not None else None
            items.append(Stack(Row((arrow,)), over=self.arg(args[1]), under=under))
        elif name == "substack":
            arg = _args(node, 1)[0]
            nodes = arg.nodelist if isinstance(arg, LatexGroupNode) else [arg]
            rows = tuple((self.row(chunk),) for chunk in _split_at(nodes, "\\"))
            items.append(Matrix(rows, "", "", "c", gap=0))
        elif name in ("boxed", "fbox"):
            items.append(Boxed(self.arg(_args(node, 1)[0])))
        elif name in ("phantom", "hphantom"):
            items.append(Phantom(self.arg(_args(node, 1)[0]), keep_height=name == "phantom"))
        elif name in ("vphantom", "color", "label"):
            return
        elif name == "hspace":
            items.append(Space(1))
        elif name == "tag":
            text = _plain_text(self._text(_args(node, 2)[1]))
            if text is not None:
                items.extend((Space(4), TextRun(f"({text[0]})", f"({text[1]})")))
        elif name in ("pmod", "pod"):
            inner = self.arg(_args(node, 1)[0]).items
            word: tuple[Node, ...] = (Sym("mod", "mod", Kind.FUNC),) if name == "pmod" else ()
            items.append(Space(1))
            items.append(Sym("(", "(", Kind.OPEN))
            items.extend((*word, *inner))
            items.append(Sym(")", ")", Kind.CLOSE))
        elif name == "bmod":
            items.append(Sym("mod", "mod", Kind.BIN))
        elif name == "mod":
            items.extend((Space(2), Sym("mod", "mod", Kind.FUNC)))
        elif name in ("{", "}"):
            items.append(Sym(name, name, Kind.OPEN if name == "{" else Kind.CLOSE))
        elif name == "\\":
            items.append(Space(1))
        else:
            self._unknown(node, name, items)

    def _unknown(self, node: Any, name: str, items: list[Node]) -> None:
        """Render an unknown macro as its name followed by any arguments pylatexenc found."""
        if name not in self.unknown:
            self.unknown.append(name)
        text = glyph(name, False) if len(name) == 1 else name
        if text.strip():
            items.append(Sym(text, glyph(name, True) if len(name) == 1 else name))
        argd = node.nodeargd
        for arg in argd.argnlist if argd is not None and argd.argnlist else []:
            if arg is not None and not (isinstance(arg, LatexCharsNode) and arg.chars == "*"):
                items.append(Group(self.arg(arg)))

    def _function(self, name: str, items: list[Node]) -> None:
        """Append an operator name such as log or max; \\arg\\max becomes one operator."""
        text, limits = FUNCTIONS[name]
        previous = items[-1] if items else None
        if name in ("max", "min") and isinstance(previous, Sym) and previous.text == "arg":
            items[-1] = Sym(f"arg {text}", f"arg {text}", Kind.FUNC, limits=True)
            return
        items.append(Sym(text, text, Kind.FUNC, limits=limits))

    def _negate(self, body: Row, items: list[Node]) -> None:
        """\\not applied to a relation: use the negated glyph when Unicode has one."""
        if len(body.items) == 1 and isinstance(body.items[0], Sym):
            sym = body.items[0]
            if sym.text in NEGATED:
                spelled = "!" + sym.ascii if not sym.ascii.isalpha() else "not " + sym.ascii
                items.append(Sym(NEGATED[sym.text], spelled, sym.kind))
                return
        items.append(Sym("¬", "not"))
        items.extend(body.items)

    def _delimiter(self, node: Any) -> str:
        """The delimiter glyph given to \\left, \\right, \\middle or \\big ('' for '.')."""
        args = _args(node, 1)
        arg = args[0]
        if isinstance(arg, LatexCharsNode) and arg.chars in DELIMITER_CHARS:
            return DELIMITER_CHARS[arg.chars]
        if isinstance(arg, LatexMacroNode) and arg.macroname in DELIMITER_MACROS:
            return DELIMITER_MACROS[arg.macroname]
        raise FormulaError(f"bad delimiter after \\{node.macroname}")

    # ---------------------------------------------------------------- fonts
    def _font(self, font: str, arg: Any) -> Node:
        """Apply a font macro to its argument."""
        if font == "text":
            return _as_node(self._text(arg))
        body = self.arg(arg)
        if font in _RM_FONTS:
            return _as_node(merge_words(body))
        return _as_node(restyle(body, font))

    def _text(self, arg: Any) -> Row:
        """Convert a text-mode argument: spaces kept, math inside $...$ converted as math."""
        if arg is None:
            return Row(())
        nodes = arg.nodelist if isinstance(arg, LatexGroupNode) else [arg]
        items: list[Node] = []
        buffer: list[str] = []

        def flush() -> None:
            """Emit the buffered text as one run."""
            if buffer:
                text = re.sub(r"\s+", " ", "".join(buffer))
                items.append(TextRun(clean_text(text, False), clean_text(text, True)))
                buffer.clear()

        for node in nodes:
            if isinstance(node, LatexCharsNode):
                buffer.append(node.chars)
            elif isinstance(node, LatexSpecialsNode):
                buffer.append(node.specials_chars)
                if node.nodeargd is not None and node.nodeargd.argnlist:
                    flush()
                    items.extend(self._text(node.nodeargd.argnlist[0]).items)
            elif isinstance(node, LatexMacroNode):
                name = node.macroname
                if name in SPACES or name == "\\":
                    buffer.append(" ")
                elif name in ORDINARY or name in GREEK:
                    buffer.append((ORDINARY.get(name) or GREEK[name])[0])
                elif name in MATH_FONTS and MATH_FONTS[name] == "text":
                    flush()
                    items.extend(self._text(_args(node, 1)[0]).items)
                elif name in ("{", "}"):
                    buffer.append(name)
                else:
                    flush()
                    self._macro(node, items)
            elif isinstance(node, LatexGroupNode):
                flush()
                items.extend(self._text(node).items)
            elif isinstance(node, LatexMathNode):
                flush()
                items.append(Group(self.row(node.nodelist)))
        flush()
        return Row(tuple(items))

    # --------------------------------------------------------- environments
    def _environment(self, node: Any) -> Node:
        """Convert matrix-like environments (matrix, cases, aligned, array...) to a grid."""
        name: str = node.environmentname
        rows: list[tuple[Row, ...]] = []
        for chunk in _split_at(node.nodelist, "\\"):
            cells = _split_cells(chunk)
            rows.append(tuple(self.row(cell) for cell in cells))
        if rows and all(not cell.items for cell in rows[-1]) and len(rows) > 1:
            rows.pop()
        grid = tuple(rows)
        if name in MATRIX_DELIMITERS:
            left, right = MATRIX_DELIMITERS[name]
            return Matrix(grid, left, right, "c")
        if name in _CASES_ENVIRONMENTS:
            if name == "rcases":
                return Matrix(grid, "", "}", "ll")
            return Matrix(grid, "{", "", "ll")
        if name in _ALIGN_ENVIRONMENTS:
            return Matrix(grid, "", "", "rl", pairs=True)
        if name in ("array", "subarray"):
            argd = node.nodeargd
            spec_node = argd.argnlist[-1] if argd is not None and argd.argnlist else None
            spec = _plain_text(self.arg(spec_node)) if spec_node is not None else None
            align = "".join(c for c in (spec[1] if spec else "") if c in "lcr") or "c"
            return Matrix(grid, "", "", align)
        if len(grid) == 1 and len(grid[0]) == 1:
            return Group(grid[0][0])
        return Matrix(grid, "", "", "l" if name.startswith("gather") else "c")


def _split_cells(nodes: Sequence[Any]) -> list[list[Any]]:
    """Split one environment row at & alignment tabs."""
    cells: list[list[Any]] = [[]]
    for node in nodes:
        if isinstance(node, LatexSpecialsNode) and node.specials_chars == "&":
            cells.append([])
        else:
            cells[-1].append(node)
    return cells


def _matching_right(nodes: Sequence[Any], start: int) -> int:
    """Index of the \\right that closes the \\left at `start`."""
    depth = 0
    for index in range(start, len(nodes)):
        node = nodes[index]
        if isinstance(node, LatexMacroNode):
            if node.macroname == "left":
                depth += 1
            elif node.macroname == "right":
                depth -= 1
                if depth == 0:
                    return index
    raise FormulaError("\\left without \\right")


def _delimiter_kind(glyph_: str) -> Kind:
    """Spacing class of a bare delimiter glyph."""
    if glyph_ in OPENING_DELIMITERS:
        return Kind.OPEN
    if glyph_ in CLOSING_DELIMITERS:
        return Kind.CLOSE
    return Kind.ORD


def _attach(items: list[Node], which: str, script: Row) -> None:
    """Attach a superscript (^) or subscript (_) to the last item."""
    base = items.pop() if items and not isinstance(items[-1], Space) else Group(Row(()))
    sup = which == "^"
    if isinstance(base, Scripts) and (base.sup if sup else base.sub) is None:
        items.append(replace(base, sup=script) if sup else replace(base, sub=script))
    else:
        items.append(Scripts(base, sup=script) if sup else Scripts(base, sub=script))
