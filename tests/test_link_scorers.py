"""The benchmark scorers of the link stage, on tiny hand-made cases (issue 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.evaluation import DatasetMissing, climate_fever, evidence_verdicts, fnc1
from claimledger.link.stance import quick_figures, stance, text_view


def test_quick_figures_reads_value_qualifier_unit_and_counted() -> None:
    found = quick_figures("Officials said about 2,000 U.S. troops and $45 million in aid arrived in 2019.")
    assert [(f.value, f.qualifier, f.unit_class) for f in found] == [(2000, "approx", "count"),
                                                                    (45e6, "exact", "currency")]
    assert found[0].counted == "U.S. troops"


@pytest.mark.parametrize(("evidence", "expected"), [
    ("Roughly 2,100 troops are in the country, officials said.", "supports"),
    ("The ministry said 900 troops are in the country.", "refutes"),
    ("Posts saying 2,000 troops were sent are a hoax, the ministry said.", "refutes"),
    ("The weather in the capital was mild on Tuesday.", None),
])
def test_stance_of_evidence(evidence: str, expected: str | None) -> None:
    verdict, reason = stance(text_view("About 2,000 troops were sent to the country.", "c"), text_view(evidence, "e"))
    assert verdict == expected, reason


def test_fnc_score_matches_the_official_weights() -> None:
    gold = ["agree", "unrelated", "disagree", "discuss"]
    assert fnc1.fnc_score(gold, gold) == 1.0
    # related/unrelated right everywhere, exact stance right only for "agree": 0.25*4 + 0.75 of 0.25*4 + 0.75*3
    assert fnc1.fnc_score(gold, ["agree", "unrelated", "discuss", "agree"]) == pytest.approx(1.75 / 3.25)


def test_fnc_predict_on_hand_made_pairs() -> None:
    headline = "Fisherman finds a 300 kilogram pearl on a remote beach"
    assert fnc1.predict(headline, "The city council voted on the new bus timetable.") == "unrelated"
    body = ("A fisherman says he found a 300 kilogram pearl on a remote beach. "
            "Experts said the story of the remote beach pearl is a hoax.")
    assert fnc1.predict(headline, body) == "disagree"


def test_climate_fever_aggregation() -> None:
    assert climate_fever.claim_label(["SUPPORTS", "NOT_ENOUGH_INFO", "REFUTES"]) == "DISPUTED"
    assert climate_fever.claim_label(["NOT_ENOUGH_INFO"] * 5) == "NOT_ENOUGH_INFO"
    assert climate_fever.claim_label(["REFUTES", "NOT_ENOUGH_INFO"]) == "REFUTES"


def test_evidence_verdicts_from_gold_answers() -> None:
    record = {"questions": [{"answers": [
        {"answer": "No", "answer_type": "Boolean", "boolean_explanation": "The budget was 40 million dollars."},
        {"answer": "", "answer_type": "Unanswerable"},
    ]}]}
    assert evidence_verdicts.evidence_texts(record) == ["No. The budget was 40 million dollars."]
    claim = "The town spent $90 million on the bridge."
    assert evidence_verdicts.verdict(claim, ["The town spent $90 million on the bridge, records show."]) == "Supported"
    assert evidence_verdicts.verdict(claim, ["Records show the town spent $40 million on the bridge."]) == "Refuted"
    assert evidence_verdicts.verdict(claim, ["The bridge opened in spring."]) == "Not Enough Evidence"


@pytest.mark.parametrize("module", [fnc1, climate_fever, evidence_verdicts])
def test_scorers_skip_cleanly_without_data(tmp_path: Path, module: object) -> None:
    with pytest.raises(DatasetMissing):
        module.measure(tmp_path)  # type: ignore[attr-defined]
