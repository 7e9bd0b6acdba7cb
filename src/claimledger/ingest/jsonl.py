"""JSON Lines (one document per line) and JSON (one object, or an array of objects).

Lines are streamed: a million-line file is never held in memory, a line longer than the cap is
skipped to its end and recorded, and each bad line is one failure while the rest go on.
Fields: ``text`` (required), ``id``, ``title``, ``url``, ``published``, ``publisher``, ``author``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from claimledger.ingest import RawInput, RawKind, RawMeta, failure
from claimledger.ingest.streams import CHUNK, read_capped

_HTML_TEXT = re.compile(r"^\s*<|<(?:p|div|br|article|html|body)[\s/>]", re.IGNORECASE)


def iter_jsonl(source: str, stream: BinaryIO, limit: int) -> Iterator[RawInput]:
    """One RawInput per non-blank line; a line over ``limit`` bytes is a failure, skipped whole."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_line(stream)
            yield failure(f"{source}#L{number}", f"line {number}: too large, over the {limit:,}-byte cap")
            continue
        if not line.strip():
            continue
        yield item_input(source, f"L{number}", f"line {number}", line)


def iter_json(source: str, stream: BinaryIO, limit: int) -> Iterator[RawInput]:
    """A ``.json`` file: one object is one document, an array holds one per element."""
    data = read_capped(stream, limit, "JSON file")
    try:
        value = json.loads(_text(data))
    except RecursionError:
        yield failure(source, "JSON nested too deeply to read")
        return
    except ValueError as exc:
        if "Extra data" in str(exc):  # several objects, one per line: JSON Lines named .json
            import io

            yield from iter_jsonl(source, io.BytesIO(data), limit)
            return
        yield failure(source, f"not valid JSON: {exc}")
        return
    if isinstance(value, dict):
        yield from _from_object(source, None, "", value)
    elif isinstance(value, list):
        for index, element in enumerate(value):
            yield from _from_object(source, f"{index}", f"element {index}", element)
    else:
        yield failure(source, "JSON is neither an object nor an array of objects")


def item_input(source: str, anchor: str, where: str, line: bytes) -> RawInput:
    """The RawInput of one JSON Lines line (or a failure naming the line)."""
    try:
        value = json.loads(_text(line))
    except RecursionError:
        return failure(f"{source}#{anchor}", f"{where}: JSON nested too deeply to read")
    except ValueError as exc:
        return failure(f"{source}#{anchor}", f"{where}: not valid JSON ({exc})")
    found = list(_from_object(source, anchor, where, value))
    return found[0]


def _from_object(source: str, anchor: str | None, where: str, value: Any) -> Iterator[RawInput]:
    here = source if anchor is None else f"{source}#{anchor}"
    if not isinstance(value, dict):
        yield failure(here, f"{where or 'JSON'}: not a JSON object".strip())
        return
    given_id = _str(value.get("id"))
    if given_id is not None and anchor is not None:
        here = f"{source}#id={given_id}"  # stable when lines are added or reordered
    text = value.get("text")
    if not isinstance(text, str):
        label = f"{where}: " if where else ""
        yield failure(here, f"{label}no 'text' string field", RawMeta(external_id=given_id))
        return
    meta = RawMeta(
        title=_str(value.get("title")), publisher=_str(value.get("publisher")),
        author=_author(value.get("author")), published=_str(value.get("published")),
        external_id=given_id, url=_str(value.get("url")),
    )
    kind: RawKind = "html" if _HTML_TEXT.search(text[:2000]) else "text"
    yield RawInput(source=here, data=text.encode("utf-8", "replace"), kind=kind, meta=meta,
                   encoding="utf-8")


def _text(data: bytes) -> str:
    """Bytes of a JSON line as text: UTF-8, else Windows-1252, else UTF-8 with replacements."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def _skip_line(stream: BinaryIO) -> None:
    while True:
        piece = stream.readline(CHUNK)
        if not piece or piece.endswith(b"\n"):
            return


def _str(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _author(value: object) -> str | None:
    if isinstance(value, list):
        names = [_str(v.get("name") if isinstance(v, dict) else v) for v in value]
        return ", ".join(n for n in names if n) or None
    if isinstance(value, dict):
        return _str(value.get("name"))
    return _str(value)
