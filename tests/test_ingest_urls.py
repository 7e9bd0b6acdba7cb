"""Issue 2 / issue 8: fetching URLs from a local server started by the test.

Loopback is allowed only with allow_private=True; a redirect hop to a private address is
refused before any connection when it is not allowed. Texts are fictional.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claimledger.errors import FetchError
from claimledger.ingest import urls
from claimledger.ingest.sources import iter_inputs
from claimledger.settings import Settings

PAGE = b"<html><body><p>The fictional ferry company said 11 crossings were cancelled.</p></body></html>"
FEED = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Desk</title><item><title>T</title>"
        b"<link>https://desk.example/1</link><description>Fictional item.</description></item></channel></rss>")


class Handler(BaseHTTPRequestHandler):
    hits: list[str] = []  # noqa: RUF012 - shared on purpose: the test reads which paths were asked

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        Handler.hits.append(f"{self.server.server_address[0]}{self.path}")
        port = self.server.server_address[1]
        if self.path == "/page":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/feed":
            self._send(200, FEED, "application/rss+xml")
        elif self.path == "/to-page":
            self._redirect("/page")
        elif self.path == "/to-other-loopback":
            self._redirect(f"http://127.0.0.2:{port}/secret")
        elif self.path == "/secret":
            self._send(200, b"<p>secret fictional intranet page</p>", "text/html")
        elif self.path.startswith("/loop"):
            self._redirect(f"/loop{len(self.path)}")
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(200):
                self.wfile.write(b"x" * 10_000)
        elif self.path == "/bomb":
            self._send(200, gzip.compress(b"a" * 5_000_000), "text/plain", encoding="gzip")
        elif self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(30):  # trickles: each byte within the read timeout, the whole far beyond
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
        elif self.path == "/missing":
            self._send(404, b"not here", "text/plain")
        else:
            self._send(500, b"boom", "text/plain")

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, body: bytes, content_type: str, encoding: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    main = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    number = main.server_address[1]
    other = ThreadingHTTPServer(("127.0.0.2", number), Handler)
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in (main, other)]
    for thread in threads:
        thread.start()
    yield number
    for server in (main, other):
        server.shutdown()
        server.server_close()


def settings(allow: bool, **kw: object) -> Settings:
    return Settings.load(db="unused.db", allow_private=allow, fetch_timeout=5.0, **kw)


def test_fetches_a_page_and_a_feed_when_private_is_allowed(port: int) -> None:
    base = f"http://127.0.0.1:{port}"
    page, item = list(iter_inputs([f"{base}/to-page", f"{base}/feed"], settings(True)))
    assert page.error is None and page.data == PAGE and page.kind == "html"
    assert page.source == f"{base}/to-page" and page.meta.url == f"{base}/page"
    assert page.encoding == "utf-8"
    assert item.source == "https://desk.example/1" and item.meta.publisher == "Desk"


def test_loopback_is_refused_by_default(port: int) -> None:
    Handler.hits.clear()
    (got,) = iter_inputs([f"http://127.0.0.1:{port}/page", ], settings(False))
    assert got.error is not None and got.error.startswith("refused:") and "--allow-private" in got.error
    (named,) = iter_inputs([f"http://localhost:{port}/page"], settings(False))
    assert named.error is not None and "refused" in named.error
    assert Handler.hits == []  # refused before connecting


@pytest.mark.parametrize("address", ["169.254.169.254", "10.1.2.3", "192.168.0.1", "0.0.0.0",  # noqa: S104 - a value, not a bind
                                     "::1", "fe80::1",
                                     "::ffff:127.0.0.1", "100.64.0.1", "240.0.0.1"])
def test_non_public_addresses(address: str) -> None:
    import ipaddress

    assert not urls.is_public(ipaddress.ip_address(address))
    assert urls.is_public(ipaddress.ip_address("93.184.216.34"))


def test_a_redirect_to_a_private_address_is_refused(port: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 plays the public site; its redirect to 127.0.0.2 (another host) must be refused."""
    real = urls.is_public
    monkeypatch.setattr(urls, "is_public", lambda a: str(a) == "127.0.0.1" or real(a))
    Handler.hits.clear()
    (got,) = iter_inputs([f"http://127.0.0.1:{port}/to-other-loopback"], settings(False))
    assert got.error is not None and "refused" in got.error and "127.0.0.2" in got.error
    assert Handler.hits == ["127.0.0.1/to-other-loopback"]  # the secret was never asked for
    (allowed,) = iter_inputs([f"http://127.0.0.1:{port}/to-other-loopback"], settings(True))
    assert allowed.error is None and b"secret" in allowed.data  # control: the hop works when allowed


def test_limits_size_redirects_status_and_schemes(port: int) -> None:
    base = f"http://127.0.0.1:{port}"
    got = list(iter_inputs([f"{base}/huge", f"{base}/bomb", f"{base}/loop", f"{base}/missing"],
                           settings(True, max_bytes=1_000_000)))
    errors = [g.error or "" for g in got]
    assert errors[0].startswith("too large")
    assert errors[1].startswith("too large")  # 5 MB behind 5 kB of gzip: stopped at the cap
    assert errors[2].startswith("too many redirects")
    assert errors[3].startswith("HTTP 404")
    with pytest.raises(FetchError, match="only http and https"):
        urls.fetch("ftp://127.0.0.1/x", settings(True))


def test_a_trickling_server_hits_the_overall_deadline(port: int) -> None:
    started = time.monotonic()
    (got,) = iter_inputs([f"http://127.0.0.1:{port}/slow"], Settings.load(db="unused.db", allow_private=True,
                                                                       fetch_timeout=0.5))
    assert got.error is not None and "timed out" in got.error
    assert time.monotonic() - started < 2.5
