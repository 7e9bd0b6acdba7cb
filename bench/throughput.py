"""Throughput: bare spaCy against the full ``claimledger ingest``, same corpus, same process.

Both runs see the same generated corpus (``bench/synthetic.py``, or ``--input`` JSON Lines with
a ``text`` field) after a warm-up, so one-time loading (the spaCy model, the gazetteer) counts in
neither. The bare run is ``nlp.pipe`` with the settings the pipeline's parse stage uses. Prints
one table: words per second of each, their ratio (target: full ingest at 0.6 or more of bare
spaCy), peak resident memory after each run, and where the full ingest spends its time.

    .venv/bin/python bench/throughput.py                 # 400 articles of about 300 words
    .venv/bin/python bench/throughput.py --docs 100      # quicker
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import synthetic
from claimledger import pipeline, run
from claimledger.extract import claims, entities, places, quantities, quotes, times
from claimledger.extract import nlp as nlp_loader
from claimledger.settings import Settings
from claimledger.store.base import Ledger

TARGET = 0.6


def peak_rss_mb() -> float:
    """Peak resident memory so far of this process, or of its largest child process when the
    parse stage forked some (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, child) / 1024


class StageClock:
    """Seconds spent in each pipeline stage, by wrapping the stage functions for one run."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._undo: list[tuple[Any, str, Any]] = []

    def wrap(self, owner: Any, name: str, label: str, *, generator: bool = False) -> None:
        original = getattr(owner, name)
        seconds = self.seconds

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            result = original(*args, **kwargs)
            if generator:
                result = iter(list(result))
            seconds[label] += time.perf_counter() - start
            return result

        setattr(owner, name, timed)
        self._undo.append((owner, name, original))

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """Stage functions called inside (the bare spaCy run) are not counted."""
        saved = dict(self.seconds)
        try:
            yield
        finally:
            self.seconds.clear()
            self.seconds.update(saved)

    def __enter__(self) -> StageClock:
        self.wrap(pipeline, "clean_document", "2 clean")
        self.wrap(pipeline.Pipeline, "dedup", "3 dedup")
        self.wrap(pipeline, "parse_texts", "4 parse (spaCy)")
        for module, name in ((entities, "entities"), (places, "places"), (times, "times"),
                             (quantities, "quantities"), (quotes, "quotes"), (claims, "claims")):
            self.wrap(module, name, f"5 extract: {name}", generator=True)
        self.wrap(Ledger, "write", "6 write")
        return self

    def __exit__(self, *exc: object) -> None:
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)


def load_records(args: argparse.Namespace) -> list[dict[str, Any]]:
    """The corpus: ``--input`` JSON Lines (field ``text``), else generated articles."""
    if args.input:
        lines = Path(args.input).read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    return synthetic.corpus(args.docs, words=args.words)


def bare_spacy(nlp: Any, texts: list[str], settings: Settings) -> float:
    """Seconds for one ``nlp.pipe`` over all the texts, with the parse stage's batch size and
    processes (``CLAIMLEDGER_WORKERS``): the best spaCy alone can do here."""
    processes = settings.workers if settings.workers > 0 else -1
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=processes):
        pass
    return time.perf_counter() - start


def full_ingest(corpus: Path, db: Path, settings: Settings) -> tuple[float, run.Summary]:
    start = time.perf_counter()
    summary = run.ingest([str(corpus)], settings)
    return time.perf_counter() - start, summary


def table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=400, help="generated articles (default 400)")
    parser.add_argument("--words", type=int, default=300, help="words per generated article (default 300)")
    parser.add_argument("--rounds", type=int, default=4, help="interleaved bare/full rounds (default 4)")
    parser.add_argument("--input", default=None, help="a JSON Lines corpus to use instead (field 'text')")
    parser.add_argument("--datasets", default=None, help="unused: this benchmark generates its corpus")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="claimledger-throughput-") as tmp:
        folder = Path(tmp)
        records = load_records(args)
        texts = [r["text"] for r in records]
        words = sum(synthetic.word_count(t) for t in texts)
        settings = Settings.load(db=str(folder / "ledger.db"))

        # warm-up: load the model, the gazetteer and every lazy table outside the timed runs
        nlp = nlp_loader.load(settings.spacy_model)
        warm = synthetic.write_jsonl(folder / "warm.jsonl", synthetic.corpus(8, seed=99))
        run.ingest([str(warm)], Settings.load(db=str(folder / "warm.db")))
        rss_start = peak_rss_mb()

        # interleaved in rounds (bare, then full, on the same slice), so that a change in the
        # machine's load during the run weighs on both alike
        bare_seconds = full_seconds = 0.0
        rss_bare = rss_full = 0.0
        summary = run.Summary()
        rounds = max(1, min(args.rounds, len(texts)))
        size = -(-len(texts) // rounds)
        with StageClock() as clock:
            for number, first in enumerate(range(0, len(texts), size)):
                part = records[first:first + size]
                with clock.paused():
                    bare_seconds += bare_spacy(nlp, [r["text"] for r in part], settings)
                if number == 0:
                    rss_bare = peak_rss_mb()  # before any full run: bare spaCy's own peak
                piece = synthetic.write_jsonl(folder / f"part{number}.jsonl", part)
                seconds, done = full_ingest(piece, folder / "ledger.db", settings)
                full_seconds += seconds
                rss_full = max(rss_full, peak_rss_mb())
                summary.ok += done.ok
                summary.duplicate += done.duplicate
                summary.failed += done.failed

    bare_wps, full_wps = words / bare_seconds, words / full_seconds
    ratio = full_wps / bare_wps
    print(f"corpus: {len(texts)} documents, {words} words; ingest: {summary.line()}; "
          f"processes: {settings.workers or 'one per core'}")
    print(table([
        ("run", "words/s", "seconds", "ratio to bare spaCy", "target", "peak RSS MB"),
        ("bare spaCy nlp.pipe", f"{bare_wps:,.0f}", f"{bare_seconds:.1f}", "1.000", "", f"{rss_bare:,.0f}"),
        ("claimledger ingest", f"{full_wps:,.0f}", f"{full_seconds:.1f}", f"{ratio:.3f}",
         f">= {TARGET}", f"{rss_full:,.0f}"),
    ]))
    parse = clock.seconds.get("4 parse (spaCy)", 0.0)
    print(f"(peak RSS after warm-up: {rss_start:,.0f} MB; in-run estimate of the ratio, the parse "
          f"stage's share of the ingest time: {parse / full_seconds:.3f})")
    print()
    stages = sorted(clock.seconds.items())
    accounted = sum(s for _, s in stages)
    rows = [("stage of the full ingest", "seconds", "share")]
    rows += [(name, f"{secs:.2f}", f"{secs / full_seconds:.1%}") for name, secs in stages]
    rows.append(("other (read, identify, bookkeeping)", f"{full_seconds - accounted:.2f}",
                 f"{(full_seconds - accounted) / full_seconds:.1%}"))
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

