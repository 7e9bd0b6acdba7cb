"""bench/queries.py on a small generated ledger, on SQLite and PostgreSQL (issue 7).

The benchmark's numbers can be trusted only if its generated ledger is sound and if its
"proposed" queries (on migration 0004's claims.dated) find what the API's queries find.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimledger.store import open_ledger
from claimledger.store import queries as q

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
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed")
    server = "postgresql://postgres@127.0.0.1:5432"
    name = f"claimledger_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.Error as exc:
        pytest.skip(f"no PostgreSQL server reachable at {server} ({str(exc).strip().splitlines()[0]})")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_generated_ledger_and_proposed_queries_agree(bench: Any, url: str) -> None:
    with open_ledger(url) as ledger:
        bench.build(ledger, 400)
        assert ledger.query("SELECT count(*) AS n FROM claims")[0]["n"] == 400
        assert ledger.query("SELECT count(*) AS n FROM documents")[0]["n"] == 40
        # every claim points at its text inside its document, as the contract says
        for row in ledger.query('SELECT c.start, c."end", c.text, d.text AS doc_text FROM claims c '
                                "JOIN documents d ON d.id = c.doc"):
            assert row["doc_text"][row["start"]:row["end"]] == row["text"]
        assert ledger.query("SELECT count(*) AS n FROM claims WHERE dated IS NULL")[0]["n"] == 0

        word = "Velmora"
        api_total = q.count_claims(ledger, q.ClaimFilter(text=word))
        records, total = bench.proposed_claims(ledger, word, limit=500)
        assert total == api_total > 0
        api_ids = {r["id"] for r in q.list_claims(ledger, q.ClaimFilter(text=word), limit=500)}
        assert {r["id"] for r in records} == api_ids
        dated = {r["id"]: r["dated"] for r in ledger.query("SELECT id, dated FROM claims")}
        order = [dated[r["id"]] for r in records]
        assert order == sorted(order, reverse=True)  # newest first

        metric = ledger.query("SELECT metric FROM claims WHERE metric IS NOT NULL "
                              "GROUP BY metric ORDER BY count(*) DESC LIMIT 1")[0]["metric"]
        proposed = {r["claim"] for r in bench.proposed_metric_points(ledger, metric)}
        assert proposed == {r["claim"] for r in q.metric_points(ledger, metric)}
