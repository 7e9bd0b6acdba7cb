"""A statistics story with two women quoted one after the other (issue 4, round 10). Fictional,
written for these tests."""

from __future__ import annotations

from typing import Any

from claimledger.values.metrics import what_happened
from conftest import extracted

STORY = (
    "Economy Minister Hana Petrov said the figures were disappointing but temporary.\n\n"
    "Petrov's predecessor, Ana Weiss, said the minister was inventing numbers. She said the real cause "
    "was the closure of the Kess shipyard, which laid off 1,800 workers in February.\n"
)


def test_a_name_the_tagger_cut_to_its_surname_is_the_whole_name(nlp: Any) -> None:
    found = extracted(nlp, STORY)
    people = {STORY[e.start:e.end] for e in found.entities if e.label == "PERSON"}
    assert "Ana Weiss" in people  # the tagger had the organisation "Weiss"
    speakers = {STORY[q.start:q.end]: q.speaker for q in found.quotes}
    assert speakers["the minister was inventing numbers"].name == "Ana Weiss"
    cause = next(s for text, s in speakers.items() if text.startswith("the real cause"))
    assert cause.name == "Ana Weiss"  # "She": the predecessor just named, not the minister


def test_people_out_of_work_are_the_unemployed() -> None:
    text = "about 41,000 people were out of work, up from 39,000"
    assert what_happened(text, 6, 23) == "unemployed people"
