"""Claims: checkable assertions as ledger rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimledger.model import Annotations, Claim, Document


def claims(doc: Document, parsed: Any, found: Annotations) -> Iterator[Claim]:
    """Claims (interim: none until the attribution issue lands)."""
    yield from ()
