"""Time expressions normalized against the document date (issue 3). Sentences are made up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.evaluation import tempeval
from claimledger.extract.times import find_times, times
from claimledger.model import Document, Published
from claimledger.values.dates import date_range, find_dates, parse_date

ANCHOR = dt.date(2019, 5, 15)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "surface", "value", "kind"),
    [
        ("The vote was held on Wednesday.", "Wednesday", "2019-05-15", "relative"),
        ("Officials spoke last Friday.", "last Friday", "2019-05-10", "relative"),
        ("The envoy will arrive Friday.", "Friday", "2019-05-17", "relative"),
        ("Talks resume next week.", "next week", "2019-05-20/2019-05-26", "relative"),
        ("They will vote this fall.", "this fall", "2019-09/2019-11", "relative"),
        ("Prices doubled over the last two years.", "the last two years", "2017-05-15/2019-05-15", "relative"),
        ("Nothing changed since January 2017.", "since January 2017", "2017-01/2019-05-15", "relative"),
        ("The siege ended in late March 2019.", "late March 2019", "2019-03-21/2019-03-31", "date"),
        ("The town fell on March 3.", "March 3", "2019-03-03", "relative"),
        ("The report came out in January 2017.", "January 2017", "2017-01", "date"),
        ("He returned in September.", "September", "2018-09", "relative"),
        ("The vote will be held in September.", "September", "2019-09", "relative"),
        ("It happened two days ago.", "two days ago", "2019-05-13", "relative"),
        ("The plan runs for three months.", "three months", "P3M", "duration"),
        ("Inspections happen every week.", "every week", "P1W", "set"),
        ("The law passed in 2015.", "2015", "2015", "date"),
        ("Sales fell last month.", "last month", "2019-04", "relative"),
        ("It was quiet yesterday.", "yesterday", "2019-05-14", "relative"),
        ("The accord was signed on 2018-11-02.", "2018-11-02", "2018-11-02", "date"),
        ("Output rose in the first quarter of 2018.", "the first quarter of 2018", "2018-01/2018-03", "date"),
        ("Rents peaked in the 1990s.", "the 1990s", "1990/1999", "date"),
        ("Talks dragged on for months.", "months", "PXM", "duration"),
        ("Shops reopen after Christmas.", "Christmas", "2018-12-25", "relative"),
        ("He won a second term.", "", "", ""),
    ],
)
def test_normalization(text: str, surface: str, value: str, kind: str) -> None:
    found = find_times(text, ANCHOR)
    if not surface:
        assert found == []
        return
    matching = [m for m in found if text[m.start:m.end] == surface]
    assert matching, [(text[m.start:m.end], m.value) for m in found]
    assert (matching[0].value, matching[0].kind) == (value, kind)


@pytest.mark.parametrize("text", ["on Friday", "next week", "in September", "two days ago", "this fall"])
def test_relative_without_anchor_is_null(text: str) -> None:
    found = find_times(text, None)
    assert found and all(m.value is None for m in found)


@pytest.mark.parametrize(
    "text",
    ["You may leave.", "2000 troops arrived.", "They march at dawn.", "It cost $2013.", "Room 1999 is free."],
)
def test_not_times(text: str) -> None:
    values = [(text[m.start:m.end], m.value) for m in find_times(text, ANCHOR) if m.kind != "duration"]
    assert values == [] or all(surface.lower() not in ("may", "march", "2000", "2013") for surface, _ in values)


def test_timex_values() -> None:
    text = "Last week the index rose; this morning it fell, and in 2020 a decade of growth ends."
    timex = {text[m.start:m.end]: m.timex for m in find_times(text, dt.date(2013, 3, 22))}
    assert timex["Last week"] == "2013-W11"
    assert timex["this morning"] == "2013-03-22TMO"
    assert timex["2020"] == "2020"
    assert timex["a decade"] == "P10Y"


def test_times_records(nlp: Any) -> None:
    text = "On Monday, officials said the border closed in March 2018."
    doc = Document(id="doc_t", source="t", text=text, published=Published("2019-05-15", "day"))
    found = list(times(doc, nlp(text)))
    assert [t.text for t in found] == ["Monday", "March 2018"]
    for time in found:
        assert text[time.start:time.end] == time.text
        record = time.record()
        assert record["type"] == "time" and {"value", "precision", "kind"} <= record.keys()
    assert found[0].value == "2019-05-13"


def test_dates_module_still_serves_clean_stage() -> None:
    assert parse_date("March 22, 2019") is not None
    assert [m.value.iso for m in find_dates("Filed 22 March 2019; revised April 2019.")] == ["2019-03-22", "2019-04"]


def test_bad_input(nlp: Any) -> None:
    for text in ["", "31 February 2019", "99/99/2019", "Monday" * 500, "in " * 1000 + "2019-13-45"]:
        for match in find_times(text, ANCHOR):
            assert 0 <= match.start < match.end <= len(text)


TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>
The board met <TIMEX3 tid="t1" type="DATE" value="2013-03-18">Monday</TIMEX3> and will meet again
<TIMEX3 tid="t2" type="DATE" value="2013-W13">next week</TIMEX3> &amp; report for
<TIMEX3 tid="t3" type="DURATION" value="P3M">three months</TIMEX3>.
It began in <TIMEX3 tid="t4" type="DATE" value="2011">2011</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_tempeval_scorer_on_a_hand_made_document(tmp_path: Path) -> None:
    path = tmp_path / "made_up.tml"
    path.write_text(TML, encoding="utf-8")
    text, dct, gold = tempeval.read_tml(path)
    assert dct == dt.date(2013, 3, 22)
    assert [text[g.start:g.end] for g in gold] == ["Monday", "next week", "three months", "2011"]
    assert "&" in text and "<" not in text
    tally = tempeval.Tally()
    predicted = find_times(text, dct)
    tally.add(predicted, gold)
    assert tally.gold == 4 and tally.relaxed == 4 and tally.value_ok == 4
    wrong = [tempeval.TimeMatch(g.start, g.end, None, None, "date", "DATE", "1999") for g in gold[:2]]
    other = tempeval.Tally()
    other.add(wrong, gold)
    assert (other.relaxed, other.strict, other.value_ok, other.type_ok) == (2, 2, 0, 2)
    assert tempeval.f1(2, 2, 4) == pytest.approx(2 / 3)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["last", "next", "March", "May", "Friday", "3", "2019", "ago", "days", "the",
                                 "since", "early", "week", "1990s", ",", "10:30", "a.m.", "every", "two"]),
                max_size=12).map(" ".join))
def test_time_finder_never_crashes(text: str) -> None:
    for anchor in (ANCHOR, None):
        for match in find_times(text, anchor):
            assert 0 <= match.start < match.end <= len(text)
            assert anchor is not None or match.kind in ("date", "duration", "set") or match.value is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-03", (dt.date(2019, 3, 1), dt.date(2019, 3, 31))),
        ("2017-01/2019-05-15", (dt.date(2017, 1, 1), dt.date(2019, 5, 15))),
        ("1990/1999", (dt.date(1990, 1, 1), dt.date(1999, 12, 31))),
        ("2019-05-15T10:30", (dt.date(2019, 5, 15), dt.date(2019, 5, 15))),
        ("P3M", None), (None, None), ("2019-05/2018-01", None),
    ],
)
def test_date_range(value: str | None, expected: tuple[dt.date, dt.date] | None) -> None:
    assert date_range(value) == expected


def test_quarter_without_year_is_the_latest_one_unless_looking_ahead() -> None:
    text = "Profit rose in the fourth quarter and will rise in the third quarter over the past decade."
    found = {text[m.start:m.end]: m for m in find_times(text, dt.date(2013, 3, 22))}
    assert found["the fourth quarter"].timex == "2012-Q4"
    assert found["the third quarter"].timex == "2013-Q3"
    assert found["the past decade"].timex == "P10Y"
    assert found["the past decade"].value == "2003-03-22/2013-03-22"
