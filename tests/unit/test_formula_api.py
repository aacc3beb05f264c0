"""Behaviour of the formula renderer's public API on specific, hand-checked inputs."""

from __future__ import annotations

import re
import time

import pytest

import tui.core.formula as formula
from tui.core.formula import render_display, render_inline, unknown_macros
from tui.core.formula.render import _display, _parsed

REALISTIC = [
    r"\mathrm{Attention}(Q,K,V)=\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V",
    r"\mathcal{L}_{\mathrm{DPO}}=-\mathbb{E}_{(x,y_w,y_l)\sim\mathcal{D}}\left[\log\sigma\left("
    r"\beta\log\frac{\pi_\theta(y_w\mid x)}{\pi_{\mathrm{ref}}(y_w\mid x)}"
    r"-\beta\log\frac{\pi_\theta(y_l\mid x)}{\pi_{\mathrm{ref}}(y_l\mid x)}\right)\right]",
    r"q(x_t\mid x_0)=\mathcal{N}\left(x_t;\sqrt{\bar\alpha_t}\,x_0,(1-\bar\alpha_t)I\right)",
    r"h=W_0x+\frac{\alpha}{r}BAx",
    r"B\in\mathbb{R}^{d\times r},\quad A\in\mathbb{R}^{r\times k}",
    r"p_i=\frac{e^{z_i/T}}{\sum_j e^{z_j/T}}",
    r"y=\gamma\odot\frac{x-\mu}{\sqrt{\sigma^2+\epsilon}}+\beta",
    r"\mathrm{RMSNorm}(x)=\frac{x}{\sqrt{\frac{1}{d}\sum_{i=1}^{d}x_i^2+\epsilon}}\odot g",
    r"\mathrm{BLEU}=\mathrm{BP}\cdot\exp\left(\sum_{n=1}^{4} w_n\log p_n\right)",
    r"\mathrm{BP}=\begin{cases}1 & \text{if } c>r\\ e^{1-r/c} & \text{if } c\le r\end{cases}",
    r"R=\begin{pmatrix}\cos\theta & -\sin\theta\\ \sin\theta & \cos\theta\end{pmatrix}",
    r"M=\begin{bmatrix}1 & 2\\ 3 & 4\end{bmatrix}",
    r"\binom{n}{k}=\frac{n!}{k!(n-k)!}",
    r"L^{\mathrm{CLIP}}(\theta)=\hat{\mathbb{E}}_t\left[\min\left(\rho_t\hat{A}_t,\ "
    r"\mathrm{clip}(\rho_t,1-\epsilon,1+\epsilon)\hat{A}_t\right)\right]",
    r"\mathrm{BM25}(D,Q)=\sum_{i=1}^{n}\mathrm{IDF}(q_i)\,\frac{f(q_i,D)\,(k_1+1)}"
    r"{f(q_i,D)+k_1\left(1-b+b\,\frac{|D|}{\mathrm{avgdl}}\right)}",
    r"\mathrm{RRF}(d)=\sum_{r\in R}\frac{1}{k+\mathrm{rank}_r(d)}",
    r"\mathcal{L}=-\log\frac{e^{s(q,k^{+})/\tau}}{\sum_{i=1}^{N}e^{s(q,k_i)/\tau}}",
    r"\cos(a,b)=\frac{a\cdot b}{\|a\|\,\|b\|}",
    r"\min_G\max_D\;\mathbb{E}_{x\sim p_{data}}[\log D(x)]"
    r"+\mathbb{E}_{z\sim p(z)}[\log(1-D(G(z)))]",
    r"\hat a=\arg\max_a\sum_i\mathbb{1}[a_i=a]",
    r"\log p(x)\ge\mathbb{E}_{q(z\mid x)}[\log p(x\mid z)]-\mathrm{KL}(q(z\mid x)\,\|\,p(z))",
    r"\int_{-\infty}^{\infty}e^{-x^2}\,dx=\sqrt{\pi}",
    r"\mathrm{PPL}=\exp\left(-\frac{1}{N}\sum_{i=1}^{N}\log p(x_i\mid x_{<i})\right)",
    r"\theta_{t+1}=\theta_t-\frac{\eta}{\sqrt{\hat{v}_t}+\epsilon}\hat{m}_t",
    r"L(N,D)=E+\frac{A}{N^{\alpha}}+\frac{B}{D^{\beta}}",
    r"\mathcal{L}=(1-\lambda)\,\mathrm{CE}\left(y,p_S\right)+\lambda\,\tau^2\,"
    r"\mathrm{KL}\left(p_T^{\tau}\,\|\,p_S^{\tau}\right)",
    r"s=\frac{x_{\max}-x_{\min}}{q_{\max}-q_{\min}},\quad z=q_{\min}-"
    r"\mathrm{round}\left(\frac{x_{\min}}{s}\right)",
    r"\hat{W}=\arg\min_{\hat{W}}\left\|WX-\hat{W}X\right\|_2^2",
    r"\mathrm{pass@}k=\mathbb{E}_{\text{tasks}}\left[1-\frac{\binom{N-c}{k}}{\binom{N}{k}}\right]",
    r"\mathbb{E}[\text{tokens}]=\frac{1-\alpha^{\gamma+1}}{1-\alpha}",
    r"z_i'=\begin{cases}z_i & \text{if } i\in A_t\\ -\infty & \text{otherwise}\end{cases}",
    r"\nabla_{x_t}\log q(x_t)\approx-\frac{\epsilon_\theta(x_t,t)}{\sqrt{1-\bar\alpha_t}}",
    r"x=\frac{-b\pm\sqrt{b^2-4ac}}{2a}",
]


def test_public_names() -> None:
    """The package exports exactly the four public functions."""
    assert sorted(formula.__all__) == [
        "formula_problem",
        "render_display",
        "render_inline",
        "unknown_macros",
    ]


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\frac{a+b}{c+d}", "(a + b)/(c + d)"),
        (r"\mathbb{R}^{d\times r}", "ℝ^(d×r)"),
        (r"\frac{QK^\top}{\sqrt{d_k}}", "QKᵀ/√dₖ"),
        (r"\sqrt{x+1}", "√(x + 1)"),
        (r"e^{z_i/T}", "e^(zᵢ/T)"),
        (r"x_{t-1}", "xₜ₋₁"),
        (r"K^\top", "Kᵀ"),
        (r"x_0+d_k+x^2", "x₀ + dₖ + x²"),
        (r"\binom{n}{k}", "C(n, k)"),
        (r"\sum_{i=1}^{n} x_i", "∑ᵢ₌₁ⁿ xᵢ"),
        (r"\sum_{r\in R} x_r", "∑_(r∈R) xᵣ"),
        (r"\arg\max_a f(a)", "arg maxₐ f(a)"),
        (r"\log x+\log(x)", "log x + log(x)"),
        (r"a=b", "a = b"),
        (r"-x+y", "−x + y"),
        (r"f(a,b)", "f(a, b)"),
        (r"\bar\alpha_t", "ᾱₜ"),
        (r"\hat{x}", "x̂" if len("x̂") == 1 else "hat(x)"),
        (r"\|x\|", "‖x‖"),
        (r"\langle x,y\rangle", "⟨x, y⟩"),
        (r"\mathbb{E}_{x\sim p}", "𝔼_(x∼p)"),
        (r"\mathbb{1}", "𝟙"),
        (r"\mathrm{softmax}(z)", "softmax(z)"),
    ],
)
def test_inline_examples(latex: str, expected: str) -> None:
    """Hand-checked one-line renderings."""
    assert render_inline(latex) == expected


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\frac{a+b}{c+d}", "(a + b)/(c + d)"),
        (r"\mathbb{R}^{d\times r}", "R^(d x r)"),
        (r"\sqrt{x+1}", "sqrt(x + 1)"),
        (r"\alpha\le\beta", "alpha <= beta"),
        (r"\sigma(x)\neq 0", "sigma(x) != 0"),
        (r"a\cdot b\times c", "a * b x c"),
        (r"\|x\|", "||x||"),
        (r"\langle x,y\rangle", "<x, y>"),
        (r"x\to\infty", "x -> inf"),
        (r"\sum_{i=1}^n x_i", "sum_(i=1)^n x_i"),
        (r"\hat{A}_t", "hat(A)_t"),
    ],
)
def test_ascii_inline_examples(latex: str, expected: str) -> None:
    """Hand-checked ASCII one-line renderings."""
    assert render_inline(latex, ascii=True) == expected


def test_fraction_rule_is_the_baseline() -> None:
    """Text beside a fraction sits on the rule's line."""
    lines = render_display(r"p_i=\frac{e^{z_i/T}}{\sum_j e^{z_j/T}}")
    row = next(line for line in lines if line.startswith("pᵢ ="))
    assert "─" in row
    attention = render_display(
        r"\mathrm{Attention}(Q,K,V)=\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V"
    )
    row = next(line for line in attention if line.startswith("Attention(Q, K, V) = softmax"))
    assert "─" in row and row.endswith("V")


def test_limits_go_above_and_below_in_display() -> None:
    """Big operators and \\max put their limits over and under the operator."""
    lines = render_display(r"\sum_{i=1}^{n} x_i")
    assert lines == [" n", " ∑  xᵢ", "i=1"]
    assert render_display(r"\max_{x} f(x)") == ["max f(x)", " x"]
    assert render_display(r"\arg\max_{a} f(a)") == ["arg max f(a)", "   a"]


def test_tall_delimiters_grow() -> None:
    """\\left( ... \\right) grows to the height of a fraction."""
    lines = render_display(r"\left(\frac{a}{b}\right)")
    assert lines == ["⎛ a ⎞", "⎜───⎟", "⎝ b ⎠"]
    assert render_display(r"\left[\frac{a}{b}\right]") == ["⎡ a ⎤", "⎢───⎥", "⎣ b ⎦"]
    assert render_display(r"\left\{\frac{a}{b}\right.") == ["⎧ a", "⎨───", "⎩ b"]
    assert render_display(r"\left|\frac{a}{b}\right|") == ["│ a │", "│───│", "│ b │"]


def test_multi_character_scripts_are_never_ambiguous() -> None:
    """A superscript of several characters is bracketed or fully converted, never flattened."""
    assert render_inline(r"\mathbb{R}^{d\times r}") == "ℝ^(d×r)"
    assert render_inline(r"x^{ab}") == "xᵃᵇ"
    assert render_inline(r"x^{qr}") == "x^(qr)"
    assert render_inline(r"x_{w,v}") == "x_(w,v)"


def test_unknown_macros_in_order_without_duplicates() -> None:
    """Unknown macros are listed once each, in order of first use."""
    assert unknown_macros(r"\foo{x}+\alpha+\bar{y}\baz\foo") == ["foo", "baz"]
    assert unknown_macros(r"\frac{a}{b}") == []
    assert render_inline(r"\foo{x}") == "foo x"
    assert unknown_macros(r"\frac{\foo}") == ["foo"]


@pytest.mark.parametrize(
    "latex",
    [
        r"\frac{a}",
        r"{a+b",
        r"a+b}",
        r"\left( x",
        r"x \right)",
        r"x^",
        r"a_",
        r"a & b",
        r"\sqrt[3",
        r"\begin{pmatrix} a",
        r"\end{cases}",
        r"\left\foo x \right)",
        r"\begin{",
        "\\",
    ],
)
def test_malformed_input_falls_back_to_source(latex: str) -> None:
    """Malformed LaTeX is shown as its (cleaned) source, within the width."""
    assert render_inline(latex) == " ".join(latex.split())
    for width in (1, 5, 80):
        lines = render_display(latex, width)
        assert all(len(line) <= width for line in lines)
        assert "".join(lines).replace(" ", "") == latex.replace(" ", "")


def test_fallback_respects_ascii() -> None:
    """The plain-text fallback is ASCII too when asked."""
    text = render_inline(r"\frac{α}{β", ascii=True)
    assert text == r"\frac{alpha}{beta"


def test_control_characters_are_removed() -> None:
    """No control character from the source reaches the output."""
    source = "x\x1b[2J+\x00y\x7f\x9b=\x071"
    for text in [render_inline(source), *render_display(source, 10)]:
        assert not re.search("[\x00-\x1f\x7f-\x9f]", text)


def test_empty_and_blank_input() -> None:
    """Nothing to render gives no lines and an empty string."""
    assert render_display("") == []
    assert render_display("   ") == []
    assert render_inline("") == ""


def test_tiny_widths_wrap_characters() -> None:
    """Even one-cell widths never overflow."""
    for latex in REALISTIC[:5]:
        for width in (1, 2, 3):
            lines = render_display(latex, width)
            assert lines
            assert all(0 < len(line) <= width for line in lines if line)


def test_width_is_respected_by_breaking() -> None:
    """A long sum breaks before + and indents the continuation."""
    latex = r"f(x)=a_0+a_1x+a_2x^2+a_3x^3+a_4x^4+a_5x^5+a_6x^6+a_7x^7+a_8x^8"
    lines = render_display(latex, 40)
    assert len(lines) == 2
    assert lines[1].lstrip().startswith("+ ")
    assert all(len(line) <= 40 for line in lines)


@pytest.mark.parametrize("latex", REALISTIC)
def test_no_backslash_survives(latex: str) -> None:
    """Realistic formulas are fully understood: no macro leaks into the output."""
    assert unknown_macros(latex) == []
    outputs = [render_inline(latex), *render_display(latex, 80), *render_display(latex, 30)]
    for text in outputs:
        assert "\\" not in text, text
    inline = render_inline(latex, ascii=True)
    assert "\\" not in inline, inline
    # In 2-D ASCII art a backslash draws bracket and radical strokes, never a macro name.
    for text in [inline, *render_display(latex, 80, ascii=True)]:
        assert not re.search(r"\\[A-Za-z]{2,}", text), text
        assert all(" " <= char <= "~" for char in text)


def test_realistic_set_is_large_enough() -> None:
    """The no-backslash check runs on about thirty formulas."""
    assert len(REALISTIC) >= 30


def test_rendering_is_fast() -> None:
    """Rendering one formula from scratch (no cache) takes a few milliseconds."""
    render_display(REALISTIC[0])
    start = time.perf_counter()
    for latex in REALISTIC:
        _parsed.cache_clear()
        _display.cache_clear()
        render_display(latex, 80)
    average_ms = (time.perf_counter() - start) * 1000 / len(REALISTIC)
    assert average_ms < 25, f"{average_ms:.1f} ms per formula"


def test_output_has_no_combining_or_wide_characters() -> None:
    """Accents use precomposed letters or a mark on the line above, never combining marks."""
    latex = r"\bar{x}+\hat{\theta}+\tilde{n}+\vec{v}+\dot{y}+\overline{ab}+\widehat{xy}+\ddot{u}"
    lines = render_display(latex)
    assert len(lines) == 2
    for text in [*lines, render_inline(latex)]:
        assert not re.search("[\u0300-\u036f\u20d0-\u20ff]", text)
