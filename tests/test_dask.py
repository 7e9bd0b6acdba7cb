"""Ingest on a local Dask cluster of two worker processes (issue 7).

The corpus is generated here from fictional sentences written for these tests. One cluster is
shared by the module (starting workers that load spaCy is the slow part).
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimledger import run
from claimledger.model import Processed
from claimledger.serve import exports
from claimledger.serve.distributed import ingest_with_dask, process_partition
from claimledger.settings import Settings
from claimledger.store import open_ledger

distributed = pytest.importorskip("distributed", reason="Dask is not installed (pip install 'claimledger[dask]')")

PLACES = ("Velmora", "Ostrava Bay", "Kerrin", "Daltmoor", "Sessa")
SPEAKERS = ("Ana Ruiz", "Tomas Weller", "Priya Nand", "Jonas Holt")


def _article(i: int) -> str:
    place, speaker = PLACES[i % len(PLACES)], SPEAKERS[i % len(SPEAKERS)]
    return (
        f"{speaker}, a spokesperson for the regional council, said on Monday that {100 + 7 * i} families "
        f"had returned to {place} since the flooding. \"We counted about {20 + i} damaged bridges,\" "
        f"{speaker} told reporters. The council will publish figure number {i} in its weekly report."
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    lines = [json.dumps({"id": f"n{i}", "title": f"Fictional report {i}", "published": "2026-02-03",
                         "text": _article(i)}) for i in range(12)]
    lines.append(json.dumps({"id": "copy", "text": _article(3)}))  # same text, other id: a near-duplicate
    lines.append("{not json")  # a failed line, recorded
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "note.txt").write_text(_article(99), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as local:
        yield local


def _export(db: str, out: Path) -> list[str]:
    with open_ledger(db) as ledger:
        exports.export(ledger, "jsonl", out=str(out))
    return out.read_text(encoding="utf-8").splitlines()


def _settings(db: Path) -> Settings:
    return Settings.load(db=str(db), batch_size=3)


def test_partition_runs_the_pipeline_stages(corpus: Path, nlp: Any) -> None:
    from claimledger.ingest.sources import iter_inputs

    raws = list(iter_inputs([str(corpus)], Settings.load()))
    results = process_partition(raws[:3], Settings.load())
    assert [r.document.status for r in results] == ["ok", "ok", "ok"]
    assert all(r.bands for r in results)


def test_parse_stage_in_two_processes_gives_the_same_parses(nlp: Any) -> None:
    """CLAIMLEDGER_WORKERS=2 on the local engine: spaCy forks two processes for the batch."""
    from claimledger.pipeline import parse_texts

    texts = [_article(i) for i in range(6)]
    one = parse_texts(nlp, texts, 32, n_process=1)
    two = parse_texts(nlp, texts, 32, n_process=2)
    assert [d.text for d in two] == texts
    for a, b in zip(one, two, strict=True):
        assert [(t.idx, t.dep_, t.ent_type_) for t in a] == [(t.idx, t.dep_, t.ent_type_) for t in b]


def test_dask_ingest_equals_local_ingest(corpus: Path, cluster: Any, tmp_path: Path) -> None:
    local_db, dask_db = tmp_path / "local.db", tmp_path / "dask.db"
    local = run.ingest([str(corpus)], _settings(local_db))
    remote = ingest_with_dask([str(corpus)], _settings(dask_db), scheduler=cluster.scheduler_address)
    assert (remote.ok, remote.duplicate, remote.failed) == (local.ok, local.duplicate, local.failed)
    assert remote.duplicate == 1 and remote.failed == 1 and remote.ok == 13
    assert _export(str(dask_db), tmp_path / "d.jsonl") == _export(str(local_db), tmp_path / "l.jsonl")
    again = ingest_with_dask([str(corpus)], _settings(dask_db), scheduler=cluster.scheduler_address)
    assert again.ok == 0 and again.unchanged == 14  # idempotent: nothing stored is redone


def test_worker_killed_mid_run(corpus: Path, cluster: Any, tmp_path: Path) -> None:
    """One of the two worker processes is killed after the first results arrive; the run completes,
    every document is written once, and the export equals an undisturbed run's."""
    client = distributed.Client(cluster.scheduler_address)
    try:
        pids = client.run(os.getpid)
    finally:
        client.close()
    victim = sorted(pids.values())[0]
    killed: list[int] = []

    def kill_once(item: Processed) -> None:
        if not killed:
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    db = tmp_path / "killed.db"
    summary = ingest_with_dask([str(corpus)], _settings(db), scheduler=cluster.scheduler_address,
                               progress=kill_once)
    assert killed == [victim]
    assert (summary.ok, summary.duplicate, summary.failed) == (13, 1, 1)
    reference = tmp_path / "reference.db"
    run.ingest([str(corpus)], _settings(reference))
    assert _export(str(db), tmp_path / "k.jsonl") == _export(str(reference), tmp_path / "r.jsonl")
    with open_ledger(str(db)) as ledger:
        assert ledger.counts()["document"] == 15
    client = distributed.Client(cluster.scheduler_address)
    try:
        assert victim not in client.run(os.getpid).values()  # the worker really died (and was replaced)
    finally:
        client.close()


def test_partition_the_cluster_gave_up_on_is_one_clear_error() -> None:
    from claimledger.errors import ClaimLedgerError
    from claimledger.pipeline import Summary
    from claimledger.serve.distributed import _result

    class GaveUp:
        cancelled = False

        def result(self) -> list[Processed]:
            raise distributed.KilledWorker("process_partition-1", "tcp://127.0.0.1:1")

        def cancel(self) -> None:
            self.cancelled = True

    future = GaveUp()
    with pytest.raises(ClaimLedgerError, match="run the same command again"):
        _result(future, Summary(ok=3))
    assert future.cancelled
