"""Document dates (issue 2): metadata beats text, text evidence has basis=text and its precision,
and nothing is invented. Snippets are fictional."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.clean import clean_document
from claimledger.clean.dates import DateEvidence, from_metadata, infer_published
from claimledger.ingest import RawInput, RawMeta
from claimledger.model import Published
from claimledger.settings import Settings

DATA = Path(__file__).parent / "data" / "clean"


def published_of(text: str, *, meta: str | None = None, kind: str = "text") -> Published:
    raw = RawInput(source="t", data=text.encode("utf-8"), kind=kind, meta=RawMeta(published=meta))  # type: ignore[arg-type]
    return clean_document(raw, "doc", Settings()).published


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("gov_factsheet.txt", Published("2025-04-09", "day", "text")),  # "Release Date:" line
        ("news_posts.txt", Published("2024-03-14", "day", "text")),  # "Updated ... March 14, 2024"
        ("video_page.txt", Published("2025-06-02", "day", "text")),  # dateline
        ("newswire.txt", Published("2025-09-22", "day", "text")),  # newswire dateline
        ("photo_captions.txt", Published("2025-03-06", "day", "text")),  # caption date + "on Thursday"
        ("undated_notice.txt", Published(None, None, "none")),
    ],
)
def test_test_pages_are_dated_from_their_text(name: str, expected: Published) -> None:
    path = DATA / name
    document = clean_document(RawInput(source=str(path), data=path.read_bytes(), kind="text"), "d", Settings())
    assert document.published == expected


def test_html_meta_date_is_metadata() -> None:
    path = DATA / "article.html"
    document = clean_document(RawInput(source=str(path), data=path.read_bytes(), kind="html"), "d", Settings())
    assert document.published == Published("2025-02-11", "day", "metadata")


def test_metadata_beats_text() -> None:
    text = "WASHINGTON, May 2, 2024 — The agency said it hired 300 inspectors.\n"
    assert published_of(text, meta="2024-05-03T08:00:00Z") == Published("2024-05-03", "day", "metadata")
    assert published_of(text) == Published("2024-05-02", "day", "text")


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ("Tue, 05 Mar 2024 10:00:00 GMT", Published("2024-03-05", "day", "metadata")),
        ("2024-03", Published("2024-03", "month", "metadata")),
        ("2024", Published("2024", "year", "metadata")),
        ("not a date", None),
        ("", None),
    ],
)
def test_from_metadata(meta: str, expected: Published | None) -> None:
    assert from_metadata(meta) == expected


def test_month_only_timestamp_keeps_month_precision() -> None:
    assert published_of("Published: October 2023\nThe survey covered 2,000 households.\n") == Published(
        "2023-10", "month", "text"
    )


def test_post_signature_dates_the_document() -> None:
    text = (
        "The harbor master announced the closure in a post.\n\n"
        "The north pier is closed to all boats until further notice.\n"
        "— Harbor Master Jo Pell (@HarborJo) August 9, 2025\n"
    )
    assert published_of(text) == Published("2025-08-09", "day", "text")


def test_weekday_moves_the_anchor_forward_only_within_a_week() -> None:
    evidence = DateEvidence(
        text="Officials said on Wednesday that 12 roads remain closed.",
        captions=["Crews clear a road near Tallin Creek, July 7, 2025."],  # a Monday
    )
    assert infer_published(evidence) == Published("2025-07-09", "day", "text")
    last_week = DateEvidence(
        text="Officials said last Wednesday that 12 roads remain closed.", captions=evidence.captions
    )
    assert infer_published(last_week) == Published("2025-07-07", "day", "text")


def test_plans_in_the_body_are_not_evidence() -> None:
    text = "The ministry said the new bridge is scheduled to open by March 3, 2027.\nIt will cost 40 million.\n"
    assert published_of(text) == Published(None, None, "none")


@pytest.mark.parametrize(
    "text",
    [
        "The program began in March 2019 and has grown every year since.\n",  # month only: not a date of this text
        "Officials said on Tuesday that 40 people were rescued.\n",  # a weekday without any anchor
        "Sales rose 12 percent in 2023.\n",
    ],
)
def test_never_invent_a_date(text: str) -> None:
    assert published_of(text) == Published(None, None, "none")


def test_latest_body_date_is_used_when_nothing_better() -> None:
    text = (
        "Floodwater reached the town on April 2, 2024, and receded on April 6, 2024.\n"
        "About 1,100 homes were damaged, the mayor said.\n"
    )
    assert published_of(text) == Published("2024-04-06", "day", "text")


def test_release_line_dates_a_press_release() -> None:
    text = "Joint Task Force North\nFor immediate release: March 4, 2025\n\nThe task force said 900 troops remain."
    assert infer_published(DateEvidence(text=text)) == Published("2025-03-04", "day", "text")


@pytest.mark.parametrize(("text", "expected"), [
    ("Transcript: Ministry of Defence press briefing, 4 March 2031\n\nMODERATOR: Good afternoon.\n",
     "2031-03-04"),
    ("Varda Valley Floods \u2014 Situation Report No. 4\nIssued by the Relief Coordination Cell, 6 March 2031\n\n"
     "More than 18,000 people are displaced.\n", "2031-03-06"),
    # a date in a title that is no document's: not the document date
    ("Floods of 4 March 2031 remembered, ten years on\n\nThe valley held a vigil.\n", None),
])
def test_a_title_or_issue_line_dates_the_document_it_names(text: str, expected: str | None) -> None:
    """Issue 4, round 8: a briefing transcript and a situation report had no date, so their
    "on Monday" statements had none either."""
    assert infer_published(DateEvidence(text=text)).date == expected
