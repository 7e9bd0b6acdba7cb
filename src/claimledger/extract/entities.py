"""Entities: people, organisations, places and groups, with canonical names and shared ids.

spaCy's named entities are the starting point; general rules then repair its usual mistakes:

1. names from the alias table ("Islamic State", "ISIL", "SDF") replace the pieces spaCy cut them
   into and take the table's label;
2. spans lose a leading "the" and a trailing possessive ("al-Baghdadi's" -> "al-Baghdadi");
   titles inside or just before a person's name become the mention's role, not its name
   ("Defense Secretary Jim Mattis" -> "Jim Mattis", role "Defense Secretary"), and a role word
   tagged as an organisation ("Defense" of "Defense Secretary") is dropped; an ORG span that is a
   title and a name with a known given name ("Spokeswoman Nora Quist") is that person;
3. labels: a lone word that is part of a person's name in the same document is that person
   ("Mattis's team"); a PERSON or ORG after "in"/"near" that the gazetteer knows is a place
   ("in Kobane"), and so is a PERSON with no title and no related person mention that is a
   well-known place ("Raqqa") or a town in the states or countries the document is about; a lone
   ORG word that is the surname of a person the document introduced by full name before is that
   person ("Mark Papermaster ... Papermaster said");
4. a name found once is found everywhere else in the document it appears untagged, and a
   person's surname or first name is found on its own ("Tillerson later flew ..."); not inside
   another kind of spaCy entity ("16:00 UTC") nor as the head of a longer name ("Dow Jones" of
   "Dow Jones Industrial Average").

Within a document a person's mentions share the fullest name (``link_people``); across documents
``entity`` ids come from the normalized canonical name, or from the GeoNames id for places, so
"U.S.", "US" and "America" share one id everywhere.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from claimledger.extract.places import PLACE_LABELS, Span, resolve_spans
from claimledger.ids import make_id
from claimledger.model import Document, Entity
from claimledger.values import names, voices
from claimledger.values.places import gazetteer

KEPT_LABELS = frozenset({
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "LANGUAGE",
})
KIND = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "facility", "NORP": "group"}
LOCATIVE = frozenset({"in", "near", "outside", "around", "across", "throughout", "inside", "into"})
WELL_KNOWN_POPULATION = 100_000  # a lone PERSON tag on a town this big is a tagging error
MAX_ROLE_TOKENS = 7
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:\s*['’]s|(?<=s)['’]|[\s,.;:!?)\]}\"“”'’-]+)$")
_ABBREVIATION = re.compile(r"(?:^|[\s.])[A-Za-z]{1,4}\.$")
_LEADING = re.compile(r"^[\s\"“”'‘(\[{-]+")


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity span while the rules work on it."""

    start: int
    end: int
    label: str
    role: str | None = None
    role_start: int | None = None  # where the role phrase begins, when there is one


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person mention with its role as written before the name, for attribution and history."""

    start: int
    end: int
    name: str
    role: str | None
    canonical: str
    entity: str


def entities(doc: Document, parsed: Any) -> Iterator[Entity]:
    """Entity mentions of the document, cleaned, relabelled, linked, with shared ids."""
    yield from (_to_entity(doc, m, canonical, entity) for m, canonical, entity in _analyse(doc, parsed))


def people(doc: Document, parsed: Any) -> list[PersonMention]:
    """Person mentions with the role written before each ("Pentagon spokesperson Dana W. White")."""
    return [
        PersonMention(m.start, m.end, doc.text[m.start:m.end], m.role, canonical, entity)
        for m, canonical, entity in _analyse(doc, parsed) if m.label == "PERSON"
    ]


def entities_and_people(doc: Document, parsed: Any) -> tuple[list[Entity], list[PersonMention]]:
    """``entities()`` and ``people()`` from one run of the rules (the pipeline needs both)."""
    found = _analyse(doc, parsed)
    return (
        [_to_entity(doc, m, canonical, entity) for m, canonical, entity in found],
        [
            PersonMention(m.start, m.end, doc.text[m.start:m.end], m.role, canonical, entity)
            for m, canonical, entity in found if m.label == "PERSON"
        ],
    )


def _to_entity(doc: Document, mention: Mention, canonical: str, entity: str) -> Entity:
    return Entity(
        id=make_id("entity", doc.id, mention.start, mention.end, mention.label),
        doc=doc.id, start=mention.start, end=mention.end, text=doc.text[mention.start:mention.end],
        label=mention.label, canonical=canonical, entity=entity,
    )


def _analyse(doc: Document, parsed: Any) -> list[tuple[Mention, str, str]]:
    text = doc.text
    mentions = [
        Mention(ent.start_char, ent.end_char, ent.label_) for ent in parsed.ents if ent.label_ in KEPT_LABELS
    ]
    mentions = _merge_aliases(text, mentions)
    mentions = [m for m in (_trim(text, m) for m in mentions) if m is not None]
    tokens = _Tokens(parsed)
    mentions = _titled_people(text, _given_name_before(text, _lowercase_people(text, mentions)))
    mentions = _roles(text, tokens, mentions)
    mentions = _relabel(text, tokens, mentions)
    mentions = _datelines(text, mentions)
    mentions = _speaker_labels(text, mentions)
    mentions = _propagate(text, parsed, mentions)
    mentions = sorted(_dedupe(mentions), key=lambda m: (m.start, m.end))
    return _identify(text, mentions)


# 1. aliases ----------------------------------------------------------------------------------
@functools.cache
def _alias_pattern() -> re.Pattern[str]:
    """Multi-word aliases and acronyms of three letters or more, as written in the table."""
    forms: set[str] = set()
    for written, _entry in names.alias_forms():
        form = _LEADING_THE.sub("", written)
        letters = form.replace(".", "")
        dotted = "." in form and len(letters) >= 2
        if " " in form or (letters.isupper() and (len(letters) >= 3 or dotted)):
            forms.add(form)
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(f) for f in ordered) + r")(?![\w])")


def _merge_aliases(text: str, mentions: list[Mention]) -> list[Mention]:
    out = list(mentions)
    for match in _alias_pattern().finditer(text):
        known = names.alias(match.group())
        if known is None:
            continue
        start, end = match.span()
        overlapping = [m for m in out if m.start < end and start < m.end]
        if any(m.start < start or m.end > end for m in overlapping):
            continue  # spaCy's span is longer ("Syrian Democratic Forces commander ..."): keep it
        out = [m for m in out if m not in overlapping]
        out.append(Mention(start, end, known.label))
    return out


# 2. trimming and roles -----------------------------------------------------------------------
def _trim(text: str, mention: Mention) -> Mention | None:
    """Drop a leading "the", quotes, a trailing possessive or punctuation, and what runs over a
    line break ("Ana Ruiz\n\nThis" is Ana Ruiz)."""
    start, end = mention.start, mention.end
    line_end = text.find("\n", start, end)
    end = end if line_end == -1 else line_end
    for _ in range(3):
        piece = text[start:end]
        lead = _LEADING.match(piece) or (_LEADING_THE.match(piece) if mention.label != "WORK_OF_ART" else None)
        if lead:
            start += lead.end()
            continue
        trail = _TRAILING.search(piece)
        if trail and trail.group() == "." and _ABBREVIATION.search(piece):
            break  # "U.S.", "Inc.", "Jr." keep their dot
        if trail and trail.start() > 0:
            end = start + trail.start()
            continue
        break
    if end <= start or not any(c.isalnum() for c in text[start:end]):
        return None
    return replace(mention, start=start, end=end)


# labels a tagger gives a titled name ("Spokeswoman Nora Quist", "Councillor Dara Finch")
MAYBE_TITLED = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT"})


def _roles(text: str, parsed: _Tokens, mentions: list[Mention]) -> list[Mention]:
    """Titles inside a PERSON span move out of it; titles just before it become its role. An ORG
    span (or a title the tagger took for a work or a product: "Councillor Dara Finch" after a
    quote) that is a title and a name with a known given name is read as that person."""
    out: list[Mention] = []
    role_spans: list[tuple[int, int]] = []
    for mention in mentions:
        if mention.label not in MAYBE_TITLED:
            out.append(mention)
            continue
        piece = text[mention.start:mention.end]
        parts = names.split_role(piece)
        if mention.label != "PERSON" and not _titled_name(text, mention, parts):
            out.append(mention)  # only an ORG "Spokeswoman Nora Quist" or "Sgt. Ivo Marsh" goes on as that person
            continue
        start = mention.start
        role = parts.role
        if parts.role or parts.honorific:
            offset = piece.rfind(parts.name)
            if offset > 0:
                start = mention.start + offset
        role_start: int | None = mention.start if role else None
        before = _role_before(text, parsed, mention.start, text[start:mention.end])
        if before is None and role is None:
            before = _role_apposed_before(text, mention.start, mention.end)
        if before is not None:
            role_start, outer = before
            role = f"{outer} {role}" if role else outer
        if role_start is not None:
            role_spans.append((role_start, start))
        out.append(Mention(start, mention.end, "PERSON", role, role_start))
    # a role word tagged as an organisation or group inside a role phrase is not a mention
    in_role = bytearray(len(text) + 1)
    for s, e in role_spans:
        in_role[s:e] = b"\x01" * (e - s)
    return [
        m for m in out
        if m.label == "PERSON" or not (all(in_role[m.start:m.end]) and _only_role_words(text[m.start:m.end]))
    ]


def _titled_name(text: str, mention: Mention, parts: names.NameParts) -> bool:
    """Whether a span the tagger did not call a person is a title and a name: an organisation
    needs a known given name ("Spokeswoman Nora Quist", not "Council Finance Committee") or a
    short title with its full stop ("Sgt. Ivo Marsh"); a work, product or event is one when its
    title is followed by two or three capitalised words ("Councillor Dara Finch")."""
    piece = text[mention.start:mention.end]
    if parts.role is not None and names.given_name_gender(parts.name) is not None:
        return True
    if mention.label == "ORG":
        return _after_short_title(text, mention.start, piece)
    words = parts.name.split()
    return parts.role is not None and 2 <= len(words) <= 3 and all(
        w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() and not names.is_role_word(w)
        for w in words)


def _after_short_title(text: str, start: int, piece: str) -> bool:
    """An ORG span of two or three capitalised words right after a short title with its full
    stop ("Sgt. Ivo Marsh", "Sen. Ruth Calder"): a person; no one writes "Sgt." before a body."""
    words = piece.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace(".", "").replace("-", "").isalpha()
                                           and not names.is_role_word(w) for w in words):
        return False
    before = text[max(0, start - 8):start].split()
    return bool(before) and before[-1][:1].isupper() and names.is_short_title(before[-1])


def _only_role_words(piece: str) -> bool:
    return all(
        names.is_role_word(w) or w.strip(".").lower() in names.role_modifiers() for w in piece.split()
    )


def _role_before(text: str, parsed: _Tokens, start: int, name: str) -> tuple[int, str] | None:
    """The role phrase written just before a name ("Pentagon spokesperson" Dana W. White); never
    over another person's name ("General Sara Holt and Foreign Minister Ruben Adler")."""
    tokens = _tokens_before(parsed, start)
    named = [k for k, t in enumerate(tokens) if t.ent_type_ == "PERSON"]
    if named:
        tokens = tokens[named[-1] + 1:]
    for size in range(min(MAX_ROLE_TOKENS, len(tokens)), 0, -1):
        chunk = tokens[-size:]
        role_start = chunk[0].idx
        phrase = text[role_start:start].strip()
        if not phrase or "\n" in phrase:
            continue
        parts = names.split_role(f"{phrase} {name}")
        if parts.role and parts.name == names.strip_possessive(name):
            role_start += len(text[role_start:start]) - len(text[role_start:start].lstrip())
            role_start += phrase.find(parts.role) if parts.role in phrase else 0
            return role_start, parts.role
    return None


_APPOSED_ROLE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[A-Z][\w.]*['’]s)\s+(?P<role>(?:[A-Za-z.'’-]+\s+){0,4}[A-Za-z.'’-]+),\s+$"
)


def _role_apposed_before(text: str, start: int, end: int) -> tuple[int, str] | None:
    """A role set before a name in apposition: "the harbour board chair, Tom Okafor," (the name
    closed by a comma, the role ending on a role word)."""
    if text[end:end + 1] != ",":
        return None
    match = _APPOSED_ROLE.search(text, max(0, start - 60), start)
    if match is None or "\n" in match.group() or not names.is_role_word(match.group("role").split()[-1]):
        return None
    return match.start("role"), match.group("role")


def _tokens_before(parsed: _Tokens, start: int) -> list[Any]:
    """Tokens of the same sentence before ``start`` (at most MAX_ROLE_TOKENS)."""
    tokens: list[Any] = []
    index = parsed.at(start)
    if index is None:
        return tokens
    i = index - 1
    while i >= 0 and len(tokens) < MAX_ROLE_TOKENS:
        token = parsed[i]
        if token.is_sent_end or (token.is_punct and token.text not in ("-", ".")):
            break
        tokens.insert(0, token)
        i -= 1
    return tokens


class _Tokens:
    """The parse with its token start offsets, to find the token at a character quickly."""

    def __init__(self, parsed: Any) -> None:
        self.parsed = parsed
        self.starts = [token.idx for token in parsed]

    def __getitem__(self, index: int) -> Any:
        return self.parsed[index]

    def at(self, char: int) -> int | None:
        """Index of the token that starts at or before the character."""
        index = bisect.bisect_right(self.starts, char) - 1
        return index if index >= 0 else None


# 3. labels -----------------------------------------------------------------------------------
def _relabel(text: str, parsed: _Tokens, mentions: list[Mention]) -> list[Mention]:
    person_keys = [names.name_key(text[m.start:m.end]).split() for m in mentions if m.label == "PERSON"]
    person_words = {w for words in person_keys if len(words) > 1 for w in (words[0], words[-1])}
    surnames = _introduced_surnames(text, mentions)
    area = _document_area(text, mentions)
    unknown_places = _unknown_places(text, mentions, person_words)
    out: list[Mention] = []
    for mention in mentions:
        piece = text[mention.start:mention.end]
        key = names.name_key(piece)
        known = names.alias(piece)
        if mention.label == "PERSON" and key in unknown_places:
            out.append(replace(mention, label="GPE", role=None, role_start=None))
            continue
        if mention.label == "PERSON" and known is None and _is_outlet(text, mention):
            out.append(replace(mention, label="ORG", role=None, role_start=None))
            continue
        if known is not None and mention.label != "PERSON":
            out.append(replace(mention, label=known.label))
            continue
        if (
            mention.label in ("GPE", "LOC", "NORP", "FAC") and " " not in key and key in person_words
            and known is None and not _well_known_place(piece)
        ):  # not ORG: companies carry their founders' names ("Ford")
            out.append(replace(mention, label="PERSON"))
            continue
        if mention.label == "ORG" and known is None and key in surnames:
            out.append(replace(mention, label="PERSON"))  # "Mark Papermaster ... Papermaster said"
            continue
        if (
            mention.label in ("PERSON", "ORG") and mention.role is None and known is None
            and _is_place(text, parsed, mention, person_keys, area)
        ):
            out.append(replace(mention, label="GPE"))
            continue
        out.append(mention)
    return out


# what only a place follows: "east of Tell Amar", "near Sefra", "the village of Qara", "reports from Sefra"
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:north|south|east|west|northeast|northwest|southeast|southwest|outskirts|"
    r"town|village|city|district|province|region|suburb|port|valley)\s+of"
    r"|\b(?:near|outside|reports\s+from|fighting\s+in|shelling\s+of|residents\s+of)),?\s+$",
    re.IGNORECASE,
)
# the last word of a news outlet's name ("Harbour Wire", "Meridian Gazette"), which the tagger
# often takes for a person's surname
OUTLET_WORDS = frozenset({
    "wire", "times", "post", "news", "gazette", "herald", "journal", "tribune", "chronicle", "press",
    "observer", "telegraph", "courier", "dispatch", "bulletin", "radio", "television", "tv",
    "agency", "daily", "weekly", "monitor", "examiner", "sentinel", "newswire", "broadcasting",
})


def _is_outlet(text: str, mention: Mention) -> bool:
    """A news outlet's name: one ending in an outlet's word whose first word is no one's given name
    ("Harbour Wire", not "Emily Post"), or that word alone after "the" ("seen by the Gazette": a
    person is never "the Gazette")."""
    piece = text[mention.start:mention.end]
    words = piece.split()
    if len(words) == 1:
        return (piece.lower() in OUTLET_WORDS and piece[:1].isupper()
                and text[max(0, mention.start - 4):mention.start].lower() == "the ")
    return (words[-1].lower().strip(".,") in OUTLET_WORDS
            and all(w[:1].isupper() for w in words) and names.given_name_gender(piece) is None)


def _unknown_places(text: str, mentions: list[Mention], person_words: set[str]) -> frozenset[str]:
    """Names tagged as people that the text puts where only a place can stand ("east of Tell
    Amar", "reports from Sefra") and the gazetteer does not know (known places are handled by
    ``_is_place``): not a known given name, no part of another person's name, never a possessive
    ("near Smith's home" is about a person), and no mention of the name with a title."""
    found: set[str] = set()
    ruled_out: set[str] = set()
    for m in mentions:
        if m.label != "PERSON":
            continue
        piece = text[m.start:m.end]
        key = names.name_key(piece)
        words = key.split()
        if not words or m.role is not None or names.given_name_gender(piece) is not None \
                or (set(words) & person_words and len(words) == 1) or text[m.end:m.end + 2] in ("'s", "’s"):
            ruled_out.add(key)
        elif _PLACE_BEFORE.search(text, max(0, m.start - 40), m.start) and not gazetteer().candidates(piece):
            found.add(key)
    return frozenset(found - ruled_out)


_TITLED_NAME = re.compile(
    r"\b(?P<title>[A-Z][a-z]+\.?"
    r"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][a-z]+(?:[ \t]+(?:and[ \t]+)?[A-Z][a-z]+)?)?)"  # "of Transport"
    r"[ \t]+(?P<name>[A-Z][a-z'’-]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+(?:[A-Z][a-z'’]+-)?[A-Z][a-z'’-]+){1,2})\b"
)


def _given_name_before(text: str, mentions: list[Mention]) -> list[Mention]:
    """A one-word organisation right after a known given name ("Ana Weiss", the tagger taking
    "Weiss" alone for a body) is that person, unless the gazetteer knows the two words as a place."""
    out = []
    for mention in mentions:
        piece = text[mention.start:mention.end]
        before = re.search(r"\b([A-Z][a-z]+)[ \t]$", text[max(0, mention.start - 20):mention.start])
        if (mention.label == "ORG" and " " not in piece and piece[:1].isupper() and piece.isalpha()
                and before is not None and names.given_name_gender(f"{before.group(1)} {piece}") is not None
                and not names.is_role_word(before.group(1))
                and not gazetteer().candidates(f"{before.group(1)} {piece}")):
            out.append(Mention(mention.start - len(before.group(0)), mention.end, "PERSON"))
            continue
        out.append(mention)
    return out


def _titled_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """A title and a name the tagger did not tag at all ("Mayor Ana Ruiz said", "said Minister of
    Transport Paul Okafor"): a PERSON over the name, with the title (and its portfolio) as its
    role. The title must start with a role word, the name be two or three capitalised words that
    are neither role words nor a known place, and no mention may touch it."""
    out = list(mentions)
    for match in _TITLED_NAME.finditer(text):
        title, start, end = match.group("title"), match.start("name"), match.end("name")
        if not names.is_role_word(title.split()[0]) or any(m.start < end and match.start() < m.end for m in out):
            continue
        words = match.group("name").split()
        if any(names.is_role_word(w) for w in words) or gazetteer().candidates(match.group("name")):
            continue
        out.append(Mention(start, end, "PERSON", title, match.start("title")))
    return out


def _lowercase_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """Without the tagger's lowercase "people" ("the levy" tagged PERSON) in a text written with
    capitals: a name has one."""
    letters = [c for c in text[:5000] if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.02 * len(letters):
        return mentions  # a text in lower case: its names are lower case too
    return [m for m in mentions
            if not (m.label == "PERSON" and not any(c.isupper() for c in text[m.start:m.end]))]


def _introduced_surnames(text: str, mentions: list[Mention]) -> frozenset[str]:
    """Surnames that a lone ORG tag gets wrong: the document introduces the person by full name
    before the surname first stands alone, and no longer non-person name holds the word. A
    company named after its founder is usually named first or in full ("Ford Motor Company")."""
    introduced: dict[str, int] = {}
    in_longer_names: set[str] = set()
    lone: dict[str, int] = {}
    for m in mentions:
        words = names.name_key(text[m.start:m.end]).split()
        if m.label == "PERSON" and len(words) > 1:
            introduced.setdefault(words[-1], m.start)
        elif m.label != "PERSON" and len(words) > 1:
            in_longer_names.update(words)
        elif m.label != "PERSON" and len(words) == 1:
            lone.setdefault(words[0], m.start)
    return frozenset(
        word for word, start in introduced.items()
        if word not in in_longer_names and start < lone.get(word, -1)
    )


@dataclass(frozen=True, slots=True)
class _Area:
    """The countries and US states the document's recognised places lie in."""

    countries: frozenset[str]
    states: frozenset[str]


def _document_area(text: str, mentions: list[Mention]) -> _Area:
    spans = [Span(m.start, m.end, m.label) for m in mentions if m.label in ("GPE", "LOC", "NORP")]
    entries = [entry for _, entry in resolve_spans(text, spans) if entry is not None]
    return _Area(
        frozenset(e.country for e in entries if e.country),
        frozenset(e.admin1 for e in entries if e.admin1),
    )


def _is_place(
    text: str, parsed: _Tokens, mention: Mention, person_keys: list[list[str]], area: _Area
) -> bool:
    """Is this PERSON or ORG span really a place? After "in"/"near", or, for a PERSON span that
    no other person mention shares a name with, a well-known place or a town in the area the
    document is about ("Glen Carbon" in an Illinois story)."""
    piece = text[mention.start:mention.end]
    if piece.isupper():
        return False  # an acronym ("RAF") is an organisation even after "in"
    candidates = gazetteer().candidates(piece)
    if not candidates:
        return False
    index = parsed.at(mention.start)
    previous = parsed[index - 1].lower_ if index else ""
    if previous in LOCATIVE:
        return True
    if mention.label != "PERSON":
        return False
    words = names.name_key(piece).split()
    if not words:
        return False  # nothing left of the name once titles are dropped ("Mr.")
    shared = sum(1 for other in person_keys if other != words and set(other) & {words[0], words[-1]})
    if shared:
        return False  # "Washington" beside "George Washington" stays a person
    if len(words) == 1 and _well_known_place(piece):
        return True
    return any(
        c.primary and c.entry.feature == "city" and c.entry.country in area.countries
        and (c.entry.admin1 in area.states if c.entry.country == "US" else c.entry.population >= 5000)
        for c in candidates
    )


def _well_known_place(piece: str) -> bool:
    """A country, state, region or town of 100,000 people by its own name."""
    return any(
        c.primary and (
            c.entry.feature in ("country", "admin", "continent", "region")
            or c.entry.population >= WELL_KNOWN_POPULATION
        )
        for c in gazetteer().candidates(piece)
    )


_NOT_DATELINES = frozenset({
    "update", "updated", "breaking", "note", "editor's note", "correction", "watch", "read more",
    "advertisement", "photo", "video", "live", "exclusive", "analysis", "opinion", "q", "a",
})


def _datelines(text: str, mentions: list[Mention]) -> list[Mention]:
    """The place of a dateline ("RAQQA, Syria (Reuters) — ..."), which the tagger often misses
    because it is written in capitals; kept only when the gazetteer knows the name."""
    out = list(mentions)
    for match in voices.DATELINE.finditer(text):
        for group in ("city", "region"):
            start, end = match.span(group)
            if start < 0 or text[start:end].strip(".").lower() in _NOT_DATELINES:
                continue
            if not gazetteer().candidates(text[start:end]):
                continue
            same = [m for m in out if (m.start, m.end) == (start, end)]
            if same:
                out = [replace(m, label="GPE") if m in same else m for m in out]
            elif not any(m.start < end and start < m.end for m in out):
                out.append(Mention(start, end, "GPE"))
    return out


def _speaker_labels(text: str, mentions: list[Mention]) -> list[Mention]:
    """The people of a transcript's turn labels in capitals ("COL. ANIKA VOSS:", later "VOSS:"),
    which the tagger reads badly (word by word, as organisations): a PERSON over the name with the
    title as its role, in place of what the tagger found there. Only in a transcript (two labels
    or more); a one-word label only when a fuller label or a person mention ends with that word."""
    labels = [m for m in voices.TURN_LABEL.finditer(text) if voices.is_turn_label(m.group("label"))]
    if len(labels) < 2:
        return mentions
    people: list[tuple[int, int, str | None, int]] = []  # name start, end, title, label start
    for match in labels:
        label = match.group("label")
        if not label.isupper() or label.strip().lower() in voices.GENERIC_LABELS:
            continue  # a label in title case is read by the tagger like any name
        parts = names.split_role(label)
        if not parts.name or parts.name not in label:
            continue
        start = match.start("label") + label.index(parts.name)
        people.append((start, start + len(parts.name), parts.role or None, match.start("label")))
    full = [text[s:e] for s, e, _r, _l in people] + [text[m.start:m.end] for m in mentions if m.label == "PERSON"]
    surnames = {name.rsplit(maxsplit=1)[-1].lower() for name in full if len(name.split()) >= 2}
    out = list(mentions)
    for start, end, role, label_start in people:
        words = text[start:end].split()
        if len(words) == 1 and words[0].lower() not in surnames:
            continue  # "SOURCE:", "NATO:": one word names a person only when a full name ends with it
        out = [m for m in out if not (m.start < end and label_start < m.end)]  # the title's "COL" too
        out.append(Mention(start, end, "PERSON", role, label_start if role else None))
    return out


# 4. propagation ------------------------------------------------------------------------------
def _propagate(text: str, parsed: Any, mentions: list[Mention]) -> list[Mention]:
    """Untagged repeats of a found name, and lone surnames or first names of found people. A
    repeat inside another kind of spaCy entity ("16:00 UTC" a time) or at the head of a longer
    name ("Dow Jones" of "Dow Jones Industrial Average") is not one."""
    taken = bytearray(len(text) + 1)  # 1 where a mention or any spaCy entity covers the character
    for start, end in [(m.start, m.end) for m in mentions] + [(e.start_char, e.end_char) for e in parsed.ents]:
        taken[start:end] = b"\x01" * (end - start)
    forms: dict[str, str] = {}
    for m in mentions:
        piece = text[m.start:m.end]
        if len(piece) >= 3 and piece[0].isupper():
            forms.setdefault(piece, m.label)
    for m in mentions:
        words = text[m.start:m.end].split()
        if m.label != "PERSON" or len(words) < 2:
            continue
        for edge in (words[0], words[-1]):
            word = edge.strip(",.")
            # setdefault: a word the document also uses as another kind of name ("Ford") stays that
            if len(word) >= 3 and word[0].isupper() and not names.is_role_word(word):
                forms.setdefault(word, "PERSON")
    if not forms:
        return mentions
    proper = {t.idx for t in parsed if t.pos_ == "PROPN" or t.ent_type_}
    name_words = {t.idx for t in parsed if t.pos_ == "PROPN" and t.text[:1].isupper()}
    pattern = re.compile(
        r"(?<![\w.-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])"
    )
    added: list[Mention] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(taken[start:end]) or start not in proper:
            continue
        if text[end:end + 1] == " " and end + 1 in name_words:
            continue  # the head of a longer name ("Dow Jones" of "Dow Jones Industrial Average")
        added.append(Mention(start, end, forms[match.group()]))
        taken[start:end] = b"\x01" * (end - start)
    return mentions + added


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int]] = set()
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if (m.start, m.end) in seen or any(o.start <= m.start and m.end <= o.end for o in out[-3:]):
            continue
        seen.add((m.start, m.end))
        out.append(m)
    return out


# 5. canonical names and ids ------------------------------------------------------------------
def _readable(name: str) -> str:
    """A name written in capitals as a name is written ("ANIKA VOSS" -> "Anika Voss"); others as
    they are."""
    return name.title() if name.isupper() and sum(c.isalpha() for c in name) > 3 else name


def _identify(text: str, mentions: list[Mention]) -> list[tuple[Mention, str, str]]:
    people_idx = [i for i, m in enumerate(mentions) if m.label == "PERSON"]
    person_names = [_readable(names.split_role(text[mentions[i].start:mentions[i].end]).name) for i in people_idx]
    heads = names.link_people(person_names)
    canonical: dict[int, str] = {}
    for position, i in enumerate(people_idx):
        canonical[i] = person_names[heads[position]]
    places = {
        (span.start, span.end): entry
        for span, entry in resolve_spans(text, [Span(m.start, m.end, m.label) for m in mentions])
        if entry is not None and span.label in PLACE_LABELS
    }
    out: list[tuple[Mention, str, str]] = []
    for i, mention in enumerate(mentions):
        piece = text[mention.start:mention.end]
        kind = KIND.get(mention.label, mention.label.lower())
        if i in canonical:
            name = canonical[i]
            out.append((mention, name, make_id("entity", kind, names.name_key(name))))
            continue
        entry = places.get((mention.start, mention.end))
        if entry is not None and entry.gazetteer_id:
            out.append((mention, entry.name, make_id("entity", "place", "geonames", entry.gazetteer_id)))
            continue
        known = names.alias(piece)
        if known is not None:
            kind = KIND.get(known.label, kind)
            out.append((mention, known.canonical, make_id("entity", kind, names.alias_key(known.canonical))))
            continue
        name = names.strip_possessive(piece)
        out.append((mention, name, make_id("entity", kind, names.alias_key(name))))
    return out
