"""Bytes to text: BOMs, declared charsets, then detection; binary input is refused."""

from __future__ import annotations

import codecs

from claimledger.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, *, declared: str | None = None) -> str:
    """Decode input bytes to text, or raise InputError when they are not text."""
    if not data.strip():
        raise InputError("empty input: nothing to read")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:4096]:
        raise InputError("binary content (NUL bytes): not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise InputError("undecodable bytes: not a text document in any known encoding")
    return data.decode(best.encoding, errors="replace")
