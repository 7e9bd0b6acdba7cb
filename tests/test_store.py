"""The SQLite ledger: migrations, upserts, round trips of every record type."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from claimledger.model import (
    Annotations,
    Caption,
    Claim,
    Document,
    Entity,
    Link,
    Place,
    Post,
    Processed,
    Published,
    Quantity,
    Quote,
    Speaker,
    Time,
)
from claimledger.store import open_ledger


def _processed(doc_id: str = "doc_1", text: str = "The coalition has 79 members, Smith said.") -> Processed:
    doc = Document(id=doc_id, source="a.txt", text=text, title="T",
                   published=Published("2019-03-22", "day", "metadata"),
                   captions=(Caption("A photo.", "Credit X"),), posts=(Post(0, 3, "Smith", "@s", "2019-03-22"),))
    ann = Annotations()
    ann.quantities = [Quantity(id="qty_1", doc=doc_id, start=18, end=20, text=text[18:20], value=79.0,
                               low=79.0, high=79.0, counted="coalition members")]
    ann.times = [Time(id="tim_1", doc=doc_id, start=0, end=3, text=text[0:3], value="2019", precision="year")]
    ann.entities = [Entity(id="ent_1", doc=doc_id, start=30, end=35, text=text[30:35], label="PERSON",
                           canonical="Smith", entity="ent_x")]
    ann.places = [Place(id="plc_1", doc=doc_id, start=4, end=13, text=text[4:13], name="X", lat=1.5, lon=2.5,
                        country="SY", feature="city", gazetteer_id="1")]
    ann.quotes = [Quote(id="quo_1", doc=doc_id, start=0, end=28, text=text[0:28],
                        speaker=Speaker(name="Smith", anonymous=False), cue="said")]
    ann.claims = [Claim(id="clm_1", doc=doc_id, start=0, end=len(text), text=text, speaker=Speaker(name="Smith"),
                        quote="quo_1", quantities=("qty_1",), places=("plc_1",), checkworthy=0.9)]
    return Processed(doc, ann, bands=(1, 2, 3))


def test_round_trip_every_record_type(db_path: Path) -> None:
    item = _processed()
    with open_ledger(str(db_path)) as ledger:
        ledger.write([item])
        ledger.replace_links([Link(id="lnk_1", a="clm_1", b="clm_1", relation="agree", score=1.0,
                                   explanation="Same.")])
        records = list(ledger.records())
    expected = item.records()
    by_id = {r["id"]: r for r in records}
    for record in expected:
        stored = dict(by_id[record["id"]])
        assert stored == record, record["type"]
    assert by_id["lnk_1"]["relation"] == "agree"


def test_writing_twice_changes_no_row(db_path: Path) -> None:
    with open_ledger(str(db_path)) as ledger:
        ledger.write([_processed()])
    dump1 = _dump(db_path)
    with open_ledger(str(db_path)) as ledger:
        ledger.write([_processed()])
    assert _dump(db_path) == dump1


def test_wal_and_fts(db_path: Path) -> None:
    with open_ledger(str(db_path)) as ledger:
        ledger.write([_processed()])
        assert ledger.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"
        hits = ledger.query("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", ("coalition",))
        assert len(hits) == 1
        claims = ledger.query("SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", ("members",))
        assert len(claims) == 1


def test_migrations_are_recorded_once(db_path: Path) -> None:
    with open_ledger(str(db_path)) as ledger:
        first = ledger.query("SELECT name FROM schema_migrations ORDER BY version")
    with open_ledger(str(db_path)) as ledger:
        assert ledger.migrate() == []
        assert ledger.query("SELECT name FROM schema_migrations ORDER BY version") == first


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=200), title=st.one_of(st.none(), st.text(max_size=40)))
def test_document_round_trip_property(tmp_path: Path, text: str, title: str | None) -> None:
    doc = Document(id="doc_p", source="s", text=text, title=title)
    path = tmp_path / "p.db"
    with open_ledger(str(path)) as ledger:
        ledger.write([Processed(doc)])
        stored = ledger.document("doc_p")
    assert stored is not None
    assert stored["text"] == text and stored["title"] == title


def _dump(path: Path) -> list[str]:
    """Every row of the ledger's own tables (FTS shadow tables are SQLite's bookkeeping)."""
    with sqlite3.connect(path) as connection:
        return [line for line in connection.iterdump() if "_fts" not in line]


def test_quote_continues_round_trips(db_path: Path) -> None:
    """Issue 4 (migration 0006): the second part of a split quote names the first."""
    text = '"We are ready," Smith said. "The bridge opens Friday."'
    doc = Document(id="doc_split", source="split.txt", text=text)
    first = Quote(id="quo_a", doc="doc_split", start=1, end=14, text=text[1:14], speaker=Speaker(name="Smith"))
    second = Quote(id="quo_b", doc="doc_split", start=29, end=53, text=text[29:53], speaker=Speaker(name="Smith"),
                   continues="quo_a")
    with open_ledger(str(db_path)) as ledger:
        ledger.write([Processed(doc, Annotations(quotes=[first, second]))])
        stored = {r["id"]: r for r in ledger.records(["quote"])}
    assert stored["quo_b"]["continues"] == "quo_a"
    assert stored["quo_a"]["continues"] is None and "continues" in stored["quo_a"]
    assert stored["quo_b"] == second.record()
