"""Names the gazetteer and the tagger do not know (issue 4, round 9): a fictional town the tagger
takes for a person, a news outlet it takes for a person, and what that did to the speakers.
All sentences are fictional, written for these tests."""

from __future__ import annotations

from typing import Any

from claimledger.extract.attribution import attributions
from claimledger.extract.entities import entities
from claimledger.model import Document


def _tagged(nlp: Any, words: list[str], pos: list[str], ents: list[str]) -> tuple[Document, Any]:
    """A fictional text as a spaCy Doc with the given POS tags and IOB entity tags."""
    from spacy.tokens import Doc

    spaces = [following not in (".", ",", "", "'s") for following in [*words[1:], ""]]
    parsed = Doc(nlp.vocab, words=words, spaces=spaces, pos=pos, ents=ents,
                 sent_starts=[i == 0 or words[i - 1] == "." for i in range(len(words))])
    return Document(id="t", source="test", text=parsed.text), parsed


def _labels(nlp: Any, words: list[str], pos: list[str], ents: list[str]) -> dict[str, set[str]]:
    doc, parsed = _tagged(nlp, words, pos, ents)
    out: dict[str, set[str]] = {}
    for entity in entities(doc, parsed):
        out.setdefault(entity.text, set()).add(entity.label)
    return out


def test_a_name_where_only_a_place_can_stand_is_a_place(nlp: Any) -> None:
    words = ["Fighters", "remained", "east", "of", "Tell", "Amar", ".",
             "Reports", "from", "Tell", "Amar", "say", "40", "died", "."]
    pos = ["NOUN", "VERB", "ADV", "ADP", "PROPN", "PROPN", "PUNCT",
           "NOUN", "ADP", "PROPN", "PROPN", "VERB", "NUM", "VERB", "PUNCT"]
    ents = ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O",
            "O", "O", "B-PERSON", "I-PERSON", "O", "B-CARDINAL", "O", "O"]
    assert _labels(nlp, words, pos, ents)["Tell Amar"] == {"GPE"}


def test_a_person_near_a_place_word_stays_a_person(nlp: Any) -> None:
    # a known given name, a possessive and a title each say it is a person
    cases = [
        (["Crowds", "gathered", "near", "Maria", "Quendry", "."], "Maria Quendry"),
        (["Crowds", "gathered", "near", "Quendry", "'s", "home", "."], "Quendry"),
    ]
    for words, name in cases:
        pos = ["PROPN" if w[0].isupper() and w not in ("Crowds",) else "NOUN" for w in words]
        ents = []
        inside = False
        for w in words:
            if w in name.split():
                ents.append("I-PERSON" if inside else "B-PERSON")
                inside = True
            else:
                ents.append("O")
                inside = False
        assert _labels(nlp, words, pos, ents)[name] == {"PERSON"}, words


def test_an_outlet_tagged_as_a_person_is_an_organisation(nlp: Any) -> None:
    words = ["Ruth", "Calder", "told", "Harbour", "Wire", "that", "Emily", "Post", "left", "."]
    pos = ["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "SCONJ", "PROPN", "PROPN", "VERB", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"]
    labels = _labels(nlp, words, pos, ents)
    assert labels["Harbour Wire"] == {"ORG"}
    assert labels["Emily Post"] == {"PERSON"}  # a given name first: a person named like a newspaper
    assert labels["Ruth Calder"] == {"PERSON"}


WIRE = (
    "Colonel Ruth Calder, a coalition spokeswoman, told Harbour Wire that fighters remained east of "
    'Tell Amar. "This fight is not finished," she said.\n\n'
    "Donors had pledged $11.2 million for the relief effort, the aid office said. It plans to reach "
    "25,000 people by the end of the month.\n\n"
    "Reports from Tell Amar say at least 40 people had died in the shelling.\n"
)


def _statements(nlp: Any, text: str) -> dict[str, Any]:
    doc = Document(id="wire", source="test", text=text)
    parsed = nlp(text)
    return {text[a.start:a.end]: a.speaker for a in attributions(doc, parsed, list(entities(doc, parsed)))}


def test_the_speakers_of_a_wire_story_with_fictional_names(nlp: Any) -> None:
    found = _statements(nlp, WIRE)
    # "she" is the spokeswoman, not the outlet she spoke to
    assert found["This fight is not finished,"].name == "Ruth Calder"
    # a town's reports are no statement by the town
    died = found["at least 40 people had died in the shelling"]
    assert died.name is None and "Reports from Tell Amar" in (died.description or "")
    # "It plans …" opening a sentence after the office spoke: the office's position
    plans = next(s for t, s in found.items() if t.startswith("to reach 25,000"))
    assert plans.role == "aid office"


def test_it_with_no_body_to_take_back_holds_no_position(nlp: Any) -> None:
    text = "Heavy rain fell on Sunday. It plans to reach the coast by Monday.\n"
    found = _statements(nlp, text)
    assert not any(t.startswith("to reach") for t in found)


def test_a_name_never_runs_over_a_line_break(nlp: Any) -> None:
    from spacy.tokens import Doc

    words = ["Mayor", "Ana", "Ruiz", "\n\n", "This", "interview", "is", "fictional", "."]
    parsed = Doc(nlp.vocab, words=words, spaces=[True, True, False, False, True, True, True, False, False],
                 ents=["O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O", "O"])
    doc = Document(id="t", source="test", text=parsed.text)
    assert [e.text for e in entities(doc, parsed) if e.label == "PERSON"] == ["Ana Ruiz"]
