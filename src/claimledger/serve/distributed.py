"""Ingest on a Dask cluster: workers parse and extract, this process deduplicates and writes.

    client (this process)                         workers (each loads spaCy once)
    1. read inputs, one RawInput per document
       (files, JSON Lines lines, WARC records)
    2. identify: skip what the ledger holds
    3. partitions of ``batch_size`` documents  --> clean, parse, extract one partition
                                               <-- list[Processed] (with MinHash bands)
    4. in input order: near-duplicates against the ledger and this run (stage 3 of the pipeline)
    5. one transaction per partition (upserts keyed on content ids)

Results are taken in submission order, so the ledger, the summary and the export are the same
whatever the number of workers, and the same as ``--engine local``. A worker that dies takes its
running partitions with it; the scheduler gives them to another worker and the client, which
writes only what it receives, writes each partition exactly once. At most ``2 x threads``
partitions are in flight, so memory stays bounded on any input size.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from claimledger.errors import ClaimLedgerError, ConfigError
from claimledger.ingest import RawInput
from claimledger.ingest.sources import iter_inputs
from claimledger.model import Annotations, Processed
from claimledger.pipeline import Pipeline, Summary, document_id
from claimledger.run import Progress, already_recorded
from claimledger.settings import Settings
from claimledger.store import Ledger, open_ledger

IN_FLIGHT_PER_THREAD = 2


def process_partition(raws: list[RawInput], settings: Settings) -> list[Processed]:
    """Runs on a worker: clean, parse and extract one partition (near-duplicates within it only).

    The spaCy model is cached per process by ``nlp.load``, so each worker loads it once. The
    worker process is the unit of parallelism here, so spaCy forks no processes of its own.
    """
    pipeline = Pipeline(dataclasses.replace(settings, workers=1), None)
    return list(pipeline.run(raws))


def ingest_with_dask(
    inputs: list[str], settings: Settings, *, scheduler: str | None = None, progress: Progress | None = None,
) -> Summary:
    """Ingest ``inputs`` into ``settings.db``, extracting on the Dask cluster at ``scheduler``.

    Without a scheduler address a local cluster of ``settings.workers`` processes is started
    (one per core when the setting is 0) and shut down at the end.
    """
    try:
        import distributed
    except ImportError as exc:
        raise ConfigError("the Dask engine needs the 'dask' extra: pip install 'claimledger[dask]'") from exc

    dask: Any = distributed  # partly typed; used through its documented calls only
    cluster: Any = None
    try:
        if scheduler:
            client = dask.Client(scheduler, timeout="30s")
        else:
            workers = settings.workers if settings.workers > 0 else (os.cpu_count() or 1)
            cluster = dask.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=":0", silence_logs=logging.ERROR)
            client = dask.Client(cluster)
    except OSError as exc:
        if scheduler is None:
            raise ConfigError(f"cannot start a local Dask cluster: {exc}") from exc
        raise ConfigError(f"cannot reach the Dask scheduler {scheduler!r}: {exc}; "
                          "check the address (tcp://HOST:8786) and that the scheduler runs") from exc
    try:
        with open_ledger(settings.db) as ledger:
            return _drive(client, ledger, iter_inputs(inputs, settings), settings, progress)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _drive(client: Any, ledger: Ledger, raws: Iterable[RawInput], settings: Settings,
           progress: Progress | None) -> Summary:
    """Submit partitions, keep a bounded window in flight, and write results in input order."""
    summary = Summary()
    deduper = Pipeline(settings, ledger)
    threads = sum(client.nthreads().values()) or 1
    # workers never see the database address or the API tokens: they only extract
    shipped = dataclasses.replace(settings, db="", api_token=None, read_token=None)
    window: deque[Any] = deque()
    for partition in _partitions(raws, ledger, settings.batch_size, summary):
        window.append(client.submit(process_partition, partition, shipped, pure=False, retries=2))
        if len(window) >= IN_FLIGHT_PER_THREAD * threads:
            _write(_result(window.popleft(), summary), deduper, ledger, summary, progress)
    while window:
        _write(_result(window.popleft(), summary), deduper, ledger, summary, progress)
    return summary


def _result(future: Any, summary: Summary) -> list[Processed]:
    """A partition's results; a partition the cluster gave up on stops the run with one line."""
    try:
        return list(future.result())
    except Exception as exc:  # whatever the cluster raised (KilledWorker, ...), the user needs one line
        future.cancel()
        raise ClaimLedgerError(
            f"the Dask cluster could not process a partition ({type(exc).__name__}: {exc}); "
            f"{summary.ok + summary.duplicate + summary.failed} documents are stored, "
            "run the same command again to finish the rest"
        ) from exc


def _partitions(raws: Iterable[RawInput], ledger: Ledger, size: int, summary: Summary) -> Iterator[list[RawInput]]:
    """Stage 1 (identify) on the client: documents the ledger or this run already hold are skipped."""
    seen: set[str] = set()
    partition: list[RawInput] = []
    for raw in raws:
        doc_id = document_id(raw)
        if doc_id in seen or ledger.document_status(doc_id) in ("ok", "duplicate"):
            summary.unchanged += 1
            continue
        seen.add(doc_id)
        partition.append(raw)
        if len(partition) >= max(1, size):
            yield partition
            partition = []
    if partition:
        yield partition


def _write(results: list[Processed], deduper: Pipeline, ledger: Ledger, summary: Summary,
           progress: Progress | None) -> None:
    """Stage 3 across partitions, then one transaction for the partition."""
    batch: list[Processed] = []
    for result in results:
        item = _dedup(result, deduper)
        summary.add(item.document)
        if progress is not None:
            progress(item)
        if not already_recorded(ledger, item):
            batch.append(item)
    if batch:
        ledger.write(batch)


def _dedup(item: Processed, deduper: Pipeline) -> Processed:
    """Near-duplicates against the ledger and every earlier document of the run, as locally."""
    document = item.document
    if document.status == "failed":
        return item
    fresh = dataclasses.replace(document, status="ok", duplicate_of=None)
    checked = deduper.dedup(fresh, item.bands or None)
    if checked.document.status == "duplicate":
        return Processed(checked.document, Annotations(), bands=checked.bands)
    if document.status == "duplicate":
        # a duplicate within its partition only can't happen (the client sees a superset), but
        # if it did the worker extracted nothing, so the document is kept unextracted as failed
        return Processed(dataclasses.replace(document, status="failed", stage="dedup",
                                             error="near-duplicate check disagreed between worker and client"),
                         bands=item.bands)
    return Processed(checked.document, item.annotations, bands=checked.bands)
