"""Issue 8 part 3: fuzzing the pure extractors and value parsers with hypothesis.

Whatever the extractors become, they must never raise, every offset must lie inside the text
(with ``text[start:end]`` equal to the annotation's text), and every interval must be ordered.
The word pieces below are generic news vocabulary, combined at random.
"""

from __future__ import annotations

import math
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.model import Document, Published
from claimledger.pipeline import extract_all
from claimledger.values import dates, quantities

PIECES = (
    "said", "told reporters", "according to", "officials", "the ministry", "President", "Smith", "Ms.", "Dr.",
    "about", "more than", "at least", "nearly", "up to", "between", "and", "to", "-", "–", "dozens",
    "hundreds of", "thousands", "million", "billion", "$", "€", "£", "%", "percent", "per cent", "km", "sq mi",
    "tonnes", "troops", "people", "civilians", "in", "near", "Paris", "Syria", "Texas", "on", "Monday",
    "last week", "since", "March", "2019", "March 3, 2019", "3/4/2020", "2021-13-45", "Feb. 30, 2020",
    "\u201c", "\u201d", '"', "'", "\u2018", "\u2019", ":", ";", ",", ".", "?", "!", "(", ")", "\n", "\n\n",
    "@user", "#tag", "https://x.example/a", "1,000", "1.5", "0", "-3", "10,5", "1e9", "999999999999999999999",
    "two", "twenty-one", "half", "a third", "one in five", "no", "not", "never", "denied", "\u00a0", "\u200b",
    "\ufeff", "\ud7ff", "\U0001f600", "\u0645\u0644\u064a\u0648\u0646", "\u4e07", "\x00", "\t",
)

newsy = st.lists(st.one_of(st.sampled_from(PIECES), st.integers(-10**6, 10**12).map(str),
                           st.text(max_size=6)), max_size=40).map(" ".join)
texts = st.one_of(newsy, st.text(max_size=200))

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_interval(low: float | None, high: float | None, where: str) -> None:
    for bound in (low, high):
        assert bound is None or not math.isnan(bound), where
    if low is not None and high is not None:
        assert low <= high, f"{where}: bounds {low} > {high}"


def check_time_value(value: str | None) -> None:
    if value and "/" in value:
        start, _, end = value.partition("/")
        first = dates.DateValue.from_iso(start)
        last = dates.DateValue.from_iso(end)
        if first is not None and last is not None:
            assert first.first_day <= last.last_day, value


@FUZZ
@given(text=texts, published=st.sampled_from([None, "2020", "2021-06", "2022-02-28"]))
def test_extractors_never_raise_and_stay_inside_the_text(nlp: Any, text: str, published: str | None) -> None:
    precision = {4: "year", 7: "month", 10: "day"}.get(len(published or ""))
    doc = Document(id="doc_fuzz", source="fuzz", text=text,
                   published=Published(published, precision, "metadata") if published else Published())  # type: ignore[arg-type]
    found = extract_all(doc, nlp(text))
    for annotation in found.all():
        assert annotation.doc == doc.id
        assert 0 <= annotation.start <= annotation.end <= len(text), annotation
        assert text[annotation.start:annotation.end] == annotation.text, annotation
    for quantity in found.quantities:
        check_interval(quantity.low, quantity.high, quantity.text)
        assert not math.isnan(quantity.value)
    for time in found.times:
        check_time_value(time.value)
    for claim in found.claims:
        assert 0.0 <= claim.checkworthy <= 1.0


@FUZZ
@given(text=texts)
def test_date_parsers_never_raise(text: str) -> None:
    value = dates.parse_date(text)
    assert value is None or dates.DateValue.from_iso(value.iso) == value
    previous_end = 0
    for match in dates.find_dates(text):
        assert previous_end <= match.start < match.end <= len(text)
        assert dates.DateValue.from_iso(match.value.iso) is not None
        previous_end = match.end


@FUZZ
@given(text=texts)
def test_quantity_parsers_never_raise(text: str) -> None:
    number = quantities.parse_number(text)
    assert number is None or math.isfinite(number)
    value = quantities.parse_quantity(text)
    if value is not None:
        check_interval(value.low, value.high, text)
        assert math.isfinite(value.value)
