"""The document date: metadata first, else what the text supports, never a guess.

Order of evidence (the first that yields a date wins):

    metadata   the date the input supplied (JSON field, WARC header, feed item, HTML meta)
    timestamp  a "Published ..." / "Updated ..." / lone date line the cleaner set aside
    dateline   a date opening one of the first paragraphs ("WASHINGTON, March 5, 2024 --",
               "For immediate release: March 4, 2025"), or ending a title or issue line that
               names a document ("Ministry of Defence press briefing, 4 March 2031",
               "Issued by the Relief Coordination Cell, 6 March 2031")
    anchored   the latest full date among embedded-post signatures, captions and event dates
               of the first three paragraphs ("on March 3, 2025", "Monday, March 3, 2025" with
               the right weekday; plans such as "until March 3, 2025" and background dates
               deeper in the body do not count),
               moved forward to the weekday the lead mentions when the lead says "on Tuesday"
               and that day falls within the six days after the anchor
    none       nothing in the input supports a date

Text-based results have ``basis="text"`` and the precision of the evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimledger.model import Published
from claimledger.values import voices
from claimledger.values.dates import WEEKDAYS, DateValue, find_dates, parse_date

_DATELINE_PREFIX = re.compile(
    r"^(?:[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,4}\s*(?:\([^)]{1,40}\))?\s*[,:]?\s*)?$"
)
_RELEASE_PREFIX = re.compile(
    r"^(?:for (?:immediate )?release|release date|released|issued|dated?|published|posted)"
    r"(?: on)?\s*[:,-]?\s*$",
    re.IGNORECASE,
)
_DATELINE_AFTER = re.compile(r"^\s*(?:[—–-]{1,2}|/|:|\(|,\s*[—–-]|\.(?:\s|$)|$)")  # "MERIDIAN, 18 June 2031. The …"
# a title line that dates the document it names: "… press briefing, 4 March 2031", "Situation
# Report No. 4, 6 March 2031", "Remarks by the Governor — March 3, 2031", "Issued by the Relief
# Coordination Cell, 6 March 2031", "Parliamentary record: Questions to the Minister for
# Defence, 3 June 2031"
_TITLE_DATE_BEFORE = re.compile(
    r"\b(?:briefing|transcript|statement|report|release|update|remarks|bulletin|communiqu[eé]|readout|"
    r"sitrep|minutes|testimony|speech|address|interview|"
    r"record|proceedings|hansard|debates?|hearing|sitting|session|questions)\b[^.!?]{0,40}?[,:—–-]\s*$",
    re.IGNORECASE,
)
_TITLE_DATE_AFTER = re.compile(r"^\s*(?:\([^)]*\))?\s*$")
_PLAN_WORDS = re.compile(
    r"\b(?:until|by|scheduled|expected|deadline|through|before|planned|due|will|next|starting|"
    r"beginning|effective|from)\b[^.]{0,25}$",
    re.IGNORECASE,
)
_WEEKDAY_MENTION = re.compile(
    r"\b(?:on |since |late |early |last )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?!,?\s+(?:[A-Z][a-z]{2,8}\.?\s+)?\d)"
)
_WEEKDAY_BEFORE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s*$", re.IGNORECASE)
_EVENT_CUE = re.compile(r"(?:\bon|\btoday|\btonight|\bthis (?:morning|afternoon|evening)|^)\s*[,(]?\s*$", re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:updated|modified)\b", re.IGNORECASE)
LEAD_PARAGRAPHS = 2
BODY_DATE_PARAGRAPHS = 3  # deeper in the body, dates are mostly background (a birth, an old deal)
WEEKDAY_WINDOW = 6


@dataclass(frozen=True, slots=True)
class DateEvidence:
    """What the cleaned document offers for dating it."""

    text: str
    timestamps: Sequence[str] = ()
    captions: Sequence[str] = ()
    post_dates: Sequence[str] = ()


def from_metadata(*given: str | None) -> Published | None:
    """The first metadata date that parses, with its own precision."""
    for value in given:
        if value and value.strip():
            parsed = parse_date(value)
            if parsed is not None:
                return Published(parsed.iso, parsed.precision, "metadata")
    return None


def infer_published(evidence: DateEvidence) -> Published:
    """The document date the text supports, or ``basis="none"``."""
    for found in (_from_timestamps(evidence.timestamps), _from_dateline(evidence.text)):
        if found is not None:
            return Published(found.iso, found.precision, "text")
    anchor = _anchor(evidence)
    if anchor is None:
        return Published()
    moved = _weekday_forward(anchor, evidence.text)
    return Published(moved.iso, "day", "text")


def _from_timestamps(lines: Sequence[str]) -> DateValue | None:
    published = [line for line in lines if not _UPDATED.search(line)]
    for line in [*published, *[line for line in lines if _UPDATED.search(line)]]:
        matches = find_dates(line)
        if matches:
            return max(matches, key=lambda m: ("year", "month", "day").index(m.value.precision)).value
    return None


def _paragraphs(text: str) -> list[str]:
    return [p for p in (part.strip() for part in text.split("\n")) if p]


def _from_dateline(text: str) -> DateValue | None:
    for paragraph in _paragraphs(text)[:3]:
        for match in find_dates(paragraph[:120]):
            before, after = paragraph[: match.start], paragraph[match.end :]
            titled = _TITLE_DATE_BEFORE.search(before) or voices.ISSUED_BY.match(before)
            if titled and _TITLE_DATE_AFTER.match(after):
                return match.value  # "Ministry of Defence press briefing, 4 March 2031" (a title can be long)
            if match.start > 60:
                break
            if _RELEASE_PREFIX.match(before.strip()):  # "For immediate release: March 4, 2025"
                return match.value
            if _DATELINE_PREFIX.match(before) and _DATELINE_AFTER.match(after):
                return match.value
    return None


def _full_dates(text: str, *, body: bool) -> list[dt.date]:
    """Day-precision dates; in the body only event dates ("on March 3, 2025", "Monday, March 3,
    2025" with the right weekday), never plans ("until March 3, 2025")."""
    out = []
    for match in find_dates(text):
        if match.value.precision != "day":
            continue
        before = text[max(0, match.start - 40) : match.start]
        if body and (_PLAN_WORDS.search(before) or not _event_date(before, match.value.first_day)):
            continue
        out.append(match.value.first_day)
    return out


def _event_date(before: str, day: dt.date) -> bool:
    weekday = _WEEKDAY_BEFORE.search(before)
    if weekday is not None:
        return WEEKDAYS[weekday.group(1).lower()] == day.weekday()
    return bool(_EVENT_CUE.search(before))


def _anchor(evidence: DateEvidence) -> dt.date | None:
    dates: list[dt.date] = []
    for iso in evidence.post_dates:
        value = DateValue.from_iso(iso)
        if value is not None and value.precision == "day":
            dates.append(value.first_day)
    for caption in evidence.captions:
        dates.extend(_full_dates(caption, body=False))
    lead = "\n".join(_paragraphs(evidence.text)[:BODY_DATE_PARAGRAPHS])
    dates.extend(_full_dates(lead, body=True))
    return max(dates) if dates else None


def _weekday_forward(anchor: dt.date, text: str) -> DateValue:
    """The anchor, moved to the latest lead weekday within the following six days."""
    lead = " ".join(_paragraphs(text)[:LEAD_PARAGRAPHS])
    best = anchor
    for match in _WEEKDAY_MENTION.finditer(lead):
        if match.group(0).lower().startswith("last "):
            continue  # "last Tuesday" points back from an unknown day
        weekday = WEEKDAYS[match.group(1).lower()]
        delta = (weekday - anchor.weekday()) % 7
        if delta <= WEEKDAY_WINDOW:
            best = max(best, anchor + dt.timedelta(days=delta))
    return DateValue.of(best.year, best.month, best.day)
