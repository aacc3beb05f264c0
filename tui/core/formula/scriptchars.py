"""Unicode superscript and subscript characters, for scripts written entirely in them."""

from __future__ import annotations

from typing import Final

SUPERSCRIPTS: Final[dict[str, str]] = {
    **dict(zip("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹", strict=True)),
    "+": "⁺",
    "-": "⁻",
    "−": "⁻",
    "=": "⁼",
    "(": "⁽",
    ")": "⁾",
    **dict(zip("abcdefghijklmnoprstuvwxyz", "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ", strict=True)),
    "T": "ᵀ",
    "α": "ᵅ",
    "β": "ᵝ",
    "γ": "ᵞ",
    "δ": "ᵟ",
    "ε": "ᵋ",
    "θ": "ᶿ",
    "ι": "ᶥ",
    "φ": "ᵠ",
    "ϕ": "ᵠ",
    "χ": "ᵡ",
    "⊤": "ᵀ",
    "∗": "*",
    "*": "*",
}

SUBSCRIPTS: Final[dict[str, str]] = {
    **dict(zip("0123456789", "₀₁₂₃₄₅₆₇₈₉", strict=True)),
    "+": "₊",
    "-": "₋",
    "−": "₋",
    "=": "₌",
    "(": "₍",
    ")": "₎",
    **dict(zip("aehijklmnoprstuvx", "ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True)),
    "β": "ᵦ",
    "γ": "ᵧ",
    "ρ": "ᵨ",
    "φ": "ᵩ",
    "ϕ": "ᵩ",
    "χ": "ᵪ",
}

SCRIPT_CHARS: Final[frozenset[str]] = frozenset(SUPERSCRIPTS.values()) | frozenset(
    SUBSCRIPTS.values()
)


def to_superscript(text: str) -> str | None:
    """The text in superscript characters, or None if some character has no such form."""
    if not text or any(char not in SUPERSCRIPTS for char in text):
        return None
    return "".join(SUPERSCRIPTS[char] for char in text)


def to_subscript(text: str) -> str | None:
    """The text in subscript characters, or None if some character has no such form."""
    if not text or any(char not in SUBSCRIPTS for char in text):
        return None
    return "".join(SUBSCRIPTS[char] for char in text)
