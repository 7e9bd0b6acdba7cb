"""quantulum3's own English test sentences: a smoke test of value and unit parsing.

Protocol (``../shared/datasets/quantulum3-tests/README.md``): quantulum3's tests need the same
value, unit and surface; we report the value match rate (``isclose``), value+unit (our codes
mapped to quantulum's unit names; a count is ``dimensionless``) and exact surface matches, as
recall over the gold quantities and as precision over ours. quantulum3 passes its own tests by
construction, so there is no published reference to sit beside ours.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from claimledger.evaluation import Score, require
from claimledger.evaluation.newsquant import CQE_UNITS, extract
from claimledger.model import Quantity

FAST_SENTENCES = 40

QUANTULUM_UNITS = {**CQE_UNITS, "degC": "degree celsius", "degF": "degree fahrenheit", "t": "tonne"}


def unit_name(quantity: Quantity) -> str:
    """Our unit in quantulum3's vocabulary (lower-cased)."""
    if quantity.unit is None:
        return "dimensionless"
    return " per ".join(QUANTULUM_UNITS.get(part, part.lower()) for part in quantity.unit.split("/"))


def _matches(ours: list[Quantity], gold: list[dict[str, Any]], *, unit: bool, surface: bool) -> int:
    used: set[int] = set()
    correct = 0
    for quantity in ours:
        for index, item in enumerate(gold):
            if index in used:
                continue
            try:
                same = math.isclose(quantity.value, float(item["value"]), rel_tol=1e-5)
            except (TypeError, ValueError):
                same = False
            if same and unit:
                same = unit_name(quantity) == str(item.get("unit", "")).lower()
            if same and surface:
                same = quantity.text == item.get("surface")
            if same:
                used.add(index)
                correct += 1
                break
    return correct


def measure(datasets: Path, *, fast: bool = False) -> list[Score]:
    """Value, value+unit and surface agreement on quantulum3's test sentences."""
    folder = require(datasets, "quantulum3-tests")
    data: list[dict[str, Any]] = []
    for name in ("quantities.json", "quantities.ambiguity.json"):
        data.extend(json.loads((folder / name).read_text(encoding="utf-8")))
    if fast:
        data = data[:FAST_SENTENCES]
    found = extract([item["req"] for item in data])
    n_gold = sum(len(item["res"]) for item in data)
    n_ours = sum(len(ours) for _, ours in found)
    scores = []
    for metric, unit, surface in (("value", False, False), ("value+unit", True, False),
                                  ("value+surface", False, True)):
        correct = sum(
            _matches(ours, item["res"], unit=unit, surface=surface)
            for item, (_, ours) in zip(data, found, strict=True)
        )
        recall = correct / n_gold if n_gold else 0.0
        precision = correct / n_ours if n_ours else 0.0
        scores.append(Score(
            "quantities", "quantulum3 tests" + (" (fast)" if fast else ""), f"{metric} recall", recall,
            None, None, f"precision {precision:.3f}; quantulum3 passes by construction", n_gold,
        ))
    return scores
