"""`claimledger check`: evidence for and against a new claim, and a verdict (issue 5)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimledger.link import link_ledger
from claimledger.link.check import check, check_claim, probe_view
from claimledger.model import Quantity
from claimledger.serve.cli import cli
from claimledger.store import open_ledger
from test_link_corpus import SAMPLE_CLAIMS, processed


@pytest.fixture
def linked(db_path: Path) -> Path:
    with open_ledger(str(db_path)) as ledger:
        ledger.write(processed(SAMPLE_CLAIMS))
        link_ledger(ledger, encoder="hashing")
    return db_path


def troops(value: float, qualifier: str = "approx") -> Quantity:
    return Quantity(id=f"qty_probe{int(value)}", doc="check", start=0, end=5, text=str(value), value=value,
                    qualifier=qualifier, counted="U.S. troops", place="plc_probe")  # type: ignore[arg-type]


def run(db: Path, text: str, figures: list[Quantity], as_of: str | None) -> dict[str, Any]:
    probe = probe_view(text, figures, {"plc_probe": "Syria"}, as_of)
    with open_ledger(str(db)) as ledger:
        return check_claim(ledger, probe, encoder="hashing")


def test_dated_figure_matching_the_corpus_is_supported(linked: Path) -> None:
    result = run(linked, "About 2,000 U.S. troops are in Syria.", [troops(2000)], "2025-06-12")
    assert result["verdict"] == "supported"
    assert result["metrics"] == ["us troops|count|syria"]
    backing = [e for e in result["evidence"] if e["stance"] == "supports"]
    assert [e["speaker"] for e in backing] == ["Dana Whitfield"]
    assert backing[0]["quote"].startswith("There are now about 2,000")


def test_dated_figure_against_the_corpus_is_refuted(linked: Path) -> None:
    result = run(linked, "There are 5,000 U.S. troops in Syria.", [troops(5000, "exact")], "2025-06-12")
    assert result["verdict"] == "refuted"
    assert all(e["stance"] != "supports" for e in result["evidence"])


def test_undated_figure_meets_the_whole_series(linked: Path) -> None:
    result = run(linked, "About 2,000 U.S. troops are in Syria.", [troops(2000)], None)
    stances = {e["quote"][:30]: e["stance"] for e in result["evidence"] if e["metric"] == "us troops|count|syria"}
    assert result["verdict"] == "conflicting evidence"
    assert sorted(stances.values()) == ["contradicts", "outdated", "supports"]


def test_status_statement_finds_both_sides(linked: Path) -> None:
    probe = probe_view("The Crimson Ridge Front has been defeated in Syria.", [], {"p": "Syria"}, "2025-12-19")
    with open_ledger(str(linked)) as ledger:
        result = check_claim(ledger, probe, encoder="hashing")
    assert result["verdict"] == "conflicting evidence"
    by_speaker = {e["speaker"]: e["stance"] for e in result["evidence"]}
    assert by_speaker["Harlan Voss"] == "supports"
    assert by_speaker["Dana Whitfield"] == "contradicts"
    assert "Adnan Saleh" not in by_speaker or by_speaker["Adnan Saleh"] == "related"  # Mosul, not Syria


def test_nothing_structured_means_not_enough_evidence(linked: Path) -> None:
    probe = probe_view("Coalition aircraft painted their tails green.", [], {}, None)
    with open_ledger(str(linked)) as ledger:
        result = check_claim(ledger, probe, encoder="hashing")
    assert result["verdict"] == "not enough evidence"
    assert all(e["stance"] == "related" for e in result["evidence"])


def test_check_runs_the_extractors_on_the_text(linked: Path, nlp: Any) -> None:
    with open_ledger(str(linked)) as ledger:
        result = check(ledger, "About 2,000 U.S. troops are in Syria.", as_of="2025-06-12", encoder="hashing", nlp=nlp)
    assert result["verdict"] == "supported"


def test_cli_check_json(linked: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimledger.extract import nlp as loader

    monkeypatch.setattr(loader, "load", lambda *args, **kwargs: nlp)  # the session's model, not a second load
    result = CliRunner().invoke(cli, ["check", "The coalition has about 80 members", "--db", str(linked),
                                      "--encoder", "hashing", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["verdict"] in {"supported", "conflicting evidence"}
    assert any(e["stance"] == "supports" and "79 members" in e["quote"] for e in data["evidence"])


def test_a_close_paraphrase_in_other_words_is_listed_as_related(tmp_path: Path, nlp: Any) -> None:
    """Issue 4, round 9 (fictional): found by its embedding, a claim that shares few words with
    the checked one ("considering withdrawing … soldiers" for "plans to withdraw troops") is still
    shown as related evidence; it decides nothing."""
    from claimledger import run as ingest_run
    from claimledger.errors import ModelError
    from claimledger.link.encoder import load_encoder
    from claimledger.settings import Settings

    try:
        load_encoder("minilm")
    except ModelError:
        pytest.skip("the MiniLM encoder (extra 'embed') is not installed")

    source = tmp_path / "anon.txt"
    source.write_text("Coalition weighs troop cut\n\nBy Dana Kell, Harbour Wire, 7 March 2031\n\n"
                      "The coalition is considering withdrawing about 1,500 of its 4,000 soldiers from Varda by "
                      "the summer, a senior defence official told Harbour Wire on Friday.\n", encoding="utf-8")
    path = tmp_path / "anon.db"
    assert ingest_run.ingest([str(source)], Settings.load(db=str(path))).failed == 0
    with open_ledger(str(path)) as ledger:
        link_ledger(ledger, encoder="minilm")
        result = check(ledger, "The coalition plans to withdraw troops from Varda", encoder="minilm", nlp=nlp)
    assert result["verdict"] == "not enough evidence"
    assert any("considering withdrawing" in e["quote"] and e["stance"] == "related" for e in result["evidence"])
