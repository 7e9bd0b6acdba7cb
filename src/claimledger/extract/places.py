"""Places: place mentions resolved offline to gazetteer entries."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from claimledger.model import Document, Entity, Place


def places(doc: Document, parsed: Any, entities: Sequence[Entity]) -> Iterator[Place]:
    """Resolved place mentions (interim: none until the attribution issue lands)."""
    yield from ()
