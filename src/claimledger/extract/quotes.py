"""Quotes with their speakers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from claimledger.model import Document, Entity, Quote


def quotes(doc: Document, parsed: Any, entities: Sequence[Entity]) -> Iterator[Quote]:
    """Quotes (interim: none until the attribution issue lands)."""
    yield from ()
