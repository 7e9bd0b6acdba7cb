"""The ledger over a DB-API connection: SQL shared by the SQLite and PostgreSQL backends.

One writer, many readers. Every write is an upsert keyed on a content-derived id, so writing
the same documents twice leaves every row as it was.
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from typing import Any

from claimledger.model import RECORD_TYPES, Link, Processed
from claimledger.store.rows import LISTS, MEMBER_INDEX, MEMBER_KINDS, TABLES, from_row, to_row
from claimledger.values.names import role_key

ANNOTATION_TYPES = ("quote", "quantity", "time", "entity", "place", "claim")
# one row of a person's roles over time (migration 0007); callers add the ON CONFLICT clause
INSERT_ROLE = ('INSERT INTO entity_roles (entity, role_key, doc, name, role, date, start, "end", mentions) '
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")


class Ledger(abc.ABC):
    """A ledger database. Subclasses open the connection and name their SQL dialect."""

    dialect = "sql"
    placeholder = "?"

    def __init__(self, connection: Any, url: str) -> None:
        self.connection = connection
        self.url = url

    # -- plumbing -----------------------------------------------------------------------------
    def sql(self, statement: str) -> str:
        """Adapt a statement written with ``?`` placeholders to this backend."""
        return statement if self.placeholder == "?" else statement.replace("?", self.placeholder)

    def execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        """Run one parameterized statement and return the cursor."""
        cursor = self.connection.cursor()
        cursor.execute(self.sql(statement), tuple(params))
        return cursor

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a parameterized query as column -> value dicts."""
        cursor = self.execute(statement, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def iter_query(self, statement: str, params: Sequence[Any] = (), size: int = 500) -> Iterator[dict[str, Any]]:
        """Stream the rows of a query in chunks (bounded memory for exports)."""
        cursor = self.execute(statement, params)
        names = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(size):
            for row in rows:
                yield dict(zip(names, row, strict=True))

    def commit(self) -> None:
        self.connection.commit()

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- migrations ---------------------------------------------------------------------------
    def migration_scripts(self) -> list[tuple[int, str, str]]:
        """(version, name, SQL) of the migrations that apply to this dialect, in order."""
        folder = resources.files("claimledger.store") / "migrations"
        found: list[tuple[int, str, str]] = []
        for entry in folder.iterdir():
            name = entry.name
            if not name.endswith(".sql"):
                continue
            parts = name[:-4].split(".")
            if len(parts) == 2 and parts[1] != self.dialect:
                continue
            version = int(parts[0].split("_", 1)[0])
            found.append((version, parts[0], entry.read_text(encoding="utf-8")))
        return sorted(found)

    def applied_migrations(self) -> set[str]:
        self.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(name TEXT PRIMARY KEY, version INTEGER NOT NULL, applied_at TEXT NOT NULL)"
        )
        return {row["name"] for row in self.query("SELECT name FROM schema_migrations")}

    @abc.abstractmethod
    def run_script(self, script: str) -> None:
        """Run a multi-statement migration script (each backend has its own way)."""

    def migrate(self) -> list[str]:
        """Apply the numbered migrations not yet applied; return their names."""
        done = self.applied_migrations()
        applied = []
        for version, name, script in self.migration_scripts():
            if name in done:
                continue
            # SQLite: the script and its bookkeeping row share one transaction (issue 8: a kill
            # mid-migration must not leave half a schema that the next run cannot migrate)
            self.run_script(f"BEGIN;\n{script}" if self.dialect == "sqlite" else script)
            self.execute(
                "INSERT INTO schema_migrations (name, version, applied_at) VALUES (?, ?, ?)",
                (name, version, _now()),
            )
            applied.append(name)
        self.commit()
        return applied

    # -- writing ------------------------------------------------------------------------------
    def _upsert_sql(self, kind: str) -> str:
        table, columns = TABLES[kind]
        quoted = [f'"{c}"' for c in columns]
        extra_cols, extra_vals = ("", "")
        if kind == "document":
            extra_cols, extra_vals = (", ingested_at", ", ?")
        updates = ", ".join(f"{q} = excluded.{q}" for q in quoted[1:])
        return (
            f"INSERT INTO {table} ({', '.join(quoted)}{extra_cols}) "
            f"VALUES ({', '.join('?' for _ in columns)}{extra_vals}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}"
        )

    def document_status(self, doc_id: str) -> str | None:
        """The stored status of a document, or None when the ledger does not hold it."""
        rows = self.query("SELECT status FROM documents WHERE id = ?", (doc_id,))
        return rows[0]["status"] if rows else None

    def write(self, batch: Iterable[Processed]) -> int:
        """Upsert documents with all their annotations in one transaction; return how many."""
        count = 0
        now = _now()
        cursor = self.connection.cursor()
        try:
            for item in batch:
                self._write_one(cursor, item, now)
                count += 1
            self.commit()
        except BaseException:
            self.connection.rollback()
            raise
        return count

    def _write_one(self, cursor: Any, item: Processed, now: str) -> None:
        doc = item.document
        cursor.execute(self.sql(self._upsert_sql("document")), (*to_row(doc.record()), now))
        # what `link` changed in the document's rows goes with them (migration 0008)
        for table in ("captions", "posts", "segments", "doc_bands", "entity_roles", "person_links",
                      "person_link_roles", MEMBER_INDEX, *(TABLES[k][0] for k in ANNOTATION_TYPES)):
            if table == "claims":
                cursor.execute(self.sql(
                    "DELETE FROM claim_quantities WHERE claim IN (SELECT id FROM claims WHERE doc = ?)"
                ), (doc.id,))
                cursor.execute(self.sql(
                    "DELETE FROM claim_places WHERE claim IN (SELECT id FROM claims WHERE doc = ?)"
                ), (doc.id,))
            cursor.execute(self.sql(f"DELETE FROM {table} WHERE doc = ?"), (doc.id,))
        for seq, caption in enumerate(doc.captions):
            cursor.execute(self.sql("INSERT INTO captions (doc, seq, text, credit) VALUES (?, ?, ?, ?)"),
                           (doc.id, seq, caption.text, caption.credit))
        for post in doc.posts:
            cursor.execute(self.sql(
                'INSERT INTO posts (doc, start, "end", author, handle, date, url) VALUES (?, ?, ?, ?, ?, ?, ?)'
            ), (doc.id, post.start, post.end, post.author, post.handle, post.date, post.url))
        for seg in doc.segments:
            cursor.execute(self.sql(
                'INSERT INTO segments (doc, start, "end", raw_start, raw_end) VALUES (?, ?, ?, ?, ?)'
            ), (doc.id, seg.start, seg.end, seg.raw_start, seg.raw_end))
        for band, value in enumerate(item.bands):
            cursor.execute(self.sql(
                "INSERT INTO doc_bands (band, hash, doc) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
            ), (band, value, doc.id))
        for role in item.annotations.roles:
            cursor.execute(self.sql(INSERT_ROLE + " ON CONFLICT DO NOTHING"), (
                role.entity, role_key(role.role), doc.id, role.name, role.role, doc.published.date, role.start,
                role.end, role.mentions))
        for annotation in item.annotations.all():
            record = annotation.record()
            kind = record["type"]
            cursor.execute(self.sql(self._upsert_sql(kind)), to_row(record))
            if kind in MEMBER_KINDS:
                for member in dict.fromkeys(record["speaker"]["members"]):
                    cursor.execute(self.sql(f"INSERT INTO {MEMBER_INDEX} (entity, kind, id, doc) VALUES (?, ?, ?, ?)"),
                                   (member, kind, record["id"], doc.id))
            for list_field, (join_table, column) in LISTS.get(kind, {}).items():
                for seq, value in enumerate(record[list_field]):
                    cursor.execute(self.sql(
                        f"INSERT INTO {join_table} (claim, seq, {column}) VALUES (?, ?, ?)"
                    ), (record["id"], seq, value))

    def replace_links(self, links: Iterable[Link]) -> int:
        """Replace every link with the given ones (linking recomputes them as a whole)."""
        count = 0
        cursor = self.connection.cursor()
        try:
            cursor.execute("DELETE FROM links")
            statement = self.sql(self._upsert_sql("link"))
            chunk: list[tuple[Any, ...]] = []
            for link in links:
                chunk.append(to_row(link.record()))
                if len(chunk) >= 5000:
                    cursor.executemany(statement, chunk)
                    count += len(chunk)
                    chunk = []
            if chunk:
                cursor.executemany(statement, chunk)
                count += len(chunk)
            self.commit()
        except BaseException:
            self.connection.rollback()
            raise
        return count

    # -- full-text search (backend hooks: each backend indexes text its own way) --------------
    @abc.abstractmethod
    def fts_condition(self, table: str, query: str, *, alias: str | None = None) -> tuple[str, list[Any]]:
        """A WHERE condition (``?`` placeholders) with its parameters: rows of ``table`` (claims or
        documents, referred to as ``alias`` when given) containing every word of ``query``."""

    @abc.abstractmethod
    def fts_claims(self, query: str, *, limit: int = 50, any_word: bool = False) -> list[str]:
        """Ids of the claims containing every word of ``query`` (any word with ``any_word``),
        best match first."""

    @abc.abstractmethod
    def fts_count(self, table: str, query: str) -> int:
        """How many rows of ``table`` (claims or documents) contain every word of ``query``,
        from the full-text index alone (no join): cheap even when most rows match."""

    # -- near-duplicates ----------------------------------------------------------------------
    def band_candidates(self, bands: Sequence[int]) -> list[str]:
        """Ids of stored documents that share at least one LSH band with ``bands``."""
        if not bands:
            return []
        found: set[str] = set()
        for band, value in enumerate(bands):
            for row in self.query("SELECT doc FROM doc_bands WHERE band = ? AND hash = ?", (band, value)):
                found.add(row["doc"])
        return sorted(found)

    # -- reading ------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Rows per record type, and documents per status."""
        out = {}
        for kind in RECORD_TYPES:
            table = TABLES[kind][0]
            out[kind] = self.query(f"SELECT count(*) AS n FROM {table}")[0]["n"]
        for row in self.query("SELECT status, count(*) AS n FROM documents GROUP BY status"):
            out[f"documents_{row['status']}"] = row["n"]
        return out

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One document's contract record (with captions and posts), or None."""
        rows = self.query("SELECT * FROM documents WHERE id = ?", (doc_id,))
        return self._document_record(rows[0]) if rows else None

    def _document_record(self, row: dict[str, Any]) -> dict[str, Any]:
        record = from_row("document", row)
        record["captions"] = [
            {"text": r["text"], "credit": r["credit"]}
            for r in self.query("SELECT text, credit FROM captions WHERE doc = ? ORDER BY seq", (row["id"],))
        ]
        record["posts"] = [
            {k: r[k] for k in ("start", "end", "author", "handle", "date", "url")}
            for r in self.query('SELECT * FROM posts WHERE doc = ? ORDER BY start', (row["id"],))
        ]
        return record

    def documents(
        self, *, status: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Document summaries (no text), newest first."""
        where, params = ("WHERE status = ?", [status]) if status else ("", [])
        page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        return self.query(
            "SELECT id, source, external_id, title, publisher, author, published_date, "
            "published_precision, published_basis, status, error, stage, duplicate_of, "
            f"length(text) AS chars FROM documents {where} "
            f"ORDER BY published_date DESC, source, id{page}",
            params,
        )

    def records(self, types: Sequence[str] = RECORD_TYPES) -> Iterator[dict[str, Any]]:
        """Every record of the given types in export-contract form, streamed."""
        for kind in types:
            table, _ = TABLES[kind]
            if kind == "document":
                for row in self.iter_query("SELECT * FROM documents ORDER BY id"):
                    yield self._document_record(row)
                continue
            order = "id" if kind == "link" else 'doc, start, "end", id'
            lists = LISTS.get(kind, {})
            for row in self.iter_query(f"SELECT * FROM {table} ORDER BY {order}"):
                record = from_row(kind, row)
                for list_field, (join_table, column) in lists.items():
                    record[list_field] = [
                        r[column] for r in self.query(
                            f"SELECT {column} FROM {join_table} WHERE claim = ? ORDER BY seq", (row["id"],)
                        )
                    ]
                yield record

    def annotations(self, doc_id: str) -> list[dict[str, Any]]:
        """Every annotation record of one document, ordered by position."""
        out: list[dict[str, Any]] = []
        for kind in ANNOTATION_TYPES:
            table, _ = TABLES[kind]
            for row in self.query(f'SELECT * FROM {table} WHERE doc = ? ORDER BY start, "end"', (doc_id,)):
                record = from_row(kind, row)
                for list_field, (join_table, column) in LISTS.get(kind, {}).items():
                    record[list_field] = [
                        r[column] for r in self.query(
                            f"SELECT {column} FROM {join_table} WHERE claim = ? ORDER BY seq", (row["id"],)
                        )
                    ]
                out.append(record)
        return out


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
