"""wordllama sentence embeddings, offline from the weights in its wheel (measured, not default)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any


class WordLlamaEmbedder:
    """Cosine similarity between texts with wordllama's bundled 256-dimension model."""

    def __init__(self) -> None:
        """Load the model from the installed package, never from the network."""
        import wordllama

        self._model: Any = wordllama.WordLlama.load(
            cache_dir=Path(wordllama.__file__).parent, disable_download=True
        )

    def similarities(self, point: str, texts: Sequence[str]) -> list[float]:
        """Cosine similarity of the point to each text."""
        if not texts:
            return []
        vectors = self._model.embed([point, *texts], norm=True)
        return [float(value) for value in vectors[1:] @ vectors[0]]
