"""Quantity extraction on made-up news sentences (written for these tests; fictional)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.evaluation import newsquant
from claimledger.extract.quantities import find_quantities, quantities
from claimledger.extract.times import times
from claimledger.model import Document, Place, Published, Quantity


def run(nlp: Any, text: str, published: str | None = "2019-05-15", places: list[Place] | None = None
        ) -> list[Quantity]:
    doc = Document(id="doc_test", source="test", text=text, published=Published(published, "day"))
    parsed = nlp(text)
    found_times = list(times(doc, parsed))
    out = list(quantities(doc, parsed, found_times, places or []))
    for quantity in out:
        assert text[quantity.start:quantity.end] == quantity.text
    return out


def only(nlp: Any, text: str) -> Quantity:
    found = run(nlp, text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


# must find: (sentence, value, low, high, qualifier, unit, unit_class, words expected in counted)
MUST_FIND = [
    ("The militia once held more than 20,000 square miles of land.", 20000, 20000, None, "more_than",
     "mi2", "area", "land"),
    ("An estimated 5 million people left the valley.", 5e6, 4.5e6, 5.5e6, "approx", None, "count", "people"),
    ("Roughly 10,000 foreign fighters crossed the border.", 10000, 9000, 11000, "approx", None, "count",
     "foreign fighters"),
    ("The ministry spent over 104 million dollars on roads.", 104e6, 104e6, None, "more_than", "USD",
     "currency", None),
    ("The convoy carried about 45 tons of flour.", 45, 40.5, 49.5, "approx", "t", "mass", "flour"),
    ("Approximately 2,000 U.S. service members stay on the base.", 2000, 1800, 2200, "approx", None,
     "count", "U.S. service members"),
    ("Sixty high-value targets were struck.", 60, 60, 60, "exact", None, "count", "targets"),
    ("Tens of thousands of fighters gave up their weapons.", 20000, 20000, 99999, "vague", None, "count",
     "fighters"),
    ("The 79-member coalition met in the capital.", 79, 79, 79, "exact", None, "count", "coalition members"),
    ("Turnout reached 100 percent in the village.", 100, 100, 100, "exact", "%", "percent", None),
    ("Dozens of houses burned overnight.", 24, 24, 99, "vague", None, "count", "houses"),
    ("The agency asked for $3.4bn in aid.", 3.4e9, 3.4e9, 3.4e9, "exact", "USD", "currency", "aid"),
    ("Between 2 and 3 million voters stayed home.", 2.5e6, 2e6, 3e6, "range", None, "count", "voters"),
    ("Up to 300 workers could lose their jobs.", 300, None, 300, "at_most", None, "count", "workers"),
    ("At least 12 villages were evacuated.", 12, 12, None, "at_least", None, "count", "villages"),
    ("Fewer than 40 ships used the port.", 40, None, 40, "less_than", None, "count", "ships"),
    ("The fund holds £2.5 million.", 2.5e6, 2.5e6, 2.5e6, "exact", "GBP", "currency", None),
]


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "qualifier", "unit", "unit_class", "counted"), MUST_FIND
)
def test_must_find(
    nlp: Any, text: str, value: float, low: float | None, high: float | None, qualifier: str,
    unit: str | None, unit_class: str, counted: str | None,
) -> None:
    found = only(nlp, text)
    assert found.value == pytest.approx(value)
    assert found.low == (None if low is None else pytest.approx(low))
    assert found.high == (None if high is None else pytest.approx(high))
    assert (found.qualifier, found.unit, found.unit_class) == (qualifier, unit, unit_class)
    if counted is not None:
        assert found.counted is not None and counted in found.counted


MUST_NOT_FIND = [
    "The report was published in 2017 and revised on March 3, 2018.",
    "The clip runs 0:03:34 and was posted at 10:30 a.m.",
    "VIRIN: 180715-A-AT185-016C",
    "Call the desk on 555-123-4567 for details.",
    "Second, the envoy left early.",
    "Follow #Mosul2017 and @user99 for updates.",
    "He flew an F-16 during the COVID-19 crisis.",
    "The malformed figure 1,00,0 was printed.",
    "Share this story. Page 2 of 5.",
    "He bought abc123def tokens.",
    "No one knows; one of them left.",
]


@pytest.mark.parametrize("text", MUST_NOT_FIND)
def test_must_not_find(nlp: Any, text: str) -> None:
    assert [q.text for q in run(nlp, text)] == []


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("Exports rose by 5 percent last year.", "up"),
        ("Imports fell 3.2% in April.", "down"),
        ("The index closed 2% higher.", "up"),
        ("Analysts expect a 4% drop.", "down"),
        ("Prices rose to 7% last month.", None),
    ],
)
def test_change(nlp: Any, text: str, change: str | None) -> None:
    assert only(nlp, text).change == change


def test_as_of_and_place(nlp: Any) -> None:
    text = "In January 2017, about 3,000 families lived in Kirkuk."
    start = text.index("Kirkuk")
    place = Place(id="plc_kirkuk", doc="doc_test", start=start, end=start + 6, text="Kirkuk", name="Kirkuk")
    found = run(nlp, text, places=[place])
    assert len(found) == 1
    assert found[0].as_of == "2017-01"
    assert found[0].place == "plc_kirkuk"
    assert found[0].qualifier == "approx"


def test_age_is_a_duration_not_a_count(nlp: Any) -> None:
    found = only(nlp, "Maria Lopez, 45, said the water was gone.")
    assert (found.value, found.unit, found.counted) == (45, "yr", "age")


@pytest.mark.parametrize(
    "text",
    [
        "Figures like 1,00,0 and 12.3.4 and ٣٥ troops and 5x10^999 apples.",
        "x" * 5000 + " 42 " + "word " * 3000,
        "$$$ %%% --- 99999999999999999999999 troops",
        "",
        "around", "between 5 and", "tens of", "1-", "$", "£5" * 200,
    ],
)
def test_bad_input_never_crashes(nlp: Any, text: str) -> None:
    for quantity in run(nlp, text):
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert abs(quantity.value) <= 1e15


def test_records_follow_the_contract(nlp: Any) -> None:
    record = only(nlp, "About 80 entities joined the effort.").record()
    for key in ("type", "id", "doc", "start", "end", "text", "value", "low", "high", "qualifier", "unit",
                "unit_class", "counted", "change", "as_of", "place", "claim"):
        assert key in record
    assert record["type"] == "quantity" and record["id"].startswith("qty_")


def test_newsquant_scorer_on_a_hand_made_case() -> None:
    gold = [
        newsquant.gold_item({"value": "5", "change": "up", "normalized_unit": "percentage",
                             "referred_concepts": "exports"}),
        newsquant.gold_item({"value": "2-3", "change": "=", "normalized_unit": "-", "referred_concepts": "-"}),
        newsquant.gold_item({"value": "7", "change": "=", "normalized_unit": "dollar",
                             "referred_concepts": "ticket price"}),
    ]
    items = [g for g in gold if g is not None]
    predicted = [
        newsquant.Item(5, 5, "percentage", "up", frozenset({"exports"})),  # all right
        newsquant.Item(2, 3, "-", "~", frozenset({"-"})),  # value and unit right, change wrong
        newsquant.Item(8, 8, "dollar", "=", frozenset({"price"})),  # wrong value
    ]
    scores = newsquant.score([(predicted, items)])
    assert scores["value"] == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert scores["value+unit"][2] == pytest.approx(2 / 3)
    assert scores["value+change"][2] == pytest.approx(1 / 3)
    assert scores["value+concept (partial)"][2] == pytest.approx(2 / 3)
    # a range must match both ends; a gold item is consumed once
    assert newsquant.count_matches([newsquant.Item(2, 2, "-", "=", frozenset())], items, newsquant.CHECKS["value"]) == 0
    twice = [newsquant.Item(5, 5, "percentage", "up", frozenset())] * 2
    assert newsquant.count_matches(twice, items, newsquant.CHECKS["value"]) == 1


@pytest.mark.parametrize("text", ["He upgraded to Windows 10 Pro.", "The iPhone 11 Pro Max sold out."])
def test_numbers_inside_names_are_not_quantities(nlp: Any, text: str) -> None:
    assert run(nlp, text) == []


def test_ages_and_compounds(nlp: Any) -> None:
    found = {q.text: q for q in run(nlp, "The boy, 9, and a 5,000-strong force crossed 10 additional miles.")}
    assert found["9"].counted == "age"
    assert found["5,000-strong"].counted == "force"
    assert (found["10 additional miles"].unit, found["10 additional miles"].unit_class) == ("mi", "length")


alphabet = st.sampled_from(list("0123456789 ,.-$%£€kmbn abcdefghijklmnopqrstuvwxyz ABCDEF:/#@()\n"))


@settings(max_examples=300, deadline=None)
@given(st.lists(alphabet, max_size=80).map("".join))
def test_candidate_finder_offsets_on_random_text(text: str) -> None:
    for found in find_quantities(text):
        assert 0 <= found.start < found.end <= len(text)
        assert found.value.low is None or found.value.high is None or found.value.low <= found.value.high
