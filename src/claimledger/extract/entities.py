"""Entities: people, organisations, places and groups, with canonical names and shared ids."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimledger.model import Document, Entity


def entities(doc: Document, parsed: Any) -> Iterator[Entity]:
    """Entity mentions of the document (interim: none until the attribution issue lands)."""
    yield from ()
