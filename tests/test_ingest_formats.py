"""Issue 2 (ingest): every input format, read from real files the tests write.

All texts here are fictional, written for these tests.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
from pathlib import Path

import pytest

from claimledger.ingest import RawInput
from claimledger.ingest.sources import iter_inputs
from claimledger.settings import Settings

ARTICLE = "<html><head><title>Harbour reopens</title></head><body><p>The port authority of the fictional town " \
          "of Velm said 14 ships docked on Friday.</p></body></html>"


def read(paths: list[str | Path], settings: Settings | None = None, **kw: object) -> list[RawInput]:
    return list(iter_inputs([str(p) for p in paths], settings or Settings(db="unused.db"), **kw))  # type: ignore[arg-type]


def warc_bytes(records: list[tuple[str, str, bytes]], *, gz: bool) -> bytes:
    """A WARC with one response record per (uri, content type, body), made with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for uri, content_type, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                           warc_headers_dict={"WARC-Date": "2024-05-02T10:00:00Z"})
        writer.write_record(record)
    return out.getvalue()


def test_text_markdown_html_by_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A fictional statement about 3 villages.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Heading\n\nSome fictional *markdown* text.\n", encoding="utf-8")
    (tmp_path / "c.html").write_text(ARTICLE, encoding="utf-8")
    got = {Path(r.source).name: r for r in read([tmp_path])}
    assert got["a.txt"].kind == "text"
    assert got["b.md"].kind == "markdown"
    assert got["c.html"].kind == "html"
    assert all(r.error is None for r in got.values())
    assert got["a.txt"].data == b"A fictional statement about 3 villages.\n"


def test_content_sniffing_corrects_the_suffix(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(ARTICLE, encoding="utf-8")
    rss = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Velm Herald</title>"
           "<item><title>One</title><link>https://herald.example/one</link>"
           "<description>First fictional item.</description></item></channel></rss>")
    (tmp_path / "export.xml").write_text(rss, encoding="utf-8")
    got = read([tmp_path / "page.txt", tmp_path / "export.xml"])
    assert got[0].kind == "html"
    assert got[1].source == "https://herald.example/one"
    assert got[1].meta.publisher == "Velm Herald"


def test_folders_are_recursive_sorted_and_skip_hidden_and_the_ledger(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref: main", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "z.txt").write_text("Deep fictional note.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Top fictional note.", encoding="utf-8")
    for name in ("ledger.db", "ledger.db-wal", "ledger.db-shm", "ledger.db-journal"):
        (tmp_path / name).write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    got = read([tmp_path], Settings(db=str(tmp_path / "ledger.db")))
    assert [Path(r.source).name for r in got] == ["b.txt", "z.txt"]


def test_jsonl_keeps_metadata_and_records_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "n-1", "text": "Fictional text one.", "title": "One", "url": "https://x.example/1",
                    "published": "2024-03-01", "publisher": "Velm Herald", "author": "R. Quill"}),
        "",
        "{not json",
        json.dumps({"title": "no text field"}),
        json.dumps(["an", "array"]),
        json.dumps({"text": "<p>Fictional <b>HTML</b> body.</p>"}),
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = read([path])
    assert len(got) == 5
    first = got[0]
    assert first.source == f"{path}#id=n-1"
    assert (first.meta.title, first.meta.url, first.meta.published, first.meta.publisher, first.meta.author,
            first.meta.external_id) == ("One", "https://x.example/1", "2024-03-01", "Velm Herald", "R. Quill", "n-1")
    assert got[1].error is not None and got[1].error.startswith("line 3: not valid JSON")
    assert got[2].error == "line 4: no 'text' string field"
    assert got[3].error is not None and "not a JSON object" in got[3].error
    assert got[4].kind == "html" and got[4].source == f"{path}#L6"


def test_json_object_array_and_lines_named_json(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": "Single fictional object.", "id": 7}), "utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"text": "First."}, {"text": "Second."}, 3]), "utf-8")
    (tmp_path / "lines.json").write_text('{"text": "L1"}\n{"text": "L2"}\n', "utf-8")
    got = {r.source: r for r in read([tmp_path])}
    assert got[str(tmp_path / "one.json")].meta.external_id == "7"
    assert got[f"{tmp_path / 'many.json'}#1"].data == b"Second."
    assert got[f"{tmp_path / 'many.json'}#2"].error is not None
    assert got[f"{tmp_path / 'lines.json'}#L2"].data == b"L2"


@pytest.mark.parametrize("gz", [False, True])
def test_warc_response_records_keep_url_date_and_record_id(tmp_path: Path, gz: bool) -> None:
    data = warc_bytes([
        ("https://news.example/a", "text/html; charset=windows-1252", ARTICLE.encode("cp1252")),
        ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n...."),
        ("https://news.example/b", "text/plain", b"Plain fictional dispatch."),
    ], gz=gz)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data)
    got = read([path])
    assert [r.source for r in got] == ["https://news.example/a", "https://news.example/b"]
    first = got[0]
    assert first.kind == "html" and first.encoding == "windows-1252"
    assert first.meta.published == "2024-05-02T10:00:00Z"
    assert first.meta.external_id is not None and first.meta.external_id.startswith("<urn:uuid:")
    assert first.data == ARTICLE.encode("cp1252")


def test_atom_and_rdf_feeds(tmp_path: Path) -> None:
    atom = ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Desk</title>"
            "<entry><id>tag:desk,2024:1</id><title>Entry</title><link href='https://desk.example/e1'/>"
            "<published>2024-02-03T08:00:00Z</published><author><name>A. Writer</name></author>"
            "<content type='html'>&lt;p&gt;Fictional atom body.&lt;/p&gt;</content></entry></feed>")
    rdf = ("<?xml version='1.0'?><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
           "xmlns='http://purl.org/rss/1.0/' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
           "<channel rdf:about='https://old.example/'><title>Old Desk</title></channel>"
           "<item rdf:about='https://old.example/1'><title>Item</title><link>https://old.example/1</link>"
           "<description>Fictional RDF item.</description><dc:date>2023-01-02</dc:date></item></rdf:RDF>")
    (tmp_path / "a.atom").write_text(atom, "utf-8")
    (tmp_path / "b.rss").write_text(rdf, "utf-8")
    entry, item = read([tmp_path / "a.atom", tmp_path / "b.rss"])
    assert entry.source == "https://desk.example/e1" and entry.kind == "html"
    assert entry.data == b"<p>Fictional atom body.</p>"
    assert (entry.meta.author, entry.meta.published, entry.meta.external_id, entry.meta.publisher) == (
        "A. Writer", "2024-02-03T08:00:00Z", "tag:desk,2024:1", "Desk")
    assert item.meta.published == "2023-01-02" and item.meta.publisher == "Old Desk"


def test_stdin_is_sniffed(tmp_path: Path) -> None:
    lines = b'{"text": "From a pipe, fictional."}\n{"text": "Second piped line."}\n'
    got = read(["-"], stdin=io.BufferedReader(io.BytesIO(lines)))  # type: ignore[arg-type]
    assert [r.source for r in got] == ["-#L1", "-#L2"]
    html = read(["-"], stdin=io.BytesIO(ARTICLE.encode()))
    assert html[0].kind == "html" and html[0].source == "-"


def test_gzip_text_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Compressed fictional text."))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"text": "one"}\n{"text": "two"}\n'))
    got = read([tmp_path])
    assert [(r.source, r.data) for r in got] == [
        (str(tmp_path / "a.txt"), b"Compressed fictional text."),
        (f"{tmp_path / 'b.jsonl'}#L1", b"one"), (f"{tmp_path / 'b.jsonl'}#L2", b"two"),
    ]


def test_encodings_pass_through_as_bytes(tmp_path: Path) -> None:
    utf16 = codecs.BOM_UTF16_LE + "Le ministère a dit « 12 ».".encode("utf-16-le")
    (tmp_path / "u16.txt").write_bytes(utf16)
    (tmp_path / "w.txt").write_bytes("The “mayor” said €5 million.".encode("cp1252"))
    got = read([tmp_path])
    assert [r.error for r in got] == [None, None]
    assert got[0].data == utf16  # decoding is the clean stage's job; nothing is lost on the way
