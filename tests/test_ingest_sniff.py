"""Issue 2: what a stream holds, from its suffix and its first bytes (a rule table)."""

from __future__ import annotations

import codecs
import gzip

import pytest

from claimledger.ingest.sniff import binary_label, by_suffix, sniff


@pytest.mark.parametrize(("head", "claimed", "expected"), [
    (b"Plain fictional words.", "text", "text"),
    (b"# Title\n\nSome words.", "markdown", "markdown"),
    (b"<!DOCTYPE html><html><body>x</body></html>", "text", "html"),  # a .txt that is HTML
    (b"  <p>Fragment of a page</p>", None, "html"),
    (b"<?xml version='1.0'?><rss version='2.0'><channel/></rss>", "xml", "feed"),
    (b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'></feed>", None, "feed"),
    (b"<?xml version='1.0'?><catalog><book/></catalog>", "xml", "xml"),
    (b'{"text": "a"}\n{"text": "b"}\n', "json", "json"),  # .json keeps its claim; the reader handles lines
    (b'{"text": "a"}\n{"text": "b"}\n', None, "jsonl"),
    (b'[{"text": "a"}]', None, "json"),
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "text", "warc"),
    (gzip.compress(b"hello"), "text", "gzip"),
    (b"%PDF-1.7\n%\xe2\xe3", "text", "binary"),
    (b"abc\x00def", "text", "binary"),
    (codecs.BOM_UTF16_LE + "<html><body>x</body></html>".encode("utf-16-le"), "text", "html"),
])
def test_sniff(head: bytes, claimed: str | None, expected: str) -> None:
    assert sniff(head, claimed) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "expected"), [
    ("a/b/page.HTM", "html"), ("x.warc.gz", "gzip"), ("feed.atom", "feed"), ("notes", None),
    ("dir.d/notes", None), ("lines.ndjson", "jsonl"),
])
def test_by_suffix(name: str, expected: str | None) -> None:
    assert by_suffix(name) == expected


def test_binary_labels() -> None:
    assert binary_label(b"SQLite format 3\x00rest") == "SQLite database"
    assert binary_label("plain é text".encode()) is None
    assert binary_label(bytes(range(1, 9)) * 100) == "binary content (control bytes)"
