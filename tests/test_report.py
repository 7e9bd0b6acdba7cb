"""``claimledger report`` (one self-contained HTML file), Parquet and ClaimReview exports."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from claimledger.serve.claimreview import claimreview
from claimledger.serve.cli import cli
from claimledger.serve.parquet import write_parquet
from test_api_corpus import HOSTILE, build_ledger


@pytest.fixture
def ledger_file(db_path: Path) -> Path:
    return build_ledger(db_path)


def test_report_is_self_contained(ledger_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", "--db", str(ledger_file), "--out", str(out), "--title", "Coalition"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    for section in ("conflicts", "timelines", "speakers", "sources", "map"):
        assert f'id="{section}"' in html
    assert "One says the campaign is not over" in html and "Dana Ortiz" in html
    assert html.count("<svg") >= 4  # timelines, speakers bars, map
    assert HOSTILE not in html and "&lt;script&gt;" in html
    assert "<script" not in html  # no script at all
    # nothing to fetch: no external stylesheet, script, image or font
    assert not re.search(r'<(link|script|img|iframe)\b', html)
    assert not re.search(r"url\(", html)
    assert "https://news.example.org/coalition" in html  # sources are cited (as links to click)


def test_report_refuses_an_unwritable_path(ledger_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "--db", str(ledger_file), "--out", str(tmp_path / "no" / "r.html")])
    assert result.exit_code != 0
    assert "cannot write" in result.output


@pytest.mark.browser
@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_report_opens_offline_in_chromium(ledger_file: Path, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    out = tmp_path / "report.html"
    assert CliRunner().invoke(cli, ["report", "--db", str(ledger_file), "--out", str(out)]).exit_code == 0
    requests: list[str] = []
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=shutil.which("chromium"), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            page.goto(out.as_uri())
            assert page.locator("svg.chart").count() >= 4
            assert page.locator("#conflicts .conflict").count() >= 2
            shots = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
            shots.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shots / "11-report.png"), full_page=True)
        finally:
            browser.close()
    assert [r for r in requests if not r.startswith("file://") and not r.startswith("data:")] == []


def test_parquet_keeps_types_and_mixed_columns_as_text() -> None:
    records = [
        {"type": "quantity", "id": "q1", "value": 79.0, "low": 79, "high": None, "speaker": None},
        {"type": "time", "id": "t1", "value": "2024-01", "low": None, "high": None,
         "speaker": {"name": "A", "anonymous": True}},
    ]
    buffer = io.BytesIO()
    assert write_parquet(records, buffer) == 2
    table = pq.read_table(io.BytesIO(buffer.getvalue()))
    assert table.column_names[:2] == ["type", "id"]
    assert str(table.schema.field("value").type) == "string"  # 79.0 and "2024-01" cannot share a number type
    assert table.column("value").to_pylist() == ["79.0", "2024-01"]
    assert str(table.schema.field("low").type) == "int64" and table.column("low").to_pylist() == [79, None]
    assert str(table.schema.field("speaker.anonymous").type) == "bool"


def test_cli_export_parquet(ledger_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "ledger.parquet"
    result = CliRunner().invoke(cli, ["export", "--db", str(ledger_file), "--format", "parquet", "--out", str(out)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    types = table.column("type").to_pylist()
    assert types.count("claim") == 7 and types.count("link") == 4
    assert str(table.schema.field("checkworthy").type) == "double"


def test_claimreview_from_a_check_result() -> None:
    result = {
        "verdict": "refuted", "explanation": "One source says otherwise.", "as_of": "2024-06",
        "evidence": [
            {"stance": "contradicts", "claim": "c1", "speaker": "A. Person", "role": "mayor", "date": "2024-06-02",
             "source": "https://example.org/a", "publisher": "Example", "title": "T", "quote": "It is 5.",
             "explanation": "5 is not 9."},
            {"stance": "related", "claim": "c2", "source": "notes.txt", "quote": "Unrelated."},
        ],
    }
    review = claimreview("It is 9.", result, today=dt.date(2024, 7, 1))
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "refuted", "ratingValue": 1,
                                      "bestRating": 5, "worstRating": 1,
                                      "ratingExplanation": "One source says otherwise."}
    assert review["datePublished"] == "2024-07-01"
    assert len(review["isBasedOn"]) == 1  # "related" is not evidence
    cited = review["isBasedOn"][0]
    assert cited["url"] == "https://example.org/a" and cited["author"]["name"] == "A. Person"
    assert review["itemReviewed"]["firstAppearance"]["text"] == "It is 5."
    unsure = claimreview("x", {"verdict": "not enough evidence", "evidence": []})
    assert "ratingValue" not in unsure["reviewRating"]
