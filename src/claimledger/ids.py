"""Content-derived ids: the same content always gets the same id, so writes are idempotent."""

from __future__ import annotations

import hashlib

_PREFIX = {
    "document": "doc",
    "quote": "quo",
    "quantity": "qty",
    "time": "tim",
    "entity": "ent",
    "mention": "men",
    "place": "plc",
    "claim": "clm",
    "link": "lnk",
}


def make_id(kind: str, *parts: object) -> str:
    """Return a stable id such as ``qty_3f2a9c0d1e4b5a6f`` for the given content parts."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return f"{_PREFIX.get(kind, kind[:3])}_{digest.hexdigest()[:16]}"


def content_hash(data: bytes) -> str:
    """Full SHA-256 of raw bytes (used to recognise an input already ingested)."""
    return hashlib.sha256(data).hexdigest()
