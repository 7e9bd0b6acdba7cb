"""End to end on samples/campaign: real ingest (every extractor), then link, conflicts, timeline
and check must find every planted relation of samples/README.md and no false contradiction.
This is the measurement behind issue 5's "done when"; it also guards the extractors it uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimledger import run
from claimledger.link import link_ledger
from claimledger.link.check import check
from claimledger.link.read import conflicts, timeline
from claimledger.settings import Settings
from claimledger.store import open_ledger
from test_link_corpus import SAMPLES, answer_key


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("e2e") / "campaign.db"
    summary = run.ingest([str(SAMPLES / "campaign")], Settings.load(db=str(path)))
    assert summary.failed == 0
    with open_ledger(str(path)) as ledger:
        link_ledger(ledger, encoder="hashing")
    return path


def _claims(ledger: Any, file: str, phrase: str) -> list[str]:
    rows = ledger.query(
        "SELECT c.id FROM claims c JOIN documents d ON d.id = c.doc WHERE d.source LIKE ? AND c.text LIKE ?",
        (f"%{file}%", f"%{phrase}%"),
    )
    return [str(r["id"]) for r in rows]


@pytest.mark.parametrize("row", answer_key(), ids=lambda r: f"{r['id']}-{r['relation']}")
def test_planted_relation_found_after_real_ingest(ingested: Path, row: dict[str, str]) -> None:
    with open_ledger(str(ingested), readonly=True) as ledger:
        a, b = _claims(ledger, row["a_file"], row["a"]), _claims(ledger, row["b_file"], row["b"])
        assert a and b, "the extractors must make a claim of each planted statement"
        marks_a, marks_b = ",".join("?" * len(a)), ",".join("?" * len(b))
        found = sorted({r["relation"] for r in ledger.query(
            f"SELECT relation FROM links WHERE (a IN ({marks_a}) AND b IN ({marks_b})) "
            f"OR (b IN ({marks_a}) AND a IN ({marks_b}))", (*a, *b, *a, *b))})
    assert found == ([] if row["relation"] == "none" else [row["relation"]])


def test_only_the_planted_contradictions(ingested: Path) -> None:
    with open_ledger(str(ingested), readonly=True) as ledger:
        rows = conflicts(ledger, relations=("contradict",))
    quotes = sorted(r["a"]["quote"][:25] + " / " + r["b"]["quote"][:25] for r in rows)
    assert len(rows) == sum(r["relation"] == "contradict" for r in answer_key()), quotes


def test_timeline_of_troops_in_syria(ingested: Path) -> None:
    with open_ledger(str(ingested), readonly=True) as ledger:
        rows = timeline(ledger, "us troops syria")
    assert [r["value"] for r in rows] == [900, 2000, 1500]


def test_check_after_real_ingest(ingested: Path, nlp: Any) -> None:
    with open_ledger(str(ingested)) as ledger:
        dated = check(ledger, "About 2,000 U.S. troops are in Syria.", as_of="2025-06-12",
                      encoder="hashing", nlp=nlp)
        status = check(ledger, "The Crimson Ridge Front has been defeated in Syria.", as_of="2025-12-19",
                       encoder="hashing", nlp=nlp)
    assert dated["verdict"] == "supported"
    assert status["verdict"] == "conflicting evidence"
