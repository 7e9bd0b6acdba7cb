"""The embedded default: one SQLite file in WAL mode with FTS5 full-text indexes."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from claimledger.errors import StoreError
from claimledger.store.base import Ledger

_WORD = re.compile(r"\w+", re.UNICODE)


def fts5_match(query: str, *, any_word: bool = False) -> str | None:
    """A safe FTS5 MATCH expression: every word quoted, all required (or any, with ``any_word``);
    None when there is no word."""
    words = _WORD.findall(query)
    return (" OR " if any_word else " ").join(f'"{word}"' for word in words) if words else None


class SQLiteLedger(Ledger):
    """A ledger in one SQLite file that any SQLite client can open."""

    dialect = "sqlite"

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        path = str(path)
        try:
            if readonly:
                connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30,
                                             check_same_thread=False)
            else:
                connection = sqlite3.connect(path, timeout=30, check_same_thread=False)
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA busy_timeout = 30000")
            if not readonly:
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open ledger {path!r}: {exc}; check the path and its permissions") from exc
        super().__init__(connection, path)
        if not readonly:
            try:
                self.migrate()
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"cannot use {path!r} as a ledger: {exc}") from exc

    def run_script(self, script: str) -> None:
        # executescript commits first; migrations are whole files, each idempotent by bookkeeping
        self.connection.executescript(script)

    def integrity_check(self) -> str:
        """SQLite's own verdict on the file ("ok" when sound)."""
        return str(self.connection.execute("PRAGMA integrity_check").fetchone()[0])

    def fts_condition(self, table: str, query: str, *, alias: str | None = None) -> tuple[str, list[Any]]:
        """Rows of ``table`` whose FTS5 index (``<table>_fts``) holds every word of ``query``."""
        match = fts5_match(query)
        if match is None:
            return "1 = 0", []
        return f"{alias or table}.rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)", [match]

    def fts_claims(self, query: str, *, limit: int = 50, any_word: bool = False) -> list[str]:
        """Ids of the claims holding every word of ``query`` (or any), best BM25 rank first."""
        match = fts5_match(query, any_word=any_word)
        if match is None:
            return []
        rows = self.query(
            "SELECT c.id FROM claims_fts f JOIN claims c ON c.rowid = f.rowid "
            "WHERE claims_fts MATCH ? ORDER BY f.rank, c.id LIMIT ?",
            (match, int(limit)),
        )
        return [row["id"] for row in rows]

    def fts_count(self, table: str, query: str) -> int:
        """Rows of ``table`` whose FTS5 index holds every word of ``query`` (the index alone)."""
        match = fts5_match(query)
        if match is None:
            return 0
        return int(self.query(f"SELECT count(*) AS n FROM {table}_fts WHERE {table}_fts MATCH ?", (match,))[0]["n"])
