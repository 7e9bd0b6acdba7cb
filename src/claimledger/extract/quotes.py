"""Quotes with their speakers: direct, partial, indirect and embedded posts.

The rules live in :mod:`claimledger.extract.attribution`; this module turns each attributed span
into a contract ``Quote`` (content without the marks, speaker, cue, kind, outlet, date, and the
quote it continues when a statement is split: '"A," she said. "B"' gives A, then B continuing A).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from claimledger.extract.attribution import Attribution, attributions
from claimledger.ids import make_id
from claimledger.model import Document, Entity, Quote, Speaker


@dataclass(frozen=True, slots=True)
class SpeakerPhrase:
    """Where the text names a quote's speaker ("Colonel Dana Whitfield, the task force
    spokesperson") and who it resolved to: what gives a person mention its apposed role."""

    start: int
    end: int
    speaker: Speaker


def quotes(doc: Document, parsed: Any, entities: Sequence[Entity]) -> Iterator[Quote]:
    """Every statement the document attributes to someone, in order of position."""
    yield from _quotes(doc, attributions(doc, parsed, entities))


def quotes_and_speakers(
    doc: Document, parsed: Any, entities: Sequence[Entity]
) -> tuple[list[Quote], list[SpeakerPhrase]]:
    """``quotes()`` and the phrases naming their speakers, from one run of the rules."""
    items = attributions(doc, parsed, entities)
    phrases = {
        item.source_span: SpeakerPhrase(*item.source_span, item.speaker)
        for item in items if item.source_span is not None
    }
    return list(_quotes(doc, items)), list(phrases.values())


def _quotes(doc: Document, items: Sequence[Attribution]) -> Iterator[Quote]:
    emitted = {(item.start, item.end) for item in items}
    for item in items:
        # the earlier part is named only when it is a quote record itself (never a dangling id)
        earlier = item.follows if item.follows in emitted else None
        yield Quote(
            id=make_id("quote", doc.id, item.start, item.end),
            doc=doc.id,
            start=item.start,
            end=item.end,
            text=doc.text[item.start:item.end],
            speaker=item.speaker,
            cue=item.cue,
            kind=item.kind,
            reported_by=item.reported_by,
            date=item.date,
            continues=make_id("quote", doc.id, *earlier) if earlier is not None else None,
        )
