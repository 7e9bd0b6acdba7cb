"""A militia's claim, the army's denial and its spokesman's quote (issue 4, round 10). Fictional,
written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import extracted, linked_conflicts

STORY = (
    "Militia claims capture of Sefra bridge\n\n"
    "By Yusuf Amari | Harbour Wire | 15 September 2031\n\n"
    "The Red Hand militia said in a statement on Sunday that its fighters had captured the Sefra bridge and "
    "killed 30 soldiers.\n\n"
    '"The bridge is in the hands of our fighters," the statement read.\n\n'
    'The army denied the claim. "The attack was repelled and the bridge remains under our control," army '
    "spokesman Colonel Rami Saad told reporters in Kellmar on Monday.\n"
)


def test_a_quote_takes_the_cue_of_its_own_sentence(nlp: Any) -> None:
    body = STORY.split("\n\n", 2)[2]
    found = extracted(nlp, body, "2031-09-15")
    quote = next(q for q in found.quotes if q.text.startswith("The attack was repelled"))
    assert (quote.speaker.name, quote.cue, quote.date) == ("Rami Saad", "told", "2031-09-15")


def test_the_armys_denial_contradicts_the_militias_claim(tmp_path: Path) -> None:
    rows = linked_conflicts(tmp_path, {"bridge.txt": STORY}, ("contradict",))
    pairs = [{r["a"]["quote"], r["b"]["quote"]} for r in rows]
    assert any(any("captured the Sefra bridge" in q for q in pair) and "The army denied the claim." in pair
               for pair in pairs)


def test_the_statement_speaks_for_whoever_issued_it(nlp: Any) -> None:
    body = STORY.split("\n\n", 2)[2]
    found = extracted(nlp, body)
    quote = next(q for q in found.quotes if q.text.startswith("The bridge is in the hands"))
    assert quote.speaker.role == "Red Hand militia" and quote.speaker.description == "the statement"
