"""Near-duplicate memory of a run stays bounded; older documents are found through the ledger."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger import pipeline
from claimledger.model import Document
from claimledger.settings import Settings
from claimledger.store import open_ledger


def _doc(i: int, text: str | None = None) -> Document:
    body = text or " ".join(f"word{i}x{j} other{j % 7} line{i + j}" for j in range(60))
    return Document(id=f"doc_{i:04d}", source=f"s{i}", text=body)


def test_recent_memory_is_capped_without_a_ledger(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "RECENT_DOCUMENTS", 3)
    run = pipeline.Pipeline(Settings())
    for i in range(10):
        run.dedup(_doc(i))
    assert len(run._recent) == 3
    held = {doc for docs in run._band_index.values() for doc in docs}
    assert held == set(run._recent)


def test_duplicate_of_a_forgotten_document_is_found_in_the_ledger(
    monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    monkeypatch.setattr(pipeline, "RECENT_DOCUMENTS", 2)
    settings = Settings.load(db=str(db_path))
    with open_ledger(str(db_path)) as ledger:
        run = pipeline.Pipeline(settings, ledger)
        first = run.dedup(_doc(0))
        ledger.write([first])
        for i in range(1, 6):
            ledger.write([run.dedup(_doc(i))])
        assert "doc_0000" not in run._recent
        copy = run.dedup(_doc(99, text=_doc(0).text + " Syndicated by Example Wire."))
    assert copy.document.status == "duplicate"
    assert copy.document.duplicate_of == "doc_0000"
