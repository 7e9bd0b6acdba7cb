"""The reading queries of the API on the PostgreSQL backend (same answers as on SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from claimledger.store import open_ledger, queries
from conftest import postgres_database
from test_api_corpus import corpus

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'claimledger[postgres]')")

pytestmark = pytest.mark.postgres

@pytest.fixture(scope="module")
def pg_ledger() -> Iterator[Any]:
    with postgres_database("claimledger_api") as url:
        items, links = corpus()
        with open_ledger(url) as ledger:
            ledger.write(items)
            ledger.replace_links(links)
            yield ledger


@pytest.mark.parametrize(("filters", "expected"), [
    (queries.ClaimFilter(text="families displaced"), {"clm_1200", "clm_1500"}),
    (queries.ClaimFilter(text='"not over'), {"clm_notover"}),
    (queries.ClaimFilter(speaker="ortiz"), {"clm_80", "clm_notover"}),
    (queries.ClaimFilter(entity="Northwind Coalition"), {"clm_79"}),
    (queries.ClaimFilter(place="Port Amar"), {"clm_1200", "clm_1500"}),
    (queries.ClaimFilter(since="2024-06"), {"clm_80", "clm_notover", "clm_1500", "clm_defeated"}),
    (queries.ClaimFilter(until="2024-01"), {"clm_79", "clm_1200"}),
    (queries.ClaimFilter(min_checkworthy=0.9), {"clm_1200", "clm_notover", "clm_defeated"}),
    (queries.ClaimFilter(speaker="' OR '1'='1"), set()),
])
def test_claim_filters_on_postgres(pg_ledger: Any, filters: queries.ClaimFilter, expected: set[str]) -> None:
    assert {c["id"] for c in queries.list_claims(pg_ledger, filters, limit=100)} == expected
    assert queries.count_claims(pg_ledger, filters) == len(expected)


def test_other_lists_on_postgres(pg_ledger: Any) -> None:
    assert [d["id"] for d in queries.list_documents(pg_ledger, q="displaced floods")] == ["doc_factsheet"]
    assert {p["name"] for p in queries.list_places(pg_ledger)} == {"Port Amar", "Lindqvist"}
    assert {m["metric"]: m["claims"] for m in queries.list_metrics(pg_ledger)}["coalition members"] == 2
    assert [p["value"] for p in queries.metric_points(pg_ledger, "coalition members")] == [79, 80]
    assert queries.list_links(pg_ledger, relation="contradict")[0]["id"] == "lnk_contra"
    assert queries.get_claim(pg_ledger, "clm_notover")["quote_record"]["speaker"]["name"] == "Dana Ortiz"
    assert queries.document_view(pg_ledger, "doc_article")["annotations"]["claims"]
    assert queries.top_speakers(pg_ledger)[0]["name"] == "Dana Ortiz"
    assert queries.list_entities(pg_ledger, label="PERSON")
    assert queries.list_quotes(pg_ledger, queries.QuoteFilter(speaker="varga"))[0]["kind"] == "post"
