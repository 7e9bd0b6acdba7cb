"""Expanding command-line inputs into raw documents: files, folders, URLs, ``-`` and containers.

Every stream goes through one dispatcher, :func:`from_stream`: its kind is taken from the
name's suffix and corrected by its first bytes (``sniff.py``); containers (JSON Lines, JSON,
WARC, feeds, gzip) yield one RawInput per document inside, plain documents one RawInput.
Nothing raises out of ``iter_inputs``: a failure is a RawInput with ``error`` set.
"""

from __future__ import annotations

import dataclasses
import io
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from claimledger.errors import InputError
from claimledger.ingest import RawInput, RawKind, RawMeta, failure, feeds, files, jsonl, urls, warc
from claimledger.ingest.sniff import HEAD_BYTES, Sniffed, binary_label, by_suffix, content_type, sniff
from claimledger.ingest.streams import CONTAINER_FACTOR, GzipCapped, peek, read_capped
from claimledger.settings import Settings

STDIN = "-"
DOCUMENT_KINDS: dict[Sniffed, RawKind] = {"text": "text", "markdown": "markdown", "html": "html"}


def iter_inputs(inputs: Iterable[str], settings: Settings, *, stdin: BinaryIO | None = None) -> Iterator[RawInput]:
    """One RawInput per document found in the inputs (folders recursively, containers expanded)."""
    for raw in _expand(inputs, settings, stdin):
        yield _storable(raw)


def _expand(inputs: Iterable[str], settings: Settings, stdin: BinaryIO | None) -> Iterator[RawInput]:
    skip = files.ledger_files(settings.db)
    for given in inputs:
        if given == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guarded(STDIN, from_stream(STDIN, stream, settings))
        elif urls.is_url(given):
            yield from _guarded(given, from_url(given, settings))
        else:
            for found in files.walk(given, skip):
                if found.error:
                    yield failure(found.path, found.error)
                else:
                    yield from _guarded(found.path, from_path(found.path, settings))


def _storable(raw: RawInput) -> RawInput:
    """Text fields made encodable: file names with invalid UTF-8 bytes arrive as lone surrogates,
    which no database accepts; they are shown as U+FFFD instead (the bytes are still read)."""
    changes: dict[str, Any] = _fixed(raw, ("source", "error", "encoding"))
    meta_changes = _fixed(raw.meta, ("title", "publisher", "author", "published", "external_id", "url"))
    if meta_changes:
        changes["meta"] = dataclasses.replace(raw.meta, **meta_changes)
    return dataclasses.replace(raw, **changes) if changes else raw


def _fixed(item: object, names: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in names:
        value = getattr(item, name)
        if isinstance(value, str) and (fixed := _encodable(value)) != value:
            out[name] = fixed
    return out


def _encodable(text: str) -> str:
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            data = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            data = text.encode("utf-8", "replace")
        return data.decode("utf-8", "replace")
    return text


def from_path(path: str, settings: Settings) -> Iterator[RawInput]:
    """The documents in one file (opened, sniffed, dispatched)."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except FileNotFoundError:
        yield failure(path, "vanished before it could be read")
        return
    except OSError as exc:
        yield failure(path, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        yield from from_stream(path, handle, settings, size=os.fstat(handle.fileno()).st_size)


def from_url(url: str, settings: Settings) -> Iterator[RawInput]:
    """The documents behind one URL (a page, or a feed, WARC or JSON Lines file served over HTTP)."""
    try:
        fetched = urls.fetch(url, settings)
    except InputError as exc:
        yield failure(url, str(exc))
        return
    mime, charset = content_type(fetched.content_type)
    meta = RawMeta(url=fetched.url)
    claimed = _mime_kind(mime) or by_suffix(fetched.url.split("?", 1)[0])
    yield from from_stream(url, io.BytesIO(fetched.data), settings, claimed=claimed, meta=meta,
                           encoding=charset)


def from_stream(
    source: str, stream: BinaryIO, settings: Settings, *, claimed: Sniffed | None = None,
    meta: RawMeta | None = None, encoding: str | None = None, size: int | None = None,
) -> Iterator[RawInput]:
    """Dispatch one byte stream by its kind (suffix of ``source`` or ``claimed``, then content)."""
    limit = settings.max_bytes
    head, stream = peek(stream, HEAD_BYTES)
    suffix_kind = claimed or by_suffix(source)
    kind = sniff(head, suffix_kind)
    if kind == "gzip":
        yield from _from_gzip(source, stream, settings)
        return
    if kind == "binary":
        yield failure(source, f"binary file, not a text document: {binary_label(head)}")
        return
    if kind == "warc":
        yield from warc.iter_warc(source, stream, limit)
        return
    if kind == "jsonl":
        yield from jsonl.iter_jsonl(source, stream, limit)
        return
    if size is not None and size > limit:
        yield failure(source, f"too large: {size:,} bytes, over the {limit:,}-byte cap "
                              "(raise CLAIMLEDGER_MAX_BYTES to read it)")
        return
    try:
        data = read_capped(stream, limit, "the input")
    except InputError as exc:
        yield failure(source, str(exc))
        return
    if not data.strip():
        yield failure(source, "empty: nothing to read")
        return
    if kind == "json":
        yield from jsonl.iter_json(source, io.BytesIO(data), limit)
    elif kind == "feed":
        yield from feeds.iter_feed(source, data)
    elif kind == "xml":
        yield failure(source, "XML that is neither RSS nor Atom: not a document format claimledger reads")
    else:
        yield RawInput(source=source, data=data, kind=DOCUMENT_KINDS.get(kind, "text"),
                       meta=meta or RawMeta(), encoding=encoding)


def _from_gzip(source: str, stream: BinaryIO, settings: Settings) -> Iterator[RawInput]:
    """A gzip file: WARC.gz goes to warcio whole; anything else is decompressed with a cap."""
    import zlib

    head, stream = peek(stream, HEAD_BYTES)
    try:
        inner_head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, HEAD_BYTES)
    except zlib.error as exc:
        yield failure(source, f"corrupt gzip: {exc}")
        return
    inner_name = source[:-3] if source.lower().endswith(".gz") else source
    if inner_head.startswith(b"WARC/"):
        yield from warc.iter_warc(source, stream, settings.max_bytes)
        return
    total = settings.max_bytes * CONTAINER_FACTOR if by_suffix(inner_name) == "jsonl" else settings.max_bytes
    inner = io.BufferedReader(GzipCapped(stream, total, source), HEAD_BYTES)
    claimed = by_suffix(inner_name)
    if claimed == "gzip":
        yield failure(source, "gzip inside gzip: not read")
        return
    yield from from_stream(inner_name, inner, settings, claimed=claimed)


def _guarded(source: str, items: Iterator[RawInput]) -> Iterator[RawInput]:
    """Turn an error escaping a reader into one recorded failure; the batch goes on."""
    try:
        yield from items
    except InputError as exc:
        yield failure(source, str(exc))
    except EOFError as exc:
        yield failure(source, str(exc) or "truncated input: ends too early")
    except (OSError, ValueError, RecursionError, MemoryError) as exc:
        yield failure(source, f"unreadable: {type(exc).__name__}: {exc}")


def _mime_kind(mime: str) -> Sniffed | None:
    if mime in ("text/html", "application/xhtml+xml"):
        return "html"
    if mime in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if mime in ("application/warc",):
        return "warc"
    if mime in ("application/jsonl", "application/x-ndjson", "application/jsonlines"):
        return "jsonl"
    if mime == "application/json":
        return "json"
    if mime in ("text/markdown", "text/x-markdown"):
        return "markdown"
    if mime == "text/plain":
        return "text"
    return None
