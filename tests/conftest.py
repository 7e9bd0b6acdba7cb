"""Shared fixtures: a fresh ledger per test, the spaCy model loaded once per session."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimledger.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATASETS = (ROOT.parent / "shared" / "datasets").resolve()
PG_SERVER = os.environ.get("CLAIMLEDGER_TEST_PG", "postgresql://postgres@127.0.0.1:5432")


@contextlib.contextmanager
def postgres_database(prefix: str = "claimledger_test") -> Iterator[str]:
    """A fresh, uniquely named PostgreSQL database (its URL), dropped afterwards.

    Skips the test with the reason when psycopg is missing or no server answers on PG_SERVER.
    """
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'claimledger[postgres]')")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.Error as exc:
        pytest.skip(f"no PostgreSQL server reachable at {PG_SERVER} ({str(exc).strip().splitlines()[0]})")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for one test."""
    with postgres_database() as url:
        yield url


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


def linked_conflicts(folder: Path, texts: dict[str, str], relations: tuple[str, ...]) -> list[dict[str, Any]]:
    """Ingest the named texts into a fresh ledger in ``folder``, link it (hashing encoder) and
    return its conflict rows of those relations."""
    from claimledger import run
    from claimledger.link import link_ledger
    from claimledger.link.read import conflicts
    from claimledger.store import open_ledger

    paths = []
    for name, text in texts.items():
        paths.append(folder / name)
        paths[-1].write_text(text, encoding="utf-8")
    ledger_path = folder / "linked.db"
    assert run.ingest([str(p) for p in paths], Settings.load(db=str(ledger_path))).failed == 0
    with open_ledger(str(ledger_path)) as ledger:
        link_ledger(ledger, encoder="hashing")
    with open_ledger(str(ledger_path), readonly=True) as ledger:
        return conflicts(ledger, relations=relations)


def extracted(nlp: Any, text: str, published: str | None = None, **fields: Any) -> Any:
    """The pipeline's annotations of one text given as a document (``published``: its ISO day;
    ``fields``: author, publisher, …), with no database."""
    from claimledger.model import Document, Published
    from claimledger.pipeline import extract_all

    day = Published(published, "day", "text") if published else Published()
    return extract_all(Document(id="t", source="t.txt", text=text, published=day, **fields), nlp(text))
