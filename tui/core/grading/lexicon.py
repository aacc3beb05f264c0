"""Word lists the offline grader's rules use: filler words, negators and directional words."""

from __future__ import annotations

STOPWORDS = frozenset(
    """a an the and or but if then than so as of to in on at by for with from into onto over
    under about via per is are was were be been being it its it's this that these those there
    their they them we you your i he she his her our us do does did done can could would should
    may might must will shall just also only even very much many some any each every all both
    which who whom whose what when where why how while whereas such one own same other another
    has have had having get gets got make makes made use uses used using like basically really
    actually pretty kind sort thing things way ways so-called called well say says said think
    let lets let's instead rather too quite here now""".split()
)
"""Words that carry no content of a key point."""

NEGATORS = frozenset(
    """not no never none nothing neither nor without cannot can't don't doesn't didn't isn't
    aren't wasn't weren't won't wouldn't shouldn't couldn't hasn't haven't fails""".split()
)
"""Words that flip the truth of the clause they sit in."""

ANTONYMS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("optimum", ("minimiz", "minimum", "minimal"), ("maximiz", "maximum", "maximal")),
    (
        "amount",
        ("increas", "rais", "higher", "high", "larger", "large", "more", "above", "grow",
         "bigger", "big", "greater", "up", "longer", "long", "add", "gain"),
        ("decreas", "reduc", "lower", "low", "smaller", "small", "less", "fewer", "below",
         "shrink", "shorter", "short", "down", "remov", "drop", "cut"),
    ),
    ("shape", ("sharp", "sharpen", "peak", "peaked", "peaky", "spiky", "concentrat"), ("flatten", "flat", "uniform", "spread")),
    ("order", ("before", "first", "earlier", "early", "prior"), ("after", "last", "later", "late")),
    ("speed", ("faster", "fast", "quick", "quicker", "cheaper", "cheap"), ("slower", "slow", "costlier", "expensive")),
    ("distance", ("close", "closer", "near", "nearby"), ("far", "farther", "away", "drift", "diverg")),
    ("truth", ("correct", "true", "right", "valid"), ("wrong", "false", "incorrect", "invalid")),
    ("scope", ("global", "all", "every", "entire", "whole"), ("local", "partial", "subset")),
    ("fixed", ("frozen", "fixed", "static", "constant"), ("trained", "updated", "learned", "learnt", "dynamic")),
    ("same", ("same", "unchanged", "identical", "preserv", "keep", "kept"), ("chang", "different", "alter", "differ")),
)
"""Pairs of opposite directions: (axis, stems meaning +1, stems meaning -1)."""

POLAR: dict[str, tuple[str, int]] = {
    stem: (axis, sign)
    for axis, up, down in ANTONYMS
    for sign, stems in ((1, up), (-1, down))
    for stem in stems
}
"""Each directional stem mapped to its axis and its sign (+1 or -1)."""
