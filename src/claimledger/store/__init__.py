"""Store: the ledger database (SQLite by default, PostgreSQL for teams)."""

from __future__ import annotations

from claimledger.errors import ConfigError
from claimledger.store.base import Ledger
from claimledger.store.sqlite import SQLiteLedger


def open_ledger(url: str, *, readonly: bool = False) -> Ledger:
    """Open (and migrate) the ledger at a SQLite path or a ``postgresql://`` URL."""
    if url.startswith(("postgresql://", "postgres://")):
        try:
            from claimledger.store.postgres import PostgresLedger
        except ImportError as exc:
            raise ConfigError(
                "the PostgreSQL backend needs the 'postgres' extra: pip install 'claimledger[postgres]'"
            ) from exc
        return PostgresLedger(url)
    return SQLiteLedger(url, readonly=readonly)


__all__ = ["Ledger", "SQLiteLedger", "open_ledger"]
