"""Check-worthiness benchmarks: ClaimBuster (two-class) and CLEF-2019 CheckThat! Task 1.

Both rank sentences by ``extract.claims.checkworthiness`` (the same feature score the ledger
stores on every claim; no training on either dataset):

- **ClaimBuster**: average precision of the check-worthy class (label 1) over the ranked
  sentences, plus P/R/F1 of "score >= MIN_CHECKWORTHY" (the threshold at which the ledger keeps
  a sentence as a claim). Full run: all 9,674 sentences of ``kfold_25ncs``; fast: every second
  sentence of ``test.json`` up to 300 (the file is sorted by label).
- **CLEF-2019**: the official protocol: per test file, rank every line, Average Precision;
  MAP over the 7 files (reference: the best primary run, Copenhagen, 0.1660), and P@10.
  Fast: the two shortest test files.

Ties are broken by position in the file (stable), so the numbers are deterministic.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimledger.evaluation import Score, require

FAST_CLAIMBUSTER = 300
FAST_CLEF_FILES = 2


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """AP of the positive labels when items are ranked by score (stable for ties)."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits, total = 0, 0.0
    for rank, index in enumerate(order, start=1):
        if labels[index]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def precision_at(scores: Sequence[float], labels: Sequence[int], k: int) -> float:
    """Share of positives among the k best-scored items."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])[:k]
    return sum(labels[i] for i in order) / k if k else 0.0


def score_texts(texts: Sequence[str], nlp: Any) -> list[float]:
    """The check-worthiness of each text (parsed as one span)."""
    from claimledger.extract.claims import checkworthiness

    return [checkworthiness(doc[:]) for doc in nlp.pipe(texts, batch_size=256)]


def _read_json(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    return list(data)


def claimbuster(datasets: Path, nlp: Any, *, fast: bool = False) -> list[Score]:
    """AP and thresholded P/R/F1 on ClaimBuster (CFS = label 1)."""
    from claimledger.extract.claims import MIN_CHECKWORTHY

    folder = require(datasets, "claimbuster")
    if fast:
        every = _read_json(folder / "test.json")
        rows = every[:: max(1, len(every) // FAST_CLAIMBUSTER)][:FAST_CLAIMBUSTER]
        name = "ClaimBuster test.json (every 2nd, 300)"
    else:
        rows = _read_json(folder / "kfold_25ncs.json.gz")
        name = "ClaimBuster kfold_25ncs (all)"
    labels = [int(r["label"]) for r in rows]
    scores = score_texts([str(r["text"]) for r in rows], nlp)
    chosen = [s >= MIN_CHECKWORTHY for s in scores]
    tp = sum(1 for c, y in zip(chosen, labels, strict=True) if c and y)
    p = tp / sum(chosen) if any(chosen) else 0.0
    r = tp / sum(labels) if any(labels) else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    base = sum(labels) / len(labels) if labels else 0.0
    return [
        Score("claims", name, "AP (CFS)", average_precision(scores, labels), n=len(rows),
              note=f"random ranking = {base:.3f}"),
        Score("claims", name, f"F1 (CFS, score >= {MIN_CHECKWORTHY})", f1, n=len(rows)),
    ]


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def read_clef(path: Path) -> tuple[list[str], list[int]]:
    """(texts, labels) of one CLEF-2019 TSV file (line, speaker, text, label)."""
    texts, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.rstrip("\r").split("\t")
        if len(parts) < 4:
            continue
        texts.append(parts[2])
        labels.append(int(parts[3]))
    return texts, labels


def clef2019(datasets: Path, nlp: Any, *, fast: bool = False) -> list[Score]:
    """MAP and mean P@10 over the CLEF-2019 Task 1 test files (official metric: MAP)."""
    folder = require(datasets, "clef2019-checkthat-task1") / "test"
    files = sorted(folder.glob("*.tsv"))
    if fast:
        files = sorted(files, key=lambda f: f.stat().st_size)[:FAST_CLEF_FILES]
    aps, p10s, lines = [], [], 0
    for path in files:
        texts, labels = read_clef(path)
        scores = score_texts(texts, nlp)
        aps.append(average_precision(scores, labels))
        p10s.append(precision_at(scores, labels, 10))
        lines += len(texts)
    name = "CLEF-2019 T1 test" + (" (2 files)" if fast else "")
    return [
        Score("claims", name, "MAP", _mean(aps), 0.166, "Copenhagen (best primary run)", n=lines),
        Score("claims", name, "P@10", _mean(p10s), 0.2286, "Copenhagen (best primary run)", n=lines),
    ]


def measure(datasets: Path, *, fast: bool = False) -> list[Score]:
    """ClaimBuster and CLEF-2019 check-worthiness scores (each skipped if its folder is absent)."""
    from claimledger.evaluation import DatasetMissing
    from claimledger.extract import nlp as loader

    nlp = loader.load()
    scores: list[Score] = []
    missing: list[str] = []
    for run in (claimbuster, clef2019):
        try:
            scores += run(datasets, nlp, fast=fast)
        except DatasetMissing as exc:
            missing.append(str(exc))
    if not scores and missing:
        raise DatasetMissing("; ".join(missing))
    return scores
