"""Quotes with their speakers: direct, partial, indirect and embedded posts.

The rules live in :mod:`claimledger.extract.attribution`; this module turns each attributed span
into a contract ``Quote`` (content without the marks, speaker, cue, kind, outlet, date, and the
quote it continues when a statement is split: '"A," she said. "B"' gives A, then B continuing A).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from claimledger.extract.attribution import attributions
from claimledger.ids import make_id
from claimledger.model import Document, Entity, Quote


def quotes(doc: Document, parsed: Any, entities: Sequence[Entity]) -> Iterator[Quote]:
    """Every statement the document attributes to someone, in order of position."""
    items = attributions(doc, parsed, entities)
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
