"""The Python API behind the commands: ingest into a ledger, or extract without one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from claimledger.ingest.sources import iter_inputs
from claimledger.model import Processed
from claimledger.pipeline import Pipeline, Summary
from claimledger.settings import Settings
from claimledger.store import open_ledger

Progress = Callable[[Processed], None]


def ingest(inputs: list[str], settings: Settings, *, progress: Progress | None = None) -> Summary:
    """Ingest inputs into the ledger at ``settings.db``; batches are committed as they finish."""
    summary = Summary()
    ledger = open_ledger(settings.db)
    try:
        pipeline = Pipeline(settings, ledger)
        batch: list[Processed] = []
        for item in pipeline.run(iter_inputs(inputs, settings), summary):
            batch.append(item)
            if progress is not None:
                progress(item)
            if len(batch) >= settings.batch_size:
                ledger.write(batch)
                batch = []
        if batch:
            ledger.write(batch)
    finally:
        ledger.close()
    return summary


def extract(inputs: list[str], settings: Settings, summary: Summary | None = None) -> Iterator[dict[str, Any]]:
    """Export records of the given inputs, with no database (near-duplicates within the run)."""
    pipeline = Pipeline(settings, None)
    for item in pipeline.run(iter_inputs(inputs, settings), summary):
        yield from item.records()
