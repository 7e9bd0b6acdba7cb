"""Reading queries shared by the REST API, the web UI and the CLI.

Every query is built from fixed SQL fragments; every value a user gives is a parameter (never
formatted into the statement). Results are export-contract records, joined with what a reader
needs next to them (the document's source, title and publication date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from claimledger.errors import NotFound
from claimledger.store.base import Ledger
from claimledger.store.rows import LISTS, TABLES, from_row

MAX_LIMIT = 500
# matches above which a claims search walks the date index newest first (SQLite) rather than
# sorting every match: the walk reads about limit * claims / matches rows before a page is full
WALK_ABOVE = 2_000


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """What to select claims by; every field None means "any".

    ``since``/``until`` are ISO prefixes (``2019``, ``2019-03``, ``2019-03-22``) compared against
    the claim's ``as_of`` (or, when the claim has none, its document's publication date); a claim
    dated ``2019-03`` matches ``since=2019-03-15`` because the two periods overlap.
    """

    text: str | None = None  # full-text words, all required
    speaker: str | None = None  # beginnings of words of the speaker's name, or the speaker's entity id
    entity: str | None = None  # entity id or canonical name mentioned in the claim
    place: str | None = None  # place id, gazetteer id or place name attached to the claim
    since: str | None = None
    until: str | None = None
    metric: str | None = None
    min_checkworthy: float | None = None
    doc: str | None = None

    def is_empty(self) -> bool:
        """True when no field restricts the selection."""
        return all(getattr(self, f.name) in (None, "") for f in fields(self))


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """What to select quotes by: words, part of the speaker's name, one document, the kind."""

    text: str | None = None
    speaker: str | None = None
    doc: str | None = None
    kind: str | None = None


# -- helpers ----------------------------------------------------------------------------------
_WORD = re.compile(r"\w+", re.UNICODE)
_NAME_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def fts_words(text: str) -> list[str]:
    """The words of a search box, without FTS operators (a document is not a query language)."""
    return _WORD.findall(text)[:20]


def fts_query(text: str) -> str | None:
    """A safe FTS5 MATCH expression: every word quoted, all required; None when no word."""
    words = fts_words(text)
    if not words:
        return None
    return " ".join('"' + w.replace('"', "") + '"' for w in words)


def like_pattern(text: str) -> str:
    """``%text%`` with LIKE wildcards in ``text`` escaped (use with ``ESCAPE '\\'``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


# a condition that the speaker of a claim (alias c) or quote (alias q) is a group with the entity
# given as parameter among its members (speaker_member_ids, migration 0010)
CLAIM_BY_MEMBER = "c.id IN (SELECT m.id FROM speaker_member_ids m WHERE m.entity = ? AND m.kind = 'claim')"
QUOTE_BY_MEMBER = "q.id IN (SELECT m.id FROM speaker_member_ids m WHERE m.entity = ? AND m.kind = 'quote')"


def check_iso_prefix(value: str | None, name: str) -> str | None:
    """The value when it is an ISO date prefix; ValueError naming the parameter otherwise."""
    if value is None or value == "":
        return None
    if not _ISO_PREFIX.match(value):
        raise ValueError(f"{name} must be an ISO date prefix like 2019, 2019-03 or 2019-03-22, not {value!r}")
    return value


def _fulltext(ledger: Ledger, table: str, alias: str, text: str,
              columns: tuple[str, ...]) -> tuple[str, list[Any]]:
    """Rows holding every word of ``text``: the backend's full-text index, else LIKE per word."""
    if fts_query(text) is None:
        return "1 = 0", []
    try:
        return ledger.fts_condition(table, text, alias=alias)
    except NotImplementedError:
        clauses: list[str] = []
        params: list[Any] = []
        for word in fts_words(text):
            clauses.append("(" + " OR ".join(f"lower({c}) LIKE ? ESCAPE '\\'" for c in columns) + ")")
            params += [like_pattern(word)] * len(columns)
        return " AND ".join(clauses), params


def _page(limit: int, offset: int) -> tuple[int, int]:
    limit = max(0, min(int(limit), MAX_LIMIT))
    return limit, max(0, int(offset))


def _with_lists(ledger: Ledger, kind: str, record: dict[str, Any]) -> dict[str, Any]:
    for list_field, (join_table, column) in LISTS.get(kind, {}).items():
        record[list_field] = [
            r[column] for r in ledger.query(
                f"SELECT {column} FROM {join_table} WHERE claim = ? ORDER BY seq", (record["id"],)
            )
        ]
    return record


def _doc_summary(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["doc"],
        "source": row.get("doc_source"),
        "title": row.get("doc_title"),
        "publisher": row.get("doc_publisher"),
        "published": {
            "date": row.get("doc_published_date"),
            "precision": row.get("doc_published_precision"),
            "basis": row.get("doc_published_basis") or "none",
        },
    }


_DOC_COLUMNS = (
    "d.source AS doc_source, d.title AS doc_title, d.publisher AS doc_publisher, "
    "d.published_date AS doc_published_date, d.published_precision AS doc_published_precision, "
    "d.published_basis AS doc_published_basis"
)


# -- claims -----------------------------------------------------------------------------------
def _claim_where(ledger: Ledger, filters: ClaimFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.text:
        condition, values = _fulltext(ledger, "claims", "c", filters.text, ("c.text",))
        clauses.append(condition)
        params += values
    if filters.speaker:
        condition, values = _speaker_condition(ledger, filters.speaker)
        clauses.append(condition)
        params += values
    if filters.entity:
        clauses.append(
            f"(c.speaker_entity = ? OR {CLAIM_BY_MEMBER} "
            "OR EXISTS (SELECT 1 FROM entities e WHERE e.doc = c.doc "
            'AND e.start >= c.start AND e."end" <= c."end" '
            "AND (e.entity = ? OR e.id = ? OR lower(e.canonical) = lower(?))))"
        )
        params += [filters.entity] * 5
    if filters.place:
        clauses.append(
            "EXISTS (SELECT 1 FROM claim_places cp JOIN places p ON p.id = cp.place "
            "WHERE cp.claim = c.id AND (p.id = ? OR p.gazetteer_id = ? OR lower(p.name) = lower(?)))"
        )
        params += [filters.place] * 3
    # c.dated = as_of, else the document's publication date (migration 0004). Each period test
    # comes with a plain range on c.dated that it implies (ISO prefixes hold only digits and
    # "-", which sort below "~"), so the date indexes can narrow the rows first.
    if filters.since:
        since = check_iso_prefix(filters.since, "since") or filters.since
        clauses.append("(c.dated >= ? AND c.dated >= substr(?, 1, length(c.dated)))")
        params += [since[:4], since]
    if filters.until:
        until = check_iso_prefix(filters.until, "until") or filters.until
        clauses.append("(c.dated <= ? AND substr(c.dated, 1, length(?)) <= ?)")
        params += [until + "~", until, until]
    if filters.metric:
        clauses.append("c.metric = ?")
        params.append(filters.metric)
    if filters.min_checkworthy is not None:
        clauses.append("c.checkworthy >= ?")
        params.append(float(filters.min_checkworthy))
    if filters.doc:
        clauses.append("c.doc = ?")
        params.append(filters.doc)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def name_words(text: str) -> list[str]:
    """The words of a speaker box (letters and digits; punctuation and "_" separate words)."""
    return _NAME_WORD.findall(text)[:8]


def _speaker_condition(ledger: Ledger, speaker: str) -> tuple[str, list[Any]]:
    """Claims whose speaker's name has a word beginning with each word typed ("whit" finds
    "Dana W. Whitfield"), through the full-text index; or whose speaker entity id is ``speaker``."""
    words = name_words(speaker)
    by_entity = f"(c.speaker_entity = ? OR {CLAIM_BY_MEMBER})"
    if not words:
        return by_entity, [speaker, speaker]
    if ledger.dialect == "sqlite":
        # FTS5 column filter with prefix terms: only the speaker_name column of claims_fts
        name = "c.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)"
        name_params: list[Any] = [_speaker_match(words)]
    elif ledger.dialect == "postgres":
        # the backend's own tsvector expression (GIN index claims_fts), queried with prefixes;
        # it also covers the claim text, so the LIKE recheck below keeps speaker names only
        from claimledger.store.postgres import TS_CONFIG

        expression = ledger.fts_condition("claims", speaker, alias="c")[0].rsplit(" @@ ", 1)[0]
        name = f"{expression} @@ to_tsquery('{TS_CONFIG}', ?)"
        name_params = [" & ".join(f"{w.lower()}:*" for w in words)]
    else:
        name, name_params = "1 = 1", []
    checks = " AND ".join("lower(c.speaker_name) LIKE ? ESCAPE '\\'" for _ in words)
    return (f"(({name} AND {checks}) OR {by_entity})",
            [*name_params, *(like_pattern(w) for w in words), speaker, speaker])


def _speaker_match(words: list[str]) -> str:
    return "speaker_name : (" + " ".join(f'"{w}"*' for w in words) + ")"


def _fts_matches(ledger: Ledger, filters: ClaimFilter) -> int | None:
    """How many claims the full-text part of ``filters`` (text, speaker name) matches, from the
    SQLite index alone; None when there is no such part or the backend is not SQLite."""
    if ledger.dialect != "sqlite":
        return None
    parts = []
    if filters.text:
        parts.append(fts_query(filters.text) or '""')
    if filters.speaker and name_words(filters.speaker):
        parts.append(_speaker_match(name_words(filters.speaker)))
    if not parts:
        return None
    match = " AND ".join(f"({p})" for p in parts)
    return int(ledger.query("SELECT count(*) AS n FROM claims_fts WHERE claims_fts MATCH ?", (match,))[0]["n"])


def _claim_record(ledger: Ledger, row: dict[str, Any]) -> dict[str, Any]:
    record = _with_lists(ledger, "claim", from_row("claim", row))
    record["document"] = _doc_summary(row)
    return record


def list_claims(
    ledger: Ledger, filters: ClaimFilter | None = None, *, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Claims matching ``filters`` as contract records plus ``document`` (source, title, date).

    Newest first: by ``claims.dated`` (the claim's ``as_of``, else its document's publication
    date), then id; claims with no date at all come last.
    """
    filters = filters or ClaimFilter()
    where, params = _claim_where(ledger, filters)
    limit, offset = _page(limit, offset)
    hint = ""
    if ledger.dialect == "sqlite":
        order = "c.dated DESC, c.id"  # SQLite puts NULL last when descending
        # a common word: walk the date index newest first and stop at a full page, instead of
        # sorting every match; only when no other filter could make the walk long
        narrow = (filters.entity, filters.place, filters.metric, filters.doc, filters.min_checkworthy)
        if all(v in (None, "") for v in narrow):
            matches = _fts_matches(ledger, filters)
            if matches is not None and matches > WALK_ABOVE:
                hint = " INDEXED BY claims_dated"
    else:
        order = "c.dated DESC NULLS LAST, c.id"
    rows = ledger.query(
        f"SELECT c.*, {_DOC_COLUMNS} FROM claims c" + hint + f" JOIN documents d ON d.id = c.doc{where} "
        "ORDER BY " + order + " LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [_claim_record(ledger, row) for row in rows]


def count_claims(ledger: Ledger, filters: ClaimFilter | None = None) -> int:
    """How many claims match ``filters``."""
    filters = filters or ClaimFilter()
    if filters.text and filters == ClaimFilter(text=filters.text):
        # words alone: the full-text index counts without touching the claims table
        return ledger.fts_count("claims", filters.text) if fts_query(filters.text) else 0
    where, params = _claim_where(ledger, filters)
    return int(ledger.query(f"SELECT count(*) AS n FROM claims c{where}", params)[0]["n"])


def get_claim(ledger: Ledger, claim_id: str) -> dict[str, Any]:
    """One claim with its document summary, quote, quantities, places and links; NotFound if absent."""
    rows = ledger.query(
        f"SELECT c.*, {_DOC_COLUMNS} FROM claims c JOIN documents d ON d.id = c.doc WHERE c.id = ?",
        (claim_id,),
    )
    if not rows:
        raise NotFound(f"no claim with id {claim_id!r}; list claims with GET /api/claims")
    record = _claim_record(ledger, rows[0])
    record["quote_record"] = _get_one(ledger, "quote", record["quote"]) if record["quote"] else None
    quantities = (_get_one(ledger, "quantity", i) for i in record["quantities"])
    record["quantity_records"] = [q for q in quantities if q]
    places = (_get_one(ledger, "place", i) for i in record["places"])
    record["place_records"] = [p for p in places if p]
    record["links"] = links_of(ledger, [claim_id])
    return record


def _get_one(ledger: Ledger, kind: str, record_id: str) -> dict[str, Any] | None:
    table, _ = TABLES[kind]
    rows = ledger.query(f"SELECT * FROM {table} WHERE id = ?", (record_id,))
    return _with_lists(ledger, kind, from_row(kind, rows[0])) if rows else None


def links_of(ledger: Ledger, claim_ids: list[str]) -> list[dict[str, Any]]:
    """Links touching any of the given claims, strongest first."""
    if not claim_ids:
        return []
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(claim_ids), 400):
        chunk = claim_ids[start:start + 400]
        marks = ", ".join("?" for _ in chunk)
        for row in ledger.query(
            f"SELECT * FROM links WHERE a IN ({marks}) OR b IN ({marks}) ORDER BY score DESC, id",
            [*chunk, *chunk],
        ):
            out[row["id"]] = from_row("link", row)
    return sorted(out.values(), key=lambda r: (-float(r["score"]), r["id"]))


# -- quotes -----------------------------------------------------------------------------------
def _quote_where(filters: QuoteFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.text:
        words = fts_words(filters.text)
        if not words:
            clauses.append("1 = 0")
        for word in words:
            clauses.append("lower(q.text) LIKE ? ESCAPE '\\'")
            params.append(like_pattern(word))
    if filters.speaker:
        clauses.append("(lower(q.speaker_name) LIKE ? ESCAPE '\\' OR q.speaker_entity = ? "
                       f"OR {QUOTE_BY_MEMBER})")
        params += [like_pattern(filters.speaker), filters.speaker, filters.speaker]
    if filters.doc:
        clauses.append("q.doc = ?")
        params.append(filters.doc)
    if filters.kind:
        clauses.append("q.kind = ?")
        params.append(filters.kind)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_quotes(
    ledger: Ledger, filters: QuoteFilter | None = None, *, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Quotes as contract records plus ``document``, newest first."""
    where, params = _quote_where(filters or QuoteFilter())
    limit, offset = _page(limit, offset)
    rows = ledger.query(
        f"SELECT q.*, {_DOC_COLUMNS} FROM quotes q JOIN documents d ON d.id = q.doc{where} "
        'ORDER BY COALESCE(q.date, d.published_date, \'\') DESC, q.doc, q.start, q.id LIMIT ? OFFSET ?',
        [*params, limit, offset],
    )
    out = []
    for row in rows:
        record = from_row("quote", row)
        record["document"] = _doc_summary(row)
        out.append(record)
    return out


def count_quotes(ledger: Ledger, filters: QuoteFilter | None = None) -> int:
    """How many quotes match ``filters``."""
    where, params = _quote_where(filters or QuoteFilter())
    return int(ledger.query(f"SELECT count(*) AS n FROM quotes q{where}", params)[0]["n"])


def get_quote(ledger: Ledger, quote_id: str) -> dict[str, Any]:
    """One quote with its document summary; NotFound when absent."""
    rows = ledger.query(
        f"SELECT q.*, {_DOC_COLUMNS} FROM quotes q JOIN documents d ON d.id = q.doc WHERE q.id = ?",
        (quote_id,),
    )
    if not rows:
        raise NotFound(f"no quote with id {quote_id!r}; list quotes with GET /api/quotes")
    record = from_row("quote", rows[0])
    record["document"] = _doc_summary(rows[0])
    record["claims"] = [r["id"] for r in ledger.query("SELECT id FROM claims WHERE quote = ? ORDER BY id",
                                                      (quote_id,))]
    return record


# -- documents --------------------------------------------------------------------------------
_DOC_SUMMARY_COLUMNS = (
    "d.id, d.source, d.external_id, d.title, d.publisher, d.author, d.published_date, "
    "d.published_precision, d.published_basis, d.status, d.error, d.duplicate_of, "
    "length(d.text) AS chars"
)


def _document_where(ledger: Ledger, q: str | None, status: str | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if q:
        condition, values = _fulltext(ledger, "documents", "d", q, ("d.text", "d.title"))
        clauses.append(condition)
        params += values
    if status:
        clauses.append("d.status = ?")
        params.append(status)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _summary(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "document",
        "id": row["id"], "source": row["source"], "external_id": row["external_id"], "title": row["title"],
        "publisher": row["publisher"], "author": row["author"],
        "published": {"date": row["published_date"], "precision": row["published_precision"],
                      "basis": row["published_basis"] or "none"},
        "status": row["status"], "error": row["error"], "duplicate_of": row["duplicate_of"],
        "chars": row["chars"],
    }


def list_documents(
    ledger: Ledger, *, q: str | None = None, status: str | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Document summaries (no text), newest first; ``q`` searches titles and texts (all words)."""
    where, params = _document_where(ledger, q, status)
    limit, offset = _page(limit, offset)
    rows = ledger.query(
        f"SELECT {_DOC_SUMMARY_COLUMNS} FROM documents d{where} "
        "ORDER BY d.published_date DESC, d.source, d.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    out = []
    words = fts_words(q) if q else []
    for row in rows:
        record = _summary(row)
        if words:
            record["snippet"] = _snippet(ledger, row["id"], words)
        out.append(record)
    return out


def count_documents(ledger: Ledger, *, q: str | None = None, status: str | None = None) -> int:
    """How many documents match."""
    where, params = _document_where(ledger, q, status)
    return int(ledger.query(f"SELECT count(*) AS n FROM documents d{where}", params)[0]["n"])


def _snippet(ledger: Ledger, doc_id: str, words: list[str], width: int = 160) -> dict[str, Any] | None:
    """Where the first search word occurs in the text: offsets and the surrounding plain text."""
    rows = ledger.query("SELECT text FROM documents WHERE id = ?", (doc_id,))
    if not rows:
        return None
    text: str = rows[0]["text"] or ""
    lowered = text.lower()
    for word in words:
        at = lowered.find(word.lower())
        if at >= 0:
            start = max(0, at - width // 2)
            end = min(len(text), at + len(word) + width // 2)
            return {"start": start, "end": end, "text": text[start:end], "match_start": at,
                    "match_end": at + len(word)}
    return None


def get_document(ledger: Ledger, doc_id: str) -> dict[str, Any]:
    """One document's contract record; NotFound when absent."""
    record = ledger.document(doc_id)
    if record is None:
        raise NotFound(f"no document with id {doc_id!r}; list documents with GET /api/documents")
    return record


def document_view(ledger: Ledger, doc_id: str) -> dict[str, Any]:
    """A document with every annotation grouped by type, and the links of its claims."""
    record = get_document(ledger, doc_id)
    grouped: dict[str, list[dict[str, Any]]] = {
        "quotes": [], "quantities": [], "times": [], "entities": [], "places": [], "claims": [],
    }
    plural = {"quote": "quotes", "quantity": "quantities", "time": "times", "entity": "entities",
              "place": "places", "claim": "claims"}
    for annotation in ledger.annotations(doc_id):
        grouped[plural[annotation["type"]]].append(annotation)
    record["annotations"] = grouped
    record["links"] = links_of(ledger, [c["id"] for c in grouped["claims"]])
    return record


# -- entities, places, metrics, speakers, sources ------------------------------------------------
def list_entities(
    ledger: Ledger, *, q: str | None = None, label: str | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Real-world entities (mentions grouped by entity id), most mentioned first."""
    clauses: list[str] = []
    params: list[Any] = []
    if q:
        clauses.append("(lower(canonical) LIKE ? ESCAPE '\\' OR lower(text) LIKE ? ESCAPE '\\')")
        params += [like_pattern(q)] * 2
    if label:
        clauses.append("label = ?")
        params.append(label)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    limit, offset = _page(limit, offset)
    rows = ledger.query(
        "SELECT COALESCE(entity, id) AS entity, max(COALESCE(canonical, text)) AS canonical, "
        "max(label) AS label, count(*) AS mentions, count(DISTINCT doc) AS documents "
        f"FROM entities{where} GROUP BY COALESCE(entity, id) "
        "ORDER BY mentions DESC, canonical LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [dict(r) for r in rows]


def get_entity(ledger: Ledger, entity: str, *, limit: int = 50) -> dict[str, Any]:
    """An entity by id or canonical name, with its mentions; NotFound when absent."""
    rows = ledger.query(
        "SELECT * FROM entities WHERE entity = ? OR id = ? OR lower(canonical) = lower(?) "
        'ORDER BY doc, start LIMIT ?', (entity, entity, entity, _page(limit, 0)[0]),
    )
    if not rows:
        raise NotFound(f"no entity {entity!r}; list entities with GET /api/entities")
    first = rows[0]
    return {
        "entity": first["entity"] or first["id"], "canonical": first["canonical"] or first["text"],
        "label": first["label"], "mentions": [from_row("entity", r) for r in rows],
    }


def resolve_entity(ledger: Ledger, entity: str) -> tuple[str, str | None]:
    """(entity id, canonical name) of an entity given by id, mention id or name (any case);
    NotFound when the ledger has none. A name shared by several entities (a person and an
    organisation) picks the one with roles, then the most mentioned."""
    rows = ledger.query(
        "SELECT entity, max(name) AS name FROM entity_roles WHERE entity = ? GROUP BY entity", (entity,))
    if not rows:
        rows = ledger.query(
            "SELECT entity, max(canonical) AS name FROM entities WHERE (entity = ? OR id = ?) "
            "AND entity IS NOT NULL GROUP BY entity", (entity, entity))
    if not rows:
        rows = ledger.query(
            "SELECT entity, max(name) AS name, count(*) AS n FROM entity_roles WHERE lower(name) = lower(?) "
            "GROUP BY entity ORDER BY n DESC, entity LIMIT 1", (entity,))
    if not rows:
        rows = ledger.query(
            "SELECT entity, max(canonical) AS name, count(*) AS n FROM entities "
            "WHERE lower(canonical) = lower(?) AND entity IS NOT NULL "
            "GROUP BY entity ORDER BY n DESC, entity LIMIT 1", (entity,))
    if not rows:
        raise NotFound(f"no entity {entity!r}; give an entity id or a canonical name, as GET /api/entities "
                       "or 'claimledger export --type entity' list them")
    return str(rows[0]["entity"]), rows[0]["name"]


def entity_roles(ledger: Ledger, entity: str) -> dict[str, Any]:
    """A person's roles over time (entity id, mention id or name): each role with the first and
    last document date it is seen on, how many documents and mentions give it, first seen first
    (undated last). NotFound for an unknown entity; a known one with no role has ``roles: []``."""
    entity_id, name = resolve_entity(ledger, entity)
    rows = ledger.query(
        "SELECT min(role) AS role, min(date) AS first, max(date) AS last, count(DISTINCT doc) AS documents, "
        "sum(mentions) AS mentions FROM entity_roles WHERE entity = ? GROUP BY role_key "
        "ORDER BY min(date) IS NULL, min(date), min(role)",
        (entity_id,),
    )
    roles = [{**r, "documents": int(r["documents"]), "mentions": int(r["mentions"])} for r in rows]
    return {"entity": entity_id, "name": name, "roles": roles}


def list_places(
    ledger: Ledger, *, q: str | None = None, limit: int = 200, offset: int = 0
) -> list[dict[str, Any]]:
    """Places the corpus mentions (grouped by gazetteer entry or name) with coordinates and counts."""
    clauses: list[str] = []
    params: list[Any] = []
    if q:
        clauses.append("(lower(name) LIKE ? ESCAPE '\\' OR lower(text) LIKE ? ESCAPE '\\')")
        params += [like_pattern(q)] * 2
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    limit, offset = _page(limit, offset)
    rows = ledger.query(
        "SELECT min(id) AS id, COALESCE(gazetteer_id, lower(COALESCE(name, text))) AS place_key, "
        "max(COALESCE(name, text)) AS name, max(gazetteer_id) AS gazetteer_id, "
        "avg(lat) AS lat, avg(lon) AS lon, max(country) AS country, max(feature) AS feature, "
        "count(*) AS mentions, count(DISTINCT doc) AS documents "
        f"FROM places{where} GROUP BY COALESCE(gazetteer_id, lower(COALESCE(name, text))) "
        "ORDER BY mentions DESC, name LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [{k: v for k, v in r.items() if k != "place_key"} for r in rows]


def get_place(ledger: Ledger, place_id: str) -> dict[str, Any]:
    """One place mention by id; NotFound when absent."""
    record = _get_one(ledger, "place", place_id)
    if record is None:
        raise NotFound(f"no place with id {place_id!r}; list places with GET /api/places")
    return record


def list_metrics(
    ledger: Ledger, *, q: str | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Metrics (what claims measure) with how many claims, sources and the time span covered."""
    clauses: list[str] = ["c.metric IS NOT NULL"]
    params: list[Any] = []
    if q:
        clauses.append("lower(c.metric) LIKE ? ESCAPE '\\'")
        params.append(like_pattern(q))
    limit, offset = _page(limit, offset)
    rows = ledger.query(
        "SELECT c.metric AS metric, count(*) AS claims, count(DISTINCT d.source) AS sources, "
        "min(COALESCE(c.as_of, d.published_date)) AS first, max(COALESCE(c.as_of, d.published_date)) AS last "
        f"FROM claims c JOIN documents d ON d.id = c.doc WHERE {' AND '.join(clauses)} "
        "GROUP BY c.metric ORDER BY claims DESC, c.metric LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [dict(r) for r in rows]


def metric_points(ledger: Ledger, metric: str, *, limit: int = 500) -> list[dict[str, Any]]:
    """Every value of one metric over time: the claim, its first quantity and the source.

    A plain reading of the ledger, used when the link stage offers no timeline of its own. Oldest
    first by ``claims.dated`` (the claim's ``as_of``, else its document's date; undated first),
    then claim id: the order of the index ``claims(metric, dated)``.
    """
    order = "c.dated, c.id" if ledger.dialect == "sqlite" else "c.dated NULLS FIRST, c.id"
    rows = ledger.query(
        "SELECT c.id AS claim, c.text AS claim_text, c.speaker_name AS speaker, "
        "COALESCE(c.as_of, q.as_of, d.published_date) AS as_of, c.doc AS doc, d.source AS source, "
        "d.publisher AS publisher, d.title AS title, q.id AS quantity, q.value AS value, q.low AS low, "
        "q.high AS high, q.qualifier AS qualifier, q.unit AS unit, q.text AS quantity_text "
        "FROM claims c JOIN documents d ON d.id = c.doc "
        "LEFT JOIN claim_quantities cq ON cq.claim = c.id AND cq.seq = 0 "
        "LEFT JOIN quantities q ON q.id = cq.quantity "
        "WHERE c.metric = ? ORDER BY " + order + " LIMIT ?",
        (metric, _page(limit, 0)[0]),
    )
    return [dict(r) for r in rows]


def list_links(
    ledger: Ledger, *, relation: str | None = None, metric: str | None = None,
    limit: int = 50, offset: int = 0,
) -> list[dict[str, Any]]:
    """Links with both claims expanded (text, speaker, date, source), strongest first."""
    clauses: list[str] = []
    params: list[Any] = []
    if relation:
        clauses.append("l.relation = ?")
        params.append(relation)
    if metric:
        clauses.append("(ca.metric = ? OR cb.metric = ?)")
        params += [metric, metric]
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    limit, offset = _page(limit, offset)
    rows = ledger.query(
        "SELECT l.* FROM links l LEFT JOIN claims ca ON ca.id = l.a LEFT JOIN claims cb ON cb.id = l.b"
        f"{where} ORDER BY l.score DESC, l.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    out = []
    for row in rows:
        record = from_row("link", row)
        record["claim_a"] = _claim_brief(ledger, row["a"])
        record["claim_b"] = _claim_brief(ledger, row["b"])
        out.append(record)
    return out


def count_links(ledger: Ledger, *, relation: str | None = None, metric: str | None = None) -> int:
    """How many links (of one relation; touching a claim of one metric)."""
    clauses: list[str] = []
    params: list[Any] = []
    if relation:
        clauses.append("l.relation = ?")
        params.append(relation)
    if metric:
        clauses.append(
            "(l.a IN (SELECT id FROM claims WHERE metric = ?) OR l.b IN (SELECT id FROM claims WHERE metric = ?))"
        )
        params += [metric, metric]
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return int(ledger.query("SELECT count(*) AS n FROM links l" + where, params)[0]["n"])


def _claim_brief(ledger: Ledger, claim_id: str) -> dict[str, Any] | None:
    rows = ledger.query(
        f"SELECT c.*, {_DOC_COLUMNS} FROM claims c JOIN documents d ON d.id = c.doc WHERE c.id = ?",
        (claim_id,),
    )
    return _claim_record(ledger, rows[0]) if rows else None


def top_speakers(ledger: Ledger, *, limit: int = 20) -> list[dict[str, Any]]:
    """Named speakers by number of claims, with their most frequent role and the sources quoting them."""
    rows = ledger.query(
        "SELECT c.speaker_name AS name, max(c.speaker_role) AS role, count(*) AS claims, "
        "count(DISTINCT d.source) AS sources, max(COALESCE(c.as_of, d.published_date)) AS last "
        "FROM claims c JOIN documents d ON d.id = c.doc WHERE c.speaker_name IS NOT NULL "
        "GROUP BY c.speaker_name ORDER BY claims DESC, c.speaker_name LIMIT ?",
        (_page(limit, 0)[0],),
    )
    return [dict(r) for r in rows]


def list_sources(ledger: Ledger, *, limit: int = 500) -> list[dict[str, Any]]:
    """Every document as a source line: title, publisher, date, status and how many claims it gave."""
    rows = ledger.query(
        "SELECT d.id, d.source, d.title, d.publisher, d.published_date, d.status, "
        "(SELECT count(*) FROM claims c WHERE c.doc = d.id) AS claims "
        "FROM documents d ORDER BY d.published_date DESC, d.source, d.id LIMIT ?",
        (_page(limit, 0)[0],),
    )
    return [dict(r) for r in rows]
