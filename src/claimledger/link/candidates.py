"""Candidate pairs by blocking: never all pairs, so linking stays near-linear in the claims.

Blocks are (1) one metric key, (2) one topic name, (3) one of a claim's two rarest shared
words, and (4) nearest neighbours by sentence embedding inside topic blocks. Inside a block,
claims are sorted by date and each is paired with its ``window`` predecessors only, so a block
of n claims yields at most n * window pairs however big it grows (thousands of claims about one
metric cost the same per claim as ten).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import numpy as np

from claimledger.link.corpus import ClaimView

METRIC_WINDOW = 8
TOPIC_WINDOW = 12
WORD_WINDOW = 6
NEIGHBOURS = 3
NEIGHBOUR_MIN_COSINE = 0.8
MAX_EMBED_BLOCK = 2_000


def _windowed(members: list[tuple[str, str, int]], window: int, out: set[tuple[int, int]]) -> None:
    members.sort()
    for position, (_, _, i) in enumerate(members):
        for _, _, j in members[max(0, position - window): position]:
            if i != j:
                out.add((min(i, j), max(i, j)))


def pairs(views: list[ClaimView], keys: dict[str, str],
          vectors: np.ndarray | None = None) -> set[tuple[int, int]]:
    """Index pairs (i < j) of claims worth comparing."""
    out: set[tuple[int, int]] = set()
    by_metric: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    by_topic: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for i, view in enumerate(views):
        stamp = (view.when or "", view.id, i)
        for key in {keys[f.id + "@" + view.id] for f in view.figures if f.id + "@" + view.id in keys}:
            by_metric[key].append(stamp)
        for topic in view.topics:
            by_topic[topic].append(stamp)
    for members in by_metric.values():
        _windowed(members, METRIC_WINDOW, out)
    for members in by_topic.values():
        _windowed(members, TOPIC_WINDOW, out)
    for members in _rare_word_blocks(views).values():
        _windowed(members, WORD_WINDOW, out)
    if vectors is not None and len(vectors) == len(views):
        for members in by_topic.values():
            out.update(_neighbours([i for _, _, i in members], vectors))
    return out


def _rare_word_blocks(views: list[ClaimView]) -> dict[str, list[tuple[str, str, int]]]:
    """Each claim in the blocks of its two rarest words that some other claim also uses."""
    frequency: Counter[str] = Counter()
    for view in views:
        frequency.update(view.words)
    blocks: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for i, view in enumerate(views):
        shared = sorted((frequency[w], w) for w in view.words if frequency[w] > 1)
        for _, word in shared[:2]:
            blocks[word].append((view.when or "", view.id, i))
    return blocks


def _neighbours(members: Iterable[int], vectors: np.ndarray) -> set[tuple[int, int]]:
    """Pairs of each member with its nearest neighbours (cosine) inside the block."""
    index = sorted(set(members))
    found: set[tuple[int, int]] = set()
    if len(index) < 2:
        return found
    for chunk_start in range(0, len(index), MAX_EMBED_BLOCK):
        chunk = index[chunk_start: chunk_start + MAX_EMBED_BLOCK]
        block = vectors[chunk]
        sims = block @ block.T
        np.fill_diagonal(sims, -1.0)
        k = min(NEIGHBOURS, len(chunk) - 1)
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k] if k > 0 else np.empty((len(chunk), 0), dtype=int)
        for row, cols in enumerate(top):
            for col in cols:
                if sims[row, col] >= NEIGHBOUR_MIN_COSINE:
                    i, j = chunk[row], chunk[int(col)]
                    found.add((min(i, j), max(i, j)))
    return found
