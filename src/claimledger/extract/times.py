"""Time expressions found by precompiled patterns and normalized against the document date.

Each expression gets two normal forms: the contract ``value`` (an ISO prefix such as ``2019-03``,
an interval ``start/end`` for weeks, seasons, quarters, "since ..." and "the past two years", or
an ISO 8601 duration ``P2Y``) and the TimeML ``timex`` value (``2013-W11``, ``2013-SU``,
``PRESENT_REF``) that TempEval-3 scores. Relative expressions ("last Friday", "next week") need
the document date: without one their value is ``None`` (never a guess).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from claimledger.ids import make_id
from claimledger.model import Document, Time
from claimledger.values import dates as dv
from claimledger.values.quantities import parse_number

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_G = rf"(?P<month>{_MONTH})\.?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|20)[0-9]{2})"
_MOD = r"(?:(?P<mod>early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+)?"
_COUNT = (
    r"(?P<n>[0-9]+(?:\.[0-9]+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|several|a few|few|a couple of|couple of|many|recent)"
)
_UNIT = r"(?P<unit>second|minute|hour|day|night|week|weekend|month|quarter|year|decade|century|centuries)s?"
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_UNIT_CODE = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "weekend": "WE",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "centuries": "CE",
}
_SEASON_CODE = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_FUTURE = re.compile(r"\b(?:will|would|'ll|shall|to be held|scheduled|expected|plans?|planned|due|going to|"
                     r"next|upcoming|coming|forecast|predicted|"
                     r"(?:is|are|was|were) (?:preparing|getting ready|set|poised) to|prepares? to|intends? to)\b",
                     re.IGNORECASE)
_NOT_YEAR_AFTER = re.compile(
    r"^\s*(?:%|percent|per cent|people|troops|soldiers|fighters|workers|jobs|homes|residents|members|"
    r"civilians|refugees|cases|deaths|votes|students|children|families|vehicles|units|employees|"
    r"officers|personnel|miles|kilometers|km|feet|metres|meters|tons|tonnes|pounds|dollars|euros|"
    r"acres|hectares|square)\b",
    re.IGNORECASE,
)

_P = re.IGNORECASE


def _c(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# (name, pattern); tried in this order, a later match may not overlap an earlier one.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", _c(rf"\b{_YEAR}-(?P<mnum>[01][0-9])-(?P<dnum>[0-3][0-9])(?:T[0-9:]+Z?)?\b")),
    ("since", _c(rf"\b(?P<prep>[Ss]ince|[Uu]ntil|[Tt]hrough|[Bb]efore|[Aa]fter)\s+{_MOD}{_MONTH_G}"
                 rf"(?:\s+{_DAYNUM})?,?\s+{_YEAR}\b")),
    ("mdy", _c(rf"\b(?:{_WEEKDAY},?\s+)?{_MOD}{_MONTH_G}\s+{_DAYNUM},?\s+{_YEAR}\b")),
    ("dmy", _c(rf"\b(?:{_WEEKDAY},?\s+)?{_DAYNUM}\s+{_MONTH_G},?\s+{_YEAR}\b")),
    ("numeric", _c(rf"\b(?P<mnum>[01]?[0-9])/(?P<dnum>[0-3]?[0-9])/{_YEAR}\b")),
    ("my", _c(rf"\b{_MOD}{_MONTH_G},?\s+(?:of\s+)?{_YEAR}\b")),
    ("season_year", _c(rf"\b{_MOD}{_SEASON}\s+(?:of\s+)?{_YEAR}\b", _P)),
    ("quarter", _c(rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter"
                   rf"(?:\s+(?:of\s+)?{_YEAR})?\b", _P)),
    ("qyear", _c(rf"\bQ(?P<q>[1-4])\s+{_YEAR}\b")),
    ("half", _c(rf"\b(?:the\s+)?(?P<ord>first|second)\s+half\s+(?:of\s+)?{_YEAR}\b", _P)),
    ("ago", _c(rf"\b{_COUNT}\s+{_UNIT}\s+(?P<dir>ago|earlier|before|later|from now|hence)\b", _P)),
    ("md", _c(rf"\b(?:{_WEEKDAY},?\s+)?{_MOD}{_MONTH_G}\s+{_DAYNUM}\b(?!\s*[,:]?\s*[0-9])")),
    ("dm", _c(rf"\b{_DAYNUM}\s+{_MONTH_G}\b")),
    ("weekday", _c(rf"\b(?:(?P<rel>last|next|this|coming|past)\s+)?{_WEEKDAY}"
                   r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b", 0)),
    ("relday", _c(r"\b(?P<word>today|yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening)|"
                  r"(?:yesterday|tomorrow) (?:morning|afternoon|evening))\b", _P)),
    ("this", _c(rf"\b(?:(?P<early>earlier|later)\s+)?(?P<rel>this|last|next|the coming|the previous|"
                rf"the past|the last|the next|the current|the same)\s+(?:{_SEASON}|{_UNIT})\b", _P)),
    ("span", _c(rf"\b(?:the\s+)?(?P<rel>past|last|next|previous|coming|first|recent)\s+{_COUNT}\s+{_UNIT}\b", _P)),
    ("season", _c(rf"\b(?P<rel>this|last|next|the|in|during)\s+{_SEASON}\b", _P)),
    ("month", _c(rf"\b(?P<prep>in|since|until|by|through|from|to|of|last|next|this|early|mid|late|"
                 rf"during|before|after|between|and|or)[\s-]+{_MONTH_G}\b(?!\s+[0-9])", _P)),
    ("month_alone", _c(r"\b(?P<month>January|February|March|April|June|July|August|September|October|"
                       r"November|December)\b(?!\s+[0-9])")),
    ("decade", _c(r"\b(?:the\s+)?(?P<mod>early|mid|late)?[\s-]*(?P<decade>(?:1[6-9]|20)[0-9]0)'?s\b")),
    ("year", _c(rf"\b{_MOD}(?:(?:fiscal|FY)\s*)?{_YEAR}\b(?![,.]?[0-9])")),
    ("clock", _c(r"\b(?P<hour>[01]?[0-9]|2[0-3])(?::(?P<minute>[0-5][0-9]))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)"
                 r"(?![a-z])(?:\s+(?:ET|EST|EDT|GMT|UTC|PT|PST|PDT|CT|CST|CDT|local time))?", _P)),
    ("noon", _c(r"\b(?P<word>noon|midnight)\b", _P)),
    ("duration", _c(rf"\b{_COUNT}[\s-]+{_UNIT}(?:[\s-]+long)?\b", _P)),
    ("vague_duration", _c(r"\b(?:for|over|in|within|after|during|since)\s+(?:the\s+)?(?P<lead>(?:past|last|next|coming|"
                          r"recent|several|many)\s+)?(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|"
                          r"centuries)\b", _P)),
    ("holiday", _c(r"\b(?P<word>Christmas Eve|Christmas Day|Christmas|New Year's Eve|New Year's Day|Halloween|"
                   r"Valentine's Day|the weekend)\b")),
    ("set", _c(r"\b(?P<word>every (?:day|week|month|year|morning|night|evening)|each (?:day|week|month|year)|"
               r"daily|weekly|monthly|annually|yearly|per year|a year|per month|a month|a week|a day)\b", _P)),
    ("ref", _c(r"\b(?P<word>now|currently|right now|at present|at the moment|recently|the past|the future|"
               r"in the future|nowadays|these days|formerly|previously|soon)\b", _P)),
)


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """A time expression: its span, contract value, precision, kind and TimeML type/value."""

    start: int
    end: int
    value: str | None
    precision: str | None
    kind: str  # date / duration / set / relative
    timex_type: str  # DATE / TIME / DURATION / SET
    timex: str | None


def times(doc: Document, parsed: Any) -> Iterator[Time]:
    """Time expressions of the document, normalized against ``doc.published.date``."""
    anchor = _anchor(doc.published.date)
    for found in find_times(doc.text, anchor):
        yield Time(
            id=make_id("time", doc.id, found.start, found.end), doc=doc.id, start=found.start,
            end=found.end, text=doc.text[found.start:found.end], value=found.value,
            precision=found.precision, kind=found.kind,  # type: ignore[arg-type]
        )


def _anchor(iso: str | None) -> dt.date | None:
    if not iso:
        return None
    value = dv.DateValue.from_iso(iso)
    if value is None or value.precision != "day":
        return None
    return value.first_day


def find_times(text: str, anchor: dt.date | None) -> list[TimeMatch]:
    """Every time expression in the text, in order, normalized against ``anchor`` (may be None)."""
    taken: list[tuple[int, int]] = []
    out: list[TimeMatch] = []
    for name, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            try:
                found = _normalize(name, match, text, anchor)
            except (ValueError, KeyError, OverflowError):
                found = None
            if found is None:
                continue
            taken.append((found.start, found.end))
            out.append(found)
    return sorted(out, key=lambda m: m.start)


def _month(name: str) -> int:
    return dv.MONTHS[name.lower().rstrip(".")]


def _count(raw: str | None) -> float | None:
    if raw is None:
        return None
    word = raw.lower()
    if word in ("a", "an"):
        return 1
    if word in ("several", "a few", "few", "a couple of", "couple of", "many", "recent"):
        return None
    return parse_number(word)


def _tensed_year(anchor: dt.date, month: int, day: int | None, *, ahead: bool) -> int:
    """News reports what happened: a month (and day) without a year is the latest one up to the
    document date, or the next one when the sentence looks ahead ("will", "next", "plans")."""
    key = (month, day or 1)
    now = (anchor.month, anchor.day if day else 1)
    if ahead:
        return anchor.year if key >= now else anchor.year + 1
    return anchor.year if key <= now else anchor.year - 1


def _nearest_year(anchor: dt.date, month: int, day: int | None = None) -> int:
    """The year that puts month (and day) nearest the anchor."""
    best = anchor.year
    best_gap: int | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = dt.date(year, month, day or 15)
        except ValueError:
            continue
        gap = abs((candidate - anchor).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _modded(iso: str, precision: str, mod: str | None) -> str:
    """Early/mid/late of a month or year as an interval of days or months."""
    if not mod:
        return iso
    mod = {"the beginning of": "early", "the start of": "early", "the middle of": "mid",
           "the end of": "late"}.get(mod.lower(), mod.lower())
    value = dv.DateValue.from_iso(iso)
    if value is None:
        return iso
    if precision == "month":
        last = value.last_day.day
        first, final = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}[mod]
        y, m = value.first_day.year, value.first_day.month
        return f"{dt.date(y, m, first).isoformat()}/{dt.date(y, m, final).isoformat()}"
    if precision == "year":
        first, final = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[mod]
        return f"{iso}-{first:02d}/{iso}-{final:02d}"
    return iso


def _future(text: str, start: int) -> bool:
    line_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 80)
    window = text[max(line_start + 1, start - 60):start]
    return bool(_FUTURE.search(window))


def _week_interval(day: dt.date) -> str:
    monday = day - dt.timedelta(days=day.weekday())
    return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _season(code: str, year: int) -> tuple[str, str]:
    first, last = _SEASON_MONTHS[code]
    end_year = year + 1 if code == "WI" else year
    return f"{year}-{first:02d}/{end_year}-{last:02d}", f"{year}-{code}"


def _m(start: int, end: int, value: str | None, precision: str | None, kind: str, ttype: str,
       timex: str | None) -> TimeMatch:
    return TimeMatch(start, end, value, precision, kind, ttype, timex)


def _normalize(name: str, match: re.Match[str], text: str, anchor: dt.date | None) -> TimeMatch | None:
    g = match.groupdict()
    start, end = match.span()
    if name == "iso":
        value = dv.DateValue.of(int(g["year"]), int(g["mnum"]), int(g["dnum"]))
        return _m(start, end, value.iso, "day", "date", "DATE", value.iso)
    if name in ("mdy", "dmy", "numeric"):
        month = int(g["mnum"]) if g.get("mnum") else _month(g["month"])
        day = int(g["dnum"]) if g.get("dnum") else int(g["day"])
        value = dv.DateValue.of(int(g["year"]), month, day)
        return _m(start, end, value.iso, "day", "date", "DATE", value.iso)
    if name == "since":
        month = _month(g["month"])
        value = (dv.DateValue.of(int(g["year"]), month, int(g["day"])) if g.get("day")
                 else dv.DateValue.of(int(g["year"]), month))
        prep = g["prep"].lower()
        inner = _modded(value.iso, value.precision, g.get("mod"))
        if prep == "since" and anchor is not None:
            interval = f"{inner.split('/')[0]}/{anchor.isoformat()}"
            return _m(start, end, interval, value.precision, "relative", "DATE", value.iso)
        return _m(start, end, inner, value.precision, "date", "DATE", value.iso)
    if name == "my":
        value = dv.DateValue.of(int(g["year"]), _month(g["month"]))
        return _m(start, end, _modded(value.iso, "month", g.get("mod")), "month", "date", "DATE", value.iso)
    if name == "season_year":
        code = _SEASON_CODE[g["season"].lower()]
        interval, timex = _season(code, int(g["year"]))
        return _m(start, end, interval, "season", "date", "DATE", timex)
    if name in ("quarter", "qyear"):
        quarter = int(g["q"]) if g.get("q") else _ORDINAL[g["ord"].lower()]
        if g.get("year"):
            year = int(g["year"])
        elif anchor is None:
            return _m(start, end, None, "quarter", "relative", "DATE", None)
        else:  # a quarter named without a year is the latest one so named, unless the text looks ahead
            current = (anchor.month - 1) // 3 + 1
            ahead = _future(text, start)
            year = anchor.year - (1 if quarter > current and not ahead else 0)
            year += 1 if quarter < current and ahead else 0
        first = 3 * quarter - 2
        return _m(start, end, f"{year}-{first:02d}/{year}-{first + 2:02d}", "quarter", "date", "DATE",
                  f"{year}-Q{quarter}")
    if name == "half":
        half = 1 if g["ord"].lower() == "first" else 2
        year = int(g["year"])
        first = 1 if half == 1 else 7
        return _m(start, end, f"{year}-{first:02d}/{year}-{first + 5:02d}", "half", "date", "DATE",
                  f"{year}-H{half}")
    if name == "ago":
        count = _count(g["n"])
        unit = g["unit"].lower().rstrip("s")
        if unit == "centurie":
            unit = "century"
        sign = 1 if g["dir"].lower() in ("later", "from now", "hence") else -1
        if anchor is None or count is None or count != int(count):
            return _m(start, end, None, None, "relative", "DATE", None)
        return _shifted(start, end, anchor, unit, sign * int(count))
    if name in ("md", "dm"):
        month = _month(g["month"])
        day = int(g["day"])
        if not 1 <= day <= 31:
            return None
        if anchor is None:
            return _m(start, end, None, "day", "relative", "DATE", None)
        year = _tensed_year(anchor, month, day, ahead=_future(text, start))
        value = dv.DateValue.of(year, month, day)
        return _m(start, end, value.iso, "day", "relative", "DATE", value.iso)
    if name == "weekday":
        weekday = dv.WEEKDAYS[g["weekday"].lower()]
        if anchor is None:
            return _m(start, end, None, "day", "relative", "DATE", None)
        rel = (g.get("rel") or "").lower()
        if rel in ("next", "coming") or (not rel and _future(text, start)):
            delta = (weekday - anchor.weekday()) % 7 or (7 if rel else 0)
            when = anchor + dt.timedelta(days=delta)
        elif rel in ("last", "past"):
            when = dv.weekday_before(anchor, weekday, inclusive=False)
        else:
            when = dv.weekday_before(anchor, weekday)
        part = _PARTS.get((g.get("part") or "").lower())
        timex = when.isoformat() + (f"T{part}" if part else "")
        return _m(start, end, when.isoformat(), "day", "relative", "TIME" if part else "DATE", timex)
    if name == "relday":
        word = g["word"].lower()
        if anchor is None:
            return _m(start, end, None, "day", "relative", "DATE", None)
        offset = -1 if word.startswith(("yesterday", "last night")) else 1 if word.startswith("tomorrow") else 0
        when = anchor + dt.timedelta(days=offset)
        part = next((code for key, code in _PARTS.items() if word.endswith(key)), None)
        if word == "tonight":
            part = "NI"
        timex = when.isoformat() + (f"T{part}" if part else "")
        return _m(start, end, when.isoformat(), "day", "relative", "TIME" if part else "DATE", timex)
    if name == "this":
        rel = g["rel"].lower()
        season = g.get("season")
        unit = (g.get("unit") or "").lower().rstrip("s")
        if rel in ("the past", "the last", "the next", "the coming") and not season and unit not in ("weekend",):
            count = 1
            if anchor is None:
                return _m(start, end, None, None, "duration", "DURATION", f"P1{_UNIT_CODE.get(unit, 'D')}")
            return _span(start, end, anchor, unit, count, future=rel in ("the next", "the coming"))
        if anchor is None:
            return _m(start, end, None, None, "relative", "DATE", None)
        step = -1 if rel in ("last", "the previous") else 1 if rel in ("next", "the coming") else 0
        if season:
            code = _SEASON_CODE[season.lower()]
            year = anchor.year + step
            interval, timex = _season(code, year)
            return _m(start, end, interval, "season", "relative", "DATE", timex)
        return _shifted(start, end, anchor, unit, step, calendar_unit=True)
    if name == "span":
        unit = g["unit"].lower().rstrip("s")
        if unit == "centurie":
            unit = "century"
        count = _count(g["n"])
        code = _UNIT_CODE.get(unit, "D")
        rel = g["rel"].lower()
        if count is None or anchor is None or count != int(count):
            return _m(start, end, None, None, "duration", "DURATION",
                      f"P{'X' if count is None else format_count(count)}{code}")
        return _span(start, end, anchor, unit, int(count), future=rel in ("next", "coming"))
    if name == "season":
        code = _SEASON_CODE[g["season"].lower()]
        rel = g["rel"].lower()
        if anchor is None:
            return _m(start, end, None, "season", "relative", "DATE", None)
        year = anchor.year + (-1 if rel == "last" else 1 if rel == "next" else 0)
        interval, timex = _season(code, year)
        s = start if rel in ("this", "last", "next") else match.start("season")
        return _m(s, end, interval, "season", "relative", "DATE", timex)
    if name in ("month", "month_alone"):
        if name == "month" and g["prep"].lower() in ("may",):
            return None
        month_name = g["month"]
        if month_name.rstrip(".").lower() in ("may",) and name == "month" and g["prep"].lower() in ("and", "or", "to"):
            return None
        if not month_name[0].isupper():
            return None
        month = _month(month_name)
        prep = g["prep"].lower() if name == "month" else ""
        s = match.start("month")
        mod = prep if prep in ("early", "mid", "late") else None
        if mod:
            s = start
        if anchor is None:
            return _m(s, end, None, "month", "relative", "DATE", None)
        if prep in ("last", "next", "this"):
            s = start
            year = anchor.year - (1 if month >= anchor.month else 0) if prep == "last" else \
                anchor.year + (1 if month <= anchor.month else 0) if prep == "next" else anchor.year
        else:
            year = _tensed_year(anchor, month, None, ahead=_future(text, start))
        iso = f"{year:04d}-{month:02d}"
        return _m(s, end, _modded(iso, "month", mod), "month", "relative", "DATE", iso)
    if name == "decade":
        decade = g["decade"]
        iso = decade[:3]
        return _m(start, end, f"{decade}/{int(decade) + 9}", "decade", "date", "DATE", iso)
    if name == "year":
        tail = text[end:end + 30]
        if _NOT_YEAR_AFTER.match(tail) or (start > 0 and text[start - 1] in "$£€#"):
            return None
        if re.search(r"[0-9],$|[0-9]\.$", text[max(0, start - 2):start]):
            return None
        iso = g["year"]
        return _m(start, end, _modded(iso, "year", g.get("mod")), "year", "date", "DATE", iso)
    if name == "clock":
        hour = int(g["hour"])
        minute = int(g["minute"] or 0)
        ampm = g["ampm"].lower().replace(".", "")
        if hour == 0 or hour > 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
        clock = f"T{hour:02d}:{minute:02d}"
        if anchor is None:
            return _m(start, end, None, "minute", "relative", "TIME", clock)
        return _m(start, end, anchor.isoformat() + clock, "minute", "relative", "TIME",
                  anchor.isoformat() + clock)
    if name == "noon":
        clock = "T12:00" if g["word"].lower() == "noon" else "T24:00"
        stamp = anchor.isoformat() + clock if anchor else None
        return _m(start, end, stamp, "minute", "relative", "TIME", stamp)
    if name == "duration":
        unit = g["unit"].lower().rstrip("s")
        if unit == "centurie":
            unit = "century"
        if unit == "weekend":
            return None
        count = _count(g["n"])
        if g["n"].lower() in ("many", "recent") or (unit == "second" and g["n"].lower() in ("a", "an", "one")):
            return None  # "a second term" is an ordinal, not one second
        code = _UNIT_CODE.get(unit, "D")
        amount = "X" if count is None else format_count(count)
        if count is not None and unit in ("decade", "century"):
            amount, code = format_count(count * (10 if unit == "decade" else 100)), "Y"
        duration = f"PT{amount}{code}" if unit in ("second", "minute", "hour") else f"P{amount}{code}"
        return _m(start, end, duration, unit, "duration", "DURATION", duration)
    if name == "vague_duration":
        unit = g["unit"].lower().rstrip("s")
        if unit == "centurie":
            unit = "century"
        code = _UNIT_CODE.get(unit, "D")
        if unit in ("decade", "century"):
            code = "DE" if unit == "decade" else "CE"
        duration = f"PTX{code}" if unit in ("second", "minute", "hour") else f"PX{code}"
        first = match.start("lead") if g.get("lead") else match.start("unit")
        return _m(first, end, duration, unit, "duration", "DURATION", duration)
    if name == "holiday":
        word = g["word"]
        if word == "the weekend":
            if anchor is None:
                return _m(start, end, None, "day", "relative", "DATE", None)
            saturday = _saturday_of(anchor, future=_future(text, start))
            return _m(start, end, _weekend(saturday), "day", "relative", "DATE", f"{_iso_week(saturday)}-WE")
        month, day = {"Christmas Eve": (12, 24), "Christmas Day": (12, 25), "Christmas": (12, 25),
                      "New Year's Eve": (12, 31), "New Year's Day": (1, 1), "Halloween": (10, 31),
                      "Valentine's Day": (2, 14)}[word]
        if anchor is None:
            return _m(start, end, None, "day", "relative", "DATE", None)
        when = dt.date(_nearest_year(anchor, month, day), month, day)
        return _m(start, end, when.isoformat(), "day", "relative", "DATE", when.isoformat())
    if name == "set":
        word = g["word"].lower()
        unit = next((u for u in ("day", "week", "month", "year", "morning", "night", "evening") if u in word), None)
        if unit is None:
            unit = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}[word]
        if word.startswith(("a ", "per ")) and not re.search(
            r"(?i)\b(?:once|twice|times?|[0-9]+)\s+$", text[max(0, start - 12):start]
        ):
            return None
        code = {"morning": "D", "night": "D", "evening": "D"}.get(unit, _UNIT_CODE.get(unit, "D"))
        return _m(start, end, f"P1{code}", unit, "set", "SET", f"P1{code}")
    if name == "ref":
        word = g["word"].lower()
        if word in ("now", "currently", "right now", "at present", "at the moment", "nowadays", "these days"):
            today = anchor.isoformat() if anchor else None
            return _m(start, end, today, "day" if anchor else None, "relative", "DATE", "PRESENT_REF")
        if word in ("the future", "in the future", "soon"):
            return _m(start, end, None, None, "relative", "DATE", "FUTURE_REF")
        return _m(start, end, None, None, "relative", "DATE", "PAST_REF")
    return None


def format_count(count: float) -> str:
    return str(int(count)) if count == int(count) else f"{count:g}"


def _shifted(start: int, end: int, anchor: dt.date, unit: str, step: int, *,
             calendar_unit: bool = False) -> TimeMatch | None:
    """The calendar day/week/month/year ``step`` units from the anchor."""
    if unit in ("day", "night"):
        day = anchor + dt.timedelta(days=step)
        return _m(start, end, day.isoformat(), "day", "relative", "DATE", day.isoformat())
    if unit in ("week", "weekend"):
        day = anchor + dt.timedelta(weeks=step)
        if unit == "weekend":
            return _m(start, end, _weekend(day), "day", "relative", "DATE", f"{_iso_week(day)}-WE")
        if calendar_unit:
            return _m(start, end, _week_interval(day), "week", "relative", "DATE", _iso_week(day))
        return _m(start, end, day.isoformat(), "day", "relative", "DATE", day.isoformat())
    if unit == "month":
        day = _shift_months(anchor, step)
        iso = f"{day.year:04d}-{day.month:02d}"
        return _m(start, end, iso if calendar_unit else day.isoformat(), "month", "relative", "DATE", iso)
    if unit == "quarter":
        day = _shift_months(anchor, 3 * step)
        quarter = (day.month - 1) // 3 + 1
        first = 3 * quarter - 2
        return _m(start, end, f"{day.year}-{first:02d}/{day.year}-{first + 2:02d}", "quarter", "relative",
                  "DATE", f"{day.year}-Q{quarter}")
    if unit == "year":
        year = anchor.year + step
        return _m(start, end, f"{year:04d}", "year", "relative", "DATE", f"{year:04d}")
    if unit == "decade":
        year = anchor.year + 10 * step
        return _m(start, end, f"{year // 10 * 10}/{year // 10 * 10 + 9}", "decade", "relative", "DATE",
                  f"{year // 10:03d}")
    if unit in ("century",):
        year = anchor.year + 100 * step
        return _m(start, end, f"{year // 100 * 100}/{year // 100 * 100 + 99}", "century", "relative",
                  "DATE", f"{year // 100:02d}")
    if unit in ("hour", "minute", "second"):
        return _m(start, end, anchor.isoformat(), "day", "relative", "TIME", None)
    return None


def _saturday_of(anchor: dt.date, *, future: bool) -> dt.date:
    """The Saturday of the weekend "the weekend" means on ``anchor``: the one it falls in on a
    Saturday or Sunday; otherwise the one just past (news reports what happened), or the coming
    one when the sentence speaks of the future."""
    if anchor.weekday() >= 5:
        return anchor - dt.timedelta(days=anchor.weekday() - 5)
    if future:
        return anchor + dt.timedelta(days=5 - anchor.weekday())
    return anchor - dt.timedelta(days=anchor.weekday() + 2)


def _weekend(day: dt.date) -> str:
    saturday = day + dt.timedelta(days=(5 - day.weekday()) % 7)
    return f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}"


def _span(start: int, end: int, anchor: dt.date, unit: str, count: int, *, future: bool) -> TimeMatch:
    """"the past two years" as the interval it covers, with the TimeML duration."""
    code = _UNIT_CODE.get(unit, "D")
    duration = f"PT{count}{code}" if unit in ("hour", "minute", "second") else f"P{count}{code}"
    if unit in ("decade", "century"):
        duration = f"P{count * (10 if unit == 'decade' else 100)}Y"
    days = {"day": 1, "night": 1, "week": 7, "weekend": 7, "month": 0, "quarter": 0, "year": 0,
            "decade": 0, "century": 0}.get(unit)
    if days is None:
        return _m(start, end, duration, unit, "duration", "DURATION", duration)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit, 0)
    sign = 1 if future else -1
    other = anchor + dt.timedelta(days=sign * days * count) if days else _shift_months(anchor, sign * months * count)
    first, last = (anchor, other) if future else (other, anchor)
    return _m(start, end, f"{first.isoformat()}/{last.isoformat()}", "day", "relative", "DURATION", duration)
