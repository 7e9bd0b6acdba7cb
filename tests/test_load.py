"""Server under load (issue 8 part 4), kept short for CI: concurrent readers on 127.0.0.1 while a
writer adds documents to the same ledger get no error and a bounded p99. ``bench/load.py`` runs
the long version (server in its own process) and prints the figures for the README."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from claimledger.serve.api import create_app
from claimledger.settings import Settings
from test_api_corpus import live_server

ROOT = Path(__file__).resolve().parent.parent


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("claimledger_bench_load", ROOT / "bench" / "load.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_readers_get_no_errors_while_an_ingest_writes(tmp_path: Path) -> None:
    bench = _bench()
    db = bench.build(tmp_path / "load.db", 300)
    app = create_app(Settings.load(db=str(db), encoder="hashing"))
    with live_server(app, seconds=120) as base:
        bench.run_load(base, readers=2, seconds=0.5)
        baseline = bench.run_load(base, readers=4, seconds=2.0, max_requests=600)
        writer = bench.Writer(db, first=300)
        writer.start()
        try:
            loaded = bench.run_load(base, readers=4, seconds=2.0, max_requests=600)
        finally:
            writer.stopping.set()
            writer.join(timeout=30)
        total = httpx.get(f"{base}/api/documents?limit=1", timeout=10).json()["total"]
    assert writer.error is None and writer.written > 0
    assert total == 300 + writer.written  # readers see the ingest's documents as they are committed
    assert baseline.errors == 0 and loaded.errors == 0, (baseline.failures + loaded.failures)[:5]
    assert baseline.requests > 20 and loaded.requests > 20
    # stable latency: under ingest, p99 stays within a few times the same process's baseline
    assert loaded.percentile(0.99) <= 5 * baseline.percentile(0.99) + 0.25


def test_load_result_arithmetic() -> None:
    bench = _bench()
    result = bench.LoadResult(requests=4, seconds=2.0, latencies=[0.4, 0.1, 0.3, 0.2])
    assert result.rps == 2.0
    assert result.percentile(0.5) == 0.3 and result.percentile(0.99) == 0.4
    assert bench.LoadResult().percentile(0.99) == 0.0
    doc = bench.generated_document(7)
    for annotation in doc.annotations.all():
        assert doc.document.text[annotation.start:annotation.end] == annotation.text


@pytest.mark.slow
def test_serve_command_answers_on_loopback(tmp_path: Path) -> None:
    """``claimledger serve`` in its own process: the default host is 127.0.0.1, API and UI answer."""
    bench = _bench()
    db = bench.build(tmp_path / "serve.db", 20)
    port = bench.free_port()
    server = bench.start_server(db, port, host=None)
    try:
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(f"{base}/api/claims?limit=1", timeout=30).json()["total"] == 20
        page = httpx.get(f"{base}/", timeout=30)
        assert page.status_code == 200 and "Invented report" in page.text
        assert "server" not in page.headers  # uvicorn's Server header is off
    finally:
        server.terminate()
        server.wait(timeout=20)
