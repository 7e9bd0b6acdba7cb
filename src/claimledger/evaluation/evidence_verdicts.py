"""Verdicts from given evidence: AVeriTeC dev's numerical claims with their gold answers.

The dataset (read from ``../shared/datasets/averitec`` at run time, never copied) gives each
claim gold question-answer pairs. Here those answers are the evidence, and we score how often our
verdict (supported / refuted / conflicting / no evidence, in the dataset's four label names)
equals the gold one: accuracy and the unweighted mean of the per-label F1. Only claims the
dataset types as numerical are used.

Each gold answer (with its Boolean explanation when there is one) is an evidence text read by
``link.stance.stance``; the verdict is aggregated as ``claimledger check`` does. The official
AVeriTeC score also grades generated questions against gold ones; with gold evidence given,
that part does not apply, so no published number is directly comparable: the table shows the
majority-class baseline computed on the same subset instead.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from claimledger.evaluation import Score, require
from claimledger.evaluation.fnc1 import f1_by_label
from claimledger.link.stance import stance, text_view

LABELS = ("Supported", "Refuted", "Conflicting Evidence/Cherrypicking", "Not Enough Evidence")
FAST_EVERY = 3


def evidence_texts(record: dict[str, Any]) -> list[str]:
    """The gold answers of a claim, each with its Boolean explanation when it has one."""
    texts = []
    for question in record.get("questions") or []:
        for answer in question.get("answers") or []:
            if answer.get("answer_type") == "Unanswerable":
                continue
            text = str(answer.get("answer") or "")
            if answer.get("boolean_explanation"):
                text = f"{text}. {answer['boolean_explanation']}"
            if text.strip():
                texts.append(text)
    return texts


def verdict(claim: str, evidence: list[str]) -> str:
    """Our verdict for a claim given its evidence texts, as one of LABELS."""
    view = text_view(claim, "c")
    found = [stance(view, text_view(text, f"e{n}"))[0] for n, text in enumerate(evidence)]
    supports, refutes = "supports" in found, "refutes" in found
    if supports and refutes:
        return LABELS[2]
    if supports:
        return LABELS[0]
    if refutes:
        return LABELS[1]
    return LABELS[3]


def measure(datasets: Path, *, fast: bool = False) -> list[Score]:
    folder = require(datasets, "averitec")
    records = json.loads((folder / "dev.json").read_text(encoding="utf-8"))
    numerical = [r for r in records if "Numerical Claim" in (r.get("claim_types") or [])]
    if fast:
        numerical = numerical[::FAST_EVERY]
    gold = [r["label"] for r in numerical]
    predicted = [verdict(r["claim"], evidence_texts(r)) for r in numerical]
    majority = Counter(gold).most_common(1)[0][0] if gold else LABELS[1]
    baseline = [majority] * len(gold)
    n = len(gold)

    def accuracy(pred: list[str]) -> float:
        return sum(g == p for g, p in zip(gold, pred, strict=True)) / n if n else 0.0

    def macro(pred: list[str]) -> float:
        return sum(f1_by_label(gold, pred, LABELS).values()) / len(LABELS)

    by = f"majority class '{majority}' (computed here)"
    return [
        Score("links", "AVeriTeC dev numerical (gold evidence)", "verdict accuracy", accuracy(predicted),
              accuracy(baseline), by, n=n),
        Score("links", "AVeriTeC dev numerical (gold evidence)", "verdict macro-F1", macro(predicted),
              macro(baseline), by, n=n),
    ]
