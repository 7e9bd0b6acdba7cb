"""Web UI without a browser: highlighting, charts and every page's content (escaping included)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from claimledger.serve import web_charts
from claimledger.serve.api import create_app
from claimledger.serve.web import highlight, safe_link, speaker_line
from claimledger.settings import Settings
from test_api_corpus import HOSTILE, build_ledger

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Iterator[TestClient]:
    path = build_ledger(tmp_path_factory.mktemp("web") / "ledger.db")
    with TestClient(create_app(Settings.load(db=str(path), encoder="hashing"), nlp=nlp)) as test_client:
        yield test_client


def test_highlight_overlaps_links_and_escapes() -> None:
    text = "Mayor <b>Ann</b> said 40 boats left."
    annotations = {
        "claims": [{"id": "c/1", "start": 0, "end": len(text) - 1}],
        "quantities": [{"start": 22, "end": 30}],
        "entities": [{"start": 6, "end": 16, "label": "PERSON", "canonical": "Ann <i>"}],
    }
    html = str(highlight(text, annotations))
    assert "<b>" not in html and "&lt;b&gt;Ann&lt;/b&gt;" in html
    assert "Ann &lt;i&gt;" in html  # the label in the title attribute is escaped too
    number = re.search(r'<a class="([^"]*)"[^>]*>40 boats</a>', html)
    assert number and "hl-number" in number.group(1) and "in-claim" in number.group(1)
    assert html.count('id="c-c/1"') == 1 and 'href="/claims/c%2F1"' in html
    assert html.endswith("</a>.")  # the final full stop is outside the claim
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">") == text


def test_speaker_and_links() -> None:
    assert speaker_line({"name": "A", "role": "mayor"}) == "A, mayor"
    assert speaker_line({"name": None, "description": "a senior official"}) == "a senior official"
    assert speaker_line({"name": None, "anonymous": True}) == "an anonymous source"
    assert safe_link("javascript:alert(1)") is None and safe_link("HTTPS://x.example/") == "HTTPS://x.example/"


def test_timeline_chart_one_colour_per_source_and_intervals() -> None:
    points = [
        {"as_of": "2024-01-10", "value": 10, "low": 10, "high": 10, "source": "a", "claim": "c1"},
        {"as_of": "2024-03", "value": 12, "low": 11, "high": 14, "qualifier": "approx", "source": "b",
         "claim": "c2"},
        {"as_of": "2024-05-01", "value": 13, "source": "a", "claim": "c3"},
        {"as_of": None, "value": 99, "source": "c", "claim": "c4"},  # undated: not drawn
    ]
    svg = str(web_charts.timeline_svg(points, title="boats <x>", href=lambda p: f"/claims/{p['claim']}"))
    assert svg.count('class="point"') == 3 and "/claims/c4" not in svg
    assert "boats &lt;x&gt;" in svg and "<x>" not in svg
    fills = re.findall(r'<circle cx="[^"]+" cy="[^"]+" r="6" fill="(#[0-9A-Fa-f]{6})"', svg)
    assert len(set(fills)) == 1  # the two exact points share source "a"
    assert 'stroke="#D55E00" stroke-width="3"' in svg  # source "b": a ring with its interval bar
    assert svg.count('stroke-linecap="round"') == 1
    empty = str(web_charts.timeline_svg([], title="nothing"))
    assert "No dated values" in empty


def test_map_projection_places_points_by_lat_lon() -> None:
    places = [{"name": "West", "lat": 0.0, "lon": 0.0, "mentions": 1},
              {"name": "East", "lat": 0.0, "lon": 10.0, "mentions": 4}]
    svg = str(web_charts.map_svg(places, width=800, height=400))
    xs = {name: float(x) for x, name in re.findall(r'<circle cx="([0-9.]+)"[^>]*/><text[^>]*>(\w+)</text>', svg)}
    assert xs["East"] > xs["West"] and abs((xs["East"] + xs["West"]) / 2 - 400) < 1
    assert "°E" in svg and "°N" in svg  # graticule labels


@pytest.mark.parametrize(("url", "must_show"), [
    ("/", ["Dana Ortiz, spokesperson", "2024-06-02", "the coalition now counts about 80 members",
           "Coalition grows as campaign continues"]),
    ("/?speaker=varga", ["We have defeated the Red Hand group", "1 claim"]),
    ("/?since=June", ["Since: write a date as"]),
    ("/claims/clm_1200", ["officials in Port Amar", "1,200 families", "Port Amar", "update"]),
    ("/documents?q=floods", ["Coalition fact sheet", "<mark>floods</mark>"]),
    ("/documents/doc_factsheet", ["Fact sheet:", "hl-number", "/claims/clm_79"]),
    ("/conflicts", ["One says the campaign is not over", "Dana Ortiz", "Leon Varga"]),
    ("/metrics?metric=families+displaced", ["families displaced", "1,500", "<svg"]),
    ("/map", ["Port Amar", "Lindqvist", "<svg"]),
    ("/check?claim=The+Northwind+Coalition+has+79+members", ["Verdict:", "ClaimReview"]),
])
def test_pages_show_what_a_reader_needs(client: TestClient, url: str, must_show: list[str]) -> None:
    response = client.get(url, headers=HTML)
    assert response.status_code in (200, 422)
    for text in must_show:
        assert text in response.text, text
    assert HOSTILE not in response.text


def test_unknown_page_ids_give_an_html_404(client: TestClient) -> None:
    response = client.get("/documents/nope", headers=HTML)
    assert response.status_code == 404 and "Not found" in response.text
    assert client.get("/claims/nope").json()["error"]["status"] == 404  # no HTML asked: JSON shape


def test_static_files_are_the_only_assets(client: TestClient) -> None:
    page = client.get("/upload", headers=HTML).text
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', page)
    assert sorted(assets) == ["/static/app.js", "/static/style.css"]
    for asset in assets:
        assert client.get(asset).status_code == 200
    assert "http" not in client.get("/static/style.css").text  # no font or image from the network
    assert Path(__file__).exists()
