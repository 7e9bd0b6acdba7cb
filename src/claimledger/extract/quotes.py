"""Quotes with their speakers: direct, partial, indirect and embedded posts.

The rules live in :mod:`claimledger.extract.attribution`; this module turns each attributed span
into a contract ``Quote`` (content without the marks, speaker, cue, kind, outlet, date).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from claimledger.extract.attribution import attributions
from claimledger.ids import make_id
from claimledger.model import Document, Entity, Quote


def quotes(doc: Document, parsed: Any, entities: Sequence[Entity]) -> Iterator[Quote]:
    """Every statement the document attributes to someone, in order of position."""
    for item in attributions(doc, parsed, entities):
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
        )
