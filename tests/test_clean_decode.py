"""Bad input for the clean stage (issue 2): a recorded failure with a one-line reason, or text
decoded correctly; memory bounded."""

from __future__ import annotations

import codecs
import tracemalloc
from pathlib import Path

import pytest

from claimledger.clean import clean_document
from claimledger.clean import dedup as near
from claimledger.clean.decode import decode
from claimledger.errors import InputError
from claimledger.ingest import RawInput
from claimledger.pipeline import Pipeline
from claimledger.settings import Settings

DATA = Path(__file__).parent / "data" / "clean"
SENTENCE = "The café in Zürich served 1,200 “special” coffees — a record.\n"


def clean_bytes(data: bytes, kind: str = "text", settings: Settings | None = None) -> str:
    raw = RawInput(source="t", data=data, kind=kind)  # type: ignore[arg-type]
    return clean_document(raw, "doc", settings or Settings()).text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty input"),
        (b"   \n\t\n", "empty input"),
        (bytes(range(256)) * 40, "binary content"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02\x03" * 500, "binary content"),
        (b"%PDF-1.7\n" + bytes([0, 159, 146, 150]) * 300, "binary content"),
    ],
)
def test_unusable_input_raises_one_line_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        clean_bytes(data)
    assert reason in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "data",
    [
        SENTENCE.encode("utf-8"),
        codecs.BOM_UTF8 + SENTENCE.encode("utf-8"),
        SENTENCE.encode("utf-16"),  # with BOM
        SENTENCE.encode("utf-16-le"),  # without BOM
        SENTENCE.encode("utf-16-be"),
        SENTENCE.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1252"],
)
def test_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode(data) == SENTENCE.lstrip("\ufeff") or decode(data).lstrip("\ufeff") == SENTENCE


def test_mixed_utf8_and_cp1252_bytes_are_repaired() -> None:
    data = "Zürich “first” line.\n".encode() + "Second line costs 5 €.\n".encode("cp1252")
    assert decode(data) == "Zürich “first” line.\nSecond line costs 5 €.\n"


def test_declared_charset_is_used() -> None:
    data = "Шість танків\n".encode("koi8-u")
    assert decode(data, declared="koi8-u") == "Шість танків\n"


def test_malformed_html_is_cleaned_or_refused() -> None:
    data = b"<html><body><p>The council approved 14 new bus routes on Friday.<div><p>Unclosed <b>tags"
    text = clean_bytes(data, kind="html")
    assert "14 new bus routes" in text
    with pytest.raises(InputError):
        clean_bytes(b"<html><body><script>var a = 1;</script></body></html>", kind="html")


def test_big_text_is_cut_and_memory_bounded() -> None:
    settings = Settings(max_text_chars=200_000)
    line = b"Crews repaired 12 kilometres of road in the northern district this week.\n"
    data = line * (8_000_000 // len(line))  # 8 MB; the cap keeps the first ~200k characters
    tracemalloc.start()
    text = clean_bytes(data, settings=settings)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert 0 < len(text) <= 200_000
    assert peak < 40 * 200_000 + len(data) // 4  # far below what decoding all 8 MB would take


def test_chrome_only_page_is_a_failure() -> None:
    with pytest.raises(InputError, match="no article text"):
        clean_bytes(b"Skip to main content\nMenu\nSearch\nShare\nPrint\n")


def test_syndicated_release_is_a_near_duplicate() -> None:
    settings = Settings()
    pipeline = Pipeline(settings)
    documents = []
    for index, name in enumerate(["newswire.txt", "newswire_syndicated.txt", "video_page.txt"]):
        path = DATA / name
        raw = RawInput(source=str(path), data=path.read_bytes(), kind="text")
        document = clean_document(raw, f"d{index}", settings)
        documents.append(pipeline.dedup(document).document)
    first, copy, other = documents
    assert first.status == "ok" and first.duplicate_of is None
    assert copy.status == "duplicate" and copy.duplicate_of == "d0"
    assert other.status == "ok" and other.duplicate_of is None
    assert near.jaccard(near.shingles(first.text), near.shingles(other.text)) < 0.1


def test_large_html_page_is_not_cut_before_its_article() -> None:
    settings = Settings(max_text_chars=20_000)
    script = "<script>var padding = '" + "x" * 60_000 + "';</script>"
    page = (
        f"<html><head>{script}</head><body><article><p>The harbor authority said 48 cranes were idle "
        "on Friday because of the strike, and that 12 ships were waiting offshore.</p></article></body></html>"
    )
    assert "48 cranes were idle" in clean_bytes(page.encode(), kind="html", settings=settings)


def test_folder_of_copied_pages_ingests_and_cleans(tmp_path: Path) -> None:
    """Issue 2 'done when': a folder of copied pages -> clean text, captions, posts, dates, duplicates."""
    from claimledger.ingest.sources import iter_inputs

    for path in DATA.iterdir():
        if path.name != "README.md":
            (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    settings = Settings()
    pipeline = Pipeline(settings)
    outcome: dict[str, tuple[str, str | None]] = {}
    for raw in iter_inputs([str(tmp_path)], settings):
        name = Path(raw.source).name
        if raw.error:
            outcome[name] = ("failed", raw.error)
            continue
        try:
            document = pipeline.dedup(clean_document(raw, name, settings)).document
        except InputError as exc:
            outcome[name] = ("failed", str(exc))
            continue
        outcome[name] = (document.status, document.duplicate_of)
        assert "Skip to" not in document.text and "Advertisement" not in document.text
    assert outcome["empty.txt"][0] == "failed"
    assert outcome["newswire_syndicated.txt"] == ("duplicate", "newswire.txt")
    assert sum(status == "ok" for status, _ in outcome.values()) == 8
