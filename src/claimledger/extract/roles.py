"""Roles: what a document calls each person ("Defense Secretary" Jim Mattis), for the history of
a person's roles across documents and for each person mention's ``role``.

Two sources, both already found by earlier extractors: a person mention with the role written
before it (``entities.people``) and a quote speaker with a role ("Ana Ruiz, the port director,
said"). One ``EntityRole`` per person, role and document, counting how often the document gives
it. Within a document, a role that is the start of a longer one of the same person ("Mayor" and
"Mayor of Kelvar") is folded into the longer one, so one title is not listed twice.

``mention_roles`` gives the same roles per mention: the title before the name, or the fuller role
of the speaker phrase that holds the mention ("Colonel Dana Whitfield, the task force
spokesperson, said" -> "Colonel, task force spokesperson"). ``speakers_with_roles`` gives a named
quote speaker whose phrase has no role the role the document last gave that person before it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from claimledger.extract.entities import PersonMention
from claimledger.extract.quotes import SpeakerPhrase
from claimledger.model import Document, Entity, EntityRole, Quote
from claimledger.values import names


@dataclass(slots=True)
class _Seen:
    name: str
    role: str
    start: int
    end: int
    mentions: int = 1
    quoted_only: bool = False  # given only as a quote speaker's role, not by a mention


def roles(doc: Document, people: Sequence[PersonMention], quotes: Iterable[Quote] = ()) -> list[EntityRole]:
    """The roles the document gives each person, first mention first."""
    seen: dict[tuple[str, str], _Seen] = {}
    for person in people:
        given = _given(person.role)
        if given is None:
            continue
        shown, key = given
        found = seen.get((person.entity, key))
        if found is None:
            seen[(person.entity, key)] = _Seen(person.canonical, shown, person.start, person.end)
        else:
            found.mentions += 1
    canonical = {p.entity: p.canonical for p in people}
    for quote in quotes:
        speaker = quote.speaker
        if not (speaker.entity and speaker.role and speaker.name) or speaker.anonymous:
            continue
        given = _given(speaker.role)
        if given is None:
            continue
        shown, key = given
        # a speaker's role is usually a mention's role carried to the quote: counted once, there
        if (speaker.entity, key) not in seen:
            seen[(speaker.entity, key)] = _Seen(canonical.get(speaker.entity, speaker.name), shown,
                                                quote.start, quote.end, quoted_only=True)
    _fold_prefixes(seen)
    out = [
        EntityRole(entity=entity, name=item.name, role=item.role, doc=doc.id, start=item.start, end=item.end,
                   mentions=item.mentions)
        for (entity, _), item in seen.items()
    ]
    return sorted(out, key=lambda r: (r.start, r.end, r.entity, r.role))


def speakers_with_roles(quotes: Sequence[Quote], people: Sequence[PersonMention]) -> list[Quote]:
    """Quotes whose named speaker has no role take the role the document last gave that person
    before the quote ("Mayor Ana Ruiz … "…," Ruiz wrote": the mayor); others are unchanged."""
    given: dict[str, list[tuple[int, str]]] = {}
    for person in sorted(people, key=lambda p: p.start):
        if person.role:
            given.setdefault(person.entity, []).append((person.start, person.role))
    out = []
    for quote in quotes:
        speaker = quote.speaker
        before = [role for start, role in given.get(speaker.entity or "", []) if start < quote.start]
        known = speaker.name and speaker.role is None and before
        out.append(replace(quote, speaker=replace(speaker, role=before[-1])) if known else quote)
    return out


def _fold_prefixes(seen: dict[tuple[str, str], _Seen]) -> None:
    """Fold "mayor" into "mayor of kelvar" of the same person: mentions added, offsets of the
    first mention kept (a quote's offsets only when no mention gives the role)."""
    for entity, key in sorted(seen, key=lambda k: len(k[1])):
        longer = [
            other for e, other in seen
            if e == entity and _extends(other, key)
        ]
        if not longer:
            continue
        target = seen[(entity, min(longer, key=len))]
        item = seen.pop((entity, key))
        if target.quoted_only and not item.quoted_only:  # the speaker's fuller form of their title
            target.mentions, target.quoted_only = item.mentions, False
            target.start, target.end = item.start, item.end
        elif not item.quoted_only:
            target.mentions += item.mentions
            if item.start < target.start:
                target.start, target.end = item.start, item.end


def mention_roles(
    doc: Document, people: Sequence[PersonMention], phrases: Iterable[SpeakerPhrase] = ()
) -> dict[tuple[int, int], str]:
    """The role the document gives each person mention, by the mention's ``(start, end)``.

    The title written before the name, or, when a quote's speaker phrase holds the mention and
    writes a fuller role for the same person ("Colonel Dana Whitfield, the task force
    spokesperson, said"), that role, as ``roles()`` folds the two. A role the speaker only carries
    from an earlier mention ("Mattis said" after "Defense Secretary Jim Mattis") is not written
    at this mention, so the mention has none.
    """
    apposed = _apposed(doc.text, people, phrases)
    out: dict[tuple[int, int], str] = {}
    for person in people:
        given = _given(person.role)
        fuller = apposed.get((person.start, person.end))
        if fuller is not None and (given is None or (fuller[1] != given[1] and _extends(fuller[1], given[1]))):
            given = fuller  # a fuller role; the same role stays as this mention writes it ("COL.")
        if given is not None:
            out[(person.start, person.end)] = given[0]
    return out


def with_roles(
    doc: Document, entities: Iterable[Entity], people: Sequence[PersonMention], phrases: Iterable[SpeakerPhrase] = ()
) -> list[Entity]:
    """The entity mentions with ``role`` set from ``mention_roles`` (None where there is none)."""
    found = mention_roles(doc, people, phrases)
    return [
        replace(e, role=found.get((e.start, e.end))) if e.label == "PERSON" else e
        for e in entities
    ]


def _apposed(
    text: str, people: Sequence[PersonMention], phrases: Iterable[SpeakerPhrase]
) -> dict[tuple[int, int], tuple[str, str]]:
    """Per mention, the role (as shown, key) of a speaker phrase that holds the mention, names the
    same person and writes every word of that role around the mention."""
    ordered = sorted(people, key=lambda p: p.start)
    starts = [p.start for p in ordered]
    out: dict[tuple[int, int], tuple[str, str]] = {}
    for phrase in phrases:
        speaker = phrase.speaker
        given = _given(speaker.role) if speaker.entity and not speaker.anonymous else None
        if given is None:
            continue
        inside = ordered[bisect.bisect_left(starts, phrase.start):bisect.bisect_left(starts, phrase.end)]
        for person in inside:
            if person.end > phrase.end or person.entity != speaker.entity:
                continue
            around = names.role_key(f"{text[phrase.start:person.start]} {text[person.end:phrase.end]}").split()
            if set(given[1].split()) <= set(around):
                out.setdefault((person.start, person.end), given)
    return out


def _given(role: str | None) -> tuple[str, str] | None:
    """A role as shown (no leading article or edge punctuation) and its key; None when empty."""
    if not role:
        return None
    shown = names.clean_role(role)
    key = names.role_key(shown)
    return (shown, key) if key else None


def _extends(longer: str, key: str) -> bool:
    """Is role key ``longer`` the fuller form of ``key`` ("mayor of kelvar" of "mayor")?"""
    return longer.startswith(key + " ")
