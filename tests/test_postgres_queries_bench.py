"""bench/queries.py on a small generated ledger, on SQLite and PostgreSQL (issue 7).

The benchmark's numbers can be trusted only if its generated ledger is sound and if its
baseline (the queries as written before issue 7 part 4) finds what the API's queries find; and the
fast paths of store/queries.py (date-index walk, full-text count, speaker through the full-text
index) must return what the plain forms return.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimledger.store import open_ledger
from claimledger.store import queries as q
from conftest import postgres_database

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def bench() -> Any:
    sys.path.insert(0, str(BENCH))
    try:
        import queries as bench_queries  # bench/queries.py

        yield bench_queries
    finally:
        sys.path.remove(str(BENCH))


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "bench.db")
        return
    with postgres_database() as pg:
        yield pg


def _name_has_prefixes(name: str | None, typed: str) -> bool:
    words = [w.lower() for w in q.name_words(name or "")]
    return all(any(w.startswith(t.lower()) for w in words) for t in q.name_words(typed))


def test_generated_ledger_and_api_queries_agree_with_baseline(bench: Any, url: str) -> None:
    with open_ledger(url) as ledger:
        bench.build(ledger, 400)
        assert ledger.query("SELECT count(*) AS n FROM claims")[0]["n"] == 400
        assert ledger.query("SELECT count(*) AS n FROM documents")[0]["n"] == 40
        # every claim points at its text inside its document, as the contract says
        for row in ledger.query('SELECT c.start, c."end", c.text, d.text AS doc_text FROM claims c '
                                "JOIN documents d ON d.id = c.doc"):
            assert row["doc_text"][row["start"]:row["end"]] == row["text"]
        assert ledger.query("SELECT count(*) AS n FROM claims WHERE dated IS NULL")[0]["n"] == 0
        dated = {r["id"]: r["dated"] for r in ledger.query("SELECT id, dated FROM claims")}

        word = "Velmora"
        filters = q.ClaimFilter(text=word)
        records, total = bench.baseline_claims(ledger, filters, limit=500)
        assert q.count_claims(ledger, filters) == total > 0
        api = q.list_claims(ledger, filters, limit=500)
        assert {r["id"] for r in api} == {r["id"] for r in records}
        keys = [(dated[r["id"]], r["id"]) for r in api]
        assert [k[0] for k in keys] == sorted((k[0] for k in keys), reverse=True)  # newest first
        for (d1, i1), (d2, i2) in itertools.pairwise(keys):
            assert d1 != d2 or i1 < i2  # ties by id

        metric = ledger.query("SELECT metric FROM claims WHERE metric IS NOT NULL "
                              "GROUP BY metric ORDER BY count(*) DESC LIMIT 1")[0]["metric"]
        points = q.metric_points(ledger, metric)
        assert {r["claim"] for r in points} == {r["claim"] for r in bench.baseline_points(ledger, metric)}
        assert [(dated[p["claim"]], p["claim"]) for p in points] == sorted((dated[p["claim"]], p["claim"])
                                                                           for p in points)

        # speaker: beginnings of name words, any case, through the full-text index
        names = {r["id"]: r["speaker_name"] for r in ledger.query("SELECT id, speaker_name FROM claims")}
        some = next(n for n in names.values() if n)
        last = some.split()[-1]
        for typed in (last.lower(), last[:3].upper(), f"{some.split()[0][:2]} {last[:4]}"):
            expected = {i for i, n in names.items() if _name_has_prefixes(n, typed)}
            found = q.list_claims(ledger, q.ClaimFilter(speaker=typed), limit=500)
            assert {r["id"] for r in found} == expected and expected, typed
            assert q.count_claims(ledger, q.ClaimFilter(speaker=typed)) == len(expected)
        # a word of a claim's text is not a speaker
        assert q.count_claims(ledger, q.ClaimFilter(speaker="Velmora")) == 0
        # since/until keep the overlap semantics on claims.dated
        since = {i for i, d in dated.items() if d >= "2024-06"[:len(d)]}
        assert q.count_claims(ledger, q.ClaimFilter(since="2024-06")) == len(since)
        until = {i for i, d in dated.items() if d[:7] <= "2022-03"}
        assert q.count_claims(ledger, q.ClaimFilter(until="2022-03")) == len(until)


def test_date_index_walk_returns_the_sorted_page(bench: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_ledger(str(tmp_path / "walk.db")) as ledger:
        bench.build(ledger, 400)
        for filters in (q.ClaimFilter(text="Velmora"), q.ClaimFilter(speaker="okafor", since="2023"),
                        q.ClaimFilter(text="people", until="2024")):
            monkeypatch.setattr(q, "WALK_ABOVE", 10**9)
            sorted_page = [r["id"] for r in q.list_claims(ledger, filters, limit=20, offset=5)]
            statements: list[str] = []
            ledger.connection.set_trace_callback(statements.append)
            monkeypatch.setattr(q, "WALK_ABOVE", 0)
            walked = [r["id"] for r in q.list_claims(ledger, filters, limit=20, offset=5)]
            ledger.connection.set_trace_callback(None)
            assert any("INDEXED BY claims_dated" in s for s in statements), filters
            assert walked == sorted_page and walked, filters


def test_speaker_filter_reads_indexes_not_the_whole_table(bench: Any, tmp_path: Path) -> None:
    with open_ledger(str(tmp_path / "plan.db")) as ledger:
        bench.build(ledger, 4000)  # big enough that the planner prefers indexes to a scan
        for filters in (q.ClaimFilter(speaker="okafor"), q.ClaimFilter(speaker="okafor", since="2024")):
            statements: list[str] = []
            ledger.connection.set_trace_callback(statements.append)
            q.count_claims(ledger, filters)
            ledger.connection.set_trace_callback(None)
            count = next(s for s in statements if s.startswith("SELECT count(*) AS n FROM claims c"))
            plan = [str(r[3]) for r in ledger.connection.execute("EXPLAIN QUERY PLAN " + count)]
            assert not any(line == "SCAN c" or line.startswith("SCAN c ") for line in plan), plan
            if not filters.since:  # name through claims_fts, entity id through its index
                assert any("claims_speaker_entity" in line for line in plan), plan
                assert any("claims_fts" in line for line in plan), plan
