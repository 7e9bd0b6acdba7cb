"""Places: place mentions resolved offline to gazetteer entries.

Every GPE/LOC entity, and every demonym that names a country's people ("Syrian", "Iraqis"),
is resolved with :func:`claimledger.values.places.resolve_mentions`, which weighs each name's
namesakes by the countries and US states the whole document points to, so "Raqqa", "Tabqa" and
"Kobane" land in Syria when the article is about Syria. A name the text places in a container
("Springfield, Illinois") is resolved inside it. Names the gazetteer does not know are kept
with null coordinates rather than guessed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from claimledger.ids import make_id
from claimledger.model import Document, Entity, Place
from claimledger.values.names import demonym_country
from claimledger.values.places import GazetteerEntry, PlaceMention, gazetteer, resolve_mentions

PLACE_LABELS = frozenset({"GPE", "LOC"})
_CONTAINER_GAP = re.compile(r",\s{0,3}")


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled character span of the document (an entity, before or after cleaning)."""

    start: int
    end: int
    label: str


def place_mentions(text: str, spans: Sequence[Span]) -> list[tuple[Span, PlaceMention]]:
    """The spans that name places, each as a PlaceMention with its container if the text gives one.

    Demonyms become mentions of their country ("Syrian" -> Syria) so that they count as
    evidence of what the document is about.
    """
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    starts = {s.start: s for s in ordered if s.label in PLACE_LABELS}
    out: list[tuple[Span, PlaceMention]] = []
    for span in ordered:
        name = text[span.start:span.end]
        if span.label == "NORP":
            code = demonym_country(name)
            country = gazetteer().country(code) if code else None
            if country is not None:
                out.append((span, PlaceMention(country.name)))
            continue
        if span.label not in PLACE_LABELS:
            continue
        container = None
        gap = _CONTAINER_GAP.match(text, span.end)
        if gap and gap.end() in starts:
            after = starts[gap.end()]
            container = text[after.start:after.end]
        out.append((span, PlaceMention(name, container)))
    return out


@functools.lru_cache(maxsize=16)
def resolve_cached(mentions: tuple[PlaceMention, ...]) -> tuple[GazetteerEntry | None, ...]:
    """``resolve_mentions`` of one document, kept for the next extractor that asks the same."""
    return tuple(resolve_mentions(mentions))


def resolve_spans(text: str, spans: Sequence[Span]) -> list[tuple[Span, GazetteerEntry | None]]:
    """Each place span of the document with its gazetteer entry (None when unknown)."""
    found = place_mentions(text, spans)
    entries = resolve_cached(tuple(m for _, m in found))
    return [(span, entry) for (span, _), entry in zip(found, entries, strict=True)]


def places(doc: Document, parsed: Any, entities: Sequence[Entity]) -> Iterator[Place]:
    """Resolved place mentions: GPE/LOC entities and country demonyms, with coordinates."""
    spans = [Span(e.start, e.end, e.label) for e in entities]
    for span, entry in resolve_spans(doc.text, spans):
        text = doc.text[span.start:span.end]
        if entry is None and span.label == "NORP":
            continue
        yield Place(
            id=make_id("place", doc.id, span.start, span.end),
            doc=doc.id, start=span.start, end=span.end, text=text,
            name=entry.name if entry else None,
            lat=entry.lat if entry else None,
            lon=entry.lon if entry else None,
            country=entry.country if entry else None,
            feature=entry.feature if entry else None,
            gazetteer_id=entry.gazetteer_id if entry else None,
        )
