"""Golden renderings: every case's expected output is a file in tests/unit/formula_golden/."""

# After an intentional rendering change: FORMULA_GOLDEN_UPDATE=1 pytest ..., then review the diff.

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

import pytest

from tui.core.formula import render_display, render_inline

GOLDEN_DIR = Path(__file__).parent / "formula_golden"
UPDATE = os.environ.get("FORMULA_GOLDEN_UPDATE") == "1"

ATTENTION = r"\mathrm{Attention}(Q,K,V)=\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V"
DPO = (
    r"\mathcal{L}_{\mathrm{DPO}}=-\mathbb{E}_{(x,y_w,y_l)\sim\mathcal{D}}\left[\log\sigma\left("
    r"\beta\log\frac{\pi_\theta(y_w\mid x)}{\pi_{\mathrm{ref}}(y_w\mid x)}"
    r"-\beta\log\frac{\pi_\theta(y_l\mid x)}{\pi_{\mathrm{ref}}(y_l\mid x)}\right)\right]"
)
DIFFUSION = r"q(x_t\mid x_0)=\mathcal{N}\left(x_t;\sqrt{\bar\alpha_t}\,x_0,(1-\bar\alpha_t)I\right)"
LORA = r"h=W_0x+\frac{\alpha}{r}BAx"
LORA_SHAPE = r"B\in\mathbb{R}^{d\times r}"
SOFTMAX = r"p_i=\frac{e^{z_i/T}}{\sum_j e^{z_j/T}}"
LAYERNORM = r"\mathrm{LayerNorm}(x)=\gamma\odot\frac{x-\mu}{\sqrt{\sigma^2+\epsilon}}+\beta"
RMSNORM = r"\mathrm{RMSNorm}(x)=\frac{x}{\sqrt{\frac{1}{d}\sum_{i=1}^{d}x_i^2+\epsilon}}\odot g"
BLEU = r"\mathrm{BLEU}=\mathrm{BP}\cdot\exp\left(\sum_{n=1}^{4} w_n\log p_n\right)"
BREVITY = r"\mathrm{BP}=\begin{cases}1 & \text{if } c>r\\ e^{1-r/c} & \text{if } c\le r\end{cases}"
PMATRIX = r"R_\theta=\begin{pmatrix}\cos\theta & -\sin\theta\\ \sin\theta & \cos\theta\end{pmatrix}"
BMATRIX = r"I_3=\begin{bmatrix}1 & 0 & 0\\ 0 & 1 & 0\\ 0 & 0 & 1\end{bmatrix}"
BINOM = r"\binom{n}{k}=\frac{n!}{k!\,(n-k)!}"
PPO = (
    r"L^{\mathrm{CLIP}}(\theta)=\hat{\mathbb{E}}_t\left[\min\left(\rho_t\hat{A}_t,\ "
    r"\mathrm{clip}(\rho_t,1-\epsilon,1+\epsilon)\hat{A}_t\right)\right]"
)
BM25 = (
    r"\mathrm{BM25}(D,Q)=\sum_{i=1}^{n}\mathrm{IDF}(q_i)\cdot\frac{f(q_i,D)\cdot(k_1+1)}"
    r"{f(q_i,D)+k_1\cdot\left(1-b+b\cdot\frac{|D|}{\mathrm{avgdl}}\right)}"
)
RRF = r"\mathrm{RRF}(d)=\sum_{r\in R}\frac{1}{k+\mathrm{rank}_r(d)}"
INFONCE = (
    r"\mathcal{L}_{\mathrm{InfoNCE}}=-\log\frac{\exp(\mathrm{sim}(q,k^+)/\tau)}"
    r"{\sum_{i=0}^{K}\exp(\mathrm{sim}(q,k_i)/\tau)}"
)
COSINE = r"\cos(a,b)=\frac{a\cdot b}{\|a\|\,\|b\|}"
GAN = (
    r"\min_G\max_D V(D,G)=\mathbb{E}_{x\sim p_{\mathrm{data}}}[\log D(x)]"
    r"+\mathbb{E}_{z\sim p_z}[\log(1-D(G(z)))]"
)
VOTE = r"\hat{a}=\arg\max_a\sum_i \mathbb{1}[a_i=a]"
ELBO = r"\log p(x)\ge\mathbb{E}_{q(z\mid x)}[\log p(x\mid z)]-\mathrm{KL}(q(z\mid x)\,\|\,p(z))"
GAUSSIAN = r"\int_{-\infty}^{\infty}e^{-x^2}\,dx=\sqrt{\pi}"
NESTED = r"\frac{1}{1+\frac{1}{1+\frac{1}{x}}}"
ROOTS = r"\sqrt[3]{x}+\sqrt[n]{y+1}+\sqrt{\frac{a}{b}}"
ACCENTS = (
    r"\bar{x}+\hat{y}+\tilde{n}+\vec{v}+\dot{x}+\ddot{y}+\bar\alpha+\hat\theta"
    r"+\overline{x+y}+\widehat{xy}+\widetilde{ab}"
)
PERPLEXITY = r"\mathrm{PPL}=\exp\left(-\frac{1}{N}\sum_{i=1}^{N}\log p(x_i\mid x_{<i})\right)"
KL = r"D_{\mathrm{KL}}(P\|Q)=\sum_x P(x)\log\frac{P(x)}{Q(x)}"
CROSS_ENTROPY = r"\mathcal{L}_{\mathrm{CE}}=-\sum_{c=1}^{C}y_c\log\hat{y}_c"
ADAM = r"\theta_{t+1}=\theta_t-\frac{\eta}{\sqrt{\hat{v}_t}+\epsilon}\hat{m}_t"
SIGMOID = r"\sigma(x)=\frac{1}{1+e^{-x}}"
BAYES = r"P(A\mid B)=\frac{P(B\mid A)\,P(A)}{P(B)}"
LIMIT = r"\lim_{n\to\infty}\left(1+\frac{1}{n}\right)^n=e"
SCALING = r"L(N,D)=E+\frac{A}{N^{\alpha}}+\frac{B}{D^{\beta}}"
LONG_SUM = r"f(x)=a_0+a_1x+a_2x^2+a_3x^3+a_4x^4+a_5x^5+a_6x^6+a_7x^7+a_8x^8"
ALIGNED = r"\begin{aligned}(a+b)^2&=a^2+2ab+b^2\\&\ge 4ab\end{aligned}"
SET = r"\left\{x\in\mathbb{R}^n \middle| \|x\|_2\le 1\right\}"
FLOOR = r"\left\lfloor\frac{n}{2}\right\rfloor+\left\lceil\frac{n}{2}\right\rceil=n"
INNER = r"\left\langle \frac{u}{\|u\|},\frac{v}{\|v\|}\right\rangle"
UNDERBRACE = r"\underbrace{x_1+\cdots+x_n}_{n\ \text{terms}}"
BOXED = r"\boxed{E=mc^2}"
GREEK = (
    r"\alpha\beta\gamma\delta\epsilon\varepsilon\zeta\eta\theta\vartheta\iota\kappa\lambda\mu"
    r"\nu\xi\pi\rho\sigma\varsigma\tau\upsilon\phi\varphi\chi\psi\omega"
    r"\;\Gamma\Delta\Theta\Lambda\Xi\Pi\Sigma\Upsilon\Phi\Psi\Omega"
)
SYMBOLS = (
    r"\nabla f,\ \partial x,\ \infty,\ a\approx b,\ a\le b,\ a\geq b,\ a\neq b,\ x\in A,"
    r"\ x\notin A,\ x\sim p,\ a\to b,\ a\leftarrow b,\ P\Rightarrow Q,\ a\mid b,\ a\cdot b,"
    r"\ a\times b,\ a\propto b,\ a\ll b,\ a\gg b,\ a\pm b,\ a\mp b,\ 1,\cdots,n,\ 1,\ldots,n,"
    r"\ \forall x\,\exists y,\ \emptyset,\ \varnothing,\ A\subset B,\ A\subseteq B,\ A\cup B,"
    r"\ A\cap B,\ a\equiv b,\ a\star b,\ a\ast b,\ f\circ g,\ p\land q,\ p\lor q,\ \neg p,"
    r"\ x\mapsto y,\ a\odot b,\ a\otimes b,\ \lfloor x\rfloor,\ \lceil x\rceil,\ \{x\},"
    r"\ \langle x,y\rangle,\ \|x\|,\ 50\%,\ \#,\ \&,\ a\_b,\ f'(x),\ x^\prime,\ \ell"
)
FONTS = (
    r"\mathbb{1},\mathbb{E},\mathbb{N},\mathcal{L},\mathcal{N},\mathbf{W},\boldsymbol{\mu},"
    r"\mathit{x}"
)
TEXT = r"\text{score}=0\ \text{if the answer is wrong, else}\ 1"
OPERATORS = r"\operatorname*{arg\,min}_{w}\ \frac{1}{2}\|w\|^2+C\sum_i\max(0,1-y_iw^\top x_i)"
QUADRATIC = r"x=\frac{-b\pm\sqrt{b^2-4ac}}{2a}"
SELF_INFO = r"H(X)=-\sum_{x\in\mathcal{X}}p(x)\log_2 p(x)"
UNKNOWN = r"\foo{x}+\bar{y}\baz"
PPO_RATIO = (
    r"L^{\mathrm{CLIP}}(\theta)=\mathbb{E}_t\left[\min\left(\rho_t\hat{A}_t,\;"
    r"\mathrm{clip}(\rho_t,1-\epsilon,1+\epsilon)\,\hat{A}_t\right)\right],\quad "
    r"\rho_t=\frac{\pi_\theta(a_t\mid s_t)}{\pi_{\theta_{\mathrm{old}}}(a_t\mid s_t)}"
)
MHA = (
    r"\mathrm{MHA}(X)=\mathrm{Concat}(h_1,\ldots,h_H)\,W^O,\quad "
    r"h_j=\mathrm{Attention}(XW_j^Q,XW_j^K,XW_j^V),\quad d_k=d_{\mathrm{model}}/H"
)
GROWING_PARENS = r"\log(1+\frac{1}{n})\ne\log(x_t^2)"


class Case(NamedTuple):
    """One golden case: a name, the LaTeX, and how to render it."""

    name: str
    latex: str
    mode: str = "display"
    width: int = 100
    ascii: bool = False


CASES: list[Case] = [
    Case("attention_w100", ATTENTION),
    Case("attention_w40", ATTENTION, width=40),
    Case("attention_w20", ATTENTION, width=20),
    Case("attention_ascii", ATTENTION, ascii=True),
    Case("attention_inline", ATTENTION, "inline"),
    Case("dpo_w100", DPO),
    Case("dpo_w40", DPO, width=40),
    Case("dpo_ascii", DPO, ascii=True),
    Case("dpo_inline", DPO, "inline"),
    Case("diffusion_w100", DIFFUSION),
    Case("diffusion_w40", DIFFUSION, width=40),
    Case("diffusion_w30", DIFFUSION, width=30),
    Case("diffusion_ascii", DIFFUSION, ascii=True),
    Case("lora", LORA),
    Case("lora_inline", LORA, "inline"),
    Case("lora_shape", LORA_SHAPE),
    Case("lora_shape_inline", LORA_SHAPE, "inline"),
    Case("lora_shape_ascii_inline", LORA_SHAPE, "inline", ascii=True),
    Case("softmax_temperature", SOFTMAX),
    Case("softmax_temperature_ascii", SOFTMAX, ascii=True),
    Case("softmax_temperature_inline", SOFTMAX, "inline"),
    Case("layernorm", LAYERNORM),
    Case("rmsnorm", RMSNORM),
    Case("rmsnorm_ascii", RMSNORM, ascii=True),
    Case("bleu", BLEU),
    Case("bleu_inline", BLEU, "inline"),
    Case("brevity_penalty", BREVITY),
    Case("brevity_penalty_ascii", BREVITY, ascii=True),
    Case("brevity_penalty_inline", BREVITY, "inline"),
    Case("rotation_pmatrix", PMATRIX),
    Case("identity_bmatrix", BMATRIX),
    Case("identity_bmatrix_ascii", BMATRIX, ascii=True),
    Case("binomial", BINOM),
    Case("binomial_inline", BINOM, "inline"),
    Case("ppo_clip", PPO),
    Case("ppo_clip_w40", PPO, width=40),
    Case("bm25", BM25),
    Case("bm25_w50", BM25, width=50),
    Case("rrf", RRF),
    Case("infonce", INFONCE),
    Case("cosine", COSINE),
    Case("cosine_ascii", COSINE, ascii=True),
    Case("gan_minmax", GAN),
    Case("gan_minmax_w50", GAN, width=50),
    Case("majority_vote", VOTE),
    Case("majority_vote_inline", VOTE, "inline"),
    Case("elbo", ELBO),
    Case("elbo_w40", ELBO, width=40),
    Case("gaussian_integral", GAUSSIAN),
    Case("gaussian_integral_ascii", GAUSSIAN, ascii=True),
    Case("nested_fraction", NESTED),
    Case("nested_fraction_inline", NESTED, "inline"),
    Case("roots", ROOTS),
    Case("roots_inline", ROOTS, "inline"),
    Case("accents", ACCENTS),
    Case("accents_inline", ACCENTS, "inline"),
    Case("accents_ascii", ACCENTS, ascii=True),
    Case("perplexity", PERPLEXITY),
    Case("kl_divergence", KL),
    Case("cross_entropy", CROSS_ENTROPY),
    Case("adam_update", ADAM),
    Case("sigmoid", SIGMOID),
    Case("bayes", BAYES),
    Case("limit", LIMIT),
    Case("scaling_law", SCALING),
    Case("long_sum_w40", LONG_SUM, width=40),
    Case("aligned", ALIGNED),
    Case("set_builder", SET),
    Case("floor_ceil", FLOOR),
    Case("inner_product", INNER),
    Case("underbrace", UNDERBRACE),
    Case("boxed", BOXED),
    Case("greek", GREEK),
    Case("greek_ascii", GREEK, "inline", ascii=True),
    Case("symbols", SYMBOLS, "inline"),
    Case("symbols_ascii", SYMBOLS, "inline", ascii=True),
    Case("fonts", FONTS),
    Case("text", TEXT),
    Case("svm", OPERATORS),
    Case("quadratic", QUADRATIC),
    Case("quadratic_ascii", QUADRATIC, ascii=True),
    Case("entropy", SELF_INFO),
    Case("unknown_macro", UNKNOWN),
    Case("ppo_ratio_w70", PPO_RATIO, width=70),
    Case("ppo_ratio_w40", PPO_RATIO, width=40),
    Case("mha_w70", MHA, width=70),
    Case("mha_w40", MHA, width=40),
    Case("growing_parens", GROWING_PARENS),
    Case("frac_inline", r"\frac{a+b}{c+d}", "inline"),
    Case("sqrt_inline", r"\sqrt{x+1}", "inline"),
    Case("exp_inline", r"e^{z_i/T}", "inline"),
    Case("scripts_inline", r"x_{t-1}+y_{i,j}+K^\top+x^{2n}+d_{\mathrm{model}}", "inline"),
    Case("malformed_frac", r"\frac{a}"),
    Case("malformed_brace", r"x^{2+y"),
    Case("malformed_left", r"\left( \frac{a}{b}"),
    Case("malformed_stray", r"a+b}=c"),
    Case("malformed_script", r"x^"),
    Case("malformed_ampersand", r"a & b"),
    Case("malformed_narrow", r"\sqrt{\frac{a}{b}+\left[c\right}", width=12),
    Case("malformed_ascii", r"\frac{α}{β", ascii=True),
    Case("control_characters", "x\x1b[31m+\x00y\x7f=\x9b1"),
]


def _header(case: Case) -> str:
    """The self-describing header written at the top of a golden file."""
    flags = f"mode: {case.mode}"
    if case.mode == "display":
        flags += f"  width: {case.width}"
    flags += f"  ascii: {'yes' if case.ascii else 'no'}"
    source = case.latex if case.latex.isprintable() else repr(case.latex)
    return f"latex: {source}\n{flags}\n----\n"


def _render(case: Case) -> str:
    """Render a case as the text stored after the header."""
    if case.mode == "inline":
        return render_inline(case.latex, ascii=case.ascii) + "\n"
    return "".join(line + "\n" for line in render_display(case.latex, case.width, ascii=case.ascii))


def test_enough_cases() -> None:
    """The golden suite covers at least 45 distinct formulas."""
    assert len({case.latex for case in CASES}) >= 45
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden(case: Case) -> None:
    """Each rendering matches its golden file exactly."""
    path = GOLDEN_DIR / f"{case.name}.txt"
    actual = _header(case) + _render(case)
    if UPDATE:
        GOLDEN_DIR.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {path.name}; run with FORMULA_GOLDEN_UPDATE=1"
    assert actual == path.read_text(encoding="utf-8")
