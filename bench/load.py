"""Server under load: concurrent readers on 127.0.0.1 while an ingest writes to the same ledger.

Runs ``claimledger serve`` in its own process over a ledger of generated (invented) documents,
then measures the same reader load twice in this process: first with no writer (the baseline),
then while a writer thread keeps writing new documents through ``Ledger.write`` (the ingest's
write path). Prints one table: requests held, errors, requests per second and latency
percentiles of both runs, and their ratios (under ingest / baseline).

    .venv/bin/python bench/load.py --readers 16 --seconds 20
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from claimledger.model import Annotations, Claim, Document, Entity, Processed, Published, Quantity, Speaker
from claimledger.store import open_ledger

PLACES = ("Port Amar", "Lindqvist", "Vessa", "Kordun", "Ostrel")
PEOPLE = ("Dana Ortiz", "Leon Varga", "Ines Roe", "Tomas Berg", "Ada Kell")
READ_URLS = (
    "/api/claims?limit=20", "/api/claims?text=families+displaced", "/api/claims?speaker=ortiz&since=2024-03",
    "/api/claims?place=Vessa", "/api/documents?q=harbour", "/api/metrics", "/api/search?q=coalition",
    "/api/conflicts", "/api/quotes?limit=10", "/", "/documents", "/api/entities",
)


def generated_document(n: int) -> Processed:
    """One invented document with a claim, a figure and a person (text made up by this script)."""
    person, place = PEOPLE[n % len(PEOPLE)], PLACES[n % len(PLACES)]
    value = 100 + (n * 37) % 900
    day = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
    text = (f"Report {n}: {person} said {value} families were displaced near {place} after the harbour "
            f"flooded. The coalition counts {40 + n % 50} members, officials added.")
    doc_id = f"doc_load_{n}"
    start = text.index(f"{value} families")
    claim_start = text.index(f"{value} families")
    claim_end = text.index(" after the harbour")
    ann = Annotations()
    qty = Quantity(id=f"qty_load_{n}", doc=doc_id, start=start, end=start + len(f"{value} families"),
                   text=f"{value} families", value=float(value), low=float(value), high=float(value),
                   counted="families displaced", as_of=day, claim=f"clm_load_{n}")
    ann.quantities.append(qty)
    who = text.index(person)
    ann.entities.append(Entity(id=f"ent_load_{n}", doc=doc_id, start=who, end=who + len(person), text=person,
                               label="PERSON", canonical=person, entity=f"ent_{person.split()[1].lower()}"))
    ann.claims.append(Claim(id=f"clm_load_{n}", doc=doc_id, start=claim_start, end=claim_end,
                            text=text[claim_start:claim_end], speaker=Speaker(name=person), as_of=day,
                            metric="families displaced", quantities=(qty.id,), checkworthy=(n % 10) / 10))
    document = Document(id=doc_id, source=f"https://example.org/load/{n}", title=f"Invented report {n}",
                        publisher=f"Outlet {n % 7}", text=text, published=Published(day, "day", "metadata"))
    return Processed(document, ann)


def build(path: Path, count: int) -> Path:
    with open_ledger(str(path)) as ledger:
        for first in range(0, count, 200):
            ledger.write(generated_document(n) for n in range(first, min(count, first + 200)))
    return path


@dataclass
class LoadResult:
    """What a load run measured."""

    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    writes: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run_load(base: str, *, readers: int, seconds: float, max_requests: int = 1_000_000,
             urls: tuple[str, ...] = READ_URLS) -> LoadResult:
    """``readers`` threads, each with its own connection, cycling ``urls`` for ``seconds`` (or until
    ``max_requests`` in all); every non-200 answer or transport error counts as an error."""
    result = LoadResult()
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def reader(k: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            i = k
            while time.monotonic() < stop_at:
                with lock:
                    if result.requests >= max_requests:
                        return
                    result.requests += 1
                url = urls[i % len(urls)]
                i += 1
                began = time.perf_counter()
                try:
                    status = client.get(url).status_code
                except httpx.HTTPError as exc:
                    status = 0
                    with lock:
                        result.failures.append(f"{url}: {type(exc).__name__}")
                elapsed = time.perf_counter() - began
                with lock:
                    result.latencies.append(elapsed)
                    if status != 200:
                        result.errors += 1
                        if status:
                            result.failures.append(f"{url}: {status}")

    threads = [threading.Thread(target=reader, args=(k,)) for k in range(readers)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    result.seconds = time.perf_counter() - began
    return result


class Writer(threading.Thread):
    """Keeps writing new invented documents in small batches until stopped (the ingest's write path)."""

    def __init__(self, path: Path, first: int, batch: int = 5, pause: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.path, self.next, self.batch, self.pause = path, first, batch, pause
        self.written = 0
        self.stopping = threading.Event()
        self.error: str | None = None

    def run(self) -> None:
        try:
            with open_ledger(str(self.path)) as ledger:
                while not self.stopping.is_set():
                    ledger.write(generated_document(n) for n in range(self.next, self.next + self.batch))
                    self.next += self.batch
                    self.written += self.batch
                    time.sleep(self.pause)
        except Exception as exc:  # noqa: BLE001 - reported in the table, the run goes on
            self.error = f"{type(exc).__name__}: {exc}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: Path, port: int, *, host: str | None = "127.0.0.1",
                 timeout: float = 60) -> subprocess.Popen[bytes]:
    """``claimledger serve`` in its own process (``host=None``: its default); waits until it answers."""
    env = {**os.environ, "CLAIMLEDGER_ENCODER": "hashing"}
    process = subprocess.Popen(
        [sys.executable, "-c", "from claimledger.serve.cli import main; main()", "serve", "--db", str(db),
         *(("--host", host) if host else ()), "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--readers", type=int, default=16, help="concurrent reader threads")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each run")
    parser.add_argument("--documents", type=int, default=2000, help="documents in the ledger before the runs")
    parser.add_argument("--fast", action="store_true", help="a short run (4 readers, 3 s, 300 documents)")
    parser.add_argument("--datasets", default=None, help="unused: this benchmark needs no dataset")
    args = parser.parse_args()
    if args.fast:
        args.readers, args.seconds, args.documents = 4, 3.0, 300
    with tempfile.TemporaryDirectory(prefix="claimledger-load-") as folder:
        db = build(Path(folder) / "load.db", args.documents)
        port = free_port()
        server = start_server(db, port)
        try:
            base = f"http://127.0.0.1:{port}"
            run_load(base, readers=2, seconds=1.0)  # warm up caches and connections
            baseline = run_load(base, readers=args.readers, seconds=args.seconds)
            writer = Writer(db, first=args.documents)
            writer.start()
            loaded = run_load(base, readers=args.readers, seconds=args.seconds)
            writer.stopping.set()
            writer.join(timeout=30)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    rows = [("run", "readers", "seconds", "requests", "errors", "req/s", "p50 ms", "p99 ms", "docs written")]
    for name, result, writes in (("baseline (no writer)", baseline, 0), ("while ingesting", loaded, writer.written)):
        rows.append((name, str(args.readers), f"{result.seconds:.1f}", str(result.requests), str(result.errors),
                     f"{result.rps:.1f}", f"{result.percentile(0.5) * 1000:.1f}",
                     f"{result.percentile(0.99) * 1000:.1f}", str(writes)))
    ratio_rps = loaded.rps / baseline.rps if baseline.rps else 0.0
    ratio_p99 = loaded.percentile(0.99) / baseline.percentile(0.99) if baseline.latencies else 0.0
    rows.append(("ratio ingesting/baseline", "", "", "", "", f"{ratio_rps:.2f}", "", f"{ratio_p99:.2f}", ""))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    if writer.error:
        print(f"writer failed: {writer.error}")
    failures = baseline.failures + loaded.failures
    if failures:
        print("first failures:", "; ".join(failures[:5]))


if __name__ == "__main__":
    main()
