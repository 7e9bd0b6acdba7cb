"""Exports of the whole ledger: JSON Lines (the contract), JSON, CSV."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from claimledger.errors import ConfigError
from claimledger.model import RECORD_TYPES
from claimledger.serve.output import write_csv, write_json, write_jsonl
from claimledger.store import Ledger


def export(ledger: Ledger, fmt: str, *, types: Sequence[str] | None = None, out: str | None = None) -> int:
    """Write every record of the chosen types to ``out`` (a file path) or standard output."""
    kinds = tuple(types) if types else RECORD_TYPES
    unknown = [k for k in kinds if k not in RECORD_TYPES]
    if unknown:
        raise ConfigError(f"unknown record type {unknown[0]!r}; choose from {', '.join(RECORD_TYPES)}")
    records = ledger.records(kinds)
    with _opened(out, binary=fmt == "parquet") as stream:
        if fmt == "jsonl":
            return write_jsonl(records, stream)
        if fmt == "json":
            return write_json(records, stream)
        if fmt == "csv":
            return write_csv(records, stream)
        if fmt == "parquet":
            from claimledger.serve.parquet import write_parquet

            return write_parquet(records, stream)
    raise ConfigError(f"unknown export format {fmt!r}")


@contextlib.contextmanager
def _opened(out: str | None, *, binary: bool) -> Iterator[Any]:
    if out is None:
        yield sys.stdout.buffer if binary else sys.stdout
        return
    if binary:
        with open(out, "wb") as raw:
            yield raw
    else:
        with open(out, "w", encoding="utf-8", newline="") as text:
            yield text
