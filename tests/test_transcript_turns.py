"""Transcript turns (issue 4, round 9): a turn runs over its paragraphs up to the next turn, and
what a speaker reports someone else said is that person's statement. The briefing is fictional,
written for these tests."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from claimledger.extract.attribution import attributions
from claimledger.extract.entities import entities
from claimledger.model import Document, Published
from conftest import linked_conflicts

BRIEFING = (
    "Ministry of Defence press briefing, 4 March 2031\n\n"
    "COL. ANIKA VOSS: Good morning. I will give a short update and then take your questions.\n\n"
    "Over the past 24 hours, coalition aircraft carried out 14 strikes near Sefra. We estimate that "
    "fewer than 300 fighters remain in the eastern hills. Our operation is not over.\n\n"
    "REPORTER: Colonel, the president said yesterday that the Red Hand militia has been defeated. "
    "Is he wrong?\n\n"
    "VOSS: I am not going to comment on the president's remarks. Our soldiers are still in contact "
    "with the enemy every day.\n\n"
    "MAJ. PETER LUND: If I may add, the Red Hand militia still holds two villages.\n"
)


def _statements(nlp: Any, text: str) -> list[tuple[str, Any, Any]]:
    doc = Document(id="t", source="test", text=text, published=Published("2031-03-04", "day"))
    parsed = nlp(text)
    return [(text[a.start:a.end], a.speaker, a) for a in attributions(doc, parsed, list(entities(doc, parsed)))]


def test_a_turn_goes_on_over_its_paragraphs(nlp: Any) -> None:
    found = _statements(nlp, BRIEFING)
    voss = next(a for text, _, a in found if text.startswith("Good morning"))
    assert BRIEFING[voss.start:voss.end].endswith("Our operation is not over.")
    assert voss.speaker.name == "Anika Voss"
    # her own report ("We estimate that …") stays hers, inside her turn
    assert not any(text.startswith("that fewer than 300") for text, _, _ in found)


def test_what_a_reporter_says_the_president_said_is_the_presidents(nlp: Any) -> None:
    found = _statements(nlp, BRIEFING)
    said = next(a for text, _, a in found if "militia has been defeated" in text)
    assert BRIEFING[said.start:said.end] == "that the Red Hand militia has been defeated"
    assert said.speaker.role == "president" and said.date == "2031-03-03"
    # the reporter's turn goes on around it, in parts that continue one another, never overlapping
    parts = [a for _, speaker, a in found if speaker.role == "reporter"]
    assert [BRIEFING[a.start:a.end] for a in parts] == ["Colonel, the president said yesterday", "Is he wrong?"]
    assert parts[1].follows == (parts[0].start, parts[0].end)
    spans = sorted((a.start, a.end) for _, _, a in found)
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))


def test_a_headline_and_narration_are_no_part_of_a_turn(nlp: Any) -> None:
    text = (
        "Pence: the debate will be a clear choice.\n\n"
        "On Sunday the governor told Fox News Sunday that Pence would attend the debate.\n\n"
        "WALLACE: Will you be there tomorrow?\n\n"
        "PENCE: I will be there.\n\n"
        "Partial transcript as follows:\n\n"
        "WALLACE: Thank you, governor.\n"
    )
    found = _statements(nlp, text)
    headline = next(a for t, _, a in found if t.startswith("the debate will be"))
    assert text[headline.start:headline.end] == "the debate will be a clear choice."
    pence = next(a for t, _, a in found if t.startswith("I will be there"))
    assert text[pence.start:pence.end] == "I will be there."


def test_the_briefing_contradicts_the_president_on_the_same_dispute(tmp_path: Path) -> None:
    rows = linked_conflicts(tmp_path, {"briefing.txt": BRIEFING}, ("contradict",))
    pairs = {frozenset(((r["a"]["speaker"] or r["a"]["role"]), (r["b"]["speaker"] or r["b"]["role"]))) for r in rows}
    assert frozenset(("president", "Anika Voss")) in pairs


INTERVIEW = (
    '"The port will reopen": an interview with Mayor Ana Ruiz\n\n'
    "Mayor Ana Ruiz spoke to the Meridian Times on Tuesday about the port strike.\n\n"
    "Q: When will the port reopen?\n\n"
    "A: By the end of June. We have agreed a timetable with the union.\n\n"
    "The first shifts start on 2 June.\n\n"
    "Q: The union says it has not seen any timetable.\n\n"
    "A: That is not true. Mr. Brenner signed it himself on Friday.\n\n"
    "Q: How much has the strike cost the city?\n\n"
    "A: About $30 million so far.\n"
)


def test_an_interviews_answers_are_the_interviewees(nlp: Any) -> None:
    found = _statements(nlp, INTERVIEW)
    answers = [(text, speaker) for text, speaker, _ in found if speaker.name == "Ana Ruiz"
               and not text.startswith("about the port")]
    assert [text for text, _ in answers] == [
        "By the end of June. We have agreed a timetable with the union.\n\nThe first shifts start on 2 June.",
        "That is not true. Mr. Brenner signed it himself on Friday.",
        "About $30 million so far.",
    ]
    questions = [text for text, speaker, _ in found if speaker.role == "interviewer"]
    assert "When will the port reopen?" in questions
    # what a question reports the union said is the union's
    assert any(text == "it has not seen any timetable" and speaker.role == "union" for text, speaker, _ in found)


def test_an_interview_with_two_people_named_and_none_interviewed_has_an_unnamed_interviewee(nlp: Any) -> None:
    text = ("Ana Ruiz and Tomasz Brenner met on Friday.\n\n"
            "Q: Will the port reopen?\n\nA: Yes, in June.\n\n"
            "Q: When exactly?\n\nA: On 2 June, if the cranes are safe.\n")
    found = _statements(nlp, text)
    answer = next(speaker for t, speaker, _ in found if t.startswith("Yes, in June"))
    assert answer.name is None and answer.role == "interviewee"
