"""Attribution rules added for PolNeAR recall (issue 4). Every sentence here is fictional."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from claimledger.evaluation.polnear import predict
from claimledger.extract.attribution import Attribution, _after_closing_quote, _trailing_clause, attributions
from claimledger.extract.claims import document_voice
from claimledger.model import Document, Speaker
from claimledger.values.voices import issuer


def _found(nlp: Any, text: str) -> list[Attribution]:
    document = Document(id="doc_rules", source="rules.txt", text=text, publisher="Harbour Gazette")
    found = attributions(document, nlp(text))
    for item in found:
        assert 0 <= item.start < item.end <= len(text)
    return found


def _content(text: str, item: Attribution) -> str:
    return text[item.start:item.end]


def _source(text: str, item: Attribution) -> str | None:
    return text[item.source_span[0]:item.source_span[1]] if item.source_span else None


def _one(found: list[Attribution], text: str, fragment: str) -> Attribution:
    matches = [a for a in found if fragment in _content(text, a)]
    assert len(matches) == 1, (fragment, [_content(text, a) for a in found])
    return matches[0]


def test_second_part_after_a_long_inverted_cue_keeps_the_speaker(nlp: Any) -> None:
    text = ("\u201cThe ferry deal was a bargain for the town,\u201d said Ilse Varga, a lecturer at the "
            "maritime college in Port Alder. \u201cNobody else was bidding.\u201d")
    found = _found(nlp, text)
    first = _one(found, text, "ferry deal")
    second = _one(found, text, "Nobody else")
    assert second.speaker.name == first.speaker.name == "Ilse Varga"
    assert second.follows == (first.start, first.end)
    assert first.follows is None


def test_a_new_sentence_between_quotes_breaks_the_continuation(nlp: Any) -> None:
    text = ("\u201cThe ferry deal was a bargain,\u201d said Ilse Varga, a lecturer at the college. "
            "The council disagreed with her on Tuesday evening after a long debate. "
            "\u201cNobody else was bidding.\u201d")
    second = _one(_found(nlp, text), text, "Nobody else")
    assert second.follows is None


def test_a_parenthetical_cue_reports_both_sides_as_one_statement(nlp: Any) -> None:
    text = "The shipyard was thriving, Mr. Okonkwo said, until the dock flooded in 2009."
    found = _found(nlp, text)
    before = _one(found, text, "shipyard was thriving")
    after = _one(found, text, "until the dock flooded")
    assert before.speaker.name == after.speaker.name == "Okonkwo"
    assert after.follows == (before.start, before.end)
    # the benchmark reads the two parts as one statement with a discontinuous content
    (merged,) = [p for p in predict(text, nlp(text)) if len(p.content) == 2]
    assert merged.content == ((before.start, before.end), (after.start, after.end))


def test_told_me_on_a_day_is_still_a_parenthetical(nlp: Any) -> None:
    text = "The difference now, she told me on Friday, is that the harbour master answers to the mayor."
    found = _found(nlp, text)
    assert not any(_content(text, a) == "on Friday" for a in found)  # a time is not what was said
    item = _one(found, text, "harbour master answers")
    assert item.cue == "told"


def test_said_in_a_statement_that(nlp: Any) -> None:
    text = "Mayor Dana Petrov said Friday in a statement that she would not resign over the audit."
    item = _one(_found(nlp, text), text, "would not resign")
    assert _content(text, item).startswith("that she would not resign")
    assert item.speaker.name == "Dana Petrov"


def test_passive_with_an_agent_gives_the_agent_as_source(nlp: Any) -> None:
    text = "The harbour levy has been endorsed by the Dockworkers Union and two shipping firms."
    item = _one(_found(nlp, text), text, "harbour levy")
    assert item.cue == "endorsed"
    assert _source(text, item) is not None and "Dockworkers Union" in (_source(text, item) or "")


@pytest.mark.parametrize(("text", "content", "source"), [
    # an infinitive takes the subject of the verb it hangs off
    # ("declined to comment" is no statement: tests/test_genre_notes.py)
    ("Councillor Ruth Abara went on to criticize the ferry contract.", "the ferry contract",
     "Councillor Ruth Abara"),
    # a gerund after "by" or "in" takes the subject of the verb before the preposition
    ("Governor Lisa Mwangi opened by emphasizing the cost of the new seawall.", "the cost of the new seawall",
     "Governor Lisa Mwangi"),
    # a noun followed by an -ing verb: the noun is the source, the verb's object the content
    ("Residents laughed at a Harbour League post attacking the new ferry captain.", "the new ferry captain",
     "a Harbour League post"),
])
def test_inherited_subjects(nlp: Any, text: str, content: str, source: str) -> None:
    item = _one(_found(nlp, text), text, content)
    assert _source(text, item) == source


def test_stance_verbs_of_judgment_and_proposals(nlp: Any) -> None:
    text = "Senator Omar Lindqvist unveiled a plan to dredge the northern channel by 2027."
    item = _one(_found(nlp, text), text, "dredge the northern channel")
    assert item.speaker.name == "Omar Lindqvist"
    assert item.cue == "unveiled"


def test_relative_that_resolves_the_speaker_to_its_noun(nlp: Any) -> None:
    text = "The town adopted new ferry rules that promise to cut fares for students by half."
    item = _one(_found(nlp, text), text, "cut fares")
    assert item.speaker.role is not None and "rules" in item.speaker.role


def test_a_transcript_quoted_paragraph_by_paragraph_is_read_as_turns(nlp: Any) -> None:
    text = ("The exchange went as follows.\n\n"
            "\"HOST: Will the ferry run this winter?\n\n"
            "\"KOVAC: It will run twice a day, and the fares will stay the same.\n\n"
            "\"HOST: Thank you, Minister.\n")
    found = _found(nlp, text)
    answer = _one(found, text, "twice a day")
    assert answer.cue == ":"
    assert _source(text, answer) == "KOVAC"
    assert answer.speaker.name == "Kovac"


def test_figures_released_by_a_body_are_that_body_s_statement(nlp: Any) -> None:
    text = ("Patrol boats intercepted 41 smuggling vessels in May, according to figures released by "
            "the Harbour Authority on Monday.")
    item = _one(_found(nlp, text), text, "41 smuggling vessels")
    assert item.speaker.name == "Harbour Authority"
    assert item.speaker.description is not None and item.speaker.description.startswith("figures released")


def test_title_and_appositive_both_make_the_role(nlp: Any) -> None:
    text = "\u201cThe channel is open again,\u201d said Captain Mira Solberg, the port authority spokesperson."
    item = _one(_found(nlp, text), text, "channel is open")
    assert item.speaker.name == "Mira Solberg"
    assert item.speaker.role == "Captain, port authority spokesperson"


@pytest.mark.parametrize(("text", "expected"), [
    ("Office of the Harbour Master of Port Alder\nStatement\nMay 2, 2026\n\nThe port reopened.", "Office of the "
     "Harbour Master of Port Alder"),
    ("PRESS RELEASE\nAlder Ferry Company\nFor immediate release\n\nFares rise by 5 percent.", "Alder Ferry Company"),
    ("Ferry Update: Northern Route\nRoute Planning Unit\nJune 1, 2026\n\nTwo sailings were cancelled.",
     "Route Planning Unit"),
    ("# Ministry of Harbours: statement on the dredging works\n\nThe works will end in May.", "Ministry of Harbours"),
    # a news story's headline and lead name no issuer
    ("Ferry fares rise again\n\nBy Jon Ikeda\n\nFares on the northern route rose by 5 percent.", None),
    ("Home | News | Office of the Mayor\n\nThe mayor resigned.", None),
])
def test_issuer_from_the_header(text: str, expected: str | None) -> None:
    assert issuer(text) == expected


def test_a_document_with_no_publisher_or_author_speaks_as_its_issuer() -> None:
    text = "PRESS RELEASE\nAlder Ferry Company\n\nFares rise by 5 percent on 1 June."
    voice = document_voice(Document(id="doc_issuer", source="release.txt", text=text))
    assert voice.name == "Alder Ferry Company"
    assert document_voice(Document(id="doc_none", source="x.txt", text="Fares rise.")) == Speaker()
    published = Document(id="doc_pub", source="x.txt", text=text, publisher="Alder Post")
    assert document_voice(published).name == "Alder Post"


def test_a_post_author_s_title_is_a_role() -> None:
    post = Document(id="doc_post", source="feed.jsonl#id=7", text="The ferry strike is over.",
                    author="Mayor Ines Calloway")
    voice = document_voice(post)
    assert (voice.name, voice.role) == ("Ines Calloway", "Mayor")


def test_the_line_above_for_immediate_release_is_the_issuer() -> None:
    assert issuer("Alder Ferry Company\nFor immediate release: May 2, 2026\n\nFares rise.") == "Alder Ferry Company"


def test_a_line_break_ends_a_sentence(nlp: Any) -> None:
    text = ("Ferry Update (all times local):\n\n7 p.m.\n\n"
            "Captain Ruiz is once again praising the crew of the night ferry.")
    parsed = nlp(text)
    starts = [s.text.strip() for s in parsed.sents]
    assert starts[-1].startswith("Captain Ruiz")
    item = _one(_found(nlp, text), text, "the crew of the night ferry")
    assert _source(text, item) == "Captain Ruiz"


def test_a_report_inside_another_verb_s_clause_is_read_on_its_own(nlp: Any) -> None:
    text = ("Two weeks after officials declared victory, a harbour safety review seen by this newsletter "
            "said the northern pier is yet to be fully repaired, with cracks visible in three places.")
    found = _found(nlp, text)
    item = _one(found, text, "northern pier is yet to be")
    assert item.cue == "said"
    assert "harbour safety review" in (item.speaker.description or "")
    assert item.speaker.name is None  # not the newsletter's author, not "officials"


def test_a_surname_the_tagger_missed_is_the_person_named_in_full_earlier(nlp: Any) -> None:
    text = ("Harbour Commissioner Jana Mattis opened the hearing. \u201cThe pier will close in the "
            "spring,\u201d said Mattis, who took office in 2024.")
    item = _one(_found(nlp, text), text, "pier will close")
    assert item.speaker.name == "Jana Mattis"  # spaCy tags the lone "Mattis" as a PRODUCT


@pytest.mark.parametrize(("text", "content", "cue"), [
    ("The dockworkers' union is critical of the new night shifts at the container terminal.",
     "the new night shifts at the container terminal", "critical"),
    ("Mayor Ines Calloway was confident that the ferry would run again by June.",
     "that the ferry would run again by June", "confident"),
    ("Councillor Ruth Abara's criticism of the harbour levy surprised the committee.",
     "the harbour levy", "criticism"),
    ("Mr. Okonkwo is bearish on the future of ferry bonds.", "the future of ferry bonds", "bearish"),
])
def test_attitudes_held_by_someone(nlp: Any, text: str, content: str, cue: str) -> None:
    item = _one(_found(nlp, text), text, content)
    assert _content(text, item) == content
    assert item.cue == cue


def test_an_attitude_of_nobody_in_particular_is_not_attributed(nlp: Any) -> None:
    text = "It is clear that the pier needs repairs before the winter storms."
    assert _found(nlp, text) == []


@pytest.mark.parametrize("text", [
    "The harbour fund raised $4 million from local firms last year.",
    "The new ferry weighs 236 tonnes when fully loaded.",
    "The dockworkers continued their strike for a third week.",
    "The harbour council approved $20 million for rebuilding the northern quay.",
    "Coalition strikes targeted tunnels and weapons caches near the old port.",
    "Coalition members advise partner forces along the northern river.",
    "A port official spoke on condition of anonymity.",
    "# Ministry of Harbours: statement on the dredging works\n\nThe dredging works ended.",
])
def test_amounts_and_actions_are_not_statements(nlp: Any, text: str) -> None:
    assert _found(nlp, text) == []


def test_raising_a_question_is_a_statement(nlp: Any) -> None:
    text = "Councillor Ruth Abara raised concerns about the cost of the new pier."
    item = _one(_found(nlp, text), text, "concerns about the cost")
    assert item.cue == "raised"


def test_the_cue_that_introduces_a_quote_with_a_colon_wins(nlp: Any) -> None:
    text = ("In a statement, the ferry company said: \u201cThe northern route was profitable for a decade,\u201d "
            "adding that its fleet had doubled in less than a year.")
    found = _found(nlp, text)
    quote = _one(found, text, "northern route was profitable")
    assert quote.cue == "said"
    added = _one(found, text, "fleet had doubled")
    assert added.cue == "adding"


def test_two_subjects_the_nearer_one_speaks(nlp: Any) -> None:
    text = "The Latest: Mayor Calloway urges drivers to avoid the harbour road.\n\nMore follows."
    item = _one(_found(nlp, text), text, "avoid the harbour road")
    assert _source(text, item) is not None and "Calloway" in (_source(text, item) or "")


def test_as_someone_pointed_out(nlp: Any) -> None:
    text = "The harbour, as one of the mayor's engineers pointed out, rarely floods twice in a year."
    item = _one(_found(nlp, text), text, "rarely floods")
    assert item.cue == "pointed"


@pytest.mark.parametrize(("text", "fragment", "opening"), [
    # both clauses hang off the closing cue
    ("The mayor had left the pier before noon, but the police kept the gates closed until evening, "
     "the aide added.", "left the pier", "The mayor had left the pier"),
    # the closing cue owns a clause that holds a report of its own ("told ... that")
    ("The mayor had told port officials that she did not want the escort at all, but the police "
     "overruled that request, the aide added.", "did not want the escort", "The mayor had told port officials"),
])
def test_a_closing_cue_reports_every_clause_before_it(nlp: Any, text: str, fragment: str, opening: str) -> None:
    item = _one(_found(nlp, text), text, fragment)
    assert item.cue == "added"
    assert _content(text, item) == text[text.index(opening):text.index(", the aide added")]


def test_a_quote_inside_a_longer_that_clause_is_the_clause(nlp: Any) -> None:
    text = ("Spokeswoman Ilse Varga said by email that \u201cof course the port will appeal\u201d against what "
            "the company calls an unfair ruling by the harbour court.")
    item = _one(_found(nlp, text), text, "the port will appeal")
    assert item.kind == "indirect"
    assert _content(text, item).endswith("by the harbour court")
    assert item.speaker.name == "Ilse Varga"


def test_promised_to_do_a_and_b_keeps_both(nlp: Any) -> None:
    text = "Governor Lisa Mwangi promised to dredge the channel and open the northern quay to ferries."
    item = _one(_found(nlp, text), text, "dredge the channel")
    assert _content(text, item).endswith("open the northern quay to ferries")


def test_said_that_a_and_b_keeps_both(nlp: Any) -> None:
    text = "Mayor Ines Calloway said the ferry had failed its inspection and the captain had resigned."
    item = _one(_found(nlp, text), text, "failed its inspection")
    assert _content(text, item).endswith("the captain had resigned")


def test_a_headline_lead_in_naming_one_person_before_a_quotation(nlp: Any) -> None:
    text = ("A lesson from Mayor Ines Calloway: \u2018Keep the harbour open to everyone.\u2019\n\n"
            "The mayor spoke on Monday.")
    found = _found(nlp, text)
    item = _one(found, text, "Keep the harbour open")
    assert item.speaker.name == "Ines Calloway"


def test_words_the_parse_left_unattached_stay_in_the_report(nlp: Any) -> None:
    # the headline of samples/campaign/05-harbor-gazette.html (fictional), which the parse splits
    text = ("Coalition says strikes near Raqqa hit a yearly high\n\n"
            "Coalition aircraft carried out 312 airstrikes near Raqqa in August, the task force said.")
    item = _one(_found(nlp, text), text, "strikes near Raqqa hit")
    assert _content(text, item) == "strikes near Raqqa hit a yearly high"


# -- source spans (round 5) -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "fragment", "source"), [
    # a party-and-state bracket stays closed
    ("Senator Ilse Varga (D-Ore.) said the ferry levy would be repealed.", "ferry levy",
     "Senator Ilse Varga (D-Ore.)"),
    # a participle after a name describes the occasion, not the speaker
    ("Varga, speaking to dock workers in Port Alder, said the levy would be repealed.", "levy",
     "Varga"),
    # a relative clause that is itself a statement is not part of the speaker's phrase
    ("Mr. Okafor, who argued that the pier was unsafe, said the council ignored the survey.",
     "council ignored", "Mr. Okafor"),
    # a time the parse hung on the subject is not part of it
    ("Varga this week said the levy would be repealed before the summer.", "levy", "Varga"),
    # a dateline is not part of the subject
    ("PORT ALDER - Harbour pilots said the channel would stay closed until March.", "channel",
     "Harbour pilots"),
])
def test_source_span_is_the_speaker_s_phrase(nlp: Any, text: str, fragment: str, source: str) -> None:
    found = _found(nlp, text)
    assert _source(text, _one(found, text, fragment)) == source


def test_a_quoted_programme_name_is_neither_speaker_nor_statement(nlp: Any) -> None:
    text = ("\u201cThe levy is dead and the harbour knows it,\u201d Ilse Varga, a dock union organiser, "
            "said Thursday on Channel Nine\u2019s \u201cMorning Tide.\u201d \u201cWe will not pay it.\u201d")
    found = _found(nlp, text)
    assert all("Morning Tide" not in _content(text, a) for a in found)
    assert _one(found, text, "levy is dead").speaker.name == "Ilse Varga"
    assert _one(found, text, "not pay").speaker.name == "Ilse Varga"


def test_a_source_never_runs_into_its_content(nlp: Any) -> None:
    text = "A majority of dock workers expect the council to repeal the levy before the election."
    item = _one(_found(nlp, text), text, "repeal the levy")
    assert _source(text, item) == "A majority of dock workers"
    assert item.source_span is not None and item.source_span[1] <= item.start


def test_a_report_inside_a_clause_about_time_is_not_a_parenthetical(nlp: Any) -> None:
    text = ("Captain Ruiz said the pilots were \u201centirely right\u201d when they said on Monday that under "
            "the old rota, \u201cthe night crossings have been cut to nothing.\u201d")
    found = _found(nlp, text)
    outer = _one(found, text, "the pilots were")
    assert (outer.speaker.name, outer.speaker.role) == ("Ruiz", "Captain")
    assert outer.start == text.index("the pilots")
    inner = _one(found, text, "night crossings")
    assert _source(text, inner) == "they"


@pytest.mark.parametrize(("text", "content", "source"), [
    ("Ilse Varga has been an outspoken opponent of the ferry levy since 2019.", "the ferry levy",
     "Ilse Varga"),
    ("Mr. Okafor, a longtime critic of the harbour board, spoke first.", "the harbour board", "Mr. Okafor"),
])
def test_a_stance_held_as_a_description(nlp: Any, text: str, content: str, source: str) -> None:
    found = _found(nlp, text)
    item = _one(found, text, content.split()[1])
    assert _content(text, item) == content
    assert _source(text, item) == source


def test_an_addressee_with_an_apposition_is_not_the_content(nlp: Any) -> None:
    text = ("The union has asked Ilse Varga, the chair of the harbour board, to publish the dredging "
            "accounts before the vote.")
    item = _one(_found(nlp, text), text, "dredging")
    assert _content(text, item).startswith("to publish the dredging accounts")
    assert _source(text, item) == "The union"


def test_a_passive_subject_is_what_is_said_not_who_says_it(nlp: Any) -> None:
    text = "It was reported by the Harbour Gazette that the ferry will close in March."
    item = _one(_found(nlp, text), text, "ferry")
    assert _source(text, item) == "the Harbour Gazette"
    text = "It was reported that the ferry will close in March."
    item = _one(_found(nlp, text), text, "ferry")
    assert item.source_span is None and item.speaker == Speaker()


def test_a_writer_s_aside_after_the_object_is_not_the_content(nlp: Any) -> None:
    text = ("The union praised the new ferry timetable, which the council adopted after a year of "
            "complaints from commuters.")
    item = _one(_found(nlp, text), text, "timetable")
    assert _content(text, item) == "the new ferry timetable"


@pytest.mark.parametrize("text", [
    "According to the Harbour Gazette, the mayor said the ferry would close in March.",
    "The mayor said the ferry would close in March, according to the Harbour Gazette.",
    "The mayor said the ferry would close in March, the Harbour Gazette reported.",
    "\u201cThe ferry will close in March,\u201d the mayor said, according to the Harbour Gazette.",
])
def test_a_relayed_statement_is_the_speaker_s_with_the_relay(nlp: Any, text: str) -> None:
    found = _found(nlp, text)
    assert len(found) == 1, [_content(text, a) for a in found]
    item = found[0]
    assert _content(text, item).lstrip("Tt").startswith("he ferry")
    assert (item.speaker.role, item.reported_by) == ("mayor", "Harbour Gazette")
    assert item.relay_span is not None and text[item.relay_span[0]:item.relay_span[1]] == "the Harbour Gazette"


def test_according_to_inside_the_reported_clause_is_not_a_relay(nlp: Any) -> None:
    text = "The mayor said that, according to the port authority, the ferry would close in March."
    item = _one(_found(nlp, text), text, "ferry")
    assert item.reported_by is None and item.relay_span is None


def test_polnear_scores_a_relayed_statement_in_its_outer_form(nlp: Any) -> None:
    text = "According to the Harbour Gazette, the mayor said the ferry would close in March."
    [predicted] = predict(text, nlp(text))
    assert [text[s:e] for s, e in predicted.source] == ["the Harbour Gazette"]
    assert [text[s:e] for s, e in predicted.content] == ["the mayor said the ferry would close in March"]


def test_a_possessor_is_not_the_speaker(nlp: Any) -> None:
    text = ("Mayor Ana Ruiz's spokesman said the ferry would run until 2030. "
            "Senator Tom Calder's niece, Marta Oyelaran, told the crowd that the vote was close.")
    found = _found(nlp, text)
    spokesman = _one(found, text, "ferry would run").speaker
    assert spokesman.name is None and spokesman.role == "spokesman"
    assert spokesman.description == "Mayor Ana Ruiz's spokesman"
    assert _one(found, text, "vote was close").speaker.name == "Marta Oyelaran"


def test_a_name_the_tagger_misread_after_the_quote_still_speaks(nlp: Any) -> None:
    # the parse seen on a real article, built by hand: the place before the title read as a verb
    words = ["\u201c", "We", "will", "finish", "it", ",", "\u201d", "Alder", "police", "Chief", "Dara", "Quell",
             "said", "."]
    heads = [3, 3, 3, 3, 3, 3, 3, 3, 9, 7, 11, 9, 3, 3]
    deps = ["punct", "nsubj", "aux", "ROOT", "dobj", "punct", "punct", "dep", "compound", "dobj", "compound",
            "appos", "conj", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PRON", "PUNCT", "PUNCT", "VERB", "NOUN", "PROPN", "PROPN", "PROPN",
           "VERB", "PUNCT"]
    tags = ["``", "PRP", "MD", "VB", "PRP", ",", "''", "VBD", "NN", "NNP", "NNP", "NNP", "VBD", "."]
    ents = ["O"] * 10 + ["B-PERSON", "I-PERSON", "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents)
    assert _after_closing_quote(doc[12]).text == "Alder"  # its subtree: "Alder police Chief Dara Quell"


def test_a_report_in_a_when_clause_after_the_quote_is_not_its_cue(nlp: Any) -> None:
    text = ("The spot ends with footage of Calder saying during the debate last week, \u201cThat makes me "
            "clever,\u201d when Pell scolded him for not paying the harbour levy.")
    item = _one(_found(nlp, text), text, "That makes me clever")
    assert item.cue == "saying" and _source(text, item) == "Calder"


def test_a_nickname_in_quotation_marks_is_part_of_the_name(nlp: Any) -> None:
    text = ("\u201cThis is a big year for our harbour!\u201d Pell's niece, state Del. Marta \u201cMimi\u201d "
            "Oyelaran, shouted to the crowd.")
    item = _one(_found(nlp, text), text, "big year")
    assert _source(text, item) is not None and "Oyelaran" in (_source(text, item) or "")
    assert not any(_content(text, a) == "Mimi" for a in _found(nlp, text))


def test_a_sentence_final_cue_the_parse_made_a_conjunct_reports_the_whole_sentence(nlp: Any) -> None:
    text = "Ruiz had asked the officers to leave, but the chief overruled that request, the source added."
    doc = nlp(text)
    added = next(t for t in doc if t.text == "added")
    assert added.dep_ == "conj"  # the misparse the rule mends
    first, last = _trailing_clause(added) or (None, None)
    assert (first.text, last.text) == ("Ruiz", "request")
    item = _one(_found(nlp, text), text, "asked the officers")
    assert item.cue == "added" and _source(text, item) == "the source"
    assert "overruled that request" in _content(text, item)


def test_a_clause_the_parse_read_as_adverbial_is_still_reported(nlp: Any) -> None:
    text = "Pell said after the hearing he would not accept the council's offer if it were made."
    item = _one(_found(nlp, text), text, "would not accept")
    assert item.cue == "said" and item.speaker.name == "Pell"


def test_a_dash_the_parse_read_as_a_subject_is_not_the_speaker(nlp: Any) -> None:
    text = ("When Ruiz noted that Calder has occasionally not paid anything in harbour levies \u2015 as was "
            "true for the few years his returns were made public \u2015 Calder boasted, \u201cThat makes me "
            "clever.\u201d")
    item = _one(_found(nlp, text), text, "makes me clever")
    assert _source(text, item) == "Calder"


@pytest.mark.parametrize(("who", "verb"), [("the notice", "shouted"), ("the notice", "yelled"), ("the letter", "read")])
def test_manners_of_saying_are_cues(nlp: Any, who: str, verb: str) -> None:
    text = f"\u201cThe harbour will close at dawn on Sunday,\u201d {who} {verb}."
    item = _one(_found(nlp, text), text, "harbour will close")
    assert item.cue == verb and _source(text, item) == who


def test_polnear_adds_the_comma_that_closes_a_source_s_apposition(nlp: Any) -> None:
    text = "Ilse Varga, a lecturer at the college, said the ferry deal was a bargain."
    (predicted,) = predict(text, nlp(text))
    assert text[predicted.source[0][0]:predicted.source[0][1]] == "Ilse Varga, a lecturer at the college,"


def test_a_pronoun_skips_a_speaker_whose_given_name_is_of_the_other_gender(nlp: Any) -> None:
    text = ("Margaret Okafor, the harbour master, said the quay would reopen in May. "
            "He added that the levy would rise.")
    found = _found(nlp, text)
    assert _one(found, text, "quay would reopen").speaker.name == "Margaret Okafor"
    assert _one(found, text, "levy would rise").speaker.name is None  # no man was named before "he"


def test_a_courtesy_title_picks_the_full_name_of_its_gender(nlp: Any) -> None:
    text = ("Thomas Calder opened the meeting. Ruth Calder spoke after him. "
            "Later, Mr. Calder said the plan was sound. Mrs. Calder said the budget was too small. "
            "She added that the vote was close.")
    found = _found(nlp, text)
    assert _one(found, text, "plan was sound").speaker.name == "Thomas Calder"
    assert _one(found, text, "budget was too small").speaker.name == "Ruth Calder"
    assert _one(found, text, "vote was close").speaker.name == "Ruth Calder"


def test_the_object_of_leave_or_urge_is_who_holds_the_view(nlp: Any) -> None:
    text = "The closure of the shipyard also left many harbour towns feeling that they had no future."
    item = _one(_found(nlp, text), text, "had no future")
    assert _source(text, item) == "many harbour towns"


def test_a_gerund_on_the_occasion_of_speaking_is_the_speaker_s(nlp: Any) -> None:
    text = ("\u201cWe will get there together,\u201d she said at a recent news conference announcing that "
            "her department was suing the port authority.")
    item = _one(_found(nlp, text), text, "was suing the port")
    assert item.cue == "announcing" and _source(text, item) == "she"


def test_a_light_verb_before_a_colon_does_not_take_the_quote(nlp: Any) -> None:
    text = ("The statement also mentioned the impact it said Ruiz, the first dock worker elected to the "
            "council, would have on dock workers: \u201cHer fight, "
            "long and historic, has opened the door for all of us,\u201d the union wrote.")
    item = _one(_found(nlp, text), text, "Her fight")
    assert item.cue == "wrote" and _source(text, item) == "the union"


def test_people_joined_as_one_subject_speak_together(nlp: Any) -> None:
    text = ("Ruth Calder opened the session. Maria Ruiz agreed with her. Calder and Ruiz said the levy "
            "would be overturned. They added that the vote was close.")
    found = _found(nlp, text)
    both = _one(found, text, "levy would be overturned").speaker
    assert both.name == "Ruth Calder and Maria Ruiz" and both.role is None and both.entity is None
    assert _one(found, text, "vote was close").speaker == both  # "they" is the pair


def test_let_s_say_is_a_supposition_not_a_report(nlp: Any) -> None:
    text = "Let's say you think a degree from the harbour college will cost $60,000 in ten years."
    assert not [a for a in _found(nlp, text) if _source(text, a) in ("'s", "Let")]


def test_the_clause_a_cue_introduces_wins_over_one_hung_on_it_from_before(nlp: Any) -> None:
    text = ("Both candidates face questions about the harbour, particularly after a video surfaced showing the "
            "flooded quay (her campaign later disclosed that the cost of the quay could fall to taxpayers).")
    found = _found(nlp, text)
    item = _one(found, text, "cost of the quay")
    assert _content(text, item).startswith("that the cost of the quay")


def test_a_participle_after_a_relative_clause_goes_with_the_main_clause(nlp: Any) -> None:
    text = ("Calder was similarly defensive when forced to defend not paying a builder who said he was cheated "
            "after he built a quay at one of Calder\u2019s marinas, saying, \u201cMaybe he didn\u2019t do a good "
            "job, and I wasn\u2019t satisfied with his work.\u201d")
    found = _found(nlp, text)
    assert _source(text, _one(found, text, "he was cheated")) == "who"
    assert _source(text, _one(found, text, "Maybe he didn")) == "Calder"


def test_of_two_subjects_the_one_nearest_the_verb_speaks(nlp: Any) -> None:
    text = "THE BORROWING Back when she wrote her book, Ms. Okafor said that she considered debt a last resort."
    item = _one(_found(nlp, text), text, "last resort")
    assert _source(text, item) == "Ms. Okafor" and item.speaker.name == "Okafor"


def test_a_name_that_only_says_whose_is_not_the_speaker(nlp: Any) -> None:
    text = "Tom Calder opened the harbour. Calder aides said the levy would pass."
    speaker = _one(_found(nlp, text), text, "levy would pass").speaker
    assert speaker.name is None and speaker.role == "Calder aides"  # the aides, not Tom Calder


def test_a_person_s_own_writing_is_the_person_speaking(nlp: Any) -> None:
    text = "Tom Calder opened the harbour. A Calder tweet said the levy would pass."
    speaker = _one(_found(nlp, text), text, "levy would pass").speaker
    assert speaker.name == "Tom Calder" and speaker.role is None and speaker.description == "A Calder tweet"


def test_a_dateline_with_a_double_dash_is_not_part_of_the_role(nlp: Any) -> None:
    text = "PORTSMOUTH -- Mayor Ruiz, dedicating the new quay on Saturday, said it would serve the whole coast."
    item = _one(_found(nlp, text), text, "serve the whole coast")
    assert item.speaker.name == "Ruiz" and item.speaker.role == "Mayor"
    assert _source(text, item) == "Mayor Ruiz"


def test_examples_and_comparisons_in_the_subject_do_not_speak(nlp: Any) -> None:
    text = ("Critics of the harbour levy, like Senators Tom Calder and Ruth Okafor, said it would hurt "
            "fishermen. Mayor Ana Ruiz, like Calder, said the levy was too high.")
    found = _found(nlp, text)
    critics = _one(found, text, "hurt fishermen").speaker
    assert critics.name is None and critics.role == "Critics of harbour levy"
    assert _one(found, text, "too high").speaker.role == "Mayor"


def test_a_spokeswoman_for_someone_is_not_that_someone(nlp: Any) -> None:
    text = ("Ruth Calder spoke at the quay. A spokeswoman for Ruth Calder says the levy is fair. "
            "Calder said she would win.")
    found = _found(nlp, text)
    spokeswoman = _one(found, text, "levy is fair").speaker
    assert spokeswoman.name is None and spokeswoman.role == "spokeswoman for Ruth Calder"
    calder = _one(found, text, "would win").speaker
    assert calder.name == "Ruth Calder" and calder.role is None  # the spokeswoman's role is not hers


def test_age_and_home_town_are_not_a_role(nlp: Any) -> None:
    text = ("Donna Rawlings, 59, of Ashton, Md., who watched the ceremony, said the event brought back "
            "memories. Jo Ruiz, a nurse from Ashton, said the clinic was full.")
    found = _found(nlp, text)
    assert _one(found, text, "brought back memories").speaker.role is None
    assert _one(found, text, "clinic was full").speaker.role == "nurse from Ashton"


def test_a_role_reference_needs_every_modifier_to_match(nlp: Any) -> None:
    text = ("Harbour party nominee Ruth Calder said the levy would rise. The Coast party nominee said the "
            "levy would fall. The Harbour party nominee added that the plan was fair.")
    found = _found(nlp, text)
    assert _one(found, text, "levy would fall").speaker.name is None
    assert _one(found, text, "plan was fair").speaker.name == "Ruth Calder"


def test_an_organisation_someone_works_for_is_not_the_speaker(nlp: Any) -> None:
    text = "A lawyer for the Harbour Authority said the quay was safe."
    speaker = _one(_found(nlp, text), text, "quay was safe").speaker
    assert speaker.name is None and "Harbour Authority" in (speaker.description or "")


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Ruth Calder spoke at the quay. Her letter said the levy was fair.", "Ruth Calder", None),
    ("Ruth Calder spoke at the quay. Calder's letter says the levy is fair.", "Ruth Calder", None),
    ("A 2014 study by professor Justin Levitt found that the levy was fair.", "Justin Levitt", "professor"),
])
def test_the_author_of_a_work_speaks_through_it(nlp: Any, text: str, name: str, role: str | None) -> None:
    speaker = _one(_found(nlp, text), text, "levy").speaker
    assert (speaker.name, speaker.role) == (name, role)
    assert speaker.description is not None  # the work that says it


def test_a_person_deep_in_the_subject_is_whose_not_who(nlp: Any) -> None:
    text = ("Tom Calder spoke at the quay. A document on the Calder campaign's website states that the "
            "levy would be cut.")
    speaker = _one(_found(nlp, text), text, "levy would be cut").speaker
    assert speaker.name is None and speaker.role == "document on Calder campaign website"


def test_a_surname_the_tagger_read_as_a_common_noun_is_the_person_named_in_full(nlp: Any) -> None:
    # the parse seen on a real article, built by hand: the second "Ruiz" tagged as a common noun
    words = ["Maria", "Ruiz", "spoke", ".", "Ruiz", "said", "the", "levy", "was", "illegal", "."]
    spaces = [True, True, False, True, True, True, True, True, True, False, False]
    heads = [1, 2, 2, 2, 5, 5, 7, 8, 5, 8, 5]
    deps = ["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "NOUN", "VERB", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    tags = ["NNP", "NNP", "VBD", ".", "NN", "VBD", "DT", "NN", "VBD", "JJ", "."]
    lemmas = ["Maria", "Ruiz", "speak", ".", "ruiz", "say", "the", "levy", "be", "illegal", "."]
    ents = ["B-PERSON", "I-PERSON"] + ["O"] * 9
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
              lemmas=lemmas, ents=ents, sent_starts=[True, False, False, False, True] + [False] * 6)
    document = Document(id="doc_rules", source="rules.txt", text=doc.text)
    found = attributions(document, doc)
    assert [a.speaker.name for a in found] == ["Maria Ruiz"]


def test_reading_reports_is_not_a_statement(nlp: Any) -> None:
    text = "Mr. Okafor read the tide reports every day."
    assert _found(nlp, text) == []


# who speaks, one sentence per rule (each failed before its rule): text, words of the statement,
# speaker's name and role
SPEAKERS = {
    "a quote's own words are never its speaker": (
        "\u201cShe would be a fine mayor. Not good, great. One of the ablest people on the entire "
        "council,\u201d Rep. Ilse Varga said in a phone interview.", "fine mayor", "Ilse Varga", "Rep."),
    "a name the entity tagger missed is a name, not a role": (
        "Politifact said the claim about the harbour levy was false.", "harbour levy", "Politifact", None),
    "an acronym the tagger missed is a name": (
        "WTVR reported that the quay had closed.", "quay had closed", "WTVR", None),
    "a shared surname is the person the text names most, and 'and his aides' is no role": (
        "Ted Cruz spoke first. Ted Cruz laughed at the question. Heidi Cruz waved from the stage. "
        "Cruz and his aides said they were coming around.", "coming around", "Ted Cruz", None),
    "a short title matches its written-out reference": (
        "Sen. Ruth Calder said the quay would reopen. The senator added that the levy was unfair.",
        "levy was unfair", "Ruth Calder", "Sen."),
    "a name inside a quote is not the narrator's 'he'": (
        "Harbour master Ivo Marsh opened the quay. \u201cMy deputy, Tom Okafor, will publish the tide "
        "tables,\u201d he said.", "tide tables", "Ivo Marsh", None),
    "a titled surname is a pronoun's antecedent without a full name": (
        "Few people knew John Kerry was the harbour envoy. Mr. Okafor walked the quay every day. "
        "\u201cMy deputy, Tom Reyes, brings me a chart each morning,\u201d he said.", "chart each morning",
        "Okafor", None),
    "a newsroom that 'has learned' reports what it found": (
        "The mayor was taken to a clinic after the parade, the Gazette has learned.", "taken to a clinic",
        "Gazette", None),
    "a report that the parse hung on the verb is still its publisher's": (
        "Ruth Calder is seizing upon a Valley Herald report that her rival lost $5 million in 2004.",
        "her rival lost", "Valley Herald", None),
    "a publisher's possessive report": (
        "The Valley Herald's report that the mayor lost $5 million was denied on Monday.", "mayor lost",
        "Valley Herald", None),
    "a poll speaks for whoever ran it": (
        "A Quinnipiac University poll found that 40 percent of voters back the levy.", "40 percent",
        "Quinnipiac University", None),
    "a hyphenated role is one word, not a possessor": (
        "His ex-wife also contended that the records should stay sealed.", "records should stay", None,
        "ex-wife"),
}


@pytest.mark.parametrize(("text", "fragment", "name", "role"), list(SPEAKERS.values()), ids=list(SPEAKERS))
def test_who_speaks(nlp: Any, text: str, fragment: str, name: str, role: str | None) -> None:
    speaker = _one(_found(nlp, text), text, fragment).speaker
    assert (speaker.name, speaker.role) == (name, role)


def test_a_publishers_report_speaks_for_the_publisher(nlp: Any) -> None:
    text = "A Valley Herald report said the mayor lost $5 million."
    speaker = _one(_found(nlp, text), text, "mayor lost").speaker
    assert (speaker.name, speaker.role, speaker.description) == ("Valley Herald", None, "A Valley Herald report")


def test_a_bracketed_apposition_does_not_replace_the_subject(nlp: Any) -> None:
    text = "Many colleges (private ones, in particular) offer a different kind of help to good students."
    item = _one(_found(nlp, text), text, "different kind")
    assert _source(text, item) == "Many colleges (private ones, in particular)"
    assert item.speaker.role == "Many colleges"


def test_short_titles_do_not_end_a_sentence(nlp: Any) -> None:
    # the model's tokenizer split "Lt." and "Sens." into word and full stop, and the parser ended
    # the sentence there: "Army Lt. | Col. Dana Ruiz ..." and "Sens. | Ann Ruiz and ..."
    text = ("Army Lt. Col. Dana Ruiz, a coalition spokeswoman, said the strike hit a depot. "
            "Sens. Ann Ruiz and Paul Brandt said the bank should be broken up.")
    assert len(list(nlp(text).sents)) == 2
    found = _found(nlp, text)
    first = _one(found, text, "strike hit")
    assert (first.speaker.name, first.speaker.role) == ("Dana Ruiz", "Army Lt. Col., coalition spokeswoman")
    assert _source(text, _one(found, text, "broken up")) == "Sens. Ann Ruiz and Paul Brandt"


@pytest.mark.parametrize("text", [
    "Ruiz said the levy would raise $40 million, a figure the council disputes.",
    "The mayor said the strike cost the city $2 million, a figure disputed by the union.",
    "Brandt said the council would cut the budget by 10 percent, a move that critics called reckless.",
])
def test_a_closing_summary_apposition_is_the_writers(nlp: Any, text: str) -> None:
    item = _one(_found(nlp, text), text, "the ")
    assert not _content(text, item).endswith(("disputes", "union", "reckless"))
    assert _content(text, item).endswith(("million", "percent"))


def test_a_closing_apposition_without_a_clause_stays_in_the_statement(nlp: Any) -> None:
    text = "Calder said the port handled 9,000 containers, a record."
    assert _content(text, _one(_found(nlp, text), text, "containers")).endswith("a record")


@pytest.mark.parametrize(("text", "name"), [
    ("Ruiz was criticized for saying that the levy was fair.", "Ruiz"),
    ("Voters praised Ruiz for saying that the levy was unfair.", "Ruiz"),
    ("Brandt apologized for saying that the port was dirty.", "Brandt"),
])
def test_for_saying_is_a_statement_of_who_is_blamed_or_praised(nlp: Any, text: str, name: str) -> None:
    item = _one(_found(nlp, text), text, "the levy" if "levy" in text else "the port")
    assert item.cue == "saying" and _source(text, item) == name


def test_one_of_a_group_speaks_as_one_of_them(nlp: Any) -> None:
    text = "One of the doctors called Marsh a quack. One of the officials said the base would close."
    called = _one(_found(nlp, text), text, "quack")
    assert (called.speaker.role, called.speaker.description) == ("doctors", "One of the doctors")
    said = _one(_found(nlp, text), text, "base would close")
    assert (said.speaker.role, said.speaker.description) == ("officials", "One of the officials")
    named = "One of the family's lawyers, Tom Okafor, said the video was clear."  # the apposition names who
    lawyer = _one(_found(nlp, named), named, "video").speaker
    assert (lawyer.name, lawyer.role) == ("Tom Okafor", "lawyers")


def test_a_thing_urged_is_what_is_urged(nlp: Any) -> None:
    text = "The senators urged a recount. The council urged residents to stay home."
    assert _content(text, _one(_found(nlp, text), text, "recount")) == "a recount"
    assert _content(text, _one(_found(nlp, text), text, "stay home")) == "to stay home"


def test_a_present_tense_cue_misread_as_a_noun(nlp: Any) -> None:
    # "Calder charges that ..." parsed as the noun phrase "Calder charges" with a clause hung on it;
    # the parse is built by hand because it depends on the text around the sentence
    words = ["Calder", "charges", "that", "donors", "gave", "millions", "to", "the", "fund", "."]
    heads = [1, 1, 4, 4, 1, 4, 4, 8, 6, 1]
    deps = ["compound", "ROOT", "mark", "nsubj", "acl", "dobj", "prep", "det", "pobj", "punct"]
    pos = ["PROPN", "NOUN", "SCONJ", "NOUN", "VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT"]
    tags = ["NNP", "NNS", "IN", "NNS", "VBD", "NNS", "IN", "DT", "NN", "."]
    lemmas = ["Calder", "charge", "that", "donor", "give", "million", "to", "the", "fund", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 8 + [False, False], heads=heads, deps=deps, pos=pos,
              tags=tags, lemmas=lemmas)
    found = attributions(Document(id="doc_rules", source="rules.txt", text=doc.text), doc)
    assert [(a.speaker.name, a.cue, doc.text[a.start:a.end]) for a in found] == [
        ("Calder", "charges", "that donors gave millions to the fund")]


def test_what_a_thing_is_likened_to_is_part_of_the_statement(nlp: Any) -> None:
    text = "He repeatedly linked the floods to the council's failure to dredge the river."
    assert _content(text, _one(_found(nlp, text), text, "floods")) == (
        "the floods to the council's failure to dredge the river")


def test_everyone_is_nobody_in_particular(nlp: Any) -> None:
    text = "Two senators said the levy was unfair. But not everyone agrees on who is to blame."
    speaker = _one(_found(nlp, text), text, "blame").speaker
    assert (speaker.name, speaker.role, speaker.description) == (None, None, "not everyone")


def test_a_title_tagged_as_a_person_is_not_the_name(nlp: Any) -> None:
    # the tagger reads "Maj." alone as a person; the name is the one after it
    text = "The Pentagon's press secretary, Maj. Gen. Paul Brandt, told reporters that no civilians were harmed."
    speaker = _one(_found(nlp, text), text, "civilians").speaker
    assert (speaker.name, speaker.role) == ("Paul Brandt", "press secretary, Maj. Gen.")


def test_a_party_label_is_kept_as_written(nlp: Any) -> None:
    text = "Sen. Ann Ruiz (D-Ore.) said the bank should be broken up."
    assert _one(_found(nlp, text), text, "bank").speaker.role == "Sen., D-Ore."


@pytest.mark.parametrize(("text", "content"), [
    ("According to the Syrian Observatory for Human Rights, a Britain-based war monitor, at least 12 people "
     "were killed in the strike.", "at least 12 people were killed in the strike"),
    ("According to the Harbour Trust, a charity, the quay will reopen in May.", "the quay will reopen in May"),
    ("According to Ruiz, the plan, the only one on the table, would cost $5 million.",
     "the plan, the only one on the table, would cost $5 million"),
])
def test_the_apposition_of_according_to_is_not_what_is_said(nlp: Any, text: str, content: str) -> None:
    assert _content(text, _one(_found(nlp, text), text, "the")) == content


@pytest.mark.parametrize("text", [
    'Asked whether troops would leave, Varga said: "Not this year."',
    "Told that the port had closed, Ruiz said she was surprised.",
])
def test_what_was_put_to_the_speaker_is_not_the_speakers(nlp: Any, text: str) -> None:
    found = _found(nlp, text)
    assert [a.cue for a in found] == ["said"]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Ruth Calder and her aides said the budget would rise.", "Ruth Calder", None),
    ("Calder and her aides said the budget would rise.", "Calder", None),
    ("Mayor Ruth Calder and her deputy said the budget would rise.", "Ruth Calder", "Mayor"),
])
def test_a_person_and_her_aides_speak_together(nlp: Any, text: str, name: str, role: str | None) -> None:
    speaker = _one(_found(nlp, text), text, "budget").speaker
    assert (speaker.name, speaker.role, speaker.description) == (name, role, text.split(" said", maxsplit=1)[0])


def test_a_subject_hung_on_the_opening_phrase_still_speaks(nlp: Any) -> None:
    text = ("In a post on X, its commander, Dara Kell, wrote that government artillery had shelled two "
            "villages overnight.")
    wrote = next(t for t in nlp(text) if t.text == "wrote")
    assert not any(c.dep_ == "nsubj" for c in wrote.children)  # the misparse this rule mends
    item = _one(_found(nlp, text), text, "artillery")
    assert (item.speaker.name, item.speaker.role, _source(text, item)) == ("Dara Kell", "commander",
                                                                          "its commander, Dara Kell")


def test_a_quoted_sentence_with_no_cue_goes_on_in_the_paragraphs_voice(nlp: Any) -> None:
    text = ('"This just is not right," Ruiz said. "You squeezed the dockers to the breaking point" to lift the '
            "share price, she said, referring to the firm's drive to \"cross-sell\" berths. \"You went on "
            'television to blame hundreds of low-paid" workers.')
    assert _one(_found(nlp, text), text, "went on television").speaker.name == "Ruiz"
    other = '"We will win," Ruiz said. Critics doubt it. "The harbour will never pay for itself," one economist wrote.'
    assert _one(_found(nlp, other), other, "never pay").speaker.role == "one economist"


def test_names_the_tagger_missed_speak_together(nlp: Any) -> None:
    # the tagger calls "Calloway" an organisation and "Okafor" a place; both were named in full before
    text = ("Ines Calloway proposed the levy. Tom Okafor opposed it. Calloway and Okafor will debate the levy "
            "on local radio next week.")
    debate = [a for a in _found(nlp, text) if a.cue == "debate"]
    assert [a.speaker.name for a in debate] == ["Ines Calloway and Tom Okafor"]


@pytest.mark.parametrize(("text", "fragment", "content"), [
    ("Residents will vote next month on a harbour levy that the council says will raise $40 million over "
     "ten years.", "raise", "will raise $40 million over ten years"),
    ("The bridge, which officials say will cost $2 billion, opens in May.", "cost", "will cost $2 billion"),
])
def test_a_report_inside_a_relative_clause_is_its_own(nlp: Any, text: str, fragment: str, content: str) -> None:
    item = _one(_found(nlp, text), text, fragment)
    assert _content(text, item) == content and item.cue in ("says", "say")


def test_an_estimate_put_at_a_figure_is_a_statement(nlp: Any) -> None:
    text = "Health officials put the death toll at 40. She put the book on the shelf."
    found = _found(nlp, text)
    assert [(a.cue, _content(text, a)) for a in found] == [("put", "the death toll at 40")]
    assert found[0].speaker.role == "official"


def test_a_past_tense_read_as_a_participle_keeps_its_subject(nlp: Any) -> None:
    text = "Rebel commanders denied the report and accused government forces of shelling the route."
    accused = _one(_found(nlp, text), text, "shelling")
    assert accused.cue == "accused" and _source(text, accused) == "Rebel commanders"


def test_a_hyphenated_title_is_written_whole(nlp: Any) -> None:
    text = "Republican vice-presidential nominee Ruth Calder said the levy would rise."
    assert _one(_found(nlp, text), text, "levy").speaker.role == "Republican vice-presidential nominee"


@pytest.mark.parametrize(("text", "content", "source"), [
    ("A different account of the levy was told by the Harbour Gazette, which unearthed a 2019 memo from the "
     "council with a very different tone.", "A different account", "the Harbour Gazette"),
    ("The plan was backed by Mayor Ana Ruiz, who sent the governor a letter with a proposal to cut the levy.",
     "The plan", "Mayor Ana Ruiz"),
])
def test_a_clause_telling_what_the_speaker_sent_is_not_who_speaks(nlp: Any, text: str, content: str,
                                                                   source: str) -> None:
    item = _one(_found(nlp, text), text, content)
    assert _source(text, item) == source


@pytest.mark.parametrize(("text", "content", "source"), [
    ("The dock workers' union released a statement calling the levy unfair.", "the levy unfair",
     "The dock workers' union"),
    ("The Calder campaign ran an ad accusing Ruiz of lying about the levy.", "Ruiz of lying", "The Calder campaign"),
    ("Lawyers for the harbour board filed papers opposing the release of the audit.", "the release of the audit",
     "Lawyers for the harbour board"),
])
def test_what_an_issued_piece_of_writing_does_its_issuer_does(nlp: Any, text: str, content: str,
                                                               source: str) -> None:
    """Issue 4, round 8: the speaker had been the statement, the ad or the papers, with no name."""
    item = _one(_found(nlp, text), text, content)
    assert _source(text, item) == source


@pytest.mark.parametrize("text", [
    "The levy, as the mayor put it, is a tax on every dock worker.",
    "As the mayor put it, the levy is a tax on every dock worker.",
])
def test_as_she_put_it_is_a_way_of_saying(nlp: Any, text: str) -> None:
    item = _one(_found(nlp, text), text, "a tax on every dock worker")
    assert _source(text, item) == "the mayor" and item.cue == "put"


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("Senator Ruth Calder disagrees with her former boss on the levy.", "disagrees", "her former boss"),
    ("The harbour council sided with the dock workers.", "sided", "the dock workers"),
])
def test_taking_sides_with_someone_is_a_position(nlp: Any, text: str, cue: str, content: str) -> None:
    item = _one(_found(nlp, text), text, content)
    assert item.cue == cue


def test_it_says_what_the_body_named_before_says(nlp: Any) -> None:
    """Issue 4, round 8: "it warned" had no speaker; it takes back the body, passing over people."""
    text = ("Rain will ease on Thursday, the national weather service said, but it warned that rivers would "
            "keep rising. The Red Crescent said about 3,200 people were in shelters. Its director, Ana Ruiz, "
            "visited one. It added that water would run out by Friday.\n\nIt said the roads were closed.")
    found = _found(nlp, text)
    warned = _one(found, text, "rivers would keep rising")
    assert warned.speaker.role == "national weather service" and _source(text, warned) == "it"
    added = _one(found, text, "water would run out")
    assert added.speaker.name == "Red Crescent"
    # a new paragraph: no body to take back
    assert all(a.speaker == Speaker() for a in found if "roads were closed" in text[a.start:a.end])


def test_a_place_that_only_qualifies_a_body_is_not_its_name(nlp: Any) -> None:
    """Issue 4, round 8: "The Varda regional government" had the name "Varda" (the place)."""
    text = "The Varda regional government now says 46 people have died."
    speaker = _one(_found(nlp, text), text, "46 people").speaker
    assert speaker.name is None and speaker.role == "Varda regional government"


def test_a_transcript_s_surname_label_is_the_person_named_in_full_before(nlp: Any) -> None:
    """Issue 4, round 8 (a fictional briefing): "VOSS:" after "COL. ANIKA VOSS:" was a second
    speaker, "Voss", with no role."""
    text = ("MODERATOR: Good afternoon.\n\n"
            "COL. ANIKA VOSS: Overnight, coalition aircraft struck 14 targets near the river.\n\n"
            "Q: Colonel, is the operation over?\n\n"
            "VOSS: Our operation is not over, and we expect it to continue through the spring.\n")
    found = _found(nlp, text)
    first, later = _one(found, text, "struck 14 targets"), _one(found, text, "is not over")
    assert first.speaker.name == later.speaker.name == "Anika Voss"
    assert later.speaker.role == first.speaker.role == "Col."


def test_reports_from_a_place_are_not_the_place_s_statement(nlp: Any) -> None:
    text = "Reports from Mosul say 12 civilians were killed in the strikes."
    speaker = _one(_found(nlp, text), text, "12 civilians").speaker
    assert speaker.name is None and speaker.description == "Reports from Mosul"


def test_a_name_inside_what_was_just_reported_is_not_she(nlp: Any) -> None:
    """Issue 4, round 8 (a fictional wire story): "she said" went to a name inside the statement
    before it rather than to that statement's speaker."""
    text = ("Coalition spokeswoman Ruth Calder told reporters that Robin Ashe had fled to the hills east of "
            "the river. \u201cThis fight is not finished,\u201d she said.")
    found = _found(nlp, text)
    assert _one(found, text, "This fight is not finished").speaker.name == "Ruth Calder"


def test_why_a_source_is_anonymous_is_not_what_the_source_said(nlp: Any) -> None:
    text = ("A senior defense official, speaking on condition of anonymity because he was not authorized to "
            "discuss troop numbers, said 1,200 troops would stay through the summer.")
    found = _found(nlp, text)
    assert [text[a.start:a.end] for a in found] == ["1,200 troops would stay through the summer"]
    assert found[0].speaker.anonymous


def test_its_website_is_the_body_the_sentence_is_about(nlp: Any) -> None:
    """Issue 4, round 8: "according to a statement posted on its website" had the statement as an
    unnamed speaker; and "the coalition" had been taken for the coalition's spokeswoman."""
    text = ("Coalition spokeswoman Ruth Calder said 2,000 fighters remained. The coalition, which had 79 member "
            "states in January, now counts about 80, according to a statement posted on its website.")
    item = _one(_found(nlp, text), text, "now counts about 80")
    assert item.speaker.name != "Ruth Calder" and item.speaker.role == "coalition"
    text = "Ruiz is leaving the council, according to a video posted on Calder's account."
    assert _one(_found(nlp, text), text, "Ruiz is leaving").speaker.name == "Calder"


def test_a_date_is_never_the_speaker_a_broken_parse_leaves(nlp: Any) -> None:
    """Issue 4, round 8: "Tax experts I spoke to this week said …" had the speaker "this week" (the
    parse gave "said" no subject, and the word before it was taken)."""
    text = "Tax experts I spoke to this week said the levy was unfair."
    assert not [a for a in _found(nlp, text) if _source(text, a) == "this week"]
