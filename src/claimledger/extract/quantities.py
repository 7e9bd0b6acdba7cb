"""Quantities: every number with its qualifier, unit, what it counts, its change, when and where.

Candidates come from one precompiled regular expression over the text (digits, number words,
scale words, currency symbols, vague plurals); rules on the characters around each candidate
drop what is never a quantity (years and dates, clock times, identifiers, phone numbers, list
markers, hashtags and handles, page furniture); the spaCy parse then gives what is counted (the
noun the number modifies, or the subject of its clause) and the direction of change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from claimledger.ids import make_id
from claimledger.model import Document, Place, Quantity, Time
from claimledger.values import quantities as qv
from claimledger.values.dates import opens_period
from claimledger.values.quantities import Qualifier, QuantityValue, UnitClass, wordset

_NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety)(?![a-z])"
)
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|lakh|crore)"
_WORDS = (
    rf"(?:(?:an?\s+)?(?:{_NUMBER_WORD}|{_SCALE_WORD}|dozen)"
    rf"(?:(?:\s+and\s+|\s+|-)(?:{_NUMBER_WORD}|{_SCALE_WORD}|dozen|a\s+half)(?![\w-]))*)"
)
_DIGITS = r"(?:(?<![\w.,%$€£)])[-−](?=[0-9.]))?(?:(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+)"
_GLUED_SCALE = r"(?:\s?(?:bn|mn|mln|bln|trn)|tn|m|k|b)(?![\w])"
_NUMBER = (
    rf"(?:(?:{_DIGITS})(?:[\s-]*{_SCALE_WORD}(?:\s+{_SCALE_WORD})?|{_GLUED_SCALE})?"
    rf"|{_WORDS})"
)
_FRACTION = (
    r"(?:(?:one|two|three|a)[\s-](?:half|thirds?|quarters?|fourths?|fifths?|tenths?)|[0-9]+/[0-9]+"
    r"|half(?=\s+(?:of|the|its|their|his|her|our|all)\b)"
    r"|(?:one|[0-9]{1,2})\s+(?:in|out\s+of)\s+(?:two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,3})(?![\w,.]))"
)
_SHARE = re.compile(r"(?P<a>one|[0-9]{1,2})\s+(?:in|out\s+of)\s+(?P<b>\w+)", re.IGNORECASE)
_VAGUE = (
    r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores|hundreds|thousands|millions|"
    r"billions|(?:several|a\s+few|a\s+couple(?:\s+of)?)\s+(?:hundred|thousand|million|billion|dozen))"
)
_CURRENCY = (
    r"(?:(?:US\$|U\.S\.\s?\$|A(?:UD?)?\$|CA?\$|HK\s?\$|NZ\$|S\$|R\$|\$(?:US|A|NZ|C|HK|S)(?=[0-9])|Rs\.?|RM"
    r"|(?-i:Y=)(?=[0-9])|(?-i:PS)(?=[0-9.,]+(?:bn|m|k|,[0-9]{3})\b)|[$€£¥₹₪₩₽₺₦₴]|(?:USD|EUR|GBP|JPY|CNY|AUD|CAD|CHF|INR|RMB|HKD|NZD|SGD))\s?)"
)
CANDIDATE = re.compile(
    rf"(?P<vague>\b{_VAGUE}\b)|(?P<frac>\b{_FRACTION}\b)"
    rf"|(?P<cur>{_CURRENCY})?(?P<num>(?P<n1>{_NUMBER})"
    rf"(?:\s*(?:-|–|to)\s*(?P<cur2>{_CURRENCY})?(?P<n2>{_NUMBER}))?)",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"\s?-?\s?(?:(?:more|additional|extra|consecutive|straight|full|successive|whole|long|fewer)\s+)?(?P<unit>"
    + "|".join(
        re.escape(u) for u in sorted(qv.UNITS, key=len, reverse=True)
        if u not in ("$", "us$", "u.s.$", "a$", "au$", "c$", "ca$", "hk$", "nz$", "s$", "r$")
    )
    + r")(?![\w$])",
    re.IGNORECASE,
)
_QUALIFIER_BEFORE = re.compile(
    r"(?:^|[^\w])(?P<q>"
    + "|".join(re.escape(q) for q in sorted(qv.QUALIFIERS, key=len, reverse=True)
               if q not in ("or more", "plus", "or less", "or so"))
    + r")(?:\s+|(?<=~)\s*)(?:(?:a|an|the)\s+)?$",
    re.IGNORECASE,
)
_QUALIFIER_AFTER = re.compile(r"^(?:\+|\s+(?:or more|or so|plus|or less|or fewer)\b)", re.IGNORECASE)
_PER_AFTER = re.compile(
    r"\s*(?:per|a|an|/)\s*(?P<per>barrel|month|year|share|hour|day|week|gallon|litre|liter|"
    r"square (?:foot|feet|metre|meter)|tonne|ton|ounce|person|head|capita|kilogram|kg|pound|mile|game|"
    r"match|night|unit|seat|ticket)\b",
    re.IGNORECASE,
)
_RANGE_NOUN_AFTER = re.compile(
    r"\s+(?!(?:win|victory|defeat|loss|lead|draw|vote|decision|margin|record|score|tie|split|majority)\b)"
    r"[a-z]{3,}\b"
)
_AGE = re.compile(r"(?:[A-Za-z]{2,}|[A-Z]\.),\s$|[A-Z][a-z]+\s\($")
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_AND_AFTER = re.compile(rf"^\s+(?:and|to)\s+(?P<cur>{_CURRENCY})?(?P<n>{_NUMBER})", re.IGNORECASE)
_COMPOUND_AFTER = re.compile(r"^-(?P<word>[a-z]+)(?:-(?P<word2>[a-z]+))?\b")
_CLOCK = re.compile(r"^(?::[0-9]{2})+|^\s?(?:a\.?m\.?|p\.?m\.?)(?![a-z])|^\s?(?:GMT|UTC|[ECMP][SD]T)\b",
                    re.IGNORECASE)
_PHONE = re.compile(r"(?:\+?[0-9]{1,3}[\s.-])?\(?[0-9]{3}\)?[\s.-][0-9]{3}[\s.-][0-9]{4}")
_PHONE_NUMBER = re.compile(
    r"(?:\+[0-9]{1,3}|\(0?[0-9]{1,4}\)|\b0[0-9]{1,4})(?:[\s.-]?[0-9]{1,4}){2,5}\b"
    r"|\b[0-9]{3}[\s.-][0-9]{3}[\s.-][0-9]{4}\b"
)
_FURNITURE_BEFORE = re.compile(
    r"\b(?:page|photo|image|slide|picture|video|no\.|number|vol\.|volume|chapter|section|article|"
    r"paragraph|item|step|episode|season|part|room|route|highway|flight|rule|resolution|"
    r"version|grade|level|tier|phase|category|class|size|channel|line)\s+$",
    re.IGNORECASE,
)
_FURNITURE_OF = re.compile(
    r"\b(?:page|photo|image|slide|picture|item|part|step|episode)\s+[0-9]+\s*(?:of|/)\s*$", re.IGNORECASE
)
_LIST_MARKER = re.compile(r"(?:^|\n)\s*(?:\(?[0-9]{1,2}[.)]|[0-9]{1,2}/)\s*$")
_YEAR = re.compile(r"^(?:1[6-9]|20)[0-9]{2}$")
_DECADE_AFTER = re.compile(r"^'?s\b")
_ID_CHARS = frozenset("#@_/\\")

UP_WORDS = wordset(
    "rise rose risen grow grew grown increase climb jump gain surge soar rally add boost "
    "expand swell balloon spike climb up hike growth rebound advance accelerate double triple "
    "outpace top widen"
)
DOWN_WORDS = wordset(
    "fall fell fallen drop decline decrease slip slide plunge tumble sink shrink lose cut reduce "
    "down dip shed plummet ease slump contract dive crash retreat lower slash trim narrow loss "
    "reduction contraction"
)
_COUNT_COMPOUNDS = wordset(
    "member nation country state person man woman strong seat vehicle car ship vessel bed room story "
    "storey unit party bus truck"
)
_NOUN_DEPS = frozenset(("compound", "amod", "nmod", "poss", "npadvmod"))


Change = Literal["up", "down"] | None


@dataclass(frozen=True, slots=True)
class Found:
    """A candidate quantity before the parse: its span, value and unit span."""

    start: int
    end: int
    value: QuantityValue
    number_end: int  # end of the number itself (before a unit written after it)
    compound: str | None = None  # "member" of "79-member"


def quantities(
    doc: Document, parsed: Any, times: Sequence[Time], places: Sequence[Place]
) -> Iterator[Quantity]:
    """Every quantity of the document, with bounds, unit, counted concept, change, as-of, place."""
    text = doc.text
    found_all = list(_found_quantities(doc, parsed, times, places))
    previous: tuple[int, Change, tuple[int, int] | None] = (-1, None, None)
    for index, (found, stated, own_counted, own_change, as_of, place, sentence) in enumerate(found_all):
        value, counted, change = stated, own_counted, own_change
        if change is None and sentence is not None and previous[2] == sentence and previous[1] is not None \
                and value.qualifier == "exact" and _SAME_MOVE.fullmatch(text, previous[0], found.start):
            change = previous[1]
        elif change is None and sentence is not None and previous[2] == sentence and previous[1] is not None \
                and value.unit is not None and value.unit == found_all[index - 1][1].unit:
            listed = _LISTED_MOVE.fullmatch(text, previous[0], found.start)
            if listed is not None:  # "Acme was down 2.3%, Bolt by 2.6%": the move of the list
                change, counted = previous[1], listed.group("name")
        if previous[2] == sentence and sentence is not None and index and value.unit is not None \
                and _CONVERSION.fullmatch(text, previous[0], found.start):
            before = found_all[index - 1][1]  # "more than 100 kilometers (60 miles)": one figure restated
            if before.unit is not None and before.qualifier not in ("exact", "range", "vague") \
                    and value.qualifier == "exact":
                value = QuantityValue.of(value.value, before.qualifier, value.unit, value.unit_class)
            change = change or previous[1]
        previous = (found.end, change, sentence)
        if value.unit is None and sentence is not None and not _own_noun(text, found, counted) \
                and not _named_level(text, found, counted):
            donor = _elliptic_donor(text, found_all, index)
            if donor is not None:
                value = _unit(value, donor[0], donor[1]) if donor[0] else value
                counted = donor[2] if donor[0] is None else counted
        if counted == "age" and value.unit is None:
            value = QuantityValue(value.value, value.low, value.high, value.qualifier, "yr", "duration")
        yield Quantity(
            id=make_id("quantity", doc.id, found.start, found.end), doc=doc.id,
            start=found.start, end=found.end, text=text[found.start:found.end],
            value=value.value, low=value.low, high=value.high, qualifier=value.qualifier,
            unit=value.unit, unit_class=value.unit_class, counted=counted, change=change,
            as_of=as_of, place=place,
        )


_Row = tuple[Found, QuantityValue, str | None, "Change", str | None, str | None, tuple[int, int] | None]


def _found_quantities(
    doc: Document, parsed: Any, times: Sequence[Time], places: Sequence[Place]
) -> Iterator[_Row]:
    """Each candidate with its parse-derived fields and its sentence bounds (None without a parse)."""
    text = doc.text
    blocked = [(t.start, t.end, t) for t in times if t.kind in ("date", "relative", "set")]
    seen: set[tuple[int, int]] = set()
    for found in find_quantities(text):
        if _inside_time(found, blocked, text):
            continue
        if (found.start, found.end) in seen:
            continue
        seen.add((found.start, found.end))
        span = parsed.char_span(found.start, found.end, alignment_mode="expand") if parsed is not None else None
        value = found.value
        counted = change = None
        if span is not None and len(span):
            if _not_a_number(span, found, text):
                continue
            counted = _counted(span, found, text)
            if counted in ("A", "Q") and _INTERVIEW_LABEL.match(text, text.rfind("\n", 0, found.start) + 1):
                counted = None  # "A: About $30 million": an interview's label, not what is counted
            change = _change(span, found, text)
            if change is not None and (counted is None or span[0].text[:1] in "+-−"):
                counted = _named_mover(span) or counted
            sentence = span.sent
            as_of = _as_of(text, sentence.start_char, sentence.end_char, found, times)
            place = _place(sentence.start_char, sentence.end_char, found, places)
            bounds: tuple[int, int] | None = (sentence.start_char, sentence.end_char)
        else:
            as_of = place = bounds = None
        yield found, value, counted, change, as_of, place, bounds


_INTERVIEW_LABEL = re.compile(r"[ \t]*[QA][ \t]*[:.][ \t]")


def _named_level(text: str, found: Found, counted: str | None) -> bool:
    """Whether the number is the level a named thing is put or brought to, written right before
    it ("bringing the toll to 54", "put the death toll at 40"): it counts that thing, not what
    the figure before it counted."""
    before = text[max(0, found.start - 80):found.start]
    if not counted:
        return False
    return re.search(rf"\b{re.escape(counted)}\s+(?:to|at)\s+$", before, re.IGNORECASE) is not None


def _own_noun(text: str, found: Found, counted: str | None) -> bool:
    """Whether the counted noun is written right after the number ("435 homes", "14 of the players")."""
    if not counted or found.compound is not None:
        return bool(counted)
    tail = re.sub(r"^[\s-]*(?:of\s+(?:the\s+)?)?", "", text[found.end:found.end + 80]).lower()
    return tail.startswith(counted.lower().split()[0])


# the same move stated twice: "lost 190 points, or 0.6%" (the level after "to" is not a change)
_SAME_MOVE = re.compile(r"\s*,?\s*(?:or|and)\s+|(?:\s+[a-z-]+){1,2}\s*,?\s*or\s+", re.IGNORECASE)
# the next name of a list of moves, its verb left out: ", Bolt by 2.6%", " and Cora 1%"
_LISTED_MOVE = re.compile(r"(?:\s*,\s*|\s*,?\s+and\s+)(?P<name>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})"
                          r"\s+(?:by\s+)?")
# a figure restated in another unit right after it: "(60 miles)", "(224 kW / 300 PS)"
_CONVERSION = re.compile(r"\s*[(/]\s*|\s*/\s*")
# a number that counts the same things as a figure before it: "9,400 of them", "and 14 are missing"
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|whom)\b", re.IGNORECASE)
_BARE_SUBJECT = re.compile(r"\s+(?:are|were|was|is|have|has|had|remain|remained|remains)\b", re.IGNORECASE)
_AFTER_AND = re.compile(r"(?:\band|,)\s+$", re.IGNORECASE)
_ELLIPSIS_OR = re.compile(r"-?\s*(?:or|and|to)\s+$")
_LEVEL_AFTER_CHANGE = re.compile(r"\b(?:to|at)(?:\s+(?:end|close|finish|settle)\s+at)?\s+$")


def _elliptic_donor(text: str, rows: Sequence[_Row], index: int) -> tuple[str | None, UnitClass, str | None] | None:
    """The unit a bare number shares with a neighbour in its sentence, as a reader supplies it:
    "7- or 8-inch", "about 8 or $9" (the next number's unit); "435 homes by sale and 187 by
    tender", "lost 162.31 points to 7,425.81" (the nearest earlier figure with a unit or its own
    noun; a level after "to" does not take a percent: "climbed 0.1% to 1,333.18")."""
    found, value, counted, _, _, _, bounds = rows[index]
    if bounds is None or found.compound is not None or counted == "age" or value.qualifier == "vague":
        return None
    back_reference = bool(_OF_THEM.match(text, found.end)) or (  # "9,400 of them", "and 14 are missing"
        bool(_BARE_SUBJECT.match(text, found.end)) and bool(_AFTER_AND.search(text, max(0, found.start - 6),
                                                                               found.start)))
    if re.match(r"\s*(?:[A-Za-z]|\(?[0-9]{4}\)?)", text[found.end:found.end + 6]) and \
            not re.match(r"\s*(?:or|and|to|by|in|on|at|for|from|during|while|with|as|compared|versus|vs)\b",
                         text[found.end:found.end + 12]) and not back_reference:
        return None  # a word follows that is not a linking word: the number has its own context
    if index + 1 < len(rows):
        nxt = rows[index + 1]
        if nxt[6] == bounds and _ELLIPSIS_OR.fullmatch(text[found.end:nxt[0].start]) and nxt[1].unit is not None \
                and nxt[1].unit_class not in ("count", "duration"):
            return nxt[1].unit, nxt[1].unit_class, None
    level = bool(_LEVEL_AFTER_CHANGE.search(text, max(0, found.start - 20), found.start))
    for back in range(index - 1, -1, -1):
        other, other_value, other_counted, _, _, _, other_bounds = rows[back]
        if other_bounds != bounds:
            break
        if other_value.unit is not None:
            if back_reference:
                return None  # "rose 3% and 2 were flat": things counted, not a share of them
            if other_value.unit_class == "duration" or other_value.unit == "yr":
                return None
            if level and other_value.unit_class == "percent":
                continue
            return other_value.unit, other_value.unit_class, None
        if other_counted and other_counted != "age" and _own_noun(text, other, other_counted) \
                and other_value.qualifier != "vague":
            return None, "count", other_counted
        if not level:
            return None
    return None


def find_quantities(text: str) -> list[Found]:
    """Candidate quantities found from the characters alone (no parse), in text order."""
    out: list[Found] = []
    taken = 0
    phones = [m.span() for m in _PHONE_NUMBER.finditer(text)]
    for match in CANDIDATE.finditer(text):
        if match.start() < taken:
            continue
        if phones and any(a <= match.start() < b for a, b in phones):
            continue
        found = _read(text, match)
        if found is not None and taken <= found.start < found.end <= len(text):
            merged = _as_range(text, out[-1], found) if out else None
            if merged is not None:
                out[-1] = merged
            else:
                out.append(found)
            taken = found.end
    return out


def _as_range(text: str, first: Found, second: Found) -> Found | None:
    """"5% to 7%", "$5-$7", "between 5% and 7%": two numbers of one unit that bound one range."""
    a, b = first.value, second.value
    if first.compound or second.compound:
        return None
    moved = _from_to(text, first, second)
    if moved is not None:
        return moved
    if a.qualifier != "exact" or b.qualifier != "exact":
        return None
    if a.unit != b.unit or a.value >= b.value:
        return None
    gap = text[first.end:second.start]
    start = first.start
    if re.fullmatch(r"\s+to\s+", gap) and _after_change_verb(text, first.start):
        return None  # "rose 4p to 164p": a change and the level it reached, not a range
    if not re.fullmatch(r"\s*(?:-|–|to)\s*", gap):
        between = _BETWEEN_BEFORE.search(text, max(0, first.start - 9), first.start)
        if not re.fullmatch(r"\s+and\s+", gap) or between is None or between.group(0).lower().startswith("from"):
            return None  # "from X to Y" is read as the range NewsQuant annotates; "and" needs "between"
        start = between.start()
    ranged = QuantityValue.of(a.value, "range", a.unit, a.unit_class, high=b.value)
    return Found(start, second.end, ranged, second.number_end)


_VERB_BEFORE = re.compile(r"([a-z]+)\s+(?:by\s+)?(?:(?:about|around|nearly|almost|some|just)\s+)?$", re.IGNORECASE)


def _after_change_verb(text: str, start: int) -> bool:
    """Whether a verb of change comes right before the number ("rose 4p", "fell by about 2%")."""
    verb = _VERB_BEFORE.search(text, max(0, start - 30), start)
    if verb is None:
        return False
    word = verb.group(1).lower()
    stem = re.sub(r"(?:ed|d|s)$", "", word)
    return any(w in UP_WORDS or w in DOWN_WORDS for w in (word, stem, stem + "e")) and word not in ("up", "down")


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:up to|about|around|roughly|some|nearly|almost)\s+)?$", re.IGNORECASE)
_FROM_GAP = re.compile(r"(?:\s+[^\d.;:!?()\[\]]{1,40}?)?\s+to\s+", re.IGNORECASE)


def _from_to(text: str, first: Found, second: Found) -> Found | None:
    """"from $36,040 last night to $34,935", "from 208 pounds to 193": the span a figure moved
    over, read as one range (its ends in order; a reader takes "from 5% to 7%" as one move).
    One unit on both ends, or one end without a unit takes the other's."""
    a, b = first.value, second.value
    if a.qualifier == "vague" or b.qualifier not in ("exact",) or a.value == b.value:
        return None
    if a.unit != b.unit and a.unit is not None and b.unit is not None:
        return None
    if _FROM_BEFORE.search(text, max(0, first.start - 22), first.start) is None:
        return None
    if not _FROM_GAP.fullmatch(text, first.end, second.start):
        return None
    unit, unit_class = (a.unit, a.unit_class) if a.unit is not None else (b.unit, b.unit_class)
    low, high = min(a.value, b.value), max(a.value, b.value)
    ranged = QuantityValue.of(low, "range", unit, unit_class, high=high)
    return Found(first.start, second.end, ranged, second.number_end)


_SIGN_BEFORE = re.compile(r"\b(?:minus[\s-]|sub-)$", re.IGNORECASE)


def _read(text: str, match: re.Match[str]) -> Found | None:
    start, end = match.span()
    if match.group("vague"):
        if _glued(text, start, end):
            return None
        vague = qv.vague(match.group("vague"))
        if vague is None:
            return None
        if match.group("vague").lower() in ("thousands", "millions", "billions", "hundreds", "dozens",
                                            "scores") and not _followed_by_of_or_noun(text, end):
            return None
        return _with_unit(text, start, end, vague, end)
    if match.group("frac"):
        if _glued(text, start, end) or re.match(r"-(?:party|parties|class|rate|tier|hand)\b", text[end:end + 8]):
            return None  # "a third-party review", "a third-rate team"
        share = _SHARE.fullmatch(match.group("frac"))
        if share is not None:  # "one in three voters", "2 out of 10"
            a, b = qv.parse_number(share.group("a")), qv.parse_number(share.group("b"))
            value = a / b if a is not None and b and a < b else None
        else:
            value = qv.parse_number(match.group("frac"))
        if value is None or "/" in match.group("frac"):
            return None  # "1/2" in news is mostly a date or score; skip rather than guess
        qualifier, start = _qualifier(text, start)
        return _with_unit(text, start, end, QuantityValue.of(value, qualifier), end)
    n1, n2 = match.group("n1"), match.group("n2")
    if _glued(text, start, end) or _is_identifier(text, start, end):
        return None
    if not match.group("cur") and _is_word_number(n1) and n1.lower() in ("a", "an"):
        return None
    if re.fullmatch(r"an?\s+\w+", n1, re.IGNORECASE) and not re.search(_SCALE_WORD + "|dozen", n1, re.I):
        return None
    if _CLOCK.match(text[end:end + 6]) or (_PHONE.match(text, max(0, start - 4)) and _phone_here(text, start)):
        return None
    if (_FURNITURE_BEFORE.search(text[max(0, start - 12):start])
            or _FURNITURE_OF.search(text[max(0, start - 24):start])) and not match.group("cur"):
        return None
    if _LIST_MARKER.search(text[max(0, start - 3):match.end("n1") + 1]) and not match.group("cur"):
        return None
    if n1[:1].isdigit() and _YEAR.match(n1) and not n2 and not match.group("cur") \
            and not _quantity_after_year(text, end):
        return None
    if _DECADE_AFTER.match(text[end:end + 3]):
        return None
    currency = _currency(match.group("cur")) or _currency(match.group("cur2"))
    if n2 is not None:
        if not n1[:1].isdigit() and n1.lower().split()[0] in ("a", "an"):
            return None
        first, second = qv.parse_number(n1), qv.parse_number(n2)
        if first is None or second is None:
            return None
        sep = text[match.end("n1"):match.start("n2")]
        if "to" not in sep.lower() and not currency and not _has_unit_after(text, end) and not (
            re.search(_SCALE_WORD, n2, re.I)
        ) and not _RANGE_NOUN_AFTER.match(text, end):
            return None  # "3-1" is a score: only ranges with a unit, a scale or a counted noun
        scale = qv.trailing_scale(n2)
        if scale and first < scale and qv.trailing_scale(n1) is None and "," not in n1:
            first *= scale  # "2-3 million", not "$370,000 to $5.5 million"
        if first >= second:
            return None
        ranged = QuantityValue.of(first, "range", high=second)
        if currency:
            ranged = _unit(ranged, currency, "currency")
        return _with_unit(text, start, end, ranged, end)
    number = qv.parse_number(n1)
    if number is None:
        return None
    between = _BETWEEN_BEFORE.search(text, max(0, start - 9), start)
    if between is not None:
        second_match = _AND_AFTER.match(text[end:end + 60])
        if second_match is not None:
            second = qv.parse_number(second_match.group("n"))
            if second is not None and second > number:
                scale = qv.trailing_scale(second_match.group("n"))
                if scale and number < scale and qv.trailing_scale(n1) is None and "," not in n1:
                    number *= scale
                ranged = QuantityValue.of(number, "range", high=second)
                currency = currency or _currency(second_match.group("cur"))
                if currency:
                    ranged = _unit(ranged, currency, "currency")
                new_end = end + second_match.end()
                return _with_unit(text, between.start(), new_end, ranged, new_end)
    half = re.search(r"(?i)\bhalf\s+$", text[max(0, start - 6):start])
    if half is not None and n1.lower().startswith(("a ", "an ")):
        number *= 0.5  # "half a million"
        start = start - (len(text[max(0, start - 6):start]) - half.start())
    sign = _SIGN_BEFORE.search(text, max(0, start - 7), start)
    if sign is not None and number > 0:
        start = sign.start()
        if sign.group(0).lower().startswith("minus"):
            number = -number  # "minus 40 Celsius", "minus-5 yards"
    qualifier, start = _qualifier(text, start)
    if sign is not None and sign.group(0).lower().startswith("sub") and qualifier == "exact":
        qualifier = "less_than"  # "sub-7 nanometer", "a sub-500 sq m office"
    after = _QUALIFIER_AFTER.match(text[end:end + 12])
    if after is not None and qualifier == "exact":
        word = after.group(0).strip().lower()
        qualifier = "at_most" if word in ("or less", "or fewer") else "approx" if word == "or so" else "at_least"
        if word == "+":
            end += 1
    stated = QuantityValue.of(number, qualifier)
    if currency:
        stated = _unit(stated, currency, "currency")
    elif qualifier == "exact" and 0 < number < 120 and number == int(number) and n1.isdigit() and (
        (_AGE.search(text, max(0, start - 20), start) and text[end:end + 1] in (",", ")"))
        or re.search(r"(?i)\baged?\s+$", text[max(0, start - 6):start])
    ):
        return Found(start, end, _unit(stated, "yr", "duration"), end, compound="age")
    return _with_unit(text, start, end, stated, end)


# units whose meaning depends on case, read only as written: "164p" (pence, glued), "5G" (a mobile
# network generation, glued; never grams), "300 PS" (metric horsepower), "450 Nm" (newton metres),
# "0.5 WAR" (baseball's wins above replacement)
_CASED_UNIT = re.compile(r"(?:(?P<glued>G|p)|\s?(?P<spaced>PS|Nm|WAR))(?![\w$])")
_CASED_UNITS: dict[str, tuple[str, UnitClass]] = {
    "p": ("GBP_pence", "currency"), "G": ("gen", "other"), "PS": ("PS", "other"), "Nm": ("N.m", "other"),
    "WAR": ("WAR", "other"),
}


def _cased_unit(text: str, end: int, value: QuantityValue) -> re.Match[str] | None:
    cased = _CASED_UNIT.match(text, end, min(len(text), end + 5))
    if cased is None or value.unit is not None:
        return None
    if cased.group("glued") == "G" and not (value.value == int(value.value) and 2 <= value.value <= 6):
        return None
    return cased


def _with_unit(text: str, start: int, end: int, value: QuantityValue, number_end: int) -> Found | None:
    """Attach a unit written after the number ("square miles", "%", "-member")."""
    cased = _cased_unit(text, end, value)
    if cased is not None:
        unit, unit_class = _CASED_UNITS[cased.group("glued") or cased.group("spaced")]
        return Found(start, cased.end(), _unit(value, unit, unit_class), number_end)
    if value.unit is None:
        unit_match = _UNIT_AFTER.match(text, end, min(len(text), end + 40))
        if unit_match is not None:
            surface = unit_match.group("unit").lower()
            normal = qv.normalize_unit(surface)
            if normal is not None and _unit_ok(text, surface, unit_match, value):
                unit, unit_class = normal
                if unit == "lb" and _money_pounds(text, unit_match.end(), value):
                    unit, unit_class = "GBP", "currency"
                old = re.match(r"^[\s-]*old\b", text[unit_match.end():unit_match.end() + 6])
                if unit == "yr" and old is not None:
                    return Found(start, unit_match.end() + old.end(), _unit(value, "yr", "duration"),
                                 number_end, compound="age")
                per = _PER_AFTER.match(text, unit_match.end(), min(len(text), unit_match.end() + 30))
                if per is not None and unit_class in ("currency", "other", "length", "mass", "percent"):
                    return Found(start, per.end(), _unit(value, _per_unit(unit, per), unit_class), number_end)
                return Found(start, unit_match.end(), _unit(value, unit, unit_class), number_end)
        compound = _COMPOUND_AFTER.match(text[end:end + 30])
        if compound is not None and compound.group("word").lower() not in qv.UNITS:
            word = compound.group("word").lower()
            if word in ("year", "years") and compound.group("word2") == "old":
                return Found(start, end + compound.end(), _unit(value, "yr", "duration"), number_end,
                             compound="age")
            if word in _COUNT_COMPOUNDS or word.endswith("er"):
                return Found(start, end + compound.end("word"), value, number_end, compound=word)
    elif value.unit_class == "currency":
        # a currency written twice ("$5 million dollars"), or a price per unit ("$50 a barrel")
        after = re.match(r"\s+(?:dollars|usd)\b", text[end:end + 10], re.IGNORECASE)
        if after is not None:
            end = end + after.end()
        per = _PER_AFTER.match(text, end, min(len(text), end + 30))
        if per is not None and value.unit is not None:
            return Found(start, per.end(), _unit(value, _per_unit(value.unit, per), "currency"), number_end)
        return Found(start, end, value, number_end)
    return Found(start, end, value, number_end)


_WORD_CURRENCIES = frozenset(("won", "real", "rand", "try", "sar"))  # also everyday English words
_SHORT_UNITS = frozenset((
    "rs", "rm", "nm", "rs.", "g", "ha", "mi", "ft", "mm", "cm", "km", "kg", "mb", "gb", "tb", "mw", "gw",
    "kw", "hz", "pt", "pts",
))


def _unit_ok(text: str, surface: str, match: re.Match[str], value: QuantityValue) -> bool:
    """Guard ambiguous unit words after a number: "won", "real", "C", "F", "pc", short codes."""
    written = match.group("unit")
    gap = text[match.start():match.start("unit")]
    if surface in ("c", "f", "w"):
        return gap == "" and written.isupper()  # "75F", "10W", never "5 f"
    if surface == "pc":
        return gap == "" and written == "pc"  # "10pc", never "10 PCs"
    if surface in _WORD_CURRENCIES:
        return surface == "won" and value.value >= 1000  # "5 million won"; "real", "rand" are words
    if surface in _SHORT_UNITS:
        return not gap.strip()  # an abbreviation must follow the number directly
    return True


def _per_unit(unit: str, per: re.Match[str]) -> str:
    """A rate unit such as ``USD/bbl`` or ``pt/game`` from "a barrel", "per game"."""
    denominator = qv.normalize_unit(per.group("per"))
    code = denominator[0] if denominator else per.group("per").lower().rstrip("s")
    return f"{unit}/{code}"


def _money_pounds(text: str, end: int, value: QuantityValue) -> bool:
    """"pounds" is sterling when it is followed by money words or the amount is large."""
    tail = text[end:end + 25].lower()
    if re.match(r"^\s+(?:of|in weight|heavier|lighter)\b", tail):
        return False
    return value.value >= 1e5 or bool(re.match(r"^\s*(?:sterling|a year|a week|per year|in (?:fines|damages))", tail))


def _unit(value: QuantityValue, unit: str, unit_class: UnitClass) -> QuantityValue:
    return QuantityValue(value.value, value.low, value.high, value.qualifier, unit, unit_class)


def _currency(symbol: str | None) -> str | None:
    if not symbol:
        return None
    key = re.sub(r"\s+", "", symbol).lower()
    if key == "ps":  # a pound sign lost in wire copy ("PS2.7m"); the pattern allows it only before
        return "GBP"  # a scale or a thousands group, so "PS5" stays a console
    return qv.PREFIX_UNITS.get(key) or qv.PREFIX_UNITS.get(key.rstrip("."))


_MOVED_UP = re.compile(r"\b(?:back|went|go|goes|going|gone|moved|moving|crept|creeping|edged|edging|inched"
                       r"|inching|shot|shooting)\s+$", re.IGNORECASE)


def _qualifier(text: str, start: int) -> tuple[Qualifier, int]:
    window_start = max(0, start - 28)
    found = _QUALIFIER_BEFORE.search(text, window_start, start)
    if found is None:
        return "exact", start
    phrase = found.group("q").lower()
    if phrase in ("over", "under", "above", "below") and _temporal_over(text, found.start("q")):
        return "exact", start
    if phrase == "up to" and _MOVED_UP.search(text, max(0, found.start("q") - 20), found.start("q")):
        return "exact", start  # "inched back up to 4.8%", "fares went up to $12": a level reached
    return qv.QUALIFIERS[phrase], found.start("q")


def _temporal_over(text: str, at: int) -> bool:
    """"over the past 3 years" is a period, not "more than"."""
    return bool(re.match(r"(?i)(?:over|under)\s+(?:the\s+)?(?:past|last|next|first|previous)", text[at:at + 30]))


def _glued(text: str, start: int, end: int) -> bool:
    """True when the candidate is part of a longer word, handle, hashtag, code or malformed number."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before in _ID_CHARS or (before == "-" and start > 1 and text[start - 2].isalnum()
                                                   and not _SIGN_BEFORE.search(text, max(0, start - 7), start)):
        return True
    if before in ",.:" and start > 1 and text[start - 2].isdigit():
        return True
    if after.isalpha():
        if _CASED_UNIT.match(text, end, min(len(text), end + 5)) and (after != "G" or end - start == 1):
            return False
        glued = _UNIT_AFTER.match(text, end, min(len(text), end + 30))
        return glued is None or glued.start("unit") != end or not _unit_fits_glued(glued.group("unit"))
    if after == "_" or after in "@#":
        return True
    if after in ",." and end + 1 < len(text) and text[end + 1].isdigit():
        return True  # "1,00,0", "1.2.3": malformed or a version number
    return after.isdigit()


def _unit_fits_glued(unit: str) -> bool:
    """Units that may be written glued to digits ("5GB", "60mph", "10km", "20kg", "75F")."""
    if unit in ("C", "F", "W"):
        return True
    return unit.lower() not in ("c", "f", "won", "real", "rand", "try", "sar", "rs", "in", "a", "pt")


def _is_identifier(text: str, start: int, end: int) -> bool:
    """Codes such as "180715-A-AT185-016C", "F-16", "COVID-19", "G7", "3D", "1.2.3"."""
    chunk_start = start
    while chunk_start > 0 and not text[chunk_start - 1].isspace():
        chunk_start -= 1
    chunk_end = start
    while chunk_end < len(text) and not text[chunk_end].isspace():
        chunk_end += 1
    chunk = text[chunk_start:chunk_end].strip("\"'“”‘’()[],.;:!?")
    chunk = re.sub(r"^(?:minus|sub)-(?=[0-9])", "", chunk, flags=re.IGNORECASE)  # "minus-260", "sub-7"
    if re.search(r"[0-9]-[A-Z](?![a-z])", chunk):
        return True  # "3-D", "180715-A"
    if not re.search(r"[A-Za-z]", chunk):
        return bool(re.search(r"[0-9]-[0-9]+-[0-9]|[0-9]\.[0-9]+\.[0-9]|[0-9]:[0-9]", chunk))
    if re.search(r"[A-Za-z][0-9]|[0-9][A-Z]{1,2}(?![a-z])[-0-9]", chunk) and not re.fullmatch(
        r"(?:[A-Z]{0,3}\$?|\$[A-Z]{1,2})[0-9.,]+(?:bn|mn|m|k|tn|BN|M|K|B)?", chunk
    ):
        return True
    return bool(re.match(r"[A-Za-z]+-", chunk)) and chunk.count("-") >= 1 and not chunk[0].isdigit() and \
        re.search(r"-[0-9]", chunk) is not None


def _phone_here(text: str, start: int) -> bool:
    window = text[max(0, start - 4):start + 20]
    return bool(_PHONE.search(window))


def _is_word_number(n: str) -> bool:
    return not any(c.isdigit() for c in n)


def _quantity_after_year(text: str, end: int) -> bool:
    """A 4-digit number such as 2000 is a count only when a unit or plural noun follows it."""
    tail = text[end:end + 30]
    if _UNIT_AFTER.match(tail) and not re.match(r"^\s*(?:years?|months?|days?)\b", tail, re.I):
        return True
    return bool(re.match(r"^\s+(?:[a-z]+\s+)?(?:people|troops|soldiers|fighters|workers|jobs|homes|"
                         r"residents|members|civilians|refugees|cases|deaths|votes|students|"
                         r"children|families|vehicles|units|employees|officers|personnel)\b", tail))


def _has_unit_after(text: str, end: int) -> bool:
    return _UNIT_AFTER.match(text, end, min(len(text), end + 40)) is not None


def _followed_by_of_or_noun(text: str, end: int) -> bool:
    return bool(re.match(r"^\s+(?:of\s|more\b|[a-z]+)", text[end:end + 12]))


def _inside_time(found: Found, blocked: Sequence[tuple[int, int, Time]], text: str) -> bool:
    for start, end, time in blocked:
        if start < found.end and found.start < end:
            if time.kind == "relative" and re.search(
                r"(?i)\b(?:years?|months?|weeks?|days?|hours?|decades?)\b", text[start:end]
            ) and not re.search(r"(?i)\bago\b", text[start:end]):
                continue  # "the last two years": the number is a duration quantity
            return True
    return False


# market indices and ranked lists whose number is part of the name ("S&P 500", "FTSE 100")
_INDEX_NAME = re.compile(
    r"(?:\bS ?& ?P|\bS P|\bASX|\bFTSE|\bNasdaq|\bNASDAQ|\bStoxx|\bSTOXX|\bRussell|\bNikkei|\bCAC|\bDAX"
    r"|\bKOSPI|\bTOPIX|\bIBEX|\bAEX|\bTSX|\bFortune|\bForbes|\bInc\.)(?:/ASX)?\s$"
)
# street addresses and postal codes: "9 E 71st St", "22 Ave Foch", "the 90049 ZIP code"
_ADDRESS_AFTER = re.compile(
    r"\s+(?:(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'.]*\s+){0,3}(?:St|Street|Rd|Road|Ave|Avenue|Blvd|Boulevard|Lane|Ln"
    r"|Drive|Dr|Place|Terrace|Crescent)\b(?!-)|(?:Ave|Avenue|Rue|Calle|Via)\s+[A-Z]|ZIP\b|zip code)"
)
_ZIP_BEFORE = re.compile(r"\b(?:ZIP|zip) [Cc]odes?\s+$")


def _not_a_number(span: Any, found: Found, text: str) -> bool:
    """Parse-level vetoes: "one" as a pronoun, "second" as an ordinal, a word number in a name,
    an index name ("S&P 500"), a street address or ZIP code."""
    first = span[0]
    doc = span.doc
    if found.value.unit is None and found.value.qualifier == "exact" and \
            re.fullmatch(r"[0-9]+", text[found.start:found.end]):
        if _INDEX_NAME.search(text, max(0, found.start - 12), found.start):
            return True
        if _ADDRESS_AFTER.match(text, found.end, found.end + 50) or _ZIP_BEFORE.search(
                text, max(0, found.start - 12), found.start):
            return True
    if first.lower_ == "one" and len(span) == 1 and found.value.qualifier == "exact":
        # "one" counts only when it modifies a noun right after it ("one solution", "one big risk")
        head = first.head
        if re.match(r"\s+of\s+(?:the|my|his|her|its|their|our|your|these|those)\s", text[found.end:found.end + 12],
                    re.IGNORECASE):
            return False  # "one of the best speakers": one member of a group is counted
        return not (first.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and 0 < head.i - first.i <= 3)
    number = span[0] if span[0].like_num else None
    if number is not None and found.value.unit is None and number.i > 0 and re.fullmatch(r"[0-9]+", number.text):
        before = doc[number.i - 1]
        # a number that is part of a name: "Windows 10", "Boeing 737", "Apollo 11", "Catch 22"
        if before.pos_ == "PROPN" and (before.is_title or before.text[:1].islower()) and (
            number.head.i == before.i or (
                number.dep_ in ("nummod", "compound", "appos", "npadvmod") and number.head.i > number.i
                and (number.head.pos_ == "PROPN" or number.head.is_title)
            )
        ):
            return True
    return False


def _number_token(span: Any, found: Found) -> Any:
    """The token that carries the number (the last token ending at or before the number's end)."""
    best = span[0]
    for token in span:
        if (token.idx < found.number_end and token.like_num) or token.lower_ in qv.SCALES:
            best = token
        if token.idx >= found.number_end:
            break
    return best


def _counted(span: Any, found: Found, text: str) -> str | None:
    """What the number counts or measures: a noun phrase from the dependency parse."""
    if found.compound == "age":
        return "age"
    doc = span.doc
    last = span[-1]
    if found.compound is not None:
        noun = _next_noun(last)
        if noun is not None and noun.lower_ == found.compound:
            noun = _next_noun(noun)
        word = found.compound
        plural = word if word.endswith("s") or word in ("strong",) else word + "s"
        if word == "strong":
            return _phrase(noun, exclude=span) if noun is not None else None
        return f"{_phrase(noun, exclude=span)} {plural}" if noun is not None else plural
    # "tens of thousands of fighters", "20,000 square miles of territory", "$3m in aid"
    after = last.i + 1
    linkers = ("of", "in", "worth", "for") if found.value.unit_class == "currency" else ("of",)
    if after < len(doc) and doc[after].lower_ in linkers and after + 1 < len(doc):
        pobj = next((c for c in doc[after].children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and not pobj.like_num \
                and pobj.ent_type_ not in ("DATE", "TIME"):
            return _phrase(pobj)
    if found.value.unit_class == "count":
        run = _noun_run(doc, span.end)
        if run is not None:
            return run
    number = _number_token(span, found)
    token = last if found.value.unit_class != "count" else number
    for _ in range(3):  # "2 and 3 million refugees": climb from the conjoined number to the first
        if token.dep_ in ("conj", "compound", "quantmod") and token.head.like_num and token.head is not token:
            token = token.head
    # the noun the number modifies
    if token.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN"):
        head = token.head
        if head.i >= span.start and head.i < span.end:
            head = head.head if head.head.pos_ in ("NOUN", "PROPN") and head.head.i >= span.end else head
        if not (span.start <= head.i < span.end) and head.lower_ not in qv.UNITS:
            return _phrase(head, exclude=span)
    if token.head.i >= span.end and token.head.pos_ in ("NOUN", "PROPN") and token.head.i - last.i <= 3 \
            and token.head.lower_ not in qv.UNITS:
        return _phrase(token.head, exclude=span)
    return _referent(token, span, currency=found.value.unit_class == "currency")


# what a charge brings in is its revenue, not the charge: "the $40 levy" and "the levy raised
# $2.1 million" are two different figures
REVENUE_VERBS = frozenset({"raise", "collect", "generate", "bring", "yield", "earn", "net", "rake"})
REVENUE_SOURCES = frozenset({
    "levy", "tax", "fee", "toll", "tariff", "charge", "duty", "fine", "surcharge", "sale", "ticket",
    "lottery", "auction", "scheme", "fare", "excise", "royalty",
})
# verbs that report a quotation: a figure inside it is not counted as their subject
SAYING_VERBS = frozenset({"say", "tell", "add", "state", "insist", "reply", "answer", "write", "tweet"})


def _referent(token: Any, span: Any, *, currency: bool = False) -> str | None:
    """What a number without its own noun measures: the noun it hangs from ("a stake of 5%"),
    else the subject of its clause ("the toll rose to 45", "unemployment was 5%")."""
    current = token
    for _ in range(6):
        head = current.head
        if head is current:
            break
        inside = span.start <= head.i < span.end
        if not inside and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in qv.UNITS \
                and head.ent_type_ not in ("DATE", "TIME") and not head.like_num:
            return _phrase(head, exclude=span)
        if head.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() in SAYING_VERBS and current.i > head.i and any(
                    t.text in ('"', "“") for t in span.doc[head.i:span.start]):
                return None  # 'Holt said: "Not one metre."': what is quoted, not who says it, is measured
            estimated = _figure_put_at(head, current, span)
            if estimated is not None:  # "officials put the death toll at 40": the toll, not the officials
                return estimated
            if currency and current.dep_ in ("dobj", "obj"):
                purpose = _thing_traded(head, current, span, currency=True)
                if purpose is not None:  # "spent $35 million on port maintenance": the maintenance
                    return purpose
            # the first verb decides: its subject, unless the quantity is that subject
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass") and not (span.start <= child.i < span.end) \
                        and not child.like_num and child.i != current.i:
                    if currency and current.dep_ in ("dobj", "obj") and head.lemma_.lower() in REVENUE_VERBS \
                            and child.lemma_.lower() in REVENUE_SOURCES:
                        return f"{_phrase(child, exclude=span)} revenue"  # "the levy raised $2.1 million"
                    if child.pos_ != "PRON":
                        return _phrase(child, exclude=span)
                    if head.dep_ == "relcl" and child.tag_ in ("WDT", "WP") and head.head.pos_ in ("NOUN", "PROPN"):
                        return _phrase(head.head, exclude=span)  # "Acme, which has 5 million users"
            thing = _thing_traded(head, current, span)
            if thing is not None:
                return thing
            if current.dep_ in ("nsubj", "nsubjpass") or head.dep_ not in ("xcomp", "ccomp", "advcl", "conj"):
                return None
        current = head
    return None


def _named_mover(span: Any) -> str | None:
    """The name written right before a move in a market summary: "Dow +0.2%", "Acme up 4%"."""
    doc = span.doc
    index = span.start - 1
    while index >= 0 and index >= span.start - 2 and doc[index].lower_ in ("up", "down", "+", "-", "−"):
        index -= 1
    if index < 0 or (index == span.start - 1 and span[0].text[:1] not in "+-−"):
        return None  # the name must be followed by a sign or by "up"/"down"
    token = doc[index]
    if token.pos_ == "PROPN" and token.ent_type_ not in ("DATE", "TIME") and not token.like_num:
        return _phrase(token, exclude=span)
    return None




# verbs that put a figure on their object "at" it: "put the death toll at 40", "estimated the
# cost at $2 billion", "pegged the damage at", "placed the number of displaced at"
PUT_AT_LEMMAS = frozenset({"put", "place", "peg", "estimate", "set", "fix", "value", "assess"})
# verbs that take a total "to" a figure: "bringing the toll to 54", "raising the total to 900"
BRING_TO_LEMMAS = frozenset({"bring", "raise", "push", "take", "lift", "drive", "swell"})


def _figure_put_at(verb: Any, current: Any, span: Any) -> str | None:
    """What an estimate is of, when the figure comes "at" the end of one: the verb's object; and
    what a total is of when something takes it "to" a figure ("bringing the toll to 54")."""
    at = current.lower_ == "at" and verb.lemma_.lower() in PUT_AT_LEMMAS
    to = current.lower_ == "to" and verb.lemma_.lower() in BRING_TO_LEMMAS
    if not (current.dep_ == "prep" and (at or to)):
        return None
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")
                  and not span.start <= c.i < span.end), None)
    return _phrase(thing, exclude=span) if thing is not None else None


def _thing_traded(verb: Any, current: Any, span: Any, *, currency: bool = False) -> str | None:
    """With no named subject, what the figure is about when the verb says it: a price or a change
    "for"/"by" the figure is about the verb's object ("get the lamp for $40", "boost the range by
    35 miles"); a sum paid, spent or pledged is about what it pays "for" ("paid $9,000 for a new
    roof"), or, ``currency`` (then asked even when the verb has a subject), "on" ("spent $35
    million on port maintenance")."""
    if current.dep_ == "prep" and current.lower_ in ("for", "by"):
        role = "dobj"
    elif current.dep_ in ("dobj", "obj"):
        role = "for"
    else:
        return None
    for child in verb.children:
        if span.start <= child.i < span.end or child.like_num:
            continue
        if role == "dobj" and child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN"):
            return _phrase(child, exclude=span)
        if role == "for" and child.dep_ == "prep" and child.lower_ in (("for", "on") if currency else ("for",)) \
                and child.i > current.i:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and pobj.ent_type_ not in ("DATE", "TIME"):
                return _phrase(pobj)
    return None


def referent(parsed: Any, start: int, end: int) -> str | None:
    """The subject or governing noun of the quantity at ``start:end`` (its noun excluded)."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span[-1]
    if token.dep_ == "nummod" and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return _referent(token, span)


def _noun_run(doc: Any, begin: int) -> str | None:
    """The noun phrase written right after a count ("5 million Kia Hyundai vehicles",
    "Sixty high-value targets"): adjectives and nouns up to the last noun, with an "of" phrase."""
    last_noun = None
    index = begin
    while index < len(doc) and index - begin < 6:
        token = doc[index]
        if token.like_num or token.is_space:
            break
        if token.pos_ in ("NOUN", "PROPN"):
            last_noun = token
        elif not (token.pos_ == "ADJ" or token.text == "-" or (token.tag_ == "VBN" and token.dep_ == "amod")):
            break
        index += 1
    if last_noun is None or doc[begin].text == "-":
        return None
    if last_noun.ent_type_ in ("DATE", "TIME") or last_noun.lower_ in qv.UNITS:
        return None
    end = last_noun.i
    for child in last_noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end + 1:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.i - end <= 4 and not pobj.like_num:
                end = pobj.i
    return str(doc[begin:end + 1].text)


def _next_noun(token: Any) -> Any:
    doc = token.doc
    for index in range(token.i + 1, min(len(doc), token.i + 4)):
        if doc[index].pos_ in ("NOUN", "PROPN"):
            candidate = doc[index]
            while candidate.head.pos_ in ("NOUN", "PROPN") and candidate.dep_ == "compound" \
                    and candidate.head.i > candidate.i:
                candidate = candidate.head
            return candidate
    return None


# nouns of work done to something, which say what it is done to with "to": "repairs to the dam"
DONE_TO_NOUNS = frozenset({"repair", "damage", "upgrade", "improvement", "change", "cut", "addition"})


def _phrase(noun: Any, exclude: Any = None) -> str:
    """The noun with its compound/adjective modifiers and an "of" phrase ("to" after a noun of
    work done to something: "repairs to the Varda dam"), as written."""
    keep = {noun.i}
    stack = [noun]
    while stack:
        current = stack.pop()
        for child in current.lefts:
            if child.dep_ in _NOUN_DEPS and not child.like_num and child.lower_ not in qv.QUALIFIERS:
                if exclude is not None and exclude.start <= child.i < exclude.end:
                    continue
                if child.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") or child.dep_ == "compound":
                    keep.add(child.i)
                    stack.append(child)
    right_end = noun.i
    for child in noun.rights:
        done_to = child.lower_ == "to" and noun.lemma_.lower() in DONE_TO_NOUNS
        if child.dep_ == "prep" and (child.lower_ == "of" or done_to):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            inside = exclude is not None and exclude.start <= pobj.i < exclude.end if pobj is not None else False
            if pobj is not None and pobj.i - noun.i <= 6 and not inside \
                    and not any(t.like_num or t.text in "%$€£" for t in pobj.subtree):
                right_end = max(t.i for t in pobj.subtree if t.i <= pobj.i)
            break
    doc = noun.doc
    start = min(keep)
    # the modifiers may be separated from the noun by the number itself: keep them in order
    tokens = [doc[i] for i in sorted(keep)] + [doc[i] for i in range(noun.i + 1, right_end + 1)]
    inside = range(start, noun.i + 1)
    if all(i in keep or (doc[i].is_punct and doc[i].text in "-'") for i in inside) and not (
        exclude is not None and start < exclude.end and exclude.start <= noun.i
    ):
        return str(doc[start:right_end + 1].text)
    return " ".join(t.text for t in tokens)


def _change(span: Any, found: Found, text: str) -> Change:
    """"rose by 5%", "up 5%", "5% higher", "a 5% drop", "an increase of 5%": a stated change."""
    before = text[max(0, found.start - 12):found.start].lower()
    if found.value.unit_class == "percent" and found.value.qualifier == "exact":
        if before.endswith("+"):  # "Dow +0.2%"
            return "up"
        if found.value.value < 0 and text[found.start] in "-−":  # "FTSE -0.6%"
            return "down"
    if re.search(r"\b(?:up|higher)\s+(?:by\s+)?$", before) and not _PHRASAL_UP.search(before):
        return "up"
    if re.search(r"\b(?:down|lower|off)\s+(?:by\s+)?$", before):
        return "down"
    # "(16,369.03 up 58.06 points)": the level before a move is not itself the move
    after = re.match(r"^\s+(?P<word>higher|lower|up|down)\b(?!\s+(?:by\s+)?[$€£]?[0-9])",
                     text[found.end:found.end + 16].lower())
    if after is not None:
        return "up" if after.group("word") in ("higher", "up") else "down"
    last = span[-1]
    if last.head.lower_ == "per" and span.start <= last.head.i < span.end:  # "rose 0.65 per cent"
        last = span.root
        if last.lower_ == "per":
            return _direction(last.head) if last.head.pos_ in ("VERB", "ADV", "ADJ") else None
    if last.dep_ == "appos" and span.start <= last.head.i < span.end:  # "2 degrees Celsius"
        last = last.head
    head = last.head
    if head.i > last.i and head.pos_ == "NOUN":  # "a 5% increase"
        direction = _direction(head)
        if direction is None and head.dep_ == "pobj" and head.head.lower_ == "by":
            return _direction(head.head.head)  # "grew by 12,600 positions"
        return direction
    if head.pos_ == "ADP" or head.dep_ == "prep":
        if head.lower_ == "by":
            head = head.head
        elif head.lower_ == "of" and head.head.pos_ == "NOUN":  # "an increase of 5%"
            return _direction(head.head)
        else:
            return None  # "rose to 5%" states a level, not a change
    elif last.dep_ not in ("dobj", "npadvmod", "advmod", "obj", "attr", "acomp", "nmod", "quantmod"):
        return None
    if head.pos_ in ("VERB", "ADV", "ADJ", "NOUN"):
        return _direction(head)
    return None


# "gave up 517 yards", "racked up 30 points": a verb with "up" that says nothing of a rise
_PHRASAL_UP = re.compile(r"\b(?:gave|give|gives|giving|given|racked|rack|racks|racking|picked|pick|picks|"
                         r"made|make|makes|making|set|sets|setting|took|take|takes|taking|signed|sign|"
                         r"signs|used|use|uses|ended|end|ends|ending|wound|summed|put|puts|putting)\s+up\s+$")


def _direction(token: Any) -> Change:
    for child in token.children:  # "revised upward by $30 million"
        if child.dep_ == "advmod" and child.lower_ in ("upward", "upwards", "downward", "downwards"):
            return "up" if child.lower_.startswith("up") else "down"
    lemma = token.lemma_.lower()
    if lemma in UP_WORDS or token.lower_ in UP_WORDS:
        return "up"
    if lemma in DOWN_WORDS or token.lower_ in DOWN_WORDS:
        return "down"
    return None


def _as_of(text: str, sent_start: int, sent_end: int, found: Found, times: Sequence[Time]) -> str | None:
    best: tuple[int, str] | None = None
    for time in times:
        if time.value is None or time.kind in ("duration", "set") or time.value.startswith("P") \
                or not (sent_start <= time.start < sent_end):
            continue
        if time.start < found.end and found.start < time.end:
            continue
        if "/" not in time.value and re.match(r"(?i)(?:since|after|before|until)\b", time.text):
            continue  # "since January 2017" with no document date: the as-of time is unknown
        if opens_period(text, time.start):
            continue  # "wounded since March 1": a count as of when it is stated
        if time.start >= found.end and qv.BASELINE.search(text, found.end, time.start):
            continue  # "14,500 displaced, up from 12,000 on 6 March": the date is the earlier figure's
        distance = min(abs(time.start - found.end), abs(found.start - time.end))
        value = time.value.split("/")[-1].split("T")[0]
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None


def _place(sent_start: int, sent_end: int, found: Found, places: Sequence[Place]) -> str | None:
    best: tuple[int, str] | None = None
    for place in places:
        if not (sent_start <= place.start < sent_end):
            continue
        distance = min(abs(place.start - found.end), abs(found.start - place.end))
        if best is None or distance < best[0]:
            best = (distance, place.id)
    return best[1] if best else None
