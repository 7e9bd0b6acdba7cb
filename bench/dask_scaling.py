"""Dask scaling: the same input on a local cluster of 1 and of 2 workers, and the local engine.

Each run ingests the same generated corpus (``bench/synthetic.py``) into a fresh SQLite ledger
and exports it; the table shows words per second, the speed-up over one worker, and the SHA-256
of each export (they must all be equal: the engine and the number of workers change nothing in
the ledger). Workers are started and their models loaded before the clock starts, so the table
measures processing, not start-up.

    .venv/bin/python bench/dask_scaling.py               # 60 articles of about 300 words, 3 rounds
    .venv/bin/python bench/dask_scaling.py --docs 40
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import synthetic
from claimledger import run
from claimledger.ingest import RawInput, RawMeta
from claimledger.serve import exports
from claimledger.serve.distributed import ingest_with_dask, process_partition
from claimledger.settings import Settings
from claimledger.store import open_ledger


def export_digest(db: Path, out: Path) -> str:
    with open_ledger(str(db)) as ledger:
        exports.export(ledger, "jsonl", out=str(out))
    return hashlib.sha256(out.read_bytes()).hexdigest()[:16]


def ingest_timed(engine: str, corpus: Path, db: Path, batch: int, scheduler: str | None) -> tuple[float, str]:
    settings = Settings.load(db=str(db), batch_size=batch)
    start = time.perf_counter()
    if scheduler is None:
        summary = run.ingest([str(corpus)], settings)
    else:
        summary = ingest_with_dask([str(corpus)], settings, scheduler=scheduler)
    return time.perf_counter() - start, summary.line()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=60, help="generated articles (default 60)")
    parser.add_argument("--words", type=int, default=300, help="words per article (default 300)")
    parser.add_argument("--batch", type=int, default=8, help="documents per partition (default 8)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each engine, in rotated order (default 3)")
    parser.add_argument("--datasets", default=None, help="unused: this benchmark generates its corpus")
    args = parser.parse_args(argv)
    try:
        import distributed
    except ImportError:
        print("Dask is not installed (pip install 'claimledger[dask]'): skipped")
        return 0

    engines = ("local engine, 1 process", "dask, 1 worker", "dask, 2 workers")
    seconds: dict[str, float] = dict.fromkeys(engines, 0.0)
    digests: dict[str, set[str]] = {e: set() for e in engines}
    lines: dict[str, str] = {}
    warm = [RawInput(source="warm-up", data=synthetic.article(random.Random(1), 0)["text"].encode(),
                     kind="text", meta=RawMeta())]
    with tempfile.TemporaryDirectory(prefix="claimledger-dask-") as tmp, \
            distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0",
                                     silence_logs=logging.ERROR) as one, \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                     silence_logs=logging.ERROR) as two:
        folder = Path(tmp)
        records = synthetic.corpus(args.docs, words=args.words)
        corpus = synthetic.write_jsonl(folder / "corpus.jsonl", records)
        words = sum(synthetic.word_count(r["text"]) for r in records)
        schedulers = {engines[0]: None, engines[1]: one.scheduler_address, engines[2]: two.scheduler_address}
        # every process loads its models before the clock starts
        process_partition(warm, Settings.load())  # this process too (the local engine)
        for cluster in (one, two):
            with distributed.Client(cluster) as client:
                client.run(process_partition, warm, Settings.load())
        # rounds in rotated order (A B C, B C A, C A B, ...): a change in the machine's load
        # during the benchmark weighs on every engine alike
        order = [engines[(r + i) % len(engines)] for r in range(args.rounds) for i in range(len(engines))]
        for number, engine in enumerate(order):
            db = folder / f"run{number}.db"
            took, line = ingest_timed(engine, corpus, db, args.batch, schedulers[engine])
            seconds[engine] += took
            lines[engine] = line
            digests[engine].add(export_digest(db, folder / f"run{number}.jsonl"))

    base = seconds[engines[1]]
    header = ("engine", "words/s", f"seconds ({args.rounds} runs)", "speed-up vs 1 worker", "export sha256",
              "documents")
    rows = [header] + [
        (e, f"{args.rounds * words / seconds[e]:,.0f}", f"{seconds[e]:.1f}", f"{base / seconds[e]:.2f}",
         ",".join(sorted(digests[e])), lines[e])
        for e in engines
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    out = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    out.insert(1, "  ".join("-" * w for w in widths))
    identical = len(set().union(*digests.values())) == 1
    print(f"corpus: {args.docs} documents, {words} words, each engine run {args.rounds} times in rotated order; "
          f"{os.cpu_count()} CPU cores on this machine")
    print("\n".join(out))
    print("exports identical: " + ("yes" if identical else "NO"))
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
