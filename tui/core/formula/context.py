"""The pylatexenc parsing context: which macros take which arguments, plus ^ and _ as specials."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pylatexenc.latexwalker import (
    LatexCharsNode,
    LatexMacroNode,
    LatexWalkerEndOfStream,
    LatexWalkerParseError,
    get_default_latex_context_db,
)
from pylatexenc.macrospec import EnvironmentSpec, MacroSpec, ParsedMacroArgs, SpecialsSpec

from tui.core.formula.symbols import ACCENTS, MATH_FONTS, SIZED_DELIMITERS

# Macros with arguments handled by the converter: name -> argspec ('*' star, '[' optional, '{').
ARGSPECS: dict[str, str] = {
    "frac": "{{",
    "dfrac": "{{",
    "tfrac": "{{",
    "cfrac": "{{",
    "binom": "{{",
    "dbinom": "{{",
    "tbinom": "{{",
    "sqrt": "[{",
    "operatorname": "*{",
    "mathop": "{",
    "mathbin": "{",
    "mathrel": "{",
    "mathord": "{",
    "mathopen": "{",
    "mathclose": "{",
    "mathpunct": "{",
    "mathinner": "{",
    "ensuremath": "{",
    "not": "{",
    "overset": "{{",
    "underset": "{{",
    "stackrel": "{{",
    "xrightarrow": "[{",
    "xleftarrow": "[{",
    "substack": "{",
    "boxed": "{",
    "fbox": "{",
    "phantom": "{",
    "hphantom": "{",
    "vphantom": "{",
    "color": "[{",
    "textcolor": "[{{",
    "colorbox": "[{{",
    "hspace": "*{",
    "label": "{",
    "tag": "*{",
    "pmod": "{",
    "pod": "{",
    "cancel": "{",
    "bcancel": "{",
    "xcancel": "{",
    "mathclap": "{",
    "mathllap": "{",
    "mathrlap": "{",
    "clap": "{",
    "llap": "{",
    "rlap": "{",
}
for _name in ACCENTS:
    ARGSPECS[_name] = "{"
for _name in MATH_FONTS:
    ARGSPECS[_name] = "{"

# Macros followed by one delimiter token.
DELIMITER_TAKERS: frozenset[str] = frozenset({"left", "right", "middle", *SIZED_DELIMITERS})

_MATRIX_ENVIRONMENTS = (
    "matrix",
    "pmatrix",
    "bmatrix",
    "Bmatrix",
    "vmatrix",
    "Vmatrix",
    "smallmatrix",
    "cases",
    "dcases",
    "rcases",
    "aligned",
    "alignedat",
    "gathered",
    "split",
)


class ArgsParser:
    """Parse macro arguments: a lone macro argument keeps its own arguments (x^\\mathrm{T})."""

    def __init__(self, argspec: str, tight_optional: bool = False) -> None:
        """Remember the argument spec ('*', '[', '{'); `tight_optional`: no space before '['."""
        self.argspec = argspec
        self.tight_optional = tight_optional

    def parse_args(self, w: Any, pos: int, parsing_state: Any = None, **_: Any) -> Any:
        """Read the arguments at `pos`; return pylatexenc's (parsed-args, pos, length) triple."""
        if parsing_state is None:
            parsing_state = w.make_parsing_state()
        argnlist: list[Any] = []
        p = pos
        for spec in self.argspec:
            if spec == "{":
                node, p = read_argument(w, p, parsing_state)
                argnlist.append(node)
            elif spec == "[":
                if self.tight_optional and p < len(w.s) and w.s[p].isspace():
                    argnlist.append(None)
                    continue
                found = w.get_latex_maybe_optional_arg(p, parsing_state=parsing_state)
                if found is None:
                    argnlist.append(None)
                else:
                    node, npos, nlen = found
                    argnlist.append(node)
                    p = npos + nlen
            else:
                argnlist.append(None)
                try:
                    tok = w.get_token(p, environments=False, parsing_state=parsing_state)
                except LatexWalkerEndOfStream:
                    continue
                if tok.tok == "char" and tok.arg == "*":
                    argnlist[-1] = w.make_node(
                        LatexCharsNode, parsing_state=parsing_state, chars="*", pos=tok.pos, len=1
                    )
                    p = tok.pos + 1
        return ParsedMacroArgs(argspec=self.argspec, argnlist=argnlist), pos, p - pos


class DelimiterParser:
    """Parse the single delimiter token that follows \\left, \\right, \\big and friends."""

    argspec = "{"

    def parse_args(self, w: Any, pos: int, parsing_state: Any = None, **_: Any) -> Any:
        """Read one character or macro token as the delimiter."""
        if parsing_state is None:
            parsing_state = w.make_parsing_state()
        tok = w.get_token(pos, environments=False, parsing_state=parsing_state)
        if tok.tok == "char" and len(tok.arg) == 1:
            node = w.make_node(
                LatexCharsNode, parsing_state=parsing_state, chars=tok.arg, pos=tok.pos, len=1
            )
        elif tok.tok == "macro":
            node = w.make_node(
                LatexMacroNode,
                parsing_state=parsing_state,
                macroname=tok.arg,
                nodeargd=None,
                macro_post_space=tok.post_space,
                pos=tok.pos,
                len=tok.len,
            )
        else:
            raise LatexWalkerParseError(msg="missing delimiter", s=w.s, pos=tok.pos)
        end = tok.pos + tok.len
        return ParsedMacroArgs(argspec="{", argnlist=[node]), pos, end - pos


def read_argument(w: Any, pos: int, parsing_state: Any) -> tuple[Any, int]:
    """Read one mandatory argument: a group, a character, or a macro together with its arguments."""
    tok = w.get_token(pos, environments=False, parsing_state=parsing_state)
    if tok.tok == "macro" and tok.arg != "end":
        nodes, npos, nlen = w.get_latex_nodes(
            tok.pos, read_max_nodes=1, parsing_state=parsing_state
        )
        if not nodes:
            raise LatexWalkerParseError(msg="missing argument", s=w.s, pos=tok.pos)
        return nodes[0], npos + nlen
    if tok.tok in ("brace_close", "specials", "mathmode_inline", "mathmode_display") or (
        tok.tok == "macro"
    ):
        raise LatexWalkerParseError(msg="missing argument", s=w.s, pos=tok.pos)
    if tok.tok == "char" and tok.arg.isspace():
        raise LatexWalkerParseError(msg="missing argument", s=w.s, pos=tok.pos)
    node, npos, nlen = w.get_latex_expression(pos, strict_braces=False, parsing_state=parsing_state)
    return node, npos + nlen


@lru_cache(maxsize=1)
def latex_context() -> Any:
    """The context database used for every parse, built once on first use."""
    db = get_default_latex_context_db().filter_context(
        exclude_categories=["nonascii-specials", "verbatim"]
    )
    macros = [MacroSpec(name, args_parser=ArgsParser(spec)) for name, spec in ARGSPECS.items()]
    macros += [MacroSpec(name, args_parser=DelimiterParser()) for name in DELIMITER_TAKERS]
    macros.append(MacroSpec("\\", args_parser=ArgsParser("*[", tight_optional=True)))
    script = ArgsParser("{")
    specials = [
        SpecialsSpec("^", args_parser=script),
        SpecialsSpec("_", args_parser=script),
        SpecialsSpec("&"),
    ]
    environments = [
        EnvironmentSpec(name, args_parser=ArgsParser("")) for name in _MATRIX_ENVIRONMENTS
    ]
    environments.append(EnvironmentSpec("array", args_parser=ArgsParser("[{")))
    environments.append(EnvironmentSpec("subarray", args_parser=ArgsParser("{")))
    environments.append(EnvironmentSpec("alignat", args_parser=ArgsParser("{")))
    environments.append(EnvironmentSpec("alignat*", args_parser=ArgsParser("{")))
    environments.append(EnvironmentSpec("alignedat", args_parser=ArgsParser("{")))
    db.add_context_category(
        "genai-formula", macros=macros, environments=environments, specials=specials, prepend=True
    )
    return db
