"""Boilerplate removal on the article-extraction benchmark (Zyte/scrapinghub protocol).

Each page's extracted body is compared with the gold body as multisets of 4-token shingles
(tokens: ``\\w+``). Per document tp/fp/fn are normalised by their sum; precision and recall are
averaged over documents and F1 is computed from the two averages, as the upstream scorer does.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from claimledger.evaluation import Score, require

FOLDER = "article-extraction-benchmark"
SHINGLE = 4
FAST_PAGES = 40
_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; a text shorter than n tokens is one shingle."""
    words = tokens(text)
    if len(words) < n:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def document_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one document."""
    g, p = shingles(gold), shingles(predicted)
    tp = fp = fn = 0
    for key in g.keys() | p.keys():
        tp += min(g[key], p[key])
        fp += max(0, p[key] - g[key])
        fn += max(0, g[key] - p[key])
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def score(gold: Mapping[str, str], predicted: Mapping[str, str]) -> dict[str, float]:
    """Precision, recall, F1 and exact accuracy over the gold documents."""
    precisions, recalls, exact = [], [], 0
    for key, gold_text in gold.items():
        pred_text = predicted.get(key, "")
        tp, fp, fn = document_counts(gold_text, pred_text)
        if fp == 0 and fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
        else:
            if tp + fp > 0:
                precisions.append(tp / (tp + fp))
            if tp + fn > 0:
                recalls.append(tp / (tp + fn))
        exact += tokens(gold_text) == tokens(pred_text)
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": exact / max(1, len(gold))}


def load_gold(folder: Path) -> dict[str, str]:
    data = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: value.get("articleBody", "") for key, value in data.items()}


def load_reference(folder: Path, system: str) -> dict[str, str]:
    """A published system's outputs shipped with the benchmark (to check the scorer)."""
    with gzip.open(folder / "reference-outputs" / f"{system}.json.gz", "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    data = data.get("output", data)
    return {key: (value or {}).get("articleBody", "") or "" for key, value in data.items()}


def extract_pages(folder: Path, keys: list[str]) -> dict[str, str]:
    """Our clean stage's text for each page."""
    from claimledger.clean import clean_document
    from claimledger.errors import InputError
    from claimledger.ingest import RawInput
    from claimledger.settings import Settings

    settings = Settings()
    out: dict[str, str] = {}
    for key in keys:
        data = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        try:
            out[key] = clean_document(RawInput(source=key, data=data, kind="html"), key, settings).text
        except InputError:
            out[key] = ""
    return out


def measure(datasets: Path, *, fast: bool = False) -> list[Score]:
    folder = require(datasets, FOLDER)
    gold = load_gold(folder)
    keys = sorted(gold)[:FAST_PAGES] if fast else sorted(gold)
    gold = {k: gold[k] for k in keys}
    ours = score(gold, extract_pages(folder, keys))
    dataset = "article-extraction" + (f" (first {len(keys)} pages)" if fast else "")
    by = "trafilatura 2.0.0 (Zyte)"
    return [
        Score("boilerplate", dataset, "F1", ours["f1"], 0.958, by, n=len(keys)),
        Score("boilerplate", dataset, "precision", ours["precision"], 0.938, by, n=len(keys)),
        Score("boilerplate", dataset, "recall", ours["recall"], 0.978, by, n=len(keys)),
    ]
