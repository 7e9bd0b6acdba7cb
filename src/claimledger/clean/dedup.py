"""Near-duplicate detection: word-shingle MinHash with LSH bands, verified by Jaccard.

Syndicated copies and the same release posted on two sites differ in a few lines of chrome;
comparing word 5-gram sets catches them while unrelated articles share almost none.
"""

from __future__ import annotations

import re
import zlib

SHINGLE = 5
BANDS = 16
ROWS = 4
_PRIME = (1 << 61) - 1
_MASK = (1 << 32) - 1
_WORD = re.compile(r"\w+", re.UNICODE)
_MAX_CHARS = 300_000


def _params() -> list[tuple[int, int]]:
    # fixed pseudo-random permutations (a, b), derived from a seed so ids are stable everywhere
    out, state = [], 0x9E3779B97F4A7C15
    for _ in range(BANDS * ROWS):
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        a = (state >> 3) % _PRIME or 1
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        out.append((a, (state >> 3) % _PRIME))
    return out


_PERMUTATIONS = _params()


def shingles(text: str) -> frozenset[int]:
    """Hashes of the lower-cased word 5-grams of the text (its first 300k characters)."""
    words = _WORD.findall(text[:_MAX_CHARS].lower())
    if len(words) < SHINGLE:
        return frozenset({zlib.crc32(" ".join(words).encode())}) if words else frozenset()
    return frozenset(
        zlib.crc32(" ".join(words[i : i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)
    )


def bands(shingle_set: frozenset[int]) -> tuple[int, ...]:
    """One hash per LSH band of the MinHash signature; empty for an empty text."""
    if not shingle_set:
        return ()
    signature = [min((a * s + b) % _PRIME for s in shingle_set) & _MASK for a, b in _PERMUTATIONS]
    return tuple(
        zlib.crc32(",".join(map(str, signature[i * ROWS : (i + 1) * ROWS])).encode()) & 0x7FFFFFFF
        for i in range(BANDS)
    )


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """Exact Jaccard similarity of two shingle sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
