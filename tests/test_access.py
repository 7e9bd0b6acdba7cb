"""Access and safety (issue 8 part 5): tokens, writing refused, no document content executed,
SQL with parameters only, nothing served from outside the static folder, 127.0.0.1 by default."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from claimledger.serve import api
from claimledger.serve.api import create_app
from claimledger.settings import Settings
from claimledger.store import open_ledger, queries
from test_api_corpus import HOSTILE, HOSTILE_IMG, HOSTILE_LINK, build_ledger

PAGES = ["/", "/?q=volunteers", "/documents", "/documents/doc_hostile", "/claims/clm_hostile", "/conflicts",
         "/metrics", "/metrics?metric=" + "volunteers%20" + "%3Cscript%3E", "/map", "/check", "/upload",
         "/login", "/documents?q=pwned"]


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every start tag a browser would build from the page, with its attributes."""
    collector = _TagCollector()
    collector.feed(html)
    return collector.tags


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ledger(tmp_path_factory.mktemp("access") / "ledger.db")


@pytest.fixture(scope="module")
def client(ledger_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings.load(db=str(ledger_path), encoder="hashing", api_token="t0k"))) as c:
        yield c


@pytest.mark.parametrize("url", PAGES)
def test_planted_markup_reaches_pages_only_as_text(client: TestClient, url: str) -> None:
    response = client.get(url, headers={"accept": "text/html"})
    assert response.status_code == 200, url
    html = response.text
    for planted in (HOSTILE, HOSTILE_IMG, 'href="' + HOSTILE_LINK):
        assert planted not in html
    tags = _tags(html)
    assert [t for t in tags if t[0] == "script" and dict(t[1]).get("src") != "/static/app.js"] == []
    assert [t for t in tags if t[0] in {"img", "iframe", "object", "embed"}] == []
    for _, attributes in tags:
        for name, value in attributes:
            assert not name.startswith("on"), (name, value)  # no event-handler attribute
            assert not (value or "").strip().lower().startswith("javascript:"), (name, value)
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"


def test_hostile_text_is_shown_escaped(client: TestClient) -> None:
    html = client.get("/documents/doc_hostile").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "javascript:window.__pwned=3" in html  # shown as the source text, not as a link


@pytest.mark.parametrize("path", [
    "/static/../api.py", "/static/%2e%2e/api.py", "/static/..%2fapi.py", "/static/%2e%2e%2f%2e%2e%2fsettings.py",
    "/static//etc/passwd", "/static/../../../../etc/passwd", "/static/templates/base.html",
])
def test_nothing_served_from_outside_the_static_folder(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "import" not in response.text and "root:" not in response.text


def test_every_writing_endpoint_refuses_without_the_token(client: TestClient) -> None:
    writing = [(method, route.path) for route in client.app.routes  # type: ignore[attr-defined]
               for method in getattr(route, "methods", set()) or set()
               if route.path.startswith("/api") and method in {"POST", "PUT", "PATCH", "DELETE"}]
    assert writing, "expected at least the upload endpoint"
    for method, path in writing:
        response = client.request(method, path.replace("{", "").replace("}", "") + "?name=a.txt", content=b"x")
        assert response.status_code == 401, (method, path)
        response = client.request(method, path + "?name=a.txt", content=b"x",
                                  headers={"Authorization": "Bearer t0k-but-longer"})
        assert response.status_code == 401


def test_tokens_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return a == b

    monkeypatch.setattr(api.hmac, "compare_digest", spy)
    assert api.token_matches("secret", "secret") and not api.token_matches("secreT", "secret")
    assert calls == [(b"secret", b"secret"), (b"secreT", b"secret")]


@pytest.mark.parametrize("value", [
    "' OR '1'='1", "x'); DROP TABLE claims; --", '" OR 1=1 --', "%", "%_%", "\\", "clm_79' --",
])
def test_user_text_is_never_sql(ledger_path: Path, value: str) -> None:
    with open_ledger(str(ledger_path)) as ledger:
        for field in ("text", "speaker", "entity", "place", "metric", "doc"):
            found = queries.list_claims(ledger, queries.ClaimFilter(**{field: value}))
            assert found == [], (field, value)
        assert queries.list_documents(ledger, q=value) == [] or value in {"%", "%_%", "\\"}
        assert queries.list_quotes(ledger, queries.QuoteFilter(speaker=value)) == []
        assert ledger.counts()["claim"] == 7


def test_queries_module_formats_no_value_into_sql() -> None:
    source = Path(queries.__file__).read_text(encoding="utf-8")
    # f-strings that build SQL may only splice fixed fragments: where-clauses, column lists, table names
    spliced = set(re.findall(r"\{([^{}:!]+)\}", "\n".join(re.findall(r'f"[^"\n]*(?:SELECT|WHERE|FROM)[^"\n]*"',
                                                                        source))))
    allowed = {"where", "_DOC_COLUMNS", "_DOC_SUMMARY_COLUMNS", "column", "join_table", "table", "when",
               "marks", "' AND '.join(clauses)"}
    assert spliced <= allowed, spliced - allowed


def test_serve_listens_on_loopback_by_default() -> None:
    from claimledger.serve.cli import cli

    serve = cli.commands["serve"]  # type: ignore[attr-defined]
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_read_token_also_guards_exports_and_jobs(ledger_path: Path) -> None:
    app = create_app(Settings.load(db=str(ledger_path), read_token="r"))
    with TestClient(app) as client:
        for url in ("/api/export", "/api/jobs", "/api/documents/doc_post", "/api/search?q=x", "/api/check?claim=x"):
            body: Any = client.get(url).json()
            assert body["error"]["status"] == 401, url
