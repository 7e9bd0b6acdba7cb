"""The REST API: every endpoint, every error path, the OpenAPI document, and a schemathesis fuzz."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings

from claimledger.model import Annotations, Document, Entity, EntityRole, Processed, Published
from claimledger.serve.api import create_app, safe_upload_name, token_matches
from claimledger.settings import Settings
from claimledger.store import open_ledger
from test_api_corpus import build_ledger

ERROR_KEYS = {"status", "code", "message", "detail"}


def assert_error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ledger(tmp_path_factory.mktemp("api") / "ledger.db")


@pytest.fixture(scope="module")
def client(ledger_path: Path, nlp: Any) -> Iterator[TestClient]:
    app = create_app(Settings.load(db=str(ledger_path), encoder="hashing"), nlp=nlp)
    with TestClient(app) as test_client:
        yield test_client


# -- reading endpoints ------------------------------------------------------------------------
def test_index_and_openapi(client: TestClient) -> None:
    index = client.get("/api").json()
    assert index["counts"]["claim"] == 7 and index["writing"] is False
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in ("/api/claims", "/api/claims/{claim_id}", "/api/documents", "/api/check", "/api/conflicts",
                 "/api/timeline", "/api/search", "/api/quotes", "/api/metrics", "/api/export"):
        assert path in spec["paths"], path
    assert client.get("/api/health").json() == {"status": "ok"}
    assert client.get("/docs").status_code == 404  # no Swagger UI: it would load scripts from a CDN


def test_claims_filters_and_paging(client: TestClient) -> None:
    page = client.get("/api/claims", params={"limit": 3}).json()
    assert page["total"] == 7 and len(page["items"]) == 3
    assert page["next"] == "/api/claims?limit=3&offset=3" or page["next"] == "/api/claims?offset=3&limit=3"
    second = client.get(page["next"]).json()
    assert {c["id"] for c in second["items"]}.isdisjoint({c["id"] for c in page["items"]})
    found = client.get("/api/claims", params={"speaker": "Ortiz", "since": "2024-06", "metric": "coalition members"})
    assert [c["id"] for c in found.json()["items"]] == ["clm_80"]
    assert client.get("/api/claims", params={"place": "Port Amar", "min_checkworthy": 0.86}).json()["total"] == 1
    assert client.get("/api/claims", params={"entity": "ent_redhand"}).json()["items"][0]["id"] == "clm_defeated"
    last = client.get("/api/claims", params={"offset": 7}).json()
    assert last["items"] == [] and last["next"] is None


def test_one_claim_document_quote_entity_place(client: TestClient) -> None:
    claim = client.get("/api/claims/clm_notover").json()
    assert claim["quote_record"]["speaker"]["name"] == "Dana Ortiz"
    assert claim["document"]["title"] == "Coalition grows as campaign continues"
    assert [link["id"] for link in claim["links"]] == ["lnk_contra"]
    doc = client.get("/api/documents/doc_article").json()
    for annotation in (a for group in doc["annotations"].values() for a in group):
        assert doc["text"][annotation["start"]:annotation["end"]] == annotation["text"]
    quote_id = claim["quote"]
    assert client.get(f"/api/quotes/{quote_id}").json()["claims"] == ["clm_notover"]
    assert client.get("/api/quotes", params={"speaker": "varga"}).json()["total"] == 1
    assert client.get("/api/entities/ent_ortiz").json()["canonical"] == "Dana Ortiz"
    assert client.get("/api/entities", params={"label": "PERSON"}).json()["items"]
    place_id = claim["places"][0]
    assert client.get(f"/api/places/{place_id}").json()["name"] == "Lindqvist"
    assert {p["name"] for p in client.get("/api/places").json()["items"]} == {"Port Amar", "Lindqvist"}


def test_documents_search_and_status(client: TestClient) -> None:
    found = client.get("/api/documents", params={"q": "defeated"}).json()
    assert [d["id"] for d in found["items"]] == ["doc_post"] and found["items"][0]["snippet"]["text"]
    assert client.get("/api/documents", params={"status": "failed"}).json()["total"] == 0
    everything = client.get("/api/search", params={"q": "coalition"}).json()
    assert everything["claims"]["total"] == 2 and everything["documents"]["total"] == 2


def test_metrics_timeline_conflicts_links(client: TestClient) -> None:
    metrics = {m["metric"] for m in client.get("/api/metrics").json()["items"]}
    assert {"coalition members", "families displaced"} <= metrics
    points = client.get("/api/timeline", params={"metric": "coalition members"}).json()["points"]
    assert [p["value"] for p in points] == [79, 80] and points[1]["low"] < 80 < points[1]["high"]
    conflicts = client.get("/api/conflicts").json()
    assert conflicts["items"][0]["id"] == "lnk_contra"
    sides = {conflicts["items"][0]["claim_a"]["speaker"]["name"], conflicts["items"][0]["claim_b"]["speaker"]["name"]}
    assert sides == {"Dana Ortiz", "Leon Varga"}
    assert [link["id"] for link in client.get("/api/links", params={"relation": "update"}).json()["items"]] == [
        "lnk_update"]


def test_check_and_claimreview(client: TestClient) -> None:
    result = client.get("/api/check", params={"claim": "The Northwind Coalition has 79 members"}).json()
    assert result["verdict"] in {"supported", "refuted", "conflicting evidence", "not enough evidence"}
    assert "evidence" in result
    review = client.get("/api/check", params={"claim": "The Northwind Coalition has 79 members",
                                              "format": "claimreview"})
    assert review.headers["content-type"].startswith("application/ld+json")
    body = review.json()
    assert body["@type"] == "ClaimReview" and body["claimReviewed"] == "The Northwind Coalition has 79 members"
    assert body["reviewRating"]["alternateName"] == result["verdict"]


def test_exports(client: TestClient) -> None:
    lines = client.get("/api/export", params={"format": "jsonl", "type": "claim"}).text.splitlines()
    assert len(lines) == 7 and all(json.loads(line)["type"] == "claim" for line in lines)
    csv_text = client.get("/api/export", params={"format": "csv", "type": ["link"]}).text
    assert csv_text.splitlines()[0].startswith("type,id,a,b")
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(client.get("/api/export", params={"format": "parquet"}).content))
    assert table.num_rows == 4 + 3 + 5 + 6 + 3 + 7 + 4
    assert_error(client.get("/api/export", params={"type": "nonsense"}), 422)


# -- error paths ------------------------------------------------------------------------------
@pytest.mark.parametrize("url", [
    "/api/claims/clm_missing", "/api/documents/doc_missing", "/api/quotes/quo_missing",
    "/api/entities/nobody", "/api/entities/nobody/roles", "/api/places/plc_missing", "/api/jobs/none", "/api/nowhere",
    "/api/timeline?metric=no+such+metric+at+all",
])
def test_unknown_ids_are_404_in_the_error_shape(client: TestClient, url: str) -> None:
    assert_error(client.get(url), 404)


@pytest.mark.parametrize(("url", "where"), [
    ("/api/claims?since=June", "since"), ("/api/claims?until=2024-6-1", "until"),
    ("/api/claims?limit=0", "limit"), ("/api/claims?limit=100000", "limit"), ("/api/claims?offset=-1", "offset"),
    ("/api/claims?min_checkworthy=2", "min_checkworthy"), ("/api/claims?min_checkworthy=high", "min_checkworthy"),
    ("/api/documents?status=lost", "status"), ("/api/links?relation=hates", "relation"),
    ("/api/check", "claim"), ("/api/search?q=", "q"), ("/api/export?format=xlsx", "format"),
    ("/api/quotes?kind=shouted", "kind"), ("/api/claims?limit=1e9999", "limit"),
])
def test_malformed_parameters_are_422_with_a_message(client: TestClient, url: str, where: str) -> None:
    error = assert_error(client.get(url), 422)
    assert where in error["message"]


def test_wrong_method_is_405_in_the_error_shape(client: TestClient) -> None:
    assert_error(client.delete("/api/claims/clm_79"), 405)


def test_fts_syntax_in_user_text_is_not_an_error(client: TestClient) -> None:
    for text in ['"unbalanced', "NEAR(a b", "a* OR -b", "coalition)"]:
        assert client.get("/api/claims", params={"text": text}).status_code == 200
        assert client.get("/api/documents", params={"q": text}).status_code == 200


# -- writing ----------------------------------------------------------------------------------
def _fake_ingester(calls: list[str]) -> Callable[..., Any]:
    """Stands in for run.ingest: writes one document per uploaded file and reports progress."""
    def ingest(inputs: list[str], settings: Settings, progress: Callable[[Processed], None]) -> None:
        for path in inputs:
            text = Path(path).read_text(encoding="utf-8")
            calls.append(Path(path).name)
            item = Processed(Document(id=f"doc_up_{len(calls)}", source=path, text=text, title="Uploaded",
                                      published=Published("2024-07-01", "day", "metadata")))
            with open_ledger(settings.db) as ledger:
                ledger.write([item])
            progress(item)
    return ingest


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[tuple[TestClient, list[str]]]:
    path = build_ledger(tmp_path / "w.db")
    calls: list[str] = []
    app = create_app(Settings.load(db=str(path), api_token="writer-token", max_upload_bytes=1000),
                     ingester=_fake_ingester(calls))
    with TestClient(app) as test_client:
        yield test_client, calls


def test_upload_needs_the_token_and_shows_progress(writable: tuple[TestClient, list[str]]) -> None:
    client, calls = writable
    body = b"A new invented note: the harbour reopened on Tuesday."
    assert_error(client.post("/api/documents?name=note.txt", content=body), 401)
    assert_error(client.post("/api/documents?name=note.txt", content=body,
                             headers={"Authorization": "Bearer wrong-token"}), 401)
    accepted = client.post("/api/documents?name=../../etc/note.txt", content=body,
                           headers={"Authorization": "Bearer writer-token"})
    assert accepted.status_code == 202, accepted.text
    job_url = accepted.json()["url"]
    deadline = time.monotonic() + 10
    while (job := client.get(job_url).json())["state"] not in ("done", "failed") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert job["state"] == "done" and job["documents"] == 1 and job["ok"] == 1
    assert calls == ["note.txt"]  # the folder part of the name was dropped
    assert client.get("/api/documents/doc_up_1").json()["title"] == "Uploaded"
    assert client.get("/api/jobs").json()["items"][0]["id"] == job["id"]


def test_upload_limits(writable: tuple[TestClient, list[str]]) -> None:
    client, calls = writable
    auth = {"Authorization": "Bearer writer-token"}
    error = assert_error(client.post("/api/documents?name=big.txt", content=b"x" * 1001, headers=auth), 413)
    assert "1000" in error["message"]
    # a chunked upload with no Content-Length is counted while it streams and cut at the limit
    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b"y" * 100
    assert_error(client.post("/api/documents?name=big.txt", content=chunks(), headers=auth), 413)
    assert_error(client.post("/api/documents?name=empty.txt", content=b"", headers=auth), 400)
    assert_error(client.post("/api/documents", content=b"abc", headers=auth), 422)
    assert calls == []


def test_entity_roles_over_time(tmp_path: Path) -> None:
    """GET /api/entities/{entity}/roles: a person's roles, first seen first (fictional documents)."""
    def item(doc_id: str, date: str, role: str) -> Processed:
        text = f"{role} Jim Mattis spoke."
        start = len(role) + 1
        doc = Document(id=doc_id, source=f"{doc_id}.txt", text=text, published=Published(date, "day", "metadata"))
        entity = Entity(id=f"ent_{doc_id}", doc=doc_id, start=start, end=start + 10, text="Jim Mattis",
                        label="PERSON", canonical="Jim Mattis", entity="ent_mattis")
        held = EntityRole(entity="ent_mattis", name="Jim Mattis", role=role, doc=doc_id, start=start,
                          end=start + 10)
        return Processed(doc, Annotations(entities=[entity], roles=[held]))

    path = tmp_path / "roles.db"
    with open_ledger(str(path)) as ledger:
        ledger.write([item("doc_b", "2019-09-10", "Former defense secretary"),
                      item("doc_a", "2017-05-02", "Defense Secretary"),
                      item("doc_c", "2017-11-20", "defense secretary")])
    with TestClient(create_app(Settings.load(db=str(path)), web=False)) as client:
        body = client.get("/api/entities/Jim%20Mattis/roles").json()
        assert body["entity"] == "ent_mattis" and body["name"] == "Jim Mattis"
        assert body["roles"] == [
            {"role": "Defense Secretary", "first": "2017-05-02", "last": "2017-11-20", "documents": 2, "mentions": 2},
            {"role": "Former defense secretary", "first": "2019-09-10", "last": "2019-09-10", "documents": 1,
             "mentions": 1},
        ]
        assert client.get("/api/entities/ent_mattis/roles").json() == body
        assert "/api/entities/{entity}/roles" in client.get("/api/openapi.json").json()["paths"]
        assert_error(client.get("/api/entities/Ana%20Ruiz/roles"), 404)


def test_writing_disabled_without_a_configured_token(client: TestClient) -> None:
    error = assert_error(client.post("/api/documents?name=a.txt", content=b"abc",
                                     headers={"Authorization": "Bearer anything"}), 403)
    assert "CLAIMLEDGER_API_TOKEN" in error["message"]


def test_read_token_protects_reading(ledger_path: Path) -> None:
    app = create_app(Settings.load(db=str(ledger_path), read_token="reader", api_token="writer"))
    with TestClient(app) as client:
        assert_error(client.get("/api/claims"), 401)
        assert_error(client.get("/api/claims", headers={"Authorization": "Bearer nope"}), 401)
        assert client.get("/api/claims", headers={"Authorization": "Bearer reader"}).status_code == 200
        assert client.get("/api/claims", headers={"Authorization": "Bearer writer"}).status_code == 200
        assert client.get("/api/health").status_code == 200
        assert client.get("/", follow_redirects=False).headers["location"].startswith("/login")
        assert client.post("/login", data={"token": "nope", "next": "/"}).status_code == 401
        logged = client.post("/login", data={"token": "reader", "next": "//evil.example/"},
                             follow_redirects=False)
        assert logged.status_code == 303 and logged.headers["location"] == "/"
        assert client.get("/").status_code == 200  # the cookie now opens the pages


def test_token_comparison_and_upload_names() -> None:
    assert token_matches("abc", "abc") and not token_matches("abc", "abd")
    assert not token_matches(None, "abc") and not token_matches("abc", None) and not token_matches("", "")
    assert safe_upload_name("../../etc/passwd") == "passwd"
    assert safe_upload_name("C:\\x\\report 1.html") == "report_1.html"
    assert safe_upload_name("...") == "upload.txt"


# -- OpenAPI and the fuzzer -------------------------------------------------------------------
def test_schemathesis_finds_no_server_error(ledger_path: Path, nlp: Any) -> None:
    import schemathesis

    app = create_app(Settings.load(db=str(ledger_path), encoder="hashing"), nlp=nlp)
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    schema.validate()  # the OpenAPI document against the OpenAPI meta-schema (raises when invalid)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        examples = 4 if operation.path == "/api/check" else 12

        @given(case=operation.as_strategy())
        @hsettings(max_examples=examples, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck))
        def run(case: Any) -> None:
            # every default check: no 5xx, documented status codes and content types, responses
            # matching their schemas (errors in the one shape), schema-valid requests accepted
            response = case.call_and_validate(timeout=180)  # slow shared cores: slowness is not a failure
            if response.status_code >= 400:
                assert set(response.json()["error"]) == ERROR_KEYS

        run()


def test_record_types_in_the_openapi_match_the_contract() -> None:
    from typing import get_args

    from claimledger.model import RECORD_TYPES
    from claimledger.serve.api import RecordType

    assert get_args(RecordType) == RECORD_TYPES


def test_pattern_errors_say_what_to_write(client: TestClient) -> None:
    assert "2024-06-02" in assert_error(client.get("/api/claims?since=last+week"), 422)["message"]
    assert "not only spaces" in assert_error(client.get("/api/check", params={"claim": " \t"}), 422)["message"]
