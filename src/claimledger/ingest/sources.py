"""Expanding command-line inputs into raw documents: files, folders and containers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from claimledger.ingest import RawInput, RawKind, RawMeta
from claimledger.settings import Settings

SUFFIX_KIND: dict[str, RawKind] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}


def iter_inputs(inputs: list[str], settings: Settings) -> Iterator[RawInput]:
    """One RawInput per document found in the given paths (folders recursively)."""
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from _from_file(child, settings)
        else:
            yield from _from_file(path, settings)


def _from_file(path: Path, settings: Settings) -> Iterator[RawInput]:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield RawInput(source=source, error=f"cannot read file: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".json"):
        yield from _from_jsonl(source, data)
        return
    yield RawInput(source=source, data=data, kind=SUFFIX_KIND.get(suffix, "unknown"))


def _from_jsonl(source: str, data: bytes) -> Iterator[RawInput]:
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}#{number}"
        try:
            item = json.loads(line)
            text = item["text"]
        except (ValueError, KeyError, TypeError) as exc:
            yield RawInput(source=where, error=f"line {number}: not a JSON object with 'text' ({exc})")
            continue
        meta = RawMeta(
            title=item.get("title"), publisher=item.get("publisher"), author=item.get("author"),
            published=item.get("published"), external_id=_str(item.get("id")), url=item.get("url"),
        )
        yield RawInput(source=where, data=str(text).encode("utf-8"), kind="text", meta=meta)


def _str(value: object) -> str | None:
    return None if value is None else str(value)
