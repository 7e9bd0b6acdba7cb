"""``export --format parquet``: every record in one Parquet file, one row per record.

Nested contract objects become ``parent.child`` columns and lists become JSON text, as in the CSV
export. A column whose values are all numbers is stored as a number (int64 or float64), all
booleans as bool; a column mixing kinds (``value`` is a number for quantities and an ISO date for
times) is stored as text, so no value is lost or coerced silently.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from claimledger.errors import ConfigError
from claimledger.serve.output import flatten


def _kind(values: list[Any]) -> str:
    present = [v for v in values if v is not None]
    if not present:
        return "string"
    if all(isinstance(v, bool) for v in present):
        return "bool"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "int64"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "float64"
    return "string"


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def write_parquet(records: Iterable[dict[str, Any]], stream: IO[bytes]) -> int:
    """Write ``records`` to a binary stream as one Parquet table; return how many rows."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ConfigError("Parquet export needs the 'parquet' extra: pip install 'claimledger[parquet]'") from exc
    rows = [flatten(r) for r in records]
    columns: dict[str, None] = {"type": None, "id": None}
    for row in rows:
        columns.update(dict.fromkeys(row))
    arrays = []
    fields = []
    for name in columns:
        values = [row.get(name) for row in rows]
        kind = _kind(values)
        if kind == "string":
            values = [_text(v) for v in values]
        elif kind == "float64":
            values = [None if v is None else float(v) for v in values]
        arrow_type = {"string": pa.string(), "bool": pa.bool_(), "int64": pa.int64(), "float64": pa.float64()}[kind]
        arrays.append(pa.array(values, type=arrow_type))
        fields.append(pa.field(name, arrow_type))
    table = pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata={b"claimledger": b"export contract v1"}))
    pq.write_table(table, stream, compression="zstd")
    return len(rows)
