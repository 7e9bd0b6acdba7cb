"""Issue 8 part 2: hostile and broken input, generated here (nothing is shipped).

Each case: bounded memory and time, a recorded failure with a clear reason (or a correct
result), and the rest of the batch done. Texts are fictional.
"""

from __future__ import annotations

import gzip
import io
import os
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from claimledger.ingest import RawInput
from claimledger.ingest.sources import iter_inputs
from claimledger.settings import Settings

CAP = 1_000_000
SETTINGS = Settings(db="unused.db", max_bytes=CAP)
GOOD = b"A fictional good note about 4 bridges, written for this test."


def bounded(run: Callable[[], list[RawInput]], *, seconds: float = 10.0, memory: int = 20_000_000) -> list[RawInput]:
    tracemalloc.start()
    started = time.monotonic()
    try:
        got = run()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < seconds
    assert peak < memory, f"peak {peak:,} bytes"
    return got


def batch_with(tmp_path: Path, name: str, data: bytes) -> list[RawInput]:
    """The hostile file between two good ones; returns what the batch yields."""
    (tmp_path / "a-good.txt").write_bytes(GOOD)
    (tmp_path / name).write_bytes(data)
    (tmp_path / "z-good.txt").write_bytes(GOOD + b" Second.")
    got = bounded(lambda: list(iter_inputs([str(tmp_path)], SETTINGS)))
    assert got[0].error is None and got[0].data == GOOD
    assert got[-1].error is None and got[-1].data.endswith(b"Second.")
    return got[1:-1]


def test_binary_named_txt(tmp_path: Path) -> None:
    (bad,) = batch_with(tmp_path, "m-photo.txt", b"\xff\xd8\xff\xe0" + os.urandom(5000))
    assert bad.error == "binary file, not a text document: JPEG image"


def test_gzip_bomb_stops_at_the_cap(tmp_path: Path) -> None:
    bomb = gzip.compress(b"\x20" * 50_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    (bad,) = batch_with(tmp_path, "m-bomb.txt.gz", bomb)
    assert bad.error is not None and "decompresses past" in bad.error


def test_warc_bomb_record_is_refused(tmp_path: Path) -> None:
    from test_ingest_formats import warc_bytes

    data = warc_bytes([("https://bomb.example/", "text/plain", b"a" * 20_000_000),
                       ("https://fine.example/", "text/plain", b"Fictional after the bomb.")], gz=True)
    assert len(data) < 100_000
    got = batch_with(tmp_path, "m-crawl.warc.gz", data)
    assert [g.source for g in got] == ["https://bomb.example/", "https://fine.example/"]
    assert got[0].error is not None and got[0].error.startswith("too large")
    assert got[1].error is None


def test_warc_content_encoding_bomb(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    body = gzip.compress(b"b" * 30_000_000)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://enc.example/", "response", payload=io.BytesIO(body),
                                                  http_headers=headers))
    (bad,) = batch_with(tmp_path, "m-enc.warc", out.getvalue())
    assert bad.error is not None and bad.error.startswith("too large")


@pytest.mark.parametrize("delta", [-40, +4000])
def test_warc_records_with_lying_lengths(tmp_path: Path, delta: int) -> None:
    def record(uri: str, body: bytes, lie: int = 0) -> bytes:
        block = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + body
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
                f"WARC-Record-ID: <urn:uuid:{uri[-1]}0000000-0000-0000-0000-000000000000>\r\n"
                f"WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Length: {len(block) + lie}\r\n\r\n").encode()
        return head + block + b"\r\n\r\n"

    body = b"Fictional record text about 7 convoys, long enough to be cut somewhere. " * 3
    data = record("https://l.example/1", body) + record("https://l.example/2", body, delta) \
        + record("https://l.example/3", body)
    got = batch_with(tmp_path, "m-lies.warc", data)
    assert got[0].source == "https://l.example/1" and got[0].error is None
    assert any(g.error for g in got[1:]), [g.error for g in got]
    assert all(len(g.error or "") < 500 for g in got)
    assert not any(g.source == "https://l.example/2" and not g.error for g in got)  # never stored cut or padded
    if delta < 0:  # reading resumes at the next record header
        assert (got[-1].source, got[-1].error) == ("https://l.example/3", None)


COUNT_SCRIPT = """
import resource, sys
from claimledger.ingest.sources import iter_inputs
from claimledger.settings import Settings
count = failed = 0
for item in iter_inputs([sys.argv[1]], Settings(db="unused.db")):
    count += 1
    failed += item.error is not None
print(count, failed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _count(path: Path) -> tuple[int, int, int]:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", COUNT_SCRIPT, str(path)], capture_output=True, text=True,
                         check=True, timeout=300).stdout.split()
    return int(out[0]), int(out[1]), int(out[2]) * 1024


def test_million_line_jsonl_streams(tmp_path: Path) -> None:
    """Peak memory of reading a million lines is that of reading a thousand (run in fresh processes)."""
    def write(path: Path, lines: int) -> Path:
        with path.open("wb") as handle:
            for number in range(lines):
                handle.write(b'{"text": "n%d"}\n' % number if number % 1000 else b"{bad line\n")
        return path

    small = _count(write(tmp_path / "small.jsonl", 1000))
    large = _count(write(tmp_path / "large.jsonl", 1_000_000))
    assert small[:2] == (1000, 1)
    assert large[:2] == (1_000_000, 1000)
    assert large[2] - small[2] < 10_000_000, (small, large)


def test_a_huge_jsonl_line_is_skipped_whole(tmp_path: Path) -> None:
    data = b'{"text": "before"}\n{"text": "' + b"y" * (3 * CAP) + b'"}\n{"text": "after"}\n'
    got = batch_with(tmp_path, "m-lines.jsonl", data)
    assert [g.data for g in got if not g.error] == [b"before", b"after"]
    assert got[1].error is not None and "too large" in got[1].error


def test_deeply_nested_json(tmp_path: Path) -> None:
    got = batch_with(tmp_path, "m-deep.json", b"[" * 200_000 + b"]" * 200_000)
    assert got[0].error is not None and "nested too deeply" in got[0].error


def test_invalid_utf8_everywhere(tmp_path: Path, settings: Settings) -> None:
    """Bytes that are not UTF-8 in names, text, JSON and WARC: read or recorded, and storable."""
    from claimledger import run
    from test_ingest_formats import warc_bytes

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9-\xff.txt")).write_bytes(b"Fictional caf\xe9 report: \xff\xfe 9 tables \x80.")
    (folder / "lines.jsonl").write_bytes(b'{"text": "Fictional \xe9t\xe9 line about 3 boats."}\n')
    (folder / "w.warc").write_bytes(warc_bytes([("https://u.example/\xe9", "text/plain; charset=utf-8",
                                                 b"Fictional \xc3\x28 bad \xa0 bytes about 5 trains.")], gz=False))
    summary = run.ingest([str(folder)], settings)
    assert summary.ok + summary.failed == 3
    assert summary.failed == 0, summary.failures


def test_symlink_loops_and_broken_links(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "note.txt").write_bytes(GOOD)
    (root / "sub" / "up").symlink_to(root)  # a loop back to an ancestor
    (root / "self").symlink_to(root / "self")  # a link to itself
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    got = bounded(lambda: list(iter_inputs([str(root)], SETTINGS)))
    reasons = {Path(g.source).name: g.error for g in got}
    assert reasons["note.txt"] is None
    assert "broken symbolic link" in (reasons["dangling.txt"] or "")
    assert "loop" in (reasons["self"] or "")
    assert "loop" in (reasons["up"] or "")
    assert len(got) == 4


def test_files_that_vanish_mid_run(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(GOOD + name.encode())
    stream = iter_inputs([str(tmp_path)], SETTINGS)
    first = next(stream)
    (tmp_path / "b.txt").unlink()
    rest = list(stream)
    assert first.error is None
    assert [(Path(r.source).name, r.error) for r in rest] == [
        ("b.txt", "vanished before it could be read"), ("c.txt", None)]


def test_feed_external_entity_is_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN-4242", encoding="utf-8")
    feed = (f"<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY leak SYSTEM 'file://{secret}'>]>"
            "<rss version='2.0'><channel><title>T</title><item><title>&leak;</title>"
            "<description>&leak;</description></item></channel></rss>").encode()
    laughs = ("<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;'>"
              "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;'>]>"
              "<rss version='2.0'><channel><item><description>&d;&d;&d;</description></item></channel></rss>")
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "leak.rss").write_bytes(feed)
    (tmp_path / "feeds" / "laughs.xml").write_text(laughs, encoding="utf-8")
    got = bounded(lambda: list(iter_inputs([str(tmp_path / "feeds")], SETTINGS)))
    assert len(got) == 2
    for item in got:
        assert item.error is not None and "entities" in item.error
        assert b"TOP-SECRET" not in item.data and "TOP-SECRET" not in item.error


def test_deeply_nested_html_goes_through_the_pipeline(tmp_path: Path, settings: Settings) -> None:
    from claimledger import run

    (tmp_path / "in").mkdir()
    deep = "<html><body>" + "<div>" * 100_000 + "Fictional deep text about 2 towers." + "</div>" * 100_000
    (tmp_path / "in" / "deep.html").write_text(deep, encoding="utf-8")
    (tmp_path / "in" / "fine.txt").write_bytes(GOOD)
    started = time.monotonic()
    summary = run.ingest([str(tmp_path / "in")], settings)
    assert time.monotonic() - started < 60
    assert summary.ok + summary.failed == 2 and summary.ok >= 1
