"""The embedded default: one SQLite file in WAL mode with FTS5 full-text indexes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from claimledger.errors import StoreError
from claimledger.store.base import Ledger


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
