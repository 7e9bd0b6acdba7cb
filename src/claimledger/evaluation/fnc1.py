"""FNC-1 (competition test set): stance of an article body towards a headline.

Protocol (dataset README): the official weighted score (+0.25 for a correct related/unrelated
decision, +0.75 more for the exact stance of a related pair) as a share of the maximum, plus
macro-F1 over the four classes and F1 of ``agree`` and ``disagree``.

Our reading uses the link rules, not a trained model: a body is ``unrelated`` when few of the
headline's content words occur in it; otherwise each body sentence that shares words with the
headline is compared with ``link.stance.stance``: a refuting sentence -> ``disagree``, else a
supporting one -> ``agree``, else ``discuss``.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections.abc import Sequence
from pathlib import Path

from claimledger.evaluation import Score, require
from claimledger.link import statements
from claimledger.link.stance import stance, text_view

LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED_CONTAINMENT = 0.3  # share of the headline's content words found in the body
SENTENCE_CONTAINMENT = 0.3
FAST_EVERY = 25  # fast mode: every 25th pair (about 1,000 pairs)


def predict(headline: str, body: str) -> str:
    """One of LABELS for a headline/body pair."""
    head_words = statements.words(headline)
    body_words = statements.words(body)
    if not head_words or len(head_words & body_words) / len(head_words) < RELATED_CONTAINMENT:
        return "unrelated"
    claim = text_view(headline, "h")
    verdicts = []
    for n, sentence in enumerate(re.split(r"(?<=[.!?])\s+|\n+", body)):
        words = statements.words(sentence)
        if not words or len(head_words & words) / len(head_words) < SENTENCE_CONTAINMENT:
            continue
        verdict, _ = stance(claim, text_view(sentence, f"s{n}"))
        verdicts.append(verdict)
    if "refutes" in verdicts:
        return "disagree"
    if "supports" in verdicts:
        return "agree"
    return "discuss"


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The official weighted score as a share of the best possible."""
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        best += 0.25 + (0.75 if g != "unrelated" else 0.0)
        if (g == "unrelated") == (p == "unrelated"):
            score += 0.25
            if g != "unrelated" and g == p:
                score += 0.75
    return score / best if best else 0.0


def f1_by_label(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict[str, float]:
    """Per-label F1."""
    out = {}
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label and g != label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        out[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return out


def load(folder: Path) -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    with gzip.open(folder / "competition_test_bodies.csv.gz", "rt", encoding="utf-8") as handle:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(io.StringIO(handle.read()))}
    with gzip.open(folder / "competition_test_stances.csv.gz", "rt", encoding="utf-8") as handle:
        pairs = [(r["Headline"], r["Body ID"], r["Stance"]) for r in csv.DictReader(io.StringIO(handle.read()))]
    return pairs, bodies


def measure(datasets: Path, *, fast: bool = False) -> list[Score]:
    folder = require(datasets, "fnc1")
    pairs, bodies = load(folder)
    if fast:
        pairs = pairs[::FAST_EVERY]
    gold = [stance_ for _, _, stance_ in pairs]
    predicted = [predict(headline, bodies[body]) for headline, body, _ in pairs]
    f1 = f1_by_label(gold, predicted, LABELS)
    n = len(pairs)
    ref = "Riedel et al. 2017 (UCL baseline)"
    return [
        Score("links", "FNC-1", "weighted score", fnc_score(gold, predicted), 0.8172, ref, n=n),
        Score("links", "FNC-1", "weighted score", fnc_score(gold, predicted),
              fnc_score(gold, ["unrelated"] * n), "all 'unrelated' (computed here)", n=n),
        Score("links", "FNC-1", "macro-F1", sum(f1.values()) / len(f1), None, None, n=n),
        Score("links", "FNC-1", "F1 agree", f1["agree"], None, None, n=n),
        Score("links", "FNC-1", "F1 disagree", f1["disagree"], None, None, n=n),
    ]
