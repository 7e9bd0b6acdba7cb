"""Dates as ISO prefixes with precision (``2019``, ``2019-03``, ``2019-03-22``) and intervals.

``parse_date`` reads one explicit calendar date written the ways news and official material
write them; it never guesses a missing year. ``DateValue`` compares as the interval of days it
covers, so ``2019-03`` contains ``2019-03-22`` and overlaps ``2019``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["year", "month", "day"]

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _number
        MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"

# Ordered: most specific first. Each pattern is anchored on word boundaries.
DATE_PATTERNS: tuple[tuple[re.Pattern[str], Precision], ...] = (
    (re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<dnum>[0-3]\d)\b"), "day"),
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE), "day"),
    (re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE), "day"),
    (re.compile(rf"\b(?P<mnum>[01]?\d)/(?P<dnum>[0-3]?\d)/{_YEAR}\b"), "day"),
    (re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE), "month"),
    (re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)\b"), "month"),
)


@dataclass(frozen=True, slots=True, order=True)
class DateValue:
    """A calendar date known to a precision; ``iso`` is its ISO prefix."""

    iso: str
    precision: Precision

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> DateValue:
        """Build from parts, validating the calendar (raises ValueError on 2019-02-30)."""
        if month is None:
            return cls(f"{year:04d}", "year")
        if day is None:
            dt.date(year, month, 1)
            return cls(f"{year:04d}-{month:02d}", "month")
        return cls(dt.date(year, month, day).isoformat(), "day")

    @classmethod
    def from_iso(cls, iso: str) -> DateValue | None:
        """Parse an ISO prefix (``2019``, ``2019-03``, ``2019-03-22``, or a longer timestamp)."""
        match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso.strip())
        if not match:
            return None
        try:
            parts = [int(p) for p in match.groups() if p]
            return cls.of(*parts)
        except ValueError:
            return None

    @property
    def first_day(self) -> dt.date:
        parts = [int(p) for p in self.iso.split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)

    @property
    def last_day(self) -> dt.date:
        parts = [int(p) for p in self.iso.split("-")]
        if len(parts) == 3:
            return dt.date(*parts)
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return dt.date(parts[0], 12, 31)

    def contains(self, other: DateValue) -> bool:
        """True when every day of ``other`` lies within this date."""
        return self.first_day <= other.first_day and other.last_day <= self.last_day

    def overlaps(self, other: DateValue) -> bool:
        """True when the two dates share at least one day."""
        return self.first_day <= other.last_day and other.first_day <= self.last_day

    def __str__(self) -> str:
        return self.iso


@dataclass(frozen=True, slots=True)
class DateMatch:
    """An explicit date found in text: its span and value."""

    start: int
    end: int
    value: DateValue


def find_dates(text: str) -> list[DateMatch]:
    """Every explicit calendar date in the text (non-overlapping, in order of position)."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern, precision in DATE_PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            value = _value(match, precision)
            if value is not None:
                found.append(DateMatch(span[0], span[1], value))
                taken.append(span)
    return sorted(found, key=lambda m: m.start)


def parse_date(text: str) -> DateValue | None:
    """The one explicit date a short string holds (``March 22, 2019``, ``2019-03-22T10:00Z``)."""
    text = text.strip()
    iso = DateValue.from_iso(text) if re.match(r"^\d{4}(-\d{2}){0,2}(\b|T)", text) else None
    if iso is not None:
        return iso
    matches = find_dates(text)
    if matches:
        return max(matches, key=lambda m: ("year", "month", "day").index(m.value.precision)).value
    rfc = _rfc2822(text)
    if rfc is not None:
        return rfc
    if re.fullmatch(_YEAR, text):
        return DateValue.of(int(text))
    return None


def _value(match: re.Match[str], precision: Precision) -> DateValue | None:
    groups = match.groupdict()
    try:
        year = int(groups["year"])
        month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower().rstrip(".")]
        if precision == "month":
            return DateValue.of(year, month)
        day = int(groups["dnum"]) if groups.get("dnum") else int(groups["day"])
        return DateValue.of(year, month, day)
    except (ValueError, KeyError, TypeError):
        return None


def _rfc2822(text: str) -> DateValue | None:
    import email.utils

    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return DateValue.of(parsed.year, parsed.month, parsed.day) if parsed else None


def weekday_before(anchor: dt.date, weekday: int, *, inclusive: bool = True) -> dt.date:
    """The latest date on ``weekday`` (0 = Monday) not after ``anchor``."""
    delta = (anchor.weekday() - weekday) % 7
    if delta == 0 and not inclusive:
        delta = 7
    return anchor - dt.timedelta(days=delta)


def date_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a time value covers: an ISO prefix (``2019-03``), a timestamp or an
    interval ``start/end`` as the time extractor writes them; None for durations and unknowns."""
    if not value or value.startswith("P"):
        return None
    first, _, last = value.partition("/")
    start = DateValue.from_iso(first)
    end = DateValue.from_iso(last) if last else start
    if start is None or end is None:
        return None
    return (start.first_day, end.last_day) if start.first_day <= end.last_day else None


_PERIOD_START = re.compile(r"\b(?:since|from)\s+(?:the\s+)?$", re.IGNORECASE)


def opens_period(text: str, start: int) -> bool:
    """Whether the date written at ``start`` is where a period begins ("since March 1", "from
    January"): a figure counted over it ("Eleven soldiers have been wounded since March 1") is as
    of when it is stated, not as of that date."""
    return _PERIOD_START.search(text, max(0, start - 14), start) is not None
