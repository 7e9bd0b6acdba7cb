"""WARC and WARC.gz: each ``response`` (HTTP 2xx) or ``resource`` record with a text payload.

Records are streamed with warcio, never the whole file. The document's source is the record's
``WARC-Target-URI``, its date the ``WARC-Date``, its external id the ``WARC-Record-ID``; the
charset comes from the payload's Content-Type. Payloads are read up to the size cap (after
transfer and content decoding, so a compressed bomb stops at the cap). Records that are not
documents (requests, metadata, images, scripts, redirects, errors) are passed over. A record
with a lying length or a truncated file ends the walk with one recorded failure; the records
read before it are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from claimledger.errors import InputTooLarge
from claimledger.ingest import RawInput, RawKind, RawMeta, failure
from claimledger.ingest.sniff import binary_label, content_type, sniff
from claimledger.ingest.streams import read_capped

DOCUMENT_TYPES: dict[str, RawKind] = {
    "text/html": "html", "application/xhtml+xml": "html", "text/plain": "text",
    "text/markdown": "markdown", "text/x-markdown": "markdown",
}


# warcio reads compressed input in blocks and inflates each block whole: a block of a gzip bomb
# can inflate about a thousandfold, so a small block keeps that bounded (4 KiB -> about 4 MB).
BLOCK_SIZE = 4096


class _Records(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, with its "Content-Length is invalid" warning counted instead of printed."""

    INC_RECORD = ""


def iter_warc(source: str, stream: BinaryIO, limit: int) -> Iterator[RawInput]:
    """One RawInput per document record of the WARC read from ``stream``.

    A record is yielded only after warcio has checked where it ends: when its declared length
    does not meet the next record, it is recorded as a failure instead of a cut or padded text.
    When warcio cannot find the next record (a length that is too short), an uncompressed WARC
    on disk is searched for the next ``WARC/1.`` header and read on from there.
    """
    base = stream.tell() if stream.seekable() else None
    count = 0
    while True:
        walk = _Walk(source, stream, limit, count)
        yield from walk.records()
        count = walk.count
        if walk.broken_at is None or base is None or walk.compressed:
            return
        resume = _next_header(stream, base + walk.broken_at + 1)
        if resume is None:
            return
        stream.seek(resume)
        base = resume


class _Walk:
    """One pass of warcio over the stream, until its end or the first unreadable record."""

    def __init__(self, source: str, stream: BinaryIO, limit: int, count: int) -> None:
        self.source, self.stream, self.limit, self.count = source, stream, limit, count
        self.broken_at: int | None = None  # offset (from the pass's start) where reading failed
        self.compressed = False

    def records(self) -> Iterator[RawInput]:
        records = _Records(self.stream, arc2warc=True, block_size=BLOCK_SIZE)
        pending: RawInput | None = None
        errors_before = 0
        try:
            for record in records:
                self.compressed = bool(records.reader.decompressor)
                if pending is not None:
                    yield _checked(pending, records.err_count > errors_before)
                    pending = None
                self.count += 1
                errors_before = records.err_count
                pending = _from_record(self.source, self.count, record, self.limit)
            if pending is not None:
                yield _checked(pending, records.err_count > errors_before)
        except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on broken files; each is data
            if pending is not None:
                yield _checked(pending, True)
            self.broken_at = int(records.offset or 0)
            yield failure(f"{self.source}#record-{self.count + 1}",
                          f"WARC unreadable after record {self.count}: {_reason(exc)}; "
                          "reading goes on at the next record header, if any")


def _next_header(stream: BinaryIO, start: int) -> int | None:
    """Offset of the next line starting with ``WARC/1.`` at or after ``start``, read in chunks."""
    stream.seek(start)
    carry = b""
    position = start
    while chunk := stream.read(1 << 16):
        data = carry + chunk
        found = data.find(b"\nWARC/1.")
        if found != -1:
            return position - len(carry) + found + 1
        carry = data[-8:]
        position += len(chunk)
    return None


def _checked(item: RawInput, length_wrong: bool) -> RawInput:
    if not length_wrong or item.error:
        return item
    return failure(item.source, "WARC record length is wrong: its Content-Length does not end where the "
                                "next record starts, so its text cannot be trusted", item.meta)


def _from_record(source: str, number: int, record: Any, limit: int) -> RawInput | None:
    headers = record.rec_headers
    if record.rec_type not in ("response", "resource"):
        return None
    uri = headers.get_header("WARC-Target-URI") or f"{source}#record-{number}"
    meta = RawMeta(published=headers.get_header("WARC-Date"),
                   external_id=headers.get_header("WARC-Record-ID"), url=uri)
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None  # dns: and other non-HTTP responses
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        header = http.get_header("Content-Type") or ""
    else:
        header = headers.get_header("Content-Type") or ""
    mime, charset = content_type(header)
    if mime and mime not in DOCUMENT_TYPES:
        return None
    try:
        data = read_capped(_payload(record), limit, f"WARC record {uri}")
    except InputTooLarge as exc:
        return failure(uri, str(exc), meta)
    except Exception as exc:  # noqa: BLE001 - a broken payload (bad chunking or gzip) is data
        return failure(uri, f"WARC record payload unreadable: {_reason(exc)}", meta)
    missing = getattr(record.raw_stream, "limit", 0)
    if isinstance(missing, int) and missing > 0:
        return failure(uri, f"truncated WARC record: {missing:,} of its {record.length:,} declared bytes "
                            "are missing (the file is cut short or the record's length is wrong)", meta)
    if mime:
        kind = DOCUMENT_TYPES[mime]
    else:
        if binary_label(data[:16384]) is not None:
            return None
        sniffed = sniff(data[:16384])
        kind = sniffed if sniffed in ("html", "text", "markdown") else "text"
    return RawInput(source=uri, data=data, kind=kind, meta=meta, encoding=charset)


def _payload(record: Any) -> BinaryIO:
    """The record's payload with transfer and content decoding, inflated in small blocks."""
    from warcio.bufferedreaders import BufferedReader, ChunkedDataReader

    http = record.http_headers
    if not http:
        return record.raw_stream  # type: ignore[no-any-return]
    encoding = (http.get_header("Content-Encoding") or "").lower() or None
    if encoding not in BufferedReader.get_supported_decompressors():
        encoding = None
    if (http.get_header("Transfer-Encoding") or "").lower() == "chunked":
        return ChunkedDataReader(record.raw_stream, decomp_type=encoding,  # type: ignore[no-any-return]
                                 block_size=BLOCK_SIZE)
    if encoding:
        return BufferedReader(record.raw_stream, decomp_type=encoding,  # type: ignore[no-any-return]
                              block_size=BLOCK_SIZE)
    return record.raw_stream  # type: ignore[no-any-return]


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if type(exc).__name__ not in text else text
