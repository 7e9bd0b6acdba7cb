"""A story built on other people's reports: a headline quote with its own cue, an outlet's report
"citing" officials, a report the paper "could not confirm", two officials speaking together, a
leaked memo "seen by the Gazette" (issue 4, round 10). The story is fictional, written for these
tests."""

from __future__ import annotations

from typing import Any

from claimledger.extract.claims import checkworthiness
from conftest import extracted

STORY = (
    'Varda talks: "We will not retreat," says general\n\n'
    "The coalition is preparing to pull 500 soldiers out of Varda by September, Harbour Wire reported on "
    "Monday, citing two officials familiar with the plan.\n\n"
    "The Meridian Gazette could not independently confirm the report.\n\n"
    "Speaking at a joint news conference in Kellmar, General Sara Holt and Foreign Minister Ruben Adler both "
    "said no decision had been taken. Adler added that talks with the militia had not begun.\n\n"
    "According to a leaked memo seen by the Gazette, commanders asked for 300 more soldiers in June.\n\n"
    "The two officials told Harbour Wire the pullout would be announced after the September summit.\n\n"
    'Asked whether the coalition had lost ground, Holt said: "Not one metre."\n'
)


def _extract(nlp: Any) -> Any:
    return extracted(nlp, STORY, "2031-07-08", author="Lena Ortiz", publisher="Meridian Gazette")


def _quote(found: Any, opening: str) -> Any:
    return next(q for q in found.quotes if q.text.startswith(opening))


def test_a_headline_quote_with_its_own_cue_is_not_the_words_before_the_colon(nlp: Any) -> None:
    found = _extract(nlp)
    headline = _quote(found, "We will not retreat,")
    assert headline.cue == "says" and headline.speaker.role == "general" and headline.speaker.name is None


def test_what_a_report_relies_on_and_what_could_not_be_confirmed_are_no_statements(nlp: Any) -> None:
    found = _extract(nlp)
    assert not [q for q in found.quotes if q.text.startswith(("two officials familiar", "the report"))]
    told = _quote(found, "the pullout would be announced")
    assert told.reported_by == "Harbour Wire"  # the entity stage knows the outlet the tagger took for a person


def test_two_people_speaking_together_after_an_opening_phrase(nlp: Any) -> None:
    found = _extract(nlp)
    together = _quote(found, "no decision had been taken")
    assert together.speaker.name == "Sara Holt and Ruben Adler"
    adler = _quote(found, "that talks with the militia")
    assert (adler.speaker.name, adler.speaker.role) == ("Ruben Adler", "Foreign Minister")
    assert any(c.text == "no decision had been taken" for c in found.claims)  # "No" is no interjection here


def test_a_memo_the_paper_has_seen_speaks_for_itself(nlp: Any) -> None:
    found = _extract(nlp)
    memo = _quote(found, "commanders asked for 300 more soldiers")
    assert memo.speaker.name is None and "memo" in (memo.speaker.role or "")


def test_a_quoted_figure_is_not_counted_as_its_speaker_and_a_plan_looks_ahead(nlp: Any) -> None:
    found = _extract(nlp)
    metre = next(c for c in found.claims if "Not one metre" in c.text)
    assert metre.metric is None and metre.text == 'Holt said: "Not one metre."'
    plan = next(c for c in found.claims if c.text.startswith("The coalition is preparing"))
    assert plan.as_of == "2031-09"  # "preparing to … by September": this September, not last year's


def test_an_interjection_must_stand_apart(nlp: Any) -> None:
    well = nlp("Well over 100 people died in the floods on Tuesday.")
    assert checkworthiness(well[:]) >= 0.5
    assert checkworthiness(nlp("No, thank you.")[:]) < 0.1
