"""The ledger on a PostgreSQL server: same tables, same migrations, many readers and writers.

The portable migrations (``NNNN_name.sql``) are written in the SQLite dialect; ``run_script``
translates their few column types: ``REAL`` becomes ``DOUBLE PRECISION`` (SQLite's REAL is 8
bytes, PostgreSQL's only 4), ``BLOB`` becomes ``BYTEA`` (embeddings stay float32 bytes, no
extension needed) and ``TEXT`` compares with ``COLLATE "C"``, so ``ORDER BY`` sorts by code
point exactly as SQLite does and both backends export the same lines in the same order.
Full-text search uses PostgreSQL's own ``tsvector`` with GIN expression indexes
(``0002_fts.postgres.sql``).

Concurrent writers are serialized per document by a transaction-scoped advisory lock, taken in
document-id order, so two processes ingesting overlapping inputs neither deadlock nor trip over
each other's rows; migrations run under a session advisory lock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import psycopg

from claimledger.errors import StoreError
from claimledger.model import Processed
from claimledger.store.base import Ledger

# The text search configuration: "simple" lowercases without stemming or stop words, which is
# what SQLite's FTS5 default tokenizer does, so a search finds the same claims on both backends.
TS_CONFIG = "simple"

# Expressions indexed by 0002_fts.postgres.sql; a query must repeat them exactly to use the index.
FTS_EXPRESSIONS = {
    "claims": f"to_tsvector('{TS_CONFIG}', coalesce(text, '') || ' ' || coalesce(speaker_name, ''))",
    "documents": f"to_tsvector('{TS_CONFIG}', coalesce(title, '') || ' ' || coalesce(text, ''))",
}

_MIGRATION_LOCK = 0x636C6D67  # "clmg": one migrator at a time per database
_TYPES = (
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
    (re.compile(r"\bBLOB\b"), "BYTEA"),
    (re.compile(r"\bTEXT\b(?!\s+COLLATE)"), 'TEXT COLLATE "C"'),
)


def translate(script: str) -> str:
    """A portable (SQLite-dialect) migration as PostgreSQL runs it: column types only."""
    for pattern, replacement in _TYPES:
        script = pattern.sub(replacement, script)
    return script


class PostgresLedger(Ledger):
    """A ledger in a PostgreSQL database given by a ``postgresql://`` URL."""

    dialect = "postgres"
    placeholder = "%s"

    def __init__(self, url: str) -> None:
        try:
            connection = psycopg.connect(url, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to {_redact(url)}: {_first_line(exc)}; check that the server runs, "
                "the database exists and the user may connect"
            ) from exc
        super().__init__(connection, url)
        self._cursors = 0
        try:
            self.migrate()
        except psycopg.Error as exc:
            connection.close()
            raise StoreError(f"cannot use {_redact(url)} as a ledger: {_first_line(exc)}") from exc

    # -- plumbing -----------------------------------------------------------------------------
    def run_script(self, script: str) -> None:
        # psycopg runs several statements in one execute() when no parameters are given
        self.connection.execute(translate(script))

    def migrate(self) -> list[str]:
        """Apply pending migrations while holding a lock, so concurrent openers migrate once."""
        self.connection.execute("SELECT pg_advisory_lock(%s)", (_MIGRATION_LOCK,))
        try:
            return super().migrate()
        finally:
            self.connection.rollback()
            self.connection.execute("SELECT pg_advisory_unlock(%s)", (_MIGRATION_LOCK,))
            self.connection.commit()

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a query; a read-only call does not leave a transaction open behind it."""
        idle = self.connection.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        rows = super().query(statement, params)
        if idle:
            self.connection.commit()
        return rows

    # -- writing ------------------------------------------------------------------------------
    def write(self, batch: Iterable[Processed]) -> int:
        """Upsert a batch in one transaction, documents in id order (the order of their locks),
        pipelined: one round trip per batch rather than one per row."""
        items = sorted(batch, key=lambda item: item.document.id)
        # pipeline mode: the statements of the batch go out without waiting for each reply
        with self.connection.pipeline():
            return super().write(items)

    def _write_one(self, cursor: Any, item: Processed, now: str) -> None:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (item.document.id,))
        super()._write_one(cursor, item, now)

    def iter_query(self, statement: str, params: Sequence[Any] = (), size: int = 500) -> Iterator[dict[str, Any]]:
        """Stream rows through a server-side cursor, so an export never holds a table in memory."""
        idle = self.connection.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        self._cursors += 1
        with self.connection.cursor(name=f"claimledger_stream_{self._cursors}") as cursor:
            cursor.execute(self.sql(statement), tuple(params))
            names: list[str] | None = None
            while rows := cursor.fetchmany(size):
                names = names or [d[0] for d in cursor.description]
                for row in rows:
                    yield dict(zip(names, row, strict=True))
        if idle:
            self.connection.commit()

    # -- full-text search ---------------------------------------------------------------------
    def fts_condition(self, table: str, query: str, *, alias: str | None = None) -> tuple[str, list[Any]]:
        """Rows of ``table`` (claims or documents) whose tsvector holds every word of ``query``."""
        expression = FTS_EXPRESSIONS[table]
        if alias:
            expression = _qualify(expression, alias)
        return f"{expression} @@ plainto_tsquery('{TS_CONFIG}', ?)", [query]

    def fts_claims(self, query: str, *, limit: int = 50, any_word: bool = False) -> list[str]:
        """Ids of the claims matching every word of ``query`` (or any), best match first."""
        expression = FTS_EXPRESSIONS["claims"]
        if any_word:  # words only (\w+), joined with the tsquery OR: no user syntax reaches the parser
            words = re.findall(r"\w+", query)
            if not words:
                return []
            tsquery, query = f"to_tsquery('{TS_CONFIG}', ?)", " | ".join(words)
        else:
            tsquery = f"plainto_tsquery('{TS_CONFIG}', ?)"
        rows = self.query(
            f"SELECT id FROM claims WHERE {expression} @@ {tsquery} "
            f"ORDER BY ts_rank({expression}, {tsquery}) DESC, id LIMIT ?",
            (query, query, int(limit)),
        )
        return [row["id"] for row in rows]

    def fts_count(self, table: str, query: str) -> int:
        """Rows of ``table`` whose tsvector holds every word of ``query`` (GIN index, no join)."""
        condition, params = self.fts_condition(table, query)
        return int(self.query(f"SELECT count(*) AS n FROM {table} WHERE {condition}", params)[0]["n"])


def _qualify(expression: str, alias: str) -> str:
    """The index expression with its columns prefixed by a table alias (same index, no ambiguity)."""
    return re.sub(r"coalesce\((\w+),", lambda m: f"coalesce({alias}.{m.group(1)},", expression)


def _redact(url: str) -> str:
    """The URL without its password (it ends up in messages and ``ledger.url``)."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
