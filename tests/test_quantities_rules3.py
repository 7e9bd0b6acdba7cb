"""Rules added in the third NewsQuant round (issue 3): what a price, a paid sum or a change "by"
a figure is about, the name before a market move, and "up" that is no rise.

Every sentence here is made up for the test (fictional shops, teams and figures)."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.extract.quantities import quantities
from claimledger.extract.times import times
from claimledger.model import Document, Published, Quantity


def run(nlp: Any, text: str) -> dict[str, Quantity]:
    doc = Document(id="doc_rules3", source="test", text=text, published=Published("2022-05-06", "day"))
    parsed = nlp(text)
    found = list(quantities(doc, parsed, list(times(doc, parsed)), []))
    for quantity in found:
        assert text[quantity.start:quantity.end] == quantity.text
    return {q.text: q for q in found}


def test_a_price_or_a_change_by_a_figure_is_about_the_verbs_object(nlp: Any) -> None:
    found = run(nlp, "It will also widen the cargo bay by about 12 metres.")
    assert found["about 12 metres"].counted == "cargo bay"
    found = run(nlp, "Get the Velvet Reading Lamp at Brightly Home for $48.10.")
    assert "Lamp" in (found["$48.10"].counted or "")


def test_a_sum_paid_is_about_what_it_pays_for(nlp: Any) -> None:
    found = run(nlp, "Last spring, I paid $21,400 for a heat pump.")
    assert found["$21,400"].counted == "heat pump"
    # with a named subject too (round 9: what is paid for is the metric, not who pays)
    found = run(nlp, "The Morrow council paid $8,000 for new benches.")
    assert found["$8,000"].counted == "new benches"


def test_a_name_before_a_signed_move_is_what_moved(nlp: Any) -> None:
    found = run(nlp, "At the close in Vell: Harbex +0.7% Tomsa -1.2%.")
    assert found["0.7%"].change == "up" and found["0.7%"].counted == "Harbex"
    assert found["-1.2%"].change == "down" and found["-1.2%"].counted == "Tomsa"


def test_up_that_is_no_rise_and_a_level_before_a_move(nlp: Any) -> None:
    found = run(nlp, "The Greyford defence gave up 402 passing yards on Sunday.")
    assert found["402"].change is None
    found = run(nlp, "Coral Exchange index (8,211.40 up 31.2 points).")
    assert found["8,211.40"].change is None
    assert found["31.2 points"].change == "up"
    found = run(nlp, "Shares of Pellam were up 6% on the news.")
    assert found["6%"].change == "up"


def test_a_range_moved_by_in_a_named_scale_and_a_revision_upward(nlp: Any) -> None:
    found = run(nlp, "Lake temperatures dropped by 2 to 2.5 degrees Celsius over the decade.")
    assert found["2 to 2.5 degrees Celsius"].change == "down"
    found = run(nlp, "Operating profit was revised upward by $30 million.")
    assert found["$30 million"].change == "up"
    found = run(nlp, "The forecast was revised downward by 4%.")
    assert found["4%"].change == "down"


def test_a_list_of_moves_with_the_verb_left_out(nlp: Any) -> None:
    found = run(nlp, "Shares of Ostrel were down 2.1%, Quanby by 3.4% and Lumo Retail was down 0.8%.")
    assert found["3.4%"].change == "down" and found["3.4%"].counted == "Quanby"
    # a figure in another unit is not part of the list
    found = run(nlp, "Ostrel was down 2.1%, Quanby 40 staff on Monday.")
    assert found["40"].change is None



def test_a_figure_put_on_an_estimate_is_about_what_is_estimated(nlp: Any) -> None:
    """Issue 4, round 8: "officials put the death toll at 40" counts the toll, not the officials."""
    found = run(nlp, "Health officials in Varda put the death toll at 40 on Tuesday.")
    assert found["40"].counted == "death toll"
    found = run(nlp, "The insurer estimated the damage at $2 billion.")
    assert found["$2 billion"].counted == "damage"
    # no object to put the figure on (a passive): the subject, as before
    found = run(nlp, "Ticket prices were set at $5 this year.")
    assert found["$5"].counted == "Ticket prices"


def test_a_number_that_refers_back_counts_what_the_figure_before_it_counts(nlp: Any) -> None:
    """Issue 4, round 8 (a fictional situation report): "14 are missing" and "9,400 of them" had
    nothing counted."""
    found = run(nlp, "At least 52 people have died and 14 are missing.")
    assert found["14"].counted == "people"
    found = run(nlp, "More than 18,000 people are displaced; 9,400 of them are in shelters.")
    assert found["9,400"].counted == "people"
    found = run(nlp, "Prices rose 3% and 2 were flat.")
    assert found["2"].unit is None  # a count after a share is not a share


def test_a_count_since_a_date_is_as_of_when_it_is_stated(nlp: Any) -> None:
    """Issue 4, round 9 (fictional): eleven wounded "since March 1" is a count as of the story's
    date, not as of March 1; on March 1 it is."""
    found = run(nlp, "Eleven soldiers have been wounded since March 1, two of them seriously.")
    assert found["Eleven"].as_of != "2022-03-01"
    found = run(nlp, "Eleven soldiers were wounded on March 1.")
    assert found["Eleven"].as_of == "2022-03-01"


@pytest.mark.parametrize(("sentence", "figure", "counted"), [
    ("Last year the ministry spent $35 million on port maintenance.", "$35 million", "port maintenance"),
    ("Donors had pledged $11.2 million for the relief effort by Tuesday.", "$11.2 million", "relief effort"),
    ("The ministry announces $120 million for harbour wall repairs.", "$120 million", "harbour wall repairs"),
])
def test_a_sum_is_about_what_it_is_spent_on(nlp: Any, sentence: str, figure: str, counted: str) -> None:
    """Issue 4, round 9 (fictional): a sum spent, pledged or announced "on"/"for" something is about
    that thing, not about who spends it (two budgets of one ministry are not one metric)."""
    assert run(nlp, sentence)[figure].counted == counted


def test_work_done_to_something_counts_what_it_is_done_to(nlp: Any) -> None:
    """Issue 4, round 9 (fictional): "repairs to the Varda dam" is not "harbour wall repairs"."""
    from claimledger.values.metrics import metric_key

    found = run(nlp, "Repairs to the Varda dam will cost more than $25 million.")
    counted = found["more than $25 million"].counted
    assert counted is not None and "Varda dam" in counted
    assert metric_key(counted, "currency", None) != metric_key("harbour wall repairs", "currency", None)


def test_an_interview_label_is_not_what_is_counted(nlp: Any) -> None:
    found = run(nlp, "Q: How much has the strike cost?\n\nA: About $30 million so far.\n")
    assert found["About $30 million"].counted != "A"
