"""What a court report and a live page showed (issue 4, round 9). All sentences are fictional,
written for these tests."""

from __future__ import annotations

from typing import Any

from claimledger.clean.lines import text_lines
from claimledger.clean.text import clean_lines
from claimledger.extract.attribution import attributions
from claimledger.model import Claim, Document, Published
from claimledger.pipeline import extract_all
from conftest import linked_conflicts


def _statements(nlp: Any, text: str) -> dict[str, Any]:
    doc = Document(id="t", source="test", text=text)
    return {text[a.start:a.end]: a for a in attributions(doc, nlp(text))}


def _claims(nlp: Any, text: str) -> list[Claim]:
    document = Document(id="c", source="c.txt", text=text, author="Omar Haddad",
                        published=Published("2031-06-18", "day", "text"))
    return extract_all(document, nlp(text)).claims


def test_saying_nothing_is_no_statement(nlp: Any) -> None:
    text = ("Ruiz did not respond to a request for comment on Tuesday. Her chief of staff declined to say "
            "when talks might begin. The port authority replied to questions by email. Sanz said the city "
            "would appeal.\n")
    found = _statements(nlp, text)
    assert not any("request for comment" in t or "talks might begin" in t for t in found)
    assert "the city would appeal" in found


def test_a_short_subject_before_a_parenthetical_cue_is_part_of_the_statement(nlp: Any) -> None:
    text = "The levy, she added, could not be collected until a new consultation was held.\n"
    found = _statements(nlp, text)
    assert "The levy" in found
    claims = _claims(nlp, "Judge Helena Markovic ruled on Tuesday. " + text)
    assert any(c.text.startswith("The levy, she added, could not be collected") for c in claims)


def test_the_writers_assertion_before_a_statement_hung_off_it_is_a_claim(nlp: Any) -> None:
    text = ("A regional court on Tuesday suspended the $40 port levy that Mayor Ana Ruiz introduced in April, "
            "ruling that the city had failed to consult shipping firms as the law requires.\n")
    claims = _claims(nlp, text)
    main = [c for c in claims if c.text.startswith("A regional court on Tuesday suspended the $40 port levy")]
    assert len(main) == 1 and main[0].speaker.name == "Omar Haddad" and main[0].quote is None
    assert main[0].text.endswith("introduced in April")


def test_a_live_page_timestamp_line_and_a_dateline_with_a_full_stop_date_the_document() -> None:
    live = clean_lines(text_lines(
        "Flooding in the valley: live updates\n\nHarbour Wire live team | Updated 6 March 2031, 14:05\n\n"
        "14:05 — The governor says the dam is holding.\n"))
    assert "Harbour Wire live team" not in live.text
    assert live.timestamps == ("Harbour Wire live team | Updated 6 March 2031, 14:05",)
    from claimledger.clean.dates import DateEvidence, infer_published

    text = "Judge blocks port levy\n\nMeridian, 18 June 2031. A regional court suspended the levy.\n"
    assert infer_published(DateEvidence(text=text)).date == "2031-06-18"


def test_the_weekend_and_a_forecast_day_on_a_sunday_report() -> None:
    import datetime as dt

    from claimledger.extract.times import find_times

    sunday = dt.date(2031, 3, 9)
    def values(text: str, anchor: dt.date) -> dict[str, str | None]:
        return {text[m.start:m.end]: m.value for m in find_times(text, anchor)}
    # on a Sunday, "the weekend" is the one it falls in, not the next
    assert values("River levels fell over the weekend.", sunday)["the weekend"] == "2031-03-08/2031-03-09"
    # on a weekday, the one just past, or the coming one when the sentence looks ahead
    wednesday = dt.date(2031, 3, 12)
    assert values("Levels fell over the weekend.", wednesday)["the weekend"] == "2031-03-08/2031-03-09"
    assert values("Crews will work over the weekend.", wednesday)["the weekend"] == "2031-03-15/2031-03-16"
    assert values("More rain is forecast for Thursday.", sunday)["Thursday"] == "2031-03-13"


def test_a_situation_reports_figures(nlp: Any) -> None:
    text = ("At least 14,500 people remain displaced, up from 12,000 on 6 March.\n\n"
            "Two more deaths were confirmed on 8 March, bringing the toll to 54.\n\n"
            "River levels fell by about 30 centimetres over the weekend, but the hydrology agency warned "
            "that more rain is forecast.\n")
    document = Document(id="s", source="s.txt", text=text, publisher="Relief Coordination Cell",
                        published=Published("2031-03-09", "day", "text"))
    found = extract_all(document, nlp(text))
    by_text = {q.text: q for q in found.quantities}
    assert by_text["12,000"].as_of == "2031-03-06"  # the earlier figure's date ...
    assert by_text["At least 14,500"].as_of != "2031-03-06"  # ... is not the current one's
    displaced = next(c for c in found.claims if "14,500" in c.text)
    assert displaced.as_of == "2031-03-09"
    assert by_text["54"].counted == "toll"
    river = next(c for c in found.claims if c.text.startswith("River levels"))
    assert river.text == "River levels fell by about 30 centimetres over the weekend"


RELEASE = (
    "FOR IMMEDIATE RELEASE\n12 April 2031\n\n"
    "Ministry of Transport announces $120 million for harbour wall repairs\n\n"
    "MERIDIAN — The Ministry of Transport will spend $120 million over three years to rebuild the "
    "harbour wall, the ministry announced today.\n\n"
    '"Work will begin in June," said Minister of Transport Paul Okafor.\n'
)


def test_a_press_release_title_speaker_and_dateline(nlp: Any) -> None:
    from claimledger.clean import clean_document
    from claimledger.ingest import RawInput
    from claimledger.settings import Settings

    document = clean_document(RawInput(source="release.txt", data=RELEASE.encode(), kind="text"), "r", Settings())
    assert document.title == "Ministry of Transport announces $120 million for harbour wall repairs"
    found = extract_all(document, nlp(document.text))
    spend = next(q for q in found.quotes if "will spend" in q.text)
    assert spend.text.startswith("The Ministry of Transport")  # not "MERIDIAN — The Ministry …"
    work = next(q for q in found.quotes if "Work will begin" in q.text)
    assert (work.speaker.name, work.speaker.role) == ("Paul Okafor", "Minister of Transport")
    opinion = clean_document(RawInput(source="o.txt", data=b"Opinion: The port levy was never about the wall\n\n"
                                      b"By Tessa Lindqvist\n\nI have lived in Meridian for thirty years.\n",
                                      kind="text"), "o", Settings())
    assert opinion.title == "Opinion: The port levy was never about the wall"


def test_figures_of_people_are_one_metric_only_with_what_happened_to_them() -> None:
    from claimledger.values.metrics import what_happened

    def around(text: str, figure: str) -> str | None:
        at = text.index(figure)
        return what_happened(text, at, at + len(figure))
    assert around("at least 40 people had died in the shelling", "at least 40 people") == "deaths"
    assert around("At least 14,500 people remain displaced", "At least 14,500 people") == "displaced people"
    assert around("1,200 people have left their homes in the valley", "1,200 people") == "displaced people"
    assert around("it plans to reach 25,000 people by May", "25,000 people") == "people reach"
    assert around("a few hundred people hold this city hostage", "a few hundred people") is None


def test_a_ledger_of_situation_figures_has_no_false_contradiction(tmp_path: Any) -> None:
    rows = linked_conflicts(tmp_path, {
        "a.txt": "Aid office update, 4 March 2031\n\nThe aid office said it plans to reach 25,000 people "
                 "by the end of the month.\n\nReports from Sefra say at least 40 people had died in the "
                 "shelling on 4 March.\n",
        "b.txt": "Situation report, 9 March 2031\n\nTwo more deaths were confirmed on 8 March, the "
                 "health office said.\n\nThe health office said 61 people had died in the floods by 9 March.\n"
                 "\nThe ministry spent $35 million on port maintenance last year, it said.\n",
    }, ("contradict", "update", "agree"))
    explained = [r["explanation"] for r in rows]
    assert not any("25,000" in e for e in explained)  # people reached are not people dead
    assert not any(" 2 " in e or "to 2 (" in e for e in explained)  # "two more deaths" is an increment
    assert any("'deaths'" in e and "61" in e for e in explained)  # at least 40 dead, then 61: they agree


def test_a_dated_title_line_is_no_claim(nlp: Any) -> None:
    text = "Aid office update, 4 March 2031\n\nThe aid office said 40 people had died in the shelling.\n"
    claims = _claims(nlp, text)
    assert not any(c.text.startswith("Aid office update") for c in claims)
    assert any("40 people had died" in c.text for c in claims)


ANON = (
    "Coalition weighs troop cut\n\nBy Dana Kell, Harbour Wire, 7 March 2031\n\n"
    "The coalition is considering withdrawing about 1,500 of its 4,000 soldiers from Varda by the summer, "
    "a senior defence official who spoke on condition of anonymity told Harbour Wire on Friday.\n\n"
    "Two diplomats familiar with the talks said some members wanted to keep all troops in place.\n\n"
    'Defence Minister Oskar Lind denied the report. "There is no plan to reduce our presence," he told '
    "reporters in the capital.\n"
)


def test_a_denial_of_the_report_contradicts_the_storys_lead_report(tmp_path: Any) -> None:
    rows = linked_conflicts(tmp_path, {"anon.txt": ANON}, ("contradict",))
    assert len(rows) == 1
    row = rows[0]
    report, denial = sorted((row["a"], row["b"]), key=lambda side: "denied" in side["quote"])
    assert "considering withdrawing" in report["quote"] and report["role"] == "official"
    assert denial["speaker"] == "Oskar Lind" and "denied the report" in denial["quote"]
    assert "denies the report" in row["explanation"]


def test_a_denial_with_no_report_before_it_links_nothing(tmp_path: Any) -> None:
    text = ("Minister denies troop cut\n\nBy Dana Kell, Harbour Wire, 7 March 2031\n\n"
            "Defence Minister Oskar Lind on Friday denied the reports of a troop cut in Varda.\n")
    assert linked_conflicts(tmp_path, {"lone.txt": text}, ("contradict",)) == []


def test_a_statement_too_short_to_stand_alone_is_claimed_with_its_cue(nlp: Any) -> None:
    text = ("The coalition said on Wednesday that its campaign is not over, hours after President Ilse Varga "
            "declared the group defeated.\n")
    claims = _claims(nlp, text)
    declared = [c for c in claims if c.text == "President Ilse Varga declared the group defeated"]
    assert len(declared) == 1 and declared[0].speaker.name == "Ilse Varga"
    assert any(c.text == "that its campaign is not over" for c in claims)


def test_declaring_an_enemy_defeated_is_saying_the_fight_has_ended() -> None:
    from claimledger.link.statements import status

    assert status("President Ilse Varga declared the Red Hand defeated") == "ended"
    assert status("The president declared victory over the Red Hand") == "ended"
    assert status("The Red Hand has been wiped out") == "ended"
    assert status("The governor declared a state of emergency over the floods") is None
