"""Writing results: JSON Lines for scripts, JSON, CSV, or an aligned table on a terminal."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO


def default_format() -> str:
    """``table`` on a terminal, ``jsonl`` when standard output is piped."""
    return "table" if sys.stdout.isatty() else "jsonl"


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
        count += 1
    return count


def write_json(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    items = list(rows)
    json.dump(items, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(items)


def flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts become ``parent.child`` columns; lists become JSON text (for CSV)."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO, columns: Sequence[str] | None = None) -> int:
    """CSV with a header; columns are the union of the rows' flattened keys when not given."""
    flat = [flatten(r) for r in rows]
    if columns is None:
        seen: dict[str, None] = {}
        for row in flat:
            seen.update(dict.fromkeys(row))
        columns = list(seen)
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat)
    return len(flat)


def write_table(rows: Iterable[dict[str, Any]], out: TextIO, columns: Sequence[str], width: int = 60) -> int:
    """An aligned plain-text table of the given columns, cells cut at ``width`` characters."""
    items = [[_cell(r.get(c), width) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in items]) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    for row in items:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n")
    return len(items)


def _cell(value: Any, width: int) -> str:
    if value is None:
        return "-"
    if isinstance(value, dict):
        value = value.get("name") or value.get("date") or json.dumps(value)
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def emit(rows: Iterable[dict[str, Any]], fmt: str, columns: Sequence[str], out: TextIO | None = None) -> int:
    """Write rows in the chosen format (jsonl, json, csv, table)."""
    out = out or sys.stdout
    if fmt == "jsonl":
        return write_jsonl(rows, out)
    if fmt == "json":
        return write_json(rows, out)
    if fmt == "csv":
        return write_csv(rows, out)
    return write_table(rows, out, columns)
