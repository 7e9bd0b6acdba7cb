"""A fact check, as fact-checkers publish them: the claim checked under "CLAIM:", the rating under
"VERDICT:", the sources' replies, and a correction notice at the foot (issue 4, round 10). The
document is fictional, written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimledger.model import Document
from claimledger.pipeline import extract_all
from claimledger.values.metrics import metric_key
from conftest import extracted, linked_conflicts

FACT_CHECK = (
    "Fact check: Did the port levy really raise $2.1 million?\n\n"
    'CLAIM: "The levy has already paid for itself twice over," Councillor Dara Finch said at a council '
    "meeting on Monday.\n\n"
    "VERDICT: Mostly false.\n\n"
    "Finch chairs the council's finance committee. According to the city treasurer's quarterly report, the "
    "levy raised $2.1 million by the end of March.\n\n"
    '"We never said it had paid for itself twice," a spokesperson for the treasurer, Leon Bright, said. '
    '"It has covered its costs, no more."\n\n'
    "Finch later told reporters that she had meant the levy would pay for itself twice by December.\n\n"
    "Correction, 15 May: An earlier version of this article said the levy raised $2.4 million. The "
    "treasurer's report gives $2.1 million.\n\n"
    "The harbour minister, Sofia Lenz, said on Tuesday that the levy would not be scrapped.\n"
)


def _extract(nlp: Any) -> Any:
    return extracted(nlp, FACT_CHECK, "2031-05-14", author="Mira Osei")


def test_a_fact_checks_rubrics_are_not_speakers(nlp: Any) -> None:
    found = _extract(nlp)
    speakers = {(q.speaker.name or "").lower() for q in found.quotes}
    assert not speakers & {"claim", "verdict"}
    checked = next(q for q in found.quotes if q.text.startswith("The levy has already paid"))
    assert (checked.speaker.name, checked.speaker.role) == ("Dara Finch", "Councillor")
    assert checked.date == "2031-05-12"  # "said at a council meeting on Monday"
    later = next(q for q in found.quotes if "she had meant" in q.text)
    assert later.speaker.name == "Dara Finch"  # "Finch" is the councillor the claim line names
    assert not any(c.text.startswith(("Mostly false", "VERDICT")) for c in found.claims)


def test_a_correction_notice_withdraws_the_earlier_figure(nlp: Any) -> None:
    found = _extract(nlp)
    assert not [q for q in found.quotes if "2.4 million" in q.text]
    assert not [c for c in found.claims if "2.4 million" in c.text]
    corrected = [c for c in found.claims if c.text.startswith("The treasurer's report gives $2.1 million")]
    assert len(corrected) == 1 and corrected[0].speaker.name == "Mira Osei"


def test_a_titled_name_the_tagger_took_for_a_work_is_a_person_with_a_role(nlp: Any) -> None:
    found = _extract(nlp)
    people = {FACT_CHECK[e.start:e.end]: e for e in found.entities if e.label == "PERSON"}
    assert people["Dara Finch"].role == "Councillor"
    assert people["Leon Bright"].role == "spokesperson for the treasurer"  # not "treasurer"


def test_a_ministers_commitment_on_the_record_is_a_claim(nlp: Any) -> None:
    found = _extract(nlp)
    kept = [c for c in found.claims if "would not be scrapped" in c.text]
    assert len(kept) == 1 and kept[0].speaker.name == "Sofia Lenz" and kept[0].polarity == "negate"


RECORD = (
    "Parliamentary record: Questions to the Minister for Defence, 3 June 2031\n\n"
    "MR PETER HOLM (Northshore): Can the minister confirm how many soldiers remain in Varda?\n\n"
    "THE MINISTER FOR DEFENCE (Ms Anna Kovac): About 1,500 soldiers remain in Varda, down from 4,000 in "
    "January. The mission is not over.\n\n"
    "MR PETER HOLM: The minister told this house in March that all troops would be home by the summer.\n\n"
    "MS ANNA KOVAC: The coalition has 79 members. Two more countries have asked to join.\n"
)


def test_a_parliamentary_records_office_holder_is_named_and_the_record_dated(nlp: Any) -> None:
    from claimledger.clean.dates import DateEvidence, infer_published
    from claimledger.clean.lines import text_lines
    from claimledger.clean.text import clean_lines

    cleaned = clean_lines(text_lines(RECORD))
    published = infer_published(DateEvidence(cleaned.text, cleaned.timestamps))
    document = Document(id="pr", source="pr.txt", text=cleaned.text, published=published)
    found = extract_all(document, nlp(cleaned.text))
    assert document.published.date == "2031-06-03"  # the title line dates the record
    by_text = {q.text.split(".")[0]: q.speaker for q in found.quotes}
    minister = by_text["About 1,500 soldiers remain in Varda, down from 4,000 in January"]
    assert (minister.name, minister.role) == ("Anna Kovac", "Minister for Defence")
    later = by_text["The coalition has 79 members"]
    assert (later.name, later.role) == ("Anna Kovac", "Minister for Defence")  # "MS ANNA KOVAC:" is the minister
    # what a turn asks, and a request, stay the turn's own words; what it reports was said is taken out
    assert by_text["Can the minister confirm how many soldiers remain in Varda?"].name == "Peter Holm"
    assert "Two more countries have asked to join" in _turn_text(found, "The coalition has 79 members")
    reported = next(q for q in found.quotes if q.text.startswith("that all troops would be home"))
    assert reported.speaker.name == "Anna Kovac" and reported.date == "2031-03"


def _turn_text(found: Any, opening: str) -> str:
    return next(q.text for q in found.quotes if q.text.startswith(opening))


FOLLOW_UP = (
    "Coalition grows to about 80 members, minister says\n\n"
    "By Tomas Reyes, Harbour Wire | 20 June 2031\n\n"
    "KELLMAR \u2014 The coalition now has about 80 members, Defence Minister Anna Kovac said on Friday. Kovac "
    "also said that roughly 1,200 soldiers remained in Varda.\n\n"
    "A senior coalition official, who asked not to be named, said the real number of soldiers in Varda was "
    "closer to 2,000.\n"
)
LEVY = (
    "Port levy brings in millions\n\nBy Mira Osei, Harbour Wire | 14 May 2031\n\n"
    "Councillor Dara Finch defended the $40 port levy introduced in January. According to the city "
    "treasurer's quarterly report, the levy raised $2.1 million by the end of March.\n"
)


def test_what_a_speaker_thinks_of_a_figure_is_no_part_of_what_it_counts() -> None:
    assert metric_key("real number of soldiers", "count", "Varda") == metric_key("soldiers", "count", "Varda")


def test_across_sources_the_figures_are_compared_as_a_reader_would(tmp_path: Path) -> None:
    rows = linked_conflicts(tmp_path, {"record.txt": RECORD, "follow.txt": FOLLOW_UP, "levy.txt": LEVY},
                            ("contradict", "update"))
    pairs = {(r["relation"], frozenset((r["a"]["quote"], r["b"]["quote"]))) for r in rows}
    official = "the real number of soldiers in Varda was closer to 2,000"
    minister = "that roughly 1,200 soldiers remained in Varda"
    assert ("contradict", frozenset((official, minister))) in pairs  # one day, two figures
    earlier = next(r for r in rows if r["relation"] == "update" and r["same_speaker"])
    assert {earlier["a"]["speaker"], earlier["b"]["speaker"]} == {"Anna Kovac"}  # her own figure fell
    # a levy's rate and what it raised are two figures: no "update" from $40 to $2.1 million
    assert not [r for r in rows if "$40" in r["a"]["quote"] + r["b"]["quote"]]
