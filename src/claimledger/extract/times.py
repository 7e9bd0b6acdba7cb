"""Time expressions normalized against the document date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimledger.model import Document, Time


def times(doc: Document, parsed: Any) -> Iterator[Time]:
    """Time expressions (interim: none until the quantities issue lands)."""
    yield from ()
