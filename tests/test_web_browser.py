"""Browser tests in headless Chromium (Debian's, never a downloaded one): every page loads against a
ledger of invented test documents, a reader clicks search -> claim -> document -> conflict, and
planted script never runs. Screenshots go to test-artifacts/screenshots/ for a person to look at."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimledger.serve.api import create_app
from claimledger.settings import Settings
from test_api_corpus import build_ledger, live_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (apt install chromium)"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Iterator[str]:
    path = build_ledger(tmp_path_factory.mktemp("web") / "ledger.db")
    app = create_app(Settings.load(db=str(path), encoder="hashing", api_token="writer-token"), nlp=nlp)
    with live_server(app, seconds=240) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright_sync = pytest.importorskip("playwright.sync_api")
    with playwright_sync.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any, site: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=site)
    # offline: any request leaving 127.0.0.1 fails the test
    outside: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site)
                  else (outside.append(route.request.url), route.abort()))
    context.set_default_timeout(120_000)  # 2 CPU cores shared by many: be patient, never flaky
    context.set_default_navigation_timeout(120_000)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("dialog", lambda dialog: (errors.append("dialog: " + dialog.message), dialog.dismiss()))
    yield opened
    assert outside == [], outside
    assert errors == [], errors
    assert opened.evaluate("window.__pwned") is None
    context.close()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_search_claim_document_conflict(page: Any) -> None:
    page.goto("/")
    assert page.locator("article.card").count() == 7
    shot(page, "01-claims")
    page.fill("#q", "coalition")
    page.click("form.search button[type=submit]")
    page.wait_for_url("**/?q=coalition*")
    cards = page.locator("section.cards article.card")
    assert cards.count() == 2
    first = cards.filter(has_text="about 80 members")
    assert "Dana Ortiz, spokesperson" in first.locator(".who").inner_text()
    assert first.locator(".when").inner_text() == "2024-06-02"
    shot(page, "02-search")
    first.locator("blockquote a").click()
    page.wait_for_url("**/claims/clm_80")
    assert page.locator("#speaker").inner_text().startswith("Dana Ortiz")
    assert "agree" in page.locator(".relation").first.inner_text()
    shot(page, "03-claim")
    page.click("#doc-link")
    page.wait_for_url("**/documents/doc_article*")
    highlights = page.locator("#doc-text a.hl")
    assert highlights.count() >= 3
    number = page.locator("#doc-text .hl-number", has_text="about 80 members")
    assert number.count() == 1 and number.first.get_attribute("href") == "/claims/clm_80"
    assert page.locator("#doc-text .hl-quote").count() >= 1
    assert page.locator("#doc-text .hl-place", has_text="Lindqvist").count() == 1
    shot(page, "04-document")
    page.locator("#doc-text a.hl-quote").first.click()
    page.wait_for_url("**/claims/clm_notover")
    page.click("text=see on the conflicts board")
    page.wait_for_url("**/conflicts#l-lnk_contra")
    conflict = page.locator("#l-lnk_contra")
    sides = conflict.locator(".side .who").all_inner_texts()
    assert sides == ["Dana Ortiz, spokesperson", "Leon Varga, president"]
    assert "defeated" in conflict.inner_text() and "not over" in conflict.inner_text()
    shot(page, "05-conflicts")


def test_timeline_map_check_upload_pages(page: Any) -> None:
    expect = pytest.importorskip("playwright.sync_api").expect
    page.goto("/metrics?metric=coalition+members")
    chart = page.locator("figure svg.chart")
    assert chart.locator("a.point").count() == 2
    colours = chart.locator("a.point circle").evaluate_all(
        "els => els.map(e => e.getAttribute('fill') === '#fff' ? e.getAttribute('stroke') : e.getAttribute('fill'))")
    assert len(set(colours)) == 2  # one colour per source
    assert chart.locator("a.point line").count() >= 1  # the interval bar of "about 80"
    shot(page, "06-timeline")
    page.goto("/map")
    assert page.locator("svg.map circle").count() == 2
    assert "Port Amar" in page.locator("svg.map").inner_html()
    shot(page, "07-map")
    page.goto("/check")
    page.fill("#claim", "The Northwind Coalition has 79 members")
    page.click("form.search button[type=submit]")
    page.wait_for_selector("#verdict")
    shot(page, "08-check")
    page.goto("/upload")
    page.set_input_files("#upload-file", files=[{"name": "note.txt", "mimeType": "text/plain",
                                                 "buffer": b"An invented note: nothing to see."}])
    page.fill("#upload-token", "wrong")
    page.click("#upload-form button")
    expect(page.locator("#upload-status")).to_have_text(re.compile(r"^Refused: writing needs the API token"))
    shot(page, "09-upload-refused")
    page.fill("#upload-token", "writer-token")
    note = b"Invented note for a test. The harbour master said 42 ships waited outside Port Amar on Monday."
    page.set_input_files("#upload-file", files=[{"name": "harbour-note.txt", "mimeType": "text/plain",
                                                 "buffer": note}])
    page.click("#upload-form button")
    expect(page.locator("#upload-status")).to_have_text(re.compile(r"^done: "), timeout=180_000)
    assert "1 document(s) processed (1 ok" in page.locator("#upload-status").inner_text()
    shot(page, "09b-upload-done")
    page.goto("/documents?q=harbour+master")
    assert page.locator(".doclist a.title").count() == 1


def test_planted_script_renders_as_text(page: Any) -> None:
    for url in ("/", "/documents", "/documents/doc_hostile", "/claims/clm_hostile", "/conflicts",
                "/metrics", "/?q=volunteers"):
        page.goto(url)
        assert page.locator("script:not([src])").count() == 0
        assert page.locator("img").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
    page.goto("/documents/doc_hostile")
    assert "<script>window.__pwned = 1</script>" in page.locator("#doc-text").inner_text()
    assert "<script>" in page.locator("#doc-title").inner_text()
    shot(page, "10-hostile-document")
