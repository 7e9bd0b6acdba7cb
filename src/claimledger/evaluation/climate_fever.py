"""CLIMATE-FEVER: claims with five evidence sentences each; pair and claim-level verdicts.

Protocol (dataset README): pair level (claim, sentence) -> SUPPORTS / REFUTES / NOT_ENOUGH_INFO,
accuracy and macro-F1 over the pairs; claim level: the five pair verdicts aggregated (any
support and any refutation -> DISPUTED), accuracy and macro-F1 over the claims. Issue 5 asks
specifically which claims have both supporting and refuting evidence: we also report precision,
recall and F1 of DISPUTED.

Pair verdicts come from ``link.stance.stance`` (intervals, status, polarity, repetition and
fact-check verdict words); with nothing structured to decide, NOT_ENOUGH_INFO.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from claimledger.evaluation import Score, require
from claimledger.evaluation.fnc1 import f1_by_label
from claimledger.link.stance import stance, text_view

PAIR_LABELS = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")
CLAIM_LABELS = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO", "DISPUTED")
FAST_EVERY = 5
TO_LABEL = {"supports": "SUPPORTS", "refutes": "REFUTES", None: "NOT_ENOUGH_INFO"}


def pair_label(claim: str, evidence: str) -> str:
    verdict, _ = stance(text_view(claim, "c"), text_view(evidence, "e"))
    return TO_LABEL[verdict]


def claim_label(pair_labels: Sequence[str]) -> str:
    """Aggregate as the dataset does: both kinds -> DISPUTED, else the one present, else NEI."""
    supports, refutes = "SUPPORTS" in pair_labels, "REFUTES" in pair_labels
    if supports and refutes:
        return "DISPUTED"
    if supports:
        return "SUPPORTS"
    if refutes:
        return "REFUTES"
    return "NOT_ENOUGH_INFO"


def _accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0


def measure(datasets: Path, *, fast: bool = False) -> list[Score]:
    folder = require(datasets, "climate-fever")
    with (folder / "climate-fever.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    if fast:
        records = records[::FAST_EVERY]
    pair_gold: list[str] = []
    pair_pred: list[str] = []
    claim_gold: list[str] = []
    claim_pred: list[str] = []
    for record in records:
        labels = []
        for evidence in record["evidences"]:
            label = pair_label(record["claim"], evidence["evidence"])
            labels.append(label)
            pair_gold.append(evidence["evidence_label"])
            pair_pred.append(label)
        claim_gold.append(record["claim_label"])
        claim_pred.append(claim_label(labels))
    pair_f1 = f1_by_label(pair_gold, pair_pred, PAIR_LABELS)
    claim_f1 = f1_by_label(claim_gold, claim_pred, CLAIM_LABELS)
    tp = sum(g == p == "DISPUTED" for g, p in zip(claim_gold, claim_pred, strict=True))
    predicted_disputed = sum(p == "DISPUTED" for p in claim_pred)
    gold_disputed = sum(g == "DISPUTED" for g in claim_gold)
    n_pairs, n_claims = len(pair_gold), len(claim_gold)
    ref = "Diggelmann et al. 2020 (FEVER-trained entailment)"
    majority = "majority class (computed here)"
    return [
        Score("links", "Climate-FEVER", "pair accuracy", _accuracy(pair_gold, pair_pred),
              _accuracy(pair_gold, ["NOT_ENOUGH_INFO"] * n_pairs), majority, n=n_pairs),
        Score("links", "Climate-FEVER", "pair accuracy", _accuracy(pair_gold, pair_pred), 0.388, ref, n=n_pairs),
        Score("links", "Climate-FEVER", "pair macro-F1", sum(pair_f1.values()) / 3, None, None, n=n_pairs),
        Score("links", "Climate-FEVER", "claim accuracy", _accuracy(claim_gold, claim_pred),
              _accuracy(claim_gold, ["SUPPORTS"] * n_claims), majority, n=n_claims),
        Score("links", "Climate-FEVER", "claim macro-F1", sum(claim_f1.values()) / 4, None, None, n=n_claims),
        Score("links", "Climate-FEVER", "DISPUTED precision",
              tp / predicted_disputed if predicted_disputed else 0.0, None, None, n=n_claims),
        Score("links", "Climate-FEVER", "DISPUTED recall", tp / gold_disputed if gold_disputed else 0.0,
              None, None, n=n_claims),
        Score("links", "Climate-FEVER", "DISPUTED F1", claim_f1["DISPUTED"], None, None, n=n_claims),
    ]
