"""The planted relations of samples/README.md, found by `link`, `conflicts` and `timeline` (issue 5).

The ledger is filled by hand from the sample sentences (tests/test_link_corpus.py), so these tests
measure the link stage alone: every planted relation found, no false contradiction.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimledger.link import link_ledger
from claimledger.link.read import conflicts, list_metrics, timeline
from claimledger.serve.cli import cli
from claimledger.store import open_ledger
from test_link_corpus import SAMPLE_CLAIMS, answer_key, processed


@pytest.fixture
def linked(db_path: Path) -> Path:
    with open_ledger(str(db_path)) as ledger:
        ledger.write(processed(SAMPLE_CLAIMS))
        link_ledger(ledger, encoder="hashing")
    return db_path


def _claim(ledger: Any, file: str, phrase: str) -> str:
    rows = ledger.query(
        "SELECT c.id FROM claims c JOIN documents d ON d.id = c.doc WHERE d.source LIKE ? AND c.text LIKE ?",
        (f"%{file}", f"%{phrase}%"),
    )
    assert len(rows) == 1, (file, phrase, rows)
    return str(rows[0]["id"])


def test_answer_key_is_complete() -> None:
    key = answer_key()
    assert [row["id"] for row in key] == [f"R{i}" for i in range(1, 13)]
    assert {row["relation"] for row in key} == {"agree", "update", "contradict", "duplicate", "none"}


@pytest.mark.parametrize("row", answer_key(), ids=lambda r: f"{r['id']}-{r['relation']}")
def test_every_planted_relation_is_found(linked: Path, row: dict[str, str]) -> None:
    with open_ledger(str(linked), readonly=True) as ledger:
        a = _claim(ledger, row["a_file"], row["a"])
        b = _claim(ledger, row["b_file"], row["b"])
        found = [r["relation"] for r in ledger.query(
            "SELECT relation FROM links WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)", (a, b, b, a))]
    assert found == ([] if row["relation"] == "none" else [row["relation"]])


def test_no_false_contradiction(linked: Path) -> None:
    planted = {r["id"] for r in answer_key() if r["relation"] == "contradict"}
    with open_ledger(str(linked), readonly=True) as ledger:
        rows = conflicts(ledger, relations=("contradict",))
    assert len(rows) == len(planted)
    assert {row["a"]["date"] for row in rows} == {"2025-12-19", "2025-11-14"}


def test_conflicts_put_contradictions_first_with_both_sides(linked: Path) -> None:
    with open_ledger(str(linked), readonly=True) as ledger:
        rows = conflicts(ledger)
    assert [r["relation"] for r in rows[:2]] == ["contradict", "contradict"]
    assert [r["same_speaker"] for r in rows[:2]] == [False, False]
    assert {r["relation"] for r in rows[2:]} == {"update"}
    for side in ("a", "b"):
        assert rows[0][side]["speaker"] and rows[0][side]["quote"] and rows[0][side]["source"]


def test_timeline_shows_the_series_and_the_speaker_who_changed(linked: Path) -> None:
    with open_ledger(str(linked), readonly=True) as ledger:
        rows = timeline(ledger, "troops syria")
        names = {m["metric"] for m in list_metrics(ledger)}
    assert [r["value"] for r in rows] == [900, 2000, 1500]
    assert rows[1]["change"].startswith("up from about 900")
    assert rows[2]["change"].startswith("down from about 2,000")
    assert "us troops|count|syria" in names and "us troops|count|iraq" in names


def test_cli_conflicts_and_timeline_json(linked: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["conflicts", "--db", str(linked), "--format", "json", "--only-contradictions"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 2 and all(r["relation"] == "contradict" for r in rows)
    result = runner.invoke(cli, ["timeline", "us troops|count|iraq", "--db", str(linked), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["value"] for line in result.output.splitlines()] == [5000, 5000]
    result = runner.invoke(cli, ["timeline", "nothing like this", "--db", str(linked)])
    assert result.exit_code == 1 and "no metric matches" in result.output


def test_cli_link_is_idempotent(linked: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["link", "--db", str(linked), "--encoder", "hashing", "--format", "json"])
    second = runner.invoke(cli, ["link", "--db", str(linked), "--encoder", "hashing", "--format", "json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)[0]["links"] == json.loads(second.output)[0]["links"]
    assert json.loads(first.output)[0]["links"]["contradict"] == 2


def test_metric_keys_are_written_back(linked: Path) -> None:
    with open_ledger(str(linked), readonly=True) as ledger:
        rows = ledger.query("SELECT metric FROM claims WHERE text LIKE '%service members%'")
    assert rows == [{"metric": "us troops|count|syria"}]


def test_empty_ledger_links_and_reads_without_error(db_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["link", "--db", str(db_path), "--encoder", "hashing", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["claims"] == 0
    result = runner.invoke(cli, ["conflicts", "--db", str(db_path), "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.output) == []
    result = runner.invoke(cli, ["timeline", "--db", str(db_path), "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.output) == []


def test_timeline_by_speaker_shows_a_changing_story(db_path: Path) -> None:
    from test_link_corpus import Fig, Spec

    specs = (
        Spec("a.txt", "About 900 U.S. troops are deployed in Syria.", "Dana Whitfield", "2025-03-04",
             (Fig("About 900", 900, "approx", "U.S. troops", "Syria"),)),
        Spec("b.md", "There are now about 2,000 U.S. service members in Syria.", "Whitfield", "2025-06-12",
             (Fig("about 2,000", 2000, "approx", "U.S. service members", "Syria"),)),
        Spec("c.txt", "Some 450 tons of food reached Raqqa.", "Someone Else", "2025-06-01",
             (Fig("450 tons", 450, counted="food", place="Raqqa", unit="t", unit_class="mass"),)),
    )
    with open_ledger(str(db_path)) as ledger:
        ledger.write(processed(specs))
        rows = timeline(ledger, None, speaker="Dana Whitfield")
    assert [r["value"] for r in rows] == [900, 2000]
    assert rows[1]["speaker_before"] == "Dana Whitfield said about 900 on 2025-03-04"
