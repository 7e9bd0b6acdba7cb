"""Quantities: every number with its qualifier, unit, what it counts and when."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from claimledger.model import Document, Place, Quantity, Time


def quantities(
    doc: Document, parsed: Any, times: Sequence[Time], places: Sequence[Place]
) -> Iterator[Quantity]:
    """Quantities (interim: none until the quantities issue lands)."""
    yield from ()
