"""Between export-contract records and table rows: nested objects flattened with a prefix.

The table and column lists here are the one description of how a record is stored; the
SQLite and PostgreSQL ledgers both use them.
"""

from __future__ import annotations

from typing import Any

SPEAKER_FIELDS = ("name", "role", "entity", "anonymous", "description", "members")
PUBLISHED_FIELDS = ("date", "precision", "basis")

# record type -> (table, columns in table order)
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "document": ("documents", (
        "id", "source", "external_id", "title", "publisher", "author", "published_date",
        "published_precision", "published_basis", "text", "duplicate_of", "status", "error",
        "stage", "content_hash",
    )),
    "quote": ("quotes", (
        "id", "doc", "start", "end", "text", "speaker_name", "speaker_role", "speaker_entity",
        "speaker_anonymous", "speaker_description", "cue", "kind", "reported_by", "date",
        "continues", "speaker_members",
    )),
    "quantity": ("quantities", (
        "id", "doc", "start", "end", "text", "value", "low", "high", "qualifier", "unit",
        "unit_class", "counted", "change", "as_of", "place", "claim",
    )),
    "time": ("times", ("id", "doc", "start", "end", "text", "value", "precision", "kind")),
    "entity": ("entities", ("id", "doc", "start", "end", "text", "label", "canonical", "entity", "role")),
    "place": ("places", (
        "id", "doc", "start", "end", "text", "name", "lat", "lon", "country", "feature",
        "gazetteer_id",
    )),
    "claim": ("claims", (
        "id", "doc", "start", "end", "text", "speaker_name", "speaker_role", "speaker_entity",
        "speaker_anonymous", "speaker_description", "quote", "as_of", "metric", "polarity",
        "checkworthy", "speaker_members",
    )),
    "link": ("links", ("id", "a", "b", "relation", "score", "explanation")),
}

# record type -> list field -> (join table, column holding the item)
LISTS: dict[str, dict[str, tuple[str, str]]] = {
    "claim": {"quantities": ("claim_quantities", "quantity"), "places": ("claim_places", "place")},
}

# record types whose speaker's members are also indexed, one row per member, for the filters
MEMBER_INDEX = "speaker_member_ids"
MEMBER_KINDS = ("quote", "claim")

NESTED: dict[str, dict[str, tuple[str, ...]]] = {
    "document": {"published": PUBLISHED_FIELDS},
    "quote": {"speaker": SPEAKER_FIELDS},
    "claim": {"speaker": SPEAKER_FIELDS},
}


def to_row(record: dict[str, Any]) -> tuple[Any, ...]:
    """Flatten a contract record into the values of its table, in column order."""
    kind = record["type"]
    flat: dict[str, Any] = dict(record)
    for name, subfields in NESTED.get(kind, {}).items():
        sub = record.get(name) or {}
        for sub_name in subfields:
            flat[f"{name}_{sub_name}"] = sub.get(sub_name)
    if "speaker_anonymous" in flat:
        flat["speaker_anonymous"] = int(bool(flat["speaker_anonymous"]))
    if "speaker_members" in flat:
        flat["speaker_members"] = members_column(flat["speaker_members"])
    _, columns = TABLES[kind]
    return tuple(flat.get(column) for column in columns)


def members_column(members: list[str] | tuple[str, ...] | None) -> str | None:
    """A group speaker's member ids as stored: space-separated (migration 0010); None for none."""
    return " ".join(members) if members else None


def from_row(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """Rebuild a contract record (without its list fields) from a row as a column->value dict."""
    _, columns = TABLES[kind]
    nested = NESTED.get(kind, {})
    prefixes = {f"{name}_{sub}": (name, sub) for name, subs in nested.items() for sub in subs}
    record: dict[str, Any] = {"type": kind}
    for name in nested:
        record[name] = {}
    for column in columns:
        value = row.get(column)
        if column in prefixes:
            name, sub = prefixes[column]
            if sub == "anonymous":
                value = bool(value)
            elif sub == "members":
                value = (value or "").split()
            record[name][sub] = value
        else:
            record[column] = value
    if kind == "document" and record["published"]["basis"] is None:
        record["published"]["basis"] = "none"
    return record
