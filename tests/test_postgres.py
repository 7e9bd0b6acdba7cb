"""The PostgreSQL backend against the real server on 127.0.0.1:5432 (issue 7).

Each test creates its own uniquely named database and drops it afterwards. Without a reachable
server (or without psycopg) the tests skip with a message saying why. Documents here are
fictional, written for these tests.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from claimledger import run
from claimledger.model import (
    Annotations,
    Caption,
    Claim,
    Document,
    Entity,
    Link,
    Place,
    Processed,
    Published,
    Quantity,
    Quote,
    Speaker,
    Time,
)
from claimledger.serve import exports
from claimledger.settings import Settings
from claimledger.store import open_ledger
from claimledger.store.base import Ledger

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'claimledger[postgres]')")

pytestmark = pytest.mark.postgres

TEXT = (
    "Harbor officials said on Tuesday that 1,250 containers had passed through the port of Velmora "
    "in March. \"We expect about 1,400 next month,\" said Ana Ruiz, the port director. "
    "Critics from the Dockworkers Union disputed the figure."
)


def _run_together(threads: list[threading.Thread]) -> None:
    """Start all the threads, then wait for each (a minute at most)."""
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

def _processed(suffix: str = "a", text: str = TEXT) -> Processed:
    """A hand-built document with one annotation of every type (fictional content)."""
    doc_id = f"doc_{suffix}"
    start = text.index("1,250")
    quote_start = text.index('"We')
    quote_end = text.index('month,"') + len('month,"')
    speaker = Speaker(name="Ana Ruiz", role="port director", anonymous=False)
    quantity = Quantity(id=f"qty_{suffix}", doc=doc_id, start=start, end=start + 5, text="1,250",
                        value=1250.0, qualifier="exact", unit=None, unit_class="count",
                        counted="containers", as_of="2026-03", place=f"plc_{suffix}", claim=f"clm_{suffix}")
    place_start = text.index("Velmora")
    place = Place(id=f"plc_{suffix}", doc=doc_id, start=place_start, end=place_start + 7, text="Velmora",
                  name="Velmora", lat=12.345678901234, lon=-98.765432109876, country="XX", feature="city")
    claim = Claim(id=f"clm_{suffix}", doc=doc_id, start=0, end=text.index("March.") + 6,
                  text=text[: text.index("March.") + 6], speaker=speaker, as_of="2026-03",
                  metric="port containers", quantities=(quantity.id,), places=(place.id,), checkworthy=0.8125)
    annotations = Annotations(
        entities=[Entity(id=f"ent_{suffix}", doc=doc_id, start=text.index("Ana Ruiz"),
                         end=text.index("Ana Ruiz") + 8, text="Ana Ruiz", label="PERSON",
                         canonical="Ana Ruiz", entity="e_ana_ruiz", role="port director")],
        places=[place],
        times=[Time(id=f"tim_{suffix}", doc=doc_id, start=text.index("March"), end=text.index("March") + 5,
                    text="March", value="2026-03", precision="month")],
        quantities=[quantity],
        quotes=[Quote(id=f"quo_{suffix}", doc=doc_id, start=quote_start, end=quote_end,
                      text=text[quote_start:quote_end], speaker=speaker, cue="said", kind="direct")],
        claims=[claim],
    )
    document = Document(id=doc_id, source=f"fictional/{suffix}.txt", title="Port traffic (fictional)",
                        published=Published("2026-04-02", "day", "metadata"), text=text,
                        captions=(Caption("A crane at dawn", "Staff photo"),), content_hash="00" * 32)
    return Processed(document, annotations, bands=(11, 22, 33))


def _export(ledger: Ledger, tmp_path: Path, name: str) -> list[str]:
    out = tmp_path / name
    exports.export(ledger, "jsonl", out=str(out))
    return out.read_text(encoding="utf-8").splitlines()


def test_migrations_apply_once_and_schema_matches(pg_url: str) -> None:
    with open_ledger(pg_url) as ledger:
        names = sorted(r["name"] for r in ledger.query("SELECT name FROM schema_migrations"))
        assert names[:2] == ["0001_initial", "0002_fts"]
        assert ledger.migrate() == []  # reopening applies nothing new
        kinds = {r["column_name"]: r["data_type"] for r in ledger.query(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'places'")}
        assert kinds["lat"] == "double precision"  # not PostgreSQL's 4-byte REAL
        vector = ledger.query("SELECT data_type FROM information_schema.columns "
                              "WHERE table_name = 'claim_embeddings' AND column_name = 'vector'")
        assert vector[0]["data_type"] == "bytea"
    with open_ledger(pg_url) as again:
        assert again.migrate() == []


def test_concurrent_openers_migrate_once(pg_url: str) -> None:
    """Three processes' worth of connections open a fresh database at once: one migrates."""
    errors: list[BaseException] = []

    def opener() -> None:
        try:
            open_ledger(pg_url).close()
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    _run_together([threading.Thread(target=opener) for _ in range(3)])
    assert not errors, errors
    with open_ledger(pg_url) as ledger:
        rows = ledger.query("SELECT name, count(*) AS n FROM schema_migrations GROUP BY name")
        assert rows and all(r["n"] == 1 for r in rows)


def test_write_read_round_trip_and_idempotent(pg_url: str) -> None:
    item = _processed()
    with open_ledger(pg_url) as ledger:
        assert ledger.write([item]) == 1
        assert ledger.write([item]) == 1  # upsert: nothing doubles
        counts = ledger.counts()
        assert counts["document"] == 1 and counts["claim"] == 1 and counts["quantity"] == 1
        record = ledger.document("doc_a")
        assert record is not None
        assert record["captions"] == [{"text": "A crane at dawn", "credit": "Staff photo"}]
        claim = next(r for r in ledger.records(["claim"]))
        assert claim["quantities"] == ["qty_a"] and claim["places"] == ["plc_a"]
        place = next(r for r in ledger.records(["place"]))
        assert place["lat"] == 12.345678901234  # full double precision kept
        assert ledger.band_candidates([11, 0, 0]) == ["doc_a"]
        assert ledger.document_status("doc_a") == "ok"


def test_same_export_as_sqlite(pg_url: str, tmp_path: Path) -> None:
    items = [_processed("b"), _processed("a", TEXT.replace("Tuesday", "Monday"))]
    link = Link(id="lnk_1", a="clm_a", b="clm_b", relation="agree", score=0.75,
                explanation="Both fictional reports give the same count.")
    with open_ledger(str(tmp_path / "l.db")) as lite, open_ledger(pg_url) as pg:
        for ledger in (lite, pg):
            ledger.write(items)
            ledger.replace_links([link])
        assert _export(lite, tmp_path, "lite.jsonl") == _export(pg, tmp_path, "pg.jsonl")


def test_full_text_search_hook(pg_url: str, tmp_path: Path) -> None:
    with open_ledger(pg_url) as pg, open_ledger(str(tmp_path / "l.db")) as lite:
        for ledger in (pg, lite):
            ledger.write([_processed()])
            assert ledger.fts_claims("containers VELMORA") == ["clm_a"]
            assert ledger.fts_claims("containers submarine") == []
            assert ledger.fts_claims("containers submarine", any_word=True) == ["clm_a"]
            assert ledger.fts_claims("submarine | (torpedo)", any_word=True) == []
            assert ledger.fts_count("claims", "containers velmora") == 1
            assert ledger.fts_count("claims", "submarine") == 0
            assert ledger.fts_count("documents", "dockworkers") == 1
            condition, params = ledger.fts_condition("claims", "ruiz", alias="c")
            rows = ledger.query(f"SELECT c.id FROM claims c JOIN documents d ON d.id = c.doc WHERE {condition}",
                                params)
            assert [r["id"] for r in rows] == ["clm_a"]
        plan = "\n".join(str(r["QUERY PLAN"]) for r in pg.query(
            "EXPLAIN SELECT id FROM claims c WHERE " + pg.fts_condition("claims", "port", alias="c")[0]
            .replace("?", "'port'")))
        assert "claims_fts" in plan or "Seq Scan" in plan  # index usable (tiny tables may seq-scan)


def test_many_writers_and_readers_at_once(pg_url: str) -> None:
    """Four threads, each with its own connection, write overlapping batches while others read."""
    open_ledger(pg_url).close()  # migrate once up front
    errors: list[BaseException] = []
    items = [_processed(f"w{i}") for i in range(8)]

    def writer(offset: int) -> None:
        try:
            with open_ledger(pg_url) as ledger:
                for round_ in range(3):
                    ledger.write(items[(offset + round_) % 4:][:5])
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    def reader() -> None:
        try:
            with open_ledger(pg_url) as ledger:
                for _ in range(10):
                    ledger.counts()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    _run_together([threading.Thread(target=writer, args=(i,)) for i in range(4)]
                  + [threading.Thread(target=reader) for _ in range(2)])
    assert not errors, errors
    with open_ledger(pg_url) as ledger:
        assert ledger.counts()["document"] == 8
        assert ledger.counts()["claim"] == 8


def test_ingest_command_path_matches_sqlite(pg_url: str, tmp_path: Path, nlp: Any) -> None:
    """The real pipeline into both backends gives the same export lines."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text(TEXT, encoding="utf-8")
    (folder / "two.jsonl").write_text(json.dumps(
        {"id": "n2", "title": "Fictional note", "published": "2026-05-01",
         "text": "The ministry said 30 percent of the 4,000 homes in Ostrava Bay still lack power."}) + "\n",
        encoding="utf-8")
    lite_path = str(tmp_path / "lite.db")
    run.ingest([str(folder)], Settings.load(db=lite_path))
    summary = run.ingest([str(folder)], Settings.load(db=pg_url))
    assert summary.ok == 2
    assert run.ingest([str(folder)], Settings.load(db=pg_url)).unchanged == 2
    with open_ledger(lite_path) as lite, open_ledger(pg_url) as pg:
        assert _export(lite, tmp_path, "a.jsonl") == _export(pg, tmp_path, "b.jsonl")


def test_unreachable_server_is_one_clear_error() -> None:
    from claimledger.errors import StoreError

    with pytest.raises(StoreError, match="cannot connect"):
        open_ledger("postgresql://postgres:secret@127.0.0.1:1/nowhere")
    try:
        open_ledger("postgresql://postgres:secret@127.0.0.1:1/nowhere")
    except StoreError as exc:
        assert "secret" not in str(exc)


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_claim_dated_kept_by_triggers(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Migration 0004: claims.dated is as_of, else the document's date, on both backends."""
    import dataclasses

    url = str(tmp_path / "l.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    item = _processed()
    undated = dataclasses.replace(item.annotations.claims[0], id="clm_undated", as_of=None)
    item.annotations.claims.append(undated)
    with open_ledger(url) as ledger:
        ledger.write([item])

        def dated() -> dict[str, str]:
            return {r["id"]: r["dated"] for r in ledger.query("SELECT id, dated FROM claims ORDER BY id")}

        assert dated() == {"clm_a": "2026-03", "clm_undated": "2026-04-02"}
        ledger.execute("UPDATE documents SET published_date = ? WHERE id = ?", ("2026-05", "doc_a"))
        ledger.execute("UPDATE claims SET as_of = ? WHERE id = ?", ("2025", "clm_a"))
        ledger.commit()
        assert dated() == {"clm_a": "2025", "clm_undated": "2026-05"}
        plan = ledger.query(("EXPLAIN QUERY PLAN " if backend == "sqlite" else "EXPLAIN ")
                            + "SELECT id FROM links WHERE relation = 'contradict' ORDER BY score DESC, id LIMIT 5")
        assert "links_relation_score" in str(plan) or backend == "postgres"


def _open_at_0005(url: str, monkeypatch: pytest.MonkeyPatch) -> Ledger:
    """A ledger as claimledger left it before migration 0006 (0001 to 0005 applied)."""
    scripts = Ledger.migration_scripts
    with monkeypatch.context() as patch:
        patch.setattr(Ledger, "migration_scripts", lambda self: [s for s in scripts(self) if s[0] <= 5])
        return open_ledger(url)


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_ledger_from_0005_migrates_with_null_continues(backend: str, request: pytest.FixtureRequest,
                                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Migrations 0006 and 0007 on a ledger written before them: old quotes continue nothing."""
    url = str(tmp_path / "old.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    item = _processed()
    quote = item.annotations.quotes[0]
    with _open_at_0005(url, monkeypatch) as old:
        assert "continues" not in [d[0] for d in old.execute("SELECT * FROM quotes WHERE 1 = 0").description]
        old.commit()
        old.execute(
            "INSERT INTO documents (id, source, text, status, published_basis, ingested_at) "
            "VALUES (?, ?, ?, 'ok', 'none', '2026-01-01T00:00:00+00:00')", ("doc_a", "old.txt", TEXT))
        old.execute('INSERT INTO quotes (id, doc, start, "end", text, kind) VALUES (?, ?, ?, ?, ?, ?)',
                    (quote.id, "doc_a", quote.start, quote.end, quote.text, "direct"))
        old.commit()
        assert "0006_quote_continues" not in {r["name"] for r in old.query("SELECT name FROM schema_migrations")}
    with open_ledger(url) as ledger:
        applied = {r["name"] for r in ledger.query("SELECT name FROM schema_migrations")}
        assert {"0006_quote_continues", "0007_entity_roles"} <= applied
        record = next(iter(ledger.records(["quote"])))
        assert record["id"] == quote.id and "continues" in record and record["continues"] is None
        assert ledger.query("SELECT count(*) AS n FROM entity_roles")[0]["n"] == 0


def test_split_quote_exports_the_same_from_both_backends(pg_url: str, tmp_path: Path) -> None:
    """Migration 0006: ``continues`` is stored and exported alike by SQLite and PostgreSQL."""
    import dataclasses

    item = _processed()
    first = item.annotations.quotes[0]
    start = TEXT.index("Critics")
    second = dataclasses.replace(first, id="quo_a2", start=start, end=len(TEXT), text=TEXT[start:],
                                 continues=first.id)
    item.annotations.quotes.append(second)
    with open_ledger(str(tmp_path / "l.db")) as lite, open_ledger(pg_url) as pg:
        for ledger in (lite, pg):
            ledger.write([item])
        lines = _export(lite, tmp_path, "lite.jsonl")
        assert lines == _export(pg, tmp_path, "pg.jsonl")
    quotes = {r["id"]: r for r in map(json.loads, lines) if r["type"] == "quote"}
    assert quotes["quo_a2"]["continues"] == first.id and quotes[first.id]["continues"] is None
