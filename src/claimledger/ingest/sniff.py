"""What a stream holds: decided by its name's suffix, then confirmed or corrected by its first bytes.

A ``.txt`` that is really HTML is read as HTML, an RSS file named ``.xml`` as a feed, a ``.json``
as one object, an array or JSON Lines; a binary file is refused whatever its name says.
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

Sniffed = Literal["text", "markdown", "html", "feed", "warc", "jsonl", "json", "gzip", "xml", "binary"]

HEAD_BYTES = 16_384

SUFFIX_KIND: dict[str, Sniffed] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".warc": "warc", ".rss": "feed", ".atom": "feed", ".xml": "xml", ".gz": "gzip",
}

# Magic numbers of formats that are not text documents; checked before any text rule.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document (convert it to text first)"), (b"PK\x03\x04", "ZIP archive or Office file"),
    (b"SQLite format 3\x00", "SQLite database"), (b"\x7fELF", "executable"), (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"), (b"7z\xbc\xaf\x27\x1c", "7z archive"), (b"RIFF", "RIFF media file"),
    (b"ID3", "MP3 audio"), (b"OggS", "Ogg media file"), (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
    (b"\x00\x00\x01\x00", "icon"), (b"wOFF", "web font"), (b"wOF2", "web font"),
)

_HTML = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|title|meta|h1|h2|table|span)[\s>]",
    re.IGNORECASE,
)
_FEED = re.compile(r"<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]", re.IGNORECASE)
_GZIP = b"\x1f\x8b"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def binary_label(head: bytes) -> str | None:
    """A short name for a binary format (``"PNG image"``), or None when the bytes may be text."""
    for magic, label in BINARY_MAGIC:
        if head.startswith(magic):
            return label
    if any(head.startswith(bom) for bom in _UTF16_BOMS):
        return None  # UTF-16/32 text has NUL bytes but is text
    if b"\x00" in head[:4096]:
        return "binary content (NUL bytes)"
    sample = head[:4096]
    if sample:
        controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
        if controls / len(sample) > 0.1:
            return "binary content (control bytes)"
    return None


def head_text(head: bytes) -> str:
    """The first bytes as text, good enough for sniffing (BOMs honoured, bad bytes replaced)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                          (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            cut = len(head) - (len(head) - len(bom)) % (4 if "32" in encoding else 2)
            return head[:cut].decode(encoding, errors="replace")
    return head.decode("utf-8", errors="replace")


def by_suffix(name: str) -> Sniffed | None:
    """The kind a file name claims (``.warc.gz`` -> gzip; the content decides what is inside)."""
    lower = name.lower()
    dot = lower.rfind(".")
    if dot == -1 or "/" in lower[dot:]:
        return None
    return SUFFIX_KIND.get(lower[dot:])


def sniff(head: bytes, claimed: Sniffed | None = None) -> Sniffed:
    """The kind of a stream from its first bytes; ``claimed`` (from the suffix) breaks ties."""
    if head.startswith(_GZIP):
        return "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    if binary_label(head) is not None:
        return "binary"
    text = head_text(head).lstrip("\ufeff \t\r\n")
    if text.startswith(("{", "[")):
        if claimed in ("jsonl", "json"):
            return claimed
        return "jsonl" if text.startswith("{") and _looks_like_lines(text) else "json"
    if text.startswith("<"):
        lowered = text[:4096].lower()
        if _FEED.search(lowered):
            return "feed"
        if _HTML.search(text[:HEAD_BYTES]):
            return "html"
        if lowered.startswith("<?xml"):
            return "xml"
        return claimed if claimed in ("text", "markdown", "html") else "html"
    if claimed in ("text", "markdown"):
        return claimed
    if _HTML.search(text[:HEAD_BYTES]) and claimed not in ("text", "markdown"):
        return "html"
    return "text"


def _looks_like_lines(text: str) -> bool:
    """True when the first line is a complete JSON object of its own (a JSON Lines file)."""
    import json

    first, newline, _ = text.partition("\n")
    if not newline:
        return False
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


def content_type(value: str) -> tuple[str, str | None]:
    """The media type (lower case) and charset of a Content-Type header value."""
    mime, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return mime.strip().lower(), charset
