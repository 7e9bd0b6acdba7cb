"""Metric keys and intervals: the value rules the link stage decides by (issue 5)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimledger.link import intervals
from claimledger.link.metrics import refine
from claimledger.values.metrics import metric_key, normalize_place, split_key


@pytest.mark.parametrize(("counted", "unit_class", "place", "key"), [
    ("U.S. service members", "count", "Syria", "us troops|count|syria"),
    ("American forces", "count", "Syria", "us troops|count|syria"),
    ("US troops", "count", "Syria", "us troops|count|syria"),
    ("troops in Syria", "count", None, "troops|count|syria"),
    ("soldiers", "count", "the Syria", "troops|count|syria"),
    ("troops", "count", "Iraq", "troops|count|iraq"),
    ("members of the coalition", "count", None, "coalition members|count|*"),
    ("coalition partners", "count", None, "coalition members|count|*"),
    ("square miles of territory", "area", "Iraq", "territory|area|iraq"),
    ("tons of ammunition", "mass", None, "ammunition|mass|*"),
    ("civilians killed", "count", "Mosul", "civilian deaths|count|mosul"),
    ("people displaced", "count", "Raqqa", "displaced people|count|raqqa"),
])
def test_metric_key_normalizes_what_is_counted(counted: str, unit_class: str, place: str | None, key: str) -> None:
    assert metric_key(counted, unit_class, place) == key


@pytest.mark.parametrize("counted", [None, "", "   ", "1,200"])
def test_metric_key_is_none_when_nothing_is_counted(counted: str | None) -> None:
    assert metric_key(counted, "count", "Syria") is None


def test_places_and_classes_keep_metrics_apart() -> None:
    syria = metric_key("troops", "count", "Syria")
    assert syria != metric_key("troops", "count", "Iraq")
    assert metric_key("aid", "currency", None) != metric_key("aid", "mass", None)


def test_place_names_normalize() -> None:
    assert normalize_place("The United States") == "us"
    assert normalize_place("U.S.") == "us"
    assert normalize_place("  Raqqa ") == "raqqa"
    assert normalize_place(None) is None


def test_refine_folds_unqualified_key_into_the_only_qualified_one() -> None:
    folds = refine(["troops|count|syria", "us troops|count|syria", "troops|count|iraq"])
    assert folds == {"troops|count|syria": "us troops|count|syria"}


def test_refine_keeps_ambiguous_keys_apart() -> None:
    folds = refine(["troops|count|syria", "us troops|count|syria", "iraq troops|count|syria"])
    assert "troops|count|syria" not in folds


def test_split_key_round_trip() -> None:
    assert split_key("us troops|count|*") == ("us troops", "count", None)


@pytest.mark.parametrize(("a", "b", "meet"), [
    (("about 80", 80, "approx"), ("79", 79, "exact"), True),
    (("more than 1,000", 1000, "more_than"), ("roughly 10,000", 10000, "approx"), False),
    (("approximately 900", 900, "approx"), ("about 2,000", 2000, "approx"), False),
    (("roughly 1,500", 1500, "approx"), ("about 2,000", 2000, "approx"), False),
    (("at least 50", 50, "at_least"), ("60", 60, "exact"), True),
    (("fewer than 10", 10, "less_than"), ("12", 12, "exact"), False),
])
def test_intervals_read_qualifiers(a: tuple[str, float, str], b: tuple[str, float, str], meet: bool) -> None:
    ia = intervals.interval(a[1], None, None, a[2], None)
    ib = intervals.interval(b[1], None, None, b[2], None)
    assert ia.overlaps(ib) is meet


def test_units_convert_within_a_class_and_never_across() -> None:
    assert intervals.comparable("area", "mi2", "area", "km2")
    miles = intervals.interval(1, None, None, "exact", "mi2")
    km = intervals.interval(2.589988, None, None, "exact", "km2")
    assert math.isclose(miles.low, km.low, rel_tol=1e-4)
    assert not intervals.comparable("currency", "USD", "mass", "t")
    assert not intervals.comparable("currency", "USD", "currency", "EUR")


@given(st.floats(min_value=0.001, max_value=1e12), st.sampled_from(
    ["exact", "approx", "more_than", "less_than", "at_least", "at_most", "vague"]))
def test_every_interval_contains_its_value(value: float, qualifier: str) -> None:
    span = intervals.interval(value, None, None, qualifier, None)
    assert span.low <= value * (1 + 1e-9) and value <= span.high * (1 + 1e-9)


def test_nationality_that_names_the_place_is_kept() -> None:
    iraqi = metric_key("Iraqi troops", "count", "Iraq")
    assert iraqi == "iraq troops|count|iraq"
    assert iraqi != metric_key("U.S. troops", "count", "Iraq")
    assert refine([iraqi, "us troops|count|iraq", "troops|count|iraq"]) == {}


def test_refine_keeps_a_bare_key_apart_from_the_qualified_one_a_document_gives_beside_it() -> None:
    keys = ["unemployment|percent|*", "youth unemployment|percent|*"]
    assert refine(keys) == {"unemployment|percent|*": "youth unemployment|percent|*"}
    # one story gives both: "Unemployment rose to 6.1% … Youth unemployment, at 14.2%"
    assert refine(keys, [set(keys)]) == {}


def test_how_many_leave_is_no_level_of_how_many_stay() -> None:
    from claimledger.link.corpus import ClaimView, Figure
    from claimledger.link.metrics import figure_key

    def key(text: str, figure: str) -> str | None:
        view = ClaimView(id="c", doc="d", start=0, end=len(text), text=text)
        return figure_key(view, Figure(id="f", text=figure, value=500.0, low=None, high=None, qualifier="exact",
                                       unit=None, unit_class="count", counted="soldiers", change=None, as_of=None,
                                       place=None))

    assert key("The coalition is preparing to pull 500 soldiers out of Varda", "500") is None
    assert key("The coalition will withdraw about 500 soldiers", "500") is None
    assert key("About 500 soldiers remain in Varda", "500") == "troops|count|*"
