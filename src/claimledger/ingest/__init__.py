"""Ingest: turn command-line inputs (files, folders, URLs, WARC, feeds, JSONL, stdin) into raw inputs.

``iter_inputs`` (in ``sources.py``) yields one :class:`RawInput` per document; an input that
cannot be read yields a RawInput with ``error`` set, so the batch goes on and the failure is
recorded. The modules follow the input kinds:

    sources.py   the entry point: expands inputs, dispatches each stream by its sniffed kind
    sniff.py     what a stream holds (suffix first, then its first bytes)
    streams.py   capped reading, gzip with a decompression cap, a peekable stdin
    files.py     folder walking (hidden folders, the ledger's own files, symlink loops)
    jsonl.py     JSON Lines and JSON (one object or an array), streamed line by line
    warc.py      WARC / WARC.gz response and resource records (warcio, streamed)
    feeds.py     RSS 1.0/2.0 and Atom, parsed with defusedxml (no entity is ever resolved)
    urls.py      http(s) fetching: timeouts, size cap, bounded redirects, no private addresses
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


def failure(source: str, reason: str, meta: RawMeta | None = None) -> RawInput:
    """A RawInput that records why ``source`` could not be read (one line)."""
    line = " ".join(reason.split())[:500] or "unknown error"
    return RawInput(source=source, error=line, meta=meta or RawMeta())
