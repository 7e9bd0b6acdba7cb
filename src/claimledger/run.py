"""The Python API behind the commands: ingest into a ledger, or extract without one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from claimledger.ingest.sources import iter_inputs
from claimledger.model import Processed
from claimledger.pipeline import Pipeline, Summary
from claimledger.settings import Settings
from claimledger.store import Ledger, open_ledger

Progress = Callable[[Processed], None]

__all__ = ["Progress", "Summary", "extract", "ingest"]


def ingest(
    inputs: list[str], settings: Settings, *, progress: Progress | None = None, stdin: BinaryIO | None = None,
) -> Summary:
    """Ingest inputs into the ledger at ``settings.db``; each batch is committed as one transaction.

    A run killed at any moment leaves every committed batch whole; running the same command
    again skips what is stored and finishes the rest. A failure already recorded with the same
    reason is not written again, so re-running an ingest changes no row.
    """
    summary = Summary()
    ledger = open_ledger(settings.db)
    try:
        pipeline = Pipeline(settings, ledger)
        batch: list[Processed] = []
        for item in pipeline.run(iter_inputs(inputs, settings, stdin=stdin), summary):
            if progress is not None:
                progress(item)
            if already_recorded(ledger, item):
                continue
            batch.append(item)
            if len(batch) >= settings.batch_size:
                ledger.write(batch)
                batch = []
        if batch:
            ledger.write(batch)
    finally:
        ledger.close()
    return summary


def extract(
    inputs: list[str], settings: Settings, summary: Summary | None = None, *, stdin: BinaryIO | None = None,
) -> Iterator[dict[str, Any]]:
    """Export records of the given inputs, with no database (near-duplicates within the run)."""
    pipeline = Pipeline(settings, None)
    for item in pipeline.run(iter_inputs(inputs, settings, stdin=stdin), summary):
        yield from item.records()


def already_recorded(ledger: Ledger, item: Processed) -> bool:
    """True for a failure the ledger already holds with the same stage and reason."""
    document = item.document
    if document.status != "failed":
        return False
    stored = ledger.document(document.id)
    return bool(stored and stored["status"] == "failed" and stored["error"] == document.error
                and stored.get("stage") == document.stage)
