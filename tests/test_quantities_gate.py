"""Quality gate (issue 3): the fast benchmark subsets must stay above pinned floors.

The floors sit a little under the scores measured when the extractors landed, so a regression
fails the suite; the tests skip when the shared datasets are not beside the repository.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import DATASETS

FLOORS_NEWSQUANT = {"value F1": 0.90, "value+unit F1": 0.71, "value+change F1": 0.80,
                    "value+concept (partial) F1": 0.57}  # fast scores 0.926 / 0.739 / 0.828 / 0.601
FLOORS_TEMPEVAL = {"relaxed F1": 0.80, "value accuracy": 0.65}


@pytest.mark.skipif(not (DATASETS / "newsquant").exists(), reason="NewsQuant dataset not present")
def test_newsquant_fast_floor(nlp: Any) -> None:
    from claimledger.evaluation import newsquant

    scores = {s.metric: s.ours for s in newsquant.measure(DATASETS, fast=True)}
    for metric, floor in FLOORS_NEWSQUANT.items():
        assert scores[metric] is not None and scores[metric] >= floor, (metric, scores[metric])


@pytest.mark.skipif(not (DATASETS / "tempeval3-platinum").exists(), reason="TempEval-3 platinum not present")
def test_tempeval_fast_floor() -> None:
    from claimledger.evaluation import tempeval

    scores = {s.metric: s.ours for s in tempeval.measure(DATASETS, fast=True)}
    for metric, floor in FLOORS_TEMPEVAL.items():
        assert scores[metric] is not None and scores[metric] >= floor, (metric, scores[metric])
