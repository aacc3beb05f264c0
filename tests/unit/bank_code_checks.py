"""Per-question checks for the bank's python blocks: small inputs, a reference or an invariant."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from typing import Any

import numpy as np

Namespace = dict[str, Any]
Check = Callable[[Namespace], None]

CHECKS: dict[str, Check] = {}


def check(question_id: str) -> Callable[[Check], Check]:
    """Register a check for the python block(s) of one question."""

    def register(function: Check) -> Check:
        assert question_id not in CHECKS, f"two checks for {question_id}"
        CHECKS[question_id] = function
        return function

    return register


def rng(seed: int = 0) -> np.random.Generator:
    """A seeded random generator, so every check sees the same inputs."""
    return np.random.default_rng(seed)


def softmax_reference(row: list[float]) -> list[float]:
    """Softmax of one row in plain Python, written independently of the bank's code."""
    top = max(row)
    exps = [math.exp(x - top) for x in row]
    return [e / sum(exps) for e in exps]


@check("self-attention/implement-causal-attention")
def causal_attention(ns: Namespace) -> None:
    """Rows sum to 1, the future gets exactly 0, and outputs match a loop over prefixes."""
    q, k, v = rng().normal(size=(3, 5, 4))
    out, weights = ns["causal_attention"](q, k, v)
    assert out.shape == (5, 4) and weights.shape == (5, 5)
    np.testing.assert_allclose(weights.sum(axis=-1), 1.0)
    assert np.all(weights[np.triu_indices(5, k=1)] == 0.0)
    for i in range(5):
        scores = [float(q[i] @ k[j]) / 2.0 for j in range(i + 1)]  # sqrt(d_k) = 2
        expected = softmax_reference(scores)
        np.testing.assert_allclose(weights[i, : i + 1], expected, rtol=1e-12)
        np.testing.assert_allclose(out[i], np.array(expected) @ v[: i + 1], rtol=1e-12)
    batched, _ = ns["causal_attention"](np.stack([q, q]), np.stack([k, k]), np.stack([v, v]))
    np.testing.assert_allclose(batched[1], out)
    huge, huge_weights = ns["causal_attention"](q * 1e3, k * 1e3, v)  # scores ~1e6
    assert np.all(np.isfinite(huge)) and np.all(np.isfinite(huge_weights))


def nucleus_reference(probs: list[float], p: float) -> set[int]:
    """The smallest most-probable set whose mass reaches p, by walking a sorted list."""
    order = sorted(range(len(probs)), key=lambda i: (-probs[i], i))
    kept: list[int] = []
    for i in order:
        kept.append(i)
        if math.fsum(probs[j] for j in kept) >= p:
            break
    return set(kept)


@check("decoding/implement-sampling")
def sampling(ns: Namespace) -> None:
    """Temperature softmax, top-k and top-p keep exactly the right sets; sampling stays in them."""
    logits = np.array([2.0, -1.0, 0.5, 3.0, 0.0])
    for temperature in (0.5, 1.0, 2.0):
        expected = softmax_reference([x / temperature for x in logits])
        np.testing.assert_allclose(ns["softmax"](logits, temperature), expected, rtol=1e-12)
    assert np.all(np.isfinite(ns["softmax"](np.array([1000.0, 0.0, -1000.0]))))
    probs = np.array([0.125, 0.5, 0.125, 0.25])  # exact in binary, so 0.5 + 0.25 == 0.75
    np.testing.assert_allclose(ns["top_p_filter"](probs, 0.75), [0, 2 / 3, 0, 1 / 3])
    np.testing.assert_allclose(ns["top_p_filter"](probs, 0.3), [0, 1, 0, 0])
    np.testing.assert_allclose(ns["top_p_filter"](probs, 1.0), probs)
    np.testing.assert_allclose(ns["top_k_filter"](probs, 2), [0, 2 / 3, 0, 1 / 3])
    for seed in range(20):
        dist = rng(seed).dirichlet(np.ones(12))
        for p in (0.1, 0.5, 0.9, 0.95):
            kept = set(np.flatnonzero(ns["top_p_filter"](dist, p)))
            assert kept == nucleus_reference(list(dist), p), (seed, p)
        top3 = ns["top_k_filter"](dist, 3)
        assert set(np.flatnonzero(top3)) == set(np.argsort(dist)[-3:])
        np.testing.assert_allclose(top3.sum(), 1.0)
    assert ns["sample"](logits, rng(), temperature=0) == 3
    generator = rng(1)
    drawn = {ns["sample"](logits, generator, top_k=2) for _ in range(200)}
    assert drawn == {0, 3}
    drawn = {ns["sample"](logits, generator, temperature=0.7, top_p=0.5) for _ in range(200)}
    assert drawn == {3}  # at T=0.7 the top token alone holds about 78% of the mass


def words(table: dict[str, int]) -> dict[tuple[str, ...], int]:
    """A BPE word table from space-separated symbols."""
    return {tuple(word.split()): freq for word, freq in table.items()}


@check("tokenization/implement-bpe-merge")
def bpe_merge(ns: Namespace) -> None:
    """The worked example of Sennrich et al.; overlaps merge once; merges never cross symbols."""
    corpus = words({"l o w </w>": 5, "l o w e r </w>": 2, "n e w e s t </w>": 6})
    corpus |= words({"w i d e s t </w>": 3})
    counts = ns["pair_counts"](corpus)
    assert counts[("e", "s")] == 9 and counts[("w", "e")] == 8 and counts[("l", "o")] == 7
    merged, pair = ns["bpe_step"](corpus)
    assert pair == ("e", "s")  # tied with (s, t) and (t, </w>) at 9; counted first
    assert merged == words(
        {"l o w </w>": 5, "l o w e r </w>": 2, "n e w es t </w>": 6, "w i d es t </w>": 3}
    )
    merged, pair = ns["bpe_step"](merged)
    assert pair == ("es", "t") and ("n", "e", "w", "est", "</w>") in merged
    assert ns["merge_pair"](words({"a a a": 1}), ("a", "a")) == words({"aa a": 1})
    assert ns["merge_pair"](words({"a a a a": 2}), ("a", "a")) == words({"aa aa": 2})
    across = words({"ab c": 1, "a bc": 4})
    assert ns["merge_pair"](across, ("b", "c")) == across
    assert ns["merge_pair"](across, ("a", "bc")) == words({"ab c": 1, "abc": 4})
    assert ns["bpe_step"](words({"x": 3})) == (words({"x": 3}), None)


@check("embeddings/implement-cosine-top-k")
def cosine_top_k(ns: Namespace) -> None:
    """Same indices and scores as a brute-force sort; scale-invariant; zero vectors give 0."""
    generator = rng()
    docs, query = generator.normal(size=(30, 8)), generator.normal(size=8)
    docs[7] = 0.0
    cosine = [
        float(doc @ query) / (math.hypot(*doc) * math.hypot(*query)) if doc.any() else 0.0
        for doc in docs
    ]
    expected = sorted(range(30), key=lambda i: -cosine[i])
    for k in (1, 5, 30):
        top, scores = ns["cosine_top_k"](query, docs, k)
        assert list(top) == expected[:k]
        np.testing.assert_allclose(scores, [cosine[i] for i in expected[:k]], rtol=1e-12)
    scaled = docs * generator.uniform(0.1, 10.0, size=(30, 1))
    assert list(ns["cosine_top_k"](query * 3.0, scaled, 5)[0]) == expected[:5]
    top, scores = ns["cosine_top_k"](query, docs, 100)
    assert len(top) == 30 and not np.isnan(scores).any()
    assert len(ns["cosine_top_k"](query, docs, 0)[0]) == 0


@check("lora/implement-lora-forward")
def lora_forward(ns: Namespace) -> None:
    """Exact no-op at init; equals x @ (W0 + alpha/r BA)^T, computed here; merge agrees."""
    generator = rng()
    w0, x = generator.normal(size=(6, 4)), generator.normal(size=(3, 4))
    a, b = ns["init_lora"](6, 4, 2, generator)
    assert a.shape == (2, 4) and b.shape == (6, 2) and np.any(a != 0)
    np.testing.assert_array_equal(ns["lora_forward"](x, w0, a, b, alpha=16.0), x @ w0.T)
    b = generator.normal(size=(6, 2))
    effective = w0 + 8.0 * np.einsum("or,ri->oi", b, a)  # alpha / r = 16 / 2
    out = ns["lora_forward"](x, w0, a, b, alpha=16.0)
    np.testing.assert_allclose(out, np.einsum("bi,oi->bo", x, effective), rtol=1e-12)
    np.testing.assert_allclose(ns["merge"](w0, a, b, alpha=16.0), effective, rtol=1e-12)
    batched = ns["lora_forward"](np.stack([x, x]), w0, a, b, alpha=16.0)
    assert batched.shape == (2, 3, 6)


def full_attention_reference(x: np.ndarray, w: tuple[np.ndarray, ...]) -> list[np.ndarray]:
    """Causal single-head attention output of every position, recomputed from scratch."""
    q, k, v = (x @ matrix for matrix in w)
    scale = math.sqrt(q.shape[1])
    outputs = []
    for t in range(len(x)):
        weights = softmax_reference([float(q[t] @ k[j]) / scale for j in range(t + 1)])
        outputs.append(np.array(weights) @ v[: t + 1])
    return outputs


@check("inference/implement-kv-cache-step")
def kv_cache_step(ns: Namespace) -> None:
    """Step-by-step decoding with the cache equals full causal attention at every position."""
    generator = rng()
    x = generator.normal(size=(6, 8))
    w = tuple(generator.normal(size=(8, d)) for d in (4, 4, 3))
    cache = ns["KVCache"](max_len=6, d_k=4, d_v=3)
    expected = full_attention_reference(x, w)
    for t in range(6):
        out = ns["decode_step"](x[t], cache, *w)
        assert out.shape == (3,) and cache.length == t + 1
        np.testing.assert_allclose(out, expected[t], rtol=1e-10)
    np.testing.assert_allclose(cache.k, x @ w[1], rtol=1e-12)
    with np.testing.assert_raises(ValueError):
        ns["decode_step"](x[0], cache, *w)


def rotation_reference(x: np.ndarray, position: float, base: float = 10000.0) -> np.ndarray:
    """RoPE as an explicit block-diagonal rotation matrix of 2 by 2 blocks."""
    d = len(x)
    matrix = np.zeros((d, d))
    for i in range(d // 2):
        angle = position * base ** (-2 * i / d)
        c, s = math.cos(angle), math.sin(angle)
        matrix[2 * i : 2 * i + 2, 2 * i : 2 * i + 2] = [[c, -s], [s, c]]
    return matrix @ x


@check("context-windows/implement-rope")
def rope(ns: Namespace) -> None:
    """Matches the rotation-matrix form; keeps norms; q.k depends only on the offset."""
    generator = rng()
    x = generator.normal(size=(5, 8))
    positions = np.array([0, 1, 7, 100, 4096])
    rotated = ns["rope"](x, positions)
    for row, position, got in zip(x, positions, rotated, strict=True):
        np.testing.assert_allclose(got, rotation_reference(row, float(position)), atol=1e-12)
    np.testing.assert_allclose(rotated[0], x[0])
    np.testing.assert_allclose(np.linalg.norm(rotated, axis=1), np.linalg.norm(x, axis=1))
    q, k = generator.normal(size=(2, 8))

    def score(m: int, n: int) -> float:
        return float(ns["rope"](q[None], [m])[0] @ ns["rope"](k[None], [n])[0])

    for m, n in ((3, 5), (10, 2), (0, 40)):
        assert math.isclose(score(m, n), score(m + 17, n + 17), rel_tol=1e-9, abs_tol=1e-12)
        assert math.isclose(score(m, n), float(q @ ns["rope"](k[None], [n - m])[0]), rel_tol=1e-9)
    with np.testing.assert_raises(ValueError):
        ns["rope"](np.ones((2, 5)), [0, 1])


@check("quantization/implement-int8-quantization")
def int8_quantization(ns: Namespace) -> None:
    """int8 codes in [-127, 127]; round trip within scale/2; max maps to 127; zeros stay safe."""
    x = rng().normal(size=(4, 16)) * np.array([[0.01], [1.0], [30.0], [0.0]])
    for axis in (None, 1):
        q, scale = ns["quantize_int8"](x, axis=axis)
        assert q.dtype == np.int8 and q.shape == x.shape
        assert q.min() >= -127 and q.max() <= 127
        error = np.abs(ns["dequantize_int8"](q, scale) - x)
        assert np.all(error <= scale / 2 * (1 + 1e-9)), axis
        assert np.all(np.isfinite(scale)) and np.all(scale > 0)
    q, scale = ns["quantize_int8"](x, axis=1)
    assert scale.shape == (4, 1)
    assert list(np.abs(q[:3]).max(axis=1)) == [127, 127, 127] and not q[3].any()
    np.testing.assert_allclose(scale[:3, 0], np.abs(x[:3]).max(axis=1) / 127)
    q, scale = ns["quantize_int8"](np.array([-2.0, -0.5, 0.0, 0.26, 1.0]))
    assert list(q) == [-127, -32, 0, 17, 64]  # x / (2 / 127), rounded to nearest
    q, _ = ns["quantize_int8"](np.zeros(3))
    assert not q.any()


@check("pretraining/implement-perplexity")
def perplexity(ns: Namespace) -> None:
    """Uniform over V gives V; a hand-worked 4; padding ignored; tokens pooled; logits stable."""
    assert math.isclose(ns["perplexity"]([-math.log(50)] * 7), 50.0)
    halves = [math.log(0.5), math.log(0.25), math.log(0.125)]  # mean NLL = 2 ln 2
    assert math.isclose(ns["perplexity"](halves), 4.0)
    padded = np.array([[math.log(0.5), math.log(0.25)], [math.log(0.125), -np.inf]])
    mask = np.array([[True, True], [True, False]])
    assert math.isclose(ns["perplexity"](padded, mask), 4.0)
    pooled = ns["perplexity"](np.array([[math.log(0.5)] * 3, [math.log(0.125), 0.0, 0.0]]), None)
    assert math.isclose(pooled, math.exp((3 * math.log(2) + 3 * math.log(2)) / 6))
    logits = rng().normal(size=(2, 3, 5)) * 4
    targets = np.array([[0, 4, 2], [1, 1, 3]])
    nll = [
        -math.log(softmax_reference(list(logits[b, t]))[targets[b, t]])
        for b in range(2)
        for t in range(3)
    ]
    expected = math.exp(sum(nll) / 6)
    assert math.isclose(ns["perplexity_from_logits"](logits, targets), expected, rel_tol=1e-12)
    shifted = ns["perplexity_from_logits"](logits + 1e4, targets)  # exp(1e4) would overflow
    assert math.isclose(shifted, expected, rel_tol=1e-9)


@check("evaluation/implement-recall-mrr")
def recall_mrr(ns: Namespace) -> None:
    """The worked example in the answer, plus rank-1 and no-hit extremes."""
    ranked = [["d3", "d1", "d7"], ["d2", "d5", "d9"], ["d6", "d8", "d4"]]
    relevant = [{"d1"}, {"d4"}, {"d6", "d4"}]
    assert math.isclose(ns["mrr"](ranked, relevant), 0.5)
    assert math.isclose(ns["recall_at_k"](ranked, relevant, 1), 1 / 6)
    assert math.isclose(ns["recall_at_k"](ranked, relevant, 2), 1 / 2)
    assert math.isclose(ns["recall_at_k"](ranked, relevant, 3), 2 / 3)
    assert math.isclose(ns["mrr"](ranked, relevant, k=1), 1 / 3)
    assert ns["mrr"]([["a", "b"]], [{"a"}]) == 1.0 and ns["mrr"]([["a"]], [{"z"}]) == 0.0
    assert math.isclose(ns["mrr"]([["x", "y", "z", "a"]], [{"a", "z"}]), 1 / 3)
    assert ns["recall_at_k"]([["a", "a", "b"]], [{"a", "c"}], 2) == 0.5
    with np.testing.assert_raises(ValueError):
        ns["recall_at_k"]([["a"]], [set()], 1)
    with np.testing.assert_raises(ValueError):  # unlabelled queries are excluded, not scored 0
        ns["mrr"]([["a"], ["b"]], [{"a"}, set()])


def dpo_reference(margin_inputs: tuple[float, float, float, float], beta: float) -> float:
    """-log sigmoid of the DPO margin, straight from the formula, for moderate values."""
    pw, pl, rw, rl = margin_inputs
    margin = beta * (pw - rw) - beta * (pl - rl)
    return -math.log(1.0 / (1.0 + math.exp(-margin)))


@check("rlhf/implement-dpo-loss")
def dpo_loss(ns: Namespace) -> None:
    """log 2 when policy equals reference; matches the formula; stable; sign of the gradient."""
    same = np.array([-12.0, -30.5, -4.0])
    loss, chosen, rejected = ns["dpo_loss"](same, same - 3.0, same, same - 3.0, beta=0.1)
    assert math.isclose(loss, math.log(2), rel_tol=1e-12)
    assert not chosen.any() and not rejected.any()
    generator = rng()
    inputs = generator.normal(-20.0, 5.0, size=(4, 6))
    for beta in (0.1, 0.5):
        expected = sum(dpo_reference(tuple(inputs[:, i]), beta) for i in range(6)) / 6
        assert math.isclose(ns["dpo_loss"](*inputs, beta=beta)[0], expected, rel_tol=1e-10)
    far = np.array([0.0]), np.array([0.0]), np.array([0.0]), np.array([-20000.0])
    loss = ns["dpo_loss"](*far, beta=0.1)[0]  # margin -2000: the naive formula overflows
    assert math.isclose(loss, 2000.0, rel_tol=1e-12)

    def loss_at(chosen_logprob: float) -> float:
        return ns["dpo_loss"](np.array([chosen_logprob]), *inputs[1:, :1], beta=0.1)[0]

    assert loss_at(-10.0) < loss_at(-11.0)  # raising the chosen log-prob lowers the loss
    token_logprobs = np.array([[-1.0, -2.0, -0.5, -np.inf], [-3.0, -0.25, -0.25, -1.0]])
    response = np.array([[False, True, True, False], [False, False, True, True]])
    np.testing.assert_array_equal(ns["sequence_logprob"](token_logprobs, response), [-2.5, -1.25])


@check("mixture-of-experts/implement-top-k-gating")
def moe_gating(ns: Namespace) -> None:
    """k gates per token on the k largest logits, renormalised; Switch loss on a worked example."""
    generator = rng()
    x, w_gate = generator.normal(size=(10, 6)), generator.normal(size=(6, 5))
    gates, experts, probs = ns["top_k_gating"](x, w_gate, 2)
    logits = x @ w_gate
    assert gates.shape == (10, 5) and experts.shape == (10, 2)
    np.testing.assert_allclose(gates.sum(axis=1), 1.0)
    np.testing.assert_allclose(probs, [softmax_reference(list(row)) for row in logits])
    for row, gate_row, chosen in zip(logits, gates, experts, strict=True):
        best = sorted(range(5), key=lambda e: -row[e])[:2]
        assert set(np.flatnonzero(gate_row)) == set(best) == set(chosen)
        np.testing.assert_allclose(gate_row[best], softmax_reference([row[e] for e in best]))
    table = np.array([[0.7, 0.2, 0.1], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8], [0.5, 0.4, 0.1]])
    top1 = np.array([[0], [0], [2], [0]])  # f = (3/4, 0, 1/4), P = (0.475, 0.25, 0.275)
    loss = ns["load_balancing_loss"](table, top1, alpha=1.0)
    assert math.isclose(loss, 3 * (0.75 * 0.475 + 0.25 * 0.275))
    uniform = np.full((8, 4), 0.25)
    spread = np.arange(8).reshape(8, 1) % 4
    assert math.isclose(ns["load_balancing_loss"](uniform, spread, alpha=0.01), 0.01)
    pairs = np.array([[0, 1], [0, 2], [0, 3], [1, 2]])  # top-2: f = (3, 2, 2, 1) / 8
    skewed = np.tile([0.4, 0.3, 0.2, 0.1], (4, 1))
    expected = 4 * (3 * 0.4 + 2 * 0.3 + 2 * 0.2 + 1 * 0.1) / 8
    assert math.isclose(ns["load_balancing_loss"](skewed, pairs, alpha=1.0), expected)
    collapsed = np.tile([0.997, 0.001, 0.001, 0.001], (8, 1))
    zeros = np.zeros((8, 1), dtype=int)
    assert math.isclose(ns["load_balancing_loss"](collapsed, zeros, alpha=1.0), 4 * 0.997)


@check("rag/implement-chunking-with-overlap")
def chunking(ns: Namespace) -> None:
    """Full coverage, exact overlaps, no chunk inside its predecessor, bad settings rejected."""
    for n, size, overlap in [(0, 4, 1), (3, 4, 1), (4, 4, 1), (5, 4, 1), (23, 5, 2), (100, 10, 0)]:
        spans = ns["chunk_spans"](n, size, overlap)
        step = size - overlap
        expected_count = 0 if n == 0 else 1 + max(0, math.ceil((n - size) / step))
        assert len(spans) == expected_count, (n, size, overlap, spans)
        covered = set().union(*(range(s, e) for s, e in spans)) if spans else set()
        assert covered == set(range(n))
        assert all(0 < e - s <= size for s, e in spans)
        assert all(e - s == size for s, e in spans[:-1])
        for (s1, e1), (s2, e2) in itertools.pairwise(spans):
            assert e1 - s2 == overlap and e2 > e1, (s1, e1, s2, e2)
    assert ns["chunk"]("abcdefgh", 4, 1) == ["abcd", "defg", "gh"]
    assert ns["chunk"](list(range(6)), 3, 0) == [[0, 1, 2], [3, 4, 5]]
    for size, overlap in [(4, 4), (4, 5), (0, 0), (4, -1)]:
        with np.testing.assert_raises(ValueError):
            ns["chunk_spans"](10, size, overlap)


@check("rag/implement-rrf")
def rrf(ns: Namespace) -> None:
    """The worked example at k=60 and k=0, scores from the formula, missing ids score nothing."""
    fused = ns["reciprocal_rank_fusion"]([["a", "b", "c"], ["b", "c", "d"]])
    assert [doc for doc, _ in fused] == ["b", "c", "a", "d"]
    expected = {"a": 1 / 61, "b": 1 / 62 + 1 / 61, "c": 1 / 63 + 1 / 62, "d": 1 / 63}
    for doc, score in fused:
        assert math.isclose(score, expected[doc]), doc
    fused = ns["reciprocal_rank_fusion"]([["a", "b", "c"], ["b", "c", "d"]], k=0)
    assert [doc for doc, _ in fused] == ["b", "a", "c", "d"]
    assert math.isclose(dict(fused)["b"], 1.5)
    single = ns["reciprocal_rank_fusion"]([["x", "y"]], k=60)
    assert single == [("x", 1 / 61), ("y", 1 / 62)]
    assert ns["reciprocal_rank_fusion"]([]) == []


def cross_entropy_reference(logits: np.ndarray, target: int) -> float:
    """-log softmax(logits)[target] in plain Python."""
    return -math.log(softmax_reference(list(logits))[target])


@check("fine-tuning/implement-sft-loss-masking")
def sft_loss_masking(ns: Namespace) -> None:
    """Labels hide prompt and padding; the loss is the mean over response targets after a shift."""
    input_ids = np.array([[5, 6, 7, 8, 9, 2], [5, 6, 3, 2, 0, 0]])
    attention = np.array([[1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 0, 0]])
    prompt_lens = np.array([3, 2])
    labels = ns["build_labels"](input_ids, prompt_lens, attention)
    ignore = ns["IGNORE"]
    assert labels.tolist() == [
        [ignore, ignore, ignore, 8, 9, 2],
        [ignore, ignore, 3, 2, ignore, ignore],
    ]
    logits = rng().normal(size=(2, 6, 10)) * 3
    targets = [(0, 2, 8), (0, 3, 9), (0, 4, 2), (1, 1, 3), (1, 2, 2)]  # (row, position, token)
    expected = sum(cross_entropy_reference(logits[b, t], tok) for b, t, tok in targets) / 5
    assert math.isclose(ns["sft_loss"](logits, labels), expected, rel_tol=1e-12)
    nudged = logits.copy()
    nudged[0, 1] += 5.0  # position 1 predicts the prompt token at 2: must not count
    nudged[1, 4:] += 5.0  # padding
    nudged[0, 5] += 5.0  # last position predicts nothing
    assert math.isclose(ns["sft_loss"](nudged, labels), expected, rel_tol=1e-12)
    nudged[0, 2, 8] += 5.0  # last prompt position predicts the first response token
    assert ns["sft_loss"](nudged, labels) < expected
    assert math.isfinite(ns["sft_loss"](logits * 1e4, labels))


def clip_reference(image: np.ndarray, text: np.ndarray, temperature: float) -> float:
    """CLIP's symmetric loss with explicit loops over rows and columns."""
    n = len(image)
    unit_i = [row / math.sqrt(float(row @ row)) for row in image]
    unit_t = [row / math.sqrt(float(row @ row)) for row in text]
    sims = [[float(unit_i[a] @ unit_t[b]) / temperature for b in range(n)] for a in range(n)]
    rows = sum(-math.log(softmax_reference(sims[i])[i]) for i in range(n)) / n
    cols = sum(-math.log(softmax_reference([sims[j][i] for j in range(n)])[i]) for i in range(n))
    return (rows + cols / n) / 2


@check("multimodal/implement-clip-loss")
def clip_loss(ns: Namespace) -> None:
    """Matches a loop reference; symmetric; scale-free; about 0 if aligned, log N at chance."""
    generator = rng()
    image, text = generator.normal(size=(2, 5, 8))
    for temperature in (0.07, 1.0):
        got = ns["clip_loss"](image, text, temperature)
        assert math.isclose(got, clip_reference(image, text, temperature), rel_tol=1e-10)
    assert math.isclose(ns["clip_loss"](text, image, 0.5), ns["clip_loss"](image, text, 0.5))
    scaled = ns["clip_loss"](image * 7.0, text * 0.01, 0.5)
    assert math.isclose(scaled, ns["clip_loss"](image, text, 0.5), rel_tol=1e-12)
    aligned = np.eye(5, 8)
    assert ns["clip_loss"](aligned, aligned * 3, temperature=0.01) < 1e-30
    assert math.isclose(ns["clip_loss"](image, text, temperature=1e9), math.log(5), rel_tol=1e-6)
    assert math.isfinite(ns["clip_loss"](image, text, temperature=1e-4))
    swapped = ns["clip_loss"](aligned, aligned[[1, 0, 2, 3, 4]], temperature=0.01)
    assert math.isclose(swapped, 2 * 100 / 5)  # 2 of 5 rows (and columns) lose 1/0.01 each


@check("self-attention/implement-layernorm-rmsnorm")
def layernorm_rmsnorm(ns: Namespace) -> None:
    """Per-token statistics match the formulas; unit scale out; constant rows stay finite."""
    generator = rng()
    x = generator.normal(2.0, 3.0, size=(2, 3, 8))
    gamma, beta = generator.normal(size=8), generator.normal(size=8)
    out = ns["layer_norm"](x, gamma, beta)
    rms = ns["rms_norm"](x, gamma)
    for index in np.ndindex(2, 3):
        row = list(x[index])
        mean = math.fsum(row) / 8
        var = math.fsum((v - mean) ** 2 for v in row) / 8
        scaled = [(v - mean) / math.sqrt(var + 1e-5) for v in row]
        expected = [g * v + b for v, g, b in zip(scaled, gamma, beta, strict=True)]
        np.testing.assert_allclose(out[index], expected, rtol=1e-10)
        root = math.sqrt(math.fsum(v * v for v in row) / 8 + 1e-6)
        np.testing.assert_allclose(
            rms[index], [g * v / root for v, g in zip(row, gamma, strict=True)]
        )
    plain = ns["layer_norm"](x, np.ones(8), np.zeros(8), eps=1e-12)
    np.testing.assert_allclose(plain.mean(axis=-1), 0.0, atol=1e-12)
    np.testing.assert_allclose(plain.var(axis=-1), 1.0, rtol=1e-9)
    unit = ns["rms_norm"](x, np.ones(8), eps=1e-12)
    np.testing.assert_allclose(np.sqrt(np.mean(unit**2, axis=-1)), 1.0, rtol=1e-9)
    np.testing.assert_allclose(ns["layer_norm"](np.full((1, 8), 5.0), gamma, beta)[0], beta)
    assert np.all(np.isfinite(ns["rms_norm"](np.zeros((1, 8)), gamma)))


def pass_reference(n: int, c: int, k: int) -> tuple[float, float]:
    """(pass@k, pass^k) by enumerating every k-subset of n runs, c of which succeed."""
    runs = [True] * c + [False] * (n - c)
    subsets = list(itertools.combinations(runs, k))
    return (
        sum(any(s) for s in subsets) / len(subsets),
        sum(all(s) for s in subsets) / len(subsets),
    )


@check("agents/implement-pass-at-k")
def pass_at_k(ns: Namespace) -> None:
    """Equal to enumeration over all k-subsets; exact for large n; rejects k > n."""
    for n in range(1, 8):
        for c in range(n + 1):
            for k in range(1, n + 1):
                at_k, hat_k = pass_reference(n, c, k)
                assert math.isclose(ns["pass_at_k"](n, c, k), at_k, abs_tol=1e-12), (n, c, k)
                assert math.isclose(ns["pass_hat_k"](n, c, k), hat_k, abs_tol=1e-12), (n, c, k)
    big = 1 - math.comb(190, 100) / math.comb(200, 100)
    assert math.isclose(ns["pass_at_k"](200, 10, 100), big, rel_tol=1e-9)
    assert math.isclose(ns["pass_hat_k"](200, 150, 50), math.comb(150, 50) / math.comb(200, 50))
    assert math.isclose(ns["pass_at_k"](10, 3, 1), 0.3) and math.isclose(
        ns["pass_hat_k"](10, 3, 1), 0.3
    )
    for bad in ((5, 2, 6), (5, 6, 1), (5, 2, 0)):
        with np.testing.assert_raises(ValueError):
            ns["pass_at_k"](*bad)
        with np.testing.assert_raises(ValueError):
            ns["pass_hat_k"](*bad)


@check("diffusion/implement-forward-noising")
def forward_noising(ns: Namespace) -> None:
    """alpha bar is the running product; t is 1-based; the closed form matches t single steps."""
    betas = ns["linear_betas"]()
    assert betas.shape == (1000,) and betas[0] == 1e-4 and math.isclose(betas[-1], 0.02)
    alpha_bar = ns["alpha_bars"](betas)
    for t in (1, 2, 500, 1000):
        running = math.prod(1.0 - float(b) for b in betas[:t])
        assert math.isclose(alpha_bar[t - 1], running, rel_tol=1e-9)
    assert 3e-5 < alpha_bar[-1] < 5e-5
    x0, noise = np.array([0.5, -1.0, 1.0]), np.array([1.0, 2.0, -0.5])
    one = ns["q_sample"](x0, 1, alpha_bar, noise)
    np.testing.assert_allclose(one, math.sqrt(1 - 1e-4) * x0 + math.sqrt(1e-4) * noise)
    generator = rng()
    t, samples = 300, 50_000  # alpha bar is about 0.4 here
    start = np.full(samples, 0.8)
    stepped = start.copy()
    for beta in betas[:t]:  # the one-step process q(x_t | x_{t-1}), t times
        stepped = math.sqrt(1 - beta) * stepped + math.sqrt(beta) * generator.normal(size=samples)
    closed = ns["q_sample"](start, t, alpha_bar, generator.normal(size=samples))
    for values in (stepped, closed):  # same Gaussian: mean sqrt(ab) x0, variance 1 - ab
        assert abs(values.mean() - math.sqrt(alpha_bar[t - 1]) * 0.8) < 0.02  # 5 std errors
        assert abs(values.var() - (1 - alpha_bar[t - 1])) < 0.02
    draws = [ns["training_example"](x0, alpha_bar, generator) for _ in range(3000)]
    steps = {t for _, t, _ in draws}
    assert min(steps) == 1 and max(steps) == 1000
    x_t, t, eps = draws[0]
    np.testing.assert_allclose(x_t, ns["q_sample"](x0, t, alpha_bar, eps))


@check("vector-databases/implement-product-quantization")
def product_quantization(ns: Namespace) -> None:
    """Codes pick the nearest centroid per subspace; ADC equals distance to the reconstruction."""
    generator = rng()
    codebooks = generator.normal(size=(4, 16, 3))  # m = 4 subspaces of 3 dims, k = 16
    x = generator.normal(size=(50, 12))
    codes = ns["pq_encode"](x, codebooks)
    assert codes.shape == (50, 4) and codes.dtype == np.uint8
    for i, j in itertools.product(range(50), range(4)):
        sub = x[i, 3 * j : 3 * j + 3]
        nearest = min(range(16), key=lambda c: float(np.sum((sub - codebooks[j, c]) ** 2)))
        assert codes[i, j] == nearest
    query = generator.normal(size=12)
    best, dist = ns["pq_search"](query, codes, codebooks, top=5)
    rebuilt = np.concatenate([codebooks[j, codes[:, j]] for j in range(4)], axis=1)  # (50, 12)
    exact = [float(np.sum((query - row) ** 2)) for row in rebuilt]
    assert list(best) == sorted(range(50), key=lambda i: exact[i])[:5]
    np.testing.assert_allclose(dist, sorted(exact)[:5], rtol=1e-10)
    on_grid = rebuilt[[3, 17, 29]]
    assert list(
        ns["pq_search"](on_grid[1], ns["pq_encode"](on_grid, codebooks), codebooks, 1)[0]
    ) == [1]
    with np.testing.assert_raises(ValueError):
        ns["pq_encode"](generator.normal(size=(2, 13)), codebooks)


@check("chain-of-thought/implement-self-consistency")
def self_consistency(ns: Namespace) -> None:
    """Normalised majority vote over extracted answers; share counts every chain."""
    chains = [
        "6 * 7 = 42.\nSo the answer is 42.",
        "Adding them up...\nThe answer is: 42.0",
        "Careful: 40 + 1.\nthe answer is $41",
        "I am not sure.",
        "Thousands.\nThe Answer Is 1,000.",
    ]
    assert [ns["extract_answer"](c) for c in chains] == ["42", "42", "41", None, "1000"]
    assert ns["self_consistency"](chains) == ("42", 2 / 5)
    assert ns["extract_answer"]("So the answer is Paris.") == "paris"
    assert ns["extract_answer"]("The answer is 3.5.") == "3.5"
    assert ns["self_consistency"](["The answer is 7", "The answer is 9"]) == ("7", 0.5)
    assert ns["self_consistency"](["no idea", ""]) == (None, 0.0)
    assert ns["self_consistency"]([]) == (None, 0.0)


def toy_model(vocab: int, eos: int) -> Callable[[tuple[int, ...]], np.ndarray]:
    """A fixed random next-token model whose log-probs depend on the whole prefix."""

    def next_logprobs(prefix: tuple[int, ...]) -> np.ndarray:
        seed = hash(prefix) % (2**32)
        logits = np.random.default_rng(seed).normal(size=vocab) * 2
        logits[eos] -= 1.0
        return np.log(np.array(softmax_reference(list(logits))))

    return next_logprobs


def exhaustive_best(
    model: Callable[[tuple[int, ...]], np.ndarray], vocab: int, eos: int, max_len: int, alpha: float
) -> tuple[tuple[int, ...], float]:
    """The best length-normalised hypothesis over every sequence search could produce."""
    best: tuple[tuple[int, ...], float] | None = None
    frontier = [((0,), 0.0)]
    for _ in range(max_len):
        grown = []
        for prefix, score in frontier:
            logp = model(prefix)
            for token in range(vocab):
                grown.append(((*prefix, token), score + float(logp[token])))
        done = [h for h in grown if h[0][-1] == eos]
        frontier = [h for h in grown if h[0][-1] != eos]
        for hypothesis in done + (frontier if _ == max_len - 1 else []):
            normalised = hypothesis[1] / ((5 + len(hypothesis[0]) - 1) / 6) ** alpha
            if best is None or normalised > best[1]:
                best = (hypothesis[0], normalised)
    assert best is not None
    return best


@check("decoding/implement-beam-search")
def beam_search(ns: Namespace) -> None:
    """One step matches a sort; a wide beam is exhaustive search; width 1 is greedy."""
    generator = rng()
    scores, logp = np.array([-1.0, -0.5, -3.0]), np.log(generator.dirichlet(np.ones(4), size=3))
    parents, tokens, new = ns["beam_step"](scores, logp, 5)
    flat = sorted(
        ((scores[b] + logp[b, v], b, v) for b in range(3) for v in range(4)), reverse=True
    )
    assert [(int(b), int(v)) for b, v in zip(parents, tokens, strict=True)] == [
        (b, v) for _, b, v in flat[:5]
    ]
    np.testing.assert_allclose(new, [s for s, _, _ in flat[:5]])
    model = toy_model(vocab=3, eos=2)
    for alpha in (0.0, 0.6, 1.0):
        found = ns["beam_search"](model, bos=0, eos=2, width=81, max_len=4, alpha=alpha)
        best_tokens, best_score = exhaustive_best(model, 3, 2, 4, alpha)
        assert found[0] == best_tokens, alpha
        penalty = ((5 + len(found[0]) - 1) / 6) ** alpha
        assert math.isclose(found[1] / penalty, best_score, rel_tol=1e-9)
    greedy, prefix = ns["beam_search"](model, 0, 2, width=1, max_len=6, alpha=0.0), (0,)
    for _ in range(6):
        prefix += (int(np.argmax(model(prefix))),)
        if prefix[-1] == 2:
            break
    assert greedy[0] == prefix
    never_ends = ns["beam_search"](lambda _: np.log([0.6, 0.4 - 1e-12, 1e-12]), 0, 2, 2, 3)
    assert len(never_ends[0]) == 4  # no hypothesis emits EOS: the live beams are returned
    table = {(0,): [1e-9, 0.5, 0.5 - 1e-9], (0, 1): [1e-9, 0.1 - 1e-9, 0.9]}

    def flips(prefix: tuple[int, ...]) -> np.ndarray:
        return np.log(table.get(prefix, [1e-9, 1e-9, 1 - 2e-9]))

    # raw scores: log 0.5 for (0, 2) beats log 0.45 for (0, 1, 2); normalised with alpha = 1,
    # log 0.45 / (7/6) = -0.684 beats log 0.5 / 1 = -0.693
    assert ns["beam_search"](flips, 0, 2, width=2, max_len=3, alpha=0.0)[0] == (0, 2)
    assert ns["beam_search"](flips, 0, 2, width=2, max_len=3, alpha=1.0)[0] == (0, 1, 2)
    assert math.isclose(ns["length_penalty"](7, 0.6), 2.0**0.6)


def bm25_reference(query: list[str], docs: list[list[str]], k1: float, b: float) -> list[float]:
    """BM25 straight from the formula, with Lucene's IDF, recounting everything per term."""
    n, avgdl = len(docs), sum(len(d) for d in docs) / len(docs)
    out = []
    for doc in docs:
        total = 0.0
        for term in query:
            f = doc.count(term)
            if f == 0:
                continue
            containing = sum(1 for d in docs if term in d)
            idf = math.log(1 + (n - containing + 0.5) / (containing + 0.5))
            total += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * len(doc) / avgdl))
        out.append(total)
    return out


@check("rag/implement-bm25")
def bm25(ns: Namespace) -> None:
    """Matches the formula; saturates in tf; penalises length; common terms stay non-negative."""
    docs = [
        ["the", "cat", "sat", "on", "the", "mat"],
        ["the", "dog", "chased", "the", "cat", "around", "the", "big", "garden"],
        ["a", "quiet", "garden"],
        ["the", "the", "the", "the"],
    ]
    for query in (["cat"], ["garden", "cat"], ["the"], ["unicorn"], ["cat", "cat"]):
        for k1, b in ((1.5, 0.75), (1.2, 0.0), (2.0, 1.0)):
            got = ns["bm25_scores"](query, docs, k1=k1, b=b)
            np.testing.assert_allclose(got, bm25_reference(query, docs, k1, b), rtol=1e-12)
    assert ns["bm25_scores"](["unicorn"], docs) == [0.0] * 4
    assert min(ns["bm25_scores"](["the"], docs)) >= 0.0
    cats = [["cat"] * f + ["x"] * (20 - f) for f in (1, 2, 5, 20)] + [["y"] * 20] * 4
    scores = ns["bm25_scores"](["cat"], cats, k1=1.5, b=0.0)
    assert scores[0] < scores[1] < scores[2] < scores[3]
    idf = math.log(1 + (8 - 4 + 0.5) / (4 + 0.5))
    assert scores[3] < idf * 2.5  # saturation bound IDF * (k1 + 1)
    short_long = [["cat", "x"], ["cat"] + ["x"] * 9, ["y"], ["y"]]
    scores = ns["bm25_scores"](["cat"], short_long, b=0.75)
    assert scores[0] > scores[1] > 0


@check("inference/implement-speculative-verification")
def speculative_verification(ns: Namespace) -> None:
    """Acceptance plus residual gives exactly p; sampled first tokens follow p; stop rules hold."""
    generator = rng()
    for _ in range(20):
        p, q = generator.dirichlet(np.ones(6)), generator.dirichlet(np.ones(6))
        accept = np.minimum(1.0, p / q)
        rejected = 1.0 - float(np.sum(q * accept))
        np.testing.assert_allclose(q * accept + rejected * ns["residual"](p, q), p, atol=1e-12)
    p = np.array([[0.5, 0.3, 0.2], [0.1, 0.1, 0.8]])
    q = np.array([[0.2, 0.2, 0.6]])
    counts = np.zeros(3)
    for _ in range(20_000):
        draft = generator.choice(3, p=q[0])
        out = ns["verify_draft"](np.array([draft]), q, p, generator)
        assert 1 <= len(out) <= 2 and (len(out) == 2) == (out[0] == draft)
        counts[out[0]] += 1
    assert np.max(np.abs(counts / 20_000 - p[0])) < 0.015  # about 4 standard errors
    same = np.tile([0.25, 0.25, 0.5], (4, 1))
    out = ns["verify_draft"](np.array([2, 0, 1]), same[:3], same, generator)
    assert out[:3] == [2, 0, 1] and len(out) == 4
    never = np.array([[0.0, 1.0, 0.0], [0.0, 1.0, 0.0]])
    assert ns["verify_draft"](np.array([0]), np.array([[1.0, 0.0, 0.0]]), never, generator) == [1]
