"""Ingest: turn command-line inputs (files, folders, URLs, WARC, feeds, JSONL, stdin) into raw inputs.

``iter_inputs`` yields one :class:`RawInput` per document; an input that cannot be read yields a
RawInput with ``error`` set, so the batch goes on and the failure is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RawKind = Literal["text", "markdown", "html", "unknown"]


@dataclass(frozen=True, slots=True)
class RawMeta:
    """Metadata the input itself supplied (JSON fields, WARC headers, feed item fields)."""

    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None  # as given; normalized by the clean stage
    external_id: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class RawInput:
    """One document's raw content, before decoding and cleaning."""

    source: str  # path or URL as given (with #line / #record suffix inside a container)
    data: bytes = b""
    kind: RawKind = "unknown"
    meta: RawMeta = field(default_factory=RawMeta)
    encoding: str | None = None  # declared charset, if any
    error: str | None = None  # set when the input could not be read
    stage: str = "ingest"
