"""Quotes with speakers (issue 4 part 2). Every document here is fictional, written for these tests."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.extract.attribution import quote_spans, resolve_date
from claimledger.extract.quotes import quotes
from claimledger.model import Document, Post, Published, Quote, Speaker

# Fictional article: a flood in an invented town, with a multi-paragraph quote, a continued
# quote, an anonymous source, "the engineer" and an embedded post with its signature.
FLOOD = (
    "Valley towns count the cost of the flood\n\n"
    "Mayor Ana Ruiz said on Monday that the river had crested at 9 metres.\n\n"
    "\u201cWe moved 3,000 people out of the low districts overnight. Nobody was left behind.\n\n"
    "\u201cThe shelters are full, but they are safe,\u201d she said. \u201cWe will reopen the bridge "
    "on Friday.\u201d\n\n"
    "A city engineer who was not authorized to speak publicly said the levee had been damaged "
    "in two places. \u201cThe repairs will take weeks,\u201d the engineer said.\n\n"
    "Police chief Tom Okafor told the Valley Courier that 14 people had been rescued from roofs, "
    "Reuters reported.\n\n"
    "Flood waters are receding across the valley. Thank you to every volunteer.\n\n"
    "Residents called the response \u201cslow\u201d and \u201cchaotic\u201d.\n"
)
POST_TEXT = "Flood waters are receding across the valley. Thank you to every volunteer."


def _doc(text: str, *, posts: tuple[Post, ...] = (), date: str | None = "2024-03-14") -> Document:
    published = Published(date, "day", "metadata") if date else Published()
    return Document(id="doc_test", source="test.txt", text=text, publisher="Valley Courier",
                    published=published, posts=posts)


def _quotes(nlp: Any, text: str, **kwargs: Any) -> list[Quote]:
    document = _doc(text, **kwargs)
    found = list(quotes(document, nlp(text), []))
    for quote in found:
        assert document.text[quote.start:quote.end] == quote.text
    return found


def _by_text(found: list[Quote], fragment: str) -> Quote:
    matches = [q for q in found if fragment in q.text]
    assert len(matches) == 1, (fragment, [q.text for q in found])
    return matches[0]


@pytest.fixture(scope="module")
def flood(nlp: Any) -> list[Quote]:
    start = FLOOD.index(POST_TEXT)
    post = Post(start, start + len(POST_TEXT), author="Lena Brandt", handle="@GovBrandt", date="2024-03-03")
    return _quotes(nlp, FLOOD, posts=(post,))


def test_indirect_speech_with_titled_name_and_date(flood: list[Quote]) -> None:
    quote = _by_text(flood, "river had crested")
    assert quote.kind == "indirect"
    assert (quote.speaker.name, quote.speaker.role) == ("Ana Ruiz", "Mayor")
    assert quote.cue == "said"
    assert quote.date == "2024-03-11"  # the Monday before the Thursday of publication


def test_multi_paragraph_quote_is_one_quote_with_the_later_speaker(flood: list[Quote]) -> None:
    quote = _by_text(flood, "We moved 3,000 people")
    assert "The shelters are full" in quote.text  # the re-opened paragraph joins the same quote
    assert quote.kind == "direct"
    assert quote.speaker.name == "Ana Ruiz"  # "she" resolved to the mayor


def test_quote_continued_after_she_said(flood: list[Quote]) -> None:
    quote = _by_text(flood, "reopen the bridge")
    assert quote.speaker.name == "Ana Ruiz"


def test_anonymous_source_and_the_engineer(flood: list[Quote]) -> None:
    first = _by_text(flood, "levee had been damaged")
    assert first.speaker.anonymous
    assert first.speaker.name is None
    assert first.speaker.description is not None
    assert "not authorized" in first.speaker.description
    second = _by_text(flood, "repairs will take weeks")
    assert second.speaker == first.speaker  # "the engineer" is the same anonymous source


def test_told_outlet_and_reported_by(flood: list[Quote]) -> None:
    quote = _by_text(flood, "14 people had been rescued")
    assert quote.speaker.name == "Tom Okafor"
    assert quote.reported_by in ("Valley Courier", "Reuters")


def test_embedded_post_speaker_from_signature(flood: list[Quote]) -> None:
    quote = _by_text(flood, "Flood waters are receding")
    assert quote.kind == "post"
    assert quote.speaker.name == "Lena Brandt"
    assert quote.date == "2024-03-03"


def test_partial_quotes_keep_their_speaker(flood: list[Quote]) -> None:
    slow = _by_text(flood, "slow")
    assert slow.kind == "partial"
    assert slow.speaker.description == "Residents"


def test_no_quote_counted_twice(flood: list[Quote]) -> None:
    spans = sorted((q.start, q.end) for q in flood)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start
    assert len({q.id for q in flood}) == len(flood)


@pytest.mark.parametrize(
    ("text", "fragment", "name", "role"),
    [
        ("Defense Secretary Omar Haddad told reporters that the base would close in May.",
         "base would close", "Omar Haddad", "Defense Secretary"),
        ("\u201cThe talks have failed,\u201d said Senator Ruth Calloway.", "talks have failed",
         "Ruth Calloway", "Senator"),
        ("The ministry spokesman, Piotr Zielinski, said the convoy had been turned back at the border.",
         "convoy had been turned back", "Piotr Zielinski", "ministry spokesman"),
        ("According to the Harbour Authority, the port handled 2 million containers last year.",
         "port handled", "Harbour Authority", None),
    ],
)
def test_speaker_name_and_role(nlp: Any, text: str, fragment: str, name: str, role: str | None) -> None:
    quote = _by_text(_quotes(nlp, text), fragment)
    assert quote.speaker.name == name
    assert quote.speaker.role == role


def test_pronoun_without_antecedent_is_unknown(nlp: Any) -> None:
    found = _quotes(nlp, "\u201cThe shelters are empty now,\u201d she said.")
    assert len(found) == 1
    assert found[0].speaker.name is None
    assert not found[0].speaker.anonymous


def test_pronoun_skips_a_speaker_of_the_other_gender(nlp: Any) -> None:
    text = ("Ms. Dana Whitlock said the count was wrong. She added that a recount had begun. "
            "\u201cWe will see,\u201d he said.")
    found = _quotes(nlp, text)
    assert _by_text(found, "recount had begun").speaker.name == "Dana Whitlock"
    assert _by_text(found, "We will see").speaker.name is None


def test_transcript_turns(nlp: Any) -> None:
    text = ("MODERATOR: Welcome back to the programme.\n"
            "GOVERNOR HALE: Our budget grew by 4 percent this year.\n"
            "MODERATOR: And the deficit?\n")
    found = _quotes(nlp, text)
    turn = _by_text(found, "budget grew")
    assert turn.speaker.name == "Hale"
    assert turn.speaker.role == "Governor"
    assert turn.cue == ":"
    assert len(found) == 3


def test_press_release_signature_line(nlp: Any) -> None:
    text = ("\u201cThe new rules will cut waiting times for every applicant in the region.\u201d\n"
            "\u2014 Commissioner Elena Varga\n")
    found = _quotes(nlp, text)
    assert len(found) == 1
    assert found[0].speaker.name == "Elena Varga"


def test_non_latin_names_and_nested_quotes(nlp: Any) -> None:
    text = ("\u041e\u043b\u044c\u0433\u0430 \u0418\u0432\u0430\u043d\u043e\u0432\u0430 said that the dam "
            "had held through the night. \u201cMy neighbour shouted \u2018get out now\u2019 and we "
            "ran to the hill,\u201d a resident said.")
    found = _quotes(nlp, text)
    nested = _by_text(found, "get out now")
    assert nested.text.startswith("My neighbour")
    assert nested.speaker.anonymous


@pytest.mark.parametrize(
    "text",
    [
        'He said "this never ends. And nobody is listening',  # unbalanced mark
        "\u201c" + "The line holds. " * 400 + "\u201d the commander said.",  # a very long quote
        "\u201cAll of it.\u201d \u201cEvery word.\u201d \u201cNothing else.\u201d",  # all quotes
        "\u201d backwards \u201c marks \u201d everywhere \u201c",
        "",
    ],
)
def test_bad_input_never_crashes_and_offsets_hold(nlp: Any, text: str) -> None:
    for quote in _quotes(nlp, text):
        assert quote.speaker.name is None or quote.speaker.name in text


def test_unbalanced_quote_is_not_invented(nlp: Any) -> None:
    found = _quotes(nlp, 'The minister said "this never ends.\n\nThe vote is on Monday.')
    assert [q for q in found if q.kind == "direct"] == []  # no closing mark: no direct quote
    assert all("vote" not in q.text for q in found)


def test_quote_spans_join_paragraphs_only_when_reopened() -> None:
    text = '"First part.\n\n"Second part," she said.'
    assert [text[s:e] for s, e in quote_spans(text)] == ['First part.\n\n"Second part,']
    assert quote_spans('"First part.\n\nNo reopening here.') == []


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("in September", "2023-09"), ("on Tuesday", "2024-03-12"), ("yesterday", "2024-03-13"),
     ("March 2, 2021", "2021-03-02"), ("soon", None),
     # a story dated Thursday: "on Thursday" is that day, "last Thursday" the week before
     ("on Thursday", "2024-03-14"), ("last Thursday", "2024-03-07")],
)
def test_statement_dates(phrase: str, expected: str | None) -> None:
    import datetime as dt

    assert resolve_date(phrase, dt.date(2024, 3, 14)) == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([
    "\u201c", "\u201d", '"', "'", " he said", " The official added that", " prices rose 4 percent.",
    "\n\n", " Nadia Orlova", ",", ".", " she", " according to the agency",
    " the minister said the vote showed", " a", " and would stand", " GOVERNOR HALE:", "\n", "''",
]), max_size=40))
def test_random_quote_soup_keeps_offsets(nlp: Any, pieces: list[str]) -> None:
    text = "".join(pieces)
    for quote in _quotes(nlp, text):
        assert 0 <= quote.start < quote.end <= len(text)


def test_briefing_headers_and_generic_labels(nlp: Any) -> None:
    text = ("Situation Update: River levels in the north\n"
            "REPORTER: How many homes were lost?\n"
            "CHIEF WARDEN PALLAS: We counted 212 homes with flood damage.\n")
    found = _quotes(nlp, text)
    assert all("River levels" not in q.text for q in found)  # a document header, not a speaker
    assert _by_text(found, "How many homes").speaker == Speaker(role="reporter", description="REPORTER")
    assert _by_text(found, "212 homes").speaker.name == "Pallas"


def test_partial_quote_inside_reported_clause_is_counted_once(nlp: Any) -> None:
    text = "The minister said the vote showed \u201cthe will of the people\u201d and would stand."
    found = _quotes(nlp, text)
    assert len(found) == 1
    assert found[0].kind == "indirect"
    assert "the will of the people" in found[0].text


def test_quote_after_an_absorbed_partial_keeps_its_speaker(nlp: Any) -> None:
    # regression: the continued quote followed a partial quote that the clause had absorbed
    text = ("The minister said the vote showed \u201cthe will of the people.\u201d "
            "\u201cThere will be no second referendum on this question.\u201d")
    found = _quotes(nlp, text)
    assert _by_text(found, "second referendum").speaker.role == "minister"


def test_many_quotes_stay_cheap_next_to_parsing(nlp: Any) -> None:
    import time

    from claimledger.extract.claims import claims
    from claimledger.model import Annotations

    paragraph = ("\u201cThe ferry will not sail for 3 weeks,\u201d the harbour master said. "
                 "She added that 40 boats were waiting.\n\n")
    text = paragraph * 300
    started = time.perf_counter()
    parsed = nlp(text)
    parse_seconds = time.perf_counter() - started
    started = time.perf_counter()
    found = Annotations()
    found.quotes = list(quotes(_doc(text), parsed, []))
    found_claims = list(claims(_doc(text), parsed, found))
    ours = time.perf_counter() - started
    assert len(found.quotes) == 600
    assert len(found_claims) >= 300
    assert ours < parse_seconds  # measured about 0.1 of the parse time


def test_self_reference_is_the_publisher(nlp: Any) -> None:
    found = _quotes(nlp, "This newsletter reported in May that the ferry service had been cut in half.")
    quote = _by_text(found, "ferry service")
    assert quote.speaker.name == "Valley Courier"
    assert quote.speaker.description == "This newsletter"


# -- issue 4 recall: objects of speech verbs, positions, noun cues, "added:" intros (fictional) --
def test_speech_verb_object_and_stance_complements_are_contents(nlp: Any) -> None:
    text = ("Harbour director Lena Okafor noted the delays at the northern gate. "
            "The dockers' union called the new rota unsafe and unfair.\n")
    found = _quotes(nlp, text)
    noted = _by_text(found, "the delays at the northern gate")
    assert noted.cue == "noted" and noted.speaker.name == "Lena Okafor"
    called = _by_text(found, "the new rota unsafe and unfair")  # object and its complement together
    assert called.cue == "called" and called.kind == "indirect"


def test_addressee_is_not_the_content(nlp: Any) -> None:
    found = _quotes(nlp, "Mayor Ana Ruiz urged drivers to avoid the ring road on Friday.\n")
    assert [q.text for q in found] == ["to avoid the ring road on Friday"]


def test_noun_cue_with_a_holder(nlp: Any) -> None:
    found = _quotes(nlp, "The union's claim that the port lost 40 ships in March was disputed by the board.\n")
    claim = _by_text(found, "that the port lost 40 ships in March")
    assert claim.cue == "claim" and claim.speaker.role == "union"
    # a noun cue with no holder says nothing about who claims it
    assert not _quotes(nlp, "The claim that the port lost 40 ships in March was disputed.\n")


def test_colon_intro_on_the_line_before_gives_the_speaker(nlp: Any) -> None:
    text = ("Port director Samuel Greve spoke after the vote. He added:\n\n"
            "\u201cThe bridge will reopen in May, and the tolls will not rise.\u201d\n")
    quote = _by_text(_quotes(nlp, text), "The bridge will reopen in May")
    assert quote.speaker.name == "Samuel Greve" and quote.cue == "added"
    # no colon: a paragraph-opening quote with no cue stays unattributed
    plain = text.replace("He added:", "The meeting ended.")
    assert all(q.speaker.name is None for q in _quotes(nlp, plain) if "bridge" in q.text)


def test_relative_pronoun_speaker_is_the_noun_it_refers_to(nlp: Any) -> None:
    text = "The plan was drafted by Port director Samuel Greve, who said the harbour would reopen in May.\n"
    quote = _by_text(_quotes(nlp, text), "the harbour would reopen in May")
    assert quote.speaker.name == "Samuel Greve" and quote.speaker.role == "Port director"


def test_statement_paragraph_after_a_colon_cue(nlp: Any) -> None:
    text = ("Harbour director Lena Okafor said in a statement:\n\n"
            "The bridge will reopen in May and the tolls will stay the same.\n\n"
            "Council members left early.\n")
    found = _quotes(nlp, text)
    quote = _by_text(found, "The bridge will reopen in May")
    assert quote.speaker.name == "Lena Okafor" and quote.cue == "said"
    assert not any("Council members" in q.text for q in found)  # only the one paragraph


def test_signature_on_the_quote_line(nlp: Any) -> None:
    # fictional reader voices: "quote" ― Name on the same line (horizontal bar, no-break space)
    text = ("Readers wrote to us about the bridge.\n\n"
            "\u201cThe new bridge took far too long and cost twice the estimate.\u201d\u2015 Marta Ruiz \n"
            "\u201cI walk across it every morning and it makes me happy.\u201d \u2015\u00a0Tom Adler.\n")
    found = _quotes(nlp, text)
    assert _by_text(found, "The new bridge took far too long").speaker.name == "Marta Ruiz"
    assert _by_text(found, "I walk across it every morning").speaker.name == "Tom Adler"
    # text after the dash that goes on as a sentence is not a signature
    plain = text.replace("\u2015 Marta Ruiz", "\u2015 Many readers agreed with that view and wrote again")
    assert _by_text(_quotes(nlp, plain), "The new bridge took far too long").speaker.name is None


def test_closing_mark_used_as_opener_starts_a_quote() -> None:
    text = "\u201dThe ferry will run all winter,\u201d the captain said."
    assert [text[s:e] for s, e in quote_spans(text)] == ["The ferry will run all winter,"]


def test_finding_introduced_by_in_a_poll_is_the_polls(nlp: Any) -> None:
    text = ("Voters are split over the ferry plan.\n\n"
            "In the latest harbour council survey, residents backed the plan by a wide margin.\n\n"
            "In March, the mayor opened the new pier.\n")
    found = _quotes(nlp, text)
    finding = _by_text(found, "residents backed the plan by a wide margin")
    assert finding.speaker.description == "the latest harbour council survey"
    assert not any("the mayor opened" in q.text for q in found)  # a date is not a source


def test_gerund_after_a_preposition_takes_the_main_subject(nlp: Any) -> None:
    text = "Mayor Lena Okafor opened the meeting by saying the harbour would reopen in May.\n"
    quote = _by_text(_quotes(nlp, text), "the harbour would reopen in May")
    assert quote.speaker.name == "Lena Okafor"
    # "fined her for saying": the one who fined did not say it
    other = "Council member Ivo Brandt fined the mayor for saying the harbour would reopen in May.\n"
    assert all(q.speaker.name != "Ivo Brandt" for q in _quotes(nlp, other))


def test_headline_speaker_before_a_colon(nlp: Any) -> None:
    # fictional headlines
    text = "Lena Okafor: The harbour will reopen before the summer season.\n\nThe mayor spoke on Monday.\n"
    quote = _by_text(_quotes(nlp, text), "The harbour will reopen before the summer season")
    assert quote.speaker.name == "Lena Okafor" and quote.cue == ":"
    survey = "Survey: Most residents back the ferry plan.\n\nThe council met on Monday.\n"
    assert _by_text(_quotes(nlp, survey), "Most residents back the ferry plan").speaker.description == "Survey"
    # a rubric is not a speaker
    rubric = "Analysis: The harbour will reopen before the summer season.\n\nThe mayor spoke on Monday.\n"
    assert not any("harbour will reopen" in q.text for q in _quotes(nlp, rubric))


def test_split_quote_second_part_continues_the_first(nlp: Any) -> None:
    """Issue 4: '"A," she said. "B"' is two quote records; B's ``continues`` is A's id."""
    text = ('"The bridge will reopen in May," said Mayor Lena Brandt of Kelvar. '
            '"We have the money and the crews."\n')
    found = _quotes(nlp, text)
    first = _by_text(found, "The bridge will reopen in May")
    second = _by_text(found, "We have the money and the crews")
    assert first.continues is None
    assert second.continues == first.id
    assert second.speaker.name == first.speaker.name == "Lena Brandt"
    assert second.record()["continues"] == first.id  # the contract field, null when absent
    assert first.record()["continues"] is None


def test_continues_never_names_a_quote_that_is_not_a_record(nlp: Any) -> None:
    text = ('"We are not leaving," she said. "Not this year, and not next year either."\n\n'
            "Harbour master Ivo Brandt said the ferry would keep running through the winter.\n")
    found = _quotes(nlp, text)
    ids = {q.id for q in found}
    assert all(q.continues is None or q.continues in ids for q in found)


def _speakers_with_entities(nlp: Any, text: str) -> dict[str, Speaker]:
    from claimledger.extract.entities import entities

    document = _doc(text)
    parsed = nlp(text)
    return {q.text: q.speaker for q in quotes(document, parsed, list(entities(document, parsed)))}


def test_the_body_named_earlier_speaks_again(nlp: Any) -> None:
    # fictional: "the task force" and "the ministry" take back the bodies named in full before them
    text = ("Joint Task Force Steadfast Lantern said 900 troops are deployed in Syria. About 5,000 troops "
            "remain in Iraq, the task force said. The Ministry of Water said the dam was safe. The ministry "
            "added that repairs would take a year.")
    found = _speakers_with_entities(nlp, text)
    assert found["About 5,000 troops remain in Iraq"].name == "Joint Task Force Steadfast Lantern"
    assert found["About 5,000 troops remain in Iraq"].entity is not None
    assert found["that repairs would take a year"].name == "Ministry of Water"


def test_the_entity_stage_names_a_body_the_tagger_cut(nlp: Any) -> None:
    # the tagger reads only "Islamic" (as a nationality); "the state" is no name to take back
    text = "The Islamic State claimed the attack. The state said the bridge was closed."
    found = _speakers_with_entities(nlp, text)
    claimed = found["the attack"]
    assert (claimed.name, claimed.role) == ("Islamic State", None) and claimed.entity is not None
    assert found["the bridge was closed"].name is None


# a fictional press release: a header that names an office, and a sign-off that names its holder
RELEASE = ("Statement on the harbour agreement\n\nFrom the Minister of Transport:\n\nToday we signed an agreement "
           "with the port authority. It will bring 400 jobs to the region by 2030.\n\n\"This is a good day,\" said "
           "Deputy Minister Ilse Marsh.\n\n— Minister Paul Okafor\n")


def test_a_release_header_office_is_named_by_its_sign_off(nlp: Any) -> None:
    release = _by_text(_quotes(nlp, RELEASE), "400 jobs").speaker
    assert (release.name, release.role) == ("Paul Okafor", "Minister of Transport")
    unsigned = RELEASE.split("\n\n— ", maxsplit=1)[0] + "\n"
    office = _by_text(_quotes(nlp, unsigned), "400 jobs").speaker
    assert (office.name, office.role) == (None, "Minister of Transport")
    other = RELEASE.replace("— Minister Paul Okafor", "— Ilse Marsh, press officer")
    assert _by_text(_quotes(nlp, other), "400 jobs").speaker.name is None  # not the holder of the office


def test_the_body_that_issues_the_document_speaks_again(nlp: Any) -> None:
    # fictional update: the issuer is named on a header line the tagger does not read as a name
    text = ("Humanitarian Update: Harlow\nHarbour Relief Cell\nJuly 15, 2031\n\n"
            "The relief cell said 450 tons of food aid reached Harlow in June.\n")
    assert _speakers_with_entities(nlp, text)["450 tons of food aid reached Harlow in June"].name == (
        "Harbour Relief Cell")


def test_a_post_author_is_the_full_name_of_a_later_surname(nlp: Any) -> None:
    post = "The campaign is not over. Small cells remain west of the river."
    text = f'{post}\n\n"There are still attacks every week," Whitfield told reporters.\n'
    document = _doc(text, posts=(Post(0, len(post), author="Dana Whitfield", handle="@JTF_Spokes"),))
    found = list(quotes(document, nlp(text), []))
    assert _by_text(found, "attacks every week").speaker.name == "Dana Whitfield"


def test_asking_not_to_be_named_is_no_statement(nlp: Any) -> None:
    text = ("A senior security official, who asked not to be named because he was not authorized to speak, "
            "told the Valley Courier that 300 fighters remained.\n")
    found = _quotes(nlp, text)
    assert [q.cue for q in found] == ["told"] and found[0].speaker.anonymous
