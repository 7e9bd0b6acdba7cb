"""The quantity value type: number parsing, qualifier bounds, units, comparison (issue 3)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimledger.values.quantities import (
    APPROX_TOLERANCE,
    QuantityValue,
    format_number,
    normalize_unit,
    parse_number,
    parse_quantity,
    vague,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200), ("1.4 million", 1.4e6), ("Sixty", 60), ("two dozen", 24), ("forty-five", 45),
        ("3.4bn", 3.4e9), ("one and a half million", 1.5e6), ("a hundred", 100), ("two-thirds", 2 / 3),
        ("5 million", 5e6), ("twenty-one thousand", 21000), ("0.5", 0.5), ("3/4", 0.75),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["1,00,0", "1,2345", "", "seventy apples", "1e400", "99999999999999999999"])
def test_malformed_numbers_are_none(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high", "unit", "unit_class"),
    [
        ("about 45 tons", "approx", 40.5, 49.5, "t", "mass"),
        ("more than $104 million", "more_than", 104e6, None, "USD", "currency"),
        ("up to 2,000", "at_most", None, 2000, None, "count"),
        ("at least 12 km", "at_least", 12, None, "km", "length"),
        ("fewer than 30", "less_than", None, 30, None, "count"),
        ("between 2 and 3 percent", "range", 2, 3, "%", "percent"),
        ("2-3 million", "range", 2e6, 3e6, None, "count"),
        ("more than 20,000 square miles", "more_than", 20000, None, "mi2", "area"),
        ("€5bn", "exact", 5e9, 5e9, "EUR", "currency"),
        ("100 percent", "exact", 100, 100, "%", "percent"),
    ],
)
def test_parse_quantity_bounds(
    text: str, qualifier: str, low: float | None, high: float | None, unit: str | None, unit_class: str
) -> None:
    parsed = parse_quantity(text)
    assert parsed is not None
    assert parsed.qualifier == qualifier
    assert parsed.low == (None if low is None else pytest.approx(low))
    assert parsed.high == (None if high is None else pytest.approx(high))
    assert (parsed.unit, parsed.unit_class) == (unit, unit_class)


def test_vague_intervals_are_documented_ones() -> None:
    dozens = vague("dozens")
    assert dozens is not None and (dozens.low, dozens.high, dozens.qualifier) == (24, 99, "vague")
    tens = vague("tens of thousands")
    assert tens is not None and (tens.low, tens.high) == (20_000, 99_999)
    several = vague("several hundred")
    assert several is not None and (several.low, several.high) == (300, 900)
    assert vague("many") is None


@pytest.mark.parametrize(
    ("surface", "normal"),
    [
        ("$", ("USD", "currency")), ("US$", ("USD", "currency")), ("dollars", ("USD", "currency")),
        ("euros", ("EUR", "currency")), ("€", ("EUR", "currency")), ("£", ("GBP", "currency")),
        ("pounds sterling", ("GBP", "currency")), ("square miles", ("mi2", "area")),
        ("tonnes", ("t", "mass")), ("per cent", ("%", "percent")), ("km", ("km", "length")),
    ],
)
def test_unit_table(surface: str, normal: tuple[str, str]) -> None:
    assert normalize_unit(surface) == normal


def test_compatible_and_converted_overlap() -> None:
    miles = QuantityValue.of(20_000, "more_than", "mi2", "area")
    km2 = QuantityValue.of(51_800, "exact", "km2", "area")
    assert miles.compatible(km2)
    assert miles.overlaps(km2)  # 51,800 km2 is just over 20,000 square miles
    assert not QuantityValue.of(19_000, "exact", "mi2", "area").overlaps(km2)
    assert not miles.compatible(QuantityValue.of(20_000, "exact", "t", "mass"))
    assert not QuantityValue.of(5, unit="USD", unit_class="currency").compatible(
        QuantityValue.of(5, unit="EUR", unit_class="currency")
    )


def test_coalition_members_agree_within_approximation() -> None:
    fact_sheet = QuantityValue.of(79)
    article = QuantityValue.of(80, "approx")
    assert fact_sheet.agrees(article)
    assert not fact_sheet.agrees(QuantityValue.of(60, "approx"))


finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)
qualifiers = st.sampled_from(["exact", "approx", "more_than", "less_than", "at_least", "at_most"])


@given(finite, qualifiers)
def test_bounds_are_ordered_and_contain_value(value: float, qualifier: str) -> None:
    quantity = QuantityValue.of(value, qualifier)  # type: ignore[arg-type]
    low, high = quantity.interval()
    assert low <= quantity.value <= high
    if qualifier == "approx":
        assert math.isclose(high - low, 2 * abs(value) * APPROX_TOLERANCE, rel_tol=1e-9, abs_tol=1e-9)


@given(finite, finite)
def test_range_bounds_ordered(a: float, b: float) -> None:
    quantity = QuantityValue.of(a, "range", high=b)
    assert quantity.low is not None and quantity.high is not None
    assert quantity.low <= quantity.value <= quantity.high


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_round_trip(number: int) -> None:
    assert parse_number(f"{number:,}") == number
    assert parse_number(format_number(number)) == number


@given(st.integers(min_value=0, max_value=10**6).map(lambda n: n / 100))
def test_decimal_round_trip(number: float) -> None:
    parsed = parse_number(format_number(number))
    assert parsed is not None and math.isclose(parsed, number, rel_tol=1e-6)


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["thousand", "million", "billion"]))
def test_scale_words(number: int, scale: str) -> None:
    factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale]
    assert parse_number(f"{number} {scale}") == number * factor


measurable = finite.filter(lambda v: v == 0 or abs(v) > 1e-9)  # no subnormal distances in news


@given(measurable, st.sampled_from(["km", "mi", "m", "ft"]), st.sampled_from(["km", "mi", "m", "ft"]))
def test_conversion_round_trip(value: float, first: str, second: str) -> None:
    quantity = QuantityValue.of(value, "exact", first, "length")
    back = quantity.to(second).to(first)
    assert math.isclose(back.value, value, rel_tol=1e-9, abs_tol=1e-9)
    assert quantity.overlaps(quantity.to(second), tolerance=1e-9)
