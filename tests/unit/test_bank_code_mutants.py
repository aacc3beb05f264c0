"""Each check rejects a plausible wrong version of its question's code, so no check is vacuous."""

from __future__ import annotations

import numpy as np
import pytest
from bank_code import python_blocks, run_blocks
from bank_code_checks import CHECKS

MUTANTS: dict[str, tuple[tuple[str, str], ...]] = {
    "self-attention/implement-causal-attention": (
        ("k=1)", "k=0)"),  # masks the diagonal too
        ("/ np.sqrt(d_k)", "/ d_k"),
    ),
    "decoding/implement-sampling": (
        ("np.searchsorted(cumulative, p) + 1", "np.searchsorted(cumulative, p)"),
        ("z = logits / temperature", "z = logits * temperature"),
    ),
    "tokenization/implement-bpe-merge": (
        ("i += 2", "i += 1"),  # lets overlapping pairs merge twice
        ("counts[pair] += freq", "counts[pair] += 1"),
    ),
    "embeddings/implement-cosine-top-k": (
        ("unit = docs / np.maximum(norms, eps)", "unit = docs"),
        ("np.argpartition(-scores, k - 1)", "np.argpartition(scores, k - 1)"),
    ),
    "lora/implement-lora-forward": (
        ("(alpha / r) * low_rank", "alpha * low_rank"),
        ("b = np.zeros((d_out, r))", "b = rng.normal(size=(d_out, r))"),
    ),
    "inference/implement-kv-cache-step": (
        ("cache.k[: t + 1], cache.v[: t + 1]", "cache.k, cache.v"),
        ("np.sqrt(q.shape[-1])", "q.shape[-1]"),
    ),
    "context-windows/implement-rope": (
        ("np.arange(0, d, 2) / d", "np.arange(d // 2) / d"),
        ("even * sin + odd * cos", "even * sin - odd * cos"),
    ),
    "quantization/implement-int8-quantization": (
        ("np.round(x / scale)", "np.trunc(x / scale)"),
        ("amax / 127.0", "amax / 128.0"),
    ),
    "pretraining/implement-perplexity": (
        ("/ mask.sum()", "/ mask.size"),
        ("np.where(mask, logp, 0.0)", "(logp * mask)"),
    ),
    "evaluation/implement-recall-mrr": (
        ("/ len(gold)", "/ k"),
        ("enumerate(docs[:k], start=1)", "enumerate(docs[:k], start=2)"),
    ),
    "rlhf/implement-dpo-loss": (
        ("np.logaddexp(0.0, -(reward_w - reward_l))", "np.logaddexp(0.0, reward_w - reward_l)"),
        (".sum(axis=-1)", ".mean(axis=-1)"),
    ),
    "mixture-of-experts/implement-top-k-gating": (
        ("top = top / top.sum(axis=-1, keepdims=True)", "top = top"),
        ("/ experts.size", "/ len(experts)"),
    ),
    "rag/implement-chunking-with-overlap": (
        ("break ", "pass "),  # keeps emitting windows inside the last full one
        ("step = size - overlap", "step = size"),
    ),
    "rag/implement-rrf": (
        ("enumerate(ranking, start=1)", "enumerate(ranking, start=0)"),
        ("scores[doc] += 1.0 / (k + rank)", "scores[doc] = 1.0 / (k + rank)"),
    ),
    "fine-tuning/implement-sft-loss-masking": (
        ("logits[:, :-1], labels[:, 1:]", "logits, labels"),
        ("positions < prompt_lens[:, None]", "positions <= prompt_lens[:, None]"),
    ),
    "self-attention/implement-layernorm-rmsnorm": (
        ("x.var(axis=-1, keepdims=True)", "x.var(axis=-1, keepdims=True, ddof=1)"),
        ("np.sqrt(ms + eps)", "(np.sqrt(ms) + eps)"),
        ("x.mean(axis=-1, keepdims=True)", "x.mean(axis=0, keepdims=True)"),
    ),
    "agents/implement-pass-at-k": (
        ("prod((n - c - i) / (n - i) for i in range(k))", "(1 - c / n) ** k"),
        ("prod((c - i) / (n - i) for i in range(k))", "(c / n) ** k"),
    ),
    "diffusion/implement-forward-noising": (
        ("alpha_bar[t - 1]", "alpha_bar[t]"),
        ("np.sqrt(1.0 - a) * noise", "(1.0 - a) * noise"),
        ("rng.integers(1, len(alpha_bar) + 1)", "rng.integers(1, len(alpha_bar))"),
    ),
    "vector-databases/implement-product-quantization": (
        (".argmin(-1)", ".argmax(-1)"),
        ("table[np.arange(m), codes].sum(axis=1)", "table[np.arange(m), codes].mean(axis=1)"),
    ),
    "chain-of-thought/implement-self-consistency": (
        ('.removesuffix(".0")', ""),
        ("votes / len(chains)", "votes / len(answers)"),
    ),
    "decoding/implement-beam-search": (
        ("np.divmod(top, next_logprobs.shape[1])", "np.divmod(top, len(scores))"),
        ("finished += beams", "finished += []"),
        ("h[1] / length_penalty(len(h[0]) - 1, alpha)", "h[1]"),
    ),
    "rag/implement-bm25": (
        (
            "math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))",
            "math.log((n - df[t] + 0.5) / (df[t] + 0.5))",
        ),
        ("for term in set(doc)", "for term in doc"),
        ("(tf[t] + norm)", "norm"),
    ),
    "inference/implement-speculative-verification": (
        ("p=residual(p[i], q[i])", "p=p[i]"),
        ("return out  # first rejection", "continue  # first rejection"),
    ),
    "multimodal/implement-clip-loss": (
        ("log_softmax(logits, axis=0)", "log_softmax(logits, axis=1)"),
        ("img = image_emb / np.linalg.norm(image_emb, axis=1, keepdims=True)", "img = image_emb"),
    ),
}


def check_passes(question_id: str, blocks: tuple[str, ...]) -> bool:
    """Whether these blocks run and pass the question's check (NaN warnings silenced)."""
    try:
        with np.errstate(all="ignore"):
            CHECKS[question_id](run_blocks(question_id, blocks))
    except Exception:
        return False
    return True


def test_every_checked_question_has_mutants() -> None:
    assert sorted(MUTANTS) == sorted(CHECKS)


@pytest.mark.parametrize(
    ("question_id", "original", "broken"),
    [(qid, original, broken) for qid, pairs in MUTANTS.items() for original, broken in pairs],
)
def test_check_rejects_a_wrong_implementation(question_id: str, original: str, broken: str) -> None:
    blocks = python_blocks()[question_id]
    assert sum(block.count(original) for block in blocks) == 1, (
        f"{question_id}: mutant target {original!r} must occur exactly once; update MUTANTS"
    )
    mutated = tuple(block.replace(original, broken) for block in blocks)
    assert check_passes(question_id, blocks)
    assert not check_passes(question_id, mutated), f"{question_id}: check accepts {broken!r}"
