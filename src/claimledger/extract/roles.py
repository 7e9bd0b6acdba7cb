"""Roles: what a document calls each person ("Defense Secretary" Jim Mattis), for the history of
a person's roles across documents.

Two sources, both already found by earlier extractors: a person mention with the role written
before it (``entities.people``) and a quote speaker with a role ("Ana Ruiz, the port director,
said"). One ``EntityRole`` per person, role and document, counting how often the document gives
it. Within a document, a role that is the start of a longer one of the same person ("Mayor" and
"Mayor of Kelvar") is folded into the longer one, so one title is not listed twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from claimledger.extract.entities import PersonMention
from claimledger.model import Document, EntityRole, Quote
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
        if not person.role:
            continue
        shown = names.clean_role(person.role)
        key = names.role_key(shown)
        if not key:
            continue
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
        shown = names.clean_role(speaker.role)
        key = names.role_key(shown)
        # a speaker's role is usually a mention's role carried to the quote: counted once, there
        if key and (speaker.entity, key) not in seen:
            seen[(speaker.entity, key)] = _Seen(canonical.get(speaker.entity, speaker.name), shown,
                                                quote.start, quote.end, quoted_only=True)
    _fold_prefixes(seen)
    out = [
        EntityRole(entity=entity, name=item.name, role=item.role, doc=doc.id, start=item.start, end=item.end,
                   mentions=item.mentions)
        for (entity, _), item in seen.items()
    ]
    return sorted(out, key=lambda r: (r.start, r.end, r.entity, r.role))


def _fold_prefixes(seen: dict[tuple[str, str], _Seen]) -> None:
    """Fold "mayor" into "mayor of kelvar" of the same person: mentions added, offsets of the
    first mention kept (a quote's offsets only when no mention gives the role)."""
    for entity, key in sorted(seen, key=lambda k: len(k[1])):
        longer = [
            other for e, other in seen
            if e == entity and other != key and other.startswith(key + " ")
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
