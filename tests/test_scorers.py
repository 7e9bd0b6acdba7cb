"""Scorers checked on tiny hand-made cases, so that the benchmark table can be trusted."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.evaluation import DatasetMissing, Score, boilerplate, format_table, require, runner

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"


def test_boilerplate_perfect_and_empty_extraction() -> None:
    gold = {"a": "one two three four five six", "b": "alpha beta gamma delta"}
    assert boilerplate.score(gold, dict(gold))["f1"] == pytest.approx(1.0)
    assert boilerplate.score(gold, dict(gold))["accuracy"] == pytest.approx(1.0)
    nothing = boilerplate.score(gold, {})
    assert nothing["recall"] == 0.0 and nothing["f1"] == 0.0


def test_boilerplate_extra_chrome_lowers_precision_not_recall() -> None:
    gold = {"a": "the coalition has seventy nine members in all"}
    noisy = {"a": "skip to main content the coalition has seventy nine members in all share this page"}
    result = boilerplate.score(gold, noisy)
    assert result["recall"] == pytest.approx(1.0)
    # 8 gold tokens -> 5 shingles, all found; 15 predicted tokens -> 12 shingles: precision 5/12
    assert result["precision"] == pytest.approx(5 / 12)
    assert result["accuracy"] == 0.0


@pytest.mark.skipif(not (DATASETS / "article-extraction-benchmark").exists(), reason="dataset absent")
def test_boilerplate_scorer_reproduces_published_table() -> None:
    folder = DATASETS / "article-extraction-benchmark"
    gold = boilerplate.load_gold(folder)
    trafilatura = boilerplate.score(gold, boilerplate.load_reference(folder, "trafilatura"))
    readability = boilerplate.score(gold, boilerplate.load_reference(folder, "readability"))
    assert round(trafilatura["f1"], 3) == 0.958
    assert round(readability["f1"], 3) == 0.922


def test_missing_dataset_is_skipped_with_a_line(tmp_path: Path) -> None:
    with pytest.raises(DatasetMissing, match="not found"):
        require(tmp_path, "nope")
    outcome = runner.run(tmp_path, fast=True, only=["boilerplate"])
    assert outcome.scores == [] and outcome.errors == []
    assert outcome.skipped and "article-extraction-benchmark" in outcome.skipped[0]


def test_format_table_has_one_row_per_score() -> None:
    table = format_table([Score("c", "d", "F1", 0.5, 0.9, "someone", n=3), Score("c", "d", "P", None)])
    lines = table.splitlines()
    assert len(lines) == 4 and "0.500" in lines[2] and "n/a" in lines[3]
