"""The bundled question bank: complete, well-formed, covering every concept of the seed guide."""

from __future__ import annotations

from collections import Counter

import pytest

from tui.core.bank import Bank, load_bank
from tui.core.fences import prose_only
from tui.core.formula import render_display, render_inline, unknown_macros
from tui.core.mathtext import SegmentKind, split_math
from tui.core.models import QUESTION_ID_PATTERN, Difficulty
from tui.paths import bundled_content_dir

SEED_CONCEPTS = {
    "self-attention": "self-attention",
    "discriminative vs generative": "generative-vs-discriminative",
    "RAG vs fine-tuning": "rag",
    "LoRA and PEFT": "lora",
    "hallucinations": "hallucinations",
    "tokenization (BPE vs WordPiece)": "tokenization",
    "RLHF and reward models": "rlhf",
    "chain of thought": "chain-of-thought",
    "vector DBs": "vector-databases",
    "diffusion": "diffusion",
    "agentic AI": "agents",
    "prompt injection": "prompt-injection",
    "quantization": "quantization",
    "context windows and Lost in the Middle": "context-windows",
    "evaluation (LLM-as-a-judge vs BLEU/ROUGE)": "evaluation",
}
SEED_QUESTIONS = (
    "self-attention/explain-self-attention",
    "generative-vs-discriminative/difference",
    "rag/rag-vs-fine-tuning",
    "lora/what-is-lora",
)
TEXT_FIELDS = ("question", "answer", "key_points", "follow_ups", "pitfalls")
ANSWER_WORDS = (80, 250)
"""Words of prose (outside code fences) in a spoken-length answer."""
LONGER_ANSWER_WORDS = {"system-design": (150, 500)}
"""Topics whose answers walk through a whole design, and so may run longer."""


@pytest.fixture(scope="module")
def bank() -> Bank:
    """The bundled bank, which must load without a single problem."""
    result = load_bank([bundled_content_dir()], unknown_macros=unknown_macros)
    assert [str(problem) for problem in result.problems] == []
    return result.bank


def formulas(bank: Bank) -> list[tuple[str, SegmentKind, str]]:
    """Every formula in the bank: question id, inline or display, LaTeX source."""
    found = []
    for question in bank.questions:
        for name in TEXT_FIELDS:
            value = getattr(question, name)
            for text in [value] if isinstance(value, str) else value:
                for segment in split_math(text):
                    if segment.kind is not SegmentKind.TEXT:
                        found.append((question.id, segment.kind, segment.source))
    return found


def test_counts(bank: Bank) -> None:
    assert len(bank.topics) >= 22
    assert bank.question_count >= 230
    for topic in bank.topics:
        assert len(topic.questions) >= 8, topic.id


def test_difficulty_mix_is_about_a_quarter_half_a_quarter(bank: Bank) -> None:
    counts = Counter(question.difficulty for question in bank.questions)
    total = bank.question_count
    assert 0.2 <= counts[Difficulty.JUNIOR] / total <= 0.32
    assert 0.4 <= counts[Difficulty.MID] / total <= 0.6
    assert 0.2 <= counts[Difficulty.SENIOR] / total <= 0.32


def test_every_question_is_complete(bank: Bank) -> None:
    for question in bank.questions:
        words = len(prose_only(question.answer).split())
        low, high = LONGER_ANSWER_WORDS.get(question.topic_id, ANSWER_WORDS)
        assert low <= words <= high, (question.id, words)
        assert 3 <= len(question.key_points) <= 6, question.id
        assert question.follow_ups and question.pitfalls and question.references, question.id
        assert QUESTION_ID_PATTERN.match(question.id)
        assert question.topic_id in {topic.id for topic in bank.topics}


def test_answer_words_are_counted_outside_fences_only() -> None:
    fenced = "one two\n\n```python\nx = 1 + 2 + 3\n```\n\nthree"
    assert len(prose_only(fenced).split()) == 3


def test_every_seed_concept_has_a_topic_with_junior_questions(bank: Bank) -> None:
    for concept, topic_id in SEED_CONCEPTS.items():
        topic = bank.topic(topic_id)
        assert topic is not None, concept
        juniors = [q for q in topic.questions if q.difficulty is Difficulty.JUNIOR]
        assert juniors, f"{concept}: no junior question in {topic_id}"


def test_seed_questions_and_attention_formula(bank: Bank) -> None:
    for question_id in SEED_QUESTIONS:
        question = bank.question(question_id)
        assert question is not None, question_id
        assert question.difficulty is Difficulty.JUNIOR
    attention = bank.question("self-attention/explain-self-attention")
    assert attention is not None
    displays = [s.source for s in split_math(attention.answer) if s.kind is SegmentKind.DISPLAY]
    assert any("softmax" in latex and "\\sqrt{d_k}" in latex for latex in displays)


def test_at_least_70_display_formulas(bank: Bank) -> None:
    displays = [f for f in formulas(bank) if f[1] is SegmentKind.DISPLAY]
    assert len(displays) >= 70


def test_every_formula_renders_without_latex_left(bank: Bank) -> None:
    for question_id, kind, latex in formulas(bank):
        assert unknown_macros(latex) == [], (question_id, latex)
        if kind is SegmentKind.DISPLAY:
            for width in (100, 40):
                lines = render_display(latex, width)
                assert lines and all(len(line) <= width for line in lines), (question_id, latex)
                assert "\\" not in "\n".join(lines), (question_id, latex, lines)
        else:
            assert "\\" not in render_inline(latex), (question_id, latex)


REQUIRED_DISPLAY_FORMULAS = {
    "attention": ("self-attention", r"\\mathrm\{softmax\}.*\\sqrt\{d_k\}"),
    "LoRA": ("lora", r"W_0\s*x\s*\+\s*\\frac\{\\alpha\}\{r\}"),
    "BPE merge": ("tokenization", r"\\arg\s*\\max"),
    "WordPiece score": ("tokenization", r"\\frac\{\\mathrm\{count\}\(ab\)\}"),
    "RLHF objective": ("rlhf", r"\\mathrm\{KL\}"),
    "Bradley-Terry": ("rlhf", r"\\log\s*\\sigma"),
    "DPO": ("rlhf", r"\\pi_\{?\\mathrm\{ref\}\}?\(y_w"),
    "PPO clip": ("rlhf", r"\\mathrm\{clip\}"),
    "diffusion forward step": ("diffusion", r"\\sqrt\{1\s*-\s*\\beta_t\}"),
    "diffusion closed form": ("diffusion", r"q\(x_t\s*\\mid\s*x_0\)"),
    "diffusion loss": ("diffusion", r"\\epsilon_\\theta"),
    "classifier-free guidance": ("diffusion", r"\\tilde\s*\\epsilon"),
    "quantization scale": ("quantization", r"x_\{?\\?m"),
    "zero point": ("quantization", r"z\s*="),
    "perplexity": ("evaluation", r"PPL"),
    "BLEU": ("evaluation", r"BP"),
    "ROUGE-L": ("evaluation", r"LCS"),
    "RoPE": ("context-windows", r"\\theta_i"),
    "LayerNorm": ("self-attention", r"\\sqrt\{\\sigma\^2\s*\+\s*\\epsilon\}"),
    "RMSNorm": ("self-attention", r"\\tfrac\{1\}\{d\}\\sum"),
    "KV-cache size": ("inference", r"n_\{?\\?(mathrm\{)?kv"),
    "speculative acceptance": ("inference", r"\\min\\left\(1,\s*\\frac\{p\(x\)\}\{q\(x\)\}"),
    "RRF": ("rag", r"RRF"),
    "BM25": ("rag", r"k_1"),
    "cosine similarity": ("embeddings", r"\\cos"),
    "InfoNCE": ("embeddings", r"/\s*\\tau"),
}


@pytest.mark.parametrize("name", sorted(REQUIRED_DISPLAY_FORMULAS))
def test_brief_formula_is_shown_as_display_math(bank: Bank, name: str) -> None:
    import re

    topic_id, pattern = REQUIRED_DISPLAY_FORMULAS[name]
    sources = [
        latex
        for question_id, kind, latex in formulas(bank)
        if kind is SegmentKind.DISPLAY and question_id.startswith(f"{topic_id}/")
    ]
    assert any(re.search(pattern, latex) for latex in sources), name
