"""Shared fixtures: a fresh ledger per test, the spaCy model loaded once per session."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimledger.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATASETS = (ROOT.parent / "shared" / "datasets").resolve()


@pytest.fixture(scope="session")
def nlp() -> Any:
    from claimledger.extract import nlp as loader

    return loader.load()


@pytest.fixture
def db_path(tmp_path: Path) -> Iterator[Path]:
    """A ledger path; after the test, the file (if any) must pass PRAGMA integrity_check."""
    path = tmp_path / "ledger.db"
    yield path
    if path.exists():
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.fixture
def settings(db_path: Path) -> Settings:
    return Settings.load(db=str(db_path))
