"""Rules added in the second NewsQuant round (issue 3): elliptic units, moves "from X to Y",
signs, index names and addresses, wire-copy currency marks, and the scorer's mapping to CQE.

Every sentence here is made up for the test (fictional companies, places and figures)."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.evaluation import newsquant
from claimledger.extract.quantities import find_quantities, quantities
from claimledger.extract.times import times
from claimledger.model import Document, Published, Quantity


def run(nlp: Any, text: str) -> list[Quantity]:
    doc = Document(id="doc_rules2", source="test", text=text, published=Published("2021-03-04", "day"))
    parsed = nlp(text)
    out = list(quantities(doc, parsed, list(times(doc, parsed)), []))
    for quantity in out:
        assert text[quantity.start:quantity.end] == quantity.text
    return out


def by_text(found: list[Quantity]) -> dict[str, Quantity]:
    return {q.text: q for q in found}


def test_a_bare_number_takes_the_unit_of_its_neighbour(nlp: Any) -> None:
    found = by_text(run(nlp, "The Harbour index lost 41.5 points to 7,120.3, and the Vale index fell 2% to 980.4."))
    assert found["7,120.3"].unit == "pt"  # the level after "to" takes points, never the percent
    assert found["980.4"].unit == "pt"
    found = by_text(run(nlp, "The two builders will sell 310 flats by ballot and 95 by auction."))
    assert found["95"].unit is None and found["95"].counted == "flats"
    found = by_text(run(nlp, "The screens come in a 7- or 9-inch size and cost about 8 or $12."))
    assert found["7"].unit == "in" and found["about 8"].unit == "USD"


def test_a_bare_number_with_its_own_word_keeps_its_own_reading(nlp: Any) -> None:
    found = by_text(run(nlp, "The club sold 4,000 tickets and 12 players left."))
    assert found["12"].counted == "players"
    found = by_text(run(nlp, "The plan took 3 years and 40 engineers."))
    assert found["40"].counted == "engineers" and found["40"].unit is None


def test_a_move_from_one_figure_to_another_is_one_range(nlp: Any) -> None:
    found = run(nlp, "The token slid from $41,200 overnight to $39,800, a 3.4 percent drop.")
    ranged = [q for q in found if q.qualifier == "range"]
    assert len(ranged) == 1 and (ranged[0].low, ranged[0].high, ranged[0].unit) == (39800, 41200, "USD")
    found = run(nlp, "Her weight went from 90 kilograms to 84 in a year.")
    assert [(q.low, q.high, q.unit) for q in found if q.qualifier == "range"] == [(84, 90, "kg")]
    found = run(nlp, "Listings range from $370,000 to $5.5 million.")
    assert [(q.low, q.high) for q in found] == [(370000, 5.5e6)]


def test_minus_sub_and_tilde(nlp: Any) -> None:
    found = by_text(run(nlp, "The probe measured minus-180 degrees Fahrenheit and about minus 40 Celsius."))
    assert found["minus-180 degrees Fahrenheit"].value == -180
    assert found["about minus 40 Celsius"].value == -40 and found["about minus 40 Celsius"].qualifier == "approx"
    sub = run(nlp, "The foundry makes sub-5 nanometer chips.")
    assert [(q.value, q.qualifier, q.unit) for q in sub] == [(5, "less_than", "nm")]
    tilde = run(nlp, "The sample weighed ~45g.")
    assert [(q.value, q.qualifier) for q in tilde] == [(45, "approx")]


def test_signed_percents_and_restated_moves_are_changes(nlp: Any) -> None:
    found = by_text(run(nlp, "At noon: Alpha 40 +0.4% Beta -1.2%."))
    assert found["0.4%"].change == "up" and found["-1.2%"].change == "down"
    found = by_text(run(nlp, "The gauge lost 52 points, or 1.1%, on Monday."))
    assert found["1.1%"].change == "down"
    found = by_text(run(nlp, "Payrolls grew by 8,400 positions or 1.3 per cent."))
    assert found["8,400"].change == "up" and found["1.3 per cent"].change == "up"
    found = by_text(run(nlp, "The gauge rose 0.4 per cent to end at 1,210.5."))
    assert found["0.4 per cent"].change == "up" and found["1,210.5"].change is None


def test_index_names_addresses_and_zip_codes_are_not_quantities(nlp: Any) -> None:
    assert run(nlp, "The S&P 500 and the FTSE 100 were both closed.") == []
    assert [q.text for q in run(nlp, "She bought 14 W 52nd St for $4 million.")] == ["$4 million"]
    assert run(nlp, "Homes in the 90210 ZIP code sold fast.") == []


def test_lost_currency_signs_in_wire_copy() -> None:
    def read(text: str) -> list[tuple[float, str | None]]:
        return [(f.value.value, f.value.unit) for f in find_quantities(text)]

    assert read("net profit of Y=120 billion") == [(120e9, "JPY")]
    assert read("a PS6.5m bonus and a PS21,700 fee") == [(6.5e6, "GBP"), (21700, "GBP")]
    assert read("The PS5 console") == []  # a product name, not pounds
    assert read("fares of HK $1,250") == [(1250, "HKD")]


def test_one_of_a_group_and_compounds(nlp: Any) -> None:
    assert [q.value for q in run(nlp, "It is one of the busiest ports in the region.")] == [1]
    assert run(nlp, "A third-party audit followed.") == []


def test_glued_units_on_ranges() -> None:
    def read(text: str) -> list[tuple[float, float | None, str | None]]:
        return [(f.value.low or 0.0, f.value.high, f.value.unit) for f in find_quantities(text)]

    assert read("a 5-10W lamp") == [(5, 10, "W")]
    assert read("between 15kHz and 17kHz") == [(15, 17, "kHz")]
    assert read("cook for 25 – 40min") == [(25, 40, "min")]


def _quantity(text: str, **fields: Any) -> Quantity:
    base: dict[str, Any] = {"id": "q", "doc": "d", "start": 0, "end": len(text), "text": text, "value": 1.0}
    base.update(fields)
    return Quantity(**base)


def test_scorer_maps_ranges_vague_amounts_and_counts_to_cqe() -> None:
    # a range is an interval: its ends match in either order ("fell from 9 to 7" is written 9-7)
    falling = newsquant.gold_item({"value": "9-7", "normalized_unit": "dollar"})
    assert falling is not None
    assert newsquant.CHECKS["value"](newsquant.Item(7, 9, "dollar", "=", frozenset()), falling)
    assert not newsquant.CHECKS["value"](newsquant.Item(7, 8, "dollar", "=", frozenset()), falling)
    # a vague plural is the order of magnitude it names, labelled "="
    thousands = _quantity("thousands", value=5500, low=2000, high=9999, qualifier="vague", counted="jobs")
    item = newsquant.predicted_item(thousands, None, "thousands of jobs")
    assert (item.low, item.high, item.change) == (1000, 10000, "=")
    dozens = _quantity("Dozens", value=60, low=24, high=99, qualifier="vague")
    assert newsquant.predicted_item(dozens, None, "Dozens").low == 12
    # every word of a count's noun is lemmatized; "times" is CQE's "count"
    lemma = {"recorded": "record", "songs": "song", "times": "time"}.get
    songs = _quantity("300", value=300, counted="recorded songs", end=3)
    assert newsquant.cqe_unit(songs, lambda w: lemma(w) or w) == "record song"
    bottles = _quantity("8", value=8, counted="bottles of water", end=1)
    assert newsquant.cqe_unit(bottles, lambda w: {"bottles": "bottle"}.get(w, w)) == "bottle"
    times_ = _quantity("40", value=40, counted="times", end=2)
    assert newsquant.cqe_unit(times_, lambda w: lemma(w) or w) == "count"
    # a count that shares its noun with a neighbour ("310 flats ... and 95 by auction") has that unit
    text = "They will sell 310 flats and 95 by auction."
    shared = _quantity("95", value=95, counted="flats", start=text.index("95"), end=text.index("95") + 2)
    assert newsquant.predicted_item(shared, None, text).unit == "flats"
    # whole-unit names come before splitting a rate
    assert newsquant.cqe_unit(_quantity("7.4 rpg", unit="reb/game", unit_class="other")) == "rebound per game"


@pytest.mark.parametrize("text", ["minus", "sub-", "from 5 to", "Y=", "PS", "S&P 500", "~", "minus-"])
def test_fragments_never_crash(nlp: Any, text: str) -> None:
    run(nlp, text)


def test_units_read_by_their_case() -> None:
    def read(text: str) -> list[tuple[float, str | None]]:
        return [(f.value.value, f.value.unit) for f in find_quantities(text)]

    assert read("Shares closed at 164p.") == [(164, "GBP_pence")]
    assert read("the 5G network") == [(5, "gen")]
    assert read("It weighs 45g.") == [(45, "g")]
    assert read("a 300 PS engine with 450 Nm") == [(300, "PS"), (450, "N.m")]
    assert read("the meeting at 5pm") == []
    assert read("the G7 summit") == []


def test_a_change_and_its_level_are_not_a_range() -> None:
    def spans(text: str) -> list[str]:
        return [text[f.start:f.end] for f in find_quantities(text)]

    assert spans("Shares rose 4p to 164p.") == ["4p", "164p"]
    assert spans("Prices climbed 10% to 12%.") == ["10%", "12%"]
    assert spans("Growth of 5% to 7% is expected.") == ["5% to 7%"]
    assert newsquant.cqe_unit(_quantity("164p", unit="GBP_pence", unit_class="currency")) == "point"


def test_a_level_reached_is_not_an_upper_bound() -> None:
    def read(text: str) -> list[tuple[str, str]]:
        return [(text[f.start:f.end], f.value.qualifier) for f in find_quantities(text)]

    assert read("Inflation crept back up to 3.1 percent.") == [("3.1 percent", "exact")]
    assert read("The fund will pay up to $12 a share.")[0][1] == "at_most"


def test_the_noun_a_relative_clause_hangs_from_is_the_referent(nlp: Any) -> None:
    from claimledger.extract.quantities import referent

    text = "Zanbo, which has 40 million users, raised prices."
    parsed = nlp(text)
    start = text.index("40")
    assert referent(parsed, start, start + len("40 million")) == "Zanbo"


def test_shares_of_a_group() -> None:
    def read(text: str) -> list[tuple[str, float, str]]:
        return [(text[f.start:f.end], round(f.value.value, 3), f.value.qualifier) for f in find_quantities(text)]

    assert read("One fourth of the voters stayed home.") == [("One fourth", 0.25, "exact")]
    assert read("One out of three tenants complained.") == [("One out of three", 0.333, "exact")]
    assert read("Almost half of the staff work remotely.") == [("Almost half", 0.5, "approx")]
    assert read("One in 10 adults smokes.") == [("One in 10", 0.1, "exact")]
    assert read("They scored in the second half.") == []


def test_a_conversion_in_brackets_keeps_the_qualifier(nlp: Any) -> None:
    found = by_text(run(nlp, "The geese fly more than 300 kilometers (186 miles) a day."))
    assert found["186 miles"].qualifier == "more_than"
    found = by_text(run(nlp, "The beam is lower than 9.5 ksi (65.5 MPa)."))
    assert found["lower than 9.5 ksi"].qualifier == "less_than" and found["65.5 MPa"].qualifier == "less_than"
    found = by_text(run(nlp, "The lake is 40 kilometers (25 miles) long."))
    assert found["25 miles"].qualifier == "exact"
